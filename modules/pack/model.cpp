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

const char* AudienceName(Audience a) {
    switch (a) {
    case Audience::Student:
        return "student";
    case Audience::Supervisor:
        return "supervisor";
    case Audience::Employer:
        return "employer";
    case Audience::Staff:
        return "staff";
    case Audience::Trainer:
        return "trainer";
    }
    return "student";
}

bool ParseAudience(const std::string& name, Audience& out) {
    for (Audience a : kAudiences)
        if (name == AudienceName(a)) {
            out = a;
            return true;
        }
    return false;
}

bool Module::For(Audience a) const {
    return std::find(audiences.begin(), audiences.end(), a) != audiences.end();
}
bool HelpResource::For(Audience a) const {
    return std::find(audiences.begin(), audiences.end(), a) != audiences.end();
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
const GlossaryTerm* Pack::FindTerm(const std::string& id) const {
    return FindById(glossary, id);
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
