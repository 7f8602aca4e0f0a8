#pragma once
// Helpers for the room (phones) tests: the shipped pack, loaded once, and a Dutch-only text.
#include "core/text.h"
#include "pack/loader.h"

#include <map>
#include <memory>
#include <string>

namespace sb::test {

inline std::shared_ptr<const Pack> ShippedPack() {
    static const LoadResult result = LoadPack(STAGEBOOST_SOURCE_DIR "/content/stageboost");
    return result.pack;
}

inline LocalText Nl(const std::string& text) {
    return LocalText(std::map<std::string, std::string>{{"nl", text}});
}

} // namespace sb::test
