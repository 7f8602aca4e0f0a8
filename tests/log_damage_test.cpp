// The kiosk's log files: no order of students in the database, its -wal or its -shm after ten sessions;
// damage (a garbage header, truncation, overwritten pages) found at open and after a write error, the
// damaged file moved aside and every answer kept; checks a crash left open are ended at the next start.

#include "confidence/report.h"
#include "log/log_reader.h"
#include "log_test_helpers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>

namespace {

using sb::test::StudentSession;
using testing::HasSubstr;

std::string ReadBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

class Files : public sb::test::LogFolderTest {};

// Where each answer's UUID and each session code lies in the database file.
std::map<std::string, std::size_t> Positions(const std::string& db, const std::vector<sb::Answer>& answers) {
    std::map<std::string, std::size_t> at;
    for (const sb::Answer& a : answers) {
        at[a.uuid] = db.find(a.uuid);
        at[a.session_id] = db.find(a.session_id);
    }
    return at;
}

// Ten students, written as the kiosk writes them, once in the order they came and once the other way round.
// When nothing in the files keeps the order, both files put every answer and every session code at the
// same place, and the -wal and -shm hold nothing of them.
TEST_F(Files, TenSessionsLeaveNoOrderInTheRawFiles) {
    std::vector<StudentSession> sessions;
    for (int i = 0; i < 10; ++i) {
        StudentSession s;
        s.module = i % 2 == 0 ? "" : "rollenspel";
        s.items = {sb::test::ItemAnswers{"durf", 1 + i % 5, 4, 2}, sb::test::ItemAnswers{"vragen", 3, 5}};
        sessions.push_back(s);
    }
    std::vector<std::vector<sb::Answer>> answers;
    for (StudentSession& s : sessions) {
        answers.push_back(sb::test::AnswersOf(s));
    }
    auto write = [&](const std::string& path, bool reversed, bool end_sessions) {
        sb::LogStore store;
        EXPECT_TRUE(store.Open(path).Ok());
        for (std::size_t n = 0; n < answers.size(); ++n) {
            const std::vector<sb::Answer>& one = answers[reversed ? answers.size() - 1 - n : n];
            for (const sb::Answer& a : one) {
                EXPECT_TRUE(store.Record(a).Ok());
            }
            if (end_sessions) {
                // The kiosk rewrites in the background (the next student's answers wait for it): the
                // reversed run does, so both ways must leave the same files.
                EXPECT_TRUE(store
                                .EndSession(reversed ? sb::LogStore::Rewrite::InBackground
                                                     : sb::LogStore::Rewrite::Now)
                                .Ok());
            }
        }
        store.WaitForRewrite();
        // Read the files while the kiosk still has the log open, as someone copying them would.
        const std::vector<std::string> bytes = {ReadBytes(path), ReadBytes(path + "-wal"),
                                                ReadBytes(path + "-shm")};
        return bytes;
    };
    std::vector<sb::Answer> all;
    for (const auto& one : answers) {
        all.insert(all.end(), one.begin(), one.end());
    }
    const auto forward = write(PathOf("forward.sqlite"), false, true);
    const auto backward = write(PathOf("backward.sqlite"), true, true);
    EXPECT_EQ(Positions(forward[0], all), Positions(backward[0], all))
        << "the database keeps the order of students";
    for (const auto* files : {&forward, &backward}) {
        EXPECT_EQ((*files)[1].size(), 0u) << "the WAL holds pages of earlier students";
        const std::string& shm = (*files)[2];
        if (shm.size() > 136) {
            EXPECT_TRUE(std::all_of(shm.begin() + 136, shm.end(), [](char c) { return c == 0; }))
                << "the -shm still maps frames written earlier";
        }
        for (const sb::Answer& a : all) {
            ASSERT_NE((*files)[0].find(a.uuid), std::string::npos);
            EXPECT_EQ((*files)[1].find(a.session_id), std::string::npos);
            EXPECT_EQ((*files)[2].find(a.session_id), std::string::npos);
        }
    }
    // The control: without the end-of-session rewrite, SQLite's own layout does keep the order, so this
    // test can tell the difference.
    const auto plain_forward = write(PathOf("plain-forward.sqlite"), false, false);
    const auto plain_backward = write(PathOf("plain-backward.sqlite"), true, false);
    const bool plain_same = Positions(plain_forward[0], all) == Positions(plain_backward[0], all) &&
                            plain_forward[1] == plain_backward[1];
    EXPECT_FALSE(plain_same);
    EXPECT_EQ(sb::BuildReport({PathOf("forward.sqlite")}, {}).items.size(), 4u); // still a working log
}

// The rewrite at a session end is for the order of answers: a session in which nobody answered changes
// nothing and is not rewritten, while the first session end after opening always is (a crash may have left
// answers in the order they came).
TEST_F(Files, OnlySessionsThatWroteSomethingRewriteTheFile) {
    const std::string path = PathOf("confidence.sqlite");
    sb::LogStore store;
    ASSERT_TRUE(store.Open(path).Ok());
    ASSERT_TRUE(store.EndSession().Ok());
    EXPECT_EQ(store.Rewrites(), 1u) << "the first session end after opening rewrites";
    ASSERT_TRUE(store.EndSession().Ok());
    ASSERT_TRUE(store.EndSession().Ok());
    EXPECT_EQ(store.Rewrites(), 1u) << "nobody answered: nothing to rewrite";
    StudentSession s;
    for (const sb::Answer& a : sb::test::AnswersOf(s)) {
        ASSERT_TRUE(store.Record(a).Ok());
    }
    ASSERT_TRUE(store.EndSession().Ok());
    EXPECT_EQ(store.Rewrites(), 2u);
    EXPECT_EQ(std::filesystem::file_size(path + "-wal"), 0u);
    ASSERT_TRUE(store.EndSession().Ok());
    EXPECT_EQ(store.Rewrites(), 2u);
    ASSERT_TRUE(store.BeginWorkshop().Ok()); // a change of the file's settings is a change too
    ASSERT_TRUE(store.EndSession().Ok());
    EXPECT_EQ(store.Rewrites(), 3u);
}

// The kiosk's rewrite runs beside the screen: the next student's answer, given while it runs, waits for it
// and is saved (read back after), and the rewrite happened.
TEST_F(Files, ARewriteInTheBackgroundKeepsTheNextStudentsAnswer) {
    const std::string path = PathOf("confidence.sqlite");
    sb::LogStore store;
    ASSERT_TRUE(store.Open(path).Ok());
    StudentSession first, next;
    next.items = {sb::test::ItemAnswers{"durf", 2, 5}};
    for (const sb::Answer& a : sb::test::AnswersOf(first)) {
        ASSERT_TRUE(store.Record(a).Ok());
    }
    ASSERT_TRUE(store.EndSession(sb::LogStore::Rewrite::InBackground).Ok());
    const std::vector<sb::Answer> later = sb::test::AnswersOf(next);
    for (const sb::Answer& a : later) {
        ASSERT_TRUE(store.Record(a).Ok());
    }
    store.WaitForRewrite();
    EXPECT_EQ(store.Rewrites(), 1u);
    EXPECT_EQ(store.PendingCount(), 0u);
    ASSERT_TRUE(store.Close().Ok());
    const std::string bytes = ReadBytes(path);
    for (const sb::Answer& a : later) {
        EXPECT_NE(bytes.find(a.uuid), std::string::npos) << "an answer given during the rewrite is lost";
    }
}

// SIGTERM (systemctl stop, a shutdown) must end the kiosk within a second: Close(Fast) neither
// checkpoints nor waits for a rewrite. The answers stay readable from the -wal, and the next start rewrites
// the file so the -wal's order of arrival does not stay.
TEST_F(Files, AFastCloseKeepsEveryAnswerAndTheNextOpenWipesTheOrder) {
    const std::string path = PathOf("confidence.sqlite");
    std::vector<sb::Answer> given;
    {
        sb::LogStore store;
        ASSERT_TRUE(store.Open(path).Ok());
        for (int i = 0; i < 3; ++i) {
            StudentSession s;
            for (const sb::Answer& a : sb::test::AnswersOf(s)) {
                ASSERT_TRUE(store.Record(a).Ok());
                given.push_back(a);
            }
        }
        ASSERT_TRUE(store.Close(sb::LogStore::Closing::Fast).Ok());
        EXPECT_EQ(store.Rewrites(), 0u);
    }
    ASSERT_GT(ReadBytes(path + "-wal").size(), 0u) << "a fast close left no -wal: it checkpointed after all";
    // Someone reading the log before the kiosk starts again (stageboost-log) sees every answer.
    {
        sb::LogStore reader;
        sb::LogStore::Options tool;
        tool.owner = false;
        ASSERT_TRUE(reader.Open(path, tool).Ok());
        EXPECT_EQ(reader.Rewrites(), 0u) << "only the kiosk rewrites its log";
        reader.Close(sb::LogStore::Closing::Fast);
    }
    sb::LogStore again;
    ASSERT_TRUE(again.Open(path).Ok());
    again.WaitForRewrite();
    EXPECT_EQ(again.Rewrites(), 1u) << "the -wal a fast close left was not rewritten at the next start";
    EXPECT_EQ(ReadBytes(path + "-wal").size(), 0u);
    const std::string bytes = ReadBytes(path);
    for (const sb::Answer& a : given) {
        EXPECT_NE(bytes.find(a.uuid), std::string::npos) << "an answer of before the fast close is lost";
    }
    ASSERT_TRUE(again.Close().Ok());
}

// A fast close while the end-of-session rewrite runs: the rewrite stops (or was done), nothing is lost,
// and the store opens again and rewrites as before.
TEST_F(Files, AFastCloseDuringTheRewriteLosesNothing) {
    const std::string path = PathOf("confidence.sqlite");
    std::vector<sb::Answer> given;
    {
        sb::LogStore store;
        ASSERT_TRUE(store.Open(path).Ok());
        std::vector<sb::Answer> many;
        for (int i = 0; i < 400; ++i) {
            StudentSession s;
            for (const sb::Answer& a : sb::test::AnswersOf(s))
                many.push_back(a);
        }
        ASSERT_TRUE(store.InsertMany(many).Ok());
        StudentSession last;
        for (const sb::Answer& a : sb::test::AnswersOf(last)) {
            ASSERT_TRUE(store.Record(a).Ok());
            given.push_back(a);
        }
        given.insert(given.end(), many.begin(), many.begin() + 10);
        ASSERT_TRUE(store.EndSession(sb::LogStore::Rewrite::InBackground).Ok());
        store.Close(sb::LogStore::Closing::Fast);
    }
    sb::LogStore again;
    ASSERT_TRUE(again.Open(path).Ok());
    again.WaitForRewrite();
    EXPECT_TRUE(again.Status().Ok()) << again.Status().MessageEn();
    StudentSession after;
    for (const sb::Answer& a : sb::test::AnswersOf(after)) {
        ASSERT_TRUE(again.Record(a).Ok());
        given.push_back(a);
    }
    ASSERT_TRUE(again.EndSession().Ok());
    EXPECT_GE(again.Rewrites(), 1u);
    ASSERT_TRUE(again.Close().Ok());
    EXPECT_EQ(ReadBytes(path + "-wal").size(), 0u);
    const std::string bytes = ReadBytes(path);
    for (const sb::Answer& a : given) {
        EXPECT_NE(bytes.find(a.uuid), std::string::npos) << "an answer is lost";
    }
}

// Checks a crash left open are ended when the kiosk starts again: their session codes died with it.
TEST_F(Files, ACrashDoesNotKeepACohortOpenForever) {
    const std::string path = PathOf("confidence.sqlite");
    {
        sb::LogStore store;
        ASSERT_TRUE(store.Open(path).Ok());
        for (int i = 0; i < 5; ++i) {
            StudentSession s;
            for (const sb::Answer& a : sb::test::AnswersOf(s)) {
                ASSERT_TRUE(store.Record(a).Ok());
            }
        } // no EndSession: as if the power went
    }
    EXPECT_TRUE(sb::BuildReport({path}, {}).items.empty())
        << "a cohort seals only when its checks have ended";
    sb::LogStore again;
    ASSERT_TRUE(again.Open(path).Ok());
    again.Close();
    const sb::ConfidenceReport report = sb::BuildReport({path}, {});
    ASSERT_EQ(report.items.size(), 1u);
    EXPECT_EQ(report.items[0].total.participants, 5);
}

struct Damage {
    const char* name;
    void (*apply)(const std::string& path);
};

void GarbageHeader(const std::string& path) {
    std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(0);
    f << std::string(100, '\x13');
}
void Truncate(const std::string& path) {
    std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2 + 100);
}
void OverwritePages(const std::string& path) {
    const std::uintmax_t size = std::filesystem::file_size(path);
    std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(4096);
    f << std::string(static_cast<std::size_t>(size - 4096), '\x5a');
}

