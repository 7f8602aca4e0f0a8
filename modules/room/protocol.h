#pragma once
// The phones' protocol as JSON, apart from HTTP so it is tested without a socket.
//
//   POST /api/join    {"room":"K7QP","token":"<32 hex, optional>"}  -> {"token":"...","room":"K7QP"}
//   GET  /api/state?room=K7QP&token=...                             -> the phone's view (below)
//   GET  /api/events?room=K7QP&token=...   Server-Sent Events: "event: state" with the view, on every change
//   POST /api/answer  {"room","token","question":"q3","item":0,"value":2|null|[0,2],"id":"<answer
//   id>","seq":4}
//                     value: one option's index (a check: 1..5, null = "weet ik niet"); a question whose
//                     "answer" is "several" takes a list of at least one option, "order" every option once
//                     -> {"status":"saved"|"same"|"stale","question":"q3","item":0,"receipt":17}
// Errors: {"error":"<code>","message":"<short English reason>"} with a 4xx status (see HttpStatus).
//
// The view: {"v":12,"room":"K7QP","finished":false,"state":"none|open|closed|revealed",
//   "question":{"id":"q3","kind":"check|vote|quiz|experienced","answer":"one|several|order",
//     "title":{"nl":..,"en":..},"note":{..},
//     "options":[{"nl":..,"en":..}],
//     "items":[{"text":{..},"low":{..},"high":{..},"dontKnow":true,"phase":"pre"}]},
//   "mine":[{"answered":true,"value":3 (several, order: [..]),"seq":2}],
//   "tally":[{"answers":12,"shown":true,"counts":[..],"dontKnow":0}] (only once revealed; an order has
//     "positions":[[..per option..] per place],"exact":4 instead of counts; below 5 answers only
//     "answers" and "shown":false)}
#include "room/room.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace sb {

inline constexpr size_t kMaxRequestBody = 2048; // bytes; a larger body gets 413

nlohmann::json PhoneViewJson(const PhoneView& view, const std::string& code);

// Parses a join or an answer body. False with a short English reason when it is not one.
bool ParseJoinBody(std::string_view body, std::string& code, std::string& token, std::string& error);
bool ParseAnswerBody(std::string_view body, AnswerRequest& request, std::string& error);

// The HTTP status and error code for a refused request.
int HttpStatus(AnswerStatus status);
int HttpStatus(JoinStatus status);
std::string_view JoinStatusName(JoinStatus status); // "joined", "rejoined", "wrong-room", "full", ...
// A short reason for people reading a response (the page shows its own Dutch or English text).
std::string_view Reason(AnswerStatus status);
std::string_view Reason(JoinStatus status);

std::string ErrorBody(std::string_view code, std::string_view message);

} // namespace sb
