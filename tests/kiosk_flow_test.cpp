// The kiosk's flow without a window: the walk-up journey, a module with its own check, workshop mode, the
// idle wipe, a reload under a running module, and the trainer's PIN. GIVEN a kiosk state, WHEN the screens'
// actions are applied, THEN the state is what a student or trainer would see next.
#include "flow/flow.h"
#include "log/log_reader.h"

#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace sb;

namespace {

std::chrono::system_clock::time_point LocalTimePoint(int year, int month, int day, int hour) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&tm));
}

class FlowTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("sb-flow-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        fs::copy(STAGEBOOST_TEST_DATA "/flow", m_dir / "pack", fs::copy_options::recursive);
        state.packs.Load("/nonexistent", {(m_dir / "pack").string()});
        ASSERT_NE(state.packs.FindPack("flow"), nullptr);
        state.languages = state.packs.Languages();
        state.log = std::make_unique<LogStore>();
        ASSERT_TRUE(state.log->Open((m_dir / "confidence.sqlite").string()).Ok());
        state.config.kiosk_label = "test-kiosk";
        state.seed = 42;
        state.student = StudentSession::Fresh(state.defaults);
    }
    void TearDown() override {
        state.log.reset();
        fs::remove_all(m_dir);
    }

    ScreenId Screen() const { return state.Screen(); }
    void Do(const Action& a) { flow.Apply(a); }
    // Time passes without input.
    void Wait(int64_t ms) {
        clock.Advance(ms);
        state.now_ms = clock.SteadyMs();
    }
    std::vector<Answer> Logged() {
        state.log->Flush();
        return LoadAnswers({state.log->Path()}).answers;
    }
    void AnswerAll(int value) {
        while (Screen() == ScreenId::Confidence)
            Do(act::Answer{value});
    }

    fs::path m_dir;
    KioskState state;
    ManualClock clock{LocalTimePoint(2026, 3, 5, 10)};
    Flow flow{state, clock};
};

// ---- the walk-up journey (journey 1)

TEST_F(FlowTest, WalkUpJourneyPairsBeforeAndAfterAndEndsWithAFreshStudent) {
    EXPECT_EQ(Screen(), ScreenId::Start);
    Do(act::Begin{});
    EXPECT_EQ(Screen(), ScreenId::Welcome);
    Do(act::SetLanguage{"en"});
    Do(act::SetTextScale{1.4f});
    Do(act::StartSession{});
    ASSERT_EQ(Screen(), ScreenId::Confidence);
    ASSERT_TRUE(state.student.confidence);
    EXPECT_EQ(state.student.confidence->Count(), 2u);
    const std::string session = state.student.session_id;
    EXPECT_EQ(session.size(), 32u);
    AnswerAll(2);
    EXPECT_EQ(Screen(), ScreenId::Home);

    Do(act::OpenModule{"flow", "quiz"});
    ASSERT_EQ(Screen(), ScreenId::Quiz);
    Do(act::Back{});
    EXPECT_EQ(Screen(), ScreenId::Home);

    Do(act::FinishSession{});
    ASSERT_EQ(Screen(), ScreenId::Confidence);
    EXPECT_EQ(state.student.confidence->RunPhase(), Phase::Post);
    // After: 2 items, then 2 looking back.
    EXPECT_EQ(state.student.confidence->Count(), 4u);
    AnswerAll(4);
    EXPECT_EQ(Screen(), ScreenId::End);
    // A second "Ik ben klaar" never asks the check again.
    EXPECT_TRUE(state.student.post_done);

    const std::vector<Answer> logged = Logged();
    ASSERT_EQ(logged.size(), 6u);
    int pre = 0, post = 0, retro = 0;
    for (const Answer& a : logged) {
        EXPECT_EQ(a.session_id, session);
        EXPECT_EQ(a.module_id, "");
        EXPECT_EQ(a.kiosk, "test-kiosk");
        EXPECT_EQ(a.date, "2026-03-05"); // from the injected clock, never the machine's
        pre += a.phase == Phase::Pre;
        post += a.phase == Phase::Post;
        retro += a.phase == Phase::Retro;
    }
    EXPECT_EQ(pre, 2);
    EXPECT_EQ(post, 2);
    EXPECT_EQ(retro, 2);

    const uint64_t generation = state.student_generation;
    Do(act::EndSession{});
    EXPECT_EQ(Screen(), ScreenId::Start);
    EXPECT_EQ(state.student_generation, generation + 1);
    EXPECT_TRUE(state.student.session_id.empty());
    EXPECT_EQ(state.student.lang, "nl");
    EXPECT_EQ(state.student.access, Accessibility{});
}

TEST_F(FlowTest, AStudentMaySkipEveryStatement) {
    Do(act::Begin{});
    Do(act::StartSession{});
    Do(act::SkipItem{});
    Do(act::Answer{std::nullopt}); // "weet ik niet"
    EXPECT_EQ(Screen(), ScreenId::Home);
    const auto logged = Logged();
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_FALSE(logged[0].value.has_value());
}

