// Attacks on the anonymity invariant (log/release.h): every figure any screen, report or export shows rests
// on at least k = 5 students, and so does every difference between two of them, whenever they are made and
// whatever their filters. First the concrete attacks of issue 15, then a property test: many random logs,
// snapshots as sessions arrive, every report option, every screen period and the safe export, and every
// pair of the sets of students behind what was released.

#include "confidence/report.h"
#include "confidence/results.h"
#include "log/export.h"
#include "log_test_helpers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace {

using sb::test::ItemAnswers;
using sb::test::kDontKnow;
using sb::test::kNotAsked;
using sb::test::StudentSession;

constexpr int k = sb::kMinCohortSize;

class Attack : public sb::test::LogFolderTest {
  protected:
    std::string Log() const { return PathOf("log.sqlite"); }
    void Arrive(std::vector<StudentSession> sessions) { sb::test::WriteLog(Log(), sessions); }
    sb::ConfidenceReport Report(sb::ReleaseFilter filter = {},
                                sb::ReportGrouping by = sb::ReportGrouping::None) {
        sb::ReportOptions options;
        options.filter = filter;
        options.grouping = by;
        return sb::BuildReport({Log()}, options);
    }
    static int Pairs(const sb::ConfidenceReport& report) {
        int n = 0;
        for (const sb::ItemReport& item : report.items) {
            n += item.total.participants;
        }
        return n;
    }
};

StudentSession On(const std::string& date, int before = 3, int after = 4,
                  const std::string& module = "rollenspel") {
    StudentSession s;
    s.date = date;
    s.module = module;
    s.items = {ItemAnswers{"durf", before, after}};
    return s;
}

// Two date windows that differ by one day: four students on the 10th, six on the 11th.
TEST_F(Attack, OneDayWindowDifference) {
    std::vector<StudentSession> sessions;
    for (int i = 0; i < 4; ++i) {
        sessions.push_back(On("2025-03-10", 1, 5)); // the small day, with telling answers
    }
    for (int i = 0; i < 6; ++i) {
        sessions.push_back(On("2025-03-11"));
    }
    Arrive(sessions);
    const int both = Pairs(Report({"", std::nullopt, "", "2025-03-10", "2025-03-11"}));
    const int second = Pairs(Report({"", std::nullopt, "", "2025-03-11", "2025-03-11"}));
    const int first = Pairs(Report({"", std::nullopt, "", "2025-03-10", "2025-03-10"}));
    EXPECT_EQ(first, 0) << "the cohort with the small day was completed on the 11th: it is not in the 10th";
    EXPECT_EQ(both, 10);
    EXPECT_EQ(both - second, 0) << "whole cohorts: the one-day difference is nobody";
}

// --by date against the same report with --from moved past the small day.
TEST_F(Attack, ByDateAgainstFromMoved) {
    std::vector<StudentSession> sessions;
    for (const char* date :
         {"2025-03-10", "2025-03-10", "2025-03-11", "2025-03-11", "2025-03-11", "2025-03-12", "2025-03-12",
          "2025-03-12", "2025-03-12", "2025-03-12", "2025-03-13"}) {
        sessions.push_back(On(date, 2, 5));
    }
    Arrive(sessions);
    const sb::ConfidenceReport dated = Report({}, sb::ReportGrouping::Date);
    ASSERT_EQ(dated.items.size(), 1u);
    for (const sb::GroupFigures& row : dated.items[0].groups) {
        EXPECT_GE(row.participants, k) << row.key;
    }
    for (const char* from : {"2025-03-11", "2025-03-12", "2025-03-13"}) {
        const int difference = Pairs(Report()) - Pairs(Report({"", std::nullopt, "", from, ""}));
        EXPECT_TRUE(difference == 0 || difference >= k) << from << ": " << difference;
    }
}

// A module with three students cannot be isolated by --module or by subtracting from a total.
TEST_F(Attack, ModuleIsolation) {
    std::vector<StudentSession> sessions;
    for (int i = 0; i < 5; ++i) {
        sessions.push_back(On("2025-03-10", 3, 4, "rollenspel"));
    }
    for (int i = 0; i < 3; ++i) {
        sessions.push_back(On("2025-03-10", 1, 5, "quiz"));
    }
    Arrive(sessions);
    EXPECT_EQ(Report({"", std::string("quiz"), "", "", ""}).items.size(), 0u);
    const sb::ConfidenceReport all = Report();
    ASSERT_EQ(all.items.size(), 1u);
    EXPECT_EQ(all.items[0].module_id, "rollenspel");
    EXPECT_EQ(all.items[0].total.participants, Pairs(Report({"", std::string("rollenspel"), "", "", ""})));
}

