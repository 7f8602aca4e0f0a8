// Home: the modules of the playable packs as big cards, two per row.
#include "pack/stats.h"
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>
#include <cstdio>

namespace sb {

namespace {

ui::IconKind IconFor(ModuleKind kind) {
    switch (kind) {
    case ModuleKind::Lesson: return ui::IconKind::Lesson;
    case ModuleKind::Roleplay: return ui::IconKind::Roleplay;
    case ModuleKind::Quiz: return ui::IconKind::Quiz;
    case ModuleKind::Confidence: return ui::IconKind::Check;
    }
    return ui::IconKind::Lesson;
}

} // namespace

void DrawHomeScreen(const Model& model, Ui& ui, Actions& actions) {
    ui::BeginRoot(ui, "home");
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet)) actions.Back();
    if (model.packs.BrokenCount() > 0) {
        // A quiet note for the trainer; students can ignore it.
        char label[96];
        snprintf(label, sizeof label, "%s (%zu)", Tr(ui.lang, "diag.button"), model.packs.BrokenCount());
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - ui.U(13));
        if (ui::Button(ui, "diagnostics", label, ImVec2(ui.U(13), 0), ButtonKind::Quiet)) actions.Go(ScreenId::Diagnostics);
    }
    ui::Space(ui, 0.3f);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "home.title"), ui.colors->text);
    ui::Space(ui, 0.4f);

    ImGui::BeginChild("##cards", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    ui::TouchScroll();
    const float spacing = ui.U(1.0f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = avail > ui.U(30) ? 2 : 1;
    const ImVec2 card((avail - spacing * (columns - 1) - ui.U(0.4f)) / columns, ui.U(4.6f));
    int shown = 0;
    for (const LoadedPack& loaded : model.packs.Packs()) {
        const Pack* pack = loaded.result.pack.get();
        if (!pack) continue;
        for (const Module& m : pack->modules) {
            if (m.kind == ModuleKind::Confidence) continue;  // asked around modules, not picked from home
            if (shown % columns != 0) ImGui::SameLine(0, spacing);
            else if (shown > 0) ImGui::Dummy(ImVec2(1, spacing * 0.3f));
            char footer[64];
            snprintf(footer, sizeof footer, "%s  ·  ", Tr(ui.lang, (std::string("kind.") + KindName(m.kind)).c_str()));
            char minutes[32];
            snprintf(minutes, sizeof minutes, Tr(ui.lang, "common.minutes"), ModuleMinutes(*pack, m));
            const std::string id = "module-" + m.id;
            if (ui::Card(ui, id.c_str(), IconFor(m.kind), pack->T(m.title, ui.lang), pack->T(m.summary, ui.lang),
                         std::string(footer) + minutes, card)) {
                const std::string pack_id = pack->id, module_id = m.id;
                const ScreenId screen = m.kind == ModuleKind::Roleplay ? ScreenId::RoleplayIntro : ScreenId::Module;
                actions.Push([pack_id, module_id, screen](Model& mm) {
                    mm.pack_id = pack_id;
                    mm.module_id = module_id;
                    mm.router.Push(screen);
                });
            }
            ++shown;
        }
    }
    if (shown == 0) ui::Label(ui, FontRole::Body, Tr(ui.lang, "home.empty"), ui.colors->text_muted);
    ui::Probe(ui, "home.cards", std::to_string(shown));
    ImGui::EndChild();
    ui::EndRoot();
}

} // namespace sb
