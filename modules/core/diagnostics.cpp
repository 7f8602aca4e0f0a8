#include "core/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace sb {

size_t Diagnostics::ErrorCount() const {
    return std::count_if(m_list.begin(), m_list.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t Diagnostics::WarningCount() const {
    return m_list.size() - ErrorCount();
}

void Diagnostics::Append(const Diagnostics& other) {
    m_list.insert(m_list.end(), other.m_list.begin(), other.m_list.end());
}

void Diagnostics::Sort() {
    std::stable_sort(m_list.begin(), m_list.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
}

std::string FormatDiagnostic(const Diagnostic& d, const std::string& lang) {
    std::string out = d.file;
    if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    const bool nl = lang == "nl";
    if (d.severity == Severity::Error)
        out += nl ? ": fout: " : ": error: ";
    else
        out += nl ? ": waarschuwing: " : ": warning: ";
    out += d.Message(lang);
    out += " [" + d.code + "]";
    if (!d.pointer.empty()) out += (nl ? " (bij " : " (at ") + d.pointer + ")";
    return out;
}

} // namespace sb
