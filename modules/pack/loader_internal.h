#pragma once
// Shared by the loader's files (one per module kind, media, pack.json): typed field access that reports
// problems instead of throwing, and what the loader collects while it reads a pack. Not for other modules.
#include "core/marks.h"
#include "pack/loader.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sb::loader_detail {

using nlohmann::json;
namespace fs = std::filesystem;

const char* JsonTypeName(const nlohmann::json& v, bool nl);
size_t EditDistance(const std::string& a, const std::string& b);
// The candidate closest to `word` (at most 2 edits away), else "".
std::string Closest(const std::string& word, const std::vector<std::string>& candidates);
// A variable name: ^[a-z][a-z0-9_]{0,63}$ from format 2; format 1 also took capitals and a leading '_'.
bool IsVariableName(const std::string& s, int format = 2);
// One id rule for nodes, endings, modules and help: ^[a-z0-9][a-z0-9_-]{0,63}$.
bool IsId(const std::string& s);
// A field an author wrote as a comment: its name starts with "//" or "_". Ignored silently.
inline bool IsComment(const std::string& key) {
    return (!key.empty() && key[0] == '_') || key.rfind("//", 0) == 0;
}

struct PackInfo {
    std::vector<std::string> languages{"nl"};
    std::string default_language = "nl";
    const std::vector<GlossaryTerm>* glossary = nullptr; // pack.json's, read before any text that marks
    std::set<std::string>* marked = nullptr;             // glossary ids marked anywhere in the pack
};

enum class Kind { Text, Id, String, Int, Number, Bool, Object, Array };

class Reader {
  public:
    Reader(const JsonSource& src, Diagnostics& diags, const PackInfo& info)
        : m_src(src), m_diags(diags), m_info(info) {}

    const std::string& File() const { return m_src.file; }
    int format = 1; // the file's "format": some rules grew stricter in format 2
    // Texts read now may hold glossary marks (lesson bodies, callouts, practice cards, role-play lines):
    // the kiosk draws those as terms. Elsewhere a mark would show as typed, so it is an error.
    bool marks = false;
    struct MarksHere {
        Reader& r;
        bool before;
        explicit MarksHere(Reader& reader) : r(reader), before(reader.marks) { r.marks = true; }
        ~MarksHere() { r.marks = before; }
    };

    void Report(Severity sev, const std::string& ptr, const char* code, std::string en, std::string nl) {
        const TextPosition p = m_src.At(ptr);
        m_diags.Add({m_src.file, p.line, p.column, ptr, sev, code, std::move(en), std::move(nl)});
    }
    void Error(const std::string& ptr, const char* code, std::string en, std::string nl) {
        Report(Severity::Error, ptr, code, std::move(en), std::move(nl));
    }
    void Warn(const std::string& ptr, const char* code, std::string en, std::string nl) {
        Report(Severity::Warning, ptr, code, std::move(en), std::move(nl));
    }

