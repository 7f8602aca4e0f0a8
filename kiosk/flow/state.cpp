#include "flow/state.h"

#include <algorithm>

namespace sb {

bool KioskState::ModuleHidden(const std::string& pack, const std::string& module) const {
    for (const auto& h : config.hidden_modules)
        if (h == pack + "/" + module || h == pack + "/*") return true;
    return false;
}

const Pack* KioskState::MainPack() const {
    for (const LoadedPack& p : packs.Packs())
        if (p.result.pack && !PackHidden(p.result.pack->id)) return p.result.pack.get();
    return nullptr;
}

const Module* KioskState::CurrentModule() const {
    const Pack* p = CurrentPack();
    return p ? p->FindModule(student.module_id) : nullptr;
}

bool KioskState::ShownOnHome(const Pack& pack, const Module& m) const {
    if (m.kind == ModuleKind::Confidence || m.For(Audience::Trainer)) return false;
    return !ModuleHidden(pack.id, m.id) && m.For(HomeAudience());
}

std::vector<const HelpResource*> KioskState::EndHelp(const Pack& pack) const {
    std::vector<const HelpResource*> out;
    for (const HelpResource& h : pack.help)
        if (h.For(HomeAudience())) out.push_back(&h);
    return out;
}

std::vector<std::pair<const Pack*, const Module*>> KioskState::TrainerModules() const {
    std::vector<std::pair<const Pack*, const Module*>> out;
    for (const LoadedPack& p : packs.Packs()) {
        const Pack* pack = p.result.pack.get();
        if (!pack || PackHidden(pack->id)) continue;
        for (const Module& m : pack->modules)
            if (m.kind != ModuleKind::Confidence && m.For(Audience::Trainer)) out.push_back({pack, &m});
    }
    return out;
}

bool KioskState::Finished(const std::string& pack, const std::string& module) const {
    const std::string key = pack + "/" + module;
    return std::find(student.finished.begin(), student.finished.end(), key) != student.finished.end();
}

} // namespace sb
