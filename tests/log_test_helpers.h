#pragma once
// Helpers for the log and confidence tests: a temporary folder, and students whose sessions arrive at a
// kiosk one after the other (each session written and ended as the kiosk does).
#include "log/log_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sb::test {

constexpr int kNotAsked = -1;
constexpr int kDontKnow = 0;

// A fresh folder for each test, removed afterwards.
class LogFolderTest : public testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/stageboost-log-test-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        m_folder = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        std::filesystem::permissions(m_folder, std::filesystem::perms::owner_all, ignored);
        std::filesystem::remove_all(m_folder, ignored);
    }
    std::string PathOf(const std::string& name) const { return (m_folder / name).string(); }

    std::filesystem::path m_folder;
};

// One student's answers to one item in one check.
struct ItemAnswers {
    std::string item = "durf";
    int pre = 3; // 1..5, kDontKnow or kNotAsked
    int post = 4;
    int retro = kNotAsked;
};

struct StudentSession {
    std::string module = "rollenspel"; // "" = the whole-session check
    std::string kiosk = "lokaal-1";
    std::string date = "2025-03-10";
    std::string pack = "stageboost";
    std::vector<ItemAnswers> items = {ItemAnswers{}};
    std::string session_id; // filled in by AnswersOf when empty
};

inline std::vector<Answer> AnswersOf(StudentSession& s) {
    if (s.session_id.empty()) {
        s.session_id = NewSessionId();
    }
    const SessionContext context{s.session_id, s.pack, "1.0.0", s.kiosk};
    const CoarseTime when{s.date, PartOfDay::Morning};
    std::vector<Answer> answers;
    for (const ItemAnswers& item : s.items) {
        auto add = [&](Phase phase, int value) {
            if (value == kNotAsked) {
                return;
            }
            answers.push_back(MakeAnswer(context, s.module, item.item, phase,
                                         value == kDontKnow ? std::nullopt : std::optional<int>(value),
                                         when));
        };
        add(Phase::Pre, item.pre);
        add(Phase::Post, item.post);
        add(Phase::Retro, item.retro);
    }
    return answers;
}

// Writes sessions as a kiosk does (Record each answer, EndSession after each student) when `as_kiosk`,
// or one fast transaction per session otherwise (the same cohorts, without the per-answer sync).
inline void Arrive(LogStore& store, std::vector<StudentSession>& sessions, bool as_kiosk = false) {
    for (StudentSession& s : sessions) {
        std::vector<Answer> answers = AnswersOf(s);
        if (as_kiosk) {
            for (const Answer& a : answers) {
                ASSERT_TRUE(store.Record(a).Ok()) << store.Status().MessageEn();
            }
            ASSERT_TRUE(store.EndSession().Ok()) << store.Status().MessageEn();
        } else {
            ASSERT_TRUE(store.InsertMany(answers).Ok()) << store.Status().MessageEn();
        }
    }
}

inline void WriteLog(const std::string& path, std::vector<StudentSession>& sessions, bool as_kiosk = false) {
    LogStore store;
    ASSERT_TRUE(store.Open(path).Ok());
    Arrive(store, sessions, as_kiosk);
    store.Close();
}

inline std::vector<StudentSession> Students(int count, StudentSession shape) {
    std::vector<StudentSession> out(static_cast<std::size_t>(count), shape);
    for (StudentSession& s : out) {
        s.session_id.clear();
    }
    return out;
}

} // namespace sb::test
