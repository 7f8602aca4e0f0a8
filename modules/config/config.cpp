#include "config/config.h"

#include "core/json_source.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace sb {

namespace {

struct Checker {
    const JsonSource& src;
    Diagnostics& diags;
    void Error(const std::string& ptr, const char* code, std::string en, std::string nl,
               Severity sev = Severity::Error) {
        const TextPosition p = src.At(ptr);
        diags.Add({src.file, p.line, p.column, ptr, sev, code, std::move(en), std::move(nl)});
    }
    const nlohmann::json* Get(const char* key, nlohmann::json::value_t type, const char* example_en,
                              const char* example_nl) {
        auto it = src.root.find(key);
        if (it == src.root.end()) return nullptr;
        const bool ok =
            type == nlohmann::json::value_t::number_integer ? it->is_number_integer() : it->type() == type;
        if (!ok) {
            Error(std::string("/") + key, "wrong-type",
                  std::string("\"") + key + "\" should be " + example_en + ".",
                  std::string("\"") + key + "\" hoort " + example_nl + " te zijn.");
            return nullptr;
        }
        return &*it;
    }
    void String(const char* key, std::string& out, std::initializer_list<const char*> allowed = {}) {
        if (const auto* v = Get(key, nlohmann::json::value_t::string, "a string in quotes",
                                "een tekst tussen aanhalingstekens")) {
            const std::string s = v->get<std::string>();
            if (allowed.size() &&
                std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return s == a; })) {
                std::string list;
                for (const char* a : allowed)
                    list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
                Error(std::string("/") + key, "bad-value",
                      "\"" + s + "\" is not allowed here. Use " + list + ".",
                      "\"" + s + "\" mag hier niet. Gebruik " + list + ".");
                return;
            }
            out = s;
        }
    }
    void Int(const char* key, int& out, int lo, int hi) {
        if (const auto* v =
                Get(key, nlohmann::json::value_t::number_integer, "a whole number", "een geheel getal")) {
            const long long n = v->get<long long>();
            if (n < lo || n > hi) {
                Error(std::string("/") + key, "bad-value",
                      std::string("\"") + key + "\" is " + std::to_string(n) + "; use a number from " +
                          std::to_string(lo) + " to " + std::to_string(hi) + ".",
                      std::string("\"") + key + "\" is " + std::to_string(n) + "; gebruik een getal van " +
                          std::to_string(lo) + " tot " + std::to_string(hi) + ".");
                return;
            }
            out = static_cast<int>(n);
        }
    }
    void Strings(const char* key, std::vector<std::string>& out) {
        if (const auto* v = Get(key, nlohmann::json::value_t::array, "a list of strings, e.g. [\"…\"]",
                                "een lijst met teksten, bijvoorbeeld [\"…\"]")) {
            out.clear();
            for (size_t i = 0; i < v->size(); ++i) {
                if (!(*v)[i].is_string()) {
                    Error(std::string("/") + key + "/" + std::to_string(i), "wrong-type",
                          "Each entry is a string in quotes.",
                          "Elk item is een tekst tussen aanhalingstekens.");
                    continue;
                }
                out.push_back((*v)[i].get<std::string>());
            }
        }
    }
};

} // namespace

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
    Checker c{src, diags};
    if (!src.root.is_object()) {
        c.Error("", "wrong-type", "The config file holds one object { … }.",
                "Het configuratiebestand bevat één object { … }.");
        return false;
    }
    static const char* const known[] = {
        "$schema", "kioskLabel", "idleSeconds", "countdownSeconds", "mode",     "packs",         "logFolder",
        "pinHash", "theme",      "textSize",    "dyslexiaFont",     "language", "hiddenModules", "homePage"};
    for (auto it = src.root.begin(); it != src.root.end(); ++it)
        if (std::none_of(std::begin(known), std::end(known), [&](const char* k) { return it.key() == k; }))
            c.Error("/" + it.key(), "unknown-field",
                    "\"" + it.key() + "\" is not a setting; it is ignored. Check the spelling.",
                    "\"" + it.key() + "\" is geen instelling; het wordt genegeerd. Controleer de spelling.",
                    Severity::Warning);
    c.String("kioskLabel", config.kiosk_label);
    c.Int("idleSeconds", config.idle_seconds, 10, 3600);
    c.Int("countdownSeconds", config.countdown_seconds, 5, 120);
    c.String("mode", config.mode, {"walk-up", "workshop"});
    c.Strings("packs", config.pack_dirs);
    c.String("logFolder", config.log_dir);
    c.String("pinHash", config.pin_hash);
    c.String("theme", config.theme, {"calm", "high-contrast"});
    c.String("textSize", config.text_size, {"normal", "large", "larger"});
    if (const auto* v =
            c.Get("dyslexiaFont", nlohmann::json::value_t::boolean, "true or false", "true of false"))
        config.dyslexia_font = v->get<bool>();
    c.String("language", config.language, {"nl", "en"});
    c.Strings("hiddenModules", config.hidden_modules);
    c.String("homePage", config.home_page);
    if (!config.pin_hash.empty() && config.pin_hash.rfind("$argon2", 0) != 0)
        c.Error("/pinHash", "bad-value",
                "\"pinHash\" is not a PIN hash. Set the PIN with: stageboost --set-pin (never write the PIN "
                "itself here).",
                "\"pinHash\" is geen PIN-hash. Stel de PIN in met: stageboost --set-pin (schrijf nooit de "
                "PIN zelf hier).");
    if (config.kiosk_label.empty() || config.kiosk_label.size() > 64)
        c.Error("/kioskLabel", "bad-value",
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
