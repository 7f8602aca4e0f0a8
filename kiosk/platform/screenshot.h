#pragma once
#include <string>

namespace sb {
// Reads the back buffer (call after rendering, before the swap) and writes a PNG. Returns false with a
// message.
bool SaveScreenshot(const std::string& path, int width, int height, std::string& error);
} // namespace sb
