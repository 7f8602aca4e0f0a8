// LoadPack: reads pack.json and every module, checks them, and builds the immutable model.
// The kinds are read in loader_<kind>.cpp, images are checked in loader_media.cpp, and the shared field
// reader is in loader_internal.h.
#include "pack/loader_internal.h"

#include <regex>

namespace sb {

using namespace loader_detail;

namespace {

Diagnostics AtLeastLineOne(const Diagnostics& in) {
    Diagnostics out;
    for (Diagnostic d : in.List()) {
        if (d.line <= 0) d.line = d.column = 1;
        if (d.column <= 0) d.column = 1;
        out.Add(std::move(d));
    }
    return out;
}

// Which module file a diagnostic is about: its own file, or pack.json's "/modules/i" entry for it. Empty when
// it is about the pack as a whole.
std::string ModuleOf(const Diagnostic& d, const std::string& dir, const std::string& pack_file,
                     const std::vector<std::string>& entry_files) {
    if (d.file == pack_file) {
        static const std::regex entry_re("^/modules/([0-9]+)(/.*)?$");
        std::smatch m;
        if (!std::regex_match(d.pointer, m, entry_re)) return "";
        const size_t i = std::stoul(m[1].str());
        return i < entry_files.size() ? entry_files[i] : "";
    }
    for (const std::string& rel : entry_files)
        if (!rel.empty() && ShownPath(dir, rel) == d.file) return rel;
    return "";
}

// A pack plays what is sound: modules with errors are left out, with a notice; errors in pack.json itself
// (or in no module at all) keep the whole pack from playing.
void LeaveOutBroken(LoadResult& result, const std::string& dir, const std::string& pack_file,
                    const std::vector<std::string>& entry_files) {
    std::set<std::string> broken;
    for (const Diagnostic& d : result.diagnostics.List()) {
        if (d.severity != Severity::Error) continue;
        const std::string rel = ModuleOf(d, dir, pack_file, entry_files);
        if (rel.empty()) return; // the pack as a whole is wrong
        broken.insert(rel);
    }
    auto pack = std::make_shared<Pack>(*result.partial);
    std::erase_if(pack->modules, [&](const Module& m) { return broken.count(m.file) > 0; });
    // A check that was left out is not asked: its modules play without it.
    auto gone = [&](const std::string& id) {
        const Module* m = id.empty() ? nullptr : pack->FindModule(id);
        return !id.empty() && (!m || m->kind != ModuleKind::Confidence);
    };
    for (Module& m : pack->modules)
        if (gone(m.confidence_check)) m.confidence_check.clear();
    if (gone(pack->session_confidence_check)) pack->session_confidence_check.clear();
    for (const std::string& rel : entry_files) {
        if (rel.empty() || !broken.count(rel)) continue;
        if (std::find(result.left_out.begin(), result.left_out.end(), rel) != result.left_out.end()) continue;
        result.left_out.push_back(rel);
        result.diagnostics.Add(
            {ShownPath(dir, rel), 1, 1, "", Severity::Warning, "module-left-out",
             "This module is left out of the pack until its errors are fixed; the rest of the pack plays.",
             "Deze module doet niet mee tot de fouten erin hersteld zijn; de rest van het pakket speelt."});
    }
    // The notices come after the errors they follow from (not sorted to line 1 before them).
    if (!pack->modules.empty()) result.pack = std::move(pack);
}

// "audience": "student" or ["supervisor", "employer"]; an error names the five.
std::vector<Audience> ReadAudiences(Reader& r, const json& obj, const std::string& ptr) {
    std::vector<Audience> out;
    const std::string aptr = PointerAppend(ptr, "audience");
    const json& v = obj["audience"];
    auto one = [&](const json& name, const std::string& at) {
        Audience a;
        if (name.is_string() && ParseAudience(name.get<std::string>(), a)) {
            if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
            return;
        }
        const std::string shown = name.is_string() ? "\"" + name.get<std::string>() + "\"" : name.dump();
        std::vector<std::string> names;
        for (Audience x : kAudiences)
            names.push_back(AudienceName(x));
        const std::string guess = name.is_string() ? ClosestWord(name.get<std::string>(), names) : "";
        r.Error(at, "bad-audience",
                shown + " is not an audience. Use student, supervisor, employer, staff or trainer." +
                    (guess.empty() ? "" : " Did you mean \"" + guess + "\"?"),
                shown +
                    " is geen doelgroep. Gebruik student, supervisor (praktijkopleider), employer "
                    "(werkgever), staff (schoolpersoneel) of trainer." +
                    (guess.empty() ? "" : " Bedoel je \"" + guess + "\"?"));
    };
    if (v.is_array()) {
        if (v.empty())
            r.Error(aptr, "empty-list",
                    "Name at least one audience, e.g. \"student\", or leave \"audience\" out (then it is "
                    "student).",
                    "Noem minstens één doelgroep, bijvoorbeeld \"student\", of laat \"audience\" weg (dan is "
                    "het student).");
        for (size_t i = 0; i < v.size(); ++i)
            one(v[i], PointerAppend(aptr, i));
    } else {
        one(v, aptr);
    }
    if (out.empty()) out.push_back(Audience::Student);
    return out;
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
    if (const json* f = r.Get(root, "", "format", JsonKind::Int, true)) {
        const int format =
            f->is_number_integer() && f->get<int64_t>() >= 1 && f->get<int64_t>() <= 2 ? f->get<int>() : 0;
        if (format)
            r.format = format;
        else
            r.Error("/format", "format-version",
                    "This file is format " + f->dump() +
                        "; this kiosk reads formats 1 and 2. Update the kiosk, or set \"format\": 2.",
                    "Dit bestand heeft formaat " + f->dump() +
                        "; deze kiosk leest formaat 1 en 2. Werk de kiosk bij, of zet \"format\": 2.");
    }
    if (root.contains("$schema"))
        r.Get(root, "", "$schema", JsonKind::String, false); // a string, or an error
    m.file = rel;
    m.id = r.Str(root, "", "id", true, JsonKind::Id);
    m.title = r.Text(root, "", "title", true, kLongOption);
    m.summary = r.Text(root, "", "summary", false, kLongLine);
    if (const json* v = r.Get(root, "", "minutes", JsonKind::Int, false)) {
        m.minutes = v->get<int>();
        if (m.minutes < 1 || m.minutes > 120)
            r.Error("/minutes", "bad-value", "\"minutes\" is between 1 and 120.",
                    "\"minutes\" ligt tussen 1 en 120.");
    }
    if (root.contains("audience")) m.audiences = ReadAudiences(r, root, "");
    m.confidence_check = r.Str(root, "", "check", false, JsonKind::Id);
    if (!m.confidence_check.empty())
        ctx.confidence_refs.push_back({src.file, "/check", src.At("/check"), m.confidence_check});
    if (const json* sources = r.Get(root, "", "sources", JsonKind::Array, false)) {
        for (size_t i = 0; i < sources->size(); ++i) {
            const json& s = (*sources)[i];
            const std::string ptr = PointerAppend("/sources", i);
            r.CheckFields(s, ptr, {"title", "url"});
            m.sources.push_back({r.Str(s, ptr, "title", true), r.Str(s, ptr, "url", false)});
        }
    }
    const std::string kind = r.Str(root, "", "kind", true);
    std::vector<std::string> common{"format",  "kind",  "id",      "title",   "summary",
                                    "minutes", "check", "sources", "audience"};
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
        result.diagnostics.Add({dir, 1, 1, "", Severity::Error, "pack-missing",
                                "This folder does not exist. Give the folder that holds pack.json.",
                                "Deze map bestaat niet. Geef de map waarin pack.json staat."});
        return result;
    }
    JsonSource src = ReadJsonFile((ctx.root / "pack.json").string(), pack_file, options.limits, ctx.diags);
    if (!src.ok) {
        result.diagnostics = AtLeastLineOne(ctx.diags);
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
            result.diagnostics = AtLeastLineOne(ctx.diags);
            return result;
        }
        if (const json* langs = r.Get(root, "", "languages", JsonKind::Array, true)) {
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
    // The glossary before any text: every text after it may mark its terms.
    std::set<std::string> marked;
    {
        Reader r(src, ctx.diags, ctx.info);
        std::unordered_map<std::string, std::string> seen_terms;
        if (const json* list = r.Get(root, "", "glossary", JsonKind::Array, false)) {
            for (size_t i = 0; i < list->size(); ++i) {
                const json& g = (*list)[i];
                const std::string ptr = PointerAppend("/glossary", i);
                r.CheckFields(g, ptr, {"id", "term", "explanation", "aliases"});
                GlossaryTerm term;
                term.id = r.Str(g, ptr, "id", true, JsonKind::Id);
                r.Unique(seen_terms, term.id, PointerAppend(ptr, "id"), "glossary term", "woord");
                term.term = r.Text(g, ptr, "term", true, kLongOption);
                term.explanation = r.Text(g, ptr, "explanation", true, kLongLine);
                if (const json* al = r.Get(g, ptr, "aliases", JsonKind::Array, false))
                    for (size_t k = 0; k < al->size(); ++k) {
                        if ((*al)[k].is_string() && !(*al)[k].get<std::string>().empty())
                            term.aliases.push_back((*al)[k].get<std::string>());
                        else
                            r.Error(
                                PointerAppend(PointerAppend(ptr, "aliases"), k), "wrong-type",
                                "An alias is another name for the term, in quotes, e.g. \"stagebegeleider\".",
                                "Een alias is een andere naam voor het woord, tussen aanhalingstekens, "
                                "bijvoorbeeld \"stagebegeleider\".");
                    }
                pack->glossary.push_back(std::move(term));
            }
        }
        pack->explain = r.IdList(root, "", "explain");
        for (size_t i = 0; i < pack->explain.size(); ++i)
            if (!pack->FindTerm(pack->explain[i]))
                r.Error(PointerAppend("/explain", i), "unknown-term",
                        "\"" + pack->explain[i] +
                            "\" is in \"explain\" but not in \"glossary\". Add it to \"glossary\" with an "
                            "explanation, or remove it here.",
                        "\"" + pack->explain[i] +
                            "\" staat in \"explain\" maar niet in \"glossary\". Zet het in \"glossary\" met "
                            "een uitleg, of haal het hier weg.");
    }
    ctx.info.glossary = &pack->glossary;
    ctx.info.marked = &marked;
    Reader r(src, ctx.diags, ctx.info);
    r.CheckFields(root, "",
                  {"format", "id", "version", "title", "description", "languages", "defaultLanguage",
                   "authors", "licence", "modules", "cast", "confidenceItems", "sessionCheck", "help",
                   "attract", "endTips", "glossary", "explain"});
    if (const json* f = r.Get(root, "", "format", JsonKind::Int, true);
        f && !(f->get<int64_t>() >= 1 && f->get<int64_t>() <= 2))
        r.Error("/format", "format-version",
                "This pack is format " + f->dump() +
                    "; this kiosk reads formats 1 and 2. Update the kiosk, or set \"format\": 2.",
                "Dit pakket heeft formaat " + f->dump() +
                    "; deze kiosk leest formaat 1 en 2. Werk de kiosk bij, of zet \"format\": 2.");
    else if (f)
        pack->format = f->get<int>();
    if (root.contains("$schema")) r.Get(root, "", "$schema", JsonKind::String, false);
    pack->languages = ctx.info.languages;
    pack->default_language = ctx.info.default_language;
    pack->id = r.Str(root, "", "id", true, JsonKind::Id);
    result.id = pack->id;
    pack->version = r.Str(root, "", "version", true);
    pack->title = r.Text(root, "", "title", true, kLongOption);
    pack->description = r.Text(root, "", "description", true, kLongPage);
    if (const json* authors = r.Get(root, "", "authors", JsonKind::Array, true))
        for (const json& a : *authors)
            if (a.is_string()) pack->authors.push_back(a.get<std::string>());
    pack->licence = r.Str(root, "", "licence", true);
    pack->attract = r.TextList(root, "", "attract", kLongOption);
    pack->end_tips = r.TextList(root, "", "endTips", kLongLine);
    pack->session_confidence_check = r.Str(root, "", "sessionCheck", false, JsonKind::Id);
    if (!pack->session_confidence_check.empty())
        ctx.confidence_refs.push_back(
            {src.file, "/sessionCheck", src.At("/sessionCheck"), pack->session_confidence_check});

    std::unordered_map<std::string, std::string> seen_cast, seen_items, seen_help, seen_modules;
    if (const json* cast = r.Get(root, "", "cast", JsonKind::Array, false)) {
        for (size_t i = 0; i < cast->size(); ++i) {
            const json& c = (*cast)[i];
            const std::string ptr = PointerAppend("/cast", i);
            r.CheckFields(c, ptr, {"id", "name", "role", "portrait", "colour"});
            CastMember m;
            m.id = r.Str(c, ptr, "id", true, JsonKind::Id);
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
    if (const json* items = r.Get(root, "", "confidenceItems", JsonKind::Array, false)) {
        for (size_t i = 0; i < items->size(); ++i) {
            const json& c = (*items)[i];
            const std::string ptr = PointerAppend("/confidenceItems", i);
            r.CheckFields(c, ptr, {"id", "statement", "low", "high", "dontKnow"});
            ConfidenceItem item;
            item.id = r.Str(c, ptr, "id", true, JsonKind::Id);
            r.Unique(seen_items, item.id, PointerAppend(ptr, "id"), "confidence item", "stelling");
            item.statement = r.Text(c, ptr, "statement", true, kLongOption);
            item.low = r.Text(c, ptr, "low", true, 60);
            item.high = r.Text(c, ptr, "high", true, 60);
            if (const json* v = r.Get(c, ptr, "dontKnow", JsonKind::Bool, false))
                item.dont_know = v->get<bool>();
            pack->confidence_items.push_back(std::move(item));
        }
    }
    if (const json* help = r.Get(root, "", "help", JsonKind::Array, false)) {
        for (size_t i = 0; i < help->size(); ++i) {
            const json& h = (*help)[i];
            const std::string ptr = PointerAppend("/help", i);
            r.CheckFields(h, ptr, {"id", "title", "text", "contact", "audience"});
            HelpResource res;
            res.id = r.Str(h, ptr, "id", true, JsonKind::Id);
            r.Unique(seen_help, res.id, PointerAppend(ptr, "id"), "help resource", "hulpbron");
            res.title = r.Text(h, ptr, "title", true, kLongOption);
            res.text = r.Text(h, ptr, "text", true, kLongLine);
            res.contact = r.Text(h, ptr, "contact", false, kLongOption);
            if (h.is_object() && h.contains("audience")) res.audiences = ReadAudiences(r, h, ptr);
            pack->help.push_back(std::move(res));
        }
    }

    // Modules. entry_files[i] is the file of "/modules/i", to tell which module an error in pack.json is
    // about.
    std::vector<std::string> entry_files;
    bool some_unread = false; // a module entry that could not be read: its id is unknown
    if (const json* modules = r.Get(root, "", "modules", JsonKind::Array, true)) {
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
                some_unread = true;
                continue;
            }
            const std::string rel = mj.get<std::string>();
            entry_files.resize(i + 1);
            entry_files[i] = rel;
            bool dotdot = false;
            for (const auto& part : fs::path(rel))
                dotdot = dotdot || part == "..";
            if (fs::path(rel).is_absolute() || dotdot) {
                r.Error(ptr, "media-outside",
                        "\"" + rel + "\" points outside the pack. Module files live inside the pack folder.",
                        "\"" + rel + "\" wijst buiten het pakket. Modulebestanden staan in de pakketmap.");
                some_unread = true;
                continue;
            }
            if (!files.insert(rel).second) {
                r.Error(ptr, "duplicate-id", "\"" + rel + "\" is listed twice. Remove one.",
                        "\"" + rel + "\" staat twee keer in de lijst. Haal er één weg.");
                some_unread = true;
                continue;
            }
            if (!fs::exists(ctx.root / rel, ec)) {
                // A name that differs only in capitals works on a Windows laptop and fails on the kiosk.
                std::string same_but_case;
                const fs::path parent = (ctx.root / rel).parent_path();
                const std::string want = fs::path(rel).filename().string();
                auto lower = [](std::string x) {
                    for (char& c : x)
                        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    return x;
                };
                for (const auto& entry : fs::directory_iterator(parent, ec)) {
                    const std::string name = entry.path().filename().string();
                    if (name != want && lower(name) == lower(want)) same_but_case = name;
                }
                r.Error(ptr, "file-missing",
                        "The module file \"" + rel + "\" is not in the pack folder." +
                            (same_but_case.empty() ? " Check the name, or create the file."
                                                   : " There is \"" + same_but_case +
                                                         "\": names are case-sensitive on the kiosk."),
                        "Het modulebestand \"" + rel + "\" staat niet in de pakketmap." +
                            (same_but_case.empty()
                                 ? " Controleer de naam, of maak het bestand."
                                 : " Er is wel \"" + same_but_case + "\": hoofdletters tellen op de kiosk."));
                some_unread = true;
                continue;
            }
            {
                // A module file that is a link to somewhere outside the pack is refused, like such an image.
                const fs::path canonical = fs::canonical(ctx.root / rel, ec);
                const std::string root_s = ctx.root.string() + "/";
                if (ec || canonical.string().compare(0, root_s.size(), root_s) != 0) {
                    r.Error(
                        ptr, "media-outside",
                        "\"" + rel +
                            "\" is a link to a file outside the pack. Copy the module file into the pack "
                            "folder instead.",
                        "\"" + rel +
                            "\" is een link naar een bestand buiten het pakket. Kopieer het modulebestand in "
                            "de pakketmap.");
                    some_unread = true;
                    continue;
                }
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
        const std::string g = ClosestWord(id, ids);
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
    // A module file that could not be read (missing, or not JSON) has no id: a check it may be is not
    // reported missing (its own error says what to fix; the reference is checked again once it reads).
    some_unread = some_unread || std::any_of(pack->modules.begin(), pack->modules.end(),
                                             [](const Module& m) { return m.id.empty(); });
    for (const auto& ref : ctx.confidence_refs) {
        const Module* m = pack->FindModule(ref.id);
        if (!m && some_unread) continue;
        if (!m || m->kind != ModuleKind::Confidence)
            ref_error(ref, "unknown-check",
                      "\"" + ref.id +
                          "\" is not a confidence module in this pack. Name a module with \"kind\": "
                          "\"confidence\".",
                      "\"" + ref.id +
                          "\" is geen confidence-module in dit pakket. Noem een module met \"kind\": "
                          "\"confidence\".");
    }
    // A term the pack must explain (its "explain" list) that no text marks: nobody ever sees its card.
    for (size_t i = 0; i < pack->explain.size(); ++i)
        if (pack->FindTerm(pack->explain[i]) && !marked.count(pack->explain[i])) {
            const std::string ptr = PointerAppend("/explain", i);
            const TextPosition p = src.At(ptr);
            ctx.diags.Add({src.file, p.line, p.column, ptr, Severity::Warning, "term-never-marked",
                           "\"" + pack->explain[i] + "\" must be explained, but no text marks it. Write [[" +
                               pack->explain[i] + "]] where a lesson page or a role-play line first uses it.",
                           "\"" + pack->explain[i] +
                               "\" moet uitgelegd worden, maar geen tekst markeert het. Schrijf [[" +
                               pack->explain[i] +
                               "]] waar een lespagina of een regel van een rollenspel het voor "
                               "het eerst gebruikt."});
        }
    ctx.info.glossary = nullptr;
    ctx.info.marked = nullptr;
    CheckMedia(ctx);

    ctx.diags.Sort();
    // File-level problems (a file too large, a syntax error without a place) at file:1:1, so editors' problem
    // matchers see them too.
    result.diagnostics = AtLeastLineOne(ctx.diags);
    result.partial = pack;
    for (const std::string& f : entry_files)
        if (!f.empty()) result.module_files.push_back(f);
    if (!result.diagnostics.HasErrors()) {
        result.pack = std::move(pack);
        return result;
    }
    LeaveOutBroken(result, dir, pack_file, entry_files);
    return result;
}

} // namespace sb
