// Runtime path lookup: an installed program finds its data beside its prefix and never the source tree; a
// program in a build tree finds the source tree through the marker CMake writes; config and state follow XDG
// and systemd.
#include "system/paths.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

class Paths : public testing::Test {
  protected:
    void SetUp() override {
        root = fs::path(testing::TempDir()) / ("paths_" + std::to_string(::getpid()) + "_" +
                                               testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root);
        fs::create_directories(root);
    }
    void TearDown() override { fs::remove_all(root); }
    fs::path Dir(const std::string& rel) {
        fs::create_directories(root / rel);
        return root / rel;
    }
    void File(const std::string& rel, const std::string& text) {
        fs::create_directories((root / rel).parent_path());
        std::ofstream(root / rel) << text;
    }
    sb::PathContext Ctx(const std::string& exe_rel) {
        sb::PathContext ctx;
        ctx.exe = (root / exe_rel).string();
        ctx.env["XDG_DATA_DIRS"] = (root / "nowhere").string(); // never the machine's /usr/share
        ctx.system_config_dir = (root / "etc/stageboost").string();
        return ctx;
    }
    fs::path root;
};

TEST_F(Paths, InstalledProgramFindsShareBesideItsPrefix) {
    const fs::path data = Dir("opt/x/usr/share/stageboost/content").parent_path();
    EXPECT_EQ(sb::FindDataDir(Ctx("opt/x/usr/bin/stageboost")), data.string());
    EXPECT_EQ(sb::DefaultContentDir(Ctx("opt/x/usr/bin/stageboost")), (data / "content").string());
    EXPECT_EQ(sb::DefaultAssetsDir(Ctx("opt/x/usr/bin/stageboost")), (data / "assets").string());
}

TEST_F(Paths, InstalledProgramIgnoresABuildTreeMarkerFurtherUp) {
    // A prefix inside a build folder (cmake --install build --prefix build/stage): the installed share wins.
    const fs::path source = Dir("src/content").parent_path();
    File("build/stageboost-source-dir", source.string() + "\n");
    const fs::path data = Dir("build/stage/share/stageboost/content").parent_path();
    EXPECT_EQ(sb::FindDataDir(Ctx("build/stage/bin/stageboost")), data.string());
}

TEST_F(Paths, BuildTreeProgramFindsTheSourceTreeThroughTheMarker) {
    const fs::path source = Dir("checkout/content").parent_path();
    File("checkout/build/stageboost-source-dir", source.string() + "\n");
    EXPECT_EQ(sb::FindDataDir(Ctx("checkout/build/kiosk/stageboost")), source.string());
    EXPECT_EQ(sb::FindDataDir(Ctx("checkout/build/tools/pack/stageboost-pack")), source.string());
}

TEST_F(Paths, ProgramCopiedAwayFromBothFindsOnlyXdgDataDirs) {
    Dir("checkout/content");
    File("checkout/build/stageboost-source-dir", (root / "checkout").string() + "\n");
    sb::PathContext ctx = Ctx("elsewhere/bin/stageboost");
    EXPECT_EQ(sb::FindDataDir(ctx), "");
    const fs::path share = Dir("share2/stageboost/content").parent_path();
    ctx.env["XDG_DATA_DIRS"] = (root / "share1").string() + ":" + (root / "share2").string();
    EXPECT_EQ(sb::FindDataDir(ctx), share.string());
    const std::string msg = sb::NoDataDirMessage(Ctx("elsewhere/bin/stageboost"));
    EXPECT_NE(msg.find((root / "elsewhere/share/stageboost").string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("--content"), std::string::npos) << msg;
}

TEST_F(Paths, EnvironmentOverrideWinsAndIsTakenAsGiven) {
    Dir("opt/usr/share/stageboost/content");
    const fs::path mine = Dir("mine/content").parent_path();
    sb::PathContext ctx = Ctx("opt/usr/bin/stageboost");
    ctx.env["STAGEBOOST_DATA_DIR"] = mine.string();
    EXPECT_EQ(sb::FindDataDir(ctx), mine.string());
    ctx.env["STAGEBOOST_DATA_DIR"] = (root / "typo").string();
    EXPECT_EQ(sb::FindDataDir(ctx), "") << "a wrong override must not fall back to another copy silently";
}

TEST_F(Paths, ConfigUserFileThenSystemThenUserPath) {
    sb::PathContext ctx = Ctx("usr/bin/stageboost");
    ctx.env["HOME"] = (root / "home").string();
    const std::string user = (root / "home/.config/stageboost/config.json").string();
    EXPECT_EQ(sb::DefaultConfigPath(ctx), user) << "no package: the user's path, created on the first save";
    Dir("etc/stageboost");
    EXPECT_EQ(sb::DefaultConfigPath(ctx), (root / "etc/stageboost/config.json").string());
    File("home/.config/stageboost/config.json", "{}");
    EXPECT_EQ(sb::DefaultConfigPath(ctx), user) << "a user config overrides for development";
    ctx.env["XDG_CONFIG_HOME"] = (root / "xdg").string();
    EXPECT_EQ(sb::DefaultConfigPath(ctx), (root / "etc/stageboost/config.json").string());
    File("xdg/stageboost/config.json", "{}");
    EXPECT_EQ(sb::DefaultConfigPath(ctx), (root / "xdg/stageboost/config.json").string());
    ctx.env["STAGEBOOST_CONFIG"] = "/tmp/other.json";
    EXPECT_EQ(sb::DefaultConfigPath(ctx), "/tmp/other.json");
}

TEST_F(Paths, StateDirFollowsSystemdThenXdg) {
    sb::PathContext ctx = Ctx("usr/bin/stageboost");
    ctx.env["HOME"] = "/home/ahmed";
    EXPECT_EQ(sb::DefaultStateDir(ctx), "/home/ahmed/.local/share/stageboost");
    ctx.env["XDG_DATA_HOME"] = "/data";
    EXPECT_EQ(sb::DefaultStateDir(ctx), "/data/stageboost");
    ctx.env["STATE_DIRECTORY"] = "/var/lib/stageboost:/var/lib/other";
    EXPECT_EQ(sb::DefaultStateDir(ctx), "/var/lib/stageboost");
    EXPECT_EQ(sb::DefaultImportedPacksDir(ctx), "/var/lib/stageboost/packs");
    ctx.env["STAGEBOOST_STATE_DIR"] = "/tmp/t";
    EXPECT_EQ(sb::DefaultStateDir(ctx), "/tmp/t");
}

TEST(PathsReal, ThisBuildTreeIsFoundThroughTheMarkerCMakeWrites) {
    const std::string exe = sb::ExecutablePath();
    ASSERT_FALSE(exe.empty());
    EXPECT_EQ(fs::path(exe).parent_path(), fs::path(STAGEBOOST_BINARY_DIR) / "tests");
    sb::PathContext ctx = sb::PathContext::Current();
    ctx.env.erase("STAGEBOOST_DATA_DIR");
    EXPECT_EQ(fs::canonical(sb::FindDataDir(ctx)), fs::canonical(STAGEBOOST_SOURCE_DIR));
}

} // namespace
