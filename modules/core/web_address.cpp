#include "core/web_address.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace sb {

namespace {

// The top-level domains a Dutch help card names; enough to tell an address from "bijv." or "v1.2".
constexpr std::array<std::string_view, 10> kDomains{"nl",   "com", "org", "net", "eu",
                                                    "info", "be",  "nu",  "io",  "gov"};

bool AddressChar(char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '.' || c == '-' || c == '/' || c == ':' || c == '_' || c == '%' ||
           c == '?' || c == '=' || c == '&' || c == '#' || c == '~' || c == '+';
}

// "www.x.nl" or "x.nl/..." (the host part before any '/'): its last label is a known domain.
bool LooksLikeAddress(std::string_view s) {
    if (s.rfind("https://", 0) == 0)
        s.remove_prefix(8);
    else if (s.rfind("http://", 0) == 0)
        s.remove_prefix(7);
    const std::string_view host = s.substr(0, s.find('/'));
    const size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    std::string tld(host.substr(dot + 1));
    std::transform(tld.begin(), tld.end(), tld.begin(), [](unsigned char c) { return std::tolower(c); });
    if (std::find(kDomains.begin(), kDomains.end(), tld) == kDomains.end()) return false;
    // Every label has a letter or digit; none is empty ("a..nl").
    return host.find("..") == std::string_view::npos && host.front() != '-';
}

} // namespace

std::vector<std::string> FindWebAddresses(const std::string& text) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        if (!AddressChar(text[i]) || (i > 0 && AddressChar(text[i - 1]))) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < text.size() && AddressChar(text[end]))
            ++end;
        std::string word = text.substr(i, end - i);
        // A sentence's full stop, a colon or a closing bracket is not part of the address.
        while (!word.empty() && std::string_view(".:,;?!)/").find(word.back()) != std::string_view::npos)
            word.pop_back();
        if (LooksLikeAddress(word) && std::find(out.begin(), out.end(), word) == out.end())
            out.push_back(word);
        i = end;
    }
    return out;
}

std::string WebAddressUrl(const std::string& address) {
    if (address.rfind("http://", 0) == 0 || address.rfind("https://", 0) == 0) return address;
    return "https://" + address;
}

} // namespace sb
