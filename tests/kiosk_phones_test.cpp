// Phones in the kiosk's flow, without a window: the trainer's switch (workshop only), the join screen, the
// class check before and after on phones (each phone one anonymous session in the log, paired by the
// report), a vote at each role-play decision that follows the story and becomes the path's tally, the
// "zelf meegemaakt" question on the debrief, and phones switched off with workshop mode and at exit.
// Phones are simulated through the room's own API; HTTP is tested in room_server_test and room_workshop_test.
#include "flow/flow.h"
#include "log/log_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;
using namespace sb;

namespace {

class PhonesFlowTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("sb-phones-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        state.packs.Load("/nonexistent", {STAGEBOOST_TEST_DATA "/flow"});
        ASSERT_NE(state.packs.FindPack("flow"), nullptr);
        state.log = std::make_unique<LogStore>();
        ASSERT_TRUE(state.log->Open((m_dir / "confidence.sqlite").string()).Ok());
        state.config.kiosk_label = "lokaal-3";
        state.student = StudentSession::Fresh(state.defaults);
        state.phones.port = 0; // any free port
        state.phones.code = "K7QP";
        state.phones.asset_dir = STAGEBOOST_SOURCE_DIR "/assets";
        state.phones.wake = [this] { ++wakes; };
    }
    void TearDown() override {
        flow.StopPhones();
        state.log.reset();
        fs::remove_all(m_dir);
    }
    void Do(const Action& a) { flow.ApplyAll({a}); }
    ScreenId Screen() const { return state.Screen(); }
    Room& TheRoom() { return *state.phones.room; }
    std::vector<std::string> Join(int n) {
        std::vector<std::string> tokens;
        for (int i = 0; i < n; ++i)
            tokens.push_back(TheRoom().Join("K7QP", "").token);
        return tokens;
    }
    void Answer(const std::string& token, int item, std::optional<int> value) {
        static uint64_t seq = 1;
        const RoomSnapshot s = TheRoom().Snapshot();
        AnswerRequest r{"K7QP", token, s.question_id, item, value, "a" + std::to_string(seq), seq};
        ++seq;
        ASSERT_EQ(TheRoom().Answer(r).status, AnswerStatus::Saved);
    }
    // A set or an order of option indices, as a phone sends it for a multiple-choice or ordering question.
    AnswerStatus AnswerList(const std::string& token, std::vector<int> values) {
        static uint64_t seq = 1000;
        const RoomSnapshot s = TheRoom().Snapshot();
        AnswerRequest r{"K7QP", token, s.question_id, 0, std::nullopt, "l" + std::to_string(seq), seq};
        ++seq;
        r.values = std::move(values);
        return TheRoom().Answer(r).status;
    }
    std::vector<sb::Answer> Logged() {
        state.log->Flush();
        return LoadAnswers({state.log->Path()}).answers;
    }

    fs::path m_dir;
    KioskState state;
    ManualClock clock;
    Flow flow{state, clock};
    int wakes = 0;
};

TEST_F(PhonesFlowTest, OnlyInWorkshopModeAndOffWithIt) {
    Do(act::SetPhones{true});
    EXPECT_FALSE(state.phones.On()) << "a walk-up kiosk serves no phones";
    state.workshop = true;
    Do(act::SetPhones{true});
    ASSERT_TRUE(state.phones.On());
    EXPECT_EQ(Screen(), ScreenId::Phones);
    EXPECT_NE(state.phones.url.find("/?r=K7QP"), std::string::npos);
    EXPECT_FALSE(state.phones.qr.Empty());
    EXPECT_TRUE(state.phones.server->Running());
    Join(3);
    flow.OnRoomWake();
    EXPECT_EQ(state.phones.view.participants, 3);
    EXPECT_GT(wakes, 0) << "the room wakes the kiosk instead of being polled";
    Do(act::SetWorkshop{false});
    EXPECT_FALSE(state.phones.On()) << "leaving workshop mode switches phones off";
    state.workshop = true;
    Do(act::SetPhones{true});
    ASSERT_TRUE(state.phones.On());
    Do(act::Quit{});
    EXPECT_FALSE(state.phones.On()) << "and so does the exit";
}

