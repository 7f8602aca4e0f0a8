// The loader's small helpers: type names in messages, "did you mean", the id and name rules.
#include "pack/loader_internal.h"

namespace sb::loader_detail {

const char* JsonTypeName(const json& v, bool nl) {
    switch (v.type()) {
    case json::value_t::null:
        return nl ? "leeg (null)" : "empty (null)";
    case json::value_t::object:
        return nl ? "een object { }" : "an object { }";
    case json::value_t::array:
        return nl ? "een lijst [ ]" : "a list [ ]";
    case json::value_t::string:
        return nl ? "een tekst" : "a string";
    case json::value_t::boolean:
        return nl ? "waar/onwaar" : "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return nl ? "een geheel getal" : "a whole number";
    case json::value_t::number_float:
        return nl ? "een getal" : "a number";
    default:
        return "?";
    }
}

size_t EditDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string Closest(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_d = 3; // suggest only close matches
    for (const auto& c : candidates) {
        const size_t d = EditDistance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

// By hand: std::regex recurses per character, and a 50,000-character name overflowed the stack.
bool IsVariableName(const std::string& s, int format) {
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (format < 2) {
        auto alpha = [&](char c) { return lower(c) || (c >= 'A' && c <= 'Z') || c == '_'; };
        return !s.empty() && alpha(s[0]) &&
               std::all_of(s.begin(), s.end(), [&](char c) { return alpha(c) || digit(c); });
    }
    return !s.empty() && s.size() <= 64 && lower(s[0]) &&
           std::all_of(s.begin(), s.end(), [&](char c) { return lower(c) || digit(c) || c == '_'; });
}

bool IsId(const std::string& s) {
    auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    return !s.empty() && s.size() <= 64 && ok_first(s[0]) &&
           std::all_of(s.begin(), s.end(), [&](char c) { return ok_first(c) || c == '_' || c == '-'; });
}

void AddMedia(LoadContext& ctx, const JsonSource& src, const std::string& ptr, const std::string& path) {
    if (!path.empty()) ctx.media.push_back({src.file, ptr, src.At(ptr), path});
}

std::string ShownPath(const std::string& dir, const std::string& rel) {
    if (dir.empty() || dir == ".") return rel;
    return (dir.back() == '/' ? dir : dir + "/") + rel;
}

} // namespace sb::loader_detail
