#pragma once
// The parts every screen is made of: a bar at the top (Back, a title, one or two actions), a body that
// scrolls when it does not fit (with a fade and an arrow where it continues), and an action bar at the
// bottom that always stays on screen, so no "Verder" is ever pushed out of reach by large text.
#include "ui/widgets.h"

namespace sb::ui {

// A centred column: its left edge (window coordinates) and width, at most `max_units` wide.
struct Column {
    float x = 0;
    float width = 0;
};
Column CenteredColumn(const Ui& ui, float max_units);

// Height of the bottom action bar (one row of big buttons).
float ActionBarHeight(const Ui& ui);

// The body: from the cursor down to the action bar, in `column`; scrolls by finger, wheel or keys.
// `bottom` is the height kept free below it (0 when the screen has no action bar).
void BeginBody(Ui& ui, const char* id, const Column& column, float bottom);
void EndBody(Ui& ui);
// Width to lay text out at inside the body (the column minus room for the scroll bar).
float BodyWidth(const Ui& ui, const Column& column);

// The action bar at the bottom of the window; its buttons go in a row from BeginActionBar.
void BeginActionBar(Ui& ui, const Column& column);
void EndActionBar(Ui& ui);

// A row of `n` equal buttons across `width`: the width of one.
float ShareWidth(const Ui& ui, float width, int n);

} // namespace sb::ui
