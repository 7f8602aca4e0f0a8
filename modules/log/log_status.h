#pragma once
// The state of the confidence log, for the trainer screen: a code to act on and a plain message in
// English and Dutch. Log functions never throw; they return one of these.

#include <cstddef>
#include <string>
#include <string_view>

namespace sb {

enum class LogStatusCode {
    Ok,            // everything given so far is stored
    NotOpen,       // no log file was opened yet
    InvalidAnswer, // an answer was refused because a field is wrong (a program error); it is not kept
    CannotOpen,    // the folder does not exist, or the file cannot be created or opened
    ReadOnly,      // the folder or the file cannot be written to
    DiskFull,      // no room left on the disk (or the log reached its size limit)
    WriteError,    // the disk reported an error (a USB stick pulled out, a broken disk)
    Busy,          // another program holds the log locked
    NotALog,       // the file is not a Stageboost log
    TooNew,        // the log was written by a newer Stageboost with a newer schema
    Corrupt,       // the file is damaged
    MovedAside,    // answers are saved, in a new log: the old one was damaged and moved aside (moved_aside)
};

struct LogStatus {
    LogStatusCode code = LogStatusCode::Ok;
    std::string path;        // the log file this is about
    std::string detail;      // technical detail in English (for example SQLite's message), may be empty
    std::size_t pending = 0; // answers kept in memory because they could not be written yet
    // A damaged log this run moved aside (and started afresh, keeping every answer); "" when none. While
    // it is set the store reports MovedAside instead of Ok, so the trainer menu keeps saying so.
    std::string moved_aside;

    bool Ok() const { return code == LogStatusCode::Ok; }
    // Answers are being stored (perhaps in a fresh log after damage): nothing waits in memory.
    bool Saving() const { return code == LogStatusCode::Ok || code == LogStatusCode::MovedAside; }

    // A plain message for the trainer: what happened, whether answers are lost, what to do.
    // `language` is "nl" or "en" (anything else gives English).
    std::string Message(std::string_view language) const;
    std::string MessageEn() const { return Message("en"); }
    std::string MessageNl() const { return Message("nl"); }
};

std::string_view LogStatusCodeName(LogStatusCode code); // "ok", "disk-full", ... for logs and JSON

} // namespace sb
