// [SECTION] constants and helpers
// [SECTION] start-up: config, log, packs, window, ImGui
// [SECTION] the student's session: idle reset, trainer gesture
// [SECTION] one frame
// [SECTION] the loop
#include "app.h"

#include "pack/pack_import.h"
#include "platform/screenshot.h"
#include "ui/contrast_audit.h"
#include "platform/signals.h"
#include "screens/screen_table.h"
#include "system/paths.h"

#include <SDL.h>
#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <imgui_internal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>

namespace sb {

// ============================================================ [SECTION] constants and helpers
namespace {

// The fonts for a student's choices (letter, size) and where the screen is read, for a window this size.
bool BuildStudentFonts(ImFontAtlas& atlas, FontSet& fonts, const Accessibility& access, bool workshop,
                       int width, int height, std::string& error) {
    return BuildFonts(atlas, fonts, access.dyslexia_font ? FontFace::Dyslexic : FontFace::Regular, width,
                      height, access.text_scale, workshop ? Viewing::Workshop : Viewing::WalkUp, error);
}

// ImGui 1.86's SDL backend holds a press for one frame and reads the mouse each frame:
// after any input, build this many frames so its state settles.
constexpr int kFramesAfterInput = 3;
constexpr int kIdleWaitMs = 60 * 1000;
constexpr int kWatchPollMs = 400; // --watch: an edit shows within a second
constexpr int kGestureMs = 3000;  // hold the top-left corner this long for the trainer PIN

long long RealtimeNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool IsInput(const SDL_Event& e) {
    switch (e.type) {
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL:
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        return true;
    default:
        return false;
    }
}

} // namespace

App::App(AppOptions options) : m_options(std::move(options)) {}

App::~App() {
    Shutdown();
}

int64_t App::NowMs() const {
    if (m_script) return m_virtual_ms;
    return static_cast<int64_t>(SDL_GetTicks64());
}

std::chrono::system_clock::time_point App::KioskClock::WallNow() const {
    if (m_app.m_script) return m_start + std::chrono::milliseconds(m_app.m_virtual_ms);
    return std::chrono::system_clock::now();
}

// ============================================================ [SECTION] start-up: config, log, packs,
// window, ImGui

void App::OpenLog() {
    std::string dir = !m_options.log_dir.empty() ? m_options.log_dir : m_state.config.log_dir;
    if (dir.empty()) dir = DefaultStateDir();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    m_state.log = std::make_unique<LogStore>();
    m_state.log_status = m_state.log->Open(dir + "/confidence.sqlite");
    // A read-only folder or full disk is shown on the trainer screen; the kiosk plays on.
    if (!m_state.log_status.Ok()) fprintf(stderr, "stageboost: %s\n", m_state.log_status.MessageEn().c_str());
}

bool App::Init(std::string& error) {
    if (!m_options.script.empty()) {
        m_script = std::make_unique<ScriptRunner>();
        if (!m_script->Load(m_options.script, error)) return false;
        m_script->SetAuditEveryStep(m_options.audit_layout);
    }
    // The config: a missing file gives defaults; a broken one is reported, with the defaults kept.
    Diagnostics config_diags;
    m_state.config_path = m_options.config_path;
    LoadConfig(m_options.config_path, m_state.config, config_diags);
    for (const Diagnostic& d : config_diags.List())
        fprintf(stderr, "%s\n", FormatDiagnostic(d, "en").c_str());
    KioskConfig& config = m_state.config;
    // What every student starts with: the config, where the command line does not say otherwise.
    StudentDefaults& defaults = m_state.defaults;
    defaults.lang = !m_options.lang.empty() ? m_options.lang : NameOf(config.language);
    defaults.access.text_scale =
        m_options.text_scale > 0 ? m_options.text_scale : TextScale(config.text_size);
    defaults.access.high_contrast = m_options.theme.value_or(config.theme) == Theme::HighContrast;
    defaults.access.dyslexia_font =
        m_options.dyslexia_font >= 0 ? m_options.dyslexia_font == 1 : config.dyslexia_font;
    m_state.student = StudentSession::Fresh(defaults);
    m_state.workshop = m_options.mode.value_or(config.mode) == KioskMode::Workshop;
    ParseAudience(NameOf(config.audience), m_state.workshop_audience); // the trainer's last choice
    m_state.locked = !m_options.window.windowed; // a fullscreen kiosk ignores window-close
    m_state.reduced_motion = m_options.reduced_motion;
    m_state.author_mode = m_options.watch;
    m_state.seed = m_options.seed ? m_options.seed : std::random_device{}();
    // Phones in the room: the server's threads wake the loop with an event of our own (SDL_PushEvent is
    // thread-safe), so the kiosk stays event-driven while answers come in.
    m_room_event = SDL_RegisterEvents(1);
    m_state.content_dir = m_options.content_dir;
    m_state.packs_dir = m_options.packs_dir;
    if (!m_options.media_dirs.empty()) m_state.stick_roots = m_options.media_dirs;
    m_state.phones.port = m_options.phones_port;
    m_state.phones.code = m_options.room_code;
    m_state.phones.asset_dir = m_options.assets_dir;
    if (m_room_event != static_cast<uint32_t>(-1))
        m_state.phones.wake = [type = m_room_event] {
            SDL_Event e{};
            e.type = type;
            SDL_PushEvent(&e);
        };

    // Reading the packs does not need the window: do it on a second core while SDL loads GL.
    std::vector<std::string> extra = ListPackDirs(m_options.packs_dir); // imported from USB sticks
    extra.insert(extra.end(), config.pack_dirs.begin(), config.pack_dirs.end());
    extra.insert(extra.end(), m_options.pack_dirs.begin(), m_options.pack_dirs.end());
    m_loading = std::async(std::launch::async, [content = m_options.content_dir, extra] {
        PackLibrary library;
        library.Load(content, extra);
        return library;
    });
    WatchQuitSignals(); // SIGTERM/SIGINT end the kiosk cleanly; SDL_QUIT (Alt+F4) stays ignored when locked
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error = std::string("Could not start SDL (is a display available? Set DISPLAY or use xvfb-run): ") +
                SDL_GetError();
        return false;
    }
    int planned_w = 0, planned_h = 0;
    Window::PlannedSize(m_options.window, planned_w, planned_h);
    // The job gets copies: nothing it reads may change under it.
    const Accessibility access = m_state.student.access;
    const bool workshop = m_state.workshop;
    m_font_job = std::async(std::launch::async, [access, workshop, planned_w, planned_h] {
        FontJob job;
        job.atlas = std::make_shared<ImFontAtlas>();
        job.width = planned_w;
        job.height = planned_h;
        job.ok = BuildStudentFonts(*job.atlas, job.fonts, access, workshop, planned_w, planned_h, job.error);
        return job;
    });
    if (!m_window.Create(m_options.window, error)) {
        m_font_job.wait();
        return false;
    }
    // Test hooks for partial redraws (tests/gui_redraw_test.sh): check every partial frame against a full
    // one; make the damage too small on purpose, so the check is seen to fail.
    if (const char* v = std::getenv("STAGEBOOST_REDRAW_CHECK")) m_redraw_check = std::strcmp(v, "1") == 0;
    if (const char* v = std::getenv("STAGEBOOST_DAMAGE_SHRINK")) m_damage_shrink = std::max(0, std::atoi(v));
    m_window.Size(m_width, m_height);
    m_ui.textures = &m_textures;
    return InitImGui(error);
}

