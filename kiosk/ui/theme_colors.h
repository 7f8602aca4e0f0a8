#pragma once
// The colour tables of the kiosk's themes. Plain data with no ImGui include, so a unit test can check
// every text/background pair against WCAG AA.
#include <cstdint>

namespace sb {

struct Rgb {
    uint8_t r, g, b;
};

struct ThemeColors {
    const char* name;
    Rgb background; // page
    Rgb surface;    // cards, panels
    Rgb text;       // body text
    Rgb text_muted; // secondary text
    Rgb primary;    // main buttons
    Rgb primary_hover;
    Rgb primary_text; // text on primary
    Rgb secondary;    // quiet buttons
    Rgb secondary_hover;
    Rgb secondary_text;
    Rgb accent;      // highlights, progress
    Rgb accent_text; // text on accent
    Rgb border;      // quiet lines: separators, panels that are not controls
    Rgb edge;  // the outline of a control on the page: at least 3:1 against the background (WCAG 1.4.11)
    Rgb focus; // keyboard focus ring
    Rgb good;  // feedback: a strong choice
    Rgb warn;  // feedback: a weaker choice
    Rgb callout_tip; // callout backgrounds (text colour is `text`)
    Rgb callout_watch;
    Rgb callout_know;
};

enum class ThemeId { Calm, HighContrast };

const ThemeColors& GetThemeColors(ThemeId id);

// WCAG 2.x contrast ratio between two colours (1..21).
double ContrastRatio(Rgb a, Rgb b);

} // namespace sb
