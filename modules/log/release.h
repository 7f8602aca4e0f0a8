#pragma once
// What may leave the log: the one release rule of Stageboost, shared by the kiosk's results screen, the
// report, the exports and the USB copy. Nothing reads answers for people except through ScanReleased().
//
// [SECTION] the design (see README, "Privacy", for the threat model in Dutch and English)
// - A *check* is one student's answers around one module (or around the whole session, module "").
//   Checks join a *cohort* per pack, module and kiosk: the kiosk's LogStore puts each new check into the
//   open cohort for its pack, module and kiosk. A cohort is *full* once it holds k = 5 checks (in a
//   workshop: when the trainer closes the workshop with at least k checks in it), and *sealed* once every
//   check in a full cohort has ended (LogStore::EndSession, or the kiosk restarting after a crash). Only
//   the kiosk that writes a log seals its cohorts; a sealed cohort never changes again.
// - Only sealed cohorts are ever released. Every filter and every grouping (pack, module, kiosk, period,
//   date) takes whole cohorts: a cohort belongs to the kiosk it was formed at and to the date it was
//   sealed (the last date in it), never split.
// - Within a sealed cohort, per statement (item), each figure's set of checks is released only when it
//   holds at least k checks (ReleaseRule below): the pairs (a before and an after answer), the looking-back
//   answers (and only when the checks with a pair but without a looking-back answer are 0 or at least k,
//   so "pairs minus looking back" is never a small group), the count of "don't know" and of checks
//   without a pair.
// - A row of a report, a screen or an export is a sum over whole released blocks (one cohort, one item).
//   Two releases, made at any time with any filters, therefore differ by whole blocks, each of at least k
//   checks: no difference of counts, sums or means ever covers fewer than k students. No row mixes two
//   checks of one student (a report row is for one module), so no per-student average can be isolated.
// - Exports carry, per answer, the cohort (with its kiosk and sealed date) instead of the date, part of the
//   day and session code, and a pseudonym per check and statement (so answers cannot be linked across
//   statements or modules). Raw rows are only for a data steward (ScanRaw, `export --raw`).

#include "log/answer.h"
#include "log/log_status.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sb {

// k: the least number of students behind any released figure and any difference of two releases.
inline constexpr int kMinCohortSize = 5;

enum class CohortState { Open, Full, Sealed };
std::string_view CohortStateName(CohortState state); // "open", "full", "sealed"
std::optional<CohortState> ParseCohortState(std::string_view name);

struct CohortInfo {
    std::int64_t id = 0; // random, so its value says nothing about when it was formed
    std::string pack_id;
    std::string module_id;
    std::string kiosk;
    std::string sealed_date; // the last date of its answers; its date in every period filter
    CohortState state = CohortState::Open;
    int checks = 0; // members
};

std::string CohortIdText(std::int64_t id); // 16 lowercase hex digits

// One stored answer as a block of a released scan sees it.
struct BlockRow {
    std::string uuid;
    std::string session_id;
    Phase phase = Phase::Pre;
    std::optional<int> value;
};

// One check's answers to one item, as the statistics use them. A check holds one answer per item and phase
// (LogStore::Record replaces a corrected answer); a log written before that rule, or merged with a copy made
// during a session, may hold more, and those are averaged as they always were, so that no sealed cohort's
// figures change.
struct CheckValues {
    std::string_view session_id;
    double before = 0.0;
    double after = 0.0;
    std::optional<double> then; // looking back; only set when the block releases it
};

// Per cohort and item: how many checks each part of the figures would rest on.
struct BlockCounts {
    int pairs = 0;     // checks with a before and an after value
    int with_then = 0; // of those, checks that also answered the looking-back question
    int dont_know = 0; // checks without a pair because the before or after was "don't know"
    int unpaired = 0;  // checks with only a before or only an after (or only a looking-back) answer
};

struct ReleasedParts {
    bool pairs = false;
    bool then = false;
    bool dont_know = false;
    bool unpaired = false;
    bool Any() const { return pairs || dont_know || unpaired; }
};

// The rule itself (see the design above).
ReleasedParts ReleaseRule(const BlockCounts& counts, int k = kMinCohortSize);

