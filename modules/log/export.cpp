// [SECTION] text helpers (JSON, CSV, IRIs, timestamps)
// [SECTION] xAPI statement writer
// [SECTION] safe exports (released blocks)
// [SECTION] raw exports (data steward)
// [SECTION] released copy for the USB stick
#include "log/export.h"

#include "log/log_reader.h"
#include "log/log_store.h"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <unordered_set>

namespace sb {
namespace {

// ============================================================ [SECTION] text helpers

void AppendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (unsigned char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

std::string JsonString(std::string_view text) {
    std::string out;
    AppendJsonString(out, text);
    return out;
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
    std::size_t at = 0;
    while ((at = text.find(from, at)) != std::string::npos) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
    return text;
}

std::string TrimSlash(const std::string& base) {
    return !base.empty() && base.back() == '/' ? base.substr(0, base.size() - 1) : base;
}

// Writes in chunks of about 1 MiB, so memory stays flat however long the export.
class ChunkedOut {
  public:
    explicit ChunkedOut(std::ostream& out) : m_out(out) {}
    ~ChunkedOut() { Flush(); }
    std::string& Buffer() { return m_buffer; }
    void MaybeFlush() {
        if (m_buffer.size() > (1 << 20)) {
            Flush();
        }
    }
    void Flush() {
        m_out << m_buffer;
        m_buffer.clear();
    }

  private:
    std::ostream& m_out;
    std::string m_buffer;
};

// ============================================================ [SECTION] xAPI statement writer

class XapiWriter {
  public:
    XapiWriter(const XapiOptions& options, ChunkedOut& out)
        : m_options(options), m_out(out), m_base(TrimSlash(options.activity_base)) {
        m_scale = "[";
        for (int v = 1; v <= 5; ++v) {
            const std::string id = std::to_string(v);
            std::string en = id;
            std::string nl = id;
            if (v == 1) {
                en += " (low end)";
                nl += " (laag)";
            } else if (v == 5) {
                en += " (high end)";
                nl += " (hoog)";
            }
            m_scale += (v == 1 ? "" : ",") + std::string("{\"id\":\"") + id +
                       "\",\"description\":{\"en-US\":" + JsonString(en) + ",\"nl-NL\":" + JsonString(nl) +
                       "}}";
        }
        if (options.include_dont_know) {
            m_scale += ",{\"id\":\"dont-know\",\"description\":{\"en-US\":\"Don't know\",\"nl-NL\":\"Weet ik "
                       "niet\"}}";
        }
        m_scale += "]";
        AppendJsonString(m_answer_key_json, m_base + "/extensions/answer");
        m_cohort_base = JsonString(m_base + "/cohorts/");
        m_cohort_base = m_cohort_base.substr(1, m_cohort_base.size() - 2); // without the quotes
        m_out.Buffer() += "[";
    }
    void Finish() { m_out.Buffer() += m_first ? "]\n" : "\n]\n"; }

    struct Statement {
        std::string_view uuid;
        std::string_view actor;
        std::string_view kiosk;
        std::string_view pack_id;
        std::string_view module_id;
        std::string_view item_id;
        Phase phase = Phase::Pre;
        std::optional<int> value;
        std::string_view timestamp;
        const CohortInfo* cohort = nullptr;     // safe exports
        std::string_view extra_extensions = ""; // raw exports: ,"key":value...
    };

    void Write(const Statement& s) {
        // Statements come in runs of one kiosk, item and module (blocks, or a raw scan in key order): the
        // IRIs are built when they change, not for every statement.
        if (s.kiosk != m_kiosk || m_home_json.empty()) {
            m_kiosk.assign(s.kiosk);
            m_home_json.clear();
            AppendJsonString(m_home_json, ReplaceAll(m_options.home_page, "{kiosk}", PercentEncode(m_kiosk)));
        }
        const bool new_item = s.item_id != m_item || s.pack_id != m_item_pack;
        if (new_item) {
            m_item.assign(s.item_id);
            m_item_pack.assign(s.pack_id);
            m_item_json.clear();
            AppendJsonString(m_item_json, m_base + "/packs/" + PercentEncode(m_item_pack) + "/items/" +
                                              PercentEncode(m_item));
        }
        if (s.module_id != m_module || s.pack_id != m_module_pack) {
            m_module.assign(s.module_id);
            m_module_pack.assign(s.pack_id);
            m_parent_json.clear();
            AppendJsonString(m_parent_json, m_base + "/packs/" + PercentEncode(m_module_pack) +
                                                (m_module.empty() ? std::string("/session-check")
                                                                  : "/modules/" + PercentEncode(m_module)));
        }
        std::string& b = m_out.Buffer();
        b += m_first ? "\n" : ",\n";
        m_first = false;
        b += "{\"id\":\"";
        b += s.uuid;
        // Only what a statement needs: an actor is an Agent unless it says otherwise, and the verb is ADL's
        // own, so neither carries an objectType or a display (xAPI 1.0.3, 2.4.2 and 2.4.3).
        b += "\",\"actor\":{\"account\":{\"homePage\":";
        b += m_home_json;
        b += ",\"name\":\"";
        b += s.actor;
        b += "\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\"},\"object\":{\"id\":";
        b += m_item_json;
        if (new_item && m_defined.insert(m_item_json).second) {
            // The definition once per file; the LRS keeps it for the statements that name only the id.
            b += ",\"definition\":{\"name\":{\"en-US\":";
            AppendJsonString(b, "Confidence item " + m_item + " (pack " + m_item_pack + ")");
            b += "},\"type\":\"http://adlnet.gov/expapi/activities/cmi.interaction\",\"interactionType\":"
                 "\"likert\",\"scale\":";
            b += m_scale;
            b += "}";
        }
        b += "},\"result\":{\"response\":\"";
        if (s.value) {
            b += static_cast<char>('0' + *s.value);
        } else {
            b += "dont-know";
        }
        b += "\"},\"context\":{\"contextActivities\":{\"parent\":[{\"id\":";
        b += m_parent_json;
        b += "}]";
        if (s.cohort != nullptr) {
            b += ",\"grouping\":[{\"id\":\"";
            b += m_cohort_base;
            b += CohortIdText(s.cohort->id);
            b += '"';
            if (s.cohort->id != m_last_cohort && m_cohorts.insert(s.cohort->id).second) {
                b += ",\"definition\":{\"name\":{\"en-US\":";
                AppendJsonString(b, "Cohort of at least " + std::to_string(kMinCohortSize) + " students at " +
                                        s.cohort->kiosk + ", completed " + s.cohort->sealed_date);
                b += "},\"extensions\":{";
                AppendJsonString(b, m_base + "/extensions/cohort");
                b += ":{\"kiosk\":";
                AppendJsonString(b, s.cohort->kiosk);
                b += ",\"sealedDate\":\"";
                b += s.cohort->sealed_date;
                b += "\",\"students\":";
                b += std::to_string(s.cohort->checks);
                b += "}}}";
            }
            m_last_cohort = s.cohort->id;
            b += "}]";
        }
        b += "},\"extensions\":{";
        b += m_answer_key_json;
        b += ":{\"phase\":\"";
        b += PhaseName(s.phase);
        b += '"';
        b += s.extra_extensions;
        b += "}}},\"timestamp\":\"";
        b += s.timestamp;
        b += "\"}";
        m_out.MaybeFlush();
    }

  private:
    const XapiOptions& m_options;
    ChunkedOut& m_out;
    std::string m_base;
    std::string m_scale;
    bool m_first = true;
    std::unordered_set<std::string> m_defined;
    std::unordered_set<std::int64_t> m_cohorts;
    std::int64_t m_last_cohort = 0;
    std::string m_cohort_base;     // the cohorts' IRI up to the id (no character in it needs escaping)
    std::string m_answer_key_json; // the answer extension's IRI as a JSON string
    std::string m_kiosk, m_home_json;
    std::string m_item, m_item_pack, m_item_json;
    std::string m_module, m_module_pack, m_parent_json;
};

} // namespace

bool IsAbsoluteIri(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        return false;
    }
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!alpha(text[0])) {
        return false;
    }
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = text[i];
        if (!(alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
            return false;
        }
    }
    if (colon + 1 >= text.size()) {
        return false;
    }
    for (unsigned char c : text) {
        if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
            c == '\\' || c == '^' || c == '`') {
            return false;
        }
    }
    std::string scheme(text.substr(0, colon));
    for (char& c : scheme) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (scheme == "http" || scheme == "https") {
        const std::string_view rest = text.substr(colon + 1);
        if (rest.size() < 3 || rest.substr(0, 2) != "//" || rest[2] == '/' || rest[2] == '?' ||
            rest[2] == '#') {
            return false;
        }
    }
    return true;
}

