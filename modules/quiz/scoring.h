#pragma once
// Quiz scoring as pure functions: one place for the rules the kiosk, the tools and the tests share.
#include "core/shuffle.h"
#include "pack/model.h"

#include <cstdint>
#include <vector>

namespace sb {

// A student's answer to one question, in the model's own indices (not the shuffled screen order).
struct QuizAnswer {
    std::vector<int> selected; // single, multiple, truefalse (0 = true, 1 = false)
    std::vector<int> order;    // ordering: item indices in the order the student put them
    int likert = 0;            // 1..5, 0 = not answered
    bool confirmed = false;    // ordering: the student moved an item or checked the order as shown
    bool Answered(const Question& q) const;
};

// Points earned, from 0 to q.points. Partial credit as the pack defines it (see content/FORMAT.md).
double ScoreQuestion(const Question& q, const QuizAnswer& a);
// True when the answer earns all points.
bool FullyCorrect(const Question& q, const QuizAnswer& a);

// The band for a score: the score is rounded down to a whole point, then the band whose min..max holds it.
const Band* FindBand(const std::vector<Band>& bands, double score);
// The band for a self-assessment average (1..5, rounded to one decimal); on a shared edge the higher band
// wins.
const Band* FindGroupBand(const std::vector<Band>& bands, double average);

// A Likert answer's value on the group's scale (reversed statements count 6 - v).
int LikertValue(const Question& q, int answer);

} // namespace sb
