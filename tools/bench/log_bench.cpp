// log_bench: the anonymous log's tools at two sizes in one run (issue 18, "logs that stream").
// Generates a log of 100,000 and one of 1,000,000 answers, then runs `report`, `export` (CSV, xAPI, both
// safe and raw) and `merge` on each in a child process of its own (the same engine calls stageboost-log
// makes), and prints wall time and peak memory (the child's maxrss) beside the targets:
//   time from the small to the large log at most 11x, peak memory at most 2x, a 1,000,000-answer report
//   under 1.5 s, and the xAPI file at least 3x smaller than the layout with a definition in every statement.
// Not a test: timings depend on the machine. Usage: log_bench [SMALL [LARGE]] [--keep] [--in FOLDER]
//   --keep       keep the generated logs and outputs (the folder is printed)
//   --in FOLDER  work in FOLDER and reuse the logs a --keep run left there (generating takes longest)
//   log_bench --child OPERATION DB OUT   (internal: one measured operation)

#include "confidence/report.h"
#include "log/export.h"
#include "log/log_reader.h"
#include "log/log_store.h"

#include <spawn.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

std::size_t g_statements = 0; // statements (or rows) an export wrote, for the size per statement

double SecondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Sessions of five items around one module (or the whole session), at four kiosks over six months.
bool Generate(std::size_t count, const std::string& db) {
    std::mt19937 random(20240601); // fixed seed: the same shape of data every run (ids are still random)
    std::uniform_int_distribution<int> module_pick(0, 5);
    std::uniform_int_distribution<int> kiosk_pick(1, 4);
    std::uniform_int_distribution<int> day_pick(1, 28);
    std::uniform_int_distribution<int> hour_pick(8, 21);
    std::uniform_int_distribution<int> value_pick(1, 5);
    std::uniform_int_distribution<int> percent(0, 99);
    sb::LogStore store;
    sb::LogStore::Options options;
    options.owner = false;
    sb::LogStatus status = store.Open(db, options);
    std::vector<sb::Answer> chunk;
    std::size_t written = 0;
    while (status.Ok() && written < count) {
        char date[32];
        std::snprintf(date, sizeof date, "2025-%02d-%02d", 1 + static_cast<int>(written * 6 / count),
                      day_pick(random));
        const sb::SessionContext session{sb::NewSessionId(), "bench-pack", "1.0.0",
                                         "kiosk-" + std::to_string(kiosk_pick(random))};
        const int module = module_pick(random);
        const std::string module_id = module == 0 ? "" : "module-" + std::to_string(module);
        const sb::CoarseTime when{date, sb::PartOfDayForHour(hour_pick(random))};
        for (int item = 1; item <= 5 && written + chunk.size() < count; ++item) {
            const std::string item_id = "item-" + std::to_string(item);
            const int before = value_pick(random);
            auto value = [&](int v) -> std::optional<int> {
                return percent(random) < 3 ? std::nullopt : std::optional<int>(std::clamp(v, 1, 5));
            };
            chunk.push_back(sb::MakeAnswer(session, module_id, item_id, sb::Phase::Pre, value(before), when));
            if (percent(random) < 97) {
                chunk.push_back(sb::MakeAnswer(session, module_id, item_id, sb::Phase::Post,
                                               value(before + (percent(random) < 60 ? 1 : 0)), when));
            }
            if (percent(random) < 30) {
                chunk.push_back(
                    sb::MakeAnswer(session, module_id, item_id, sb::Phase::Retro, value(before - 1), when));
            }
        }
        if (chunk.size() >= 20000 || written + chunk.size() >= count) {
            status = store.InsertMany(chunk); // whole sessions per batch: their checks end with it
            written += chunk.size();
            chunk.clear();
        }
    }
    store.Close();
    if (!status.Ok()) {
        std::fprintf(stderr, "log_bench: could not write %s: %s\n", db.c_str(), status.MessageEn().c_str());
        return false;
    }
    // A kiosk's log is rewritten in key order at every session end (LogStore::EndSession), and a merged
    // log has its index rebuilt in one pass: give the benchmark's bulk-made log the same layout.
    sqlite3* handle = nullptr;
    bool ok =
        sqlite3_open(db.c_str(), &handle) == SQLITE_OK &&
        sqlite3_exec(handle, "PRAGMA temp_store = FILE; VACUUM", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(handle);
    return ok;
}

// The statement layout before issue 18 (definition and scale in every statement), as the baseline size.
std::size_t LegacyXapiSize(const std::string& db, const std::string& out_path) {
    std::ofstream out(out_path, std::ios::binary);
    std::string scale = "[{\"id\":\"1\",\"description\":{\"en-US\":\"1 (low end)\",\"nl-NL\":\"1 (laag)\"}}";
    for (int v = 2; v <= 4; ++v) {
        scale += ",{\"id\":\"" + std::to_string(v) + "\",\"description\":{\"en-US\":\"" + std::to_string(v) +
                 "\",\"nl-NL\":\"" + std::to_string(v) + "\"}}";
    }
    scale += ",{\"id\":\"5\",\"description\":{\"en-US\":\"5 (high end)\",\"nl-NL\":\"5 (hoog)\"}}]";
    const std::string base = "https://stageboost.local/xapi";
    std::string buffer = "[";
    std::size_t total = 0;
    bool first = true;
    sb::ScanRaw({db}, {}, [&](const sb::Answer& a, std::int64_t) {
        if (!a.value) {
            return;
        }
        ++g_statements;
        buffer += first ? "\n" : ",\n";
        first = false;
        buffer +=
            "{\"id\":\"" + a.uuid + "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"" +
            "https://stageboost.local/kiosk/" + a.kiosk + "\",\"name\":\"" + a.session_id +
            "\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\",\"display\":{\"en-US\":"
            "\"answered\"}},\"object\":{\"objectType\":\"Activity\",\"id\":\"" +
            base + "/packs/" + a.pack_id + "/items/" + a.item_id +
            "\",\"definition\":{\"name\":{\"en-US\":\"Confidence item " + a.item_id + " (pack " + a.pack_id +
            ")\"},\"type\":\"http://adlnet.gov/expapi/activities/cmi.interaction\","
            "\"interactionType\":\"likert\",\"scale\":" +
            scale + "}},\"result\":{\"response\":\"" + std::to_string(*a.value) +
            "\"},\"context\":{\"platform\":\"Stageboost\",\"contextActivities\":{"
            "\"parent\":[{\"objectType\":\"Activity\",\"id\":\"" +
            base + "/packs/" + a.pack_id +
            (a.module_id.empty() ? std::string("/session-check") : "/modules/" + a.module_id) +
            "\"}]},\"extensions\":{\"" + base + "/extensions/phase\":\"" +
            std::string(sb::PhaseName(a.phase)) + "\",\"" + base + "/extensions/part-of-day\":\"" +
            std::string(sb::PartOfDayName(a.part_of_day)) + "\",\"" + base + "/extensions/pack-version\":\"" +
            a.pack_version + "\",\"" + base + "/extensions/kiosk\":\"" + a.kiosk + "\"}},\"timestamp\":\"" +
            a.date + "T09:00:00Z\"}";
        if (buffer.size() > (1 << 20)) {
            total += buffer.size();
            out << buffer;
            buffer.clear();
        }
    });
    buffer += "\n]\n";
    total += buffer.size();
    out << buffer;
    return total;
}

// The peak resident memory of this process (VmHWM), written next to the output for the parent.
void WritePeak(const std::string& out_path) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            std::ofstream(out_path + ".peak") << std::strtoll(line.c_str() + 6, nullptr, 10);
        }
    }
}