// The live results screen: a trainer watching n go from 7 to 8 would read the 8th student's answers.
TEST_F(Attack, LiveScreenSevenToEight) {
    std::vector<StudentSession> seven;
    for (int i = 0; i < 7; ++i) {
        seven.push_back(On("2025-03-10", 3, 4, ""));
    }
    Arrive(seven);
    const sb::ScreenResults at7 = sb::ResultsForScreen(Log(), sb::ResultsPeriod::Today, "2025-03-10");
    Arrive({On("2025-03-10", 1, 5, "")});
    const sb::ScreenResults at8 = sb::ResultsForScreen(Log(), sb::ResultsPeriod::Today, "2025-03-10");
    ASSERT_EQ(at7.items.size(), 1u);
    ASSERT_EQ(at8.items.size(), 1u);
    EXPECT_EQ(at7.items[0].participants, at8.items[0].participants);
    EXPECT_EQ(at7.items[0].mean_before, at8.items[0].mean_before);
    EXPECT_EQ(at7.items[0].mean_after, at8.items[0].mean_after);
    EXPECT_EQ(at7.checks_waiting + 1, at8.checks_waiting) << "the screen may say one more is waiting";
    Arrive({On("2025-03-10", 3, 4, ""), On("2025-03-10", 3, 4, "")});
    const sb::ScreenResults at10 = sb::ResultsForScreen(Log(), sb::ResultsPeriod::Today, "2025-03-10");
    EXPECT_EQ(at10.items[0].participants, 10) << "it changes by a whole cohort of five";
}

// A row of 8 where one student answered the looking-back question would show that student's answers.
TEST_F(Attack, ThenCountOne) {
    for (int with_then : {1, 5, 8}) {
        std::vector<StudentSession> sessions;
        for (int i = 0; i < 8; ++i) {
            StudentSession s = On("2025-03-10", 2, 4);
            s.items[0].retro = i < with_then ? 1 : kNotAsked;
            sessions.push_back(s);
        }
        const std::string path = PathOf("then-" + std::to_string(with_then) + ".sqlite");
        sb::LogStore store;
        ASSERT_TRUE(store.Open(path).Ok());
        ASSERT_TRUE(store.BeginWorkshop().Ok());
        sb::test::Arrive(store, sessions);
        ASSERT_TRUE(store.CloseWorkshop().Ok());
        store.Close();
        const sb::ConfidenceReport report = sb::BuildReport({path}, {});
        ASSERT_EQ(report.items.size(), 1u);
        const sb::GroupFigures& g = report.items[0].total;
        EXPECT_EQ(g.participants, 8);
        if (with_then == 8) {
            EXPECT_EQ(g.then_count, 8);
        } else {
            // 1: one student; 5: the other 3 would be "pairs minus then".
            EXPECT_EQ(g.then_count, 0) << with_then;
            EXPECT_FALSE(g.mean_then.has_value()) << with_then;
        }
    }
}

// "dontKnowExcluded: 1" showed that exactly one student said "weet ik niet".
TEST_F(Attack, DontKnowExcludedOne) {
    std::vector<StudentSession> sessions;
    for (int i = 0; i < 6; ++i) {
        sessions.push_back(On("2025-03-10"));
    }
    sessions[2].items[0].post = kDontKnow;
    sessions.push_back(On("2025-03-10"));
    sessions.push_back(On("2025-03-10"));
    sessions.push_back(On("2025-03-10"));
    sessions.push_back(On("2025-03-10")); // cohorts: {5 with one dk}, {5}
    Arrive(sessions);
    const sb::ConfidenceReport report = Report();
    ASSERT_EQ(report.items.size(), 1u);
    EXPECT_EQ(report.items[0].total.dont_know_excluded, 0);
    EXPECT_EQ(report.items[0].total.participants, 5) << "the cohort with 4 pairs is not released at all";
    EXPECT_THAT(sb::RenderReportJson(report), testing::HasSubstr("\"dontKnowExcluded\": 0"));
}

// ============================================================ the property test

struct Truth {
    std::string session;
    std::string kiosk;
    std::string module;
    std::string date;
    std::vector<ItemAnswers> items;
};

