#include "system/paths.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace sb {

namespace {

bool IsDir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// A data folder is one that holds content/.
bool IsDataDir(const fs::path& p) {
    return !p.empty() && IsDir(p / "content");
}

// The source folder named by the marker in a build folder above the program, at most four levels up
// (build/kiosk/stageboost, build/tools/pack/stageboost-pack, build/tests/x).
std::string SourceTreeFromBuildTree(const std::string& exe) {
    if (exe.empty()) return {};
    fs::path dir = fs::path(exe).parent_path();
    for (int up = 0; up < 4 && !dir.empty(); ++up) {
        std::ifstream in(dir / kBuildTreeMarker);
        std::string source;
        if (in && std::getline(in, source) && !source.empty()) return source;
        if (dir == dir.root_path()) break;
        dir = dir.parent_path();
    }
    return {};
}

std::vector<std::string> SplitColons(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        const size_t end = s.find(':', start);
        const std::string part = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!part.empty()) out.push_back(part);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::string UserConfigPath(const PathContext& ctx) {
    if (const std::string x = ctx.Env("XDG_CONFIG_HOME"); !x.empty()) return x + "/stageboost/config.json";
    if (const std::string h = ctx.Env("HOME"); !h.empty()) return h + "/.config/stageboost/config.json";
    return "stageboost-config.json";
}

} // namespace

PathContext PathContext::Current() {
    PathContext ctx;
    ctx.exe = ExecutablePath();
    for (const char* name : {"STAGEBOOST_DATA_DIR", "STAGEBOOST_CONFIG", "STAGEBOOST_STATE_DIR",
                             "STATE_DIRECTORY", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_DATA_DIRS", "HOME"})
        if (const char* v = std::getenv(name); v && *v) ctx.env[name] = v;
    return ctx;
}

std::string PathContext::Env(const std::string& name) const {
    const auto it = env.find(name);
    return it == env.end() ? std::string() : it->second;
}

std::string ExecutablePath() {
    std::error_code ec;
    const fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : p.string();
}

std::vector<std::string> DataDirCandidates(const PathContext& ctx) {
    std::vector<std::string> out;
    if (const std::string d = ctx.Env("STAGEBOOST_DATA_DIR"); !d.empty()) out.push_back(d);
    if (!ctx.exe.empty()) {
        // <prefix>/bin/stageboost -> <prefix>/share/stageboost; lexically, so a copied tree works anywhere.
        const fs::path prefix = fs::path(ctx.exe).parent_path().parent_path();
        out.push_back((prefix / "share" / "stageboost").lexically_normal().string());
    }
    if (const std::string source = SourceTreeFromBuildTree(ctx.exe); !source.empty()) out.push_back(source);
    std::string xdg = ctx.Env("XDG_DATA_DIRS");
    if (xdg.empty()) xdg = "/usr/local/share:/usr/share";
    for (const std::string& d : SplitColons(xdg))
        out.push_back(d + "/stageboost");
    return out;
}

std::string FindDataDir(const PathContext& ctx) {
    const std::vector<std::string> candidates = DataDirCandidates(ctx);
    // An explicit $STAGEBOOST_DATA_DIR is taken as given, so a typo shows as "no content" rather than
    // silently falling back to another copy.
    if (!ctx.Env("STAGEBOOST_DATA_DIR").empty())
        return IsDataDir(candidates.front()) ? candidates.front() : "";
    for (const std::string& c : candidates)
        if (IsDataDir(c)) return c;
    return {};
}

std::string DefaultContentDir(const PathContext& ctx) {
    const std::string data = FindDataDir(ctx);
    return data.empty() ? data : data + "/content";
}

std::string DefaultAssetsDir(const PathContext& ctx) {
    const std::string data = FindDataDir(ctx);
    return data.empty() ? data : data + "/assets";
}

std::string DefaultConfigPath(const PathContext& ctx) {
    if (const std::string c = ctx.Env("STAGEBOOST_CONFIG"); !c.empty()) return c;
    const std::string user = UserConfigPath(ctx);
    std::error_code ec;
    if (fs::exists(user, ec)) return user;
    if (!ctx.system_config_dir.empty() && IsDir(ctx.system_config_dir))
        return ctx.system_config_dir + "/config.json";
    return user;
}

std::string DefaultStateDir(const PathContext& ctx) {
    if (const std::string s = ctx.Env("STAGEBOOST_STATE_DIR"); !s.empty()) return s;
    // systemd passes every StateDirectory= folder, colon-separated; the unit names one.
    if (const auto dirs = SplitColons(ctx.Env("STATE_DIRECTORY")); !dirs.empty()) return dirs.front();
    if (const std::string x = ctx.Env("XDG_DATA_HOME"); !x.empty()) return x + "/stageboost";
    if (const std::string h = ctx.Env("HOME"); !h.empty()) return h + "/.local/share/stageboost";
    return "stageboost-data";
}

std::string DefaultImportedPacksDir(const PathContext& ctx) {
    return DefaultStateDir(ctx) + "/packs";
}

std::string NoDataDirMessage(const PathContext& ctx) {
    std::string looked;
    for (const std::string& c : DataDirCandidates(ctx))
        looked += (looked.empty() ? "" : ", ") + c;
    return "No content found (looked for a content/ folder in " + looked +
           "). Give --content DIR, set STAGEBOOST_DATA_DIR, or reinstall the stageboost package.";
}

} // namespace sb
