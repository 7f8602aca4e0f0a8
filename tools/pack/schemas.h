#pragma once
// The pack format's JSON Schemas (content/schema/*.schema.json), built into the tool by embed_schemas.cmake.
#include <string_view>
#include <vector>

namespace sb {

struct EmbeddedFile {
    const char* name;      // e.g. "pack.schema.json"
    std::string_view text; // the file's bytes
};

const std::vector<EmbeddedFile>& EmbeddedSchemas();

} // namespace sb