std::string ValidateXapiOptions(const XapiOptions& options) {
    // {kiosk} becomes a place code (letters, digits, '-'): check with one in its place.
    const std::string home = ReplaceAll(options.home_page, "{kiosk}", "kiosk-1");
    if (!IsAbsoluteIri(home)) {
        return "--home-page '" + options.home_page +
               "' is not an absolute IRI (xAPI account.homePage needs one, e.g. "
               "https://school.example/kiosk/{kiosk})";
    }
    const std::string base = TrimSlash(options.activity_base);
    if (!IsAbsoluteIri(base) || base.find('?') != std::string::npos || base.find('#') != std::string::npos) {
        return "--activity-base '" + options.activity_base +
               "' is not an absolute IRI without '?' or '#' (activity ids are built from it, e.g. "
               "https://school.example/xapi)";
    }
    return "";
}

std::string PercentEncode(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0f];
        }
    }
    return out;
}

std::string XapiTimestamp(const std::string& date, int hour) {
    std::tm parts{};
    if (std::sscanf(date.c_str(), "%d-%d-%d", &parts.tm_year, &parts.tm_mon, &parts.tm_mday) != 3) {
        return date + "T00:00:00Z";
    }
    parts.tm_year -= 1900;
    parts.tm_mon -= 1;
    parts.tm_hour = hour;
    parts.tm_isdst = -1; // let the time zone say whether summer time applies on that day
    const std::time_t when = std::mktime(&parts);
    std::tm local{};
    localtime_r(&when, &local);
    const long offset = local.tm_gmtoff; // seconds east of UTC at that local time
    char buffer[64];
    const long minutes = (offset < 0 ? -offset : offset) / 60;
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:00%c%02ld:%02ld", local.tm_year + 1900,
                  local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min, offset < 0 ? '-' : '+',
                  minutes / 60, minutes % 60);
    return buffer;
}

