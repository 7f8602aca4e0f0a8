#include "room/qr.h"

#include <qrencode.h>

namespace sb {

QrMatrix EncodeQr(const std::string& text) {
    QrMatrix out;
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) return out;
    out.size = code->width;
    out.modules.resize(static_cast<size_t>(code->width) * code->width);
    for (size_t i = 0; i < out.modules.size(); ++i)
        out.modules[i] = code->data[i] & 1; // bit 0 is the module's colour; the others are libqrencode's own
    QRcode_free(code);
    return out;
}

std::vector<uint8_t> QrPixels(const QrMatrix& qr, int scale, int& width) {
    width = (qr.size + 2 * kQrQuietZone) * scale;
    std::vector<uint8_t> pixels(static_cast<size_t>(width) * width, 255);
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.Dark(x, y)) continue;
            for (int dy = 0; dy < scale; ++dy)
                for (int dx = 0; dx < scale; ++dx)
                    pixels[static_cast<size_t>((y + kQrQuietZone) * scale + dy) * width +
                           (x + kQrQuietZone) * scale + dx] = 0;
        }
    return pixels;
}

} // namespace sb
