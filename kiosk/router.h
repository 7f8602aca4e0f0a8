#pragma once
// One router for navigation: a stack of screens. Screens never switch screens themselves; they push
// actions, and the app applies them after the frame.
#include <string>
#include <vector>

namespace sb {

enum class ScreenId {
    Start,
    Welcome,
    Check,
    Home,
    End,
    Lesson,
    Quiz,
    QuizResult,
    RoleplayIntro,
    Roleplay,
    RoleplayDebrief,
    Diagnostics,
    TrainerPin,
    Trainer,
    Results
};

const char* ScreenName(ScreenId id);

class Router {
  public:
    ScreenId Current() const { return m_stack.back(); }
    void Push(ScreenId id) { m_stack.push_back(id); }
    void Replace(ScreenId id) { m_stack.back() = id; }
    // Goes back one screen; the first screen stays.
    bool Back();
    void Reset(ScreenId id) { m_stack.assign(1, id); }
    size_t Depth() const { return m_stack.size(); }
    // The screen under the current one (Start when there is none).
    ScreenId Below() const { return m_stack.size() > 1 ? m_stack[m_stack.size() - 2] : ScreenId::Start; }

  private:
    std::vector<ScreenId> m_stack{ScreenId::Start};
};

} // namespace sb
