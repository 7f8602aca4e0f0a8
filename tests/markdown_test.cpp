// Lesson Markdown through md4c: the subset trainers use, and what happens to the rest.
#include "lesson/markdown.h"

#include <gtest/gtest.h>

TEST(Markdown, HeadingsParagraphsAndEmphasis) {
    const auto blocks = sb::ParseMarkdown("# Welkom\n\nJe **eerste** dag is *spannend*.\nEcht waar.");
    ASSERT_EQ(blocks.size(), 2u);
    EXPECT_EQ(blocks[0].kind, sb::BlockKind::Heading);
    EXPECT_EQ(blocks[0].level, 1);
    EXPECT_EQ(blocks[0].PlainText(), "Welkom");
    ASSERT_EQ(blocks[1].runs.size(), 5u);
    EXPECT_EQ(blocks[1].runs[1].text, "eerste");
    EXPECT_TRUE(blocks[1].runs[1].bold);
    EXPECT_TRUE(blocks[1].runs[3].italic);
    EXPECT_EQ(blocks[1].PlainText(), "Je eerste dag is spannend. Echt waar."); // a soft break is a space
}

TEST(Markdown, BulletAndNumberedListsWithNesting) {
    const auto blocks = sb::ParseMarkdown("- een\n- twee\n  - diep\n\n3. drie\n4. vier\n");
    ASSERT_EQ(blocks.size(), 5u);
    EXPECT_EQ(blocks[0].kind, sb::BlockKind::BulletItem);
    EXPECT_EQ(blocks[2].kind, sb::BlockKind::BulletItem);
    EXPECT_EQ(blocks[2].level, 1);
    EXPECT_EQ(blocks[3].kind, sb::BlockKind::NumberedItem);
    EXPECT_EQ(blocks[3].number, 3);
    EXPECT_EQ(blocks[4].number, 4);
    EXPECT_EQ(blocks[4].PlainText(), "vier");
}

TEST(Markdown, LinksAreShownAsPlainTextAndHtmlIsNotInterpreted) {
    const auto blocks =
        sb::ParseMarkdown("Kijk op [discriminatie.nl](https://www.discriminatie.nl) <b>nu</b> &amp; later");
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_EQ(blocks[0].PlainText(), "Kijk op discriminatie.nl <b>nu</b> & later");
}

TEST(Markdown, EmptyAndOddInputNeverCrashes) {
    EXPECT_TRUE(sb::ParseMarkdown("").empty());
    EXPECT_TRUE(sb::ParseMarkdown("\n\n   \n").empty());
    const auto blocks = sb::ParseMarkdown("```\ncode\n```\n> quote\n\n| a | b |");
    EXPECT_FALSE(blocks.empty());
}

// Glossary marks, as the loader leaves them ([[id|words]]): a run of their own in the style around them,
// showing the words, inside paragraphs, bold text and list items.
TEST(Markdown, GlossaryMarksBecomeTermRuns) {
    const auto blocks = sb::ParseMarkdown(
        "Je [[bpv|bpv]] begint.\n\n- Vraag **je [[slb|SLB’er]]** om hulp.\n- Geen [[ mark hier.");
    ASSERT_EQ(blocks.size(), 3u);
    ASSERT_EQ(blocks[0].runs.size(), 3u);
    EXPECT_EQ(blocks[0].runs[1].text, "bpv");
    EXPECT_EQ(blocks[0].runs[1].term, "bpv");
    EXPECT_EQ(blocks[0].runs[0].term, "");
    EXPECT_EQ(blocks[0].PlainText(), "Je bpv begint.");
    bool found = false;
    for (const auto& r : blocks[1].runs)
        if (r.term == "slb") {
            found = true;
            EXPECT_EQ(r.text, "SLB’er");
            EXPECT_TRUE(r.bold);
        }
    EXPECT_TRUE(found);
    EXPECT_EQ(blocks[2].PlainText(), "Geen [[ mark hier."); // an unclosed "[[" stays as written
}
