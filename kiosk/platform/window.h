#pragma once
// The SDL window and its OpenGL 3.3 core context.
#include <string>
#include <vector>

#include "platform/damage.h"

struct SDL_Window;

namespace sb {

struct WindowOptions {
    bool windowed = false;
    int width = 1280; // used when windowed
    int height = 720;
    bool hidden = false; // for offscreen runs that only take a screenshot
};

class Window {
  public:
    Window() = default;
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // The size Create will give the window (after SDL_Init): the display's for a kiosk, else the options'.
    static void PlannedSize(const WindowOptions& options, int& w, int& h);
    // Returns false and fills `error` with a sentence for people when SDL or GL cannot start.
    bool Create(const WindowOptions& options, std::string& error);
    void Swap();
    // How many frames old the back buffer's picture is (1: the last frame presented; 0: unknown, redraw
    // all). Partial redraws need 1 or more.
    int BackBufferAge() const;
    // Shows the back buffer: only the rectangles when the driver can copy part of it (the back buffer
    // stays as it is), else the whole (a swap).
    void Present(const std::vector<PixelRect>& rects, bool full);
    // "copy-sub-buffer", "glx-buffer-age", "egl-buffer-age" or "full" (no partial redraw).
    const char* PresentName() const;
    void Size(int& w, int& h) const;

    SDL_Window* Handle() const { return m_window; }
    void* GlContext() const { return m_gl; }

  private:
    SDL_Window* m_window = nullptr;
    void* m_gl = nullptr;
    enum class PresentMode { Full, CopySubBuffer, BufferAge, EglBufferAge };
    PresentMode m_mode = PresentMode::Full;
    // GLX or EGL entry points, through SDL_GL_GetProcAddress (no X11 or EGL headers, no link).
    void* m_display = nullptr;
    unsigned long m_drawable = 0;
    void (*m_copy_sub_buffer)(void*, unsigned long, int, int, int, int) = nullptr;
    void (*m_query_drawable)(void*, unsigned long, int, unsigned int*) = nullptr;
    void* m_egl_surface = nullptr;
    unsigned (*m_egl_query_surface)(void*, void*, int, int*) = nullptr;
    void ChoosePresentMode();
    void ChooseGlx();
};

} // namespace sb
