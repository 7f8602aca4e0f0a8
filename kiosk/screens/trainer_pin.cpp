// The trainer's PIN: a keypad for touch, digits for keyboards. Wrong PINs lead to a growing wait.
#include "screens/screens.h"
#include "ui/strings.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace sb {

namespace {

void Submit(Model& m) {
    if (m.pin_guard.Locked(m.now_ms)) return;
    if (VerifyPin(m.config.pin_hash, m.pin_entry)) {
        m.pin_guard.Right();
        m.trainer_message.clear();
        m.router.Replace(ScreenId::Trainer);
    } else {
        m.pin_guard.Wrong(m.now_ms);
        m.trainer_message = "pin.wrong";
    }
    std::fill(m.pin_entry.begin(), m.pin_entry.end(), '\0'); // do not keep the PIN around
    m.pin_entry.clear();
}

} // namespace

void DrawTrainerPinScreen(const Model& model, Ui& ui, Actions& actions) {
    ui::BeginRoot(ui, "trainer-pin");
    const ThemeColors& t = *ui.colors;
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        actions.Push([](Model& m) {
            m.pin_entry.clear();
            m.router.Back();
        });
    const float column = std::min(ImGui::GetWindowWidth() - ui.U(4), ui.U(16));
    const float x = (ImGui::GetWindowWidth() - column) * 0.5f;
    ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + ui.U(0.5f)));
    ImGui::BeginGroup();
    ui::LabelCentered(ui, FontRole::Heading, Tr(ui.lang, "pin.title"), t.text, column);
    if (model.config.pin_hash.empty()) {
        // No PIN yet (a new kiosk, a developer): the menu opens, with a warning, so nobody is ever locked in.
        actions.Push([](Model& m) {
            m.trainer_message = Tr(m.lang, "pin.none");
            m.router.Replace(ScreenId::Trainer);
        });
        ImGui::EndGroup();
        ui::EndRoot();
        return;
    }
    int wait = 0;
    const bool locked = model.pin_guard.Locked(model.now_ms, &wait);
    std::string dots;
    for (size_t i = 0; i < model.pin_entry.size(); ++i)
        dots += "● ";
    ui::LabelCentered(ui, FontRole::Heading, dots.empty() ? " " : dots, t.primary, column);
    if (locked) {
        char msg[160];
        snprintf(msg, sizeof msg, Tr(ui.lang, "pin.locked"), wait);
        ui::LabelCentered(ui, FontRole::Small, msg, t.warn, column);
    } else if (!model.trainer_message.empty()) {
        ui::LabelCentered(ui, FontRole::Small, Tr(ui.lang, model.trainer_message.c_str()), t.warn, column);
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
        const bool enabled = !locked;
        if (ui::Button(ui, id.c_str(), k, ImVec2(bw, ui.U(2.4f)),
                       k == "OK" ? ButtonKind::Primary : ButtonKind::Secondary, enabled)) {
            if (k == "OK")
                actions.Push([](Model& m) { Submit(m); });
            else if (k == "⌫")
                actions.Push([](Model& m) {
                    if (!m.pin_entry.empty()) m.pin_entry.pop_back();
                });
            else
                actions.Push([k](Model& m) {
                    if (m.pin_entry.size() < 8) m.pin_entry += k;
                    m.trainer_message.clear();
                });
        }
    }
    // Keyboards: digits, Backspace and Return.
    if (!locked) {
        for (int d = 0; d <= 9; ++d) {
            const int sc = d == 0 ? SDL_SCANCODE_0 : SDL_SCANCODE_1 + d - 1;
            if (ImGui::IsKeyPressed(sc, false))
                actions.Push([d](Model& m) {
                    if (m.pin_entry.size() < 8) m.pin_entry += char('0' + d);
                    m.trainer_message.clear();
                });
        }
        if (ImGui::IsKeyPressed(SDL_SCANCODE_BACKSPACE, false))
            actions.Push([](Model& m) {
                if (!m.pin_entry.empty()) m.pin_entry.pop_back();
            });
        if (ImGui::IsKeyPressed(SDL_SCANCODE_RETURN, false)) actions.Push([](Model& m) { Submit(m); });
        ui.record.handles_return = true; // Return submits the PIN, whichever key was tapped last
    }
    ImGui::EndGroup();
    ui::Probe(ui, "pin.locked", locked ? std::to_string(wait) : "no");
    ui::Probe(ui, "pin.wrong", std::to_string(model.pin_guard.WrongCount()));
    ui::EndRoot();
}

} // namespace sb
