// The kiosk's contrast audit on pixels made by hand: text at 4.5:1 and control edges at 3:1 pass, fainter
// ones are named with their measured ratio; what is switched off or under a scroll area's fade is not
// measured.
#include "ui/contrast_audit.h"

#include <gtest/gtest.h>

namespace sb {
namespace {

const Rgb kPage{0xF5, 0xF2, 0xEC};

RgbImage Page(int w, int h) {
    RgbImage img{w, h, std::vector<uint8_t>(static_cast<size_t>(w) * h * 3)};
    for (int i = 0; i < w * h; ++i) {
        img.pixels[i * 3] = kPage.r;
        img.pixels[i * 3 + 1] = kPage.g;
        img.pixels[i * 3 + 2] = kPage.b;
    }
    return img;
}

void Fill(RgbImage& img, int x0, int y0, int x1, int y1, Rgb c) {
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const size_t i = (static_cast<size_t>(y) * img.width + x) * 3;
            img.pixels[i] = c.r;
            img.pixels[i + 1] = c.g;
            img.pixels[i + 2] = c.b;
        }
}

// "Glyphs": a few stems of colour `c` inside the text's box, anti-aliased at their sides.
void Glyphs(RgbImage& img, int x0, int y0, int x1, int y1, Rgb c) {
    for (int x = x0 + 2; x + 3 < x1; x += 6) {
        Fill(img, x, y0 + 2, x + 2, y1 - 2, c);
        Fill(img, x + 2, y0 + 2, x + 3, y1 - 2,
             Rgb{uint8_t((c.r + kPage.r) / 2), uint8_t((c.g + kPage.g) / 2), uint8_t((c.b + kPage.b) / 2)});
    }
}

TextRecord Text(const std::string& s, float x0, float y0, float x1, float y1) {
    TextRecord t;
    t.text = s;
    t.min = ImVec2(x0, y0);
    t.max = ImVec2(x1, y1);
    return t;
}

TEST(ContrastAudit, NamesFaintTextWithItsMeasuredRatio) {
    RgbImage img = Page(400, 200);
    Glyphs(img, 10, 10, 150, 40, Rgb{0x1E, 0x23, 0x2E}); // body text: about 15:1
    Glyphs(img, 10, 60, 150, 90, Rgb{0xA0, 0xA0, 0xA0}); // light grey: about 2.3:1
    FrameRecord f;
    f.text_items = {Text("Goed gedaan", 10, 10, 150, 40), Text("Te licht", 10, 60, 150, 90)};
    const auto findings = AuditContrast(f, img);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].find("Te licht"), std::string::npos) << findings[0];
    EXPECT_NE(findings[0].find("#a0a0a0"), std::string::npos) << findings[0];
    EXPECT_NE(findings[0].find("needs 4.5:1"), std::string::npos) << findings[0];
}

TEST(ContrastAudit, MeasuresTextAgainstItsOwnBackgroundNotThePage) {
    RgbImage img = Page(400, 200);
    Fill(img, 0, 0, 200, 100, Rgb{0x0B, 0x5F, 0x58});    // a primary button's fill
    Glyphs(img, 20, 20, 180, 60, Rgb{0xFF, 0xFF, 0xFF}); // white label on it: passes
    FrameRecord f;
    f.text_items = {Text("Verder", 20, 20, 180, 60)};
    EXPECT_TRUE(AuditContrast(f, img).empty());
}

TEST(ContrastAudit, SkipsInactiveControlsAndTextUnderAFade) {
    RgbImage img = Page(400, 300);
    Glyphs(img, 10, 10, 150, 40, Rgb{0xC8, 0xC8, 0xC8});
    Glyphs(img, 10, 250, 150, 280, Rgb{0xC8, 0xC8, 0xC8});
    FrameRecord f;
    WidgetRecord off;
    off.id = "off";
    off.enabled = false;
    off.min = ImVec2(5, 5);
    off.max = ImVec2(160, 45);
    f.widgets = {off};
    TextRecord label = Text("Uit", 10, 10, 150, 40);
    label.owner = "off";
    TextRecord faded = Text("Onder de fade", 10, 250, 150, 280);
    faded.scroll = "body";
    faded.clip_min = ImVec2(0, 0);
    faded.clip_max = ImVec2(400, 290);
    f.text_items = {label, faded};
    EXPECT_TRUE(AuditContrast(f, img, ContrastRules{4.5, 3.0, 30}).empty());
    // Without the fade rule the faded line is measured, and it is too light.
    EXPECT_EQ(AuditContrast(f, img, ContrastRules{4.5, 3.0, 0}).size(), 1u);
}

TEST(ContrastAudit, ControlEdgesNeedThreeToOne) {
    RgbImage img = Page(500, 200);
    auto outline = [&](int x0, int y0, int x1, int y1, Rgb c) {
        Fill(img, x0, y0, x1, y0 + 2, c);
        Fill(img, x0, y1 - 2, x1, y1, c);
        Fill(img, x0, y0, x0 + 2, y1, c);
        Fill(img, x1 - 2, y0, x1, y1, c);
    };
    outline(20, 20, 200, 80, Rgb{0x76, 0x76, 0x76});  // 4.2:1 on the page: passes
    outline(260, 20, 440, 80, Rgb{0xD0, 0xCC, 0xC4}); // a quiet line: about 1.4:1
    FrameRecord f;
    WidgetRecord a, b;
    a.id = "good";
    a.min = ImVec2(20, 20);
    a.max = ImVec2(200, 80);
    b.id = "faint";
    b.min = ImVec2(260, 20);
    b.max = ImVec2(440, 80);
    f.widgets = {a, b};
    const auto findings = AuditContrast(f, img);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].find("control 'faint'"), std::string::npos) << findings[0];
}

} // namespace
} // namespace sb
