#pragma once
// Partial redraw: which rectangles of the screen differ between the frame in the back buffer and the next.
//
// On llvmpipe the cost of a frame is the raster of its triangles, so a frame that only redraws the
// rectangles that changed costs a fraction of a full one. Every triangle of a frame is hashed with what
// decides its pixels (its three vertices, its clip rect, its texture). Per draw list (per window) the common
// start and end of this frame's and the drawn frame's triangle sequences are unchanged; the triangles in
// between, old and new, cover every pixel that can differ (a pixel outside them is made by the same
// triangles in the same order). Their bounding boxes, clipped, are the damage.
#include <cstdint>
#include <vector>

struct ImDrawData;
struct ImDrawCmd;

namespace sb {

// Framebuffer pixels, origin top-left, max exclusive.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int Area() const { return (x1 - x0) * (y1 - y0); }
    bool Empty() const { return x1 <= x0 || y1 <= y0; }
};

struct Damage {
    bool full = true;             // redraw everything (no frame to compare with, or most of it changed)
    std::vector<PixelRect> rects; // when !full: disjoint rectangles to redraw; empty = nothing changed
};

// Makes the rectangles disjoint (overlapping ones become their union) and few; true when they then cover
// so much of the screen that a full redraw costs no more.
bool MergeRects(std::vector<PixelRect>& rects, int fb_w, int fb_h);

class DamageTracker {
  public:
    // What must be redrawn to turn the frame last committed into `data`. `shrink` (tests only) makes every
    // rectangle that many pixels smaller on each side, so a test can see stale pixels being caught.
    Damage Compute(const ImDrawData* data, int fb_w, int fb_h, int shrink = 0);
    // The frame passed to the last Compute is now in the back buffer.
    void Commit();
    // The back buffer no longer holds the committed frame (exposed, resized, textures changed).
    void Invalidate() { m_valid = false; }

  private:
    struct Tri {
        uint64_t hash;
        float x0, y0, x1, y1; // bounding box within its clip rect, ImGui coordinates
    };
    struct List {
        uint64_t name = 0; // the owner window's name: matches lists across frames
        std::vector<Tri> tris;
    };
    std::vector<List> m_prev, m_next;
    int m_prev_w = 0, m_prev_h = 0, m_next_w = 0, m_next_h = 0;
    bool m_valid = false;
};

// Limits drawing to the rectangles: replaces each draw list's commands by copies whose clip rects are
// intersected with each rectangle (commands outside all of them are dropped). The rectangles must be
// disjoint, so no pixel is blended twice. The destructor puts the original commands back.
class ClipToDamage {
  public:
    ClipToDamage(ImDrawData* data, const std::vector<PixelRect>& rects);
    ~ClipToDamage();
    ClipToDamage(const ClipToDamage&) = delete;
    ClipToDamage& operator=(const ClipToDamage&) = delete;

  private:
    ImDrawData* m_data;
    std::vector<std::vector<ImDrawCmd>> m_saved; // per list
};

} // namespace sb
