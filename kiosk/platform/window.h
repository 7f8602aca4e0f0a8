#pragma once
// The SDL window and its OpenGL 3.3 core context.
#include <string>

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
    void Size(int& w, int& h) const;

    SDL_Window* Handle() const { return m_window; }
    void* GlContext() const { return m_gl; }

  private:
    SDL_Window* m_window = nullptr;
    void* m_gl = nullptr;
};

} // namespace sb
