#include "log/answer.h"

#include "core/kiosk_label.h"
#include "log/ids.h"

#include <cstdint>

namespace sb {
namespace {

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxLabelLength = 64;

// Valid UTF-8 without control characters: labels end up in JSON and CSV exports.
bool IsPrintableLabel(std::string_view text) {
    if (text.empty() || text.size() > kMaxLabelLength) {
        return false;
    }
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
            ++i;
            continue;
        }
        std::size_t extra = 0;
        std::uint32_t code = 0;
        if ((c & 0xe0) == 0xc0) {
            extra = 1;
            code = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            code = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            code = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size()) {
            return false;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80) {
                return false;
            }
            code = (code << 6) | (next & 0x3f);
        }
        // Overlong forms, surrogates, out of range and C1 control characters are refused.
        static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
        if (code < kMinimum[extra] || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff ||
            (code >= 0x80 && code < 0xa0)) {
            return false;
        }
        i += extra + 1;
    }
    return true;
}

} // namespace

std::string_view PhaseName(Phase phase) {
    switch (phase) {
    case Phase::Pre:
        return "pre";
    case Phase::Post:
        return "post";
    case Phase::Retro:
        return "retro";
    }
    return "pre";
}

std::optional<Phase> ParsePhase(std::string_view name) {
    for (Phase phase : {Phase::Pre, Phase::Post, Phase::Retro}) {
        if (name == PhaseName(phase)) {
            return phase;
        }
    }
    return std::nullopt;
}

Answer MakeAnswer(const SessionContext& session, std::string_view module_id, std::string_view item_id,
                  Phase phase, std::optional<int> value, const CoarseTime& when) {
    Answer answer;
    answer.uuid = NewUuidV4();
    answer.session_id = session.session_id;
    answer.pack_id = session.pack_id;
    answer.pack_version = session.pack_version;
    answer.module_id = std::string(module_id);
    answer.item_id = std::string(item_id);
    answer.phase = phase;
    answer.value = value;
    answer.date = when.date;
    answer.part_of_day = when.part;
    answer.kiosk = session.kiosk;
    return answer;
}

bool IsLogId(std::string_view text) {
    if (text.empty() || text.size() > kMaxIdLength) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ((c == '-' || c == '_') && i > 0);
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::string ValidateAnswer(const Answer& answer) {
    if (!IsUuidV4(answer.uuid)) {
        return "the answer id is not a random UUID (version 4, lowercase)";
    }
    if (!IsSessionId(answer.session_id)) {
        return "the session id is not 32 lowercase hex characters";
    }
    if (!IsLogId(answer.pack_id)) {
        return "the pack id is empty or has characters other than a-z, 0-9, '_' and '-'";
    }
    if (!IsPrintableLabel(answer.pack_version)) {
        return "the pack version is empty, longer than 64 characters or has control characters";
    }
    if (!answer.module_id.empty() && !IsLogId(answer.module_id)) {
        return "the module id has characters other than a-z, 0-9, '_' and '-'";
    }
    if (!IsLogId(answer.item_id)) {
        return "the item id is empty or has characters other than a-z, 0-9, '_' and '-'";
    }
    if (answer.value && (*answer.value < 1 || *answer.value > 5)) {
        return "the value is outside the 1-5 scale";
    }
    if (!IsValidDate(answer.date)) {
        return "the date is not a real date written YYYY-MM-DD";
    }
    if (!IsValidKioskLabel(answer.kiosk)) {
        // The one kiosk-label rule: a place code, so no name or e-mail address can get into the log.
        return "the kiosk label is not a place code: " + KioskLabelProblem(answer.kiosk, "en");
    }
    return "";
}

} // namespace sb
