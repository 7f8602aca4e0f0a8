#pragma once
// The room: phones in a workshop answer what the trainer's screen leads, anonymously.
//
// [SECTION] questions   what a phone can be asked (RoomQuestion, RoomItem)
// [SECTION] snapshot    what the kiosk reads (RoomSnapshot, ItemTally)
// [SECTION] phones      what one phone sends and sees (AnswerRequest, PhoneView)
// [SECTION] Room        the thread-safe model: HTTP threads write, the kiosk reads snapshots
//
// Rules the room keeps:
// - A phone joins with the room code on the screen and gets a random token (128 bits from the OS). The token
//   lives only in the phone's storage and in this object's memory; it is never logged, stored or shown.
// - Each phone is ONE anonymous participant: a fresh random session id (never the token) pairs its before
//   and after check in the log. No address, user agent or device detail ever reaches the room.
// - One answer per token per item of the live question; a change replaces it. Answer ids make retries
//   idempotent, and a per-slot sequence number keeps a late retry from undoing a newer change.
// - Tallies follow the log's k (log/release.h, kMinCohortSize): no spread below 5 answers.
// - The clocks (monotonic for rate limits, wall clock for the log's coarse date) are injected.
#include "core/text.h"
#include "log/answer.h"
#include "log/coarse_time.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

// ---- [SECTION] questions

enum class RoomQuestionKind {
    Confidence,  // the confidence check: statements on a 1-5 scale, "weet ik niet" where allowed
    Vote,        // a role-play decision: the class votes for an option
    Quiz,        // a quiz or self-assessment question, answered privately
    Experienced, // "Heb jij dit zelf meegemaakt?": an optional anonymous tally
};
std::string_view RoomQuestionKindName(RoomQuestionKind kind); // "check", "vote", "quiz", "experienced"

// How a phone answers an item: one value, a set of options, or all options in an order.
enum class AnswerShape {
    One,     // an option's index (check: a step 1..5 or "weet ik niet")
    Several, // quiz "choose all that apply": at least one option, each at most once (as the kiosk's rule)
    Order,   // quiz ordering: every option exactly once, first place first
};
std::string_view AnswerShapeName(AnswerShape shape); // "one", "several", "order"

// One thing a phone answers: a statement of the check, or the single item of a vote or quiz.
struct RoomItem {
    LocalText text;         // check: the statement; other kinds: empty (the question's title holds it)
    LocalText low, high;    // check: labels of the scale's ends
    bool dont_know = false; // check: "weet ik niet" allowed
    Phase phase = Phase::Pre;
    std::string item_id; // check: the pack's confidence item (what the log stores)
};

struct RoomQuestion {
    RoomQuestionKind kind = RoomQuestionKind::Vote;
    LocalText title;                // the question, the decision's prompt, or the check's heading
    LocalText note;                 // shown under it on the phone (where to get help), may be empty
    std::vector<LocalText> options; // vote, quiz, experienced: the choices; an answer is an index
    AnswerShape shape = AnswerShape::One;
    // Order only: the right order as option indices. The room counts who got it exactly right; it is
    // never sent to a phone (it would give the answer away).
    std::vector<int> right_order;
    std::vector<RoomItem> items; // check: one per statement; other kinds: exactly one
    std::string default_language = "nl";
    // Check only, for the log: the pack and the module the check is asked around ("" = whole session).
    std::string pack_id, pack_version, scope;

    size_t ValueCount() const { return kind == RoomQuestionKind::Confidence ? 5 : options.size(); }
};

// ---- [SECTION] snapshot

enum class QuestionState { None, Open, Closed, Revealed };
std::string_view QuestionStateName(QuestionState state); // "none", "open", "closed", "revealed"

struct ItemTally {
    int answers = 0;         // phones that answered this item: a count of hands, always shown
    bool shown = false;      // at least kMinGroupSize answers: the spread may be shown
    std::vector<int> counts; // per value (check: 1..5 at 0..4; several: phones that ticked it); empty
                             // unless shown; empty for an order
    int dont_know = 0;       // check; 0 unless shown
    // Order only, when shown: positions[p][o] = phones that put option o at place p, and how many had the
    // whole order right (when the question knows it).
    std::vector<std::vector<int>> positions;
    int exact = 0;
};