std::vector<StudentSession> Twenty() {
    return sb::test::Students(20, StudentSession{});
}

TEST_F(Files, DamagedLogFoundAtOpenIsMovedAsideAndAnswersKept) {
    for (const Damage& damage : {Damage{"garbage header", GarbageHeader}, Damage{"truncated", Truncate},
                                 Damage{"overwritten pages", OverwritePages}}) {
        const std::string path = PathOf(std::string("open-") + damage.name + ".sqlite");
        std::vector<StudentSession> sessions = Twenty();
        sb::test::WriteLog(path, sessions, /*as_kiosk=*/false);
        damage.apply(path);
        const std::string damaged = ReadBytes(path);

        sb::LogStore store;
        sb::LogStatus status = store.Open(path);
        EXPECT_EQ(status.code, sb::LogStatusCode::MovedAside) << damage.name << ": " << status.detail;
        EXPECT_EQ(status.moved_aside, path + ".damaged-1") << damage.name;
        EXPECT_EQ(ReadBytes(path + ".damaged-1"), damaged)
            << damage.name << ": kept as it was for the administrator";
        StudentSession s;
        const std::vector<sb::Answer> answers = sb::test::AnswersOf(s);
        status = store.Record(answers[0]);
        EXPECT_EQ(status.code, sb::LogStatusCode::MovedAside) << damage.name;
        EXPECT_EQ(status.pending, 0u) << damage.name;
        EXPECT_THAT(status.Message("nl"), HasSubstr("apart gezet")) << damage.name;
        store.Close();
        const sb::LoadedAnswers fresh = sb::LoadAnswers({path});
        ASSERT_EQ(fresh.answers.size(), 1u) << damage.name;
        EXPECT_EQ(fresh.answers[0], answers[0]) << damage.name;
    }
}

