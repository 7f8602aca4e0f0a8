#include "script/script.h"

#include <SDL.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cctype>

#include <fstream>
#include <sstream>

namespace sb {

namespace {

constexpr int kSettleFrames = 3; // ImGui 1.86's SDL backend needs 2-3 frames after input
constexpr int kFindFrames = 20;  // frames to wait for a widget to appear before failing
constexpr int kWaitStepMs = 250;
constexpr int kMaxRepeats = 60; // click-until gives up after this many presses     // virtual time advances
                                // in steps, so countdowns see each second

const char* const kVerbs[] = {
    "click",         "tap",         "key",           "type",         "move",           "wait",
    "sleep",         "screenshot",  "expect-screen", "expect-text",  "expect-no-text", "expect",
    "expect-glyphs", "click-until", "hold",          "audit-layout", "audit-contrast", "quit",
    "expect-whole"};

bool SplitArgs(const std::string& line, std::vector<std::string>& out, std::string& error) {
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i >= line.size() || line[i] == '#') break;
        std::string word;
        if (line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '\\' && i + 1 < line.size()) {
                    word += line[i + 1];
                    i += 2;
                } else if (line[i] == '"') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    word += line[i++];
                }
            }
            if (!closed) {
                error = "a quote is opened but not closed";
                return false;
            }
        } else {
            while (i < line.size() && line[i] != ' ' && line[i] != '\t')
                word += line[i++];
        }
        out.push_back(word);
    }
    return true;
}

std::string Join(const std::vector<std::string>& v, size_t from) {
    std::string s;
    for (size_t i = from; i < v.size(); ++i)
        s += (i > from ? " " : "") + v[i];
    return s;
}

// "Ctrl+Alt+T" -> "T"; modifiers are read separately.
std::string KeyPart(const std::string& name) {
    const size_t plus = name.rfind('+');
    return plus == std::string::npos || plus + 1 == name.size() ? name : name.substr(plus + 1);
}

bool HasModifier(const std::string& name, const char* mod) {
    return name.find(std::string(mod) + "+") != std::string::npos;
}

} // namespace

int ScancodeForName(const std::string& name) {
    static const struct {
        const char* name;
        int code;
    } named[] = {{"Return", SDL_SCANCODE_RETURN},     {"Enter", SDL_SCANCODE_RETURN},
                 {"Escape", SDL_SCANCODE_ESCAPE},     {"Tab", SDL_SCANCODE_TAB},
                 {"Space", SDL_SCANCODE_SPACE},       {"Left", SDL_SCANCODE_LEFT},
                 {"Right", SDL_SCANCODE_RIGHT},       {"Up", SDL_SCANCODE_UP},
                 {"Down", SDL_SCANCODE_DOWN},         {"PageUp", SDL_SCANCODE_PAGEUP},
                 {"PageDown", SDL_SCANCODE_PAGEDOWN}, {"Backspace", SDL_SCANCODE_BACKSPACE},
                 {"Home", SDL_SCANCODE_HOME},         {"End", SDL_SCANCODE_END}};
    for (const auto& n : named)
        if (name == n.name) return n.code;
    if (name.size() == 1 && name[0] >= '1' && name[0] <= '9') return SDL_SCANCODE_1 + (name[0] - '1');
    if (name == "0") return SDL_SCANCODE_0;
    if (name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0])))
        return SDL_SCANCODE_A + (std::toupper(static_cast<unsigned char>(name[0])) - 'A');
    if (name.size() >= 2 && name[0] == 'F') {
        const int n = std::atoi(name.c_str() + 1);
        if (n >= 1 && n <= 12) return SDL_SCANCODE_F1 + n - 1;
    }
    return -1;
}

