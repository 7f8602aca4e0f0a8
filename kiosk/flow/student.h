#pragma once
// Everything that belongs to the student at the kiosk now, in one value. The idle reset and "Ik ben klaar"
// replace it with a fresh one, so a field added here is wiped with the rest without anyone remembering to.
#include "confidence/run.h"
#include "flow/router.h"
#include "lesson/session.h"
#include "quiz/session.h"
#include "roleplay/session.h"

#include <memory>
#include <string>
#include <vector>

namespace sb {

struct Accessibility {
    float text_scale = 1.0f;
    bool high_contrast = false;
    bool dyslexia_font = false;
    bool operator==(const Accessibility&) const = default;
};

// What a new student starts with: the kiosk's language and display, from the config and the command line.
struct StudentDefaults {
    std::string lang = "nl";
    Accessibility access;
};

struct StudentSession {
    static StudentSession Fresh(const StudentDefaults& defaults) {
        StudentSession s;
        s.lang = defaults.lang;
        s.access = defaults.access;
        return s;
    }

    // ---- who: nothing but a random id that pairs before and after, and the student's display choices
    std::string session_id; // 128 random bits; lives only as long as this student's session
    std::string lang = "nl";
    Accessibility access;

    // ---- where: the screens the student walked through
    Router router;

    // ---- the module open now, by ids, so a live reload keeps the student where they were
    std::string pack_id;
    std::string module_id;
    std::unique_ptr<RoleplaySession> roleplay;
    std::unique_ptr<QuizSession> quiz;
    std::unique_ptr<LessonSession> lesson;
    std::vector<std::string> finished; // "pack/module" done this session, for the mark on home
    // The lesson page's own interaction, reset on every page: the inline question and the practice card.
    struct LessonView {
        std::vector<int> selected; // model option indices
        bool checked = false;
        bool revealed = false;
    } lesson_view;
    std::string open_term; // the glossary card on screen (a term id of the current pack), "" for none

    // ---- the confidence check: the run on screen, where it returns to, and what was asked already
    std::unique_ptr<ConfidenceRun> confidence;
    ScreenId after_confidence = ScreenId::Home;
    bool pre_done = false;
    bool post_done = false;
    std::vector<std::string> module_pre; // modules whose own check was answered before

    // ---- view state that is not answers: the role-play screen's hand counts, remote focus and scroll
    struct RoleplayView {
        std::vector<int> tally;      // workshop: hands per option shown, at this decision
        int focus = 0;               // workshop: the option the remote's arrows act on
        size_t seen_lines = 0;       // scroll to the newest line when this grows
        std::vector<int> open_steps; // debrief: decisions whose other options are unfolded
    } roleplay_view;

    // ---- the trainer's entry: a PIN being typed, and the last notice for the menu (a string key of
    // kiosk/ui/strings.cpp, plus a detail such as a file path or an error)
    std::string pin_entry;
    std::string trainer_notice;
    std::string trainer_detail;
};

} // namespace sb
