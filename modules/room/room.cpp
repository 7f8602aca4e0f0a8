#include "room/room.h"

#include "log/ids.h"
#include "log/release.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace sb {

std::string_view RoomQuestionKindName(RoomQuestionKind kind) {
    switch (kind) {
    case RoomQuestionKind::Confidence:
        return "check";
    case RoomQuestionKind::Vote:
        return "vote";
    case RoomQuestionKind::Quiz:
        return "quiz";
    case RoomQuestionKind::Experienced:
        return "experienced";
    }
    return "vote";
}

std::string_view AnswerShapeName(AnswerShape shape) {
    switch (shape) {
    case AnswerShape::One:
        return "one";
    case AnswerShape::Several:
        return "several";
    case AnswerShape::Order:
        return "order";
    }
    return "one";
}

std::string_view QuestionStateName(QuestionState state) {
    switch (state) {
    case QuestionState::None:
        return "none";
    case QuestionState::Open:
        return "open";
    case QuestionState::Closed:
        return "closed";
    case QuestionState::Revealed:
        return "revealed";
    }
    return "none";
}

std::string_view AnswerStatusName(AnswerStatus status) {
    switch (status) {
    case AnswerStatus::Saved:
        return "saved";
    case AnswerStatus::Same:
        return "same";
    case AnswerStatus::Stale:
        return "stale";
    case AnswerStatus::WrongRoom:
        return "wrong-room";
    case AnswerStatus::UnknownToken:
        return "unknown-token";
    case AnswerStatus::NoSuchQuestion:
        return "no-such-question";
    case AnswerStatus::Closed:
        return "closed";
    case AnswerStatus::BadItem:
        return "bad-item";
    case AnswerStatus::BadValue:
        return "bad-value";
    case AnswerStatus::BadId:
        return "bad-id";
    case AnswerStatus::RateLimited:
        return "rate-limited";
    }
    return "bad-value";
}

bool TokenBucket::Take(int64_t now_ms) {
    if (now_ms > m_last_ms) {
        m_tokens = std::min(m_limit.burst, m_tokens + (now_ms - m_last_ms) * m_limit.per_second / 1000.0);
        m_last_ms = now_ms;
    }
    if (m_tokens < 1.0) return false;
    m_tokens -= 1.0;
    return true;
}

std::string NewRoomCode() {
    static const int init_result = sodium_init(); // idempotent; sets up the OS random source
    (void)init_result;
    std::string code;
    for (size_t i = 0; i < kRoomCodeLength; ++i)
        code += kRoomCodeAlphabet[randombytes_uniform(static_cast<uint32_t>(kRoomCodeAlphabet.size()))];
    return code;
}

std::string NormalizeRoomCode(std::string_view code) {
    std::string out;
    for (char c : code)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

namespace {

// Tokens are what NewSessionId() makes (128 random bits as hex): anything else is refused unread.
bool IsToken(std::string_view token) {
    return IsSessionId(token);
}

bool IsAnswerId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

// What is wrong with a set or an order of option indices for a question with `options` options, or "".
std::string_view ListProblem(AnswerShape shape, const std::vector<int>& values, size_t options) {
    std::vector<bool> seen(options, false);
    for (int v : values) {
        if (v < 0 || v >= static_cast<int>(options)) return "an option in the list does not exist";
        if (seen[v]) return "an option is in the list twice";
        seen[v] = true;
    }
    if (shape == AnswerShape::Several && values.empty()) return "choose at least one option";
    if (shape == AnswerShape::Order && values.size() != options)
        return "the order must hold every option once";
    return "";
}

// JavaScript's safe integers: a phone's counter never needs more.
constexpr uint64_t kMaxSeq = (uint64_t(1) << 53) - 1;

} // namespace

Room::Room(RoomOptions options) : m_options(std::move(options)) {
    if (!m_options.steady_ms)
        m_options.steady_ms = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now().time_since_epoch())
                .count();
        };
    if (!m_options.wall_clock) m_options.wall_clock = [] { return std::chrono::system_clock::now(); };
    m_code = m_options.code.empty() ? NewRoomCode() : NormalizeRoomCode(m_options.code);
    m_joins = TokenBucket(m_options.joins, Now());
}

Room::~Room() {
    SetStreamsStopped(true);
}

int64_t Room::Now() const {
    return m_options.steady_ms();
}

void Room::ChangedLocked(bool for_phones) {
    ++m_version;
    if (for_phones) {
        ++m_phone_version;
        m_changed.notify_all();
    }
}

