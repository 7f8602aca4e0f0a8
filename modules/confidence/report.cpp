#include "confidence/report.h"

#include "log/export.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace sb {
namespace {

// One session's answers to one item in one module.
struct PairRecord {
    const Answer* origin = nullptr; // the before answer when there is one: its kiosk and date place the pair
    bool origin_is_pre = false;
    double pre_sum = 0.0;
    int pre_n = 0;
    bool pre_dont_know = false;
    double post_sum = 0.0;
    int post_n = 0;
    bool post_dont_know = false;
    double retro_sum = 0.0;
    int retro_n = 0;

    bool Complete() const { return pre_n > 0 && post_n > 0; }
};

struct ItemRecords {
    std::vector<PairRecord> records;
    std::unordered_map<std::string, std::size_t> index; // module id + '\x1f' + session id
};

const std::string& GroupKey(const PairRecord& record, ReportGrouping grouping) {
    static const std::string none;
    switch (grouping) {
    case ReportGrouping::Module:
        return record.origin->module_id;
    case ReportGrouping::Kiosk:
        return record.origin->kiosk;
    case ReportGrouping::Date:
        return record.origin->date;
    case ReportGrouping::None:
        return none;
    }
    return none;
}

GroupFigures Compute(const std::vector<const PairRecord*>& records) {
    // Per participant, averaged over that participant's pairs in this row.
    struct Person {
        double before = 0.0;
        double after = 0.0;
        int pairs = 0;
        double then = 0.0;
        double after_with_then = 0.0;
        int then_pairs = 0;
        bool dont_know = false;
    };
    std::map<std::string_view, Person> people; // ordered: sums come out the same on every run
    for (const PairRecord* record : records) {
        Person& person = people[record->origin->session_id];
        if (record->Complete()) {
            const double before = record->pre_sum / record->pre_n;
            const double after = record->post_sum / record->post_n;
            person.before += before;
            person.after += after;
            ++person.pairs;
            if (record->retro_n > 0) {
                person.then += record->retro_sum / record->retro_n;
                person.after_with_then += after;
                ++person.then_pairs;
            }
        } else if (record->pre_dont_know || record->post_dont_know) {
            person.dont_know = true;
        }
    }

    GroupFigures figures;
    std::vector<double> before;
    std::vector<double> after;
    std::vector<double> change;
    std::vector<double> then;
    double after_minus_then = 0.0;
    for (const auto& [session, person] : people) {
        if (person.pairs > 0) {
            before.push_back(person.before / person.pairs);
            after.push_back(person.after / person.pairs);
            change.push_back(after.back() - before.back());
            if (person.then_pairs > 0) {
                then.push_back(person.then / person.then_pairs);
                after_minus_then += person.after_with_then / person.then_pairs - then.back();
            }
        } else if (person.dont_know) {
            ++figures.dont_know_excluded;
        } else {
            ++figures.unpaired;
        }
    }
    figures.participants = static_cast<int>(change.size());
    if (change.empty()) {
        return figures;
    }
    auto mean = [](const std::vector<double>& values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / static_cast<double>(values.size());
    };
    figures.mean_before = mean(before);
    figures.mean_after = mean(after);
    figures.mean_change = mean(change);
    figures.change = MeanWithInterval(change, 0.95);
    figures.wilcoxon = WilcoxonSignedRank(change);
    figures.then_count = static_cast<int>(then.size());
    if (!then.empty()) {
        figures.mean_then = mean(then);
        figures.mean_after_minus_then = after_minus_then / static_cast<double>(then.size());
    }
    return figures;
}

void ClearIfSuppressed(GroupFigures& figures, Suppression suppression) {
    figures.suppression = suppression;
    if (suppression != Suppression::None) {
        GroupFigures cleared;
        cleared.key = figures.key;
        cleared.suppression = suppression;
        figures = cleared;
    }
}

std::string Fixed(double value, int decimals, bool sign = false) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, sign ? "%+.*f" : "%.*f", decimals, value);
    std::string text = buffer;
    if (text == "-0.00" || text == "+0.00" || text == "-0.000" || text == "+0.000") {
        text = text.substr(1);
    }
    return text;
}

