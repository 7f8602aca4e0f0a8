// stageboost-room-host: the room and its web server as the kiosk would run them, with the trainer's part
// read from stdin, one command a line, and one JSON line of answer for each. For the phone tests and for
// trying the phone page by hand; it is not the kiosk.
//
//   stageboost-room-host [--port N] [--host ADDR] [--code CODE] [--pack DIR] [--log FILE] [--assets DIR]
//                        [--kiosk LABEL] [--cap N] [--heartbeat-ms N]
// Commands:
//   open check pre|post [MODULE]         the pack's session check (or MODULE's own check) on phones
//   open vote ROLEPLAY NODE              a vote on the decision NODE of ROLEPLAY, all choices
//   open quiz QUIZ QUESTION              a quiz question (any kind; an ordering starts reversed)
//   open experienced                     "Heb jij dit zelf meegemaakt?"
//   close | reveal | clear | finish      as the trainer's screen does
//   snapshot                             the room as the kiosk reads it
//   wait answered|participants|connected N [TIMEOUT_MS]   until the snapshot shows at least N (woken by the
//                                        room's wake callback, not by polling); ok:false on timeout
//   stop-server | start-server           switch phones off and on again
//   quit
#include "log/log_store.h"
#include "pack/loader.h"
#include "room/assets.h"
#include "room/questions.h"
#include "room/room.h"
#include "room/server.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace sb;
using nlohmann::json;

json SnapshotJson(const RoomSnapshot& s) {
    json tallies = json::array();
    for (const ItemTally& t : s.tallies)
        tallies.push_back({{"answers", t.answers},
                           {"shown", t.shown},
                           {"counts", t.counts},
                           {"dontKnow", t.dont_know},
                           {"positions", t.positions},
                           {"exact", t.exact}});
    return {{"version", s.version},
            {"code", s.code},
            {"finished", s.finished},
            {"participants", s.participants},
            {"connected", s.connected},
            {"question", s.question_id},
            {"kind", s.question ? RoomQuestionKindName(s.question->kind) : ""},
            {"state", QuestionStateName(s.state)},
            {"answered", s.answered},
            {"tallies", tallies},
            {"counters",
             {{"applied", s.counters.answers_applied},
              {"duplicates", s.counters.duplicates},
              {"stale", s.counters.stale},
              {"refused", s.counters.refused},
              {"rateLimited", s.counters.rate_limited},
              {"full", s.counters.full}}}};
}

void Say(const json& j) {
    std::cout << j.dump() << std::endl;
}

} // namespace

