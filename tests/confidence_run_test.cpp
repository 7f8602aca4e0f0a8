// A confidence check as a student answers it: pre, post, then the retrospective; answers paired by session.
#include "confidence/run.h"
#include "log/ids.h"
#include "pack/loader.h"

#include <gtest/gtest.h>

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
