// The trainer's PIN: a keypad for touch, digits for keyboards. Wrong PINs lead to a growing wait.
#include "screens/screens.h"
#include "ui/strings.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace sb {

void DrawTrainerPinScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const StudentSession& s = state.student;
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        out.Push(act::PinCancel{});
    const float column = std::min(ImGui::GetWindowWidth() - ui.U(4), ui.U(16));
    const float x = (ImGui::GetWindowWidth() - column) * 0.5f;
    ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + ui.U(0.5f)));
    ImGui::BeginGroup();
    ui::LabelCentered(ui, FontRole::Heading, Tr(ui.lang, "pin.title"), t.text, column);
    int wait = 0;
    const bool locked = state.pin_guard.Locked(state.now_ms, &wait);
    std::string dots;
    for (size_t i = 0; i < s.pin_entry.size(); ++i)
        dots += "● ";
    ui::LabelCentered(ui, FontRole::Heading, dots.empty() ? " " : dots, t.primary, column);
    if (locked) {
        char msg[160];
        snprintf(msg, sizeof msg, Tr(ui.lang, "pin.locked"), wait);
        ui::LabelCentered(ui, FontRole::Small, msg, t.warn, column);
    } else if (!s.trainer_notice.empty()) {
        ui::LabelCentered(ui, FontRole::Small, Tr(ui.lang, s.trainer_notice), t.warn, column);
    } else {
        ui::LabelCentered(ui, FontRole::Small, " ", t.text_muted, column);
    }
    ui::Space(ui, 0.4f);
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
    const float gap = ui.U(0.4f);
    const float bw = (column - gap * 2) / 3;
    for (int i = 0; i < 12; ++i) {
        if (i % 3) ImGui::SameLine(0, gap);
        const std::string k = keys[i];
        const std::string id = k == "⌫" ? "pin-back" : (k == "OK" ? "pin-ok" : "pin-" + k);
        if (ui::Button(ui, id.c_str(), k, ImVec2(bw, ui.U(2.4f)),
                       k == "OK" ? ButtonKind::Primary : ButtonKind::Secondary, !locked)) {
            if (k == "OK")
                out.Push(act::PinSubmit{});
            else if (k == "⌫")
                out.Push(act::PinBackspace{});
            else
                out.Push(act::PinDigit{k[0]});
        }
    }
    // Keyboards: digits, Backspace and Return.
    if (!locked) {
        for (int d = 0; d <= 9; ++d) {
            const int sc = d == 0 ? SDL_SCANCODE_0 : SDL_SCANCODE_1 + d - 1;
            if (ImGui::IsKeyPressed(sc, false)) out.Push(act::PinDigit{char('0' + d)});
        }
        if (ImGui::IsKeyPressed(SDL_SCANCODE_BACKSPACE, false)) out.Push(act::PinBackspace{});
        if (ImGui::IsKeyPressed(SDL_SCANCODE_RETURN, false)) out.Push(act::PinSubmit{});
        ui.record.handles_return = true; // Return submits the PIN, whichever key was tapped last
    }
    ImGui::EndGroup();
    ui::Probe(ui, "pin.locked", locked ? std::to_string(wait) : "no");
    ui::Probe(ui, "pin.wrong", std::to_string(state.pin_guard.WrongCount()));
}

} // namespace sb
