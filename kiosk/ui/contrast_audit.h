#pragma once
// The kiosk measures its own contrast: from the pixels one frame put on screen and where that frame drew its
// texts and controls (its FrameRecord), the text under 4.5:1 against what is behind it (WCAG 1.4.3) and the
// controls whose edge is under 3:1 against the page (WCAG 1.4.11). Measured, not computed from the theme, so
// a fill, an overlay or a font that renders thinner than planned is caught too. Used by the script step
// `audit-contrast`; plain data in and out, so tests/kiosk_contrast_audit_test.cpp checks it without a window.
#include "ui/widgets.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sb {

// An RGB image, rows top-down, 3 bytes per pixel.
struct RgbImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;
    Rgb At(int x, int y) const {
        const size_t i = (static_cast<size_t>(y) * width + x) * 3;
        return Rgb{pixels[i], pixels[i + 1], pixels[i + 2]};
    }
};

struct ContrastRules {
    double text = 4.5; // text against its background
    double edge = 3.0; // a control's edge against the page around it
    float fade_px = 0; // a scroll area fades this far from its edges on purpose: text there is not measured
};

// One line per finding: the text or control, the measured ratio and the two colours. Empty when all is well.
std::vector<std::string> AuditContrast(const FrameRecord& frame, const RgbImage& image,
                                       const ContrastRules& rules = {});

} // namespace sb
