#include "app.h"

#include "platform/screenshot.h"
#include "screens/screens.h"

#include <SDL.h>
#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <chrono>
#include <random>
#include <cstdio>

namespace sb {

namespace {

// ImGui 1.86's SDL backend holds a press for one frame and reads the mouse each frame:
// after any input, build this many frames so its state settles.
constexpr int kFramesAfterInput = 3;
constexpr int kIdleWaitMs = 60 * 1000;
constexpr int kWatchPollMs = 400;  // --watch: an edit shows within a second

long long RealtimeNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

App::App(AppOptions options) : m_options(std::move(options)) {
    m_model.lang = m_options.lang;
    m_model.classroom = m_options.workshop;
    m_model.quiz_seed = m_options.seed ? m_options.seed : std::random_device{}();
}

void App::FinishLoadingPacks() {
    if (!m_loading.valid()) return;
    m_model.packs = m_loading.get();
    m_model.languages = m_model.packs.Languages();
    for (const LoadedPack& p : m_model.packs.Packs())
        if (!p.result.pack)
            fprintf(stderr, "stageboost: the pack in %s has errors and is skipped (%zu); see the diagnostics screen.\n",
                    p.dir.c_str(), p.result.diagnostics.ErrorCount());
    m_pending_frames = std::max(m_pending_frames, 1);
}

void App::ReloadPacks() {
    if (!m_model.packs.ReloadChanged()) return;
    fprintf(stderr, "stageboost: reloaded a changed pack\n");
    m_model.languages = m_model.packs.Languages();
    // Stay on the same module where it still exists; otherwise the module screen says it is gone.
    if (m_model.roleplay) {
        const nlohmann::json snapshot = m_model.roleplay->Snapshot();
        auto pack = m_model.packs.SharedPack(m_model.pack_id);
        const Module* module = pack ? pack->FindModule(m_model.module_id) : nullptr;
        if (module && module->AsRoleplay()) {
            auto session = std::make_unique<RoleplaySession>(pack, *module);
            std::string why;
            if (!session->Restore(snapshot, why)) fprintf(stderr, "stageboost: the role-play starts over: %s\n", why.c_str());
            m_model.roleplay = std::move(session);
        } else {
            m_model.roleplay.reset();
        }
    }
    for (const LoadedPack& p : m_model.packs.Packs())
        for (const Diagnostic& d : p.result.diagnostics.List())
            if (d.severity == Severity::Error) fprintf(stderr, "%s\n", FormatDiagnostic(d, "en").c_str());
    m_textures.Clear();  // images may have changed too
    m_skipper.Invalidate();
    m_pending_frames = std::max(m_pending_frames, kFramesAfterInput);
}

App::~App() { Shutdown(); }

int64_t App::NowMs() const {
    if (m_script) return m_virtual_ms;
    return static_cast<int64_t>(SDL_GetTicks64());
}

bool App::Init(std::string& error) {
    if (!m_options.script.empty()) {
        m_script = std::make_unique<ScriptRunner>();
        if (!m_script->Load(m_options.script, error)) return false;
    }
    // Reading the packs does not need the window: do it on a second core while SDL loads GL.
    m_loading = std::async(std::launch::async, [content = m_options.content_dir, extra = m_options.pack_dirs] {
        PackLibrary library;
        library.Load(content, extra);
        return library;
    });
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error = std::string("Could not start SDL (is a display available? Set DISPLAY or use xvfb-run): ") +
                SDL_GetError();
        return false;
    }
    if (!m_window.Create(m_options.window, error)) return false;
    m_window.Size(m_width, m_height);


    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk writes no imgui.ini into its working folder
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(m_window.Handle(), m_window.GlContext());
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_imgui_ready = true;

    m_ui.colors = &GetThemeColors(m_options.theme);
    m_ui.textures = &m_textures;
    m_ui.lang = m_model.lang;
    if (!BuildFonts(m_ui.fonts, FontFace::Regular, m_width, m_height, m_options.text_scale, error)) return false;
    m_ui.unit = m_ui.fonts.body_px;
    ui::ApplyStyle(m_ui);
    return true;
}

void App::RebuildFonts() {
    std::string error;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    if (!BuildFonts(m_ui.fonts, FontFace::Regular, m_width, m_height, m_options.text_scale, error))
        fprintf(stderr, "stageboost: %s\n", error.c_str());
    ImGui_ImplOpenGL3_CreateFontsTexture();
    m_ui.unit = m_ui.fonts.body_px;
    ui::ApplyStyle(m_ui);
    m_skipper.Invalidate();
}

void App::Shutdown() {
    if (m_imgui_ready) {
        m_textures.Clear();
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
        m_imgui_ready = false;
    }
}

void App::HandleEvent(const SDL_Event& event) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) m_quit = true;
    if (event.type == SDL_WINDOWEVENT) {
        const auto e = event.window.event;
        if (e == SDL_WINDOWEVENT_EXPOSED || e == SDL_WINDOWEVENT_SHOWN || e == SDL_WINDOWEVENT_RESTORED)
            m_skipper.Invalidate();  // what is on screen may be gone: draw it again
        if (e == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int w, h;
            m_window.Size(w, h);
            if (w != m_width || h != m_height) {
                m_width = w;
                m_height = h;
                RebuildFonts();
            }
        }
    }
}

