#pragma once
// Where the phone page (assets/phone/) is at run time. The data folders are system/paths' one rule
// (installed prefix, the source tree only from a build tree); no path is compiled in.
#include <string>
#include <vector>

namespace sb {

// The environment variable that overrides the lookup: a folder that holds phone/index.html (an assets
// folder), or the phone folder itself.
inline constexpr const char* kAssetsEnv = "STAGEBOOST_ASSETS";

// The folders tried, in order: `override_dir` (an option), then $STAGEBOOST_ASSETS, then assets/ in each
// of the data folders (DataDirCandidates in system/paths.h).
std::vector<std::string> AssetCandidates(const std::string& override_dir);

// The first candidate that holds phone/index.html (or is such a phone folder itself), as the phone
// folder's path; "" when none does. `tried` receives every folder looked at, for an error message.
std::string FindPhoneAssets(const std::string& override_dir, std::vector<std::string>* tried = nullptr);

} // namespace sb
