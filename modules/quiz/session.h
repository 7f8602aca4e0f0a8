#pragma once
// One attempt at a quiz: the order questions and options are shown in (seeded), the answers, which
// ones are graded, and the score, advice band or self-assessment profile. Retry starts a new attempt.
// Snapshots are JSON, like the role-play's, so a live reload restores the attempt as it was.
#include "quiz/scoring.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace sb {

struct GroupProfile {
    const QuizGroup* group = nullptr;
    double average = 0; // 1..5
    int answered = 0;
    const Band* band = nullptr;
};

class QuizSession {
  public:
    QuizSession(std::shared_ptr<const Pack> pack, const Module& module, uint64_t seed);

    const Pack& GetPack() const { return *m_pack; }
    const Module& GetModule() const { return *m_module; }
    const Quiz& GetQuiz() const { return *m_quiz; }

    size_t Count() const { return m_order.size(); }
    size_t Position() const { return m_position; }
    const Question& QuestionAt(size_t position) const { return m_quiz->questions[m_order[position]]; }
    const Question& Current() const { return QuestionAt(m_position); }
    // The options of the question at `position` in the order they are shown (model indices).
    const std::vector<int>& ShownOptions(size_t position) const { return m_option_order[position]; }
    const QuizAnswer& AnswerAt(size_t position) const { return m_answers[position]; }
    const QuizAnswer& CurrentAnswer() const { return m_answers[m_position]; }

    // ---- answering the current question (ignored once it is graded)
    void Select(int option);         // single, truefalse: choose; multiple: toggle
    void MoveItem(int from, int to); // ordering: positions in the student's current order
    void SetLikert(int value);
    bool Graded(size_t position) const { return m_graded[position]; }
    // Grades the current answer (immediate feedback). False when it has no answer yet.
    bool Grade();

    // ---- moving
    bool Next();
    bool Back();
    bool AtLast() const { return m_position + 1 == Count(); }
    void Finish(); // grades everything; the results can be shown
    bool Finished() const { return m_finished; }
    void Retry(); // a new attempt, freshly shuffled
    int Attempt() const { return m_attempt; }

    // ---- results
    double Score() const;
    double MaxScore() const { return m_quiz->MaxScore(); }
    const Band* ScoreBand() const { return FindBand(m_quiz->bands, Score()); }
    std::vector<GroupProfile> Profile() const;

    // ---- snapshot
    nlohmann::json Snapshot() const;
    // Restores a snapshot of the same quiz (questions and options by id: a live edit keeps every answer that
    // still fits, drops removed questions and adds new ones at the end). False (state unchanged) with a
    // reason when it is not of this quiz.
    bool Restore(const nlohmann::json& snapshot, std::string& error);

  private:
    void Shuffle();

    std::shared_ptr<const Pack> m_pack;
    const Module* m_module;
    const Quiz* m_quiz;
    uint64_t m_seed;
    int m_attempt = 1;
    std::vector<int> m_order;
    std::vector<std::vector<int>> m_option_order;
    std::vector<QuizAnswer> m_answers;
    std::vector<bool> m_graded;
    size_t m_position = 0;
    bool m_finished = false;
};

} // namespace sb
