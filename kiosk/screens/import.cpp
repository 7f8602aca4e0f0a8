// Import: the packs found on the USB sticks when this screen opened (the flow scanned them), each with
// what the kiosk will do with it, and the outcome of the last import at the top. Nothing is read here.
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <cstdio>

namespace sb {

namespace {

std::string Format(const char* pattern, const std::string& a, const std::string& b = "") {
    char text[512];
    snprintf(text, sizeof text, pattern, a.c_str(), b.c_str());
    return text;
}

std::string Title(const StickPack& p, const std::string& lang) {
    if (p.pack) return p.pack->T(p.pack->title, lang);
    return p.id.empty() ? p.dir : p.id;
}

// What the kiosk will do with this pack, in one line (plus the first problems when it cannot).
void Status(Ui& ui, const StickPack& p, float w) {
    const ThemeColors& t = *ui.colors;
    switch (p.status) {
    case StickPackStatus::New:
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "import.status.new"), t.good, w);
        return;
    case StickPackStatus::Update:
        ui::Label(ui, FontRole::Small,
                  Format(Tr(ui.lang, p.version_order > 0    ? "import.status.update"
                                     : p.version_order == 0 ? "import.status.same"
                                                            : "import.status.newer"),
                         p.installed_version),
                  p.version_order > 0 ? t.good : t.text_muted, w);
        return;
    case StickPackStatus::Unsafe:
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "import.status.unsafe"), t.warn, w);
        break;
    case StickPackStatus::TooLarge:
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "import.status.large"), t.warn, w);
        break;
    case StickPackStatus::BuiltIn:
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "import.status.builtin"), t.warn, w);
        return;
    case StickPackStatus::Invalid:
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "import.status.invalid"), t.warn, w);
        break;
    }
    // The first problems as the validator words them, so the author knows where to look.
    int shown = 0, errors = 0;
    for (const Diagnostic& d : p.diagnostics.List()) {
        if (d.severity != Severity::Error) continue;
        if (++errors <= 3) {
            // Paths inside the pack, as the author knows them ("quiz.json:2:10"), not the stick's mount
            // point.
            std::string line = FormatDiagnostic(d, ui.lang);
            for (size_t at; (at = line.find(p.dir + "/")) != std::string::npos;)
                line.erase(at, p.dir.size() + 1);
            ui::Label(ui, FontRole::Small, line, t.text_muted, w);
            ++shown;
        }
    }
    if (errors > shown) {
        char more[64];
        snprintf(more, sizeof more, Tr(ui.lang, "import.more"), errors - shown);
        ui::Label(ui, FontRole::Small, more, t.text_muted, w);
    }
}

} // namespace

void DrawImportScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const TrainerData& trainer = state.trainer;
    const ui::Column col = ui::CenteredColumn(ui, 44);
    ui::BeginBody(ui, "##import", col, ui::ActionBarHeight(ui));
    const float w = ui::BodyWidth(ui, col);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "import.title"), t.text, w);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "import.intro"), t.text_muted, w);
    // The outcome first, where the trainer is looking.
    if (const auto& r = trainer.import_result) {
        ui::Space(ui, 0.4f);
        ui::NoteCard(ui, r->Ok() ? t.good : t.warn, r->Ok() ? t.callout_tip : t.callout_watch, "",
                     r->Message(ui.lang), w);
        ui::Probe(ui, "import.result", r->Ok() ? "ok" : "failed");
    }
    ui::Space(ui, 0.4f);
    if (state.packs_dir.empty())
        ui::Label(ui, FontRole::Body, Tr(ui.lang, "import.nodir"), t.text_muted, w);
    else if (trainer.import_found.empty())
        ui::Label(ui, FontRole::Body, Tr(ui.lang, "import.none"), t.text_muted, w);
    for (size_t i = 0; i < trainer.import_found.size(); ++i) {
        const StickPack& p = trainer.import_found[i];
        ImGui::PushID(static_cast<int>(i));
        ui::Space(ui, 0.3f);
        std::string title = Title(p, ui.lang);
        if (!p.version.empty()) title += "  ·  " + p.version;
        ui::Label(ui, FontRole::Bold, title, t.text, w);
        ui::Label(ui, FontRole::Small, p.dir, t.text_muted, w);
        Status(ui, p, w);
        const std::string id = "import-" + (p.id.empty() ? std::to_string(i) : p.id);
        if (trainer.import_confirm == static_cast<int>(i)) {
            // The question on the pack itself, not at the top of a list the trainer scrolled.
            ui::NoteCard(ui, t.warn, t.callout_watch, Tr(ui.lang, "import.confirm.title"),
                         Format(Tr(ui.lang, "import.confirm"), p.installed_version, p.version), w);
            const float half = ui::ShareWidth(ui, w, 2);
            if (ui::Button(ui, "import-cancel", Tr(ui.lang, "common.cancel"), ImVec2(half, 0),
                           ButtonKind::Secondary))
                out.Push(act::ImportCancel{});
            ImGui::SameLine();
            if (ui::Button(ui, "import-replace", Tr(ui.lang, "import.replace"), ImVec2(half, 0)))
                out.Push(act::ImportPack{i, true});
        } else if (p.CanImport() && (p.status == StickPackStatus::New || p.version_order > 0)) {
            // Only a newer version replaces the kiosk's copy: the same or an older one has nothing to add.
            const char* key = p.status == StickPackStatus::Update ? "import.update" : "import.add";
            if (ui::Button(ui, id.c_str(), Tr(ui.lang, key), ImVec2(ui.U(10), 0)))
                out.Push(act::ImportPack{i, false});
        }
        ImGui::PopID();
    }
    ui::Probe(ui, "import.found", std::to_string(trainer.import_found.size()));
    ui::EndBody(ui);
    ui::BeginActionBar(ui, col);
    const float bw = ui::ShareWidth(ui, col.width, 2);
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(bw, 0), ButtonKind::Secondary))
        out.Push(act::Back{});
    ImGui::SameLine();
    if (ui::Button(ui, "import-rescan", Tr(ui.lang, "import.rescan"), ImVec2(bw, 0), ButtonKind::Secondary,
                   !state.packs_dir.empty()))
        out.Push(act::ImportRescan{});
    ui::EndActionBar(ui);
}

} // namespace sb
