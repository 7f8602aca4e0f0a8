// The layout rules, each a short loop over one frame's record:
// [SECTION] geometry helpers
// [SECTION] texts: overlaps, clipping, size
// [SECTION] controls: size, reach, captions
#include "ui/layout_audit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sb {

namespace {

// ============================================================ [SECTION] geometry helpers

struct Box {
    float x0, y0, x1, y1;
    bool Empty() const { return x1 <= x0 || y1 <= y0; }
    float W() const { return x1 - x0; }
    float H() const { return y1 - y0; }
};

Box Of(ImVec2 a, ImVec2 b) {
    return {a.x, a.y, b.x, b.y};
}

Box Intersect(const Box& a, const Box& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

bool Overlap(const Box& a, const Box& b, float slack) {
    const Box i = Intersect(a, b);
    return i.W() > slack && i.H() > slack;
}

std::string Where(const Box& b) {
    char buf[64];
    snprintf(buf, sizeof buf, "at %.0f,%.0f %.0fx%.0f", b.x0, b.y0, b.W(), b.H());
    return buf;
}

std::string Quote(const std::string& text) {
    std::string t = text.substr(0, 40);
    for (char& c : t)
        if (c == '\n') c = ' ';
    return "\"" + t + (text.size() > 40 ? "…" : "") + "\"";
}

std::string Name(const TextRecord& t) {
    return "text " + Quote(t.text) + (t.owner.empty() ? "" : " (in " + t.owner + ")");
}

const ScrollRecord* FindScroll(const FrameRecord& f, const std::string& id) {
    for (const ScrollRecord& s : f.scrolls)
        if (s.id == id) return &s;
    return nullptr;
}

// What of `box` a student can see: inside its clip rect, inside the screen.
Box Visible(const Box& box, const Box& clip, const Box& screen) {
    return Intersect(Intersect(box, clip), screen);
}

// Whether the parts of `box` outside `clip` are above or below a scroll area's visible part and a cue says
// there is more there. Parts cut off at the sides are never all right.
bool CutOffWithCue(const Box& box, const Box& clip, const ScrollRecord* scroll, float slack) {
    const bool left = box.x0<clip.x0 - slack, right = box.x1> clip.x1 + slack;
    const bool above = box.y0<clip.y0 - slack, below = box.y1> clip.y1 + slack;
    if (!left && !right && !above && !below) return true;
    if (left || right || !scroll) return false;
    return (!above || scroll->cue_above) && (!below || scroll->cue_below);
}

} // namespace

std::vector<std::string> AuditLayout(const FrameRecord& f, const AuditRules& rules) {
    std::vector<std::string> out;
    const float slack = rules.slack_px;
    const Box screen{0, 0, f.viewport.x > 0 ? f.viewport.x : 1e9f, f.viewport.y > 0 ? f.viewport.y : 1e9f};

    // ============================================================ [SECTION] texts: overlaps, clipping, size
    std::vector<Box> seen(f.text_items.size());
    for (size_t i = 0; i < f.text_items.size(); ++i) {
        const TextRecord& t = f.text_items[i];
        const Box box = Of(t.min, t.max), clip = Of(t.clip_min, t.clip_max);
        seen[i] = Visible(box, clip, screen);
        if (box.x0 < screen.x0 - slack || box.x1 > screen.x1 + slack ||
            (box.y1 > screen.y1 + slack && t.scroll.empty()) ||
            (box.y0 < screen.y0 - slack && t.scroll.empty()))
            out.push_back(Name(t) + " runs off the screen " + Where(box));
        else if (!CutOffWithCue(box, clip, FindScroll(f, t.scroll), slack))
            out.push_back(Name(t) + " is cut off by its " +
                          (t.owner.empty() ? (t.scroll.empty() ? "window" : "scroll area") : "control") +
                          " " + Where(box) + " (visible: " + Where(clip) + ")");
        if (rules.min_text_em > 0 && t.em_px + 0.01f < rules.min_text_em) {
            char buf[96];
            snprintf(buf, sizeof buf, " is %.0f px; the least here is %.0f px", t.em_px, rules.min_text_em);
            out.push_back(Name(t) + buf);
        }
    }
    for (size_t i = 0; i < f.text_items.size(); ++i)
        for (size_t j = i + 1; j < f.text_items.size(); ++j)
            if (!seen[i].Empty() && !seen[j].Empty() && Overlap(seen[i], seen[j], slack))
                out.push_back(Name(f.text_items[i]) + " overlaps " + Name(f.text_items[j]) + " " +
                              Where(Intersect(seen[i], seen[j])));

    // ============================================================ [SECTION] controls: size, reach, captions
    for (const WidgetRecord& w : f.widgets) {
        if (w.backdrop) continue;
        const Box box = Of(w.min, w.max), clip = Of(w.clip_min, w.clip_max);
        const Box vis = Visible(box, clip, screen);
        if (w.enabled && (box.W() + slack < rules.min_target_px || box.H() + slack < rules.min_target_px)) {
            char buf[96];
            snprintf(buf, sizeof buf, " is %.0fx%.0f px; a finger needs %.0fx%.0f", box.W(), box.H(),
                     rules.min_target_px, rules.min_target_px);
            out.push_back("control " + w.id + buf);
        }
        // In a scroll area, what lies above or below is judged by its cue; elsewhere the screen's edge is
        // final.
        if (box.x0 < screen.x0 - slack || box.x1 > screen.x1 + slack ||
            (w.scroll.empty() && (box.y0 < screen.y0 - slack || box.y1 > screen.y1 + slack)))
            out.push_back("control " + w.id + " lies off the screen " + Where(box));
        else if (!CutOffWithCue(box, clip, FindScroll(f, w.scroll), slack))
            out.push_back("control " + w.id + " is out of view with no cue that there is more " + Where(box));
        // Texts lying over a control they do not belong to.
        for (size_t i = 0; i < f.text_items.size(); ++i) {
            const TextRecord& t = f.text_items[i];
            // A paragraph with glossary terms holds them: its text may lie over every term-… control.
            const bool holds_terms = t.owner == "term-*" && w.id.rfind("term-", 0) == 0;
            if (t.owner == w.id || holds_terms || seen[i].Empty() || vis.Empty()) continue;
            if (Overlap(seen[i], vis, slack))
                out.push_back(Name(t) + " lies over control " + w.id + " " + Where(Intersect(seen[i], vis)));
        }
    }
    // Controls over each other: the finger would not know which one it presses.
    for (size_t i = 0; i < f.widgets.size(); ++i)
        for (size_t j = i + 1; j < f.widgets.size(); ++j) {
            const WidgetRecord &a = f.widgets[i], &b = f.widgets[j];
            if (a.backdrop || b.backdrop) continue;
            const Box va = Visible(Of(a.min, a.max), Of(a.clip_min, a.clip_max), screen);
            const Box vb = Visible(Of(b.min, b.max), Of(b.clip_min, b.clip_max), screen);
            if (!va.Empty() && !vb.Empty() && Overlap(va, vb, slack))
                out.push_back("control " + a.id + " overlaps control " + b.id + " " +
                              Where(Intersect(va, vb)));
        }
    // A caption sits centred on the control it names.
    for (const TextRecord& t : f.text_items) {
        if (t.caption_of.empty()) continue;
        const WidgetRecord* w = nullptr;
        for (const WidgetRecord& c : f.widgets)
            if (c.id == t.caption_of) w = &c;
        if (!w) {
            out.push_back(Name(t) + " names control " + t.caption_of + ", which is not on screen");
            continue;
        }
        const float tc = (t.min.x + t.max.x) * 0.5f, wc = (w->min.x + w->max.x) * 0.5f;
        const float allowed = std::max(3.0f, (w->max.x - w->min.x) * 0.08f);
        if (std::fabs(tc - wc) > allowed || t.min.x < w->min.x - (w->max.x - w->min.x) * 0.5f ||
            t.max.x > w->max.x + (w->max.x - w->min.x) * 0.5f) {
            char buf[96];
            snprintf(buf, sizeof buf, " is %.0f px off the centre of control ", tc - wc);
            out.push_back(Name(t) + buf + w->id);
        }
    }
    return out;
}

} // namespace sb
