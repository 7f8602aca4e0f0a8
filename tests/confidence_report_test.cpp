// The per-item confidence report: pairing, "don't know", the retrospective mean, grouping, filters, reading
// several logs, and small-group suppression (including complementary suppression). Expected statistics come
// from R 4.2.2 (tests/data/log/reference_values.R): wilcox.test(a, b, paired = TRUE, exact = FALSE,
// correct = TRUE) and t.test(a, b, paired = TRUE).

#include "confidence/report.h"
#include "log/log_store.h"
#include "log/suppression.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace {

constexpr int kNotAsked = -1;
constexpr int kDontKnow = 0;

struct AnswerBuilder {
    std::vector<sb::Answer> answers;

    // Adds one session's answers to an item; returns its session id.
    std::string Session(const std::string& module, const std::string& item, int pre, int post,
                        int retro = kNotAsked, const std::string& kiosk = "lokaal-1",
                        const std::string& date = "2025-03-10", const std::string& pack = "stageboost",
                        std::string session_id = "") {
        if (session_id.empty()) {
            session_id = sb::NewSessionId();
        }
        const sb::SessionContext session{session_id, pack, "1.0.0", kiosk};
        const sb::CoarseTime when{date, sb::PartOfDay::Morning};
        auto add = [&](sb::Phase phase, int value) {
            if (value == kNotAsked) {
                return;
            }
            answers.push_back(sb::MakeAnswer(session, module, item, phase,
                                             value == kDontKnow ? std::nullopt : std::optional<int>(value),
                                             when));
        };
        add(sb::Phase::Pre, pre);
        add(sb::Phase::Post, post);
        add(sb::Phase::Retro, retro);
        return session_id;
    }

    void Sessions(int count, const std::string& module, const std::string& item = "durf",
                  const std::string& kiosk = "lokaal-1", const std::string& date = "2025-03-10") {
        for (int i = 0; i < count; ++i) {
            Session(module, item, 2 + i % 2, 4, kNotAsked, kiosk, date);
        }
    }
};

const sb::GroupFigures* FindGroup(const sb::ItemReport& item, const std::string& key) {
    for (const sb::GroupFigures& group : item.groups) {
        if (group.key == key) {
            return &group;
        }
    }
    return nullptr;
}

// The Likert data of confidence_stats_test (R: V = 45, p = 0.00692661032852214, mean change 1,
// CI [0.530748387180395, 1.469251612819605]).
const std::vector<int> kBefore = {2, 3, 2, 1, 3, 4, 2, 3, 2, 3, 1, 2};
const std::vector<int> kAfter = {3, 4, 4, 2, 3, 4, 3, 5, 2, 4, 3, 3};

TEST(ConfidenceReport, PairsMeansIntervalAndWilcoxonMatchR) {
    AnswerBuilder b;
    for (std::size_t i = 0; i < kBefore.size(); ++i) {
        b.Session("rollenspel", "durf", kBefore[i], kAfter[i]);
    }
    const sb::ConfidenceReport report = sb::BuildReport(b.answers, sb::ReportOptions{});
    ASSERT_EQ(report.items.size(), 1u);
    const sb::ItemReport& item = report.items[0];
    EXPECT_EQ(item.pack_id, "stageboost");
    EXPECT_EQ(item.item_id, "durf");
    ASSERT_EQ(item.groups.size(), 1u);
    EXPECT_FALSE(item.total_shown); // one module: the total would repeat it

    const sb::GroupFigures& g = item.groups[0];
    EXPECT_EQ(g.key, "rollenspel");
    EXPECT_FALSE(g.Suppressed());
    EXPECT_EQ(g.participants, 12);
    EXPECT_NEAR(g.mean_before, 28.0 / 12.0, 1e-12);
    EXPECT_NEAR(g.mean_after, 40.0 / 12.0, 1e-12);
    EXPECT_NEAR(g.mean_change, 1.0, 1e-12);
    ASSERT_TRUE(g.change.has_value());
    EXPECT_NEAR(g.change->low, 0.530748387180395, 1e-10);
    EXPECT_NEAR(g.change->high, 1.469251612819605, 1e-10);
    EXPECT_DOUBLE_EQ(g.wilcoxon.v_plus, 45.0);
    EXPECT_EQ(g.wilcoxon.n_zero, 3);
    EXPECT_NEAR(g.wilcoxon.p_value, 0.00692661032852214, 1e-12);
    EXPECT_NEAR(g.wilcoxon.effect_r, 2.70035221250175 / 3.0, 1e-12);
    EXPECT_EQ(g.then_count, 0);
    EXPECT_FALSE(g.mean_then.has_value());
}

