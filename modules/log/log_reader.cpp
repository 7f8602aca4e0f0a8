// [SECTION] opening a log for reading, checks that change nothing
// [SECTION] merge (streaming, in SQLite)
// [SECTION] released scan: whole sealed cohorts, one block at a time
// [SECTION] raw scan and LoadAnswers
#include "log/log_reader.h"

#include "core/kiosk_label.h"
#include "log/sqlite_util.h"

#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace sb {
namespace {

using detail::Exec;
using detail::QueryInt;
using detail::Statement;
using detail::StatusFor;

// ============================================================ [SECTION] opening a log for reading

// Opens a log read-only and checks what it is; on failure `db` is null and info.status says why.
sqlite3* OpenForReading(const std::string& path, LogFileInfo& info, bool quick_check) {
    info.path = path;
    info.status.path = path;
    std::error_code error;
    const auto kind = std::filesystem::status(path, error).type();
    if (kind == std::filesystem::file_type::not_found) {
        info.status.code = LogStatusCode::CannotOpen;
        info.status.detail = "no such file";
        return nullptr;
    }
    if (kind == std::filesystem::file_type::directory) {
        info.status.code = LogStatusCode::CannotOpen;
        info.status.detail = "this is a folder, not a log file";
        return nullptr;
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        info.status = StatusFor(db, rc, path);
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    Exec(db, detail::kToolCacheSql); // a fixed page cache: memory stays flat however large the log
    int version = 0;
    info.status = detail::CheckLogIdentity(db, path, version);
    if (info.status.Ok() && version == 0) {
        info.status.code = LogStatusCode::NotALog;
        info.status.detail = "the file is empty";
    }
    if (info.status.Ok() && quick_check) {
        Statement check(db, "PRAGMA quick_check(1)");
        rc = check.Valid() ? sqlite3_step(check.Get()) : check.PrepareResult();
        if (rc != SQLITE_ROW || check.Text(0) != "ok") {
            info.status = rc == SQLITE_ROW
                              ? LogStatus{LogStatusCode::Corrupt, path, "quick_check: " + check.Text(0)}
                              : StatusFor(db, rc, path);
            if (info.status.code == LogStatusCode::NotALog) {
                info.status.code = LogStatusCode::Corrupt;
            }
        }
    }
    if (!info.status.Ok()) {
        sqlite3_close_v2(db);
        return nullptr;
    }
    info.schema_version = version;
    return db;
}

// A folder in the system's temporary directory, removed with everything in it when this goes away.
class TemporaryFolder {
  public:
    TemporaryFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "stageboost-log-XXXXXX").string();
        if (mkdtemp(pattern.data()) != nullptr) {
            m_path = pattern;
        }
    }
    ~TemporaryFolder() {
        if (!m_path.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(m_path, ignored);
        }
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    bool Ok() const { return !m_path.empty(); }
    std::string File(const std::string& name) const { return m_path + "/" + name; }

  private:
    std::string m_path;
};

// SQL functions for the merge: the same checks as Record(), so nothing merged could not have been recorded.
void ValidAnswerFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
    auto text = [&](int i) {
        const unsigned char* value = sqlite3_value_text(argv[i]);
        return value == nullptr ? std::string_view()
                                : std::string_view(reinterpret_cast<const char*>(value),
                                                   static_cast<std::size_t>(sqlite3_value_bytes(argv[i])));
    };
    thread_local Answer answer; // reused for every row: no allocation per row of a large merge
    answer.uuid.assign(text(0));
    answer.session_id.assign(text(1));
    answer.pack_id.assign(text(2));
    answer.pack_version.assign(text(3));
    answer.module_id.assign(text(4));
    answer.item_id.assign(text(5));
    answer.value.reset();
    const auto phase = ParsePhase(text(6));
    if (sqlite3_value_type(argv[7]) == SQLITE_INTEGER) {
        answer.value = sqlite3_value_int(argv[7]);
    } else if (sqlite3_value_type(argv[7]) != SQLITE_NULL) {
        answer.value = 0;
    }
    answer.date.assign(text(8));
    const auto part = ParsePartOfDay(text(9));
    answer.kiosk.assign(text(10));
    (void)argc;
    sqlite3_result_int(context, phase && part && ValidateAnswer(answer).empty() ? 1 : 0);
}

