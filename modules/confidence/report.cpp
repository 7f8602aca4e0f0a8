// [SECTION] rows: sums and counted differences of released blocks
// [SECTION] building the report in one pass
// [SECTION] method note
// [SECTION] renderings (text, CSV, JSON)
#include "confidence/report.h"

#include "log/export.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <map>

namespace sb {
namespace {

// ============================================================ [SECTION] rows

struct Row {
    int cohorts = 0;
    long long n = 0;
    double sum_before = 0.0;
    double sum_after = 0.0;
    std::map<double, long long> changes; // difference -> how many checks: all the Wilcoxon test needs
    long long then_n = 0;
    double sum_then = 0.0;
    double sum_after_with_then = 0.0;
    long long dont_know = 0;
    long long unpaired = 0;

    void Add(const ReleasedBlock& block) {
        if (block.released.pairs) {
            ++cohorts;
            for (const CheckValues& check : block.pairs) {
                ++n;
                sum_before += check.before;
                sum_after += check.after;
                ++changes[check.after - check.before];
                if (check.then) {
                    ++then_n;
                    sum_then += *check.then;
                    sum_after_with_then += check.after;
                }
            }
        }
        if (block.released.dont_know) {
            dont_know += block.counts.dont_know;
        }
        if (block.released.unpaired) {
            unpaired += block.counts.unpaired;
        }
    }

