#pragma once
// Small-group suppression, shared by the report tool and the kiosk's results screen so both apply the
// same rule.
//
// Rule:
// 1. A group with fewer than `min_size` (5) participants is suppressed (TooFew).
// 2. If the total has fewer than `min_size` participants, the total and every group are suppressed.
// 3. Complementary suppression: when a total is shown next to its groups, a suppressed group could be
//    worked out by subtracting the shown groups from the total. So while exactly one group is suppressed,
//    or the suppressed groups together have fewer than `min_size` participants, the smallest group still
//    shown is suppressed too (Complementary; on equal sizes the first one).
// A suppressed row shows no figures at all, not even its participant count.

#include <span>
#include <string_view>
#include <vector>

namespace sb {

inline constexpr int kMinGroupSize = 5;

enum class Suppression {
    None,          // shown
    TooFew,        // fewer than the minimum number of participants
    Complementary, // large enough, but hidden so that a small group cannot be worked out from the total
};

struct SuppressionResult {
    Suppression total = Suppression::None;
    std::vector<Suppression> groups; // same order as the sizes given
};

// `group_sizes`: participants per group; `total_size`: participants in the total (each counted once);
// `total_shown`: whether the total is shown next to the groups.
SuppressionResult Suppress(std::span<const int> group_sizes, int total_size, bool total_shown,
                           int min_size = kMinGroupSize);

std::string_view SuppressionName(Suppression suppression); // "none", "too-few", "complementary"

// Plain explanations for a suppressed row ("fewer than 5 participants"); "" for None.
std::string_view SuppressionReasonEn(Suppression suppression);
std::string_view SuppressionReasonNl(Suppression suppression);

} // namespace sb
