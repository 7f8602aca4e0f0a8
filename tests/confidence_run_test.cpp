// A confidence check as a student answers it: pre, post, then the retrospective; answers paired by session.
#include "confidence/report.h"
#include "confidence/run.h"
#include "log/ids.h"
#include "log/log_reader.h"
#include "log/log_store.h"
#include "pack/loader.h"

#include <gtest/gtest.h>

#include <filesystem>

TEST(ConfidenceRun, PreThenPostWithRetrospectivePairedBySession) {
    auto r = sb::LoadPack(std::string(STAGEBOOST_TEST_DATA) + "/packs/_base");
    ASSERT_TRUE(r.pack);
    const sb::Module* check = r.pack->FindModule("check");
    ASSERT_NE(check, nullptr);
    const sb::SessionContext session{sb::NewSessionId(), r.pack->id, r.pack->version, "lokaal-1"};
    const sb::CoarseTime when = sb::Coarsen(sb::LocalTime{2026, 11, 28, 10, 17});

    sb::ConfidenceRun pre(r.pack, *check, sb::Phase::Pre, "");
    ASSERT_EQ(pre.Count(), 1u);
    const sb::Answer a = pre.Give(session, 2, when);
    EXPECT_TRUE(pre.Done());
    EXPECT_EQ(a.phase, sb::Phase::Pre);
    EXPECT_EQ(a.item_id, "voorbereid");
    EXPECT_EQ(a.value, 2);
    EXPECT_EQ(a.module_id, "");
    EXPECT_EQ(a.date, "2026-11-28");
    EXPECT_EQ(a.part_of_day, sb::PartOfDay::Morning); // no clock time is kept
    EXPECT_EQ(sb::ValidateAnswer(a), "");

    sb::ConfidenceRun post(r.pack, *check, sb::Phase::Post, "");
    ASSERT_EQ(post.Count(), 2u); // the item after, then looking back
    const sb::Answer b = post.Give(session, 4, when);
    EXPECT_EQ(post.Current().phase, sb::Phase::Retro);
    const sb::Answer c = post.Give(session, std::nullopt, when); // "weet ik niet"
    EXPECT_TRUE(post.Done());
    EXPECT_EQ(b.phase, sb::Phase::Post);
    EXPECT_EQ(c.phase, sb::Phase::Retro);
    EXPECT_FALSE(c.value.has_value());
    EXPECT_EQ(a.session_id, b.session_id);
    EXPECT_NE(a.uuid, b.uuid);
}

TEST(ConfidenceRun, SkipAndBack) {
    auto r = sb::LoadPack(std::string(STAGEBOOST_TEST_DATA) + "/packs/_base");
    ASSERT_TRUE(r.pack);
    sb::ConfidenceRun post(r.pack, *r.pack->FindModule("check"), sb::Phase::Post, "les");
    post.Skip();
    EXPECT_EQ(post.Index(), 1u);
    EXPECT_TRUE(post.Back());
    EXPECT_EQ(post.Index(), 0u);
    EXPECT_FALSE(post.Back());
    EXPECT_EQ(post.Scope(), "les");
}

// "← Vorige": a student who goes back a step and answers again has corrected the answer. The log keeps
// the correction in place of the first answer (one answer per check, item and phase), so the report pairs
// the corrected values and never a mean of the mis-tap and the correction.
TEST(ConfidenceRun, ACorrectedAnswerReplacesTheEarlierOneInTheLogAndTheReport) {
    auto r = sb::LoadPack(std::string(STAGEBOOST_TEST_DATA) + "/packs/_base");
    ASSERT_TRUE(r.pack);
    const sb::Module& check = *r.pack->FindModule("check");
    char pattern[] = "/tmp/stageboost-run-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    const std::string folder = pattern;
    const std::string path = folder + "/log.sqlite";
    const sb::CoarseTime when = sb::Coarsen(sb::LocalTime{2026, 11, 28, 10, 17});
    {
        sb::LogStore log;
        ASSERT_TRUE(log.Open(path).Ok());
        for (int student = 0; student < 5; ++student) {
            const sb::SessionContext session{sb::NewSessionId(), r.pack->id, r.pack->version, "lokaal-1"};
            sb::ConfidenceRun pre(r.pack, check, sb::Phase::Pre, "");
            ASSERT_TRUE(log.Record(pre.Give(session, 1, when)).Ok()); // a mis-tap
            ASSERT_TRUE(pre.Back());
            ASSERT_TRUE(log.Record(pre.Give(session, 2, when)).Ok()); // the correction
            EXPECT_TRUE(pre.Done());
            sb::ConfidenceRun post(r.pack, check, sb::Phase::Post, "");
            ASSERT_TRUE(log.Record(post.Give(session, std::nullopt, when)).Ok()); // "weet ik niet" ...
            ASSERT_TRUE(post.Back());
            ASSERT_TRUE(log.Record(post.Give(session, 5, when)).Ok()); // ... corrected to 5
            ASSERT_TRUE(log.Record(post.Give(session, 3, when)).Ok()); // looking back
            ASSERT_TRUE(log.EndSession().Ok());
        }
    }
    const sb::LoadedAnswers stored = sb::LoadAnswers({path}, {});
    ASSERT_TRUE(stored.AllFilesRead());
    EXPECT_EQ(stored.answers.size(), 15u) << "one answer per check, item and phase";
    for (const sb::Answer& a : stored.answers) {
        EXPECT_TRUE(a.value.has_value());
        EXPECT_NE(a.value, 1) << "the mis-tap is gone";
    }
    const sb::ConfidenceReport report = sb::BuildReport({path}, {});
    ASSERT_EQ(report.items.size(), 1u);
    const sb::GroupFigures& total = report.items[0].total;
    EXPECT_EQ(total.participants, 5);
    EXPECT_DOUBLE_EQ(total.mean_before, 2.0);
    EXPECT_DOUBLE_EQ(total.mean_after, 5.0);
    EXPECT_EQ(total.dont_know_excluded, 0);
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
}