void ValidKioskFunction(sqlite3_context* context, int, sqlite3_value** argv) {
    const unsigned char* value = sqlite3_value_text(argv[0]);
    sqlite3_result_int(context, value != nullptr && IsValidKioskLabel(reinterpret_cast<const char*>(value)));
}

// ============================================================ [SECTION] merge

constexpr const char* kSameAnswer =
    "m.session_id IS s.session_id AND m.pack_id IS s.pack_id AND m.pack_version IS s.pack_version AND "
    "m.module_id IS s.module_id AND m.item_id IS s.item_id AND m.phase IS s.phase AND m.value IS s.value AND "
    "m.day IS s.day AND m.part_of_day IS s.part_of_day AND m.kiosk IS s.kiosk";
constexpr const char* kValidSource =
    "sb_valid_answer(s.uuid, s.session_id, s.pack_id, s.pack_version, s.module_id, s.item_id, s.phase, "
    "s.value, s.day, s.part_of_day, s.kiosk)";

// Copies one input (already attached as `src`, schema 3) into main, inside the caller's transaction.
LogStatus MergeOne(sqlite3* db, const std::string& output, LogFileInfo& info, BulkInsertResult& counts) {
    auto number = [&](const std::string& sql, long long& value) {
        return QueryInt(db, sql.c_str(), value) == SQLITE_OK;
    };
    long long total = 0, same = 0, matching = 0, present = 0;
    const std::string valid = kValidSource;
    if (!number("SELECT count(*) FROM src.answers", total) ||
        !number("SELECT count(*) FROM (SELECT 1 FROM main.answers LIMIT 1)", present)) {
        return StatusFor(db, sqlite3_errcode(db), output);
    }
    if (present > 0 &&
        (!number("SELECT count(*) FROM src.answers s JOIN main.answers m ON m.uuid = s.uuid WHERE " + valid,
                 matching) ||
         !number("SELECT count(*) FROM src.answers s JOIN main.answers m ON m.uuid = s.uuid WHERE " + valid +
                     " AND " + kSameAnswer,
                 same))) {
        return StatusFor(db, sqlite3_errcode(db), output);
    }
    // Cohorts: the most advanced state wins (open < full < sealed); a sealed cohort never changes, and
    // only its own kiosk ever sealed it, so every copy of it holds the same answers.
    const std::string cohorts =
        "INSERT INTO main.cohorts (id, pack_id, module_id, kiosk, state, workshop, members, ended, last_day) "
        "SELECT id, pack_id, module_id, kiosk, state, workshop, members, ended, last_day FROM src.cohorts "
        "WHERE sb_valid_kiosk(kiosk) AND state IN ('open', 'full', 'sealed') "
        "ON CONFLICT (id) DO UPDATE SET "
        "state = CASE WHEN excluded.state = 'sealed' OR state = 'sealed' THEN 'sealed' "
        "             WHEN excluded.state = 'full' OR state = 'full' THEN 'full' ELSE 'open' END, "
        "members = max(members, excluded.members), ended = max(ended, excluded.ended), "
        "last_day = max(last_day, excluded.last_day)";
    const std::string answers =
        "INSERT INTO main.answers (uuid, session_id, pack_id, pack_version, module_id, item_id, phase, "
        "value, "
        "day, part_of_day, kiosk, cohort) SELECT s.uuid, s.session_id, s.pack_id, s.pack_version, "
        "s.module_id, "
        "s.item_id, s.phase, s.value, s.day, s.part_of_day, s.kiosk, s.cohort FROM src.answers s WHERE " +
        valid + " ON CONFLICT (uuid) DO NOTHING";
    // The index is rebuilt after the copy (one sorted pass, in bounded memory with temporary files)
    // instead of being updated row by row in random order. Both happen in the caller's transaction.
    // (SQLite's transfer optimization, which would copy the input's index as it is, does not apply to an
    // input attached read-only, and the input must never be changed.)
    int rc = Exec(db, cohorts.c_str());
    if (rc == SQLITE_OK) {
        rc = Exec(db, "DROP INDEX IF EXISTS main.answers_by_cohort");
    }
    long long before = 0;
    if (rc == SQLITE_OK) {
        rc = QueryInt(db, "SELECT count(*) FROM main.answers", before);
    }
    if (rc == SQLITE_OK) {
        rc = Exec(db, answers.c_str());
    }
    long long after = 0;
    if (rc == SQLITE_OK) {
        rc = QueryInt(db, "SELECT count(*) FROM main.answers", after);
    }
    if (rc == SQLITE_OK) {
        rc = Exec(db, detail::kCohortIndexSql);
    }
    if (rc != SQLITE_OK) {
        return StatusFor(db, rc, output);
    }
    // Every valid row was either inserted or met its UUID already in the target (src.uuid is unique), so
    // the invalid ones are the rest: one validation pass instead of two.
    const long long invalid = std::max(0LL, total - (after - before) - matching);
    info.answers = static_cast<std::size_t>(total);
    info.invalid = static_cast<std::size_t>(invalid);
    counts.invalid += static_cast<std::size_t>(invalid);
    counts.duplicates += static_cast<std::size_t>(same);
    counts.conflicts += static_cast<std::size_t>(matching - same);
    counts.inserted += static_cast<std::size_t>(after - before);
    return LogStatus{LogStatusCode::Ok, output, ""};
}

