#pragma once
// Shared by the loader's files (one per module kind, media, pack.json): typed field access that reports
// problems instead of throwing, and what the loader collects while it reads a pack. Not for other modules.
#include "core/json_reader.h"
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

// A variable name: ^[a-z][a-z0-9_]{0,63}$ from format 2; format 1 also took capitals and a leading '_'.
bool IsVariableName(const std::string& s, int format = 2);

struct PackInfo {
    std::vector<std::string> languages{"nl"};
    std::string default_language = "nl";
    const std::vector<GlossaryTerm>* glossary = nullptr; // pack.json's, read before any text that marks
    std::set<std::string>* marked = nullptr;             // glossary ids marked anywhere in the pack
};

// The engine's JSON reader with what pack files add: authors' notes are skipped, the file's format, and
// glossary marks in the texts that may hold them.
class Reader : public JsonReader {
  public:
    Reader(const JsonSource& src, Diagnostics& diags, const PackInfo& info)
        : JsonReader(src, diags, TextLanguages{info.languages, info.default_language}), m_info(info) {
        author_comments = true;
    }

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

  protected:
    // Checks every [[id]] / [[id|words]] and rewrites it to [[id|words]] in each language.
    void CheckMarkup(std::map<std::string, std::string>& by_lang, const std::string& ptr,
                     bool plain) override;

  private:
    const PackInfo& m_info;
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
