#pragma once
#include "room/qr.h"
// The kiosk's widgets: ImGui calls in Stageboost's look, each recording what it drew so the scripted
// input mode can find a widget by its stable id or label and check which texts are on screen.
#include "lesson/markdown.h"
#include "platform/fonts.h"
#include "platform/textures.h"
#include "ui/theme_colors.h"

#include <imgui.h>

#include <map>
#include <string>
#include <vector>

namespace sb {

struct WidgetRecord {
    std::string id;    // stable id, e.g. "start" or "choice-2"
    std::string label; // visible text
    ImVec2 min, max;
    bool enabled = true;
    bool backdrop = false;                               // a whole-screen tap target under everything else
    ImVec2 clip_min{-1e9f, -1e9f}, clip_max{1e9f, 1e9f}; // the visible part of its scroll area
    std::string scroll;                                  // the scroll area it is in ("" for none)
    bool Visible() const {
        const float cx = (min.x + max.x) * 0.5f, cy = (min.y + max.y) * 0.5f;
        return cx >= clip_min.x && cx <= clip_max.x && cy >= clip_min.y && cy <= clip_max.y;
    }
};

// A text as drawn, for the layout audit: where it is, what can cut it off, and what it belongs to.
struct TextRecord {
    std::string text;
    ImVec2 min, max;
    ImVec2 clip_min{-1e9f, -1e9f}, clip_max{1e9f, 1e9f}; // its card, scroll area or window
    std::string owner;                                   // the control it is drawn inside ("" for free text)
    std::string caption_of; // the control it names (a Likert label under its tile); must sit centred on it
    std::string scroll;     // the scroll area it is in ("" for none)
    float em_px = 0;        // the font's em size in pixels
    bool transient =
        false; // under a fade that is still running (the attract line): not measured for contrast
};

// A scroll area: what is hidden above and below, and whether a cue says so.
struct ScrollRecord {
    std::string id;
    ImVec2 min, max;
    bool more_above = false, more_below = false;
    bool cue_above = false, cue_below = false;
};

// What one frame showed. The script runner reads the previous frame's record.
struct FrameRecord {
    std::string screen;
    ImVec2 viewport{0, 0};
    std::vector<WidgetRecord> widgets;
    std::vector<std::string> texts;
    std::vector<TextRecord> text_items;
    std::vector<ScrollRecord> scrolls;
    std::map<std::string, std::string> probes; // facts a test may check, e.g. "roleplay.ending"
    bool handles_return =
        false; // the screen reads Return itself, so it must not also press the focused button
    // What an overlay (the idle prompt, a card over the page) covers: kept for texts a test may read, left
    // out of the layout audit and of clicks, since a student can neither press nor is meant to read it.
    std::vector<WidgetRecord> covered_widgets;
    std::vector<TextRecord> covered_text_items;
    void Cover() {
        covered_widgets.insert(covered_widgets.end(), widgets.begin(), widgets.end());
        covered_text_items.insert(covered_text_items.end(), text_items.begin(), text_items.end());
        widgets.clear();
        text_items.clear();
    }
    const WidgetRecord* Find(const std::string& id_or_label) const;
    bool ShowsText(const std::string& needle) const;
};

struct Ui {
    FontSet fonts;
    const ThemeColors* colors = nullptr;
    std::string lang = "nl";
    float unit = 32;     // body text height in px; layout sizes are multiples of it
    float top_inset = 0; // px above the screen's root window kept free (the --watch author banner)
    FrameRecord record;
    TextureCache* textures = nullptr;
    int64_t now_ms = 0;
    // When each widget id appeared on screen: a button ignores presses for a moment after it appears, so a
    // double tap never lands on a button that took the place of the one just pressed.
    std::map<std::string, int64_t> appeared, appeared_next;
    std::string scroll;        // the scroll area being drawn ("" for none)
    std::string focus_request; // a widget id that takes the keyboard focus when it is drawn (Tab order)
    std::string tapped_term;   // a glossary term tapped this frame (the app asks for its card)
    // A phones question whose reveal has been scrolled into view (room code + question id: ids restart in
    // a new room), and how many more frames ask for it: the screen scrolls there once, then the trainer does.
    std::string reveal_scrolled;
    int reveal_scroll_frames = 0;

