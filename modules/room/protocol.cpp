#include "room/protocol.h"

namespace sb {

namespace {

nlohmann::json TextJson(const LocalText& text, const std::string& fallback) {
    nlohmann::json j = nlohmann::json::object();
    if (text.Empty()) return j;
    for (const char* lang : {"nl", "en"})
        j[lang] = text.Get(lang, fallback);
    return j;
}

nlohmann::json TallyJson(const ItemTally& t, AnswerShape shape) {
    nlohmann::json j{{"answers", t.answers}, {"shown", t.shown}};
    if (!t.shown) return j;
    if (shape == AnswerShape::Order) {
        j["positions"] = t.positions;
        j["exact"] = t.exact;
    } else {
        j["counts"] = t.counts;
        j["dontKnow"] = t.dont_know;
    }
    return j;
}

} // namespace

nlohmann::json PhoneViewJson(const PhoneView& view, const std::string& code) {
    nlohmann::json j{{"v", view.version},
                     {"room", code},
                     {"finished", view.finished},
                     {"state", QuestionStateName(view.state)}};
    if (!view.question) {
        j["question"] = nullptr;
        return j;
    }
    const RoomQuestion& q = *view.question;
    const std::string& fb = q.default_language;
    nlohmann::json question{{"id", view.question_id},
                            {"kind", RoomQuestionKindName(q.kind)},
                            {"answer", AnswerShapeName(q.shape)},
                            {"title", TextJson(q.title, fb)},
                            {"note", TextJson(q.note, fb)}};
    nlohmann::json options = nlohmann::json::array();
    for (const LocalText& o : q.options)
        options.push_back(TextJson(o, fb));
    question["options"] = std::move(options);
    nlohmann::json items = nlohmann::json::array();
    for (const RoomItem& it : q.items) {
        nlohmann::json item{{"dontKnow", it.dont_know}};
        if (q.kind == RoomQuestionKind::Confidence) {
            item["text"] = TextJson(it.text, fb);
            item["low"] = TextJson(it.low, fb);
            item["high"] = TextJson(it.high, fb);
            item["phase"] = PhaseName(it.phase);
        }
        items.push_back(std::move(item));
    }
    question["items"] = std::move(items);
    j["question"] = std::move(question);
    nlohmann::json mine = nlohmann::json::array();
    for (const PhoneSlot& s : view.mine) {
        if (!s.answered) {
            mine.push_back(nullptr);
            continue;
        }
        nlohmann::json value = nullptr;
        if (q.shape != AnswerShape::One)
            value = s.values;
        else if (s.value)
            value = *s.value;
        mine.push_back({{"answered", true}, {"value", std::move(value)}, {"seq", s.seq}});
    }
    j["mine"] = std::move(mine);
    if (!view.tallies.empty()) {
        nlohmann::json tally = nlohmann::json::array();
        for (const ItemTally& t : view.tallies)
            tally.push_back(TallyJson(t, q.shape));
        j["tally"] = std::move(tally);
    }
    return j;
}

namespace {

bool ParseObject(std::string_view body, nlohmann::json& j, std::string& error) {
    j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded()) {
        error = "the body is not JSON";
        return false;
    }
    if (!j.is_object()) {
        error = "the body is not a JSON object";
        return false;
    }
    return true;
}

bool GetString(const nlohmann::json& j, const char* key, std::string& out, bool required,
               std::string& error) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) error = std::string("\"") + key + "\" is missing";
        return !required;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().size() > 128) {
        error = std::string("\"") + key + "\" is not a short text";
        return false;
    }
    out = it->get<std::string>();
    return true;
}

} // namespace

bool ParseJoinBody(std::string_view body, std::string& code, std::string& token, std::string& error) {
    nlohmann::json j;
    if (!ParseObject(body, j, error)) return false;
    return GetString(j, "room", code, true, error) && GetString(j, "token", token, false, error);
}

