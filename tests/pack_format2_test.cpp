// Format 2's pack additions in the loader: audiences, the glossary and its marks, a lesson page's inline
// question and practice card, and image captions. The good pack is tests/data/format2; each bad case
// changes one field of a copy and expects its code at the file, line and column of the field, in nl and en.
#include "pack/loader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kGood = fs::path(STAGEBOOST_TEST_DATA) / "format2";

std::string Describe(const sb::Diagnostics& diags) {
    std::string s;
    for (const auto& d : diags.List())
        s += "  " + sb::FormatDiagnostic(d, "en") + "\n";
    return s;
}

class Format2 : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("sb-format2-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::copy(kGood, m_dir, fs::copy_options::recursive);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    // Changes one file of the copy; it is written pretty-printed, so each field has a line of its own.
    void Edit(const std::string& file, const std::function<void(json&)>& change) {
        json j = json::parse(std::ifstream(m_dir / file));
        change(j);
        std::ofstream(m_dir / file) << j.dump(2);
    }
    // The line (1-based) of the first line of the copied file that holds `needle`.
    int LineOf(const std::string& file, const std::string& needle) {
        std::ifstream in(m_dir / file);
        std::string line;
        for (int n = 1; std::getline(in, line); ++n)
            if (line.find(needle) != std::string::npos) return n;
        return -1;
    }
    // The one diagnostic with `code`, checked for a place and both languages.
    sb::Diagnostic Only(const sb::LoadResult& r, const std::string& code) {
        std::vector<sb::Diagnostic> found;
        for (const auto& d : r.diagnostics.List())
            if (d.code == code) found.push_back(d);
        EXPECT_EQ(found.size(), 1u) << Describe(r.diagnostics);
        if (found.empty()) return {};
        const sb::Diagnostic d = found.front();
        EXPECT_GT(d.line, 0);
        EXPECT_GT(d.column, 0);
        EXPECT_FALSE(d.message_en.empty());
        EXPECT_FALSE(d.message_nl.empty());
        EXPECT_NE(d.message_en, d.message_nl);
        return d;
    }
    fs::path m_dir;
};

TEST(Format2Pack, LoadsCleanWithAudiencesGlossaryAndPageExtras) {
    const sb::LoadResult r = sb::LoadPack(kGood.string());
    ASSERT_TRUE(r.pack) << Describe(r.diagnostics);
    EXPECT_EQ(r.diagnostics.List().size(), 0u) << Describe(r.diagnostics);
    const sb::Pack& p = *r.pack;
    EXPECT_EQ(p.FindModule("les")->audiences, std::vector<sb::Audience>{sb::Audience::Student});
    EXPECT_EQ(p.FindModule("rollenspel")->audiences, std::vector<sb::Audience>{sb::Audience::Student})
        << "absent means student";
    EXPECT_EQ(p.FindModule("begeleiders")->audiences,
              (std::vector<sb::Audience>{sb::Audience::Supervisor, sb::Audience::Employer}));
    EXPECT_TRUE(p.FindModule("gids")->For(sb::Audience::Trainer));
    EXPECT_TRUE(p.FindHelp("school")->For(sb::Audience::Student));
    EXPECT_FALSE(p.FindHelp("collega")->For(sb::Audience::Student));
    EXPECT_TRUE(p.FindHelp("team")->For(sb::Audience::Staff));

    ASSERT_EQ(p.glossary.size(), 3u);
    EXPECT_EQ(p.FindTerm("bpv")->aliases, std::vector<std::string>{"beroepspraktijkvorming"});
    EXPECT_EQ(p.explain, (std::vector<std::string>{"bpv", "vertrouwenspersoon"}));

    const sb::Lesson* les = p.FindModule("les")->AsLesson();
    ASSERT_NE(les, nullptr);
    // Every mark carries its words in each language: [[id]] takes the term, [[id|words]] keeps its words.
    EXPECT_EQ(p.T(les->pages[0].body, "nl"),
              "Je [[bpv|bpv]] is het stagedeel van je opleiding.\n\nTwijfel je? Praat met "
              "[[vertrouwenspersoon|de vertrouwenspersoon]].");
    EXPECT_NE(p.T(les->pages[0].callouts[0].text, "en").find("[[sbb|SBB]]"), std::string::npos);
    EXPECT_EQ(p.T(les->pages[0].image.caption, "en"), "The letter about your internship");
    ASSERT_TRUE(les->pages[1].practice);
    EXPECT_EQ(les->pages[1].practice->answers.size(), 2u);
    ASSERT_TRUE(les->pages[2].question);
    EXPECT_EQ(les->pages[2].question->type, sb::QuestionType::Single);
    EXPECT_TRUE(les->pages[2].question->options[0].correct);
    const sb::Roleplay* rp = p.FindModule("rollenspel")->AsRoleplay();
    EXPECT_EQ(p.T(rp->nodes[0].lines[1].text.text, "en"), "How's your [[bpv|bpv]] task going?");
}