    ImFont* Font(FontRole role) const { return fonts.Get(role); }
    float Em(FontRole role) const { return fonts.Em(role); }
    float U(float n) const { return n * unit; }
    // Starts a frame's bookkeeping.
    void BeginFrame(int64_t now, ImVec2 viewport);
};

// A button ignores presses for this long after it appeared.
constexpr int64_t kNewButtonGuardMs = 300;

ImVec4 ToVec4(Rgb c, float alpha = 1.0f);
ImU32 ToU32(Rgb c, float alpha = 1.0f);

// Danger: an action that ends something (Afsluiten): outlined in the warning colour on a warm fill.
enum class ButtonKind { Primary, Secondary, Quiet, Danger };

namespace ui {

void ApplyStyle(const Ui& ui);

// Starts the one fullscreen root window of the frame.
void BeginRoot(Ui& ui, const char* screen_name);
void EndRoot();

// Text, wrapped at the content width (or `wrap` px when given), recorded for scripts.
void Label(Ui& ui, FontRole role, const std::string& text, Rgb color, float wrap = 0);
// Text centred in the current content width, wrapped onto several lines when needed.
void LabelCentered(Ui& ui, FontRole role, const std::string& text, Rgb color, float width = 0);

// A big rounded button; the id is stable for scripts and keyboard focus.
bool Button(Ui& ui, const char* id, const std::string& label, ImVec2 size,
            ButtonKind kind = ButtonKind::Primary, bool enabled = true);

// Draws a visible focus ring around the last item when it has keyboard focus.
void FocusRing(const Ui& ui, float rounding);

void Probe(Ui& ui, const std::string& key, const std::string& value);

// Records a widget for scripts and the layout audit, with the visible area of the window it is in.
// Returns false while the widget is new on screen (kNewButtonGuardMs): a press then does not count.
bool Record(Ui& ui, const char* id, const std::string& label, ImVec2 min, ImVec2 max, bool enabled,
            bool backdrop = false);
// Records a text drawn at [min, max] for the layout audit (and scripts' expect-text).
void RecordText(Ui& ui, const std::string& text, ImVec2 min, ImVec2 max, FontRole role,
                const std::string& owner = "", const std::string& caption_of = "");
// Draws text with the draw list (wrapped at `wrap` px when > 0) and records it. Returns its size.
ImVec2 DrawText(Ui& ui, FontRole role, ImVec2 pos, Rgb color, const std::string& text, float wrap = 0,
                const std::string& owner = "", const std::string& caption_of = "");

// Draws text centred in [x, x + width) (each wrapped line on its own), and records it.
ImVec2 DrawTextCentered(Ui& ui, FontRole role, ImVec2 pos, float width, Rgb color, const std::string& text,
                        const std::string& owner = "", const std::string& caption_of = "");

// A scroll area that a finger can drag, with a fade and a "more" cue at an edge where content continues.
// `size.y` <= 0 takes the rest of the window.
void BeginScroll(Ui& ui, const char* id, ImVec2 size);
// A window over the whole screen that dims the page below (`dim` 0-255) and covers it in the record, so only
// what the overlay draws can be pressed and is audited. End it with ImGui::End().
ImDrawList* BeginOverlay(Ui& ui, const char* id, int dim);
void EndScroll(Ui& ui);

// Lets a finger drag the current scroll area, as on a phone (ImGui 1.86 scrolls only by wheel or bar).
void TouchScroll();
// True when the press that just ended was a drag (a scroll), not a tap.
bool WasDrag();

// Vertical space in body-text units.
void Space(const Ui& ui, float units);

} // namespace ui
} // namespace sb

namespace sb::ui {
enum class IconKind { Lesson, Roleplay, Quiz, Confidence, Warning };
// A kind icon drawn with shapes (no icon font needed), centred at `c` with radius `r`.
void DrawIcon(const Ui& ui, IconKind kind, ImVec2 c, float r);
// A big tappable card: icon, title, a few lines of text and a footer such as "Les · ± 8 min", with an
// optional badge after it ("✓ Gedaan"). It is at least as tall as its text needs (CardHeight), so a row of
// cards can share the height of the tallest.
bool Card(Ui& ui, const char* id, IconKind icon, const std::string& title, const std::string& text,
          const std::string& footer, ImVec2 size, const std::string& badge = "");
float CardHeight(const Ui& ui, const std::string& title, const std::string& text, const std::string& footer,
                 float width, const std::string& badge = "");
} // namespace sb::ui

namespace sb::ui {
// Size of `text` wrapped at `wrap` px in `font`.
ImVec2 MeasureWrapped(ImFont* font, const std::string& text, float wrap);
// A full-width button whose text wraps over several lines, with a number badge ("1", "2", ...)
// so keys 1-4 are visible. Height follows the text. `mark` colours the badge and border (right/wrong after a
// check).
bool ChoiceButton(Ui& ui, const char* id, const std::string& badge, const std::string& text, float width,
                  bool enabled = true, bool highlighted = false, const Rgb* mark = nullptr);
// A rounded panel with a coloured stripe on the left, a bold heading and wrapped body text.
void NoteCard(Ui& ui, Rgb stripe, Rgb background, const std::string& heading, const std::string& body,
              float width);
// A circle with initials in `colour`, for a speaker without a portrait.
void Avatar(const Ui& ui, ImVec2 centre, float radius, uint32_t colour_rgb, const std::string& name);
} // namespace sb::ui

namespace sb::ui {
// Markdown blocks laid out at `width`: headings, paragraphs, lists, bold and italic runs, wrapped.
// `tight` leaves no space after the last block (inside a card).
void RichText(Ui& ui, const std::vector<Block>& blocks, float width, bool tight = false);
// A text that may hold glossary marks [[id|words]] (core/marks.h), wrapped at `wrap` with ImGui's line
// height, as DrawText and MeasureWrapped lay it out; each term dotted-underlined and tappable.
ImVec2 MeasureMarked(Ui& ui, FontRole role, const std::string& text, float wrap);
ImVec2 DrawMarked(Ui& ui, FontRole role, ImVec2 pos, Rgb color, const std::string& text, float wrap,
                  const std::string& owner = "");
// An image from a pack, scaled to fit `max` and centred; its alt text when it cannot be shown.
void PackImage(Ui& ui, const std::string& path, const std::string& alt, ImVec2 max);
// A thin rounded progress bar.
void ProgressBar(const Ui& ui, float fraction, float width);
// A QR code as rectangles on a white square with its quiet zone at `at` (screen coordinates): no texture,
// sharp at any size, whole pixels per module so a phone's camera reads it.
void QrCode(Ui& ui, const QrMatrix& qr, ImVec2 at, float side);
} // namespace sb::ui