int Operation(const std::string& operation, const std::string& db, const std::string& out_path);

// One measured operation, run in a fresh process (exec) so its peak memory is its own.
int Child(const std::string& operation, const std::string& db, const std::string& out_path) {
    const int result = Operation(operation, db, out_path);
    WritePeak(out_path);
    std::ofstream(out_path + ".count") << g_statements;
    return result;
}

int Operation(const std::string& operation, const std::string& db, const std::string& out_path) {
    if (operation == "report") {
        const sb::ConfidenceReport report = sb::BuildReport({db}, sb::ReportOptions{});
        std::ofstream(out_path) << sb::RenderReportText(report);
        return report.items.empty() ? 1 : 0;
    }
    if (operation == "report-by-date") {
        sb::ReportOptions options;
        options.grouping = sb::ReportGrouping::Date;
        const sb::ConfidenceReport report = sb::BuildReport({db}, options);
        std::ofstream(out_path) << sb::RenderReportJson(report);
        return report.items.empty() ? 1 : 0;
    }
    std::ofstream out(out_path, std::ios::binary);
    if (operation == "export-csv") {
        g_statements = sb::ExportCsv({db}, {}, out).written;
        return g_statements > 0 ? 0 : 1;
    }
    if (operation == "export-xapi") {
        g_statements = sb::ExportXapi({db}, {}, sb::XapiOptions{}, out).written;
        return g_statements > 0 ? 0 : 1;
    }
    if (operation == "export-raw-xapi") {
        g_statements = sb::ExportRawXapi({db}, {}, sb::XapiOptions{}, out).written;
        return g_statements > 0 ? 0 : 1;
    }
    if (operation == "legacy-xapi") {
        out.close();
        return LegacyXapiSize(db, out_path) > 0 ? 0 : 1;
    }
    if (operation == "kiosk-session") {
        // One student at a kiosk whose log is this large: five answers, each in its own transaction, then
        // the session end (which rewrites the file so it keeps no order). On a copy, timed inside.
        out.close();
        std::filesystem::copy_file(db, out_path, std::filesystem::copy_options::overwrite_existing);
        sb::LogStore store;
        if (!store.Open(out_path).Ok() || !store.EndSession().Ok()) {
            return 1;
        }
        const sb::SessionContext session{sb::NewSessionId(), "bench-pack", "1.0.0", "kiosk-1"};
        const sb::CoarseTime when{"2025-06-30", sb::PartOfDay::Morning};
        const auto start = Clock::now();
        for (int item = 1; item <= 5; ++item) {
            if (!store
                     .Record(sb::MakeAnswer(session, "module-1", "item-" + std::to_string(item),
                                            sb::Phase::Pre, 3, when))
                     .Ok()) {
                return 1;
            }
        }
        const double answers = SecondsSince(start);
        // As the kiosk does it: the screen goes on once EndSession returns; the rewrite runs beside it.
        const sb::LogStatus ended = store.EndSession(sb::LogStore::Rewrite::InBackground);
        const double returned = SecondsSince(start) - answers;
        store.WaitForRewrite();
        const double rewritten = SecondsSince(start) - answers;
        std::ofstream(out_path + ".inner") << answers << " " << returned << " " << rewritten;
        return ended.Ok() && store.Status().Saving() ? 0 : 1;
    }
    if (operation == "merge") {
        out.close();
        std::filesystem::remove(out_path);
        return sb::MergeLogs(out_path, {db}).Ok() ? 0 : 1;
    }
    return 2;
}

