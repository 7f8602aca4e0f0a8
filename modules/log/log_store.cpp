// [SECTION] schema and migrations
// [SECTION] open, damage check, moving a damaged log aside
// [SECTION] writing answers into checks and cohorts
// [SECTION] end of a session: sealing, and wiping order from the files
#include "log/log_store.h"

#include "log/release.h"
#include "log/sqlite_util.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <unordered_map>

namespace sb {
namespace {

using detail::Exec;
using detail::QueryInt;
using detail::Statement;
using detail::StatusFor;

constexpr int kBusyTimeoutMs = 1000; // short: the kiosk must not freeze waiting for another program

constexpr const char* kInsertSql =
    "INSERT INTO answers (uuid, session_id, pack_id, pack_version, module_id, item_id, phase, value, day, "
    "part_of_day, kiosk, cohort) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
    "ON CONFLICT (uuid) DO NOTHING";

bool IsConnectionBroken(LogStatusCode code) {
    // After these the connection may be unusable; the next try opens the file afresh.
    return code == LogStatusCode::WriteError || code == LogStatusCode::ReadOnly ||
           code == LogStatusCode::Corrupt || code == LogStatusCode::CannotOpen ||
           code == LogStatusCode::NotALog;
}

std::string CheckKey(const Answer& answer) {
    std::string key = answer.session_id;
    key += '\x1f';
    key += answer.pack_id;
    key += '\x1f';
    key += answer.module_id;
    return key;
}

// Puts answers into checks and checks into cohorts, inside a transaction the caller holds.
class CohortWriter {
  public:
    CohortWriter(sqlite3* db, bool workshop)
        : m_db(db), m_workshop(workshop), m_insert(db, kInsertSql),
          m_find(db, "SELECT id FROM cohorts WHERE pack_id = ?1 AND module_id = ?2 AND kiosk = ?3 AND "
                     "state = 'open' AND workshop = ?4 LIMIT 1"),
          m_create(db, "INSERT INTO cohorts (id, pack_id, module_id, kiosk, state, workshop, members, ended, "
                       "last_day) VALUES (?1, ?2, ?3, ?4, 'open', ?5, 0, 0, '')"),
          m_join(db, "UPDATE cohorts SET members = members + 1, state = CASE WHEN workshop = 0 AND "
                     "members + 1 >= ?2 THEN 'full' ELSE state END WHERE id = ?1"),
          m_day(db, "UPDATE cohorts SET last_day = ?2 WHERE id = ?1 AND last_day < ?2"),
          m_replace(db, "DELETE FROM answers WHERE pack_id = ?1 AND module_id = ?2 AND item_id = ?3 AND "
                        "cohort = ?4 AND session_id = ?5 AND phase = ?6 AND uuid <> ?7") {}

    bool Valid() const {
        return m_insert.Valid() && m_find.Valid() && m_create.Valid() && m_join.Valid() && m_day.Valid() &&
               m_replace.Valid();
    }
    int PrepareResult() const {
        for (const Statement* s : {&m_insert, &m_find, &m_create, &m_join, &m_day, &m_replace}) {
            if (!s->Valid()) {
                return s->PrepareResult();
            }
        }
        return SQLITE_OK;
    }

    // `cohort` is the check's cohort when it has one (0 otherwise, then one is chosen and returned).
    // Returns the SQLite result; `inserted` tells whether the answer was new, `replaced` how many earlier
    // answers of the same check to the same item and phase it replaced (a student went back and answered
    // again: the correction is the answer, the mis-tap is deleted, and secure_delete zeroes it).
    int Write(const Answer& answer, std::int64_t& cohort, bool& inserted, int* replaced = nullptr) {
        inserted = false;
        if (replaced != nullptr) {
            *replaced = 0;
        }
        const bool new_check = cohort == 0;
        int rc = SQLITE_OK;
        if (new_check) {
            rc = ChooseCohort(answer, cohort);
            if (rc != SQLITE_OK) {
                return rc;
            }
        }
        m_insert.Reset();
        detail::BindAnswer(m_insert, answer);
        sqlite3_bind_int64(m_insert.Get(), 12, cohort);
        rc = sqlite3_step(m_insert.Get());
        if (rc != SQLITE_DONE) {
            return rc;
        }
        inserted = sqlite3_changes(m_db) == 1;
        if (!inserted) {
            if (new_check) {
                cohort = 0; // a duplicate joins nothing
            }
            return SQLITE_OK;
        }
        if (!new_check) {
            m_replace.Reset();
            m_replace.Bind(1, answer.pack_id);
            m_replace.Bind(2, answer.module_id);
            m_replace.Bind(3, answer.item_id);
            sqlite3_bind_int64(m_replace.Get(), 4, cohort);
            m_replace.Bind(5, answer.session_id);
            m_replace.Bind(6, std::string(PhaseName(answer.phase)));
            m_replace.Bind(7, answer.uuid);
            rc = sqlite3_step(m_replace.Get());
            if (rc != SQLITE_DONE) {
                return rc;
            }
            if (replaced != nullptr) {
                *replaced = sqlite3_changes(m_db);
            }
        }
        if (new_check) {
            m_join.Reset();
            sqlite3_bind_int64(m_join.Get(), 1, cohort);
            m_join.Bind(2, kMinCohortSize);
            rc = sqlite3_step(m_join.Get());
            if (rc != SQLITE_DONE) {
                return rc;
            }
        }
        m_day.Reset();
        sqlite3_bind_int64(m_day.Get(), 1, cohort);
        m_day.Bind(2, answer.date);
        rc = sqlite3_step(m_day.Get());
        return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }

