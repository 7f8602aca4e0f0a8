// The trainer menu: which modules show, walk-up or workshop, results, export, pack diagnostics,
// idle times, display, and exit. Every change is saved to the config file at once.
#include "screens/screens.h"
#include "ui/strings.h"

#include "log/log_reader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace sb {

namespace {

void Save(Model& m) {
    std::string error;
    if (!m.config_path.empty() && !SaveConfig(m.config_path, m.config, error)) m.trainer_message = error;
}

void Section(Ui& ui, const char* key, float w) {
    ui::Space(ui, 0.7f);
    ui::Label(ui, FontRole::Bold, Tr(ui.lang, key), ui.colors->secondary_text, w);
}

// Export: a merged copy of the log (SQLite) into a folder, e.g. a USB stick; the report tool reads it.
void Export(Model& m, const std::string& folder) {
    if (!m.log) return;
    m.log->Flush();
    const std::string date = Coarsen(std::chrono::system_clock::now()).date;
    const std::string out = folder + "/stageboost-" + m.config.kiosk_label + "-" + date + ".sqlite";
    const MergeResult r = MergeLogs(out, {m.log->Path()});
    char msg[512];
    if (r.Ok())
        snprintf(msg, sizeof msg, "%s %s (%zu)", Tr(m.lang, "trainer.exported"), out.c_str(),
                 r.written.inserted + r.written.duplicates);
    else
        snprintf(msg, sizeof msg, "%s %s", Tr(m.lang, "trainer.export.failed"),
                 r.output.Message(m.lang).c_str());
    m.trainer_message = msg;
}

// Folders where a USB stick shows up on Debian, plus the config's own folder.
std::vector<std::string> ExportTargets(const Model& m) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const char* base : {"/media", "/run/media"}) {
        for (const auto& user : std::filesystem::directory_iterator(base, ec))
            for (const auto& stick : std::filesystem::directory_iterator(user.path(), ec))
                if (stick.is_directory(ec)) out.push_back(stick.path().string());
    }
    if (m.log) out.push_back(std::filesystem::path(m.log->Path()).parent_path().string() + "/export");
    return out;
}

} // namespace