bool ParseAnswerBody(std::string_view body, AnswerRequest& r, std::string& error) {
    nlohmann::json j;
    if (!ParseObject(body, j, error)) return false;
    if (!GetString(j, "room", r.code, true, error) || !GetString(j, "token", r.token, true, error) ||
        !GetString(j, "question", r.question_id, true, error) || !GetString(j, "id", r.id, true, error))
        return false;
    auto item = j.find("item");
    if (item == j.end() || !item->is_number_integer() || item->get<int64_t>() < 0 ||
        item->get<int64_t>() > 1000) {
        error = "\"item\" is not a small whole number";
        return false;
    }
    r.item = static_cast<int>(item->get<int64_t>());
    auto value = j.find("value");
    if (value == j.end()) {
        error = "\"value\" is missing (null means \"don't know\")";
        return false;
    }
    r.values.reset();
    if (value->is_null()) {
        r.value.reset();
    } else if (value->is_array()) {
        // Several or order: option indices. The room checks them against the question.
        r.value.reset();
        if (value->size() > 64) {
            error = "\"value\" has more than 64 options";
            return false;
        }
        std::vector<int> values;
        for (const nlohmann::json& v : *value) {
            if (!v.is_number_integer() || v.get<int64_t>() < -1000 || v.get<int64_t>() > 1000) {
                error = "\"value\" holds something that is not a whole number";
                return false;
            }
            values.push_back(static_cast<int>(v.get<int64_t>()));
        }
        r.values = std::move(values);
    } else if (value->is_number_integer() && value->get<int64_t>() >= -1000 &&
               value->get<int64_t>() <= 1000) {
        r.value = static_cast<int>(value->get<int64_t>());
    } else {
        error = "\"value\" is not a whole number, a list of them, or null";
        return false;
    }
    auto seq = j.find("seq");
    if (seq == j.end() || !seq->is_number_unsigned()) {
        error = "\"seq\" is not a positive whole number";
        return false;
    }
    r.seq = seq->get<uint64_t>();
    return true;
}

int HttpStatus(AnswerStatus status) {
    switch (status) {
    case AnswerStatus::Saved:
    case AnswerStatus::Same:
    case AnswerStatus::Stale:
        return 200;
    case AnswerStatus::WrongRoom:
    case AnswerStatus::UnknownToken:
        return 403;
    case AnswerStatus::NoSuchQuestion:
        return 404;
    case AnswerStatus::Closed:
        return 409;
    case AnswerStatus::BadItem:
    case AnswerStatus::BadValue:
    case AnswerStatus::BadId:
        return 400;
    case AnswerStatus::RateLimited:
        return 429;
    }
    return 400;
}

int HttpStatus(JoinStatus status) {
    switch (status) {
    case JoinStatus::Joined:
    case JoinStatus::Rejoined:
        return 200;
    case JoinStatus::WrongRoom:
        return 403;
    case JoinStatus::Full:
        return 403;
    case JoinStatus::Finished:
        return 410;
    case JoinStatus::RateLimited:
        return 429;
    }
    return 403;
}

std::string_view JoinStatusName(JoinStatus status) {
    switch (status) {
    case JoinStatus::Joined:
        return "joined";
    case JoinStatus::Rejoined:
        return "rejoined";
    case JoinStatus::WrongRoom:
        return "wrong-room";
    case JoinStatus::Full:
        return "full";
    case JoinStatus::Finished:
        return "finished";
    case JoinStatus::RateLimited:
        return "rate-limited";
    }
    return "wrong-room";
}

std::string_view Reason(AnswerStatus status) {
    switch (status) {
    case AnswerStatus::Saved:
        return "answer saved";
    case AnswerStatus::Same:
        return "this answer was already saved";
    case AnswerStatus::Stale:
        return "a newer answer was already saved";
    case AnswerStatus::WrongRoom:
        return "this is not the room code on the screen";
    case AnswerStatus::UnknownToken:
        return "this phone has not joined this workshop";
    case AnswerStatus::NoSuchQuestion:
        return "that question is not live now";
    case AnswerStatus::Closed:
        return "the question is closed";
    case AnswerStatus::BadItem:
        return "the question has no such item";
    case AnswerStatus::BadValue:
        return "that is not one of the answers";
    case AnswerStatus::BadId:
        return "the answer id or seq is not valid";
    case AnswerStatus::RateLimited:
        return "too many requests; wait a moment";
    }
    return "";
}

std::string_view Reason(JoinStatus status) {
    switch (status) {
    case JoinStatus::Joined:
        return "joined";
    case JoinStatus::Rejoined:
        return "joined again as the same participant";
    case JoinStatus::WrongRoom:
        return "this is not the room code on the screen";
    case JoinStatus::Full:
        return "the group is full";
    case JoinStatus::Finished:
        return "the workshop has ended";
    case JoinStatus::RateLimited:
        return "too many requests; wait a moment";
    }
    return "";
}

std::string ErrorBody(std::string_view code, std::string_view message) {
    return nlohmann::json{{"error", code}, {"message", message}}.dump();
}

} // namespace sb
