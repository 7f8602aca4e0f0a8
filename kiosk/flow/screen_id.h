#pragma once
// Screen ids for the flow, generated from the one screen table (screens/screen_list.h).
#include <string_view>

namespace sb {

enum class ScreenId {
#define SCREEN(id, name, draw, trainer_only) id,
#include "screens/screen_list.h"
#undef SCREEN
};

// The screen's name, as scripts (`expect-screen`) and probes see it.
const char* ScreenName(ScreenId id);
// Screens only a trainer sees: no idle reset there, and the trainer gesture does nothing.
bool IsTrainerScreen(ScreenId id);
// The screen with this name, or false.
bool ScreenByName(std::string_view name, ScreenId& out);

} // namespace sb
