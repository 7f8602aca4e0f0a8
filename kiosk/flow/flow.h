#pragma once
// The kiosk's flow: what each action does to the state. Opening and finishing modules, the confidence
// check before and after (the pairing policy), the trainer's PIN and menu, the idle wipe, and keeping the
// student's place across a live reload. No ImGui here: it is unit-tested without a window
// (tests/kiosk_flow_test.cpp), and screens never change state themselves.
#include "flow/actions.h"
#include "flow/clock.h"
#include "flow/state.h"

namespace sb {

class Flow {
  public:
    Flow(KioskState& state, const Clock& clock) : m_state(state), m_clock(clock) {}

    void Apply(const Action& action);
    void ApplyAll(std::vector<Action> actions) {
        for (const Action& a : actions)
            Apply(a);
        SyncPhones();
    }

    // ---- phones in the room (kiosk/flow/phones.cpp)
    // The room changed (the app's wake event): take a new snapshot for the screens.
    void OnRoomWake();
    // Makes what is live on phones follow the big screen: a vote opens at a role-play decision and closes
    // when the story goes on. Called after each batch of actions.
    void SyncPhones();
    // Phones off: the live check is logged, every token forgotten, the server stopped. Safe to call twice.
    void StopPhones();

    // Wipes everything of the student at the kiosk and shows the attract screen.
    void ResetStudent();
    // Resets the student when the idle countdown has run out. Call once per frame, after the actions.
    void Tick();
    // Seconds left before the reset while "Ben je er nog?" shows, or -1 when it does not.
    int IdleSecondsLeft() const;
    // Milliseconds until the idle prompt appears or its countdown shows another second, or -1.
    int64_t NextIdleWakeMs() const;
    // After the library reloaded changed packs: the student stays where they were when that still exists.
    // Returns a line for the author when the place could not be kept ("" otherwise).
    std::string OnPacksReloaded();

    // The seed for this student's shuffles: the kiosk's seed for the first student, then a new one each.
    uint64_t StudentSeed() const;

  private:
#define SB_ON(T) void On(const act::T&)
    SB_ON(Back);
    SB_ON(OpenTrainer);
    SB_ON(StillHere);
    SB_ON(Begin);
    SB_ON(SetLanguage);
    SB_ON(SetTextScale);
    SB_ON(ToggleContrast);
    SB_ON(ToggleDyslexia);
    SB_ON(StartSession);
    SB_ON(Answer);
    SB_ON(SkipItem);
    SB_ON(PreviousItem);
    SB_ON(OpenModule);
    SB_ON(FinishSession);
    SB_ON(EndSession);
    SB_ON(LessonPage);
    SB_ON(FinishLesson);
    SB_ON(LessonSelect);
    SB_ON(LessonCheck);
    SB_ON(LessonReveal);
    SB_ON(ShowTerm);
    SB_ON(CloseTerm);
    SB_ON(SetAudience);
    SB_ON(QuizSelect);
    SB_ON(QuizMove);
    SB_ON(QuizLikert);
    SB_ON(QuizGrade);
    SB_ON(QuizNext);
    SB_ON(QuizBack);
    SB_ON(QuizFinish);
    SB_ON(QuizRetry);
    SB_ON(QuizDone);
    SB_ON(RoleplayBegin);
    SB_ON(RoleplayUndo);
    SB_ON(RoleplayRestart);
    SB_ON(RoleplayStuck);
    SB_ON(RoleplayAdvance);
    SB_ON(RoleplayChoose);
    SB_ON(RoleplayTally);
    SB_ON(RoleplayFocus);
    SB_ON(RoleplaySeen);
    SB_ON(RoleplayAgain);
    SB_ON(DebriefToggle);
    SB_ON(RoleplayDone);
    SB_ON(PinDigit);
    SB_ON(PinBackspace);
    SB_ON(PinSubmit);
    SB_ON(PinCancel);
    SB_ON(LeaveTrainer);
    SB_ON(Quit);
    SB_ON(SetWorkshop);
    SB_ON(ToggleHidden);
    SB_ON(StepIdle);
    SB_ON(StepCountdown);
    SB_ON(SetKioskContrast);
    SB_ON(SetKioskDyslexia);
    SB_ON(OpenResults);
    SB_ON(SetResultsPeriod);
    SB_ON(OpenExport);
    SB_ON(Export);
    SB_ON(OpenDiagnostics);
    SB_ON(AskQuit);
    SB_ON(OpenImport);
    SB_ON(ImportRescan);
    SB_ON(ImportPack);
    SB_ON(ImportCancel);
    SB_ON(SetPhones);
    SB_ON(OpenPhones);
    SB_ON(PhonesCheck);
    SB_ON(PhonesClose);
    SB_ON(PhonesReveal);
    SB_ON(PhonesAskExperienced);
    SB_ON(PhonesContinue);
#undef SB_ON
    bool StartPhones();
    void OpenPhonesCheck(Phase phase);

    // Starts confidence module `check_id` of `pack` (scope: the module it is asked around, "" for the
    // session), returning to `then`. False (and nothing changes) when the check is missing or empty.
    bool StartConfidence(const std::shared_ptr<const Pack>& pack, const std::string& check_id, Phase phase,
                         const std::string& scope, ScreenId then, bool replace_current);
    // The session check of the first playable pack that asks one.
    bool StartSessionConfidence(Phase phase, ScreenId then);
    void FinishConfidence();
    // A module is done: its own check afterwards when it asked one before, then back to home.
    void FinishModule();
    // Every change the trainer makes to the kiosk's settings goes through here: applied, kept within the
    // limits of config/config.h, and saved.
    template <class Change> void ChangeConfig(Change&& change);
    void BuildResults();
    PackImporter Importer() const;

    KioskState& m_state;
    const Clock& m_clock;
};

} // namespace sb