// Counters of refused requests, for the trainer's screen and the benchmark.
struct RoomCounters {
    uint64_t answers_applied = 0; // answers taken (new or changed); also each answer's receipt number
    uint64_t duplicates = 0;      // a retry of an answer already taken
    uint64_t stale = 0;           // an older change that arrived after a newer one
    uint64_t refused = 0;         // bad room code, unknown token, bad item or value, closed question
    uint64_t rate_limited = 0;
    uint64_t full = 0; // joins refused because the group is full
};

struct RoomSnapshot {
    uint64_t version = 0; // changes whenever anything below changes
    std::string code;
    bool finished = false;
    int participants = 0;                         // phones that joined (never who)
    int connected = 0;                            // phones with an open update stream now
    std::shared_ptr<const RoomQuestion> question; // null when nothing is live
    std::string question_id;
    QuestionState state = QuestionState::None;
    int answered = 0;               // phones that answered at least one item of the live question
    std::vector<ItemTally> tallies; // one per item of the live question
    RoomCounters counters;
};

// ---- [SECTION] phones

enum class JoinStatus { Joined, Rejoined, WrongRoom, Full, Finished, RateLimited };
struct JoinResult {
    JoinStatus status = JoinStatus::WrongRoom;
    std::string token; // set when joined or rejoined
};

struct AnswerRequest {
    std::string code, token, question_id;
    int item = 0;
    std::optional<int> value; // check: 1..5, nullopt = "weet ik niet"; other kinds: the option's index
    std::string id;           // the phone's answer id: the same for every retry of one tap
    uint64_t seq = 0;         // the phone's count of taps on this item: a later tap has a higher one
    // Several and order: the option indices (the JSON "value" as an array); `value` is then unused.
    std::optional<std::vector<int>> values;
};

enum class AnswerStatus {
    Saved, // taken (new, or a change that replaces the earlier answer)
    Same,  // a retry of the answer already taken: nothing changes
    Stale, // an older tap that arrived after a newer one: ignored
    WrongRoom,
    UnknownToken,
    NoSuchQuestion, // not the live question (the phone is behind: it should reload the state)
    Closed,         // the question no longer takes answers
    BadItem,
    BadValue,
    BadId,
    RateLimited,
};
std::string_view AnswerStatusName(AnswerStatus status); // "saved", "same", "stale", "wrong-room", ...

struct AnswerResult {
    AnswerStatus status = AnswerStatus::BadValue;
    uint64_t receipt = 0; // Saved: this answer's number in the room (RoomCounters::answers_applied)
    // BadValue for a set or an order: what is wrong with it, for the response ("" = Reason(status)).
    std::string_view reason;
};

struct PhoneSlot {
    bool answered = false;
    std::optional<int> value;
    uint64_t seq = 0;
    std::vector<int> values; // several (ascending) and order
};

// What one phone sees now.
struct PhoneView {
    uint64_t version = 0; // the phones' version: changes when the live question or its state changes
    bool finished = false;
    std::shared_ptr<const RoomQuestion> question;
    std::string question_id;
    QuestionState state = QuestionState::None;
    std::vector<PhoneSlot> mine;    // this phone's answers, one per item
    std::vector<ItemTally> tallies; // only once revealed
};

// Which requests a token may make, as token buckets.
struct RateLimit {
    double burst = 20;     // requests allowed at once
    double per_second = 5; // refill
};

// A token bucket on an injected clock.
class TokenBucket {
  public:
    TokenBucket() = default;
    TokenBucket(RateLimit limit, int64_t now_ms) : m_limit(limit), m_tokens(limit.burst), m_last_ms(now_ms) {}
    bool Take(int64_t now_ms);

  private:
    RateLimit m_limit;
    double m_tokens = 0;
    int64_t m_last_ms = 0;
};

// ---- [SECTION] Room

struct RoomOptions {
    int max_participants = 200;
    std::string code;        // empty: a random one (kRoomCodeLength characters of kRoomCodeAlphabet)
    std::string kiosk_label; // stored with logged answers, as for a walk-up student
    // Clocks: monotonic milliseconds (rate limits, stream heartbeats) and the wall clock (the log's date and
    // part of the day, never a clock time). Defaults read the system's clocks.
    std::function<int64_t()> steady_ms;
    std::function<std::chrono::system_clock::time_point()> wall_clock;
    // Called from whichever thread changed the room (an HTTP thread, or the kiosk's own), quickly and
    // without the room's lock: tell the kiosk to take a new Snapshot(). It is called once until the next
    // Snapshot(), so a burst of answers wakes the kiosk once.
    std::function<void()> wake;
    // Receives each answer of a check when its question closes, on the thread that closed it (the kiosk's):
    // the kiosk hands it to its LogStore. Phones' answers reach the log only through here.
    std::function<void(const Answer&)> log;
    RateLimit requests{40, 10}; // every request of a token (state, stream, answer)
    RateLimit answers{20, 4};   // answers of a token
    RateLimit joins{400, 40};   // joins of the whole room (tokens are not known yet)
};