// What a release shows for one (module, item, row): the figures an attacker can subtract.
struct Cell {
    int n = 0;
    double sum_before = 0, sum_after = 0;
    int then_n = 0;
    double sum_then = 0;
    int dont_know = 0, unpaired = 0;
};

// The sets of students the invariant is about, from an independent model of the cohorts: per module and
// kiosk, checks in arrival order, five at a time, complete when the fifth has arrived.
struct Model {
    struct Block {
        std::vector<int> pairs, then, dont_know, unpaired;
        std::string kiosk, module, sealed;
        bool released_pairs = false, released_then = false, released_dk = false, released_unpaired = false;
    };
    std::vector<Block> blocks; // one per cohort and item
    std::vector<std::string> block_item;

    Model(const std::vector<Truth>& arrived, const std::vector<std::string>& items) {
        std::map<std::pair<std::string, std::string>, std::vector<int>> queues;
        for (int i = 0; i < static_cast<int>(arrived.size()); ++i) {
            queues[{arrived[i].module, arrived[i].kiosk}].push_back(i);
        }
        for (const auto& [key, checks] : queues) {
            for (std::size_t start = 0; start + k <= checks.size(); start += k) {
                std::string sealed;
                for (std::size_t j = start; j < start + k; ++j) {
                    sealed = std::max(sealed, arrived[checks[j]].date);
                }
                for (const std::string& item : items) {
                    Block b;
                    b.module = key.first;
                    b.kiosk = key.second;
                    b.sealed = sealed;
                    for (std::size_t j = start; j < start + k; ++j) {
                        const int s = checks[j];
                        for (const ItemAnswers& a : arrived[s].items) {
                            if (a.item != item) {
                                continue;
                            }
                            const bool pre = a.pre > 0, post = a.post > 0;
                            if (pre && post) {
                                b.pairs.push_back(s);
                                if (a.retro > 0) {
                                    b.then.push_back(s);
                                }
                            } else if (a.pre == kDontKnow || a.post == kDontKnow) {
                                b.dont_know.push_back(s);
                            } else {
                                b.unpaired.push_back(s);
                            }
                        }
                    }
                    const int p = static_cast<int>(b.pairs.size()), t = static_cast<int>(b.then.size());
                    b.released_pairs = p >= k;
                    b.released_then = b.released_pairs && t >= k && (p == t || p - t >= k);
                    b.released_dk = static_cast<int>(b.dont_know.size()) >= k;
                    b.released_unpaired = static_cast<int>(b.unpaired.size()) >= k;
                    blocks.push_back(b);
                    block_item.push_back(item);
                }
            }
        }
    }
};

struct Pool {
    // (module, item) -> every distinct set of students behind a released figure
    std::map<std::pair<std::string, std::string>, std::set<std::vector<int>>> sets;
    void Add(const std::string& module, const std::string& item, std::vector<int> students) {
        if (students.empty()) {
            return;
        }
        std::sort(students.begin(), students.end());
        sets[{module, item}].insert(std::move(students));
    }
};

std::string DateOf(int day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "2025-03-%02d", 10 + day);
    return buffer;
}

class Property : public sb::test::LogFolderTest {};