bool App::InitImGui(std::string& error) {
    IMGUI_CHECKVERSION();
    if (!m_atlas) {
        FontJob job = m_font_job.get();
        if (!job.ok) {
            error = job.error;
            return false;
        }
        m_atlas = std::move(job.atlas);
        m_ui.fonts = job.fonts;
        // The window came out another size than planned (a window manager's say): build for the real one.
        if ((job.width != m_width || job.height != m_height) &&
            !BuildStudentFonts(*m_atlas, m_ui.fonts, m_state.student.access, m_state.workshop, m_width,
                               m_height, error))
            return false;
        // What the atlas was built for; a later context (after a student wipe) keeps it, and
        // ApplyAccessibility rebuilds it when the next student's choices differ.
        m_applied_scale = m_state.student.access.text_scale;
        m_applied_contrast = m_state.student.access.high_contrast;
        m_applied_dyslexia = m_state.student.access.dyslexia_font;
        m_applied_workshop = m_state.workshop;
    }
    ImGui::CreateContext(m_atlas.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk writes no imgui.ini into its working folder
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(m_window.Handle(), m_window.GlContext());
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_imgui_ready = true;
    m_ui.colors =
        &GetThemeColors(m_state.student.access.high_contrast ? ThemeId::HighContrast : ThemeId::Calm);
    m_ui.lang = m_state.student.lang;
    io.FontDefault = m_ui.fonts.Get(FontRole::Body);
    m_ui.unit = m_ui.fonts.body_px;
    ui::ApplyStyle(m_ui);
    InvalidateScreen();
    return true;
}

void App::ShutdownImGui() {
    if (!m_imgui_ready) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    m_imgui_ready = false;
}

void App::Shutdown() {
    if (m_imgui_ready) m_textures.Clear();
    ShutdownImGui();
    if (m_font_job.valid()) m_font_job.wait(); // a failed start leaves it running
    m_atlas.reset();
}

void App::FinishLoadingPacks() {
    if (!m_loading.valid()) return;
    m_state.packs = m_loading.get();
    m_state.languages = m_state.packs.Languages();
    for (const LoadedPack& p : m_state.packs.Packs())
        if (!p.result.pack)
            fprintf(
                stderr,
                "stageboost: the pack in %s has errors and is skipped (%zu); see the diagnostics screen.\n",
                p.dir.c_str(), p.result.diagnostics.ErrorCount());
    m_pending_frames = std::max(m_pending_frames, 1);
}

void App::ReloadPacks() {
    if (!m_state.packs.ReloadChanged()) return;
    fprintf(stderr, "stageboost: reloaded a changed pack\n");
    const std::string note = m_flow.OnPacksReloaded();
    if (!note.empty()) fprintf(stderr, "stageboost: %s\n", note.c_str());
    for (const LoadedPack& p : m_state.packs.Packs())
        for (const Diagnostic& d : p.result.diagnostics.List())
            if (d.severity == Severity::Error) fprintf(stderr, "%s\n", FormatDiagnostic(d, "en").c_str());
    m_textures.Clear(); // images may have changed too
    InvalidateScreen();
    m_pending_frames = std::max(m_pending_frames, kFramesAfterInput);
}

void App::RebuildFonts() {
    std::string error;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    if (!BuildStudentFonts(*m_atlas, m_ui.fonts, m_state.student.access, m_state.workshop, m_width, m_height,
                           error))
        fprintf(stderr, "stageboost: %s\n", error.c_str());
    ImGui::GetIO().FontDefault = m_ui.fonts.Get(FontRole::Body);
    ImGui_ImplOpenGL3_CreateFontsTexture();
    m_ui.unit = m_ui.fonts.body_px;
    ui::ApplyStyle(m_ui);
    InvalidateScreen();
}

void App::ApplyAccessibility() {
    const Accessibility& a = m_state.student.access;
    if (m_applied_scale == a.text_scale && m_applied_contrast == a.high_contrast &&
        m_applied_dyslexia == a.dyslexia_font && m_applied_workshop == m_state.workshop)
        return;
    m_applied_scale = a.text_scale;
    m_applied_contrast = a.high_contrast;
    m_applied_dyslexia = a.dyslexia_font;
    m_applied_workshop = m_state.workshop;
    m_ui.colors = &GetThemeColors(a.high_contrast ? ThemeId::HighContrast : ThemeId::Calm);
    RebuildFonts();
}

// ============================================================ [SECTION] the student's session: idle reset,
// trainer gesture

void App::ForgetStudentInImGui() {
    // The flow has wiped the student; ImGui's own memory of them (scroll positions, focus, open popups)
    // goes with a fresh context.
    m_seen_generation = m_state.student_generation;
    std::string error;
    ShutdownImGui();
    if (!InitImGui(error)) fprintf(stderr, "stageboost: %s\n", error.c_str());
    m_pending_frames = kFramesAfterInput;
}

void App::RequestTabFocus(bool backwards) {
    // Tab walks the controls in reading order, the order the screen draws them (ImGui 1.86 moves down a
    // column instead).
    std::vector<const WidgetRecord*> order;
    for (const WidgetRecord& w : m_last_record.widgets)
        if (w.enabled && !w.backdrop) order.push_back(&w);
    if (order.empty()) return;
    const auto focus = m_last_record.probes.find("focus");
    int at = -1;
    for (size_t i = 0; i < order.size(); ++i)
        if (focus != m_last_record.probes.end() && order[i]->id == focus->second) at = static_cast<int>(i);
    const int n = static_cast<int>(order.size());
    const int next = at < 0 ? (backwards ? n - 1 : 0) : (at + (backwards ? n - 1 : 1)) % n;
    m_ui.focus_request = order[next]->id;
}

int64_t App::NextWakeMs() const {
    int64_t wake = -1;
    auto at = [&](int64_t ms) {
        if (ms >= 0 && (wake < 0 || ms < wake)) wake = ms;
    };
    const ScreenId s = m_state.Screen();
    if (s == ScreenId::Start) at(AttractNextChangeMs(m_state.now_ms, m_state.reduced_motion));
    at(m_flow.NextIdleWakeMs());
    if (s == ScreenId::TrainerPin && m_state.pin_guard.Locked(m_state.now_ms))
        at(1000 - m_state.now_ms % 1000);
    if (m_corner_since >= 0) at(std::max<int64_t>(1, kGestureMs - (m_state.now_ms - m_corner_since)));
    return wake;
}

void App::UpdateTrainerGesture() {
    // Hold the top-left corner for 3 s (touch), or press Ctrl+Alt+T (keyboard): then the PIN.
    const ImGuiIO& io = ImGui::GetIO();
    const float corner = std::max(48.0f, m_ui.U(2.5f));
    const bool in_corner = io.MouseDown[0] && io.MousePos.x >= 0 && io.MousePos.x < corner &&
                           io.MousePos.y >= 0 && io.MousePos.y < corner;
    if (!in_corner)
        m_corner_since = -1;
    else if (m_corner_since < 0)
        m_corner_since = m_state.now_ms;
    const bool chord = io.KeyCtrl && io.KeyAlt && ImGui::IsKeyPressed(SDL_SCANCODE_T, false);
    if (chord || (m_corner_since >= 0 && m_state.now_ms - m_corner_since >= kGestureMs)) {
        m_corner_since = -1;
        m_actions.Push(act::OpenTrainer{}); // the flow ignores it where a trainer already is
    }
}

// ============================================================ [SECTION] one frame

void App::HandleEvent(const SDL_Event& event) {
    if (event.type == m_room_event) {
        m_flow.OnRoomWake(); // a new snapshot of the room for the next frames
        return;
    }
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (IsInput(event)) m_state.last_input_ms = NowMs();
    if (event.type == SDL_QUIT && !m_state.locked) m_quit = true; // a kiosk ignores Alt+F4; the trainer exits
    if (event.type == SDL_KEYDOWN &&
        (event.key.keysym.sym == SDLK_TAB || event.key.keysym.sym == SDLK_RETURN)) {
        // Tab moves the focus ring and Return presses, as users expect (ImGui 1.86 maps neither).
        ImGuiIO& io = ImGui::GetIO();
        GImGui->NavDisableHighlight = false; // show the ring, and let this very press count
        if (event.key.keysym.sym == SDLK_RETURN && !m_last_record.handles_return)
            io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
        else if (event.key.keysym.sym == SDLK_TAB)
            RequestTabFocus((event.key.keysym.mod & KMOD_SHIFT) != 0);
    }
    // A finger lifting off a touch screen leaves nothing hovered (no "sticky" tint on the last button).
    if (event.type == SDL_MOUSEBUTTONUP && event.button.which == SDL_TOUCH_MOUSEID) m_touch_lifted = true;
    if (event.type == SDL_FINGERDOWN ||
        (event.type == SDL_MOUSEMOTION && event.motion.which != SDL_TOUCH_MOUSEID) ||
        (event.type == SDL_MOUSEBUTTONDOWN && event.button.which == SDL_TOUCH_MOUSEID))
        m_touch_lifted = false;
    if (event.type == SDL_WINDOWEVENT) {
        const auto e = event.window.event;
        if (e == SDL_WINDOWEVENT_EXPOSED || e == SDL_WINDOWEVENT_SHOWN || e == SDL_WINDOWEVENT_RESTORED)
            InvalidateScreen(); // what is on screen may be gone: draw it again
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

bool App::Frame(bool force_draw, const std::string& screenshot_request) {
    std::string screenshot_path = screenshot_request;
    bool contrast_check = false;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (m_touch_lifted && !io.MouseDown[0]) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    if (m_script) {
        // Scripted input replaces the real mouse, so a run is the same on every machine.
        ScriptFrameInput in = m_script->Next(m_last_record, m_ui.Font(FontRole::Body));
        m_virtual_ms += in.advance_ms;
        // A press, a key or a wheel counts as the student being there (a finger on a kiosk always presses).
        if (in.mouse_down || in.key >= 0 || !in.text.empty() || in.wheel != 0)
            m_state.last_input_ms = m_virtual_ms;
        io.MousePos = in.mouse_pos;
        io.MouseDown[0] = in.mouse_down;
        io.MouseWheel = in.wheel;
        for (int k = 0; k < 512; ++k)
            io.KeysDown[k] = (k == in.key);
        io.KeyCtrl = in.ctrl;
        io.KeyAlt = in.alt;
        io.KeyShift = in.shift;
        io.KeySuper = false;
        if (in.key == SDL_SCANCODE_RETURN && !m_last_record.handles_return)
            io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
        if (in.key == SDL_SCANCODE_TAB) RequestTabFocus(in.shift);
        if (!in.text.empty()) io.AddInputCharactersUTF8(in.text.c_str());
        contrast_check = in.contrast_check;
        if (!in.screenshot_path.empty() && !m_options.no_screenshots) {
            screenshot_path = in.screenshot_path;
            if (!m_options.shots_dir.empty() && screenshot_path.front() != '/')
                screenshot_path = m_options.shots_dir + "/" + screenshot_path;
        }
    }
    m_state.now_ms = NowMs();
    // A keyboard user sees the focus ring at once, and their first Return or Space presses the focused
    // button (ImGui 1.86 would spend the first key press on showing the ring).
    static const int kNavKeys[] = {SDL_SCANCODE_RETURN, SDL_SCANCODE_SPACE, SDL_SCANCODE_TAB, SDL_SCANCODE_UP,
                                   SDL_SCANCODE_DOWN};
    for (int k : kNavKeys)
        if (io.KeysDown[k]) GImGui->NavDisableHighlight = false;
    ImGui::NewFrame();
    m_ui.BeginFrame(m_state.now_ms, io.DisplaySize);
    m_ui.lang = m_state.student.lang;
    if (m_script) m_script->SetAuditRules(AuditRules{48.0f, m_ui.Em(FontRole::Small), 1.5f});
    const ScreenId screen = m_state.Screen();
    // ImGui resolves hover on a newly shown window one frame late: its first frame is never the final
    // picture.
    const bool new_screen = screen != m_last_screen;
    m_last_screen = screen;
    // The author banner (--watch only) takes a strip at the top; the screen is laid out below it.
    m_ui.top_inset = m_state.author_mode ? DrawAuthorBanner(m_state, m_ui) : 0.0f;
    DrawScreen(screen, m_state, m_ui, m_actions);
    // A tapped glossary term opens its card; the card is drawn over any screen that has one open.
    if (!m_ui.tapped_term.empty()) m_actions.Push(act::ShowTerm{m_ui.tapped_term});
    if (!m_state.student.open_term.empty()) DrawTermCard(m_state, m_ui, m_actions);
    const int idle_left = m_flow.IdleSecondsLeft();
    if (idle_left > 0) DrawIdlePrompt(m_state, m_ui, m_actions, idle_left);
    UpdateTrainerGesture();
    // Escape is Back everywhere, as on a phone; the first screen stays.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) m_actions.Push(act::Back{});
    ImGui::Render();
    m_last_record = std::move(m_ui.record);
    m_last_record.probes["idle"] = idle_left > 0 ? "prompt" : "no";
    m_last_record.probes["session"] = m_state.student.session_id.empty() ? "none" : "active";
    m_last_record.probes["theme"] = m_ui.colors->name;
    // The body letter's size in px as drawn: the fonts follow each student's own choice.
    m_last_record.probes["font.body"] = std::to_string(static_cast<int>(m_ui.fonts.Em(FontRole::Body)));
    m_last_record.probes["phones"] = m_state.phones.On() ? "on" : "off";
    m_last_record.probes["phones.live"] = m_state.phones.live;
    if (!m_state.author_mode)
        m_last_record.probes["author.banner"] = "off"; // the walk-up kiosk never shows it

    // A frame whose input changed the state shows the state before it: build the next one instead of drawing
    // this.
    const bool acted = !m_actions.Empty();
    if (acted) {
        m_flow.ApplyAll(m_actions.Take());
        m_pending_frames = std::max(m_pending_frames, kFramesAfterInput);
    }
    m_flow.Tick(); // the idle wipe
    if (m_state.student_generation != m_seen_generation) ForgetStudentInImGui();
    if (m_state.quit) m_quit = true;
    ApplyAccessibility();

    ImDrawData* data = ImGui::GetDrawData();
    if (!m_imgui_ready || !data) return false;
    const bool stale = (acted || new_screen) && !force_draw && screenshot_path.empty() && !contrast_check;
    if (stale) {
        ++m_skipper.skipped;
        return false;
    }
    const bool draw = m_skipper.ShouldDraw(data) || force_draw || !screenshot_path.empty() || contrast_check;
    if (!draw) return false;
    // A screenshot or a contrast check reads the back buffer: it gets a whole frame, as it always did.
    const bool full = force_draw || !screenshot_path.empty() || contrast_check;
    const int fb_w = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
    const int fb_h = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
    glViewport(0, 0, fb_w, fb_h);
    Damage damage = m_damage.Compute(data, fb_w, fb_h, m_damage_shrink);
    const Damage own = damage;
    // The back buffer holds the frame `age` presents ago: what changed since then is redrawn.
    const int age = m_window.BackBufferAge();
    if (full || age < 1 || age > static_cast<int>(m_damage_history.size()) + 1) damage.full = true;
    for (int i = 0; i + 1 < age && !damage.full; ++i) {
        const Damage& before = m_damage_history[static_cast<size_t>(i)];
        damage.full = before.full;
        damage.rects.insert(damage.rects.end(), before.rects.begin(), before.rects.end());
    }
    m_damage_history.insert(m_damage_history.begin(), own);
    if (m_damage_history.size() > 3) m_damage_history.pop_back();
    if (age > 1 && !damage.full) damage.full = MergeRects(damage.rects, fb_w, fb_h);
    if (damage.full) damage.rects.clear();
    Draw(data, damage.full, damage.rects);
    m_damage.Commit();
    if (!damage.full && m_redraw_check && !damage.rects.empty()) {
        CheckRedraw(data, damage.rects);
        damage.full = true; // the check drew the whole frame: show all of it
    }
    if (contrast_check && m_script) {
        int fw, fh;
        SDL_GL_GetDrawableSize(m_window.Handle(), &fw, &fh);
        RgbImage image{fw, fh, ReadBackBuffer(fw, fh)};
        // The fades at a scroll area's edges are meant to be faint: what lies under them is not measured.
        m_script->ReportContrast(m_last_record.screen,
                                 AuditContrast(m_last_record, image, ContrastRules{4.5, 3.0, m_ui.U(1.6f)}));
    }
    if (!screenshot_path.empty()) {
        std::string error;
        int fw, fh;
        SDL_GL_GetDrawableSize(m_window.Handle(), &fw, &fh);
        if (!SaveScreenshot(screenshot_path, fw, fh, error)) {
            fprintf(stderr, "stageboost: %s\n", error.c_str());
            m_error = error;
        }
    }
    m_window.Present(damage.rects, damage.full);
    return true;
}

void App::InvalidateScreen() {
    m_skipper.Invalidate();
    m_damage.Invalidate();
}

void App::Draw(ImDrawData* data, bool full, const std::vector<PixelRect>& rects) {
    const Rgb bg = m_ui.colors->background;
    glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
    if (full) {
        glDisable(GL_SCISSOR_TEST);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(data);
        return;
    }
    if (rects.empty()) return;
    ++m_partial_frames;
    const int fb_h = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
    double area = 0;
    glEnable(GL_SCISSOR_TEST);
    for (const PixelRect& r : rects) {
        glScissor(r.x0, fb_h - r.y1, r.x1 - r.x0, r.y1 - r.y0); // GL counts rows from the bottom
        glClear(GL_COLOR_BUFFER_BIT);
        area += r.Area();
    }
    m_partial_area += area / (static_cast<double>(data->DisplaySize.x * data->FramebufferScale.x) * fb_h);
    {
        ClipToDamage clip(data, rects); // ImGui's renderer scissors each command by its clip rect
        ImGui_ImplOpenGL3_RenderDrawData(data);
    }
    glDisable(GL_SCISSOR_TEST);
}

void App::CheckRedraw(ImDrawData* data, const std::vector<PixelRect>& rects) {
    if (rects.empty()) return;
    const int w = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
    const int h = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
    const std::vector<unsigned char> partial = ReadBackBuffer(w, h);
    Draw(data, true, {}); // what is presented is then the full frame either way
    const std::vector<unsigned char> whole = ReadBackBuffer(w, h);
    ++m_checked_frames;
    long bad = 0;
    PixelRect box{w, h, 0, 0};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const size_t i = (static_cast<size_t>(y) * w + x) * 3;
            if (std::abs(partial[i] - whole[i]) + std::abs(partial[i + 1] - whole[i + 1]) +
                    std::abs(partial[i + 2] - whole[i + 2]) <=
                3)
                continue;
            ++bad;
            box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x + 1),
                   std::max(box.y1, y + 1)};
        }
    if (bad == 0) return;
    ++m_stale_frames;
    std::string where;
    for (const PixelRect& r : rects)
        where += " " + std::to_string(r.x1 - r.x0) + "x" + std::to_string(r.y1 - r.y0) + "+" +
                 std::to_string(r.x0) + "+" + std::to_string(r.y0);
    fprintf(stderr,
            "stageboost: redraw check: frame %llu on screen '%s' left %ld stale pixels in %dx%d+%d+%d "
            "(redrawn:%s)\n",
            static_cast<unsigned long long>(m_skipper.drawn), m_last_record.screen.c_str(), bad,
            box.x1 - box.x0, box.y1 - box.y0, box.x0, box.y0, where.c_str());
}

