#pragma once
// A QR code as a module matrix (libqrencode from Debian), for the kiosk to draw as rectangles or a texture.
#include <cstdint>
#include <string>
#include <vector>

namespace sb {

struct QrMatrix {
    int size = 0;                 // modules per side, without the quiet zone
    std::vector<uint8_t> modules; // size * size, row by row: 1 dark, 0 light
    bool Dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x] != 0; }
    bool Empty() const { return size == 0; }
};

// The light border a reader needs around the code, in modules.
inline constexpr int kQrQuietZone = 4;

// Encodes `text` (8-bit mode, error correction M, the smallest version that fits). Empty on failure.
QrMatrix EncodeQr(const std::string& text);

// An 8-bit grey image of the code with the quiet zone, `scale` pixels per module (0 dark, 255 light).
std::vector<uint8_t> QrPixels(const QrMatrix& qr, int scale, int& width);

} // namespace sb