TEST_F(FlowTest, AModuleWithItsOwnCheckAsksItBeforeAndOnceAfter) {
    Do(act::Begin{});
    Do(act::StartSession{});
    AnswerAll(3);
    Do(act::OpenModule{"flow", "les"});
    ASSERT_EQ(Screen(), ScreenId::Confidence);
    EXPECT_EQ(state.student.confidence->Scope(), "les");
    EXPECT_EQ(state.student.confidence->RunPhase(), Phase::Pre);
    Do(act::Answer{2});
    ASSERT_EQ(Screen(), ScreenId::Lesson);
    Do(act::LessonPage{1});
    Do(act::FinishLesson{});
    ASSERT_EQ(Screen(), ScreenId::Confidence);
    EXPECT_EQ(state.student.confidence->RunPhase(), Phase::Post);
    Do(act::Answer{4});
    EXPECT_EQ(Screen(), ScreenId::Home);
    EXPECT_TRUE(state.Finished("flow", "les"));
    // Opening it again asks before again (a new pre), and finishing asks after once more.
    Do(act::OpenModule{"flow", "les"});
    EXPECT_EQ(Screen(), ScreenId::Confidence);

    int module_answers = 0;
    for (const Answer& a : Logged())
        module_answers += a.module_id == "les";
    EXPECT_EQ(module_answers, 2);
}

TEST_F(FlowTest, WorkshopModeGoesStraightHomeAndAsksNoOneAlone) {
    state.workshop = true;
    Do(act::Begin{});
    EXPECT_EQ(Screen(), ScreenId::Home);
    Do(act::OpenModule{"flow", "les"});
    EXPECT_EQ(Screen(), ScreenId::Lesson);
    // Nobody is wiped while a trainer talks.
    Wait(int64_t(state.config.idle_seconds + state.config.countdown_seconds + 60) * 1000);
    EXPECT_EQ(flow.IdleSecondsLeft(), -1);
    flow.Tick();
    EXPECT_EQ(Screen(), ScreenId::Lesson);
    EXPECT_TRUE(Logged().empty());
}

TEST_F(FlowTest, AConfidenceModuleIsNeverOpenedFromHome) {
    Do(act::Begin{});
    Do(act::StartSession{});
    AnswerAll(3);
    Do(act::OpenModule{"flow", "sessie"});
    EXPECT_EQ(Screen(), ScreenId::Home);
    Do(act::OpenModule{"flow", "does-not-exist"});
    EXPECT_EQ(Screen(), ScreenId::Home);
}

// ---- role-plays

TEST_F(FlowTest, ARolePlayRunsToItsDebriefAndBackHome) {
    Do(act::Begin{});
    Do(act::StartSession{});
    AnswerAll(3);
    Do(act::OpenModule{"flow", "gesprek"});
    EXPECT_EQ(Screen(), ScreenId::RoleplayIntro);
    Do(act::RoleplayBegin{});
    ASSERT_EQ(Screen(), ScreenId::Roleplay);
    ASSERT_TRUE(state.student.roleplay);
    // "Verder" shows the lines one by one; at the decision it does nothing.
    while (!state.student.roleplay->AtDecision())
        Do(act::RoleplayAdvance{});
    Do(act::RoleplayAdvance{});
    EXPECT_TRUE(state.student.roleplay->AtDecision());
    Do(act::RoleplayChoose{0});
    EXPECT_TRUE(state.student.roleplay->ShowingFeedback());
    while (Screen() == ScreenId::Roleplay)
        Do(act::RoleplayAdvance{});
    ASSERT_EQ(Screen(), ScreenId::RoleplayDebrief);
    EXPECT_EQ(state.student.roleplay->CurrentEnding()->id, "goed");
    Do(act::RoleplayAgain{});
    EXPECT_EQ(Screen(), ScreenId::Roleplay);
    EXPECT_TRUE(state.student.roleplay->Path().empty());
    while (!state.student.roleplay->AtDecision())
        Do(act::RoleplayAdvance{});
    Do(act::RoleplayChoose{1});
    Do(act::RoleplayAdvance{});
    ASSERT_EQ(Screen(), ScreenId::RoleplayDebrief);
    EXPECT_EQ(state.student.roleplay->CurrentEnding()->id, "weg");
    Do(act::RoleplayDone{});
    EXPECT_EQ(Screen(), ScreenId::Home);
    EXPECT_FALSE(state.student.roleplay);
    EXPECT_TRUE(state.Finished("flow", "gesprek"));
}

