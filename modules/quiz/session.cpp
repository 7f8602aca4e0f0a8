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
    m_graded.assign(n, false);
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
    if (m_graded[m_position] || m_finished) return;
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
    if (m_graded[m_position] || m_finished) return;
    auto& order = m_answers[m_position].order;
    if (from < 0 || to < 0 || from >= static_cast<int>(order.size()) || to >= static_cast<int>(order.size()))
        return;
    m_answers[m_position].confirmed = true;
    const int item = order[from];
    order.erase(order.begin() + from);
    order.insert(order.begin() + to, item);
}

void QuizSession::SetLikert(int value) {
    if (m_graded[m_position] || m_finished || value < 1 || value > 5) return;
    m_answers[m_position].likert = value;
}

bool QuizSession::Grade() {
    if (Current().type == QuestionType::Ordering)
        m_answers[m_position].confirmed = true; // the order as shown is an answer
    if (!m_answers[m_position].Answered(Current())) return false;
    m_graded[m_position] = true;
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
        m_graded[p] = true;
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

// The snapshot names questions and options by id, so a live edit that reorders, adds or removes some keeps
// every answer that still fits.
nlohmann::json QuizSession::Snapshot() const {
    using nlohmann::json;
    auto option_name = [](const Question& q, int i) -> json {
        return q.options[i].id.empty() ? json(i) : json(q.options[i].id);
    };
    auto names = [&](const Question& q, const std::vector<int>& indices) {
        json out = json::array();
        for (int i : indices)
            out.push_back(option_name(q, i));
        return out;
    };
    json questions = json::array();
    for (size_t p = 0; p < Count(); ++p) {
        const Question& q = QuestionAt(p);
        const QuizAnswer& a = m_answers[p];
        questions.push_back({{"id", q.id},
                             {"shown", names(q, m_option_order[p])},
                             {"selected", names(q, a.selected)},
                             {"order", names(q, a.order)},
                             {"likert", a.likert},
                             {"confirmed", a.confirmed},
                             {"graded", static_cast<bool>(m_graded[p])}});
    }
    return {{"module", m_module->id},
            {"attempt", m_attempt},
            {"position", m_position},
            {"finished", m_finished},
            {"questions", questions}};
}

bool QuizSession::Restore(const nlohmann::json& snapshot, std::string& error) {
    using nlohmann::json;
    if (!snapshot.is_object() || snapshot.value("module", "") != m_module->id) {
        error = "the snapshot is of another module";
        return false;
    }
    const json questions = snapshot.value("questions", json::array());
    if (!questions.is_array()) {
        error = "the snapshot has no questions";
        return false;
    }
    const auto& model = m_quiz->questions;
    auto question_index = [&](const json& id) -> int {
        if (!id.is_string()) return -1;
        for (size_t i = 0; i < model.size(); ++i)
            if (model[i].id == id.get<std::string>()) return static_cast<int>(i);
        return -1;
    };
    auto option_index = [](const Question& q, const json& name) -> int {
        if (name.is_number_integer()) {
            const int i = name.get<int>();
            return i >= 0 && i < static_cast<int>(q.options.size()) && q.options[i].id.empty() ? i : -1;
        }
        if (!name.is_string()) return -1;
        for (size_t i = 0; i < q.options.size(); ++i)
            if (q.options[i].id == name.get<std::string>()) return static_cast<int>(i);
        return -1;
    };
    auto indices = [&](const Question& q, const json& names) {
        std::vector<int> out;
        if (names.is_array())
            for (const json& n : names)
                if (const int i = option_index(q, n); i >= 0) out.push_back(i);
        return out;
    };
    // The fresh session's order is the fallback for whatever the snapshot does not hold.
    const std::vector<int> fresh_order = m_order;
    const std::vector<std::vector<int>> fresh_options = m_option_order;
    const std::vector<QuizAnswer> fresh_answers = m_answers;
    std::vector<int> order;
    std::vector<std::vector<int>> option_order;
    std::vector<QuizAnswer> answers;
    std::vector<bool> graded;
    std::vector<bool> taken(model.size(), false);
    const size_t saved_position = snapshot.value("position", size_t{0});
    size_t position = 0;
    for (size_t p = 0; p < questions.size(); ++p) {
        const json& j = questions[p];
        if (!j.is_object()) continue;
        const int qi = question_index(j.value("id", json()));
        if (qi < 0 || taken[qi]) continue; // removed from the pack
        taken[qi] = true;
        const Question& q = model[qi];
        std::vector<int> shown = indices(q, j.value("shown", json::array()));
        for (size_t o = 0; o < q.options.size(); ++o) // options added since
            if (std::find(shown.begin(), shown.end(), static_cast<int>(o)) == shown.end())
                shown.push_back(static_cast<int>(o));
        QuizAnswer a;
        a.selected = indices(q, j.value("selected", json::array()));
        if (q.type != QuestionType::Multiple && a.selected.size() > 1) a.selected.resize(1);
        a.order = indices(q, j.value("order", json::array()));
        if (q.type == QuestionType::Ordering && a.order.size() != q.options.size()) {
            a.order = shown; // the items changed: start again from the order shown
            a.confirmed = false;
        } else {
            a.confirmed = j.value("confirmed", false);
        }
        const int likert = j.value("likert", 0);
        a.likert = likert >= 1 && likert <= 5 ? likert : 0;
        if (p == saved_position) position = order.size();
        order.push_back(qi);
        option_order.push_back(std::move(shown));
        graded.push_back(j.value("graded", false) && a.Answered(q));
        answers.push_back(std::move(a));
    }
    for (size_t p = 0; p < fresh_order.size(); ++p) { // questions added since, where the fresh order has them
        if (taken[fresh_order[p]]) continue;
        order.push_back(fresh_order[p]);
        option_order.push_back(fresh_options[p]);
        answers.push_back(fresh_answers[p]);
        graded.push_back(false);
    }
    if (order.empty()) {
        error = "the quiz has no questions";
        return false;
    }
    m_attempt = std::max(1, snapshot.value("attempt", 1));
    m_order = std::move(order);
    m_option_order = std::move(option_order);
    m_answers = std::move(answers);
    m_graded = std::move(graded);
    m_position = std::min(position, m_order.size() - 1);
    m_finished = snapshot.value("finished", false);
    if (m_finished) Finish();
    return true;
}

} // namespace sb
