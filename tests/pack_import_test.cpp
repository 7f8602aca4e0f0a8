// Packs from a USB stick: a fake mount folder (media/<user>/<stick>/) with a good pack, a broken pack, a pack
// with a link out of it, and worse; what Scan reports for each, and what Import copies (atomically, never a
// link, never anything that did not validate).
#include "pack/pack_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const fs::path kPacks = STAGEBOOST_TEST_DATA "/packs";

std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void Write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

void SetVersion(const fs::path& pack, const std::string& version) {
    std::string json = Read(pack / "pack.json");
    const std::string from = "\"version\": \"0.1.0\"";
    const size_t at = json.find(from);
    ASSERT_NE(at, std::string::npos);
    json.replace(at, from.size(), "\"version\": \"" + version + "\"");
    Write(pack / "pack.json", json);
}

bool HasCode(const sb::Diagnostics& d, const std::string& code) {
    for (const auto& x : d.List())
        if (x.code == code) return true;
    return false;
}

std::string Codes(const sb::Diagnostics& d) {
    std::string out;
    for (const auto& x : d.List())
        out += x.code + " (" + x.file + ") ";
    return out;
}

class PackImport : public testing::Test {
  protected:
    void SetUp() override {
        root = fs::path(testing::TempDir()) / ("import_" + std::to_string(::getpid()) + "_" +
                                               testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root);
        stick = root / "media/trainer/STICK";
        fs::create_directories(stick);
        fs::create_directories(root / "outside");
        Write(root / "outside/secret.txt", "not for the kiosk");
        // A good pack, a broken one (a choice leads nowhere), and one with a link to a file outside it.
        fs::copy(kPacks / "_base", stick / "goed", fs::copy_options::recursive);
        fs::copy(kPacks / "unknown-target", stick / "kapot", fs::copy_options::recursive);
        fs::copy(kPacks / "_base", stick / "link", fs::copy_options::recursive);
        std::string json = Read(stick / "link/pack.json");
        json.replace(json.find("\"mijn-pack\""), 11, "\"link-pack\"");
        Write(stick / "link/pack.json", json);
        fs::create_directories(stick / "link/images");
        fs::create_symlink(root / "outside/secret.txt", stick / "link/images/foto.png");
        options.stick_roots = {(root / "media").string()};
        options.packs_dir = (root / "var/lib/stageboost/packs").string();
    }
    void TearDown() override { fs::remove_all(root); }

    const sb::StickPack* Find(const std::vector<sb::StickPack>& found, const std::string& name) {
        for (const auto& p : found)
            if (fs::path(p.dir).filename() == name) return &p;
        return nullptr;
    }
    std::vector<std::string> Hidden() {
        std::vector<std::string> out;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(options.packs_dir, ec))
            if (e.path().filename().string()[0] == '.') out.push_back(e.path().filename().string());
        return out;
    }

    fs::path root, stick;
    sb::ImportOptions options;
};

TEST_F(PackImport, FindsSticksAndPacksOnThem) {
    fs::create_directories(root / "media/trainer/.hidden");
    fs::create_directories(root / "media/other/SECOND/packs");
    fs::copy(kPacks / "_base", root / "media/other/SECOND/packs/diep", fs::copy_options::recursive);
    fs::create_symlink(root / "outside", root / "media/trainer/LINKED");
    const auto sticks = sb::FindMountedSticks({(root / "media").string(), (root / "run/media").string()});
    ASSERT_EQ(sticks.size(), 2u) << "links and hidden folders are not sticks";
    EXPECT_EQ(sticks[0], (root / "media/other/SECOND").string());
    EXPECT_EQ(sticks[1], stick.string());

    const auto found = sb::PackImporter(options).Scan();
    ASSERT_EQ(found.size(), 4u);
    const sb::StickPack* deep = Find(found, "diep");
    ASSERT_TRUE(deep) << "a pack one folder down on the stick is found too";
    EXPECT_EQ(deep->stick, (root / "media/other/SECOND").string());
}