inline constexpr size_t kRoomCodeLength = 4;
inline constexpr std::string_view kRoomCodeAlphabet = "ACDEFGHJKLMNPQRTUVWXY3479"; // no 0/O, 1/I, 2/Z, 5/S
// A fresh room code from the OS random source.
std::string NewRoomCode();
// Room codes compare without case and surrounding spaces: "k7qp " is K7QP.
std::string NormalizeRoomCode(std::string_view code);

class Room {
  public:
    explicit Room(RoomOptions options);
    ~Room();
    Room(const Room&) = delete;
    Room& operator=(const Room&) = delete;

    const std::string& Code() const { return m_code; }
    int MaxParticipants() const { return m_options.max_participants; }

    // ---- phones (HTTP threads)
    // Joins with the code on the screen; `token` is the phone's stored token ("" for none): a known one
    // rejoins as the same participant, an unknown one gets a fresh token.
    JoinResult Join(std::string_view code, std::string_view token);
    // Checks code and token and takes one request from the token's bucket.
    AnswerStatus Authorize(std::string_view code, std::string_view token);
    AnswerResult Answer(const AnswerRequest& request);
    // What the phone with `token` sees (empty view for an unknown token).
    PhoneView ViewFor(std::string_view token) const;

    // An update stream for one phone. A phone has at most one: opening a second ends the first.
    // OpenStream returns 0 for an unknown token.
    uint64_t OpenStream(std::string_view token);
    void CloseStream(std::string_view token, uint64_t stream);
    // Waits until the phones' version is not `seen`, the stream was replaced, the room stopped, or `timeout`
    // passed. Returns false when the stream must end.
    bool WaitForChange(std::string_view token, uint64_t stream, uint64_t seen,
                       std::chrono::milliseconds timeout) const;

    // ---- the trainer (the kiosk's thread)
    // Makes `question` live. Whatever was live is closed first (its check answers are logged).
    // Returns the question's id ("q1", "q2", ...).
    std::string Open(std::shared_ptr<const RoomQuestion> question);
    void Close();  // no more answers; a check's answers go to the log
    void Reveal(); // closes, and shows the spread (when at least 5 answered) on phones too
    void Clear();  // closes; phones show "kijk naar het grote scherm"
    // The end of the workshop: closes, logs, forgets every token and ends every stream. Joins are refused.
    void Finish();
    // Stopped: every waiting stream wakes and ends, and no new one opens (the server is stopping). The
    // room itself stays as it is; a restarted server calls it with false.
    void SetStreamsStopped(bool stopped);

    RoomSnapshot Snapshot() const;

  private:
    struct Slot {
        bool answered = false;
        std::optional<int> value;
        std::string id;
        uint64_t seq = 0;
        std::vector<int> values;
    };
    struct Participant {
        std::string session_id; // the log's id for this phone: random, never the token
        TokenBucket requests, answers;
        uint64_t stream = 0;     // the open stream's number, 0 for none
        std::vector<Slot> slots; // answers to the live question
    };

    void CloseLocked(std::vector<sb::Answer>& to_log);
    std::vector<ItemTally> TalliesLocked() const;
    void ChangedLocked(bool for_phones);
    void Notify(std::vector<sb::Answer> to_log);
    int64_t Now() const;

    RoomOptions m_options;
    std::string m_code;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::map<std::string, Participant, std::less<>> m_participants; // by token
    TokenBucket m_joins;
    uint64_t m_version = 1;
    uint64_t m_phone_version = 1;
    uint64_t m_next_stream = 1;
    uint64_t m_next_question = 1;
    int m_connected = 0;
    bool m_finished = false;
    bool m_stopping = false;
    std::shared_ptr<const RoomQuestion> m_question;
    std::string m_question_id;
    QuestionState m_state = QuestionState::None;
    RoomCounters m_counters;
    mutable bool m_wake_pending = false;
};

} // namespace sb
