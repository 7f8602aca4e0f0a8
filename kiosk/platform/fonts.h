#pragma once
// Finds a TTF font in the usual Debian paths and builds the ImGui atlas at sizes scaled to the window.
#include <string>
#include <vector>

struct ImFont;

namespace sb {

enum class FontRole { Body, Bold, Small, Heading, Title, Italic, Count };

enum class FontFace { Regular, Dyslexic };

struct FontSet {
    ImFont* fonts[static_cast<int>(FontRole::Count)] = {};
    float body_px = 0;
    ImFont* Get(FontRole role) const { return fonts[static_cast<int>(role)]; }
};

// The regular and bold file for a face, or empty strings when none is installed.
struct FontFiles {
    std::string regular;
    std::string bold;
    std::string italic; // falls back to regular
};
FontFiles FindFontFiles(FontFace face);

// Body size in pixels for a window: readable from the back of a classroom at 1080p, and still fits at 768p.
float BodyPixels(int window_w, int window_h, float text_scale);

// Builds the atlas into the current ImGui context. Returns false with a message when no font is found.
bool BuildFonts(FontSet& out, FontFace face, int window_w, int window_h, float text_scale,
                std::string& error);

// Codepoints the fonts must cover: Latin-1, Latin Extended-A, U+2010-U+2027 and the euro sign.
const std::vector<unsigned short>& GlyphRanges();

} // namespace sb
