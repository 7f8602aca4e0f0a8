#pragma once
// Merging confidence logs from several kiosks, and reading raw answers into memory (tests and small
// tools only). Reports, screens and exports read through log/release.h.

#include "log/answer.h"
#include "log/log_status.h"
#include "log/log_store.h"
#include "log/release.h"

#include <optional>
#include <string>
#include <vector>

namespace sb {

using AnswerFilter = ReleaseFilter;

// Returns "" when the filter is usable, otherwise a plain English reason ("--from is not a date ...").
std::string ValidateFilter(const AnswerFilter& filter);

struct LoadedAnswers {
    std::vector<Answer> answers;    // each UUID once
    std::vector<LogFileInfo> files; // one per path, in order
    std::size_t duplicates = 0;     // the same answer found again (another file, or the same file twice)
    std::size_t conflicts = 0;      // the same UUID with other content (the first one read is kept)

    bool AllFilesRead() const;
    // One line per file that could not be read: "PATH: message (detail)". Empty when all were read.
    std::string Problems() const;
};

// Reads every raw answer of one or more logs into memory, without changing them (ScanRaw underneath).
// For tests and small logs: it holds everything at once.
LoadedAnswers LoadAnswers(const std::vector<std::string>& paths, const AnswerFilter& filter = {});

struct MergeResult {
    LogStatus output;            // status of writing OUT
    LoadedAnswers input;         // the files read (answers stay empty: merge streams)
    BulkInsertResult written;    // inserted / already there (or twice in the inputs) / conflicts / invalid
    bool refused_target = false; // OUT was damaged or not a log: it was left exactly as it was
    bool Ok() const { return output.Ok() && input.AllFilesRead(); }
};

// Copies every answer and cohort of `inputs` into `output` (created when missing), skipping answers already
// there by UUID, in one transaction and in bounded memory (SQLite copies row by row). `output` is checked
// first: a damaged file or one that is not a Stageboost log is refused and left byte for byte as it was.
// Merging the same file twice changes nothing.
MergeResult MergeLogs(const std::string& output, const std::vector<std::string>& inputs);

// A check of a log file that changes nothing: Ok, or why it is not a readable log (damaged, not a log,
// too new, missing). Used before writing into a file that already exists.
LogStatus CheckLogFile(const std::string& path);

} // namespace sb
