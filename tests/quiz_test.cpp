// Quiz scoring: every type, partial credit, band edges, ordering, shuffling, profiles and retry.
#include "pack/loader.h"
#include "quiz/session.h"

#include <gtest/gtest.h>

namespace {

sb::Question Options(sb::QuestionType type, std::vector<bool> correct, double points = 1,
                     sb::Scoring scoring = sb::Scoring::AllOrNothing) {
    sb::Question q;
    q.type = type;
    q.points = points;
    q.scoring = scoring;
    for (size_t i = 0; i < correct.size(); ++i)
        q.options.push_back({"o" + std::to_string(i), {}, correct[i], {}});
    return q;
}

sb::QuizAnswer Selected(std::vector<int> s) {
    sb::QuizAnswer a;
    a.selected = std::move(s);
    return a;
}

sb::QuizAnswer Ordered(std::vector<int> o) {
    sb::QuizAnswer a;
    a.order = std::move(o);
    a.confirmed = true;
    return a;
}

} // namespace

TEST(QuizScoring, SingleChoice) {
    const auto q = Options(sb::QuestionType::Single, {false, true, false}, 2);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({1})), 2);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({0})), 0);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({})), 0);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({7})), 0); // out of range never crashes
    EXPECT_TRUE(sb::FullyCorrect(q, Selected({1})));
}

TEST(QuizScoring, TrueFalse) {
    sb::Question q = Options(sb::QuestionType::TrueFalse, {true, false});
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({0})), 1);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({1})), 0);
}

TEST(QuizScoring, MultipleAllOrNothing) {
    const auto q = Options(sb::QuestionType::Multiple, {true, false, true, false});
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({0, 2})), 1);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({2, 0})), 1);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({0})), 0);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({0, 1, 2})), 0);
}

TEST(QuizScoring, MultiplePartialCreditPerOptionJudgedRight) {
    // Four options, 4 points: each option ticked or left open correctly earns 1.
    const auto q = Options(sb::QuestionType::Multiple, {true, false, true, false}, 4, sb::Scoring::Partial);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({0, 2})), 4);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({0})), 3);    // missed one
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({0, 1})), 2); // missed one, one wrong
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Selected({1, 3})), 0); // all judged wrong: 0, never below
    EXPECT_FALSE(sb::FullyCorrect(q, Selected({0})));
}

TEST(QuizScoring, Ordering) {
    auto q = Options(sb::QuestionType::Ordering, {false, false, false, false}, 2);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Ordered({0, 1, 2, 3})), 2);
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Ordered({1, 0, 2, 3})), 0);
    q.scoring = sb::Scoring::Partial;
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Ordered({1, 0, 2, 3})), 1); // half the items in place
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, Ordered({0, 1, 2})), 0);    // incomplete counts as unanswered
    sb::QuizAnswer untouched = Ordered({0, 1, 2, 3});
    untouched.confirmed = false;
    EXPECT_DOUBLE_EQ(sb::ScoreQuestion(q, untouched), 0); // an order never looked at is no answer
}

TEST(QuizBands, EdgesAndRounding) {
    std::vector<sb::Band> bands(3);
    bands[0].min = 0, bands[0].max = 4;
    bands[1].min = 5, bands[1].max = 7;
    bands[2].min = 8, bands[2].max = 10;
    EXPECT_EQ(sb::FindBand(bands, 0), &bands[0]);
    EXPECT_EQ(sb::FindBand(bands, 4), &bands[0]);
    EXPECT_EQ(sb::FindBand(bands, 4.75), &bands[0]); // rounded down to a whole point
    EXPECT_EQ(sb::FindBand(bands, 5), &bands[1]);
    EXPECT_EQ(sb::FindBand(bands, 7.5), &bands[1]);
    EXPECT_EQ(sb::FindBand(bands, 8), &bands[2]);
    EXPECT_EQ(sb::FindBand(bands, 10), &bands[2]);
    EXPECT_EQ(sb::FindBand(bands, 11), nullptr);
}

