#include "platform/fonts.h"

#include <imgui.h>
#include <stb/stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <vector>

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
const char* const kDyslexicItalic[] = {"/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Italic.otf"};

// ImGui sizes a font by its line height (ascent - descent); people and the targets mean its em
// size. This is the line height of a 1 px em, read once per file from the font's own metrics.
float LineHeightPerEm(const std::string& file) {
    static std::mutex mutex; // the first atlas is built on a second thread
    static std::map<std::string, float> cache;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(file); it != cache.end()) return it->second;
    float ratio = 1.36f; // Noto Sans, in case the file cannot be read here
    // One read of the whole file: an istreambuf_iterator reads it a character at a time, which showed up
    // in start-up profiles (three fonts of ~0.5 MB before the first frame).
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    std::vector<unsigned char> data;
    if (in) {
        data.resize(static_cast<size_t>(std::max<std::streamoff>(0, in.tellg())));
        in.seekg(0);
        if (!in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size())))
            data.clear();
    }
    stbtt_fontinfo info;
    if (!data.empty() && stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0)))
        ratio = stbtt_ScaleForMappingEmToPixels(&info, 1.0f) / stbtt_ScaleForPixelHeight(&info, 1.0f);
    cache[file] = ratio;
    return ratio;
}

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
            // Emphasis must stay visible: OpenDyslexic's italic, or its bold where no italic is installed.
            files.italic = FirstExisting(kDyslexicItalic);
            if (files.italic.empty()) files.italic = files.bold;
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

float SmallEm(int window_w, int window_h, float text_scale, Viewing viewing) {
    const float scale = std::min(window_w / 1920.0f, window_h / 1080.0f);
    const float least = viewing == Viewing::Workshop ? 27.0f : 24.0f;
    return std::round(std::max(18.0f, least * scale) * text_scale);
}

bool BuildFonts(ImFontAtlas& atlas, FontSet& out, FontFace face, int window_w, int window_h, float text_scale,
                Viewing viewing, std::string& error) {
    const FontFiles files = FindFontFiles(face);
    if (files.regular.empty()) {
        error = "No font found. Install one with: apt-get install fonts-noto-core "
                "(looked in /usr/share/fonts/truetype/noto, dejavu and liberation).";
        return false;
    }
    atlas.Clear();
    // Em sizes: small is the least any text may be; body a step up, headings and the title above it.
    const float small = SmallEm(window_w, window_h, text_scale, viewing);
    const float body = std::round(small * (viewing == Viewing::Workshop ? 1.2f : 1.15f));
    const float ems[] = {body, body, small, std::round(body * 1.3f), std::round(body * 1.9f), body};
    // The dyslexia letter is wider and taller per em: a step smaller keeps its lines as long and as tall.
    const float face_scale =
        face == FontFace::Dyslexic && files.regular.find("yslexic") != std::string::npos ? 0.86f : 1.0f;
    const bool bold[] = {false, true, false, true, true, false};
    float sizes[static_cast<int>(FontRole::Count)];
    for (int i = 0; i < static_cast<int>(FontRole::Count); ++i) {
        const bool italic = static_cast<FontRole>(i) == FontRole::Italic;
        const std::string& file = italic ? files.italic : (bold[i] ? files.bold : files.regular);
        out.em[i] = std::max(small, std::round(ems[i] * face_scale));
        sizes[i] = std::round(out.em[i] * LineHeightPerEm(file));
        ImFontConfig config;
        // Large text needs no horizontal oversampling; it keeps the atlas small and start-up fast.
        config.OversampleH = sizes[i] >= 28 ? 1 : 2;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        // The big title font only shows short headings; Latin-1 keeps its (large) glyphs few and start-up
        // fast.
        static const ImWchar title_ranges[] = {0x0020, 0x00FF, 0x2018, 0x201E, 0};
        const ImWchar* ranges =
            static_cast<FontRole>(i) == FontRole::Title ? title_ranges : GlyphRanges().data();
        out.fonts[i] = atlas.AddFontFromFileTTF(file.c_str(), sizes[i], &config, ranges);
        if (!out.fonts[i]) {
            error = "The font " + file + " could not be read. Reinstall fonts-noto-core.";
            return false;
        }
        // Noto Sans has no arrows and no minus sign; take them from DejaVu Sans when it is there.
        static const ImWchar arrows[] = {0x2190, 0x2193, 0x21BA, 0x21BA, 0x2212, 0x2212, 0x232B, 0x232B,
                                         0x25B2, 0x25BE, 0x25CB, 0x25CF, 0x2713, 0x2717, 0};
        const std::string symbols = bold[i] ? kSymbolsBold : kSymbols;
        std::error_code ec;
        if (std::filesystem::is_regular_file(symbols, ec)) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.OversampleH = config.OversampleH;
            merge.OversampleV = 1;
            merge.PixelSnapH = true;
            // The same em size as the text around them, so ✓ and ✗ are as big as its letters.
            atlas.AddFontFromFileTTF(symbols.c_str(), std::round(out.em[i] * LineHeightPerEm(symbols)),
                                     &merge, arrows);
        }
    }
    out.body_px = sizes[static_cast<int>(FontRole::Body)];
    if (!atlas.Build()) {
        error = "The font atlas could not be built.";
        return false;
    }
    return true;
}

} // namespace sb
