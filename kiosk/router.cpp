#include "router.h"

namespace sb {

const char* ScreenName(ScreenId id) {
    switch (id) {
    case ScreenId::Start:
        return "start";
    case ScreenId::Welcome:
        return "welcome";
    case ScreenId::Check:
        return "check";
    case ScreenId::End:
        return "end";
    case ScreenId::TrainerPin:
        return "trainer-pin";
    case ScreenId::Trainer:
        return "trainer";
    case ScreenId::Results:
        return "results";
    case ScreenId::Home:
        return "home";
    case ScreenId::Lesson:
        return "lesson";
    case ScreenId::Quiz:
        return "quiz";
    case ScreenId::QuizResult:
        return "quiz-result";
    case ScreenId::RoleplayIntro:
        return "roleplay-intro";
    case ScreenId::Roleplay:
        return "roleplay";
    case ScreenId::RoleplayDebrief:
        return "roleplay-debrief";
    case ScreenId::Diagnostics:
        return "diagnostics";
    }
    return "unknown";
}

bool Router::Back() {
    if (m_stack.size() <= 1) return false;
    m_stack.pop_back();
    return true;
}

} // namespace sb
