#pragma once
// Where Stageboost's programs find their files, installed or in a build tree. No path is compiled in: an
// installed program finds its data beside its own prefix (/usr/bin/stageboost -> /usr/share/stageboost), and
// a program in a build tree finds the source tree through a marker file CMake writes at the top of the build
// folder. So an installed kiosk never reads a checkout, even on a machine that has one.
//
//   data (content/ with content/schema/, assets/):
//       $STAGEBOOST_DATA_DIR -> <exe>/../share/stageboost -> the source tree (only for a program in its build
//       tree) -> each of $XDG_DATA_DIRS (default /usr/local/share:/usr/share) + /stageboost
//   config:
//       --config -> $STAGEBOOST_CONFIG -> the user's ($XDG_CONFIG_HOME or ~/.config)/stageboost/config.json
//       when that file exists -> /etc/stageboost/config.json when /etc/stageboost exists (the package makes
//       it) -> the user's path (a developer's machine: created on the first save)
//   state (the log, and packs imported from a USB stick in <state>/packs/):
//       --log-dir or the config's logFolder (the log only) -> $STAGEBOOST_STATE_DIR -> $STATE_DIRECTORY
//       (systemd's StateDirectory=, /var/lib/stageboost for the kiosk service) -> $XDG_DATA_HOME/stageboost
//       ->
//       ~/.local/share/stageboost
#include <map>
#include <string>
#include <vector>

namespace sb {

// What the lookups depend on, so tests can give their own instead of the process's.
struct PathContext {
    std::string exe;                        // the running program; "" when unknown
    std::map<std::string, std::string> env; // the environment variables that are set (and not empty)
    std::string system_config_dir = "/etc/stageboost";

    // The running program (from /proc/self/exe) and the variables the lookups read.
    static PathContext Current();
    std::string Env(const std::string& name) const;
};

// The name of the marker file at the top of a build folder; it holds the source folder's path.
constexpr const char* kBuildTreeMarker = "stageboost-source-dir";

// The running program's own path, from /proc/self/exe ("" when it cannot be read).
std::string ExecutablePath();

// The folder that holds content/ and assets/, or "" when there is none (see the order above).
std::string FindDataDir(const PathContext& ctx = PathContext::Current());
// The folders FindDataDir looks in, in order, for messages ("looked in ...").
std::vector<std::string> DataDirCandidates(const PathContext& ctx = PathContext::Current());

// FindDataDir()/content: the packs shipped with the kiosk, and their schemas in content/schema/. "" when
// none.
std::string DefaultContentDir(const PathContext& ctx = PathContext::Current());
// FindDataDir()/assets: the kiosk's own images. "" when none.
std::string DefaultAssetsDir(const PathContext& ctx = PathContext::Current());

std::string DefaultConfigPath(const PathContext& ctx = PathContext::Current());
std::string DefaultStateDir(const PathContext& ctx = PathContext::Current());
// DefaultStateDir()/packs: where packs imported from a USB stick live, one folder per pack id.
std::string DefaultImportedPacksDir(const PathContext& ctx = PathContext::Current());

// "No content found ... looked in A, B, C. Give --content DIR or set STAGEBOOST_DATA_DIR."
std::string NoDataDirMessage(const PathContext& ctx = PathContext::Current());

} // namespace sb