// One CSV field: quoted when needed, and never read as a formula by a spreadsheet.
std::string CsvField(const std::string& text) {
    bool quote = false;
    for (char c : text) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
        }
    }
    const bool formula =
        !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@');
    if (!quote && !formula) {
        return text;
    }
    std::string out = "\"";
    if (formula) {
        out += '\'';
    }
    for (char c : text) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    return out + "\"";
}

// ============================================================ [SECTION] safe exports

namespace {

// Calls `row` for every answer a released block lets out, with the pseudonym of its check.
void ForEachReleasedAnswer(const ReleasedBlock& block,
                           const std::function<void(const BlockRow&, const std::string& pseudonym)>& row) {
    std::string_view session;
    std::string pseudonym;
    auto emit = [&](const BlockRow* r) {
        if (r->session_id != session) {
            session = r->session_id;
            pseudonym = CheckPseudonym(session, block.pack_id, block.module_id, block.item_id);
        }
        row(*r, pseudonym);
    };
    for (const BlockRow* r : block.pair_rows) {
        emit(r);
    }
    for (const BlockRow* r : block.dont_know_rows) {
        emit(r);
    }
}

} // namespace

ExportResult ExportCsv(const std::vector<std::string>& logs, const ReleaseFilter& filter, std::ostream& out) {
    ExportResult result;
    ChunkedOut chunks(out);
    chunks.Buffer() =
        "cohort,cohort_kiosk,cohort_sealed_date,pack_id,module_id,item_id,participant,phase,value,"
        "dont_know\n";
    std::string prefix; // what every row of a block shares
    result.scan = ScanReleased(logs, filter, [&](const ReleasedBlock& block) {
        prefix = CohortIdText(block.cohort->id);
        for (std::string_view field :
             {std::string_view(block.cohort->kiosk), std::string_view(block.cohort->sealed_date),
              block.pack_id, block.module_id, block.item_id}) {
            prefix += ',';
            prefix += field;
        }
        prefix += ',';
        ForEachReleasedAnswer(block, [&](const BlockRow& r, const std::string& pseudonym) {
            std::string& b = chunks.Buffer();
            b += prefix;
            b += pseudonym;
            b += ',';
            b += PhaseName(r.phase);
            b += ',';
            if (r.value) {
                b += static_cast<char>('0' + *r.value);
            }
            b += r.value ? ",no\n" : ",yes\n";
            ++result.written;
            chunks.MaybeFlush();
        });
    });
    return result;
}

