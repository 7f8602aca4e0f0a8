// Every screen of the kiosk, one row each: the id the flow uses, the name scripts and the root window
// use, the draw function (in kiosk/screens/<name>.cpp), and whether only a trainer may see it.
// Adding a screen is one row here plus its file. Included with SCREEN defined (an X-macro).
//
// clang-format off
//     id               name                 draw function                trainer only
SCREEN(Start,           "start",             DrawStartScreen,             false)
SCREEN(Welcome,         "welcome",           DrawWelcomeScreen,           false)
SCREEN(Confidence,      "check",             DrawConfidenceScreen,        false)
SCREEN(Home,            "home",              DrawHomeScreen,              false)
SCREEN(End,             "end",               DrawEndScreen,               false)
SCREEN(Lesson,          "lesson",            DrawLessonScreen,            false)
SCREEN(Quiz,            "quiz",              DrawQuizScreen,              false)
SCREEN(QuizResult,      "quiz-result",       DrawQuizResultScreen,        false)
SCREEN(RoleplayIntro,   "roleplay-intro",    DrawRoleplayIntroScreen,     false)
SCREEN(Roleplay,        "roleplay",          DrawRoleplayScreen,          false)
SCREEN(RoleplayDebrief, "roleplay-debrief",  DrawRoleplayDebriefScreen,   false)
SCREEN(Phones,          "phones",            DrawPhonesScreen,            false)
SCREEN(TrainerPin,      "trainer-pin",       DrawTrainerPinScreen,        false)
SCREEN(Trainer,         "trainer",           DrawTrainerScreen,           true)
SCREEN(Results,         "results",           DrawResultsScreen,           true)
SCREEN(Export,          "export",            DrawExportScreen,            true)
SCREEN(Import,          "import",            DrawImportScreen,            true)
SCREEN(Diagnostics,     "diagnostics",       DrawDiagnosticsScreen,       true)
// clang-format on
