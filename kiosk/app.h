#pragma once
// The app is the runner: it owns the loop, waits for events, builds a frame only when something may have
// changed, and puts it on screen only when it differs from what is already there. It sets up what needs
// the platform (the window, ImGui, fonts, the packs' loading thread, the log) and hands every decision to
// the flow (kiosk/flow), which it feeds with the actions the screens pushed.
#include "flow/flow.h"
#include "platform/fonts.h"
#include "platform/frame_skipper.h"
#include "platform/textures.h"
#include "platform/window.h"
#include "script/script.h"
#include "ui/theme_colors.h"
#include "ui/widgets.h"

#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

union SDL_Event;
struct ImFontAtlas;

namespace sb {

struct AppOptions {
    WindowOptions window;
    std::string screenshot; // render the start screen into this PNG and exit
    std::string script;     // drive the app from this script and exit
    std::string shots_dir;  // where a script's relative screenshot paths go
    std::string lang;       // start language ("" = the config's)
    bool print_frame_stats = false;
    bool exit_after_first_frame = false; // for the start-up benchmark
    bool audit_layout = false;           // --audit-layout: a script checks the layout before every step
    bool no_screenshots = false;         // --no-screenshots: a script's screenshot steps save nothing
    bool reduced_motion = false;         // --reduced-motion: nothing on screen moves by itself but what must
    int dyslexia_font = -1;              // -1 = the config's, 0 = off, 1 = on
    float text_scale = 0;                // 0 = the config's
    std::optional<Theme> theme;          // none = the config's
    std::string content_dir;             // folder of packs (each sub-folder with a pack.json)
    std::vector<std::string> pack_dirs;  // extra packs (--pack)
    std::string packs_dir;               // packs imported from USB sticks, one sub-folder each ("" = none)
    bool watch = false;                  // reload packs when their files change
    std::optional<KioskMode> mode;       // none = the config's
    uint64_t seed = 0;                   // quiz shuffles; 0 means a random seed
    std::string config_path;
    std::string log_dir;                 // "" = the config's, else the default data folder
    int phones_port = 8080;              // the phones' web server (workshop mode, "Telefoons" on)
    std::string room_code;               // a fixed room code (tests); "" = a new random one each workshop
    std::string assets_dir;              // where assets/phone is; "" = looked up (room/assets.h)
    std::vector<std::string> media_dirs; // where USB sticks are mounted (each DIR/*/* a stick); "" = default
};

class App {
  public:
    explicit App(AppOptions options);
    ~App();
    int Run();

  private:
    bool Init(std::string& error);
    bool InitImGui(std::string& error);
    void ShutdownImGui();
    void Shutdown();
    void HandleEvent(const SDL_Event& event);
    // Builds one frame; draws it to the screen only when needed. Returns true when it drew.
    bool Frame(bool force_draw, const std::string& screenshot_path);
    // Draws the frame into the back buffer: the whole, or only within the rectangles (disjoint).
    void Draw(ImDrawData* data, bool full, const std::vector<PixelRect>& rects);
    // STAGEBOOST_REDRAW_CHECK: the partially drawn picture must equal a full redraw, pixel for pixel.
    void CheckRedraw(ImDrawData* data, const std::vector<PixelRect>& rects);
    // What is on screen may be gone (exposed, resized, new fonts or textures): the next frame is drawn whole.
    void InvalidateScreen();
    void RebuildFonts();
    void ApplyAccessibility();
    void ReloadPacks();
    void FinishLoadingPacks();
    void OpenLog();
    // After the flow wiped a student: ImGui's own memory of them (scroll, focus, popups) goes too.
    void ForgetStudentInImGui();
    void UpdateTrainerGesture();
    // Tab and Shift+Tab: the next or previous control in reading order takes the focus.
    void RequestTabFocus(bool backwards);
    // Milliseconds until something on screen changes by itself (a countdown, the attract line), or -1.
    int64_t NextWakeMs() const;
    int64_t NowMs() const;

    // Real time, or the script's virtual time.
    class KioskClock : public Clock {
      public:
        explicit KioskClock(const App& app) : m_app(app) {}
        int64_t SteadyMs() const override { return m_app.NowMs(); }
        std::chrono::system_clock::time_point WallNow() const override;

      private:
        const App& m_app;
        std::chrono::system_clock::time_point m_start = std::chrono::system_clock::now();
    };

    AppOptions m_options;
    Window m_window;
    KioskState m_state;
    KioskClock m_clock{*this};
    Flow m_flow{m_state, m_clock};
    ActionSink m_actions;
    uint64_t m_seen_generation = 0;
    Ui m_ui;
    FrameRecord m_last_record;
    FrameSkipper m_skipper;
    DamageTracker m_damage;
    std::vector<Damage> m_damage_history; // the last frames' damage, newest first (for a buffer age over 1)
    // Partial redraw figures (--frame-stats) and the redraw check's.
    uint64_t m_partial_frames = 0;
    double m_partial_area = 0; // sum of the redrawn share of the screen over partial frames
    bool m_redraw_check = false;
    int m_damage_shrink = 0; // tests only: the damage made this many pixels too small
    uint64_t m_checked_frames = 0, m_stale_frames = 0;
    TextureCache m_textures;
    std::unique_ptr<ScriptRunner> m_script;
    bool m_quit = false;
    bool m_imgui_ready = false;
    int m_width = 0, m_height = 0;
    int64_t m_virtual_ms = 0; // script mode runs on virtual time
    int m_pending_frames = 3;
    uint32_t m_room_event = static_cast<uint32_t>(-1); // the room's wake (SDL_RegisterEvents)
    uint64_t m_last_watch_ms = 0;
    int64_t m_corner_since = -1; // the trainer gesture: when the corner press began
    bool m_touch_lifted = false; // the last touch ended: show no hover until the next one
    ScreenId m_last_screen = ScreenId::Start;
    std::future<PackLibrary> m_loading; // packs load beside window creation, so start-up stays fast
    // The first font atlas is built beside window creation too, for the size the window will have.
    struct FontJob {
        std::shared_ptr<ImFontAtlas> atlas;
        FontSet fonts;
        int width = 0, height = 0;
        bool ok = false;
        std::string error;
    };
    std::future<FontJob> m_font_job;
    // Shared by every ImGui context: a student wipe makes a fresh context but keeps the atlas.
    std::shared_ptr<ImFontAtlas> m_atlas;
    // What the fonts and style were built for.
    float m_applied_scale = 0;
    bool m_applied_contrast = false;
    bool m_applied_dyslexia = false;
    bool m_applied_workshop = false; // a workshop's wall screen gets larger text
    std::string m_error;
};

} // namespace sb
