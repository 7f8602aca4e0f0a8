// Exports of the confidence log (xAPI 1.0.3 statements and CSV) and merging logs from several kiosks.

#include "log/export.h"
#include "log/log_reader.h"
#include "log/log_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace {

using testing::HasSubstr;

std::vector<sb::Answer> KioskAnswers(const std::string& kiosk, int sessions,
                                     sb::PartOfDay part = sb::PartOfDay::Afternoon) {
    std::vector<sb::Answer> answers;
    for (int i = 0; i < sessions; ++i) {
        const sb::SessionContext session{sb::NewSessionId(), "stageboost", "1.2.0", kiosk};
        const sb::CoarseTime when{"2025-03-10", part};
        answers.push_back(sb::MakeAnswer(session, "rollenspel", "durf", sb::Phase::Pre, 1 + i % 5, when));
        answers.push_back(sb::MakeAnswer(session, "rollenspel", "durf", sb::Phase::Post,
                                         i % 4 == 0 ? std::nullopt : std::optional<int>(1 + (i + 1) % 5),
                                         when));
        answers.push_back(sb::MakeAnswer(session, "", "durf", sb::Phase::Retro, 2, when));
    }
    return answers;
}

class ExportFolder : public testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/stageboost-export-test-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        m_folder = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        std::filesystem::remove_all(m_folder, ignored);
    }
    std::string Write(const std::string& name, const std::vector<sb::Answer>& answers) {
        const std::string path = (m_folder / name).string();
        sb::LogStore store;
        EXPECT_TRUE(store.Open(path).Ok());
        sb::BulkInsertResult result;
        EXPECT_TRUE(store.InsertMany(answers, &result).Ok());
        EXPECT_EQ(result.inserted, answers.size());
        return path;
    }
    std::size_t Count(const std::string& path) { return sb::LoadAnswers({path}).answers.size(); }

    std::filesystem::path m_folder;
};

