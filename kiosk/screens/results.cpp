// Results for the class on the big screen: before and after per statement for a period, with the
// report's suppression rule (fewer than 5 participants, or a group that could be worked out, is hidden).
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include "confidence/results.h"

#include <algorithm>
#include <cstdio>

namespace sb {

namespace {

void Bar(Ui& ui, const char* label, double value, Rgb colour, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = ui.Font(FontRole::Small);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float label_w = ui.U(5);
    const float h = ui.U(1.0f);
    dl->AddText(small, small->FontSize, ImVec2(p0.x, p0.y + (h - small->FontSize) * 0.5f),
                ToU32(ui.colors->text), label);
    const float bw = width - label_w - ui.U(3);
    dl->AddRectFilled(ImVec2(p0.x + label_w, p0.y), ImVec2(p0.x + label_w + bw, p0.y + h),
                      ToU32(ui.colors->secondary), h * 0.3f);
    dl->AddRectFilled(ImVec2(p0.x + label_w, p0.y),
                      ImVec2(p0.x + label_w + bw * static_cast<float>(value / 5.0), p0.y + h), ToU32(colour),
                      h * 0.3f);
    char num[16];
    snprintf(num, sizeof num, "%.1f", value);
    dl->AddText(small, small->FontSize,
                ImVec2(p0.x + label_w + bw + ui.U(0.4f), p0.y + (h - small->FontSize) * 0.5f),
                ToU32(ui.colors->text), num);
    ImGui::Dummy(ImVec2(width, h + ui.U(0.2f)));
    ui.record.texts.push_back(std::string(label) + " " + num);
}

} // namespace

void DrawResultsScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const TrainerData& trainer = state.trainer;
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    for (const char* period : {"today", "week", "all"}) {
        ImGui::SameLine();
        const std::string id = std::string("period-") + period;
        if (ui::Button(ui, id.c_str(), Tr(ui.lang, std::string("results.") + period), ImVec2(ui.U(7), 0),
                       trainer.results_period == period ? ButtonKind::Primary : ButtonKind::Quiet))
            out.Push(act::SetResultsPeriod{period});
    }
    const ui::Column col = ui::CenteredColumn(ui, 46);
    ui::BeginBody(ui, "##results", col, 0);
    const float w = ui::BodyWidth(ui, col);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "results.title"), t.text, w);
    if (!trainer.report) {
        ui::Label(ui, FontRole::Body, Tr(ui.lang, "results.nolog"), t.text_muted, w);
        ui::EndBody(ui);
        return;
    }
    // Computed by the flow when the screen opened or the period changed, never while drawing; only sealed
    // cohorts of at least 5 (ResultsForScreen), so the figures never change by one student.
    const ScreenResults& report = *trainer.report;
    size_t shown = 0;
    for (const ScreenItem& item : report.items) {
        const Pack* pack = state.packs.FindPack(item.pack_id);
        const ConfidenceItem* ci = pack ? pack->FindConfidenceItem(item.item_id) : nullptr;
        ui::Space(ui, 0.6f);
        ui::Label(ui, FontRole::Bold, ci ? pack->T(ci->statement, ui.lang) : item.item_id, t.text, w);
        ++shown;
        Bar(ui, Tr(ui.lang, "results.before"), item.mean_before, t.text_muted, w);
        Bar(ui, Tr(ui.lang, "results.after"), item.mean_after, t.primary, w);
        char n[128];
        snprintf(n, sizeof n, Tr(ui.lang, "results.n"), item.participants);
        ui::Label(ui, FontRole::Small, n, t.text_muted, w);
    }
    if (report.checks_waiting > 0) {
        char waiting[160];
        snprintf(waiting, sizeof waiting, Tr(ui.lang, "results.waiting"),
                 static_cast<int>(report.checks_waiting));
        ui::Space(ui, 0.6f);
        ui::Label(ui, FontRole::Small, waiting, t.text_muted, w);
    }
    if (report.items.empty()) ui::Label(ui, FontRole::Body, Tr(ui.lang, "results.empty"), t.text_muted, w);
    ui::Space(ui, 0.8f);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "results.rule"), t.text_muted, w);
    ui::Probe(ui, "results.shown", std::to_string(shown));
    ui::Probe(ui, "results.waiting", std::to_string(report.checks_waiting));
    ui::EndBody(ui);
}

} // namespace sb
