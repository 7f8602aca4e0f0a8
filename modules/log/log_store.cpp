#include "log/log_store.h"

#include "log/sqlite_util.h"

#include <sqlite3.h>

#include <algorithm>
#include <string>

namespace sb {
namespace {

using detail::Exec;
using detail::QueryInt;
using detail::Statement;
using detail::StatusFor;

constexpr int kBusyTimeoutMs = 1000; // short: the kiosk must not freeze waiting for another program

constexpr const char* kInsertSql =
    "INSERT INTO answers (uuid, session_id, pack_id, pack_version, module_id, item_id, phase, value, day, "
    "part_of_day, kiosk) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (uuid) DO NOTHING";

bool IsConnectionBroken(LogStatusCode code) {
    // After these the connection may be unusable; the next try opens the file afresh.
    return code == LogStatusCode::WriteError || code == LogStatusCode::ReadOnly ||
           code == LogStatusCode::Corrupt || code == LogStatusCode::CannotOpen;
}

} // namespace

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
    };
    return migrations;
}

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
    CloseDatabase();
    m_path = path;
    m_options = options;
    LogStatus status = OpenDatabase();
    if (!status.Ok()) {
        return Remember(status);
    }
    return Flush();
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
    rc = Exec(db, "PRAGMA synchronous = FULL");
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
    m_options.max_size_bytes = max_size_bytes;
    ApplySizeLimit();
}

LogStatus LogStore::Record(const Answer& answer) {
    const std::string problem = ValidateAnswer(answer);
    if (!problem.empty()) {
        LogStatus status;
        status.code = LogStatusCode::InvalidAnswer;
        status.path = m_path;
        status.detail = problem;
        status.pending = m_pending.size();
        return status;
    }
    m_pending.push_back(answer);
    return Flush();
}

LogStatus LogStore::Flush() {
    if (m_db == nullptr) {
        LogStatus status = OpenDatabase();
        if (!status.Ok()) {
            return Remember(status);
        }
    }
    return Remember(WritePending());
}

LogStatus LogStore::WritePending() {
    LogStatus status;
    status.path = m_path;
    if (m_pending.empty()) {
        return status;
    }
    Statement insert(m_db, kInsertSql);
    if (!insert.Valid()) {
        status = StatusFor(m_db, insert.PrepareResult(), m_path);
        if (IsConnectionBroken(status.code)) {
            CloseDatabase();
        }
        return status;
    }
    bool refused_one = false;
    while (!m_pending.empty()) {
        insert.Reset();
        detail::BindAnswer(insert, m_pending.front());
        // Autocommit: the INSERT is its own transaction, made durable (WAL + synchronous=FULL) before
        // sqlite3_step returns.
        const int rc = sqlite3_step(insert.Get());
        if (rc == SQLITE_DONE) {
            m_pending.pop_front();
            continue;
        }
        LogStatus failure = StatusFor(m_db, rc, m_path);
        if (failure.code == LogStatusCode::InvalidAnswer) {
            // The file refuses this answer for good (a CHECK constraint): retrying would block the rest.
            status = failure;
            refused_one = true;
            m_pending.pop_front();
            continue;
        }
        insert = Statement();
        if (IsConnectionBroken(failure.code)) {
            CloseDatabase();
        }
        return failure;
    }
    return refused_one ? status : LogStatus{LogStatusCode::Ok, m_path, "", 0};
}

LogStatus LogStore::InsertMany(const std::vector<Answer>& answers, BulkInsertResult* result) {
    BulkInsertResult counts;
    if (m_db == nullptr) {
        LogStatus status = OpenDatabase();
        if (!status.Ok()) {
            if (result != nullptr) {
                *result = counts;
            }
            return Remember(status);
        }
    }
    auto finish = [&](LogStatus status) {
        if (result != nullptr) {
            *result = counts;
        }
        return Remember(status);
    };
    int rc = Exec(m_db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
        return finish(StatusFor(m_db, rc, m_path));
    }
    Statement insert(m_db, kInsertSql);
    const std::string select_sql =
        std::string("SELECT ") + detail::kAnswerColumns + " FROM answers WHERE uuid = ?1";
    Statement existing(m_db, select_sql.c_str());
    if (!insert.Valid() || !existing.Valid()) {
        LogStatus status =
            StatusFor(m_db, insert.Valid() ? existing.PrepareResult() : insert.PrepareResult(), m_path);
        insert = Statement();
        existing = Statement();
        Exec(m_db, "ROLLBACK");
        return finish(status);
    }
    for (const Answer& answer : answers) {
        if (!ValidateAnswer(answer).empty()) {
            ++counts.invalid;
            continue;
        }
        insert.Reset();
        detail::BindAnswer(insert, answer);
        rc = sqlite3_step(insert.Get());
        if (rc != SQLITE_DONE) {
            LogStatus status = StatusFor(m_db, rc, m_path);
            insert = Statement();
            existing = Statement();
            Exec(m_db, "ROLLBACK");
            counts.inserted = 0;
            counts.duplicates = 0;
            counts.conflicts = 0;
            return finish(status);
        }
        if (sqlite3_changes(m_db) == 1) {
            ++counts.inserted;
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
    insert = Statement();
    existing = Statement();
    rc = Exec(m_db, "COMMIT");
    if (rc != SQLITE_OK) {
        LogStatus status = StatusFor(m_db, rc, m_path);
        Exec(m_db, "ROLLBACK");
        counts = BulkInsertResult{};
        return finish(status);
    }
    return finish(LogStatus{LogStatusCode::Ok, m_path, "", 0});
}

LogStatus LogStore::Remember(LogStatus status) {
    status.pending = m_pending.size();
    if (status.path.empty()) {
        status.path = m_path;
    }
    m_status = status;
    return status;
}

LogStatus LogStore::Status() const {
    LogStatus status = m_status;
    status.pending = m_pending.size();
    return status;
}

void LogStore::CloseDatabase() {
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

LogStatus LogStore::Close() {
    LogStatus status = m_status;
    if (m_db != nullptr && !m_pending.empty()) {
        status = Flush();
    }
    CloseDatabase();
    status.pending = m_pending.size();
    return status;
}

} // namespace sb
