// The join QR code: libqrencode's matrix, written as a PNG with stb_image_write, decodes back to the join
// address with zbarimg (zbar-tools). Skipped when zbarimg is missing.
#include "room/qr.h"
#include "room/assets.h"
#include "room/server.h"

#include <gtest/gtest.h>
#include <stb/stb_image_write.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace {

using namespace sb;

std::string Decode(const std::string& png) {
    std::string out;
    FILE* pipe = popen(("zbarimg -q --raw '" + png + "' 2>/dev/null").c_str(), "r");
    if (!pipe) return out;
    char buf[512];
    while (size_t n = fread(buf, 1, sizeof buf, pipe))
        out.append(buf, n);
    pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

TEST(RoomQr, EncodesTheJoinAddressSoAPhoneReadsItBack) {
    if (std::system("command -v zbarimg >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "zbarimg (zbar-tools) is missing";
    for (const std::string url : {JoinUrl("192.168.1.20", 8080, "K7QP"), JoinUrl("10.0.0.5", 80, "XY3W"),
                                  JoinUrl("172.16.254.201", 54321, "ACDE")}) {
        const QrMatrix qr = EncodeQr(url);
        ASSERT_FALSE(qr.Empty()) << url;
        EXPECT_LE(qr.size, 33) << "a short address stays a small code, big modules on the screen";
        EXPECT_EQ(qr.modules.size(), static_cast<size_t>(qr.size * qr.size));
        int width = 0;
        const std::vector<uint8_t> pixels = QrPixels(qr, 8, width);
        EXPECT_EQ(width, (qr.size + 2 * kQrQuietZone) * 8);
        const std::string png =
            (std::filesystem::temp_directory_path() / ("room-qr-" + std::to_string(qr.size) + ".png"))
                .string();
        ASSERT_TRUE(stbi_write_png(png.c_str(), width, width, 1, pixels.data(), width));
        EXPECT_EQ(Decode(png), url);
        std::filesystem::remove(png);
    }
}

TEST(RoomQr, FinderPatternsAreWhereAReaderLooks) {
    const QrMatrix qr = EncodeQr("http://192.168.1.20:8080/?r=K7QP");
    ASSERT_FALSE(qr.Empty());
    // The three 7x7 finder patterns: dark ring, light ring, dark 3x3 centre.
    for (auto [ox, oy] : {std::pair{0, 0}, std::pair{qr.size - 7, 0}, std::pair{0, qr.size - 7}}) {
        EXPECT_TRUE(qr.Dark(ox, oy));
        EXPECT_TRUE(qr.Dark(ox + 6, oy + 6));
        EXPECT_FALSE(qr.Dark(ox + 1, oy + 1));
        EXPECT_TRUE(qr.Dark(ox + 3, oy + 3));
    }
    EXPECT_TRUE(EncodeQr(std::string(8000, 'x')).Empty()) << "too long for any QR version";
}

TEST(RoomAssets, FindsThePageInTheSourceTreeAndHonoursTheOverride) {
    const std::string found = FindPhoneAssets("");
    EXPECT_TRUE(std::filesystem::exists(found + "/index.html")) << found;
    // An override that holds no page is an error, never a fallback to another page.
    std::vector<std::string> tried;
    EXPECT_EQ(FindPhoneAssets("/nonexistent-stageboost", &tried), "");
    ASSERT_FALSE(tried.empty());
    EXPECT_EQ(tried.front(), "/nonexistent-stageboost");
    // The override may be the assets folder or the phone folder itself.
    EXPECT_EQ(FindPhoneAssets(STAGEBOOST_SOURCE_DIR "/assets"), found);
    EXPECT_EQ(FindPhoneAssets(STAGEBOOST_SOURCE_DIR "/assets/phone"), found);
    setenv(kAssetsEnv, "/nonexistent-env", 1);
    tried.clear();
    FindPhoneAssets("", &tried);
    EXPECT_EQ(tried.front(), "/nonexistent-env");
    unsetenv(kAssetsEnv);
    const auto candidates = AssetCandidates("");
    EXPECT_NE(std::find(candidates.begin(), candidates.end(), "/usr/share/stageboost/assets"),
              candidates.end());
}

} // namespace
