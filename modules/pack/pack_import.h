#pragma once
// New packs from a USB stick, for the trainer menu (journey 4). Scan() and Import() read and copy files: call
// them from an action or a worker thread, never while drawing a frame.
//
//     PackImporter importer({.packs_dir = DefaultImportedPacksDir(), .builtin_ids = {"stageboost"}});
//     std::vector<StickPack> found = importer.Scan();       // every pack on every mounted stick, with
//     diagnostics ImportResult r = importer.Import(found[i], false);     // New: copied. Update:
//     NeedsConfirm, so ask, then r = importer.Import(found[i], true);                   // replaces the
//     kiosk's older copy
//     // then reload the packs (the kiosk loads every folder of packs_dir like a --pack folder)
//
// Safety. Nothing from a stick is ever run: files are copied as data (mode 0644) and the kiosk only reads
// them. A link is refused unless it points at a file inside the pack (then the file is copied, never the
// link); fifos, devices and sockets are refused before anything is read (reading one could hang the kiosk); a
// pack over the limits below is refused while it is being walked, so a whole disk is never read.
//
// Atomic copy. The pack is copied into a hidden folder inside packs_dir (the same file system), every file
// and folder is fsynced, the copy itself is validated again with LoadPack (so what was checked is what gets
// installed, even if the stick changed), and only then renamed into place. An older version of the same pack
// id is swapped out in one step (renameat2 RENAME_EXCHANGE) and deleted. A power cut leaves the old pack or
// the new one, never half of one; hidden leftovers are removed by the next Scan() or Import().
#include "core/diagnostics.h"
#include "pack/loader.h"
#include "pack/model.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sb {

struct ImportLimits {
    uint64_t max_pack_bytes = 128ull << 20; // all files of one pack together (each file: LoadOptions' limits)
    size_t max_files = 2000;                // files and folders
    int max_depth = 8;                      // folders inside folders
};

enum class StickPackStatus {
    New,      // valid, and not on this kiosk yet
    Update,   // valid; this kiosk has the same pack id (installed_version): import with replace = true
    Invalid,  // the validator found errors: see diagnostics (the same as `stageboost-pack validate`)
    Unsafe,   // a link out of the pack, a link to a folder, or a special file
    TooLarge, // over ImportLimits
    BuiltIn, // the same id as a pack shipped with the kiosk; a stick cannot replace it (give the pack another
             // id)
};

struct StickPack {
    std::string stick;                // the mount point it was found on, e.g. /media/stageboost/sdb1
    std::string dir;                  // the pack folder
    std::string id, version;          // from pack.json; "" when it could not be read
    std::shared_ptr<const Pack> pack; // when it validated: title, description and modules for the screen
    Diagnostics diagnostics;          // file:line:col problems, the import's own checks first
    StickPackStatus status = StickPackStatus::Invalid;
    std::string installed_version; // this kiosk's copy of the same id, "" when none
    int version_order = 0;         // against installed_version: < 0 older, 0 the same, > 0 newer
    uint64_t bytes = 0;            // what a copy takes
    size_t files = 0;

    bool CanImport() const { return status == StickPackStatus::New || status == StickPackStatus::Update; }
};

enum class ImportOutcome {
    Imported,     // a new pack, now in dir
    Replaced,     // the kiosk's copy of this id was replaced
    NeedsConfirm, // the kiosk has this id already and replace was false: nothing changed
    Refused,      // invalid, unsafe, too large or built in (diagnostics): nothing changed
    Failed,       // reading the stick or writing the kiosk's folder failed (message): nothing changed
};

struct ImportResult {
    ImportOutcome outcome = ImportOutcome::Failed;
    std::string dir;         // where the pack now is, for Imported and Replaced
    Diagnostics diagnostics; // why it was refused
    std::string message_en;  // one sentence for the trainer
    std::string message_nl;

    bool Ok() const { return outcome == ImportOutcome::Imported || outcome == ImportOutcome::Replaced; }
    const std::string& Message(const std::string& lang) const {
        return lang == "nl" ? message_nl : message_en;
    }
};

// Where Debian mounts USB sticks: udisks at /media/USER/LABEL (and /run/media/USER/LABEL elsewhere), the
// kiosk's udev rule at /media/stageboost/sdb1.
std::vector<std::string> DefaultStickRoots();

// Every folder root/*/* of the given roots: the mounted sticks (hidden names and links skipped), sorted.
std::vector<std::string> FindMountedSticks(const std::vector<std::string>& roots);

// The pack folders of `dir`: its sub-folders that hold a pack.json, sorted, hidden ones skipped ("" gives
// none). The kiosk loads the imported packs this way, each like a --pack folder.
std::vector<std::string> ListPackDirs(const std::string& dir);

// The ids of the packs in the sub-folders of `dir` (from each pack.json, without loading the pack): for
// ImportOptions::builtin_ids, the packs in the kiosk's content folder.
std::vector<std::string> PackIdsIn(const std::string& dir);

// Compares two pack versions part by part ("1.10" > "1.9"; numbers as numbers, the rest as text): < 0, 0, >
// 0.
int CompareVersions(const std::string& a, const std::string& b);

struct ImportOptions {
    std::vector<std::string> stick_roots = DefaultStickRoots(); // each root/*/* is a mounted stick
    std::string packs_dir;                // the kiosk's folder of imported packs (created when needed)
    std::vector<std::string> builtin_ids; // ids of the packs shipped with the kiosk
    ImportLimits limits;
    LoadOptions load; // the validator's limits, per file
};

class PackImporter {
  public:
    explicit PackImporter(ImportOptions options);

    // Every pack on every mounted stick: the stick itself when it holds a pack.json, else its folders (and
    // their folders) that do. Each is checked for links, special files and size, then validated with
    // LoadPack.
    std::vector<StickPack> Scan() const;
    // One folder, checked as Scan checks each pack it finds (stick: the mount point, for display).
    StickPack Inspect(const std::string& dir, const std::string& stick = "") const;
    // Copies a pack found by Scan or Inspect into packs_dir/<id>, checking everything again on the way.
    ImportResult Import(const StickPack& pack, bool replace) const;

    const ImportOptions& Options() const { return m_options; }

  private:
    void RemoveLeftovers() const;
    ImportOptions m_options;
};

} // namespace sb
