// [SECTION] finding sticks and packs
// [SECTION] versions
// [SECTION] the safety walk: links, special files, limits
// [SECTION] copying with fsync
// [SECTION] PackImporter
#include "pack/pack_import.h"

#include "core/json_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sb {

namespace {

bool Hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.empty() || name[0] == '.';
}

// A real folder: not a link to one (a stick's link could point anywhere on the kiosk).
bool RealDir(const fs::directory_entry& e) {
    std::error_code ec;
    const auto st = e.symlink_status(ec);
    return !ec && fs::is_directory(st);
}

bool HasPackJson(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(dir / "pack.json", ec));
}

// Sorted real sub-folders, hidden ones skipped, at most `cap` (a stick full of folders is not walked whole).
std::vector<fs::path> SubDirs(const fs::path& dir, size_t cap = 500) {
    std::vector<fs::path> out;
    std::error_code ec;
    size_t seen = 0;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end && seen < cap; it.increment(ec), ++seen)
        if (!Hidden(it->path()) && RealDir(*it)) out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

Diagnostic Problem(const std::string& file, const std::string& code, std::string en, std::string nl) {
    return {file, 0, 0, "", Severity::Error, code, std::move(en), std::move(nl)};
}

// id and version from pack.json, for a pack that did not validate (or the kiosk's installed copy).
void ReadIdAndVersion(const fs::path& dir, std::string& id, std::string& version) {
    Diagnostics ignored;
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(dir / "pack.json", ec))) return;
    const JsonSource src = ReadJsonFile((dir / "pack.json").string(), "pack.json", JsonLimits{}, ignored);
    if (!src.ok || !src.root.is_object()) return;
    if (auto it = src.root.find("id"); it != src.root.end() && it->is_string()) id = it->get<std::string>();
    if (auto it = src.root.find("version"); it != src.root.end() && it->is_string())
        version = it->get<std::string>();
}

bool Inside(const fs::path& root, const fs::path& p) {
    const std::string r = root.string() + "/";
    return p.string().compare(0, r.size(), r) == 0;
}

std::string SizeText(uint64_t bytes) {
    if (bytes < (1u << 20)) return std::to_string((bytes + 1023) >> 10) + " KiB";
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

} // namespace

// ============================================================ [SECTION] finding sticks and packs

std::vector<std::string> DefaultStickRoots() {
    return {"/media", "/run/media"};
}

std::vector<std::string> FindMountedSticks(const std::vector<std::string>& roots) {
    std::vector<std::string> out;
    for (const std::string& root : roots)
        for (const fs::path& user : SubDirs(root))
            for (const fs::path& stick : SubDirs(user))
                out.push_back(stick.string());
    return out;
}

std::vector<std::string> ListPackDirs(const std::string& dir) {
    std::vector<std::string> out;
    if (dir.empty()) return out;
    for (const fs::path& d : SubDirs(dir, 10000))
        if (HasPackJson(d)) out.push_back(d.string());
    return out;
}

std::vector<std::string> PackIdsIn(const std::string& dir) {
    std::vector<std::string> ids;
    for (const std::string& d : ListPackDirs(dir)) {
        std::string id, version;
        ReadIdAndVersion(d, id, version);
        if (!id.empty()) ids.push_back(id);
    }
    return ids;
}

// ============================================================ [SECTION] versions

int CompareVersions(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        const auto part = [](const std::string& s, size_t& k) {
            const size_t start = k;
            while (k < s.size() && s[k] != '.' && s[k] != '-' && s[k] != '+')
                ++k;
            std::string p = s.substr(start, k - start);
            if (k < s.size()) ++k;
            return p;
        };
        const std::string x = part(a, i), y = part(b, j);
        const auto digits = [](const std::string& t) {
            return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        const bool nx = digits(x), ny = digits(y);
        if (nx && ny) {
            const std::string tx = x.substr(std::min(x.find_first_not_of('0'), x.size()));
            const std::string ty = y.substr(std::min(y.find_first_not_of('0'), y.size()));
            if (tx.size() != ty.size()) return tx.size() < ty.size() ? -1 : 1;
            if (const int c = tx.compare(ty); c != 0) return c < 0 ? -1 : 1;
        } else if (const int c = x.compare(y); c != 0) {
            return c < 0 ? -1 : 1;
        }
    }
    return 0;
}

// ============================================================ [SECTION] the safety walk: links, special
// files, limits

