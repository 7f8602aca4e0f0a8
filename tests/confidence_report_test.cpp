// The per-item confidence report on whole sealed cohorts: pairing, "don't know", the retrospective mean,
// grouping, filters, reading several logs, and the renderings. Expected statistics come from R 4.2.2
// (tests/data/log/reference_values.R): wilcox.test(a, b, paired = TRUE, exact = FALSE, correct = TRUE),
// the same with correct = FALSE for r, and t.test(a, b, paired = TRUE).

#include "confidence/report.h"
#include "confidence/results.h"
#include "log_test_helpers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace {

using sb::test::ItemAnswers;
using sb::test::kDontKnow;
using sb::test::kNotAsked;
using sb::test::StudentSession;
using testing::HasSubstr;

class Report : public sb::test::LogFolderTest {
  protected:
    sb::ConfidenceReport Build(sb::ReportOptions options = {}) {
        return sb::BuildReport({PathOf("log.sqlite")}, options);
    }
    void Write(std::vector<StudentSession>& sessions) { sb::test::WriteLog(PathOf("log.sqlite"), sessions); }
};

// The Likert data of confidence_stats_test (R: V = 45, p = 0.00692661032852214, mean change 1,
// CI [0.530748387180395, 1.469251612819605], r = 0.920574617898323).
const std::vector<int> kBefore = {2, 3, 2, 1, 3, 4, 2, 3, 2, 3, 1, 2};
const std::vector<int> kAfter = {3, 4, 4, 2, 3, 4, 3, 5, 2, 4, 3, 3};

std::vector<StudentSession> Likert() {
    std::vector<StudentSession> sessions;
    for (std::size_t i = 0; i < kBefore.size(); ++i) {
        StudentSession s;
        s.items = {ItemAnswers{"durf", kBefore[i], kAfter[i]}};
        sessions.push_back(s);
    }
    return sessions;
}

// A workshop of 12 closed by the trainer is one cohort of 12: every pair is in, and the figures are R's.
TEST_F(Report, ClosedWorkshopMatchesR) {
    std::vector<StudentSession> sessions = Likert();
    {
        sb::LogStore store;
        ASSERT_TRUE(store.Open(PathOf("log.sqlite")).Ok());
        ASSERT_TRUE(store.BeginWorkshop().Ok());
        sb::test::Arrive(store, sessions);
        EXPECT_TRUE(Build().items.empty()) << "an open workshop releases nothing";
        ASSERT_TRUE(store.CloseWorkshop().Ok());
    }
    const sb::ConfidenceReport report = Build();
    ASSERT_EQ(report.items.size(), 1u);
    const sb::ItemReport& item = report.items[0];
    EXPECT_EQ(item.pack_id, "stageboost");
    EXPECT_EQ(item.module_id, "rollenspel");
    EXPECT_EQ(item.item_id, "durf");
    const sb::GroupFigures& g = item.total;
    EXPECT_EQ(g.cohorts, 1);
    EXPECT_EQ(g.participants, 12);
    EXPECT_NEAR(g.mean_before, 28.0 / 12.0, 1e-12);
    EXPECT_NEAR(g.mean_after, 40.0 / 12.0, 1e-12);
    EXPECT_NEAR(g.mean_change, 1.0, 1e-12);
    ASSERT_TRUE(g.change.has_value());
    EXPECT_TRUE(g.change->defined);
    EXPECT_NEAR(g.change->low, 0.530748387180395, 1e-10);
    EXPECT_NEAR(g.change->high, 1.469251612819605, 1e-10);
    EXPECT_DOUBLE_EQ(g.wilcoxon.v_plus, 45.0);
    EXPECT_EQ(g.wilcoxon.n_zero, 3);
    EXPECT_NEAR(g.wilcoxon.p_value, 0.00692661032852214, 1e-12);
    EXPECT_NEAR(g.wilcoxon.effect_r, 0.920574617898323, 1e-12);
    EXPECT_EQ(report.scan.checks_waiting, 0u);
}