TEST_F(PackImport, ScanReportsGoodBrokenAndLinkedPacks) {
    const auto found = sb::PackImporter(options).Scan();
    ASSERT_EQ(found.size(), 3u);

    const sb::StickPack* good = Find(found, "goed");
    ASSERT_TRUE(good);
    EXPECT_EQ(good->status, sb::StickPackStatus::New) << Codes(good->diagnostics);
    EXPECT_TRUE(good->CanImport());
    EXPECT_EQ(good->id, "mijn-pack");
    EXPECT_EQ(good->version, "0.1.0");
    ASSERT_TRUE(good->pack);
    EXPECT_GT(good->bytes, 1000u);
    EXPECT_EQ(good->files, 5u);

    // The same diagnostics as the validator: file:line:col and the stable code.
    const sb::StickPack* broken = Find(found, "kapot");
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->status, sb::StickPackStatus::Invalid);
    EXPECT_FALSE(broken->CanImport());
    const sb::LoadResult validator = sb::LoadPack(broken->dir);
    ASSERT_EQ(broken->diagnostics.List().size(), validator.diagnostics.List().size());
    for (size_t i = 0; i < validator.diagnostics.List().size(); ++i)
        EXPECT_EQ(sb::FormatDiagnostic(broken->diagnostics.List()[i], "nl"),
                  sb::FormatDiagnostic(validator.diagnostics.List()[i], "nl"));
    EXPECT_TRUE(HasCode(broken->diagnostics, "unknown-target"));
    EXPECT_GT(broken->diagnostics.List()[0].line, 0);

    // The link is not even used by the pack, so the validator alone would pass it: the import does not.
    const sb::StickPack* linked = Find(found, "link");
    ASSERT_TRUE(linked);
    EXPECT_TRUE(sb::LoadPack(linked->dir).pack) << "the validator has nothing against it";
    EXPECT_EQ(linked->status, sb::StickPackStatus::Unsafe);
    EXPECT_TRUE(HasCode(linked->diagnostics, "import-link-outside")) << Codes(linked->diagnostics);
    EXPECT_NE(linked->diagnostics.List()[0].file.find("images/foto.png"), std::string::npos);
    EXPECT_NE(linked->diagnostics.List()[0].message_nl.find("buiten het pakket"), std::string::npos);
}

TEST_F(PackImport, ImportsAGoodPackAsPlainFiles) {
    // A link to a file inside the pack is fine: the file is copied, not the link. Modes from the stick are
    // not.
    fs::create_directories(stick / "goed/images");
    Write(stick / "goed/images/echt.txt", "inside");
    fs::create_symlink("echt.txt", stick / "goed/images/alias.txt");
    chmod((stick / "goed/les.json").c_str(), 0755);
    sb::PackImporter importer(options);
    const auto found = importer.Scan();
    const sb::StickPack* good = Find(found, "goed");
    ASSERT_TRUE(good && good->CanImport()) << (good ? Codes(good->diagnostics) : "");

    const sb::ImportResult r = importer.Import(*good, false);
    ASSERT_EQ(r.outcome, sb::ImportOutcome::Imported) << r.message_en << Codes(r.diagnostics);
    EXPECT_TRUE(r.Ok());
    const fs::path installed = fs::path(options.packs_dir) / "mijn-pack";
    EXPECT_EQ(r.dir, installed.string());
    EXPECT_NE(r.Message("nl").find("staat nu op deze kiosk"), std::string::npos) << r.message_nl;
    for (const char* f : {"pack.json", "check.json", "les.json", "quiz.json", "rollenspel.json"})
        EXPECT_EQ(Read(installed / f), Read(stick / "goed" / f)) << f;
    EXPECT_FALSE(fs::is_symlink(installed / "images/alias.txt"));
    EXPECT_EQ(Read(installed / "images/alias.txt"), "inside");
    EXPECT_EQ(fs::status(installed / "les.json").permissions() & fs::perms::owner_exec, fs::perms::none)
        << "nothing copied from a stick can be run";
    EXPECT_TRUE(Hidden().empty()) << "no temporary folder is left behind";

    // The kiosk loads it like a --pack folder, and a second scan sees it is on the kiosk.
    EXPECT_EQ(sb::ListPackDirs(options.packs_dir), std::vector<std::string>{installed.string()});
    EXPECT_TRUE(sb::LoadPack(installed.string()).pack);
    const sb::StickPack again = importer.Inspect(good->dir);
    EXPECT_EQ(again.status, sb::StickPackStatus::Update);
    EXPECT_EQ(again.installed_version, "0.1.0");
    EXPECT_EQ(again.version_order, 0);
}

