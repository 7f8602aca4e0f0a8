// A lesson session: the page kept within the lesson, and a snapshot that restores it.
#include "lesson/session.h"
#include "pack/loader.h"

#include <gtest/gtest.h>

TEST(LessonSession, KeepsThePageWithinTheLessonAndRestoresFromASnapshot) {
    auto r = sb::LoadPack(std::string(STAGEBOOST_TEST_DATA) + "/flow");
    ASSERT_TRUE(r.pack);
    const sb::Module* m = r.pack->FindModule("les");
    ASSERT_NE(m, nullptr);
    sb::LessonSession s(r.pack, *m);
    ASSERT_EQ(s.PageCount(), 2u);
    EXPECT_EQ(s.PageIndex(), 0u);
    EXPECT_FALSE(s.AtLast());
    s.GoTo(5);
    EXPECT_EQ(s.PageIndex(), 1u) << "never past the last page";
    EXPECT_TRUE(s.AtLast());
    s.GoTo(-3);
    EXPECT_EQ(s.PageIndex(), 0u);
    s.GoTo(1);

    sb::LessonSession back(r.pack, *m);
    std::string why;
    ASSERT_TRUE(back.Restore(s.Snapshot(), why)) << why;
    EXPECT_EQ(back.PageIndex(), 1u);
    EXPECT_EQ(back.Snapshot(), s.Snapshot());

    nlohmann::json far = s.Snapshot();
    far["page"] = 40; // the lesson was shortened since
    ASSERT_TRUE(back.Restore(far, why));
    EXPECT_EQ(back.PageIndex(), 1u);

    nlohmann::json other = s.Snapshot();
    other["module"] = "quiz";
    back.GoTo(0);
    EXPECT_FALSE(back.Restore(other, why));
    EXPECT_FALSE(why.empty());
    EXPECT_EQ(back.PageIndex(), 0u) << "a refused snapshot changes nothing";
    EXPECT_FALSE(back.Restore(nlohmann::json::array(), why));
}