TEST(XapiExport, StatementsHaveTheRequiredFields) {
    const std::vector<sb::Answer> answers = KioskAnswers("Studiecentrum Zuid", 8);
    std::ostringstream out;
    const sb::ExportResult result = sb::WriteXapiStatements(answers, sb::XapiOptions{}, out);
    EXPECT_EQ(result.dont_know_left_out, 2u); // sessions 0 and 4 answered "don't know" after
    EXPECT_EQ(result.written, answers.size() - 2);

    const nlohmann::json statements = nlohmann::json::parse(out.str());
    ASSERT_TRUE(statements.is_array());
    ASSERT_EQ(statements.size(), result.written);

    std::size_t checked = 0;
    for (const sb::Answer& answer : answers) {
        if (!answer.value) {
            continue;
        }
        const nlohmann::json& s = statements.at(checked++);
        std::set<std::string> keys;
        for (const auto& [key, value] : s.items()) {
            keys.insert(key);
        }
        EXPECT_EQ(keys,
                  (std::set<std::string>{"id", "actor", "verb", "object", "result", "context", "timestamp"}));
        EXPECT_EQ(s["id"], answer.uuid);

        // An anonymous account: the session id, nothing else about the person.
        const nlohmann::json& actor = s["actor"];
        EXPECT_EQ(actor["objectType"], "Agent");
        EXPECT_FALSE(actor.contains("name"));
        EXPECT_FALSE(actor.contains("mbox"));
        EXPECT_EQ(actor["account"]["name"], answer.session_id);
        EXPECT_EQ(actor["account"]["homePage"], "https://stageboost.local/kiosk/Studiecentrum%20Zuid");

        EXPECT_EQ(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/answered");
        EXPECT_EQ(s["verb"]["display"]["en-US"], "answered");

        const nlohmann::json& object = s["object"];
        EXPECT_EQ(object["objectType"], "Activity");
        EXPECT_EQ(object["id"], "https://stageboost.local/xapi/packs/stageboost/items/durf");
        const nlohmann::json& definition = object["definition"];
        EXPECT_EQ(definition["type"], "http://adlnet.gov/expapi/activities/cmi.interaction");
        EXPECT_EQ(definition["interactionType"], "likert");
        ASSERT_EQ(definition["scale"].size(), 5u);
        for (int v = 1; v <= 5; ++v) {
            EXPECT_EQ(definition["scale"][v - 1]["id"], std::to_string(v));
            EXPECT_TRUE(definition["scale"][v - 1]["description"].contains("en-US"));
        }

        EXPECT_EQ(s["result"]["response"], std::to_string(*answer.value));
        EXPECT_EQ(s["timestamp"], "2025-03-10T15:00:00Z"); // middag -> 15:00

        const nlohmann::json& context = s["context"];
        const std::string parent = answer.module_id.empty()
                                       ? "https://stageboost.local/xapi/packs/stageboost/session-check"
                                       : "https://stageboost.local/xapi/packs/stageboost/modules/rollenspel";
        EXPECT_EQ(context["contextActivities"]["parent"][0]["id"], parent);
        EXPECT_EQ(context["extensions"]["https://stageboost.local/xapi/extensions/phase"],
                  std::string(sb::PhaseName(answer.phase)));
        EXPECT_EQ(context["extensions"]["https://stageboost.local/xapi/extensions/part-of-day"], "middag");
        EXPECT_EQ(context["extensions"]["https://stageboost.local/xapi/extensions/pack-version"], "1.2.0");
    }
    EXPECT_EQ(checked, statements.size());
}

TEST(XapiExport, OptionsForHomePageAndDontKnow) {
    const std::vector<sb::Answer> answers = KioskAnswers("Lokaal \"3\"", 4, sb::PartOfDay::Night);
    sb::XapiOptions options;
    options.home_page = "https://school.example/stageboost/{kiosk}";
    options.activity_base = "https://school.example/xapi/";
    options.include_dont_know = true;
    std::ostringstream out;
    const sb::ExportResult result = sb::WriteXapiStatements(answers, options, out);
    EXPECT_EQ(result.written, answers.size());
    EXPECT_EQ(result.dont_know_left_out, 0u);
    const nlohmann::json statements = nlohmann::json::parse(out.str());
    EXPECT_EQ(statements[0]["actor"]["account"]["homePage"],
              "https://school.example/stageboost/Lokaal%20%223%22");
    EXPECT_EQ(statements[0]["object"]["id"], "https://school.example/xapi/packs/stageboost/items/durf");
    EXPECT_EQ(statements[0]["object"]["definition"]["scale"].size(), 6u);
    EXPECT_EQ(statements[0]["timestamp"], "2025-03-10T03:00:00Z");
    EXPECT_EQ(statements[0]["context"]["extensions"]["https://school.example/xapi/extensions/kiosk"],
              "Lokaal \"3\"");
    EXPECT_EQ(statements[1]["result"]["response"], "dont-know"); // session 0's after answer

    std::ostringstream empty;
    sb::WriteXapiStatements({}, options, empty);
    EXPECT_EQ(nlohmann::json::parse(empty.str()), nlohmann::json::array());
}

TEST(XapiExport, TimestampsMarkThePartOfDay) {
    EXPECT_EQ(sb::XapiTimestamp("2025-01-31", sb::PartOfDay::Night), "2025-01-31T03:00:00Z");
    EXPECT_EQ(sb::XapiTimestamp("2025-01-31", sb::PartOfDay::Morning), "2025-01-31T09:00:00Z");
    EXPECT_EQ(sb::XapiTimestamp("2025-01-31", sb::PartOfDay::Afternoon), "2025-01-31T15:00:00Z");
    EXPECT_EQ(sb::XapiTimestamp("2025-01-31", sb::PartOfDay::Evening), "2025-01-31T21:00:00Z");
    // Each fixed hour lies inside its own part of the day.
    for (sb::PartOfDay part :
         {sb::PartOfDay::Night, sb::PartOfDay::Morning, sb::PartOfDay::Afternoon, sb::PartOfDay::Evening}) {
        EXPECT_EQ(sb::PartOfDayForHour(sb::PartOfDayExportHour(part)), part);
    }
}

TEST(CsvExport, OneRowPerAnswerAndSafeForSpreadsheets) {
    std::vector<sb::Answer> answers = KioskAnswers("=HYPERLINK(\"x\")", 1);
    std::ostringstream out;
    const sb::ExportResult result = sb::WriteAnswersCsv(answers, out);
    EXPECT_EQ(result.written, 3u);
    std::istringstream in(out.str());
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "uuid,session_id,pack_id,pack_version,module_id,item_id,phase,value,dont_know,date,part_"
                    "of_day,kiosk");
    std::getline(in, line);
    EXPECT_EQ(line,
              answers[0].uuid + "," + answers[0].session_id +
                  ",stageboost,1.2.0,rollenspel,durf,pre,1,no,2025-03-10,middag,\"'=HYPERLINK(\"\"x\"\")\"");
    std::getline(in, line);
    EXPECT_THAT(line, HasSubstr(",post,,yes,")); // "don't know": no value
    std::getline(in, line);
    EXPECT_THAT(line, HasSubstr("stageboost,1.2.0,,durf,retro,2,no,")); // whole-session check: empty module
}

