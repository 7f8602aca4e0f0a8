#pragma once
// Room questions made from a pack: what the kiosk opens on phones at a check, a role-play decision, a quiz
// question, or after a role-play ("Heb jij dit zelf meegemaakt?"). Pure functions over the immutable pack.
#include "pack/model.h"
#include "room/room.h"

#include <memory>
#include <string>
#include <vector>

namespace sb {

// The confidence check `check` (a confidence module) before or after: the same statements, in the same
// order, as a walk-up student's ConfidenceRun (after: with the "looking back" items when the module asks
// for them). `scope` is the module it is asked around, "" for the whole session. Null when it has no items.
std::shared_ptr<RoomQuestion> CheckQuestion(const std::shared_ptr<const Pack>& pack, const Module& check,
                                            Phase phase, const std::string& scope);

// A vote at the role-play decision `node` on the choices available now (indices into node.choices, as
// RoleplaySession::AvailableChoices gives them): the option at index k is choice available[k].
std::shared_ptr<RoomQuestion> VoteQuestion(const Pack& pack, const Node& node,
                                           const std::vector<int>& available);

// A quiz question answered privately: single choice and true/false as options, a self-assessment
// statement as its five scale labels, multiple choice as a set of options (AnswerShape::Several) and an
// ordering as all its items in an order (AnswerShape::Order, with the right order kept in the room).
// `shown`: the options in the order the big screen shows them (QuizSession::ShownOptions), so option k on a
// phone is option k on the screen, and an ordering starts on the phone as it starts on the screen; empty
// keeps the pack's order (an ordering: reversed, so it does not start solved).
std::shared_ptr<RoomQuestion> QuizQuestion(const Pack& pack, const Quiz& quiz, const Question& question,
                                           const std::vector<int>& shown = {});

// "Heb jij dit zelf meegemaakt?" after a role-play: ja / nee / zeg ik liever niet, with `help` (a help
// resource of the pack, may be null) as the note on the phone.
std::shared_ptr<RoomQuestion> ExperiencedQuestion(const Pack* pack, const HelpResource* help);

} // namespace sb
