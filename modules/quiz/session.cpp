#include "quiz/session.h"

#include <algorithm>
#include <numeric>

namespace sb {

QuizSession::QuizSession(std::shared_ptr<const Pack> pack, const Module& module, uint64_t seed)
    : m_pack(std::move(pack)), m_module(&module), m_quiz(module.AsQuiz()), m_seed(seed) {
    Shuffle();
}

void QuizSession::Shuffle() {
    const size_t n = m_quiz->questions.size();
    const uint64_t base = m_seed * 1000003ull + static_cast<uint64_t>(m_attempt);
    if (m_quiz->shuffle_questions)
        m_order = ShuffledIndices(n, base);
    else {
        m_order.resize(n);
        std::iota(m_order.begin(), m_order.end(), 0);
    }
    m_option_order.clear();
    m_answers.assign(n, {});
    m_checked.assign(n, false);
    for (size_t p = 0; p < n; ++p) {
        const Question& q = QuestionAt(p);
        const size_t k = q.options.size();
        std::vector<int> shown(k);
        std::iota(shown.begin(), shown.end(), 0);
        const bool fixed = q.type == QuestionType::TrueFalse || q.type == QuestionType::Likert;
        if (q.type == QuestionType::Ordering || (m_quiz->shuffle_options && !fixed)) {
            shown = ShuffledIndices(k, base ^ (0x51ED27ull * (p + 1)));
            // An ordering puzzle must not start solved.
            if (q.type == QuestionType::Ordering && k > 1 && std::is_sorted(shown.begin(), shown.end()))
                std::rotate(shown.begin(), shown.begin() + 1, shown.end());
        }
        m_option_order.push_back(shown);
        if (q.type == QuestionType::Ordering)
            m_answers[p].order = shown; // the student starts from the shown order
    }
    m_position = 0;
    m_finished = false;
}

void QuizSession::Select(int option) {
    if (m_checked[m_position] || m_finished) return;
    const Question& q = Current();
    if (option < 0 || option >= static_cast<int>(q.options.size())) return;
    auto& sel = m_answers[m_position].selected;
    if (q.type == QuestionType::Multiple) {
        auto it = std::find(sel.begin(), sel.end(), option);
        if (it == sel.end())
            sel.push_back(option);
        else
            sel.erase(it);
    } else {
        sel = {option};
    }
}

void QuizSession::MoveItem(int from, int to) {
    if (m_checked[m_position] || m_finished) return;
    auto& order = m_answers[m_position].order;
    if (from < 0 || to < 0 || from >= static_cast<int>(order.size()) || to >= static_cast<int>(order.size()))
        return;
    m_answers[m_position].confirmed = true;
    const int item = order[from];
    order.erase(order.begin() + from);
    order.insert(order.begin() + to, item);
}

void QuizSession::SetLikert(int value) {
    if (m_checked[m_position] || m_finished || value < 1 || value > 5) return;
    m_answers[m_position].likert = value;
}

bool QuizSession::Check() {
    if (Current().type == QuestionType::Ordering)
        m_answers[m_position].confirmed = true; // the order as shown is an answer
    if (!m_answers[m_position].Answered(Current())) return false;
    m_checked[m_position] = true;
    return true;
}

bool QuizSession::Next() {
    if (m_position + 1 >= Count()) return false;
    ++m_position;
    return true;
}

bool QuizSession::Back() {
    if (m_position == 0) return false;
    --m_position;
    return true;
}

void QuizSession::Finish() {
    for (size_t p = 0; p < Count(); ++p)
        m_checked[p] = true;
    m_finished = true;
}

void QuizSession::Retry() {
    ++m_attempt;
    Shuffle();
}

double QuizSession::Score() const {
    double total = 0;
    for (size_t p = 0; p < Count(); ++p)
        total += ScoreQuestion(QuestionAt(p), m_answers[p]);
    return total;
}

std::vector<GroupProfile> QuizSession::Profile() const {
    std::vector<GroupProfile> out;
    for (const QuizGroup& g : m_quiz->groups) {
        GroupProfile gp;
        gp.group = &g;
        double sum = 0;
        for (size_t p = 0; p < Count(); ++p) {
            const Question& q = QuestionAt(p);
            if (q.type != QuestionType::Likert || q.group != g.id || m_answers[p].likert == 0) continue;
            sum += LikertValue(q, m_answers[p].likert);
            ++gp.answered;
        }
        gp.average = gp.answered ? sum / gp.answered : 0;
        gp.band = gp.answered ? FindGroupBand(g.bands, gp.average) : nullptr;
        out.push_back(gp);
    }
    return out;
}

} // namespace sb