// The damage is met by a write while the kiosk runs: the answer that met it lands in a new log.
TEST_F(Files, DamageMetByAWriteMovesTheLogAsideAndKeepsThatAnswer) {
    const std::string path = PathOf("confidence.sqlite");
    sb::LogStore store;
    ASSERT_TRUE(store.Open(path).Ok());
    std::vector<StudentSession> sessions = Twenty();
    sb::test::Arrive(store, sessions);
    ASSERT_TRUE(store.EndSession().Ok()); // the store reopens its file here: nothing of it stays cached
    OverwritePages(path);
    StudentSession s;
    const std::vector<sb::Answer> answers = sb::test::AnswersOf(s);
    sb::LogStatus status = store.Record(answers[0]);
    EXPECT_EQ(status.code, sb::LogStatusCode::MovedAside)
        << sb::LogStatusCodeName(status.code) << " " << status.detail;
    EXPECT_EQ(status.pending, 0u);
    EXPECT_TRUE(std::filesystem::exists(path + ".damaged-1"));
    status = store.Record(answers[1]);
    EXPECT_EQ(status.code, sb::LogStatusCode::MovedAside) << "the trainer menu keeps saying so";
    EXPECT_TRUE(store.EndSession().Saving());
    store.Close();
    const sb::LoadedAnswers fresh = sb::LoadAnswers({path});
    ASSERT_TRUE(fresh.AllFilesRead()) << fresh.Problems();
    EXPECT_EQ(fresh.answers.size(), 2u);
}

} // namespace