// ============================================================ [SECTION] the loop

int App::Run() {
    std::string error;
    if (!Init(error)) {
        fprintf(stderr, "stageboost: %s\n", error.c_str());
        return 1;
    }
    bool first = true;
    int screenshot_countdown = m_options.screenshot.empty() ? -1 : kFramesAfterInput;
    m_state.last_input_ms = NowMs();
    while (!m_quit) {
        SDL_Event event;
        m_state.now_ms = NowMs();
        if (m_script || m_pending_frames > 0 || screenshot_countdown >= 0) {
            while (SDL_PollEvent(&event))
                HandleEvent(event);
        } else {
            // Sleep until something happens or something on screen changes by itself: idle CPU stays at zero.
            int64_t timeout = NextWakeMs();
            if (timeout < 0 || timeout > kIdleWaitMs) timeout = kIdleWaitMs;
            if (m_options.watch) timeout = std::min<int64_t>(timeout, kWatchPollMs);
            if (SDL_WaitEventTimeout(&event, static_cast<int>(std::max<int64_t>(1, timeout)))) {
                HandleEvent(event);
                while (SDL_PollEvent(&event))
                    HandleEvent(event);
                m_pending_frames = kFramesAfterInput;
            } else {
                // A timer: build one frame (the skipper drops it when nothing visible changed).
                m_pending_frames = 1;
            }
        }
        if (QuitSignal()) break; // systemctl stop, Ctrl+C: answers are flushed and the log closed below
        if (m_options.watch && SDL_GetTicks64() - m_last_watch_ms >= kWatchPollMs) {
            m_last_watch_ms = SDL_GetTicks64();
            ReloadPacks();
        }

        std::string shot;
        if (screenshot_countdown == 0) shot = m_options.screenshot;
        // Packs read while SDL loaded GL are shown in the very first frame; the built-in intro only shows
        // when they are not ready yet.
        if (first && m_loading.valid() &&
            m_loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
            FinishLoadingPacks();
        const bool drawn = Frame(first, shot);
        if (m_pending_frames > 0) --m_pending_frames;
        if (m_options.exit_after_first_frame && first) {
            glFinish();
            printf("first-frame-realtime-ns %lld\n", RealtimeNs());
            fflush(stdout);
        }
        if (m_options.exit_after_first_frame && drawn && !m_loading.valid()) {
            // The first frame drawn with the packs loaded: what the student sees as the kiosk's start.
            glFinish();
            printf("content-frame-realtime-ns %lld\n", RealtimeNs());
            fflush(stdout);
            break;
        }
        if (first) {
            first = false;
            FinishLoadingPacks();
            OpenLog(); // after the first frame: opening SQLite costs start-up time the student would see
        }
        if (screenshot_countdown == 0) break;
        if (screenshot_countdown > 0) --screenshot_countdown;
        if (m_script && m_script->Finished()) break;
    }
    m_flow.StopPhones(); // the live check is logged, the server stops before SDL goes
    if (m_state.log) {
        // A stop asked by the system must end within a second (systemd, a shutdown): every answer is in
        // the -wal already, so the rewrite and the checkpoint wait for the next start.
        if (QuitSignal()) {
            const uint64_t t0 = SDL_GetTicks64();
            m_state.log->Close(LogStore::Closing::Fast);
            // For journalctl: a slow stop shows where its time went.
            fprintf(stderr, "stageboost: stopped by signal %d; the log closed in %llu ms\n", QuitSignal(),
                    static_cast<unsigned long long>(SDL_GetTicks64() - t0));
        } else
            m_state.log->Flush();
    }

    int code = 0;
    if (m_script) {
        code = m_script->ExitCode();
        if (code != 0)
            fprintf(stderr, "stageboost: script failed: %s\n", m_script->Message().c_str());
        else
            printf("stageboost: script %s passed\n", m_options.script.c_str());
    }
    if (!m_error.empty()) code = code ? code : 1;
    if (m_options.print_frame_stats) {
        printf("frames-drawn %llu frames-skipped %llu\n", static_cast<unsigned long long>(m_skipper.drawn),
               static_cast<unsigned long long>(m_skipper.skipped));
        printf("frames-partial %llu redrawn-share %.3f present %s\n",
               static_cast<unsigned long long>(m_partial_frames),
               m_partial_frames ? m_partial_area / static_cast<double>(m_partial_frames) : 0.0,
               m_window.PresentName());
    }
    if (m_redraw_check) {
        printf("redraw-check partial-frames %llu stale-frames %llu\n",
               static_cast<unsigned long long>(m_checked_frames),
               static_cast<unsigned long long>(m_stale_frames));
        if (m_stale_frames > 0) code = code ? code : 1;
    }
    Shutdown();
    StopWatchingQuitSignals();
    SDL_Quit();
    return code;
}

} // namespace sb
