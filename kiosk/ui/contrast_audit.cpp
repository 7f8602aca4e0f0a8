#include "ui/contrast_audit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace sb {

namespace {

struct Box {
    int x0, y0, x1, y1; // half-open
    bool Empty() const { return x1 <= x0 || y1 <= y0; }
};

Box Clamp(const RgbImage& img, float x0, float y0, float x1, float y1) {
    return {std::max(0, static_cast<int>(std::ceil(x0))), std::max(0, static_cast<int>(std::ceil(y0))),
            std::min(img.width, static_cast<int>(std::floor(x1))),
            std::min(img.height, static_cast<int>(std::floor(y1)))};
}

uint32_t Key(Rgb c) {
    return (uint32_t(c.r) << 16) | (uint32_t(c.g) << 8) | c.b;
}
Rgb FromKey(uint32_t k) {
    return Rgb{uint8_t(k >> 16), uint8_t(k >> 8), uint8_t(k)};
}

// The colour most pixels of `boxes` have: the background of a text, the page around a control.
Rgb Mode(const RgbImage& img, const std::vector<Box>& boxes) {
    std::map<uint32_t, int> counts;
    for (const Box& b : boxes)
        for (int y = b.y0; y < b.y1; ++y)
            for (int x = b.x0; x < b.x1; ++x)
                ++counts[Key(img.At(x, y))];
    uint32_t best = 0;
    int n = -1;
    for (const auto& [k, c] : counts)
        if (c > n) best = k, n = c;
    return FromKey(best);
}

// The pixel of `boxes` that stands out most from `against`, and its ratio.
double MostDistinct(const RgbImage& img, const std::vector<Box>& boxes, Rgb against, Rgb& found) {
    double best = 1.0;
    found = against;
    for (const Box& b : boxes)
        for (int y = b.y0; y < b.y1; ++y)
            for (int x = b.x0; x < b.x1; ++x) {
                const Rgb c = img.At(x, y);
                const double r = ContrastRatio(c, against);
                if (r > best) best = r, found = c;
            }
    return best;
}

std::string Hex(Rgb c) {
    char s[8];
    snprintf(s, sizeof s, "#%02x%02x%02x", c.r, c.g, c.b);
    return s;
}

std::string Short(const std::string& text) {
    std::string t = text.substr(0, text.find('\n'));
    if (t.size() > 40) t = t.substr(0, 37) + "...";
    return t;
}

const WidgetRecord* Owner(const FrameRecord& f, const std::string& id) {
    for (const WidgetRecord& w : f.widgets)
        if (w.id == id) return &w;
    return nullptr;
}

} // namespace

std::vector<std::string> AuditContrast(const FrameRecord& f, const RgbImage& img,
                                       const ContrastRules& rules) {
    std::vector<std::string> out;
    char line[512];
    for (const TextRecord& t : f.text_items) {
        // Only text a student reads as it is: wholly on screen, outside a scroll area's fades, and not the
        // label of a control that is switched off (WCAG exempts inactive controls).
        const float fade = t.scroll.empty() ? 0.0f : rules.fade_px;
        if (t.min.x < t.clip_min.x - 1 || t.max.x > t.clip_max.x + 1 || t.min.y < t.clip_min.y + fade - 1 ||
            t.max.y > t.clip_max.y - fade + 1)
            continue;
        if (!t.owner.empty())
            if (const WidgetRecord* w = Owner(f, t.owner); w && !w->enabled) continue;
        if (t.transient || t.text.find_first_not_of(" \t\n") == std::string::npos) continue;
        const Box b = Clamp(img, t.min.x, t.min.y, t.max.x, t.max.y);
        if (b.Empty() || b.x1 - b.x0 < 2 || b.y1 - b.y0 < 2) continue;
        const Rgb bg = Mode(img, {b});
        Rgb fg;
        const double r = MostDistinct(img, {b}, bg, fg);
        if (r + 1e-9 < rules.text) {
            snprintf(line, sizeof line, "text '%s' at (%.0f,%.0f): %.2f:1 (%s on %s), needs %.1f:1",
                     Short(t.text).c_str(), t.min.x, t.min.y, r, Hex(fg).c_str(), Hex(bg).c_str(),
                     rules.text);
            out.push_back(line);
        }
    }
    for (const WidgetRecord& w : f.widgets) {
        if (!w.enabled || w.backdrop || !w.Visible()) continue;
        if (w.min.y < w.clip_min.y + rules.fade_px || w.max.y > w.clip_max.y - rules.fade_px) continue;
        // The page right around the control, and the control's own outermost pixels (its outline or fill).
        const int gap = 4, ring = 3;
        const std::vector<Box> around = {
            Clamp(img, w.min.x - gap - 2, w.min.y - gap - 2, w.max.x + gap + 2, w.min.y - gap),
            Clamp(img, w.min.x - gap - 2, w.max.y + gap, w.max.x + gap + 2, w.max.y + gap + 2)};
        const std::vector<Box> edge = {Clamp(img, w.min.x + 2, w.min.y, w.max.x - 2, w.min.y + ring),
                                       Clamp(img, w.min.x + 2, w.max.y - ring, w.max.x - 2, w.max.y),
                                       Clamp(img, w.min.x, w.min.y + 2, w.min.x + ring, w.max.y - 2),
                                       Clamp(img, w.max.x - ring, w.min.y + 2, w.max.x, w.max.y - 2)};
        if (std::any_of(around.begin(), around.end(), [](const Box& b) { return b.Empty(); })) continue;
        const Rgb page = Mode(img, around);
        Rgb found;
        const double r = MostDistinct(img, edge, page, found);
        if (r + 1e-9 < rules.edge) {
            snprintf(line, sizeof line, "control '%s' at (%.0f,%.0f): edge %.2f:1 (%s on %s), needs %.1f:1",
                     w.id.c_str(), w.min.x, w.min.y, r, Hex(found).c_str(), Hex(page).c_str(), rules.edge);
            out.push_back(line);
        }
    }
    return out;
}

} // namespace sb