TEST_F(FlowTest, WorkshopHandCountsFollowTheOptionsShownAndLandInThePath) {
    state.workshop = true;
    Do(act::Begin{});
    Do(act::OpenModule{"flow", "gesprek"});
    Do(act::RoleplayBegin{});
    while (!state.student.roleplay->AtDecision())
        Do(act::RoleplayAdvance{});
    const int n = static_cast<int>(state.student.roleplay->AvailableChoices().size());
    ASSERT_EQ(n, 2);
    for (int i = 0; i < 7; ++i)
        Do(act::RoleplayTally{0, +1, n});
    for (int i = 0; i < 3; ++i)
        Do(act::RoleplayTally{1, +1, n});
    Do(act::RoleplayTally{1, -1, n});
    Do(act::RoleplayTally{1, -5, n}); // never below zero
    Do(act::RoleplayTally{1, +2, n});
    Do(act::RoleplayFocus{+1, n});
    Do(act::RoleplayFocus{+1, n}); // stops at the last option
    EXPECT_EQ(state.student.roleplay_view.focus, 1);
    const std::vector<int> shown = state.student.roleplay->AvailableChoices();
    Do(act::RoleplayChoose{shown[0]});
    ASSERT_EQ(state.student.roleplay->Path().size(), 1u);
    const PathStep& step = state.student.roleplay->Path()[0];
    ASSERT_EQ(step.tally.size(), 2u);
    EXPECT_EQ(step.tally[shown[0]], 7);
    EXPECT_EQ(step.tally[shown[1]], 2);
    EXPECT_TRUE(state.student.roleplay_view.tally.empty()); // the next decision starts at zero
}

// ---- one student, one value

TEST_F(FlowTest, ResetLeavesNothingOfTheLastStudent) {
    // Fill every part of the student's state...
    Do(act::Begin{});
    Do(act::SetLanguage{"en"});
    Do(act::SetTextScale{1.4f});
    Do(act::ToggleContrast{});
    Do(act::ToggleDyslexia{});
    Do(act::StartSession{});
    Do(act::Answer{1}); // a check half done
    StudentSession& s = state.student;
    ASSERT_TRUE(s.confidence);
    s.pack_id = "flow";
    s.module_id = "gesprek";
    auto pack = state.packs.SharedPack("flow");
    s.roleplay = std::make_unique<RoleplaySession>(pack, *pack->FindModule("gesprek"));
    s.roleplay->RevealAllLines();
    s.roleplay->Choose(0);
    s.quiz = std::make_unique<QuizSession>(pack, *pack->FindModule("quiz"), 1);
    s.quiz->Select(0);
    s.lesson = std::make_unique<LessonSession>(pack, *pack->FindModule("les"));
    s.lesson->GoTo(1);
    s.finished = {"flow/les"};
    s.module_pre = {"les"};
    s.post_done = true;
    s.after_confidence = ScreenId::End;
    s.roleplay_view = {{3, 4}, 1, 9};
    s.pin_entry = "12";
    s.trainer_notice = "pin.wrong";
    s.trainer_detail = "detail";
    state.pin_guard.Wrong(state.now_ms);
    const std::string old_session = s.session_id;
    ASSERT_FALSE(old_session.empty());

    // ...then the idle countdown runs out.
    Wait(int64_t(state.config.idle_seconds) * 1000 - 1);
    EXPECT_EQ(flow.IdleSecondsLeft(), -1);
    Wait(1);
    EXPECT_EQ(flow.IdleSecondsLeft(), state.config.countdown_seconds);
    Wait(int64_t(state.config.countdown_seconds) * 1000 - 500);
    EXPECT_EQ(flow.IdleSecondsLeft(), 1);
    flow.Tick();
    EXPECT_EQ(state.student.session_id, old_session); // still there with a second to go
    Wait(500);
    EXPECT_EQ(flow.IdleSecondsLeft(), 0);
    flow.Tick();

    const StudentSession& fresh = state.student;
    const StudentSession expected = StudentSession::Fresh(state.defaults);
    EXPECT_EQ(fresh.session_id, expected.session_id);
    EXPECT_NE(fresh.session_id, old_session);
    EXPECT_EQ(fresh.lang, expected.lang);
    EXPECT_EQ(fresh.access, expected.access);
    EXPECT_EQ(fresh.router.Current(), ScreenId::Start);
    EXPECT_EQ(fresh.router.Depth(), 1u);
    EXPECT_TRUE(fresh.pack_id.empty());
    EXPECT_TRUE(fresh.module_id.empty());
    EXPECT_FALSE(fresh.roleplay);
    EXPECT_FALSE(fresh.quiz);
    EXPECT_FALSE(fresh.lesson);
    EXPECT_TRUE(fresh.finished.empty());
    EXPECT_FALSE(fresh.confidence);
    EXPECT_EQ(fresh.after_confidence, expected.after_confidence);
    EXPECT_FALSE(fresh.pre_done);
    EXPECT_FALSE(fresh.post_done);
    EXPECT_TRUE(fresh.module_pre.empty());
    EXPECT_TRUE(fresh.roleplay_view.tally.empty());
    EXPECT_EQ(fresh.roleplay_view.focus, 0);
    EXPECT_EQ(fresh.roleplay_view.seen_lines, 0u);
    EXPECT_TRUE(fresh.pin_entry.empty());
    EXPECT_TRUE(fresh.trainer_notice.empty());
    EXPECT_TRUE(fresh.trainer_detail.empty());
    // The kiosk's own memory stays: waiting for a reset must not lift a PIN lockout.
    EXPECT_EQ(state.pin_guard.WrongCount(), 1);
}

