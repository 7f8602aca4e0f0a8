// The trainer menu: walk-up or workshop, results and export, which modules show, pack diagnostics,
// idle times, display, and exit. Every change is saved to the config file at once (by the flow).
#include "flow/flow.h"
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <cstdio>

namespace sb {

namespace {

void Section(Ui& ui, const char* key, float w) {
    ui::Space(ui, 0.7f);
    ui::Label(ui, FontRole::Bold, Tr(ui.lang, key), ui.colors->secondary_text, w);
}

// "−  value  +" for a setting the trainer steps through.
void Stepper(Ui& ui, ActionSink& out, const char* id, const char* key, int value, const IntLimits& limits,
             bool countdown, float w) {
    char label[128];
    snprintf(label, sizeof label, Tr(ui.lang, key), value);
    ui::Label(ui, FontRole::Body, label, ui.colors->text, w * 0.6f);
    ImGui::SameLine(w - ui.U(5.2f));
    const std::string minus = std::string(id) + "-less", plus = std::string(id) + "-more";
    auto step = [&](int steps) -> Action {
        if (countdown) return act::StepCountdown{steps};
        return act::StepIdle{steps};
    };
    if (ui::Button(ui, minus.c_str(), "−", ImVec2(ui.U(2.4f), 0), ButtonKind::Secondary, value > limits.min))
        out.Push(step(-1));
    ImGui::SameLine();
    if (ui::Button(ui, plus.c_str(), "+", ImVec2(ui.U(2.4f), 0), ButtonKind::Secondary, value < limits.max))
        out.Push(step(+1));
}

} // namespace

void DrawTrainerScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const StudentSession& s = state.student;
    if (ui::Button(ui, "leave", Tr(ui.lang, "trainer.leave"), ImVec2(ui.U(12), 0), ButtonKind::Primary))
        out.Push(act::LeaveTrainer{});
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - ui.U(10));
    if (ui::Button(ui, "exit", Tr(ui.lang, "trainer.exit"), ImVec2(ui.U(10), 0), ButtonKind::Quiet))
        out.Push(act::Quit{});
    const ui::Column col = ui::CenteredColumn(ui, 44);
    ui::BeginBody(ui, "##trainer", col, 0);
    const float w = ui::BodyWidth(ui, col);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "trainer.title"), t.text, w);
    ui::Label(ui, FontRole::Small, std::string(Tr(ui.lang, "trainer.label")) + " " + state.config.kiosk_label,
              t.text_muted, w);
    if (!s.trainer_notice.empty()) {
        std::string body = Tr(ui.lang, s.trainer_notice);
        if (!s.trainer_detail.empty()) body += " " + s.trainer_detail;
        ui::NoteCard(ui, t.primary, t.callout_know, "", body, w);
    }
    if (!state.log_status.Ok() && state.log)
        ui::NoteCard(ui, t.warn, t.callout_watch, Tr(ui.lang, "trainer.log.problem"),
                     state.log_status.Message(ui.lang), w);

    Section(ui, "trainer.mode", w);
    const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (ui::Button(ui, "mode-walkup", Tr(ui.lang, "trainer.walkup"), ImVec2(half, 0),
                   state.workshop ? ButtonKind::Quiet : ButtonKind::Primary))
        out.Push(act::SetWorkshop{false});
    ImGui::SameLine();
    if (ui::Button(ui, "mode-workshop", Tr(ui.lang, "trainer.workshop"), ImVec2(half, 0),
                   state.workshop ? ButtonKind::Primary : ButtonKind::Quiet))
        out.Push(act::SetWorkshop{true});

    if (state.workshop) {
        Section(ui, "trainer.phones", w);
        if (state.phones.On()) {
            if (ui::Button(ui, "phones-show", Tr(ui.lang, "trainer.phones.show"), ImVec2(half, 0),
                           ButtonKind::Primary))
                out.Push(act::OpenPhones{});
            ImGui::SameLine();
            if (ui::Button(ui, "phones-off", Tr(ui.lang, "trainer.phones.off"), ImVec2(half, 0),
                           ButtonKind::Quiet))
                out.Push(act::SetPhones{false});
        } else if (ui::Button(ui, "phones-on", Tr(ui.lang, "trainer.phones.on"), ImVec2(w, 0),
                              ButtonKind::Secondary)) {
            out.Push(act::SetPhones{true});
        }
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "trainer.phones.note"), t.text_muted, w);
    }

    Section(ui, "trainer.results", w);
    if (ui::Button(ui, "results", Tr(ui.lang, "trainer.results.open"), ImVec2(w, 0), ButtonKind::Secondary))
        out.Push(act::OpenResults{});
    if (ui::Button(ui, "export", Tr(ui.lang, "trainer.export.open"), ImVec2(w, 0), ButtonKind::Secondary))
        out.Push(act::OpenExport{});

    Section(ui, "trainer.modules", w);
    for (const LoadedPack& p : state.packs.Packs()) {
        if (!p.result.pack) continue;
        const Pack& pack = *p.result.pack;
        // The pack as a whole first, then its modules.
        const bool pack_hidden = state.PackHidden(pack.id);
        const std::string pack_button = "show-pack-" + pack.id;
        if (ui::Button(ui, pack_button.c_str(),
                       std::string(pack_hidden ? "○  " : "✓  ") + pack.T(pack.title, ui.lang), ImVec2(w, 0),
                       pack_hidden ? ButtonKind::Quiet : ButtonKind::Primary))
            out.Push(act::ToggleHidden{pack.id + "/*"});
        if (pack_hidden) continue;
        for (const Module& m : pack.modules) {
            if (m.kind == ModuleKind::Confidence) continue;
            const bool hidden = state.ModuleHidden(pack.id, m.id);
            const std::string id = "show-" + m.id;
            const std::string label = std::string(hidden ? "○  " : "✓  ") + pack.T(m.title, ui.lang);
            if (ui::Button(ui, id.c_str(), label, ImVec2(w, 0),
                           hidden ? ButtonKind::Quiet : ButtonKind::Secondary))
                out.Push(act::ToggleHidden{pack.id + "/" + m.id});
        }
    }
    if (state.packs.BrokenCount() > 0 && ui::Button(ui, "diagnostics",
                                                    std::string(Tr(ui.lang, "diag.button")) + " (" +
                                                        std::to_string(state.packs.BrokenCount()) + ")",
                                                    ImVec2(w, 0), ButtonKind::Quiet))
        out.Push(act::OpenDiagnostics{});

    Section(ui, "trainer.idle", w);
    Stepper(ui, out, "idle", "trainer.idle.after", state.config.idle_seconds, kIdleSeconds, false, w);
    Stepper(ui, out, "countdown", "trainer.idle.countdown", state.config.countdown_seconds, kCountdownSeconds,
            true, w);

    Section(ui, "trainer.display", w);
    const Accessibility& kiosk = state.defaults.access;
    if (ui::Button(ui, "contrast",
                   Tr(ui.lang, kiosk.high_contrast ? "welcome.contrast.on" : "welcome.contrast"),
                   ImVec2(w, 0), kiosk.high_contrast ? ButtonKind::Primary : ButtonKind::Quiet))
        out.Push(act::SetKioskContrast{!kiosk.high_contrast});
    if (ui::Button(ui, "dyslexia",
                   Tr(ui.lang, kiosk.dyslexia_font ? "welcome.dyslexia.on" : "welcome.dyslexia"),
                   ImVec2(w, 0), kiosk.dyslexia_font ? ButtonKind::Primary : ButtonKind::Quiet))
        out.Push(act::SetKioskDyslexia{!kiosk.dyslexia_font});
    ui::EndBody(ui);
}

} // namespace sb