TEST_F(PhonesFlowTest, TheClassCheckOnPhonesPairsEachPhoneInTheLog) {
    state.workshop = true;
    Do(act::SetPhones{true});
    const std::vector<std::string> phones = Join(6);
    Do(act::PhonesCheck{false});
    EXPECT_EQ(state.phones.live, "check-pre");
    const size_t items = TheRoom().Snapshot().tallies.size();
    ASSERT_EQ(items, 2u);
    for (const std::string& t : phones)
        for (size_t k = 0; k < items; ++k)
            Answer(t, static_cast<int>(k), 2);
    flow.OnRoomWake();
    EXPECT_EQ(state.phones.view.answered, 6);
    EXPECT_TRUE(Logged().empty()) << "nothing is logged while the check is open";
    Do(act::PhonesClose{});
    EXPECT_EQ(Logged().size(), 12u);
    EXPECT_EQ(state.phones.checks_closed, 1);
    Do(act::PhonesContinue{});
    EXPECT_EQ(Screen(), ScreenId::Home);

    // "Ik ben klaar" in a workshop with phones: the check afterwards on the phones.
    Do(act::FinishSession{});
    EXPECT_EQ(Screen(), ScreenId::Phones);
    EXPECT_EQ(state.phones.live, "check-post");
    const size_t post_items = TheRoom().Snapshot().tallies.size();
    for (const std::string& t : phones)
        for (size_t k = 0; k < post_items; ++k)
            Answer(t, static_cast<int>(k), 4);
    Do(act::PhonesClose{});
    const std::vector<sb::Answer> logged = Logged();
    EXPECT_EQ(logged.size(), 12u + 6u * post_items);
    std::set<std::string> sessions;
    for (const sb::Answer& a : logged) {
        sessions.insert(a.session_id);
        EXPECT_EQ(a.kiosk, "lokaal-3");
        for (const std::string& t : phones)
            EXPECT_NE(a.session_id, t);
    }
    EXPECT_EQ(sessions.size(), 6u);
    EXPECT_FALSE(state.log->InWorkshop() && !state.phones.On());
}

TEST_F(PhonesFlowTest, ATrainerVisitOrIdleResetDuringAPhoneCheckKeepsTheClassPaired) {
    // The big screen's student is wiped (the trainer menu's "Terug", an idle reset), which ends that
    // student's session in the log; the phones' own sessions and the live check carry on, so each phone
    // still has one session holding its before and after, and nothing is logged while a check is open.
    state.workshop = true;
    Do(act::SetPhones{true});
    const std::vector<std::string> phones = Join(5);
    Do(act::PhonesCheck{false});
    const size_t items = TheRoom().Snapshot().tallies.size();
    for (size_t i = 0; i < phones.size(); ++i) {
        for (size_t k = 0; k < items; ++k)
            Answer(phones[i], static_cast<int>(k), 1 + static_cast<int>(i % 3));
        if (i == 2) Do(act::LeaveTrainer{}); // halfway through the class
    }
    EXPECT_EQ(state.phones.live, "check-pre") << "the wipe does not close the class's check";
    EXPECT_TRUE(Logged().empty());
    Do(act::PhonesClose{});
    EXPECT_EQ(Logged().size(), phones.size() * items);
    Do(act::PhonesContinue{});
    Do(act::FinishSession{});
    ASSERT_EQ(state.phones.live, "check-post");
    const size_t post_items = TheRoom().Snapshot().tallies.size();
    for (size_t i = 0; i < phones.size(); ++i) {
        for (size_t k = 0; k < post_items; ++k)
            Answer(phones[i], static_cast<int>(k), 4);
        if (i == 1) Do(act::LeaveTrainer{});
    }
    Do(act::PhonesClose{});
    std::map<std::string, std::set<Phase>> phases;
    for (const sb::Answer& a : Logged())
        phases[a.session_id].insert(a.phase);
    EXPECT_EQ(phases.size(), phones.size()) << "one session per phone, never split by the wipe";
    for (const auto& [session, seen] : phases)
        EXPECT_TRUE(seen.count(Phase::Pre) && seen.count(Phase::Post)) << session;
}

