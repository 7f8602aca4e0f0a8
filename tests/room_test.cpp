// The room engine without a socket: joining, tokens, the participant cap, answers (idempotent ids, changes,
// late retries), open/close/reveal, the small-group rule on tallies, pairing before and after into one
// anonymous session per phone, rate limits on an injected clock, the wake callback, streams, and many
// threads writing while one reads.
#include "log/ids.h"
#include "pack/loader.h"
#include "room/protocol.h"
#include "room/questions.h"
#include "room/room.h"
#include "room_test_helpers.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

namespace {

using namespace sb;
using sb::test::Nl;
using sb::test::ShippedPack;

std::shared_ptr<RoomQuestion> Vote(int options) {
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Vote;
    q->title = Nl("Wat doe jij?");
    for (int i = 0; i < options; ++i)
        q->options.push_back(Nl("optie " + std::to_string(i)));
    q->items.resize(1);
    return q;
}

struct Fixture {
    int64_t now = 1000;
    std::vector<Answer> logged;
    int wakes = 0;
    std::unique_ptr<Room> room;

    explicit Fixture(int cap = 200, RateLimit answers = {20, 4}) {
        RoomOptions o;
        o.max_participants = cap;
        o.code = "K7QP";
        o.kiosk_label = "lokaal-1";
        o.steady_ms = [this] { return now; };
        o.wall_clock = [] {
            return std::chrono::system_clock::time_point(std::chrono::hours(24 * 20000 + 10));
        };
        o.wake = [this] { ++wakes; };
        o.log = [this](const Answer& a) { logged.push_back(a); };
        o.answers = answers;
        room = std::make_unique<Room>(std::move(o));
    }
    std::string Join() {
        JoinResult r = room->Join("K7QP", "");
        EXPECT_EQ(r.status, JoinStatus::Joined);
        return r.token;
    }
    AnswerResult Give(const std::string& token, const std::string& q, std::optional<int> value, int item = 0,
                      std::string id = "", uint64_t seq = 0) {
        static std::atomic<uint64_t> counter{1};
        const uint64_t n = counter++;
        AnswerRequest r;
        r.code = "K7QP";
        r.token = token;
        r.question_id = q;
        r.item = item;
        r.value = value;
        r.id = id.empty() ? "a" + std::to_string(n) : id;
        r.seq = seq ? seq : n;
        return room->Answer(r);
    }
};

TEST(RoomCode, IsShortUnambiguousAndChangesEveryRoom) {
    std::set<std::string> codes;
    for (int i = 0; i < 50; ++i) {
        const std::string c = NewRoomCode();
        ASSERT_EQ(c.size(), kRoomCodeLength);
        for (char ch : c)
            EXPECT_NE(kRoomCodeAlphabet.find(ch), std::string_view::npos) << c;
        codes.insert(c);
    }
    EXPECT_GT(codes.size(), 45u); // 25^4 codes: repeats in 50 draws are rare
    EXPECT_EQ(NormalizeRoomCode(" k7qp\n"), "K7QP");
    Room a({}), b({});
    EXPECT_EQ(a.Code().size(), kRoomCodeLength);
}

TEST(RoomJoin, WrongCodeIsRefusedAndAKnownTokenRejoinsAsTheSameParticipant) {
    Fixture f;
    EXPECT_EQ(f.room->Join("ABCD", "").status, JoinStatus::WrongRoom);
    const std::string token = f.Join();
    EXPECT_TRUE(IsSessionId(token));
    const JoinResult again = f.room->Join("k7qp", token);
    EXPECT_EQ(again.status, JoinStatus::Rejoined);
    EXPECT_EQ(again.token, token);
    EXPECT_EQ(f.room->Snapshot().participants, 1);
    // A token this room never gave out (last week's, or made up) joins as a new participant.
    const JoinResult other = f.room->Join("K7QP", NewSessionId());
    EXPECT_EQ(other.status, JoinStatus::Joined);
    EXPECT_NE(other.token, token);
    EXPECT_EQ(f.room->Snapshot().participants, 2);
}

TEST(RoomJoin, TheGroupIsFullAtTheCapButMembersStillRejoin) {
    Fixture f(3);
    const std::string first = f.Join();
    f.Join();
    f.Join();
    EXPECT_EQ(f.room->Join("K7QP", "").status, JoinStatus::Full);
    EXPECT_EQ(f.room->Join("K7QP", first).status, JoinStatus::Rejoined);
    EXPECT_EQ(f.room->Snapshot().participants, 3);
    EXPECT_EQ(f.room->Snapshot().counters.full, 1u);
    EXPECT_EQ(HttpStatus(JoinStatus::Full), 403);
}

TEST(RoomAnswer, OneAnswerPerTokenAChangeReplacesARetryChangesNothingALateRetryIsIgnored) {
    Fixture f;
    const std::string t = f.Join();
    const std::string q = f.room->Open(Vote(3));
    EXPECT_EQ(f.Give(t, q, 0, 0, "tap-1", 1).status, AnswerStatus::Saved);
    EXPECT_EQ(f.Give(t, q, 0, 0, "tap-1", 1).status, AnswerStatus::Same);  // a retry of the same tap
    EXPECT_EQ(f.Give(t, q, 2, 0, "tap-2", 2).status, AnswerStatus::Saved); // a change
    EXPECT_EQ(f.Give(t, q, 1, 0, "tap-x", 1).status, AnswerStatus::Stale); // an old tap arriving late
    const PhoneView v = f.room->ViewFor(t);
    ASSERT_EQ(v.mine.size(), 1u);
    EXPECT_TRUE(v.mine[0].answered);
    EXPECT_EQ(v.mine[0].value, 2);
    const RoomSnapshot s = f.room->Snapshot();
    EXPECT_EQ(s.answered, 1);
    EXPECT_EQ(s.tallies[0].answers, 1);
    EXPECT_EQ(s.counters.answers_applied, 2u);
    EXPECT_EQ(s.counters.duplicates, 1u);
    EXPECT_EQ(s.counters.stale, 1u);
}

TEST(RoomAnswer, RefusesWhatIsNotAnAnswerToTheLiveQuestion) {
    Fixture f;
    const std::string t = f.Join();
    const std::string q = f.room->Open(Vote(2));
    EXPECT_EQ(f.Give(t, "q99", 0).status, AnswerStatus::NoSuchQuestion);
    EXPECT_EQ(f.Give(t, q, 2).status, AnswerStatus::BadValue);
    EXPECT_EQ(f.Give(t, q, -1).status, AnswerStatus::BadValue);
    EXPECT_EQ(f.Give(t, q, std::nullopt).status, AnswerStatus::BadValue); // no "weet ik niet" on a vote
    EXPECT_EQ(f.Give(t, q, 0, 1).status, AnswerStatus::BadItem);
    EXPECT_EQ(f.Give(t, q, 0, 0, "bad id with spaces").status, AnswerStatus::BadId);
    EXPECT_EQ(f.Give(t, q, 0, 0, std::string(65, 'a')).status, AnswerStatus::BadId);
    EXPECT_EQ(f.Give(NewSessionId(), q, 0).status, AnswerStatus::UnknownToken);
    AnswerRequest wrong_room{"ABCD", t, q, 0, 0, "x", 1};
    EXPECT_EQ(f.room->Answer(wrong_room).status, AnswerStatus::WrongRoom);
    f.room->Close();
    EXPECT_EQ(f.Give(t, q, 0).status, AnswerStatus::Closed);
    EXPECT_EQ(f.room->Snapshot().answered, 0);
}

TEST(RoomTally, NothingOfTheSpreadBelowFiveAnswersAndThenTheRealCounts) {
    Fixture f;
    std::vector<std::string> tokens;
    for (int i = 0; i < 7; ++i)
        tokens.push_back(f.Join());
    const std::string q = f.room->Open(Vote(2));
    for (int i = 0; i < 4; ++i)
        f.Give(tokens[i], q, i % 2);
    RoomSnapshot s = f.room->Snapshot();
    EXPECT_EQ(s.answered, 4); // how many voted is always shown
    EXPECT_FALSE(s.tallies[0].shown);
    EXPECT_TRUE(s.tallies[0].counts.empty());
    f.room->Reveal();
    EXPECT_TRUE(f.room->ViewFor(tokens[0]).tallies[0].counts.empty()); // revealed, but still too few
    Fixture g;
    tokens.clear();
    for (int i = 0; i < 7; ++i)
        tokens.push_back(g.Join());
    const std::string q2 = g.room->Open(Vote(2));
    for (int i = 0; i < 5; ++i)
        g.Give(tokens[i], q2, i < 4 ? 1 : 0);
    s = g.room->Snapshot();
    ASSERT_TRUE(s.tallies[0].shown);
    EXPECT_EQ(s.tallies[0].counts, (std::vector<int>{1, 4}));
    EXPECT_TRUE(g.room->ViewFor(tokens[0]).tallies.empty()); // phones see it only once revealed
    g.room->Reveal();
    EXPECT_EQ(g.room->ViewFor(tokens[6]).tallies[0].counts, (std::vector<int>{1, 4}));
    EXPECT_EQ(g.room->Snapshot().state, QuestionState::Revealed);
}

TEST(RoomCheck, BeforeAndAfterOfOnePhoneBecomeOneAnonymousSessionInTheLog) {
    auto pack = ShippedPack();
    ASSERT_TRUE(pack);
    const Module* check = pack->FindModule(pack->session_confidence_check);
    ASSERT_TRUE(check);
    auto pre = CheckQuestion(pack, *check, Phase::Pre, "");
    auto post = CheckQuestion(pack, *check, Phase::Post, "");
    ASSERT_TRUE(pre && post);
    const size_t n = pre->items.size();
    EXPECT_GT(post->items.size(), n); // the module asks "looking back" after
    EXPECT_EQ(post->items.back().phase, Phase::Retro);

    Fixture f;
    std::vector<std::string> tokens;
    for (int i = 0; i < 6; ++i)
        tokens.push_back(f.Join());
    std::string q = f.room->Open(pre);
    for (int i = 0; i < 6; ++i)
        for (size_t k = 0; k < n; ++k)
            f.Give(tokens[i], q, i == 5 && k == 0 ? std::nullopt : std::optional<int>(2),
                   static_cast<int>(k));
    // A change before the check closes replaces the first answer; only the final one is logged.
    f.Give(tokens[0], q, 1, 0);
    EXPECT_TRUE(f.logged.empty()) << "nothing is logged while the check is open";
    f.room->Open(Vote(2)); // opening the next question closes the check
    ASSERT_EQ(f.logged.size(), 6 * n);
    q = f.room->Open(post);
    for (int i = 0; i < 6; ++i)
        for (size_t k = 0; k < post->items.size(); ++k)
            f.Give(tokens[i], q, 4, static_cast<int>(k));
    f.room->Close();
    f.room->Close(); // closing twice logs nothing twice
    ASSERT_EQ(f.logged.size(), 6 * n + 6 * post->items.size());

    std::set<std::string> sessions;
    for (const Answer& a : f.logged) {
        EXPECT_EQ(ValidateAnswer(a), "");
        EXPECT_EQ(a.kiosk, "lokaal-1");
        EXPECT_EQ(a.pack_id, pack->id);
        EXPECT_EQ(a.module_id, "");
        for (const std::string& t : tokens)
            EXPECT_NE(a.session_id, t) << "a token reached the log";
        sessions.insert(a.session_id);
    }
    EXPECT_EQ(sessions.size(), 6u);
    const Answer& first = f.logged.front();
    EXPECT_EQ(first.date,
              Coarsen(std::chrono::system_clock::time_point(std::chrono::hours(24 * 20000 + 10))).date);

    // Each session has a before and an after answer to every statement: the log can pair them (the report
    // over a real log file is checked in room_workshop_test).
    for (const std::string& session : sessions)
        for (const RoomItem& item : pre->items) {
            int before = 0, after = 0;
            for (const Answer& a : f.logged)
                if (a.session_id == session && a.item_id == item.item_id) {
                    before += a.phase == Phase::Pre;
                    after += a.phase == Phase::Post;
                }
            EXPECT_EQ(before, 1);
            EXPECT_EQ(after, 1);
        }
    int changed = 0;
    for (const Answer& a : f.logged)
        changed += a.phase == Phase::Pre && a.item_id == pre->items[0].item_id && a.value == 1;
    EXPECT_EQ(changed, 1) << "the changed answer is logged as changed, once";
}

TEST(RoomCheck, DontKnowOnlyWhereTheStatementAllowsIt) {
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Confidence;
    q->items.resize(2);
    q->items[0].dont_know = true;
    q->items[0].item_id = "a";
    q->items[1].item_id = "b";
    Fixture f;
    const std::string t = f.Join();
    const std::string id = f.room->Open(q);
    EXPECT_EQ(f.Give(t, id, std::nullopt, 0).status, AnswerStatus::Saved);
    EXPECT_EQ(f.Give(t, id, std::nullopt, 1).status, AnswerStatus::BadValue);
    EXPECT_EQ(f.Give(t, id, 0, 1).status, AnswerStatus::BadValue);
    EXPECT_EQ(f.Give(t, id, 6, 1).status, AnswerStatus::BadValue);
    EXPECT_EQ(f.Give(t, id, 5, 1).status, AnswerStatus::Saved);
}

TEST(RoomRateLimit, ATokenIsSlowedDownAndRecoversWithTime) {
    Fixture f(200, RateLimit{3, 1});
    const std::string t = f.Join();
    const std::string q = f.room->Open(Vote(2));
    int saved = 0, limited = 0;
    for (int i = 0; i < 6; ++i) {
        const AnswerStatus s = f.Give(t, q, i % 2).status;
        saved += s == AnswerStatus::Saved;
        limited += s == AnswerStatus::RateLimited;
    }
    EXPECT_EQ(saved, 3);
    EXPECT_EQ(limited, 3);
    f.now += 1000; // one second: one more answer
    EXPECT_EQ(f.Give(t, q, 0).status, AnswerStatus::Saved);
    EXPECT_EQ(f.Give(t, q, 1).status, AnswerStatus::RateLimited);
    // Another phone is not slowed down by the first.
    EXPECT_EQ(f.Give(f.Join(), q, 1).status, AnswerStatus::Saved);
    EXPECT_EQ(HttpStatus(AnswerStatus::RateLimited), 429);
}

TEST(RoomWake, OnceUntilTheKioskTakesASnapshot) {
    Fixture f;
    const std::string t = f.Join();
    EXPECT_EQ(f.wakes, 1);
    const std::string q = f.room->Open(Vote(2));
    f.Give(t, q, 0);
    EXPECT_EQ(f.wakes, 1) << "a burst of changes wakes the kiosk once";
    const uint64_t v = f.room->Snapshot().version;
    f.Give(t, q, 1);
    EXPECT_EQ(f.wakes, 2);
    EXPECT_GT(f.room->Snapshot().version, v);
    f.room->Snapshot();
    f.Give(t, q, 1, 0, "same-tap", 1000000000);
    f.Give(t, q, 1, 0, "same-tap",
           1000000000); // a retry changes nothing: no new snapshot needed, but one wake is fine
    EXPECT_EQ(f.wakes, 3);
}

TEST(RoomStream, WaitsForTheTrainerAndEndsWhenReplacedOrFinished) {
    Fixture f;
    const std::string t = f.Join();
    const uint64_t s1 = f.room->OpenStream(t);
    ASSERT_NE(s1, 0u);
    EXPECT_EQ(f.room->OpenStream(NewSessionId()), 0u);
    EXPECT_EQ(f.room->Snapshot().connected, 1);
    const uint64_t seen = f.room->ViewFor(t).version;
    // Nothing changes: the wait times out and the stream stays.
    EXPECT_TRUE(f.room->WaitForChange(t, s1, seen, std::chrono::milliseconds(20)));
    std::thread trainer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        f.room->Open(Vote(2));
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(f.room->WaitForChange(t, s1, seen, std::chrono::seconds(5)));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    trainer.join();
    EXPECT_NE(f.room->ViewFor(t).version, seen);
    // A second stream of the same phone ends the first.
    const uint64_t s2 = f.room->OpenStream(t);
    EXPECT_FALSE(f.room->WaitForChange(t, s1, 0, std::chrono::seconds(5)));
    EXPECT_EQ(f.room->Snapshot().connected, 1);
    f.room->CloseStream(t, s1); // the old one closing does not close the new one
    EXPECT_EQ(f.room->Snapshot().connected, 1);
    f.room->Finish();
    EXPECT_FALSE(f.room->WaitForChange(t, s2, f.room->ViewFor(t).version, std::chrono::seconds(5)));
    EXPECT_EQ(f.room->Join("K7QP", t).status, JoinStatus::Finished);
    EXPECT_EQ(f.room->Snapshot().participants, 0);
}

TEST(RoomFinish, LogsAnOpenCheckAndForgetsEveryToken) {
    auto pack = ShippedPack();
    ASSERT_TRUE(pack);
    auto pre = CheckQuestion(pack, *pack->FindModule(pack->session_confidence_check), Phase::Pre, "");
    Fixture f;
    const std::string t = f.Join();
    const std::string q = f.room->Open(pre);
    f.Give(t, q, 3);
    f.room->Finish();
    EXPECT_EQ(f.logged.size(), 1u);
    EXPECT_TRUE(f.room->ViewFor(t).finished);
    EXPECT_FALSE(f.room->ViewFor(t).question);
    EXPECT_EQ(f.room->Authorize("K7QP", t), AnswerStatus::UnknownToken);
}

TEST(RoomThreads, ManyWritersAndOneReaderSeeAConsistentRoom) {
    Fixture f(200, RateLimit{1000, 1000});
    std::vector<std::string> tokens;
    for (int i = 0; i < 64; ++i)
        tokens.push_back(f.Join());
    const std::string q = f.room->Open(Vote(4));
    std::atomic<bool> done{false};
    std::atomic<int> bad{0};
    std::thread reader([&] {
        while (!done) {
            const RoomSnapshot s = f.room->Snapshot();
            int sum = 0;
            for (int c : s.tallies[0].counts)
                sum += c;
            if (s.tallies[0].shown && sum != s.tallies[0].answers) ++bad;
            if (s.answered != s.tallies[0].answers) ++bad;
        }
    });
    std::vector<std::thread> writers;
    for (int w = 0; w < 8; ++w)
        writers.emplace_back([&, w] {
            for (int round = 0; round < 20; ++round)
                for (int i = w; i < 64; i += 8)
                    f.Give(tokens[i], q, (i + round) % 4, 0,
                           "w" + std::to_string(w) + "-" + std::to_string(i) + "-" + std::to_string(round),
                           static_cast<uint64_t>(round + 1));
        });
    for (auto& t : writers)
        t.join();
    done = true;
    reader.join();
    EXPECT_EQ(bad, 0);
    const RoomSnapshot s = f.room->Snapshot();
    EXPECT_EQ(s.answered, 64);
    EXPECT_EQ(s.counters.answers_applied, 64u * 20u);
    std::vector<int> expected(4, 0);
    for (int i = 0; i < 64; ++i)
        ++expected[(i + 19) % 4];
    EXPECT_EQ(s.tallies[0].counts, expected); // each phone's last change counts, once
}

TEST(RoomQuestions, FromThePackDecisionsQuizAndTheExperiencedTally) {
    auto pack = ShippedPack();
    ASSERT_TRUE(pack);
    for (const Module& m : pack->modules) {
        if (const Roleplay* rp = m.AsRoleplay()) {
            for (const Node& node : rp->nodes) {
                if (node.choices.empty()) continue;
                auto q = VoteQuestion(*pack, node, {0, 1});
                ASSERT_TRUE(q);
                EXPECT_EQ(q->options.size(), std::min<size_t>(2, node.choices.size()));
                EXPECT_EQ(q->options[0].Get("nl", "nl"), node.choices[0].text.Get("nl", "nl"));
                break;
            }
        }
        if (const Quiz* quiz = m.AsQuiz()) {
            for (const Question& question : quiz->questions) {
                auto q = QuizQuestion(*pack, *quiz, question);
                ASSERT_TRUE(q) << question.id; // every kind goes to phones (room_quiz_test: sets, orders)
                if (question.type == QuestionType::Likert)
                    EXPECT_EQ(q->options.size(), 5u);
                else if (question.type == QuestionType::TrueFalse)
                    EXPECT_EQ(q->options.size(), 2u);
                else
                    EXPECT_EQ(q->options.size(), question.options.size());
                EXPECT_EQ(q->shape, question.type == QuestionType::Multiple   ? AnswerShape::Several
                                    : question.type == QuestionType::Ordering ? AnswerShape::Order
                                                                              : AnswerShape::One);
            }
        }
    }
    auto e = ExperiencedQuestion(pack.get(), pack->help.empty() ? nullptr : &pack->help[0]);
    EXPECT_EQ(e->options.size(), 3u);
    EXPECT_NE(e->note.Get("nl", "nl").find(pack->T(pack->help[0].title, "nl")), std::string::npos);
}

TEST(RoomProtocol, ViewsAndBodiesAsJson) {
    Fixture f;
    const std::string t = f.Join();
    const std::string q = f.room->Open(Vote(2));
    f.Give(t, q, 1, 0, "x", 3);
    const nlohmann::json j = PhoneViewJson(f.room->ViewFor(t), "K7QP");
    EXPECT_EQ(j["state"], "open");
    EXPECT_EQ(j["question"]["id"], q);
    EXPECT_EQ(j["question"]["kind"], "vote");
    EXPECT_EQ(j["question"]["options"][1]["nl"], "optie 1");
    EXPECT_EQ(j["question"]["options"][1]["en"], "optie 1"); // falls back to the default language
    EXPECT_EQ(j["mine"][0]["value"], 1);
    EXPECT_EQ(j["mine"][0]["seq"], 3);
    EXPECT_FALSE(j.contains("tally"));
    EXPECT_EQ(j.dump().find(t), std::string::npos) << "the view never carries the token";

    AnswerRequest r;
    std::string error;
    EXPECT_TRUE(ParseAnswerBody(
        R"({"room":"K7QP","token":"t","question":"q1","item":0,"value":null,"id":"a","seq":1})", r, error));
    EXPECT_FALSE(r.value);
    for (const char* bad :
         {"", "{", "[]", "null", R"({"room":"K7QP"})",
          R"({"room":1,"token":"t","question":"q","item":0,"value":1,"id":"a","seq":1})",
          R"({"room":"K","token":"t","question":"q","item":-1,"value":1,"id":"a","seq":1})",
          R"({"room":"K","token":"t","question":"q","item":0,"value":"1","id":"a","seq":1})",
          R"({"room":"K","token":"t","question":"q","item":0,"value":1.5,"id":"a","seq":1})",
          R"({"room":"K","token":"t","question":"q","item":0,"value":1,"id":"a","seq":-1})",
          R"({"room":"K","token":"t","question":"q","item":0,"id":"a","seq":1})"}) {
        error.clear();
        EXPECT_FALSE(ParseAnswerBody(bad, r, error)) << bad;
        EXPECT_FALSE(error.empty()) << bad;
    }
    std::string code, token;
    EXPECT_TRUE(ParseJoinBody(R"({"room":"k7qp"})", code, token, error));
    EXPECT_FALSE(ParseJoinBody(R"({"room":")" + std::string(200, 'x') + "\"}", code, token, error));
}

} // namespace