TEST_F(ExportFolder, ExportReadsFilteredAnswersFromLogs) {
    std::vector<sb::Answer> answers = KioskAnswers("k1", 6);
    answers[0].date = "2025-02-01";
    const std::string path = Write("k1.sqlite", answers);
    sb::AnswerFilter filter;
    filter.from = "2025-03-01";
    filter.module_id = "rollenspel";
    const sb::LoadedAnswers loaded = sb::LoadAnswers({path}, filter);
    EXPECT_EQ(loaded.answers.size(), 11u); // 12 module answers minus the one from February
    std::ostringstream out;
    sb::WriteXapiStatements(loaded.answers, sb::XapiOptions{}, out);
    EXPECT_NO_THROW(nlohmann::json::parse(out.str()));
}

TEST_F(ExportFolder, MergeTwoKiosksWithoutDuplicates) {
    const std::vector<sb::Answer> a = KioskAnswers("kiosk-a", 10);
    const std::vector<sb::Answer> b = KioskAnswers("kiosk-b", 7);
    const std::string path_a = Write("a.sqlite", a);
    const std::string path_b = Write("b.sqlite", b);
    const std::string out = (m_folder / "all.sqlite").string();

    sb::MergeResult result = sb::MergeLogs(out, {path_a, path_b});
    ASSERT_TRUE(result.Ok()) << result.output.MessageEn() << result.input.Problems();
    EXPECT_EQ(result.written.inserted, a.size() + b.size());
    EXPECT_EQ(Count(out), a.size() + b.size());

    // The same stick merged again, and the same file twice in one go: nothing new.
    result = sb::MergeLogs(out, {path_a, path_a});
    ASSERT_TRUE(result.Ok());
    EXPECT_EQ(result.written.inserted, 0u);
    EXPECT_EQ(result.input.duplicates, a.size());
    EXPECT_EQ(result.written.duplicates, a.size());
    EXPECT_EQ(Count(out), a.size() + b.size());

    // Merging the output into itself is harmless too.
    result = sb::MergeLogs(out, {out});
    EXPECT_TRUE(result.Ok());
    EXPECT_EQ(result.written.inserted, 0u);
    EXPECT_EQ(Count(out), a.size() + b.size());

    // The merged log holds exactly the answers of both kiosks.
    std::vector<sb::Answer> merged = sb::LoadAnswers({out}).answers;
    std::vector<sb::Answer> expected = a;
    expected.insert(expected.end(), b.begin(), b.end());
    auto by_uuid = [](const sb::Answer& x, const sb::Answer& y) { return x.uuid < y.uuid; };
    std::sort(merged.begin(), merged.end(), by_uuid);
    std::sort(expected.begin(), expected.end(), by_uuid);
    EXPECT_EQ(merged, expected);
}

TEST_F(ExportFolder, MergeReportsConflictsAndUnreadableInputs) {
    const std::vector<sb::Answer> a = KioskAnswers("kiosk-a", 3);
    std::vector<sb::Answer> changed = {a[0]};
    changed[0].value = 5; // same UUID, other content
    const std::string path_a = Write("a.sqlite", a);
    const std::string path_c = Write("c.sqlite", changed);
    const std::string out = (m_folder / "all.sqlite").string();

    sb::MergeResult result = sb::MergeLogs(out, {path_a});
    ASSERT_TRUE(result.Ok());
    result = sb::MergeLogs(out, {path_c, (m_folder / "missing.sqlite").string()});
    EXPECT_FALSE(result.Ok());
    EXPECT_TRUE(result.output.Ok());
    EXPECT_EQ(result.written.conflicts, 1u);
    EXPECT_EQ(result.input.files.at(1).status.code, sb::LogStatusCode::CannotOpen);
    const std::vector<sb::Answer> stored = sb::LoadAnswers({out}).answers;
    ASSERT_EQ(stored.size(), a.size());
    for (const sb::Answer& answer : stored) {
        if (answer.uuid == a[0].uuid) {
            EXPECT_EQ(answer.value, a[0].value); // the first one stays
        }
    }

    // An output that is not a log is left alone.
    const std::string not_a_log = (m_folder / "notes.txt").string();
    std::ofstream(not_a_log) << "shopping list\n";
    result = sb::MergeLogs(not_a_log, {path_a});
    EXPECT_EQ(result.output.code, sb::LogStatusCode::NotALog);
    std::ifstream in(not_a_log);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content, "shopping list\n");
}

} // namespace
