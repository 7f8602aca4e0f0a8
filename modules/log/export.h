#pragma once
// Exports of the anonymous log: CSV and xAPI 1.0.3 statements, streamed (one block or row at a time).
//
// Safe by default (log/release.h): only released blocks of sealed cohorts, and per answer only
//   cohort, the cohort's kiosk and sealed date, pack, module, item, phase, value, and a pseudonym for one
//   check's answers to one statement (CheckPseudonym). No date, part of the day, pack version or session
//   code: every combination of what describes an answer is shared by at least k = 5 students.
// Raw (`export --raw`, for a data steward only, never offered by the kiosk): every stored answer with its
//   date, part of the day, kiosk, pack version and session code. It can single out a student.
//
// xAPI mapping (one statement per answer):
// - id: the answer's UUID. verb: http://adlnet.gov/expapi/verbs/answered.
// - actor: an Agent with an account: name = the pseudonym (raw: the session code), homePage = the kiosk's
//   URL (XapiOptions::home_page with "{kiosk}" replaced by the kiosk label).
// - object: the item as an Activity "<activity_base>/packs/<pack>/items/<item>" (cmi.interaction, likert,
//   scale "1".."5"). Its definition is written once per file, in the first statement about it; later
//   statements name the activity by id only (the LRS keeps the definition, xAPI 1.0.3 section 2.4.4.1).
// - result.response: "1".."5" ("dont-know" with include_dont_know).
// - context: the module (or the whole-session check) as parent; safe: the cohort as grouping activity
//   "<activity_base>/cohorts/<id>" (its definition, once per file, names the kiosk and sealed date);
//   extensions: the phase (raw also the part of the day, pack version and kiosk).
// - timestamp: safe: the cohort's sealed date at 12:00 local time; raw: the date at the middle of the part
//   of the day (03, 09, 15, 21 h). Both with the real UTC offset of that local time in the time zone of the
//   computer that exports (TZ), e.g. "2025-03-10T15:00:00+01:00". The log keeps no clock time: these are
//   markers, not moments of answering.

#include "log/answer.h"
#include "log/release.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace sb {

struct XapiOptions {
    std::string home_page = "https://stageboost.local/kiosk/{kiosk}";
    std::string activity_base = "https://stageboost.local/xapi";
    bool include_dont_know = false;
};

// "" when the options make valid xAPI, otherwise why not ("--home-page is not an absolute IRI ...").
std::string ValidateXapiOptions(const XapiOptions& options);

// An absolute IRI (RFC 3987): a scheme, ':', then no spaces, controls or < > " { } | \ ^ `; for http(s)
// also a host after "//".
bool IsAbsoluteIri(std::string_view text);

struct ExportResult {
    ScanSummary scan;
    std::size_t written = 0;
    std::size_t dont_know_left_out = 0;
};

// One CSV field, quoted when needed; a leading = + - @ is defused so spreadsheets never run it as a formula.
std::string CsvField(const std::string& text);

// Safe exports (released blocks only).
ExportResult ExportCsv(const std::vector<std::string>& logs, const ReleaseFilter& filter, std::ostream& out);
ExportResult ExportXapi(const std::vector<std::string>& logs, const ReleaseFilter& filter,
                        const XapiOptions& options, std::ostream& out);

// Raw exports, for a data steward only.
ExportResult ExportRawCsv(const std::vector<std::string>& logs, const ReleaseFilter& filter,
                          std::ostream& out);
ExportResult ExportRawXapi(const std::vector<std::string>& logs, const ReleaseFilter& filter,
                           const XapiOptions& options, std::ostream& out);

// The warning the tool prints before a raw export (English, then Dutch).
std::string RawExportWarning();

// "YYYY-MM-DDTHH:00:00+HH:MM": the local time `hour` on `date` with its real UTC offset (system time zone).
std::string XapiTimestamp(const std::string& date, int hour);

// Percent-encodes everything but unreserved characters (RFC 3986), for labels inside URLs.
std::string PercentEncode(const std::string& text);

// A released copy of a log for the USB stick: a log file (the same format, so `stageboost-log` reads it)
// that holds only the released blocks, with every session code replaced by CheckPseudonym, every date by
// its cohort's sealed date, the part of the day by "middag" and the pack version by "released". It is
// written to `out` (a new file; an existing one is replaced only when the copy is complete).
struct ReleasedCopyResult {
    ScanSummary scan;
    LogStatus output;
    std::size_t answers = 0;
    bool Ok() const { return output.Ok() && scan.AllFilesRead(); }
};
ReleasedCopyResult WriteReleasedCopy(const std::vector<std::string>& logs, const std::string& out);

} // namespace sb
