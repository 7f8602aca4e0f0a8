#pragma once
// Internal to modules/log: small RAII helpers around SQLite and the mapping of SQLite errors to a
// LogStatus. Only .cpp files include this (SQLite is a private dependency of stageboost_core).

#include "log/answer.h"
#include "log/log_status.h"

#include <sqlite3.h>

#include <string>

namespace sb::detail {

// A prepared statement, finalized on destruction.
class Statement {
  public:
    Statement() = default;
    Statement(sqlite3* db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;

    bool Valid() const { return m_statement != nullptr; }
    int PrepareResult() const { return m_prepare_result; }
    sqlite3_stmt* Get() const { return m_statement; }
    void Reset();

    void Bind(int index, const std::string& text);
    void Bind(int index, int value);
    void BindNull(int index);

    std::string Text(int column) const;

  private:
    sqlite3_stmt* m_statement = nullptr;
    int m_prepare_result = SQLITE_OK;
};

// Maps an SQLite result (extended codes on) and the OS errno behind it to a status.
LogStatusCode StatusCodeFor(int sqlite_result, int system_errno);
LogStatus StatusFor(sqlite3* db, int sqlite_result, const std::string& path);

// SQLite reports a file it may not create in a read-only folder as "cannot open" (its fallback read-only
// open then fails with "no such file"), so look at the folder to tell ReadOnly from CannotOpen.
LogStatus DiagnoseCannotOpen(LogStatus status);

// Runs SQL with no results; returns the SQLite result.
int Exec(sqlite3* db, const char* sql);

// Reads one integer from a single-row query ("PRAGMA user_version"); returns the SQLite result.
int QueryInt(sqlite3* db, const char* sql, long long& value);

// The page cache of the tools' connections (report, export, merge): fixed, so memory does not grow with
// the log, and large enough that a scan of a million answers is not slowed by re-reading pages.
inline constexpr const char* kToolCacheSql = "PRAGMA cache_size = -16384";

// The covering index every released scan reads (also in LogMigrations(), step 3).
inline constexpr const char* kCohortIndexSql =
    "CREATE INDEX IF NOT EXISTS main.answers_by_cohort ON answers (pack_id, module_id, item_id, cohort, "
    "session_id, phase, value)";

// The columns every reader selects, in this order.
inline constexpr const char* kAnswerColumns =
    "uuid, session_id, pack_id, pack_version, module_id, item_id, phase, value, day, part_of_day, kiosk";

// Reads an answer from a row selected with kAnswerColumns; false when a column cannot be understood.
bool ReadAnswerRow(sqlite3_stmt* row, Answer& answer);

// Binds an answer to parameters ?1..?11 in kAnswerColumns order.
void BindAnswer(Statement& statement, const Answer& answer);

} // namespace sb::detail

namespace sb::detail {

// Checks that an open database is a Stageboost log (or a new, empty file) that this build can use, and
// reads its schema version (0 for a new file). Returns Ok, NotALog, TooNew or the error met.
LogStatus CheckLogIdentity(sqlite3* db, const std::string& path, int& version);

} // namespace sb::detail