namespace {

struct Survey {
    uint64_t bytes = 0;
    size_t files = 0;
    bool unsafe = false;
    bool too_large = false;
    Diagnostics problems;
};

// Walks a pack without following any link and without opening any file. Stops at the first limit passed.
Survey SurveyPack(const fs::path& dir, const ImportLimits& limits) {
    Survey s;
    std::error_code ec;
    const fs::path root = fs::canonical(dir, ec);
    if (ec) {
        s.unsafe = true;
        s.problems.Add(Problem(dir.string(), "import-unreadable",
                               "This folder cannot be read (" + ec.message() + "). Check the stick.",
                               "Deze map is niet te lezen (" + ec.message() + "). Controleer de stick."));
        return s;
    }
    constexpr size_t kMaxReported = 20;
    auto unsafe = [&](const fs::path& p, const std::string& code, std::string en, std::string nl) {
        s.unsafe = true;
        if (s.problems.List().size() < kMaxReported) s.problems.Add(Problem(p.string(), code, en, nl));
    };
    fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (++s.files > limits.max_files) {
            s.too_large = true;
            s.problems.Add(Problem(dir.string(), "import-too-many-files",
                                   "This pack has more than " + std::to_string(limits.max_files) +
                                       " files and folders. Remove what the pack does not use.",
                                   "Dit pakket heeft meer dan " + std::to_string(limits.max_files) +
                                       " bestanden en mappen. Haal weg wat het pakket niet gebruikt."));
            return s;
        }
        if (it.depth() >= limits.max_depth) {
            s.too_large = true;
            s.problems.Add(Problem(p.string(), "import-too-deep",
                                   "Folders are nested more than " + std::to_string(limits.max_depth) +
                                       " deep here. Keep a pack's folders shallow.",
                                   "Mappen zitten hier meer dan " + std::to_string(limits.max_depth) +
                                       " diep in elkaar. Houd de mappen van een pakket ondiep."));
            return s;
        }
        std::error_code e2;
        const fs::file_status st = it->symlink_status(e2);
        uint64_t size = 0;
        if (fs::is_symlink(st)) {
            const fs::path target = fs::canonical(p, e2);
            if (e2)
                unsafe(p, "import-link-broken", "This link points to nothing. Replace it by the file itself.",
                       "Deze link wijst nergens heen. Zet het bestand zelf op die plek.");
            else if (!Inside(root, target))
                unsafe(
                    p, "import-link-outside",
                    "This link points outside the pack (to " + target.string() +
                        "). A pack from a stick may only hold its own files: copy the file into the pack.",
                    "Deze link wijst buiten het pakket (naar " + target.string() +
                        "). Een pakket van een stick mag alleen zijn eigen bestanden bevatten: kopieer het "
                        "bestand in het pakket.");
            else if (!fs::is_regular_file(target, e2))
                unsafe(p, "import-link-folder", "This link points to a folder. Put the folder itself here.",
                       "Deze link wijst naar een map. Zet de map zelf op deze plek.");
            else
                size = fs::file_size(target, e2);
        } else if (fs::is_regular_file(st)) {
            size = it->file_size(e2);
        } else if (!fs::is_directory(st)) {
            unsafe(p, "import-special-file",
                   "This is not a file or a folder (a device, pipe or socket). Remove it from the pack.",
                   "Dit is geen bestand of map (een apparaat, pijp of socket). Haal het uit het pakket.");
        }
        s.bytes += size;
        if (s.bytes > limits.max_pack_bytes) {
            s.too_large = true;
            s.problems.Add(Problem(dir.string(), "import-too-large",
                                   "This pack is larger than " + SizeText(limits.max_pack_bytes) +
                                       ". Make its images smaller (1600 px wide is plenty).",
                                   "Dit pakket is groter dan " + SizeText(limits.max_pack_bytes) +
                                       ". Maak de afbeeldingen kleiner (1600 px breed is genoeg)."));
            return s;
        }
    }
    if (ec) {
        s.unsafe = true;
        s.problems.Add(
            Problem(dir.string(), "import-unreadable",
                    "Part of this folder cannot be read (" + ec.message() + "). Check the stick.",
                    "Een deel van deze map is niet te lezen (" + ec.message() + "). Controleer de stick."));
    }
    return s;
}

// ============================================================ [SECTION] copying with fsync

