// Kiosk config: defaults, every setting read, clear errors with positions; the trainer PIN and its lockout.
#include "config/config.h"
#include "config/pin.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {
std::string Write(const std::string& name, const std::string& text) {
    const fs::path p = fs::path(testing::TempDir()) / name;
    std::ofstream(p) << text;
    return p.string();
}
} // namespace

TEST(Config, MissingFileMeansDefaults) {
    sb::KioskConfig c;
    sb::Diagnostics d;
    EXPECT_TRUE(sb::LoadConfig("/no/such/stageboost.json", c, d));
    EXPECT_TRUE(d.List().empty());
    EXPECT_EQ(c.idle_seconds, 90);
    EXPECT_EQ(c.countdown_seconds, 15);
    EXPECT_EQ(c.mode, "walk-up");
}

TEST(Config, ReadsEverySettingAndRoundTrips) {
    sb::KioskConfig c;
    c.kiosk_label = "studiecentrum-zuid";
    c.idle_seconds = 120;
    c.countdown_seconds = 20;
    c.mode = "workshop";
    c.pack_dirs = {"/media/usb/pack"};
    c.theme = "high-contrast";
    c.text_size = "larger";
    c.dyslexia_font = true;
    c.language = "en";
    c.hidden_modules = {"stageboost/quiz"};
    c.pin_hash = sb::HashPin("2468");
    const std::string path = (fs::path(testing::TempDir()) / "round.json").string();
    std::string error;
    ASSERT_TRUE(sb::SaveConfig(path, c, error)) << error;
    sb::KioskConfig back;
    sb::Diagnostics d;
    ASSERT_TRUE(sb::LoadConfig(path, back, d));
    EXPECT_EQ(back.kiosk_label, "studiecentrum-zuid");
    EXPECT_EQ(back.idle_seconds, 120);
    EXPECT_EQ(back.mode, "workshop");
    EXPECT_EQ(back.pack_dirs, c.pack_dirs);
    EXPECT_TRUE(back.dyslexia_font);
    EXPECT_EQ(back.hidden_modules, c.hidden_modules);
    EXPECT_TRUE(sb::VerifyPin(back.pin_hash, "2468"));
    EXPECT_FLOAT_EQ(sb::TextScale(back.text_size), 1.4f);
}

TEST(Config, ErrorsNameFileLineAndWhatToDo) {
    const std::string path =
        Write("bad.json", "{\n  \"idleSeconds\": 2,\n  \"mode\": \"party\",\n  \"theme\": 3,\n  "
                          "\"idleSecs\": 90,\n  \"pinHash\": \"1234\"\n}\n");
    sb::KioskConfig c;
    sb::Diagnostics d;
    EXPECT_FALSE(sb::LoadConfig(path, c, d));
    std::map<std::string, int> line_of;
    for (const auto& x : d.List())
        line_of[x.code + x.pointer] = x.line;
    EXPECT_EQ(line_of["bad-value/idleSeconds"], 2);
    EXPECT_EQ(line_of["bad-value/mode"], 3);
    EXPECT_EQ(line_of["wrong-type/theme"], 4);
    EXPECT_EQ(line_of["unknown-field/idleSecs"], 5);
    EXPECT_EQ(line_of["bad-value/pinHash"], 6);
    EXPECT_EQ(c.idle_seconds, 90) << "a bad value keeps the default";
    EXPECT_EQ(c.mode, "walk-up");
}

TEST(Config, BrokenJsonIsAnErrorNotACrash) {
    const std::string path = Write("broken.json", "{ \"mode\": ");
    sb::KioskConfig c;
    sb::Diagnostics d;
    EXPECT_FALSE(sb::LoadConfig(path, c, d));
    ASSERT_FALSE(d.List().empty());
    EXPECT_EQ(d.List()[0].code, "json-syntax");
}

TEST(Pin, HashIsSaltedAndSlowAndVerifies) {
    const std::string a = sb::HashPin("1234"), b = sb::HashPin("1234");
    ASSERT_FALSE(a.empty());
    EXPECT_NE(a, b) << "salted: the same PIN hashes differently";
    EXPECT_EQ(a.find("1234"), std::string::npos);
    EXPECT_EQ(a.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(sb::VerifyPin(a, "1234"));
    EXPECT_FALSE(sb::VerifyPin(a, "1235"));
    EXPECT_FALSE(sb::VerifyPin("", "1234"));
    EXPECT_FALSE(sb::VerifyPin(a, "12a4"));
    EXPECT_TRUE(sb::HashPin("12").empty()) << "too short";
    EXPECT_TRUE(sb::HashPin("123456789").empty()) << "too long";
}

TEST(Pin, LockoutGrowsAfterFiveWrongTries) {
    sb::PinGuard g;
    int64_t now = 1'000'000;
    for (int i = 0; i < 4; ++i) {
        g.Wrong(now);
        EXPECT_FALSE(g.Locked(now)) << "try " << i + 1 << " is free";
    }
    g.Wrong(now); // 5th
    int left = 0;
    EXPECT_TRUE(g.Locked(now, &left));
    EXPECT_EQ(left, 30);
    EXPECT_TRUE(g.Locked(now + 29'000));
    EXPECT_FALSE(g.Locked(now + 30'000));
    now += 30'000;
    g.Wrong(now); // 6th: longer
    EXPECT_TRUE(g.Locked(now + 59'000));
    EXPECT_FALSE(g.Locked(now + 60'000));
    for (int i = 0; i < 20; ++i)
        g.Wrong(now);
    g.Locked(now, &left);
    EXPECT_LE(left, 15 * 60) << "capped";
    g.Right();
    EXPECT_FALSE(g.Locked(now));
    EXPECT_EQ(g.WrongCount(), 0);
}
