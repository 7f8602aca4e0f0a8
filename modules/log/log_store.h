#pragma once
// The anonymous confidence log: an SQLite file that survives power cuts.
//
// - WAL mode with synchronous=FULL, and every answer committed in its own transaction: a power cut or
//   kill -9 loses at most the answer being written.
// - Nothing is thrown. Every call returns a LogStatus with a plain message in English and Dutch for the
//   trainer screen. Answers that cannot be written (full disk, read-only folder, USB stick removed) are kept
//   in memory and written, in order, with the next Record() or Flush(): none is lost while the kiosk runs.
// - The schema has a version (PRAGMA user_version) and a list of migration steps (LogMigrations()); an old
//   log is upgraded step by step when it is opened for writing, each step in its own transaction.
// - Rows are kept in UUID order (a WITHOUT ROWID table), not in the order they were given, so the file does
//   not tell who was first at the kiosk.
//
// - Every check (one student's answers around one module, or around the whole session) joins a cohort
//   (log/release.h): the store puts it in the open cohort for its pack, module and kiosk, a cohort fills at
//   k checks (or when a workshop is closed), and EndSession() seals full cohorts whose checks have all
//   ended. Opening the log as its owner ends the checks a crash left open: their session ids died with
//   the process.
// - Order is gone from the files: rows have random keys (answers by UUID, cohorts by a random 63-bit id),
//   secure_delete is on, and EndSession() rewrites the file in key order (VACUUM), checkpoints the WAL to
//   nothing and closes it, so the database, its -wal and its -shm hold nothing of who came first. The
//   rewrite costs O(size of the log); a session that wrote nothing skips it.
// - Damage: the file is checked (quick_check) when it is opened and after a write error. A damaged log is
//   moved aside ("confidence.sqlite.damaged-N"), a new one is started, the answer that met the damage is
//   written there, and Status() says so (LogStatus::moved_aside) until the kiosk stops.
//
// Typical kiosk use:
//     sb::LogStore log;
//     sb::LogStatus status = log.Open("/var/lib/stageboost/confidence.sqlite");
//     sb::SessionContext session{sb::NewSessionId(), pack.id, pack.version, settings.kiosk_label};
//     status = log.Record(sb::MakeAnswer(session, module_id, item_id, sb::Phase::Pre, 4,
//                                        sb::Coarsen(std::chrono::system_clock::now())));
//     ...
//     status = log.EndSession(); // when the student leaves: seals cohorts, wipes order from the files
//     if (!status.Ok()) trainer_banner = status.Message(language);
//
// A LogStore is used from one thread.

#include "log/answer.h"
#include "log/coarse_time.h"
#include "log/ids.h"
#include "log/log_status.h"
#include "log/release.h"

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;

namespace sb {

// The schema version this build writes, and the steps that bring an older log up to it.
inline constexpr int kLogSchemaVersion = 3;
// PRAGMA application_id of a Stageboost log ("SBLG"): other SQLite files are refused, never changed.
inline constexpr std::int32_t kLogApplicationId = 0x53424C47;

struct LogMigration {
    int to_version;          // PRAGMA user_version after this step
    const char* description; // why the step exists
    const char* sql;         // run in one transaction together with the version change
};

// Step i takes a log from version i to version i + 1; a new file runs them all.
const std::vector<LogMigration>& LogMigrations();

// Result of writing many answers in one transaction (merge, benchmarks, imports).
struct BulkInsertResult {
    std::size_t inserted = 0;
    std::size_t duplicates = 0; // the same UUID with the same content was already there
    std::size_t conflicts = 0;  // the same UUID with other content was already there (the stored one is kept)
    std::size_t invalid = 0;    // refused by ValidateAnswer
    std::size_t replaced = 0;   // earlier answers of a check to an item and phase, corrected by a later one
};

class LogStore {
  public:
    struct Options {
        // An upper bound on the file size so a kiosk never fills its disk; 0 is no limit. Reaching it gives
        // the same DiskFull status as a full disk.
        std::int64_t max_size_bytes = 0;
        // The kiosk owns its log: it ends checks left open by a crash, seals cohorts and moves a damaged
        // file aside. Tools that only add answers (merge) open with owner = false and change none of that.
        bool owner = true;
    };

    LogStore();
    ~LogStore(); // tries a last Flush()
    LogStore(const LogStore&) = delete;
    LogStore& operator=(const LogStore&) = delete;

    // Opens or creates the log, switches on WAL and synchronous=FULL, and migrates the schema.
    // On failure the path is remembered and every later Record()/Flush() tries to open it again, so a
    // folder that becomes writable (or a USB stick put back) just works.
    LogStatus Open(const std::string& path);
    LogStatus Open(const std::string& path, const Options& options);

