#include "quiz/scoring.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sb {

bool QuizAnswer::Answered(const Question& q) const {
    switch (q.type) {
    case QuestionType::Likert:
        return likert >= 1 && likert <= 5;
    case QuestionType::Ordering:
        return confirmed && order.size() == q.options.size();
    default:
        return !selected.empty();
    }
}

double ScoreQuestion(const Question& q, const QuizAnswer& a) {
    if (!a.Answered(q)) return 0;
    const auto is_selected = [&](int i) {
        return std::find(a.selected.begin(), a.selected.end(), i) != a.selected.end();
    };
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::TrueFalse:
        return a.selected.size() == 1 && a.selected[0] >= 0 &&
                       a.selected[0] < static_cast<int>(q.options.size()) && q.options[a.selected[0]].correct
                   ? q.points
                   : 0;
    case QuestionType::Multiple: {
        int right = 0;
        for (size_t i = 0; i < q.options.size(); ++i)
            if (is_selected(static_cast<int>(i)) == q.options[i].correct) ++right;
        if (q.scoring == Scoring::AllOrNothing)
            return right == static_cast<int>(q.options.size()) ? q.points : 0;
        return q.points * right / q.options.size();
    }
    case QuestionType::Ordering: {
        int in_place = 0;
        for (size_t i = 0; i < a.order.size(); ++i)
            if (a.order[i] == static_cast<int>(i))
                ++in_place; // items are listed in the right order in the pack
        if (q.scoring == Scoring::AllOrNothing)
            return in_place == static_cast<int>(q.options.size()) ? q.points : 0;
        return q.points * in_place / q.options.size();
    }
    case QuestionType::Likert:
        return 0;
    }
    return 0;
}

bool FullyCorrect(const Question& q, const QuizAnswer& a) {
    return q.type != QuestionType::Likert && std::abs(ScoreQuestion(q, a) - q.points) < 1e-9;
}

const Band* FindBand(const std::vector<Band>& bands, double score) {
    const double s = std::floor(score + 1e-9);
    for (const Band& b : bands)
        if (s >= b.min - 1e-9 && s <= b.max + 1e-9) return &b;
    return nullptr;
}

const Band* FindGroupBand(const std::vector<Band>& bands, double average) {
    const double a = std::round(average * 10) / 10;
    const Band* found = nullptr;
    for (const Band& b : bands)
        if (a >= b.min - 1e-9 && a <= b.max + 1e-9 && (!found || b.min > found->min)) found = &b;
    return found;
}

int LikertValue(const Question& q, int answer) {
    return q.reverse ? 6 - answer : answer;
}

} // namespace sb
