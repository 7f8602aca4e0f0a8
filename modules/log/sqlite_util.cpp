#include "log/sqlite_util.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace sb::detail {

Statement::Statement(sqlite3* db, const char* sql) {
    m_prepare_result = sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr);
    if (m_prepare_result != SQLITE_OK) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

Statement::~Statement() {
    sqlite3_finalize(m_statement);
}

Statement::Statement(Statement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_prepare_result(other.m_prepare_result) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_prepare_result = other.m_prepare_result;
    }
    return *this;
}

void Statement::Reset() {
    if (m_statement != nullptr) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
}

void Statement::Bind(int index, const std::string& text) {
    sqlite3_bind_text(m_statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void Statement::Bind(int index, int value) {
    sqlite3_bind_int(m_statement, index, value);
}

void Statement::BindNull(int index) {
    sqlite3_bind_null(m_statement, index);
}

std::string Statement::Text(int column) const {
    const unsigned char* text = sqlite3_column_text(m_statement, column);
    if (text == nullptr) {
        return "";
    }
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)));
}

LogStatusCode StatusCodeFor(int sqlite_result, int system_errno) {
    switch (sqlite_result & 0xff) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW:
        return LogStatusCode::Ok;
    case SQLITE_FULL:
        return LogStatusCode::DiskFull;
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return LogStatusCode::ReadOnly;
    case SQLITE_AUTH:
        return LogStatusCode::ReadOnly;
    case SQLITE_CANTOPEN:
        if (system_errno == EACCES || system_errno == EROFS || system_errno == EPERM) {
            return LogStatusCode::ReadOnly;
        }
        if (system_errno == ENOSPC) {
            return LogStatusCode::DiskFull;
        }
        return LogStatusCode::CannotOpen;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return LogStatusCode::Busy;
    case SQLITE_NOTADB:
        return LogStatusCode::NotALog;
    case SQLITE_CORRUPT:
        return LogStatusCode::Corrupt;
    case SQLITE_IOERR:
        if (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT) {
            return LogStatusCode::DiskFull;
        }
        if (system_errno == EROFS || system_errno == EACCES || system_errno == EPERM) {
            return LogStatusCode::ReadOnly;
        }
        return LogStatusCode::WriteError;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
        return LogStatusCode::InvalidAnswer;
    default:
        return LogStatusCode::WriteError;
    }
}

LogStatus StatusFor(sqlite3* db, int sqlite_result, const std::string& path) {
    const int system_errno = db != nullptr ? sqlite3_system_errno(db) : 0;
    LogStatus status;
    status.code = StatusCodeFor(sqlite_result, system_errno);
    status.path = path;
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(sqlite_result);
    status.detail = "SQLite: " + message;
    return status;
}

LogStatus DiagnoseCannotOpen(LogStatus status) {
    if (status.code != LogStatusCode::CannotOpen || status.path.empty()) {
        return status;
    }
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path file(status.path);
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    if (!fs::exists(folder, error)) {
        status.detail = "the folder " + folder.string() + " does not exist";
        return status;
    }
    if (!fs::is_directory(folder, error)) {
        status.detail = folder.string() + " is not a folder";
        return status;
    }
    if (fs::is_directory(file, error)) {
        status.detail = status.path + " is a folder, not a file";
        return status;
    }
    if ((fs::exists(file, error) && access(file.c_str(), W_OK) != 0) || access(folder.c_str(), W_OK) != 0) {
        status.code = LogStatusCode::ReadOnly;
        status.detail = "no permission to write in " + folder.string() + " (" + std::strerror(errno) + ")";
    }
    return status;
}

int Exec(sqlite3* db, const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

int QueryInt(sqlite3* db, const char* sql, long long& value) {
    Statement statement(db, sql);
    if (!statement.Valid()) {
        return statement.PrepareResult();
    }
    const int rc = sqlite3_step(statement.Get());
    if (rc == SQLITE_ROW) {
        value = sqlite3_column_int64(statement.Get(), 0);
        return SQLITE_OK;
    }
    return rc == SQLITE_DONE ? SQLITE_ERROR : rc;
}

bool ReadAnswerRow(sqlite3_stmt* row, Answer& answer) {
    auto text = [row](int column) {
        const unsigned char* value = sqlite3_column_text(row, column);
        return value == nullptr ? std::string()
                                : std::string(reinterpret_cast<const char*>(value),
                                              static_cast<std::size_t>(sqlite3_column_bytes(row, column)));
    };
    answer.uuid = text(0);
    answer.session_id = text(1);
    answer.pack_id = text(2);
    answer.pack_version = text(3);
    answer.module_id = text(4);
    answer.item_id = text(5);
    const auto phase = ParsePhase(text(6));
    if (sqlite3_column_type(row, 7) == SQLITE_NULL) {
        answer.value.reset();
    } else if (sqlite3_column_type(row, 7) == SQLITE_INTEGER) {
        answer.value = sqlite3_column_int(row, 7);
    } else {
        return false;
    }
    answer.date = text(8);
    const auto part = ParsePartOfDay(text(9));
    answer.kiosk = text(10);
    if (!phase || !part) {
        return false;
    }
    answer.phase = *phase;
    answer.part_of_day = *part;
    return true;
}

void BindAnswer(Statement& statement, const Answer& answer) {
    statement.Bind(1, answer.uuid);
    statement.Bind(2, answer.session_id);
    statement.Bind(3, answer.pack_id);
    statement.Bind(4, answer.pack_version);
    statement.Bind(5, answer.module_id);
    statement.Bind(6, answer.item_id);
    statement.Bind(7, std::string(PhaseName(answer.phase)));
    if (answer.value) {
        statement.Bind(8, *answer.value);
    } else {
        statement.BindNull(8);
    }
    statement.Bind(9, answer.date);
    statement.Bind(10, std::string(PartOfDayName(answer.part_of_day)));
    statement.Bind(11, answer.kiosk);
}

} // namespace sb::detail

#include "log/log_store.h"

namespace sb::detail {

LogStatus CheckLogIdentity(sqlite3* db, const std::string& path, int& version) {
    long long application_id = 0;
    int rc = QueryInt(db, "PRAGMA application_id", application_id);
    if (rc != SQLITE_OK) {
        return StatusFor(db, rc, path);
    }
    long long objects = 0;
    rc = QueryInt(db, "SELECT count(*) FROM sqlite_schema", objects);
    if (rc != SQLITE_OK) {
        return StatusFor(db, rc, path);
    }
    long long user_version = 0;
    rc = QueryInt(db, "PRAGMA user_version", user_version);
    if (rc != SQLITE_OK) {
        return StatusFor(db, rc, path);
    }
    LogStatus status;
    status.path = path;
    if (application_id == 0 && objects == 0 && user_version == 0) {
        version = 0; // a new, empty file
        return status;
    }
    if (application_id != kLogApplicationId) {
        status.code = LogStatusCode::NotALog;
        status.detail = "the file is an SQLite database of another program (application_id " +
                        std::to_string(application_id) + ")";
        return status;
    }
    if (user_version > kLogSchemaVersion) {
        status.code = LogStatusCode::TooNew;
        status.detail = "log schema version " + std::to_string(user_version) + "; this build knows up to " +
                        std::to_string(kLogSchemaVersion);
        return status;
    }
    if (user_version < 1) {
        status.code = LogStatusCode::Corrupt;
        status.detail = "the log has no schema version";
        return status;
    }
    version = static_cast<int>(user_version);
    return status;
}

} // namespace sb::detail
