#pragma once
// The kiosk's configuration: one JSON file, checked with errors as clear as the pack validator's.
// A missing file means sensible defaults, never a crash.
#include "core/diagnostics.h"

#include <string>
#include <vector>

namespace sb {

struct KioskConfig {
    std::string kiosk_label = "kiosk";  // a place or room, never a person's name
    int idle_seconds = 90;              // before "Ben je er nog?"
    int countdown_seconds = 15;         // before the reset
    std::string mode = "walk-up";       // walk-up or workshop
    std::vector<std::string> pack_dirs; // extra pack folders
    std::string log_dir;                // where the anonymous confidence log lives ("" = default)
    std::string pin_hash;               // crypto_pwhash_str of the trainer PIN ("" = no trainer mode)
    std::string theme = "calm";         // calm or high-contrast
    std::string text_size = "normal";   // normal, large or larger
    bool dyslexia_font = false;
    std::string language = "nl";
    std::vector<std::string> hidden_modules; // "pack-id/module-id" the trainer switched off
    std::string home_page;                   // xAPI account home page ("" = derived from the label)
};

// Reads `path`. A missing file gives defaults and no diagnostics; every problem gets file:line:col.
// Returns false when there are errors (the values that could be read are kept, the rest are defaults).
bool LoadConfig(const std::string& path, KioskConfig& config, Diagnostics& diags);

// Writes the config atomically (temp file, then rename), so a power cut never leaves half a file.
bool SaveConfig(const std::string& path, const KioskConfig& config, std::string& error);

// Text scale for a text size name.
float TextScale(const std::string& text_size);

} // namespace sb
