#pragma once
// The packs the kiosk plays: loaded from content/ and every --pack folder. A pack with errors is kept
// with its diagnostics (for the trainer's screen) and never played; the others play on.
#include "pack/loader.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sb {

struct LoadedPack {
    std::string dir;
    LoadResult result;
    std::filesystem::file_time_type stamp; // newest modification time of the pack's files
};

class PackLibrary {
  public:
    // Every sub-folder of `content_dir` that holds a pack.json, then each extra folder.
    void Load(const std::string& content_dir, const std::vector<std::string>& extra_dirs);
    // Reloads packs whose files changed since they were loaded. Returns true when one did.
    bool ReloadChanged();
    // Loads the pack in `dir` (a pack just imported from a USB stick), or loads it again when it is loaded.
    void LoadDir(const std::string& dir);

    const std::vector<LoadedPack>& Packs() const { return m_packs; }
    // Languages offered by the playable packs, Dutch first.
    std::vector<std::string> Languages() const;
    size_t BrokenCount() const;
    const Pack* FindPack(const std::string& id) const;
    std::shared_ptr<const Pack> SharedPack(const std::string& id) const;

  private:
    std::vector<LoadedPack> m_packs;
};

std::filesystem::file_time_type NewestFileTime(const std::string& dir);

} // namespace sb
