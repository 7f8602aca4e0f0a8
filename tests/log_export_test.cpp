// Exports of the confidence log (xAPI 1.0.3 statements and CSV), safe by default and raw only on request,
// the released copy for a USB stick, and merging logs from several kiosks (a damaged target is refused and
// left byte for byte as it was).

#include "confidence/report.h"
#include "log/export.h"
#include "log/log_reader.h"
#include "log_test_helpers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include <cstdlib>
#include <functional>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {

using sb::test::ItemAnswers;
using sb::test::kDontKnow;
using sb::test::StudentSession;
using testing::HasSubstr;

std::string ReadBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

class Export : public sb::test::LogFolderTest {
  protected:
    // Seven students at lokaal-1 on 10 March in the afternoon: one sealed cohort of 5, two waiting.
    std::string SevenStudents(const std::string& name = "log.sqlite") {
        std::vector<StudentSession> sessions = sb::test::Students(7, StudentSession{});
        for (std::size_t i = 0; i < sessions.size(); ++i) {
            sessions[i].items = {ItemAnswers{"durf", 1 + static_cast<int>(i % 5), 4, 2},
                                 ItemAnswers{"vragen", 2, i == 0 ? kDontKnow : 3}};
        }
        sb::test::WriteLog(PathOf(name), sessions);
        return PathOf(name);
    }
};

TEST_F(Export, SafeCsvCarriesCohortsNotDatesOrSessions) {
    const std::string log = SevenStudents();
    std::ostringstream out;
    const sb::ExportResult result = sb::ExportCsv({log}, {}, out);
    // Released: durf in cohort 1 (5 pairs, 5 with then: 15 answers); vragen has 4 pairs and 1 "don't know"
    // in cohort 1: neither part holds 5, so nothing of it.
    EXPECT_EQ(result.written, 15u);
    EXPECT_EQ(result.scan.checks_waiting, 2u);
    const std::string csv = out.str();
    EXPECT_EQ(
        csv.substr(0, csv.find('\n')),
        "cohort,cohort_kiosk,cohort_sealed_date,pack_id,module_id,item_id,participant,phase,value,dont_know");
    EXPECT_THAT(csv, testing::Not(HasSubstr("middag")));
    EXPECT_THAT(csv, testing::Not(HasSubstr("ochtend")));
    EXPECT_THAT(csv, testing::Not(HasSubstr("1.0.0")));
    EXPECT_THAT(csv, testing::Not(HasSubstr("vragen")));
    const sb::LoadedAnswers raw = sb::LoadAnswers({log});
    for (const sb::Answer& a : raw.answers) {
        EXPECT_THAT(csv, testing::Not(HasSubstr(a.session_id))) << "a session code left the log";
    }
    // Each participant pseudonym stands for one check's answers to one statement.
    std::map<std::string, int> per_participant;
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        const auto fields = [&] {
            std::vector<std::string> f;
            std::stringstream ss(line);
            std::string x;
            while (std::getline(ss, x, ',')) {
                f.push_back(x);
            }
            return f;
        }();
        ASSERT_GE(fields.size(), 9u) << line;
        EXPECT_EQ(fields[1], "lokaal-1");
        EXPECT_EQ(fields[2], "2025-03-10");
        ++per_participant[fields[6]];
    }
    EXPECT_EQ(per_participant.size(), 5u);
    for (const auto& [participant, n] : per_participant) {
        EXPECT_EQ(n, 3) << participant; // pre, post and then
    }
}

TEST_F(Export, RawCsvIsEverythingForTheDataSteward) {
    const std::string log = SevenStudents();
    std::ostringstream out;
    const sb::ExportResult result = sb::ExportRawCsv({log}, {}, out);
    EXPECT_EQ(result.written, 7u * 5u);
    EXPECT_THAT(out.str(), HasSubstr(",ochtend,lokaal-1,"));
    EXPECT_THAT(sb::RawExportWarning(), HasSubstr("data steward"));
    EXPECT_THAT(sb::RawExportWarning(), HasSubstr("gegevensbeheerder"));
}

