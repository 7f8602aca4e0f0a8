// The pack loader: every diagnostic code at the right file and line, positions, limits, and a clean pack.
#include "pack/loader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace {

const fs::path kPacks = fs::path(STAGEBOOST_TEST_DATA) / "packs";

std::string Describe(const sb::Diagnostics& diags) {
    std::string s;
    for (const auto& d : diags.List())
        s += "  " + sb::FormatDiagnostic(d, "en") + "\n";
    return s;
}

} // namespace

TEST(PackLoader, BasePackLoadsCleanIntoAnImmutableModel) {
    const sb::LoadResult r = sb::LoadPack((kPacks / "_base").string());
    ASSERT_TRUE(r.pack) << Describe(r.diagnostics);
    EXPECT_EQ(r.diagnostics.List().size(), 0u) << Describe(r.diagnostics);
    const sb::Pack& p = *r.pack;
    EXPECT_EQ(p.id, "mijn-pack");
    EXPECT_EQ(p.default_language, "nl");
    ASSERT_EQ(p.modules.size(), 4u);
    EXPECT_EQ(p.modules[0].kind, sb::ModuleKind::Confidence);
    EXPECT_EQ(p.modules[1].kind, sb::ModuleKind::Lesson);
    const sb::Roleplay* rp = p.modules[2].AsRoleplay();
    ASSERT_NE(rp, nullptr);
    EXPECT_EQ(rp->nodes[rp->start].id, "begin");
    ASSERT_EQ(rp->nodes[0].choices.size(), 2u);
    EXPECT_EQ(rp->nodes[0].choices[0].target.ending, false);
    EXPECT_EQ(rp->nodes[2].next.at(0).target.ending, true);
    EXPECT_EQ(p.T(p.modules[1].title, "en"), "Your first day");
    EXPECT_EQ(p.T(p.modules[1].title, "tr"), "Je eerste stagedag"); // falls back to the default language
    const sb::Quiz* q = p.modules[3].AsQuiz();
    ASSERT_NE(q, nullptr);
    EXPECT_DOUBLE_EQ(q->MaxScore(), 2.0);
}

// One broken pack per diagnostic code; expected.json names the code, file and line.
TEST(PackLoader, EachFixtureReportsItsCodeAtTheRightFileAndLine) {
    size_t checked = 0;
    for (const auto& entry : fs::directory_iterator(kPacks)) {
        const std::string name = entry.path().filename().string();
        if (name == "_base" || !fs::exists(entry.path() / "expected.json")) continue;
        std::ifstream in(entry.path() / "expected.json");
        const auto expected = nlohmann::json::parse(in);
        const sb::LoadResult r = sb::LoadPack(entry.path().string());
        bool found = false;
        for (const auto& d : r.diagnostics.List()) {
            if (d.code != expected["code"]) continue;
            const std::string want_file = (entry.path() / expected["file"].get<std::string>()).string();
            if (d.file == want_file && d.line == expected["line"].get<int>()) found = true;
            EXPECT_GT(d.line, 0) << name << ": every diagnostic has file:line:col [" << d.code << "]";
            EXPECT_GT(d.column, 0) << name << ": every diagnostic has file:line:col [" << d.code << "]";
            EXPECT_FALSE(d.message_en.empty());
            EXPECT_FALSE(d.message_nl.empty());
            EXPECT_NE(d.message_en, d.message_nl) << "the Dutch message is not translated for " << d.code;
        }
        EXPECT_TRUE(found) << name << ": expected [" << expected["code"] << "] at " << expected["file"] << ":"
                           << expected["line"] << "\n"
                           << Describe(r.diagnostics);
        const bool warning_only = name == "unknown-field" || name == "unknown-language" ||
                                  name == "missing-translation" || name == "text-too-long";
        if (warning_only) {
            EXPECT_NE(r.pack, nullptr) << name << ": warnings alone must load";
        } else if (r.pack) {
            // A pack plays what is sound: the module with the error is left out, the rest plays.
            EXPECT_FALSE(r.left_out.empty())
                << name << ": a pack with errors plays only without the broken module";
            for (const auto& m : r.pack->modules)
                EXPECT_EQ(std::count(r.left_out.begin(), r.left_out.end(), m.file), 0)
                    << name << ": " << m.file;
        }
        ++checked;
    }
    EXPECT_GE(checked, 30u);
}