// One sealed cohort's answers to one item, with exactly what the rule lets out.
struct ReleasedBlock {
    const CohortInfo* cohort = nullptr;
    std::string_view pack_id;
    std::string_view module_id;
    std::string_view item_id;
    BlockCounts counts; // for the rule only: a consumer shows a count only when its part is released
    ReleasedParts released;
    std::vector<CheckValues> pairs;                 // empty unless released.pairs
    std::vector<const BlockRow*> pair_rows;         // the answers behind the pairs (and their then)
    std::vector<const BlockRow*> dont_know_rows;    // answers of the "don't know" checks, when released
    std::vector<std::string_view> dont_know_checks; // their session ids, for exports' pseudonyms
};

// Applies the rule to the rows of one cohort and item (rows sorted by session id).
ReleasedBlock MakeReleasedBlock(const CohortInfo& cohort, std::string_view pack_id,
                                std::string_view module_id, std::string_view item_id,
                                std::span<const BlockRow> rows, int k = kMinCohortSize);
// The same into `block`, reusing its storage (a scan makes one block after another).
void MakeReleasedBlock(const CohortInfo& cohort, std::string_view pack_id, std::string_view module_id,
                       std::string_view item_id, std::span<const BlockRow> rows, ReleasedBlock& block,
                       int k = kMinCohortSize);

// Which cohorts to read: whole cohorts only. Empty strings mean "any".
struct ReleaseFilter {
    std::string pack_id;
    std::optional<std::string> module_id; // "" selects the whole-session check
    std::string kiosk;
    std::string from; // "YYYY-MM-DD", inclusive, on the cohort's sealed date
    std::string to;
};

// "" when the filter is usable, otherwise a plain English reason.
std::string ValidateReleaseFilter(const ReleaseFilter& filter);

struct LogFileInfo {
    std::string path;
    LogStatus status; // Ok, or why the file could not be read
    int schema_version = 0;
    std::size_t answers = 0; // rows read
    std::size_t invalid = 0; // rows skipped because a field could not be understood
};

// Why a file could not be read, in plain English ("there is no such file"). Empty when it was read.
std::string ReadProblem(const LogFileInfo& file);

struct ScanSummary {
    std::vector<LogFileInfo> files;
    std::size_t duplicates = 0;      // the same answer in more than one file (counted once)
    std::size_t conflicts = 0;       // the same UUID with other content (the first one read is kept)
    std::size_t answers_read = 0;    // in the pack/module scope, after removing duplicates
    std::size_t cohorts_sealed = 0;  // sealed cohorts that passed the filter
    std::size_t checks_waiting = 0;  // checks in cohorts of the pack/module/kiosk scope not sealed yet
    std::size_t cohorts_waiting = 0; // those cohorts
    bool AllFilesRead() const;
    bool AnyFileRead() const;
    std::string Problems() const; // one line per unreadable file
};

// What a released scan hands out besides the figures' values.
enum class ScanRows {
    WithIds,    // every BlockRow with its UUID (exports, the released copy)
    FiguresOnly // no UUIDs: BlockRow::uuid stays empty (reports, the results screen); the rule is the same
};

// Reads one or more logs without changing them and calls `block` for every released block, ordered by
// pack, module, item and cohort (several files are first merged into a temporary log so duplicates
// count once). Memory stays bounded: one block at a time, in one ordered pass over a covering index.
ScanSummary ScanReleased(const std::vector<std::string>& paths, const ReleaseFilter& filter,
                         const std::function<void(const ReleasedBlock&)>& block,
                         ScanRows rows = ScanRows::WithIds);

// For a data steward only (`export --raw`): every stored answer with its cohort, date and part of the
// day, one at a time. No release rule applies: this may single out a student.
// `cohort` is the answer's cohort id (0 for none); the filter's dates and kiosk apply to the answer's own.
ScanSummary ScanRaw(const std::vector<std::string>& paths, const ReleaseFilter& filter,
                    const std::function<void(const Answer&, std::int64_t cohort)>& answer);

// A pseudonym for one check's answers to one item in an export: 32 hex digits, a keyed hash of the
// session id (which never leaves the log), so it cannot be linked to the same student's other answers.
std::string CheckPseudonym(std::string_view session_id, std::string_view pack_id, std::string_view module_id,
                           std::string_view item_id);

} // namespace sb