TEST_F(Export, XapiDefinitionsOnceAndValidShape) {
    const std::string log = SevenStudents();
    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    std::ostringstream out;
    const sb::ExportResult result = sb::ExportXapi({log}, {}, sb::XapiOptions{}, out);
    const nlohmann::json statements = nlohmann::json::parse(out.str());
    ASSERT_EQ(statements.size(), result.written);
    ASSERT_EQ(result.written, 15u);
    int definitions = 0;
    int cohort_definitions = 0;
    for (const nlohmann::json& s : statements) {
        std::set<std::string> keys;
        for (const auto& [key, value] : s.items()) {
            keys.insert(key);
        }
        EXPECT_EQ(keys,
                  (std::set<std::string>{"id", "actor", "verb", "object", "result", "context", "timestamp"}));
        EXPECT_EQ(s["actor"]["account"]["homePage"], "https://stageboost.local/kiosk/lokaal-1");
        EXPECT_EQ(s["actor"]["account"]["name"].get<std::string>().size(), 32u);
        EXPECT_EQ(s["object"]["id"], "https://stageboost.local/xapi/packs/stageboost/items/durf");
        definitions += s["object"].contains("definition") ? 1 : 0;
        const nlohmann::json& grouping = s["context"]["contextActivities"]["grouping"][0];
        EXPECT_THAT(grouping["id"].get<std::string>(), HasSubstr("/xapi/cohorts/"));
        cohort_definitions += grouping.contains("definition") ? 1 : 0;
        // Winter in Amsterdam: UTC+1, and the cohort's date at noon.
        EXPECT_EQ(s["timestamp"], "2025-03-10T12:00:00+01:00");
        EXPECT_FALSE(s["context"]["extensions"].dump().find("part") != std::string::npos);
    }
    EXPECT_EQ(definitions, 1) << "each activity's definition once per file";
    EXPECT_EQ(cohort_definitions, 1);
    EXPECT_EQ(statements[0]["object"]["definition"]["scale"].size(), 5u);
    unsetenv("TZ");
    tzset();
}

TEST(XapiTimestamps, RealUtcOffsetsSummerAndWinter) {
    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    EXPECT_EQ(sb::XapiTimestamp("2025-01-15", 9), "2025-01-15T09:00:00+01:00");
    EXPECT_EQ(sb::XapiTimestamp("2025-07-15", 15), "2025-07-15T15:00:00+02:00");
    setenv("TZ", "America/New_York", 1);
    tzset();
    EXPECT_EQ(sb::XapiTimestamp("2025-07-15", 21), "2025-07-15T21:00:00-04:00");
    setenv("TZ", "UTC", 1);
    tzset();
    EXPECT_EQ(sb::XapiTimestamp("2025-07-15", 3), "2025-07-15T03:00:00+00:00");
    unsetenv("TZ");
    tzset();
}

TEST(XapiOptions, HomePageAndActivityBaseMustBeIris) {
    sb::XapiOptions options;
    EXPECT_EQ(sb::ValidateXapiOptions(options), "");
    options.home_page = "https://school.example/stageboost/{kiosk}";
    options.activity_base = "https://school.example/xapi/";
    EXPECT_EQ(sb::ValidateXapiOptions(options), "");
    for (const char* bad : {"school.example/kiosk", "https://", "https:///x", "https://school example/",
                            "https://school.example/<kiosk>", "", "://x", "1http://x"}) {
        sb::XapiOptions o;
        o.home_page = bad;
        EXPECT_THAT(sb::ValidateXapiOptions(o), HasSubstr("--home-page")) << bad;
        o = sb::XapiOptions{};
        o.activity_base = bad;
        EXPECT_THAT(sb::ValidateXapiOptions(o), HasSubstr("--activity-base")) << bad;
    }
    sb::XapiOptions query;
    query.activity_base = "https://school.example/xapi?x=1";
    EXPECT_THAT(sb::ValidateXapiOptions(query), HasSubstr("--activity-base"));
    EXPECT_TRUE(sb::IsAbsoluteIri("urn:uuid:3f2b8c1e-9d4a-4e6b-8c7d-1a2b3c4d5e6f"));
    EXPECT_TRUE(sb::IsAbsoluteIri("https://scholen.example/kiosk/café"));
}

