// Results for the class on the big screen: per statement, the group's mean before and after on the 1-5 scale
// and the change, for a period. Only complete groups of five show (the log's release rule), so the screen
// never moves by one student; it says how many answers still wait for their group.
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include "confidence/results.h"

#include <algorithm>
#include <cstdio>

namespace sb {

namespace {

std::string OneDecimal(double v, const std::string& lang) {
    char buf[32];
    snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (lang == "nl") std::replace(s.begin(), s.end(), '.', ','); // 3,4 in Dutch
    return s;
}

// Two bars, before and after, over one 1-5 axis with its ticks, and the change beside them.
void BeforeAfter(Ui& ui, const ScreenItem& item, float width) {
    const ThemeColors& t = *ui.colors;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = ui.Font(FontRole::Small);
    ImFont* bold = ui.Font(FontRole::Bold);
    const std::string before = Tr(ui.lang, "results.before"), after = Tr(ui.lang, "results.after");
    const float label_w = std::max(small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, before.c_str()).x,
                                   small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, after.c_str()).x) +
                          ui.U(0.6f);
    const double change = item.mean_after - item.mean_before;
    const std::string change_text = (change >= 0 ? "+" : "−") + OneDecimal(std::fabs(change), ui.lang);
    const float change_w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, "+0,0").x + ui.U(1.2f);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float x0 = p0.x + label_w, x1 = p0.x + width - change_w - ui.U(2.2f);
    const float h = ui.U(0.8f), gap = ui.U(0.35f);
    auto at = [&](double v) {
        return x0 + (x1 - x0) * static_cast<float>((std::clamp(v, 1.0, 5.0) - 1) / 4);
    };
    float y = p0.y;
    for (int row = 0; row < 2; ++row) {
        const double v = row == 0 ? item.mean_before : item.mean_after;
        ui::DrawText(ui, FontRole::Small, ImVec2(p0.x, y + (h - small->FontSize) * 0.5f), t.text,
                     row == 0 ? before : after);
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + h), ToU32(t.secondary), h * 0.3f);
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(std::max(x0 + h, at(v)), y + h),
                          ToU32(row == 0 ? t.text_muted : t.primary), h * 0.3f);
        ui::DrawText(ui, FontRole::Small, ImVec2(x1 + ui.U(0.4f), y + (h - small->FontSize) * 0.5f), t.text,
                     OneDecimal(v, ui.lang));
        y += h + gap;
    }
    // The axis: 1 to 5, so a bar's length reads as a place on the scale.
    for (int v = 1; v <= 5; ++v) {
        const float x = at(v);
        dl->AddLine(ImVec2(x, p0.y - ui.U(0.1f)), ImVec2(x, y), ToU32(t.edge, 0.5f), 1.0f);
        const std::string n = std::to_string(v);
        const float nw = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, n.c_str()).x;
        ui::DrawText(ui, FontRole::Small, ImVec2(x - nw * 0.5f, y), t.text_muted, n);
    }
    // The change, large, in the colour of its direction.
    const Rgb c = change > 0.05 ? t.good : (change < -0.05 ? t.warn : t.text);
    ui::DrawText(ui, FontRole::Bold,
                 ImVec2(p0.x + width - change_w, p0.y + (h * 2 + gap - bold->FontSize) * 0.5f), c,
                 change_text);
    ImGui::Dummy(ImVec2(width, y - p0.y + small->FontSize + ui.U(0.2f)));
}

} // namespace

void DrawResultsScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const TrainerData& trainer = state.trainer;
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(0, 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    const ui::Column col = ui::CenteredColumn(ui, 46);
    ui::BeginBody(ui, "##results", col, 0);
    const float w = ui::BodyWidth(ui, col);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "results.title"), t.text, w);
    // The period: a row of three tabs, apart from Back so the two are never confused.
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "results.period"), t.secondary_text, w);
    const float tw = ui::ShareWidth(ui, w, 3);
    int n = 0;
    for (const char* period : {"today", "week", "all"}) {
        if (n++) ImGui::SameLine();
        const std::string id = std::string("period-") + period;
        const bool on = trainer.results_period == period;
        if (ui::Button(ui, id.c_str(),
                       std::string(on ? "● " : "") + Tr(ui.lang, std::string("results.") + period),
                       ImVec2(tw, 0), on ? ButtonKind::Primary : ButtonKind::Secondary))
            out.Push(act::SetResultsPeriod{period});
    }
    ui::Space(ui, 0.4f);
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
        ui::Space(ui, 0.5f);
        ui::Label(ui, FontRole::Bold, ci ? pack->T(ci->statement, ui.lang) : item.item_id, t.text, w);
        ui::Space(ui, 0.1f);
        BeforeAfter(ui, item, w);
        char participants[128];
        snprintf(participants, sizeof participants, Tr(ui.lang, "results.n"), item.participants);
        ui::Label(ui, FontRole::Small, participants, t.text_muted, w);
        ++shown;
    }
    if (report.items.empty()) ui::Label(ui, FontRole::Body, Tr(ui.lang, "results.empty"), t.text_muted, w);
    if (report.checks_waiting > 0) {
        char waiting[160];
        snprintf(waiting, sizeof waiting, Tr(ui.lang, "results.waiting"),
                 static_cast<int>(report.checks_waiting));
        ui::Space(ui, 0.5f);
        ui::NoteCard(ui, t.primary, t.callout_know, "", waiting, w);
    }
    ui::Space(ui, 0.6f);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "results.rule"), t.text_muted, w);
    ui::Probe(ui, "results.shown", std::to_string(shown));
    ui::Probe(ui, "results.waiting", std::to_string(report.checks_waiting));
    ui::EndBody(ui);
}

} // namespace sb
