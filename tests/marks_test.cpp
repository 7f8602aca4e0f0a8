// Glossary marks in a text (core/marks.h): [[id]] and [[id|words]], split and stripped.
#include "core/marks.h"

#include <gtest/gtest.h>

TEST(Marks, FindsBothFormsWithTheirByteRanges) {
    const std::string text = "Je [[bpv]] en [[slb|je SLB’er]].";
    const auto marks = sb::FindMarks(text);
    ASSERT_EQ(marks.size(), 2u);
    EXPECT_EQ(marks[0].id, "bpv");
    EXPECT_EQ(marks[0].shown, "");
    EXPECT_EQ(text.substr(marks[0].begin, marks[0].end - marks[0].begin), "[[bpv]]");
    EXPECT_EQ(marks[1].id, "slb");
    EXPECT_EQ(marks[1].shown, "je SLB’er");
}

TEST(Marks, UnclosedAndNestedBracketsAreLeftAsWritten) {
    EXPECT_TRUE(sb::FindMarks("Een [[ zonder eind").empty());
    const auto nested = sb::FindMarks("[[a [[b]]");
    ASSERT_EQ(nested.size(), 1u);
    EXPECT_EQ(nested[0].id, "b");
    EXPECT_EQ(sb::StripMarks("[[a [[b]]"), "[[a b");
}

TEST(Marks, SplitAndStripShowTheWords) {
    const auto spans = sb::SplitMarks("[[bpv|De bpv]] begint");
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[0].text, "De bpv");
    EXPECT_EQ(spans[0].term, "bpv");
    EXPECT_EQ(spans[1].text, " begint");
    EXPECT_EQ(spans[1].term, "");
    EXPECT_EQ(sb::StripMarks("Vraag je [[slb]]."), "Vraag je slb.");
    EXPECT_EQ(sb::StripMarks("Geen markering."), "Geen markering.");
}