TEST(Csv, FieldsAreSafeForSpreadsheets) {
    EXPECT_EQ(sb::CsvField("plain"), "plain");
    EXPECT_EQ(sb::CsvField("a,b"), "\"a,b\"");
    EXPECT_EQ(sb::CsvField("=1+1"), "\"'=1+1\"");
    EXPECT_EQ(sb::CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
}

// The USB copy is a log that holds only what is released; reports on it match reports on the original.
TEST_F(Export, ReleasedCopyReportsTheSameAndHoldsNothingElse) {
    const std::string log = SevenStudents();
    const sb::ReleasedCopyResult copy = sb::WriteReleasedCopy({log}, PathOf("usb.sqlite"));
    ASSERT_TRUE(copy.Ok()) << copy.output.MessageEn();
    EXPECT_EQ(copy.answers, 15u);
    const sb::ConfidenceReport a = sb::BuildReport({log}, {});
    const sb::ConfidenceReport b = sb::BuildReport({PathOf("usb.sqlite")}, {});
    EXPECT_EQ(sb::RenderReportCsv(a), sb::RenderReportCsv(b));
    const sb::LoadedAnswers inside = sb::LoadAnswers({PathOf("usb.sqlite")});
    EXPECT_EQ(inside.answers.size(), 15u);
    for (const sb::Answer& answer : inside.answers) {
        EXPECT_EQ(answer.pack_version, "released");
        EXPECT_EQ(answer.part_of_day, sb::PartOfDay::Afternoon);
    }
    EXPECT_FALSE(std::filesystem::exists(PathOf("usb.sqlite.part")));
}

TEST_F(Export, MergeTwoKiosksWithoutDuplicatesInBoundedSteps) {
    const std::string a = SevenStudents("a.sqlite");
    const std::string b = SevenStudents("b.sqlite");
    sb::MergeResult merged = sb::MergeLogs(PathOf("all.sqlite"), {a, b});
    ASSERT_TRUE(merged.Ok()) << merged.output.MessageEn();
    EXPECT_EQ(merged.written.inserted, 70u);
    merged = sb::MergeLogs(PathOf("all.sqlite"), {a});
    ASSERT_TRUE(merged.Ok());
    EXPECT_EQ(merged.written.inserted, 0u);
    EXPECT_EQ(merged.written.duplicates, 35u);
    const sb::ConfidenceReport report = sb::BuildReport({PathOf("all.sqlite")}, {});
    ASSERT_FALSE(report.items.empty());
    EXPECT_EQ(report.items[0].total.participants, 10); // one sealed cohort from each kiosk's log
    EXPECT_EQ(report.scan.checks_waiting, 4u);
}

// "Added 80 answers" into a damaged file must never happen: the target is checked first and left alone.
TEST_F(Export, MergeRefusesADamagedTargetAndLeavesItByteForByte) {
    const std::string input = SevenStudents("in.sqlite");
    const std::string target = SevenStudents("target.sqlite");
    {
        // Grow the target so it has pages past the first, then damage one of them.
        std::vector<StudentSession> more = sb::test::Students(60, StudentSession{});
        sb::test::WriteLog(target, more);
    }
    const std::uintmax_t size = std::filesystem::file_size(target);
    ASSERT_GT(size, 4u * 4096u);
    struct Damage {
        const char* name;
        std::function<void(std::fstream&)> apply;
        bool truncate;
    };
    const std::string original = ReadBytes(target);
    const std::vector<Damage> damages = {
        {"overwritten page",
         [](std::fstream& f) {
             f.seekp(2 * 4096 + 10);
             f << std::string(3000, '\x5a');
         },
         false},
        {"garbage header",
         [](std::fstream& f) {
             f.seekp(0);
             f << std::string(100, '\x13');
         },
         false},
        {"truncated", nullptr, true},
    };
    for (const Damage& damage : damages) {
        {
            std::ofstream restore(target, std::ios::binary | std::ios::trunc);
            restore << original;
        }
        if (damage.truncate) {
            std::filesystem::resize_file(target, size / 2);
        } else {
            std::fstream f(target, std::ios::binary | std::ios::in | std::ios::out);
            damage.apply(f);
        }
        const std::string before = ReadBytes(target);
        const sb::MergeResult result = sb::MergeLogs(target, {input});
        EXPECT_TRUE(result.refused_target) << damage.name;
        EXPECT_FALSE(result.Ok()) << damage.name;
        EXPECT_EQ(result.written.inserted, 0u) << damage.name;
        EXPECT_EQ(ReadBytes(target), before) << damage.name << ": the target changed";
    }
}

TEST_F(Export, MergeSkipsRowsWithAPersonInTheKioskLabel) {
    const std::string input = SevenStudents("in.sqlite");
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(input.c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(
                      db, "UPDATE answers SET kiosk = 'Jan Jansen <jan@example.org>' WHERE phase = 'retro'",
                      nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    const sb::MergeResult result = sb::MergeLogs(PathOf("out.sqlite"), {input});
    ASSERT_TRUE(result.Ok());
    EXPECT_EQ(result.written.invalid, 7u);
    EXPECT_EQ(result.written.inserted, 28u);
    std::ostringstream out;
    sb::ExportRawCsv({PathOf("out.sqlite")}, {}, out);
    EXPECT_THAT(out.str(), testing::Not(HasSubstr("jan@")));
}

} // namespace
