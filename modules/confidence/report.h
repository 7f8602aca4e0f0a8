#pragma once
// The before/after confidence report, per item: pairs, means, the mean paired change with a 95%
// confidence interval, the Wilcoxon signed-rank test, effect size r and the retrospective ("then") mean,
// with small groups suppressed. Used by `stageboost-log report` and by the kiosk's results screen.
//
// How answers become figures (also in MethodNote()):
// - A pair is one session's before (pre) and after (post) answer to an item in one module (or in the
//   whole-session check, module ""). "Don't know" answers are left out, so a session whose before or after
//   is "don't know" has no pair for that item (counted in dont_know_excluded). A session with a before but
//   no after (or the other way round) is counted in unpaired.
// - Each participant (session) counts once per row: when a row spans several modules (the total, or a
//   kiosk or day), a session's before, after and then answers are averaged over its pairs in that row. A
//   session that answered the same phase twice in a module has those answers averaged too.
// - The retrospective mean uses the sessions with a pair that also answered the retrospective question.
// - Suppression: see log/suppression.h. Suppressed rows carry no figures (all zero / empty).

#include "confidence/stats.h"
#include "log/log_reader.h"
#include "log/suppression.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

// What the rows under each item's total are.
enum class ReportGrouping {
    None,   // only the total
    Module, // one row per module ("" = the whole-session check)
    Kiosk,  // one row per kiosk label (of the before answer)
    Date,   // one row per date (of the before answer)
};

std::string_view ReportGroupingName(ReportGrouping grouping); // "none", "module", "kiosk", "date"
std::optional<ReportGrouping> ParseReportGrouping(std::string_view name);

struct ReportOptions {
    AnswerFilter filter;
    ReportGrouping grouping = ReportGrouping::Module;
};

struct GroupFigures {
    std::string key; // module id, kiosk label or date; "" for the total and for the whole-session check
    Suppression suppression = Suppression::None;
    bool Suppressed() const { return suppression != Suppression::None; }

    // Everything below is left zero / empty when the row is suppressed.
    int participants = 0;       // sessions with a pair: the n of every figure below
    int dont_know_excluded = 0; // sessions left out because their before or after was "don't know"
    int unpaired = 0;           // sessions with only a before or only an after answer
    double mean_before = 0.0;
    double mean_after = 0.0;
    std::optional<MeanInterval> change;          // after - before: mean, sd and 95% CI (needs 2 participants)
    double mean_change = 0.0;                    // also set when there is only one participant
    WilcoxonResult wilcoxon;                     // wilcoxon.effect_r is r = Z / sqrt(n used)
    int then_count = 0;                          // participants who answered the retrospective question
    std::optional<double> mean_then;             // their mean "looking back" answer
    std::optional<double> mean_after_minus_then; // their mean after - then (change free of response shift)
};

struct ItemReport {
    std::string pack_id;
    std::string item_id;
    GroupFigures total;
    bool total_shown = true;          // false when there is exactly one group (it equals the total)
    std::vector<GroupFigures> groups; // sorted by key
};

struct ConfidenceReport {
    ReportOptions options;
    std::vector<LogFileInfo> files;
    std::size_t answers_read = 0; // after the filter and without duplicates
    std::size_t duplicates = 0;
    std::size_t conflicts = 0;
    std::vector<ItemReport> items; // sorted by pack id, then item id

    bool AllFilesRead() const;
};

// Builds the report from answers already read (the kiosk may pass what it has).
ConfidenceReport BuildReport(const std::vector<Answer>& answers, const ReportOptions& options);

// Reads the logs (read-only) and builds the report. Files that cannot be read are listed in `files` with
// their status; the report covers the others.
ConfidenceReport BuildReport(const std::vector<std::string>& paths, const ReportOptions& options);

// How the figures are computed, for people reading the report (one paragraph per line).
std::string MethodNote(std::string_view language); // "en" or "nl"

// Renderings for `stageboost-log report --format text|csv|json`.
std::string RenderReportText(const ConfidenceReport& report);
std::string RenderReportCsv(const ConfidenceReport& report);
std::string RenderReportJson(const ConfidenceReport& report);

} // namespace sb
