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
    EXPECT_EQ(c.mode, sb::KioskMode::WalkUp);
}

TEST(Config, ReadsEverySettingAndRoundTrips) {
    sb::KioskConfig c;
    c.kiosk_label = "studiecentrum-zuid";
    c.idle_seconds = 120;
    c.countdown_seconds = 20;
    c.mode = sb::KioskMode::Workshop;
    c.audience = sb::WorkshopAudience::Supervisor;
    c.pack_dirs = {"/media/usb/pack"};
    c.theme = sb::Theme::HighContrast;
    c.text_size = sb::TextSize::Larger;
    c.dyslexia_font = true;
    c.language = sb::Language::En;
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
    EXPECT_EQ(back.mode, sb::KioskMode::Workshop);
    EXPECT_EQ(back.audience, sb::WorkshopAudience::Supervisor);
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
    EXPECT_EQ(c.mode, sb::KioskMode::WalkUp);
}

// Issue 12: a label with a tab loaded silently, and then the log refused every answer. One rule
// (core/kiosk_label) now refuses it here, where it is written, with what to do; the default label stays.
TEST(Config, KioskLabelTheLogWouldRefuseIsRefusedWithWhatToDo) {
    const std::string path =
        Write("tab.json", "{\n  \"mode\": \"workshop\",\n  \"kioskLabel\": \"Zuid\\tA\"\n}\n");
    sb::KioskConfig c;
    sb::Diagnostics d;
    EXPECT_FALSE(sb::LoadConfig(path, c, d));
    ASSERT_EQ(d.List().size(), 1u);
    const sb::Diagnostic& x = d.List()[0];
    EXPECT_EQ(x.severity, sb::Severity::Error);
    EXPECT_EQ(x.code, "bad-value");
    EXPECT_EQ(x.pointer, "/kioskLabel");
    EXPECT_EQ(x.line, 3);
    EXPECT_EQ(x.column, 17);
    const std::string shown = sb::FormatDiagnostic(x, "en");
    EXPECT_EQ(shown.rfind(path + ":3:17: error: ", 0), 0u) << shown;
    EXPECT_NE(x.message_en.find("only letters, digits and '-'"), std::string::npos) << x.message_en;
    EXPECT_NE(x.message_en.find("e.g. \"studiecentrum-zuid\""), std::string::npos) << x.message_en;
    EXPECT_NE(x.message_nl.find("alleen letters, cijfers en '-'"), std::string::npos) << x.message_nl;
    EXPECT_EQ(c.kiosk_label, "kiosk") << "the default label stays, so answers are still logged";
    EXPECT_EQ(c.mode, sb::KioskMode::Workshop) << "the other settings are read";

    for (const char* bad : {"Zuid A", "a", "naam@school.nl", "lokaal.3"}) {
        const std::string p2 = Write("bad-label.json", std::string("{\"kioskLabel\": \"") + bad + "\"}");
        sb::Diagnostics d2;
        sb::KioskConfig c2;
        EXPECT_FALSE(sb::LoadConfig(p2, c2, d2)) << bad;
    }
    const std::string good = Write("good-label.json", "{\"kioskLabel\": \"studiecentrum-zuid\"}");
    sb::Diagnostics d3;
    EXPECT_TRUE(sb::LoadConfig(good, c, d3));
    EXPECT_EQ(c.kiosk_label, "studiecentrum-zuid");
}

// One table of limits: the loader takes exactly its range, and the defaults lie inside it.
TEST(Config, IdleLimitsComeFromTheOneTable) {
    for (const sb::IntLimits* l : {&sb::kIdleSeconds, &sb::kCountdownSeconds}) {
        EXPECT_GE(l->fallback, l->min);
        EXPECT_LE(l->fallback, l->max);
        EXPECT_EQ((l->fallback - l->min) % l->step, 0) << "the trainer's steps reach the default";
        for (const int v : {l->min - 1, l->min, l->max, l->max + 1}) {
            const std::string path =
                Write("limits.json", std::string("{\"") + l->key + "\": " + std::to_string(v) + "}");
            sb::KioskConfig c;
            sb::Diagnostics d;
            const bool inside = v >= l->min && v <= l->max;
            EXPECT_EQ(sb::LoadConfig(path, c, d), inside) << l->key << " " << v;
        }
    }
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
