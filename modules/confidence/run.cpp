#include "confidence/run.h"

namespace sb {

ConfidenceRun::ConfidenceRun(std::shared_ptr<const Pack> pack, const Module& check, Phase phase,
                             std::string scope)
    : m_pack(std::move(pack)), m_phase(phase), m_scope(std::move(scope)) {
    const ConfidenceCheck* c = check.AsConfidence();
    if (!c) return;
    for (const std::string& id : c->items)
        if (const ConfidenceItem* item = m_pack->FindConfidenceItem(id)) m_steps.push_back({item, phase});
    if (phase == Phase::Post && c->retrospective)
        for (const std::string& id : c->items)
            if (const ConfidenceItem* item = m_pack->FindConfidenceItem(id))
                m_steps.push_back({item, Phase::Retro});
}

Answer ConfidenceRun::Give(const SessionContext& session, std::optional<int> value, const CoarseTime& when) {
    const CheckStep step = Current();
    ++m_index;
    return MakeAnswer(session, m_scope, step.item->id, step.phase, value, when);
}

void ConfidenceRun::Skip() {
    if (!Done()) ++m_index;
}

bool ConfidenceRun::Back() {
    if (m_index == 0) return false;
    --m_index;
    return true;
}

} // namespace sb
