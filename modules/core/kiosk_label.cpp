#include "core/kiosk_label.h"

namespace sb {

namespace {

bool LabelChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

} // namespace

bool IsValidKioskLabel(std::string_view label) {
    if (label.size() < kKioskLabelMin || label.size() > kKioskLabelMax) return false;
    for (char c : label)
        if (!LabelChar(c)) return false;
    return true;
}

std::string KioskLabelProblem(std::string_view label, const std::string& lang) {
    if (IsValidKioskLabel(label)) return {};
    const bool nl = lang == "nl";
    std::string why;
    if (label.size() < kKioskLabelMin || label.size() > kKioskLabelMax)
        why = nl ? "Het kiosklabel heeft " + std::to_string(label.size()) +
                       " tekens; het moet er 2 tot 32 hebben."
                 : "The kiosk label has " + std::to_string(label.size()) + " characters; it needs 2 to 32.";
    else
        why = nl ? "Het kiosklabel mag alleen letters, cijfers en '-' bevatten (geen spatie, tab, @ of punt)."
                 : "The kiosk label may hold only letters, digits and '-' (no space, tab, @ or dot).";
    why += nl ? " Het noemt een plaats, nooit een persoon, bijvoorbeeld \"studiecentrum-zuid\"."
              : " It names a place, never a person, e.g. \"studiecentrum-zuid\".";
    return why;
}

} // namespace sb
