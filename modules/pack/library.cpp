#include "pack/library.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace sb {

fs::file_time_type NewestFileTime(const std::string& dir) {
    auto newest = fs::file_time_type::min(); // not {}: libstdc++'s file clock puts today before its epoch
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it.depth() > 4) it.disable_recursion_pending(); // packs are shallow; never walk a whole disk
        const auto t = it->last_write_time(ec);
        if (!ec && t > newest) newest = t;
    }
    return newest;
}

void PackLibrary::Load(const std::string& content_dir, const std::vector<std::string>& extra_dirs) {
    m_packs.clear();
    std::vector<std::string> dirs;
    std::error_code ec;
    if (!content_dir.empty() && fs::is_directory(content_dir, ec)) {
        for (const auto& entry : fs::directory_iterator(content_dir, ec))
            if (fs::exists(entry.path() / "pack.json", ec)) dirs.push_back(entry.path().string());
        std::sort(dirs.begin(), dirs.end());
    }
    dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
    for (const auto& dir : dirs)
        m_packs.push_back({dir, LoadPack(dir), NewestFileTime(dir)});
}

void PackLibrary::LoadDir(const std::string& dir) {
    for (auto& p : m_packs)
        if (p.dir == dir) {
            p = {dir, LoadPack(dir), NewestFileTime(dir)};
            return;
        }
    m_packs.push_back({dir, LoadPack(dir), NewestFileTime(dir)});
}

namespace {

// The first error of a file (file order is line order after Sort); for pack.json also those about an entry.
const Diagnostic* FirstError(const Diagnostics& diags, const std::string& shown) {
    for (const Diagnostic& d : diags.List())
        if (d.severity == Severity::Error && d.file == shown) return &d;
    return nullptr;
}

std::string Shown(const std::string& dir, const std::string& rel) {
    if (dir.empty() || dir == ".") return rel; // as the loader shows it
    return (dir.back() == '/' ? dir : dir + "/") + rel;
}

// The fresh load, with the last good version of every file that broke in it.
void KeepLastGood(LoadedPack& p, LoadResult fresh) {
    const std::shared_ptr<const Pack> old = p.result.pack;
    p.kept.clear();
    if (old && !fresh.pack) {
        // pack.json broke (or every module did): the old pack plays on as it was.
        for (const Diagnostic& d : fresh.diagnostics.List())
            if (d.severity == Severity::Error) {
                p.kept.push_back(d);
                break;
            }
        fresh.pack = old;
    } else if (old && !fresh.left_out.empty()) {
        auto pack = std::make_shared<Pack>(*fresh.pack);
        pack->modules.clear();
        for (const std::string& rel : fresh.module_files) {
            auto take = [&](const Pack& from) {
                for (const Module& m : from.modules)
                    if (m.file == rel && !pack->FindModule(m.id)) {
                        pack->modules.push_back(m);
                        return true;
                    }
                return false;
            };
            const bool broken =
                std::find(fresh.left_out.begin(), fresh.left_out.end(), rel) != fresh.left_out.end();
            if (!broken) {
                take(*fresh.pack);
            } else if (take(*old)) {
                const Diagnostic* d = FirstError(fresh.diagnostics, Shown(fresh.dir, rel));
                if (!d) d = FirstError(fresh.diagnostics, Shown(fresh.dir, "pack.json"));
                if (d) p.kept.push_back(*d);
            }
        }
        fresh.pack = std::move(pack);
    }
    p.result = std::move(fresh);
}

} // namespace

bool PackLibrary::ReloadChanged() {
    bool changed = false;
    for (auto& p : m_packs) {
        const auto stamp = NewestFileTime(p.dir);
        if (stamp == p.stamp) continue;
        p.stamp = stamp;
        KeepLastGood(p, LoadPack(p.dir));
        changed = true;
    }
    return changed;
}

std::vector<std::string> PackLibrary::Languages() const {
    std::vector<std::string> langs{"nl"};
    for (const auto& p : m_packs) {
        if (!p.result.pack) continue;
        for (const auto& l : p.result.pack->languages)
            if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
    }
    if (langs.size() == 1) langs.push_back("en"); // the kiosk's own texts are always in both
    return langs;
}

size_t PackLibrary::BrokenCount() const {
    return std::count_if(m_packs.begin(), m_packs.end(), [](const LoadedPack& p) { return p.HasProblems(); });
}

const Pack* PackLibrary::FindPack(const std::string& id) const {
    for (const auto& p : m_packs)
        if (p.result.pack && p.result.pack->id == id) return p.result.pack.get();
    return nullptr;
}

std::shared_ptr<const Pack> PackLibrary::SharedPack(const std::string& id) const {
    for (const auto& p : m_packs)
        if (p.result.pack && p.result.pack->id == id) return p.result.pack;
    return nullptr;
}

} // namespace sb