bool FsyncPath(const fs::path& p, int flags) {
    const int fd = open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

struct Copier {
    const ImportLimits& limits;
    uint64_t bytes = 0;
    size_t files = 0;
    std::vector<fs::path> dirs; // to fsync once everything is written
    std::string error;          // English; the caller adds the Dutch sentence around it

    // Copies one regular file, opened without following a link, so a stick cannot swap in a fifo or a link.
    bool CopyFile(const fs::path& from, const fs::path& to) {
        const int in = open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (in < 0) return Fail("cannot read " + from.string() + ": " + std::strerror(errno));
        struct stat st {};
        if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
            close(in);
            return Fail(from.string() + " is not a regular file");
        }
        const int out = open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (out < 0) {
            close(in);
            return Fail("cannot write " + to.string() + ": " + std::strerror(errno));
        }
        char buffer[1 << 16];
        bool ok = true;
        for (;;) {
            const ssize_t n = read(in, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                ok = Fail("cannot read " + from.string() + ": " + std::strerror(errno));
                break;
            }
            if (n == 0) break;
            bytes += static_cast<uint64_t>(n);
            if (bytes > limits.max_pack_bytes) {
                ok = Fail("the pack grew beyond " + SizeText(limits.max_pack_bytes) + " while it was copied");
                break;
            }
            for (ssize_t done = 0; done < n;) {
                const ssize_t w = write(out, buffer + done, static_cast<size_t>(n - done));
                if (w < 0 && errno == EINTR) continue;
                if (w < 0) {
                    ok = Fail("cannot write " + to.string() + ": " + std::strerror(errno));
                    break;
                }
                done += w;
            }
            if (!ok) break;
        }
        if (ok && fsync(out) != 0) ok = Fail("cannot write " + to.string() + ": " + std::strerror(errno));
        close(in);
        if (close(out) != 0 && ok) ok = Fail("cannot write " + to.string() + ": " + std::strerror(errno));
        return ok;
    }

    bool Fail(std::string why) {
        if (error.empty()) error = std::move(why);
        return false;
    }

    // The same rules as SurveyPack, enforced again while copying (the stick may have changed since).
    bool CopyTree(const fs::path& from_dir, const fs::path& to) {
        std::error_code ec;
        const fs::path root = fs::canonical(from_dir, ec);
        if (ec) return Fail("cannot read " + from_dir.string() + ": " + ec.message());
        if (mkdir(to.c_str(), 0755) != 0)
            return Fail("cannot create " + to.string() + ": " + std::strerror(errno));
        dirs.push_back(to);
        fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (++files > limits.max_files || it.depth() >= limits.max_depth)
                return Fail("the pack grew beyond the limits while it was copied");
            const fs::path dest = to / it->path().lexically_relative(root);
            std::error_code e2;
            const fs::file_status st = it->symlink_status(e2);
            if (fs::is_directory(st)) {
                if (mkdir(dest.c_str(), 0755) != 0)
                    return Fail("cannot create " + dest.string() + ": " + std::strerror(errno));
                dirs.push_back(dest);
            } else if (fs::is_regular_file(st)) {
                if (!CopyFile(it->path(), dest)) return false;
            } else if (fs::is_symlink(st)) {
                // A link to a file inside the pack: copy the file, never the link.
                const fs::path target = fs::canonical(it->path(), e2);
                if (e2 || !Inside(root, target) || !fs::is_regular_file(target, e2))
                    return Fail(it->path().string() + " is a link out of the pack");
                if (!CopyFile(target, dest)) return false;
            } else {
                return Fail(it->path().string() + " is not a file or a folder");
            }
        }
        if (ec) return Fail("cannot read " + from_dir.string() + ": " + ec.message());
        for (auto d = dirs.rbegin(); d != dirs.rend(); ++d)
            if (!FsyncPath(*d, O_RDONLY | O_DIRECTORY)) return Fail("cannot write " + d->string());
        return true;
    }
};

std::string RandomSuffix() {
    std::random_device rd;
    char buf[17];
    snprintf(buf, sizeof buf, "%08x%08x", rd(), rd());
    return buf;
}

// Diagnostics of the validated copy name the stick's files, as the scan showed them.
Diagnostics OnStick(const Diagnostics& diags, const fs::path& copy, const std::string& stick_dir) {
    Diagnostics out;
    const std::string prefix = copy.string();
    for (Diagnostic d : diags.List()) {
        if (d.file.compare(0, prefix.size(), prefix) == 0) d.file = stick_dir + d.file.substr(prefix.size());
        out.Add(std::move(d));
    }
    return out;
}

std::string Title(const StickPack& p, const std::string& lang) {
    if (p.pack) return "\"" + p.pack->T(p.pack->title, lang) + "\"";
    return "\"" + (p.id.empty() ? fs::path(p.dir).filename().string() : p.id) + "\"";
}

ImportResult Result(ImportOutcome outcome, std::string en, std::string nl) {
    ImportResult r;
    r.outcome = outcome;
    r.message_en = std::move(en);
    r.message_nl = std::move(nl);
    return r;
}

} // namespace

// ============================================================ [SECTION] PackImporter

