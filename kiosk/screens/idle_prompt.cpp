// "Ben je er nog?": shown over any screen after a while without input, with a visible countdown.
// Any touch or key keeps the student's place; at zero the kiosk wipes everything and starts over.
#include "screens/screens.h"
#include "ui/strings.h"

#include <cmath>
#include <cstdio>

namespace sb {

void DrawIdlePrompt(const KioskState& state, Ui& ui, ActionSink& out, int seconds_left) {
    const ThemeColors& t = *ui.colors;
    ImDrawList* dl = ui::BeginOverlay(ui, "##idle", 140); // only the prompt is pressed and checked
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    const ImVec2 card(std::min(size.x - ui.U(2), ui.U(24)), ui.U(15.5f));
    const ImVec2 p0((size.x - card.x) * 0.5f, (size.y - card.y) * 0.5f);
    dl->AddRectFilled(p0, ImVec2(p0.x + card.x, p0.y + card.y), ToU32(t.surface), ui.U(0.8f));
    // The countdown ring empties once a second: one redraw per visible change.
    const ImVec2 c(p0.x + card.x * 0.5f, p0.y + ui.U(3.6f));
    const float r = ui.U(2.0f);
    const int total = std::max(1, state.config.countdown_seconds);
    const float frac = static_cast<float>(seconds_left) / total;
    dl->PathArcTo(c, r, 0, 2 * 3.14159265f, 48);
    dl->PathStroke(ToU32(t.secondary), 0, ui.U(0.35f));
    dl->PathArcTo(c, r, -3.14159265f / 2, -3.14159265f / 2 + 2 * 3.14159265f * frac, 48);
    dl->PathStroke(ToU32(t.primary), 0, ui.U(0.35f));
    char num[16];
    snprintf(num, sizeof num, "%d", seconds_left);
    ImFont* big = ui.Font(FontRole::Heading);
    const ImVec2 ns = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, num);
    dl->AddText(big, big->FontSize, ImVec2(c.x - ns.x * 0.5f, c.y - ns.y * 0.5f), ToU32(t.text), num);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + ui.U(1), p0.y + ui.U(6.3f)));
    ImGui::BeginGroup();
    ui::LabelCentered(ui, FontRole::Heading, Tr(ui.lang, "idle.title"), t.text, card.x - ui.U(2));
    ui::LabelCentered(ui, FontRole::Small, Tr(ui.lang, "idle.text"), t.text_muted, card.x - ui.U(2));
    ui::Space(ui, 0.4f);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + ui.U(2), ImGui::GetCursorScreenPos().y));
    if (ui::Button(ui, "still-here", Tr(ui.lang, "idle.button"), ImVec2(card.x - ui.U(4), ui.U(2.2f))))
        out.Push(act::StillHere{});
    ImGui::EndGroup();
    ui::Probe(ui, "idle.seconds", std::to_string(seconds_left));
    ImGui::End();
}

} // namespace sb
