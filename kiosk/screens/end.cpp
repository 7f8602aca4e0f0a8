// The end screen: a few tips and where to go for help, low-threshold first; then back to the start.
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>

namespace sb {

void DrawEndScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const float column = std::min(ImGui::GetWindowWidth() - ui.U(4), ui.U(42));
    const float x = (ImGui::GetWindowWidth() - column) * 0.5f;
    ImGui::SetCursorPosX(x);
    ImGui::BeginChild(
        "##end",
        ImVec2(column + ImGui::GetStyle().ScrollbarSize, ImGui::GetContentRegionAvail().y - ui.U(3.0f)),
        false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened);
    ui::TouchScroll();
    const float w = column - ui.U(0.3f);
    ui::Label(ui, FontRole::Title, Tr(ui.lang, "end.title"), t.primary, w);
    ui::Label(ui, FontRole::Body, Tr(ui.lang, "end.intro"), t.text, w);
    if (const Pack* pack = state.MainPack()) {
        if (!pack->end_tips.empty()) {
            ui::Space(ui, 0.6f);
            ui::Label(ui, FontRole::Bold, Tr(ui.lang, "end.tips"), t.text, w);
            for (const LocalText& tip : pack->end_tips)
                ui::Label(ui, FontRole::Body, "•  " + pack->T(tip, ui.lang), t.text, w);
        }
        if (!pack->help.empty()) {
            ui::Space(ui, 0.6f);
            ui::Label(ui, FontRole::Bold, Tr(ui.lang, "debrief.help"), t.text, w);
            for (const HelpResource& h : pack->help) {
                std::string body = pack->T(h.text, ui.lang);
                if (!h.contact.Empty()) body += "\n" + pack->T(h.contact, ui.lang);
                ui::NoteCard(ui, t.primary, t.callout_tip, pack->T(h.title, ui.lang), body, w);
                ui::Space(ui, 0.2f);
            }
        }
    }
    ImGui::EndChild();
    ImGui::SetCursorPosX(x);
    if (ui::Button(ui, "bye", Tr(ui.lang, "end.bye"), ImVec2(column, ui.U(2.2f))))
        out.Push(act::EndSession{}); // everything of this student is wiped
    ImGui::SetItemDefaultFocus();
}

} // namespace sb
