// The end screen: a few tips and where to go for help, low-threshold first; then back to the start.
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <algorithm>

namespace sb {

void DrawEndScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const ui::Column col = ui::CenteredColumn(ui, 42);
    ui::BeginBody(ui, "##end", col, ui::ActionBarHeight(ui));
    const float w = ui::BodyWidth(ui, col);
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
    ui::EndBody(ui);
    ui::BeginActionBar(ui, col);
    if (ui::Button(ui, "bye", Tr(ui.lang, "end.bye"), ImVec2(col.width, ui.U(2.2f))))
        out.Push(act::EndSession{}); // everything of this student is wiped
    ImGui::SetItemDefaultFocus();
    ui::EndActionBar(ui);
}

} // namespace sb
