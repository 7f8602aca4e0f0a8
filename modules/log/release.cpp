#include "log/release.h"

#include "core/kiosk_label.h"
#include "log/ids.h"

#include <cstdio>

namespace sb {

std::string_view CohortStateName(CohortState state) {
    switch (state) {
    case CohortState::Open:
        return "open";
    case CohortState::Full:
        return "full";
    case CohortState::Sealed:
        return "sealed";
    }
    return "open";
}

std::optional<CohortState> ParseCohortState(std::string_view name) {
    for (CohortState state : {CohortState::Open, CohortState::Full, CohortState::Sealed}) {
        if (name == CohortStateName(state)) {
            return state;
        }
    }
    return std::nullopt;
}

std::string CohortIdText(std::int64_t id) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(id));
    return buffer;
}

ReleasedParts ReleaseRule(const BlockCounts& counts, int k) {
    ReleasedParts parts;
    parts.pairs = counts.pairs >= k;
    const int without_then = counts.pairs - counts.with_then;
    // The looking-back figures rest on a subset of the pairs: that subset and what it leaves out must both
    // be empty or hold k, or "pairs minus looking back" would describe a small group.
    parts.then = parts.pairs && counts.with_then >= k && (without_then == 0 || without_then >= k);
    parts.dont_know = counts.dont_know >= k;
    parts.unpaired = counts.unpaired >= k;
    return parts;
}

ReleasedBlock MakeReleasedBlock(const CohortInfo& cohort, std::string_view pack_id,
                                std::string_view module_id, std::string_view item_id,
                                std::span<const BlockRow> rows, int k) {
    ReleasedBlock block;
    MakeReleasedBlock(cohort, pack_id, module_id, item_id, rows, block, k);
    return block;
}

void MakeReleasedBlock(const CohortInfo& cohort, std::string_view pack_id, std::string_view module_id,
                       std::string_view item_id, std::span<const BlockRow> rows, ReleasedBlock& block,
                       int k) {
    block.cohort = &cohort;
    block.pack_id = pack_id;
    block.module_id = module_id;
    block.item_id = item_id;
    block.counts = BlockCounts{};
    block.released = ReleasedParts{};
    block.pairs.clear();
    block.pair_rows.clear();
    block.dont_know_rows.clear();
    block.dont_know_checks.clear();

    enum class Kind { Pair, DontKnow, Unpaired };
    struct Check {
        std::size_t first = 0;
        std::size_t end = 0;
        Kind kind = Kind::Unpaired;
        CheckValues values;
        bool has_then = false;
    };
    thread_local std::vector<Check> checks; // kept between blocks: no allocation per block
    checks.clear();
    std::size_t i = 0;
    while (i < rows.size()) {
        std::size_t j = i;
        double pre_sum = 0.0, post_sum = 0.0, retro_sum = 0.0;
        int pre_n = 0, post_n = 0, retro_n = 0;
        bool dont_know = false;
        while (j < rows.size() && rows[j].session_id == rows[i].session_id) {
            const BlockRow& row = rows[j];
            if (row.value) {
                (row.phase == Phase::Pre    ? pre_sum
                 : row.phase == Phase::Post ? post_sum
                                            : retro_sum) += *row.value;
                ++(row.phase == Phase::Pre ? pre_n : row.phase == Phase::Post ? post_n : retro_n);
            } else if (row.phase != Phase::Retro) {
                dont_know = true;
            }
            ++j;
        }
        Check check;
        check.first = i;
        check.end = j;
        check.values.session_id = rows[i].session_id;
        if (pre_n > 0 && post_n > 0) {
            check.kind = Kind::Pair;
            check.values.before = pre_sum / pre_n;
            check.values.after = post_sum / post_n;
            ++block.counts.pairs;
            if (retro_n > 0) {
                check.has_then = true;
                check.values.then = retro_sum / retro_n;
                ++block.counts.with_then;
            }
        } else if (dont_know) {
            check.kind = Kind::DontKnow;
            ++block.counts.dont_know;
        } else {
            ++block.counts.unpaired;
        }
        checks.push_back(check);
        i = j;
    }

    block.released = ReleaseRule(block.counts, k);
    for (Check& check : checks) {
        if (check.kind == Kind::Pair && block.released.pairs) {
            if (!block.released.then) {
                check.values.then.reset();
            }
            block.pairs.push_back(check.values);
            for (std::size_t r = check.first; r < check.end; ++r) {
                const BlockRow& row = rows[r];
                if (row.value && (row.phase != Phase::Retro || block.released.then)) {
                    block.pair_rows.push_back(&row);
                }
            }
        } else if (check.kind == Kind::DontKnow && block.released.dont_know) {
            block.dont_know_checks.push_back(check.values.session_id);
            for (std::size_t r = check.first; r < check.end; ++r) {
                if (rows[r].phase != Phase::Retro) {
                    block.dont_know_rows.push_back(&rows[r]);
                }
            }
        }
    }
}

std::string ValidateReleaseFilter(const ReleaseFilter& filter) {
    if (!filter.pack_id.empty() && !IsLogId(filter.pack_id)) {
        return "the pack id '" + filter.pack_id + "' is not an id (lowercase letters, digits, '_' and '-')";
    }
    if (filter.module_id && !filter.module_id->empty() && !IsLogId(*filter.module_id)) {
        return "the module id '" + *filter.module_id +
               "' is not an id (lowercase letters, digits, '_' and '-')";
    }
    if (!filter.kiosk.empty() && !IsValidKioskLabel(filter.kiosk)) {
        return "the kiosk label '" + filter.kiosk +
               "' is not a place code: " + KioskLabelProblem(filter.kiosk, "en");
    }
    if (!filter.from.empty() && !IsValidDate(filter.from)) {
        return "the start date '" + filter.from + "' is not a date written YYYY-MM-DD";
    }
    if (!filter.to.empty() && !IsValidDate(filter.to)) {
        return "the end date '" + filter.to + "' is not a date written YYYY-MM-DD";
    }
    if (!filter.from.empty() && !filter.to.empty() && filter.to < filter.from) {
        return "the end date " + filter.to + " is before the start date " + filter.from;
    }
    return "";
}

std::string CheckPseudonym(std::string_view session_id, std::string_view pack_id, std::string_view module_id,
                           std::string_view item_id) {
    return HashHex({session_id, "stageboost-check", pack_id, module_id, item_id});
}

} // namespace sb
