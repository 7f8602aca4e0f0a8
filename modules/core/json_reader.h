#pragma once
// One positioned field reader for every JSON file the engine reads (a pack's files, the kiosk config):
// typed field access that reports each problem for people (file:line:col, JSON pointer, a stable code,
// what to do, in Dutch and English) instead of throwing. Absent or wrong fields give null or "" and the
// caller keeps its default.
#include "core/diagnostics.h"
#include "core/json_source.h"
#include "core/text.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sb {

// What a field should hold; each kind has an example in the messages.
enum class JsonKind { Text, Id, String, Int, Number, Bool, Object, Array };

// The languages a file's texts may be in, and the one a plain string is taken to be in.
struct TextLanguages {
    std::vector<std::string> languages{"nl"};
    std::string default_language = "nl";
};

// "a list [ ]" / "een lijst [ ]": what a value is, for messages.
const char* JsonTypeName(const nlohmann::json& v, bool nl);
// "a whole number, like 5" / "een geheel getal, zoals 5": what a kind should look like, for messages.
std::string JsonKindExample(JsonKind kind, bool nl);
// The one id rule (nodes, endings, modules, items, help, glossary terms): 1 to 64 of lowercase letters,
// digits, '-' and '_', starting with a letter or digit.
bool IsJsonId(std::string_view s);
// A field an author wrote as a note: its name starts with "_" or "//".
bool IsAuthorComment(std::string_view key);
// The candidate within two edits of `word` (the one probably meant), or "".
std::string ClosestWord(const std::string& word, const std::vector<std::string>& candidates);

class JsonReader {
  public:
    JsonReader(const JsonSource& src, Diagnostics& diags, TextLanguages languages = {})
        : m_src(src), m_diags(diags), m_languages(std::move(languages)) {}
    virtual ~JsonReader() = default;

    // Pack files let authors keep notes in fields named "_…" or "//…": skipped silently, in objects and in
    // texts. Off for the kiosk config, where every field means something.
    bool author_comments = false;

    const std::string& File() const { return m_src.file; }
    const JsonSource& Source() const { return m_src; }
    const TextLanguages& Languages() const { return m_languages; }

    // A problem at `ptr`, positioned at that value (or its nearest parent that exists).
    void Report(Severity sev, const std::string& ptr, const char* code, std::string en, std::string nl);
    void Error(const std::string& ptr, const char* code, std::string en, std::string nl) {
        Report(Severity::Error, ptr, code, std::move(en), std::move(nl));
    }
    void Warn(const std::string& ptr, const char* code, std::string en, std::string nl) {
        Report(Severity::Warning, ptr, code, std::move(en), std::move(nl));
    }

    // Warns (unknown-field) about each field of `obj` not in `allowed` ("$schema" is always allowed),
    // suggesting the one that was probably meant.
    void CheckFields(const nlohmann::json& obj, const std::string& ptr,
                     const std::vector<std::string>& allowed);

    // The field `key` of `obj` (at `ptr`) when present and of the right kind; null after reporting otherwise
    // (missing-field only when required; wrong-type; bad-id for an Id that is not one). An `obj` that is not
    // an object is reported once (wrong-type) when the field is required.
    const nlohmann::json* Get(const nlohmann::json& obj, const std::string& ptr, const char* key,
                              JsonKind kind, bool required);

    // A string (or id with JsonKind::Id) field, "" when absent or wrong.
    std::string Str(const nlohmann::json& obj, const std::string& ptr, const char* key, bool required,
                    JsonKind kind = JsonKind::String);

    // A text a student sees: {"nl": "…", "en": "…"} or a plain string in the default language. Warns about
    // languages the file does not have, missing translations and (with warn_len > 0) texts longer than that.
    LocalText Text(const nlohmann::json& obj, const std::string& ptr, const char* key, bool required,
                   size_t warn_len = 0);
    LocalText TextValue(const nlohmann::json& v, const std::string& ptr, size_t warn_len = 0);
    std::vector<LocalText> TextList(const nlohmann::json& obj, const std::string& ptr, const char* key,
                                    size_t warn_len = 0);
    // An optional list of ids; each entry that is not one is reported (bad-id) and left out.
    std::vector<std::string> IdList(const nlohmann::json& obj, const std::string& ptr, const char* key);

    // Reports (duplicate-id) an id already in `seen`; records it otherwise.
    void Unique(std::unordered_map<std::string, std::string>& seen, const std::string& id,
                const std::string& ptr, const char* what_en, const char* what_nl);

    // Settings-style reads: each sets `out` only when the field is present and valid, and returns whether it
    // did; a missing field is fine unless `required`, and a bad one is reported and leaves `out` as it was.
    bool Read(const nlohmann::json& obj, const std::string& ptr, const char* key, std::string& out,
              bool required = false);
    bool Read(const nlohmann::json& obj, const std::string& ptr, const char* key, bool& out,
              bool required = false);
    // A list of strings; an entry that is not a string is reported and left out.
    bool Read(const nlohmann::json& obj, const std::string& ptr, const char* key,
              std::vector<std::string>& out, bool required = false);
    // A whole number from `lo` to `hi` (bad-value outside, naming the range).
    bool ReadInt(const nlohmann::json& obj, const std::string& ptr, const char* key, int lo, int hi, int& out,
                 bool required = false);
    // One of `allowed` (bad-value otherwise, listing them); `index` is its place in `allowed`.
    bool ReadChoice(const nlohmann::json& obj, const std::string& ptr, const char* key,
                    const std::vector<std::string>& allowed, size_t& index, bool required = false);

  protected:
    // Called for each non-empty text with its languages, before the translation checks: a reader for a
    // format with inline markup checks and rewrites it here. `plain` says the text was one string.
    virtual void CheckMarkup(std::map<std::string, std::string>& by_lang, const std::string& ptr,
                             bool plain) {
        (void)by_lang, (void)ptr, (void)plain;
    }

  private:
    const JsonSource& m_src;
    Diagnostics& m_diags;
    TextLanguages m_languages;
    std::unordered_set<std::string> m_not_objects; // pointers already reported as not an object
};

} // namespace sb
