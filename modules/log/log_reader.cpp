#include "log/log_reader.h"

#include "log/sqlite_util.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>
#include <unordered_map>

namespace sb {
namespace {

using detail::Statement;
using detail::StatusFor;

LogFileInfo ReadOne(const std::string& path, const AnswerFilter& filter, std::vector<Answer>& out) {
    LogFileInfo info;
    info.path = path;
    info.status.path = path;

    std::error_code error;
    const auto kind = std::filesystem::status(path, error).type();
    if (kind == std::filesystem::file_type::not_found) {
        info.status.code = LogStatusCode::CannotOpen;
        info.status.detail = "no such file";
        return info;
    }
    if (kind == std::filesystem::file_type::directory) {
        info.status.code = LogStatusCode::CannotOpen;
        info.status.detail = "this is a folder, not a log file";
        return info;
    }

    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        info.status = StatusFor(db, rc, path);
        sqlite3_close_v2(db);
        return info;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);

    int version = 0;
    info.status = detail::CheckLogIdentity(db, path, version);
    if (info.status.Ok() && version == 0) {
        info.status.code = LogStatusCode::NotALog;
        info.status.detail = "the file is empty";
    }
    if (!info.status.Ok()) {
        sqlite3_close_v2(db);
        return info;
    }
    info.schema_version = version;

    // Every schema version so far has these columns; a later migration that changes them adds a branch here.
    const std::string sql = std::string("SELECT ") + detail::kAnswerColumns +
                            " FROM answers WHERE (?1 = '' OR pack_id = ?1) AND (?2 IS NULL OR module_id = ?2)"
                            " AND (?3 = '' OR day >= ?3) AND (?4 = '' OR day <= ?4)";
    {
        Statement select(db, sql.c_str());
        if (!select.Valid()) {
            info.status = StatusFor(db, select.PrepareResult(), path);
            select = Statement();
            sqlite3_close_v2(db);
            return info;
        }
        select.Bind(1, filter.pack_id);
        if (filter.module_id) {
            select.Bind(2, *filter.module_id);
        } else {
            select.BindNull(2);
        }
        select.Bind(3, filter.from);
        select.Bind(4, filter.to);
        Answer answer;
        while ((rc = sqlite3_step(select.Get())) == SQLITE_ROW) {
            if (!detail::ReadAnswerRow(select.Get(), answer) || !ValidateAnswer(answer).empty()) {
                ++info.invalid;
                continue;
            }
            out.push_back(answer);
            ++info.answers;
        }
        if (rc != SQLITE_DONE) {
            info.status = StatusFor(db, rc, path);
            info.status.detail += " (after reading " + std::to_string(info.answers) + " answers)";
        }
    }
    sqlite3_close_v2(db);
    return info;
}

} // namespace

std::string ValidateFilter(const AnswerFilter& filter) {
    if (!filter.pack_id.empty() && !IsLogId(filter.pack_id)) {
        return "the pack id '" + filter.pack_id + "' is not an id (lowercase letters, digits and '-')";
    }
    if (filter.module_id && !filter.module_id->empty() && !IsLogId(*filter.module_id)) {
        return "the module id '" + *filter.module_id + "' is not an id (lowercase letters, digits and '-')";
    }
    if (!filter.from.empty() && !IsValidDate(filter.from)) {
        return "the start date '" + filter.from + "' is not a date written YYYY-MM-DD";
    }
    if (!filter.to.empty() && !IsValidDate(filter.to)) {
        return "the end date '" + filter.to + "' is not a date written YYYY-MM-DD";
    }
    if (!filter.from.empty() && !filter.to.empty() && filter.to < filter.from) {
        return "the end date " + filter.to + " is before the start date " + filter.from;
    }
    return "";
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
    std::unordered_map<std::string, std::size_t> by_uuid;
    std::vector<Answer> batch;
    for (const std::string& path : paths) {
        batch.clear();
        result.files.push_back(ReadOne(path, filter, batch));
        if (result.answers.empty() && by_uuid.empty()) {
            by_uuid.reserve(batch.size());
            result.answers.reserve(batch.size());
        }
        for (Answer& answer : batch) {
            auto [it, inserted] = by_uuid.try_emplace(answer.uuid, result.answers.size());
            if (inserted) {
                result.answers.push_back(std::move(answer));
            } else if (result.answers[it->second] == answer) {
                ++result.duplicates;
            } else {
                ++result.conflicts;
            }
        }
    }
    return result;
}

MergeResult MergeLogs(const std::string& output, const std::vector<std::string>& inputs) {
    MergeResult result;
    result.input = LoadAnswers(inputs);
    LogStore store;
    result.output = store.Open(output);
    if (result.output.Ok()) {
        result.output = store.InsertMany(result.input.answers, &result.written);
    }
    store.Close();
    result.input.answers.clear();
    result.input.answers.shrink_to_fit();
    return result;
}

} // namespace sb
