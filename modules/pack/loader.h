#pragma once
// LoadPack(dir): reads a pack folder into an immutable Pack, or reports every problem it found.
#include "core/diagnostics.h"
#include "core/json_source.h"
#include "pack/model.h"

#include <memory>
#include <string>
#include <vector>

namespace sb {

struct LoadOptions {
    JsonLimits limits;
    size_t max_nodes = 20000; // per role-play
    // States the validator explores per role-play (node × variables × visit counts) before it warns that
    // it cannot prove every play reaches an ending.
    size_t max_states = 200000;
    size_t max_media_bytes = 8u << 20;
    int max_media_pixels = 4096; // width and height
    size_t max_modules = 200;
};

struct LoadResult {
    std::shared_ptr<const Pack> pack; // null when there are errors
    // What could be read, errors or not (a broken link's target index is -1): for the story map and the
    // stats, which an author wants most when something is broken. Never for playing.
    std::shared_ptr<const Pack> partial;
    Diagnostics diagnostics;
    std::string dir;
    std::string id; // the pack id when pack.json could be read, for listing broken packs
    // A broken module is left out and the rest plays: the module files in pack.json's order, and those left
    // out for their errors (relative to the pack folder). `pack` is null only when pack.json itself is wrong
    // or no module is left to play.
    std::vector<std::string> module_files;
    std::vector<std::string> left_out;
};

LoadResult LoadPack(const std::string& dir, const LoadOptions& options = {});

// Text length above which a warning says it will not fit on one screen.
constexpr size_t kLongLine = 420;   // a role-play line, a choice's feedback
constexpr size_t kLongPage = 1100;  // a lesson page body
constexpr size_t kLongOption = 200; // a choice or an answer option

} // namespace sb