TEST_F(PackImport, ReplacesAnOlderVersionOnlyWhenConfirmed) {
    sb::PackImporter importer(options);
    ASSERT_EQ(importer.Import(importer.Inspect((stick / "goed").string()), false).outcome,
              sb::ImportOutcome::Imported);
    const fs::path installed = fs::path(options.packs_dir) / "mijn-pack";
    Write(installed / "oud.txt", "only in the old version");

    SetVersion(stick / "goed", "0.10.0");
    const sb::StickPack newer = importer.Inspect((stick / "goed").string());
    EXPECT_EQ(newer.status, sb::StickPackStatus::Update);
    EXPECT_EQ(newer.installed_version, "0.1.0");
    EXPECT_GT(newer.version_order, 0) << "0.10.0 is newer than 0.1.0";

    const sb::ImportResult ask = importer.Import(newer, false);
    EXPECT_EQ(ask.outcome, sb::ImportOutcome::NeedsConfirm);
    EXPECT_FALSE(ask.Ok());
    EXPECT_NE(ask.message_en.find("0.1.0"), std::string::npos) << ask.message_en;
    EXPECT_NE(ask.message_en.find("0.10.0"), std::string::npos) << ask.message_en;
    EXPECT_NE(Read(installed / "pack.json").find("\"0.1.0\""), std::string::npos) << "nothing changed yet";
    EXPECT_TRUE(fs::exists(installed / "oud.txt"));

    const sb::ImportResult done = importer.Import(newer, true);
    ASSERT_EQ(done.outcome, sb::ImportOutcome::Replaced) << done.message_en;
    EXPECT_NE(Read(installed / "pack.json").find("\"0.10.0\""), std::string::npos);
    EXPECT_FALSE(fs::exists(installed / "oud.txt")) << "the old version is gone entirely, not merged";
    EXPECT_TRUE(Hidden().empty());
}

TEST_F(PackImport, RefusesWhatCannotBeImported) {
    sb::PackImporter importer(options);
    const auto found = importer.Scan();
    for (const char* name : {"kapot", "link"}) {
        const sb::StickPack* p = Find(found, name);
        ASSERT_TRUE(p);
        const sb::ImportResult r = importer.Import(*p, true);
        EXPECT_EQ(r.outcome, sb::ImportOutcome::Refused) << name;
        EXPECT_FALSE(r.diagnostics.List().empty()) << name;
    }
    EXPECT_TRUE(sb::ListPackDirs(options.packs_dir).empty());
    EXPECT_TRUE(!fs::exists(options.packs_dir) || Hidden().empty());
}

TEST_F(PackImport, ABrokenPackIsNeverCopiedEvenIfTheScanWasGood) {
    // The stick changes after the scan (the pack is edited on another computer and the stick put back).
    sb::PackImporter importer(options);
    const sb::StickPack good = importer.Inspect((stick / "goed").string(), stick.string());
    ASSERT_TRUE(good.CanImport());
    fs::copy_file(kPacks / "unknown-target/rollenspel.json", stick / "goed/rollenspel.json",
                  fs::copy_options::overwrite_existing);
    const sb::ImportResult r = importer.Import(good, false);
    EXPECT_EQ(r.outcome, sb::ImportOutcome::Refused) << r.message_en;
    ASSERT_TRUE(HasCode(r.diagnostics, "unknown-target")) << Codes(r.diagnostics);
    for (const auto& d : r.diagnostics.List())
        EXPECT_EQ(d.file.rfind((stick / "goed").string(), 0), 0u)
            << "names the stick's file, not a temp copy";
    EXPECT_TRUE(sb::ListPackDirs(options.packs_dir).empty());
    EXPECT_TRUE(Hidden().empty());

    // A link out added after the scan is refused too.
    fs::copy_file(kPacks / "_base/rollenspel.json", stick / "goed/rollenspel.json",
                  fs::copy_options::overwrite_existing);
    fs::create_symlink(root / "outside/secret.txt", stick / "goed/later.txt");
    const sb::ImportResult r2 = importer.Import(good, false);
    EXPECT_EQ(r2.outcome, sb::ImportOutcome::Refused);
    EXPECT_TRUE(HasCode(r2.diagnostics, "import-link-outside")) << Codes(r2.diagnostics);
    EXPECT_TRUE(sb::ListPackDirs(options.packs_dir).empty());
}