bool ParseScript(const std::string& text, const std::string& file, std::vector<ScriptStep>& steps,
                 std::string& error) {
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> words;
        std::string why;
        if (!SplitArgs(line, words, why)) {
            error = file + ":" + std::to_string(number) + ": " + why;
            return false;
        }
        if (words.empty()) continue;
        ScriptStep step{number, words[0], {words.begin() + 1, words.end()}};
        bool known = false;
        for (const char* v : kVerbs)
            known = known || step.verb == v;
        auto fail = [&](const std::string& msg) {
            error = file + ":" + std::to_string(number) + ": " + msg;
            return false;
        };
        if (!known) return fail("unknown step '" + step.verb + "' (see kiosk/script/script.h for the list)");
        const bool needs_arg =
            step.verb != "quit" && step.verb != "audit-layout" && step.verb != "audit-contrast";
        if (needs_arg && step.args.empty()) return fail("'" + step.verb + "' needs an argument");
        if (step.verb == "key" && ScancodeForName(KeyPart(step.args[0])) < 0)
            return fail("unknown key '" + step.args[0] + "'");
        if ((step.verb == "wait" || step.verb == "sleep") &&
            (step.args[0].find_first_not_of("0123456789") != std::string::npos))
            return fail("'wait' takes milliseconds, for example: wait 500");
        if (step.verb == "expect" && step.args.size() < 2) return fail("'expect' needs a key and a value");
        if (step.verb == "hold" && step.args.size() < 3)
            return fail("'hold' needs X, Y and milliseconds, e.g. hold 10 10 3500");
        if (step.verb == "click-until" && step.args.size() < 3)
            return fail("'click-until' needs a key, a value and a widget, e.g. click-until roleplay.step "
                        "decision next");
        steps.push_back(std::move(step));
    }
    return true;
}

bool ScriptRunner::Load(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "Cannot read the script " + path;
        return false;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    m_file = path;
    return ParseScript(buffer.str(), path, m_steps, error);
}

void ScriptRunner::Fail(const ScriptStep& step, const std::string& message) {
    m_message = m_file + ":" + std::to_string(step.line) + ": " + message;
    m_exit_code = 1;
    m_finished = true;
}

void ScriptRunner::Press(ScriptFrameInput& in) {
    in.mouse_down = true;
    // A person is never faster than a newly shown button's guard against double taps.
    in.advance_ms = static_cast<int>(kNewButtonGuardMs) + 20;
}

void ScriptRunner::Lift() {
    // A finger lifts off the glass: nothing stays hovered after a tap (scripts play a touch screen).
    m_mouse = ImVec2(-1e6f, -1e6f);
}

bool ScriptRunner::Audit(const ScriptStep& step, const FrameRecord& last) {
    const std::vector<std::string> findings = AuditLayout(last, m_audit_rules);
    if (findings.empty()) return true;
    std::string msg = "audit-layout on screen '" + last.screen + "': " + std::to_string(findings.size()) +
                      (findings.size() == 1 ? " finding" : " findings");
    for (size_t i = 0; i < findings.size() && i < 12; ++i)
        msg += "\n    " + findings[i];
    Fail(step, msg);
    return false;
}

void ScriptRunner::ReportContrast(const std::string& screen, const std::vector<std::string>& findings) {
    if (findings.empty() || m_finished) return;
    std::string msg = "audit-contrast on screen '" + screen + "': " + std::to_string(findings.size()) +
                      (findings.size() == 1 ? " finding" : " findings");
    for (size_t i = 0; i < findings.size() && i < 12; ++i)
        msg += "\n    " + findings[i];
    ScriptStep step;
    step.line = m_contrast_line;
    Fail(step, msg);
}

void ScriptRunner::Advance() {
    ++m_index;
    m_phase = 0;
    m_wait_frames = 0;
    m_scrolls = 0;
}

