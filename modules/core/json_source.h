#pragma once
// Reads one JSON file safely: bounded size, nesting depth and string length, valid UTF-8, and a map
// from every value's JSON pointer to its line:column. nlohmann/json 3.11 reports positions only for
// syntax errors, so a small scanner of our own walks the text once to record them.
#include "core/diagnostics.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

struct JsonLimits {
    size_t max_file_bytes = 8u << 20;
    int max_depth = 32;
    size_t max_string_bytes = 10000;
};

struct TextPosition {
    int line = 1;
    int column = 1;
};

// Where every value of a file starts, by JSON pointer. The keys are 64-bit hashes of the pointers, built
// one reference token at a time, in a flat table: a file with 10,000 role-play nodes has ~400,000 values,
// and a map of pointer strings cost more than parsing (and grew with key length times values: a 200 KB
// file with one long key took 1 GB). Two pointers of one file sharing a hash would only swap two positions.
class PositionIndex {
  public:
    static uint64_t Root() { return 0x6a09e667f3bcc908ull; }
    // The hash of `parent` + "/" + `token`; the token as it appears in the pointer (with ~0 and ~1).
    static uint64_t Child(uint64_t parent, std::string_view token);
    // The hash of a whole pointer, e.g. "/nodes/3/id".
    static uint64_t Of(std::string_view pointer);

    void Reserve(size_t values);
    void Set(uint64_t key, TextPosition pos); // replaces the position of a key already there
    const TextPosition* Find(uint64_t key) const;
    size_t Size() const { return m_size; }

  private:
    struct Slot {
        uint64_t key = 0; // 0: empty (no hash is 0)
        TextPosition pos;
    };
    std::vector<Slot> m_slots;
    size_t m_size = 0;
};

struct JsonSource {
    std::string file; // as shown in diagnostics
    nlohmann::json root;
    PositionIndex positions; // JSON pointer -> start of the value
    bool ok = false;

    // Position of a pointer, or of its nearest parent that exists.
    TextPosition At(const std::string& pointer) const;
};

// Parses `text`. On failure adds diagnostics (json-syntax, invalid-utf8, too-deep, string-too-long) and ok =
// false.
JsonSource ParseJsonText(const std::string& text, const std::string& file, const JsonLimits& limits,
                         Diagnostics& diags);

// Reads a file from disk (file-missing, file-too-large) and parses it.
JsonSource ReadJsonFile(const std::string& path, const std::string& shown_name, const JsonLimits& limits,
                        Diagnostics& diags);

// Appends one reference token to a JSON pointer, escaping ~ and /.
std::string PointerAppend(const std::string& pointer, const std::string& token);
std::string PointerAppend(const std::string& pointer, size_t index);

} // namespace sb