TEST(ConfidenceReport, DontKnowIsExcludedFromPairsAndCounted) {
    AnswerBuilder b;
    for (std::size_t i = 0; i < kBefore.size(); ++i) {
        b.Session("rollenspel", "durf", kBefore[i], kAfter[i]);
    }
    b.Session("rollenspel", "durf", kDontKnow, 5);
    b.Session("rollenspel", "durf", kDontKnow, kDontKnow);
    b.Session("rollenspel", "durf", 1, kDontKnow);
    b.Session("rollenspel", "durf", 3, kNotAsked); // left before the after-check
    const sb::ConfidenceReport report = sb::BuildReport(b.answers, sb::ReportOptions{});
    const sb::GroupFigures& g = report.items.at(0).groups.at(0);
    EXPECT_EQ(g.participants, 12); // the same 12 pairs as without them
    EXPECT_EQ(g.dont_know_excluded, 3);
    EXPECT_EQ(g.unpaired, 1);
    EXPECT_DOUBLE_EQ(g.wilcoxon.v_plus, 45.0);
    EXPECT_NEAR(g.mean_change, 1.0, 1e-12);
}

TEST(ConfidenceReport, RetrospectiveMeanUsesParticipantsWithAPair) {
    AnswerBuilder b;
    b.Session("", "durf", 3, 4, 2);
    b.Session("", "durf", 3, 4, 1);
    b.Session("", "durf", 2, 5, 3);
    b.Session("", "durf", 4, 4);
    b.Session("", "durf", 3, 3, kDontKnow);
    b.Session("", "durf", kDontKnow, 4, 1); // no pair: its retrospective answer is not used
    const sb::ConfidenceReport report = sb::BuildReport(b.answers, sb::ReportOptions{});
    const sb::GroupFigures& g = report.items.at(0).groups.at(0);
    EXPECT_EQ(g.key, ""); // the whole-session check
    EXPECT_EQ(g.participants, 5);
    EXPECT_EQ(g.then_count, 3);
    ASSERT_TRUE(g.mean_then.has_value());
    EXPECT_NEAR(*g.mean_then, 2.0, 1e-12);
    ASSERT_TRUE(g.mean_after_minus_then.has_value());
    EXPECT_NEAR(*g.mean_after_minus_then, (2.0 + 3.0 + 2.0) / 3.0, 1e-12);
}

TEST(ConfidenceReport, FourParticipantsAreSuppressedFiveAreShown) {
    AnswerBuilder four;
    four.Sessions(4, "m1");
    sb::ConfidenceReport report = sb::BuildReport(four.answers, sb::ReportOptions{});
    const sb::GroupFigures& hidden = report.items.at(0).groups.at(0);
    EXPECT_EQ(hidden.suppression, sb::Suppression::TooFew);
    EXPECT_EQ(report.items[0].total.suppression, sb::Suppression::TooFew);
    // A suppressed row carries no figures at all.
    EXPECT_EQ(hidden.participants, 0);
    EXPECT_EQ(hidden.mean_before, 0.0);
    EXPECT_FALSE(hidden.change.has_value());
    EXPECT_EQ(hidden.wilcoxon.n_pairs, 0);

    AnswerBuilder five;
    five.Sessions(5, "m1");
    report = sb::BuildReport(five.answers, sb::ReportOptions{});
    const sb::GroupFigures& shown = report.items.at(0).groups.at(0);
    EXPECT_EQ(shown.suppression, sb::Suppression::None);
    EXPECT_EQ(shown.participants, 5);
    EXPECT_NEAR(shown.mean_before, (2 + 3 + 2 + 3 + 2) / 5.0, 1e-12);

    // Four pairs plus a "don't know" are still four participants: suppressed.
    four.Session("m1", "durf", kDontKnow, 4);
    report = sb::BuildReport(four.answers, sb::ReportOptions{});
    EXPECT_TRUE(report.items.at(0).groups.at(0).Suppressed());
}