ExportResult ExportXapi(const std::vector<std::string>& logs, const ReleaseFilter& filter,
                        const XapiOptions& options, std::ostream& out) {
    ExportResult result;
    ChunkedOut chunks(out);
    XapiWriter writer(options, chunks);
    std::string timestamp;
    std::string timestamp_date;
    result.scan = ScanReleased(logs, filter, [&](const ReleasedBlock& block) {
        if (block.cohort->sealed_date != timestamp_date) {
            timestamp_date = block.cohort->sealed_date;
            timestamp = XapiTimestamp(timestamp_date, 12);
        }
        ForEachReleasedAnswer(block, [&](const BlockRow& r, const std::string& pseudonym) {
            if (!r.value && !options.include_dont_know) {
                ++result.dont_know_left_out;
                return;
            }
            XapiWriter::Statement s;
            s.uuid = r.uuid;
            s.actor = pseudonym;
            s.kiosk = block.cohort->kiosk;
            s.pack_id = block.pack_id;
            s.module_id = block.module_id;
            s.item_id = block.item_id;
            s.phase = r.phase;
            s.value = r.value;
            s.timestamp = timestamp;
            s.cohort = block.cohort;
            writer.Write(s);
            ++result.written;
        });
    });
    writer.Finish();
    return result;
}

// ============================================================ [SECTION] raw exports

std::string RawExportWarning() {
    return "WARNING: a raw export holds every answer with its date, part of the day, kiosk and session code. "
           "It can single out a student (a lone student at a kiosk on a morning). It is for the data steward "
           "only: keep it safe, never hand it on, and delete it when done. Use an export without --raw for "
           "anyone else.\n"
           "WAARSCHUWING: een ruwe export bevat elk antwoord met datum, dagdeel, kiosk en sessiecode. "
           "Daarmee "
           "kan een student herkenbaar worden (één student aan een kiosk op een ochtend). Alleen voor de "
           "gegevensbeheerder: bewaar hem veilig, geef hem nooit door en verwijder hem na gebruik. Gebruik "
           "voor alle anderen een export zonder --raw.\n";
}

ExportResult ExportRawCsv(const std::vector<std::string>& logs, const ReleaseFilter& filter,
                          std::ostream& out) {
    ExportResult result;
    ChunkedOut chunks(out);
    chunks.Buffer() = "uuid,session_id,pack_id,pack_version,module_id,item_id,phase,value,dont_know,date,"
                      "part_of_day,kiosk,cohort\n";
    result.scan = ScanRaw(logs, filter, [&](const Answer& a, std::int64_t cohort) {
        std::string& b = chunks.Buffer();
        b += a.uuid;
        b += ',';
        b += a.session_id;
        b += ',';
        b += a.pack_id;
        b += ',';
        b += CsvField(a.pack_version);
        b += ',';
        b += a.module_id;
        b += ',';
        b += a.item_id;
        b += ',';
        b += PhaseName(a.phase);
        b += ',';
        if (a.value) {
            b += static_cast<char>('0' + *a.value);
        }
        b += a.value ? ",no," : ",yes,";
        b += a.date;
        b += ',';
        b += PartOfDayName(a.part_of_day);
        b += ',';
        b += CsvField(a.kiosk);
        b += ',';
        if (cohort != 0) {
            b += CohortIdText(cohort);
        }
        b += '\n';
        ++result.written;
        chunks.MaybeFlush();
    });
    return result;
}

