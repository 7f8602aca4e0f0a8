// stageboost-pack: validate, scaffold, measure and draw content packs. Uses the same loader as the kiosk.
//
//   stageboost-pack validate [--strict] [--json] [--lang nl|en] DIR...
//   stageboost-pack new DIR
//   stageboost-pack stats [--lang nl|en] DIR
//   stageboost-pack graph [--lang nl|en] DIR MODULE
//   stageboost-pack playthroughs [--check] DIR OUT_DIR
#include "pack/loader.h"
#include "pack/stats.h"

#include <fstream>
#include <sstream>
#include "tool.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace {

int Validate(const std::vector<std::string>& dirs, bool strict, bool as_json, const std::string& lang,
             bool timing) {
    bool failed = false;
    nlohmann::json all = nlohmann::json::array();
    for (const std::string& dir : dirs) {
        const auto t0 = std::chrono::steady_clock::now();
        const sb::LoadResult result = sb::LoadPack(dir);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        const auto& diags = result.diagnostics;
        if (diags.HasErrors() || (strict && diags.WarningCount() > 0)) failed = true;
        if (as_json) {
            for (const auto& d : diags.List())
                all.push_back({{"file", d.file},
                               {"line", d.line},
                               {"column", d.column},
                               {"pointer", d.pointer},
                               {"severity", d.severity == sb::Severity::Error ? "error" : "warning"},
                               {"code", d.code},
                               {"message", d.Message(lang)},
                               {"message_en", d.message_en},
                               {"message_nl", d.message_nl}});
            continue;
        }
        for (const auto& d : diags.List())
            std::cout << sb::FormatDiagnostic(d, lang) << "\n";
        const bool nl = lang == "nl";
        const size_t e = diags.ErrorCount(), w = diags.WarningCount();
        if (e == 0 && w == 0)
            std::cout << dir << (nl ? ": in orde" : ": OK");
        else
            std::cout << dir << ": " << e
                      << (nl ? (e == 1 ? " fout, " : " fouten, ") : (e == 1 ? " error, " : " errors, ")) << w
                      << (nl ? (w == 1 ? " waarschuwing" : " waarschuwingen")
                             : (w == 1 ? " warning" : " warnings"));
        if (timing) std::printf(" (%.1f ms)", ms);
        std::cout << "\n";
    }
    if (as_json) std::cout << all.dump(2) << "\n";
    return failed ? 1 : 0;
}

// Loads a pack for stats or graph. With errors it prints them and goes on with what could be read (the
// story map marks broken links in red); null only when not even pack.json could be read.
std::shared_ptr<const sb::Pack> LoadOrReport(const std::string& dir, const std::string& msg_lang) {
    const sb::LoadResult result = sb::LoadPack(dir);
    if (!result.pack) {
        for (const auto& d : result.diagnostics.List())
            if (d.severity == sb::Severity::Error) std::cerr << sb::FormatDiagnostic(d, msg_lang) << "\n";
        if (result.partial)
            std::cerr << dir
                      << (msg_lang == "nl"
                              ? ": het pakket heeft fouten (hierboven); dit is wat gelezen kon worden.\n"
                              : ": the pack has errors (above); this is what could be read.\n");
    }
    return result.partial;
}

int Playthroughs(const std::string& dir, const std::string& out_dir, const std::string& kiosk_args,
                 bool check, const std::string& msg_lang) {
    const sb::LoadResult result = sb::LoadPack(dir);
    if (!result.pack) {
        for (const auto& d : result.diagnostics.List())
            std::cerr << sb::FormatDiagnostic(d, msg_lang) << "\n";
        return 1;
    }
    int failed = 0, written = 0;
    for (const sb::Module& m : result.pack->modules) {
        if (!m.AsRoleplay()) continue;
        std::string script, problem;
        if (!sb::PlaythroughScript(*result.pack, m, kiosk_args, script, problem)) {
            std::cerr << "stageboost-pack: " << problem << "\n";
            failed = 1;
            continue;
        }
        const std::string file = out_dir + "/playthrough_" + m.id + ".script";
        if (check) {
            std::ifstream in(file, std::ios::binary);
            std::ostringstream have;
            have << in.rdbuf();
            if (!in || have.str() != script) {
                std::cerr
                    << file
                    << (in ? ": differs from what the story's states give; run `stageboost-pack playthroughs "
                           : ": missing: no script plays this role-play's endings; run `stageboost-pack "
                             "playthroughs ")
                    << dir << " " << out_dir << "`\n";
                failed = 1;
            }
            continue;
        }
        std::ofstream outf(file, std::ios::binary);
        outf << script;
        if (!outf) {
            std::cerr << "stageboost-pack: cannot write " << file << "\n";
            failed = 1;
        }
        ++written;
    }
    if (!check) std::cout << "wrote " << written << " scripts into " << out_dir << "\n";
    return failed;
}