TEST_F(Format2, AnUnknownAudienceIsAnErrorAtItsPlaceWithASuggestion) {
    Edit("begeleiders.json", [](json& j) { j["audience"] = json::array({"supervisor", "empolyer"}); });
    const sb::LoadResult r = sb::LoadPack(m_dir.string());
    const sb::Diagnostic d = Only(r, "bad-audience");
    EXPECT_EQ(d.file.substr(d.file.size() - 16), "begeleiders.json");
    EXPECT_EQ(d.pointer, "/audience/1");
    EXPECT_EQ(d.line, LineOf("begeleiders.json", "\"empolyer\""));
    EXPECT_NE(d.message_en.find("Did you mean \"employer\"?"), std::string::npos);
    EXPECT_NE(d.message_nl.find("Bedoel je \"employer\"?"), std::string::npos);
    // The rest of the pack plays; the broken module is left out (issue 13.6).
    ASSERT_TRUE(r.pack);
    EXPECT_EQ(r.pack->FindModule("begeleiders"), nullptr);
}

TEST_F(Format2, AHelpResourcesAudienceIsCheckedToo) {
    Edit("pack.json", [](json& j) { j["help"][2]["audience"] = "teachers"; });
    const sb::Diagnostic d = Only(sb::LoadPack(m_dir.string()), "bad-audience");
    EXPECT_EQ(d.pointer, "/help/2/audience");
    EXPECT_EQ(d.line, LineOf("pack.json", "\"teachers\""));
}

TEST_F(Format2, AMarkWithoutAGlossaryEntryIsAnErrorNamingTheClosestTerm) {
    Edit("les.json",
         [](json& j) { j["pages"][1]["body"]["en"] = "Practise with your [[vertrouwenspersón]]."; });
    const sb::LoadResult r = sb::LoadPack(m_dir.string());
    const sb::Diagnostic d = Only(r, "unknown-term");
    EXPECT_EQ(d.pointer, "/pages/1/body/en");
    EXPECT_EQ(d.line, LineOf("les.json", "Practise with your"));
    EXPECT_NE(d.message_en.find("Did you mean \"vertrouwenspersoon\"?"), std::string::npos);
    ASSERT_TRUE(r.pack);
    EXPECT_EQ(r.pack->FindModule("les"), nullptr) << "the lesson with the broken mark is left out";
}

TEST_F(Format2, AMarkInARolePlayLineIsCheckedLikeOneInALesson) {
    Edit("rollenspel.json",
         [](json& j) { j["nodes"][0]["lines"][0]["text"]["nl"] = "Je [[stage]] begint."; });
    const sb::Diagnostic d = Only(sb::LoadPack(m_dir.string()), "unknown-term");
    EXPECT_EQ(d.pointer, "/nodes/0/lines/0/text/nl");
}

TEST_F(Format2, AMarkWhereTheKioskCannotDrawItIsAnError) {
    Edit("les.json", [](json& j) { j["summary"]["nl"] = "Wat betekent [[bpv]]?"; });
    const sb::Diagnostic d = Only(sb::LoadPack(m_dir.string()), "mark-not-here");
    EXPECT_EQ(d.pointer, "/summary/nl");
}

TEST_F(Format2, AnExplainTermThatNothingMarksIsAWarningAtItsEntry) {
    Edit("pack.json", [](json& j) { j["explain"].push_back("sbb"); });
    Edit("les.json", [](json& j) { j["pages"][0]["callouts"][0]["text"]["nl"] = "Vraag naar SBB."; });
    Edit("les.json", [](json& j) { j["pages"][0]["callouts"][0]["text"]["en"] = "Ask about SBB."; });
    const sb::LoadResult r = sb::LoadPack(m_dir.string());
    const sb::Diagnostic d = Only(r, "term-never-marked");
    EXPECT_EQ(d.severity, sb::Severity::Warning);
    EXPECT_EQ(d.pointer, "/explain/2");
    EXPECT_NE(d.message_en.find("[[sbb]]"), std::string::npos);
    EXPECT_TRUE(r.pack) << "a warning, not an error";
}

TEST_F(Format2, AnExplainTermMissingFromTheGlossaryIsAnError) {
    Edit("pack.json", [](json& j) { j["explain"].push_back("cbs"); });
    const sb::Diagnostic d = Only(sb::LoadPack(m_dir.string()), "unknown-term");
    EXPECT_EQ(d.pointer, "/explain/2");
}

TEST_F(Format2, AnInlineQuestionFollowsTheQuizRulesAndIsNoOrdering) {
    Edit("les.json", [](json& j) { j["pages"][2]["question"]["options"][1]["correct"] = true; });
    EXPECT_EQ(Only(sb::LoadPack(m_dir.string()), "no-correct-answer").pointer, "/pages/2/question/options");
    Edit("les.json", [](json& j) {
        j["pages"][2]["question"]["options"][1]["correct"] = false;
        j["pages"][2]["question"]["type"] = "ordering";
    });
    EXPECT_EQ(Only(sb::LoadPack(m_dir.string()), "bad-value").pointer, "/pages/2/question/type");
}

TEST_F(Format2, APracticeCardNeedsItsSituationAndExampleAnswers) {
    Edit("les.json", [](json& j) { j["pages"][1]["practice"]["answers"] = json::array(); });
    EXPECT_EQ(Only(sb::LoadPack(m_dir.string()), "empty-list").pointer, "/pages/1/practice/answers");
    Edit("les.json", [](json& j) { j["pages"][1]["practice"].erase("situation"); });
    EXPECT_EQ(Only(sb::LoadPack(m_dir.string()), "missing-field").pointer, "/pages/1/practice");
}

} // namespace
