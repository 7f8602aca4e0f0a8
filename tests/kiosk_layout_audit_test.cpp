// The layout audit's rules, one by one, on hand-made frames: each finding a student would see, and none
// where the layout is sound.
#include "ui/layout_audit.h"

#include <gtest/gtest.h>

using namespace sb;

namespace {

TextRecord Text(const std::string& s, float x0, float y0, float x1, float y1, const std::string& owner = "") {
    TextRecord t;
    t.text = s;
    t.min = ImVec2(x0, y0);
    t.max = ImVec2(x1, y1);
    t.owner = owner;
    t.em_px = 20;
    return t;
}

WidgetRecord Control(const std::string& id, float x0, float y0, float x1, float y1) {
    WidgetRecord w;
    w.id = id;
    w.label = id;
    w.min = ImVec2(x0, y0);
    w.max = ImVec2(x1, y1);
    return w;
}

FrameRecord Frame() {
    FrameRecord f;
    f.screen = "test";
    f.viewport = ImVec2(1366, 768);
    return f;
}

bool Mentions(const std::vector<std::string>& findings, const std::string& word) {
    for (const auto& f : findings)
        if (f.find(word) != std::string::npos) return true;
    return false;
}

TEST(LayoutAudit, AnOverlayCoversThePageBelowIt) {
    // The idle prompt over a role-play: its button lies over a line of the dimmed page.
    FrameRecord f = Frame();
    f.text_items.push_back(Text("Goed voorbereid.", 400, 500, 600, 525));
    f.widgets.push_back(Control("choice-1", 100, 600, 500, 660));
    FrameRecord open = f;
    open.Cover();
    for (FrameRecord* g : {&f, &open}) {
        g->widgets.push_back(Control("still-here", 390, 495, 970, 545));
        g->text_items.push_back(Text("Ja, ik ben er nog", 590, 510, 770, 535, "still-here"));
    }
    EXPECT_TRUE(Mentions(AuditLayout(f), "Goed voorbereid."));
    EXPECT_TRUE(AuditLayout(open).empty());
    // What is covered cannot be pressed, but stays readable for a test.
    ASSERT_EQ(open.widgets.size(), 1u);
    EXPECT_EQ(open.widgets[0].id, "still-here");
    ASSERT_EQ(open.covered_text_items.size(), 1u);
    EXPECT_EQ(open.covered_text_items[0].text, "Goed voorbereid.");
}

TEST(LayoutAudit, ASoundScreenHasNoFindings) {
    FrameRecord f = Frame();
    f.text_items.push_back(Text("Titel", 100, 100, 300, 130));
    f.text_items.push_back(Text("Tekst", 100, 140, 600, 170));
    f.widgets.push_back(Control("next", 100, 200, 300, 260));
    f.text_items.push_back(Text("Verder", 150, 215, 250, 245, "next"));
    EXPECT_TRUE(AuditLayout(f).empty());
}

TEST(LayoutAudit, OverlappingTextsAreFound) {
    FrameRecord f = Frame();
    f.text_items.push_back(Text("Een collega maakt opmerkingen", 100, 100, 500, 160, "card"));
    f.text_items.push_back(Text("Rollenspel · ± 9 min", 100, 150, 300, 175, "card"));
    const auto findings = AuditLayout(f);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_TRUE(Mentions(findings, "overlaps"));
    EXPECT_TRUE(Mentions(findings, "Rollenspel"));
}

TEST(LayoutAudit, TextOverAControlItDoesNotBelongToIsFound) {
    FrameRecord f = Frame();
    f.widgets.push_back(Control("choice-1", 100, 100, 600, 160));
    f.text_items.push_back(Text("Mee eens", 200, 140, 300, 170));
    EXPECT_TRUE(Mentions(AuditLayout(f), "lies over control choice-1"));
}

TEST(LayoutAudit, ClippedTextIsFoundUnlessAScrollCueSaysThereIsMore) {
    FrameRecord f = Frame();
    TextRecord t = Text("Een lange zin die onderaan wegvalt", 100, 700, 600, 740);
    t.clip_min = ImVec2(0, 100);
    t.clip_max = ImVec2(1366, 720);
    f.text_items.push_back(t);
    EXPECT_TRUE(Mentions(AuditLayout(f), "cut off"));
    // Inside a scroll area that shows a fade and an arrow below: a student knows there is more.
    f.text_items[0].scroll = "body";
    ScrollRecord s;
    s.id = "body";
    s.min = ImVec2(0, 100);
    s.max = ImVec2(1366, 720);
    s.more_below = true;
    f.scrolls.push_back(s);
    EXPECT_TRUE(Mentions(AuditLayout(f), "cut off")); // no cue drawn yet
    f.scrolls[0].cue_below = true;
    EXPECT_TRUE(AuditLayout(f).empty());
    // Cut at the side, a scroll cue does not help.
    f.text_items[0].max.x = 1400;
    EXPECT_FALSE(AuditLayout(f).empty());
}

TEST(LayoutAudit, ALabelWiderThanItsButtonIsFound) {
    FrameRecord f = Frame();
    f.widgets.push_back(Control("dyslexia", 100, 100, 300, 160));
    TextRecord t = Text("Letter voor dyslexie: aan", 60, 115, 340, 145, "dyslexia");
    t.clip_min = ImVec2(100, 100);
    t.clip_max = ImVec2(300, 160);
    f.text_items.push_back(t);
    EXPECT_TRUE(Mentions(AuditLayout(f), "cut off by its control"));
}

TEST(LayoutAudit, SmallTargetsAndControlsOffScreenAreFound) {
    FrameRecord f = Frame();
    f.widgets.push_back(Control("tiny", 10, 10, 40, 40));
    f.widgets.push_back(Control("verder", 600, 760, 800, 820));
    auto findings = AuditLayout(f);
    EXPECT_TRUE(Mentions(findings, "control tiny is 30x30"));
    EXPECT_TRUE(Mentions(findings, "control verder lies off the screen"));
    // A disabled control is not pressed, so its size does not matter; its place still does.
    f.widgets[0].enabled = false;
    findings = AuditLayout(f);
    EXPECT_FALSE(Mentions(findings, "tiny"));
}

TEST(LayoutAudit, AControlOutOfViewInAScrollAreaNeedsACue) {
    FrameRecord f = Frame();
    WidgetRecord w = Control("continue", 600, 700, 800, 760);
    w.clip_min = ImVec2(0, 0);
    w.clip_max = ImVec2(1366, 650);
    w.scroll = "welcome";
    f.widgets.push_back(w);
    ScrollRecord s;
    s.id = "welcome";
    s.min = w.clip_min;
    s.max = w.clip_max;
    s.more_below = true;
    f.scrolls.push_back(s);
    EXPECT_TRUE(Mentions(AuditLayout(f), "out of view"));
    f.scrolls[0].cue_below = true;
    EXPECT_TRUE(AuditLayout(f).empty());
}

TEST(LayoutAudit, CaptionsSitCentredOnTheirControl) {
    FrameRecord f = Frame();
    for (int v = 0; v < 5; ++v)
        f.widgets.push_back(
            Control("likert-" + std::to_string(v + 1), 100 + v * 200, 100, 280 + v * 200, 180));
    // "Mee eens" under the gap between tiles 3 and 4: the bug the students saw.
    TextRecord t = Text("Mee eens", 450, 190, 570, 215);
    t.caption_of = "likert-4";
    f.text_items.push_back(t);
    EXPECT_TRUE(Mentions(AuditLayout(f), "off the centre of control likert-4"));
    f.text_items[0].min.x = 790 - 60;
    f.text_items[0].max.x = 790 + 60;
    EXPECT_TRUE(AuditLayout(f).empty());
    f.text_items[0].caption_of = "likert-6";
    EXPECT_TRUE(Mentions(AuditLayout(f), "not on screen"));
}

TEST(LayoutAudit, OverlappingControlsAndTooSmallTextAreFound) {
    FrameRecord f = Frame();
    f.widgets.push_back(Control("a", 100, 100, 300, 160));
    f.widgets.push_back(Control("b", 250, 120, 450, 180));
    EXPECT_TRUE(Mentions(AuditLayout(f), "control a overlaps control b"));
    FrameRecord g = Frame();
    g.text_items.push_back(Text("klein", 10, 10, 60, 25));
    g.text_items[0].em_px = 13;
    AuditRules rules;
    rules.min_text_em = 18;
    EXPECT_TRUE(Mentions(AuditLayout(g, rules), "is 13 px; the least here is 18 px"));
    EXPECT_TRUE(AuditLayout(g).empty());
}

TEST(LayoutAudit, ABackdropTargetUnderEverythingIsNoOverlap) {
    FrameRecord f = Frame();
    WidgetRecord w = Control("start", 0, 0, 1366, 768);
    w.backdrop = true;
    f.widgets.push_back(w);
    f.widgets.push_back(Control("lang", 100, 100, 300, 160));
    f.text_items.push_back(Text("Klaar voor je stage?", 400, 300, 900, 350));
    EXPECT_TRUE(AuditLayout(f).empty());
}

} // namespace
