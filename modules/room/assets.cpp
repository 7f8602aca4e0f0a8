#include "room/assets.h"

#include "system/paths.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace sb {

namespace fs = std::filesystem;

std::vector<std::string> AssetCandidates(const std::string& override_dir) {
    std::vector<std::string> out;
    if (!override_dir.empty()) out.push_back(override_dir);
    if (const char* env = std::getenv(kAssetsEnv); env && *env) out.push_back(env);
    // Then assets/ in each data folder, in the one order of system/paths.h: beside the installed program,
    // the source tree of a build tree, the system's data folders.
    for (const std::string& data : DataDirCandidates())
        out.push_back(data + "/assets");
    const std::string packaged = "/usr/share/stageboost/assets"; // where the package puts it
    if (std::find(out.begin(), out.end(), packaged) == out.end()) out.push_back(packaged);
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
