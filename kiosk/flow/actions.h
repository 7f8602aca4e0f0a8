#pragma once
// What a screen asks for: one small value per kind of action. Screens push them while drawing; the flow
// applies them after the frame, so a frame always shows one consistent state.
#include "flow/screen_id.h"
#include "pack/model.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sb::act {

// ---- anywhere
struct Back {};        // Escape, or a Back button
struct OpenTrainer {}; // the trainer gesture or Ctrl+Alt+T
struct StillHere {};   // "Ben je er nog?" answered
// ---- start and welcome
struct Begin {}; // a tap on the attract screen
struct SetLanguage {
    std::string lang;
};
struct SetTextScale {
    float scale;
};
struct ToggleContrast {};
struct ToggleDyslexia {};
struct StartSession {}; // "Verder" on welcome: a new session id, then the check before
// ---- the confidence check
struct Answer {
    std::optional<int> value;
}; // 1..5, or nullopt for "weet ik niet"
struct SkipItem {};
struct PreviousItem {}; // back one statement, to change a mis-tap
// ---- home and modules
struct OpenModule {
    std::string pack_id, module_id;
};
struct FinishSession {}; // "Ik ben klaar": the check after, then the end screen
struct EndSession {};    // the end screen's goodbye: wipe this student
// ---- lessons
struct LessonPage {
    int page;
};
struct FinishLesson {};
// An inline question on a lesson page: choose (a single choice or true/false replaces, multiple toggles),
// then check. Graded at once, never logged.
struct LessonSelect {
    int option; // a model index
};
struct LessonCheck {};
struct LessonReveal {}; // a practice card's example answers
// ---- the glossary: a marked term was tapped; its card closes with Close, a tap beside it, or Escape
struct ShowTerm {
    std::string id;
};
struct CloseTerm {};
// ---- quizzes
struct QuizSelect {
    int option;
};
struct QuizMove {
    int from, to;
};
struct QuizLikert {
    int value;
};
struct QuizGrade {};
struct QuizNext {};
struct QuizBack {};
struct QuizFinish {};
struct QuizRetry {};
struct QuizDone {};
// ---- role-plays
struct RoleplayBegin {};
struct RoleplayUndo {};
struct RoleplayRestart {};
// The story cannot go on from here (a state the validator could not rule out): back a choice (or out of
// the role-play when there is none), or start over.
struct RoleplayStuck {
    bool restart = false;
};
struct RoleplayAdvance {}; // "Verder": past the feedback, the next line, or on to the next node
struct RoleplayChoose {
    int choice;
}; // an index into the node's choices
struct RoleplayTally {
    int shown;
    int delta;
    int count;
}; // hands for the option shown at `shown`
struct RoleplayFocus {
    int delta;
    int count;
};
struct RoleplaySeen {
    size_t lines;
};
struct RoleplayAgain {};
struct DebriefToggle {
    int step;
}; // fold a decision's other options open or shut
struct RoleplayDone {};
// ---- the trainer's PIN
struct PinDigit {
    char digit;
};
struct PinBackspace {};
struct PinSubmit {};
struct PinCancel {};
// ---- the trainer's menu
struct LeaveTrainer {}; // back to the students: everything of the last student is wiped
struct Quit {};
struct SetWorkshop {
    bool on;
};
struct SetAudience {
    Audience audience; // who the workshop is for: home shows their modules
};
struct ToggleHidden {
    std::string key;
}; // "pack/module" or "pack/*"
struct StepIdle {
    int steps;
};
struct StepCountdown {
    int steps;
};
struct SetKioskContrast {
    bool on;
};
struct SetKioskDyslexia {
    bool on;
};
struct OpenResults {};
struct SetResultsPeriod {
    std::string period;
};
struct OpenExport {};
struct Export {
    std::string folder;
};
struct OpenDiagnostics {};
struct AskQuit {
    bool ask; // "Afsluiten" asks first; false takes the question back
};
// ---- new packs from a USB stick (the import engine: modules/pack/pack_import.h)
struct OpenImport {};   // scans the mounted sticks once, then shows what was found
struct ImportRescan {}; // the trainer plugged in a stick after opening the screen
struct ImportPack {
    size_t index; // into TrainerData::import_found
    bool replace; // the trainer confirmed replacing the kiosk's older copy
};
struct ImportCancel {}; // "replace?" answered no
// ---- phones in the room (workshop mode; kiosk/flow/phones.cpp)
struct SetPhones {
    bool on;
};                    // the trainer's "Telefoons" switch
struct OpenPhones {}; // the join screen: QR code, address, room code, how many joined
struct PhonesCheck {
    bool after;
};                              // the class check on phones, before or after
struct PhonesClose {};          // the live question takes no more answers (a check's answers go to the log)
struct PhonesReveal {};         // the spread appears, on the big screen and on phones (from 5 answers)
struct PhonesAskExperienced {}; // after a role-play: "Heb jij dit zelf meegemaakt?"
struct PhonesContinue {};       // from the join screen to the modules

} // namespace sb::act

namespace sb {

using Action = std::variant<
    act::Back, act::OpenTrainer, act::StillHere, act::Begin, act::SetLanguage, act::SetTextScale,
    act::ToggleContrast, act::ToggleDyslexia, act::StartSession, act::Answer, act::SkipItem,
    act::PreviousItem, act::OpenModule, act::FinishSession, act::EndSession, act::LessonPage,
    act::FinishLesson, act::LessonSelect, act::LessonCheck, act::LessonReveal, act::ShowTerm, act::CloseTerm,
    act::SetAudience, act::QuizSelect, act::QuizMove, act::QuizLikert, act::QuizGrade, act::QuizNext,
    act::QuizBack, act::QuizFinish, act::QuizRetry, act::QuizDone, act::RoleplayBegin, act::RoleplayUndo,
    act::RoleplayRestart, act::RoleplayStuck, act::RoleplayAdvance, act::RoleplayChoose, act::RoleplayTally,
    act::RoleplayFocus, act::RoleplaySeen, act::RoleplayAgain, act::DebriefToggle, act::RoleplayDone,
    act::PinDigit, act::PinBackspace, act::PinSubmit, act::PinCancel, act::LeaveTrainer, act::Quit,
    act::SetWorkshop, act::ToggleHidden, act::StepIdle, act::StepCountdown, act::SetKioskContrast,
    act::SetKioskDyslexia, act::OpenResults, act::SetResultsPeriod, act::OpenExport, act::Export,
    act::OpenDiagnostics, act::AskQuit, act::OpenImport, act::ImportRescan, act::ImportPack,
    act::ImportCancel, act::SetPhones, act::OpenPhones, act::PhonesCheck, act::PhonesClose, act::PhonesReveal,
    act::PhonesAskExperienced, act::PhonesContinue>;

// Where a screen puts the actions of this frame.
class ActionSink {
  public:
    void Push(Action a) { m_list.push_back(std::move(a)); }
    bool Empty() const { return m_list.empty(); }
    std::vector<Action> Take() {
        std::vector<Action> out = std::move(m_list);
        m_list.clear();
        return out;
    }

  private:
    std::vector<Action> m_list;
};

} // namespace sb
