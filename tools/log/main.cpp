// stageboost-log: the command-line face of the anonymous confidence log.
//   stageboost-log report DB... [--pack ID] [--module ID] [--from DATE] [--to DATE] [--by
//   module|kiosk|date|none]
//                                [--format text|csv|json] [--out FILE]
//   stageboost-log export DB... --format csv|xapi [--out FILE] [--home-page URL] [--include-dont-know]
//   [filters] stageboost-log merge OUT IN...
// Exit status: 0 done; 1 done, but a log could not be read or written (the message says which); 2 wrong
// usage.

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
    bool module_given = false;
    bool session_check = false;
    std::string from;
    std::string to;
};

void AddFilterOptions(CLI::App& command, FilterOptions& options) {
    command.add_option("--pack", options.pack, "Only answers of this pack (its id)");
    command.add_option("--module", options.module,
                       "Only answers of this module (its id); --module '' selects the whole-session check");
    command.add_flag("--session-check", options.session_check, "Only the check around a whole session");
    command.add_option("--from", options.from, "First date to include, YYYY-MM-DD");
    command.add_option("--to", options.to, "Last date to include, YYYY-MM-DD");
}

bool MakeFilter(const CLI::App& command, const FilterOptions& options, sb::AnswerFilter& filter) {
    filter.pack_id = options.pack;
    if (options.session_check) {
        filter.module_id = "";
    } else if (command.count("--module") > 0) {
        filter.module_id = options.module;
    }
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

bool AnyRead(const std::vector<sb::LogFileInfo>& files) {
    for (const sb::LogFileInfo& file : files) {
        if (file.status.Ok()) {
            return true;
        }
    }
    return false;
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
    std::string report_by = "module";
    std::string report_out;
    CLI::App* report =
        app.add_subcommand("report", "Per item: pairs, means, change with 95% CI, Wilcoxon, r");
    report->add_option("DB", report_logs, "Log files (.sqlite) to read")->required();
    AddFilterOptions(*report, report_filter);
    report->add_option("--by", report_by, "Rows under each item's total: module, kiosk, date or none")
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
    CLI::App* export_command =
        app.add_subcommand("export", "Every answer as CSV or as xAPI 1.0.3 statements");
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
            options.grouping = sb::ParseReportGrouping(report_by).value_or(sb::ReportGrouping::Module);
            const sb::ConfidenceReport result = sb::BuildReport(report_logs, options);
            ReportUnreadable(result.files);
            if (!AnyRead(result.files)) {
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
            sb::AnswerFilter filter;
            if (!MakeFilter(*export_command, export_filter, filter)) {
                return kExitUsage;
            }
            const sb::LoadedAnswers loaded = sb::LoadAnswers(export_logs, filter);
            ReportUnreadable(loaded.files);
            if (!AnyRead(loaded.files)) {
                std::cerr << "stageboost-log: no log could be read, so nothing was exported.\n";
                return kExitPartial;
            }
            if (loaded.conflicts > 0) {
                std::cerr
                    << "stageboost-log: " << loaded.conflicts
                    << " answers had the same UUID as another with different content; the first was kept.\n";
            }
            sb::ExportResult exported;
            const bool written = WriteOutput(export_out, "export", [&](std::ostream& out) {
                exported = export_format == "xapi" ? sb::WriteXapiStatements(loaded.answers, xapi, out)
                                                   : sb::WriteAnswersCsv(loaded.answers, out);
            });
            if (!written) {
                return kExitPartial;
            }
            std::cerr << "stageboost-log: exported " << exported.written << " answers";
            if (loaded.duplicates > 0) {
                std::cerr << " (" << loaded.duplicates << " duplicates in the logs written once)";
            }
            std::cerr << ".\n";
            if (exported.dont_know_left_out > 0) {
                std::cerr << "stageboost-log: " << exported.dont_know_left_out
                          << " 'don't know' answers are not in the xAPI export (they have no value on the "
                             "1-5 scale); "
                             "add --include-dont-know to export them too.\n";
            }
            return loaded.AllFilesRead() ? kExitOk : kExitPartial;
        }

        if (merge->parsed()) {
            const sb::MergeResult result = sb::MergeLogs(merge_out, merge_inputs);
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
                      << result.written.duplicates << " that were already in it";
            if (result.input.duplicates > 0) {
                std::cout << " and " << result.input.duplicates
                          << " that appeared more than once in the inputs";
            }
            if (result.written.conflicts + result.input.conflicts > 0) {
                std::cout << "; " << result.written.conflicts + result.input.conflicts
                          << " had a known UUID with other content and were skipped";
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