int main(int argc, char** argv) {
    RoomServerOptions server_options;
    RoomOptions room_options;
    std::string pack_dir = STAGEBOOST_SOURCE_DIR "/content/stageboost", log_path, assets;
    room_options.kiosk_label = "room-host";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--port")
            server_options.port = std::stoi(next());
        else if (a == "--host")
            server_options.host = next();
        else if (a == "--code")
            room_options.code = next();
        else if (a == "--pack")
            pack_dir = next();
        else if (a == "--log")
            log_path = next();
        else if (a == "--assets")
            assets = next();
        else if (a == "--kiosk")
            room_options.kiosk_label = next();
        else if (a == "--cap")
            room_options.max_participants = std::stoi(next());
        else if (a == "--heartbeat-ms")
            server_options.heartbeat = std::chrono::milliseconds(std::stoi(next()));
        else {
            std::fprintf(stderr, "unknown option %s (see the comment at the top of room_host.cpp)\n",
                         a.c_str());
            return 2;
        }
    }
    const LoadResult loaded = LoadPack(pack_dir);
    if (!loaded.pack) {
        std::fprintf(stderr, "the pack %s does not load\n", pack_dir.c_str());
        return 1;
    }
    const std::shared_ptr<const Pack> pack = loaded.pack;

    LogStore log;
    if (!log_path.empty()) {
        const LogStatus status = log.Open(log_path);
        if (!status.Ok()) {
            std::fprintf(stderr, "%s\n", status.MessageEn().c_str());
            return 1;
        }
        log.BeginWorkshop(); // the class's checks form workshop cohorts, sealed when the workshop closes
    }
    std::mutex wake_mutex;
    std::condition_variable woken;
    uint64_t wakes = 0;
    room_options.wake = [&] {
        std::lock_guard lock(wake_mutex);
        ++wakes;
        woken.notify_all();
    };
    // The room logs on the thread that closes a question: this one, as the kiosk's would.
    room_options.log = [&](const Answer& a) {
        if (!log_path.empty()) log.Record(a);
    };
    Room room(room_options);

    std::vector<std::string> tried;
    server_options.asset_dir = FindPhoneAssets(assets, &tried);
    RoomServer server(room, server_options);
    std::string error_en, error_nl;
    if (!server.Start(error_en, error_nl)) {
        std::fprintf(stderr, "%s\n", error_en.c_str());
        return 1;
    }
    Say({{"listening", server.Port()}, {"code", room.Code()}, {"assets", server_options.asset_dir}});

    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string cmd;
        in >> cmd;
        if (cmd.empty()) continue;
        if (cmd == "quit") break;
        if (cmd == "open") {
            std::string kind, a, b;
            in >> kind >> a >> b;
            std::shared_ptr<RoomQuestion> q;
            if (kind == "check") {
                const Module* around = b.empty() ? nullptr : pack->FindModule(b);
                const std::string module_id = b.empty() ? pack->session_confidence_check
                                              : around  ? around->confidence_check
                                                        : "";
                const Module* check = pack->FindModule(module_id);
                if (check) q = CheckQuestion(pack, *check, a == "post" ? Phase::Post : Phase::Pre, b);
            } else if (kind == "vote") {
                const Module* m = pack->FindModule(a);
                if (m && m->AsRoleplay())
                    for (const Node& node : m->AsRoleplay()->nodes)
                        if (node.id == b) {
                            std::vector<int> all;
                            for (size_t i = 0; i < node.choices.size(); ++i)
                                all.push_back(static_cast<int>(i));
                            q = VoteQuestion(*pack, node, all);
                        }
            } else if (kind == "quiz") {
                const Module* m = pack->FindModule(a);
                if (m && m->AsQuiz())
                    for (const Question& question : m->AsQuiz()->questions)
                        if (question.id == b) q = QuizQuestion(*pack, *m->AsQuiz(), question);
            } else if (kind == "experienced") {
                q = ExperiencedQuestion(pack.get(), pack->help.empty() ? nullptr : &pack->help.front());
            }
            if (!q) {
                Say({{"ok", false}, {"error", "no such question: " + line}});
                continue;
            }
            const size_t items = q->items.size();
            Say({{"ok", true}, {"question", room.Open(q)}, {"items", items}, {"options", q->options.size()}});
        } else if (cmd == "close") {
            room.Close();
            Say({{"ok", true}});
        } else if (cmd == "reveal") {
            room.Reveal();
            Say({{"ok", true}});
        } else if (cmd == "clear") {
            room.Clear();
            Say({{"ok", true}});
        } else if (cmd == "finish") {
            room.Finish();
            if (!log_path.empty()) {
                log.CloseWorkshop();
                log.EndSession();
            }
            Say({{"ok", true}, {"logStatus", log.Status().MessageEn()}});
        } else if (cmd == "snapshot") {
            Say(SnapshotJson(room.Snapshot()));
        } else if (cmd == "wait") {
            std::string what;
            int n = 0, timeout_ms = 10000;
            in >> what >> n >> timeout_ms;
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
            RoomSnapshot s;
            bool ok = false;
            for (;;) {
                uint64_t seen;
                {
                    std::lock_guard lock(wake_mutex);
                    seen = wakes;
                }
                s = room.Snapshot(); // re-arms the wake callback
                const int have = what == "answered"       ? s.answered
                                 : what == "participants" ? s.participants
                                                          : s.connected;
                if (have >= n) {
                    ok = true;
                    break;
                }
                std::unique_lock lock(wake_mutex);
                if (!woken.wait_until(lock, deadline, [&] { return wakes != seen; })) break;
            }
            json j = SnapshotJson(s);
            j["ok"] = ok;
            Say(j);
        } else if (cmd == "stop-server") {
            server.Stop();
            Say({{"ok", true}});
        } else if (cmd == "start-server") {
            const bool ok = server.Start(error_en, error_nl);
            Say({{"ok", ok}, {"listening", server.Port()}, {"error", ok ? "" : error_en}});
        } else {
            Say({{"ok", false}, {"error", "unknown command: " + cmd}});
        }
    }
    server.Stop();
    room.Finish();
    log.Close();
    return 0;
}
