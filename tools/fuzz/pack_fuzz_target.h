#pragma once
// The one entry point the pack fuzzer and tests/fuzz_regression_test.cpp share, so a crash found by
// libFuzzer replays through exactly the same code in the normal build.
//
// An input is one or more files joined by kFileSeparator:
//   - no separator: the whole input is a module file (written as rollenspel.json in a copy of
//     tests/data/packs/_base, so it is loaded next to a valid pack.json and the other modules);
//   - with separators: part 0 is pack.json, parts 1..4 replace check.json, les.json, rollenspel.json and
//     quiz.json, later parts become extra-1.json, extra-2.json, … An empty part keeps the _base file.
// The whole input is also parsed as raw bytes with ParseJsonText, once with the default limits and once
// with small ones, so the depth and length checks are reached by short inputs too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sb::fuzz {

inline constexpr std::string_view kFileSeparator = "\n---8<---\n";

struct PackFuzzOutcome {
    bool raw_parsed = false;        // ParseJsonText accepted the whole input (default limits)
    size_t raw_diagnostics = 0;     // diagnostics of both raw parses
    bool pack_loaded = false;       // LoadPack returned a pack (no errors)
    std::vector<std::string> codes; // diagnostic codes from LoadPack, in order
};

// Runs one input through the parser and the loader. Never throws on any input; a crash is a bug.
PackFuzzOutcome RunPackFuzzInput(const uint8_t* data, size_t size);

// The folder (on tmpfs when there is one) that RunPackFuzzInput writes the pack into. Removed at exit.
const std::string& PackFuzzDir();

} // namespace sb::fuzz
