#pragma once
#include "screens/screens.h"

namespace sb {

using DrawScreenFn = void (*)(const KioskState&, Ui&, ActionSink&);

// Draws screen `id` in its own fullscreen root window.
void DrawScreen(ScreenId id, const KioskState& state, Ui& ui, ActionSink& out);

} // namespace sb
