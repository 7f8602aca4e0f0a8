#pragma once
// One reading of a lesson: the page the student is on. Small, but a session like the quiz's and the
// role-play's, so a live reload restores it from a snapshot the same way.
#include "pack/model.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace sb {

class LessonSession {
  public:
    LessonSession(std::shared_ptr<const Pack> pack, const Module& module);

    const Pack& GetPack() const { return *m_pack; }
    const Module& GetModule() const { return *m_module; }

    size_t PageCount() const { return m_lesson->pages.size(); }
    // The page shown, always a page of the lesson (0 when it has none).
    size_t PageIndex() const { return m_page; }
    bool AtLast() const { return m_page + 1 >= PageCount(); }
    // Goes to `page`, kept within the lesson's pages.
    void GoTo(int page);

    nlohmann::json Snapshot() const;
    // Restores a snapshot of the same lesson; a page beyond a shortened lesson becomes its last page.
    // False (state unchanged) with a reason when the snapshot is not of this lesson.
    bool Restore(const nlohmann::json& snapshot, std::string& error);

  private:
    std::shared_ptr<const Pack> m_pack;
    const Module* m_module;
    const Lesson* m_lesson;
    size_t m_page = 0;
};

} // namespace sb
