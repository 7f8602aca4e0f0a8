#include "platform/fonts.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace sb {

namespace {

// Candidate files in Debian's font packages, in order of preference.
const char* const kRegular[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
};
const char* const kBold[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
};
const char* const kItalic[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
};
const char* const kSymbols = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const kSymbolsBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
const char* const kDyslexicRegular[] = {"/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Regular.otf"};
const char* const kDyslexicBold[] = {"/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Bold.otf"};

template <size_t N> std::string FirstExisting(const char* const (&paths)[N]) {
    std::error_code ec;
    for (const char* p : paths)
        if (std::filesystem::is_regular_file(p, ec)) return p;
    return {};
}

} // namespace

const std::vector<unsigned short>& GlyphRanges() {
    static const std::vector<unsigned short> ranges = {
        0x0020, 0x00FF, // Basic Latin + Latin-1 (é, ë, ï, ü, ç)
        0x0100, 0x017F, // Latin Extended-A (ĳ, ş, ğ, ł, ő)
        0x0218, 0x021B, // Romanian ș ț
        0x2010, 0x2027, // dashes, curly quotes, bullet, ellipsis
        0x2030, 0x203A, // per mille, single angle quotes
        0x20AC, 0x20AC, // euro
        0x2212, 0x2212, // minus
        0,
    };
    return ranges;
}

FontFiles FindFontFiles(FontFace face) {
    FontFiles files;
    if (face == FontFace::Dyslexic) {
        files.regular = FirstExisting(kDyslexicRegular);
        files.bold = FirstExisting(kDyslexicBold);
        if (!files.regular.empty()) {
            if (files.bold.empty()) files.bold = files.regular;
            files.italic = files.regular; // OpenDyslexic's italic is harder to read; keep it upright
            return files;
        }
    }
    files.regular = FirstExisting(kRegular);
    files.bold = FirstExisting(kBold);
    files.italic = FirstExisting(kItalic);
    if (files.bold.empty()) files.bold = files.regular;
    if (files.italic.empty()) files.italic = files.regular;
    return files;
}

float BodyPixels(int window_w, int window_h, float text_scale) {
    // 32 px body text at 1920x1080; scale with the smaller of the two axes so text always fits.
    const float scale = std::min(window_w / 1920.0f, window_h / 1080.0f);
    return std::max(16.0f, std::round(32.0f * scale * text_scale));
}

bool BuildFonts(FontSet& out, FontFace face, int window_w, int window_h, float text_scale,
                std::string& error) {
    const FontFiles files = FindFontFiles(face);
    if (files.regular.empty()) {
        error = "No font found. Install one with: apt-get install fonts-noto-core "
                "(looked in /usr/share/fonts/truetype/noto, dejavu and liberation).";
        return false;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float body = BodyPixels(window_w, window_h, text_scale);
    const float sizes[] = {
        body, body, std::round(body * 0.8f), std::round(body * 1.45f), std::round(body * 2.3f), body};
    const bool bold[] = {false, true, false, true, true, false};
    for (int i = 0; i < static_cast<int>(FontRole::Count); ++i) {
        ImFontConfig config;
        // Large text needs no horizontal oversampling; it keeps the atlas small and start-up fast.
        config.OversampleH = sizes[i] >= 28 ? 1 : 2;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        const bool italic = static_cast<FontRole>(i) == FontRole::Italic;
        const std::string& file = italic ? files.italic : (bold[i] ? files.bold : files.regular);
        // The big title font only shows short headings; Latin-1 keeps its (large) glyphs few and start-up
        // fast.
        static const ImWchar title_ranges[] = {0x0020, 0x00FF, 0x2018, 0x201E, 0};
        const ImWchar* ranges =
            static_cast<FontRole>(i) == FontRole::Title ? title_ranges : GlyphRanges().data();
        out.fonts[i] = io.Fonts->AddFontFromFileTTF(file.c_str(), sizes[i], &config, ranges);
        if (!out.fonts[i]) {
            error = "The font " + file + " could not be read. Reinstall fonts-noto-core.";
            return false;
        }
        // Noto Sans has no arrows and no minus sign; take them from DejaVu Sans when it is there.
        static const ImWchar arrows[] = {0x2190, 0x2193, 0x2212, 0x2212, 0x232B, 0x232B,
                                         0x25CB, 0x25CF, 0x2713, 0x2717, 0};
        const std::string symbols = bold[i] ? kSymbolsBold : kSymbols;
        std::error_code ec;
        if (std::filesystem::is_regular_file(symbols, ec)) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.OversampleH = config.OversampleH;
            merge.OversampleV = 1;
            merge.PixelSnapH = true;
            io.Fonts->AddFontFromFileTTF(symbols.c_str(), sizes[i], &merge, arrows);
        }
    }
    out.body_px = body;
    if (!io.Fonts->Build()) {
        error = "The font atlas could not be built.";
        return false;
    }
    io.FontDefault = out.Get(FontRole::Body);
    return true;
}

} // namespace sb