void App::DrawScreen() {
    switch (m_model.router.Current()) {
    case ScreenId::Start: DrawStartScreen(m_model, m_ui, m_actions); break;
    case ScreenId::Home: DrawHomeScreen(m_model, m_ui, m_actions); break;
    case ScreenId::Module: DrawModuleScreen(m_model, m_ui, m_actions); break;
    case ScreenId::Lesson: DrawLessonScreen(m_model, m_ui, m_actions); break;
    case ScreenId::Quiz: DrawQuizScreen(m_model, m_ui, m_actions); break;
    case ScreenId::QuizResult: DrawQuizResultScreen(m_model, m_ui, m_actions); break;
    case ScreenId::RoleplayIntro: DrawRoleplayIntroScreen(m_model, m_ui, m_actions); break;
    case ScreenId::Roleplay: DrawRoleplayScreen(m_model, m_ui, m_actions); break;
    case ScreenId::RoleplayDebrief: DrawRoleplayDebriefScreen(m_model, m_ui, m_actions); break;
    case ScreenId::Diagnostics: DrawDiagnosticsScreen(m_model, m_ui, m_actions); break;
    }
}

bool App::Frame(bool force_draw, const std::string& screenshot_request) {
    std::string screenshot_path = screenshot_request;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (m_script) {
        // Scripted input replaces the real mouse, so a run is the same on every machine.
        ScriptFrameInput in = m_script->Next(m_last_record, m_ui.Font(FontRole::Body));
        m_virtual_ms += in.advance_ms;
        io.MousePos = in.mouse_pos;
        io.MouseDown[0] = in.mouse_down;
        io.MouseWheel = in.wheel;
        for (int k = 0; k < 512; ++k) io.KeysDown[k] = (k == in.key);
        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        if (!in.text.empty()) io.AddInputCharactersUTF8(in.text.c_str());
        if (!in.screenshot_path.empty()) {
            screenshot_path = in.screenshot_path;
            if (!m_options.shots_dir.empty() && screenshot_path.front() != '/')
                screenshot_path = m_options.shots_dir + "/" + screenshot_path;
        }
    }
    ImGui::NewFrame();
    m_ui.record = FrameRecord{};
    m_ui.lang = m_model.lang;
    DrawScreen();
    // Escape is Back everywhere, as on a phone; the first screen stays.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) m_actions.Back();
    ImGui::Render();
    m_last_record = std::move(m_ui.record);

    if (!m_actions.Empty()) {
        m_actions.ApplyTo(m_model);
        m_pending_frames = std::max(m_pending_frames, kFramesAfterInput);
    }

    ImDrawData* data = ImGui::GetDrawData();
    const bool draw = m_skipper.ShouldDraw(data) || force_draw || !screenshot_path.empty();
    if (!draw) return false;
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    const Rgb bg = m_ui.colors->background;
    glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(data);
    if (!screenshot_path.empty()) {
        std::string error;
        int fw, fh;
        SDL_GL_GetDrawableSize(m_window.Handle(), &fw, &fh);
        if (!SaveScreenshot(screenshot_path, fw, fh, error)) {
            fprintf(stderr, "stageboost: %s\n", error.c_str());
            m_error = error;
        }
    }
    m_window.Swap();
    return true;
}

int App::Run() {
    std::string error;
    if (!Init(error)) {
        fprintf(stderr, "stageboost: %s\n", error.c_str());
        return 1;
    }

    bool first = true;
    int screenshot_countdown = m_options.screenshot.empty() ? -1 : kFramesAfterInput;
    while (!m_quit) {
        SDL_Event event;
        if (m_script || m_pending_frames > 0 || screenshot_countdown >= 0) {
            while (SDL_PollEvent(&event)) HandleEvent(event);
        } else if (SDL_WaitEventTimeout(&event, m_options.watch ? kWatchPollMs : kIdleWaitMs)) {
            // Sleep until something happens: idle CPU stays at zero.
            HandleEvent(event);
            while (SDL_PollEvent(&event)) HandleEvent(event);
            m_pending_frames = kFramesAfterInput;
        } else {
            if (m_options.watch) ReloadPacks();
            continue;
        }
        if (m_options.watch && SDL_GetTicks64() - m_last_watch_ms >= kWatchPollMs) {
            m_last_watch_ms = SDL_GetTicks64();
            ReloadPacks();
        }

        std::string shot;
        if (screenshot_countdown == 0) shot = m_options.screenshot;
        Frame(first, shot);
        if (m_pending_frames > 0) --m_pending_frames;
        if (first) {
            first = false;
            if (m_options.exit_after_first_frame) {
                glFinish();
                printf("first-frame-realtime-ns %lld\n", RealtimeNs());
                fflush(stdout);
                break;
            }
            FinishLoadingPacks();
        }
        if (screenshot_countdown == 0) break;
        if (screenshot_countdown > 0) --screenshot_countdown;
        if (m_script && m_script->Finished()) break;
    }

    int code = 0;
    if (m_script) {
        code = m_script->ExitCode();
        if (code != 0) fprintf(stderr, "stageboost: script failed: %s\n", m_script->Message().c_str());
        else printf("stageboost: script %s passed\n", m_options.script.c_str());
    }
    if (!m_error.empty()) code = code ? code : 1;
    if (m_options.print_frame_stats)
        printf("frames-drawn %llu frames-skipped %llu\n", static_cast<unsigned long long>(m_skipper.drawn),
               static_cast<unsigned long long>(m_skipper.skipped));
    Shutdown();
    SDL_Quit();
    return code;
}

} // namespace sb
