#pragma once
// Exports of the anonymous log: CSV (one row per answer) and xAPI 1.0.3 statements.
//
// xAPI mapping (one statement per answer):
// - id: the answer's UUID.
// - actor: an anonymous Agent with an account: account.name is the session id (random, pairs before and
//   after), account.homePage the kiosk's URL (XapiOptions::home_page, "{kiosk}" replaced by the kiosk label).
// - verb: http://adlnet.gov/expapi/verbs/answered, display en-US "answered".
// - object: the item as an Activity, id "<activity_base>/packs/<pack>/items/<item>", definition type
//   http://adlnet.gov/expapi/activities/cmi.interaction, interactionType "likert", scale "1".."5".
// - result.response: the scale value as a string ("1".."5").
// - context: the module (or the whole-session check) as the parent activity, and extensions for the phase
//   (pre / post / retro), the part of the day, the pack version and the kiosk label.
// - timestamp: the stored date with the part of the day mapped to a fixed hour, the middle of that part:
//   nacht 03:00, ochtend 09:00, middag 15:00, avond 21:00, written as UTC ("Z") so it is valid ISO 8601.
//   The log keeps no clock time, so this is a marker for the part of the day, not the moment of answering.
// - "Don't know" answers have no value on the 1-5 scale. They are left out unless include_dont_know is
//   set; then they get response "dont-know" and a sixth scale entry "dont-know" in every definition.

#include "log/answer.h"

#include <ostream>
#include <string>
#include <vector>

namespace sb {

struct XapiOptions {
    std::string home_page = "https://stageboost.local/kiosk/{kiosk}";
    std::string activity_base = "https://stageboost.local/xapi";
    bool include_dont_know = false;
};

struct ExportResult {
    std::size_t written = 0;
    std::size_t dont_know_left_out = 0;
};

// Writes
// "uuid,session_id,pack_id,pack_version,module_id,item_id,phase,value,dont_know,date,part_of_day,kiosk". One
// CSV field, quoted when needed; a leading = + - @ is defused so spreadsheets never run it as a formula.
std::string CsvField(const std::string& text);

ExportResult WriteAnswersCsv(const std::vector<Answer>& answers, std::ostream& out);

// Writes a JSON array of statements, one statement per line.
ExportResult WriteXapiStatements(const std::vector<Answer>& answers, const XapiOptions& options,
                                 std::ostream& out);

// "YYYY-MM-DDTHH:00:00Z" with HH from PartOfDayExportHour.
std::string XapiTimestamp(const std::string& date, PartOfDay part);

// Percent-encodes everything but unreserved characters (RFC 3986), for labels inside URLs.
std::string PercentEncode(const std::string& text);

} // namespace sb
