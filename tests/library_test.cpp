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
    // A broken edit: the pack stays listed with its diagnostics, and is not played.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Replace(dir / "rollenspel.json", "\"target\": \"einde-fout\"", "\"target\": \"nergens\"");
    EXPECT_TRUE(lib.ReloadChanged());
    EXPECT_EQ(lib.FindPack("mijn-pack"), nullptr);
    EXPECT_EQ(lib.BrokenCount(), 1u);
}
