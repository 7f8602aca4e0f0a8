// Welcome: pick a language (Dutch is the default) and a text size, then go on. No name, no login.
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>

namespace sb {

void DrawWelcomeScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    const ThemeColors& t = *ui.colors;
    const float column = std::min(ImGui::GetWindowWidth() - ui.U(4), ui.U(30));
    const float x = (ImGui::GetWindowWidth() - column) * 0.5f;
    ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + ui.U(1.0f)));
    ImGui::BeginGroup();
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "welcome.language"), t.text, column);
    ui::Space(ui, 0.3f);
    for (const std::string& lang : state.languages) {
        const std::string id = "lang-" + lang;
        const ButtonKind kind = lang == state.student.lang ? ButtonKind::Primary : ButtonKind::Quiet;
        if (ui::Button(ui, id.c_str(), Tr(ui.lang, ("lang." + lang).c_str()), ImVec2(column, ui.U(2.2f)),
                       kind))
            out.Push(act::SetLanguage{lang});
    }
    ui::Space(ui, 1.0f);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "welcome.size"), t.text, column);
    ui::Space(ui, 0.3f);
    const struct {
        const char* id;
        const char* label;
        float scale;
    } sizes[] = {{"size-normal", "A", 1.0f}, {"size-large", "A+", 1.2f}, {"size-larger", "A++", 1.4f}};
    const float bw = (column - ImGui::GetStyle().ItemSpacing.x * 2) / 3;
    for (size_t i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        const bool on = std::abs(state.student.access.text_scale - sizes[i].scale) < 0.01f;
        if (ui::Button(ui, sizes[i].id, sizes[i].label, ImVec2(bw, ui.U(2.2f)),
                       on ? ButtonKind::Primary : ButtonKind::Quiet))
            out.Push(act::SetTextScale{sizes[i].scale});
    }
    ui::Space(ui, 0.4f);
    if (ui::Button(
            ui, "contrast",
            Tr(ui.lang, state.student.access.high_contrast ? "welcome.contrast.on" : "welcome.contrast"),
            ImVec2(column, 0), state.student.access.high_contrast ? ButtonKind::Primary : ButtonKind::Quiet))
        out.Push(act::ToggleContrast{});
    if (ui::Button(
            ui, "dyslexia",
            Tr(ui.lang, state.student.access.dyslexia_font ? "welcome.dyslexia.on" : "welcome.dyslexia"),
            ImVec2(column, 0), state.student.access.dyslexia_font ? ButtonKind::Primary : ButtonKind::Quiet))
        out.Push(act::ToggleDyslexia{});
    ui::Space(ui, 1.0f);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "welcome.anonymous"), t.text_muted, column);
    ui::Space(ui, 0.4f);
    if (ui::Button(ui, "continue", Tr(ui.lang, "common.next"), ImVec2(column, ui.U(2.4f))))
        out.Push(act::StartSession{});
    ImGui::SetItemDefaultFocus();
    ImGui::EndGroup();
}

} // namespace sb
