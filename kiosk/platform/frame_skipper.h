#pragma once
// Decides whether a frame must reach the screen. ImGui builds a frame cheaply; the GL draw and the
// swap are what cost CPU on llvmpipe. A frame whose draw data equals what is on screen is skipped.
#include <cstdint>

struct ImDrawData;

namespace sb {

// A hash over everything that decides the picture: vertices, indices, commands, clip rects, textures.
uint64_t HashDrawData(const ImDrawData* data);

class FrameSkipper {
  public:
    // True when the frame differs from the one on screen (or a redraw was forced).
    bool ShouldDraw(const ImDrawData* data);
    void Invalidate() { m_valid = false; } // window exposed, resized or textures changed
    uint64_t drawn = 0;
    uint64_t skipped = 0;

  private:
    uint64_t m_last = 0;
    bool m_valid = false;
};

} // namespace sb
