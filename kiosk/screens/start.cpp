// The start screen: title, a short intro and a big Start button, in Dutch with English one tap away.
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>

namespace sb {

namespace {

void DrawBackdrop(const Ui& ui) {
    // Soft shapes in the theme's colours: calm, and recognisably Stageboost from across the room.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    dl->PushClipRectFullScreen();
    dl->AddCircleFilled(ImVec2(size.x * 0.94f, size.y * 0.12f), size.y * 0.32f, ToU32(ui.colors->accent, 0.16f), 64);
    dl->AddCircleFilled(ImVec2(size.x * 0.04f, size.y * 0.98f), size.y * 0.38f, ToU32(ui.colors->primary, 0.10f), 64);
    dl->AddCircleFilled(ImVec2(size.x * 0.16f, size.y * 0.86f), size.y * 0.10f, ToU32(ui.colors->accent, 0.20f), 48);
    dl->PopClipRect();
}

} // namespace

void LanguageSwitch(const Model& model, Ui& ui, Actions& actions) {
    // Top right: one button per language; the chosen one is filled.
    const float width = ui.U(6.2f);
    const float total = width * model.languages.size() + ImGui::GetStyle().ItemSpacing.x * (model.languages.size() - 1);
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowWidth() - total - ImGui::GetStyle().WindowPadding.x,
                               ImGui::GetStyle().WindowPadding.y));
    for (size_t i = 0; i < model.languages.size(); ++i) {
        const std::string& lang = model.languages[i];
        if (i > 0) ImGui::SameLine();
        const std::string key = "lang." + lang;
        const std::string id = "lang-" + lang;
        const ButtonKind kind = lang == model.lang ? ButtonKind::Primary : ButtonKind::Quiet;
        if (ui::Button(ui, id.c_str(), Tr(ui.lang, key), ImVec2(width, 0), kind))
            actions.Push([lang](Model& m) { m.lang = lang; });
    }
}

void DrawStartScreen(const Model& model, Ui& ui, Actions& actions) {
    ui::BeginRoot(ui, "start");
    DrawBackdrop(ui);
    LanguageSwitch(model, ui, actions);

    const ImVec2 avail = ImGui::GetMainViewport()->Size;
    const float column = std::min(avail.x - ui.U(4), ui.U(34));
    const float x = (avail.x - column) * 0.5f;
    ImGui::SetCursorPos(ImVec2(x, avail.y * 0.2f));
    ImGui::BeginGroup();
    ui::LabelCentered(ui, FontRole::Title, Tr(ui.lang, "app.title"), ui.colors->primary, column);
    ui::LabelCentered(ui, FontRole::Heading, Tr(ui.lang, "start.tagline"), ui.colors->text, column);
    ui::Space(ui, 0.8f);
    ImGui::SetCursorPosX(x);
    ui::LabelCentered(ui, FontRole::Body, Tr(ui.lang, "start.intro"), ui.colors->text, column);
    ui::Space(ui, 1.6f);

    const ImVec2 button(ui.U(11), ui.U(2.6f));
    ImGui::SetCursorPosX(x + (column - button.x) * 0.5f);
    if (ui::Button(ui, "start", Tr(ui.lang, "start.button"), button)) actions.Go(ScreenId::Home);
    ImGui::SetItemDefaultFocus();  // Return or Space starts, without showing a focus ring to touch users
    ui::Space(ui, 1.6f);
    ImGui::SetCursorPosX(x);
    ui::LabelCentered(ui, FontRole::Small, Tr(ui.lang, "start.quote"), ui.colors->text_muted, column);
    ImGui::EndGroup();
    ui::EndRoot();
}

} // namespace sb