TEST_F(PhonesFlowTest, AVoteAtEachDecisionBecomesThePathsTally) {
    state.workshop = true;
    Do(act::SetPhones{true});
    const std::vector<std::string> phones = Join(7);
    Do(act::PhonesContinue{});
    Do(act::OpenModule{"flow", "gesprek"});
    Do(act::RoleplayBegin{});
    while (!state.student.roleplay->AtDecision())
        Do(act::RoleplayAdvance{});
    ASSERT_EQ(state.phones.live.rfind("vote:gesprek:start", 0), 0u) << state.phones.live;
    RoomSnapshot s = TheRoom().Snapshot();
    ASSERT_TRUE(s.question);
    EXPECT_EQ(s.question->kind, RoomQuestionKind::Vote);
    const std::vector<int> shown = state.student.roleplay->AvailableChoices();
    EXPECT_EQ(s.question->options.size(), shown.size());
    for (int i = 0; i < 7; ++i)
        Answer(phones[i], 0, i < 5 ? 1 : 0);
    flow.OnRoomWake();
    EXPECT_EQ(state.phones.view.answered, 7);
    Do(act::PhonesReveal{});
    EXPECT_EQ(state.phones.view.state, QuestionState::Revealed);
    // The trainer continues with the class's choice; its spread is the path's tally.
    Do(act::RoleplayChoose{shown[1]});
    ASSERT_EQ(state.student.roleplay->Path().size(), 1u);
    const PathStep& step = state.student.roleplay->Path()[0];
    ASSERT_EQ(step.tally.size(), state.student.roleplay->Scenario().nodes[step.node].choices.size());
    EXPECT_EQ(step.tally[shown[1]], 5);
    EXPECT_EQ(step.tally[shown[0]], 2);
    EXPECT_EQ(state.phones.live, "") << "past the decision the vote is over";
    EXPECT_EQ(TheRoom().Snapshot().state, QuestionState::None);

    // To the debrief: the optional "zelf meegemaakt?".
    while (Screen() == ScreenId::Roleplay)
        Do(act::RoleplayAdvance{});
    ASSERT_EQ(Screen(), ScreenId::RoleplayDebrief);
    Do(act::PhonesAskExperienced{});
    EXPECT_EQ(state.phones.live, "experienced");
    s = TheRoom().Snapshot();
    ASSERT_TRUE(s.question);
    EXPECT_EQ(s.question->kind, RoomQuestionKind::Experienced);
    Do(act::RoleplayDone{});
    EXPECT_EQ(state.phones.live, "") << "leaving the debrief ends the question";
}

TEST_F(PhonesFlowTest, FewerThanFiveVotesNeverBecomeATally) {
    state.workshop = true;
    Do(act::SetPhones{true});
    const std::vector<std::string> phones = Join(4);
    Do(act::PhonesContinue{});
    Do(act::OpenModule{"flow", "gesprek"});
    Do(act::RoleplayBegin{});
    while (!state.student.roleplay->AtDecision())
        Do(act::RoleplayAdvance{});
    for (const std::string& t : phones)
        Answer(t, 0, 0);
    flow.OnRoomWake();
    Do(act::PhonesReveal{});
    Do(act::RoleplayChoose{state.student.roleplay->AvailableChoices()[0]});
    EXPECT_TRUE(state.student.roleplay->Path()[0].tally.empty()) << "4 votes: no spread is kept or shown";
}

TEST_F(PhonesFlowTest, EachQuizQuestionIsAnsweredOnPhonesInTheOrderTheScreenShows) {
    state.workshop = true;
    state.seed = 11;
    Do(act::SetPhones{true});
    const std::vector<std::string> phones = Join(6);
    Do(act::PhonesContinue{});
    Do(act::OpenModule{"flow", "quiz"});
    ASSERT_EQ(Screen(), ScreenId::Quiz);
    const QuizSession& quiz = *state.student.quiz;
    const std::string first = state.phones.live;
    ASSERT_EQ(first.rfind("quiz:quiz:", 0), 0u) << first;
    RoomSnapshot s = TheRoom().Snapshot();
    ASSERT_TRUE(s.question);
    EXPECT_EQ(s.question->kind, RoomQuestionKind::Quiz);
    if (quiz.Current().type == QuestionType::Single) {
        // Option k on a phone is option k on the screen, whatever the shuffle did.
        const std::vector<int>& shown = quiz.ShownOptions(quiz.Position());
        ASSERT_EQ(s.question->options.size(), shown.size());
        for (size_t k = 0; k < shown.size(); ++k)
            EXPECT_EQ(s.question->options[k].Get("nl", "nl"),
                      quiz.Current().options[shown[k]].text.Get("nl", "nl"));
    }
    for (const std::string& t : phones)
        Answer(t, 0, 0);
    flow.OnRoomWake();
    EXPECT_EQ(state.phones.view.answered, 6);
    Do(act::PhonesReveal{});
    ASSERT_EQ(state.phones.view.state, QuestionState::Revealed);
    ASSERT_FALSE(state.phones.view.tallies.empty());
    EXPECT_TRUE(state.phones.view.tallies[0].shown) << "6 answers: the spread shows";
    EXPECT_EQ(state.phones.view.tallies[0].counts[0], 6);
    // The next question opens on phones; the first is over.
    Do(act::QuizSelect{0});
    Do(act::QuizGrade{});
    Do(act::QuizNext{});
    EXPECT_NE(state.phones.live, first);
    EXPECT_EQ(state.phones.live.rfind("quiz:quiz:", 0), 0u) << state.phones.live;
    // Leaving the quiz ends it on phones too.
    Do(act::Back{});
    EXPECT_EQ(state.phones.live, "");
}