TEST_F(FlowTest, EachStudentShufflesAnew) {
    const uint64_t first = flow.StudentSeed();
    flow.ResetStudent();
    EXPECT_NE(flow.StudentSeed(), first);
    KioskState other;
    other.seed = state.seed;
    ManualClock c;
    Flow again(other, c);
    EXPECT_EQ(again.StudentSeed(), first); // the same --seed gives the same first student
}

TEST_F(FlowTest, TheIdlePromptWakesOncePerSecondAndNeverOnTheAttractScreen) {
    EXPECT_EQ(flow.NextIdleWakeMs(), -1);
    Do(act::Begin{});
    EXPECT_EQ(flow.NextIdleWakeMs(), int64_t(state.config.idle_seconds) * 1000);
    Wait(int64_t(state.config.idle_seconds) * 1000 + 200);
    EXPECT_EQ(flow.NextIdleWakeMs(), 800);
    Do(act::OpenTrainer{}); // no PIN: the menu opens, and a trainer is never wiped
    EXPECT_EQ(Screen(), ScreenId::Trainer);
    EXPECT_EQ(flow.IdleSecondsLeft(), -1);
}

// ---- live reload

TEST_F(FlowTest, AReloadKeepsTheStudentInTheRolePlayAndSaysWhenTheModuleIsGone) {
    Do(act::Begin{});
    Do(act::StartSession{});
    AnswerAll(3);
    Do(act::OpenModule{"flow", "gesprek"});
    Do(act::RoleplayBegin{});
    while (!state.student.roleplay->AtDecision())
        Do(act::RoleplayAdvance{});
    Do(act::RoleplayChoose{0});
    Do(act::RoleplayAdvance{});
    ASSERT_EQ(state.student.roleplay->CurrentNode().id, "binnen");

    // An author edits a line; the student stays at the same node with the same path.
    const fs::path file = m_dir / "pack" / "gesprek.json";
    std::string text;
    {
        std::ifstream in(file);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string from = "Je praat.", to = "Je praat rustig.";
    text.replace(text.find(from), from.size(), to);
    { std::ofstream(file) << text; }
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    ASSERT_TRUE(state.packs.ReloadChanged());
    EXPECT_EQ(flow.OnPacksReloaded(), "");
    ASSERT_TRUE(state.student.roleplay);
    EXPECT_EQ(state.student.roleplay->CurrentNode().id, "binnen");
    EXPECT_EQ(state.student.roleplay->Path().size(), 1u);
    EXPECT_EQ(
        state.student.roleplay->GetPack().T(state.student.roleplay->CurrentNode().lines[0].text.text, "nl"),
        to);

    // The role-play is taken out of the pack: the session goes, the screen will say so.
    std::string pack_json;
    {
        std::ifstream in(m_dir / "pack" / "pack.json");
        pack_json.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string entry = "\"gesprek.json\", ";
    pack_json.replace(pack_json.find(entry), entry.size(), "");
    { std::ofstream(m_dir / "pack" / "pack.json") << pack_json; }
    fs::last_write_time(m_dir / "pack" / "pack.json",
                        fs::last_write_time(m_dir / "pack" / "pack.json") + std::chrono::seconds(10));
    ASSERT_TRUE(state.packs.ReloadChanged());
    flow.OnPacksReloaded();
    EXPECT_FALSE(state.student.roleplay);
    EXPECT_EQ(Screen(), ScreenId::Roleplay); // which shows "Deze module bestaat niet meer"
    Do(act::Back{});
    EXPECT_EQ(Screen(), ScreenId::Home);
}

// Issue 13 item 6: a half-saved lesson keeps its last good version playing at the same page (named for the
// author banner); the fixed save replaces it at that page.
TEST_F(FlowTest, ABrokenSaveKeepsTheLastGoodLessonAtTheSamePage) {
    Do(act::Begin{});
    Do(act::StartSession{});
    AnswerAll(3);
    Do(act::OpenModule{"flow", "les"});
    AnswerAll(4); // the lesson's own check before
    ASSERT_EQ(Screen(), ScreenId::Lesson);
    Do(act::LessonPage{1});
    const fs::path file = m_dir / "pack" / "les.json";
    std::string good;
    {
        std::ifstream in(file);
        good.assign(std::istreambuf_iterator<char>(in), {});
    }
    auto kept = [&] {
        size_t n = 0;
        for (const LoadedPack& p : state.packs.Packs())
            n += p.kept.size();
        return n;
    };
    { std::ofstream(file) << good.substr(0, good.size() / 2); } // the editor has written half the file
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    ASSERT_TRUE(state.packs.ReloadChanged());
    EXPECT_EQ(flow.OnPacksReloaded(), "");
    EXPECT_EQ(state.reload_note, "");
    ASSERT_TRUE(state.student.lesson);
    EXPECT_EQ(state.student.lesson->PageIndex(), 1u);
    EXPECT_EQ(kept(), 1u);
    { std::ofstream(file) << good; }
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(10));
    ASSERT_TRUE(state.packs.ReloadChanged());
    EXPECT_EQ(flow.OnPacksReloaded(), "");
    ASSERT_TRUE(state.student.lesson);
    EXPECT_EQ(state.student.lesson->PageIndex(), 1u);
    EXPECT_EQ(kept(), 0u);
}

TEST_F(FlowTest, AReloadKeepsTheQuizQuestion) {
    Do(act::Begin{});
    Do(act::StartSession{});
    AnswerAll(3);
    Do(act::OpenModule{"flow", "quiz"});
    Do(act::QuizSelect{0});
    Do(act::QuizGrade{});
    Do(act::QuizNext{});
    ASSERT_EQ(state.student.quiz->Position(), 1u);
    const fs::path file = m_dir / "pack" / "quiz.json";
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    ASSERT_TRUE(state.packs.ReloadChanged());
    flow.OnPacksReloaded();
    ASSERT_TRUE(state.student.quiz);
    EXPECT_EQ(state.student.quiz->Position(), 1u);
}

// Item 6 of issue 12: a reload restores the quiz and the lesson from their snapshots (answers, grades and the
// page kept), instead of replaying steps on a fresh session.
TEST_F(FlowTest, AReloadUnderARunningQuizAndLessonRestoresThemFromTheirSnapshots) {
    Do(act::Begin{});
    Do(act::StartSession{});
    AnswerAll(3);
    Do(act::OpenModule{"flow", "quiz"});
    Do(act::QuizSelect{0});
    ASSERT_TRUE(state.student.quiz);
    Do(act::QuizGrade{});
    Do(act::QuizNext{});
    Do(act::QuizSelect{1});
    const QuizSession* before = state.student.quiz.get();
    const nlohmann::json snapshot = before->Snapshot();
    const fs::path quiz_file = m_dir / "pack" / "quiz.json";
    fs::last_write_time(quiz_file, fs::last_write_time(quiz_file) + std::chrono::seconds(5));
    ASSERT_TRUE(state.packs.ReloadChanged());
    EXPECT_EQ(flow.OnPacksReloaded(), "");
    const QuizSession& quiz = *state.student.quiz;
    EXPECT_NE(&quiz, before) << "a new session on the reloaded pack";
    EXPECT_EQ(quiz.Position(), 1u);
    EXPECT_TRUE(quiz.Graded(0)) << "the graded answer stays graded";
    EXPECT_EQ(quiz.AnswerAt(0).selected, std::vector<int>{0});
    EXPECT_FALSE(quiz.Graded(1));
    EXPECT_EQ(quiz.CurrentAnswer().selected, std::vector<int>{1}) << "the answer not yet graded is kept too";
    EXPECT_EQ(quiz.Snapshot(), snapshot) << "restored exactly";
    Do(act::QuizDone{});

    Do(act::OpenModule{"flow", "les"});
    AnswerAll(4); // the lesson's own check before
    ASSERT_EQ(Screen(), ScreenId::Lesson);
    ASSERT_TRUE(state.student.lesson);
    Do(act::LessonPage{1});
    EXPECT_EQ(state.student.lesson->PageIndex(), 1u);
    const fs::path les_file = m_dir / "pack" / "les.json"; // newer than the quiz file touched above
    fs::last_write_time(les_file, fs::last_write_time(les_file) + std::chrono::seconds(20));
    ASSERT_TRUE(state.packs.ReloadChanged());
    EXPECT_EQ(flow.OnPacksReloaded(), "");
    ASSERT_TRUE(state.student.lesson);
    EXPECT_EQ(state.student.lesson->PageIndex(), 1u) << "the student stays on their page";

    // The author removes the last page: the student is on the lesson's last page, not past it.
    nlohmann::json les;
    std::ifstream(les_file) >> les;
    les["pages"].erase(les["pages"].size() - 1);
    std::ofstream(les_file) << les.dump(2);
    fs::last_write_time(les_file, fs::last_write_time(les_file) + std::chrono::seconds(40));
    ASSERT_TRUE(state.packs.ReloadChanged());
    EXPECT_EQ(flow.OnPacksReloaded(), "");
    ASSERT_TRUE(state.student.lesson);
    EXPECT_EQ(state.student.lesson->PageCount(), 1u);
    EXPECT_EQ(state.student.lesson->PageIndex(), 0u);
    EXPECT_TRUE(state.student.lesson->AtLast());
    Do(act::FinishLesson{});
    EXPECT_FALSE(state.student.lesson);
}

// ---- the trainer

TEST_F(FlowTest, WithoutAPinTheGestureOpensTheMenuWithAWarning) {
    Do(act::Begin{});
    Do(act::OpenTrainer{});
    EXPECT_EQ(Screen(), ScreenId::Trainer);
    EXPECT_EQ(state.student.trainer_notice, "pin.none");
    Do(act::OpenTrainer{}); // already there: nothing more is pushed
    EXPECT_EQ(state.student.router.Depth(), 3u);
    Do(act::LeaveTrainer{});
    EXPECT_EQ(Screen(), ScreenId::Start);
}

TEST_F(FlowTest, ThePinOpensTheMenuAndWrongPinsLockItForAWhile) {
    state.config.pin_hash = HashPin("2468");
    ASSERT_FALSE(state.config.pin_hash.empty());
    Do(act::OpenTrainer{});
    ASSERT_EQ(Screen(), ScreenId::TrainerPin);
    for (int attempt = 0; attempt < PinGuard::kFreeTries; ++attempt) {
        for (char d : std::string("1111"))
            Do(act::PinDigit{d});
        Do(act::PinSubmit{});
        EXPECT_EQ(Screen(), ScreenId::TrainerPin);
        EXPECT_TRUE(state.student.pin_entry.empty());
    }
    EXPECT_EQ(state.student.trainer_notice, "pin.wrong");
    EXPECT_TRUE(state.pin_guard.Locked(state.now_ms));
    for (char d : std::string("2468"))
        Do(act::PinDigit{d});
    EXPECT_TRUE(state.student.pin_entry.empty()); // the keypad is off while locked
    Do(act::PinSubmit{});
    EXPECT_EQ(Screen(), ScreenId::TrainerPin);
    Wait(31 * 1000);
    for (char d : std::string("24689"))
        Do(act::PinDigit{d});
    Do(act::PinBackspace{});
    EXPECT_EQ(state.student.pin_entry, "2468");
    Do(act::PinSubmit{});
    EXPECT_EQ(Screen(), ScreenId::Trainer);
    EXPECT_EQ(state.pin_guard.WrongCount(), 0);
}

TEST_F(FlowTest, ResultsAreReadWhenTheScreenOpensNotWhileItShows) {
    // Five students answer before and after.
    for (int i = 0; i < 5; ++i) {
        Do(act::Begin{});
        Do(act::StartSession{});
        AnswerAll(2);
        Do(act::FinishSession{});
        AnswerAll(4);
        Do(act::EndSession{});
    }
    Do(act::OpenTrainer{});
    Do(act::OpenResults{});
    EXPECT_EQ(Screen(), ScreenId::Results);
    ASSERT_TRUE(state.trainer.report);
    const size_t items = state.trainer.report->items.size();
    EXPECT_EQ(items, 2u);
    const int participants = state.trainer.report->items[0].participants;
    // A new answer reaches the log, but the screen keeps what it read.
    state.log->Record(MakeAnswer({"x", "flow", "1.0.0", "test-kiosk"}, "", "durf", Phase::Pre, 3,
                                 Coarsen(clock.WallNow())));
    EXPECT_EQ(state.trainer.report->items[0].participants, participants);
    Do(act::SetResultsPeriod{"all"});
    EXPECT_EQ(state.trainer.results_period, "all");
    ASSERT_TRUE(state.trainer.report);
}

TEST_F(FlowTest, ExportListsItsFoldersWhenOpenedAndWritesTheLog) {
    Do(act::Begin{});
    Do(act::StartSession{});
    AnswerAll(3);
    Do(act::OpenTrainer{});
    Do(act::OpenExport{});
    EXPECT_EQ(Screen(), ScreenId::Export);
    ASSERT_FALSE(state.trainer.export_targets.empty());
    const std::string folder = state.trainer.export_targets.back();
    EXPECT_EQ(folder, (m_dir / "export").string());
    Do(act::Export{folder});
    ASSERT_TRUE(state.trainer.export_result);
    EXPECT_TRUE(state.trainer.export_result->ok) << state.trainer.export_result->error;
    EXPECT_TRUE(fs::exists(state.trainer.export_result->path));
    // The USB copy holds only sealed cohorts (log/release.h): one student's answers stay on the kiosk.
    EXPECT_EQ(state.trainer.export_result->answers, 0u);
}

// The export screen lists the sticks by the one rule the pack import uses (pack/pack_import.h), scanned
// when the screen opens: a stick mounted later shows after reopening, never in the middle of a frame.
TEST_F(FlowTest, ExportFindsSticksByTheSharedRuleWhenTheScreenOpens) {
    state.stick_roots = {(m_dir / "media").string()};
    fs::create_directories(m_dir / "media" / "stageboost" / "sdb1");
    fs::create_directories(m_dir / "media" / "stageboost" / ".hidden");
    Do(act::OpenTrainer{});
    Do(act::OpenExport{});
    ASSERT_EQ(state.trainer.export_targets.size(), 2u);
    EXPECT_EQ(state.trainer.export_targets[0], (m_dir / "media" / "stageboost" / "sdb1").string());
    EXPECT_EQ(state.trainer.export_targets[1], (m_dir / "export").string());
    fs::create_directories(m_dir / "media" / "stageboost" / "sdc1");
    EXPECT_EQ(state.trainer.export_targets.size(), 2u) << "nothing scans while the screen shows";
    Do(act::Back{});
    Do(act::OpenExport{});
    EXPECT_EQ(state.trainer.export_targets.size(), 3u);
}

TEST_F(FlowTest, TrainerSettingsStayWithinTheirLimitsAndReachTheNextStudent) {
    state.config.idle_seconds = 90;
    Do(act::StepIdle{+100});
    EXPECT_EQ(state.config.idle_seconds, kIdleSeconds.max);
    Do(act::StepIdle{-100});
    EXPECT_EQ(state.config.idle_seconds, kIdleSeconds.min);
    Do(act::StepCountdown{+1});
    EXPECT_EQ(state.config.countdown_seconds, 15 + kCountdownSeconds.step);
    Do(act::SetKioskContrast{true});
    EXPECT_TRUE(state.student.access.high_contrast);
    flow.ResetStudent();
    EXPECT_TRUE(state.student.access.high_contrast);
    Do(act::ToggleHidden{"flow/les"});
    EXPECT_TRUE(state.ModuleHidden("flow", "les"));
    Do(act::ToggleHidden{"flow/les"});
    EXPECT_FALSE(state.ModuleHidden("flow", "les"));
    Do(act::ToggleHidden{"flow/*"});
    EXPECT_TRUE(state.PackHidden("flow"));
    EXPECT_EQ(state.MainPack(), nullptr);
}

TEST_F(FlowTest, AfsluitenAsksFirstAndTheQuestionCanBeTakenBack) {
    Do(act::OpenTrainer{});
    Do(act::AskQuit{true});
    EXPECT_TRUE(state.trainer.confirm_quit);
    EXPECT_FALSE(state.quit);
    Do(act::AskQuit{false});
    EXPECT_FALSE(state.trainer.confirm_quit);
    EXPECT_FALSE(state.quit);
    // A question left open is not waiting for the next trainer.
    Do(act::AskQuit{true});
    Do(act::LeaveTrainer{});
    Do(act::OpenTrainer{});
    EXPECT_FALSE(state.trainer.confirm_quit);
    Do(act::AskQuit{true});
    Do(act::Quit{});
    EXPECT_TRUE(state.quit);
}

// A pack folder on a "stick" (root/user/stick/pack), as udisks mounts one.
fs::path WriteStickPack(const fs::path& root, const std::string& id, const std::string& version) {
    const fs::path dir = root / "trainer" / "STICK" / id;
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
    fs::copy(STAGEBOOST_TEST_DATA "/flow", dir, fs::copy_options::recursive);
    std::ifstream in(dir / "pack.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    auto replace = [&](const std::string& from, const std::string& to) {
        const size_t at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
    };
    replace("\"id\": \"flow\"", "\"id\": \"" + id + "\"");
    replace("\"version\": \"1.0.0\"", "\"version\": \"" + version + "\"");
    std::ofstream(dir / "pack.json") << text;
    return dir;
}

TEST_F(FlowTest, APackFromAStickIsCheckedAddedAndPlaysAtOnce) {
    state.stick_roots = {(m_dir / "media").string()};
    state.packs_dir = (m_dir / "packs").string();
    state.content_dir = m_dir.string(); // holds pack/ with id "flow": built in
    WriteStickPack(m_dir / "media", "extra", "1.0.0");
    Do(act::OpenTrainer{});
    Do(act::OpenImport{});
    EXPECT_EQ(Screen(), ScreenId::Import);
    ASSERT_EQ(state.trainer.import_found.size(), 1u);
    EXPECT_EQ(state.trainer.import_found[0].status, StickPackStatus::New);
    EXPECT_EQ(state.packs.FindPack("extra"), nullptr);
    Do(act::ImportPack{0, false});
    ASSERT_TRUE(state.trainer.import_result);
    EXPECT_EQ(state.trainer.import_result->outcome, ImportOutcome::Imported);
    ASSERT_NE(state.packs.FindPack("extra"), nullptr) << "the new pack plays without a restart";
    EXPECT_EQ(state.packs.FindPack("extra")->version, "1.0.0");
    ASSERT_EQ(state.trainer.import_found.size(), 1u);
    EXPECT_EQ(state.trainer.import_found[0].status, StickPackStatus::Update) << "scanned again after import";

    // A newer version asks before it replaces the kiosk's copy; "no" changes nothing.
    WriteStickPack(m_dir / "media", "extra", "1.1.0");
    Do(act::ImportRescan{});
    Do(act::ImportPack{0, false});
    EXPECT_EQ(state.trainer.import_confirm, 0);
    Do(act::ImportCancel{});
    EXPECT_EQ(state.trainer.import_confirm, -1);
    EXPECT_EQ(state.packs.FindPack("extra")->version, "1.0.0");
    Do(act::ImportPack{0, false});
    Do(act::ImportPack{0, true});
    ASSERT_TRUE(state.trainer.import_result);
    EXPECT_EQ(state.trainer.import_result->outcome, ImportOutcome::Replaced);
    EXPECT_EQ(state.packs.FindPack("extra")->version, "1.1.0");
    EXPECT_EQ(state.packs.Packs().size(), 2u) << "replaced in place, not loaded twice";

    // A stick cannot replace a pack that ships with the kiosk.
    fs::remove_all(m_dir / "media");
    WriteStickPack(m_dir / "media", "flow", "9.0.0");
    Do(act::ImportRescan{});
    ASSERT_EQ(state.trainer.import_found.size(), 1u);
    EXPECT_EQ(state.trainer.import_found[0].status, StickPackStatus::BuiltIn);
    Do(act::ImportPack{0, true});
    EXPECT_FALSE(state.trainer.import_result->Ok());
    EXPECT_EQ(state.packs.FindPack("flow")->version, "1.0.0");
}

} // namespace