    // Warns about fields the format does not know, suggesting the one that was probably meant.
    void CheckFields(const json& obj, const std::string& ptr, const std::vector<std::string>& allowed) {
        if (!obj.is_object()) return;
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (it.key() == "$schema" || IsComment(it.key()) ||
                std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end())
                continue;
            const std::string guess = Closest(it.key(), allowed);
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

    // Looks up a field and checks its JSON type. Returns null (after reporting) when absent or wrong.
    const json* Get(const json& obj, const std::string& ptr, const char* key, Kind kind, bool required) {
        if (!obj.is_object()) {
            // A list entry such as a choice or a line that is not an object: say so once, where it is,
            // instead of reading it as an empty one (a choice without a target reached the kiosk).
            if (required && m_not_objects.insert(ptr).second)
                Error(ptr, "wrong-type",
                      std::string("This should be an object { … }, but it is ") + JsonTypeName(obj, false) +
                          ".",
                      std::string("Dit hoort een object { … } te zijn, maar het is ") +
                          JsonTypeName(obj, true) + ".");
            return nullptr;
        }
        auto it = obj.find(key);
        const std::string fptr = PointerAppend(ptr, key);
        if (it == obj.end()) {
            if (required)
                Error(ptr, "missing-field",
                      std::string("The field \"") + key + "\" is missing. Add it: " + Example(kind, false),
                      std::string("Het veld \"") + key +
                          "\" ontbreekt. Voeg het toe: " + Example(kind, true));
            return nullptr;
        }
        const json& v = *it;
        bool ok = false;
        switch (kind) {
        case Kind::Text:
            ok = v.is_string() || v.is_object();
            break;
        case Kind::Id:
        case Kind::String:
            ok = v.is_string();
            break;
        case Kind::Int:
            ok = v.is_number_integer();
            break;
        case Kind::Number:
            ok = v.is_number();
            break;
        case Kind::Bool:
            ok = v.is_boolean();
            break;
        case Kind::Object:
            ok = v.is_object();
            break;
        case Kind::Array:
            ok = v.is_array();
            break;
        }
        if (!ok) {
            Error(fptr, "wrong-type",
                  std::string("\"") + key + "\" should be " + Example(kind, false) + ", but it is " +
                      JsonTypeName(v, false) + ".",
                  std::string("\"") + key + "\" hoort " + Example(kind, true) + " te zijn, maar het is " +
                      JsonTypeName(v, true) + ".");
            return nullptr;
        }
        if (kind == Kind::Id && !IsId(v.get<std::string>())) {
            Error(
                fptr, "bad-id",
                "\"" + v.get<std::string>() +
                    "\" is not a valid id. Use lowercase letters, digits, '-' and '_', e.g. \"eerste-week\".",
                "\"" + v.get<std::string>() +
                    "\" is geen geldige id. Gebruik kleine letters, cijfers, '-' en '_', bijvoorbeeld "
                    "\"eerste-week\".");
            return nullptr;
        }
        return &v;
    }

    std::string Str(const json& obj, const std::string& ptr, const char* key, bool required,
                    Kind kind = Kind::String) {
        const json* v = Get(obj, ptr, key, kind, required);
        return v ? v->get<std::string>() : std::string();
    }

    // A text a student sees: {"nl": "...", "en": "..."} or a plain string in the default language.
    LocalText Text(const json& obj, const std::string& ptr, const char* key, bool required,
                   size_t warn_len = 0) {
        const json* v = Get(obj, ptr, key, Kind::Text, required);
        if (!v) return {};
        return TextValue(*v, PointerAppend(ptr, key), warn_len);
    }

    LocalText TextValue(const json& v, const std::string& ptr, size_t warn_len = 0) {
        std::map<std::string, std::string> by_lang;
        if (v.is_string()) {
            by_lang[m_info.default_language] = v.get<std::string>();
        } else if (v.is_object()) {
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (IsComment(it.key())) continue;
                const std::string lptr = PointerAppend(ptr, it.key());
                if (!it->is_string()) {
                    Error(lptr, "wrong-type", "The " + it.key() + " text should be a string in quotes.",
                          "De tekst voor " + it.key() + " hoort een tekst tussen aanhalingstekens te zijn.");
                    continue;
                }
                if (std::find(m_info.languages.begin(), m_info.languages.end(), it.key()) ==
                    m_info.languages.end()) {
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
                  std::string(
                      "Dit hoort een tekst te zijn zoals {\"nl\": \"…\", \"en\": \"…\"}, maar het is ") +
                      JsonTypeName(v, true) + ".");
            return {};
        }
        if (by_lang.empty() ||
            std::all_of(by_lang.begin(), by_lang.end(), [](auto& p) { return p.second.empty(); })) {
            Error(ptr, "empty-text",
                  "This text is empty. Write the text, or remove the field if it is optional.",
                  "Deze tekst is leeg. Schrijf de tekst, of haal het veld weg als het niet verplicht is.");
            return LocalText(std::move(by_lang));
        }
        ResolveMarks(by_lang, ptr, v.is_string());
        std::string missing;
        for (const auto& lang : m_info.languages)
            if (!by_lang.count(lang)) missing += (missing.empty() ? "" : ", ") + lang;
        if (!missing.empty())
            Warn(ptr, "missing-translation",
                 "This text has no " + missing + " translation; students see the " + m_info.default_language +
                     " text instead.",
                 "Deze tekst heeft geen vertaling in " + missing + "; studenten zien dan de " +
                     m_info.default_language + "-tekst.");
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

    // Checks every [[id]] / [[id|words]] and rewrites it to [[id|words]] in each language.
    void ResolveMarks(std::map<std::string, std::string>& by_lang, const std::string& ptr, bool plain) {
        std::set<std::string> reported;
        for (auto& [lang, s] : by_lang) {
            if (s.find("[[") == std::string::npos) continue;
            const std::string lptr = plain ? ptr : PointerAppend(ptr, lang);
            const std::vector<Mark> marks = FindMarks(s);
            if (marks.empty()) continue;
            if (!this->marks) {
                if (reported.insert("").second)
                    Error(lptr, "mark-not-here",
                          "Glossary marks [[…]] work in lesson pages, callouts, practice cards and role-play "
                          "lines; here the brackets would show as typed. Write the word without [[ ]].",
                          "Woordenlijst-markeringen [[…]] werken in lespagina's, callouts, oefenkaarten en "
                          "regels van een rollenspel; hier zie je de haken gewoon staan. Schrijf het woord "
                          "zonder [[ ]].");
                continue;
            }
            std::string out;
            size_t at = 0;
            for (const Mark& m : marks) {
                out += s.substr(at, m.begin - at);
                at = m.end;
                const GlossaryTerm* term = nullptr;
                if (m_info.glossary)
                    for (const GlossaryTerm& g : *m_info.glossary)
                        if (g.id == m.id) term = &g;
                if (!term) {
                    if (reported.insert(m.id).second) {
                        std::vector<std::string> ids;
                        if (m_info.glossary)
                            for (const GlossaryTerm& g : *m_info.glossary)
                                ids.push_back(g.id);
                        const std::string guess = Closest(m.id, ids);
                        Error(lptr, "unknown-term",
                              "[[" + m.id +
                                  "]] marks a glossary term, but the pack's \"glossary\" has no \"" + m.id +
                                  "\". Add it to \"glossary\" in pack.json, or remove the brackets." +
                                  (guess.empty() ? "" : " Did you mean \"" + guess + "\"?"),
                              "[[" + m.id + "]] markeert een woord uit de woordenlijst, maar \"glossary\" " +
                                  "van het pakket heeft geen \"" + m.id +
                                  "\". Zet het in \"glossary\" in pack.json, of haal de haken weg." +
                                  (guess.empty() ? "" : " Bedoel je \"" + guess + "\"?"));
                    }
                    out += m.shown.empty() ? m.id : m.shown;
                    continue;
                }
                if (m_info.marked) m_info.marked->insert(m.id);
                const std::string shown =
                    m.shown.empty() ? term->term.Get(lang, m_info.default_language) : m.shown;
                out += "[[" + m.id + "|" + shown + "]]";
            }
            out += s.substr(at);
            s = std::move(out);
        }
    }

    std::vector<LocalText> TextList(const json& obj, const std::string& ptr, const char* key,
                                    size_t warn_len = 0) {
        std::vector<LocalText> out;
        const json* arr = Get(obj, ptr, key, Kind::Array, false);
        if (!arr) return out;
        const std::string aptr = PointerAppend(ptr, key);
        for (size_t i = 0; i < arr->size(); ++i)
            out.push_back(TextValue((*arr)[i], PointerAppend(aptr, i), warn_len));
        return out;
    }

    std::vector<std::string> IdList(const json& obj, const std::string& ptr, const char* key) {
        std::vector<std::string> out;
        const json* arr = Get(obj, ptr, key, Kind::Array, false);
        if (!arr) return out;
        const std::string aptr = PointerAppend(ptr, key);
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& v = (*arr)[i];
            if (!v.is_string() || !IsId(v.get<std::string>())) {
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

    // Reports a duplicate id within one list.
    void Unique(std::unordered_map<std::string, std::string>& seen, const std::string& id,
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

    static std::string Example(Kind kind, bool nl) {
        switch (kind) {
        case Kind::Text:
            return nl ? "een tekst zoals {\"nl\": \"…\", \"en\": \"…\"}"
                      : "a text like {\"nl\": \"…\", \"en\": \"…\"}";
        case Kind::Id:
            return nl ? "een id zoals \"eerste-week\"" : "an id like \"first-week\"";
        case Kind::String:
            return nl ? "een tekst tussen aanhalingstekens" : "a string in quotes";
        case Kind::Int:
            return nl ? "een geheel getal, zoals 5" : "a whole number, like 5";
        case Kind::Number:
            return nl ? "een getal" : "a number";
        case Kind::Bool:
            return nl ? "true of false" : "true or false";
        case Kind::Object:
            return nl ? "een object { … }" : "an object { … }";
        case Kind::Array:
            return nl ? "een lijst [ … ]" : "a list [ … ]";
        }
        return "";
    }

    const PackInfo& Info() const { return m_info; }

  private:
    const JsonSource& m_src;
    Diagnostics& m_diags;
    const PackInfo& m_info;
    std::unordered_set<std::string> m_not_objects; // pointers already reported as not an object
};

// A media reference to check once all modules are read.
struct MediaRef {
    std::string file; // the JSON file that names it
    std::string pointer;
    TextPosition pos;
    std::string path;
};

struct LoadContext {
    std::string dir; // as given
    fs::path root;   // canonical pack folder
    LoadOptions options;
    Diagnostics diags;
    PackInfo info;
    std::vector<MediaRef> media;
    // References into the pack, checked once everything is read.
    struct Ref {
        std::string file, pointer;
        TextPosition pos;
        std::string id;
    };
    std::vector<Ref> help_refs, cast_refs, confidence_refs, item_refs;
};

void AddMedia(LoadContext& ctx, const JsonSource& src, const std::string& ptr, const std::string& path);
std::string ShownPath(const std::string& dir, const std::string& rel);

void ReadLesson(Reader& r, LoadContext& ctx, const JsonSource& src, Module& m);
void ReadRoleplay(Reader& r, LoadContext& ctx, const JsonSource& src, Module& m);
void ReadQuiz(Reader& r, const JsonSource& src, Module& m);
bool ReadQuestion(Reader& r, const json& qj, const std::string& ptr, bool self_assessment,
                  const std::unordered_map<std::string, std::string>& seen_groups, Question& q);
void ReadConfidence(Reader& r, LoadContext& ctx, const JsonSource& src, Module& m);
void CheckMedia(LoadContext& ctx);

} // namespace sb::loader_detail
