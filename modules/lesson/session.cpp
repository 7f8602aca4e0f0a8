#include "lesson/session.h"

#include <algorithm>

namespace sb {

LessonSession::LessonSession(std::shared_ptr<const Pack> pack, const Module& module)
    : m_pack(std::move(pack)), m_module(&module), m_lesson(module.AsLesson()) {}

void LessonSession::GoTo(int page) {
    const int last = std::max(0, static_cast<int>(PageCount()) - 1);
    m_page = static_cast<size_t>(std::clamp(page, 0, last));
}

nlohmann::json LessonSession::Snapshot() const {
    return {{"module", m_module->id}, {"page", m_page}};
}

bool LessonSession::Restore(const nlohmann::json& snapshot, std::string& error) {
    if (!snapshot.is_object() || snapshot.value("module", "") != m_module->id) {
        error = "the snapshot is of another module";
        return false;
    }
    const auto page = snapshot.find("page");
    if (page == snapshot.end() || !page->is_number_integer() || page->get<int64_t>() < 0) {
        error = "the snapshot has no page";
        return false;
    }
    GoTo(static_cast<int>(std::min<int64_t>(page->get<int64_t>(), 1 << 20)));
    return true;
}

} // namespace sb
