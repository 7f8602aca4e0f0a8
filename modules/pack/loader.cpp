// LoadPack: reads pack.json and every module, checks them, and builds the immutable model.
//
// [SECTION] Reader: typed field access that reports problems instead of throwing
// [SECTION] pack.json
// [SECTION] module header and kinds (lesson, roleplay, quiz, confidence)
// [SECTION] cross-checks: references, role-play graph, media
#include "pack/loader.h"

#include <stb_image.h>

#include <algorithm>
#include <cstring>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <queue>
#include <regex>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace fs = std::filesystem;
using nlohmann::json;

namespace sb {

namespace {

// ============================================================ [SECTION] Reader

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

std::string Closest(const std::string& word, const std::vector<std::string>& candidates) {
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

// [A-Za-z_][A-Za-z0-9_]*, by hand: std::regex recurses per character, and a 50,000-character name
// overflowed the stack.
bool IsVariableName(const std::string& s) {
    auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    return !s.empty() && alpha(s[0]) &&
           std::all_of(s.begin(), s.end(), [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

bool IsId(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    if (!(std::islower(static_cast<unsigned char>(s[0])) || std::isdigit(static_cast<unsigned char>(s[0]))))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
               c == '-';
    });
}

struct PackInfo {
    std::vector<std::string> languages{"nl"};
    std::string default_language = "nl";
};

enum class Kind { Text, Id, String, Int, Number, Bool, Object, Array };

class Reader {
  public:
    Reader(const JsonSource& src, Diagnostics& diags, const PackInfo& info)
        : m_src(src), m_diags(diags), m_info(info) {}

    const std::string& File() const { return m_src.file; }

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
            if (it.key() == "$schema" || std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end())
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
            Error(fptr, "bad-id",
                  "\"" + v.get<std::string>() +
                      "\" is not a valid id. Use lowercase letters, digits and '-', e.g. \"eerste-week\".",
                  "\"" + v.get<std::string>() +
                      "\" is geen geldige id. Gebruik kleine letters, cijfers en '-', bijvoorbeeld "
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
    std::vector<Ref> help_refs, cast_refs, check_refs, item_refs;
};

void AddMedia(LoadContext& ctx, const JsonSource& src, const std::string& ptr, const std::string& path) {
    if (!path.empty()) ctx.media.push_back({src.file, ptr, src.At(ptr), path});
}

std::string ShownPath(const std::string& dir, const std::string& rel) {
    if (dir.empty() || dir == ".") return rel;
    return (dir.back() == '/' ? dir : dir + "/") + rel;
}

// ============================================================ [SECTION] module kinds

void ReadLesson(Reader& r, LoadContext& ctx, const JsonSource& src, Module& m) {
    Lesson lesson;
    const json& root = src.root;
    const json* pages = r.Get(root, "", "pages", Kind::Array, true);
    if (pages && pages->empty())
        r.Error("/pages", "empty-list", "A lesson needs at least one page.",
                "Een les heeft minstens één pagina nodig.");
    if (pages) {
        for (size_t i = 0; i < pages->size(); ++i) {
            const json& p = (*pages)[i];
            const std::string ptr = PointerAppend("/pages", i);
            if (!p.is_object()) {
                r.Error(ptr, "wrong-type", "Each page should be an object { \"title\": …, \"body\": … }.",
                        "Elke pagina hoort een object { \"title\": …, \"body\": … } te zijn.");
                continue;
            }
            r.CheckFields(p, ptr, {"title", "body", "image", "callouts", "reflection"});
            LessonPage page;
            page.title = r.Text(p, ptr, "title", true, kLongOption);
            page.body = r.Text(p, ptr, "body", true, kLongPage);
            page.reflection = r.Text(p, ptr, "reflection", false, kLongLine);
            if (const json* img = r.Get(p, ptr, "image", Kind::Object, false)) {
                const std::string iptr = PointerAppend(ptr, "image");
                r.CheckFields(*img, iptr, {"src", "alt"});
                page.image.src = r.Str(*img, iptr, "src", true);
                page.image.alt = r.Text(*img, iptr, "alt", true);
                AddMedia(ctx, src, PointerAppend(iptr, "src"), page.image.src);
            }
            if (const json* cs = r.Get(p, ptr, "callouts", Kind::Array, false)) {
                for (size_t k = 0; k < cs->size(); ++k) {
                    const json& c = (*cs)[k];
                    const std::string cptr = PointerAppend(PointerAppend(ptr, "callouts"), k);
                    r.CheckFields(c, cptr, {"type", "text"});
                    Callout callout;
                    const std::string type = r.Str(c, cptr, "type", true);
                    if (type == "tip")
                        callout.type = CalloutType::Tip;
                    else if (type == "watch-out")
                        callout.type = CalloutType::WatchOut;
                    else if (type == "did-you-know")
                        callout.type = CalloutType::DidYouKnow;
                    else if (!type.empty())
                        r.Error(
                            PointerAppend(cptr, "type"), "bad-value",
                            "\"" + type +
                                "\" is not a callout type. Use \"tip\", \"watch-out\" or \"did-you-know\".",
                            "\"" + type +
                                "\" is geen soort callout. Gebruik \"tip\", \"watch-out\" of "
                                "\"did-you-know\".");
                    callout.text = r.Text(c, cptr, "text", true, kLongLine);
                    page.callouts.push_back(std::move(callout));
                }
            }
            lesson.pages.push_back(std::move(page));
        }
    }
    m.content = std::move(lesson);
}

void ReadRoleplay(Reader& r, LoadContext& ctx, const JsonSource& src, Module& m) {
    Roleplay rp;
    const size_t errors_at_start = ctx.diags.ErrorCount();
    const json& root = src.root;
    rp.content_warning = r.Text(root, "", "contentWarning", true, kLongLine);
    rp.role = r.Text(root, "", "role", false, kLongLine);

    ExprScope scope;
    if (const json* vars = r.Get(root, "", "variables", Kind::Object, false)) {
        for (auto it = vars->begin(); it != vars->end(); ++it) {
            const std::string vptr = PointerAppend("/variables", it.key());
            if (!IsVariableName(it.key())) {
                r.Error(vptr, "bad-id",
                        "\"" + it.key() +
                            "\" is not a valid variable name. Use letters, digits and '_', starting with a "
                            "letter.",
                        "\"" + it.key() +
                            "\" is geen geldige variabelenaam. Gebruik letters, cijfers en '_', en begin met "
                            "een letter.");
                continue;
            }
            Variable v{it.key(), {}};
            if (it->is_boolean())
                v.initial = Value::Bool(it->get<bool>());
            else if (it->is_number_integer()) {
                // Expressions clamp at ±1,000,000,000 so sums cannot overflow; a start value must fit too.
                const double start = it->get<double>();
                if (start < -1e9 || start > 1e9) {
                    r.Error(vptr, "bad-value", "A variable starts between -1000000000 and 1000000000.",
                            "Een variabele begint tussen -1000000000 en 1000000000.");
                    continue;
                }
                v.initial = Value::Int(it->get<int64_t>());
            } else {
                r.Error(vptr, "wrong-type", "A variable starts as a whole number or as true/false.",
                        "Een variabele begint als een geheel getal of als true/false.");
                continue;
            }
            scope.variables.push_back(v.name);
            scope.types.push_back(v.initial.type);
            rp.variables.push_back(v);
        }
    }

    // Index ids first, so targets, visits() and the graph can refer to any node or ending.
    const json* nodes = r.Get(root, "", "nodes", Kind::Array, true);
    const json* endings = r.Get(root, "", "endings", Kind::Array, true);
    std::unordered_map<std::string, std::string> seen;
    std::unordered_map<std::string, Target> targets;
    if (nodes) {
        if (nodes->size() > ctx.options.max_nodes) {
            r.Error("/nodes", "too-many-nodes",
                    "This role-play has " + std::to_string(nodes->size()) + " nodes; the limit is " +
                        std::to_string(ctx.options.max_nodes) + ". Split it into several role-plays.",
                    "Dit rollenspel heeft " + std::to_string(nodes->size()) + " nodes; de grens is " +
                        std::to_string(ctx.options.max_nodes) + ". Verdeel het over meer rollenspellen.");
            m.content = std::move(rp);
            return;
        }
        for (size_t i = 0; i < nodes->size(); ++i) {
            const std::string ptr = PointerAppend("/nodes", i);
            const std::string id = r.Str((*nodes)[i], ptr, "id", true, Kind::Id);
            r.Unique(seen, id, PointerAppend(ptr, "id"), "node or ending", "node of afloop");
            if (!id.empty()) targets.emplace(id, Target{false, static_cast<int>(i)});
            scope.nodes.push_back(id);
        }
    }
    if (endings) {
        if (endings->empty())
            r.Error("/endings", "empty-list", "A role-play needs at least one ending.",
                    "Een rollenspel heeft minstens één afloop nodig.");
        for (size_t i = 0; i < endings->size(); ++i) {
            const std::string ptr = PointerAppend("/endings", i);
            const std::string id = r.Str((*endings)[i], ptr, "id", true, Kind::Id);
            r.Unique(seen, id, PointerAppend(ptr, "id"), "node or ending", "node of afloop");
            if (!id.empty()) targets.emplace(id, Target{true, static_cast<int>(i)});
        }
    }

    auto resolve = [&](const std::string& id, const std::string& ptr, Target& out) {
        auto it = targets.find(id);
        if (it != targets.end()) {
            out = it->second;
            return;
        }
        std::vector<std::string> ids;
        for (const auto& [k, v] : targets)
            ids.push_back(k);
        const std::string guess = Closest(id, ids);
        r.Error(ptr, "unknown-target",
                "This leads to \"" + id + "\", but there is no node or ending with that id." +
                    (guess.empty() ? " Add it, or point to an existing one."
                                   : " Did you mean \"" + guess + "\"?"),
                "Dit leidt naar \"" + id + "\", maar er is geen node of afloop met die id." +
                    (guess.empty() ? " Voeg die toe, of verwijs naar een bestaande."
                                   : " Bedoel je \"" + guess + "\"?"));
    };
    auto expr_error = [&](const std::string& ptr, const std::string& text, const ExprError& e) {
        r.Error(ptr, "expression-error",
                e.en + " (at character " + std::to_string(e.offset + 1) + " of \"" + text + "\")",
                e.nl + " (bij teken " + std::to_string(e.offset + 1) + " van \"" + text + "\")");
    };

    if (nodes) {
        for (size_t i = 0; i < nodes->size(); ++i) {
            const json& n = (*nodes)[i];
            const std::string ptr = PointerAppend("/nodes", i);
            r.CheckFields(n, ptr, {"id", "lines", "prompt", "choices", "next"});
            Node node;
            node.id = scope.nodes[i];
            if (const json* lines = r.Get(n, ptr, "lines", Kind::Array, true)) {
                for (size_t k = 0; k < lines->size(); ++k) {
                    const json& l = (*lines)[k];
                    const std::string lptr = PointerAppend(PointerAppend(ptr, "lines"), k);
                    r.CheckFields(l, lptr, {"speaker", "text", "mood", "image"});
                    Line line;
                    line.speaker = r.Str(l, lptr, "speaker", true);
                    if (!line.speaker.empty() && line.speaker != "narrator" && line.speaker != "you")
                        ctx.cast_refs.push_back({src.file, PointerAppend(lptr, "speaker"),
                                                 src.At(PointerAppend(lptr, "speaker")), line.speaker});
                    line.text = r.Text(l, lptr, "text", true, kLongLine);
                    line.mood = r.Str(l, lptr, "mood", false);
                    static const std::set<std::string> moods{"neutral", "happy", "worried",
                                                             "angry",   "sad",   "surprised"};
                    if (!line.mood.empty() && !moods.count(line.mood))
                        r.Error(PointerAppend(lptr, "mood"), "bad-value",
                                "\"" + line.mood +
                                    "\" is not a mood. Use neutral, happy, worried, angry, sad or surprised.",
                                "\"" + line.mood +
                                    "\" is geen stemming. Gebruik neutral, happy, worried, angry, sad of "
                                    "surprised.");
                    line.image = r.Str(l, lptr, "image", false);
                    AddMedia(ctx, src, PointerAppend(lptr, "image"), line.image);
                    node.lines.push_back(std::move(line));
                }
            }
            node.prompt = r.Text(n, ptr, "prompt", false, kLongLine);
            const json* choices = r.Get(n, ptr, "choices", Kind::Array, false);
            const bool has_next = n.is_object() && n.contains("next");
            if (choices && has_next)
                r.Error(PointerAppend(ptr, "next"), "choices-and-next",
                        "This node has both \"choices\" and \"next\". Keep one: choices for a decision, next "
                        "to just continue.",
                        "Deze node heeft zowel \"choices\" als \"next\". Houd er één: choices voor een "
                        "keuze, next om gewoon door te gaan.");
            if (!choices && !has_next && n.is_object())
                r.Error(PointerAppend(ptr, "id"), "dead-end",
                        "This node has no \"choices\" and no \"next\": the story stops here without an "
                        "ending. Add choices, or \"next\" pointing to a node or ending.",
                        "Deze node heeft geen \"choices\" en geen \"next\": het verhaal stopt hier zonder "
                        "afloop. Voeg keuzes toe, of \"next\" naar een node of afloop.");
            if (choices) {
                if (choices->empty() || choices->size() > 6)
                    r.Error(
                        PointerAppend(ptr, "choices"), "choice-count",
                        "A decision has 1 to 6 choices (keys 1–4 work best); this one has " +
                            std::to_string(choices->size()) + ".",
                        "Een keuzemoment heeft 1 tot 6 keuzes (toetsen 1–4 werken het best); deze heeft er " +
                            std::to_string(choices->size()) + ".");
                for (size_t k = 0; k < choices->size(); ++k) {
                    const json& c = (*choices)[k];
                    const std::string cptr = PointerAppend(PointerAppend(ptr, "choices"), k);
                    r.CheckFields(c, cptr, {"text", "target", "condition", "effects", "feedback", "quality"});
                    Choice choice;
                    choice.text = r.Text(c, cptr, "text", true, kLongOption);
                    choice.target_id = r.Str(c, cptr, "target", true);
                    if (!choice.target_id.empty())
                        resolve(choice.target_id, PointerAppend(cptr, "target"), choice.target);
                    choice.feedback = r.Text(c, cptr, "feedback", true, kLongLine);
                    const std::string quality = r.Str(c, cptr, "quality", false);
                    if (quality == "strong")
                        choice.quality = ChoiceQuality::Strong;
                    else if (quality == "okay")
                        choice.quality = ChoiceQuality::Okay;
                    else if (quality == "weak")
                        choice.quality = ChoiceQuality::Weak;
                    else if (!quality.empty())
                        r.Error(PointerAppend(cptr, "quality"), "bad-value",
                                "\"" + quality + "\" is not a quality. Use strong, okay or weak.",
                                "\"" + quality + "\" is geen kwaliteit. Gebruik strong, okay of weak.");
                    const std::string cond = r.Str(c, cptr, "condition", false);
                    if (!cond.empty()) {
                        ExprError e;
                        if (!Expression::Parse(cond, scope, choice.condition, e))
                            expr_error(PointerAppend(cptr, "condition"), cond, e);
                        else if (choice.condition.Type() != ValueType::Bool)
                            r.Error(PointerAppend(cptr, "condition"), "expression-error",
                                    "A condition must be true or false, e.g. \"confidence >= 2\", not just a "
                                    "number.",
                                    "Een voorwaarde is waar of onwaar, bijvoorbeeld \"confidence >= 2\", "
                                    "niet alleen een getal.");
                    }
                    if (const json* effects = r.Get(c, cptr, "effects", Kind::Array, false)) {
                        for (size_t e = 0; e < effects->size(); ++e) {
                            const std::string eptr = PointerAppend(PointerAppend(cptr, "effects"), e);
                            if (!(*effects)[e].is_string()) {
                                r.Error(eptr, "wrong-type", "An effect is a string like \"confidence += 1\".",
                                        "Een effect is een tekst zoals \"confidence += 1\".");
                                continue;
                            }
                            Effect effect;
                            ExprError err;
                            const std::string text = (*effects)[e].get<std::string>();
                            if (!Effect::Parse(text, scope, effect, err))
                                expr_error(eptr, text, err);
                            else
                                choice.effects.push_back(std::move(effect));
                        }
                    }
                    node.choices.push_back(std::move(choice));
                }
            } else if (has_next) {
                node.next_id = r.Str(n, ptr, "next", true, Kind::Id);
                if (!node.next_id.empty()) resolve(node.next_id, PointerAppend(ptr, "next"), node.next);
            }
            rp.nodes.push_back(std::move(node));
        }
    }
    if (endings) {
        for (size_t i = 0; i < endings->size(); ++i) {
            const json& e = (*endings)[i];
            const std::string ptr = PointerAppend("/endings", i);
            r.CheckFields(e, ptr, {"id", "title", "outcome", "debrief", "lessons", "help"});
            Ending ending;
            ending.id =
                e.is_object() && e.contains("id") && e["id"].is_string() ? e["id"].get<std::string>() : "";
            ending.title = r.Text(e, ptr, "title", true, kLongOption);
            const std::string outcome = r.Str(e, ptr, "outcome", true);
            if (outcome == "positive")
                ending.outcome = Outcome::Positive;
            else if (outcome == "mixed")
                ending.outcome = Outcome::Mixed;
            else if (outcome == "negative")
                ending.outcome = Outcome::Negative;
            else if (!outcome.empty())
                r.Error(PointerAppend(ptr, "outcome"), "bad-value",
                        "\"" + outcome + "\" is not an outcome. Use positive, mixed or negative.",
                        "\"" + outcome + "\" is geen uitkomst. Gebruik positive, mixed of negative.");
            ending.debrief = r.Text(e, ptr, "debrief", true, kLongPage);
            ending.lessons = r.TextList(e, ptr, "lessons", kLongLine);
            ending.help = r.IdList(e, ptr, "help");
            for (size_t k = 0; k < ending.help.size(); ++k) {
                const std::string hptr = PointerAppend(PointerAppend(ptr, "help"), k);
                ctx.help_refs.push_back({src.file, hptr, src.At(hptr), ending.help[k]});
            }
            rp.endings.push_back(std::move(ending));
        }
    }

    // Start node.
    const std::string start = r.Str(root, "", "start", true, Kind::Id);
    if (!start.empty()) {
        auto it = targets.find(start);
        if (it == targets.end() || it->second.ending) {
            r.Error("/start", "unknown-target",
                    "\"start\" names \"" + start +
                        "\", but there is no node with that id. Point it at the first node.",
                    "\"start\" noemt \"" + start +
                        "\", maar er is geen node met die id. Laat hem naar de eerste node wijzen.");
        } else {
            rp.start = it->second.index;
        }
    }

    // Graph: every node reachable from the start, and an ending reachable from every node.
    const bool clean =
        ctx.diags.ErrorCount() == errors_at_start; // else a broken link would be reported twice
    if (!rp.nodes.empty()) {
        const size_t n = rp.nodes.size();
        std::vector<std::vector<int>> reverse(n);
        std::vector<char> reach(n, 0), ends(n, 0);
        std::vector<char> ending_reached(rp.endings.size(), 0);
        std::queue<int> q;
        auto edges = [&](int i, auto&& fn) {
            const Node& node = rp.nodes[i];
            if (!node.choices.empty())
                for (const Choice& c : node.choices)
                    fn(c.target);
            else
                fn(node.next);
        };
        for (size_t i = 0; i < n; ++i)
            edges(static_cast<int>(i), [&](const Target& t) {
                if (t.index < 0) return;
                if (t.ending)
                    ends[i] = 1;
                else
                    reverse[t.index].push_back(static_cast<int>(i));
            });
        reach[rp.start] = 1;
        q.push(rp.start);
        while (!q.empty()) {
            const int i = q.front();
            q.pop();
            edges(i, [&](const Target& t) {
                if (t.index < 0) return;
                if (t.ending)
                    ending_reached[t.index] = 1;
                else if (!reach[t.index]) {
                    reach[t.index] = 1;
                    q.push(t.index);
                }
            });
        }
        for (size_t i = 0; i < n; ++i)
            if (ends[i]) q.push(static_cast<int>(i));
        while (!q.empty()) {
            const int i = q.front();
            q.pop();
            for (int p : reverse[i])
                if (!ends[p]) {
                    ends[p] = 1;
                    q.push(p);
                }
        }
        for (size_t i = 0; i < n; ++i) {
            const std::string ptr = PointerAppend(PointerAppend("/nodes", i), "id");
            if (!reach[i])
                r.Error(ptr, "unreachable-node",
                        "The node \"" + rp.nodes[i].id + "\" can never be reached from the start \"" +
                            rp.nodes[rp.start].id + "\". Add a choice that leads to it, or remove it.",
                        "De node \"" + rp.nodes[i].id + "\" is vanaf de start \"" + rp.nodes[rp.start].id +
                            "\" nooit te bereiken. Voeg een keuze toe die ernaartoe leidt, of haal hem weg.");
            else if (!ends[i] && clean)
                r.Error(ptr, "no-ending",
                        "From the node \"" + rp.nodes[i].id +
                            "\" no path reaches an ending: the student would go round in circles. Add a "
                            "choice that leads towards an ending.",
                        "Vanaf de node \"" + rp.nodes[i].id +
                            "\" leidt geen pad naar een afloop: de student blijft rondjes lopen. Voeg een "
                            "keuze toe die naar een afloop leidt.");
        }
        for (size_t i = 0; i < rp.endings.size() && clean; ++i)
            if (!ending_reached[i])
                r.Error(PointerAppend(PointerAppend("/endings", i), "id"), "unreachable-ending",
                        "No choice leads to the ending \"" + rp.endings[i].id +
                            "\". Point a choice or a \"next\" at it, or remove it.",
                        "Geen enkele keuze leidt naar de afloop \"" + rp.endings[i].id +
                            "\". Laat een keuze of \"next\" ernaar wijzen, of haal hem weg.");
    }
    m.content = std::move(rp);
}

void ReadQuiz(Reader& r, const JsonSource& src, Module& m) {
    Quiz quiz;
    const json& root = src.root;
    const std::string mode = r.Str(root, "", "mode", true);
    if (mode == "self-assessment")
        quiz.self_assessment = true;
    else if (!mode.empty() && mode != "knowledge")
        r.Error("/mode", "bad-value",
                "\"" + mode + "\" is not a quiz mode. Use \"knowledge\" or \"self-assessment\".",
                "\"" + mode + "\" is geen quizsoort. Gebruik \"knowledge\" of \"self-assessment\".");
    const std::string feedback = r.Str(root, "", "feedback", false);
    if (feedback == "end")
        quiz.immediate_feedback = false;
    else if (!feedback.empty() && feedback != "immediate")
        r.Error("/feedback", "bad-value",
                "\"" + feedback + "\" is not a feedback moment. Use \"immediate\" or \"end\".",
                "\"" + feedback + "\" is geen moment voor feedback. Gebruik \"immediate\" of \"end\".");
    if (const json* sh = r.Get(root, "", "shuffle", Kind::Object, false)) {
        r.CheckFields(*sh, "/shuffle", {"questions", "options"});
        if (const json* v = r.Get(*sh, "/shuffle", "questions", Kind::Bool, false))
            quiz.shuffle_questions = v->get<bool>();
        if (const json* v = r.Get(*sh, "/shuffle", "options", Kind::Bool, false))
            quiz.shuffle_options = v->get<bool>();
    }
    std::unordered_map<std::string, std::string> seen_groups;
    if (const json* groups = r.Get(root, "", "groups", Kind::Array, false)) {
        for (size_t i = 0; i < groups->size(); ++i) {
            const json& g = (*groups)[i];
            const std::string ptr = PointerAppend("/groups", i);
            r.CheckFields(g, ptr, {"id", "title", "bands"});
            QuizGroup group;
            group.id = r.Str(g, ptr, "id", true, Kind::Id);
            r.Unique(seen_groups, group.id, PointerAppend(ptr, "id"), "group", "groep");
            group.title = r.Text(g, ptr, "title", true, kLongOption);
            if (const json* bands = r.Get(g, ptr, "bands", Kind::Array, true)) {
                for (size_t k = 0; k < bands->size(); ++k) {
                    const json& b = (*bands)[k];
                    const std::string bptr = PointerAppend(PointerAppend(ptr, "bands"), k);
                    r.CheckFields(b, bptr, {"min", "max", "title", "advice"});
                    Band band;
                    if (const json* v = r.Get(b, bptr, "min", Kind::Number, true))
                        band.min = v->get<double>();
                    if (const json* v = r.Get(b, bptr, "max", Kind::Number, true))
                        band.max = v->get<double>();
                    band.title = r.Text(b, bptr, "title", false, kLongOption);
                    band.advice = r.Text(b, bptr, "advice", true, kLongPage);
                    group.bands.push_back(std::move(band));
                }
            }
            quiz.groups.push_back(std::move(group));
        }
    }
    if (const json* scale = r.Get(root, "", "scale", Kind::Object, false)) {
        r.CheckFields(*scale, "/scale", {"labels"});
        quiz.scale_labels = r.TextList(*scale, "/scale", "labels");
        if (quiz.scale_labels.size() != 5)
            r.Error("/scale/labels", "bad-value", "A scale has exactly 5 labels, for 1 to 5.",
                    "Een schaal heeft precies 5 labels, voor 1 tot 5.");
    }

    std::unordered_map<std::string, std::string> seen;
    if (const json* qs = r.Get(root, "", "questions", Kind::Array, true)) {
        if (qs->empty())
            r.Error("/questions", "empty-list", "A quiz needs at least one question.",
                    "Een quiz heeft minstens één vraag nodig.");
        for (size_t i = 0; i < qs->size(); ++i) {
            const json& qj = (*qs)[i];
            const std::string ptr = PointerAppend("/questions", i);
            r.CheckFields(qj, ptr,
                          {"id", "type", "text", "explanation", "points", "source", "options", "scoring",
                           "answer", "feedbackTrue", "feedbackFalse", "items", "group", "reverse"});
            Question q;
            q.id = r.Str(qj, ptr, "id", true, Kind::Id);
            r.Unique(seen, q.id, PointerAppend(ptr, "id"), "question", "vraag");
            const std::string type = r.Str(qj, ptr, "type", true);
            static const std::map<std::string, QuestionType> types{{"single", QuestionType::Single},
                                                                   {"multiple", QuestionType::Multiple},
                                                                   {"truefalse", QuestionType::TrueFalse},
                                                                   {"ordering", QuestionType::Ordering},
                                                                   {"likert", QuestionType::Likert}};
            if (auto it = types.find(type); it != types.end())
                q.type = it->second;
            else if (!type.empty()) {
                r.Error(
                    PointerAppend(ptr, "type"), "bad-value",
                    "\"" + type +
                        "\" is not a question type. Use single, multiple, truefalse, ordering or likert.",
                    "\"" + type +
                        "\" is geen soort vraag. Gebruik single, multiple, truefalse, ordering of likert.");
                continue;
            }
            q.text = r.Text(qj, ptr, "text", true, kLongLine);
            q.explanation = r.Text(qj, ptr, "explanation", false, kLongLine);
            if (const json* v = r.Get(qj, ptr, "points", Kind::Number, false)) {
                q.points = v->get<double>();
                if (q.points <= 0 || q.points > 100)
                    r.Error(PointerAppend(ptr, "points"), "bad-value",
                            "Points are more than 0 and at most 100.",
                            "Punten zijn meer dan 0 en hoogstens 100.");
            }
            q.source = r.Str(qj, ptr, "source", false);
            const std::string scoring = r.Str(qj, ptr, "scoring", false);
            if (scoring == "partial")
                q.scoring = Scoring::Partial;
            else if (!scoring.empty() && scoring != "all-or-nothing")
                r.Error(PointerAppend(ptr, "scoring"), "bad-value",
                        "\"" + scoring + "\" is not a way of scoring. Use \"all-or-nothing\" or \"partial\".",
                        "\"" + scoring +
                            "\" is geen manier van scoren. Gebruik \"all-or-nothing\" of \"partial\".");

            const bool likert = q.type == QuestionType::Likert;
            if (likert != quiz.self_assessment)
                r.Error(PointerAppend(ptr, "type"), "bad-value",
                        likert ? "A likert statement belongs in a self-assessment quiz (\"mode\": "
                                 "\"self-assessment\")."
                               : "A self-assessment quiz has only likert statements.",
                        likert ? "Een likert-stelling hoort in een zelftest (\"mode\": \"self-assessment\")."
                               : "Een zelftest heeft alleen likert-stellingen.");

            auto read_options = [&](const char* key, bool with_correct) {
                const json* opts = r.Get(qj, ptr, key, Kind::Array, true);
                if (!opts) return;
                std::unordered_map<std::string, std::string> oseen;
                for (size_t k = 0; k < opts->size(); ++k) {
                    const json& o = (*opts)[k];
                    const std::string optr = PointerAppend(PointerAppend(ptr, key), k);
                    if (with_correct)
                        r.CheckFields(o, optr, {"id", "text", "correct", "feedback"});
                    else
                        r.CheckFields(o, optr, {"id", "text"});
                    Option opt;
                    opt.id = r.Str(o, optr, "id", true, Kind::Id);
                    r.Unique(oseen, opt.id, PointerAppend(optr, "id"), "option", "optie");
                    opt.text = r.Text(o, optr, "text", true, kLongOption);
                    if (with_correct) {
                        if (const json* v = r.Get(o, optr, "correct", Kind::Bool, false))
                            opt.correct = v->get<bool>();
                        opt.feedback = r.Text(o, optr, "feedback", false, kLongLine);
                    }
                    q.options.push_back(std::move(opt));
                }
                if (q.options.size() < 2 || q.options.size() > 8)
                    r.Error(PointerAppend(ptr, key), "bad-value", "Give 2 to 8 options here.",
                            "Geef hier 2 tot 8 opties.");
            };
            switch (q.type) {
            case QuestionType::Single:
            case QuestionType::Multiple: {
                read_options("options", true);
                const auto correct = std::count_if(q.options.begin(), q.options.end(),
                                                   [](const Option& o) { return o.correct; });
                if (q.type == QuestionType::Single && correct != 1 && !q.options.empty())
                    r.Error(PointerAppend(ptr, "options"), "no-correct-answer",
                            correct == 0
                                ? "No option is marked correct. Add \"correct\": true to the right answer."
                                : "More than one option is marked correct. A single-choice question has one; "
                                  "use \"type\": \"multiple\" for more.",
                            correct == 0
                                ? "Geen optie is als goed gemarkeerd. Zet \"correct\": true bij het goede "
                                  "antwoord."
                                : "Meer dan één optie is als goed gemarkeerd. Een single-choicevraag heeft "
                                  "er één; gebruik \"type\": \"multiple\" voor meer.");
                if (q.type == QuestionType::Multiple && correct == 0 && !q.options.empty())
                    r.Error(
                        PointerAppend(ptr, "options"), "no-correct-answer",
                        "No option is marked correct. Add \"correct\": true to each right answer.",
                        "Geen optie is als goed gemarkeerd. Zet \"correct\": true bij elk goed antwoord.");
                break;
            }
            case QuestionType::TrueFalse: {
                const json* v = r.Get(qj, ptr, "answer", Kind::Bool, false);
                if (!v && qj.is_object() && !qj.contains("answer"))
                    r.Error(ptr, "no-correct-answer",
                            "This true/false question has no \"answer\". Add \"answer\": true or \"answer\": "
                            "false.",
                            "Deze waar/onwaar-vraag heeft geen \"answer\". Voeg \"answer\": true of "
                            "\"answer\": false toe.");
                q.answer = v && v->get<bool>();
                Option t{"true", {}, q.answer, r.Text(qj, ptr, "feedbackTrue", false, kLongLine)};
                Option f{"false", {}, !q.answer, r.Text(qj, ptr, "feedbackFalse", false, kLongLine)};
                q.options = {t, f};
                break;
            }
            case QuestionType::Ordering:
                read_options("items", false);
                break;
            case QuestionType::Likert: {
                q.group = r.Str(qj, ptr, "group", true, Kind::Id);
                if (!q.group.empty() && !seen_groups.count(q.group))
                    r.Error(PointerAppend(ptr, "group"), "unknown-group",
                            "There is no group \"" + q.group +
                                "\" in \"groups\". Add it there, or use an existing group id.",
                            "Er is geen groep \"" + q.group +
                                "\" in \"groups\". Voeg hem daar toe, of gebruik een bestaande groep.");
                if (const json* v = r.Get(qj, ptr, "reverse", Kind::Bool, false)) q.reverse = v->get<bool>();
                break;
            }
            }
            quiz.questions.push_back(std::move(q));
        }
    }

    // Bands: read, then check they cover the whole range without gaps or overlaps.
    if (const json* bands = r.Get(root, "", "bands", Kind::Array, !quiz.self_assessment)) {
        for (size_t k = 0; k < bands->size(); ++k) {
            const json& b = (*bands)[k];
            const std::string bptr = PointerAppend("/bands", k);
            r.CheckFields(b, bptr, {"min", "max", "title", "advice", "tips"});
            Band band;
            if (const json* v = r.Get(b, bptr, "min", Kind::Number, true)) band.min = v->get<double>();
            if (const json* v = r.Get(b, bptr, "max", Kind::Number, true)) band.max = v->get<double>();
            band.title = r.Text(b, bptr, "title", true, kLongOption);
            band.advice = r.Text(b, bptr, "advice", true, kLongPage);
            band.tips = r.TextList(b, bptr, "tips", kLongLine);
            quiz.bands.push_back(std::move(band));
        }
    }
    auto check_cover = [&](const std::vector<Band>& bands, const std::string& ptr, double lo, double hi,
                           double step) {
        std::vector<size_t> order(bands.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](size_t a, size_t b) { return bands[a].min < bands[b].min; });
        auto num = [](double v) {
            char buf[32];
            snprintf(buf, sizeof buf, "%g", v);
            return std::string(buf);
        };
        for (size_t i : order)
            if (bands[i].min > bands[i].max)
                r.Error(PointerAppend(ptr, i), "band-coverage",
                        "This band's min (" + num(bands[i].min) + ") is above its max (" + num(bands[i].max) +
                            ").",
                        "Bij deze band is min (" + num(bands[i].min) + ") groter dan max (" +
                            num(bands[i].max) + ").");
        if (order.empty()) return;
        if (bands[order.front()].min > lo + 1e-9)
            r.Error(PointerAppend(ptr, order.front()), "band-coverage",
                    "No band covers " + num(lo) + " to " + num(bands[order.front()].min - step) +
                        ". Let the lowest band start at " + num(lo) + ".",
                    "Geen band dekt " + num(lo) + " tot " + num(bands[order.front()].min - step) +
                        ". Laat de laagste band beginnen bij " + num(lo) + ".");
        for (size_t k = 1; k < order.size(); ++k) {
            const Band& a = bands[order[k - 1]];
            const Band& b = bands[order[k]];
            if (b.min <= a.max - 1e-9)
                r.Error(PointerAppend(ptr, order[k]), "band-coverage",
                        "This band (" + num(b.min) + "–" + num(b.max) + ") overlaps the band " + num(a.min) +
                            "–" + num(a.max) + ". Let it start at " + num(a.max + step) + ".",
                        "Deze band (" + num(b.min) + "–" + num(b.max) + ") overlapt met de band " +
                            num(a.min) + "–" + num(a.max) + ". Laat hem beginnen bij " + num(a.max + step) +
                            ".");
            else if (b.min > a.max + step + 1e-9)
                r.Error(PointerAppend(ptr, order[k]), "band-coverage",
                        "There is a gap between " + num(a.max) + " and " + num(b.min) + ": no band covers " +
                            num(a.max + step) + ". Let this band start at " + num(a.max + step) + ".",
                        "Er zit een gat tussen " + num(a.max) + " en " + num(b.min) + ": geen band dekt " +
                            num(a.max + step) + ". Laat deze band beginnen bij " + num(a.max + step) + ".");
        }
        if (bands[order.back()].max < hi - 1e-9)
            r.Error(PointerAppend(ptr, order.back()), "band-coverage",
                    "No band covers scores up to " + num(hi) +
                        " (the maximum). Let the highest band end at " + num(hi) + ".",
                    "Geen band dekt scores tot " + num(hi) +
                        " (het maximum). Laat de hoogste band eindigen bij " + num(hi) + ".");
    };
    if (!quiz.self_assessment && !quiz.bands.empty())
        check_cover(quiz.bands, "/bands", 0, std::floor(quiz.MaxScore() + 1e-9), 1);
    if (quiz.self_assessment) {
        if (quiz.groups.empty())
            r.Error("", "missing-field", "A self-assessment needs \"groups\", each with advice bands.",
                    "Een zelftest heeft \"groups\" nodig, elk met adviesbanden.");
        for (size_t g = 0; g < quiz.groups.size(); ++g)
            check_cover(quiz.groups[g].bands, PointerAppend(PointerAppend("/groups", g), "bands"), 1, 5, 0.1);
    }
    m.content = std::move(quiz);
}

void ReadConfidence(Reader& r, LoadContext& ctx, const JsonSource& src, Module& m) {
    ConfidenceCheck check;
    check.items = r.IdList(src.root, "", "items");
    if (!src.root.contains("items"))
        r.Error("", "missing-field",
                "The field \"items\" is missing. List the confidence items to ask, e.g. [\"prepared\"].",
                "Het veld \"items\" ontbreekt. Noem de stellingen die je wilt vragen, bijvoorbeeld "
                "[\"prepared\"].");
    for (size_t i = 0; i < check.items.size(); ++i) {
        const std::string ptr = PointerAppend("/items", i);
        ctx.item_refs.push_back({src.file, ptr, src.At(ptr), check.items[i]});
    }
    if (const json* v = r.Get(src.root, "", "retrospective", Kind::Bool, false))
        check.retrospective = v->get<bool>();
    m.content = std::move(check);
}

bool ReadModule(LoadContext& ctx, const std::string& rel, Module& m) {
    const std::string shown = ShownPath(ctx.dir, rel);
    const size_t errors_before = ctx.diags.ErrorCount();
    JsonSource src = ReadJsonFile((fs::path(ctx.root) / rel).string(), shown, ctx.options.limits, ctx.diags);
    if (!src.ok) return false;
    Reader r(src, ctx.diags, ctx.info);
    if (!src.root.is_object()) {
        r.Error("", "wrong-type", "A module file holds one object { … }.",
                "Een modulebestand bevat één object { … }.");
        return false;
    }
    const json& root = src.root;
    if (const json* f = r.Get(root, "", "format", Kind::Int, true); f && f->get<int>() != 1)
        r.Error("/format", "format-version",
                "This file is format " + std::to_string(f->get<int>()) +
                    "; this kiosk reads format 1. Update the kiosk, or set \"format\": 1.",
                "Dit bestand heeft formaat " + std::to_string(f->get<int>()) +
                    "; deze kiosk leest formaat 1. Werk de kiosk bij, of zet \"format\": 1.");
    m.file = rel;
    m.id = r.Str(root, "", "id", true, Kind::Id);
    m.title = r.Text(root, "", "title", true, kLongOption);
    m.summary = r.Text(root, "", "summary", false, kLongLine);
    if (const json* v = r.Get(root, "", "minutes", Kind::Int, false)) {
        m.minutes = v->get<int>();
        if (m.minutes < 1 || m.minutes > 120)
            r.Error("/minutes", "bad-value", "\"minutes\" is between 1 and 120.",
                    "\"minutes\" ligt tussen 1 en 120.");
    }
    m.check = r.Str(root, "", "check", false, Kind::Id);
    if (!m.check.empty()) ctx.check_refs.push_back({src.file, "/check", src.At("/check"), m.check});
    if (const json* sources = r.Get(root, "", "sources", Kind::Array, false)) {
        for (size_t i = 0; i < sources->size(); ++i) {
            const json& s = (*sources)[i];
            const std::string ptr = PointerAppend("/sources", i);
            r.CheckFields(s, ptr, {"title", "url"});
            m.sources.push_back({r.Str(s, ptr, "title", true), r.Str(s, ptr, "url", false)});
        }
    }
    const std::string kind = r.Str(root, "", "kind", true);
    std::vector<std::string> common{"format",  "kind",    "id",    "title",
                                    "summary", "minutes", "check", "sources"};
    auto fields = [&](std::initializer_list<const char*> extra) {
        std::vector<std::string> all = common;
        all.insert(all.end(), extra.begin(), extra.end());
        r.CheckFields(root, "", all);
    };
    if (kind == "lesson") {
        m.kind = ModuleKind::Lesson;
        fields({"pages"});
        ReadLesson(r, ctx, src, m);
    } else if (kind == "roleplay") {
        m.kind = ModuleKind::Roleplay;
        fields({"contentWarning", "role", "variables", "start", "nodes", "endings"});
        ReadRoleplay(r, ctx, src, m);
    } else if (kind == "quiz") {
        m.kind = ModuleKind::Quiz;
        fields({"mode", "feedback", "shuffle", "questions", "bands", "groups", "scale"});
        ReadQuiz(r, src, m);
    } else if (kind == "confidence") {
        m.kind = ModuleKind::Confidence;
        fields({"items", "retrospective"});
        ReadConfidence(r, ctx, src, m);
    } else if (!kind.empty()) {
        r.Error("/kind", "bad-value",
                "\"" + kind + "\" is not a module kind. Use lesson, roleplay, quiz or confidence.",
                "\"" + kind + "\" is geen soort module. Gebruik lesson, roleplay, quiz of confidence.");
    }
    return ctx.diags.ErrorCount() == errors_before;
}

// ============================================================ [SECTION] media

void CheckMedia(LoadContext& ctx) {
    std::set<std::string> checked;
    for (const MediaRef& ref : ctx.media) {
        auto report = [&](const char* code, std::string en, std::string nl) {
            ctx.diags.Add({ref.file, ref.pos.line, ref.pos.column, ref.pointer, Severity::Error, code,
                           std::move(en), std::move(nl)});
        };
        const fs::path rel(ref.path);
        bool dotdot = false;
        for (const auto& part : rel)
            dotdot = dotdot || part == "..";
        if (rel.is_absolute() || dotdot || ref.path.find('\\') != std::string::npos) {
            report("media-outside",
                   "\"" + ref.path +
                       "\" points outside the pack. Put the image inside the pack folder and use a relative "
                       "path such as \"images/photo.png\", without '..'.",
                   "\"" + ref.path +
                       "\" wijst buiten het pakket. Zet de afbeelding in de pakketmap en gebruik een "
                       "relatief pad zoals \"images/foto.png\", zonder '..'.");
            continue;
        }
        std::error_code ec;
        const fs::path full = ctx.root / rel;
        if (!fs::exists(full, ec)) {
            report(
                "media-missing",
                "The image \"" + ref.path +
                    "\" is not in the pack. Check the spelling (names are case-sensitive) or add the file.",
                "De afbeelding \"" + ref.path +
                    "\" staat niet in het pakket. Controleer de spelling (hoofdletters tellen) of voeg het "
                    "bestand toe.");
            continue;
        }
        const fs::path canonical = fs::canonical(full, ec);
        const std::string root_s = ctx.root.string() + "/";
        if (ec || canonical.string().compare(0, root_s.size(), root_s) != 0) {
            report(
                "media-outside",
                "\"" + ref.path +
                    "\" is a link to a file outside the pack. Copy the image into the pack folder instead.",
                "\"" + ref.path +
                    "\" is een link naar een bestand buiten het pakket. Kopieer de afbeelding in de "
                    "pakketmap.");
            continue;
        }
        if (!checked.insert(canonical.string()).second) continue;
        const auto size = fs::file_size(canonical, ec);
        if (ec || !fs::is_regular_file(canonical, ec)) {
            report("media-missing", "\"" + ref.path + "\" is not a readable file.",
                   "\"" + ref.path + "\" is geen leesbaar bestand.");
            continue;
        }
        if (size > ctx.options.max_media_bytes) {
            report("media-too-large",
                   "\"" + ref.path + "\" is " + std::to_string(size / 1024) + " KiB; the limit is " +
                       std::to_string(ctx.options.max_media_bytes / 1024) +
                       " KiB. Save it smaller (1600 px wide is plenty).",
                   "\"" + ref.path + "\" is " + std::to_string(size / 1024) + " KiB; de grens is " +
                       std::to_string(ctx.options.max_media_bytes / 1024) +
                       " KiB. Sla hem kleiner op (1600 px breed is genoeg).");
            continue;
        }
        // Read only the header: type and pixel size, before anything is decoded.
        unsigned char head[16] = {};
        std::ifstream in(canonical, std::ios::binary);
        in.read(reinterpret_cast<char*>(head), sizeof head);
        const bool png = in.gcount() >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0;
        const bool jpeg = in.gcount() >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
        int w = 0, h = 0, comp = 0;
        if (!(png || jpeg) || !stbi_info(canonical.c_str(), &w, &h, &comp)) {
            report("media-format",
                   "\"" + ref.path +
                       "\" is not a PNG or JPEG image (or it is damaged). Export it as PNG or JPEG.",
                   "\"" + ref.path +
                       "\" is geen PNG- of JPEG-afbeelding (of hij is beschadigd). Exporteer hem als PNG of "
                       "JPEG.");
            continue;
        }
        if (w > ctx.options.max_media_pixels || h > ctx.options.max_media_pixels)
            report("media-too-large",
                   "\"" + ref.path + "\" is " + std::to_string(w) + "×" + std::to_string(h) +
                       " pixels; the limit is " + std::to_string(ctx.options.max_media_pixels) +
                       " on each side. Scale it down.",
                   "\"" + ref.path + "\" is " + std::to_string(w) + "×" + std::to_string(h) +
                       " pixels; de grens is " + std::to_string(ctx.options.max_media_pixels) +
                       " per kant. Maak hem kleiner.");
    }
}

} // namespace

// ============================================================ [SECTION] pack.json

LoadResult LoadPack(const std::string& dir, const LoadOptions& options) {
    LoadResult result;
    result.dir = dir;
    LoadContext ctx;
    ctx.dir = dir;
    ctx.options = options;
    std::error_code ec;
    ctx.root = fs::canonical(dir, ec);
    const std::string pack_file = ShownPath(dir, "pack.json");
    if (ec || !fs::is_directory(ctx.root, ec)) {
        result.diagnostics.Add({dir, 0, 0, "", Severity::Error, "pack-missing",
                                "This folder does not exist. Give the folder that holds pack.json.",
                                "Deze map bestaat niet. Geef de map waarin pack.json staat."});
        return result;
    }
    JsonSource src = ReadJsonFile((ctx.root / "pack.json").string(), pack_file, options.limits, ctx.diags);
    if (!src.ok) {
        result.diagnostics = std::move(ctx.diags);
        return result;
    }
    auto pack = std::make_shared<Pack>();
    pack->dir = ctx.root.string();
    const json& root = src.root;

    // Languages first: every text check depends on them.
    {
        PackInfo bootstrap;
        Reader r(src, ctx.diags, bootstrap);
        if (!root.is_object()) {
            r.Error("", "wrong-type", "pack.json holds one object { … } describing the pack.",
                    "pack.json bevat één object { … } dat het pakket beschrijft.");
            result.diagnostics = std::move(ctx.diags);
            return result;
        }
        if (const json* langs = r.Get(root, "", "languages", Kind::Array, true)) {
            ctx.info.languages.clear();
            for (size_t i = 0; i < langs->size(); ++i) {
                const json& l = (*langs)[i];
                static const std::regex lang_re("^[a-z]{2,3}$");
                if (!l.is_string() || !std::regex_match(l.get<std::string>(), lang_re))
                    r.Error(PointerAppend("/languages", i), "bad-value",
                            "A language is a code such as \"nl\" or \"en\".",
                            "Een taal is een code zoals \"nl\" of \"en\".");
                else
                    ctx.info.languages.push_back(l.get<std::string>());
            }
            if (ctx.info.languages.empty()) ctx.info.languages.push_back("nl");
        }
        ctx.info.default_language = r.Str(root, "", "defaultLanguage", true);
        if (ctx.info.default_language.empty())
            ctx.info.default_language = ctx.info.languages.front();
        else if (std::find(ctx.info.languages.begin(), ctx.info.languages.end(), ctx.info.default_language) ==
                 ctx.info.languages.end())
            r.Error("/defaultLanguage", "unknown-language",
                    "The default language \"" + ctx.info.default_language +
                        "\" is not in \"languages\". Add it there.",
                    "De standaardtaal \"" + ctx.info.default_language +
                        "\" staat niet in \"languages\". Voeg hem daar toe.");
    }
    Reader r(src, ctx.diags, ctx.info);
    r.CheckFields(root, "",
                  {"format", "id", "version", "title", "description", "languages", "defaultLanguage",
                   "authors", "licence", "modules", "cast", "confidenceItems", "sessionCheck", "help",
                   "attract", "endTips"});
    if (const json* f = r.Get(root, "", "format", Kind::Int, true); f && f->get<int>() != 1)
        r.Error("/format", "format-version",
                "This pack is format " + std::to_string(f->get<int>()) +
                    "; this kiosk reads format 1. Update the kiosk, or set \"format\": 1.",
                "Dit pakket heeft formaat " + std::to_string(f->get<int>()) +
                    "; deze kiosk leest formaat 1. Werk de kiosk bij, of zet \"format\": 1.");
    pack->languages = ctx.info.languages;
    pack->default_language = ctx.info.default_language;
    pack->id = r.Str(root, "", "id", true, Kind::Id);
    result.id = pack->id;
    pack->version = r.Str(root, "", "version", true);
    pack->title = r.Text(root, "", "title", true, kLongOption);
    pack->description = r.Text(root, "", "description", true, kLongPage);
    if (const json* authors = r.Get(root, "", "authors", Kind::Array, true))
        for (const json& a : *authors)
            if (a.is_string()) pack->authors.push_back(a.get<std::string>());
    pack->licence = r.Str(root, "", "licence", true);
    pack->attract = r.TextList(root, "", "attract", kLongOption);
    pack->end_tips = r.TextList(root, "", "endTips", kLongLine);
    pack->session_check = r.Str(root, "", "sessionCheck", false, Kind::Id);
    if (!pack->session_check.empty())
        ctx.check_refs.push_back({src.file, "/sessionCheck", src.At("/sessionCheck"), pack->session_check});

    std::unordered_map<std::string, std::string> seen_cast, seen_items, seen_help, seen_modules;
    if (const json* cast = r.Get(root, "", "cast", Kind::Array, false)) {
        for (size_t i = 0; i < cast->size(); ++i) {
            const json& c = (*cast)[i];
            const std::string ptr = PointerAppend("/cast", i);
            r.CheckFields(c, ptr, {"id", "name", "role", "portrait", "colour"});
            CastMember m;
            m.id = r.Str(c, ptr, "id", true, Kind::Id);
            if (m.id == "narrator" || m.id == "you")
                r.Error(PointerAppend(ptr, "id"), "bad-id",
                        "\"" + m.id + "\" is reserved for the narrator and the student. Choose another id.",
                        "\"" + m.id +
                            "\" is gereserveerd voor de verteller en de student. Kies een andere id.");
            r.Unique(seen_cast, m.id, PointerAppend(ptr, "id"), "character", "personage");
            m.name = r.Text(c, ptr, "name", true, 60);
            m.role = r.Text(c, ptr, "role", false, kLongOption);
            m.portrait = r.Str(c, ptr, "portrait", false);
            AddMedia(ctx, src, PointerAppend(ptr, "portrait"), m.portrait);
            const std::string colour = r.Str(c, ptr, "colour", false);
            static const std::regex colour_re("^#[0-9A-Fa-f]{6}$");
            if (!colour.empty()) {
                if (std::regex_match(colour, colour_re))
                    m.colour = std::stoul(colour.substr(1), nullptr, 16);
                else
                    r.Error(PointerAppend(ptr, "colour"), "bad-value",
                            "A colour is written as \"#RRGGBB\", e.g. \"#0B5F59\".",
                            "Een kleur schrijf je als \"#RRGGBB\", bijvoorbeeld \"#0B5F59\".");
            }
            pack->cast.push_back(std::move(m));
        }
    }
    if (const json* items = r.Get(root, "", "confidenceItems", Kind::Array, false)) {
        for (size_t i = 0; i < items->size(); ++i) {
            const json& c = (*items)[i];
            const std::string ptr = PointerAppend("/confidenceItems", i);
            r.CheckFields(c, ptr, {"id", "statement", "low", "high", "dontKnow"});
            ConfidenceItem item;
            item.id = r.Str(c, ptr, "id", true, Kind::Id);
            r.Unique(seen_items, item.id, PointerAppend(ptr, "id"), "confidence item", "stelling");
            item.statement = r.Text(c, ptr, "statement", true, kLongOption);
            item.low = r.Text(c, ptr, "low", true, 60);
            item.high = r.Text(c, ptr, "high", true, 60);
            if (const json* v = r.Get(c, ptr, "dontKnow", Kind::Bool, false)) item.dont_know = v->get<bool>();
            pack->confidence_items.push_back(std::move(item));
        }
    }
    if (const json* help = r.Get(root, "", "help", Kind::Array, false)) {
        for (size_t i = 0; i < help->size(); ++i) {
            const json& h = (*help)[i];
            const std::string ptr = PointerAppend("/help", i);
            r.CheckFields(h, ptr, {"id", "title", "text", "contact"});
            HelpResource res;
            res.id = r.Str(h, ptr, "id", true, Kind::Id);
            r.Unique(seen_help, res.id, PointerAppend(ptr, "id"), "help resource", "hulpbron");
            res.title = r.Text(h, ptr, "title", true, kLongOption);
            res.text = r.Text(h, ptr, "text", true, kLongLine);
            res.contact = r.Text(h, ptr, "contact", false, kLongOption);
            pack->help.push_back(std::move(res));
        }
    }

    // Modules.
    if (const json* modules = r.Get(root, "", "modules", Kind::Array, true)) {
        if (modules->empty())
            r.Error("/modules", "empty-list", "List at least one module file, e.g. [\"les.json\"].",
                    "Noem minstens één modulebestand, bijvoorbeeld [\"les.json\"].");
        if (modules->size() > options.max_modules)
            r.Error("/modules", "too-many-nodes",
                    "A pack holds at most " + std::to_string(options.max_modules) + " modules.",
                    "Een pakket bevat hoogstens " + std::to_string(options.max_modules) + " modules.");
        std::set<std::string> files;
        for (size_t i = 0; i < modules->size() && i < options.max_modules; ++i) {
            const json& mj = (*modules)[i];
            const std::string ptr = PointerAppend("/modules", i);
            if (!mj.is_string() || mj.get<std::string>().empty()) {
                r.Error(ptr, "wrong-type",
                        "Each module is a file name in quotes, e.g. \"rollenspel-sollicitatie.json\".",
                        "Elke module is een bestandsnaam tussen aanhalingstekens, bijvoorbeeld "
                        "\"rollenspel-sollicitatie.json\".");
                continue;
            }
            const std::string rel = mj.get<std::string>();
            bool dotdot = false;
            for (const auto& part : fs::path(rel))
                dotdot = dotdot || part == "..";
            if (fs::path(rel).is_absolute() || dotdot) {
                r.Error(ptr, "media-outside",
                        "\"" + rel + "\" points outside the pack. Module files live inside the pack folder.",
                        "\"" + rel + "\" wijst buiten het pakket. Modulebestanden staan in de pakketmap.");
                continue;
            }
            if (!files.insert(rel).second) {
                r.Error(ptr, "duplicate-id", "\"" + rel + "\" is listed twice. Remove one.",
                        "\"" + rel + "\" staat twee keer in de lijst. Haal er één weg.");
                continue;
            }
            if (!fs::exists(ctx.root / rel, ec)) {
                r.Error(ptr, "file-missing",
                        "The module file \"" + rel +
                            "\" is not in the pack folder. Check the name, or create the file.",
                        "Het modulebestand \"" + rel +
                            "\" staat niet in de pakketmap. Controleer de naam, of maak het bestand.");
                continue;
            }
            Module m;
            ReadModule(ctx, rel, m);
            if (!m.id.empty()) {
                auto [it, inserted] = seen_modules.emplace(m.id, rel);
                if (!inserted)
                    r.Error(ptr, "duplicate-id",
                            "The module in \"" + rel + "\" has the id \"" + m.id + "\", like \"" +
                                it->second + "\". Module ids must be unique.",
                            "De module in \"" + rel + "\" heeft de id \"" + m.id + "\", net als \"" +
                                it->second + "\". Module-id's moeten uniek zijn.");
            }
            pack->modules.push_back(std::move(m));
        }
    }

    // ============================================================ [SECTION] cross-checks
    auto ref_error = [&](const LoadContext::Ref& ref, const char* code, const std::string& en,
                         const std::string& nl) {
        ctx.diags.Add({ref.file, ref.pos.line, ref.pos.column, ref.pointer, Severity::Error, code, en, nl});
    };
    std::vector<std::string> cast_ids, help_ids, item_ids;
    for (const auto& c : pack->cast)
        cast_ids.push_back(c.id);
    for (const auto& h : pack->help)
        help_ids.push_back(h.id);
    for (const auto& i : pack->confidence_items)
        item_ids.push_back(i.id);
    auto hint = [](const std::string& id, const std::vector<std::string>& ids, bool nl) {
        const std::string g = Closest(id, ids);
        return g.empty() ? std::string() : (nl ? " Bedoel je \"" : " Did you mean \"") + g + "\"?";
    };
    for (const auto& ref : ctx.cast_refs)
        if (!pack->FindCast(ref.id))
            ref_error(ref, "unknown-speaker",
                      "The speaker \"" + ref.id +
                          "\" is not in the pack's cast. Add them to \"cast\" in pack.json, or use "
                          "\"narrator\" or \"you\"." +
                          hint(ref.id, cast_ids, false),
                      "De spreker \"" + ref.id +
                          "\" staat niet in de cast van het pakket. Voeg die toe aan \"cast\" in pack.json, "
                          "of gebruik \"narrator\" of \"you\"." +
                          hint(ref.id, cast_ids, true));
    for (const auto& ref : ctx.help_refs)
        if (!pack->FindHelp(ref.id))
            ref_error(ref, "unknown-help",
                      "There is no help resource \"" + ref.id + "\". Add it to \"help\" in pack.json." +
                          hint(ref.id, help_ids, false),
                      "Er is geen hulpbron \"" + ref.id + "\". Voeg die toe aan \"help\" in pack.json." +
                          hint(ref.id, help_ids, true));
    for (const auto& ref : ctx.item_refs)
        if (!pack->FindConfidenceItem(ref.id))
            ref_error(ref, "unknown-item",
                      "There is no confidence item \"" + ref.id +
                          "\". Add it to \"confidenceItems\" in pack.json." + hint(ref.id, item_ids, false),
                      "Er is geen stelling \"" + ref.id +
                          "\". Voeg die toe aan \"confidenceItems\" in pack.json." +
                          hint(ref.id, item_ids, true));
    for (const auto& ref : ctx.check_refs) {
        const Module* m = pack->FindModule(ref.id);
        if (!m || m->kind != ModuleKind::Confidence)
            ref_error(ref, "unknown-check",
                      "\"" + ref.id +
                          "\" is not a confidence module in this pack. Name a module with \"kind\": "
                          "\"confidence\".",
                      "\"" + ref.id +
                          "\" is geen confidence-module in dit pakket. Noem een module met \"kind\": "
                          "\"confidence\".");
    }
    CheckMedia(ctx);

    ctx.diags.Sort();
    result.diagnostics = std::move(ctx.diags);
    if (!result.diagnostics.HasErrors()) result.pack = std::move(pack);
    return result;
}

} // namespace sb
