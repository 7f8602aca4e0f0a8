// Audiences, the glossary card and a lesson page's own questions in the kiosk's flow, without a window:
// GIVEN the format-2 test pack (tests/data/format2), WHEN the screens' actions are applied, THEN home shows
// the modules of the right audience, the trainer's guide opens from the trainer menu only, and the inline
// question and practice card behave as a student expects (and nothing is logged).
#include "flow/flow.h"
#include "log/log_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

using namespace sb;

namespace {

class AudienceFlow : public ::testing::Test {
  protected:
    void SetUp() override {
        state.packs.Load("/nonexistent", {STAGEBOOST_TEST_DATA "/format2"});
        pack = state.packs.FindPack("formaat-twee");
        ASSERT_NE(pack, nullptr);
        state.student = StudentSession::Fresh(state.defaults);
    }
    // What home shows now, by module id, in the pack's order.
    std::vector<std::string> Home() const {
        std::vector<std::string> ids;
        for (const Module& m : pack->modules)
            if (state.ShownOnHome(*pack, m)) ids.push_back(m.id);
        return ids;
    }
    void ToTrainerMenu() {
        state.student.router.Push(ScreenId::Trainer); // past the PIN (tested in kiosk_flow_test)
    }

    KioskState state;
    ManualClock clock;
    Flow flow{state, clock};
    const Pack* pack = nullptr;
};

using Ids = std::vector<std::string>;

TEST_F(AudienceFlow, WalkUpAlwaysShowsStudentModulesWhateverTheWorkshopAudience) {
    EXPECT_EQ(Home(), (Ids{"les", "rollenspel"}));
    state.workshop_audience = Audience::Supervisor; // chosen for the last workshop
    EXPECT_EQ(state.HomeAudience(), Audience::Student);
    EXPECT_EQ(Home(), (Ids{"les", "rollenspel"}));
}

TEST_F(AudienceFlow, AWorkshopShowsTheChosenAudienceOnly) {
    flow.Apply(act::SetWorkshop{true});
    EXPECT_EQ(Home(), (Ids{"les", "rollenspel"})); // students by default
    flow.Apply(act::SetAudience{Audience::Supervisor});
    EXPECT_EQ(Home(), (Ids{"begeleiders"}));
    flow.Apply(act::SetAudience{Audience::Employer});
    EXPECT_EQ(Home(), (Ids{"begeleiders"}));
    flow.Apply(act::SetAudience{Audience::Staff});
    EXPECT_EQ(Home(), (Ids{"school"}));
    // The audience belongs to the kiosk, not the student: a new student keeps it.
    flow.ResetStudent();
    EXPECT_EQ(Home(), (Ids{"school"}));
    flow.Apply(act::SetWorkshop{false});
    EXPECT_EQ(Home(), (Ids{"les", "rollenspel"}));
    // The choice goes into the config (saved like the mode); "trainer" is no workshop's audience.
    EXPECT_EQ(state.config.audience, WorkshopAudience::Staff);
    flow.Apply(act::SetAudience{Audience::Trainer});
    EXPECT_EQ(state.workshop_audience, Audience::Staff);
    EXPECT_EQ(state.config.audience, WorkshopAudience::Staff);
}

TEST_F(AudienceFlow, TheTrainersGuideIsNeverOnHomeAndOpensFromTheTrainerMenuOnly) {
    for (Audience a : kAudiences) {
        state.workshop = true;
        state.workshop_audience = a;
        const Ids home = Home();
        EXPECT_EQ(std::count(home.begin(), home.end(), "gids"), 0) << AudienceName(a);
    }
    state.workshop = false;
    state.student.router.Push(ScreenId::Home);
    flow.Apply(act::OpenModule{"formaat-twee", "gids"});
    EXPECT_EQ(state.Screen(), ScreenId::Home); // refused from home
    // A module for another audience is refused too, even when asked for by id.
    flow.Apply(act::OpenModule{"formaat-twee", "begeleiders"});
    EXPECT_EQ(state.Screen(), ScreenId::Home);

    ToTrainerMenu();
    const auto guides = state.TrainerModules();
    ASSERT_EQ(guides.size(), 1u);
    EXPECT_EQ(guides[0].second->id, "gids");
    flow.Apply(act::OpenModule{"formaat-twee", "gids"});
    EXPECT_EQ(state.Screen(), ScreenId::Lesson);
    flow.Apply(act::FinishLesson{});
    EXPECT_EQ(state.Screen(), ScreenId::Trainer); // back where the trainer was
}

TEST_F(AudienceFlow, TheEndScreensHelpFollowsTheAudience) {
    auto help = [&] {
        Ids ids;
        for (const HelpResource* h : state.EndHelp(*pack))
            ids.push_back(h->id);
        return ids;
    };
    state.workshop_audience = Audience::Staff;
    EXPECT_EQ(help(), (Ids{"school"})); // walk-up: the student's help only
    state.workshop = true;
    state.workshop_audience = Audience::Supervisor;
    EXPECT_EQ(help(), (Ids{"collega"}));
    state.workshop_audience = Audience::Staff;
    EXPECT_EQ(help(), (Ids{"team"}));
}

TEST_F(AudienceFlow, AGlossaryCardOpensClosesAndEscapeClosesItBeforeThePage) {
    state.student.router.Push(ScreenId::Home);
    flow.Apply(act::OpenModule{"formaat-twee", "les"});
    ASSERT_EQ(state.Screen(), ScreenId::Lesson);
    flow.Apply(act::ShowTerm{"bpv"});
    EXPECT_EQ(state.student.open_term, "bpv");
    flow.Apply(act::CloseTerm{});
    EXPECT_EQ(state.student.open_term, "");
    flow.Apply(act::ShowTerm{"geen-woord"}); // not in the glossary: nothing opens
    EXPECT_EQ(state.student.open_term, "");
    flow.Apply(act::ShowTerm{"vertrouwenspersoon"});
    flow.Apply(act::Back{}); // Escape
    EXPECT_EQ(state.student.open_term, "");
    EXPECT_EQ(state.Screen(), ScreenId::Lesson); // the page stays
    flow.Apply(act::ShowTerm{"bpv"});
    flow.Apply(act::LessonPage{1});
    EXPECT_EQ(state.student.open_term, ""); // a new page starts without a card
}

TEST_F(AudienceFlow, InlineQuestionIsGradedOnCheckAndStartsFreshOnEachVisit) {
    state.student.router.Push(ScreenId::Home);
    flow.Apply(act::OpenModule{"formaat-twee", "les"});
    flow.Apply(act::LessonCheck{}); // page 1 has no question: nothing happens
    EXPECT_FALSE(state.student.lesson_view.checked);
    flow.Apply(act::LessonPage{2});
    const Question* q = pack->FindModule("les")->AsLesson()->pages[2].question.get();
    ASSERT_NE(q, nullptr);
    flow.Apply(act::LessonCheck{}); // nothing chosen yet
    EXPECT_FALSE(state.student.lesson_view.checked);
    flow.Apply(act::LessonSelect{1});
    flow.Apply(act::LessonSelect{0}); // single choice: the last tap counts
    EXPECT_EQ(state.student.lesson_view.selected, (std::vector<int>{0}));
    flow.Apply(act::LessonSelect{7}); // out of range: ignored
    EXPECT_EQ(state.student.lesson_view.selected, (std::vector<int>{0}));
    flow.Apply(act::LessonCheck{});
    EXPECT_TRUE(state.student.lesson_view.checked);
    flow.Apply(act::LessonSelect{1}); // graded: the answer stays
    EXPECT_EQ(state.student.lesson_view.selected, (std::vector<int>{0}));
    flow.Apply(act::LessonPage{1});
    EXPECT_FALSE(state.student.lesson_view.checked);
    EXPECT_TRUE(state.student.lesson_view.selected.empty());
    EXPECT_FALSE(state.student.lesson_view.revealed);
    flow.Apply(act::LessonReveal{});
    EXPECT_TRUE(state.student.lesson_view.revealed);
}

TEST_F(AudienceFlow, AnInlineAnswerIsNeverLogged) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("sb-audience-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    state.log = std::make_unique<LogStore>();
    ASSERT_TRUE(state.log->Open((dir / "confidence.sqlite").string()).Ok());
    state.student.router.Push(ScreenId::Home);
    flow.Apply(act::StartSession{});
    flow.Apply(act::OpenModule{"formaat-twee", "les"});
    flow.Apply(act::LessonPage{2});
    flow.Apply(act::LessonSelect{0});
    flow.Apply(act::LessonCheck{});
    ASSERT_TRUE(state.student.lesson_view.checked);
    state.log->Flush();
    EXPECT_TRUE(LoadAnswers({state.log->Path()}).answers.empty());
    state.log.reset();
    std::filesystem::remove_all(dir);
}

} // namespace
