#pragma once
// One draw function per screen. Each reads the model and pushes actions; none changes state itself.
#include "model.h"
#include "ui/widgets.h"

namespace sb {

void DrawStartScreen(const Model& model, Ui& ui, Actions& actions);
void DrawWelcomeScreen(const Model& model, Ui& ui, Actions& actions);
void DrawCheckScreen(const Model& model, Ui& ui, Actions& actions);
void DrawEndScreen(const Model& model, Ui& ui, Actions& actions);
void DrawIdlePrompt(const Model& model, Ui& ui, Actions& actions, int seconds_left);
void DrawTrainerPinScreen(const Model& model, Ui& ui, Actions& actions);
void DrawTrainerScreen(const Model& model, Ui& ui, Actions& actions);
void DrawResultsScreen(const Model& model, Ui& ui, Actions& actions);
// Starts a confidence check module of `pack` (scope: the module it is asked around, "" for a session), then
// `then`. Returns false (and does nothing) when the check is missing or empty.
bool StartCheck(Model& model, const std::shared_ptr<const Pack>& pack, const std::string& check_id,
                Phase phase, const std::string& scope, ScreenId then, bool replace_current);
// Starts the confidence check `phase` of the first playable pack's session check, then goes to `then`.
// Returns false (and does nothing) when no pack asks for one.
bool StartSessionCheck(Model& model, Phase phase, ScreenId then);
// For a screen whose module or session is gone (a live edit removed it): say so, offer Back, end the root.
void DrawModuleGone(Ui& ui, Actions& actions);
// A module is done (last lesson page, quiz result, debrief): its own check afterwards when it asked one
// before, then home.
void FinishModule(Model& model);
// The first playable pack (the one whose attract lines, tips and help the kiosk shows).
const Pack* MainPack(const Model& model);
void DrawHomeScreen(const Model& model, Ui& ui, Actions& actions);
void DrawLessonScreen(const Model& model, Ui& ui, Actions& actions);
void DrawQuizScreen(const Model& model, Ui& ui, Actions& actions);
void DrawQuizResultScreen(const Model& model, Ui& ui, Actions& actions);
// Opens a module from home: the right screen for its kind, with a fresh session.
void OpenModule(Model& model, const std::string& pack_id, const std::string& module_id);
void DrawRoleplayIntroScreen(const Model& model, Ui& ui, Actions& actions);
void DrawRoleplayScreen(const Model& model, Ui& ui, Actions& actions);
void DrawRoleplayDebriefScreen(const Model& model, Ui& ui, Actions& actions);
void DrawDiagnosticsScreen(const Model& model, Ui& ui, Actions& actions);

} // namespace sb