ScriptFrameInput ScriptRunner::Next(const FrameRecord& last, ImFont* font) {
    ScriptFrameInput in;
    in.set_mouse = true;
    in.mouse_pos = m_mouse;
    if (m_finished) return in;
    if (m_wait_frames > 0) { // let the app settle after input
        --m_wait_frames;
        return in;
    }
    if (m_index >= m_steps.size()) {
        m_finished = true;
        return in;
    }
    const ScriptStep& step = m_steps[m_index];
    // --audit-layout: the screen as it stands when a step begins must be sound.
    if (m_audit_every_step && m_audited_step != m_index && m_phase == 0) {
        m_audited_step = m_index;
        if (!Audit(step, last)) return in;
    }
    const std::string arg = step.args.empty() ? "" : step.args[0];
    const std::string rest = Join(step.args, 0);
    const std::string& v = step.verb;

    if (v == "click-until") {
        // Press a widget again and again, as a reader taps "Continue", until the screen reports KEY = VALUE.
        const std::string want = step.args[1];
        auto it = last.probes.find(arg);
        const std::string got = arg == "screen" ? last.screen : (it == last.probes.end() ? "" : it->second);
        if (got == want) {
            Advance();
            return in;
        }
        if (m_phase >= 2000 + kMaxRepeats * 4) {
            Fail(step, "pressed '" + step.args[2] + "' " + std::to_string(kMaxRepeats) + " times but " + arg +
                           " is still '" + got + "', not '" + want + "'");
            return in;
        }
        const WidgetRecord* w = last.Find(step.args[2]);
        if (!w || !w->enabled) {
            Fail(step, "no widget '" + step.args[2] + "' to press on screen '" + last.screen + "' (" + arg +
                           " is '" + got + "')");
            return in;
        }
        if (!w->Visible() && m_phase % 4 == 0) {
            // Out of view in a scroll area: scroll towards it first, as a person would.
            if (++m_scrolls > kMaxRepeats) {
                Fail(step, "'" + step.args[2] + "' stays out of view after scrolling");
                return in;
            }
            m_mouse = ImVec2((w->clip_min.x + w->clip_max.x) * 0.5f, (w->clip_min.y + w->clip_max.y) * 0.5f);
            in.mouse_pos = m_mouse;
            in.wheel = (w->min.y + w->max.y) * 0.5f > w->clip_max.y ? -1.0f : 1.0f;
            m_wait_frames = 1;
            return in;
        }
        m_scrolls = 0;
        if (m_phase < 2000) m_phase = 2000;
        m_mouse = ImVec2((w->min.x + w->max.x) * 0.5f, (w->min.y + w->max.y) * 0.5f);
        in.mouse_pos = m_mouse;
        ++m_phase;
        if (m_phase % 4 == 2) Press(in);
        if (m_phase % 4 == 3) {
            m_wait_frames = kSettleFrames;
            Lift();
        }
        return in;
    }
    if ((v == "click" || v == "tap") && m_phase >= 1000) {
        // The press has begun: finish it where it started, even if the widget went away (a tap may close it).
        in.mouse_pos = m_mouse;
        ++m_phase;
        if (m_phase == 1001) Press(in);
        if (m_phase >= 1002) {
            Advance();
            m_wait_frames = kSettleFrames;
            Lift();
        }
        return in;
    }
    if (v == "click" || v == "tap" || v == "move") {
        const WidgetRecord* w = last.Find(rest);
        if (!w || !w->enabled) {
            if (++m_phase > kFindFrames) {
                std::string seen;
                for (const auto& x : last.widgets)
                    seen += (seen.empty() ? "" : ", ") + x.id;
                Fail(step, (w ? "'" + rest + "' is disabled" : "no widget '" + rest + "'") + " on screen '" +
                               last.screen + "'. Widgets there: " + (seen.empty() ? "none" : seen));
            }
            return in;
        }
        if (!w->Visible() && m_phase < 1000) {
            // Off screen in a scroll area: scroll towards it, as a person would.
            if (++m_scrolls > kMaxRepeats) {
                Fail(step, "'" + rest + "' stays out of view after scrolling");
                return in;
            }
            m_mouse = ImVec2((w->clip_min.x + w->clip_max.x) * 0.5f, (w->clip_min.y + w->clip_max.y) * 0.5f);
            in.mouse_pos = m_mouse;
            in.wheel = (w->min.y + w->max.y) * 0.5f > w->clip_max.y ? -1.0f : 1.0f;
            m_wait_frames = 1;
            return in;
        }
        m_scrolls = 0;
        m_mouse = ImVec2((w->min.x + w->max.x) * 0.5f, (w->min.y + w->max.y) * 0.5f);
        in.mouse_pos = m_mouse;
        // Hover first, then press, then release: the order a finger or mouse produces.
        if (v == "move") {
            Advance();
            m_wait_frames = kSettleFrames;
            return in;
        }
        m_phase = m_phase < 1000 ? 1000 : m_phase + 1;
        if (m_phase == 1001) Press(in);
        if (m_phase >= 1002) {
            Advance();
            m_wait_frames = kSettleFrames;
            Lift();
        }
        return in;
    }
    if (v == "key") {
        in.key = ScancodeForName(KeyPart(arg));
        in.ctrl = HasModifier(arg, "Ctrl");
        in.alt = HasModifier(arg, "Alt");
        in.shift = HasModifier(arg, "Shift");
        in.advance_ms = static_cast<int>(kNewButtonGuardMs) + 20; // keys come at a person's pace too
        Advance();
        m_wait_frames = kSettleFrames;
        return in;
    }
    if (v == "type") {
        in.text = rest;
        Advance();
        m_wait_frames = kSettleFrames;
        return in;
    }
    if (v == "wait") {
        if (m_phase == 0) {
            m_remaining_ms = std::atoi(arg.c_str());
            m_phase = 1;
        }
        const int step_ms = std::min(m_remaining_ms, kWaitStepMs);
        in.advance_ms = step_ms;
        m_remaining_ms -= step_ms;
        if (m_remaining_ms <= 0) {
            Advance();
            m_wait_frames = 1;
        }
        return in;
    }
    if (v == "hold") {
        // A finger held down: virtual time passes while the press lasts.
        if (m_phase == 0) {
            m_hold_left = std::atoi(step.args[2].c_str());
            m_phase = 1;
        }
        m_mouse = ImVec2(static_cast<float>(std::atof(step.args[0].c_str())),
                         static_cast<float>(std::atof(step.args[1].c_str())));
        in.mouse_pos = m_mouse;
        if (m_hold_left > 0) {
            in.mouse_down = true;
            in.advance_ms = std::min(m_hold_left, kWaitStepMs);
            m_hold_left -= in.advance_ms;
            return in;
        }
        Advance();
        m_wait_frames = kSettleFrames;
        return in;
    }
    if (v == "sleep") { // real time, for tests where something outside the kiosk happens meanwhile
        SDL_Delay(static_cast<Uint32>(std::atoi(arg.c_str())));
        Advance();
        m_wait_frames = 1;
        return in;
    }
    if (v == "screenshot") {
        in.screenshot_path = rest;
        Advance();
        return in;
    }
    if (v == "expect-screen") {
        if (last.screen != arg)
            Fail(step, "expected screen '" + arg + "' but '" + last.screen + "' is showing");
        Advance();
        return in;
    }
    if (v == "expect-text" || v == "expect-no-text") {
        const bool shows = last.ShowsText(rest);
        if (v == "expect-text" && !shows) Fail(step, "'" + rest + "' is not on screen '" + last.screen + "'");
        if (v == "expect-no-text" && shows)
            Fail(step, "'" + rest + "' is on screen '" + last.screen + "' but should not be");
        Advance();
        return in;
    }
    if (v == "expect") {
        // `expect var NAME VALUE` reads a role-play variable (the screen reports it as var.NAME).
        const bool var = arg == "var" && step.args.size() >= 3;
        const std::string key = var ? "var." + step.args[1] : arg;
        const std::string want = Join(step.args, var ? 2 : 1);
        auto it = last.probes.find(key);
        const std::string got = it == last.probes.end() ? "(nothing)" : it->second;
        if (got != want) Fail(step, "expected " + key + " = '" + want + "' but it is '" + got + "'");
        Advance();
        return in;
    }
    if (v == "expect-whole") {
        // The whole control can be seen and pressed: not cut by its scroll area or the screen edge.
        const WidgetRecord* w = last.Find(arg);
        const float slack = 1.5f;
        if (!w)
            Fail(step, "no widget '" + arg + "' on screen '" + last.screen + "'");
        else if (w->min.x < std::max(w->clip_min.x, 0.0f) - slack ||
                 w->min.y < std::max(w->clip_min.y, 0.0f) - slack ||
                 w->max.x > std::min(w->clip_max.x, last.viewport.x) + slack ||
                 w->max.y > std::min(w->clip_max.y, last.viewport.y) + slack)
            Fail(step, "'" + arg + "' is cut off: it spans " + std::to_string(int(w->min.y)) + "-" +
                           std::to_string(int(w->max.y)) + " px, its area shows " +
                           std::to_string(int(std::max(w->clip_min.y, 0.0f))) + "-" +
                           std::to_string(int(std::min(w->clip_max.y, last.viewport.y))));
        Advance();
        return in;
    }
    if (v == "expect-glyphs") {
        const char* s = rest.c_str();
        const char* end = s + rest.size();
        while (s < end) {
            unsigned int c = 0;
            s += ImTextCharFromUtf8(&c, s, end);
            if (c >= 0x20 && font && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
                char hex[16];
                snprintf(hex, sizeof hex, "U+%04X", c);
                Fail(step, std::string("the font has no glyph for ") + hex);
                return in;
            }
        }
        Advance();
        return in;
    }
    if (v == "audit-layout") {
        if (Audit(step, last)) Advance();
        return in;
    }
    if (v == "audit-contrast") {
        // The app measures the pixels of the frame it draws now and reports back (ReportContrast).
        in.contrast_check = true;
        m_contrast_line = step.line;
        Advance();
        return in;
    }
    if (v == "quit") {
        m_finished = true;
        return in;
    }
    Fail(step, "unknown step");
    return in;
}

} // namespace sb
