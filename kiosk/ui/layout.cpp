#include "ui/layout.h"

#include <imgui_internal.h>

#include <algorithm>

namespace sb::ui {

Column CenteredColumn(const Ui& ui, float max_units) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float window_w = ImGui::GetWindowWidth();
    const float width = std::min(window_w - style.WindowPadding.x * 2, ui.U(max_units));
    return {(window_w - width) * 0.5f, width};
}

float ActionBarHeight(const Ui& ui) {
    return std::max(48.0f, ui.U(2.2f)) + ui.U(0.9f);
}

void BeginBody(Ui& ui, const char* id, const Column& column, float bottom) {
    ImGui::SetCursorPosX(column.x);
    const float h = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - bottom;
    BeginScroll(ui, id, ImVec2(column.width + ImGui::GetStyle().ScrollbarSize, std::max(ui.U(3), h)));
}

void EndBody(Ui& ui) {
    ImGui::Dummy(ImVec2(1, ui.U(0.4f))); // the last line never sits against the fade
    EndScroll(ui);
}

float BodyWidth(const Ui& ui, const Column& column) {
    return column.width - ui.U(0.3f);
}

void BeginActionBar(Ui& ui, const Column& column) {
    const float h = ActionBarHeight(ui);
    const float y = ImGui::GetWindowHeight() - h;
    // A thin rule above the bar, the width of the window's content.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 wp = ImGui::GetWindowPos();
    dl->AddLine(ImVec2(wp.x + column.x, wp.y + y), ImVec2(wp.x + column.x + column.width, wp.y + y),
                ToU32(ui.colors->border), std::max(1.0f, ui.U(0.04f)));
    ImGui::SetCursorPos(ImVec2(column.x, y + ui.U(0.45f)));
    ImGui::BeginGroup();
}

void EndActionBar(Ui&) {
    ImGui::EndGroup();
}

float ShareWidth(const Ui&, float width, int n) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    return (width - gap * (n - 1)) / n;
}

} // namespace sb::ui