// Everything that changes the room ends here, outside the lock: one wake per Snapshot(), then the log.
void Room::Notify(std::vector<sb::Answer> to_log) {
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_wake_pending) {
            m_wake_pending = true;
            wake = true;
        }
    }
    if (wake && m_options.wake) m_options.wake();
    if (m_options.log)
        for (const sb::Answer& a : to_log)
            m_options.log(a);
}

JoinResult Room::Join(std::string_view code, std::string_view token) {
    JoinResult result;
    {
        std::lock_guard lock(m_mutex);
        if (m_finished) {
            result.status = JoinStatus::Finished;
            return result;
        }
        if (NormalizeRoomCode(code) != m_code) {
            ++m_counters.refused;
            result.status = JoinStatus::WrongRoom;
            return result;
        }
        const int64_t now = Now();
        if (auto it = m_participants.find(token); it != m_participants.end() && IsToken(token)) {
            if (!it->second.requests.Take(now)) {
                ++m_counters.rate_limited;
                result.status = JoinStatus::RateLimited;
                return result;
            }
            result.status = JoinStatus::Rejoined;
            result.token = std::string(token);
            return result;
        }
        if (!m_joins.Take(now)) {
            ++m_counters.rate_limited;
            result.status = JoinStatus::RateLimited;
            return result;
        }
        if (static_cast<int>(m_participants.size()) >= m_options.max_participants) {
            ++m_counters.full;
            result.status = JoinStatus::Full;
            return result;
        }
        // Both are 128 random bits from the OS; they are never derived from each other or the phone.
        std::string new_token = NewSessionId();
        Participant p;
        p.session_id = NewSessionId();
        p.requests = TokenBucket(m_options.requests, now);
        p.answers = TokenBucket(m_options.answers, now);
        if (m_question) p.slots.resize(m_question->items.size());
        m_participants.emplace(new_token, std::move(p));
        result.status = JoinStatus::Joined;
        result.token = std::move(new_token);
        ChangedLocked(false);
    }
    Notify({});
    return result;
}

AnswerStatus Room::Authorize(std::string_view code, std::string_view token) {
    std::lock_guard lock(m_mutex);
    if (NormalizeRoomCode(code) != m_code) {
        ++m_counters.refused;
        return AnswerStatus::WrongRoom;
    }
    auto it = m_participants.find(token);
    if (it == m_participants.end()) {
        ++m_counters.refused;
        return AnswerStatus::UnknownToken;
    }
    if (!it->second.requests.Take(Now())) {
        ++m_counters.rate_limited;
        return AnswerStatus::RateLimited;
    }
    return AnswerStatus::Saved;
}

AnswerResult Room::Answer(const AnswerRequest& request) {
    AnswerResult result;
    {
        std::lock_guard lock(m_mutex);
        auto refuse = [&](AnswerStatus status) {
            ++(status == AnswerStatus::RateLimited ? m_counters.rate_limited : m_counters.refused);
            result.status = status;
            return result;
        };
        if (NormalizeRoomCode(request.code) != m_code) return refuse(AnswerStatus::WrongRoom);
        auto it = m_participants.find(request.token);
        if (it == m_participants.end()) return refuse(AnswerStatus::UnknownToken);
        Participant& p = it->second;
        const int64_t now = Now();
        if (!p.requests.Take(now) || !p.answers.Take(now)) return refuse(AnswerStatus::RateLimited);
        if (!m_question || request.question_id != m_question_id) return refuse(AnswerStatus::NoSuchQuestion);
        if (m_state != QuestionState::Open) return refuse(AnswerStatus::Closed);
        if (request.item < 0 || request.item >= static_cast<int>(m_question->items.size()))
            return refuse(AnswerStatus::BadItem);
        const RoomItem& item = m_question->items[request.item];
        std::vector<int> values;
        if (m_question->shape != AnswerShape::One) {
            if (!request.values) {
                result.reason = m_question->shape == AnswerShape::Order
                                    ? "this question takes an order (a list)"
                                    : "this question takes a list of options";
                return refuse(AnswerStatus::BadValue);
            }
            result.reason = ListProblem(m_question->shape, *request.values, m_question->options.size());
            if (!result.reason.empty()) return refuse(AnswerStatus::BadValue);
            values = *request.values;
            if (m_question->shape == AnswerShape::Several) std::sort(values.begin(), values.end());
        } else if (request.values) {
            result.reason = "this question takes one answer, not a list";
            return refuse(AnswerStatus::BadValue);
        } else if (request.value) {
            const int v = *request.value;
            const bool ok = m_question->kind == RoomQuestionKind::Confidence
                                ? v >= 1 && v <= 5
                                : v >= 0 && v < static_cast<int>(m_question->options.size());
            if (!ok) return refuse(AnswerStatus::BadValue);
        } else if (m_question->kind != RoomQuestionKind::Confidence || !item.dont_know) {
            return refuse(AnswerStatus::BadValue);
        }
        if (!IsAnswerId(request.id) || request.seq == 0 || request.seq > kMaxSeq)
            return refuse(AnswerStatus::BadId);
        p.slots.resize(m_question->items.size());
        Slot& slot = p.slots[request.item];
        if (slot.answered && slot.id == request.id) {
            ++m_counters.duplicates;
            result.status = AnswerStatus::Same;
            return result;
        }
        if (slot.answered && request.seq <= slot.seq) {
            ++m_counters.stale;
            result.status = AnswerStatus::Stale;
            return result;
        }
        const bool one = m_question->shape == AnswerShape::One;
        slot = Slot{true, one ? request.value : std::nullopt, request.id, request.seq, std::move(values)};
        result.status = AnswerStatus::Saved;
        result.receipt = ++m_counters.answers_applied;
        ChangedLocked(false);
    }
    Notify({});
    return result;
}

