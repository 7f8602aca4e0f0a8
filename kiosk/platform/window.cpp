#include "platform/window.h"

#include <SDL.h>
#include <glad/gl.h>

namespace sb {

Window::~Window() {
    if (m_gl) SDL_GL_DeleteContext(m_gl);
    if (m_window) SDL_DestroyWindow(m_window);
}

void Window::PlannedSize(const WindowOptions& options, int& w, int& h) {
    w = options.width;
    h = options.height;
    if (options.windowed) return;
    // FULLSCREEN_DESKTOP alone leaves the window misplaced when no window manager runs: Create takes the
    // display's size and covers it from 0,0 with a borderless window instead.
    SDL_DisplayMode mode;
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
        w = mode.w;
        h = mode.h;
    }
}

bool Window::Create(const WindowOptions& options, std::string& error) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    int w = 0, h = 0;
    PlannedSize(options, w, h);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (!options.windowed) {
        x = 0;
        y = 0;
        flags |= SDL_WINDOW_BORDERLESS;
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    if (options.hidden) flags |= SDL_WINDOW_HIDDEN;

    m_window = SDL_CreateWindow("Stageboost", x, y, w, h, flags);
    if (!m_window) {
        error = std::string("Could not open a window: ") + SDL_GetError();
        return false;
    }
    m_gl = SDL_GL_CreateContext(m_window);
    if (!m_gl) {
        error = std::string("Could not start OpenGL 3.3 (is a Mesa driver installed?): ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(m_window, m_gl);
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(SDL_GL_GetProcAddress))) {
        error = "Could not load the OpenGL functions.";
        return false;
    }
    SDL_GL_SetSwapInterval(1); // a no-op under Xvfb; the loop waits for events anyway
    return true;
}

void Window::Swap() {
    SDL_GL_SwapWindow(m_window);
}

void Window::Size(int& w, int& h) const {
    SDL_GetWindowSize(m_window, &w, &h);
}

} // namespace sb
