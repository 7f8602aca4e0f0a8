#pragma once
// What the kiosk's results screen may show, and nothing more: per statement of the whole-session check (or
// of one module), the before and after means of *sealed* cohorts only (log/release.h), so the screen never
// changes by one student: it changes when a cohort of at least 5 completes. Plus how many checks are still
// waiting for their cohort to complete, which the screen says instead of showing anything of them.
#include "confidence/report.h"

#include <string>
#include <string_view>
#include <vector>

namespace sb {

enum class ResultsPeriod { Today, Week, All }; // by the date a cohort was completed; Week = the last 7 days

std::optional<ResultsPeriod> ParseResultsPeriod(std::string_view name); // "today", "week", "all"

struct ScreenItem {
    std::string pack_id;
    std::string item_id;
    int participants = 0; // at least 5, always
    double mean_before = 0.0;
    double mean_after = 0.0;
};

struct ScreenResults {
    std::vector<ScreenItem> items;  // statements with released pairs, by pack and item
    std::size_t cohorts = 0;        // complete cohorts in the period
    std::size_t checks_waiting = 0; // checks whose cohort is not complete yet (any period)
    bool read = false;              // false when the log could not be read (then `problem` says why)
    std::string problem;
};

// `today` is the kiosk's local date "YYYY-MM-DD" (the engine reads no clock); `module_id` "" is the
// check around the whole session.
ScreenResults ResultsForScreen(const std::string& log_path, ResultsPeriod period, const std::string& today,
                               std::string_view module_id = "");

} // namespace sb