TEST(ConfidenceReport, ComplementarySuppressionPerModule) {
    AnswerBuilder b;
    b.Sessions(10, "a");
    b.Sessions(8, "b");
    b.Sessions(3, "c");
    b.Sessions(9, "d");
    const sb::ConfidenceReport report = sb::BuildReport(b.answers, sb::ReportOptions{});
    const sb::ItemReport& item = report.items.at(0);
    EXPECT_TRUE(item.total_shown);
    EXPECT_FALSE(item.total.Suppressed());
    EXPECT_EQ(item.total.participants, 30);
    EXPECT_EQ(FindGroup(item, "a")->suppression, sb::Suppression::None);
    EXPECT_EQ(FindGroup(item, "b")->suppression, sb::Suppression::Complementary); // next smallest
    EXPECT_EQ(FindGroup(item, "c")->suppression, sb::Suppression::TooFew);
    EXPECT_EQ(FindGroup(item, "d")->suppression, sb::Suppression::None);
    EXPECT_EQ(FindGroup(item, "b")->participants, 0);
}

TEST(ConfidenceReport, ComplementarySuppressionPerKioskAndPerDay) {
    AnswerBuilder b;
    b.Sessions(6, "m1", "durf", "lokaal-1", "2025-03-10");
    b.Sessions(7, "m1", "durf", "lokaal-2", "2025-03-11");
    b.Sessions(2, "m1", "durf", "lokaal-3", "2025-03-12");
    sb::ReportOptions options;
    options.grouping = sb::ReportGrouping::Kiosk;
    sb::ConfidenceReport report = sb::BuildReport(b.answers, options);
    const sb::ItemReport* item = &report.items.at(0);
    EXPECT_EQ(FindGroup(*item, "lokaal-1")->suppression, sb::Suppression::Complementary);
    EXPECT_EQ(FindGroup(*item, "lokaal-2")->suppression, sb::Suppression::None);
    EXPECT_EQ(FindGroup(*item, "lokaal-3")->suppression, sb::Suppression::TooFew);
    EXPECT_EQ(item->total.participants, 15);

    options.grouping = sb::ReportGrouping::Date;
    report = sb::BuildReport(b.answers, options);
    item = &report.items.at(0);
    EXPECT_EQ(FindGroup(*item, "2025-03-10")->suppression, sb::Suppression::Complementary);
    EXPECT_EQ(FindGroup(*item, "2025-03-12")->suppression, sb::Suppression::TooFew);

    options.grouping = sb::ReportGrouping::None;
    report = sb::BuildReport(b.answers, options);
    EXPECT_TRUE(report.items.at(0).groups.empty());
    EXPECT_TRUE(report.items.at(0).total_shown);
    EXPECT_EQ(report.items.at(0).total.participants, 15);
}

TEST(ConfidenceReport, TotalCountsEachParticipantOnce) {
    AnswerBuilder b;
    for (int i = 0; i < 5; ++i) {
        const std::string session = b.Session("a", "durf", 2, 4);
        b.Session("b", "durf", 4, 4, kNotAsked, "lokaal-1", "2025-03-10", "stageboost", session);
    }
    const sb::ConfidenceReport report = sb::BuildReport(b.answers, sb::ReportOptions{});
    const sb::ItemReport& item = report.items.at(0);
    EXPECT_EQ(item.total.participants, 5);
    EXPECT_NEAR(item.total.mean_before, 3.0, 1e-12); // (2 + 4) / 2 per participant
    EXPECT_NEAR(item.total.mean_after, 4.0, 1e-12);
    EXPECT_EQ(FindGroup(item, "a")->participants, 5);
    EXPECT_EQ(FindGroup(item, "b")->participants, 5);
}

TEST(ConfidenceReport, FiltersAndSeparateItemsAndPacks) {
    AnswerBuilder b;
    b.Sessions(5, "m1", "durf", "lokaal-1", "2025-03-10");
    b.Sessions(6, "m1", "durf", "lokaal-1", "2025-04-02");
    b.Sessions(7, "m2", "vragen", "lokaal-1", "2025-03-15");
    for (int i = 0; i < 5; ++i) {
        b.Session("m1", "durf", 1, 2, kNotAsked, "lokaal-1", "2025-03-10", "ander-pack");
    }

    sb::ReportOptions options;
    sb::ConfidenceReport report = sb::BuildReport(b.answers, options);
    ASSERT_EQ(report.items.size(), 3u); // (ander-pack, durf), (stageboost, durf), (stageboost, vragen)
    EXPECT_EQ(report.items[0].pack_id, "ander-pack");

    options.filter.pack_id = "stageboost";
    options.filter.module_id = "m1";
    report = sb::BuildReport(b.answers, options);
    ASSERT_EQ(report.items.size(), 1u);
    EXPECT_EQ(report.items[0].groups.at(0).participants, 11);

    options.filter.from = "2025-04-01";
    report = sb::BuildReport(b.answers, options);
    EXPECT_EQ(report.items.at(0).groups.at(0).participants, 6);

    options.filter.from = "2025-03-01";
    options.filter.to = "2025-03-31";
    report = sb::BuildReport(b.answers, options);
    EXPECT_EQ(report.items.at(0).groups.at(0).participants, 5);

    EXPECT_EQ(sb::ValidateFilter(options.filter), "");
    options.filter.to = "2025-02-30";
    EXPECT_THAT(sb::ValidateFilter(options.filter), testing::HasSubstr("not a date"));
    options.filter.to = "2025-02-01";
    EXPECT_THAT(sb::ValidateFilter(options.filter), testing::HasSubstr("before the start date"));
}

