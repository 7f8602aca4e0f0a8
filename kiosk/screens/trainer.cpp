// The trainer menu: walk-up or workshop, results and export, which modules show, pack diagnostics,
// idle times, display, and exit. Every change is saved to the config file at once (by the flow).
#include "flow/flow.h"
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <algorithm>
#include <cstdio>

namespace sb {

namespace {

// "−  value  +" for a setting the trainer steps through.
void Stepper(Ui& ui, ActionSink& out, const char* id, const char* key, int value, const IntLimits& limits,
             bool countdown, float w) {
    char label[128];
    snprintf(label, sizeof label, Tr(ui.lang, key), value);
    // The label centred on the row of buttons beside it.
    const float row_h = std::max(48.0f, ui.U(1.9f));
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + std::max(0.0f, (row_h - ui.Font(FontRole::Body)->FontSize) * 0.5f));
    ui::Label(ui, FontRole::Body, label, ui.colors->text, w * 0.6f);
    ImGui::SameLine(w - ui.U(5.2f));
    ImGui::SetCursorPosY(y);
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

// A group of the menu: a heading and its controls on one surface panel, so the trainer sees five groups
// instead of a column of identical buttons. The panel is drawn behind the controls once their height is
// known.
class Group {
  public:
    Group(Ui& ui, const char* key, float w) : m_ui(ui), m_w(w) {
        ui::Space(ui, 0.7f);
        m_dl = ImGui::GetWindowDrawList();
        m_split.Split(m_dl, 2); // its own splitter: cards inside the group split the window's list too
        m_split.SetCurrentChannel(m_dl, 1);
        m_top = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(m_top.x + Pad(), m_top.y + Pad()));
        ImGui::BeginGroup();
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, key), ui.colors->secondary_text, Inner());
        ui::Space(ui, 0.2f);
    }
    ~Group() {
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y + Pad();
        m_split.SetCurrentChannel(m_dl, 0);
        m_dl->AddRectFilled(m_top, ImVec2(m_top.x + m_w, bottom), ToU32(m_ui.colors->surface), m_ui.U(0.5f));
        m_dl->AddRect(m_top, ImVec2(m_top.x + m_w, bottom), ToU32(m_ui.colors->border), m_ui.U(0.5f));
        m_split.Merge(m_dl);
        ImGui::SetCursorScreenPos(ImVec2(m_top.x, bottom));
        ImGui::Dummy(ImVec2(m_w, 1));
    }
    float Inner() const { return m_w - 2 * Pad(); }

  private:
    float Pad() const { return m_ui.U(0.8f); }
    Ui& m_ui;
    float m_w;
    ImDrawList* m_dl = nullptr;
    ImDrawListSplitter m_split;
    ImVec2 m_top;
};

} // namespace

void DrawTrainerScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const StudentSession& s = state.student;
    const TrainerData& trainer = state.trainer;
    const ui::Column col = ui::CenteredColumn(ui, 46);
    ImGui::SetCursorPosX(col.x);
    if (ui::Button(ui, "leave", Tr(ui.lang, "trainer.leave"), ImVec2(ui.U(12), 0), ButtonKind::Primary))
        out.Push(act::LeaveTrainer{});
    ImGui::SameLine();
    ImGui::BeginGroup();
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "trainer.title"), t.text, col.width - ui.U(13));
    ui::Label(ui, FontRole::Small, std::string(Tr(ui.lang, "trainer.label")) + " " + state.config.kiosk_label,
              t.text_muted, col.width - ui.U(13));
    ImGui::EndGroup();
    if (trainer.confirm_quit) {
        // The question in the middle of the screen, instead of the menu: stopping leaves the students a
        // dark screen, so it is never a tap that happens by accident or a question scrolled out of view.
        const ui::Column box = ui::CenteredColumn(ui, 30);
        ImGui::SetCursorPos(ImVec2(box.x, ImGui::GetWindowHeight() * 0.3f));
        ImGui::BeginGroup();
        ui::NoteCard(ui, t.warn, t.callout_watch, Tr(ui.lang, "trainer.exit.title"),
                     Tr(ui.lang, "trainer.exit.text"), box.width);
        ui::Space(ui, 0.4f);
        const float half = ui::ShareWidth(ui, box.width, 2);
        if (ui::Button(ui, "exit-cancel", Tr(ui.lang, "common.cancel"), ImVec2(half, 0),
                       ButtonKind::Secondary))
            out.Push(act::AskQuit{false});
        ImGui::SetItemDefaultFocus();
        ImGui::SameLine();
        if (ui::Button(ui, "exit-confirm", Tr(ui.lang, "trainer.exit.confirm"), ImVec2(half, 0),
                       ButtonKind::Danger))
            out.Push(act::Quit{});
        ImGui::EndGroup();
        return;
    }
    ui::BeginBody(ui, "##trainer", col, 0);
    const float w = ui::BodyWidth(ui, col);
    // Warnings first, where the trainer is looking: no PIN is a risk, not news.
    if (!s.trainer_notice.empty()) {
        std::string body = Tr(ui.lang, s.trainer_notice);
        if (!s.trainer_detail.empty()) body += " " + s.trainer_detail;
        const bool warning = s.trainer_notice == "pin.none" || s.trainer_notice == "trainer.save.failed";
        ui::NoteCard(ui, warning ? t.warn : t.primary, warning ? t.callout_watch : t.callout_know,
                     warning ? Tr(ui.lang, "trainer.warning") : "", body, w);
    }
    if (!state.log_status.Ok() && state.log)
        ui::NoteCard(ui, t.warn, t.callout_watch, Tr(ui.lang, "trainer.log.problem"),
                     state.log_status.Message(ui.lang), w);

    {
        Group g(ui, "trainer.group.session", w);
        const float in = g.Inner();
        const float half = ui::ShareWidth(ui, in, 2);
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "trainer.mode"), t.text_muted, in);
        if (ui::Button(ui, "mode-walkup", Tr(ui.lang, "trainer.walkup"), ImVec2(half, 0),
                       state.workshop ? ButtonKind::Quiet : ButtonKind::Primary))
            out.Push(act::SetWorkshop{false});
        ImGui::SameLine();
        if (ui::Button(ui, "mode-workshop", Tr(ui.lang, "trainer.workshop"), ImVec2(half, 0),
                       state.workshop ? ButtonKind::Primary : ButtonKind::Quiet))
            out.Push(act::SetWorkshop{true});
        if (state.workshop) {
            ui::Space(ui, 0.4f);
            ui::Label(ui, FontRole::Small, Tr(ui.lang, "trainer.phones"), t.text_muted, in);
            if (state.phones.On()) {
                if (ui::Button(ui, "phones-show", Tr(ui.lang, "trainer.phones.show"), ImVec2(half, 0),
                               ButtonKind::Primary))
                    out.Push(act::OpenPhones{});
                ImGui::SameLine();
                if (ui::Button(ui, "phones-off", Tr(ui.lang, "trainer.phones.off"), ImVec2(half, 0),
                               ButtonKind::Quiet))
                    out.Push(act::SetPhones{false});
            } else if (ui::Button(ui, "phones-on", Tr(ui.lang, "trainer.phones.on"), ImVec2(in, 0),
                                  ButtonKind::Secondary)) {
                out.Push(act::SetPhones{true});
            }
            ui::Label(ui, FontRole::Small, Tr(ui.lang, "trainer.phones.note"), t.text_muted, in);
            // Who the workshop is for: home shows that group's modules. Two per row, big enough to tap.
            ui::Space(ui, 0.4f);
            ui::Label(ui, FontRole::Small, Tr(ui.lang, "trainer.audience"), t.text_muted, in);
            int k = 0;
            for (Audience a : kAudiences) {
                if (a == Audience::Trainer) continue;
                if (k % 2 == 1) ImGui::SameLine();
                const std::string id = std::string("audience-") + AudienceName(a);
                const bool on = state.workshop_audience == a;
                if (ui::Button(ui, id.c_str(),
                               std::string(on ? "✓  " : "") +
                                   Tr(ui.lang, "audience." + std::string(AudienceName(a))),
                               ImVec2(half, 0), on ? ButtonKind::Primary : ButtonKind::Quiet))
                    out.Push(act::SetAudience{a});
                ++k;
            }
            ui::Label(ui, FontRole::Small, Tr(ui.lang, "audience.note"), t.text_muted, in);
        }
    }
    if (const auto guides = state.TrainerModules(); !guides.empty()) {
        // The trainer's own modules (the trainer's guide): they open from here only, never from home.
        Group g(ui, "trainer.guide", w);
        for (const auto& [pack, m] : guides) {
            const std::string id = "open-" + m->id;
            if (ui::Button(ui, id.c_str(), pack->T(m->title, ui.lang), ImVec2(g.Inner(), 0),
                           ButtonKind::Secondary))
                out.Push(act::OpenModule{pack->id, m->id});
        }
    }
    {
        Group g(ui, "trainer.results", w);
        const float half = ui::ShareWidth(ui, g.Inner(), 2);
        if (ui::Button(ui, "results", Tr(ui.lang, "trainer.results.open"), ImVec2(half, 0),
                       ButtonKind::Secondary))
            out.Push(act::OpenResults{});
        ImGui::SameLine();
        if (ui::Button(ui, "export", Tr(ui.lang, "trainer.export.open"), ImVec2(half, 0),
                       ButtonKind::Secondary))
            out.Push(act::OpenExport{});
    }
    {
        Group g(ui, "trainer.modules", w);
        const float in = g.Inner();
        for (const LoadedPack& p : state.packs.Packs()) {
            if (!p.result.pack) continue;
            const Pack& pack = *p.result.pack;
            // The pack as a whole first, then its modules.
            const bool pack_hidden = state.PackHidden(pack.id);
            const std::string pack_button = "show-pack-" + pack.id;
            if (ui::Button(ui, pack_button.c_str(),
                           std::string(pack_hidden ? "○  " : "✓  ") + pack.T(pack.title, ui.lang),
                           ImVec2(in, 0), pack_hidden ? ButtonKind::Quiet : ButtonKind::Primary))
                out.Push(act::ToggleHidden{pack.id + "/*"});
            if (pack_hidden) continue;
            for (const Module& m : pack.modules) {
                if (m.kind == ModuleKind::Confidence) continue;
                const bool hidden = state.ModuleHidden(pack.id, m.id);
                const std::string id = "show-" + m.id;
                const std::string label = std::string(hidden ? "○  " : "✓  ") + pack.T(m.title, ui.lang);
                if (ui::Button(ui, id.c_str(), label, ImVec2(in, 0),
                               hidden ? ButtonKind::Quiet : ButtonKind::Secondary))
                    out.Push(act::ToggleHidden{pack.id + "/" + m.id});
            }
        }
        ui::Space(ui, 0.3f);
        const int broken = static_cast<int>(state.packs.BrokenCount());
        const float half = ui::ShareWidth(ui, in, broken > 0 ? 2 : 1);
        if (ui::Button(ui, "import", Tr(ui.lang, "trainer.import.open"), ImVec2(half, 0),
                       ButtonKind::Secondary, !state.packs_dir.empty()))
            out.Push(act::OpenImport{});
        if (broken > 0) {
            ImGui::SameLine();
            if (ui::Button(ui, "diagnostics",
                           std::string(Tr(ui.lang, "diag.button")) + " (" + std::to_string(broken) + ")",
                           ImVec2(half, 0), ButtonKind::Quiet))
                out.Push(act::OpenDiagnostics{});
        }
    }
    {
        Group g(ui, "trainer.display", w);
        const float half = ui::ShareWidth(ui, g.Inner(), 2);
        const Accessibility& kiosk = state.defaults.access;
        if (ui::Button(ui, "contrast",
                       Tr(ui.lang, kiosk.high_contrast ? "welcome.contrast.on" : "welcome.contrast"),
                       ImVec2(half, 0), kiosk.high_contrast ? ButtonKind::Primary : ButtonKind::Quiet))
            out.Push(act::SetKioskContrast{!kiosk.high_contrast});
        ImGui::SameLine();
        if (ui::Button(ui, "dyslexia",
                       Tr(ui.lang, kiosk.dyslexia_font ? "welcome.dyslexia.on" : "welcome.dyslexia"),
                       ImVec2(half, 0), kiosk.dyslexia_font ? ButtonKind::Primary : ButtonKind::Quiet))
            out.Push(act::SetKioskDyslexia{!kiosk.dyslexia_font});
    }
    {
        Group g(ui, "trainer.group.kiosk", w);
        const float in = g.Inner();
        Stepper(ui, out, "idle", "trainer.idle.after", state.config.idle_seconds, kIdleSeconds, false, in);
        Stepper(ui, out, "countdown", "trainer.idle.countdown", state.config.countdown_seconds,
                kCountdownSeconds, true, in);
        ui::Space(ui, 0.5f);
        if (ui::Button(ui, "exit", Tr(ui.lang, "trainer.exit"), ImVec2(in, 0), ButtonKind::Danger))
            out.Push(act::AskQuit{true});
    }
    ui::EndBody(ui);
}

} // namespace sb
