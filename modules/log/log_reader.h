#pragma once
// Reading confidence logs (read-only) for reports and exports, and merging logs from several kiosks.

#include "log/answer.h"
#include "log/log_status.h"
#include "log/log_store.h"

#include <optional>
#include <string>
#include <vector>

namespace sb {

// Which answers to read. Empty strings mean "any".
struct AnswerFilter {
    std::string pack_id;
    std::optional<std::string> module_id; // "" selects the whole-session check
    std::string from;                     // "YYYY-MM-DD", inclusive
    std::string to;                       // "YYYY-MM-DD", inclusive
};

// Returns "" when the filter is usable, otherwise a plain English reason ("--from is not a date ...").
std::string ValidateFilter(const AnswerFilter& filter);

struct LogFileInfo {
    std::string path;
    LogStatus status; // Ok, or why the file could not be read
    int schema_version = 0;
    std::size_t answers = 0; // rows read that passed the filter
    std::size_t invalid = 0; // rows skipped because a field could not be understood
};

struct LoadedAnswers {
    std::vector<Answer> answers;    // each UUID once
    std::vector<LogFileInfo> files; // one per path, in order
    std::size_t duplicates = 0;     // the same answer found again (another file, or the same file twice)
    std::size_t conflicts = 0;      // the same UUID with other content (the first one read is kept)

    bool AllFilesRead() const;
    // One line per file that could not be read: "PATH: message (detail)". Empty when all were read.
    std::string Problems() const;
};

// Why a file could not be read, in plain English for a person running a report ("there is no such file").
// Empty when it was read.
std::string ReadProblem(const LogFileInfo& file);

// Reads the answers of one or more logs, without changing them. Never throws: unreadable files are listed
// with their status and the others are still read.
LoadedAnswers LoadAnswers(const std::vector<std::string>& paths, const AnswerFilter& filter = {});

struct MergeResult {
    LogStatus output;         // status of writing OUT
    LoadedAnswers input;      // what was read (answers cleared after writing to save memory)
    BulkInsertResult written; // inserted / already there / conflicts
    bool Ok() const { return output.Ok() && input.AllFilesRead(); }
};

// Copies every answer of `inputs` into `output` (created when missing), skipping those already there by
// UUID, in one transaction. Merging the same file twice changes nothing.
MergeResult MergeLogs(const std::string& output, const std::vector<std::string>& inputs);

} // namespace sb
