#pragma once
// The phones' parts of the role-play screens (kiosk/screens/phones.cpp): what they show comes from the
// room's snapshot in the state; what they do is an action for the flow.
#include "flow/actions.h"
#include "flow/state.h"
#include "ui/widgets.h"

namespace sb::ui {

// A vote is live on phones for the decision on screen.
bool PhonesVoting(const KioskState& state);
// The quiz question on screen is live on phones (workshop with phones on; every kind of question).
bool PhonesAnsweringQuiz(const KioskState& state);
// "n van m hebben gestemd" (a quiz: "geantwoord"), live.
void PhonesAnsweredLine(const KioskState& state, Ui& ui, float width);
// The answered line (unless `count` is false: it is shown elsewhere) and the reveal button, or after the
// reveal what to do next (or that there are too few answers to show anything).
void PhonesVotePanel(const KioskState& state, Ui& ui, ActionSink& out, float width, bool count = true);
// After the reveal, under option `k` (its index among the options shown): a bar and the count, from 5
// answers. A multiple-choice question counts how many ticked the option.
void PhonesVoteBar(const KioskState& state, Ui& ui, int k, ImVec2 at, float width);
// After the reveal of an ordering, from 5 answers: how many had the whole order right, and per place the
// option most phones put there.
void PhonesOrderPanel(const KioskState& state, Ui& ui, float width);
// After the reveal of a scale question: "1: n · 2: n · …", from 5 answers.
void PhonesSpreadLine(const KioskState& state, Ui& ui, float width);
// After a role-play: ask "Heb jij dit zelf meegemaakt?", then its tally (from 5 answers) with where to get
// help.
void PhonesExperiencedPanel(const KioskState& state, Ui& ui, ActionSink& out, float width);

} // namespace sb::ui
