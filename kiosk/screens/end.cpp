// The end screen: what the student did here, a few tips, and where to go for help (low-threshold first),
// with a QR code for each web address so nobody has to copy one from a public screen; then back to the start.
#include "core/web_address.h"
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
    // The recap: the modules finished in this session, by title, as on home. Only this student's own
    // session, and it is wiped with the rest at "Tot ziens".
    const StudentSession& s = state.student;
    if (!s.finished.empty() || s.pre_done) {
        ui::Space(ui, 0.6f);
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "end.recap"), t.text, w);
        for (const std::string& key : s.finished) {
            const size_t slash = key.find('/');
            const Pack* pack = state.packs.FindPack(key.substr(0, slash));
            const Module* m =
                pack && slash != std::string::npos ? pack->FindModule(key.substr(slash + 1)) : nullptr;
            if (m) ui::Label(ui, FontRole::Body, "✓  " + pack->T(m->title, ui.lang), t.text, w);
        }
        if (s.pre_done)
            ui::Label(ui, FontRole::Body,
                      "✓  " + std::string(Tr(ui.lang, s.post_done ? "end.recap.checks" : "end.recap.check")),
                      t.text, w);
        ui::Probe(ui, "end.recap", std::to_string(s.finished.size()));
    }
    if (const Pack* pack = state.MainPack()) {
        if (!pack->end_tips.empty()) {
            ui::Space(ui, 0.6f);
            ui::Label(ui, FontRole::Bold, Tr(ui.lang, "end.tips"), t.text, w);
            for (const LocalText& tip : pack->end_tips)
                ui::Label(ui, FontRole::Body, "•  " + pack->T(tip, ui.lang), t.text, w);
        }
        // Only the help for who is at the kiosk: a student never sees the cards meant for their supervisor.
        const std::vector<const HelpResource*> help = state.EndHelp(*pack);
        if (!help.empty()) {
            ui::Space(ui, 0.6f);
            ui::Label(ui, FontRole::Bold, Tr(ui.lang, "debrief.help"), t.text, w);
            int codes = 0;
            for (const HelpResource* hp : help) {
                const HelpResource& h = *hp;
                const std::string body = HelpCardBody(*pack, h, ui.lang);
                const std::string contact = h.contact.Empty() ? "" : pack->T(h.contact, ui.lang);
                const std::vector<std::string> addresses = FindWebAddresses(contact);
                // A code big enough for a phone at arm's length: at least 3 px per module.
                const float side = addresses.empty() ? 0.0f : std::max(ui.U(5.5f), 33.0f * 3);
                const float gap = ui.U(0.6f);
                const ImVec2 top = ImGui::GetCursorScreenPos();
                ui::NoteCard(ui, t.primary, t.callout_tip, pack->T(h.title, ui.lang), body,
                             side > 0 ? w - side - gap : w);
                if (side > 0) {
                    const float bottom = ImGui::GetCursorScreenPos().y;
                    const ImVec2 at(top.x + w - side, top.y);
                    ui::QrCode(ui, EncodeQr(WebAddressUrl(addresses.front())), at, side);
                    const std::string id = "qr-" + h.id;
                    ui::Record(ui, id.c_str(), addresses.front(), at, ImVec2(at.x + side, at.y + side), false,
                               true);
                    ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(bottom, top.y + side + gap)));
                    ++codes;
                }
                ui::Space(ui, 0.2f);
            }
            ui::Probe(ui, "end.qr", std::to_string(codes));
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
