// See pack_fuzz_target.h. Everything here is deterministic for a given input, so a crash replays.
#include "pack_fuzz_target.h"

#include "pack/loader.h"
#include "pack/roleplay_graph.h"
#include "pack/stats.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#ifndef STAGEBOOST_TEST_DATA
#error "STAGEBOOST_TEST_DATA must name tests/data (the fuzzer copies tests/data/packs/_base)"
#endif

namespace fs = std::filesystem;

namespace sb::fuzz {

namespace {

const char* const kModuleFiles[] = {"check.json", "les.json", "rollenspel.json", "quiz.json"};

// Small images so the media checks run to the end: valid 1×1 PNG, a PNG header claiming 5000×5000,
// and a JPEG that is only SOI + SOF0 (stbi_info reads no further).
const unsigned char kPng1x1[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
                                 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
                                 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00,
                                 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x60, 0x60, 0x00,
                                 0x00, 0x00, 0x04, 0x00, 0x01, 0xf6, 0x17, 0x38, 0x55, 0x00, 0x00, 0x00,
                                 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
const unsigned char kPngHuge[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
                                  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x13, 0x88, 0x00, 0x00, 0x13, 0x88,
                                  0x08, 0x02, 0x00, 0x00, 0x00, 0xd2, 0xfa, 0x10, 0x9c, 0x00, 0x00, 0x00,
                                  0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
const unsigned char kJpeg[] = {0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03, 0x03,
                               0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9};

void WriteFile(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

template <size_t N> std::string_view Bytes(const unsigned char (&a)[N]) {
    return {reinterpret_cast<const char*>(a), N};
}

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A pack folder on tmpfs, made once per process: the fuzzer rewrites its JSON files for every input.
struct Workspace {
    fs::path root; // holds outside.png, so a link in the pack can point out of it
    std::string pack;
    std::vector<std::pair<std::string, std::string>> base; // pack.json and the modules of _base
    std::string slim_pack_json; // pack.json listing only check.json and rollenspel.json: half the parsing
    size_t extras = 0;          // extra-N.json written by the last input

    Workspace() {
        std::error_code ec;
        fs::path parent = "/dev/shm";
        if (const char* env = std::getenv("STAGEBOOST_FUZZ_TMP"); env && *env) parent = env;
        if (!fs::is_directory(parent, ec)) parent = fs::temp_directory_path();
        root = parent / ("stageboost-fuzz-" + std::to_string(getpid()));
        fs::remove_all(root, ec);
        fs::create_directories(root / "pack" / "images", ec);
        fs::create_directories(root / "pack" / "folder.png", ec);
        pack = (root / "pack").string();

        const fs::path src = fs::path(STAGEBOOST_TEST_DATA) / "packs" / "_base";
        base.emplace_back("pack.json", ReadFile(src / "pack.json"));
        for (const char* name : kModuleFiles)
            base.emplace_back(name, ReadFile(src / name));
        if (base[0].second.empty()) {
            std::fprintf(stderr, "pack fuzzer: cannot read %s\n", src.c_str());
            std::abort();
        }
        nlohmann::json slim = nlohmann::json::parse(base[0].second);
        slim["modules"] = {"check.json", "rollenspel.json"};
        slim_pack_json = slim.dump(1);

        WriteFile(root / "pack" / "img.png", Bytes(kPng1x1));
        WriteFile(root / "pack" / "images" / "sub.png", Bytes(kPng1x1));
        WriteFile(root / "pack" / "huge.png", Bytes(kPngHuge));
        WriteFile(root / "pack" / "photo.jpg", Bytes(kJpeg));
        WriteFile(root / "pack" / "fake.png", "not an image\n");
        WriteFile(root / "outside.png", Bytes(kPng1x1));
        fs::create_symlink("../outside.png", root / "pack" / "outside.png", ec);
    }
    ~Workspace() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }

    // Writes the input's files over the _base pack.
    void Write(const std::vector<std::string_view>& parts) {
        const fs::path dir = pack;
        std::error_code ec;
        for (size_t i = 1; i <= extras; ++i)
            fs::remove(dir / ("extra-" + std::to_string(i) + ".json"), ec);
        extras = 0;
        std::vector<std::string_view> files(base.size());
        if (parts.size() == 1) {
            // One module, any kind (the kind is read from the file), next to the check that pack.json needs.
            files[0] = slim_pack_json;
            files[3] = parts[0];
        } else {
            for (size_t i = 0; i < parts.size() && i < files.size(); ++i)
                files[i] = parts[i];
        }
        for (size_t i = 0; i < base.size(); ++i)
            WriteFile(dir / base[i].first, files[i].empty() ? std::string_view(base[i].second) : files[i]);
        for (size_t i = base.size(); i < parts.size(); ++i) {
            WriteFile(dir / ("extra-" + std::to_string(++extras) + ".json"), parts[i]);
        }
    }
};

Workspace& Ws() {
    static Workspace ws;
    return ws;
}

std::vector<std::string_view> Split(std::string_view text) {
    std::vector<std::string_view> parts;
    size_t at = 0;
    while (true) {
        const size_t sep = text.find(kFileSeparator, at);
        if (sep == std::string_view::npos) break;
        parts.push_back(text.substr(at, sep - at));
        at = sep + kFileSeparator.size();
        if (parts.size() >= 16) break; // more files only slow the fuzzer down
    }
    parts.push_back(text.substr(at));
    return parts;
}

// The model promises the kiosk that a pack without errors has only valid indices; check that it holds.
void CheckModel(const Pack& pack) {
    for (const Module& m : pack.modules) {
        const Roleplay* rp = m.AsRoleplay();
        if (!rp) continue;
        const int nodes = static_cast<int>(rp->nodes.size());
        const int endings = static_cast<int>(rp->endings.size());
        auto valid = [&](const Target& t) { return t.index >= 0 && t.index < (t.ending ? endings : nodes); };
        if (nodes == 0 || rp->start < 0 || rp->start >= nodes) __builtin_trap();
        for (const Node& n : rp->nodes) {
            if (n.choices.empty() && n.next.empty()) __builtin_trap();
            for (const Branch& b : n.next)
                if (!valid(b.target)) __builtin_trap();
            if (!n.next.empty() && !n.next.back().condition.Empty()) __builtin_trap(); // the default is last
            for (const Choice& c : n.choices) {
                if (!valid(c.target)) __builtin_trap();
                if (c.once != (c.once_index >= 0) || c.once_index >= rp->once_choices) __builtin_trap();
            }
        }
    }
}

// Every value of a file the parser accepted has a position, and a pointer below a value falls back to it:
// otherwise diagnostics would point at the wrong line.
void CheckPositions(const JsonSource& src, const nlohmann::json& v, std::string& pointer, size_t& budget) {
    if (budget == 0) return;
    --budget;
    const TextPosition* pos = src.positions.Find(PositionIndex::Of(pointer));
    if (!pos || pos->line < 1 || pos->column < 1) __builtin_trap();
    const TextPosition below = src.At(pointer + "/~/no such value");
    if (!v.is_structured() && (below.line != pos->line || below.column != pos->column)) __builtin_trap();
    const size_t length = pointer.size();
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            pointer += '/';
            for (char c : it.key())
                pointer += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
            CheckPositions(src, *it, pointer, budget);
            pointer.resize(length);
        }
    } else if (v.is_array()) {
        for (size_t i = 0; i < v.size(); ++i) {
            pointer += '/' + std::to_string(i);
            CheckPositions(src, v[i], pointer, budget);
            pointer.resize(length);
        }
    }
}

// Plays each role-play a little as the kiosk would (through the graph helper the kiosk uses), then explores
// its states with a small bound and checks what the exploration claims.
void Play(const Roleplay& rp) {
    StoryState state = StartState(rp);
    for (int step = 0; step < 64 && state.ending < 0; ++step) {
        for (int line : ShownLines(rp, state, state.node))
            (void)Resolve(rp, state, rp.nodes[state.node].lines[line].text);
        const std::vector<Exit> exits = Exits(rp, state);
        if (exits.empty()) break;
        // Take the open exits in turn, so different steps follow different branches.
        const Exit& e = exits[step % exits.size()];
        if (e.choice >= 0) (void)Interpolate(rp, state.vars, rp.nodes[state.node].choices[e.choice].text);
        Take(rp, state, e);
    }
    if (state.ending >= 0) {
        (void)Resolve(rp, state, rp.endings[state.ending].title);
        (void)Resolve(rp, state, rp.endings[state.ending].debrief);
    }
    const Exploration x = Explore(rp, StartState(rp), ExploreLimits{2000}, /*want_paths=*/true);
    for (const auto& p : x.no_exit)
        if (!Exits(rp, p.state).empty()) __builtin_trap(); // a reported dead end has no exit
    for (size_t e = 0; e < x.path_to_ending.size(); ++e) {
        if (!x.ending_reached[e]) continue;
        // The path the exploration found replays to its ending with the same rules.
        StoryState s = StartState(rp);
        for (const Exit& step : x.path_to_ending[e]) {
            const std::vector<Exit> open = Exits(rp, s);
            if (std::none_of(open.begin(), open.end(), [&](const Exit& o) {
                    return o.choice == step.choice && o.branch == step.branch;
                }))
                __builtin_trap();
            Take(rp, s, step);
        }
        if (s.ending != static_cast<int>(e)) __builtin_trap();
    }
    (void)ReachableFrom(rp, StartState(rp), 500);
}

} // namespace

const std::string& PackFuzzDir() {
    return Ws().pack;
}

PackFuzzOutcome RunPackFuzzInput(const uint8_t* data, size_t size) {
    PackFuzzOutcome outcome;
    const std::string text(reinterpret_cast<const char*>(data), size);

    // 1. Raw bytes through the parser, with the real limits and with small ones.
    {
        Diagnostics diags;
        const JsonSource src = ParseJsonText(text, "fuzz.json", JsonLimits{}, diags);
        outcome.raw_parsed = src.ok;
        if (src.ok) {
            std::string pointer;
            size_t budget = 20000;
            CheckPositions(src, src.root, pointer, budget);
        }
        JsonLimits small;
        small.max_depth = 6;
        small.max_string_bytes = 40;
        (void)ParseJsonText(text, "fuzz.json", small, diags);
        outcome.raw_diagnostics = diags.List().size();
        for (const Diagnostic& d : diags.List())
            if (d.code.empty() || d.message_en.empty() || d.message_nl.empty()) {
                fprintf(stderr, "fuzz: a diagnostic without code or text: [%s] en '%s' nl '%s'\n",
                        d.code.c_str(), d.message_en.c_str(), d.message_nl.c_str());
                __builtin_trap();
            }
    }

    // 2. The input as files of a whole pack.
    Workspace& ws = Ws();
    ws.Write(Split(text));
    const LoadResult result = LoadPack(ws.pack);
    for (const Diagnostic& d : result.diagnostics.List()) {
        if (d.code.empty() || d.message_en.empty() || d.message_nl.empty()) __builtin_trap();
        (void)FormatDiagnostic(d, "en");
        (void)FormatDiagnostic(d, "nl");
        outcome.codes.push_back(d.code);
    }
    if (result.pack) {
        // A pack plays what is sound: an error may only come from a module that was left out.
        for (const Diagnostic& d : result.diagnostics.List())
            if (d.severity == Severity::Error)
                for (const Module& m : result.pack->modules)
                    if (!m.file.empty() && d.file.size() >= m.file.size() &&
                        d.file.compare(d.file.size() - m.file.size(), m.file.size(), m.file) == 0)
                        __builtin_trap();
        outcome.pack_loaded = true;
        const Pack& pack = *result.pack;
        CheckModel(pack);
        for (const Module& m : pack.modules) {
            (void)ComputeModuleStats(pack, m, "en");
            (void)ModuleMinutes(pack, m);
            if (const Roleplay* rp = m.AsRoleplay()) Play(*rp);
        }
    }
    return outcome;
}

} // namespace sb::fuzz
