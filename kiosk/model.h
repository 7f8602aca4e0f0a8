#pragma once
// The kiosk's changing state. Screens read it; actions change it between frames.
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

    bool classroom = false;  // workshop mode: a trainer presents, the class discusses each decision
    std::unique_ptr<RoleplaySession> roleplay;
    std::unique_ptr<QuizSession> quiz;
    int lesson_page = 0;
    uint64_t quiz_seed = 1;  // injected: fixed in tests, random per student otherwise

    // View state of the role-play screen (not the student's answers: those live in the session).
    struct RoleplayView {
        std::vector<int> tally;     // classroom: hands per option at this decision
        int focus = 0;              // classroom: the option the remote's arrows act on
        size_t seen_lines = 0;      // scroll to the newest line when this grows
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
        for (auto& a : list) a(model);
    }
    bool Empty() const { return m_list.empty(); }

private:
    std::vector<std::function<void(Model&)>> m_list;
};

} // namespace sb
