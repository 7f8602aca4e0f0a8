#include "pack/model.h"

#include <algorithm>

namespace sb {

const char* KindName(ModuleKind kind) {
    switch (kind) {
    case ModuleKind::Lesson:
        return "lesson";
    case ModuleKind::Roleplay:
        return "roleplay";
    case ModuleKind::Quiz:
        return "quiz";
    case ModuleKind::Confidence:
        return "confidence";
    }
    return "?";
}

double Quiz::MaxScore() const {
    double total = 0;
    for (const Question& q : questions)
        if (q.type != QuestionType::Likert) total += q.points;
    return total;
}

namespace {
template <typename T> const T* FindById(const std::vector<T>& list, const std::string& id) {
    auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == id; });
    return it == list.end() ? nullptr : &*it;
}
} // namespace

const Module* Pack::FindModule(const std::string& id) const {
    return FindById(modules, id);
}
const CastMember* Pack::FindCast(const std::string& id) const {
    return FindById(cast, id);
}
const HelpResource* Pack::FindHelp(const std::string& id) const {
    return FindById(help, id);
}
const ConfidenceItem* Pack::FindConfidenceItem(const std::string& id) const {
    return FindById(confidence_items, id);
}

} // namespace sb