TEST_F(Property, NothingDerivableCoversFewerThanFiveStudents) {
    const std::vector<std::string> kiosks = {"lokaal-1", "lokaal-2"};
    const std::vector<std::string> modules = {"", "rollenspel"};
    const std::vector<std::string> items = {"durf", "vragen"};
    constexpr int kDays = 4;
    int releases = 0;
    int pairs_checked = 0;
    for (int seed = 1; seed <= 6; ++seed) {
        std::mt19937 random(static_cast<unsigned>(seed));
        auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
        auto chance = [&](int percent) { return pick(100) < percent; };
        const std::string path = PathOf("log-" + std::to_string(seed) + ".sqlite");
        sb::LogStore store;
        ASSERT_TRUE(store.Open(path).Ok());
        std::vector<Truth> arrived;
        Pool pool;
        std::map<std::string, std::string> exported_blocks; // cohort + item -> rows, must never change
        const int total = 30 + pick(30);
        for (int n = 1; n <= total; ++n) {
            Truth t;
            t.kiosk = kiosks[pick(2)];
            t.module = modules[pick(2)];
            t.date = DateOf(std::min(kDays - 1, (n - 1) * kDays / total));
            for (const std::string& item : items) {
                auto value = [&](int dont_know, int missing) {
                    return chance(missing) ? kNotAsked : chance(dont_know) ? kDontKnow : 1 + pick(5);
                };
                ItemAnswers a{item, value(6, 3), value(6, 5), chance(70) ? 1 + pick(5) : kNotAsked};
                if (a.retro != kNotAsked && !(a.pre > 0 && a.post > 0) && chance(50)) {
                    a.retro = kNotAsked;
                }
                t.items.push_back(a);
            }
            StudentSession s;
            s.kiosk = t.kiosk;
            s.module = t.module;
            s.date = t.date;
            s.items = t.items;
            std::vector<StudentSession> one = {s};
            sb::test::Arrive(store, one);
            t.session = one[0].session_id;
            arrived.push_back(t);
            if (n % 4 != 0 && n != total) {
                continue; // a snapshot every fourth student
            }
            const Model model(arrived, items);

            // Every report option: grouping x module x kiosk x period.
            std::vector<std::optional<std::string>> module_filters = {std::nullopt};
            for (const std::string& m : modules) {
                module_filters.push_back(m);
            }
            std::vector<std::pair<std::string, std::string>> periods = {{"", ""}};
            for (int a = 0; a < kDays; ++a) {
                periods.push_back({DateOf(a), ""});
                periods.push_back({"", DateOf(a)});
                periods.push_back({DateOf(a), DateOf(a)});
                if (a + 1 < kDays) {
                    periods.push_back({DateOf(a), DateOf(a + 1)});
                }
            }
            for (sb::ReportGrouping by :
                 {sb::ReportGrouping::None, sb::ReportGrouping::Kiosk, sb::ReportGrouping::Date}) {
                for (const auto& module : module_filters) {
                    for (const std::string& kiosk : {std::string(), kiosks[0], kiosks[1]}) {
                        for (const auto& [from, to] : periods) {
                            if (by != sb::ReportGrouping::None && !(from.empty() && to.empty()) &&
                                !kiosk.empty()) {
                                continue; // enough combinations; the rest are covered by the other loops
                            }
                            sb::ReportOptions options;
                            options.grouping = by;
                            options.filter = {"", module, kiosk, from, to};
                            const sb::ConfidenceReport report = sb::BuildReport({path}, options);
                            ++releases;
                            for (const sb::ItemReport& item : report.items) {
                                std::vector<std::pair<std::string, const sb::GroupFigures*>> rows = {
                                    {"", &item.total}};
                                for (const sb::GroupFigures& g : item.groups) {
                                    rows.push_back({g.key, &g});
                                }
                                for (const auto& [key, g] : rows) {
                                    // The model's sets for this row; the released figures must be exactly
                                    // theirs.
                                    std::vector<int> p, th, dk, un;
                                    Cell expect;
                                    for (std::size_t b = 0; b < model.blocks.size(); ++b) {
                                        const Model::Block& blk = model.blocks[b];
                                        if (model.block_item[b] != item.item_id ||
                                            blk.module != item.module_id ||
                                            (!kiosk.empty() && blk.kiosk != kiosk) ||
                                            (!from.empty() && blk.sealed < from) ||
                                            (!to.empty() && blk.sealed > to) ||
                                            (!key.empty() &&
                                             key != (by == sb::ReportGrouping::Kiosk ? blk.kiosk
                                                                                     : blk.sealed))) {
                                            continue;
                                        }
                                        if (blk.released_pairs) {
                                            p.insert(p.end(), blk.pairs.begin(), blk.pairs.end());
                                            for (int s : blk.pairs) {
                                                for (const ItemAnswers& a : arrived[s].items) {
                                                    if (a.item == item.item_id) {
                                                        expect.sum_before += a.pre;
                                                        expect.sum_after += a.post;
                                                    }
                                                }
                                            }
                                        }
                                        if (blk.released_then) {
                                            th.insert(th.end(), blk.then.begin(), blk.then.end());
                                        }
                                        if (blk.released_dk) {
                                            dk.insert(dk.end(), blk.dont_know.begin(), blk.dont_know.end());
                                        }
                                        if (blk.released_unpaired) {
                                            un.insert(un.end(), blk.unpaired.begin(), blk.unpaired.end());
                                        }
                                    }
                                    ASSERT_EQ(g->participants, static_cast<int>(p.size()))
                                        << item.item_id << " " << key;
                                    ASSERT_EQ(g->then_count, static_cast<int>(th.size()));
                                    ASSERT_EQ(g->dont_know_excluded, static_cast<int>(dk.size()));
                                    ASSERT_EQ(g->unpaired, static_cast<int>(un.size()));
                                    if (!p.empty()) {
                                        ASSERT_NEAR(g->mean_before * static_cast<double>(p.size()),
                                                    expect.sum_before, 1e-9);
                                        ASSERT_NEAR(g->mean_after * static_cast<double>(p.size()),
                                                    expect.sum_after, 1e-9);
                                    }
                                    pool.Add(item.module_id, item.item_id, p);
                                    pool.Add(item.module_id, item.item_id, th);
                                    pool.Add(item.module_id, item.item_id, dk);
                                    pool.Add(item.module_id, item.item_id, un);
                                }
                            }
                        }
                    }
                }
            }
            // Every screen period, on every day as "today".
            for (int day = 0; day < kDays + 7; ++day) {
                for (sb::ResultsPeriod period :
                     {sb::ResultsPeriod::Today, sb::ResultsPeriod::Week, sb::ResultsPeriod::All}) {
                    const sb::ScreenResults screen = sb::ResultsForScreen(path, period, DateOf(day));
                    ++releases;
                    for (const sb::ScreenItem& item : screen.items) {
                        ASSERT_GE(item.participants, k);
                        std::vector<int> p;
                        for (std::size_t b = 0; b < model.blocks.size(); ++b) {
                            const Model::Block& blk = model.blocks[b];
                            const std::string from = period == sb::ResultsPeriod::Today ? DateOf(day)
                                                     : period == sb::ResultsPeriod::Week
                                                         ? sb::AddDays(DateOf(day), -6)
                                                         : "";
                            if (model.block_item[b] == item.item_id && blk.module.empty() &&
                                blk.released_pairs && blk.sealed >= from) {
                                p.insert(p.end(), blk.pairs.begin(), blk.pairs.end());
                            }
                        }
                        ASSERT_EQ(item.participants, static_cast<int>(p.size()));
                        pool.Add("", item.item_id, p);
                    }
                }
            }
            // The safe export: per cohort and item at least 5 students, and a block never changes later.
            std::ostringstream csv;
            sb::ExportCsv({path}, {}, csv);
            ++releases;
            std::map<std::string, std::set<std::string>> participants;
            std::map<std::string, std::string> rows;
            std::istringstream lines(csv.str());
            std::string line;
            std::getline(lines, line);
            while (std::getline(lines, line)) {
                std::vector<std::string> f;
                std::stringstream ss(line);
                std::string x;
                while (std::getline(ss, x, ',')) {
                    f.push_back(x);
                }
                const std::string block = f[0] + "/" + f[5];
                participants[block].insert(f[6]);
                rows[block] += line + "\n";
            }
            for (auto& [block, text] : rows) {
                ASSERT_GE(static_cast<int>(participants[block].size()), k) << block;
                std::vector<std::string> sorted;
                std::istringstream in(text);
                for (std::string l; std::getline(in, l);) {
                    sorted.push_back(l);
                }
                std::sort(sorted.begin(), sorted.end());
                std::string canonical;
                for (const std::string& l : sorted) {
                    canonical += l + "\n";
                }
                auto [it, fresh] = exported_blocks.try_emplace(block, canonical);
                ASSERT_EQ(it->second, canonical) << "an exported block changed as the log grew: " << block;
            }
        }
        // The invariant on everything released from this log, over all snapshots: any two sets of students
        // behind released figures about one statement differ by nobody or by at least five.
        for (const auto& [key, sets] : pool.sets) {
            for (const std::vector<int>& a : sets) {
                ASSERT_GE(static_cast<int>(a.size()), k);
                for (const std::vector<int>& b : sets) {
                    std::vector<int> only_a;
                    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only_a));
                    ++pairs_checked;
                    ASSERT_TRUE(only_a.empty() || static_cast<int>(only_a.size()) >= k)
                        << "seed " << seed << ", module '" << key.first << "', item " << key.second << ": "
                        << only_a.size() << " students set apart by two releases";
                }
            }
        }
    }
    RecordProperty("releases", releases);
    RecordProperty("set_pairs", pairs_checked);
    EXPECT_GT(releases, 1000);
    EXPECT_GT(pairs_checked, 100);
}

} // namespace
