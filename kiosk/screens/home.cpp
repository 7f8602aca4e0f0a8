// Home: the modules of the playable packs as big cards, two per row.
#include "pack/stats.h"
#include "screens/screens.h"
#include "ui/strings.h"

#include <cstdio>

namespace sb {

namespace {

ui::IconKind IconFor(ModuleKind kind) {
    switch (kind) {
    case ModuleKind::Lesson:
        return ui::IconKind::Lesson;
    case ModuleKind::Roleplay:
        return ui::IconKind::Roleplay;
    case ModuleKind::Quiz:
        return ui::IconKind::Quiz;
    case ModuleKind::Confidence:
        return ui::IconKind::Check;
    }
    return ui::IconKind::Lesson;
}

} // namespace

void DrawHomeScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    if (!state.locked && state.packs.BrokenCount() > 0) {
        // In a window (an author at work) broken packs are one tap away; a kiosk keeps this for the trainer
        // menu.
        char label[96];
        snprintf(label, sizeof label, "%s (%zu)", Tr(ui.lang, "diag.button"), state.packs.BrokenCount());
        ImGui::SameLine(0, ui.U(1));
        if (ui::Button(ui, "diagnostics", label, ImVec2(ui.U(13), 0), ButtonKind::Quiet))
            out.Push(act::OpenDiagnostics{});
    }
    if (!state.workshop) {
        // Done: the check afterwards (when there was one before), then tips and where to get help.
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - ui.U(10));
        if (ui::Button(ui, "done", Tr(ui.lang, "home.done"), ImVec2(ui.U(10), 0), ButtonKind::Primary))
            out.Push(act::FinishSession{});
    }
    ui::Space(ui, 0.3f);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "home.title"), ui.colors->text);
    ui::Space(ui, 0.4f);

    // A little padding, so the keyboard focus ring around a card is not cut off by the scroll area.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.U(0.3f), ui.U(0.3f)));
    ImGui::BeginChild("##cards", ImVec2(0, 0), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened |
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ui::TouchScroll();
    const float spacing = ui.U(1.0f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = avail > ui.U(30) ? 2 : 1;
    const ImVec2 card((avail - spacing * (columns - 1) - ui.U(0.4f)) / columns, ui.U(4.6f));
    int shown = 0;
    for (const LoadedPack& loaded : state.packs.Packs()) {
        const Pack* pack = loaded.result.pack.get();
        if (!pack) continue;
        for (const Module& m : pack->modules) {
            if (m.kind == ModuleKind::Confidence) continue;   // asked around modules, not picked from home
            if (state.ModuleHidden(pack->id, m.id)) continue; // the trainer switched it off
            if (shown % columns != 0)
                ImGui::SameLine(0, spacing);
            else if (shown > 0)
                ImGui::Dummy(ImVec2(1, spacing * 0.3f));
            char footer[64];
            snprintf(footer, sizeof footer, "%s  ·  ", Tr(ui.lang, std::string("kind.") + KindName(m.kind)));
            char minutes[32];
            snprintf(minutes, sizeof minutes, Tr(ui.lang, "common.minutes"), ModuleMinutes(*pack, m));
            const std::string id = "module-" + m.id;
            if (ui::Card(ui, id.c_str(), IconFor(m.kind), pack->T(m.title, ui.lang),
                         pack->T(m.summary, ui.lang), std::string(footer) + minutes, card))
                out.Push(act::OpenModule{pack->id, m.id});
            ++shown;
        }
    }
    if (shown == 0) ui::Label(ui, FontRole::Body, Tr(ui.lang, "home.empty"), ui.colors->text_muted);
    ui::Probe(ui, "home.cards", std::to_string(shown));
    ImGui::EndChild();
}

void DrawModuleGone(Ui& ui, ActionSink& out) {
    ui::Label(ui, FontRole::Body, Tr(ui.lang, "module.gone"), ui.colors->text_muted);
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        out.Push(act::Back{});
}

} // namespace sb