std::string PValue(double p) {
    return p < 0.001 ? "<0.001" : Fixed(p, 3);
}

std::string RowLabel(const ItemReport& item, const GroupFigures& figures, bool is_total,
                     ReportGrouping grouping) {
    (void)item;
    if (is_total) {
        return "total";
    }
    switch (grouping) {
    case ReportGrouping::Module:
        return figures.key.empty() ? "whole-session check" : "module " + figures.key;
    case ReportGrouping::Kiosk:
        return "kiosk " + figures.key;
    case ReportGrouping::Date:
        return "date " + figures.key;
    case ReportGrouping::None:
        return "total";
    }
    return figures.key;
}

std::string Number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

nlohmann::json FiguresJson(const GroupFigures& figures) {
    nlohmann::json row;
    row["key"] = figures.key;
    row["suppressed"] = figures.Suppressed();
    row["suppression"] = std::string(SuppressionName(figures.suppression));
    if (figures.Suppressed()) {
        row["reason"] = std::string(SuppressionReasonEn(figures.suppression));
        return row;
    }
    row["participants"] = figures.participants;
    row["dontKnowExcluded"] = figures.dont_know_excluded;
    row["unpaired"] = figures.unpaired;
    if (figures.participants == 0) {
        return row;
    }
    row["meanBefore"] = figures.mean_before;
    row["meanAfter"] = figures.mean_after;
    row["meanChange"] = figures.mean_change;
    if (figures.change) {
        row["sdChange"] = figures.change->sd;
        row["ci95"] = {figures.change->low, figures.change->high};
    }
    nlohmann::json wilcoxon;
    wilcoxon["nUsed"] = figures.wilcoxon.n_used;
    wilcoxon["zerosDropped"] = figures.wilcoxon.n_zero;
    wilcoxon["tieGroups"] = figures.wilcoxon.tie_groups;
    wilcoxon["V"] = figures.wilcoxon.v_plus;
    if (figures.wilcoxon.valid) {
        wilcoxon["z"] = figures.wilcoxon.z;
        wilcoxon["p"] = figures.wilcoxon.p_value;
        wilcoxon["r"] = figures.wilcoxon.effect_r;
    }
    row["wilcoxon"] = wilcoxon;
    row["thenCount"] = figures.then_count;
    if (figures.mean_then) {
        row["meanThen"] = *figures.mean_then;
        row["meanAfterMinusThen"] = *figures.mean_after_minus_then;
    }
    return row;
}

} // namespace

std::string_view ReportGroupingName(ReportGrouping grouping) {
    switch (grouping) {
    case ReportGrouping::None:
        return "none";
    case ReportGrouping::Module:
        return "module";
    case ReportGrouping::Kiosk:
        return "kiosk";
    case ReportGrouping::Date:
        return "date";
    }
    return "module";
}

std::optional<ReportGrouping> ParseReportGrouping(std::string_view name) {
    for (ReportGrouping grouping :
         {ReportGrouping::None, ReportGrouping::Module, ReportGrouping::Kiosk, ReportGrouping::Date}) {
        if (name == ReportGroupingName(grouping)) {
            return grouping;
        }
    }
    return std::nullopt;
}

bool ConfidenceReport::AllFilesRead() const {
    for (const LogFileInfo& file : files) {
        if (!file.status.Ok()) {
            return false;
        }
    }
    return true;
}