PhoneView Room::ViewFor(std::string_view token) const {
    std::lock_guard lock(m_mutex);
    PhoneView view;
    view.version = m_phone_version;
    view.finished = m_finished;
    auto it = m_participants.find(token);
    if (it == m_participants.end()) return view;
    view.question = m_question;
    view.question_id = m_question_id;
    view.state = m_state;
    if (m_question) {
        view.mine.resize(m_question->items.size());
        for (size_t i = 0; i < it->second.slots.size() && i < view.mine.size(); ++i) {
            const Slot& s = it->second.slots[i];
            view.mine[i] = PhoneSlot{s.answered, s.value, s.seq, s.values};
        }
        if (m_state == QuestionState::Revealed) view.tallies = TalliesLocked();
    }
    return view;
}

uint64_t Room::OpenStream(std::string_view token) {
    uint64_t stream = 0;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_participants.find(token);
        if (it == m_participants.end() || m_finished || m_stopping) return 0;
        if (it->second.stream == 0) ++m_connected;
        stream = m_next_stream++;
        it->second.stream = stream; // an older stream of this phone sees it is replaced and ends
        ChangedLocked(false);
        m_changed.notify_all();
    }
    Notify({});
    return stream;
}

void Room::CloseStream(std::string_view token, uint64_t stream) {
    {
        std::lock_guard lock(m_mutex);
        auto it = m_participants.find(token);
        if (it == m_participants.end() || it->second.stream != stream) return;
        it->second.stream = 0;
        --m_connected;
        ChangedLocked(false);
    }
    Notify({});
}

bool Room::WaitForChange(std::string_view token, uint64_t stream, uint64_t seen,
                         std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_mutex);
    auto live = [&] {
        auto it = m_participants.find(token);
        return !m_stopping && it != m_participants.end() && it->second.stream == stream;
    };
    m_changed.wait_for(lock, timeout, [&] { return !live() || m_phone_version != seen; });
    return live();
}

std::string Room::Open(std::shared_ptr<const RoomQuestion> question) {
    std::vector<sb::Answer> to_log;
    std::string id;
    {
        std::lock_guard lock(m_mutex);
        CloseLocked(to_log);
        m_question = std::move(question);
        m_question_id = id = "q" + std::to_string(m_next_question++);
        m_state = m_question ? QuestionState::Open : QuestionState::None;
        for (auto& [token, p] : m_participants) {
            p.slots.assign(m_question ? m_question->items.size() : 0, Slot{});
        }
        ChangedLocked(true);
    }
    Notify(std::move(to_log));
    return id;
}

void Room::CloseLocked(std::vector<sb::Answer>& to_log) {
    if (m_state != QuestionState::Open) return;
    m_state = QuestionState::Closed;
    if (m_question->kind != RoomQuestionKind::Confidence) return;
    // Each phone's final answers, under its own session id, as a walk-up student's would be logged.
    const CoarseTime when = Coarsen(m_options.wall_clock());
    for (const auto& [token, p] : m_participants) {
        const SessionContext session{p.session_id, m_question->pack_id, m_question->pack_version,
                                     m_options.kiosk_label};
        for (size_t i = 0; i < p.slots.size() && i < m_question->items.size(); ++i) {
            const Slot& s = p.slots[i];
            if (!s.answered) continue;
            const RoomItem& item = m_question->items[i];
            to_log.push_back(MakeAnswer(session, m_question->scope, item.item_id, item.phase, s.value, when));
        }
    }
}