TEST_F(PackImport, RefusesSpecialFilesLinksToFoldersAndBrokenLinksWithoutHanging) {
    fs::copy(kPacks / "_base", stick / "fifo", fs::copy_options::recursive);
    ASSERT_EQ(mkfifo((stick / "fifo/pijp").c_str(), 0644), 0);
    fs::copy(kPacks / "_base", stick / "map", fs::copy_options::recursive);
    fs::create_directories(stick / "map/images");
    fs::create_directory_symlink("images", stick / "map/alias");
    fs::copy(kPacks / "_base", stick / "dood", fs::copy_options::recursive);
    fs::create_symlink("bestaat-niet.png", stick / "dood/x.png");
    // A pack.json that is itself a fifo: reading it would block the kiosk forever.
    fs::create_directories(stick / "pijp");
    ASSERT_EQ(mkfifo((stick / "pijp/pack.json").c_str(), 0644), 0);

    const auto found = sb::PackImporter(options).Scan();
    const std::pair<const char*, const char*> expected[] = {
        {"fifo", "import-special-file"},
        {"map", "import-link-folder"},
        {"dood", "import-link-broken"},
        {"pijp", "import-special-file"},
    };
    for (const auto& [name, code] : expected) {
        const sb::StickPack* p = Find(found, name);
        ASSERT_TRUE(p) << name;
        EXPECT_EQ(p->status, sb::StickPackStatus::Unsafe) << name;
        EXPECT_TRUE(HasCode(p->diagnostics, code)) << name << ": " << Codes(p->diagnostics);
    }
}

TEST_F(PackImport, RefusesPacksOverTheLimits) {
    options.limits.max_pack_bytes = 4000;
    const sb::StickPack big = sb::PackImporter(options).Inspect((stick / "goed").string());
    EXPECT_EQ(big.status, sb::StickPackStatus::TooLarge);
    EXPECT_TRUE(HasCode(big.diagnostics, "import-too-large")) << Codes(big.diagnostics);
    EXPECT_EQ(sb::PackImporter(options).Import(big, true).outcome, sb::ImportOutcome::Refused);

    options.limits = {};
    options.limits.max_files = 3;
    EXPECT_TRUE(HasCode(sb::PackImporter(options).Inspect((stick / "goed").string()).diagnostics,
                        "import-too-many-files"));

    options.limits = {};
    options.limits.max_depth = 2;
    fs::create_directories(stick / "goed/a/b/c");
    EXPECT_TRUE(
        HasCode(sb::PackImporter(options).Inspect((stick / "goed").string()).diagnostics, "import-too-deep"));
}

TEST_F(PackImport, ABuiltInPackCannotBeReplacedFromAStick) {
    // The kiosk's content folder holds a pack with the same id as the stick's good pack.
    fs::create_directories(root / "content");
    fs::copy(kPacks / "_base", root / "content/mijn-pack", fs::copy_options::recursive);
    fs::copy(kPacks / "_base/les.json", root / "content/les.json"); // a file, not a pack
    options.builtin_ids = sb::PackIdsIn((root / "content").string());
    ASSERT_EQ(options.builtin_ids, std::vector<std::string>{"mijn-pack"});
    sb::PackImporter importer(options);
    const sb::StickPack p = importer.Inspect((stick / "goed").string());
    EXPECT_EQ(p.status, sb::StickPackStatus::BuiltIn);
    EXPECT_TRUE(HasCode(p.diagnostics, "import-builtin"));
    EXPECT_EQ(importer.Import(p, true).outcome, sb::ImportOutcome::Refused);
}

TEST_F(PackImport, LeftoversOfAnInterruptedImportAreRemoved) {
    // A power cut during a copy leaves a hidden folder with a pack.json in it: never loaded, removed next
    // time.
    fs::create_directories(options.packs_dir);
    fs::copy(kPacks / "_base", fs::path(options.packs_dir) / ".import-mijn-pack-1234",
             fs::copy_options::recursive);
    fs::create_directories(fs::path(options.packs_dir) / ".old-mijn-pack-5678");
    EXPECT_TRUE(sb::ListPackDirs(options.packs_dir).empty());
    sb::PackImporter(options).Scan();
    EXPECT_TRUE(Hidden().empty());
}

TEST_F(PackImport, AStickThatIsItselfAPack) {
    fs::remove_all(stick);
    fs::copy(kPacks / "_base", stick, fs::copy_options::recursive);
    const auto found = sb::PackImporter(options).Scan();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].dir, stick.string());
    EXPECT_EQ(found[0].status, sb::StickPackStatus::New);
}

TEST(PackVersions, CompareNumbersAsNumbers) {
    EXPECT_LT(sb::CompareVersions("0.9.0", "0.10.0"), 0);
    EXPECT_GT(sb::CompareVersions("1.10", "1.9"), 0);
    EXPECT_EQ(sb::CompareVersions("1.2.0", "1.2.0"), 0);
    EXPECT_EQ(sb::CompareVersions("01.2", "1.2"), 0);
    EXPECT_LT(sb::CompareVersions("1.2", "1.2.1"), 0);
    EXPECT_LT(sb::CompareVersions("2026-09", "2026-10"), 0);
    EXPECT_NE(sb::CompareVersions("1.0-beta", "1.0-rc"), 0);
}

} // namespace