TEST(QuizBands, GroupBandsShareEdgesAndTheHigherWins) {
    std::vector<sb::Band> bands(3);
    bands[0].min = 1, bands[0].max = 2.5;
    bands[1].min = 2.5, bands[1].max = 3.5;
    bands[2].min = 3.5, bands[2].max = 5;
    EXPECT_EQ(sb::FindGroupBand(bands, 1.0), &bands[0]);
    EXPECT_EQ(sb::FindGroupBand(bands, 2.49), &bands[1]); // rounds to 2.5: the edge, higher band
    EXPECT_EQ(sb::FindGroupBand(bands, 2.33), &bands[0]);
    EXPECT_EQ(sb::FindGroupBand(bands, 3.67), &bands[2]);
    EXPECT_EQ(sb::FindGroupBand(bands, 5.0), &bands[2]);
}

TEST(QuizShuffle, DeterministicPerSeedAndAPermutation) {
    const auto a = sb::ShuffledIndices(10, 42), b = sb::ShuffledIndices(10, 42),
               c = sb::ShuffledIndices(10, 43);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    auto sorted = a;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(sorted[i], i);
    // Fixed expectation: the same on every machine and standard library.
    EXPECT_EQ(sb::ShuffledIndices(5, 1), sb::ShuffledIndices(5, 1));
}

class ShippedQuiz : public ::testing::Test {
  protected:
    void SetUp() override {
        auto r = sb::LoadPack(std::string(STAGEBOOST_SOURCE_DIR) + "/content/stageboost");
        ASSERT_TRUE(r.pack);
        pack = r.pack;
    }
    std::shared_ptr<const sb::Pack> pack;
};

TEST_F(ShippedQuiz, AllRightGivesTheTopBandAndRetryReshuffles) {
    const sb::Module* m = pack->FindModule("ken-je-rechten");
    ASSERT_NE(m, nullptr);
    sb::QuizSession s(pack, *m, 7);
    for (size_t p = 0; p < s.Count(); ++p) {
        const sb::Question& q = s.Current();
        if (q.type == sb::QuestionType::Ordering) {
            // Put every item in its place by moves, as a student drags them.
            for (int target = 0; target < static_cast<int>(q.options.size()); ++target) {
                const auto& order = s.CurrentAnswer().order;
                const int from =
                    static_cast<int>(std::find(order.begin(), order.end(), target) - order.begin());
                s.MoveItem(from, target);
            }
        } else {
            for (size_t i = 0; i < q.options.size(); ++i)
                if (q.options[i].correct) s.Select(static_cast<int>(i));
        }
        ASSERT_TRUE(s.Grade());
        EXPECT_TRUE(sb::FullyCorrect(q, s.CurrentAnswer())) << q.id;
        s.Next();
    }
    s.Finish();
    EXPECT_DOUBLE_EQ(s.Score(), s.MaxScore());
    ASSERT_NE(s.ScoreBand(), nullptr);
    EXPECT_EQ(s.ScoreBand(), &m->AsQuiz()->bands.back());
    const auto first = s.ShownOptions(0);
    s.Retry();
    EXPECT_EQ(s.Attempt(), 2);
    EXPECT_FALSE(s.Finished());
    EXPECT_DOUBLE_EQ(s.Score(), 0);
    EXPECT_FALSE(s.CurrentAnswer().Answered(s.Current()));
}

TEST_F(ShippedQuiz, NothingRightGivesTheFirstBandNotAFail) {
    const sb::Module* m = pack->FindModule("ken-je-rechten");
    sb::QuizSession s(pack, *m, 7);
    s.Finish();
    EXPECT_DOUBLE_EQ(s.Score(), 0);
    ASSERT_NE(s.ScoreBand(), nullptr);
    EXPECT_EQ(s.ScoreBand(), &m->AsQuiz()->bands.front());
}