PackImporter::PackImporter(ImportOptions options) : m_options(std::move(options)) {}

void PackImporter::RemoveLeftovers() const {
    std::error_code ec;
    if (m_options.packs_dir.empty()) return;
    for (fs::directory_iterator it(m_options.packs_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(".import-", 0) == 0 || name.rfind(".old-", 0) == 0) {
            std::error_code e2;
            fs::remove_all(it->path(), e2);
        }
    }
}

StickPack PackImporter::Inspect(const std::string& dir, const std::string& stick) const {
    StickPack p;
    p.stick = stick;
    p.dir = dir;
    const Survey survey = SurveyPack(dir, m_options.limits);
    p.bytes = survey.bytes;
    p.files = survey.files;
    p.diagnostics.Append(survey.problems);
    ReadIdAndVersion(dir, p.id, p.version);
    if (survey.too_large || survey.unsafe) {
        // Never read a pack that links out of itself or holds a fifo; never read a huge one whole.
        p.status = survey.too_large ? StickPackStatus::TooLarge : StickPackStatus::Unsafe;
        return p;
    }
    LoadResult loaded = LoadPack(dir, m_options.load);
    p.diagnostics.Append(loaded.diagnostics);
    if (!loaded.id.empty()) p.id = loaded.id;
    if (!loaded.pack || loaded.diagnostics.HasErrors()) { // a stick's pack comes in whole or not at all
        p.status = StickPackStatus::Invalid;
        return p;
    }
    p.pack = loaded.pack;
    p.version = loaded.pack->version;
    const auto& builtin = m_options.builtin_ids;
    if (std::find(builtin.begin(), builtin.end(), p.id) != builtin.end()) {
        p.status = StickPackStatus::BuiltIn;
        p.diagnostics.Add(
            Problem((fs::path(dir) / "pack.json").string(), "import-builtin",
                    "The pack \"" + p.id +
                        "\" comes with the kiosk and cannot be replaced from a stick. Give your "
                        "pack its own \"id\" in pack.json.",
                    "Het pakket \"" + p.id +
                        "\" hoort bij de kiosk en kan niet van een stick worden vervangen. Geef "
                        "je pakket een eigen \"id\" in pack.json."));
        return p;
    }
    std::string installed_id;
    const fs::path installed_dir = fs::path(m_options.packs_dir) / p.id;
    const bool installed = !m_options.packs_dir.empty() && HasPackJson(installed_dir);
    if (installed) ReadIdAndVersion(installed_dir, installed_id, p.installed_version);
    p.status = installed ? StickPackStatus::Update : StickPackStatus::New;
    if (installed) p.version_order = CompareVersions(p.version, p.installed_version);
    return p;
}

std::vector<StickPack> PackImporter::Scan() const {
    RemoveLeftovers();
    std::vector<StickPack> out;
    for (const std::string& stick : FindMountedSticks(m_options.stick_roots)) {
        std::vector<fs::path> dirs;
        if (HasPackJson(stick)) {
            dirs.push_back(stick);
        } else {
            for (const fs::path& d : SubDirs(stick)) {
                if (HasPackJson(d))
                    dirs.push_back(d);
                else
                    for (const fs::path& dd : SubDirs(d))
                        if (HasPackJson(dd)) dirs.push_back(dd);
            }
        }
        for (const fs::path& d : dirs)
            out.push_back(Inspect(d.string(), stick));
    }
    return out;
}

