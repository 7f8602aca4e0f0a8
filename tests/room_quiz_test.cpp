// Multiple-choice and ordering quiz questions on phones, without a socket: a set of options (at least one,
// each once) or an order (every option once) is checked by the room and refused with a reason otherwise; a
// later answer replaces an earlier one and a retry changes nothing; the spread (how many ticked each option;
// per place what was put there and how many had the whole order right) shows nothing below 5 answers; the
// questions made from the shipped pack follow the screen's order and never send the right order to phones;
// and the JSON both ways.
#include "log/release.h"
#include "pack/loader.h"
#include "room/protocol.h"
#include "room/questions.h"
#include "room/room.h"
#include "room_test_helpers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace {

using namespace sb;
using sb::test::Nl;
using sb::test::ShippedPack;

std::shared_ptr<RoomQuestion> QuizOf(AnswerShape shape, int options) {
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Quiz;
    q->shape = shape;
    q->title = Nl("Vraag");
    for (int i = 0; i < options; ++i)
        q->options.push_back(Nl("optie " + std::to_string(i)));
    if (shape == AnswerShape::Order) q->right_order = {2, 0, 1, 3};
    q->items.resize(1);
    return q;
}

struct Fixture {
    std::unique_ptr<Room> room;
    uint64_t seq = 0;

    Fixture() {
        RoomOptions o;
        o.code = "K7QP";
        o.steady_ms = [] { return 1000; };
        o.answers = {1000, 1};
        o.requests = {1000, 1};
        room = std::make_unique<Room>(std::move(o));
    }
    std::string Join() { return room->Join("K7QP", "").token; }
    AnswerResult Give(const std::string& token, const std::string& q, std::optional<std::vector<int>> values,
                      std::string id = "") {
        ++seq;
        AnswerRequest r{"K7QP", token, q, 0, std::nullopt, id.empty() ? "a" + std::to_string(seq) : id, seq};
        r.values = std::move(values);
        return room->Answer(r);
    }
    AnswerResult GiveOne(const std::string& token, const std::string& q, int value) {
        ++seq;
        return room->Answer(AnswerRequest{"K7QP", token, q, 0, value, "a" + std::to_string(seq), seq});
    }
};

using V = std::vector<int>;

TEST(RoomQuizSeveral, AtLeastOneOptionEachOnceAndOnlyOptionsThatExist) {
    Fixture f;
    const std::string t = f.Join();
    const std::string q = f.room->Open(QuizOf(AnswerShape::Several, 4));
    struct Bad {
        std::optional<V> values;
        std::string reason;
    };
    for (const Bad& bad : std::vector<Bad>{{V{}, "at least one"},
                                           {V{1, 1}, "twice"},
                                           {V{0, 4}, "does not exist"},
                                           {V{-1}, "does not exist"},
                                           {V{0, 1, 2, 3, 0}, "twice"},
                                           {std::nullopt, "list of options"}}) {
        const AnswerResult r = f.Give(t, q, bad.values);
        EXPECT_EQ(r.status, AnswerStatus::BadValue) << bad.reason;
        EXPECT_NE(std::string(r.reason).find(bad.reason), std::string::npos) << r.reason;
    }
    EXPECT_EQ(f.GiveOne(t, q, 1).status, AnswerStatus::BadValue) << "one index is not a set";
    EXPECT_EQ(f.room->Snapshot().answered, 0) << "nothing refused counts";
    EXPECT_EQ(f.room->Snapshot().counters.refused, 7u);

    // A set in any order is kept ascending; every option at once is an answer too.
    EXPECT_EQ(f.Give(t, q, V{3, 0}, "tap-1").status, AnswerStatus::Saved);
    EXPECT_EQ(f.room->ViewFor(t).mine[0].values, (V{0, 3}));
    EXPECT_EQ(f.Give(t, q, V{3, 0}, "tap-1").status, AnswerStatus::Same) << "a retry of the same send";
    EXPECT_EQ(f.Give(t, q, V{0, 1, 2, 3}).status, AnswerStatus::Saved) << "a change replaces it";
    const PhoneView v = f.room->ViewFor(t);
    EXPECT_EQ(v.mine[0].values, (V{0, 1, 2, 3}));
    EXPECT_FALSE(v.mine[0].value);
    EXPECT_EQ(f.room->Snapshot().answered, 1);
    EXPECT_EQ(f.room->Snapshot().tallies[0].answers, 1) << "one phone, however often it changed";
}

