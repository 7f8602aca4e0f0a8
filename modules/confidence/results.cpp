#include "confidence/results.h"

namespace sb {

std::optional<ResultsPeriod> ParseResultsPeriod(std::string_view name) {
    if (name == "today") {
        return ResultsPeriod::Today;
    }
    if (name == "week") {
        return ResultsPeriod::Week;
    }
    if (name == "all") {
        return ResultsPeriod::All;
    }
    return std::nullopt;
}

ScreenResults ResultsForScreen(const std::string& log_path, ResultsPeriod period, const std::string& today,
                               std::string_view module_id) {
    ReportOptions options;
    options.grouping = ReportGrouping::None;
    options.filter.module_id = std::string(module_id);
    if (period == ResultsPeriod::Today) {
        options.filter.from = today;
    } else if (period == ResultsPeriod::Week) {
        options.filter.from = AddDays(today, -6);
    }
    const ConfidenceReport report = BuildReport({log_path}, options);
    ScreenResults results;
    results.read = report.AllFilesRead();
    results.problem = report.scan.Problems();
    results.cohorts = report.scan.cohorts_sealed;
    results.checks_waiting = report.scan.checks_waiting;
    for (const ItemReport& item : report.items) {
        if (item.total.participants < kMinCohortSize) {
            continue; // only a don't-know count released: nothing to draw
        }
        results.items.push_back({item.pack_id, item.item_id, item.total.participants, item.total.mean_before,
                                 item.total.mean_after});
    }
    return results;
}

} // namespace sb
