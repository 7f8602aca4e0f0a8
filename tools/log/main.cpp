// stageboost-log: the command-line face of the anonymous confidence log.
//   stageboost-log report DB... [--pack ID] [--module ID] [--kiosk LABEL] [--from DATE] [--to DATE]
//                               [--by none|kiosk|date] [--format text|csv|json] [--out FILE]
//   stageboost-log export DB... --format csv|xapi [--out FILE] [--home-page IRI] [--activity-base IRI]
//                               [--include-dont-know] [--raw] [filters]
//   stageboost-log merge OUT IN...
// Everything but `export --raw` goes through the release rule (log/release.h): only whole sealed cohorts.
// Filters select whole cohorts (dates are the dates cohorts were completed).
// Exit status: 0 done; 1 done, but a log could not be read or written (the message says which), or the
// target of a merge was refused; 2 wrong usage.

#include "confidence/report.h"
#include "log/export.h"
#include "log/log_reader.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitPartial = 1;
constexpr int kExitUsage = 2;

struct FilterOptions {
    std::string pack;
    std::string module;
    bool session_check = false;
    std::string kiosk;
    std::string from;
    std::string to;
};

void AddFilterOptions(CLI::App& command, FilterOptions& options) {
    command.add_option("--pack", options.pack, "Only answers of this pack (its id)");
    command.add_option("--module", options.module,
                       "Only answers of this module (its id); --module '' selects the whole-session check");
    command.add_flag("--session-check", options.session_check, "Only the check around a whole session");
    command.add_option("--kiosk", options.kiosk, "Only cohorts formed at this kiosk (its label)");
    command.add_option("--from", options.from, "First date a cohort was completed to include, YYYY-MM-DD");
    command.add_option("--to", options.to, "Last date a cohort was completed to include, YYYY-MM-DD");
}

bool MakeFilter(const CLI::App& command, const FilterOptions& options, sb::AnswerFilter& filter) {
    filter.pack_id = options.pack;
    if (options.session_check) {
        filter.module_id = "";
    } else if (command.count("--module") > 0) {
        filter.module_id = options.module;
    }
    filter.kiosk = options.kiosk;
    filter.from = options.from;
    filter.to = options.to;
    const std::string problem = sb::ValidateFilter(filter);
    if (!problem.empty()) {
        std::cerr << "stageboost-log: " << problem << ".\n";
        return false;
    }
    return true;
}

// Writes to FILE through a temporary file that is renamed at the end, so an interrupted run never leaves
// half a file; "" or "-" writes to standard output.
bool WriteOutput(const std::string& path, const std::string& what,
                 const std::function<void(std::ostream&)>& write) {
    if (path.empty() || path == "-") {
        std::ios::sync_with_stdio(false);
        write(std::cout);
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "stageboost-log: could not write the " << what << " to standard output.\n";
            return false;
        }
        return true;
    }
    const std::string temporary = path + ".part";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) {
            std::cerr << "stageboost-log: cannot create " << temporary
                      << " (does the folder exist, and may you write there?).\n";
            return false;
        }
        write(file);
        file.flush();
        if (!file) {
            std::cerr << "stageboost-log: could not write the " << what << " to " << temporary
                      << " (is the disk full?).\n";
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return false;
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::cerr << "stageboost-log: could not rename " << temporary << " to " << path << ": "
                  << error.message() << ".\n";
        return false;
    }
    return true;
}

