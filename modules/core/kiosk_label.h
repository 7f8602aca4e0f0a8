#pragma once
// The kiosk label names a place (a study centre, a room), never a person: letters, digits and '-',
// 2 to 32 characters, e.g. "studiecentrum-zuid". One rule for the config loader, the trainer screen and
// the log, so a label the config accepts is never refused when an answer is written.
#include <string>
#include <string_view>

namespace sb {

constexpr size_t kKioskLabelMin = 2;
constexpr size_t kKioskLabelMax = 32;

bool IsValidKioskLabel(std::string_view label);

// Why `label` is refused and what to write instead, for people; empty when it is valid.
std::string KioskLabelProblem(std::string_view label, const std::string& lang);

} // namespace sb
