#include "core/json_reader.h"

#include <algorithm>
#include <map>

using nlohmann::json;

namespace sb {

namespace {

size_t EditDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

bool KindMatches(const json& v, JsonKind kind) {
    switch (kind) {
    case JsonKind::Text:
        return v.is_string() || v.is_object();
    case JsonKind::Id:
    case JsonKind::String:
        return v.is_string();
    case JsonKind::Int:
        return v.is_number_integer();
    case JsonKind::Number:
        return v.is_number();
    case JsonKind::Bool:
        return v.is_boolean();
    case JsonKind::Object:
        return v.is_object();
    case JsonKind::Array:
        return v.is_array();
    }
    return false;
}

} // namespace

const char* JsonTypeName(const json& v, bool nl) {
    switch (v.type()) {
    case json::value_t::null:
        return nl ? "leeg (null)" : "empty (null)";
    case json::value_t::object:
        return nl ? "een object { }" : "an object { }";
    case json::value_t::array:
        return nl ? "een lijst [ ]" : "a list [ ]";
    case json::value_t::string:
        return nl ? "een tekst" : "a string";
    case json::value_t::boolean:
        return nl ? "waar/onwaar" : "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return nl ? "een geheel getal" : "a whole number";
    case json::value_t::number_float:
        return nl ? "een getal" : "a number";
    default:
        return "?";
    }
}

std::string JsonKindExample(JsonKind kind, bool nl) {
    switch (kind) {
    case JsonKind::Text:
        return nl ? "een tekst zoals {\"nl\": \"…\", \"en\": \"…\"}"
                  : "a text like {\"nl\": \"…\", \"en\": \"…\"}";
    case JsonKind::Id:
        return nl ? "een id zoals \"eerste-week\"" : "an id like \"first-week\"";
    case JsonKind::String:
        return nl ? "een tekst tussen aanhalingstekens" : "a string in quotes";
    case JsonKind::Int:
        return nl ? "een geheel getal, zoals 5" : "a whole number, like 5";
    case JsonKind::Number:
        return nl ? "een getal" : "a number";
    case JsonKind::Bool:
        return nl ? "true of false" : "true or false";
    case JsonKind::Object:
        return nl ? "een object { … }" : "an object { … }";
    case JsonKind::Array:
        return nl ? "een lijst [ … ]" : "a list [ … ]";
    }
    return "";
}

bool IsJsonId(std::string_view s) {
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (s.empty() || s.size() > 64 || !lower_or_digit(s[0])) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return lower_or_digit(c) || c == '-' || c == '_'; });
}

bool IsAuthorComment(std::string_view key) {
    return (!key.empty() && key[0] == '_') || key.substr(0, 2) == "//";
}

