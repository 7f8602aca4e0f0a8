// Inputs the pack fuzzer (tools/fuzz) once crashed on replay through the fuzzer's own entry point, in the
// normal build: each tests/data/fuzz/NAME.input must return, and produce every diagnostic code that
// NAME.codes lists (whitespace-separated; no .codes file: only "returns" is checked).
#include "pack_fuzz_target.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const fs::path kInputs = fs::path(STAGEBOOST_TEST_DATA) / "fuzz";

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> InputNames() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kInputs, ec))
        if (entry.path().extension() == ".input") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

sb::fuzz::PackFuzzOutcome Replay(const std::string& bytes) {
    return sb::fuzz::RunPackFuzzInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

std::string Codes(const sb::fuzz::PackFuzzOutcome& o) {
    std::string s;
    for (const auto& c : o.codes)
        s += " " + c;
    return s.empty() ? " (none)" : s;
}

class FuzzRegression : public testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, ReturnsAndReportsItsCodes) {
    const fs::path input = kInputs / (GetParam() + ".input");
    const sb::fuzz::PackFuzzOutcome outcome = Replay(ReadFile(input));
    const fs::path codes_file = kInputs / (GetParam() + ".codes");
    if (!fs::exists(codes_file)) return;
    std::istringstream codes(ReadFile(codes_file));
    for (std::string code; codes >> code;)
        EXPECT_NE(std::find(outcome.codes.begin(), outcome.codes.end(), code), outcome.codes.end())
            << input << " should report " << code << "; it reported" << Codes(outcome);
}

INSTANTIATE_TEST_SUITE_P(Inputs, FuzzRegression, testing::ValuesIn(InputNames()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

} // namespace

// The harness itself: with nothing to replace, the fuzzer's pack is the clean _base pack, so every
// error an input causes is the input's doing.
TEST(FuzzHarness, EmptyInputsLoadTheCleanBasePack) {
    EXPECT_TRUE(Replay("").pack_loaded) << Codes(Replay(""));
    const std::string sep(sb::fuzz::kFileSeparator);
    const sb::fuzz::PackFuzzOutcome all = Replay(sep + sep + sep + sep); // five empty files: all of _base
    EXPECT_TRUE(all.pack_loaded) << Codes(all);
}

TEST(FuzzHarness, SplitsTheInputIntoPackFiles) {
    const std::string sep(sb::fuzz::kFileSeparator);
    // A pack.json that is not an object stops the load before any module is read.
    EXPECT_EQ(Replay("[]" + sep).codes, std::vector<std::string>{"wrong-type"});
    // A single file is a module: one with a bad kind is reported as such.
    const sb::fuzz::PackFuzzOutcome module =
        Replay(R"({"format": 1, "kind": "poem", "id": "x", "title": "X"})");
    EXPECT_NE(std::find(module.codes.begin(), module.codes.end(), "bad-value"), module.codes.end())
        << Codes(module);
    EXPECT_TRUE(module.raw_parsed);
}

TEST(FuzzHarness, RegressionInputsArePresent) {
    EXPECT_FALSE(InputNames().empty()) << "no *.input files in " << kInputs;
}
