// The screen table: from a screen id to its draw function. Generated from screens/screen_list.h.
#include "screens/screen_table.h"

namespace sb {

namespace {

constexpr DrawScreenFn kDraw[] = {
#define SCREEN(id, name, draw, trainer_only) &draw,
#include "screens/screen_list.h"
#undef SCREEN
};

} // namespace

void DrawScreen(ScreenId id, const KioskState& state, Ui& ui, ActionSink& out) {
    ui::BeginRoot(ui, ScreenName(id));
    kDraw[static_cast<int>(id)](state, ui, out);
    ui::EndRoot();
}

} // namespace sb
