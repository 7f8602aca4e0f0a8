// Role-play intro: what it is about, who you play, and a content warning with a way out.
#include "pack/stats.h"
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <cstdio>

namespace sb {

void DrawRoleplayIntroScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    const Pack* pack = state.CurrentPack();
    const Module* m = state.CurrentModule();
    const Roleplay* rp = m ? m->AsRoleplay() : nullptr;
    if (!pack || !rp) {
        ui::Label(ui, FontRole::Body, Tr(ui.lang, "module.gone"), ui.colors->text_muted); // Back is above
        return;
    }
    ui::Probe(ui, "module.id", m->id);
    const ui::Column col = ui::CenteredColumn(ui, 36);
    ui::BeginBody(ui, "##intro", col, ui::ActionBarHeight(ui));
    const float width = ui::BodyWidth(ui, col);
    char meta[96], minutes[32];
    snprintf(minutes, sizeof minutes, Tr(ui.lang, "common.minutes"), ModuleMinutes(*pack, *m));
    snprintf(meta, sizeof meta, "%s  ·  %s", Tr(ui.lang, "kind.roleplay"), minutes);
    ui::Label(ui, FontRole::Small, meta, ui.colors->secondary_text, width);
    ui::Label(ui, FontRole::Heading, pack->T(m->title, ui.lang), ui.colors->text, width);
    ui::Space(ui, 0.3f);
    if (!rp->role.Empty()) ui::Label(ui, FontRole::Bold, pack->T(rp->role, ui.lang), ui.colors->text, width);
    if (!m->summary.Empty())
        ui::Label(ui, FontRole::Body, pack->T(m->summary, ui.lang), ui.colors->text, width);
    ui::Space(ui, 0.6f);
    ui::NoteCard(ui, ui.colors->warn, ui.colors->callout_watch, Tr(ui.lang, "roleplay.warning"),
                 pack->T(rp->content_warning, ui.lang), width);
    ui::Space(ui, 0.4f);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, state.workshop ? "roleplay.howto.workshop" : "roleplay.howto"),
              ui.colors->text_muted, width);
    ui::EndBody(ui);
    ui::BeginActionBar(ui, col);
    const float bw = ui::ShareWidth(ui, col.width, 2);
    if (ui::Button(ui, "skip", Tr(ui.lang, "roleplay.skip"), ImVec2(bw, ui.U(2.2f)), ButtonKind::Quiet))
        out.Push(act::Back{});
    ImGui::SameLine();
    if (ui::Button(ui, "begin", Tr(ui.lang, "roleplay.begin"), ImVec2(bw, ui.U(2.2f))))
        out.Push(act::RoleplayBegin{});
    ImGui::SetItemDefaultFocus();
    ui::EndActionBar(ui);
}

} // namespace sb
