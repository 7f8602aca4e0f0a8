#pragma once
// The kiosk checks its own layout: from what one frame drew (its FrameRecord), the places where a student
// would see something broken. Used by the script step `audit-layout` and `--audit-layout`; plain data in and
// out, so tests/kiosk_layout_audit_test.cpp checks each rule without a window.
#include "ui/widgets.h"

#include <string>
#include <vector>

namespace sb {

struct AuditRules {
    float min_target_px = 48; // a control a finger presses
    float min_text_em = 0;    // the smallest text allowed on this screen (0: no check)
    float slack_px = 1.5f;    // rounding that never shows
};

// One line per finding, naming the widgets and texts involved and where they are. Empty when all is well.
std::vector<std::string> AuditLayout(const FrameRecord& frame, const AuditRules& rules = {});

} // namespace sb
