#pragma once
// One confidence check as a student answers it: the items of a confidence module, before (pre) or
// after (post), and after the post items the retrospective "looking back, how confident were you
// before?" when the module asks for it. Each answer is handed out to be logged at once.
#include "log/answer.h"
#include "pack/model.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sb {

struct CheckStep {
    const ConfidenceItem* item = nullptr;
    Phase phase = Phase::Pre;
};

class ConfidenceRun {
  public:
    // `scope` is the module the check is asked around, or "" for a whole session.
    ConfidenceRun(std::shared_ptr<const Pack> pack, const Module& check, Phase phase, std::string scope);

    const Pack& GetPack() const { return *m_pack; }
    bool Done() const { return m_index >= m_steps.size(); }
    size_t Index() const { return m_index; }
    size_t Count() const { return m_steps.size(); }
    const CheckStep& Current() const { return m_steps[m_index]; }
    const std::string& Scope() const { return m_scope; }
    Phase RunPhase() const { return m_phase; }

    // Records the answer to the current step (1..5, or nullopt for "weet ik niet") and moves on.
    // Returns the answer to log. Nothing else is kept: the run forgets answers once they are handed out.
    Answer Give(const SessionContext& session, std::optional<int> value, const CoarseTime& when);
    // Skips the current step without an answer (a student may always skip).
    void Skip();
    // Goes back one step. Answering again gives a correction, which replaces the earlier answer to that
    // item and phase in the log (LogStore::Record keeps one answer per check, item and phase).
    bool Back();

  private:
    std::shared_ptr<const Pack> m_pack;
    std::vector<CheckStep> m_steps;
    size_t m_index = 0;
    Phase m_phase;
    std::string m_scope;
};

} // namespace sb