ImportResult PackImporter::Import(const StickPack& pack, bool replace) const {
    const std::string title_en = Title(pack, "en"), title_nl = Title(pack, "nl");
    auto failed = [&](const std::string& why) {
        return Result(ImportOutcome::Failed,
                      "Could not copy " + title_en + " (" + why + "). Nothing was changed on the kiosk.",
                      "Kopiëren van " + title_nl + " lukte niet (" + why +
                          "). Er is niets veranderd op de kiosk.");
    };
    if (m_options.packs_dir.empty()) return failed("no pack folder was given");
    if (!pack.CanImport() || pack.id.empty() || pack.id[0] == '.' || pack.id.find('/') != std::string::npos) {
        ImportResult r = Result(
            ImportOutcome::Refused, title_en + " cannot be copied: it has problems. See the list below.",
            title_nl + " kan niet worden gekopieerd: er zijn problemen. Zie de lijst hieronder.");
        r.diagnostics = pack.diagnostics;
        return r;
    }
    std::error_code ec;
    const fs::path packs(m_options.packs_dir);
    fs::create_directories(packs, ec);
    if (ec) return failed("cannot create " + packs.string() + ": " + ec.message());
    RemoveLeftovers();
    const fs::path target = packs / pack.id;
    auto exists = [&] { return fs::exists(fs::symlink_status(target, ec)); };
    if (exists() && !replace) {
        std::string have, have_id;
        ReadIdAndVersion(target, have_id, have);
        return Result(ImportOutcome::NeedsConfirm,
                      "This kiosk has " + title_en + " version " + have +
                          " already. Replace it with version " + pack.version + "?",
                      "Deze kiosk heeft " + title_nl + " versie " + have + " al. Vervangen door versie " +
                          pack.version + "?");
    }
    // Checked again: the stick may have changed since the scan.
    const Survey survey = SurveyPack(pack.dir, m_options.limits);
    if (survey.unsafe || survey.too_large) {
        ImportResult r = Result(
            ImportOutcome::Refused, title_en + " changed on the stick and cannot be copied now. Scan again.",
            title_nl + " is veranderd op de stick en kan nu niet worden gekopieerd. Zoek opnieuw.");
        r.diagnostics = survey.problems;
        return r;
    }
    const fs::space_info space = fs::space(packs, ec);
    if (!ec && space.available < survey.bytes + (16u << 20))
        return failed("not enough free space on the kiosk: " + SizeText(survey.bytes) + " needed");

    const fs::path temp = packs / (".import-" + pack.id + "-" + RandomSuffix());
    Copier copier{m_options.limits};
    if (!copier.CopyTree(pack.dir, temp)) {
        fs::remove_all(temp, ec);
        return failed(copier.error);
    }
    // What gets installed is what was validated: the copy itself.
    LoadResult copy = LoadPack(temp.string(), m_options.load);
    if (!copy.pack || copy.diagnostics.HasErrors() || copy.pack->id != pack.id) {
        ImportResult r =
            Result(ImportOutcome::Refused,
                   title_en + " changed on the stick and has problems now. Nothing was copied.",
                   title_nl + " is veranderd op de stick en heeft nu problemen. Er is niets gekopieerd.");
        r.diagnostics = OnStick(copy.diagnostics, temp, pack.dir);
        if (copy.pack && copy.pack->id != pack.id)
            r.diagnostics.Add(Problem(pack.dir + "/pack.json", "import-id-changed",
                                      "The pack's id changed from \"" + pack.id + "\" to \"" + copy.pack->id +
                                          "\" since the scan. Scan again.",
                                      "De id van het pakket is sinds het zoeken veranderd van \"" + pack.id +
                                          "\" in \"" + copy.pack->id + "\". Zoek opnieuw."));
        fs::remove_all(temp, ec);
        return r;
    }

    std::string old_version, old_id;
    const bool had = exists();
    if (had) ReadIdAndVersion(target, old_id, old_version);
    if (had) {
        // One step: the new copy takes the name, the old one takes the temporary name and is then deleted.
        if (renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
            if (errno != EINVAL && errno != ENOSYS) {
                const std::string why = std::strerror(errno);
                fs::remove_all(temp, ec);
                return failed("cannot replace " + target.string() + ": " + why);
            }
            // A file system without RENAME_EXCHANGE: two renames; a power cut between them leaves .old-*,
            // which the next import removes (the pack then shows again after it is imported again).
            const fs::path old = packs / (".old-" + pack.id + "-" + RandomSuffix());
            if (rename(target.c_str(), old.c_str()) != 0 || rename(temp.c_str(), target.c_str()) != 0) {
                const std::string why = std::strerror(errno);
                fs::remove_all(temp, ec);
                return failed("cannot replace " + target.string() + ": " + why);
            }
            fs::remove_all(old, ec);
        } else {
            fs::remove_all(temp, ec); // now the old version
        }
    } else if (renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0 &&
               (errno != EINVAL || rename(temp.c_str(), target.c_str()) != 0)) {
        const std::string why = std::strerror(errno);
        fs::remove_all(temp, ec);
        return failed("cannot create " + target.string() + ": " + why);
    }
    FsyncPath(packs, O_RDONLY | O_DIRECTORY);

    ImportResult r;
    r.dir = target.string();
    if (had) {
        r.outcome = ImportOutcome::Replaced;
        r.message_en = title_en + " version " + pack.version + " replaced version " + old_version + ".";
        r.message_nl = title_nl + " versie " + pack.version + " vervangt versie " + old_version + ".";
    } else {
        r.outcome = ImportOutcome::Imported;
        r.message_en = title_en + " (version " + pack.version + ") is on this kiosk now.";
        r.message_nl = title_nl + " (versie " + pack.version + ") staat nu op deze kiosk.";
    }
    return r;
}

} // namespace sb