// An input of an older schema is upgraded in a temporary copy (the input itself is never changed).
std::string UpgradedCopy(const std::string& input, const TemporaryFolder& folder, int n) {
    const std::string copy = folder.File("upgrade-" + std::to_string(n) + ".sqlite");
    std::error_code error;
    std::filesystem::copy_file(input, copy, std::filesystem::copy_options::overwrite_existing, error);
    for (const char* suffix : {"-wal"}) {
        if (std::filesystem::exists(input + suffix, error)) {
            std::filesystem::copy_file(input + suffix, copy + suffix,
                                       std::filesystem::copy_options::overwrite_existing, error);
        }
    }
    LogStore store;
    LogStore::Options options;
    options.owner = false;
    if (!store.Open(copy, options).Ok()) {
        return "";
    }
    store.Close();
    return copy;
}

} // namespace

LogStatus CheckLogFile(const std::string& path) {
    LogFileInfo info;
    sqlite3* db = OpenForReading(path, info, true);
    sqlite3_close_v2(db);
    return info.status;
}

MergeResult MergeLogs(const std::string& output, const std::vector<std::string>& inputs) {
    MergeResult result;
    result.output.path = output;
    std::error_code error;
    // The target first: a damaged or foreign file is refused before anything opens it for writing.
    if (std::filesystem::exists(output, error) && std::filesystem::file_size(output, error) > 0) {
        LogStatus target = CheckLogFile(output);
        if (!target.Ok()) {
            result.output = target;
            result.refused_target = true;
            for (const std::string& path : inputs) {
                LogFileInfo info;
                info.path = path;
                info.status = LogStatus{LogStatusCode::NotOpen, path, "not read: the target was refused"};
                result.input.files.push_back(info);
            }
            return result;
        }
    }
    {
        // Creates or upgrades the target's schema; it records nothing and seals nothing.
        LogStore store;
        LogStore::Options options;
        options.owner = false;
        result.output = store.Open(output, options);
        store.Close();
        if (!result.output.Ok()) {
            return result;
        }
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(output.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        result.output = detail::DiagnoseCannotOpen(StatusFor(db, rc, output));
        sqlite3_close_v2(db);
        return result;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    // Temporary files for the index sort, so a large merge does not hold it in memory.
    Exec(db, "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA temp_store = FILE");
    Exec(db, detail::kToolCacheSql);
    sqlite3_create_function(db, "sb_valid_answer", 11, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                            ValidAnswerFunction, nullptr, nullptr);
    sqlite3_create_function(db, "sb_valid_kiosk", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                            ValidKioskFunction, nullptr, nullptr);
    TemporaryFolder temporary;
    int n = 0;
    // One transaction per input, attached outside it (SQLite detaches only outside a transaction).
    for (const std::string& path : inputs) {
        LogFileInfo info;
        sqlite3* check = OpenForReading(path, info, true);
        sqlite3_close_v2(check);
        std::string source = path;
        if (info.status.Ok() && info.schema_version < kLogSchemaVersion) {
            source = temporary.Ok() ? UpgradedCopy(path, temporary, ++n) : "";
            if (source.empty()) {
                info.status =
                    LogStatus{LogStatusCode::CannotOpen, path, "could not upgrade a copy of this older log"};
            }
        }
        if (info.status.Ok()) {
            Statement attach(db, "ATTACH DATABASE ?1 AS src");
            attach.Bind(1, "file:" + source + "?mode=ro");
            rc = sqlite3_step(attach.Get());
            attach = Statement();
            if (rc != SQLITE_DONE) {
                info.status = StatusFor(db, rc, path);
            } else {
                BulkInsertResult counts;
                rc = Exec(db, "BEGIN IMMEDIATE");
                LogStatus merged =
                    rc == SQLITE_OK ? MergeOne(db, output, info, counts) : StatusFor(db, rc, output);
                if (merged.Ok()) {
                    rc = Exec(db, "COMMIT");
                    if (rc != SQLITE_OK) {
                        merged = StatusFor(db, rc, output);
                    }
                }
                if (!merged.Ok()) {
                    Exec(db, "ROLLBACK");
                    Exec(db, "DETACH DATABASE src");
                    result.output = merged;
                    result.input.files.push_back(info);
                    break;
                }
                Exec(db, "DETACH DATABASE src");
                result.written.inserted += counts.inserted;
                result.written.duplicates += counts.duplicates;
                result.written.conflicts += counts.conflicts;
                result.written.invalid += counts.invalid;
            }
        }
        result.input.files.push_back(info);
    }
    sqlite3_close_v2(db);
    return result;
}

// ============================================================ [SECTION] released scan

namespace {

// Rows of one log in scope, after merging several files into one when needed.
struct ScanSource {
    TemporaryFolder temporary;
    std::string path; // the single log to read
};

// Several logs (or one of an older schema) are merged into a temporary log first, so duplicates count once
// and cohorts spread over copies come together.
bool PrepareSource(const std::vector<std::string>& paths, ScanSource& source, ScanSummary& summary) {
    if (paths.size() == 1) {
        LogFileInfo info;
        sqlite3* db = OpenForReading(paths[0], info, false);
        sqlite3_close_v2(db);
        if (!info.status.Ok()) {
            summary.files.push_back(info);
            return false;
        }
        if (info.schema_version == kLogSchemaVersion) {
            source.path = paths[0];
            summary.files.push_back(info);
            return true;
        }
    }
    if (!source.temporary.Ok()) {
        for (const std::string& path : paths) {
            LogFileInfo info;
            info.path = path;
            info.status =
                LogStatus{LogStatusCode::CannotOpen, path, "no temporary folder to combine the logs in"};
            summary.files.push_back(info);
        }
        return false;
    }
    source.path = source.temporary.File("combined.sqlite");
    MergeResult merged = MergeLogs(source.path, paths);
    summary.files = merged.input.files;
    summary.duplicates = merged.written.duplicates;
    summary.conflicts = merged.written.conflicts;
    for (LogFileInfo& file : summary.files) {
        if (file.status.Ok()) {
            file.answers -= std::min(file.answers, file.invalid);
        }
    }
    return merged.output.Ok() && summary.AnyFileRead();
}

// A hand-edited row that makes no sense is skipped and counted, never released. The ids of the block
// (pack, module, item) are checked once per block, the rest per row.
bool BlockIdsAreSound(std::string_view pack, std::string_view module, std::string_view item) {
    return IsLogId(pack) && (module.empty() || IsLogId(module)) && IsLogId(item);
}

bool RowIsSound(const BlockRow& row, bool with_uuid) {
    return (!with_uuid || IsUuidV4(row.uuid)) && IsSessionId(row.session_id) &&
           (!row.value || (*row.value >= 1 && *row.value <= 5));
}

bool CohortPasses(const CohortInfo& cohort, const ReleaseFilter& filter) {
    return cohort.state == CohortState::Sealed && IsValidKioskLabel(cohort.kiosk) &&
           (filter.kiosk.empty() || cohort.kiosk == filter.kiosk) &&
           (filter.from.empty() || cohort.sealed_date >= filter.from) &&
           (filter.to.empty() || cohort.sealed_date <= filter.to);
}

} // namespace

ScanSummary ScanReleased(const std::vector<std::string>& paths, const ReleaseFilter& filter,
                         const std::function<void(const ReleasedBlock&)>& block, ScanRows scan_rows) {
    const bool with_uuid = scan_rows == ScanRows::WithIds;
    ScanSummary summary;
    ScanSource source;
    if (paths.empty() || !PrepareSource(paths, source, summary)) {
        return summary;
    }
    LogFileInfo info;
    sqlite3* db = OpenForReading(source.path, info, false);
    if (db == nullptr) {
        for (LogFileInfo& file : summary.files) {
            if (file.status.Ok()) {
                file.status = info.status;
            }
        }
        return summary;
    }
    const bool single = paths.size() == 1 && source.path == paths[0];
    {
        // Checks that cannot be released yet: how many wait for their cohort to fill or end.
        Statement waiting(db,
                          "SELECT count(*), coalesce(sum(members), 0) FROM cohorts WHERE state <> 'sealed' "
                          "AND (?1 = '' OR pack_id = ?1) AND (?2 IS NULL OR module_id = ?2) "
                          "AND (?3 = '' OR kiosk = ?3)");
        Statement sealed(db,
                         "SELECT count(*) FROM cohorts WHERE state = 'sealed' AND (?1 = '' OR pack_id = ?1) "
                         "AND (?2 IS NULL OR module_id = ?2) AND (?3 = '' OR kiosk = ?3) "
                         "AND (?4 = '' OR last_day >= ?4) AND (?5 = '' OR last_day <= ?5)");
        for (Statement* s : {&waiting, &sealed}) {
            s->Bind(1, filter.pack_id);
            if (filter.module_id) {
                s->Bind(2, *filter.module_id);
            } else {
                s->BindNull(2);
            }
            s->Bind(3, filter.kiosk);
        }
        sealed.Bind(4, filter.from);
        sealed.Bind(5, filter.to);
        if (waiting.Valid() && sqlite3_step(waiting.Get()) == SQLITE_ROW) {
            summary.cohorts_waiting = static_cast<std::size_t>(sqlite3_column_int64(waiting.Get(), 0));
            summary.checks_waiting = static_cast<std::size_t>(sqlite3_column_int64(waiting.Get(), 1));
        }
        if (sealed.Valid() && sqlite3_step(sealed.Get()) == SQLITE_ROW) {
            summary.cohorts_sealed = static_cast<std::size_t>(sqlite3_column_int64(sealed.Get(), 0));
        }
    }

    // One ordered pass over the covering index answers_by_cohort (no sort, no table lookups).
    const std::string rows_sql =
        std::string("SELECT pack_id, module_id, item_id, cohort, session_id, phase, value") +
        (with_uuid ? ", uuid" : "") +
        " FROM answers "
        "WHERE cohort IS NOT NULL AND (?1 = '' OR pack_id = ?1) AND (?2 IS NULL OR module_id = ?2) "
        "ORDER BY pack_id, module_id, item_id, cohort, session_id, phase, value";
    Statement rows(db, rows_sql.c_str());
    Statement cohort_row(
        db, "SELECT pack_id, module_id, kiosk, state, members, last_day FROM cohorts WHERE id = ?1");
    if (!rows.Valid() || !cohort_row.Valid()) {
        const LogStatus failure =
            StatusFor(db, rows.Valid() ? cohort_row.PrepareResult() : rows.PrepareResult(), source.path);
        for (LogFileInfo& file : summary.files) {
            file.status = failure;
        }
        rows = Statement();
        cohort_row = Statement();
        sqlite3_close_v2(db);
        return summary;
    }
    rows.Bind(1, filter.pack_id);
    if (filter.module_id) {
        rows.Bind(2, *filter.module_id);
    } else {
        rows.BindNull(2);
    }

    std::string pack, module, item;
    std::int64_t cohort_id = 0;
    bool block_sound = false;
    std::vector<BlockRow> block_rows;
    std::size_t used = 0;
    CohortInfo cohort;
    ReleasedBlock released;
    std::size_t invalid = 0;
    auto flush = [&]() {
        if (used == 0) {
            return;
        }
        // The cohort of the block: rows come ordered by item first, so it is looked up once per block.
        if (cohort.id != cohort_id || cohort_id == 0) {
            cohort = CohortInfo{};
            cohort_row.Reset();
            sqlite3_bind_int64(cohort_row.Get(), 1, cohort_id);
            if (sqlite3_step(cohort_row.Get()) == SQLITE_ROW) {
                cohort.id = cohort_id;
                cohort.pack_id = cohort_row.Text(0);
                cohort.module_id = cohort_row.Text(1);
                cohort.kiosk = cohort_row.Text(2);
                cohort.state = ParseCohortState(cohort_row.Text(3)).value_or(CohortState::Open);
                cohort.checks = sqlite3_column_int(cohort_row.Get(), 4);
                cohort.sealed_date = cohort_row.Text(5);
            }
        }
        // A cohort is one pack and module: rows that claim another are not released.
        if (cohort.id == cohort_id && cohort.pack_id == pack && cohort.module_id == module &&
            CohortPasses(cohort, filter)) {
            MakeReleasedBlock(cohort, pack, module, item, std::span<const BlockRow>(block_rows.data(), used),
                              released);
            block(released);
        }
        used = 0;
    };
    int rc = SQLITE_OK;
    sqlite3_stmt* const step = rows.Get();
    auto column = [&](int c) {
        const unsigned char* text = sqlite3_column_text(step, c);
        return std::string_view(text == nullptr ? "" : reinterpret_cast<const char*>(text),
                                static_cast<std::size_t>(sqlite3_column_bytes(step, c)));
    };
    while ((rc = sqlite3_step(step)) == SQLITE_ROW) {
        ++summary.answers_read;
        const std::int64_t row_cohort = sqlite3_column_int64(step, 3);
        const std::string_view row_item = column(2);
        const std::string_view row_module = column(1);
        const std::string_view row_pack = column(0);
        if (row_cohort != cohort_id || row_item != item || row_module != module || row_pack != pack) {
            flush();
            pack.assign(row_pack);
            module.assign(row_module);
            item.assign(row_item);
            cohort_id = row_cohort;
            block_sound = BlockIdsAreSound(pack, module, item);
        }
        if (used == block_rows.size()) {
            block_rows.emplace_back();
        }
        BlockRow& row = block_rows[used];
        row.session_id.assign(column(4));
        const std::string_view phase_text = column(5);
        const auto phase = phase_text == "pre"    ? std::optional<Phase>(Phase::Pre)
                           : phase_text == "post" ? std::optional<Phase>(Phase::Post)
                                                  : ParsePhase(phase_text);
        if (sqlite3_column_type(step, 6) == SQLITE_NULL) {
            row.value.reset();
        } else {
            row.value = sqlite3_column_int(step, 6);
        }
        if (with_uuid) {
            row.uuid.assign(column(7));
        }
        if (!phase || !block_sound || !RowIsSound(row, with_uuid)) {
            ++invalid;
            continue;
        }
        row.phase = *phase;
        ++used;
    }
    flush();
    if (rc != SQLITE_DONE) {
        const LogStatus failure = StatusFor(db, rc, source.path);
        for (LogFileInfo& file : summary.files) {
            if (file.status.Ok()) {
                file.status = failure;
                file.status.path = file.path;
            }
        }
    }
    if (single && !summary.files.empty()) {
        summary.files[0].answers = summary.answers_read - invalid;
        summary.files[0].invalid = invalid;
    }
    rows = Statement();
    cohort_row = Statement();
    sqlite3_close_v2(db);
    return summary;
}

// ============================================================ [SECTION] raw scan and LoadAnswers

ScanSummary ScanRaw(const std::vector<std::string>& paths, const ReleaseFilter& filter,
                    const std::function<void(const Answer&, std::int64_t cohort)>& answer) {
    ScanSummary summary;
    ScanSource source;
    if (paths.empty() || !PrepareSource(paths, source, summary)) {
        return summary;
    }
    LogFileInfo info;
    sqlite3* db = OpenForReading(source.path, info, false);
    if (db == nullptr) {
        return summary;
    }
    const std::string sql =
        std::string("SELECT ") + detail::kAnswerColumns +
        ", cohort FROM answers WHERE (?1 = '' OR pack_id = ?1) AND (?2 IS NULL OR module_id = ?2)"
        " AND (?3 = '' OR day >= ?3) AND (?4 = '' OR day <= ?4) AND (?5 = '' OR kiosk = ?5)";
    Statement select(db, sql.c_str());
    std::size_t invalid = 0;
    int rc = select.Valid() ? SQLITE_OK : select.PrepareResult();
    if (select.Valid()) {
        select.Bind(1, filter.pack_id);
        if (filter.module_id) {
            select.Bind(2, *filter.module_id);
        } else {
            select.BindNull(2);
        }
        select.Bind(3, filter.from);
        select.Bind(4, filter.to);
        select.Bind(5, filter.kiosk);
        Answer row;
        while ((rc = sqlite3_step(select.Get())) == SQLITE_ROW) {
            if (!detail::ReadAnswerRow(select.Get(), row) || !ValidateAnswer(row).empty()) {
                ++invalid;
                continue;
            }
            ++summary.answers_read;
            answer(row, sqlite3_column_int64(select.Get(), 11));
        }
    }
    if (rc != SQLITE_DONE) {
        const LogStatus failure = StatusFor(db, rc, source.path);
        for (LogFileInfo& file : summary.files) {
            if (file.status.Ok()) {
                file.status = failure;
                file.status.path = file.path;
                file.status.detail += " (after reading " + std::to_string(summary.answers_read) + " answers)";
            }
        }
    }
    if (paths.size() == 1 && source.path == paths[0] && !summary.files.empty()) {
        summary.files[0].answers = summary.answers_read;
        summary.files[0].invalid = invalid;
    }
    select = Statement();
    sqlite3_close_v2(db);
    return summary;
}

std::string ValidateFilter(const AnswerFilter& filter) {
    return ValidateReleaseFilter(filter);
}

bool ScanSummary::AllFilesRead() const {
    for (const LogFileInfo& file : files) {
        if (!file.status.Ok()) {
            return false;
        }
    }
    return !files.empty();
}

bool ScanSummary::AnyFileRead() const {
    for (const LogFileInfo& file : files) {
        if (file.status.Ok()) {
            return true;
        }
    }
    return false;
}

bool LoadedAnswers::AllFilesRead() const {
    for (const LogFileInfo& file : files) {
        if (!file.status.Ok()) {
            return false;
        }
    }
    return true;
}

std::string ReadProblem(const LogFileInfo& file) {
    const LogStatus& status = file.status;
    const std::string detail = status.detail.empty() ? "" : " (" + status.detail + ")";
    switch (status.code) {
    case LogStatusCode::Ok:
        return "";
    case LogStatusCode::CannotOpen:
        return status.detail.empty() ? "the file cannot be opened" : status.detail;
    case LogStatusCode::ReadOnly:
        return "no permission to read the file" + detail;
    case LogStatusCode::NotALog:
        return "this is not a Stageboost confidence log" + detail;
    case LogStatusCode::TooNew:
        return "the log was written by a newer version of Stageboost; update this tool" + detail;
    case LogStatusCode::Corrupt:
        return "the file is damaged" + detail;
    case LogStatusCode::Busy:
        return "another program holds the file locked; try again when it is done" + detail;
    default:
        return status.MessageEn() + detail;
    }
}

std::string ScanSummary::Problems() const {
    std::string text;
    for (const LogFileInfo& file : files) {
        if (!file.status.Ok()) {
            text += file.path + ": " + ReadProblem(file) + "\n";
        }
    }
    return text;
}

std::string LoadedAnswers::Problems() const {
    std::string text;
    for (const LogFileInfo& file : files) {
        if (!file.status.Ok()) {
            text += file.path + ": " + ReadProblem(file) + "\n";
        }
    }
    return text;
}

LoadedAnswers LoadAnswers(const std::vector<std::string>& paths, const AnswerFilter& filter) {
    LoadedAnswers result;
    // Each file on its own first, so every unreadable one is named even when another is fine.
    ScanSummary summary =
        ScanRaw(paths, filter, [&](const Answer& answer, std::int64_t) { result.answers.push_back(answer); });
    result.files = std::move(summary.files);
    result.duplicates = summary.duplicates;
    result.conflicts = summary.conflicts;
    return result;
}

} // namespace sb
