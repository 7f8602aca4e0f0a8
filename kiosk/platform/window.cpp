#include "platform/window.h"

#include <SDL.h>
#include <glad/gl.h>

#include <cstdlib>
#include <cstring>

namespace sb {

namespace {

// `name` is one of the words of an extension list.
bool HasWord(const char* list, const char* name) {
    const size_t n = std::strlen(name);
    for (const char* p = list; p && (p = std::strstr(p, name)); p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0)) return true;
    return false;
}

} // namespace

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
    ChoosePresentMode();
    return true;
}

void Window::ChoosePresentMode() {
    // STAGEBOOST_PARTIAL_REDRAW=0 turns partial redraws off (every frame drawn whole, as before).
    const char* env = std::getenv("STAGEBOOST_PARTIAL_REDRAW");
    if (env && std::strcmp(env, "0") == 0) return;
    auto proc = [](const char* name) { return SDL_GL_GetProcAddress(name); };
    const char* video = SDL_GetCurrentVideoDriver();
    if (!video) return;
    // SDL uses GLX on X11 (unless told to use EGL) and EGL elsewhere. Only that API's functions are looked
    // up: a lookup of the other may return a stub that must not be called.
    const char* force_egl = SDL_GetHint(SDL_HINT_VIDEO_X11_FORCE_EGL);
    const bool glx = std::strcmp(video, "x11") == 0 && !(force_egl && std::strcmp(force_egl, "1") == 0);
    if (glx) {
        ChooseGlx();
        return;
    }
    // EGL (Wayland, under cage): buffer age, where the driver offers it.
    using EglGet = void* (*)();
    using EglGetSurface = void* (*)(int);
    using EglQueryString = const char* (*)(void*, int);
    auto egl_display = reinterpret_cast<EglGet>(proc("eglGetCurrentDisplay"));
    auto egl_surface = reinterpret_cast<EglGetSurface>(proc("eglGetCurrentSurface"));
    auto egl_query_string = reinterpret_cast<EglQueryString>(proc("eglQueryString"));
    m_egl_query_surface = reinterpret_cast<decltype(m_egl_query_surface)>(proc("eglQuerySurface"));
    if (egl_display && egl_surface && egl_query_string && m_egl_query_surface && egl_display()) {
        constexpr int kEglExtensions = 0x3055, kEglDraw = 0x3059;
        m_display = egl_display();
        m_egl_surface = egl_surface(kEglDraw);
        if (m_egl_surface && HasWord(egl_query_string(m_display, kEglExtensions), "EGL_EXT_buffer_age"))
            m_mode = PresentMode::EglBufferAge;
    }
}

void Window::ChooseGlx() {
    auto proc = [](const char* name) { return SDL_GL_GetProcAddress(name); };
    using GetDisplay = void* (*)();
    using GetDrawable = unsigned long (*)();
    using GetContext = void* (*)();
    using QueryContext = int (*)(void*, void*, int, int*);
    using QueryExtensions = const char* (*)(void*, int);
    auto get_display = reinterpret_cast<GetDisplay>(proc("glXGetCurrentDisplay"));
    auto get_drawable = reinterpret_cast<GetDrawable>(proc("glXGetCurrentDrawable"));
    auto get_context = reinterpret_cast<GetContext>(proc("glXGetCurrentContext"));
    auto query_context = reinterpret_cast<QueryContext>(proc("glXQueryContext"));
    auto query_extensions = reinterpret_cast<QueryExtensions>(proc("glXQueryExtensionsString"));
    if (!get_display || !get_drawable || !get_context || !query_context || !query_extensions) return;
    void* context = get_context();
    m_display = get_display();
    m_drawable = get_drawable();
    if (!context || !m_display || !m_drawable) return; // EGL, not GLX
    constexpr int kGlxScreen = 0x800C;
    int screen = 0;
    query_context(m_display, context, kGlxScreen, &screen);
    const char* ext = query_extensions(m_display, screen);
    auto has = [&](const char* name) { return HasWord(ext, name); };
    // Copying part of the back buffer to the window leaves the back buffer as it is, by definition: the
    // next frame draws over the last one (Mesa, llvmpipe included). Buffer age says the same after a swap.
    if (has("GLX_MESA_copy_sub_buffer")) {
        m_copy_sub_buffer = reinterpret_cast<decltype(m_copy_sub_buffer)>(proc("glXCopySubBufferMESA"));
        if (m_copy_sub_buffer) m_mode = PresentMode::CopySubBuffer;
    } else if (has("GLX_EXT_buffer_age")) {
        m_query_drawable = reinterpret_cast<decltype(m_query_drawable)>(proc("glXQueryDrawable"));
        if (m_query_drawable) m_mode = PresentMode::BufferAge;
    }
}

int Window::BackBufferAge() const {
    switch (m_mode) {
    case PresentMode::CopySubBuffer:
        return 1;
    case PresentMode::BufferAge: {
        constexpr int kGlxBackBufferAge = 0x20F4;
        unsigned int age = 0;
        m_query_drawable(m_display, m_drawable, kGlxBackBufferAge, &age);
        return static_cast<int>(age);
    }
    case PresentMode::EglBufferAge: {
        constexpr int kEglBufferAge = 0x313D;
        int age = 0;
        if (!m_egl_query_surface(m_display, m_egl_surface, kEglBufferAge, &age)) return 0;
        return age;
    }
    default:
        return 0;
    }
}

const char* Window::PresentName() const {
    switch (m_mode) {
    case PresentMode::CopySubBuffer:
        return "copy-sub-buffer";
    case PresentMode::BufferAge:
        return "glx-buffer-age";
    case PresentMode::EglBufferAge:
        return "egl-buffer-age";
    default:
        return "full";
    }
}

void Window::Present(const std::vector<PixelRect>& rects, bool full) {
    if (!full && rects.empty()) return; // nothing was drawn: what is on screen is right
    if (m_mode != PresentMode::CopySubBuffer) {
        SDL_GL_SwapWindow(m_window);
        return;
    }
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(m_window, &w, &h);
    if (full) {
        m_copy_sub_buffer(m_display, m_drawable, 0, 0, w, h);
        return;
    }
    for (const PixelRect& r : rects) // GLX counts rows from the bottom
        m_copy_sub_buffer(m_display, m_drawable, r.x0, h - r.y1, r.x1 - r.x0, r.y1 - r.y0);
}

void Window::Swap() {
    SDL_GL_SwapWindow(m_window);
}

void Window::Size(int& w, int& h) const {
    SDL_GetWindowSize(m_window, &w, &h);
}

} // namespace sb