struct Measure {
    double seconds = 0.0;
    double cpu_seconds = 0.0; // user + system of the child: what the work costs, whatever the load

    double peak_mib = 0.0;
    std::uintmax_t bytes = 0;
    std::size_t statements = 0;
    double inner[3] = {0.0, 0.0, 0.0}; // kiosk-session: the five answers, the session end, its rewrite
    bool ok = false;
};

Measure Run(const std::string& self, const std::string& operation, const std::string& db,
            const std::string& out) {
    Measure m;
    std::vector<std::string> args = {self, "--child", operation, db, out};
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    const auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
        return m;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    m.seconds = SecondsSince(start);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    m.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    long long peak_kib = 0;
    std::ifstream(out + ".peak") >> peak_kib;
    m.peak_mib = static_cast<double>(peak_kib) / 1024.0;
    m.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    std::error_code ignored;
    m.bytes = std::filesystem::file_size(out, ignored);
    std::ifstream(out + ".count") >> m.statements;
    std::ifstream(out + ".inner") >> m.inner[0] >> m.inner[1] >> m.inner[2];
    return m;
}

// The load average, printed beside the figures: this machine is shared, and wall time depends on it.
std::string LoadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen + " (" + std::to_string(std::thread::hardware_concurrency()) +
           " cores)";
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 5 && std::string(argv[1]) == "--child") {
        return Child(argv[2], argv[3], argv[4]);
    }
    std::vector<std::size_t> sizes;
    bool keep = false;
    std::string in_folder;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--keep") {
            keep = true;
        } else if (arg == "--in" && i + 1 < argc) {
            in_folder = argv[++i];
            keep = true;
        } else {
            sizes.push_back(static_cast<std::size_t>(std::strtoull(arg.c_str(), nullptr, 10)));
        }
    }
    if (sizes.empty()) {
        sizes = {100000, 1000000};
    }
    if (sizes.size() == 1) {
        sizes.push_back(sizes[0] * 10);
    }
    if (sizes[0] == 0 || sizes[1] == 0) {
        std::fprintf(stderr, "log_bench: give the sizes as positive whole numbers.\n");
        return 2;
    }
    char pattern[] = "/tmp/stageboost-log-bench-XXXXXX";
    if (in_folder.empty() && mkdtemp(pattern) == nullptr) {
        std::fprintf(stderr, "log_bench: cannot create a folder in /tmp.\n");
        return 1;
    }
    const std::filesystem::path folder = in_folder.empty() ? std::string(pattern) : in_folder;
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const std::vector<std::string> operations = {"report",      "report-by-date",  "export-csv",
                                                 "export-xapi", "export-raw-xapi", "legacy-xapi",
                                                 "merge",       "kiosk-session"};
    std::printf("load average at the start: %s\n", LoadAverage().c_str());
    std::vector<std::vector<Measure>> results(2);
    for (int s = 0; s < 2; ++s) {
        const std::string db = (folder / ("log-" + std::to_string(sizes[s]) + ".sqlite")).string();
        const auto start = Clock::now();
        std::error_code ignored;
        if (!in_folder.empty() && std::filesystem::exists(db, ignored)) {
            std::printf("reusing %s\n", db.c_str());
        } else if (!Generate(sizes[s], db)) {
            return 1;
        } else {
            std::printf(
                "generated %zu answers in %.1f s (bulk transactions, not the kiosk's one per answer)\n",
                sizes[s], SecondsSince(start));
        }
        for (const std::string& operation : operations) {
            const std::string out = (folder / (operation + "-" + std::to_string(sizes[s]) + ".out")).string();
            results[s].push_back(Run(self, operation, db, out));
        }
    }
    std::printf("load average at the end: %s\n", LoadAverage().c_str());
    std::printf("\n%zu and %zu answers; wall time, CPU time (user + system) and peak memory (VmHWM), each "
                "operation in a process of its own\n",
                sizes[0], sizes[1]);
    std::printf("%-16s %9s %9s %6s %9s %9s %6s %9s %9s %6s %s\n", "operation", "wall", "wall", "x", "cpu",
                "cpu", "x", "peak MiB", "peak MiB", "x", "verdict (time <= 11x, memory <= 2x)");
    bool all_ok = true;
    for (std::size_t i = 0; i < operations.size(); ++i) {
        const Measure& a = results[0][i];
        const Measure& b = results[1][i];
        const double time_ratio = b.seconds / std::max(a.seconds, 1e-6);
        const double cpu_ratio = b.cpu_seconds / std::max(a.cpu_seconds, 1e-6);
        const double memory_ratio = b.peak_mib / std::max(a.peak_mib, 1e-6);
        const bool ok = a.ok && b.ok && time_ratio <= 11.0 && memory_ratio <= 2.0;
        all_ok = all_ok && (ok || operations[i] == "legacy-xapi" || operations[i] == "kiosk-session");
        std::printf("%-16s %7.3f s %7.3f s %5.1fx %7.3f s %7.3f s %5.1fx %9.1f %9.1f %5.2fx %s\n",
                    operations[i].c_str(), a.seconds, b.seconds, time_ratio, a.cpu_seconds, b.cpu_seconds,
                    cpu_ratio, a.peak_mib, b.peak_mib, memory_ratio,
                    operations[i] == "legacy-xapi"     ? "(baseline for the xAPI size, not a target)"
                    : operations[i] == "kiosk-session" ? "(includes copying the log; see below)"
                    : !a.ok || !b.ok                   ? "FAILED"
                    : ok                               ? "ok"
                                                       : "OFF TARGET");
    }
    const Measure& report = results[1][0];
    std::printf("\nreport of %zu answers: %.3f s wall, %.3f s CPU (target < 1.5 s) %s\n", sizes[1],
                report.seconds, report.cpu_seconds, report.seconds < 1.5 ? "ok" : "SLOWER THAN TARGET");
    // The measure: the file `export --format xapi` writes for the same log, before (every answer,
    // with its activity's definition and scale in every statement) and now (released answers only, each
    // definition once per file). Per statement as well, so the layout's own share is visible.
    bool xapi_ok = true;
    for (int s = 0; s < 2; ++s) {
        const Measure& legacy = results[s][5];
        const Measure& raw = results[s][4];
        const Measure& safe = results[s][3];
        auto per = [](const Measure& m) {
            return static_cast<double>(m.bytes) / static_cast<double>(std::max<std::size_t>(m.statements, 1));
        };
        const double ratio =
            static_cast<double>(legacy.bytes) / std::max(static_cast<double>(safe.bytes), 1.0);
        xapi_ok = xapi_ok && ratio >= 3.0;
        std::printf(
            "xAPI at %zu answers: before %.1f MB (%zu statements, %.0f B each); export --raw now %.1f MB "
            "(%zu, %.0f B each, %.2fx smaller per statement); export now %.1f MB (%zu released, %.0f B "
            "each, %.2fx smaller per statement): the file %.2fx smaller (target >= 3x) %s\n",
            sizes[s], legacy.bytes / 1e6, legacy.statements, per(legacy), raw.bytes / 1e6, raw.statements,
            per(raw), per(legacy) / std::max(per(raw), 1.0), safe.bytes / 1e6, safe.statements, per(safe),
            per(legacy) / std::max(per(safe), 1.0), ratio, ratio >= 3.0 ? "ok" : "OFF TARGET");
    }
    all_ok = all_ok && xapi_ok && report.seconds < 1.5;
    for (int s = 0; s < 2; ++s) {
        const Measure& m = results[s][7]; // kiosk-session
        std::printf(
            "kiosk with %zu answers in its log: one student's five answers %.3f s, the session end %.3f s on "
            "the kiosk's thread, then %.3f s for the rewrite beside it (O(size of the log); the next "
            "student's "
            "first answer waits for it only when it comes sooner)\n",
            sizes[s], m.inner[0], m.inner[1], m.inner[2]);
    }
    if (keep) {
        std::printf("kept %s\n", folder.c_str());
    } else {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
    return all_ok ? 0 : 1;
}