class ReportFromFiles : public testing::Test {
  protected:
    void SetUp() override {
        m_folder = std::filesystem::path(STAGEBOOST_BINARY_DIR) / "test-tmp" /
                   (std::string("report-") + testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_folder);
        std::filesystem::create_directories(m_folder);
    }
    void TearDown() override { std::filesystem::remove_all(m_folder); }

    std::string Write(const std::string& name, const std::vector<sb::Answer>& answers) {
        const std::string path = (m_folder / name).string();
        sb::LogStore store;
        EXPECT_TRUE(store.Open(path).Ok());
        EXPECT_TRUE(store.InsertMany(answers).Ok());
        store.Close();
        return path;
    }

    std::filesystem::path m_folder;
};

TEST_F(ReportFromFiles, SeveralLogsWithOverlapCountEachAnswerOnce) {
    AnswerBuilder a;
    for (std::size_t i = 0; i < kBefore.size(); ++i) {
        a.Session("rollenspel", "durf", kBefore[i], kAfter[i]);
    }
    const std::vector<sb::Answer> first(a.answers.begin(), a.answers.begin() + 14);
    const std::string one = Write("kiosk-1.sqlite", first);
    const std::string two = Write("kiosk-2.sqlite", a.answers); // a copy that also has the first 14

    const sb::ConfidenceReport report = sb::BuildReport(
        std::vector<std::string>{one, two, (m_folder / "missing.sqlite").string()}, sb::ReportOptions{});
    ASSERT_EQ(report.files.size(), 3u);
    EXPECT_TRUE(report.files[0].status.Ok());
    EXPECT_TRUE(report.files[1].status.Ok());
    EXPECT_EQ(report.files[2].status.code, sb::LogStatusCode::CannotOpen);
    EXPECT_FALSE(report.AllFilesRead());
    EXPECT_EQ(report.duplicates, 14u);
    EXPECT_EQ(report.answers_read, 24u);
    const sb::GroupFigures& g = report.items.at(0).groups.at(0);
    EXPECT_EQ(g.participants, 12);
    EXPECT_DOUBLE_EQ(g.wilcoxon.v_plus, 45.0);
}