TEST(RoomQuizOrder, EveryOptionExactlyOnce) {
    Fixture f;
    const std::string t = f.Join();
    const std::string q = f.room->Open(QuizOf(AnswerShape::Order, 4));
    for (const std::pair<V, std::string>& bad :
         std::vector<std::pair<V, std::string>>{{V{}, "every option once"},
                                                {V{0, 1, 2}, "every option once"},
                                                {V{0, 1, 2, 3, 0}, "twice"},
                                                {V{0, 1, 1, 3}, "twice"},
                                                {V{0, 1, 2, 4}, "does not exist"}}) {
        const AnswerResult r = f.Give(t, q, bad.first);
        EXPECT_EQ(r.status, AnswerStatus::BadValue) << bad.second;
        EXPECT_NE(std::string(r.reason).find(bad.second), std::string::npos) << r.reason;
    }
    EXPECT_EQ(f.Give(t, q, std::nullopt).status, AnswerStatus::BadValue);
    EXPECT_EQ(f.GiveOne(t, q, 0).status, AnswerStatus::BadValue);
    EXPECT_EQ(f.Give(t, q, V{3, 2, 1, 0}).status, AnswerStatus::Saved);
    EXPECT_EQ(f.Give(t, q, V{2, 0, 1, 3}).status, AnswerStatus::Saved);
    EXPECT_EQ(f.room->ViewFor(t).mine[0].values, (V{2, 0, 1, 3})) << "the order as sent, not sorted";
    // A single-choice question takes no list.
    const std::string single = f.room->Open(QuizOf(AnswerShape::One, 3));
    EXPECT_EQ(f.Give(t, single, V{1}).status, AnswerStatus::BadValue);
    EXPECT_EQ(f.GiveOne(t, single, 1).status, AnswerStatus::Saved);
}

TEST(RoomQuizTally, SeveralCountsTicksOnlyFromFiveAnswers) {
    Fixture f;
    std::vector<std::string> tokens;
    for (int i = 0; i < 6; ++i)
        tokens.push_back(f.Join());
    const std::string q = f.room->Open(QuizOf(AnswerShape::Several, 3));
    for (int i = 0; i < kMinCohortSize - 1; ++i)
        f.Give(tokens[i], q, V{0, 2});
    RoomSnapshot s = f.room->Snapshot();
    EXPECT_EQ(s.answered, 4);
    EXPECT_FALSE(s.tallies[0].shown);
    EXPECT_TRUE(s.tallies[0].counts.empty()) << "4 answers: nothing of the spread";
    f.room->Reveal();
    EXPECT_TRUE(f.room->ViewFor(tokens[0]).tallies[0].counts.empty()) << "revealed, still too few";

    Fixture g;
    tokens.clear();
    for (int i = 0; i < 6; ++i)
        tokens.push_back(g.Join());
    const std::string q2 = g.room->Open(QuizOf(AnswerShape::Several, 3));
    g.Give(tokens[0], q2, V{0});
    g.Give(tokens[0], q2, V{1}); // changed: only the last set counts
    g.Give(tokens[1], q2, V{0, 1});
    g.Give(tokens[2], q2, V{0, 1, 2});
    g.Give(tokens[3], q2, V{1});
    g.Give(tokens[4], q2, V{2, 1});
    s = g.room->Snapshot();
    ASSERT_TRUE(s.tallies[0].shown);
    EXPECT_EQ(s.tallies[0].answers, 5);
    EXPECT_EQ(s.tallies[0].counts, (V{2, 5, 2})) << "how many ticked each option";
    EXPECT_TRUE(s.tallies[0].positions.empty());
    g.room->Reveal();
    EXPECT_EQ(g.room->ViewFor(tokens[5]).tallies[0].counts, (V{2, 5, 2}));
}

