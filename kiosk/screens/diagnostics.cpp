// Pack diagnostics for the trainer: which packs were skipped or play without a broken module, and why, in
// the kiosk's language.
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

namespace sb {

void DrawDiagnosticsScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(0, 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    const ui::Column col = ui::CenteredColumn(ui, 60);
    ImGui::SetCursorPosX(col.x);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "diag.title"), ui.colors->text, col.width);
    size_t broken = 0;
    ui::BeginBody(ui, "##diags", col, 0);
    const float w = ui::BodyWidth(ui, col);
    for (const LoadedPack& p : state.packs.Packs()) {
        if (!p.HasProblems()) continue;
        ++broken;
        ui::Space(ui, 0.5f);
        ui::Label(ui, FontRole::Bold, p.dir, ui.colors->text, w);
        const auto& diags = p.result.diagnostics;
        size_t shown = 0;
        for (const Diagnostic& d : diags.List()) {
            if (d.severity != Severity::Error && d.code != "module-left-out") continue;
            if (++shown > 30) break; // the CLI lists everything; the screen shows what fits
            ui::Label(ui, FontRole::Small, FormatDiagnostic(d, ui.lang), ui.colors->text, w);
        }
    }
    if (broken == 0)
        ui::Label(ui, FontRole::Body, Tr(ui.lang, "diag.none"), ui.colors->text_muted, w);
    else
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "diag.intro"), ui.colors->text_muted, w);
    ui::Probe(ui, "diagnostics.broken", std::to_string(broken));
    ui::EndBody(ui);
}

} // namespace sb