    // Stores one answer in its own transaction. A refused (invalid) answer returns InvalidAnswer and is not
    // kept; any other failure keeps the answer in memory for the next try. Answers already stored (same
    // UUID) are not stored twice. An answer of a check that already has one to the same item and phase (a
    // student went back a step and answered again) replaces it: a check holds one answer per item and phase.
    LogStatus Record(const Answer& answer);

    // Tries again to write the answers kept in memory.
    LogStatus Flush();

    // Writes many answers in one transaction (not for the kiosk: one power cut loses the whole batch).
    // Each session's answers form checks and join cohorts as Record() does; the sessions end afterwards.
    LogStatus InsertMany(const std::vector<Answer>& answers, BulkInsertResult* result = nullptr);

    // For released copies (log/export.h): answers with their cohort, and those cohorts, stored as sealed.
    LogStatus InsertReleased(const std::vector<std::pair<Answer, std::int64_t>>& answers,
                             const std::vector<CohortInfo>& cohorts);

    // The student has left: every check recorded since the last call ends, full cohorts whose checks have
    // all ended are sealed, and the file is rewritten so nothing in it (or in -wal and -shm) keeps the
    // order of students. Call it on every session end (idle reset, "bye", the trainer taking over). A
    // session that changed nothing since the last rewrite (nobody answered) needs no rewrite and gets none.
    // The rewrite reads and writes the whole file (about 3 s for a million answers here): the kiosk asks for
    // it InBackground, so the screen goes on at once; every other call waits until it is done, so an answer
    // is never reported saved before it is in the file.
    enum class Rewrite { Now, InBackground };
    LogStatus EndSession(Rewrite rewrite = Rewrite::Now);
    // Waits until a rewrite in the background is done.
    void WaitForRewrite();
    // How often this store has rewritten its file (for diagnostics and tests).
    std::size_t Rewrites() const;

    // A workshop: checks that start while it is open join workshop cohorts that do not fill at k; closing
    // it fills every workshop cohort with at least k checks (sealed once they have ended) and turns smaller
    // ones into ordinary cohorts that fill at k. Kept in the file, so a restart does not lose it.
    LogStatus BeginWorkshop();
    LogStatus CloseWorkshop();
    bool InWorkshop() const { return m_workshop; }

    // The last status (the code of the last write or open, with the current pending count).
    LogStatus Status() const;
    std::size_t PendingCount() const;
    std::vector<Answer> PendingAnswers() const;
    const std::string& Path() const { return m_path; }
    bool IsOpen() const;

    void SetMaxSizeBytes(std::int64_t max_size_bytes);

    // Flushes what it can, then closes the file. Answers still pending stay in memory.
    // Checkpointed moves the -wal into the file and removes -wal and -shm (two syncs, and the end of a
    // running rewrite). Fast is for a stop asked by the system (SIGTERM must end the kiosk within a
    // second): a running rewrite is interrupted and the -wal is left as it is. Every committed answer is
    // in it already (synchronous=FULL); the next Open() as owner rewrites the file beside the screen.
    enum class Closing { Checkpointed, Fast };
    LogStatus Close(Closing how = Closing::Checkpointed);

  private:
    struct Pending {
        Answer answer;
        bool end_session =
            false; // a marker: end the checks recorded so far once the answers before it are in
    };
    LogStatus OpenDatabase();
    LogStatus OpenVerified();
    LogStatus WritePending();
    LogStatus WriteAnswer(const Answer& answer, bool& inserted);
    LogStatus EndChecks();
    LogStatus WipeOrder();
    void StartRewrite();
    LogStatus Remember(LogStatus status);
    bool MoveAsideIfDamaged(LogStatus& status);
    void CloseDatabase();
    void ApplySizeLimit();

    // One caller at a time: the kiosk's thread, or the rewrite in the background.
    mutable std::recursive_mutex m_mutex;
    std::thread m_rewriter;
    // The connection a rewrite in the background works on, so Close(Fast) can interrupt it; its own lock,
    // because m_mutex is held by the rewrite for as long as it runs.
    std::mutex m_interrupt_mutex;
    sqlite3* m_rewriting = nullptr;
    bool m_stop_rewrite = false;
    sqlite3* m_db = nullptr;
    std::string m_path;
    Options m_options;
    std::deque<Pending> m_pending;
    std::vector<std::int64_t> m_open_checks_cohorts; // one entry per check recorded since EndSession()
    std::vector<std::string> m_open_checks;          // session + pack + module of those checks
    bool m_workshop = false;
    std::string m_moved_aside; // a damaged log this run moved aside
    std::size_t m_rewrites = 0;
    long long m_rewritten_at_changes = -1; // sqlite3_total_changes64 right after the last rewrite; -1 unknown
    LogStatus m_status;
};

} // namespace sb
