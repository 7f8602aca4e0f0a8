#include "config/config.h"

#include "core/json_reader.h"
#include "core/json_source.h"
#include "core/kiosk_label.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace sb {

float TextScale(TextSize size) {
    for (const auto& t : kTextScales)
        if (t.size == size) return t.scale;
    return 1.0f;
}

namespace {

// One of a setting's names (the table in config.h), or a bad-value listing them.
template <class E> void ReadNamed(JsonReader& r, const char* key, E& out) {
    const std::vector<std::string> names = AllNames<E>();
    size_t i = 0;
    if (r.ReadChoice(r.Source().root, "", key, names, i)) out = NamesOf<E>()[i].value;
}

void ReadLimited(JsonReader& r, const IntLimits& limits, int& out) {
    r.ReadInt(r.Source().root, "", limits.key, limits.min, limits.max, out);
}

} // namespace

bool LoadConfig(const std::string& path, KioskConfig& config, Diagnostics& diags) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return true; // no file: defaults
    const size_t before = diags.ErrorCount();
    JsonLimits limits;
    limits.max_file_bytes = 1 << 20;
    JsonSource src = ReadJsonFile(path, path, limits, diags);
    if (!src.ok) return false;
    JsonReader r(src, diags);
    const nlohmann::json& root = src.root;
    if (!root.is_object()) {
        r.Error("", "wrong-type", "The config file holds one object { … }.",
                "Het configuratiebestand bevat één object { … }.");
        return false;
    }
    r.CheckFields(root, "",
                  {"kioskLabel", kIdleSeconds.key, kCountdownSeconds.key, "mode", "packs", "logFolder",
                   "pinHash", "theme", "textSize", "dyslexiaFont", "language", "hiddenModules", "homePage",
                   "audience"});
    // The label goes into every answer: one that the log would refuse is refused here, and the default kept.
    std::string label;
    if (r.Read(root, "", "kioskLabel", label)) {
        if (IsValidKioskLabel(label))
            config.kiosk_label = label;
        else
            r.Error("/kioskLabel", "bad-value",
                    KioskLabelProblem(label, "en") + " Until then this kiosk uses \"" + config.kiosk_label +
                        "\".",
                    KioskLabelProblem(label, "nl") + " Tot dan gebruikt deze kiosk \"" + config.kiosk_label +
                        "\".");
    }
    ReadLimited(r, kIdleSeconds, config.idle_seconds);
    ReadLimited(r, kCountdownSeconds, config.countdown_seconds);
    ReadNamed(r, "mode", config.mode);
    ReadNamed(r, "audience", config.audience);
    r.Read(root, "", "packs", config.pack_dirs);
    r.Read(root, "", "logFolder", config.log_dir);
    r.Read(root, "", "pinHash", config.pin_hash);
    ReadNamed(r, "theme", config.theme);
    ReadNamed(r, "textSize", config.text_size);
    r.Read(root, "", "dyslexiaFont", config.dyslexia_font);
    ReadNamed(r, "language", config.language);
    r.Read(root, "", "hiddenModules", config.hidden_modules);
    r.Read(root, "", "homePage", config.home_page);
    if (!config.pin_hash.empty() && config.pin_hash.rfind("$argon2", 0) != 0)
        r.Error("/pinHash", "bad-value",
                "\"pinHash\" is not a PIN hash. Set the PIN with: stageboost --set-pin (never write the PIN "
                "itself here).",
                "\"pinHash\" is geen PIN-hash. Stel de PIN in met: stageboost --set-pin (schrijf nooit de "
                "PIN zelf hier).");
    return diags.ErrorCount() == before;
}

bool SaveConfig(const std::string& path, const KioskConfig& config, std::string& error) {
    nlohmann::json j = {{"kioskLabel", config.kiosk_label},
                        {kIdleSeconds.key, config.idle_seconds},
                        {kCountdownSeconds.key, config.countdown_seconds},
                        {"mode", NameOf(config.mode)},
                        {"audience", NameOf(config.audience)},
                        {"packs", config.pack_dirs},
                        {"logFolder", config.log_dir},
                        {"pinHash", config.pin_hash},
                        {"theme", NameOf(config.theme)},
                        {"textSize", NameOf(config.text_size)},
                        {"dyslexiaFont", config.dyslexia_font},
                        {"language", NameOf(config.language)},
                        {"hiddenModules", config.hidden_modules},
                        {"homePage", config.home_page}};
    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << j.dump(2) << "\n";
        out.flush();
        if (!out) {
            error = "Could not write " + tmp + " (is the folder writable?)";
            return false;
        }
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        error = "Could not replace " + path + ": " + ec.message();
        return false;
    }
    return true;
}

} // namespace sb
