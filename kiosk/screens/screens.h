#pragma once
// One draw function per screen (declared from the screen table, screens/screen_list.h). Each reads the
// state and pushes actions; none changes state itself. The app opens the screen's root window around it.
#include "flow/actions.h"
#include "flow/state.h"
#include "ui/widgets.h"

namespace sb {

#define SCREEN(id, name, draw, trainer_only) void draw(const KioskState& state, Ui& ui, ActionSink& out);
#include "screens/screen_list.h"
#undef SCREEN

// The attract screen's line changes every kAttractLineMs, fading in over kAttractFadeMs in steps. Each drawn
// frame costs ≈ 15 ms of CPU at 1920x1080 on llvmpipe, so the fade is one half-veiled frame, not four: idle
// stays under 0.05 CPU-s per 10 s (tools/bench/startup_idle.py measured 0.12 with four steps every 7 s).
constexpr int64_t kAttractLineMs = 8000;
constexpr int64_t kAttractFadeMs = 200;
constexpr int64_t kAttractFadeStepMs = 200;
// Milliseconds until the attract screen looks different (the next fade step or the next line).
int64_t AttractNextChangeMs(int64_t now_ms, bool reduced_motion);

// "Ben je er nog?" over any screen, with the seconds left.
// --watch only: a small banner naming the broken file whose last good version plays, and a place not kept.
// Returns its height (0 when there is nothing to say): the screen is laid out below it.
float DrawAuthorBanner(const KioskState& state, Ui& ui);
void DrawIdlePrompt(const KioskState& state, Ui& ui, ActionSink& out, int seconds_left);
// The glossary card of KioskState::student.open_term, over the screen (kiosk/screens/term_card.cpp).
void DrawTermCard(const KioskState& state, Ui& ui, ActionSink& out);
// The bar at the top of a lesson or quiz: Close, title, "n of m" (`progress_key`) and a progress bar.
void DrawProgressBar(const KioskState& state, Ui& ui, ActionSink& out, const std::string& title, int at,
                     int count, const char* progress_key);
// For a screen whose module or session is gone (a live edit removed it): say so, and offer Back.
void DrawModuleGone(Ui& ui, ActionSink& out);
// The story's state for scripts: var.NAME for each variable, roleplay.route (the nodes of the path).
void ProbeStory(Ui& ui, const RoleplaySession& s);
// Parts a quiz question and a lesson's inline question share (defined in quiz.cpp): the hint under the
// question, an option's text (true/false in the student's language), and after a check the mark and badge of
// an option (✓ green for a right answer, ✗ orange for a wrong pick; null and the badge untouched otherwise).
const char* QuestionHintKey(QuestionType type);
std::string QuestionOptionText(const Ui& ui, const Pack& pack, const Question& q, int option);
const Rgb* CheckedMark(const ThemeColors& t, bool checked, bool correct, bool selected, std::string& badge);
// A help card's body as Markdown: what it offers, then how to reach it as a paragraph of its own.
std::string HelpCardBody(const Pack& pack, const HelpResource& h, const std::string& lang);

} // namespace sb
