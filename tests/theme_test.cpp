// Every text/background pair in every theme meets WCAG AA (4.5:1), computed from the colour tables.
#include "ui/strings.h"
#include "ui/theme_colors.h"

#include <gtest/gtest.h>

namespace {

struct Pair {
    const char* what;
    sb::Rgb sb::ThemeColors::*fg;
    sb::Rgb sb::ThemeColors::*bg;
};

const Pair kPairs[] = {
    {"text on background", &sb::ThemeColors::text, &sb::ThemeColors::background},
    {"text on surface", &sb::ThemeColors::text, &sb::ThemeColors::surface},
    {"muted text on background", &sb::ThemeColors::text_muted, &sb::ThemeColors::background},
    {"muted text on surface", &sb::ThemeColors::text_muted, &sb::ThemeColors::surface},
    {"primary button text", &sb::ThemeColors::primary_text, &sb::ThemeColors::primary},
    {"primary button text, hovered", &sb::ThemeColors::primary_text, &sb::ThemeColors::primary_hover},
    {"secondary button text", &sb::ThemeColors::secondary_text, &sb::ThemeColors::secondary},
    {"secondary button text, hovered", &sb::ThemeColors::secondary_text, &sb::ThemeColors::secondary_hover},
    {"quiet button text", &sb::ThemeColors::secondary_text, &sb::ThemeColors::background},
    {"title in primary on background", &sb::ThemeColors::primary, &sb::ThemeColors::background},
    {"accent text", &sb::ThemeColors::accent_text, &sb::ThemeColors::accent},
    {"good feedback on surface", &sb::ThemeColors::good, &sb::ThemeColors::surface},
    {"warning feedback on surface", &sb::ThemeColors::warn, &sb::ThemeColors::surface},
    {"text on tip callout", &sb::ThemeColors::text, &sb::ThemeColors::callout_tip},
    {"text on watch-out callout", &sb::ThemeColors::text, &sb::ThemeColors::callout_watch},
    {"text on did-you-know callout", &sb::ThemeColors::text, &sb::ThemeColors::callout_know},
};

} // namespace

TEST(Theme, ContrastRatioMatchesWcagReferenceValues) {
    // Reference values from the WCAG 2.1 definition: black on white is 21:1, equal colours 1:1,
    // and #777777 on white is 4.48:1 (the classic "just fails AA" grey).
    EXPECT_NEAR(sb::ContrastRatio({0, 0, 0}, {255, 255, 255}), 21.0, 1e-9);
    EXPECT_NEAR(sb::ContrastRatio({12, 34, 56}, {12, 34, 56}), 1.0, 1e-9);
    EXPECT_NEAR(sb::ContrastRatio({0x77, 0x77, 0x77}, {255, 255, 255}), 4.48, 0.01);
}

TEST(Theme, EveryTextPairMeetsWcagAA) {
    for (sb::ThemeId id : {sb::ThemeId::Calm, sb::ThemeId::HighContrast}) {
        const sb::ThemeColors& t = sb::GetThemeColors(id);
        for (const Pair& p : kPairs) {
            const double ratio = sb::ContrastRatio(t.*(p.fg), t.*(p.bg));
            EXPECT_GE(ratio, 4.5) << t.name << ": " << p.what << " has contrast " << ratio << ":1";
        }
    }
}

TEST(Theme, ControlEdgesStandOutFromThePage) {
    // WCAG 1.4.11: what marks out a control (its outline, or its fill) has at least 3:1 against what is
    // around.
    for (sb::ThemeId id : {sb::ThemeId::Calm, sb::ThemeId::HighContrast}) {
        const sb::ThemeColors& t = sb::GetThemeColors(id);
        EXPECT_GE(sb::ContrastRatio(t.edge, t.background), 3.0) << t.name << ": control edge on the page";
        EXPECT_GE(sb::ContrastRatio(t.edge, t.surface), 3.0) << t.name << ": control edge on a card";
        EXPECT_GE(sb::ContrastRatio(t.primary, t.background), 3.0) << t.name << ": a primary button's fill";
        EXPECT_GE(sb::ContrastRatio(t.focus, t.background), 3.0) << t.name << ": the focus ring";
    }
}

TEST(Strings, EveryUiStringHasDutchAndEnglish) {
    std::string missing;
    EXPECT_TRUE(sb::StringsComplete(missing)) << "missing a translation: " << missing;
    EXPECT_STREQ(sb::Tr("en", "start.button"), "Start");
    EXPECT_STRNE(sb::Tr("nl", "home.title"), sb::Tr("en", "home.title"));
    EXPECT_STREQ(sb::Tr("nl", "no.such.key"), "no.such.key");
}
