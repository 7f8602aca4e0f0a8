#pragma once
// Web addresses inside a text ("Kijk op www.discriminatie.nl."), so the kiosk can show a QR code for each:
// a student scans it instead of copying the address from a public screen.
#include <string>
#include <vector>

namespace sb {

// The addresses in `text`, in order, each once: "www.x.nl", "x.nl/pad" or "https://x.nl/...", without the
// sentence's closing punctuation. A name with a dot but no known top-level domain (e.g. "v1.2") is not one.
std::vector<std::string> FindWebAddresses(const std::string& text);

// The address as a browser opens it: "https://" added when it has no scheme.
std::string WebAddressUrl(const std::string& address);

} // namespace sb
