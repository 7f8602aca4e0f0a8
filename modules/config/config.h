#pragma once
// The kiosk's configuration: one JSON file, checked with errors as clear as the pack validator's.
// A missing file means sensible defaults, never a crash. Values are typed; each setting's names and
// limits are in the tables below, once, for the config loader, the trainer screen and the command line.
#include "core/diagnostics.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

enum class KioskMode { WalkUp, Workshop };
enum class Theme { Calm, HighContrast };
enum class TextSize { Normal, Large, Larger };
enum class Language { Nl, En };
// Who a workshop is for (the trainer menu's choice); the same names as a pack's "audience" (pack/model.h).
enum class WorkshopAudience { Student, Supervisor, Employer, Staff };

// ---- names: how each value is written in the config file and on the command line
template <class E> struct NamedValue {
    E value;
    const char* name;
};
inline constexpr std::array<NamedValue<KioskMode>, 2> kKioskModeNames{
    {{KioskMode::WalkUp, "walk-up"}, {KioskMode::Workshop, "workshop"}}};
inline constexpr std::array<NamedValue<Theme>, 2> kThemeNames{
    {{Theme::Calm, "calm"}, {Theme::HighContrast, "high-contrast"}}};
inline constexpr std::array<NamedValue<TextSize>, 3> kTextSizeNames{
    {{TextSize::Normal, "normal"}, {TextSize::Large, "large"}, {TextSize::Larger, "larger"}}};
inline constexpr std::array<NamedValue<Language>, 2> kLanguageNames{
    {{Language::Nl, "nl"}, {Language::En, "en"}}};
inline constexpr std::array<NamedValue<WorkshopAudience>, 4> kWorkshopAudienceNames{
    {{WorkshopAudience::Student, "student"},
     {WorkshopAudience::Supervisor, "supervisor"},
     {WorkshopAudience::Employer, "employer"},
     {WorkshopAudience::Staff, "staff"}}};

template <class E> constexpr const auto& NamesOf() {
    if constexpr (std::is_same_v<E, KioskMode>)
        return kKioskModeNames;
    else if constexpr (std::is_same_v<E, Theme>)
        return kThemeNames;
    else if constexpr (std::is_same_v<E, TextSize>)
        return kTextSizeNames;
    else if constexpr (std::is_same_v<E, WorkshopAudience>)
        return kWorkshopAudienceNames;
    else
        return kLanguageNames;
}
template <class E> const char* NameOf(E value) {
    for (const auto& n : NamesOf<E>())
        if (n.value == value) return n.name;
    return "";
}
template <class E> std::optional<E> ParseName(std::string_view name) {
    for (const auto& n : NamesOf<E>())
        if (name == n.name) return n.value;
    return std::nullopt;
}
template <class E> std::vector<std::string> AllNames() {
    std::vector<std::string> out;
    for (const auto& n : NamesOf<E>())
        out.emplace_back(n.name);
    return out;
}

// ---- limits: what the config may hold, what the trainer's buttons reach (they stop at the ends) and what
// the command line accepts. Idle: long enough to read a lesson page, short enough that a student who walked
// away is not on screen for long; the countdown gives time to tap "Ik ben er nog".
struct IntLimits {
    const char* key; // in the config file
    int min, max, step, fallback;
    int Clamp(int v) const { return v < min ? min : v > max ? max : v; }
};
inline constexpr IntLimits kIdleSeconds{"idleSeconds", 30, 600, 15, 90};        // before "Ben je er nog?"
inline constexpr IntLimits kCountdownSeconds{"countdownSeconds", 5, 60, 5, 15}; // of its countdown

// The text scale of each text size; a scale from the command line lies from the first to the last.
struct TextSizeScale {
    TextSize size;
    float scale;
};
inline constexpr std::array<TextSizeScale, 3> kTextScales{
    {{TextSize::Normal, 1.0f}, {TextSize::Large, 1.2f}, {TextSize::Larger, 1.4f}}};
float TextScale(TextSize size);

struct KioskConfig {
    std::string kiosk_label = "kiosk"; // a place or room, never a person's name (core/kiosk_label.h)
    int idle_seconds = kIdleSeconds.fallback;
    int countdown_seconds = kCountdownSeconds.fallback;
    KioskMode mode = KioskMode::WalkUp;
    WorkshopAudience audience = WorkshopAudience::Student; // whose modules a workshop's home shows
    std::vector<std::string> pack_dirs;                    // extra pack folders
    std::string log_dir;  // where the anonymous confidence log lives ("" = default)
    std::string pin_hash; // crypto_pwhash_str of the trainer PIN ("" = no trainer mode)
    Theme theme = Theme::Calm;
    TextSize text_size = TextSize::Normal;
    bool dyslexia_font = false;
    Language language = Language::Nl;
    std::vector<std::string> hidden_modules; // "pack-id/module-id" the trainer switched off
    std::string home_page;                   // xAPI account home page ("" = derived from the label)
};

// Reads `path`. A missing file gives defaults and no diagnostics; every problem gets file:line:col.
// Returns false when there are errors (the values that could be read are kept, the rest are defaults).
bool LoadConfig(const std::string& path, KioskConfig& config, Diagnostics& diags);

// Writes the config atomically (temp file, then rename), so a power cut never leaves half a file.
bool SaveConfig(const std::string& path, const KioskConfig& config, std::string& error);

} // namespace sb
