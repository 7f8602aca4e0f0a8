// The damage of a partial redraw (kiosk/platform/damage.h) on ImGui draw data built without a window.
#include "platform/damage.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>

namespace sb {
namespace {

class DamageTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // Builds one frame: a window with three buttons; `hot` (0..2, or -1) gets another colour.
    ImDrawData* Frame(int hot, bool popup = false, const std::function<void()>& more = {}) {
        ImGui::GetIO().DeltaTime = 1.0f / 60;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("root", nullptr, ImGuiWindowFlags_NoDecoration);
        for (int i = 0; i < 3; ++i) {
            if (i == hot) ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(200, 30, 30, 255));
            ImGui::SetCursorPos(ImVec2(50, 50 + 150.0f * i));
            ImGui::Button(("button " + std::to_string(i)).c_str(), ImVec2(200, 80));
            if (i == hot) ImGui::PopStyleColor();
        }
        if (more) more();
        ImGui::End();
        if (popup) {
            ImGui::SetNextWindowPos(ImVec2(500, 100));
            ImGui::SetNextWindowSize(ImVec2(200, 100));
            ImGui::Begin("popup", nullptr, ImGuiWindowFlags_NoDecoration);
            ImGui::Text("hello");
            ImGui::End();
        }
        ImGui::Render();
        return ImGui::GetDrawData();
    }

    Damage Next(DamageTracker& t, ImDrawData* d, int shrink = 0) {
        Damage out = t.Compute(d, 800, 600, shrink);
        t.Commit();
        return out;
    }
};

bool Inside(const PixelRect& inner, const PixelRect& outer) {
    return inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;
}

TEST_F(DamageTest, FirstFrameAndInvalidateAreFull) {
    DamageTracker t;
    EXPECT_TRUE(Next(t, Frame(-1)).full);
    EXPECT_FALSE(Next(t, Frame(-1)).full);
    t.Invalidate();
    EXPECT_TRUE(Next(t, Frame(-1)).full);
}

TEST_F(DamageTest, SameFrameHasNoDamage) {
    DamageTracker t;
    Next(t, Frame(-1));
    const Damage d = Next(t, Frame(-1));
    EXPECT_FALSE(d.full);
    EXPECT_TRUE(d.rects.empty());
}

TEST_F(DamageTest, ADifferentColourDamagesThatButtonOnly) {
    DamageTracker t;
    Next(t, Frame(-1));
    const Damage d = Next(t, Frame(1));
    ASSERT_FALSE(d.full);
    ASSERT_EQ(d.rects.size(), 1u);
    const PixelRect button{50, 200, 250, 280};
    EXPECT_TRUE(Inside(button, d.rects[0])) << d.rects[0].x0 << "," << d.rects[0].y0;
    EXPECT_TRUE(Inside(d.rects[0], PixelRect{45, 195, 255, 285})) << "more than the button (and its margin)";
    // Back to the plain colour: the same rectangle again.
    const Damage back = Next(t, Frame(-1));
    ASSERT_EQ(back.rects.size(), 1u);
    EXPECT_TRUE(Inside(button, back.rects[0]));
}

TEST_F(DamageTest, ShrinkMakesTheDamageTooSmall) {
    DamageTracker t;
    Next(t, Frame(-1));
    const Damage d = Next(t, Frame(1), 8);
    ASSERT_EQ(d.rects.size(), 1u);
    EXPECT_FALSE(Inside(PixelRect{50, 200, 250, 280}, d.rects[0]));
}

TEST_F(DamageTest, AWindowThatAppearsIsDamageWhereItIs) {
    DamageTracker t;
    Next(t, Frame(-1));
    const Damage d = Next(t, Frame(-1, true));
    ASSERT_FALSE(d.full);
    ASSERT_FALSE(d.rects.empty());
    const PixelRect popup{500, 100, 700, 200};
    bool covered = false;
    for (const PixelRect& r : d.rects)
        covered = covered || Inside(popup, r);
    EXPECT_TRUE(covered);
    for (const PixelRect& r : d.rects)
        EXPECT_LE(r.x1 - r.x0, 260) << "the buttons did not change";
}

TEST_F(DamageTest, MostOfTheScreenChangedIsFull) {
    DamageTracker t;
    Next(t, Frame(-1));
    const Damage d = Next(t, Frame(-1, false, [] {
                              ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(800, 500),
                                                                        IM_COL32(10, 10, 10, 255));
                          }));
    EXPECT_TRUE(d.full);
}

TEST_F(DamageTest, MergedRectanglesAreDisjointAndFew) {
    std::vector<PixelRect> rects;
    for (int i = 0; i < 10; ++i)
        rects.push_back({i * 70, i * 50, i * 70 + 60, i * 50 + 40});
    rects.push_back({0, 0, 100, 100}); // overlaps the first two
    EXPECT_FALSE(MergeRects(rects, 800, 600));
    EXPECT_LE(rects.size(), 4u);
    for (size_t i = 0; i < rects.size(); ++i)
        for (size_t j = i + 1; j < rects.size(); ++j)
            EXPECT_FALSE(rects[i].x0 < rects[j].x1 && rects[j].x0 < rects[i].x1 &&
                         rects[i].y0 < rects[j].y1 && rects[j].y0 < rects[i].y1);
    std::vector<PixelRect> big{{0, 0, 800, 500}};
    EXPECT_TRUE(MergeRects(big, 800, 600));
}

} // namespace
} // namespace sb