TEST_F(ReportFromFiles, RenderingsAreParseableAndHideSuppressedFigures) {
    AnswerBuilder b;
    for (std::size_t i = 0; i < kBefore.size(); ++i) {
        b.Session("a", "durf", kBefore[i], kAfter[i]);
    }
    b.Sessions(6, "b");
    b.Sessions(4, "c");
    b.Session("a", "durf", kDontKnow, 3);
    const std::string path = Write("log.sqlite", b.answers);
    const sb::ConfidenceReport report = sb::BuildReport(std::vector<std::string>{path}, sb::ReportOptions{});

    const nlohmann::json json = nlohmann::json::parse(sb::RenderReportJson(report));
    EXPECT_EQ(json["files"][0]["status"], "ok");
    EXPECT_EQ(json["minGroupSize"], 5);
    const nlohmann::json& item = json["items"][0];
    EXPECT_EQ(item["item"], "durf");
    EXPECT_EQ(item["total"]["participants"], 22);
    ASSERT_EQ(item["groups"].size(), 3u);
    EXPECT_EQ(item["groups"][0]["key"], "a");
    EXPECT_EQ(item["groups"][0]["participants"], 12);
    EXPECT_EQ(item["groups"][0]["dontKnowExcluded"], 1);
    EXPECT_DOUBLE_EQ(item["groups"][0]["wilcoxon"]["V"].get<double>(), 45.0);
    EXPECT_NEAR(item["groups"][0]["wilcoxon"]["p"].get<double>(), 0.00692661032852214, 1e-12);
    EXPECT_NEAR(item["groups"][0]["ci95"][0].get<double>(), 0.530748387180395, 1e-10);
    EXPECT_EQ(item["groups"][1]["suppression"], "complementary");
    EXPECT_EQ(item["groups"][2]["suppression"], "too-few");
    EXPECT_FALSE(item["groups"][1].contains("participants"));
    EXPECT_FALSE(item["groups"][2].contains("meanBefore"));
    EXPECT_THAT(json["method"].get<std::string>(), testing::HasSubstr("zero differences dropped"));

    const std::string csv = sb::RenderReportCsv(report);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < csv.size()) {
        const std::size_t end = csv.find('\n', start);
        lines.push_back(csv.substr(start, end - start));
        start = end + 1;
    }
    ASSERT_EQ(lines.size(), 5u); // header, total, a, b, c
    const auto columns = [](const std::string& line) {
        return std::count(line.begin(), line.end(), ',') + 1;
    };
    for (const std::string& line : lines) {
        EXPECT_EQ(columns(line), columns(lines[0])) << line;
    }
    EXPECT_THAT(lines[3], testing::StartsWith("stageboost,durf,module,b,yes,complementary,,"));

    const std::string text = sb::RenderReportText(report);
    EXPECT_THAT(text, testing::HasSubstr("module b"));
    EXPECT_THAT(text, testing::HasSubstr("suppressed: hidden so a small group cannot be worked out"));
    EXPECT_THAT(text, testing::HasSubstr("suppressed: fewer than 5 participants"));
    EXPECT_THAT(text, testing::HasSubstr("3 zero differences dropped"));
    EXPECT_THAT(text, testing::HasSubstr("1 excluded for 'don't know'"));
    EXPECT_THAT(text, testing::HasSubstr("continuity correction"));
}

TEST(Suppress, Rules) {
    using S = sb::Suppression;
    // 4 vs 5.
    EXPECT_EQ(sb::Suppress(std::vector<int>{4}, 4, false).groups, (std::vector<S>{S::TooFew}));
    EXPECT_EQ(sb::Suppress(std::vector<int>{5}, 5, false).groups, (std::vector<S>{S::None}));
    // Without a total shown there is nothing to subtract from.
    EXPECT_EQ(sb::Suppress(std::vector<int>{20, 3}, 23, false).groups, (std::vector<S>{S::None, S::TooFew}));
    // Exactly one small group next to a total: the next smallest goes too.
    EXPECT_EQ(sb::Suppress(std::vector<int>{20, 3, 9}, 32, true).groups,
              (std::vector<S>{S::None, S::TooFew, S::Complementary}));
    // Ties on size: the first one.
    EXPECT_EQ(sb::Suppress(std::vector<int>{7, 2, 7}, 16, true).groups,
              (std::vector<S>{S::Complementary, S::TooFew, S::None}));
    // Two small groups that together still have fewer than 5: one more is hidden.
    EXPECT_EQ(sb::Suppress(std::vector<int>{10, 1, 3, 12}, 26, true).groups,
              (std::vector<S>{S::Complementary, S::TooFew, S::TooFew, S::None}));
    // Two small groups with 5 or more together: enough.
    EXPECT_EQ(sb::Suppress(std::vector<int>{10, 4, 3}, 17, true).groups,
              (std::vector<S>{S::None, S::TooFew, S::TooFew}));
    // Only two groups, one small: both hidden, the total stays.
    sb::SuppressionResult two = sb::Suppress(std::vector<int>{30, 2}, 32, true);
    EXPECT_EQ(two.total, S::None);
    EXPECT_EQ(two.groups, (std::vector<S>{S::Complementary, S::TooFew}));
    // A total below 5 hides everything.
    sb::SuppressionResult small = sb::Suppress(std::vector<int>{2, 2}, 4, true);
    EXPECT_EQ(small.total, S::TooFew);
    EXPECT_EQ(small.groups, (std::vector<S>{S::TooFew, S::TooFew}));
    // No groups at all.
    EXPECT_EQ(sb::Suppress(std::vector<int>{}, 5, true).total, S::None);
    EXPECT_EQ(sb::Suppress(std::vector<int>{}, 0, true).total, S::TooFew);
    EXPECT_EQ(sb::SuppressionReasonNl(S::TooFew), "minder dan 5 deelnemers");
}

} // namespace