void ReportUnreadable(const std::vector<sb::LogFileInfo>& files) {
    for (const sb::LogFileInfo& file : files) {
        if (!file.status.Ok()) {
            std::cerr << "stageboost-log: could not read " << file.path << ": " << sb::ReadProblem(file)
                      << ".\n";
        }
        if (file.invalid > 0) {
            std::cerr << "stageboost-log: " << file.path << ": skipped " << file.invalid
                      << " rows that could not be understood.\n";
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Stageboost confidence log: reports, exports and merges of the anonymous before/after answers."};
    app.require_subcommand(1);

    // report
    std::vector<std::string> report_logs;
    FilterOptions report_filter;
    std::string report_format = "text";
    std::string report_by = "none";
    std::string report_out;
    CLI::App* report =
        app.add_subcommand("report", "Per item: pairs, means, change with 95% CI, Wilcoxon, r");
    report->add_option("DB", report_logs, "Log files (.sqlite) to read")->required();
    AddFilterOptions(*report, report_filter);
    report
        ->add_option("--by", report_by,
                     "Rows under each item's total: none, kiosk or date (every item is already per module; "
                     "'module' is accepted as 'none')")
        ->check(CLI::IsMember({"module", "kiosk", "date", "none"}));
    report->add_option("--format", report_format, "text, csv or json")
        ->check(CLI::IsMember({"text", "csv", "json"}));
    report->add_option("--out", report_out, "Write to this file instead of standard output");

    // export
    std::vector<std::string> export_logs;
    FilterOptions export_filter;
    std::string export_format;
    std::string export_out;
    sb::XapiOptions xapi;
    bool export_raw = false;
    CLI::App* export_command = app.add_subcommand(
        "export", "Released answers (whole sealed cohorts, no dates or session codes) as CSV or xAPI 1.0.3");
    export_command->add_option("DB", export_logs, "Log files (.sqlite) to read")->required();
    export_command->add_option("--format", export_format, "csv or xapi")
        ->required()
        ->check(CLI::IsMember({"csv", "xapi"}));
    export_command->add_option("--out", export_out, "Write to this file instead of standard output");
    export_command
        ->add_option("--home-page", xapi.home_page,
                     "xAPI account.homePage; {kiosk} is replaced by the kiosk label")
        ->capture_default_str();
    export_command->add_option("--activity-base", xapi.activity_base, "Start of the xAPI activity ids")
        ->capture_default_str();
    export_command->add_flag("--include-dont-know", xapi.include_dont_know,
                             "xAPI: also export 'don't know' answers (response \"dont-know\")");
    export_command->add_flag(
        "--raw", export_raw,
        "For the data steward only: every answer with date, part of day, kiosk and session "
        "code. It can single out a student; a warning is printed");
    AddFilterOptions(*export_command, export_filter);

    // merge
    std::string merge_out;
    std::vector<std::string> merge_inputs;
    CLI::App* merge =
        app.add_subcommand("merge", "Combine logs of several kiosks into OUT without duplicates");
    merge->add_option("OUT", merge_out, "The combined log (created when missing; answers already in it stay)")
        ->required();
    merge->add_option("IN", merge_inputs, "Logs to add")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? kExitOk : kExitUsage;
    }

    try {
        if (report->parsed()) {
            sb::ReportOptions options;
            if (!MakeFilter(*report, report_filter, options.filter)) {
                return kExitUsage;
            }
            options.grouping = sb::ParseReportGrouping(report_by).value_or(sb::ReportGrouping::None);
            const sb::ConfidenceReport result = sb::BuildReport(report_logs, options);
            ReportUnreadable(result.scan.files);
            if (!result.scan.AnyFileRead()) {
                std::cerr << "stageboost-log: no log could be read, so there is no report.\n";
                return kExitPartial;
            }
            const std::string text = report_format == "json"  ? sb::RenderReportJson(result)
                                     : report_format == "csv" ? sb::RenderReportCsv(result)
                                                              : sb::RenderReportText(result);
            if (!WriteOutput(report_out, "report", [&](std::ostream& out) { out << text; })) {
                return kExitPartial;
            }
            return result.AllFilesRead() ? kExitOk : kExitPartial;
        }

        if (export_command->parsed()) {
            sb::ReleaseFilter filter;
            if (!MakeFilter(*export_command, export_filter, filter)) {
                return kExitUsage;
            }
            if (export_format == "xapi") {
                const std::string problem = sb::ValidateXapiOptions(xapi);
                if (!problem.empty()) {
                    std::cerr << "stageboost-log: " << problem << ".\n";
                    return kExitUsage;
                }
            }
            if (export_raw) {
                std::cerr << sb::RawExportWarning();
            }
            sb::ExportResult exported;
            const bool written = WriteOutput(export_out, "export", [&](std::ostream& out) {
                if (export_format == "xapi") {
                    exported = export_raw ? sb::ExportRawXapi(export_logs, filter, xapi, out)
                                          : sb::ExportXapi(export_logs, filter, xapi, out);
                } else {
                    exported = export_raw ? sb::ExportRawCsv(export_logs, filter, out)
                                          : sb::ExportCsv(export_logs, filter, out);
                }
            });
            ReportUnreadable(exported.scan.files);
            if (!exported.scan.AnyFileRead()) {
                std::cerr << "stageboost-log: no log could be read, so nothing was exported.\n";
                return kExitPartial;
            }
            if (!written) {
                return kExitPartial;
            }
            if (exported.scan.conflicts > 0) {
                std::cerr
                    << "stageboost-log: " << exported.scan.conflicts
                    << " answers had the same UUID as another with different content; the first was kept.\n";
            }
            std::cerr << "stageboost-log: exported " << exported.written << " answers";
            if (exported.scan.duplicates > 0) {
                std::cerr << " (" << exported.scan.duplicates << " duplicates in the logs written once)";
            }
            if (!export_raw) {
                std::cerr << " from " << exported.scan.cohorts_sealed << " complete cohorts; "
                          << exported.scan.checks_waiting << " checks wait for their cohort to complete";
            }
            std::cerr << ".\n";
            if (exported.dont_know_left_out > 0) {
                std::cerr << "stageboost-log: " << exported.dont_know_left_out
                          << " 'don't know' answers are not in the xAPI export (they have no value on the "
                             "1-5 scale); add --include-dont-know to export them too.\n";
            }
            return exported.scan.AllFilesRead() ? kExitOk : kExitPartial;
        }

        if (merge->parsed()) {
            const sb::MergeResult result = sb::MergeLogs(merge_out, merge_inputs);
            if (result.refused_target) {
                std::cerr << "stageboost-log: " << merge_out << " is not a log that can be added to: "
                          << sb::ReadProblem(sb::LogFileInfo{merge_out, result.output, 0, 0, 0})
                          << ".\nIt was left exactly as it was. Merge into a new file instead.\n";
                return kExitPartial;
            }
            ReportUnreadable(result.input.files);
            if (!result.output.Ok()) {
                std::cerr << "stageboost-log: could not write " << merge_out << ": "
                          << result.output.MessageEn();
                if (!result.output.detail.empty()) {
                    std::cerr << " (" << result.output.detail << ")";
                }
                std::cerr << "\nNothing was added to it.\n";
                return kExitPartial;
            }
            std::cout << "Added " << result.written.inserted << " answers to " << merge_out << "; skipped "
                      << result.written.duplicates << " that were already in it (or twice in the inputs)";
            if (result.written.conflicts > 0) {
                std::cout << "; " << result.written.conflicts
                          << " had a known UUID with other content and were skipped";
            }
            if (result.written.invalid > 0) {
                std::cout << "; " << result.written.invalid
                          << " rows could not be understood and were skipped";
            }
            std::cout << ".\n";
            return result.Ok() ? kExitOk : kExitPartial;
        }
    } catch (const std::exception& error) {
        // The engine does not throw on bad input; this is for running out of memory and the like.
        std::cerr << "stageboost-log: stopped: " << error.what() << "\n";
        return kExitPartial;
    }
    return kExitUsage;
}
