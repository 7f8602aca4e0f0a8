#pragma once
// Navigation: a stack of screens. Only the flow moves it; screens send actions.
#include "flow/screen_id.h"

#include <vector>

namespace sb {

class Router {
  public:
    ScreenId Current() const { return m_stack.back(); }
    void Push(ScreenId id) { m_stack.push_back(id); }
    void Replace(ScreenId id) { m_stack.back() = id; }
    // Goes back one screen; the first screen stays.
    bool Back() {
        if (m_stack.size() <= 1) return false;
        m_stack.pop_back();
        return true;
    }
    void Reset(ScreenId id) { m_stack.assign(1, id); }
    size_t Depth() const { return m_stack.size(); }
    // The screen under the current one (Start when there is none).
    ScreenId Below() const { return m_stack.size() > 1 ? m_stack[m_stack.size() - 2] : ScreenId::Start; }

  private:
    std::vector<ScreenId> m_stack{ScreenId::Start};
};

} // namespace sb