ConfidenceReport BuildReport(const std::vector<Answer>& answers, const ReportOptions& options) {
    ConfidenceReport report;
    report.options = options;

    const AnswerFilter& filter = options.filter;
    std::map<std::pair<std::string, std::string>, ItemRecords> items;
    std::string key;
    for (const Answer& answer : answers) {
        // The same filter LoadAnswers applies, so answers the kiosk passes in directly are treated alike.
        if ((!filter.pack_id.empty() && answer.pack_id != filter.pack_id) ||
            (filter.module_id && answer.module_id != *filter.module_id) ||
            (!filter.from.empty() && answer.date < filter.from) ||
            (!filter.to.empty() && answer.date > filter.to)) {
            continue;
        }
        ++report.answers_read;
        ItemRecords& item = items[{answer.pack_id, answer.item_id}];
        key.assign(answer.module_id);
        key += '\x1f';
        key += answer.session_id;
        auto [it, inserted] = item.index.try_emplace(key, item.records.size());
        if (inserted) {
            item.records.emplace_back();
        }
        PairRecord& record = item.records[it->second];
        if (record.origin == nullptr || (!record.origin_is_pre && answer.phase == Phase::Pre)) {
            record.origin = &answer;
            record.origin_is_pre = answer.phase == Phase::Pre;
        }
        switch (answer.phase) {
        case Phase::Pre:
            if (answer.value) {
                record.pre_sum += *answer.value;
                ++record.pre_n;
            } else {
                record.pre_dont_know = true;
            }
            break;
        case Phase::Post:
            if (answer.value) {
                record.post_sum += *answer.value;
                ++record.post_n;
            } else {
                record.post_dont_know = true;
            }
            break;
        case Phase::Retro:
            if (answer.value) {
                record.retro_sum += *answer.value;
                ++record.retro_n;
            }
            break;
        }
    }

    for (auto& [id, item] : items) {
        ItemReport item_report;
        item_report.pack_id = id.first;
        item_report.item_id = id.second;

        std::vector<const PairRecord*> all;
        std::map<std::string, std::vector<const PairRecord*>> by_group;
        all.reserve(item.records.size());
        for (const PairRecord& record : item.records) {
            all.push_back(&record);
            if (options.grouping != ReportGrouping::None) {
                by_group[GroupKey(record, options.grouping)].push_back(&record);
            }
        }
        item_report.total = Compute(all);
        for (const auto& [group_key, records] : by_group) {
            GroupFigures figures = Compute(records);
            figures.key = group_key;
            item_report.groups.push_back(std::move(figures));
        }
        item_report.total_shown = item_report.groups.size() != 1;

        std::vector<int> sizes;
        for (const GroupFigures& group : item_report.groups) {
            sizes.push_back(group.participants);
        }
        const SuppressionResult suppression =
            Suppress(sizes, item_report.total.participants, item_report.total_shown);
        ClearIfSuppressed(item_report.total, suppression.total);
        for (std::size_t i = 0; i < item_report.groups.size(); ++i) {
            ClearIfSuppressed(item_report.groups[i], suppression.groups[i]);
        }
        report.items.push_back(std::move(item_report));
    }
    return report;
}

ConfidenceReport BuildReport(const std::vector<std::string>& paths, const ReportOptions& options) {
    LoadedAnswers loaded = LoadAnswers(paths, options.filter);
    ConfidenceReport report = BuildReport(loaded.answers, options);
    report.files = std::move(loaded.files);
    report.duplicates = loaded.duplicates;
    report.conflicts = loaded.conflicts;
    return report;
}

