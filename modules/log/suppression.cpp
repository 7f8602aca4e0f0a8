#include "log/suppression.h"

namespace sb {

SuppressionResult Suppress(std::span<const int> group_sizes, int total_size, bool total_shown, int min_size) {
    SuppressionResult result;
    result.groups.assign(group_sizes.size(), Suppression::None);
    if (total_size < min_size) {
        result.total = Suppression::TooFew;
        result.groups.assign(group_sizes.size(), Suppression::TooFew);
        return result;
    }
    int suppressed_count = 0;
    long long suppressed_people = 0;
    for (std::size_t i = 0; i < group_sizes.size(); ++i) {
        if (group_sizes[i] < min_size) {
            result.groups[i] = Suppression::TooFew;
            ++suppressed_count;
            suppressed_people += group_sizes[i];
        }
    }
    if (!total_shown) {
        return result;
    }
    while (suppressed_count == 1 || (suppressed_count > 1 && suppressed_people < min_size)) {
        std::size_t smallest = group_sizes.size();
        for (std::size_t i = 0; i < group_sizes.size(); ++i) {
            if (result.groups[i] == Suppression::None &&
                (smallest == group_sizes.size() || group_sizes[i] < group_sizes[smallest])) {
                smallest = i;
            }
        }
        if (smallest == group_sizes.size()) {
            break; // every group is already hidden
        }
        result.groups[smallest] = Suppression::Complementary;
        ++suppressed_count;
        suppressed_people += group_sizes[smallest];
    }
    return result;
}

std::string_view SuppressionName(Suppression suppression) {
    switch (suppression) {
    case Suppression::None:
        return "none";
    case Suppression::TooFew:
        return "too-few";
    case Suppression::Complementary:
        return "complementary";
    }
    return "none";
}

std::string_view SuppressionReasonEn(Suppression suppression) {
    switch (suppression) {
    case Suppression::None:
        return "";
    case Suppression::TooFew:
        return "fewer than 5 participants";
    case Suppression::Complementary:
        return "hidden so a small group cannot be worked out from the total";
    }
    return "";
}

std::string_view SuppressionReasonNl(Suppression suppression) {
    switch (suppression) {
    case Suppression::None:
        return "";
    case Suppression::TooFew:
        return "minder dan 5 deelnemers";
    case Suppression::Complementary:
        return "verborgen zodat een kleine groep niet uit het totaal te herleiden is";
    }
    return "";
}

} // namespace sb
