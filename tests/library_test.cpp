// PackLibrary: packs from a content folder and extra folders; broken ones kept for diagnostics; live reload.
#include "pack/library.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;

namespace {
const fs::path kPacks = fs::path(STAGEBOOST_TEST_DATA) / "packs";

void Replace(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text;
    {
        std::ifstream in(file);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    text.replace(text.find(from), from.size(), to);
    std::ofstream(file) << text;
}
} // namespace

TEST(PackLibrary, LoadsGoodPacksAndKeepsBrokenOnesForDiagnostics) {
    sb::PackLibrary lib;
    lib.Load("/nonexistent", {(kPacks / "_base").string(), (kPacks / "unknown-target").string()});
    ASSERT_EQ(lib.Packs().size(), 2u);
    EXPECT_EQ(lib.BrokenCount(), 1u);
    ASSERT_NE(lib.FindPack("mijn-pack"), nullptr);
    EXPECT_EQ(lib.Languages(), (std::vector<std::string>{"nl", "en"}));
}

TEST(PackLibrary, ReloadsAChangedPackAndNoOther) {
    const fs::path dir = fs::path(testing::TempDir()) / "reload";
    fs::remove_all(dir);
    fs::copy(kPacks / "_base", dir, fs::copy_options::recursive);
    sb::PackLibrary lib;
    lib.Load("", {dir.string()});
    EXPECT_FALSE(lib.ReloadChanged());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Replace(dir / "rollenspel.json", "\"Een vraag stellen\"", "\"Een nieuwe titel\"");
    EXPECT_TRUE(lib.ReloadChanged());
    const sb::Pack* pack = lib.FindPack("mijn-pack");
    ASSERT_NE(pack, nullptr);
    EXPECT_EQ(pack->T(pack->FindModule("rollenspel")->title, "nl"), "Een nieuwe titel");
    // A broken edit: the last good version of the role-play plays on, named for the author banner.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Replace(dir / "rollenspel.json", "\"target\": \"einde-fout\"", "\"target\": \"nergens\"");
    EXPECT_TRUE(lib.ReloadChanged());
    pack = lib.FindPack("mijn-pack");
    ASSERT_NE(pack, nullptr);
    ASSERT_NE(pack->FindModule("rollenspel"), nullptr);
    EXPECT_EQ(pack->T(pack->FindModule("rollenspel")->title, "nl"), "Een nieuwe titel");
    EXPECT_EQ(lib.BrokenCount(), 1u);
    ASSERT_EQ(lib.Packs()[0].kept.size(), 1u);
    EXPECT_EQ(lib.Packs()[0].kept[0].code, "unknown-target");
}

namespace {
const sb::LoadedPack& Only(const sb::PackLibrary& lib) {
    return lib.Packs().at(0);
}
std::vector<std::string> Ids(const sb::Pack& pack) {
    std::vector<std::string> ids;
    for (const auto& m : pack.modules)
        ids.push_back(m.id);
    return ids;
}
fs::path FreshCopy(const char* name) {
    const fs::path dir = fs::path(testing::TempDir()) / name;
    fs::remove_all(dir);
    fs::copy(kPacks / "_base", dir, fs::copy_options::recursive);
    return dir;
}
} // namespace

// One missing lesson image leaves out the lesson, not the role-play, quiz and check.
TEST(PackLibrary, ABrokenModuleIsLeftOutAndTheRestPlays) {
    const fs::path dir = FreshCopy("left-out");
    Replace(
        dir / "les.json", "\"callouts\"",
        "\"image\": {\"src\": \"images/weg.png\", \"alt\": {\"nl\": \"W\", \"en\": \"W\"}}, \"callouts\"");
    Replace(dir / "rollenspel.json", "\"start\": \"begin\"", "\"start\": \"nergens\"");
    sb::PackLibrary lib;
    lib.Load("", {dir.string()});
    const sb::LoadedPack& p = Only(lib);
    ASSERT_NE(p.result.pack, nullptr);
    EXPECT_EQ(Ids(*p.result.pack), (std::vector<std::string>{"check", "quiz"}));
    EXPECT_EQ(p.result.left_out, (std::vector<std::string>{"les.json", "rollenspel.json"}));
    EXPECT_EQ(lib.BrokenCount(), 1u); // listed on the trainer's diagnostics screen
    bool missing = false, notice = false;
    for (const auto& d : p.result.diagnostics.List()) {
        missing = missing || (d.code == "media-missing" && d.file == (dir / "les.json").string() &&
                              d.severity == sb::Severity::Error);
        notice = notice || (d.code == "module-left-out" && d.file == (dir / "rollenspel.json").string() &&
                            d.line == 1 && d.column == 1 && !d.message_nl.empty());
    }
    EXPECT_TRUE(missing);
    EXPECT_TRUE(notice);
    EXPECT_TRUE(p.kept.empty()); // nothing older to keep at start-up
}

// A module left out takes its confidence check's reference with it; a broken check is not asked.
TEST(PackLibrary, ABrokenCheckIsNotAsked) {
    const fs::path dir = FreshCopy("left-out-check");
    Replace(dir / "check.json", "\"kind\"", "\"onbekend\": 1, \"kind\"");
    Replace(dir / "check.json", "\"id\": \"check\"", "\"id\": \"check\", \"minutes\": 500");
    sb::PackLibrary lib;
    lib.Load("", {dir.string()});
    const sb::Pack* pack = lib.FindPack("mijn-pack");
    ASSERT_NE(pack, nullptr);
    EXPECT_EQ(pack->FindModule("check"), nullptr);
    EXPECT_EQ(pack->session_confidence_check, "");
    for (const auto& m : pack->modules)
        EXPECT_EQ(m.confidence_check, "") << m.id;
}

// Only a pack.json that cannot be read drops the whole pack.
TEST(PackLibrary, AnUnreadablePackJsonDropsThePack) {
    const fs::path dir = FreshCopy("left-out-pack");
    Replace(dir / "pack.json", "\"id\": \"mijn-pack\",", "\"id\": \"mijn-pack\"");
    sb::PackLibrary lib;
    lib.Load("", {dir.string()});
    EXPECT_EQ(Only(lib).result.pack, nullptr);
    EXPECT_EQ(lib.BrokenCount(), 1u);
}

// A module missing from the folder is left out from pack.json's entry; the others play.
TEST(PackLibrary, AMissingModuleFileIsLeftOut) {
    const fs::path dir = FreshCopy("left-out-file");
    fs::remove(dir / "quiz.json");
    sb::PackLibrary lib;
    lib.Load("", {dir.string()});
    const sb::Pack* pack = lib.FindPack("mijn-pack");
    ASSERT_NE(pack, nullptr);
    EXPECT_EQ(Ids(*pack), (std::vector<std::string>{"check", "les", "rollenspel"}));
    EXPECT_EQ(Only(lib).result.left_out, (std::vector<std::string>{"quiz.json"}));
}

// --watch: each broken save keeps the last good version; the next good save replaces it.
TEST(PackLibrary, ALiveReloadKeepsTheLastGoodVersionOfWhatBroke) {
    const fs::path dir = FreshCopy("keep-good");
    sb::PackLibrary lib;
    lib.Load("", {dir.string()});
    auto title = [&](const char* id) {
        const sb::Pack* pack = lib.FindPack("mijn-pack");
        const sb::Module* m = pack ? pack->FindModule(id) : nullptr;
        return m ? pack->T(m->title, "nl") : std::string("(gone)");
    };
    auto save = [&](const fs::path& file, const std::string& from, const std::string& to) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        Replace(file, from, to);
        ASSERT_TRUE(lib.ReloadChanged());
    };
    // A half-saved file (a syntax error) in the lesson, while the quiz gets a good edit.
    save(dir / "les.json", "\"minutes\": 3,", "\"minutes\": 3,,");
    save(dir / "quiz.json", "\"kind\"", "\"kind\"");
    EXPECT_EQ(title("les"), "Je eerste stagedag");
    EXPECT_EQ(Ids(*lib.FindPack("mijn-pack")),
              (std::vector<std::string>{"check", "les", "rollenspel", "quiz"}));
    ASSERT_EQ(Only(lib).kept.size(), 1u);
    const sb::Diagnostic& d = Only(lib).kept[0];
    EXPECT_EQ(d.file, (dir / "les.json").string());
    EXPECT_EQ(d.line, 8);
    EXPECT_GT(d.column, 1);
    // The next good save replaces it.
    save(dir / "les.json", "\"minutes\": 3,,", "\"minutes\": 3,");
    save(dir / "les.json", "Je eerste stagedag", "Je eerste dag");
    EXPECT_EQ(title("les"), "Je eerste dag");
    EXPECT_TRUE(Only(lib).kept.empty());
    EXPECT_FALSE(Only(lib).HasProblems());
    // pack.json broken: the whole last good pack plays on.
    save(dir / "pack.json", "\"modules\"", "\"modules\" \"");
    EXPECT_EQ(title("les"), "Je eerste dag");
    ASSERT_EQ(Only(lib).kept.size(), 1u);
    EXPECT_EQ(Only(lib).kept[0].file, (dir / "pack.json").string());
    // A module deleted on purpose (gone from pack.json) is gone.
    save(dir / "pack.json", "\"modules\" \"", "\"modules\"");
    save(dir / "pack.json", "\"les.json\", ", "");
    EXPECT_EQ(title("les"), "(gone)");
}