void DrawTrainerScreen(const Model& model, Ui& ui, Actions& actions) {
    ui::BeginRoot(ui, "trainer");
    const ThemeColors& t = *ui.colors;
    if (ui::Button(ui, "leave", Tr(ui.lang, "trainer.leave"), ImVec2(ui.U(12), 0), ButtonKind::Primary))
        actions.Push([](Model& m) { m.reset_requested = true; });
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - ui.U(10));
    if (ui::Button(ui, "exit", Tr(ui.lang, "trainer.exit"), ImVec2(ui.U(10), 0), ButtonKind::Quiet))
        actions.Push([](Model& m) { m.quit = true; });
    const float column = std::min(ImGui::GetWindowWidth() - ui.U(4), ui.U(44));
    const float x = (ImGui::GetWindowWidth() - column) * 0.5f;
    ImGui::SetCursorPosX(x);
    ImGui::BeginChild("##trainer", ImVec2(column + ImGui::GetStyle().ScrollbarSize, 0), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened);
    ui::TouchScroll();
    const float w = column - ui.U(0.3f);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "trainer.title"), t.text, w);
    ui::Label(ui, FontRole::Small, std::string(Tr(ui.lang, "trainer.label")) + " " + model.config.kiosk_label,
              t.text_muted, w);
    if (!model.trainer_message.empty())
        ui::NoteCard(ui, t.primary, t.callout_know, "", model.trainer_message, w);
    if (!model.log_status.Ok() && model.log)
        ui::NoteCard(ui, t.warn, t.callout_watch, Tr(ui.lang, "trainer.log.problem"),
                     model.log_status.Message(ui.lang), w);

    Section(ui, "trainer.mode", w);
    const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (ui::Button(ui, "mode-walkup", Tr(ui.lang, "trainer.walkup"), ImVec2(half, 0),
                   model.classroom ? ButtonKind::Quiet : ButtonKind::Primary))
        actions.Push([](Model& m) { m.classroom = false, m.config.mode = "walk-up", Save(m); });
    ImGui::SameLine();
    if (ui::Button(ui, "mode-workshop", Tr(ui.lang, "trainer.workshop"), ImVec2(half, 0),
                   model.classroom ? ButtonKind::Primary : ButtonKind::Quiet))
        actions.Push([](Model& m) { m.classroom = true, m.config.mode = "workshop", Save(m); });

    Section(ui, "trainer.results", w);
    if (ui::Button(ui, "results", Tr(ui.lang, "trainer.results.open"), ImVec2(w, 0), ButtonKind::Secondary))
        actions.Go(ScreenId::Results);
    for (const std::string& folder : ExportTargets(model)) {
        const std::string id = "export-" + folder;
        if (ui::Button(ui, id.c_str(), std::string(Tr(ui.lang, "trainer.export")) + " " + folder,
                       ImVec2(w, 0), ButtonKind::Secondary))
            actions.Push([folder](Model& m) {
                std::error_code ec;
                std::filesystem::create_directories(folder, ec);
                Export(m, folder);
            });
    }

    Section(ui, "trainer.modules", w);
    for (const LoadedPack& p : model.packs.Packs()) {
        if (!p.result.pack) continue;
        // The pack as a whole first, then its modules.
        const bool pack_hidden = model.PackHidden(p.result.pack->id);
        const std::string pack_button = "show-pack-" + p.result.pack->id;
        if (ui::Button(ui, pack_button.c_str(),
                       std::string(pack_hidden ? "○  " : "✓  ") +
                           p.result.pack->T(p.result.pack->title, ui.lang),
                       ImVec2(w, 0), pack_hidden ? ButtonKind::Quiet : ButtonKind::Primary))
            actions.Push([key = p.result.pack->id + "/*", pack_hidden](Model& mm) {
                auto& h = mm.config.hidden_modules;
                if (pack_hidden)
                    h.erase(std::remove(h.begin(), h.end(), key), h.end());
                else
                    h.push_back(key);
                Save(mm);
            });
        if (pack_hidden) continue;
        for (const Module& m : p.result.pack->modules) {
            if (m.kind == ModuleKind::Confidence) continue;
            const bool hidden = model.ModuleHidden(p.result.pack->id, m.id);
            const std::string id = "show-" + m.id;
            const std::string label =
                std::string(hidden ? "○  " : "✓  ") + p.result.pack->T(m.title, ui.lang);
            if (ui::Button(ui, id.c_str(), label, ImVec2(w, 0),
                           hidden ? ButtonKind::Quiet : ButtonKind::Secondary))
                actions.Push([key = p.result.pack->id + "/" + m.id, hidden](Model& mm) {
                    auto& h = mm.config.hidden_modules;
                    if (hidden)
                        h.erase(std::remove(h.begin(), h.end(), key), h.end());
                    else
                        h.push_back(key);
                    Save(mm);
                });
        }
    }
    if (model.packs.BrokenCount() > 0 && ui::Button(ui, "diagnostics",
                                                    std::string(Tr(ui.lang, "diag.button")) + " (" +
                                                        std::to_string(model.packs.BrokenCount()) + ")",
                                                    ImVec2(w, 0), ButtonKind::Quiet))
        actions.Go(ScreenId::Diagnostics);

    Section(ui, "trainer.idle", w);
    auto stepper = [&](const char* id, const char* key, int value, int step, int lo, int hi,
                       int KioskConfig::*field) {
        char label[128];
        snprintf(label, sizeof label, Tr(ui.lang, key), value);
        ui::Label(ui, FontRole::Body, label, t.text, w * 0.6f);
        ImGui::SameLine(w - ui.U(5.2f));
        const std::string minus = std::string(id) + "-less", plus = std::string(id) + "-more";
        if (ui::Button(ui, minus.c_str(), "−", ImVec2(ui.U(2.4f), 0), ButtonKind::Secondary, value > lo))
            actions.Push([field, step, lo](Model& m) {
                m.config.*field = std::max(lo, m.config.*field - step), Save(m);
            });
        ImGui::SameLine();
        if (ui::Button(ui, plus.c_str(), "+", ImVec2(ui.U(2.4f), 0), ButtonKind::Secondary, value < hi))
            actions.Push([field, step, hi](Model& m) {
                m.config.*field = std::min(hi, m.config.*field + step), Save(m);
            });
    };
    stepper("idle", "trainer.idle.after", model.config.idle_seconds, 15, 30, 600, &KioskConfig::idle_seconds);
    stepper("countdown", "trainer.idle.countdown", model.config.countdown_seconds, 5, 5, 60,
            &KioskConfig::countdown_seconds);

    Section(ui, "trainer.display", w);
    if (ui::Button(ui, "contrast",
                   Tr(ui.lang, model.high_contrast ? "welcome.contrast.on" : "welcome.contrast"),
                   ImVec2(w, 0), model.high_contrast ? ButtonKind::Primary : ButtonKind::Quiet))
        actions.Push([](Model& m) {
            m.high_contrast = !m.high_contrast, m.config.theme = m.high_contrast ? "high-contrast" : "calm",
            Save(m);
        });
    if (ui::Button(ui, "dyslexia",
                   Tr(ui.lang, model.dyslexia_font ? "welcome.dyslexia.on" : "welcome.dyslexia"),
                   ImVec2(w, 0), model.dyslexia_font ? ButtonKind::Primary : ButtonKind::Quiet))
        actions.Push([](Model& m) {
            m.dyslexia_font = !m.dyslexia_font, m.config.dyslexia_font = m.dyslexia_font, Save(m);
        });
    ImGui::EndChild();
    ui::EndRoot();
}

} // namespace sb
