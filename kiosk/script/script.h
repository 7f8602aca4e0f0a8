#pragma once
// Scripted input: drives the real kiosk from a small text file, for headless tests and demos.
//
// One step per line; `#` starts a comment; arguments may be "quoted".
//   click ID_OR_LABEL        press a widget by its stable id (or its visible label)
//   key NAME                 press a key: Return, Escape, Tab, Space, Left, Right, Up, Down,
//                            PageUp, PageDown, Backspace, 1..9, A..Z, F1..F12; with modifiers
//                            as Ctrl+Alt+T or Shift+Tab
//   hold X Y MS              press and hold the screen at X,Y for MS milliseconds, then let go
//   type TEXT                type text (UTF-8)
//   move ID_OR_LABEL         hover a widget without pressing it
//   click-until KEY VALUE ID press the widget repeatedly until the screen reports KEY = VALUE
//                            (KEY "screen" means the screen's name), e.g. click-until roleplay.step decision
//                            next
//   wait MS                  let MS milliseconds of (virtual) time pass
//   sleep MS                 wait MS milliseconds of real time (when something outside changes)
//   screenshot FILE.png      save what is on screen
//   expect-screen NAME       fail unless this screen is showing
//   expect-text TEXT         fail unless TEXT is visible (any part of a label or text)
//   expect-no-text TEXT      fail if TEXT is visible
//   expect KEY VALUE         fail unless the screen reports KEY = VALUE (see probes in the screens)
//   expect-whole ID          fail unless the whole widget is in view (not cut by its scroll area or the
//   screen) expect-glyphs TEXT       fail unless the font has a glyph for every character of TEXT
//   audit-contrast           fail when text on screen is under 4.5:1 or a control's edge under 3:1, measured
//                            from the pixels drawn (see ui/contrast_audit.h)
//   audit-layout             fail when the screen's layout is broken (see ui/layout_audit.h): overlapping or
//                            cut-off text, a control too small to press or out of view with no cue,
//                            a caption not centred on its control (`--audit-layout` does it before every
//                            step)
//   quit                     end the script and exit 0
#include "ui/layout_audit.h"
#include "ui/widgets.h"

#include <string>
#include <vector>

namespace sb {

struct ScriptStep {
    int line = 0;
    std::string verb;
    std::vector<std::string> args;
};

// Parses a script. Returns false with "file:line: message" on the first bad line.
bool ParseScript(const std::string& text, const std::string& file, std::vector<ScriptStep>& steps,
                 std::string& error);

// What the runner asks of the app for one frame.
struct ScriptFrameInput {
    bool set_mouse = false;
    ImVec2 mouse_pos{-1e6f, -1e6f};
    bool mouse_down = false;
    int key = -1; // SDL scancode held this frame
    bool ctrl = false, alt = false, shift = false;
    float wheel = 0; // mouse wheel notches (negative scrolls down)
    std::string text;
    int advance_ms = 0;          // virtual time to add before this frame
    std::string screenshot_path; // save this frame
    bool contrast_check = false; // measure this frame's contrast (audit-contrast) and ReportContrast
};

class ScriptRunner {
  public:
    bool Load(const std::string& path, std::string& error);
    // Called once per frame with what the previous frame showed.
    ScriptFrameInput Next(const FrameRecord& last, ImFont* font);
    bool Finished() const { return m_finished; }
    // Audit the layout before every step (--audit-layout), with the rules for the current screen size.
    void SetAuditEveryStep(bool on) { m_audit_every_step = on; }
    void SetAuditRules(const AuditRules& rules) { m_audit_rules = rules; }
    // The app's measurement for an audit-contrast step: fails the script when there are findings.
    void ReportContrast(const std::string& screen, const std::vector<std::string>& findings);
    int ExitCode() const { return m_exit_code; }
    const std::string& Message() const { return m_message; }

  private:
    void Fail(const ScriptStep& step, const std::string& message);
    // Fails the step when the last frame's layout has findings. Returns false then.
    bool Audit(const ScriptStep& step, const FrameRecord& last);
    void Advance();
    void Press(ScriptFrameInput& in);
    void Lift();

    std::string m_file;
    std::vector<ScriptStep> m_steps;
    int m_contrast_line = 0;
    size_t m_index = 0;
    int m_phase = 0;
    int m_wait_frames = 3; // let the first frames lay out before the first step
    int m_remaining_ms = 0;
    int m_scrolls = 0;
    int m_hold_left = 0;
    ImVec2 m_mouse{-1e6f, -1e6f};
    bool m_finished = false;
    bool m_audit_every_step = false;
    size_t m_audited_step = SIZE_MAX;
    AuditRules m_audit_rules;
    int m_exit_code = 0;
    std::string m_message;
};

// SDL scancode for a key name, or -1.
int ScancodeForName(const std::string& name);

} // namespace sb
