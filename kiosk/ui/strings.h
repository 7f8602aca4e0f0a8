#pragma once
// The kiosk's own texts in Dutch and English. Pack texts come from the packs; these are the frame around
// them.
#include <string>
#include <string_view>

namespace sb {

// The text for `key` in `lang`, falling back to Dutch, then to the key itself (so a gap is visible, never a
// crash).
const char* Tr(std::string_view lang, std::string_view key);

// True when every key has both a Dutch and an English text (checked by a test).
bool StringsComplete(std::string& missing);

} // namespace sb