// Walk-up: cohorts fill at 5. Twelve students give two cohorts of 5 released and 2 waiting.
TEST_F(Report, WalkUpCohortsOfFiveAndTheRestWaits) {
    std::vector<StudentSession> sessions = Likert();
    Write(sessions);
    const sb::ConfidenceReport report = Build();
    ASSERT_EQ(report.items.size(), 1u);
    EXPECT_EQ(report.items[0].total.participants, 10);
    EXPECT_EQ(report.items[0].total.cohorts, 2);
    EXPECT_EQ(report.scan.cohorts_sealed, 2u);
    EXPECT_EQ(report.scan.checks_waiting, 2u);
    // The first ten in arrival order: before 2,3,2,1,3,4,2,3,2,3 and after 3,4,4,2,3,4,3,5,2,4.
    EXPECT_NEAR(report.items[0].total.mean_before, 25.0 / 10.0, 1e-12);
    EXPECT_NEAR(report.items[0].total.mean_after, 34.0 / 10.0, 1e-12);
}

TEST_F(Report, FourStudentsShowNothingFiveShowTheirCohort) {
    std::vector<StudentSession> four = sb::test::Students(4, StudentSession{});
    Write(four);
    EXPECT_TRUE(Build().items.empty());
    EXPECT_EQ(Build().scan.checks_waiting, 4u);
    std::vector<StudentSession> fifth = sb::test::Students(1, StudentSession{});
    Write(fifth);
    const sb::ConfidenceReport report = Build();
    ASSERT_EQ(report.items.size(), 1u);
    EXPECT_EQ(report.items[0].total.participants, 5);
    EXPECT_EQ(report.scan.checks_waiting, 0u);
}

// "Don't know" is never a pair; its count is shown only where at least 5 in a cohort said so.
TEST_F(Report, DontKnowCountedOnlyInGroupsOfFive) {
    std::vector<StudentSession> sessions = sb::test::Students(7, StudentSession{});
    sessions[6].items[0].pre = kDontKnow; // 6 pairs (5 in the first cohort), 1 "don't know" in the second
    Write(sessions);
    sb::ConfidenceReport report = Build();
    ASSERT_EQ(report.items.size(), 1u);
    EXPECT_EQ(report.items[0].total.participants, 5);
    EXPECT_EQ(report.items[0].total.dont_know_excluded, 0);

    std::vector<StudentSession> more = sb::test::Students(8, StudentSession{});
    for (int i = 0; i < 5; ++i) {
        more[static_cast<std::size_t>(i)].items[0].post = kDontKnow;
    }
    Write(more); // second cohort: 1 pair + 4 dk; third: 2 dk + 3 pairs; both sealed, neither with 5 of a kind
    report = Build();
    ASSERT_EQ(report.items.size(), 1u);
    EXPECT_EQ(report.items[0].total.participants, 5) << "cohort 2 has fewer than 5 pairs: its pairs stay in";
    EXPECT_EQ(report.items[0].total.dont_know_excluded, 0) << "cohort 2 has 4 'don't know': not shown";
}

// The looking-back figures rest on the pairs that also answered it, and only when both that set and the
// pairs without it are 0 or at least 5.
TEST_F(Report, RetrospectiveOnlyWhenItAndWhatItLeavesOutAreLarge) {
    std::vector<StudentSession> sessions;
    {
        sb::LogStore store;
        ASSERT_TRUE(store.Open(PathOf("log.sqlite")).Ok());
        ASSERT_TRUE(store.BeginWorkshop().Ok());
        for (int i = 0; i < 10; ++i) {
            StudentSession s;
            s.items = {ItemAnswers{"durf", 2, 4, i < 5 ? 1 : kNotAsked}};
            sessions.push_back(s);
        }
        sessions.push_back(StudentSession{});
        sessions.back().items = {ItemAnswers{"durf", 2, 4, 1}}; // an 11th: 6 with then, 5 without
        sb::test::Arrive(store, sessions);
        ASSERT_TRUE(store.CloseWorkshop().Ok());
    }
    sb::ConfidenceReport report = Build();
    ASSERT_EQ(report.items.size(), 1u);
    const sb::GroupFigures& g = report.items[0].total;
    EXPECT_EQ(g.participants, 11);
    EXPECT_EQ(g.then_count, 6);
    ASSERT_TRUE(g.mean_then.has_value());
    EXPECT_DOUBLE_EQ(*g.mean_then, 1.0);
    EXPECT_DOUBLE_EQ(*g.mean_after_minus_then, 3.0);
}