    GroupFigures Figures(std::string key) const {
        GroupFigures f;
        f.key = std::move(key);
        f.cohorts = cohorts;
        f.participants = static_cast<int>(n);
        f.dont_know_excluded = static_cast<int>(dont_know);
        f.unpaired = static_cast<int>(unpaired);
        if (n == 0) {
            return f;
        }
        const double count = static_cast<double>(n);
        f.mean_before = sum_before / count;
        f.mean_after = sum_after / count;
        std::vector<ValueCount> counted;
        counted.reserve(changes.size());
        for (const auto& [value, times] : changes) {
            counted.push_back({value, times});
        }
        f.change = MeanWithInterval(std::span<const ValueCount>(counted), 0.95);
        f.mean_change = f.change ? f.change->mean : f.mean_after - f.mean_before;
        f.wilcoxon = WilcoxonSignedRank(std::span<const ValueCount>(counted));
        f.then_count = static_cast<int>(then_n);
        if (then_n > 0) {
            f.mean_then = sum_then / static_cast<double>(then_n);
            f.mean_after_minus_then = (sum_after_with_then - sum_then) / static_cast<double>(then_n);
        }
        return f;
    }
};

std::string GroupKey(const ReleasedBlock& block, ReportGrouping grouping) {
    switch (grouping) {
    case ReportGrouping::Kiosk:
        return block.cohort->kiosk;
    case ReportGrouping::Date:
        return block.cohort->sealed_date;
    case ReportGrouping::None:
        return "";
    }
    return "";
}

} // namespace

std::string_view ReportGroupingName(ReportGrouping grouping) {
    switch (grouping) {
    case ReportGrouping::None:
        return "none";
    case ReportGrouping::Kiosk:
        return "kiosk";
    case ReportGrouping::Date:
        return "date";
    }
    return "none";
}

std::optional<ReportGrouping> ParseReportGrouping(std::string_view name) {
    if (name == "module") {
        return ReportGrouping::None;
    }
    for (ReportGrouping grouping : {ReportGrouping::None, ReportGrouping::Kiosk, ReportGrouping::Date}) {
        if (name == ReportGroupingName(grouping)) {
            return grouping;
        }
    }
    return std::nullopt;
}

std::string FormatFigure(double value) {
    if (std::isnan(value)) {
        return "";
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    std::string text = buffer;
    if (text == "-0") {
        text = "0";
    }
    return text;
}

// ============================================================ [SECTION] building the report

ConfidenceReport BuildReport(const std::vector<std::string>& paths, const ReportOptions& options) {
    ConfidenceReport report;
    report.options = options;
    std::string pack, module, item;
    bool open = false;
    Row total;
    std::map<std::string, Row> groups;
    auto finish = [&]() {
        if (!open) {
            return;
        }
        open = false;
        if (total.n == 0 && total.dont_know == 0 && total.unpaired == 0) {
            return; // nothing of this item is released
        }
        ItemReport entry;
        entry.pack_id = pack;
        entry.module_id = module;
        entry.item_id = item;
        entry.total = total.Figures("");
        if (options.grouping != ReportGrouping::None) {
            for (const auto& [key, row] : groups) {
                if (row.n > 0 || row.dont_know > 0 || row.unpaired > 0) {
                    entry.groups.push_back(row.Figures(key));
                }
            }
        }
        entry.total_shown = entry.groups.size() != 1;
        report.items.push_back(std::move(entry));
    };
    report.scan = ScanReleased(
        paths, options.filter,
        [&](const ReleasedBlock& block) {
            if (!open || block.item_id != item || block.module_id != module || block.pack_id != pack) {
                finish();
                pack.assign(block.pack_id);
                module.assign(block.module_id);
                item.assign(block.item_id);
                total = Row{};
                groups.clear();
                open = true;
            }
            total.Add(block);
            if (options.grouping != ReportGrouping::None) {
                groups[GroupKey(block, options.grouping)].Add(block);
            }
        },
        ScanRows::FiguresOnly);
    finish();
    return report;
}

// ============================================================ [SECTION] method note

std::string MethodNote(std::string_view language) {
    if (language == "nl") {
        return "Alleen complete cohorten: een cohort is een groep van minstens 5 checks (de antwoorden van "
               "één "
               "student rond één module) aan één kiosk; het telt pas mee als het vol en afgesloten is, en "
               "verandert daarna nooit meer. Perioden, kiosks en modules nemen altijd hele cohorten; een "
               "cohort "
               "hoort bij de datum waarop het werd afgesloten.\n"
               "Per cohort en stelling telt elk deel alleen mee als het op minstens 5 studenten rust: de "
               "paren, "
               "de terugblik (en alleen als de paren zonder terugblik 0 of minstens 5 zijn), het aantal "
               "'weet ik "
               "niet' en het aantal zonder paar. Zo beschrijft geen verschil tussen twee rapporten ooit "
               "minder "
               "dan 5 studenten.\n"
               "Paren: het antwoord voor (pre) en na (post) van dezelfde check op dezelfde stelling. 'Weet "
               "ik "
               "niet' telt niet mee. Elke regel is voor één module: een student telt één keer per regel.\n"
               "Verandering = na min voor; 95%-betrouwbaarheidsinterval met de t-verdeling (n - 1 "
               "vrijheidsgraden); niet gedefinieerd als alle verschillen gelijk zijn.\n"
               "Wilcoxon-rangtekentoets: verschillen van nul weggelaten, gelijke absolute verschillen "
               "krijgen hun "
               "gemiddelde rang met de daarvoor gecorrigeerde variantie, normale benadering met "
               "continuïteitscorrectie voor z en p, tweezijdig. Effectgrootte r = |Z| / wortel(n), met Z "
               "zonder "
               "continuïteitscorrectie en n de paren met een verschil dat niet nul is.\n"
               "Terugblik ('toen'): gemiddelde van de terugblikvraag bij deelnemers met een paar.";
    }
    return "Whole cohorts only: a cohort is a group of at least 5 checks (one student's answers around one "
           "module) at one kiosk; it counts once it is full and closed, and never changes after that. "
           "Periods, "
           "kiosks and modules always take whole cohorts; a cohort belongs to the date it was closed.\n"
           "Per cohort and statement each part counts only when it rests on at least 5 students: the pairs, "
           "the looking-back answers (and only when the pairs without one are 0 or at least 5), the number "
           "of "
           "'don't know' and the number without a pair. So no difference between two reports ever describes "
           "fewer than 5 students.\n"
           "Pairs: the before (pre) and after (post) answer of one check to one statement. 'Don't know' "
           "answers "
           "are excluded. Each row is for one module: a student counts once per row.\n"
           "Change = after minus before; 95% confidence interval from the t distribution (n - 1 degrees of "
           "freedom); not defined when every difference is the same.\n"
           "Wilcoxon signed-rank test: zero differences dropped, tied absolute differences get their average "
           "rank with the tie-corrected variance, normal approximation with continuity correction for z and "
           "p, "
           "two-sided (as R's wilcox.test(after, before, paired = TRUE, exact = FALSE, correct = TRUE)). "
           "Effect "
           "size r = |Z| / sqrt(n), Z without continuity correction and n the pairs with a non-zero "
           "difference.\n"
           "Then (retrospective): mean answer to 'looking back, how confident were you before?' among "
           "participants with a pair.";
}

// ============================================================ [SECTION] renderings

namespace {

std::string ItemTitle(const ItemReport& item) {
    return "Item " + item.item_id + " (pack " + item.pack_id + ", " +
           (item.module_id.empty() ? std::string("whole-session check") : "module " + item.module_id) + ")";
}

std::string RowLabel(const GroupFigures& figures, bool is_total, ReportGrouping grouping) {
    if (is_total) {
        return "total";
    }
    return std::string(grouping == ReportGrouping::Kiosk ? "kiosk " : "date ") + figures.key;
}

std::vector<std::pair<const GroupFigures*, bool>> Rows(const ItemReport& item) {
    std::vector<std::pair<const GroupFigures*, bool>> rows;
    if (item.total_shown) {
        rows.emplace_back(&item.total, true);
    }
    for (const GroupFigures& group : item.groups) {
        rows.emplace_back(&group, false);
    }
    return rows;
}

nlohmann::json Figure(double value) {
    // Rounded to 10 significant digits like the other renderings, so all three agree exactly.
    return std::isnan(value) ? nlohmann::json() : nlohmann::json(std::stod(FormatFigure(value)));
}

nlohmann::json FiguresJson(const GroupFigures& f) {
    nlohmann::json row;
    row["key"] = f.key;
    row["cohorts"] = f.cohorts;
    row["participants"] = f.participants;
    row["dontKnowExcluded"] = f.dont_know_excluded;
    row["unpaired"] = f.unpaired;
    if (f.participants == 0) {
        return row;
    }
    row["meanBefore"] = Figure(f.mean_before);
    row["meanAfter"] = Figure(f.mean_after);
    row["meanChange"] = Figure(f.mean_change);
    if (f.change) {
        row["sdChange"] = Figure(f.change->sd);
        if (f.change->defined) {
            row["ci95"] = {Figure(f.change->low), Figure(f.change->high)};
        } else {
            row["ci95"] = nullptr;
            row["ci95Note"] = "not defined: every difference is the same";
        }
    }
    nlohmann::json wilcoxon;
    wilcoxon["nUsed"] = f.wilcoxon.n_used;
    wilcoxon["zerosDropped"] = f.wilcoxon.n_zero;
    wilcoxon["tieGroups"] = f.wilcoxon.tie_groups;
    wilcoxon["V"] = Figure(f.wilcoxon.v_plus);
    if (f.wilcoxon.valid) {
        wilcoxon["z"] = Figure(f.wilcoxon.z);
        wilcoxon["zUncorrected"] = Figure(f.wilcoxon.z_uncorrected);
        wilcoxon["p"] = Figure(f.wilcoxon.p_value);
        wilcoxon["r"] = Figure(f.wilcoxon.effect_r);
    }
    row["wilcoxon"] = wilcoxon;
    row["thenCount"] = f.then_count;
    if (f.mean_then) {
        row["meanThen"] = Figure(*f.mean_then);
        row["meanAfterMinusThen"] = Figure(*f.mean_after_minus_then);
    }
    return row;
}

} // namespace

std::string RenderReportText(const ConfidenceReport& report) {
    std::string out = "Stageboost confidence report\n\n";
    for (const LogFileInfo& file : report.scan.files) {
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
    out += "  " + std::to_string(report.scan.cohorts_sealed) + " complete cohorts of at least " +
           std::to_string(kMinCohortSize) + " students; " + std::to_string(report.scan.checks_waiting) +
           " checks still waiting for their cohort to complete";
    if (report.scan.duplicates > 0) {
        out += "; " + std::to_string(report.scan.duplicates) +
               " duplicates (same UUID in more than one log) counted once";
    }
    if (report.scan.conflicts > 0) {
        out += "; " + std::to_string(report.scan.conflicts) +
               " conflicting copies (same UUID, other content) skipped";
    }
    out += "\n";
    const ReleaseFilter& filter = report.options.filter;
    out += "  pack: " + (filter.pack_id.empty() ? std::string("all") : filter.pack_id);
    out += "; module: " + (filter.module_id ? (filter.module_id->empty() ? std::string("whole-session check")
                                                                         : *filter.module_id)
                                            : std::string("all"));
    out += "; kiosk: " + (filter.kiosk.empty() ? std::string("all") : filter.kiosk);
    out += "; cohorts closed: " + (filter.from.empty() ? std::string("start") : filter.from) + " to " +
           (filter.to.empty() ? std::string("end") : filter.to);
    out += report.options.grouping == ReportGrouping::None
               ? std::string("; rows: total only\n")
               : "; rows per " + std::string(ReportGroupingName(report.options.grouping)) + "\n";

    if (report.items.empty()) {
        out += "\nNo complete cohort matches yet.\n";
    }
    char line[1024];
    for (const ItemReport& item : report.items) {
        out += "\n" + ItemTitle(item) + "\n";
        std::snprintf(line, sizeof line, "  %-18s %5s %12s %12s %12s %-27s %8s %13s %13s %12s %18s\n", "row",
                      "pairs", "before", "after", "change", "95% CI", "V", "z", "p", "r", "then (n)");
        out += line;
        for (const auto& [f, is_total] : Rows(item)) {
            const std::string label = RowLabel(*f, is_total, report.options.grouping);
            const WilcoxonResult& w = f->wilcoxon;
            const bool any = f->participants > 0;
            const std::string ci = !f->change           ? "-"
                                   : f->change->defined ? "[" + FormatFigure(f->change->low) + ", " +
                                                              FormatFigure(f->change->high) + "]"
                                                        : "not defined";
            const std::string then =
                f->mean_then ? FormatFigure(*f->mean_then) + " (" + std::to_string(f->then_count) + ")" : "-";
            std::snprintf(line, sizeof line, "  %-18s %5d %12s %12s %12s %-27s %8s %13s %13s %12s %18s\n",
                          label.c_str(), f->participants, any ? FormatFigure(f->mean_before).c_str() : "-",
                          any ? FormatFigure(f->mean_after).c_str() : "-",
                          any ? FormatFigure(f->mean_change).c_str() : "-", ci.c_str(),
                          any ? FormatFigure(w.v_plus).c_str() : "-",
                          w.valid ? FormatFigure(w.z).c_str() : "-",
                          w.valid ? FormatFigure(w.p_value).c_str() : "-",
                          w.valid ? FormatFigure(w.effect_r).c_str() : "-", then.c_str());
            out += line;
            std::string notes = std::to_string(f->cohorts) + (f->cohorts == 1 ? " cohort" : " cohorts");
            if (w.n_zero > 0) {
                notes += "; " + std::to_string(w.n_zero) + " zero differences dropped from Wilcoxon";
            }
            if (f->dont_know_excluded > 0) {
                notes += "; " + std::to_string(f->dont_know_excluded) + " excluded for 'don't know'";
            }
            if (f->unpaired > 0) {
                notes += "; " + std::to_string(f->unpaired) + " without both a before and an after answer";
            }
            out += "  " + std::string(18, ' ') + "  (" + notes + ")\n";
        }
    }
    out += "\nMethod\n";
    const std::string note = MethodNote("en");
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
    std::string out =
        "pack_id,module_id,item_id,row,group,cohorts,participants,mean_before,mean_after,mean_change,"
        "sd_change,ci95_low,ci95_high,ci95_defined,wilcoxon_v,wilcoxon_z,wilcoxon_p,wilcoxon_n_used,"
        "wilcoxon_zeros_dropped,wilcoxon_z_uncorrected,effect_r,then_n,mean_then,"
        "mean_after_minus_then,dont_know_excluded,unpaired\n";
    for (const ItemReport& item : report.items) {
        for (const auto& [f, is_total] : Rows(item)) {
            const bool any = f->participants > 0;
            const WilcoxonResult& w = f->wilcoxon;
            const bool ci = f->change && f->change->defined;
            const std::vector<std::string> fields = {
                CsvField(item.pack_id),
                CsvField(item.module_id),
                CsvField(item.item_id),
                is_total ? "total" : std::string(ReportGroupingName(report.options.grouping)),
                CsvField(f->key),
                std::to_string(f->cohorts),
                std::to_string(f->participants),
                any ? FormatFigure(f->mean_before) : "",
                any ? FormatFigure(f->mean_after) : "",
                any ? FormatFigure(f->mean_change) : "",
                f->change ? FormatFigure(f->change->sd) : "",
                ci ? FormatFigure(f->change->low) : "",
                ci ? FormatFigure(f->change->high) : "",
                f->change ? (ci ? "yes" : "no") : "",
                any ? FormatFigure(w.v_plus) : "",
                w.valid ? FormatFigure(w.z) : "",
                w.valid ? FormatFigure(w.p_value) : "",
                any ? std::to_string(w.n_used) : "",
                any ? std::to_string(w.n_zero) : "",
                w.valid ? FormatFigure(w.z_uncorrected) : "",
                w.valid ? FormatFigure(w.effect_r) : "",
                std::to_string(f->then_count),
                f->mean_then ? FormatFigure(*f->mean_then) : "",
                f->mean_after_minus_then ? FormatFigure(*f->mean_after_minus_then) : "",
                std::to_string(f->dont_know_excluded),
                std::to_string(f->unpaired)};
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
    for (const LogFileInfo& file : report.scan.files) {
        nlohmann::json entry;
        entry["path"] = file.path;
        entry["status"] = std::string(LogStatusCodeName(file.status.code));
        entry["answers"] = file.answers;
        if (!file.status.Ok()) {
            entry["message"] = ReadProblem(file);
            entry["detail"] = file.status.detail;
        }
        if (file.invalid > 0) {
            entry["unreadableRows"] = file.invalid;
        }
        files.push_back(entry);
    }
    root["files"] = files;
    root["answersRead"] = report.scan.answers_read;
    root["duplicates"] = report.scan.duplicates;
    root["conflicts"] = report.scan.conflicts;
    root["cohortsReleased"] = report.scan.cohorts_sealed;
    root["checksWaiting"] = report.scan.checks_waiting;
    const ReleaseFilter& filter = report.options.filter;
    nlohmann::json filter_json;
    filter_json["pack"] = filter.pack_id.empty() ? nlohmann::json() : nlohmann::json(filter.pack_id);
    filter_json["module"] = filter.module_id ? nlohmann::json(*filter.module_id) : nlohmann::json();
    filter_json["kiosk"] = filter.kiosk.empty() ? nlohmann::json() : nlohmann::json(filter.kiosk);
    filter_json["from"] = filter.from.empty() ? nlohmann::json() : nlohmann::json(filter.from);
    filter_json["to"] = filter.to.empty() ? nlohmann::json() : nlohmann::json(filter.to);
    root["filter"] = filter_json;
    root["groupedBy"] = std::string(ReportGroupingName(report.options.grouping));
    root["minGroupSize"] = kMinCohortSize;
    root["method"] = MethodNote("en");
    nlohmann::json items = nlohmann::json::array();
    for (const ItemReport& item : report.items) {
        nlohmann::json entry;
        entry["pack"] = item.pack_id;
        entry["module"] = item.module_id;
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
