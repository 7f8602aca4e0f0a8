#include "core/marks.h"

namespace sb {

std::vector<Mark> FindMarks(const std::string& text) {
    std::vector<Mark> out;
    size_t at = 0;
    while ((at = text.find("[[", at)) != std::string::npos) {
        const size_t close = text.find("]]", at + 2);
        if (close == std::string::npos) break;
        // A nested "[[" starts the mark again: "[[a [[b]]" marks only b.
        const size_t nested = text.find("[[", at + 2);
        if (nested != std::string::npos && nested < close) {
            at = nested;
            continue;
        }
        Mark m;
        m.begin = at;
        m.end = close + 2;
        const std::string inner = text.substr(at + 2, close - at - 2);
        const size_t bar = inner.find('|');
        m.id = inner.substr(0, bar);
        if (bar != std::string::npos) m.shown = inner.substr(bar + 1);
        out.push_back(std::move(m));
        at = close + 2;
    }
    return out;
}

std::vector<MarkedSpan> SplitMarks(const std::string& text) {
    std::vector<MarkedSpan> out;
    size_t at = 0;
    for (const Mark& m : FindMarks(text)) {
        if (m.begin > at) out.push_back({text.substr(at, m.begin - at), ""});
        out.push_back({m.shown.empty() ? m.id : m.shown, m.id});
        at = m.end;
    }
    if (at < text.size() || out.empty()) out.push_back({text.substr(at), ""});
    return out;
}

std::string StripMarks(const std::string& text) {
    if (text.find("[[") == std::string::npos) return text;
    std::string out;
    for (const MarkedSpan& s : SplitMarks(text))
        out += s.text;
    return out;
}

} // namespace sb