// A week's data with cohorts sealed on different days: filters and --by take whole cohorts.
TEST_F(Report, FiltersAndGroupsTakeWholeCohorts) {
    std::vector<StudentSession> sessions;
    for (int i = 0; i < 10; ++i) {
        StudentSession s;
        s.date = i < 4 ? "2025-03-10" : "2025-03-11"; // cohort 1: 4 on the 10th + 1 on the 11th
        s.kiosk = "lokaal-1";
        sessions.push_back(s);
    }
    for (int i = 0; i < 5; ++i) {
        StudentSession s;
        s.kiosk = "lokaal-2";
        s.date = "2025-03-10";
        s.module = "";
        sessions.push_back(s);
    }
    Write(sessions);
    sb::ReportOptions by_date;
    by_date.grouping = sb::ReportGrouping::Date;
    const sb::ConfidenceReport dated = Build(by_date);
    ASSERT_EQ(dated.items.size(), 2u); // the whole-session check and rollenspel
    const sb::ItemReport& rollenspel = dated.items[1];
    EXPECT_EQ(rollenspel.module_id, "rollenspel");
    ASSERT_EQ(rollenspel.groups.size(), 1u) << "both cohorts were sealed on the 11th";
    EXPECT_EQ(rollenspel.groups[0].key, "2025-03-11");
    EXPECT_EQ(rollenspel.groups[0].participants, 10);

    sb::ReportOptions first_day;
    first_day.filter.to = "2025-03-10";
    const sb::ConfidenceReport day = Build(first_day);
    ASSERT_EQ(day.items.size(), 1u) << "the cohort with answers on the 10th belongs to the 11th, whole";
    EXPECT_EQ(day.items[0].module_id, "");

    sb::ReportOptions kiosk;
    kiosk.filter.kiosk = "lokaal-2";
    EXPECT_EQ(Build(kiosk).items.size(), 1u);
    sb::ReportOptions module;
    module.filter.module_id = "rollenspel";
    ASSERT_EQ(Build(module).items.size(), 1u);
    EXPECT_EQ(Build(module).items[0].total.participants, 10);
}

TEST_F(Report, SeveralLogsWithOverlapCountEachAnswerOnce) {
    std::vector<StudentSession> sessions = sb::test::Students(5, StudentSession{});
    Write(sessions);
    std::filesystem::copy_file(PathOf("log.sqlite"), PathOf("copy.sqlite"));
    const sb::ConfidenceReport report = sb::BuildReport({PathOf("log.sqlite"), PathOf("copy.sqlite")}, {});
    ASSERT_EQ(report.items.size(), 1u);
    EXPECT_EQ(report.items[0].total.participants, 5);
    EXPECT_EQ(report.scan.duplicates, 10u);
    EXPECT_TRUE(report.AllFilesRead());

    const sb::ConfidenceReport missing = sb::BuildReport({PathOf("log.sqlite"), PathOf("none.sqlite")}, {});
    EXPECT_FALSE(missing.AllFilesRead());
    EXPECT_EQ(missing.items.size(), 1u);
    EXPECT_THAT(missing.scan.Problems(), HasSubstr("none.sqlite"));
}

// All differences equal: the CI is "not defined", in every rendering, never [x, x].
TEST_F(Report, NoSpreadGivesNoInterval) {
    std::vector<StudentSession> sessions = sb::test::Students(5, StudentSession{});
    Write(sessions); // all 3 -> 4
    const sb::ConfidenceReport report = Build();
    ASSERT_EQ(report.items.size(), 1u);
    ASSERT_TRUE(report.items[0].total.change.has_value());
    EXPECT_FALSE(report.items[0].total.change->defined);
    EXPECT_THAT(sb::RenderReportText(report), HasSubstr("not defined"));
    const nlohmann::json json = nlohmann::json::parse(sb::RenderReportJson(report));
    EXPECT_TRUE(json["items"][0]["total"]["ci95"].is_null());
    EXPECT_THAT(sb::RenderReportCsv(report), HasSubstr(",,,no,"));
}