int Stats(const std::string& dir, std::string lang, const std::string& msg_lang) {
    const auto loaded = LoadOrReport(dir, msg_lang);
    if (!loaded) return 1;
    const sb::Pack& pack = *loaded;
    if (lang.empty()) lang = pack.default_language;
    std::printf("%-28s %-11s %6s %9s %6s %9s %8s\n", "module", "kind", "nodes", "decisions", "words",
                "words/sen", "minutes");
    sb::TextStats total;
    for (const sb::Module& m : pack.modules) {
        const sb::ModuleStats s = sb::ComputeModuleStats(pack, m, lang);
        total.words += s.text.words;
        total.sentences += s.text.sentences;
        std::printf("%-28s %-11s %6zu %9zu %6zu %9.1f %8d%s\n", m.id.c_str(), sb::KindName(m.kind), s.nodes,
                    s.decisions, s.text.words, s.text.AverageSentenceLength(),
                    m.minutes > 0 ? m.minutes : s.estimated_minutes, m.minutes > 0 ? "" : " (estimated)");
    }
    std::printf("%-28s %-11s %6s %9s %6zu %9.1f\n", "total", "", "", "", total.words,
                total.AverageSentenceLength());
    std::printf("Average sentence length %.1f words (B1 Dutch: aim for 15 or fewer).\n",
                total.AverageSentenceLength());
    return 0;
}

int Graph(const std::string& dir, const std::string& module_id, std::string lang,
          const std::string& msg_lang) {
    const auto pack = LoadOrReport(dir, msg_lang);
    if (!pack) return 1;
    if (lang.empty()) lang = pack->default_language;
    const sb::Module* m = pack->FindModule(module_id);
    if (!m || !m->AsRoleplay()) {
        std::cerr << "There is no role-play \"" << module_id << "\" in " << dir << ". Role-plays:";
        for (const auto& x : pack->modules)
            if (x.AsRoleplay()) std::cerr << " " << x.id;
        std::cerr << "\n";
        return 1;
    }
    sb::WriteRoleplayDot(*pack, *m, lang, std::cout);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"stageboost-pack: check, create and inspect Stageboost content packs."};
    app.require_subcommand(1);
    // Messages follow the terminal's language (LANG=nl_NL... gives Dutch) unless --lang says otherwise.
    const char* env_lang = std::getenv("LANG");
    std::string lang = env_lang && std::string(env_lang).rfind("nl", 0) == 0 ? "nl" : "en";
    std::string content_lang; // stats and graph: the pack's default language unless given
    std::vector<std::string> dirs;
    bool strict = false, as_json = false, timing = false;
    auto* validate =
        app.add_subcommand("validate", "Check packs; exit 0 when clean, 1 with errors, 2 on bad usage");
    validate->add_option("DIR", dirs, "Pack folders")->required();
    validate->add_flag("--strict", strict, "Warnings fail too");
    validate->add_flag("--json", as_json, "Print the diagnostics as JSON");
    validate->add_flag("--time", timing, "Print how long loading took");
    validate->add_option("--lang", lang, "Message language")->check(CLI::IsMember({"nl", "en"}));

    std::string dir, module_id;
    auto* make = app.add_subcommand("new", "Create a small pack with one module of each kind");
    make->add_option("DIR", dir, "Folder for the new pack")->required();
    auto* stats = app.add_subcommand("stats", "Modules, nodes, words, sentence length and minutes");
    stats->add_option("DIR", dir, "Pack folder")->required();
    stats->add_option("--lang", content_lang, "Language to measure (default: the pack's)")
        ->check(CLI::IsMember({"nl", "en"}));
    auto* graph = app.add_subcommand("graph", "Print a role-play's story map as Graphviz DOT");
    graph->add_option("DIR", dir, "Pack folder")->required();
    graph->add_option("MODULE", module_id, "Role-play id")->required();
    graph->add_option("--lang", content_lang, "Language of the labels (default: the pack's)")
        ->check(CLI::IsMember({"nl", "en"}));

    std::string out_dir, kiosk_args = "--windowed 1366x768 --content content";
    bool check = false;
    auto* plays = app.add_subcommand("playthroughs",
                                     "Write GUI scripts that play every role-play to each of its endings");
    plays->add_option("DIR", dir, "Pack folder")->required();
    plays->add_option("OUT_DIR", out_dir, "Folder for playthrough_<id>.script (tests/gui)")->required();
    plays->add_option("--kiosk-args", kiosk_args, "The kiosk options the scripts start with");
    plays->add_flag("--check", check, "Write nothing; exit 1 when a script is missing or out of date");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (*validate) return Validate(dirs, strict, as_json, lang, timing);
    if (*make) {
        std::string error;
        if (!sb::ScaffoldPack(dir, error)) {
            std::cerr << "stageboost-pack: " << error << "\n";
            return 1;
        }
        std::cout << "Created " << dir << ". Check it with: stageboost-pack validate " << dir << "\n";
        return 0;
    }
    if (*stats) return Stats(dir, content_lang, lang);
    if (*graph) return Graph(dir, module_id, content_lang, lang);
    if (*plays) return Playthroughs(dir, out_dir, kiosk_args, check, lang);
    return 2;
}
