#pragma once
// One answer to a confidence item: the only thing the anonymous log stores.
// Nothing in it points to a person: no name, student number, free text, IP address or device fingerprint.

#include "log/coarse_time.h"

#include <optional>
#include <string>
#include <string_view>

namespace sb {

// When an item is asked: before a module or session, after it, or after it looking back
// ("looking back, how confident were you before?"), which measures response shift.
enum class Phase { Pre, Post, Retro };

std::string_view PhaseName(Phase phase); // "pre", "post", "retro"
std::optional<Phase> ParsePhase(std::string_view name);

struct Answer {
    std::string uuid;       // random UUID v4 (NewUuidV4), unique across kiosks
    std::string session_id; // NewSessionId(), pairs pre and post of one student
    std::string pack_id;
    std::string pack_version;
    std::string module_id; // the module the check is asked around; "" for the check around a whole session
    std::string item_id;
    Phase phase = Phase::Pre;
    std::optional<int> value; // 1..5; std::nullopt is "weet ik niet" (don't know)
    std::string date;         // "YYYY-MM-DD"
    PartOfDay part_of_day = PartOfDay::Morning;
    std::string kiosk; // the label the trainer gave this kiosk: a place code (core/kiosk_label.h)

    bool operator==(const Answer&) const = default;
};

// What stays the same for every answer in one student's session.
struct SessionContext {
    std::string session_id; // NewSessionId(); forget it when the session ends
    std::string pack_id;
    std::string pack_version;
    std::string kiosk;
};

// Builds an answer with a fresh UUID. `when` is passed in: the engine never reads the clock itself.
Answer MakeAnswer(const SessionContext& session, std::string_view module_id, std::string_view item_id,
                  Phase phase, std::optional<int> value, const CoarseTime& when);

// Checks an answer before it is stored or merged. Returns "" when it is fine, otherwise a plain English
// reason ("the item id is empty"). It also refuses text that could carry free text (over-long or control
// characters), so nothing personal can slip in through an id.
std::string ValidateAnswer(const Answer& answer);

// Ids (pack, module, item): ^[a-z0-9][a-z0-9_-]{0,63}$, the one id rule of the log, its import and the tools.
bool IsLogId(std::string_view text);

} // namespace sb
