// Welcome: pick a language (Dutch is the default), a text size and, if wanted, more contrast or the dyslexia
// letter; then go on. No name, no login. "Verder" stays in the action bar whatever the text size.
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace sb {

void DrawWelcomeScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const StudentSession& s = state.student;
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(0, 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    const ui::Column col = ui::CenteredColumn(ui, 34);
    ui::BeginBody(ui, "##welcome", col, ui::ActionBarHeight(ui));
    const float w = ui::BodyWidth(ui, col);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "welcome.language"), t.text, w);
    ui::Space(ui, 0.2f);
    // The languages side by side, each named in its own language.
    const int n = static_cast<int>(state.languages.size());
    const float lw = ui::ShareWidth(ui, w, std::max(1, n));
    for (int i = 0; i < n; ++i) {
        const std::string& lang = state.languages[i];
        if (i > 0) ImGui::SameLine(0, gap);
        const std::string id = "lang-" + lang;
        const bool on = lang == s.lang;
        if (ui::Button(ui, id.c_str(), std::string(on ? "✓ " : "") + Tr(lang, "lang." + lang),
                       ImVec2(lw, ui.U(2.2f)), on ? ButtonKind::Primary : ButtonKind::Quiet))
            out.Push(act::SetLanguage{lang});
    }
    ui::Space(ui, 0.8f);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "welcome.size"), t.text, w);
    ui::Space(ui, 0.2f);
    // The kiosk's text sizes (config/config.h), each a bigger A.
    const char* const labels[] = {"A", "A+", "A++"};
    static_assert(std::size(labels) == kTextScales.size());
    const float bw = ui::ShareWidth(ui, w, static_cast<int>(kTextScales.size()));
    for (size_t i = 0; i < kTextScales.size(); ++i) {
        if (i) ImGui::SameLine(0, gap);
        const float scale = kTextScales[i].scale;
        const std::string id = std::string("size-") + NameOf(kTextScales[i].size);
        const bool on = std::abs(s.access.text_scale - scale) < 0.01f;
        if (ui::Button(ui, id.c_str(), labels[i], ImVec2(bw, ui.U(2.2f)),
                       on ? ButtonKind::Primary : ButtonKind::Quiet))
            out.Push(act::SetTextScale{scale});
    }
    ui::Space(ui, 0.8f);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "welcome.display"), t.text, w);
    ui::Space(ui, 0.2f);
    // Two switches: side by side where they fit, else one above the other.
    const char* contrast = Tr(ui.lang, s.access.high_contrast ? "welcome.contrast.on" : "welcome.contrast");
    const char* dyslexia = Tr(ui.lang, s.access.dyslexia_font ? "welcome.dyslexia.on" : "welcome.dyslexia");
    ImGui::PushFont(ui.Font(FontRole::Bold));
    const float pad = ImGui::GetStyle().FramePadding.x * 2 + ui.U(0.4f);
    const float need = std::max(ImGui::CalcTextSize(contrast).x, ImGui::CalcTextSize(dyslexia).x) + pad;
    ImGui::PopFont();
    const bool side_by_side = need <= ui::ShareWidth(ui, w, 2);
    const float sw = side_by_side ? ui::ShareWidth(ui, w, 2) : w;
    if (ui::Button(ui, "contrast", contrast, ImVec2(sw, 0),
                   s.access.high_contrast ? ButtonKind::Primary : ButtonKind::Quiet))
        out.Push(act::ToggleContrast{});
    if (side_by_side) ImGui::SameLine(0, gap);
    if (ui::Button(ui, "dyslexia", dyslexia, ImVec2(sw, 0),
                   s.access.dyslexia_font ? ButtonKind::Primary : ButtonKind::Quiet))
        out.Push(act::ToggleDyslexia{});
    ui::Space(ui, 0.8f);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "welcome.anonymous"), t.text_muted, w);
    ui::EndBody(ui);

    ui::BeginActionBar(ui, col);
    if (ui::Button(ui, "continue", Tr(ui.lang, "common.next"), ImVec2(col.width, ui.U(2.2f))))
        out.Push(act::StartSession{});
    ImGui::SetItemDefaultFocus();
    ui::EndActionBar(ui);
}

} // namespace sb