TEST(RoomQuizTally, OrderCountsPlacesAndWholeOrdersOnlyFromFiveAnswers) {
    Fixture f;
    std::vector<std::string> tokens;
    for (int i = 0; i < 5; ++i)
        tokens.push_back(f.Join());
    const std::string q = f.room->Open(QuizOf(AnswerShape::Order, 4)); // right: 2, 0, 1, 3
    for (int i = 0; i < 4; ++i)
        f.Give(tokens[i], q, V{2, 0, 1, 3});
    RoomSnapshot s = f.room->Snapshot();
    EXPECT_FALSE(s.tallies[0].shown);
    EXPECT_TRUE(s.tallies[0].positions.empty());
    EXPECT_EQ(s.tallies[0].exact, 0) << "4 answers: not even how many were right";
    f.Give(tokens[4], q, V{0, 2, 1, 3});
    f.Give(tokens[3], q, V{3, 2, 1, 0}); // changed its mind
    s = f.room->Snapshot();
    ASSERT_TRUE(s.tallies[0].shown);
    EXPECT_EQ(s.tallies[0].answers, 5);
    EXPECT_EQ(s.tallies[0].exact, 3);
    ASSERT_EQ(s.tallies[0].positions.size(), 4u);
    EXPECT_EQ(s.tallies[0].positions[0], (V{1, 0, 3, 1})) << "place 1: option 2 three times";
    EXPECT_EQ(s.tallies[0].positions[1], (V{3, 0, 2, 0}));
    EXPECT_EQ(s.tallies[0].positions[2], (V{0, 5, 0, 0}));
    EXPECT_EQ(s.tallies[0].positions[3], (V{1, 0, 0, 4}));
    EXPECT_TRUE(s.tallies[0].counts.empty());
}

TEST(RoomQuizQuestions, MultipleAndOrderingFromTheShippedPackFollowTheScreen) {
    auto pack = ShippedPack();
    ASSERT_TRUE(pack);
    int multiple = 0, ordering = 0;
    for (const Module& m : pack->modules) {
        const Quiz* quiz = m.AsQuiz();
        if (!quiz) continue;
        for (const Question& question : quiz->questions) {
            const size_t n = question.options.size();
            if (n < 2) continue; // true/false and self-assessment have no options of their own
            std::vector<int> shown(n);
            std::iota(shown.begin(), shown.end(), 0);
            std::rotate(shown.begin(), shown.begin() + 1, shown.end()); // as a shuffle would
            if (question.type == QuestionType::Multiple) {
                ++multiple;
                auto q = QuizQuestion(*pack, *quiz, question, shown);
                ASSERT_TRUE(q) << question.id;
                EXPECT_EQ(q->kind, RoomQuestionKind::Quiz);
                EXPECT_EQ(q->shape, AnswerShape::Several);
                ASSERT_EQ(q->options.size(), n);
                for (size_t k = 0; k < n; ++k)
                    EXPECT_EQ(q->options[k].Get("nl", "nl"), question.options[shown[k]].text.Get("nl", "nl"));
                EXPECT_TRUE(q->right_order.empty());
            } else if (question.type == QuestionType::Ordering) {
                ++ordering;
                for (const std::vector<int>& order : {shown, std::vector<int>{}}) {
                    auto q = QuizQuestion(*pack, *quiz, question, order);
                    ASSERT_TRUE(q) << question.id;
                    EXPECT_EQ(q->shape, AnswerShape::Order);
                    ASSERT_EQ(q->options.size(), n);
                    ASSERT_EQ(q->right_order.size(), n);
                    // Placing the phone's options in the right order gives the pack's order.
                    for (size_t p = 0; p < n; ++p)
                        EXPECT_EQ(q->options[q->right_order[p]].Get("nl", "nl"),
                                  question.options[p].text.Get("nl", "nl"));
                    std::vector<int> start(n);
                    std::iota(start.begin(), start.end(), 0);
                    EXPECT_NE(start, q->right_order) << "the phone does not start solved";
                    if (!order.empty()) {
                        EXPECT_EQ(q->options[0].Get("nl", "nl"),
                                  question.options[shown[0]].text.Get("nl", "nl"))
                            << "the phone starts in the order the screen starts";
                    }
                }
            }
        }
    }
    EXPECT_GT(multiple, 0) << "the shipped pack has a multiple-choice question";
    EXPECT_GT(ordering, 0) << "the shipped pack has an ordering question";
}

