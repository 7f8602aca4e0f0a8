#pragma once
// Finds a TTF font in the usual Debian paths and builds the ImGui atlas at sizes scaled to the window.
#include <string>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace sb {

enum class FontRole { Body, Bold, Small, Heading, Title, Italic, Count };

enum class FontFace { Regular, Dyslexic };

struct FontSet {
    ImFont* fonts[static_cast<int>(FontRole::Count)] = {};
    float em[static_cast<int>(FontRole::Count)] = {}; // each font's em size in px (what CSS calls its size)
    float body_px = 0;                                // the body font's line height in px
    ImFont* Get(FontRole role) const { return fonts[static_cast<int>(role)]; }
    float Em(FontRole role) const { return em[static_cast<int>(role)]; }
};

// The regular and bold file for a face, or empty strings when none is installed.
struct FontFiles {
    std::string regular;
    std::string bold;
    std::string italic; // falls back to regular
};
FontFiles FindFontFiles(FontFace face);

// Where the text is read: a student at arm's length (walk-up) or a class at the back of a room (workshop).
enum class Viewing { WalkUp, Workshop };

// The smallest text's em size in px for a window: 18 px at 1366x768 and 24 px at 1920x1080 for a student at
// a kiosk, 27 px at 1080p for a workshop's wall screen (body text there is 32 px or more).
float SmallEm(int window_w, int window_h, float text_scale, Viewing viewing);

// Builds `atlas` (cleared first) for a window of this size. Needs no ImGui context and no GL, so it can run
// on a second thread while the window opens. Returns false with a message when no font is found.
bool BuildFonts(ImFontAtlas& atlas, FontSet& out, FontFace face, int window_w, int window_h, float text_scale,
                Viewing viewing, std::string& error);

// Codepoints the fonts must cover: Latin-1, Latin Extended-A, U+2010-U+2027 and the euro sign.
const std::vector<unsigned short>& GlyphRanges();

} // namespace sb
