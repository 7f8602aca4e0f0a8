// A module's overview: what it is about, how long it takes, its content warning and its sources.
#include "pack/stats.h"
#include "screens/screens.h"
#include "ui/strings.h"

#include <cstdio>

namespace sb {

void DrawModuleScreen(const Model& model, Ui& ui, Actions& actions) {
    ui::BeginRoot(ui, "module");
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet)) actions.Back();
    const Pack* pack = model.CurrentPack();
    const Module* m = model.CurrentModule();
    if (!pack || !m) {  // the module disappeared in a live reload
        ui::Label(ui, FontRole::Body, Tr(ui.lang, "module.gone"), ui.colors->text_muted);
        ui::EndRoot();
        return;
    }
    ui::Probe(ui, "module.id", m->id);
    const float column = std::min(ImGui::GetContentRegionAvail().x, ui.U(40));
    ui::Space(ui, 0.4f);
    ui::Label(ui, FontRole::Heading, pack->T(m->title, ui.lang), ui.colors->text, column);
    char meta[96];
    char minutes[32];
    snprintf(minutes, sizeof minutes, Tr(ui.lang, "common.minutes"), ModuleMinutes(*pack, *m));
    snprintf(meta, sizeof meta, "%s  ·  %s", Tr(ui.lang, (std::string("kind.") + KindName(m->kind)).c_str()), minutes);
    ui::Label(ui, FontRole::Small, meta, ui.colors->secondary_text);
    ui::Space(ui, 0.5f);
    if (!m->summary.Empty()) ui::Label(ui, FontRole::Body, pack->T(m->summary, ui.lang), ui.colors->text, column);
    if (const Roleplay* rp = m->AsRoleplay()) {
        ui::Space(ui, 0.5f);
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "module.warning"), ui.colors->warn, column);
        ui::Label(ui, FontRole::Body, pack->T(rp->content_warning, ui.lang), ui.colors->text, column);
    }
    if (const Lesson* lesson = m->AsLesson()) {
        ui::Space(ui, 0.5f);
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "module.pages"), ui.colors->text, column);
        for (size_t i = 0; i < lesson->pages.size(); ++i)
            ui::Label(ui, FontRole::Body, std::to_string(i + 1) + ". " + pack->T(lesson->pages[i].title, ui.lang),
                      ui.colors->text, column);
    }
    if (!m->sources.empty()) {
        ui::Space(ui, 0.5f);
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "module.sources"), ui.colors->text, column);
        for (const Source& s : m->sources) ui::Label(ui, FontRole::Small, "– " + s.title, ui.colors->text_muted, column);
    }
    ui::EndRoot();
}

} // namespace sb
