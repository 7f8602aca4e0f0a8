#pragma once
// Reads one JSON file safely: bounded size, nesting depth and string length, valid UTF-8, and a map
// from every value's JSON pointer to its line:column. nlohmann/json 3.11 reports positions only for
// syntax errors, so a small scanner of our own walks the text once to record them.
#include "pack/diagnostics.h"

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>

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

struct JsonSource {
    std::string file;  // as shown in diagnostics
    nlohmann::json root;
    std::unordered_map<std::string, TextPosition> positions;  // JSON pointer -> start of the value
    bool ok = false;

    // Position of a pointer, or of its nearest parent that exists.
    TextPosition At(const std::string& pointer) const;
};

// Parses `text`. On failure adds diagnostics (json-syntax, invalid-utf8, too-deep, string-too-long) and ok = false.
JsonSource ParseJsonText(const std::string& text, const std::string& file, const JsonLimits& limits,
                         Diagnostics& diags);

// Reads a file from disk (file-missing, file-too-large) and parses it.
JsonSource ReadJsonFile(const std::string& path, const std::string& shown_name, const JsonLimits& limits,
                        Diagnostics& diags);

// Appends one reference token to a JSON pointer, escaping ~ and /.
std::string PointerAppend(const std::string& pointer, const std::string& token);
std::string PointerAppend(const std::string& pointer, size_t index);

} // namespace sb
