#pragma once
// The before/after confidence report, per statement (item) in one module: pairs, means, the mean paired
// change with a 95% confidence interval, the Wilcoxon signed-rank test, effect size r and the
// retrospective ("then") mean. Used by `stageboost-log report` and by the kiosk's results screen
// (confidence/results.h).
//
// Only what log/release.h releases goes in: whole sealed cohorts, and per cohort and item only the parts
// resting on at least k = 5 students. A row is a sum over such blocks, so no row is ever small and no
// difference of two reports (whatever their filters and whenever made) covers fewer than 5 students; no
// further suppression is needed. The log is read in one streaming pass: a row keeps sums and the counted
// differences the Wilcoxon test needs, not the answers.
//
// How answers become figures (also in MethodNote()):
// - A pair is one check's before (pre) and after (post) answer to an item (a corrected answer replaces the
//   earlier one in the log; see CheckValues in log/release.h for logs from before that rule).
//   "Don't know" answers are left out, so a check whose before or after is "don't know" has no pair.
// - A row is for one module (or the whole-session check): a student counts once per row.
// - The retrospective figures use the checks with a pair that also answered the looking-back question.

#include "confidence/stats.h"
#include "log/release.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

// What the rows under each item's total are.
enum class ReportGrouping {
    None,  // only the total
    Kiosk, // one row per kiosk label (of the cohort)
    Date,  // one row per date a cohort was sealed
};

std::string_view ReportGroupingName(ReportGrouping grouping); // "none", "kiosk", "date"
// Also accepts "module" (the old default) as "none": every item is already per module.
std::optional<ReportGrouping> ParseReportGrouping(std::string_view name);

struct ReportOptions {
    ReleaseFilter filter;
    ReportGrouping grouping = ReportGrouping::None;
};

struct GroupFigures {
    std::string key;      // kiosk label or date; "" for the total
    int cohorts = 0;      // sealed cohorts whose pairs are in this row
    int participants = 0; // checks with a pair: the n of every figure below
    // Counted only in cohorts where at least k checks said "don't know" (or had no pair): smaller numbers
    // would describe a small group, so they are not shown anywhere.
    int dont_know_excluded = 0;
    int unpaired = 0;
    double mean_before = 0.0;
    double mean_after = 0.0;
    double mean_change = 0.0;
    std::optional<MeanInterval> change; // after - before: mean, sd and 95% CI (needs 2 participants)
    WilcoxonResult wilcoxon;            // wilcoxon.effect_r = |Z| / sqrt(n used), Z without correction
    int then_count = 0;                 // participants whose looking-back answer is released
    std::optional<double> mean_then;
    std::optional<double> mean_after_minus_then; // change free of response shift
};

struct ItemReport {
    std::string pack_id;
    std::string module_id; // "" for the whole-session check
    std::string item_id;
    GroupFigures total;
    bool total_shown = true;          // false when there is exactly one group (it equals the total)
    std::vector<GroupFigures> groups; // sorted by key
};

struct ConfidenceReport {
    ReportOptions options;
    ScanSummary scan;              // files read, duplicates, cohorts released and waiting
    std::vector<ItemReport> items; // sorted by pack, module, item

    bool AllFilesRead() const { return scan.AllFilesRead(); }
};

// Reads the logs (read-only, streaming) and builds the report. Files that cannot be read are listed in
// scan.files with their status; the report covers the others.
ConfidenceReport BuildReport(const std::vector<std::string>& paths, const ReportOptions& options);

// How the figures are computed, for people reading the report (one paragraph per line).
std::string MethodNote(std::string_view language); // "en" or "nl"

// Renderings for `stageboost-log report --format text|csv|json`. Every figure with 10 significant digits.
std::string RenderReportText(const ConfidenceReport& report);
std::string RenderReportCsv(const ConfidenceReport& report);
std::string RenderReportJson(const ConfidenceReport& report);

// A figure with 10 significant digits (1e-9 relative precision or better), as every rendering writes it.
std::string FormatFigure(double value);

} // namespace sb