// Every format carries 10 significant digits (1e-9 relative), and says how r is computed.
TEST_F(Report, RenderingsAreParseableAndPrecise) {
    std::vector<StudentSession> sessions;
    const int before[] = {1, 2, 2, 3, 1, 2, 3};
    const int after[] = {3, 2, 5, 4, 2, 4, 3};
    {
        sb::LogStore store;
        ASSERT_TRUE(store.Open(PathOf("log.sqlite")).Ok());
        ASSERT_TRUE(store.BeginWorkshop().Ok());
        for (int i = 0; i < 7; ++i) {
            StudentSession s;
            s.items = {ItemAnswers{"durf_vragen", before[i], after[i]}}; // an id with '_'
            sessions.push_back(s);
        }
        sb::test::Arrive(store, sessions);
        ASSERT_TRUE(store.CloseWorkshop().Ok());
    }
    const sb::ConfidenceReport report = Build();
    ASSERT_EQ(report.items.size(), 1u);
    EXPECT_EQ(report.items[0].item_id, "durf_vragen");
    const sb::GroupFigures& g = report.items[0].total;
    const double mean_before = 14.0 / 7.0;
    const double mean_after = 23.0 / 7.0; // 3.285714285714...
    EXPECT_NEAR(g.mean_after, mean_after, 1e-15);

    const nlohmann::json json = nlohmann::json::parse(sb::RenderReportJson(report));
    const nlohmann::json& total = json["items"][0]["total"];
    EXPECT_NEAR(total["meanAfter"].get<double>(), mean_after, 1e-9 * mean_after);
    EXPECT_NEAR(total["meanBefore"].get<double>(), mean_before, 1e-9 * mean_before);
    EXPECT_NEAR(total["wilcoxon"]["r"].get<double>(), g.wilcoxon.effect_r, 1e-9 * g.wilcoxon.effect_r);
    EXPECT_NEAR(total["wilcoxon"]["p"].get<double>(), g.wilcoxon.p_value, 1e-9 * g.wilcoxon.p_value);
    EXPECT_THAT(json["method"].get<std::string>(), HasSubstr("without continuity correction"));

    const std::string csv = sb::RenderReportCsv(report);
    const std::string row = csv.substr(csv.find('\n') + 1);
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (start <= row.size()) {
        const std::size_t end = row.find_first_of(",\n", start);
        fields.push_back(row.substr(start, end - start));
        if (end == std::string::npos || row[end] == '\n') {
            break;
        }
        start = end + 1;
    }
    ASSERT_GE(fields.size(), 21u);
    EXPECT_NEAR(std::stod(fields[8]), mean_after, 1e-9 * mean_after) << fields[8];
    EXPECT_NEAR(std::stod(fields[11]), g.change->low, 1e-9 * std::fabs(g.change->low)) << fields[11];
    EXPECT_NEAR(std::stod(fields[20]), g.wilcoxon.effect_r, 1e-9 * g.wilcoxon.effect_r) << fields[20];

    const std::string text = sb::RenderReportText(report);
    EXPECT_THAT(text, HasSubstr("3.285714286"));
    EXPECT_THAT(text, HasSubstr("|Z| / sqrt(n)"));
}

TEST_F(Report, ScreenShowsSealedCohortsAndWaiting) {
    std::vector<StudentSession> sessions =
        sb::test::Students(7, StudentSession{"", "lokaal-1", "2025-03-10"});
    Write(sessions);
    sb::ScreenResults screen =
        sb::ResultsForScreen(PathOf("log.sqlite"), sb::ResultsPeriod::Today, "2025-03-10");
    ASSERT_TRUE(screen.read);
    ASSERT_EQ(screen.items.size(), 1u);
    EXPECT_EQ(screen.items[0].participants, 5);
    EXPECT_EQ(screen.checks_waiting, 2u);
    EXPECT_TRUE(
        sb::ResultsForScreen(PathOf("log.sqlite"), sb::ResultsPeriod::Today, "2025-03-11").items.empty());
    EXPECT_EQ(sb::ResultsForScreen(PathOf("log.sqlite"), sb::ResultsPeriod::Week, "2025-03-16").items.size(),
              1u);
    EXPECT_TRUE(
        sb::ResultsForScreen(PathOf("log.sqlite"), sb::ResultsPeriod::Week, "2025-03-17").items.empty());
    EXPECT_FALSE(sb::ResultsForScreen(PathOf("none.sqlite"), sb::ResultsPeriod::All, "2025-03-10").read);
}

TEST(ReportGrouping, NamesAndTheOldDefault) {
    EXPECT_EQ(sb::ParseReportGrouping("module"), sb::ReportGrouping::None);
    EXPECT_EQ(sb::ParseReportGrouping("kiosk"), sb::ReportGrouping::Kiosk);
    EXPECT_EQ(sb::ParseReportGrouping("date"), sb::ReportGrouping::Date);
    EXPECT_FALSE(sb::ParseReportGrouping("part-of-day").has_value());
}

} // namespace