TEST_F(PhonesFlowTest, MultipleChoiceAndOrderingAreAnsweredOnPhonesAsTheScreenShowsThem) {
    state.packs.Load("/nonexistent", {STAGEBOOST_TEST_DATA "/flow", STAGEBOOST_TEST_DATA "/phones_quiz"});
    ASSERT_NE(state.packs.FindPack("telquiz"), nullptr);
    state.workshop = true;
    state.seed = 7;
    Do(act::SetPhones{true});
    const std::vector<std::string> phones = Join(6);
    Do(act::PhonesContinue{});
    Do(act::OpenModule{"telquiz", "quiz"});
    ASSERT_EQ(Screen(), ScreenId::Quiz);
    const QuizSession& quiz = *state.student.quiz;

    // Choose all that apply: a set per phone; how many ticked each option, from 5 answers.
    ASSERT_EQ(quiz.Current().type, QuestionType::Multiple);
    const std::string multiple = state.phones.live;
    EXPECT_EQ(multiple.rfind("quiz:quiz:", 0), 0u) << multiple;
    RoomSnapshot s = TheRoom().Snapshot();
    ASSERT_TRUE(s.question);
    EXPECT_EQ(s.question->kind, RoomQuestionKind::Quiz);
    EXPECT_EQ(s.question->shape, AnswerShape::Several);
    ASSERT_EQ(s.question->options.size(), 4u);
    EXPECT_EQ(AnswerList(phones[0], {}), AnswerStatus::BadValue) << "at least one, as on the kiosk";
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(AnswerList(phones[i], {0, 2}), AnswerStatus::Saved);
    flow.OnRoomWake();
    EXPECT_EQ(state.phones.view.answered, 4);
    ASSERT_FALSE(state.phones.view.tallies.empty());
    EXPECT_FALSE(state.phones.view.tallies[0].shown);
    EXPECT_TRUE(state.phones.view.tallies[0].counts.empty()) << "4 answers: nothing of the spread";
    EXPECT_EQ(AnswerList(phones[4], {1}), AnswerStatus::Saved);
    EXPECT_EQ(AnswerList(phones[0], {2, 3}), AnswerStatus::Saved) << "a phone changes its set";
    flow.OnRoomWake();
    Do(act::PhonesReveal{});
    ASSERT_EQ(state.phones.view.state, QuestionState::Revealed);
    ASSERT_TRUE(state.phones.view.tallies[0].shown);
    EXPECT_EQ(state.phones.view.tallies[0].counts, (std::vector<int>{3, 1, 4, 1}));

    // Put in order: the phone starts from the order the screen starts from; the room knows the right one.
    Do(act::QuizSelect{quiz.ShownOptions(quiz.Position())[0]});
    Do(act::QuizGrade{});
    Do(act::QuizNext{});
    ASSERT_EQ(quiz.Current().type, QuestionType::Ordering);
    EXPECT_NE(state.phones.live, multiple) << "the next question is live on phones";
    s = TheRoom().Snapshot();
    ASSERT_TRUE(s.question);
    EXPECT_EQ(s.question->shape, AnswerShape::Order);
    const std::vector<int>& shown = quiz.ShownOptions(quiz.Position());
    ASSERT_EQ(s.question->options.size(), shown.size());
    for (size_t k = 0; k < shown.size(); ++k)
        EXPECT_EQ(s.question->options[k].Get("nl", "nl"),
                  quiz.Current().options[shown[k]].text.Get("nl", "nl"));
    const std::vector<int> right = s.question->right_order;
    ASSERT_EQ(right.size(), 4u);
    for (size_t p = 0; p < right.size(); ++p)
        EXPECT_EQ(shown[right[p]], static_cast<int>(p)) << "place p holds the pack's item p";
    EXPECT_EQ(AnswerList(phones[5], {0, 1, 2}), AnswerStatus::BadValue) << "every step once";
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(AnswerList(phones[i], right), AnswerStatus::Saved);
    for (int i = 3; i < 5; ++i)
        EXPECT_EQ(AnswerList(phones[i], {0, 1, 2, 3}), AnswerStatus::Saved);
    flow.OnRoomWake();
    EXPECT_EQ(state.phones.view.answered, 5);
    Do(act::PhonesReveal{});
    const ItemTally& t = state.phones.view.tallies.at(0);
    ASSERT_TRUE(t.shown);
    EXPECT_EQ(t.exact, 3);
    ASSERT_EQ(t.positions.size(), 4u);
    // Place 1: three phones put the right step there, two the screen's first step (the same one or not).
    EXPECT_EQ(t.positions[0][right[0]], right[0] == 0 ? 5 : 3);
    EXPECT_EQ(t.positions[0][0], right[0] == 0 ? 5 : 2);

    // As with single choice, quiz answers on phones are never logged (the log holds checks only, and no
    // check ran here).
    Do(act::Back{});
    EXPECT_EQ(state.phones.live, "");
    EXPECT_TRUE(Logged().empty());
}

} // namespace