  private:
    int ChooseCohort(const Answer& answer, std::int64_t& cohort) {
        m_find.Reset();
        m_find.Bind(1, answer.pack_id);
        m_find.Bind(2, answer.module_id);
        m_find.Bind(3, answer.kiosk);
        m_find.Bind(4, m_workshop ? 1 : 0);
        int rc = sqlite3_step(m_find.Get());
        if (rc == SQLITE_ROW) {
            cohort = sqlite3_column_int64(m_find.Get(), 0);
            return SQLITE_OK;
        }
        if (rc != SQLITE_DONE) {
            return rc;
        }
        cohort = NewRandomKey();
        m_create.Reset();
        sqlite3_bind_int64(m_create.Get(), 1, cohort);
        m_create.Bind(2, answer.pack_id);
        m_create.Bind(3, answer.module_id);
        m_create.Bind(4, answer.kiosk);
        m_create.Bind(5, m_workshop ? 1 : 0);
        rc = sqlite3_step(m_create.Get());
        return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }

    sqlite3* m_db;
    bool m_workshop;
    Statement m_insert;
    Statement m_find;
    Statement m_create;
    Statement m_join;
    Statement m_day;
    Statement m_replace;
};

// Ends checks (one entry per check, by cohort) and seals full cohorts whose checks have all ended.
int EndChecksIn(sqlite3* db, const std::vector<std::int64_t>& cohorts) {
    Statement end(db, "UPDATE cohorts SET ended = min(members, ended + 1) WHERE id = ?1");
    if (!end.Valid()) {
        return end.PrepareResult();
    }
    for (std::int64_t cohort : cohorts) {
        end.Reset();
        sqlite3_bind_int64(end.Get(), 1, cohort);
        const int rc = sqlite3_step(end.Get());
        if (rc != SQLITE_DONE) {
            return rc;
        }
    }
    return Exec(db, "UPDATE cohorts SET state = 'sealed' WHERE state = 'full' AND ended >= members");
}

std::string FreeAsideName(const std::string& path) {
    std::error_code error;
    for (int n = 1;; ++n) {
        const std::string candidate = path + ".damaged-" + std::to_string(n);
        if (!std::filesystem::exists(candidate, error)) {
            return candidate;
        }
    }
}

} // namespace

// ============================================================ [SECTION] schema and migrations

const std::vector<LogMigration>& LogMigrations() {
    static const std::vector<LogMigration> migrations = {
        {1, "the answers table",
         "CREATE TABLE answers ("
         "    uuid TEXT PRIMARY KEY NOT NULL,"
         "    session_id TEXT NOT NULL,"
         "    pack_id TEXT NOT NULL,"
         "    pack_version TEXT NOT NULL,"
         "    module_id TEXT NOT NULL," // '' for the check around a whole session
         "    item_id TEXT NOT NULL,"
         "    phase TEXT NOT NULL CHECK (phase IN ('pre', 'post', 'retro')),"
         "    value INTEGER CHECK (value IS NULL OR value BETWEEN 1 AND 5)," // NULL: don't know
         "    day TEXT NOT NULL,"
         "    part_of_day TEXT NOT NULL CHECK (part_of_day IN ('nacht', 'ochtend', 'middag', 'avond')),"
         "    kiosk TEXT NOT NULL"
         ") WITHOUT ROWID;"
         "PRAGMA application_id = 1396853831;"},
        {2, "an index for reports filtered by pack, module and date",
         "CREATE INDEX answers_by_pack ON answers (pack_id, module_id, day);"},
        {3,
         "cohorts: checks join a cohort per pack, module and kiosk, and only sealed cohorts are released; "
         "older answers form one cohort per pack, module, kiosk and day (sealed when it has 5 checks)",
         "ALTER TABLE answers ADD COLUMN cohort INTEGER;"
         "CREATE TABLE cohorts ("
         "    id INTEGER PRIMARY KEY," // random, never in order of creation
         "    pack_id TEXT NOT NULL,"
         "    module_id TEXT NOT NULL,"
         "    kiosk TEXT NOT NULL,"
         "    state TEXT NOT NULL CHECK (state IN ('open', 'full', 'sealed')),"
         "    workshop INTEGER NOT NULL DEFAULT 0,"
         "    members INTEGER NOT NULL DEFAULT 0,"
         "    ended INTEGER NOT NULL DEFAULT 0,"
         "    last_day TEXT NOT NULL DEFAULT ''"
         ");"
         "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;"
         "CREATE TEMP TABLE legacy_checks AS SELECT pack_id, module_id, session_id, min(kiosk) AS kiosk, "
         "    min(day) AS day FROM answers GROUP BY pack_id, module_id, session_id;"
         "CREATE TEMP TABLE legacy_cohorts AS SELECT (random() & 9223372036854775807) AS id, pack_id, "
         "    module_id, kiosk, day, count(*) AS members FROM legacy_checks "
         "    GROUP BY pack_id, module_id, kiosk, day;"
         "INSERT INTO cohorts (id, pack_id, module_id, kiosk, state, workshop, members, ended, last_day) "
         "    SELECT id, pack_id, module_id, kiosk, CASE WHEN members >= 5 THEN 'sealed' ELSE 'open' END, 0, "
         "    members, members, day FROM legacy_cohorts;"
         "UPDATE answers SET cohort = (SELECT c.id FROM legacy_checks g JOIN legacy_cohorts c "
         "    ON c.pack_id = g.pack_id AND c.module_id = g.module_id AND c.kiosk = g.kiosk AND c.day = g.day "
         "    WHERE g.pack_id = answers.pack_id AND g.module_id = answers.module_id "
         "    AND g.session_id = answers.session_id);"
         "DROP TABLE legacy_checks;"
         "DROP TABLE legacy_cohorts;"
         "DROP INDEX answers_by_pack;"
         // Covering index for every released scan: ordered by item and cohort, with the answer inside.
         "CREATE INDEX answers_by_cohort ON answers (pack_id, module_id, item_id, cohort, session_id, phase, "
         "    value);"},
    };
    return migrations;
}

// ============================================================ [SECTION] open, damage check, moving aside

LogStore::LogStore() {
    m_status.code = LogStatusCode::NotOpen;
}

LogStore::~LogStore() {
    Close();
}

LogStatus LogStore::Open(const std::string& path) {
    return Open(path, Options{});
}

LogStatus LogStore::Open(const std::string& path, const Options& options) {
    WaitForRewrite();
    std::lock_guard lock(m_mutex);
    CloseDatabase();
    m_path = path;
    m_options = options;
    m_open_checks.clear();
    m_open_checks_cohorts.clear();
    // A -wal left by a crash or a fast stop holds answers in the order they came: rewrite it now.
    std::error_code ignored;
    const bool wal_left = std::filesystem::file_size(path + "-wal", ignored) > 0 && !ignored;
    LogStatus status = OpenVerified();
    if (!status.Ok()) {
        return Remember(status);
    }
    status = Flush();
    if (wal_left && m_options.owner && status.Saving() && m_db != nullptr) {
        StartRewrite();
    }
    return status;
}

// Opens the file; as its owner, checks it and moves it aside when it is damaged, then ends the checks a
// crash left open.
LogStatus LogStore::OpenVerified() {
    m_rewritten_at_changes = -1; // unknown: a crash may have left answers in the order they came
    {
        std::lock_guard interrupt(m_interrupt_mutex);
        m_stop_rewrite = false; // open again after a fast stop: rewrites run again
    }
    LogStatus status = OpenDatabase();
    if (m_options.owner && MoveAsideIfDamaged(status)) {
        status = OpenDatabase();
    }
    if (!status.Ok() || !m_options.owner) {
        return status;
    }
    // Session ids live only in memory: checks still open in the file belong to a process that is gone.
    int rc = Exec(m_db, "BEGIN IMMEDIATE");
    if (rc == SQLITE_OK) {
        rc = Exec(m_db, "UPDATE cohorts SET ended = members WHERE ended < members");
    }
    if (rc == SQLITE_OK) {
        rc = EndChecksIn(m_db, {});
    }
    if (rc == SQLITE_OK) {
        rc = Exec(m_db, "COMMIT");
    }
    if (rc != SQLITE_OK) {
        status = StatusFor(m_db, rc, m_path);
        Exec(m_db, "ROLLBACK");
        CloseDatabase();
        return status;
    }
    long long workshop = 0;
    Statement read(m_db, "SELECT value FROM settings WHERE key = 'workshop'");
    if (read.Valid() && sqlite3_step(read.Get()) == SQLITE_ROW) {
        workshop = read.Text(0) == "open" ? 1 : 0;
    }
    m_workshop = workshop == 1;
    return status;
}

// A file at the log's own path that SQLite cannot read, or whose pages fail quick_check, is damaged: it is
// renamed (with its -wal and -shm) so an administrator can look at it, and a fresh log is started. A readable
// SQLite file of another program is not damage: it is refused, never moved.
bool LogStore::MoveAsideIfDamaged(LogStatus& status) {
    namespace fs = std::filesystem;
    std::error_code error;
    bool damaged = status.code == LogStatusCode::Corrupt ||
                   (status.code == LogStatusCode::NotALog && status.detail.rfind("SQLite:", 0) == 0);
    if (status.Ok() && m_db != nullptr) {
        Statement check(m_db, "PRAGMA quick_check(1)");
        const int rc = check.Valid() ? sqlite3_step(check.Get()) : check.PrepareResult();
        if (rc != SQLITE_ROW || check.Text(0) != "ok") {
            damaged = true;
            status.detail = rc == SQLITE_ROW ? "quick_check: " + check.Text(0) : sqlite3_errmsg(m_db);
        }
    }
    if (!damaged || !fs::is_regular_file(m_path, error)) {
        return false;
    }
    CloseDatabase();
    const std::string aside = FreeAsideName(m_path);
    fs::rename(m_path, aside, error);
    if (error) {
        status.code = LogStatusCode::Corrupt;
        status.detail += "; could not move it aside: " + error.message();
        return false;
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        std::error_code ignored;
        if (fs::exists(m_path + suffix, ignored)) {
            fs::rename(m_path + suffix, aside + suffix, ignored);
        }
    }
    m_moved_aside = aside;
    m_open_checks.clear();
    m_open_checks_cohorts.clear();

    // Nothing is copied out of the damaged file: a sealed cohort copied in part would be a changed
    // cohort, and two releases could then differ by one student. The file stays for the administrator.
    return true;
}

LogStatus LogStore::OpenDatabase() {
    LogStatus status;
    status.path = m_path;
    if (m_path.empty()) {
        status.code = LogStatusCode::NotOpen;
        return status;
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(m_path.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        status = detail::DiagnoseCannotOpen(StatusFor(db, rc, m_path));
        sqlite3_close_v2(db);
        return status;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);

    auto fail = [&](LogStatus failure) {
        sqlite3_close_v2(db);
        return detail::DiagnoseCannotOpen(failure);
    };
    // SQLite falls back to read-only when it may not write the file; say so now, not at the first answer.
    if (sqlite3_db_readonly(db, "main") == 1) {
        status.code = LogStatusCode::ReadOnly;
        status.detail = "the file can only be opened read-only";
        return fail(status);
    }
    int version = 0;
    status = detail::CheckLogIdentity(db, m_path, version);
    if (!status.Ok()) {
        return fail(status);
    }

    {
        Statement journal(db, "PRAGMA journal_mode = WAL");
        rc = journal.Valid() ? sqlite3_step(journal.Get()) : journal.PrepareResult();
        if (rc != SQLITE_ROW) {
            return fail(StatusFor(db, rc, m_path));
        }
        if (journal.Text(0) != "wal") {
            status.code = LogStatusCode::CannotOpen;
            status.detail =
                "the file system does not support SQLite's WAL mode (journal mode " + journal.Text(0) + ")";
            return fail(status);
        }
    }
    // Deleted or moved content is overwritten with zeros; VACUUM's copy stays in memory, never in /tmp.
    rc = Exec(db, "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY");
    if (rc == SQLITE_OK && !m_options.owner) {
        rc = Exec(db, detail::kToolCacheSql); // bulk writers (merge, imports) get the tools' page cache
    }
    if (rc != SQLITE_OK) {
        return fail(StatusFor(db, rc, m_path));
    }

    // Each step in its own transaction, so a power cut during an upgrade leaves a consistent version.
    for (const LogMigration& step : LogMigrations()) {
        if (step.to_version <= version) {
            continue;
        }
        rc = Exec(db, "BEGIN IMMEDIATE");
        if (rc == SQLITE_OK) {
            rc = Exec(db, step.sql);
        }
        if (rc == SQLITE_OK) {
            const std::string set_version = "PRAGMA user_version = " + std::to_string(step.to_version);
            rc = Exec(db, set_version.c_str());
        }
        if (rc == SQLITE_OK) {
            rc = Exec(db, "COMMIT");
        }
        if (rc != SQLITE_OK) {
            status = StatusFor(db, rc, m_path);
            status.detail +=
                " (while upgrading the log to schema version " + std::to_string(step.to_version) + ")";
            Exec(db, "ROLLBACK");
            return fail(status);
        }
        version = step.to_version;
    }
    m_db = db;
    ApplySizeLimit();
    return status;
}

void LogStore::ApplySizeLimit() {
    if (m_db == nullptr) {
        return;
    }
    long long page_size = 4096;
    QueryInt(m_db, "PRAGMA page_size", page_size);
    // max_page_count cannot be lowered below the current size, and 0 would mean "unchanged": use a huge
    // number for "no limit".
    long long pages = 1073741823;
    if (m_options.max_size_bytes > 0 && page_size > 0) {
        pages = std::max<long long>(1, m_options.max_size_bytes / page_size);
    }
    const std::string sql = "PRAGMA max_page_count = " + std::to_string(pages);
    long long ignored = 0;
    QueryInt(m_db, sql.c_str(), ignored);
}

void LogStore::SetMaxSizeBytes(std::int64_t max_size_bytes) {
    std::lock_guard lock(m_mutex);
    m_options.max_size_bytes = max_size_bytes;
    ApplySizeLimit();
}

// ============================================================ [SECTION] writing answers

std::size_t LogStore::PendingCount() const {
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(
        std::count_if(m_pending.begin(), m_pending.end(), [](const Pending& p) { return !p.end_session; }));
}

std::vector<Answer> LogStore::PendingAnswers() const {
    std::lock_guard lock(m_mutex);
    std::vector<Answer> answers;
    for (const Pending& p : m_pending) {
        if (!p.end_session) {
            answers.push_back(p.answer);
        }
    }
    return answers;
}

LogStatus LogStore::Record(const Answer& answer) {
    std::lock_guard lock(m_mutex);
    const std::string problem = ValidateAnswer(answer);
    if (!problem.empty()) {
        LogStatus status;
        status.code = LogStatusCode::InvalidAnswer;
        status.path = m_path;
        status.detail = problem;
        status.pending = PendingCount();
        status.moved_aside = m_moved_aside;
        return status;
    }
    m_pending.push_back(Pending{answer, false});
    return Flush();
}

LogStatus LogStore::Flush() {
    std::lock_guard lock(m_mutex);
    if (m_db == nullptr) {
        LogStatus status = OpenVerified();
        if (!status.Ok()) {
            return Remember(status);
        }
    }
    LogStatus status = WritePending();
    // A write that meets damage: check the file, move it aside and write the same answers to a new one.
    if (m_options.owner && (status.code == LogStatusCode::Corrupt || status.code == LogStatusCode::NotALog ||
                            status.code == LogStatusCode::WriteError)) {
        CloseDatabase();
        LogStatus reopened = OpenVerified();
        if (reopened.Ok()) {
            status = WritePending();
        }
    }
    return Remember(status);
}

LogStatus LogStore::WriteAnswer(const Answer& answer, bool& inserted) {
    const std::string key = CheckKey(answer);
    auto found = std::find(m_open_checks.begin(), m_open_checks.end(), key);
    std::int64_t cohort =
        found == m_open_checks.end() ? 0 : m_open_checks_cohorts[found - m_open_checks.begin()];
    const bool new_check = cohort == 0;
    int rc = Exec(m_db, "BEGIN IMMEDIATE");
    if (rc == SQLITE_OK) {
        CohortWriter writer(m_db, m_workshop);
        rc = writer.Valid() ? writer.Write(answer, cohort, inserted) : writer.PrepareResult();
    }
    if (rc == SQLITE_OK) {
        rc = Exec(m_db, "COMMIT"); // durable (WAL + synchronous=FULL) before this returns
    }
    if (rc != SQLITE_OK) {
        LogStatus failure = StatusFor(m_db, rc, m_path);
        Exec(m_db, "ROLLBACK");
        return failure;
    }
    if (new_check && inserted) {
        m_open_checks.push_back(key);
        m_open_checks_cohorts.push_back(cohort);
    }
    return LogStatus{LogStatusCode::Ok, m_path, "", 0, ""};
}

LogStatus LogStore::WritePending() {
    LogStatus status;
    status.path = m_path;
    bool refused_one = false;
    while (!m_pending.empty()) {
        if (m_pending.front().end_session) {
            LogStatus ended = EndChecks();
            if (!ended.Ok()) {
                return ended;
            }
            m_pending.pop_front();
            continue;
        }
        bool inserted = false;
        LogStatus failure = WriteAnswer(m_pending.front().answer, inserted);
        if (failure.Ok()) {
            m_pending.pop_front();
            continue;
        }
        if (failure.code == LogStatusCode::InvalidAnswer) {
            // The file refuses this answer for good (a CHECK constraint): retrying would block the rest.
            status = failure;
            refused_one = true;
            m_pending.pop_front();
            continue;
        }
        if (IsConnectionBroken(failure.code)) {
            CloseDatabase();
        }
        return failure;
    }
    return refused_one ? status : LogStatus{LogStatusCode::Ok, m_path, "", 0, ""};
}

LogStatus LogStore::InsertMany(const std::vector<Answer>& answers, BulkInsertResult* result) {
    std::lock_guard lock(m_mutex);
    BulkInsertResult counts;
    auto finish = [&](LogStatus status) {
        if (result != nullptr) {
            *result = counts;
        }
        return Remember(status);
    };
    if (m_db == nullptr) {
        LogStatus status = OpenVerified();
        if (!status.Ok()) {
            return finish(status);
        }
    }
    int rc = Exec(m_db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
        return finish(StatusFor(m_db, rc, m_path));
    }
    const std::string select_sql =
        std::string("SELECT ") + detail::kAnswerColumns + " FROM answers WHERE uuid = ?1";
    std::unordered_map<std::string, std::int64_t> checks; // this batch's checks and their cohorts
    std::vector<std::int64_t> ended;
    {
        CohortWriter writer(m_db, m_workshop);
        Statement existing(m_db, select_sql.c_str());
        if (!writer.Valid() || !existing.Valid()) {
            LogStatus status =
                StatusFor(m_db, writer.Valid() ? existing.PrepareResult() : writer.PrepareResult(), m_path);
            Exec(m_db, "ROLLBACK");
            return finish(status);
        }
        for (const Answer& answer : answers) {
            if (!ValidateAnswer(answer).empty()) {
                ++counts.invalid;
                continue;
            }
            std::int64_t& cohort = checks[CheckKey(answer)];
            const bool new_check = cohort == 0;
            bool inserted = false;
            int replaced = 0;
            rc = writer.Write(answer, cohort, inserted, &replaced);
            if (rc != SQLITE_OK) {
                break;
            }
            counts.replaced += static_cast<std::size_t>(replaced);
            if (inserted) {
                ++counts.inserted;
                if (new_check) {
                    ended.push_back(cohort);
                }
                continue;
            }
            // Same UUID already stored: a true duplicate, or (very unlikely) a clash with other content.
            existing.Reset();
            existing.Bind(1, answer.uuid);
            Answer stored;
            if (sqlite3_step(existing.Get()) == SQLITE_ROW && detail::ReadAnswerRow(existing.Get(), stored) &&
                stored == answer) {
                ++counts.duplicates;
            } else {
                ++counts.conflicts;
            }
        }
    }
    if (rc == SQLITE_OK) {
        rc = EndChecksIn(m_db, ended); // a batch holds whole sessions: they have all ended
    }
    if (rc == SQLITE_OK) {
        rc = Exec(m_db, "COMMIT");
    }
    if (rc != SQLITE_OK) {
        LogStatus status = StatusFor(m_db, rc, m_path);
        Exec(m_db, "ROLLBACK");
        counts = BulkInsertResult{};
        return finish(status);
    }
    return finish(LogStatus{LogStatusCode::Ok, m_path, "", 0, ""});
}

LogStatus LogStore::InsertReleased(const std::vector<std::pair<Answer, std::int64_t>>& answers,
                                   const std::vector<CohortInfo>& cohorts) {
    std::lock_guard lock(m_mutex);
    if (m_db == nullptr) {
        LogStatus status = OpenVerified();
        if (!status.Ok()) {
            return Remember(status);
        }
    }
    int rc = Exec(m_db, "BEGIN IMMEDIATE");
    {
        Statement cohort(m_db,
                         "INSERT OR IGNORE INTO cohorts (id, pack_id, module_id, kiosk, state, workshop, "
                         "members, ended, last_day) VALUES (?1, ?2, ?3, ?4, 'sealed', 0, ?5, ?5, ?6)");
        Statement insert(m_db, kInsertSql);
        if (rc == SQLITE_OK && (!cohort.Valid() || !insert.Valid())) {
            rc = cohort.Valid() ? insert.PrepareResult() : cohort.PrepareResult();
        }
        for (std::size_t i = 0; rc == SQLITE_OK && i < cohorts.size(); ++i) {
            const CohortInfo& c = cohorts[i];
            cohort.Reset();
            sqlite3_bind_int64(cohort.Get(), 1, c.id);
            cohort.Bind(2, c.pack_id);
            cohort.Bind(3, c.module_id);
            cohort.Bind(4, c.kiosk);
            cohort.Bind(5, c.checks);
            cohort.Bind(6, c.sealed_date);
            rc = sqlite3_step(cohort.Get()) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(m_db);
        }
        for (std::size_t i = 0; rc == SQLITE_OK && i < answers.size(); ++i) {
            insert.Reset();
            detail::BindAnswer(insert, answers[i].first);
            sqlite3_bind_int64(insert.Get(), 12, answers[i].second);
            rc = sqlite3_step(insert.Get()) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(m_db);
        }
    }
    if (rc == SQLITE_OK) {
        rc = Exec(m_db, "COMMIT");
    }
    if (rc != SQLITE_OK) {
        LogStatus failure = StatusFor(m_db, rc, m_path);
        Exec(m_db, "ROLLBACK");
        return Remember(failure);
    }
    return Remember(LogStatus{LogStatusCode::Ok, m_path, "", 0, ""});
}

// ============================================================ [SECTION] end of a session

LogStatus LogStore::EndSession(Rewrite rewrite) {
    WaitForRewrite(); // the last student's, if it still runs
    std::lock_guard lock(m_mutex);
    m_pending.push_back(Pending{Answer{}, true});
    LogStatus status = Flush();
    // A session that changed nothing (a student who left without answering) leaves the file as the last
    // rewrite made it: there is no order to wipe, so the rewrite is skipped.
    const bool unchanged = m_db != nullptr && m_rewritten_at_changes >= 0 &&
                           sqlite3_total_changes64(m_db) == m_rewritten_at_changes;
    if (status.Saving() && m_db != nullptr && !unchanged) {
        if (rewrite == Rewrite::InBackground) {
            // Whichever takes the lock first: an answer of the next student written before the rewrite
            // is rewritten with the rest, one written after it waits until it is done.
            StartRewrite();
            return status;
        }
        LogStatus wiped = WipeOrder();
        if (!wiped.Ok()) {
            status = Remember(wiped);
        }
    }
    return status;
}

void LogStore::StartRewrite() {
    {
        std::lock_guard interrupt(m_interrupt_mutex);
        m_stop_rewrite = false;
    }
    m_rewriter = std::thread([this] {
        std::lock_guard rewriting(m_mutex);
        const LogStatus wiped = WipeOrder();
        if (!wiped.Ok()) {
            Remember(wiped); // the next call reports it
        }
    });
}

void LogStore::WaitForRewrite() {
    if (m_rewriter.joinable()) m_rewriter.join();
}

std::size_t LogStore::Rewrites() const {
    std::lock_guard lock(m_mutex);
    return m_rewrites;
}

bool LogStore::IsOpen() const {
    std::lock_guard lock(m_mutex);
    return m_db != nullptr;
}

LogStatus LogStore::EndChecks() {
    int rc = Exec(m_db, "BEGIN IMMEDIATE");
    if (rc == SQLITE_OK) {
        rc = EndChecksIn(m_db, m_open_checks_cohorts);
    }
    if (rc == SQLITE_OK) {
        rc = Exec(m_db, "COMMIT");
    }
    if (rc != SQLITE_OK) {
        LogStatus failure = StatusFor(m_db, rc, m_path);
        Exec(m_db, "ROLLBACK");
        return failure;
    }
    m_open_checks.clear();
    m_open_checks_cohorts.clear();
    return LogStatus{LogStatusCode::Ok, m_path, "", 0, ""};
}

// Rewrites the file in key order (VACUUM: cells and pages no longer in the order they were written),
// empties the WAL and closes the connection, which removes -wal and -shm; then opens it again.
LogStatus LogStore::WipeOrder() {
    {
        std::lock_guard interrupt(m_interrupt_mutex);
        if (m_stop_rewrite) {
            return LogStatus{LogStatusCode::Ok, m_path, "", 0, ""}; // a fast stop came first
        }
        m_rewriting = m_db;
    }
    int rc = Exec(m_db, "VACUUM");
    if (rc == SQLITE_OK) {
        rc = Exec(m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
    }
    {
        std::lock_guard interrupt(m_interrupt_mutex);
        m_rewriting = nullptr;
        if (m_stop_rewrite) {
            return LogStatus{LogStatusCode::Ok, m_path, "", 0, ""}; // interrupted: the next Open() rewrites
        }
    }
    if (rc != SQLITE_OK) {
        LogStatus failure = StatusFor(m_db, rc, m_path);
        failure.detail += " (while rewriting the log at the end of a session)";
        return failure;
    }
    CloseDatabase();
    LogStatus reopened = OpenDatabase();
    if (reopened.Ok() && m_db != nullptr) {
        ++m_rewrites;
        m_rewritten_at_changes = sqlite3_total_changes64(m_db);
    }
    return reopened;
}

LogStatus LogStore::BeginWorkshop() {
    std::lock_guard lock(m_mutex);
    m_workshop = true;
    if (m_db == nullptr) {
        return Remember(OpenVerified());
    }
    const int rc = Exec(m_db, "INSERT INTO settings (key, value) VALUES ('workshop', 'open') "
                              "ON CONFLICT (key) DO UPDATE SET value = 'open'");
    return Remember(rc == SQLITE_OK ? LogStatus{LogStatusCode::Ok, m_path, "", 0, ""}
                                    : StatusFor(m_db, rc, m_path));
}

LogStatus LogStore::CloseWorkshop() {
    std::lock_guard lock(m_mutex);
    m_workshop = false;
    if (m_db == nullptr) {
        LogStatus status = OpenVerified();
        if (!status.Ok()) {
            return Remember(status);
        }
    }
    const std::string sql =
        "BEGIN IMMEDIATE;"
        "UPDATE cohorts SET state = 'full' WHERE workshop = 1 AND state = 'open' AND members >= " +
        std::to_string(kMinCohortSize) +
        ";"
        "UPDATE cohorts SET workshop = 0 WHERE workshop = 1 AND state = 'open';"
        "UPDATE cohorts SET state = 'sealed' WHERE state = 'full' AND ended >= members;"
        "INSERT INTO settings (key, value) VALUES ('workshop', 'closed') "
        "    ON CONFLICT (key) DO UPDATE SET value = 'closed';"
        "COMMIT;";
    const int rc = Exec(m_db, sql.c_str());
    if (rc != SQLITE_OK) {
        LogStatus failure = StatusFor(m_db, rc, m_path);
        Exec(m_db, "ROLLBACK");
        return Remember(failure);
    }
    return Remember(LogStatus{LogStatusCode::Ok, m_path, "", 0, ""});
}

LogStatus LogStore::Remember(LogStatus status) {
    status.pending = PendingCount();
    if (status.path.empty()) {
        status.path = m_path;
    }
    status.moved_aside = m_moved_aside;
    if (!m_moved_aside.empty() && status.code == LogStatusCode::Ok) {
        status.code = LogStatusCode::MovedAside;
    }
    m_status = status;
    return status;
}

LogStatus LogStore::Status() const {
    std::lock_guard lock(m_mutex);
    LogStatus status = m_status;
    status.pending = PendingCount();
    return status;
}

void LogStore::CloseDatabase() {
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

LogStatus LogStore::Close(Closing how) {
    if (how == Closing::Fast) {
        std::lock_guard interrupt(m_interrupt_mutex);
        m_stop_rewrite = true;
        if (m_rewriting != nullptr) sqlite3_interrupt(m_rewriting);
    }
    WaitForRewrite();
    std::lock_guard lock(m_mutex);
    LogStatus status = m_status;
    if (m_db != nullptr && !m_pending.empty()) {
        status = Flush();
    }
    if (how == Closing::Fast && m_db != nullptr) {
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    }
    CloseDatabase();
    status.pending = PendingCount();
    return status;
}

} // namespace sb