TEST(RoomQuizProtocol, ListsBothWaysAndTheRightOrderNeverLeaves) {
    AnswerRequest r;
    std::string error;
    ASSERT_TRUE(ParseAnswerBody(
        R"({"room":"K7QP","token":"t","question":"q1","item":0,"value":[2,0],"id":"a","seq":1})", r, error))
        << error;
    ASSERT_TRUE(r.values);
    EXPECT_EQ(*r.values, (V{2, 0}));
    EXPECT_FALSE(r.value);
    ASSERT_TRUE(ParseAnswerBody(
        R"({"room":"K7QP","token":"t","question":"q1","item":0,"value":[],"id":"a","seq":1})", r, error));
    EXPECT_TRUE(r.values && r.values->empty()) << "an empty set is the room's to refuse, with its reason";
    ASSERT_TRUE(ParseAnswerBody(
        R"({"room":"K7QP","token":"t","question":"q1","item":0,"value":3,"id":"a","seq":1})", r, error));
    EXPECT_FALSE(r.values) << "a later one-value body does not keep an earlier list";
    std::string many = "[";
    for (int i = 0; i < 65; ++i)
        many += (i ? "," : "") + std::to_string(i % 10);
    many += "]";
    for (const std::string& bad : {std::string("[1,\"2\"]"), std::string("[1.5]"), std::string("[[1]]"),
                                   std::string("[null]"), std::string("[99999]"), many}) {
        error.clear();
        EXPECT_FALSE(ParseAnswerBody(R"({"room":"K","token":"t","question":"q","item":0,"value":)" + bad +
                                         R"(,"id":"a","seq":1})",
                                     r, error))
            << bad;
        EXPECT_FALSE(error.empty()) << bad;
    }

    Fixture f;
    std::vector<std::string> tokens;
    for (int i = 0; i < 5; ++i)
        tokens.push_back(f.Join());
    const std::string q = f.room->Open(QuizOf(AnswerShape::Order, 4));
    for (const std::string& t : tokens)
        f.Give(t, q, V{2, 0, 1, 3});
    nlohmann::json j = PhoneViewJson(f.room->ViewFor(tokens[0]), "K7QP");
    EXPECT_EQ(j["question"]["answer"], "order");
    EXPECT_EQ(j["mine"][0]["value"], nlohmann::json::array({2, 0, 1, 3}));
    EXPECT_FALSE(j.contains("tally"));
    EXPECT_EQ(j.dump().find("right"), std::string::npos) << "the right order is never sent";
    f.room->Reveal();
    j = PhoneViewJson(f.room->ViewFor(tokens[0]), "K7QP");
    EXPECT_EQ(j["tally"][0]["exact"], 5);
    EXPECT_EQ(j["tally"][0]["positions"][0], nlohmann::json::array({0, 0, 5, 0}));
    EXPECT_FALSE(j["tally"][0].contains("counts"));

    Fixture g;
    const std::string t = g.Join();
    const std::string q2 = g.room->Open(QuizOf(AnswerShape::Several, 3));
    g.Give(t, q2, V{2, 1});
    g.room->Reveal();
    j = PhoneViewJson(g.room->ViewFor(t), "K7QP");
    EXPECT_EQ(j["question"]["answer"], "several");
    EXPECT_EQ(j["mine"][0]["value"], nlohmann::json::array({1, 2}));
    EXPECT_EQ(j["tally"][0]["shown"], false);
    EXPECT_FALSE(j["tally"][0].contains("counts")) << "one answer: nothing but the count of hands";
}

} // namespace
