#include "room/assets.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "system/paths.h"

namespace sb {

namespace fs = std::filesystem;

std::vector<std::string> AssetCandidates(const std::string& override_dir) {
    std::vector<std::string> out;
    if (!override_dir.empty()) out.push_back(override_dir);
    if (const char* env = std::getenv(kAssetsEnv); env && *env) out.push_back(env);
    for (const std::string& data : DataDirCandidates())
        out.push_back((fs::path(data) / "assets").string());
    return out;
}

std::string FindPhoneAssets(const std::string& override_dir, std::vector<std::string>* tried) {
    for (const std::string& dir : AssetCandidates(override_dir)) {
        if (tried) tried->push_back(dir);
        std::error_code ec;
        for (const fs::path& phone : {fs::path(dir) / "phone", fs::path(dir)})
            if (fs::is_regular_file(phone / "index.html", ec))
                return fs::weakly_canonical(phone, ec).string();
        // An explicit override that holds no page is an error, not a reason to serve another one.
        if (!override_dir.empty() && dir == override_dir) return "";
    }
    return "";
}

} // namespace sb
