#include "config/config.h"

#include "core/json_reader.h"
#include "core/json_source.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace sb {

float TextScale(const std::string& text_size) {
    if (text_size == "large") return 1.2f;
    if (text_size == "larger") return 1.4f;
    return 1.0f;
}

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
                  {"kioskLabel", "idleSeconds", "countdownSeconds", "mode", "packs", "logFolder", "pinHash",
                   "theme", "textSize", "dyslexiaFont", "language", "hiddenModules", "homePage"});
    r.Read(root, "", "kioskLabel", config.kiosk_label);
    r.ReadInt(root, "", "idleSeconds", 10, 3600, config.idle_seconds);
    r.ReadInt(root, "", "countdownSeconds", 5, 120, config.countdown_seconds);
    // Strings until the config holds typed values: the index picks from the same list.
    auto choice = [&](const char* key, std::string& out, const std::vector<std::string>& allowed) {
        size_t i = 0;
        if (r.ReadChoice(root, "", key, allowed, i)) out = allowed[i];
    };
    choice("mode", config.mode, {"walk-up", "workshop"});
    r.Read(root, "", "packs", config.pack_dirs);
    r.Read(root, "", "logFolder", config.log_dir);
    r.Read(root, "", "pinHash", config.pin_hash);
    choice("theme", config.theme, {"calm", "high-contrast"});
    choice("textSize", config.text_size, {"normal", "large", "larger"});
    r.Read(root, "", "dyslexiaFont", config.dyslexia_font);
    choice("language", config.language, {"nl", "en"});
    r.Read(root, "", "hiddenModules", config.hidden_modules);
    r.Read(root, "", "homePage", config.home_page);
    if (!config.pin_hash.empty() && config.pin_hash.rfind("$argon2", 0) != 0)
        r.Error("/pinHash", "bad-value",
                "\"pinHash\" is not a PIN hash. Set the PIN with: stageboost --set-pin (never write the PIN "
                "itself here).",
                "\"pinHash\" is geen PIN-hash. Stel de PIN in met: stageboost --set-pin (schrijf nooit de "
                "PIN zelf hier).");
    if (config.kiosk_label.empty() || config.kiosk_label.size() > 64)
        r.Error("/kioskLabel", "bad-value",
                "\"kioskLabel\" is 1 to 64 characters: a place or room, never a person's name.",
                "\"kioskLabel\" is 1 tot 64 tekens: een plek of lokaal, nooit de naam van een persoon.");
    return diags.ErrorCount() == before;
}

bool SaveConfig(const std::string& path, const KioskConfig& config, std::string& error) {
    nlohmann::json j = {{"kioskLabel", config.kiosk_label},
                        {"idleSeconds", config.idle_seconds},
                        {"countdownSeconds", config.countdown_seconds},
                        {"mode", config.mode},
                        {"packs", config.pack_dirs},
                        {"logFolder", config.log_dir},
                        {"pinHash", config.pin_hash},
                        {"theme", config.theme},
                        {"textSize", config.text_size},
                        {"dyslexiaFont", config.dyslexia_font},
                        {"language", config.language},
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