std::string MethodNote(std::string_view language) {
    if (language == "nl") {
        return "Paren: het antwoord voor (pre) en na (post) van dezelfde sessie op hetzelfde item in "
               "dezelfde module. "
               "'Weet ik niet' telt niet mee: een sessie met 'weet ik niet' voor of na heeft geen paar voor "
               "dat "
               "item.\n"
               "Elke deelnemer telt één keer per regel; over meerdere modules worden de antwoorden van een "
               "sessie "
               "gemiddeld.\n"
               "Verandering = na min voor; 95%-betrouwbaarheidsinterval met de t-verdeling (n - 1 "
               "vrijheidsgraden).\n"
               "Wilcoxon-rangtekentoets: verschillen van nul weggelaten (methode van Wilcoxon), gelijke "
               "absolute "
               "verschillen krijgen hun gemiddelde rang met de daarvoor gecorrigeerde variantie, normale "
               "benadering "
               "met continuïteitscorrectie, tweezijdig. Effectgrootte r = Z / wortel(n), n = gebruikte "
               "paren.\n"
               "Terugblik ('toen'): gemiddelde van de terugblikvraag bij deelnemers met een paar.\n"
               "Groepen met minder dan 5 deelnemers worden niet getoond, en ook de kleinste andere groep als "
               "een "
               "verborgen groep anders uit het totaal te herleiden is.";
    }
    return "Pairs: the before (pre) and after (post) answer of one session to one item in one module. "
           "'Don't know' answers are excluded: a session whose before or after is 'don't know' has no pair "
           "for "
           "that item.\n"
           "Each participant counts once per row; across several modules a session's answers are averaged.\n"
           "Change = after minus before; 95% confidence interval from the t distribution (n - 1 degrees of "
           "freedom).\n"
           "Wilcoxon signed-rank test: zero differences dropped (Wilcoxon's original method), tied absolute "
           "differences get their average rank with the tie-corrected variance, normal approximation with "
           "continuity correction, two-sided (as R's wilcox.test(after, before, paired = TRUE, exact = "
           "FALSE, "
           "correct = TRUE)). Effect size r = Z / sqrt(n), n = pairs used (non-zero differences).\n"
           "Then (retrospective): mean answer to 'looking back, how confident were you before?' among "
           "participants with a pair.\n"
           "Groups with fewer than 5 participants are suppressed, and so is the smallest other group "
           "whenever a "
           "suppressed group could otherwise be worked out by subtracting from the total.";
}