std::string ClosestWord(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_d = 3; // suggest only close matches
    for (const auto& c : candidates) {
        const size_t d = EditDistance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

void JsonReader::Report(Severity sev, const std::string& ptr, const char* code, std::string en,
                        std::string nl) {
    const TextPosition p = m_src.At(ptr);
    m_diags.Add({m_src.file, p.line, p.column, ptr, sev, code, std::move(en), std::move(nl)});
}

void JsonReader::CheckFields(const json& obj, const std::string& ptr,
                             const std::vector<std::string>& allowed) {
    if (!obj.is_object()) return;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (it.key() == "$schema" || (author_comments && IsAuthorComment(it.key())) ||
            std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end())
            continue;
        const std::string guess = ClosestWord(it.key(), allowed);
        const std::string hint_en = guess.empty() ? " It is ignored; remove it or check the spelling."
                                                  : " Did you mean \"" + guess + "\"?";
        const std::string hint_nl = guess.empty()
                                        ? " Het wordt genegeerd; haal het weg of controleer de spelling."
                                        : " Bedoel je \"" + guess + "\"?";
        Warn(PointerAppend(ptr, it.key()), "unknown-field",
             "\"" + it.key() + "\" is not a known field here." + hint_en,
             "\"" + it.key() + "\" is hier geen bekend veld." + hint_nl);
    }
}

const json* JsonReader::Get(const json& obj, const std::string& ptr, const char* key, JsonKind kind,
                            bool required) {
    if (!obj.is_object()) {
        // A list entry such as a choice or a line that is not an object: say so once, where it is,
        // instead of reading it as an empty one (a choice without a target reached the kiosk).
        if (required && m_not_objects.insert(ptr).second)
            Error(ptr, "wrong-type",
                  std::string("This should be an object { … }, but it is ") + JsonTypeName(obj, false) + ".",
                  std::string("Dit hoort een object { … } te zijn, maar het is ") + JsonTypeName(obj, true) +
                      ".");
        return nullptr;
    }
    auto it = obj.find(key);
    const std::string fptr = PointerAppend(ptr, key);
    if (it == obj.end()) {
        if (required)
            Error(ptr, "missing-field",
                  std::string("The field \"") + key +
                      "\" is missing. Add it: " + JsonKindExample(kind, false),
                  std::string("Het veld \"") + key +
                      "\" ontbreekt. Voeg het toe: " + JsonKindExample(kind, true));
        return nullptr;
    }
    const json& v = *it;
    if (!KindMatches(v, kind)) {
        Error(fptr, "wrong-type",
              std::string("\"") + key + "\" should be " + JsonKindExample(kind, false) + ", but it is " +
                  JsonTypeName(v, false) + ".",
              std::string("\"") + key + "\" hoort " + JsonKindExample(kind, true) + " te zijn, maar het is " +
                  JsonTypeName(v, true) + ".");
        return nullptr;
    }
    if (kind == JsonKind::Id && !IsJsonId(v.get<std::string>())) {
        Error(fptr, "bad-id",
              "\"" + v.get<std::string>() +
                  "\" is not a valid id. Use lowercase letters, digits, '-' and '_', e.g. \"eerste-week\".",
              "\"" + v.get<std::string>() +
                  "\" is geen geldige id. Gebruik kleine letters, cijfers, '-' en '_', bijvoorbeeld "
                  "\"eerste-week\".");
        return nullptr;
    }
    return &v;
}

std::string JsonReader::Str(const json& obj, const std::string& ptr, const char* key, bool required,
                            JsonKind kind) {
    const json* v = Get(obj, ptr, key, kind, required);
    return v ? v->get<std::string>() : std::string();
}

LocalText JsonReader::Text(const json& obj, const std::string& ptr, const char* key, bool required,
                           size_t warn_len) {
    const json* v = Get(obj, ptr, key, JsonKind::Text, required);
    if (!v) return {};
    return TextValue(*v, PointerAppend(ptr, key), warn_len);
}

LocalText JsonReader::TextValue(const json& v, const std::string& ptr, size_t warn_len) {
    const auto& languages = m_languages.languages;
    const std::string& default_language = m_languages.default_language;
    std::map<std::string, std::string> by_lang;
    if (v.is_string()) {
        by_lang[default_language] = v.get<std::string>();
    } else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (author_comments && IsAuthorComment(it.key())) continue;
            const std::string lptr = PointerAppend(ptr, it.key());
            if (!it->is_string()) {
                Error(lptr, "wrong-type", "The " + it.key() + " text should be a string in quotes.",
                      "De tekst voor " + it.key() + " hoort een tekst tussen aanhalingstekens te zijn.");
                continue;
            }
            if (std::find(languages.begin(), languages.end(), it.key()) == languages.end()) {
                Warn(lptr, "unknown-language",
                     "\"" + it.key() +
                         "\" is not one of the pack's languages; this text is never shown. Add it to "
                         "\"languages\" in pack.json or remove it.",
                     "\"" + it.key() +
                         "\" is geen taal van dit pakket; deze tekst wordt nooit getoond. Zet de taal in "
                         "\"languages\" in pack.json of haal hem weg.");
            }
            by_lang[it.key()] = it->get<std::string>();
        }
    } else {
        Error(ptr, "wrong-type",
              std::string("This should be a text like {\"nl\": \"…\", \"en\": \"…\"}, but it is ") +
                  JsonTypeName(v, false) + ".",
              std::string("Dit hoort een tekst te zijn zoals {\"nl\": \"…\", \"en\": \"…\"}, maar het is ") +
                  JsonTypeName(v, true) + ".");
        return {};
    }
    if (by_lang.empty() ||
        std::all_of(by_lang.begin(), by_lang.end(), [](auto& p) { return p.second.empty(); })) {
        Error(ptr, "empty-text", "This text is empty. Write the text, or remove the field if it is optional.",
              "Deze tekst is leeg. Schrijf de tekst, of haal het veld weg als het niet verplicht is.");
        return LocalText(std::move(by_lang));
    }
    CheckMarkup(by_lang, ptr, v.is_string());
    std::string missing;
    for (const auto& lang : languages)
        if (!by_lang.count(lang)) missing += (missing.empty() ? "" : ", ") + lang;
    if (!missing.empty())
        Warn(ptr, "missing-translation",
             "This text has no " + missing + " translation; students see the " + default_language +
                 " text instead.",
             "Deze tekst heeft geen vertaling in " + missing + "; studenten zien dan de " + default_language +
                 "-tekst.");
    if (warn_len > 0) {
        for (const auto& [lang, s] : by_lang) {
            if (s.size() > warn_len) {
                Warn(PointerAppend(ptr, lang), "text-too-long",
                     "This " + lang + " text has " + std::to_string(s.size()) +
                         " characters and will not fit on one screen (about " + std::to_string(warn_len) +
                         " fit). Shorten it or split it.",
                     "Deze " + lang + "-tekst heeft " + std::to_string(s.size()) +
                         " tekens en past niet op één scherm (ongeveer " + std::to_string(warn_len) +
                         " passen). Maak hem korter of splits hem.");
                break;
            }
        }
    }
    return LocalText(std::move(by_lang));
}

std::vector<LocalText> JsonReader::TextList(const json& obj, const std::string& ptr, const char* key,
                                            size_t warn_len) {
    std::vector<LocalText> out;
    const json* arr = Get(obj, ptr, key, JsonKind::Array, false);
    if (!arr) return out;
    const std::string aptr = PointerAppend(ptr, key);
    for (size_t i = 0; i < arr->size(); ++i)
        out.push_back(TextValue((*arr)[i], PointerAppend(aptr, i), warn_len));
    return out;
}

