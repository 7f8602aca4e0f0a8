// Home: the modules of the loaded packs as big cards.
#include "screens/screens.h"
#include "ui/strings.h"

namespace sb {

void DrawHomeScreen(const Model& model, Ui& ui, Actions& actions) {
    (void)model;
    ui::BeginRoot(ui, "home");
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet)) actions.Back();
    ui::Space(ui, 0.5f);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "home.title"), ui.colors->text);
    ui::Space(ui, 0.5f);
    ui::Label(ui, FontRole::Body, Tr(ui.lang, "home.empty"), ui.colors->text_muted);
    ui::EndRoot();
}

void DrawDiagnosticsScreen(const Model& model, Ui& ui, Actions& actions) {
    (void)model;
    ui::BeginRoot(ui, "diagnostics");
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet)) actions.Back();
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "diag.title"), ui.colors->text);
    ui::Label(ui, FontRole::Body, Tr(ui.lang, "diag.none"), ui.colors->text_muted);
    ui::EndRoot();
}

} // namespace sb
