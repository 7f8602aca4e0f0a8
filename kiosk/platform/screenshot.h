#pragma once
#include <string>
#include <vector>

namespace sb {
// Reads the back buffer (call after rendering, before the swap) and writes a PNG. Returns false with a
// message.
bool SaveScreenshot(const std::string& path, int width, int height, std::string& error);
// Reads the back buffer as RGB rows, top-down (3 bytes per pixel).
std::vector<unsigned char> ReadBackBuffer(int width, int height);
} // namespace sb