std::vector<std::string> JsonReader::IdList(const json& obj, const std::string& ptr, const char* key) {
    std::vector<std::string> out;
    const json* arr = Get(obj, ptr, key, JsonKind::Array, false);
    if (!arr) return out;
    const std::string aptr = PointerAppend(ptr, key);
    for (size_t i = 0; i < arr->size(); ++i) {
        const json& v = (*arr)[i];
        if (!v.is_string() || !IsJsonId(v.get<std::string>())) {
            Error(PointerAppend(aptr, i), "bad-id",
                  "Each entry here should be an id in quotes, e.g. \"vertrouwenspersoon\".",
                  "Elk item hier hoort een id tussen aanhalingstekens te zijn, bijvoorbeeld "
                  "\"vertrouwenspersoon\".");
            continue;
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

void JsonReader::Unique(std::unordered_map<std::string, std::string>& seen, const std::string& id,
                        const std::string& ptr, const char* what_en, const char* what_nl) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, ptr);
    if (!inserted)
        Error(ptr, "duplicate-id",
              std::string("Another ") + what_en + " already has the id \"" + id + "\" (at " + it->second +
                  "). Ids must be unique: rename one.",
              std::string("Een andere ") + what_nl + " heeft al de id \"" + id + "\" (bij " + it->second +
                  "). Een id moet uniek zijn: geef er één een andere naam.");
}

bool JsonReader::Read(const json& obj, const std::string& ptr, const char* key, std::string& out,
                      bool required) {
    const json* v = Get(obj, ptr, key, JsonKind::String, required);
    if (!v) return false;
    out = v->get<std::string>();
    return true;
}

bool JsonReader::Read(const json& obj, const std::string& ptr, const char* key, bool& out, bool required) {
    const json* v = Get(obj, ptr, key, JsonKind::Bool, required);
    if (!v) return false;
    out = v->get<bool>();
    return true;
}

bool JsonReader::Read(const json& obj, const std::string& ptr, const char* key, std::vector<std::string>& out,
                      bool required) {
    const json* v = Get(obj, ptr, key, JsonKind::Array, required);
    if (!v) return false;
    const std::string aptr = PointerAppend(ptr, key);
    out.clear();
    for (size_t i = 0; i < v->size(); ++i) {
        if (!(*v)[i].is_string()) {
            Error(PointerAppend(aptr, i), "wrong-type",
                  std::string("Each entry of \"") + key + "\" is a string in quotes, but this is " +
                      JsonTypeName((*v)[i], false) + ".",
                  std::string("Elk item van \"") + key +
                      "\" is een tekst tussen aanhalingstekens, maar dit is " + JsonTypeName((*v)[i], true) +
                      ".");
            continue;
        }
        out.push_back((*v)[i].get<std::string>());
    }
    return true;
}

bool JsonReader::ReadInt(const json& obj, const std::string& ptr, const char* key, int lo, int hi, int& out,
                         bool required) {
    const json* v = Get(obj, ptr, key, JsonKind::Int, required);
    if (!v) return false;
    // An unsigned beyond long long, or any number outside [lo, hi], is out of range.
    const bool fits = !v->is_number_unsigned() || v->get<unsigned long long>() <= 0x7fffffffffffffffull;
    const long long n = fits ? v->get<long long>() : static_cast<long long>(hi) + 1;
    if (!fits || n < lo || n > hi) {
        const std::string shown = v->dump();
        Error(PointerAppend(ptr, key), "bad-value",
              std::string("\"") + key + "\" is " + shown + "; use a number from " + std::to_string(lo) +
                  " to " + std::to_string(hi) + ".",
              std::string("\"") + key + "\" is " + shown + "; gebruik een getal van " + std::to_string(lo) +
                  " tot " + std::to_string(hi) + ".");
        return false;
    }
    out = static_cast<int>(n);
    return true;
}

bool JsonReader::ReadChoice(const json& obj, const std::string& ptr, const char* key,
                            const std::vector<std::string>& allowed, size_t& index, bool required) {
    const json* v = Get(obj, ptr, key, JsonKind::String, required);
    if (!v) return false;
    const std::string s = v->get<std::string>();
    const auto it = std::find(allowed.begin(), allowed.end(), s);
    if (it == allowed.end()) {
        std::string list;
        for (const auto& a : allowed)
            list += (list.empty() ? "\"" : ", \"") + a + "\"";
        const std::string guess = ClosestWord(s, allowed);
        Error(PointerAppend(ptr, key), "bad-value",
              "\"" + s + "\" is not allowed for \"" + key + "\". Use " + list + "." +
                  (guess.empty() ? "" : " Did you mean \"" + guess + "\"?"),
              "\"" + s + "\" mag niet bij \"" + key + "\". Gebruik " + list + "." +
                  (guess.empty() ? "" : " Bedoel je \"" + guess + "\"?"));
        return false;
    }
    index = static_cast<size_t>(it - allowed.begin());
    return true;
}

} // namespace sb
