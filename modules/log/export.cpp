#include "log/export.h"

#include <cstdio>
#include <unordered_map>

namespace sb {
namespace {

void AppendJsonString(std::string& out, const std::string& text) {
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

std::string JsonString(const std::string& text) {
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

} // namespace

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

std::string XapiTimestamp(const std::string& date, PartOfDay part) {
    char hour[8];
    std::snprintf(hour, sizeof hour, "%02d", PartOfDayExportHour(part));
    return date + "T" + hour + ":00:00Z";
}

ExportResult WriteAnswersCsv(const std::vector<Answer>& answers, std::ostream& out) {
    ExportResult result;
    std::string buffer = "uuid,session_id,pack_id,pack_version,module_id,item_id,phase,value,dont_know,date,"
                         "part_of_day,kiosk\n";
    for (const Answer& a : answers) {
        buffer += a.uuid;
        buffer += ',';
        buffer += a.session_id;
        buffer += ',';
        buffer += a.pack_id;
        buffer += ',';
        buffer += CsvField(a.pack_version);
        buffer += ',';
        buffer += a.module_id;
        buffer += ',';
        buffer += a.item_id;
        buffer += ',';
        buffer += PhaseName(a.phase);
        buffer += ',';
        if (a.value) {
            buffer += static_cast<char>('0' + *a.value);
        }
        buffer += a.value ? ",no," : ",yes,";
        buffer += a.date;
        buffer += ',';
        buffer += PartOfDayName(a.part_of_day);
        buffer += ',';
        buffer += CsvField(a.kiosk);
        buffer += '\n';
        ++result.written;
        if (buffer.size() > (1 << 20)) {
            out << buffer;
            buffer.clear();
        }
    }
    out << buffer;
    return result;
}

ExportResult WriteXapiStatements(const std::vector<Answer>& answers, const XapiOptions& options,
                                 std::ostream& out) {
    ExportResult result;
    const std::string base = options.activity_base.empty()
                                 ? "https://stageboost.local/xapi"
                                 : (options.activity_base.back() == '/'
                                        ? options.activity_base.substr(0, options.activity_base.size() - 1)
                                        : options.activity_base);
    std::string scale = "[";
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
        scale += (v == 1 ? "" : ",") + std::string("{\"id\":\"") + id +
                 "\",\"description\":{\"en-US\":" + JsonString(en) + ",\"nl-NL\":" + JsonString(nl) + "}}";
    }
    if (options.include_dont_know) {
        scale +=
            ",{\"id\":\"dont-know\",\"description\":{\"en-US\":\"Don't know\",\"nl-NL\":\"Weet ik niet\"}}";
    }
    scale += "]";

    const std::string extension_base = base + "/extensions/";
    std::unordered_map<std::string, std::string> objects; // pack + item -> "object":{...}
    std::unordered_map<std::string, std::string> parents; // pack + module -> "contextActivities":{...}
    std::unordered_map<std::string, std::string> homes;   // kiosk -> "homePage":"..."

    std::string buffer = "[";
    bool first = true;
    for (const Answer& a : answers) {
        if (!a.value && !options.include_dont_know) {
            ++result.dont_know_left_out;
            continue;
        }
        const std::string item_key = a.pack_id + '/' + a.item_id;
        auto object = objects.find(item_key);
        if (object == objects.end()) {
            const std::string id =
                base + "/packs/" + PercentEncode(a.pack_id) + "/items/" + PercentEncode(a.item_id);
            std::string text = "\"object\":{\"objectType\":\"Activity\",\"id\":" + JsonString(id) +
                               ",\"definition\":{\"name\":{\"en-US\":" +
                               JsonString("Confidence item " + a.item_id + " (pack " + a.pack_id + ")") +
                               "},\"type\":\"http://adlnet.gov/expapi/activities/cmi.interaction\","
                               "\"interactionType\":\"likert\",\"scale\":" +
                               scale + "}}";
            object = objects.emplace(item_key, std::move(text)).first;
        }
        const std::string module_key = a.pack_id + '/' + a.module_id;
        auto parent = parents.find(module_key);
        if (parent == parents.end()) {
            const std::string id = base + "/packs/" + PercentEncode(a.pack_id) +
                                   (a.module_id.empty() ? std::string("/session-check")
                                                        : "/modules/" + PercentEncode(a.module_id));
            parent =
                parents
                    .emplace(module_key, "\"contextActivities\":{\"parent\":[{\"objectType\":\"Activity\","
                                         "\"id\":" +
                                             JsonString(id) + "}]}")
                    .first;
        }
        auto home = homes.find(a.kiosk);
        if (home == homes.end()) {
            home = homes
                       .emplace(a.kiosk,
                                JsonString(ReplaceAll(options.home_page, "{kiosk}", PercentEncode(a.kiosk))))
                       .first;
        }

        buffer += first ? "\n" : ",\n";
        first = false;
        buffer += "{\"id\":\"";
        buffer += a.uuid;
        buffer += "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":";
        buffer += home->second;
        buffer += ",\"name\":\"";
        buffer += a.session_id;
        buffer += "\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\",\"display\":{\"en-US\":"
                  "\"answered\"}},";
        buffer += object->second;
        buffer += ",\"result\":{\"response\":\"";
        if (a.value) {
            buffer += static_cast<char>('0' + *a.value);
        } else {
            buffer += "dont-know";
        }
        buffer += "\"},\"context\":{\"platform\":\"Stageboost\",";
        buffer += parent->second;
        buffer += ",\"extensions\":{";
        AppendJsonString(buffer, extension_base + "phase");
        buffer += ":\"";
        buffer += PhaseName(a.phase);
        buffer += "\",";
        AppendJsonString(buffer, extension_base + "part-of-day");
        buffer += ":\"";
        buffer += PartOfDayName(a.part_of_day);
        buffer += "\",";
        AppendJsonString(buffer, extension_base + "pack-version");
        buffer += ':';
        AppendJsonString(buffer, a.pack_version);
        buffer += ',';
        AppendJsonString(buffer, extension_base + "kiosk");
        buffer += ':';
        AppendJsonString(buffer, a.kiosk);
        buffer += "}},\"timestamp\":\"";
        buffer += a.date;
        buffer += 'T';
        const int hour = PartOfDayExportHour(a.part_of_day);
        buffer += static_cast<char>('0' + hour / 10);
        buffer += static_cast<char>('0' + hour % 10);
        buffer += ":00:00Z\"}";
        ++result.written;
        if (buffer.size() > (1 << 20)) {
            out << buffer;
            buffer.clear();
        }
    }
    buffer += first ? "]\n" : "\n]\n";
    out << buffer;
    return result;
}

// One CSV field: quoted when needed, and never read as a formula by a spreadsheet.
std::string CsvField(const std::string& text) {
    bool quote = false;
    for (char c : text) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
        }
    }
    // Kiosk labels are free text: a leading = + - @ would run as a formula in a spreadsheet.
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

} // namespace sb
