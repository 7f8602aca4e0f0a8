#pragma once
// The packs the kiosk plays: loaded from content/ and every --pack folder. A module with errors is left out
// and the rest of its pack plays; a pack whose pack.json is wrong is kept with its diagnostics (for the
// trainer's screen) and never played. On a live reload (--watch) a file that breaks keeps its last good
// version playing, so an author's half-saved file never throws the student out.
#include "pack/loader.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sb {

struct LoadedPack {
    std::string dir;
    LoadResult result;
    std::filesystem::file_time_type stamp; // newest modification time of the pack's files
    // Live reload: the first error of each file whose last good version still plays (for the author banner).
    std::vector<Diagnostic> kept;
    bool HasProblems() const { return !result.pack || result.diagnostics.HasErrors(); }
};

class PackLibrary {
  public:
    // Every sub-folder of `content_dir` that holds a pack.json, then each extra folder.
    void Load(const std::string& content_dir, const std::vector<std::string>& extra_dirs);
    // Reloads packs whose files changed since they were loaded. Returns true when one did. A module (or
    // pack.json) that now has errors keeps its last good version playing, named in LoadedPack::kept.
    bool ReloadChanged();
    // Loads the pack in `dir` (a pack just imported from a USB stick), or loads it again when it is loaded.
    void LoadDir(const std::string& dir);

    const std::vector<LoadedPack>& Packs() const { return m_packs; }
    // Languages offered by the playable packs, Dutch first.
    std::vector<std::string> Languages() const;
    // Packs with errors: not played, or with modules left out.
    size_t BrokenCount() const;
    const Pack* FindPack(const std::string& id) const;
    std::shared_ptr<const Pack> SharedPack(const std::string& id) const;

  private:
    std::vector<LoadedPack> m_packs;
};

std::filesystem::file_time_type NewestFileTime(const std::string& dir);

} // namespace sb