TEST_F(ShippedQuiz, SelfAssessmentGivesAProfilePerGroup) {
    const sb::Module* m = pack->FindModule("hoe-sta-ik-ervoor");
    ASSERT_NE(m, nullptr);
    sb::QuizSession s(pack, *m, 1);
    for (size_t p = 0; p < s.Count(); ++p) {
        s.SetLikert(5);
        s.Next();
    }
    s.Finish();
    const auto profile = s.Profile();
    ASSERT_EQ(profile.size(), m->AsQuiz()->groups.size());
    for (const auto& g : profile) {
        EXPECT_GT(g.answered, 0);
        ASSERT_NE(g.band, nullptr) << g.group->id;
        // All 5s: the top band, unless a statement is reversed (then its 5 counts as 1).
        EXPECT_GE(g.average, 1.0);
    }
}

TEST(QuizSessionOrdering, StartsUnsolvedAndMovesItems) {
    auto r = sb::LoadPack(std::string(STAGEBOOST_SOURCE_DIR) + "/content/stageboost");
    ASSERT_TRUE(r.pack);
    const sb::Module* m = r.pack->FindModule("ken-je-rechten");
    for (uint64_t seed = 0; seed < 50; ++seed) {
        sb::QuizSession s(r.pack, *m, seed);
        for (size_t p = 0; p < s.Count(); ++p)
            if (s.QuestionAt(p).type == sb::QuestionType::Ordering)
                EXPECT_FALSE(std::is_sorted(s.AnswerAt(p).order.begin(), s.AnswerAt(p).order.end()))
                    << "seed " << seed;
    }
}

// A snapshot restores the attempt as it was: the order shown, every answer, which ones are graded, where the
// student is; a snapshot of another quiz is refused and changes nothing.
TEST_F(ShippedQuiz, SnapshotRestoresTheAttemptExactly) {
    const sb::Module* m = pack->FindModule("ken-je-rechten");
    ASSERT_NE(m, nullptr);
    sb::QuizSession s(pack, *m, 7);
    ASSERT_GE(s.Count(), 2u);
    s.Retry(); // attempt 2, shuffled differently from attempt 1
    s.Select(s.ShownOptions(0).front());
    s.MoveItem(0, 1);
    s.Grade();
    s.Next();
    s.Select(s.ShownOptions(1).back());
    const nlohmann::json snap = s.Snapshot();

    sb::QuizSession back(pack, *m, 99); // another seed: the order must come from the snapshot
    std::string why;
    ASSERT_TRUE(back.Restore(snap, why)) << why;
    EXPECT_EQ(back.Snapshot(), snap);
    EXPECT_EQ(back.Attempt(), 2);
    EXPECT_EQ(back.Position(), 1u);
    EXPECT_EQ(back.Graded(0), s.Graded(0));
    for (size_t p = 0; p < s.Count(); ++p) {
        EXPECT_EQ(back.QuestionAt(p).id, s.QuestionAt(p).id);
        EXPECT_EQ(back.ShownOptions(p), s.ShownOptions(p));
        EXPECT_EQ(back.AnswerAt(p).selected, s.AnswerAt(p).selected);
        EXPECT_EQ(back.AnswerAt(p).order, s.AnswerAt(p).order);
    }
    EXPECT_DOUBLE_EQ(back.Score(), s.Score());

    s.Finish();
    sb::QuizSession done(pack, *m, 1);
    ASSERT_TRUE(done.Restore(s.Snapshot(), why)) << why;
    EXPECT_TRUE(done.Finished());
    EXPECT_DOUBLE_EQ(done.Score(), s.Score());

    nlohmann::json other = snap;
    other["module"] = "iets-anders";
    sb::QuizSession untouched(pack, *m, 3);
    const nlohmann::json fresh = untouched.Snapshot();
    EXPECT_FALSE(untouched.Restore(other, why));
    EXPECT_FALSE(why.empty());
    EXPECT_EQ(untouched.Snapshot(), fresh);
}
