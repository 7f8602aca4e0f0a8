// log_bench: generates a confidence log with 100,000 answers, then times `export` (target < 1 s) and
// `report` (target < 0.5 s) through the same engine calls stageboost-log makes, and prints the figures.
// Not a test: timings depend on the machine. Usage: log_bench [ANSWERS] [--keep]

#include "confidence/report.h"
#include "log/export.h"
#include "log/log_reader.h"
#include "log/log_store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<sb::Answer> Generate(std::size_t count) {
    std::mt19937 random(20240601); // fixed seed: the same shape of data every run (ids are still random)
    std::uniform_int_distribution<int> module_pick(0, 5);
    std::uniform_int_distribution<int> kiosk_pick(1, 4);
    std::uniform_int_distribution<int> day_pick(1, 28);
    std::uniform_int_distribution<int> hour_pick(8, 21);
    std::uniform_int_distribution<int> value_pick(1, 5);
    std::uniform_int_distribution<int> percent(0, 99);

    std::vector<sb::Answer> answers;
    answers.reserve(count + 16);
    while (answers.size() < count) {
        char date[32];
        std::snprintf(date, sizeof date, "2025-%02d-%02d", 1 + static_cast<int>(answers.size() * 6 / count),
                      day_pick(random));
        const sb::SessionContext session{sb::NewSessionId(), "bench-pack", "1.0.0",
                                         "kiosk-" + std::to_string(kiosk_pick(random))};
        const int module = module_pick(random);
        const std::string module_id = module == 0 ? "" : "module-" + std::to_string(module);
        const sb::CoarseTime when{date, sb::PartOfDayForHour(hour_pick(random))};
        for (int item = 1; item <= 5 && answers.size() < count; ++item) {
            const std::string item_id = "item-" + std::to_string(item);
            const int before = value_pick(random);
            auto value = [&](int v) -> std::optional<int> {
                return percent(random) < 5 ? std::nullopt : std::optional<int>(std::clamp(v, 1, 5));
            };
            answers.push_back(
                sb::MakeAnswer(session, module_id, item_id, sb::Phase::Pre, value(before), when));
            if (percent(random) < 90) {
                answers.push_back(sb::MakeAnswer(session, module_id, item_id, sb::Phase::Post,
                                                 value(before + (percent(random) < 60 ? 1 : 0)), when));
            }
            if (percent(random) < 30) {
                answers.push_back(
                    sb::MakeAnswer(session, module_id, item_id, sb::Phase::Retro, value(before - 1), when));
            }
        }
    }
    answers.resize(count);
    return answers;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t count = 100000;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--keep") {
            keep = true;
        } else {
            count = static_cast<std::size_t>(std::strtoull(arg.c_str(), nullptr, 10));
        }
    }
    if (count == 0) {
        std::fprintf(stderr, "log_bench: give the number of answers as a positive whole number.\n");
        return 2;
    }

    char pattern[] = "/tmp/stageboost-log-bench-XXXXXX";
    if (mkdtemp(pattern) == nullptr) {
        std::fprintf(stderr, "log_bench: cannot create a folder in /tmp.\n");
        return 1;
    }
    const std::filesystem::path folder = pattern;
    const std::string db = (folder / "bench.sqlite").string();

    auto start = Clock::now();
    const std::vector<sb::Answer> answers = Generate(count);
    {
        sb::LogStore store;
        sb::LogStatus status = store.Open(db);
        for (std::size_t at = 0; status.Ok() && at < answers.size(); at += 20000) {
            const std::vector<sb::Answer> chunk(
                answers.begin() + static_cast<std::ptrdiff_t>(at),
                answers.begin() + static_cast<std::ptrdiff_t>(std::min(at + 20000, answers.size())));
            status = store.InsertMany(chunk);
        }
        store.Close();
        if (!status.Ok()) {
            std::fprintf(stderr, "log_bench: could not write %s: %s\n", db.c_str(),
                         status.MessageEn().c_str());
            return 1;
        }
    }
    std::printf(
        "generated %zu answers into %s in %.2f s (bulk transactions, not the kiosk's one-per-answer)\n",
        answers.size(), db.c_str(), SecondsSince(start));

    // export --format xapi --out FILE
    start = Clock::now();
    sb::ExportResult xapi_result;
    {
        const sb::LoadedAnswers loaded = sb::LoadAnswers({db});
        std::ofstream out(folder / "export.json", std::ios::binary);
        xapi_result = sb::WriteXapiStatements(loaded.answers, sb::XapiOptions{}, out);
    }
    const double xapi_seconds = SecondsSince(start);

    // export --format csv --out FILE
    start = Clock::now();
    {
        const sb::LoadedAnswers loaded = sb::LoadAnswers({db});
        std::ofstream out(folder / "export.csv", std::ios::binary);
        sb::WriteAnswersCsv(loaded.answers, out);
    }
    const double csv_seconds = SecondsSince(start);

    // report --format text
    start = Clock::now();
    const sb::ConfidenceReport report = sb::BuildReport(std::vector<std::string>{db}, sb::ReportOptions{});
    const std::string text = sb::RenderReportText(report);
    const double report_seconds = SecondsSince(start);

    auto verdict = [](double seconds, double target) {
        return seconds < target ? "ok" : "SLOWER THAN TARGET";
    };
    std::printf("export xapi : %.3f s (target < 1 s)   %s  [%zu statements, %zu 'don't know' left out]\n",
                xapi_seconds, verdict(xapi_seconds, 1.0), xapi_result.written,
                xapi_result.dont_know_left_out);
    std::printf("export csv  : %.3f s (target < 1 s)   %s\n", csv_seconds, verdict(csv_seconds, 1.0));
    std::printf("report      : %.3f s (target < 0.5 s) %s  [%zu items, %zu bytes of text]\n", report_seconds,
                verdict(report_seconds, 0.5), report.items.size(), text.size());

    if (keep) {
        std::printf("kept %s\n", folder.c_str());
    } else {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
    return 0;
}
