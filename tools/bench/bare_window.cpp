// A bare SDL2 + Dear ImGui 1.86 + OpenGL3 window, built from the same Debian packages as the kiosk.
// It is the floor this stack allows: the benchmarks print the kiosk's figures beside its figures.
//   bare_window --exit-after-first-frame   print the wall-clock time of the first frame, then exit
//   bare_window                            wait for events like the kiosk does (idle CPU)
#include <SDL.h>
#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
    const bool exit_after_first = argc > 1 && strcmp(argv[1], "--exit-after-first-frame") == 0;
    SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_DisplayMode mode;
    SDL_GetDesktopDisplayMode(0, &mode);
    SDL_Window* window =
        SDL_CreateWindow("bare", 0, 0, mode.w, mode.h, SDL_WINDOW_OPENGL | SDL_WINDOW_BORDERLESS);
    SDL_GLContext gl = SDL_GL_CreateContext(window);
    gladLoadGL(reinterpret_cast<GLADloadfunc>(SDL_GL_GetProcAddress));
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    bool first = true, quit = false;
    int pending = 3;
    while (!quit) {
        SDL_Event e;
        if (pending == 0 && SDL_WaitEventTimeout(&e, 60000)) {
            ImGui_ImplSDL2_ProcessEvent(&e);
            quit = quit || e.type == SDL_QUIT;
            pending = 3;
        }
        while (SDL_PollEvent(&e)) {
            ImGui_ImplSDL2_ProcessEvent(&e);
            quit = quit || e.type == SDL_QUIT;
        }
        if (pending == 0) continue;
        --pending;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("bare", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::Text("Hello");
        ImGui::Button("Start");
        ImGui::End();
        ImGui::Render();
        glClearColor(0.1f, 0.1f, 0.1f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        SDL_GL_SwapWindow(window);
        if (first) {
            first = false;
            if (exit_after_first) {
                glFinish();
                const long long ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                         .count();
                printf("first-frame-realtime-ns %lld\n", ns);
                fflush(stdout);
                break;
            }
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