ExportResult ExportRawXapi(const std::vector<std::string>& logs, const ReleaseFilter& filter,
                           const XapiOptions& options, std::ostream& out) {
    ExportResult result;
    ChunkedOut chunks(out);
    XapiWriter writer(options, chunks);
    std::string extra;
    std::string timestamp;
    std::string timestamp_key;
    result.scan = ScanRaw(logs, filter, [&](const Answer& a, std::int64_t) {
        if (!a.value && !options.include_dont_know) {
            ++result.dont_know_left_out;
            return;
        }
        const std::string key = a.date + std::string(PartOfDayName(a.part_of_day));
        if (key != timestamp_key) {
            timestamp_key = key;
            timestamp = XapiTimestamp(a.date, PartOfDayExportHour(a.part_of_day));
        }
        extra = ",\"partOfDay\":\"";
        extra += PartOfDayName(a.part_of_day);
        extra += "\",\"packVersion\":";
        AppendJsonString(extra, a.pack_version);
        extra += ",\"kiosk\":";
        AppendJsonString(extra, a.kiosk);
        XapiWriter::Statement s;
        s.uuid = a.uuid;
        s.actor = a.session_id;
        s.kiosk = a.kiosk;
        s.pack_id = a.pack_id;
        s.module_id = a.module_id;
        s.item_id = a.item_id;
        s.phase = a.phase;
        s.value = a.value;
        s.timestamp = timestamp;
        s.extra_extensions = extra;
        writer.Write(s);
        ++result.written;
    });
    writer.Finish();
    return result;
}

// ============================================================ [SECTION] released copy for the USB stick

ReleasedCopyResult WriteReleasedCopy(const std::vector<std::string>& logs, const std::string& out) {
    ReleasedCopyResult result;
    const std::string part = out + ".part";
    std::error_code error;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(part + suffix, error);
    }
    LogStore store;
    LogStore::Options options;
    options.owner = false;
    result.output = store.Open(part, options);
    if (!result.output.Ok()) {
        return result;
    }
    std::vector<std::pair<Answer, std::int64_t>> batch;
    std::unordered_set<std::int64_t> cohorts;
    std::vector<CohortInfo> cohort_rows;
    result.scan = ScanReleased(logs, {}, [&](const ReleasedBlock& block) {
        if (cohorts.insert(block.cohort->id).second) {
            cohort_rows.push_back(*block.cohort);
        }
        ForEachReleasedAnswer(block, [&](const BlockRow& r, const std::string& pseudonym) {
            Answer a;
            a.uuid = r.uuid;
            a.session_id = pseudonym;
            a.pack_id = std::string(block.pack_id);
            a.pack_version = "released";
            a.module_id = std::string(block.module_id);
            a.item_id = std::string(block.item_id);
            a.phase = r.phase;
            a.value = r.value;
            a.date = block.cohort->sealed_date;
            a.part_of_day = PartOfDay::Afternoon;
            a.kiosk = block.cohort->kiosk;
            batch.emplace_back(std::move(a), block.cohort->id);
        });
        if (batch.size() >= 20000 && result.output.Ok()) {
            result.output = store.InsertReleased(batch, cohort_rows);
            result.answers += batch.size();
            batch.clear();
            cohort_rows.clear();
        }
    });
    if (result.output.Ok()) {
        result.output = store.InsertReleased(batch, cohort_rows);
        result.answers += batch.size();
    }
    store.Close();
    if (result.output.Ok()) {
        std::filesystem::rename(part, out, error);
        if (error) {
            result.output = LogStatus{LogStatusCode::WriteError, out, error.message()};
        }
    }
    return result;
}

} // namespace sb