TEST(PackLoader, ReportsEveryProblemNotJustTheFirst) {
    const fs::path dir = fs::path(testing::TempDir()) / "many";
    fs::remove_all(dir);
    fs::copy(kPacks / "_base", dir, fs::copy_options::recursive);
    std::string text;
    {
        std::ifstream in(dir / "rollenspel.json");
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    text.replace(text.find("\"target\": \"einde-fout\""), 22, "\"target\": \"nergens\"");
    text.replace(text.find("\"speaker\": \"begeleider\""), 23, "\"speaker\": \"baas\"");
    std::ofstream(dir / "rollenspel.json") << text;
    const sb::LoadResult r = sb::LoadPack(dir.string());
    std::set<std::string> codes;
    for (const auto& d : r.diagnostics.List())
        codes.insert(d.code);
    EXPECT_TRUE(codes.count("unknown-target")) << Describe(r.diagnostics);
    EXPECT_TRUE(codes.count("unknown-speaker")) << Describe(r.diagnostics);
    // The broken role-play is left out; the rest of the pack plays.
    ASSERT_NE(r.pack, nullptr);
    EXPECT_EQ(r.pack->FindModule("rollenspel"), nullptr);
    EXPECT_NE(r.pack->FindModule("les"), nullptr);
    EXPECT_EQ(r.left_out, std::vector<std::string>{"rollenspel.json"});
}

TEST(PackLoader, MissingFolderIsAClearErrorNotACrash) {
    const sb::LoadResult r = sb::LoadPack("/no/such/folder");
    ASSERT_EQ(r.diagnostics.List().size(), 1u);
    EXPECT_EQ(r.diagnostics.List()[0].code, "pack-missing");
    EXPECT_EQ(r.pack, nullptr);
}

TEST(JsonSource, PositionsCountCharactersAndFollowPointers) {
    sb::Diagnostics diags;
    const std::string text = "{\n  \"a\": [1, {\"é\": \"x\", \"b/c\": true}],\n  \"tëxt\": \"ü\"\n}";
    const sb::JsonSource src = sb::ParseJsonText(text, "t.json", {}, diags);
    ASSERT_TRUE(src.ok);
    EXPECT_EQ(src.At("/a").line, 2);
    EXPECT_EQ(src.At("/a").column, 8);
    EXPECT_EQ(src.At("/a/1/\xC3\xA9").column, 18); // columns count characters, not bytes (é is two bytes)
    EXPECT_EQ(src.At("/a/1/b~1c").column, 30);     // "/" in a key is escaped as ~1; in bytes this would be 31
    EXPECT_EQ(src.At("/t\xC3\xABxt").line, 3);
    EXPECT_EQ(src.At("/a/1/missing").column, 12); // falls back to the parent
}

TEST(JsonSource, MinifiedFileOnOneLineKeepsColumns) {
    sb::Diagnostics diags;
    std::string text = "[";
    for (int i = 0; i < 2000; ++i)
        text += (i ? "," : "") + std::string("{\"k\":") + std::to_string(i) + "}";
    text += "]";
    const sb::JsonSource src = sb::ParseJsonText(text, "m.json", {}, diags);
    ASSERT_TRUE(src.ok);
    EXPECT_EQ(src.At("/0/k").column, 7);
    const size_t expected = text.find("{\"k\":1999}") + 1 + 5;
    EXPECT_EQ(src.At("/1999/k").column, static_cast<int>(expected));
}

TEST(JsonSource, SyntaxErrorsAndBadUtf8HaveAPosition) {
    sb::Diagnostics diags;
    sb::ParseJsonText("{\n  \"a\": 1,\n  \"b\": 2,\n}", "s.json", {}, diags);
    ASSERT_EQ(diags.List().size(), 1u);
    EXPECT_EQ(diags.List()[0].code, "json-syntax");
    EXPECT_EQ(diags.List()[0].line, 3); // the stray comma itself, not the } after it
    EXPECT_EQ(diags.List()[0].column, 9);
    sb::Diagnostics d2;
    sb::ParseJsonText("{\"a\": \"ok\",\n \"b\": \"\xC3\x28\"}", "u.json", {}, d2);
    ASSERT_EQ(d2.List().size(), 1u);
    EXPECT_EQ(d2.List()[0].code, "invalid-utf8");
    EXPECT_EQ(d2.List()[0].line, 2);
    EXPECT_EQ(d2.List()[0].column, 8);
    sb::Diagnostics d3;
    sb::ParseJsonText("\"\xED\xA0\x80\"", "surrogate.json", {}, d3); // an encoded surrogate is not UTF-8
    ASSERT_EQ(d3.List().size(), 1u);
    EXPECT_EQ(d3.List()[0].code, "invalid-utf8");
}

// A syntax error names the mistake, in both languages, at the stray token itself.
TEST(JsonSource, SyntaxErrorsNameTheWrongToken) {
    struct Case {
        const char* name;
        std::string text;
        int line, column;
        const char *en, *nl;
    };
    const Case cases[] = {
        {"trailing comma in an object", "{\n  \"a\": 1,\n  \"b\": 2,\n}", 3, 9, "comma after the last item",
         "komma na het laatste item"},
        {"trailing comma in a list", "{\"a\": [1, 2, ]}", 1, 12, "comma after the last item",
         "komma na het laatste item"},
        {"missing quote", "{\"a\": \"abc,\n \"b\": 1}", 1, 7, "no closing quote",
         "geen sluitend aanhalingsteken"},
        {"missing comma", "{\"a\": 1\n \"b\": 2}", 2, 2, "comma is missing before \"b\"",
         "mist een komma voor \"b\""},
        {"unclosed brace", "{\"a\": {\"b\": 1,\n \"c\": 2\n", 1, 7, "never closed", "nooit gesloten"},
        {"wrong bracket", "{\"a\": [1, 2}", 1, 12, "does not match", "past niet"},
        {"name without quotes", "{title: 1}", 1, 2, "double quotes, like \"title\"",
         "dubbele aanhalingstekens"},
        {"text without quotes", "{\"a\": hallo}", 1, 7, "needs double quotes", "dubbele aanhalingstekens"},
        {"missing colon", "{\"a\" 1}", 1, 6, "colon (:) is missing", "dubbele punt (:)"},
        {"two commas", "{\"a\": 1,, \"b\": 2}", 1, 9, "Two commas", "Twee komma's"},
    };
    for (const Case& c : cases) {
        sb::Diagnostics d;
        EXPECT_FALSE(sb::ParseJsonText(c.text, "s.json", {}, d).ok) << c.name;
        ASSERT_EQ(d.List().size(), 1u) << c.name;
        const sb::Diagnostic& e = d.List()[0];
        EXPECT_EQ(e.code, "json-syntax") << c.name;
        EXPECT_EQ(e.line, c.line) << c.name;
        EXPECT_EQ(e.column, c.column) << c.name;
        EXPECT_NE(e.message_en.find(c.en), std::string::npos) << c.name << ": " << e.message_en;
        EXPECT_NE(e.message_nl.find(c.nl), std::string::npos) << c.name << ": " << e.message_nl;
        // The Dutch message is Dutch through and through: no English words from the parser.
        EXPECT_EQ(e.message_nl.find("unexpected"), std::string::npos) << c.name << ": " << e.message_nl;
        EXPECT_EQ(e.message_nl.find("syntax error"), std::string::npos) << c.name << ": " << e.message_nl;
    }
}

// Every diagnostic has file:line:col; problems with a whole file sit at file:1:1 (for editors' matchers).
TEST(JsonSource, FileLevelProblemsAreAtLineOneColumnOne) {
    sb::Diagnostics d;
    EXPECT_FALSE(sb::ReadJsonFile("/no/such/file.json", "weg.json", {}, d).ok);
    ASSERT_EQ(d.List().size(), 1u);
    EXPECT_EQ(d.List()[0].code, "file-missing");
    EXPECT_EQ(sb::FormatDiagnostic(d.List()[0], "en").rfind("weg.json:1:1: error: ", 0), 0u)
        << sb::FormatDiagnostic(d.List()[0], "en");
    const fs::path big = fs::path(testing::TempDir()) / "big.json";
    std::ofstream(big) << "[" << std::string(2000, ' ') << "]";
    sb::JsonLimits small;
    small.max_file_bytes = 1000;
    sb::Diagnostics d2;
    EXPECT_FALSE(sb::ReadJsonFile(big.string(), "big.json", small, d2).ok);
    ASSERT_EQ(d2.List().size(), 1u);
    EXPECT_EQ(d2.List()[0].code, "file-too-large");
    EXPECT_EQ(sb::FormatDiagnostic(d2.List()[0], "nl").rfind("big.json:1:1: fout: ", 0), 0u)
        << sb::FormatDiagnostic(d2.List()[0], "nl");
    const sb::LoadResult r = sb::LoadPack("/no/such/folder");
    ASSERT_EQ(r.diagnostics.List().size(), 1u);
    EXPECT_EQ(r.diagnostics.List()[0].line, 1);
    EXPECT_EQ(r.diagnostics.List()[0].column, 1);
}

// After a syntax error in one file the validator still checks the others, and reports no knock-on errors.
TEST(PackLoader, ASyntaxErrorDoesNotHideTheOtherFiles) {
    const fs::path dir = fs::path(testing::TempDir()) / "syntax-and-more";
    fs::remove_all(dir);
    fs::copy(kPacks / "_base", dir, fs::copy_options::recursive);
    auto edit = [&](const char* file, const std::string& from, const std::string& to) {
        std::string text;
        {
            std::ifstream in(dir / file);
            text.assign(std::istreambuf_iterator<char>(in), {});
        }
        text.replace(text.find(from), from.size(), to);
        std::ofstream(dir / file) << text;
    };
    edit("check.json", "\"kind\"", "\"kind\" \"kind\"");
    edit("rollenspel.json", "\"target\": \"einde-fout\"", "\"target\": \"nergens\"");
    const sb::LoadResult r = sb::LoadPack(dir.string());
    std::multiset<std::string> codes;
    for (const auto& d : r.diagnostics.List()) {
        codes.insert(d.code);
        EXPECT_GT(d.line, 0) << d.code;
        EXPECT_GT(d.column, 0) << d.code;
    }
    EXPECT_EQ(codes.count("json-syntax"), 1u) << Describe(r.diagnostics);
    EXPECT_EQ(codes.count("unknown-target"), 1u) << Describe(r.diagnostics);
    // The session check is in the broken file: pack.json's "sessionCheck" is not reported as well.
    EXPECT_EQ(codes.count("unknown-check"), 0u) << Describe(r.diagnostics);
    ASSERT_NE(r.pack, nullptr) << "the lesson and the quiz play";
    EXPECT_NE(r.pack->FindModule("les"), nullptr);
    EXPECT_EQ(r.pack->session_confidence_check, "");
}

TEST(JsonSource, LimitsStopHostileFiles) {
    sb::JsonLimits limits;
    limits.max_depth = 8;
    limits.max_string_bytes = 20;
    sb::Diagnostics d1;
    EXPECT_FALSE(sb::ParseJsonText(std::string(9, '[') + std::string(9, ']'), "deep.json", limits, d1).ok);
    ASSERT_FALSE(d1.List().empty());
    EXPECT_EQ(d1.List()[0].code, "too-deep");
    sb::Diagnostics d2;
    EXPECT_TRUE(sb::ParseJsonText(std::string(8, '[') + std::string(8, ']'), "ok.json", limits, d2).ok);
    sb::Diagnostics d3;
    EXPECT_FALSE(sb::ParseJsonText("{\"a\": \"" + std::string(30, 'x') + "\"}", "long.json", limits, d3).ok);
    ASSERT_FALSE(d3.List().empty());
    EXPECT_EQ(d3.List()[0].code, "string-too-long");
    // A million nested brackets: rejected quickly, no stack overflow.
    sb::Diagnostics d4;
    EXPECT_FALSE(sb::ParseJsonText(std::string(1000000, '['), "bomb.json", {}, d4).ok);
}

TEST(PackLoader, FileSizeAndNodeCountAreBounded) {
    const fs::path dir = fs::path(testing::TempDir()) / "big";
    fs::remove_all(dir);
    fs::copy(kPacks / "_base", dir, fs::copy_options::recursive);
    sb::LoadOptions options;
    options.limits.max_file_bytes = 1000;
    const sb::LoadResult r = sb::LoadPack(dir.string(), options);
    bool too_large = false;
    for (const auto& d : r.diagnostics.List())
        too_large = too_large || d.code == "file-too-large";
    EXPECT_TRUE(too_large) << Describe(r.diagnostics);

    sb::LoadOptions few;
    few.max_nodes = 2;
    const sb::LoadResult r2 = sb::LoadPack(dir.string(), few);
    bool too_many = false;
    for (const auto& d : r2.diagnostics.List())
        too_many = too_many || d.code == "too-many-nodes";
    EXPECT_TRUE(too_many) << Describe(r2.diagnostics);
}

TEST(PackLoader, SymlinkOutOfThePackIsRefused) {
    const fs::path dir = fs::path(testing::TempDir()) / "link";
    fs::remove_all(dir);
    fs::copy(kPacks / "_base", dir, fs::copy_options::recursive);
    const fs::path outside = fs::path(testing::TempDir()) / "outside.png";
    std::ofstream(outside) << "\x89PNG\r\n\x1a\n";
    fs::create_symlink(outside, dir / "link.png");
    std::string text;
    {
        std::ifstream in(dir / "les.json");
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    text.replace(
        text.find("\"reflection\":"), 13,
        "\"image\": {\"src\": \"link.png\", \"alt\": {\"nl\": \"x\", \"en\": \"x\"}}, \"reflection\":");
    std::ofstream(dir / "les.json") << text;
    const sb::LoadResult r = sb::LoadPack(dir.string());
    bool outside_found = false;
    for (const auto& d : r.diagnostics.List())
        outside_found = outside_found || d.code == "media-outside";
    EXPECT_TRUE(outside_found) << Describe(r.diagnostics);
}