void Room::Close() {
    std::vector<sb::Answer> to_log;
    {
        std::lock_guard lock(m_mutex);
        if (m_state != QuestionState::Open) return;
        CloseLocked(to_log);
        ChangedLocked(true);
    }
    Notify(std::move(to_log));
}

void Room::Reveal() {
    std::vector<sb::Answer> to_log;
    {
        std::lock_guard lock(m_mutex);
        if (m_state == QuestionState::None || m_state == QuestionState::Revealed) return;
        CloseLocked(to_log);
        m_state = QuestionState::Revealed;
        ChangedLocked(true);
    }
    Notify(std::move(to_log));
}

void Room::Clear() {
    std::vector<sb::Answer> to_log;
    {
        std::lock_guard lock(m_mutex);
        if (m_state == QuestionState::None) return;
        CloseLocked(to_log);
        m_question.reset();
        m_question_id.clear();
        m_state = QuestionState::None;
        for (auto& [token, p] : m_participants)
            p.slots.clear();
        ChangedLocked(true);
    }
    Notify(std::move(to_log));
}

void Room::Finish() {
    std::vector<sb::Answer> to_log;
    {
        std::lock_guard lock(m_mutex);
        if (m_finished) return;
        CloseLocked(to_log);
        m_question.reset();
        m_question_id.clear();
        m_state = QuestionState::None;
        m_finished = true;
        m_participants.clear(); // every token and session id is forgotten
        m_connected = 0;
        ChangedLocked(true);
    }
    Notify(std::move(to_log));
}

void Room::SetStreamsStopped(bool stopped) {
    std::lock_guard lock(m_mutex);
    m_stopping = stopped;
    m_changed.notify_all();
}

std::vector<ItemTally> Room::TalliesLocked() const {
    std::vector<ItemTally> tallies;
    if (!m_question) return tallies;
    const AnswerShape shape = m_question->shape;
    const size_t values = m_question->ValueCount();
    tallies.resize(m_question->items.size());
    std::vector<std::vector<int>> counts(tallies.size(), std::vector<int>(values, 0));
    std::vector<int> dont_know(tallies.size(), 0);
    std::vector<std::vector<std::vector<int>>> positions(tallies.size());
    std::vector<int> exact(tallies.size(), 0);
    if (shape == AnswerShape::Order)
        for (auto& p : positions)
            p.assign(values, std::vector<int>(values, 0));
    for (const auto& [token, p] : m_participants)
        for (size_t i = 0; i < p.slots.size() && i < tallies.size(); ++i) {
            const Slot& s = p.slots[i];
            if (!s.answered) continue;
            ++tallies[i].answers;
            if (shape == AnswerShape::Several) {
                for (int o : s.values)
                    ++counts[i][o];
            } else if (shape == AnswerShape::Order) {
                for (size_t k = 0; k < s.values.size() && k < values; ++k)
                    ++positions[i][k][s.values[k]];
                if (!m_question->right_order.empty() && s.values == m_question->right_order) ++exact[i];
            } else if (!s.value) {
                ++dont_know[i];
            } else if (m_question->kind == RoomQuestionKind::Confidence) {
                ++counts[i][*s.value - 1];
            } else {
                ++counts[i][*s.value];
            }
        }
    for (size_t i = 0; i < tallies.size(); ++i) {
        // The log's k (log/release.h): below kMinCohortSize answers nothing of the spread is shown, not even
        // on phones.
        tallies[i].shown = tallies[i].answers >= kMinCohortSize;
        if (!tallies[i].shown) continue;
        if (shape == AnswerShape::Order) {
            tallies[i].positions = std::move(positions[i]);
            tallies[i].exact = exact[i];
        } else {
            tallies[i].counts = std::move(counts[i]);
            tallies[i].dont_know = dont_know[i];
        }
    }
    return tallies;
}

RoomSnapshot Room::Snapshot() const {
    std::lock_guard lock(m_mutex);
    m_wake_pending = false;
    RoomSnapshot s;
    s.version = m_version;
    s.code = m_code;
    s.finished = m_finished;
    s.participants = static_cast<int>(m_participants.size());
    s.connected = m_connected;
    s.question = m_question;
    s.question_id = m_question_id;
    s.state = m_state;
    s.counters = m_counters;
    if (m_question) {
        s.tallies = TalliesLocked();
        for (const auto& [token, p] : m_participants)
            if (std::any_of(p.slots.begin(), p.slots.end(), [](const Slot& x) { return x.answered; }))
                ++s.answered;
    }
    return s;
}

} // namespace sb