std::string RenderReportText(const ConfidenceReport& report) {
    std::string out = "Stageboost confidence report\n\n";
    for (const LogFileInfo& file : report.files) {
        if (file.status.Ok()) {
            out += "  read " + file.path + ": " + std::to_string(file.answers) + " answers";
            if (file.invalid > 0) {
                out += " (" + std::to_string(file.invalid) + " unreadable rows skipped)";
            }
            out += "\n";
        } else {
            out += "  NOT READ " + file.path + ": " + ReadProblem(file) + "\n";
        }
    }
    out += "  " + std::to_string(report.answers_read) + " answers used";
    if (report.duplicates > 0) {
        out += ", " + std::to_string(report.duplicates) +
               " duplicates (same UUID in more than one log) counted once";
    }
    if (report.conflicts > 0) {
        out += ", " + std::to_string(report.conflicts) +
               " conflicting copies (same UUID, other content) skipped";
    }
    out += "\n";
    const AnswerFilter& filter = report.options.filter;
    out += "  pack: " + (filter.pack_id.empty() ? std::string("all") : filter.pack_id);
    out += "; module: " + (filter.module_id ? (filter.module_id->empty() ? std::string("whole-session check")
                                                                         : *filter.module_id)
                                            : std::string("all"));
    out += "; dates: " + (filter.from.empty() ? std::string("start") : filter.from) + " to " +
           (filter.to.empty() ? std::string("end") : filter.to);
    out += report.options.grouping == ReportGrouping::None
               ? std::string("; rows: total only\n")
               : "; rows per " + std::string(ReportGroupingName(report.options.grouping)) + "\n";

    if (report.items.empty()) {
        out += "\nNo answers match.\n";
    }
    char line[512];
    for (const ItemReport& item : report.items) {
        out += "\nItem " + item.item_id + " (pack " + item.pack_id + ")\n";
        std::snprintf(line, sizeof line, "  %-28s %5s %7s %7s %7s %-18s %8s %7s %7s %6s %12s\n", "row",
                      "pairs", "before", "after", "change", "95% CI", "V", "z", "p", "r", "then (n)");
        out += line;
        std::vector<std::pair<const GroupFigures*, bool>> rows;
        if (item.total_shown) {
            rows.emplace_back(&item.total, true);
        }
        for (const GroupFigures& group : item.groups) {
            rows.emplace_back(&group, false);
        }
        for (const auto& [figures, is_total] : rows) {
            const std::string label = RowLabel(item, *figures, is_total, report.options.grouping);
            if (figures->Suppressed()) {
                std::snprintf(line, sizeof line, "  %-28s suppressed: %s\n", label.c_str(),
                              std::string(SuppressionReasonEn(figures->suppression)).c_str());
                out += line;
                continue;
            }
            const std::string ci = figures->change ? "[" + Fixed(figures->change->low, 2, true) + ", " +
                                                         Fixed(figures->change->high, 2, true) + "]"
                                                   : "-";
            const WilcoxonResult& w = figures->wilcoxon;
            const std::string then = figures->mean_then ? Fixed(*figures->mean_then, 2) + " (" +
                                                              std::to_string(figures->then_count) + ")"
                                                        : "-";
            std::snprintf(line, sizeof line, "  %-28s %5d %7s %7s %7s %-18s %8s %7s %7s %6s %12s\n",
                          label.c_str(), figures->participants, Fixed(figures->mean_before, 2).c_str(),
                          Fixed(figures->mean_after, 2).c_str(), Fixed(figures->mean_change, 2, true).c_str(),
                          ci.c_str(), Fixed(w.v_plus, 1).c_str(), w.valid ? Fixed(w.z, 2).c_str() : "-",
                          w.valid ? PValue(w.p_value).c_str() : "-",
                          w.valid ? Fixed(w.effect_r, 2).c_str() : "-", then.c_str());
            out += line;
            std::string notes;
            if (w.n_zero > 0) {
                notes += std::to_string(w.n_zero) + " zero differences dropped from Wilcoxon";
            }
            if (figures->dont_know_excluded > 0) {
                notes += (notes.empty() ? "" : "; ") + std::to_string(figures->dont_know_excluded) +
                         " excluded for 'don't know'";
            }
            if (figures->unpaired > 0) {
                notes += (notes.empty() ? "" : "; ") + std::to_string(figures->unpaired) +
                         " without both a before and an after answer";
            }
            if (!notes.empty()) {
                out += "  " + std::string(28, ' ') + "  (" + notes + ")\n";
            }
        }
    }
    out += "\nMethod\n";
    std::string note = MethodNote("en");
    std::size_t start = 0;
    while (start < note.size()) {
        std::size_t end = note.find('\n', start);
        if (end == std::string::npos) {
            end = note.size();
        }
        out += "- " + note.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return out;
}

std::string RenderReportCsv(const ConfidenceReport& report) {
    std::string out = "pack_id,item_id,row,group,suppressed,suppression_reason,participants,mean_before,mean_"
                      "after,mean_change,"
                      "sd_change,ci95_low,ci95_high,wilcoxon_v,wilcoxon_z,wilcoxon_p,wilcoxon_n_used,"
                      "wilcoxon_zeros_dropped,"
                      "effect_r,then_n,mean_then,mean_after_minus_then,dont_know_excluded,unpaired\n";
    for (const ItemReport& item : report.items) {
        std::vector<std::pair<const GroupFigures*, bool>> rows;
        if (item.total_shown) {
            rows.emplace_back(&item.total, true);
        }
        for (const GroupFigures& group : item.groups) {
            rows.emplace_back(&group, false);
        }
        for (const auto& [f, is_total] : rows) {
            std::vector<std::string> fields = {
                CsvField(item.pack_id),
                CsvField(item.item_id),
                is_total ? "total" : std::string(ReportGroupingName(report.options.grouping)),
                CsvField(f->key),
                f->Suppressed() ? "yes" : "no",
                std::string(SuppressionName(f->suppression))};
            if (f->Suppressed()) {
                fields.resize(24);
            } else {
                const bool any = f->participants > 0;
                const WilcoxonResult& w = f->wilcoxon;
                fields.push_back(std::to_string(f->participants));
                fields.push_back(any ? Number(f->mean_before) : "");
                fields.push_back(any ? Number(f->mean_after) : "");
                fields.push_back(any ? Number(f->mean_change) : "");
                fields.push_back(f->change ? Number(f->change->sd) : "");
                fields.push_back(f->change ? Number(f->change->low) : "");
                fields.push_back(f->change ? Number(f->change->high) : "");
                fields.push_back(any ? Number(w.v_plus) : "");
                fields.push_back(w.valid ? Number(w.z) : "");
                fields.push_back(w.valid ? Number(w.p_value) : "");
                fields.push_back(any ? std::to_string(w.n_used) : "");
                fields.push_back(any ? std::to_string(w.n_zero) : "");
                fields.push_back(w.valid ? Number(w.effect_r) : "");
                fields.push_back(std::to_string(f->then_count));
                fields.push_back(f->mean_then ? Number(*f->mean_then) : "");
                fields.push_back(f->mean_after_minus_then ? Number(*f->mean_after_minus_then) : "");
                fields.push_back(std::to_string(f->dont_know_excluded));
                fields.push_back(std::to_string(f->unpaired));
            }
            for (std::size_t i = 0; i < fields.size(); ++i) {
                out += (i == 0 ? "" : ",") + fields[i];
            }
            out += "\n";
        }
    }
    return out;
}

std::string RenderReportJson(const ConfidenceReport& report) {
    nlohmann::json root;
    root["report"] = "stageboost-confidence";
    nlohmann::json files = nlohmann::json::array();
    for (const LogFileInfo& file : report.files) {
        nlohmann::json entry;
        entry["path"] = file.path;
        entry["status"] = std::string(LogStatusCodeName(file.status.code));
        entry["answers"] = file.answers;
        if (!file.status.Ok()) {
            entry["message"] = file.status.MessageEn();
            entry["detail"] = file.status.detail;
        }
        if (file.invalid > 0) {
            entry["unreadableRows"] = file.invalid;
        }
        files.push_back(entry);
    }
    root["files"] = files;
    root["answersUsed"] = report.answers_read;
    root["duplicates"] = report.duplicates;
    root["conflicts"] = report.conflicts;
    const AnswerFilter& filter = report.options.filter;
    nlohmann::json filter_json;
    filter_json["pack"] = filter.pack_id.empty() ? nlohmann::json() : nlohmann::json(filter.pack_id);
    filter_json["module"] = filter.module_id ? nlohmann::json(*filter.module_id) : nlohmann::json();
    filter_json["from"] = filter.from.empty() ? nlohmann::json() : nlohmann::json(filter.from);
    filter_json["to"] = filter.to.empty() ? nlohmann::json() : nlohmann::json(filter.to);
    root["filter"] = filter_json;
    root["groupedBy"] = std::string(ReportGroupingName(report.options.grouping));
    root["minGroupSize"] = kMinGroupSize;
    root["method"] = MethodNote("en");
    nlohmann::json items = nlohmann::json::array();
    for (const ItemReport& item : report.items) {
        nlohmann::json entry;
        entry["pack"] = item.pack_id;
        entry["item"] = item.item_id;
        entry["totalShown"] = item.total_shown;
        if (item.total_shown) {
            entry["total"] = FiguresJson(item.total);
        }
        nlohmann::json groups = nlohmann::json::array();
        for (const GroupFigures& group : item.groups) {
            groups.push_back(FiguresJson(group));
        }
        entry["groups"] = groups;
        items.push_back(entry);
    }
    root["items"] = items;
    return root.dump(2) + "\n";
}

} // namespace sb
