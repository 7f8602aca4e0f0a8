#pragma once
// The kiosk's changing state. Screens read it; actions change it between frames.
#include "config/config.h"
#include "config/pin.h"
#include "confidence/run.h"
#include "log/log_store.h"
#include "pack/library.h"
#include "quiz/session.h"
#include "roleplay/session.h"
#include "router.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sb {

struct Model {
    Router router;
    std::string lang = "nl";
    std::vector<std::string> languages{"nl", "en"};
    PackLibrary packs;
    // The module on screen, by ids, so a live reload keeps the student where they were.
    std::string pack_id;
    std::string module_id;

    bool classroom = false; // workshop mode: a trainer presents, the class discusses each decision

    // ---- the kiosk
    KioskConfig config;
    std::string config_path;
    bool locked = true; // kiosk mode: closing the window is ignored unless the trainer exits
    bool quit = false;
    bool reset_requested = false; // wipe the student and go back to the attract screen (the app does it)
    int64_t now_ms = 0;           // the clock for this frame (virtual in scripts)
    int64_t last_input_ms = 0;
    std::unique_ptr<LogStore> log;
    LogStatus log_status;

    // ---- the student at the kiosk now; all of it is wiped by the idle reset
    struct Student {
        std::string session_id; // 128 random bits; lives only as long as this student's session
        bool pre_done = false;
        bool post_done = false;
        std::vector<std::string> module_pre; // modules whose own check was answered before
    } student;
    std::unique_ptr<ConfidenceRun> check;
    ScreenId after_check = ScreenId::Home;

    // ---- accessibility, applied by the app when they change
    float text_scale = 1.0f;
    bool high_contrast = false;
    bool dyslexia_font = false;

    // ---- trainer
    PinGuard pin_guard;
    std::string pin_entry;
    std::string trainer_message;
    std::string results_period = "today"; // today, week or all

    // The trainer hides a module as "pack/module", or a whole pack as "pack/*".
    bool ModuleHidden(const std::string& pack, const std::string& module) const {
        for (const auto& h : config.hidden_modules)
            if (h == pack + "/" + module || h == pack + "/*") return true;
        return false;
    }
    bool PackHidden(const std::string& pack) const { return ModuleHidden(pack, "*"); }
    std::unique_ptr<RoleplaySession> roleplay;
    std::unique_ptr<QuizSession> quiz;
    int lesson_page = 0;
    uint64_t quiz_seed = 1; // injected: fixed in tests, random per student otherwise

    // View state of the role-play screen (not the student's answers: those live in the session).
    struct RoleplayView {
        std::vector<int> tally; // classroom: hands per option at this decision
        int focus = 0;          // classroom: the option the remote's arrows act on
        size_t seen_lines = 0;  // scroll to the newest line when this grows
    } roleplay_view;

    const Pack* CurrentPack() const { return packs.FindPack(pack_id); }
    const Module* CurrentModule() const {
        const Pack* p = CurrentPack();
        return p ? p->FindModule(module_id) : nullptr;
    }
};

// Screens turn input into actions; the app applies them after the frame is drawn.
class Actions {
  public:
    void Push(std::function<void(Model&)> action) { m_list.push_back(std::move(action)); }
    void Go(ScreenId id) {
        Push([id](Model& m) { m.router.Push(id); });
    }
    void Back() {
        Push([](Model& m) { m.router.Back(); });
    }
    void ApplyTo(Model& model) {
        auto list = std::move(m_list);
        m_list.clear();
        for (auto& a : list)
            a(model);
    }
    bool Empty() const { return m_list.empty(); }

  private:
    std::vector<std::function<void(Model&)>> m_list;
};

} // namespace sb