// ---- the last line of defence: a state the story cannot leave (issue 13, item 3)

namespace {

// The flow pack with a condition that is never true put on `node`'s ways out: a choice's, or a "next".
std::shared_ptr<const Pack> ClosedAt(const Pack& pack, const std::string& node) {
    auto copy = std::make_shared<Pack>(pack);
    for (auto& m : copy->modules)
        if (auto* rp = std::get_if<Roleplay>(&m.content)) {
            ExprScope scope;
            for (const auto& v : rp->variables) {
                scope.variables.push_back(v.name);
                scope.types.push_back(v.initial.type);
            }
            Expression never;
            ExprError error;
            EXPECT_TRUE(Expression::Parse("false", scope, never, error));
            for (auto& n : rp->nodes) {
                if (n.id != node) continue;
                for (auto& c : n.choices)
                    c.condition = never;
                for (auto& b : n.next)
                    b.condition = never;
            }
        }
    return copy;
}

} // namespace

TEST_F(FlowTest, AStateWithNoWayOnOffersBackAndStartOverNeverABlankDecision) {
    Do(act::Begin{});
    Do(act::OpenModule{"flow", "gesprek"});
    Do(act::RoleplayBegin{});
    StudentSession& s = state.student;
    ASSERT_EQ(Screen(), ScreenId::Roleplay);
    // The way on from "binnen" closes: the student chooses, reads, and the story cannot go on.
    auto closed = ClosedAt(*state.packs.SharedPack("flow"), "binnen");
    s.roleplay =
        std::make_unique<RoleplaySession>(closed, *closed->FindModule("gesprek"), flow.StudentSeed());
    s.roleplay->RevealAllLines();
    int binnen = -1;
    for (int k : s.roleplay->AvailableChoices())
        if (s.roleplay->CurrentNode().choices[k].target_id == "binnen") binnen = k;
    ASSERT_GE(binnen, 0);
    Do(act::RoleplayChoose{binnen});
    for (int i = 0; i < 5 && !s.roleplay->Stuck(); ++i)
        Do(act::RoleplayAdvance{});
    ASSERT_TRUE(s.roleplay->Stuck());
    EXPECT_FALSE(s.roleplay->CanContinue());
    Do(act::RoleplayAdvance{}); // "next" does nothing here
    EXPECT_TRUE(s.roleplay->Stuck());
    // Back: the choice is undone, the decision shows again with its options.
    Do(act::RoleplayStuck{false});
    EXPECT_FALSE(s.roleplay->Stuck());
    EXPECT_TRUE(s.roleplay->AtDecision());
    EXPECT_EQ(s.roleplay->AvailableChoices().size(), 2u);
    // Start over from the same place.
    Do(act::RoleplayChoose{binnen});
    while (!s.roleplay->Stuck())
        Do(act::RoleplayAdvance{});
    Do(act::RoleplayStuck{true});
    EXPECT_TRUE(s.roleplay->Path().empty());
    EXPECT_EQ(s.roleplay->CurrentNode().id, "start");

    // Stuck before any choice: Back leaves the role-play.
    auto closed_start = ClosedAt(*state.packs.SharedPack("flow"), "start");
    s.roleplay = std::make_unique<RoleplaySession>(closed_start, *closed_start->FindModule("gesprek"), 1);
    s.roleplay->RevealAllLines();
    ASSERT_TRUE(s.roleplay->Stuck());
    EXPECT_TRUE(s.roleplay->AvailableChoices().empty());
    Do(act::RoleplayStuck{false});
    EXPECT_FALSE(s.roleplay);
    EXPECT_NE(Screen(), ScreenId::Roleplay);
}

TEST_F(FlowTest, ARoleplayIsShuffledFromTheStudentSeedAndKeepsItsOrderOverAReload) {
    Do(act::Begin{});
    Do(act::OpenModule{"flow", "gesprek"});
    Do(act::RoleplayBegin{});
    ASSERT_TRUE(state.student.roleplay);
    EXPECT_EQ(state.student.roleplay->Seed(), flow.StudentSeed());
}
