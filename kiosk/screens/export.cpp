// Export: the trainer picks a folder (a USB stick, or the log's own export folder) and the anonymous log
// is written there. The folders were listed when this screen opened; the result shows right here.
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

namespace sb {

void DrawExportScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const TrainerData& trainer = state.trainer;
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    const ui::Column col = ui::CenteredColumn(ui, 44);
    ui::BeginBody(ui, "##export", col, 0);
    const float w = ui::BodyWidth(ui, col);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "export.title"), t.text, w);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "export.intro"), t.text_muted, w);
    // The outcome first, where the trainer is looking.
    if (const auto& r = trainer.export_result) {
        ui::Space(ui, 0.4f);
        if (r->ok)
            ui::NoteCard(ui, t.good, t.callout_tip, Tr(ui.lang, "trainer.exported"),
                         r->path + " (" + std::to_string(r->answers) + ")", w);
        else
            ui::NoteCard(ui, t.warn, t.callout_watch, Tr(ui.lang, "trainer.export.failed"), r->error, w);
    }
    ui::Space(ui, 0.4f);
    if (!state.log) ui::Label(ui, FontRole::Body, Tr(ui.lang, "results.nolog"), t.text_muted, w);
    for (const std::string& folder : trainer.export_targets) {
        // A folder path can be long and has no spaces: a button whose text wraps.
        const std::string id = "export-" + folder;
        if (ui::ChoiceButton(ui, id.c_str(), "↓", std::string(Tr(ui.lang, "trainer.export")) + " " + folder,
                             w))
            out.Push(act::Export{folder});
        ui::Space(ui, 0.2f);
    }
    ui::EndBody(ui);
}

} // namespace sb
