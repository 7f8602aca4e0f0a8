// The anonymous confidence check: one statement at a time, a big 1-5 scale with labelled ends, and
// "weet ik niet". Each answer is written to the log at once; nothing on screen says who answered.
#include "screens/screens.h"
#include "ui/strings.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace sb {

void DrawConfidenceScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ConfidenceRun* run = state.student.confidence.get();
    if (!run || run->Done()) return;
    const ThemeColors& t = *ui.colors;
    const Pack& pack = run->GetPack();
    const CheckStep& step = run->Current();
    const float column = std::min(ImGui::GetWindowWidth() - ui.U(4), ui.U(40));
    const float x = (ImGui::GetWindowWidth() - column) * 0.5f;

    char progress[64];
    snprintf(progress, sizeof progress, Tr(ui.lang, "check.progress"), static_cast<int>(run->Index() + 1),
             static_cast<int>(run->Count()));
    const char* phase_key =
        step.phase == Phase::Pre ? "check.pre" : (step.phase == Phase::Post ? "check.post" : "check.retro");
    ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + ui.U(0.5f)));
    ImGui::BeginGroup();
    ui::Label(ui, FontRole::Small, std::string(Tr(ui.lang, phase_key)) + "  ·  " + progress, t.secondary_text,
              column);
    ui::ProgressBar(ui, float(run->Index() + 1) / run->Count(), column);
    ui::Space(ui, 1.2f);
    if (step.phase == Phase::Retro)
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "check.retro.question"), t.secondary_text, column);
    ui::Label(ui, FontRole::Heading, pack.T(step.item->statement, ui.lang), t.text, column);
    ui::Space(ui, 1.0f);

    // The scale: five big steps; the ends carry the pack's labels.
    const float gap = ui.U(0.5f);
    const float bw = (column - gap * 4) / 5;
    for (int v = 1; v <= 5; ++v) {
        if (v > 1) ImGui::SameLine(0, gap);
        const std::string id = "scale-" + std::to_string(v);
        if (ui::Button(ui, id.c_str(), std::to_string(v), ImVec2(bw, ui.U(3.2f)), ButtonKind::Secondary) ||
            ImGui::IsKeyPressed(SDL_SCANCODE_1 + v - 1, false))
            out.Push(act::Answer{v});
    }
    ImFont* small = ui.Font(FontRole::Small);
    const std::string low = pack.T(step.item->low, ui.lang), high = pack.T(step.item->high, ui.lang);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float wrap = bw * 1.6f;
    ImGui::GetWindowDrawList()->AddText(small, small->FontSize, p, ToU32(t.text_muted), low.c_str(), nullptr,
                                        wrap);
    const float hw = std::min(ui::MeasureWrapped(small, high, wrap).x, wrap);
    ImGui::GetWindowDrawList()->AddText(small, small->FontSize, ImVec2(p.x + column - hw, p.y),
                                        ToU32(t.text_muted), high.c_str(), nullptr, wrap);
    ImGui::Dummy(ImVec2(
        column, std::max(ui::MeasureWrapped(small, low, wrap).y, ui::MeasureWrapped(small, high, wrap).y)));
    ui.record.texts.push_back(low);
    ui.record.texts.push_back(high);
    ui::Space(ui, 0.8f);
    if (step.item->dont_know &&
        ui::Button(ui, "dont-know", Tr(ui.lang, "check.dontknow"), ImVec2(ui.U(10), 0), ButtonKind::Quiet))
        out.Push(act::Answer{std::nullopt});
    ImGui::SameLine(column - ui.U(8)); // relative to the group, which starts at x
    if (ui::Button(ui, "skip", Tr(ui.lang, "check.skip"), ImVec2(ui.U(8), 0), ButtonKind::Quiet))
        out.Push(act::SkipItem{});
    ui::Space(ui, 1.2f);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "check.anonymous"), t.text_muted, column);
    ImGui::EndGroup();
    ui::Probe(ui, "check.phase",
              step.phase == Phase::Pre ? "pre" : (step.phase == Phase::Post ? "post" : "retro"));
    ui::Probe(ui, "check.item", step.item->id);
}

} // namespace sb
