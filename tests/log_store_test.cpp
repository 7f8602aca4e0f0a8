// The anonymous confidence log: ids, coarse times, answer checks, the SQLite store (WAL, one transaction per
// answer, migrations), clear statuses for a full disk or read-only folder with answers kept in memory, and a
// crash test: a child process writes answers and is killed with SIGKILL mid-stream.

#include "log/log_reader.h"
#include "log/log_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>

namespace {

using testing::HasSubstr;

sb::Answer SampleAnswer(std::optional<int> value = 4, sb::Phase phase = sb::Phase::Pre) {
    const sb::SessionContext session{sb::NewSessionId(), "stageboost", "1.2.0", "studiecentrum-zuid"};
    return sb::MakeAnswer(session, "rollenspel-sollicitatie", "durf-vragen", phase, value,
                          sb::CoarseTime{"2025-03-10", sb::PartOfDay::Afternoon});
}

// A fresh folder for each test, removed afterwards.
class LogFolder : public testing::Test {
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

// Small direct SQLite helpers to look at files behind the store's back.
long long QueryNumber(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    long long value = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
        value = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

std::string QueryText(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_stmt* statement = nullptr;
    std::string value = "(no result)";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

void ExecSql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

TEST(LogIds, SessionIdsAre128RandomBitsInHex) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = sb::NewSessionId();
        EXPECT_TRUE(sb::IsSessionId(id)) << id;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000u);
    EXPECT_FALSE(sb::IsSessionId("0123456789ABCDEF0123456789abcdef")); // uppercase
    EXPECT_FALSE(sb::IsSessionId("0123"));
}

TEST(LogIds, AnswerIdsAreUuidVersion4) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string uuid = sb::NewUuidV4();
        ASSERT_TRUE(sb::IsUuidV4(uuid)) << uuid;
        EXPECT_EQ(uuid[14], '4');
        seen.insert(uuid);
    }
    EXPECT_EQ(seen.size(), 1000u);
    EXPECT_TRUE(sb::IsUuidV4("3f2b8c1e-9d4a-4e6b-8c7d-1a2b3c4d5e6f"));
    EXPECT_FALSE(sb::IsUuidV4("3f2b8c1e-9d4a-1e6b-8c7d-1a2b3c4d5e6f")); // version 1
    EXPECT_FALSE(sb::IsUuidV4("3f2b8c1e-9d4a-4e6b-cc7d-1a2b3c4d5e6f")); // wrong variant
    EXPECT_FALSE(sb::IsUuidV4("3f2b8c1e9d4a-4e6b-8c7d-1a2b3c4d5e6f0"));
}

TEST(CoarseTime, PartsOfTheDay) {
    EXPECT_EQ(sb::PartOfDayForHour(0), sb::PartOfDay::Night);
    EXPECT_EQ(sb::PartOfDayForHour(5), sb::PartOfDay::Night);
    EXPECT_EQ(sb::PartOfDayForHour(6), sb::PartOfDay::Morning);
    EXPECT_EQ(sb::PartOfDayForHour(11), sb::PartOfDay::Morning);
    EXPECT_EQ(sb::PartOfDayForHour(12), sb::PartOfDay::Afternoon);
    EXPECT_EQ(sb::PartOfDayForHour(17), sb::PartOfDay::Afternoon);
    EXPECT_EQ(sb::PartOfDayForHour(18), sb::PartOfDay::Evening);
    EXPECT_EQ(sb::PartOfDayForHour(23), sb::PartOfDay::Evening);
    EXPECT_EQ(sb::PartOfDayForHour(24), sb::PartOfDay::Night);
    EXPECT_EQ(sb::PartOfDayName(sb::PartOfDay::Morning), "ochtend");
    EXPECT_EQ(sb::PartOfDayName(sb::PartOfDay::Afternoon), "middag");
    EXPECT_EQ(sb::PartOfDayName(sb::PartOfDay::Evening), "avond");
    EXPECT_EQ(sb::PartOfDayName(sb::PartOfDay::Night), "nacht");
    EXPECT_EQ(sb::ParsePartOfDay("avond"), sb::PartOfDay::Evening);
    EXPECT_FALSE(sb::ParsePartOfDay("evening").has_value());

    const sb::CoarseTime coarse = sb::Coarsen(sb::LocalTime{2025, 3, 9, 14, 5});
    EXPECT_EQ(coarse.date, "2025-03-09");
    EXPECT_EQ(coarse.part, sb::PartOfDay::Afternoon);
}

TEST(CoarseTime, FromAnInjectedTimePoint) {
    const char* old_tz = std::getenv("TZ");
    const std::string saved = old_tz != nullptr ? old_tz : "";
    setenv("TZ", "UTC", 1);
    tzset();
    using namespace std::chrono;
    const system_clock::time_point when = sys_days{year{2025} / March / 9} + hours{20} + minutes{41};
    const sb::CoarseTime coarse = sb::Coarsen(when);
    EXPECT_EQ(coarse.date, "2025-03-09");
    EXPECT_EQ(coarse.part, sb::PartOfDay::Evening);
    if (old_tz != nullptr) {
        setenv("TZ", saved.c_str(), 1);
    } else {
        unsetenv("TZ");
    }
    tzset();
}

TEST(CoarseTime, Dates) {
    EXPECT_TRUE(sb::IsValidDate("2024-02-29"));
    EXPECT_FALSE(sb::IsValidDate("2025-02-29"));
    EXPECT_FALSE(sb::IsValidDate("2025-13-01"));
    EXPECT_FALSE(sb::IsValidDate("2025-1-01"));
    EXPECT_FALSE(sb::IsValidDate("25-01-2025"));
    EXPECT_FALSE(sb::IsValidDate(""));
}

TEST(Answers, ValidationRefusesAnythingThatCouldCarryPersonalText) {
    sb::Answer answer = SampleAnswer();
    EXPECT_EQ(sb::ValidateAnswer(answer), "");
    answer.value = std::nullopt; // don't know
    EXPECT_EQ(sb::ValidateAnswer(answer), "");
    answer.module_id = ""; // whole-session check
    EXPECT_EQ(sb::ValidateAnswer(answer), "");

    sb::Answer bad = SampleAnswer();
    bad.value = 6;
    EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("1-5"));
    bad = SampleAnswer();
    bad.item_id = "Jan de Vries";
    EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("item id"));
    bad = SampleAnswer();
    bad.session_id = "student-12345";
    EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("session id"));
    bad = SampleAnswer();
    bad.uuid = "1";
    EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("UUID"));
    bad = SampleAnswer();
    bad.date = "2025-03-10 14:32";
    EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("date"));
    bad = SampleAnswer();
    bad.kiosk = std::string(100, 'x');
    EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("kiosk label"));
    bad.kiosk = "line\nbreak";
    EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("kiosk label"));
    bad.kiosk = "bad \xff utf-8";
    EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("kiosk label"));
    // The kiosk label is a place code (core/kiosk_label.h): never a name or an e-mail address.
    for (const char* person : {"Jan Jansen <jan@example.org>", "Studiecentrum Zuid", "tab\there",
                               "jan@school", "x", "Café-Zuid"}) {
        bad.kiosk = person;
        EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("place code")) << person;
    }
    bad.kiosk = "Studiecentrum-Zuid-2";
    EXPECT_EQ(sb::ValidateAnswer(bad), "");
    // One id rule: ^[a-z0-9][a-z0-9_-]{0,63}$
    bad = SampleAnswer();
    bad.item_id = "durf_vragen";
    EXPECT_EQ(sb::ValidateAnswer(bad), "");
    for (const char* id : {"_durf", "-durf", "Durf", "durf vragen", ""}) {
        bad.item_id = id;
        EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("item id")) << id;
    }
    bad.item_id = std::string(64, 'a');
    EXPECT_EQ(sb::ValidateAnswer(bad), "");
    bad.item_id = std::string(65, 'a');
    EXPECT_THAT(sb::ValidateAnswer(bad), HasSubstr("item id"));
}

TEST(LogStatusMessages, EveryCodeHasADutchAndEnglishMessage) {
    for (sb::LogStatusCode code :
         {sb::LogStatusCode::Ok, sb::LogStatusCode::NotOpen, sb::LogStatusCode::InvalidAnswer,
          sb::LogStatusCode::CannotOpen, sb::LogStatusCode::ReadOnly, sb::LogStatusCode::DiskFull,
          sb::LogStatusCode::WriteError, sb::LogStatusCode::Busy, sb::LogStatusCode::NotALog,
          sb::LogStatusCode::TooNew, sb::LogStatusCode::Corrupt}) {
        sb::LogStatus status{code, "/media/usb/log.sqlite", "", 0};
        EXPECT_FALSE(status.MessageEn().empty());
        EXPECT_FALSE(status.MessageNl().empty());
        EXPECT_NE(status.MessageEn(), status.MessageNl());
        EXPECT_NE(sb::LogStatusCodeName(code), "unknown");
    }
    sb::LogStatus full{sb::LogStatusCode::DiskFull, "log.sqlite", "", 3};
    EXPECT_THAT(full.MessageEn(), HasSubstr("disk is full"));
    EXPECT_THAT(full.MessageEn(), HasSubstr("3 answers are not saved yet"));
    EXPECT_THAT(full.MessageNl(), HasSubstr("schijf is vol"));
    EXPECT_THAT(full.MessageNl(), HasSubstr("3 antwoorden zijn nog niet opgeslagen"));
    sb::LogStatus one{sb::LogStatusCode::ReadOnly, "log.sqlite", "", 1};
    EXPECT_THAT(one.MessageEn(), HasSubstr("1 answer is not saved yet"));
    EXPECT_THAT(one.Message("nl"), HasSubstr("alleen-lezen"));
}

TEST_F(LogFolder, RecordsAnswersAndReadsThemBack) {
    const std::string path = PathOf("confidence.sqlite");
    std::vector<sb::Answer> written = {SampleAnswer(1), SampleAnswer(5, sb::Phase::Post),
                                       SampleAnswer(std::nullopt, sb::Phase::Retro)};
    written[1].module_id = "";
    {
        sb::LogStore store;
        ASSERT_TRUE(store.Open(path).Ok());
        EXPECT_TRUE(store.IsOpen());
        for (const sb::Answer& answer : written) {
            const sb::LogStatus status = store.Record(answer);
            EXPECT_TRUE(status.Ok()) << status.MessageEn() << " " << status.detail;
        }
        // The same answer again is not stored twice.
        EXPECT_TRUE(store.Record(written[0]).Ok());
        EXPECT_EQ(store.PendingCount(), 0u);
    }
    EXPECT_EQ(QueryText(path, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(QueryNumber(path, "PRAGMA user_version"), sb::kLogSchemaVersion);
    EXPECT_EQ(QueryNumber(path, "PRAGMA application_id"), sb::kLogApplicationId);

    const sb::LoadedAnswers loaded = sb::LoadAnswers({path});
    ASSERT_TRUE(loaded.AllFilesRead()) << loaded.Problems();
    ASSERT_EQ(loaded.answers.size(), 3u);
    for (const sb::Answer& answer : written) {
        EXPECT_NE(std::find(loaded.answers.begin(), loaded.answers.end(), answer), loaded.answers.end());
    }
}

TEST_F(LogFolder, NothingThatPointsToAPersonIsInTheSchema) {
    const std::string path = PathOf("confidence.sqlite");
    sb::LogStore store;
    ASSERT_TRUE(store.Open(path).Ok());
    store.Close();
    const std::string columns =
        QueryText(path, "SELECT group_concat(name, ',') FROM pragma_table_info('answers')");
    EXPECT_EQ(
        columns,
        "uuid,session_id,pack_id,pack_version,module_id,item_id,phase,value,day,part_of_day,kiosk,cohort");
    const std::string cohort_columns =
        QueryText(path, "SELECT group_concat(name, ',') FROM pragma_table_info('cohorts')");
    EXPECT_EQ(cohort_columns, "id,pack_id,module_id,kiosk,state,workshop,members,ended,last_day");
    // Rows are kept in UUID order, not in the order students came by.
    EXPECT_THAT(QueryText(path, "SELECT sql FROM sqlite_schema WHERE name = 'answers'"),
                HasSubstr("WITHOUT ROWID"));
}

TEST_F(LogFolder, InvalidAnswersAreRefusedAndNotKept) {
    sb::LogStore store;
    ASSERT_TRUE(store.Open(PathOf("log.sqlite")).Ok());
    sb::Answer bad = SampleAnswer();
    bad.value = 0;
    const sb::LogStatus status = store.Record(bad);
    EXPECT_EQ(status.code, sb::LogStatusCode::InvalidAnswer);
    EXPECT_THAT(status.detail, HasSubstr("1-5"));
    EXPECT_EQ(store.PendingCount(), 0u);
    EXPECT_TRUE(store.Status().Ok()); // the trainer screen keeps showing the store's own state
}

TEST_F(LogFolder, AnswersGivenBeforeOpenAreKeptAndWrittenOnOpen) {
    sb::LogStore store;
    sb::LogStatus status = store.Record(SampleAnswer());
    EXPECT_EQ(status.code, sb::LogStatusCode::NotOpen);
    EXPECT_EQ(status.pending, 1u);
    status = store.Open(PathOf("later.sqlite"));
    EXPECT_TRUE(status.Ok()) << status.MessageEn();
    EXPECT_EQ(status.pending, 0u);
    store.Close();
    EXPECT_EQ(QueryNumber(PathOf("later.sqlite"), "SELECT count(*) FROM answers"), 1);
}

TEST_F(LogFolder, MigratesAVersion1LogStepByStep) {
    const std::string path = PathOf("old.sqlite");
    const sb::Answer kept = SampleAnswer(3);
    ExecSql(path,
            std::string("BEGIN;") + sb::LogMigrations().at(0).sql +
                "PRAGMA user_version = 1;"
                "INSERT INTO answers VALUES ('" +
                kept.uuid + "', '" + kept.session_id +
                "', 'stageboost', '1.2.0', 'rollenspel-sollicitatie', 'durf-vragen', 'pre', 3, '2025-03-10', "
                "'middag', 'studiecentrum-zuid');"
                "COMMIT;");
    ASSERT_EQ(QueryNumber(path, "PRAGMA user_version"), 1);
    ASSERT_EQ(QueryNumber(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'answers_by_pack'"), 0);

    sb::LogStore store;
    const sb::LogStatus status = store.Open(path);
    ASSERT_TRUE(status.Ok()) << status.MessageEn() << " " << status.detail;
    store.Close();
    EXPECT_EQ(QueryNumber(path, "PRAGMA user_version"), 3);
    EXPECT_EQ(QueryNumber(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'answers_by_cohort'"), 1);
    // The older answer joined a cohort of its pack, module, kiosk and day (open: one check, not five).
    EXPECT_EQ(QueryNumber(path, "SELECT count(*) FROM answers a JOIN cohorts c ON c.id = a.cohort "
                                "WHERE c.state = 'open' AND c.members = 1 AND c.last_day = '2025-03-10'"),
              1);
    const sb::LoadedAnswers loaded = sb::LoadAnswers({path});
    ASSERT_EQ(loaded.answers.size(), 1u);
    EXPECT_EQ(loaded.answers[0], kept);
}

TEST_F(LogFolder, MigrationStepsAreNumberedInOrder) {
    const auto& steps = sb::LogMigrations();
    ASSERT_EQ(static_cast<int>(steps.size()), sb::kLogSchemaVersion);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(steps[i].to_version, static_cast<int>(i) + 1);
        EXPECT_NE(std::string(steps[i].description), "");
    }
}

TEST_F(LogFolder, RefusesANewerLogAndOtherFilesWithoutChangingThem) {
    const std::string newer = PathOf("newer.sqlite");
    ExecSql(
        newer,
        "PRAGMA application_id = 1396853831; CREATE TABLE answers (uuid TEXT); PRAGMA user_version = 99;");
    sb::LogStore store;
    sb::LogStatus status = store.Open(newer);
    EXPECT_EQ(status.code, sb::LogStatusCode::TooNew);
    EXPECT_THAT(status.MessageEn(), HasSubstr("newer version of Stageboost"));
    EXPECT_EQ(QueryNumber(newer, "PRAGMA user_version"), 99);

    const std::string other = PathOf("other.sqlite");
    ExecSql(other, "CREATE TABLE contacts (name TEXT);");
    status = store.Open(other);
    EXPECT_EQ(status.code, sb::LogStatusCode::NotALog);
    EXPECT_EQ(QueryNumber(other, "SELECT count(*) FROM sqlite_schema WHERE name = 'answers'"), 0);

    // A file at the log's own path that is not SQLite at all is damage: the kiosk moves it aside, starts a
    // new log and keeps every answer (see also the damage tests in log_damage_test.cpp).
    const std::string text = PathOf("notes.txt");
    std::ofstream(text)
        << "This is not a database, it is a text file with enough bytes to look like one maybe.\n";
    status = store.Open(text);
    EXPECT_EQ(status.code, sb::LogStatusCode::MovedAside)
        << sb::LogStatusCodeName(status.code) << " " << status.detail;
    EXPECT_EQ(status.moved_aside, text + ".damaged-1");
    status = store.Record(SampleAnswer());
    EXPECT_EQ(status.code, sb::LogStatusCode::MovedAside);
    EXPECT_EQ(status.pending, 0u);
    EXPECT_THAT(status.MessageEn(), HasSubstr("moved aside"));
    EXPECT_THAT(status.MessageNl(), HasSubstr("apart gezet"));
    store.Close();

    const sb::LoadedAnswers loaded =
        sb::LoadAnswers({newer, other, text + ".damaged-1", PathOf("missing.sqlite")});
    EXPECT_EQ(loaded.files[0].status.code, sb::LogStatusCode::TooNew);
    EXPECT_EQ(loaded.files[1].status.code, sb::LogStatusCode::NotALog);
    EXPECT_EQ(loaded.files[2].status.code, sb::LogStatusCode::NotALog);
    EXPECT_EQ(loaded.files[3].status.code, sb::LogStatusCode::CannotOpen);
    EXPECT_EQ(sb::LoadAnswers({text}).answers.size(), 1u);
    EXPECT_THAT(loaded.Problems(), HasSubstr("missing.sqlite"));
}

TEST_F(LogFolder, HandEditedRowsThatMakeNoSenseAreSkippedAndCounted) {
    const std::string path = PathOf("edited.sqlite");
    {
        sb::LogStore store;
        ASSERT_TRUE(store.Open(path).Ok());
        ASSERT_TRUE(store.Record(SampleAnswer()).Ok());
    }
    ExecSql(path, "INSERT INTO answers VALUES ('not-a-uuid', 'x', 'stageboost', '1', '', 'durf', 'pre', 3, "
                  "'2025-03-10', 'middag', 'k', NULL); "
                  "INSERT INTO answers VALUES ('6f1c1f7e-3a7b-4c1d-9e2f-0a1b2c3d4e5f', "
                  "'0123456789abcdef0123456789abcdef', 'stageboost', '1', '', 'durf', 'pre', 3, 'yesterday', "
                  "'middag', 'k', NULL);");
    const sb::LoadedAnswers loaded = sb::LoadAnswers({path});
    EXPECT_TRUE(loaded.AllFilesRead());
    EXPECT_EQ(loaded.answers.size(), 1u);
    EXPECT_EQ(loaded.files.at(0).invalid, 2u);
}

TEST_F(LogFolder, MissingFolderGivesCannotOpenAndKeepsAnswers) {
    sb::LogStore store;
    const std::string path = PathOf("not-there/log.sqlite");
    sb::LogStatus status = store.Open(path);
    EXPECT_EQ(status.code, sb::LogStatusCode::CannotOpen);
    EXPECT_THAT(status.MessageNl(), HasSubstr("Bestaat de map?"));
    status = store.Record(SampleAnswer());
    status = store.Record(SampleAnswer());
    EXPECT_EQ(status.code, sb::LogStatusCode::CannotOpen);
    EXPECT_EQ(status.pending, 2u);

    // The folder appears (a USB stick put in): the next answer writes all three.
    std::filesystem::create_directories(m_folder / "not-there");
    status = store.Record(SampleAnswer());
    EXPECT_TRUE(status.Ok()) << status.MessageEn();
    EXPECT_EQ(status.pending, 0u);
    store.Close();
    EXPECT_EQ(QueryNumber(path, "SELECT count(*) FROM answers"), 3);
}

TEST_F(LogFolder, FullDiskKeepsAnswersInMemoryAndRetriesOnTheNextWrite) {
    const std::string path = PathOf("small.sqlite");
    sb::LogStore store;
    ASSERT_TRUE(store.Open(path, sb::LogStore::Options{16 * 1024}).Ok());
    sb::LogStatus status;
    int given = 0;
    while (given < 2000) {
        status = store.Record(SampleAnswer());
        ++given;
        if (!status.Ok()) {
            break;
        }
    }
    ASSERT_EQ(status.code, sb::LogStatusCode::DiskFull) << status.MessageEn() << " " << status.detail;
    EXPECT_EQ(status.pending, 1u);
    EXPECT_THAT(status.MessageEn(), HasSubstr("1 answer is not saved yet"));
    EXPECT_EQ(store.Status().code, sb::LogStatusCode::DiskFull);

    // Still full: the next answer waits too, behind the first.
    status = store.Record(SampleAnswer());
    ++given;
    EXPECT_EQ(status.code, sb::LogStatusCode::DiskFull);
    EXPECT_EQ(status.pending, 2u);

    // Room again: the next write stores everything kept in memory, in order.
    store.SetMaxSizeBytes(0);
    status = store.Record(SampleAnswer());
    ++given;
    EXPECT_TRUE(status.Ok()) << status.MessageEn();
    EXPECT_EQ(status.pending, 0u);
    store.Close();
    EXPECT_EQ(QueryNumber(path, "SELECT count(*) FROM answers"), given);
    EXPECT_EQ(QueryText(path, "PRAGMA integrity_check"), "ok");
}

// Runs `body` in a child process without root rights (file permissions do not bind root), and returns what
// it wrote to `out`. Skips when the rights cannot be dropped.
std::string RunAsUnprivileged(const std::filesystem::path& folder, const std::function<std::string()>& body) {
    int fds[2];
    if (pipe(fds) != 0) {
        return "pipe failed";
    }
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        std::string result;
        if (geteuid() == 0 &&
            (chown(folder.c_str(), 65534, 65534) != 0 || setgid(65534) != 0 || setuid(65534) != 0)) {
            result = "skip";
        } else {
            result = body();
        }
        const ssize_t ignored = write(fds[1], result.data(), result.size());
        (void)ignored;
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    std::string output;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) {
        output.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    return output;
}

TEST_F(LogFolder, ReadOnlyFolderGivesAClearStatusAndAnswersWaitInMemory) {
    const std::filesystem::path folder = m_folder;
    const std::string result = RunAsUnprivileged(folder, [folder]() -> std::string {
        chmod(folder.c_str(), 0555);
        if (access(folder.c_str(), W_OK) == 0) {
            return "skip"; // permissions do not bind here
        }
        std::string report;
        sb::LogStore store;
        const std::string path = (folder / "log.sqlite").string();
        sb::LogStatus status = store.Open(path);
        report += std::string(sb::LogStatusCodeName(status.code)) + "|";
        status = store.Record(SampleAnswer());
        status = store.Record(SampleAnswer());
        report += std::string(sb::LogStatusCodeName(status.code)) + "|" + std::to_string(status.pending) +
                  "|" + status.MessageEn() + "|";
        chmod(folder.c_str(), 0755); // the trainer fixes the folder
        status = store.Flush();
        report +=
            std::string(sb::LogStatusCodeName(status.code)) + "|" + std::to_string(status.pending) + "|";
        store.Close();
        report += std::to_string(sb::LoadAnswers({path}).answers.size());
        return report;
    });
    if (result == "skip") {
        GTEST_SKIP() << "cannot drop root rights or permissions do not bind here";
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t bar = result.find('|'); bar != std::string::npos; bar = result.find('|', start)) {
        parts.push_back(result.substr(start, bar - start));
        start = bar + 1;
    }
    parts.push_back(result.substr(start));
    ASSERT_EQ(parts.size(), 7u) << result;
    EXPECT_EQ(parts[0], "read-only");
    EXPECT_EQ(parts[1], "read-only");
    EXPECT_EQ(parts[2], "2");
    EXPECT_THAT(parts[3], HasSubstr("is read-only, so answers cannot be saved"));
    EXPECT_THAT(parts[3], HasSubstr("2 answers are not saved yet"));
    EXPECT_EQ(parts[4], "ok");
    EXPECT_EQ(parts[5], "0");
    EXPECT_EQ(parts[6], "2");
}

TEST_F(LogFolder, ReadOnlyLogFileGivesAClearStatus) {
    const std::filesystem::path folder = m_folder;
    const std::string path = PathOf("log.sqlite");
    {
        sb::LogStore store;
        ASSERT_TRUE(store.Open(path).Ok());
        ASSERT_TRUE(store.Record(SampleAnswer()).Ok());
    }
    const std::string result = RunAsUnprivileged(folder, [folder, path]() -> std::string {
        chmod(path.c_str(), 0444);
        chmod(folder.c_str(), 0555);
        if (access(path.c_str(), W_OK) == 0) {
            return "skip";
        }
        sb::LogStore store;
        sb::LogStatus status = store.Open(path);
        status = store.Record(SampleAnswer());
        return std::string(sb::LogStatusCodeName(status.code)) + "|" + std::to_string(status.pending);
    });
    if (result == "skip") {
        GTEST_SKIP() << "cannot drop root rights or permissions do not bind here";
    }
    EXPECT_EQ(result, "read-only|1");
    EXPECT_EQ(QueryNumber(path, "SELECT count(*) FROM answers"), 1);
}

// The crash test: a child writes answers one by one and reports each committed UUID through a pipe; it is
// killed with SIGKILL in the middle. Every reported answer must be in the log, and the log must be sound.
TEST_F(LogFolder, KillDashNineLosesNoCommittedAnswer) {
    const std::string path = PathOf("crash.sqlite");
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(fds[0]);
        sb::LogStore store;
        if (!store.Open(path).Ok()) {
            _exit(3);
        }
        for (int i = 0; i < 1000000; ++i) {
            const sb::Answer answer = SampleAnswer(1 + i % 5, i % 2 == 0 ? sb::Phase::Pre : sb::Phase::Post);
            if (!store.Record(answer).Ok()) {
                _exit(4);
            }
            const std::string line = answer.uuid + "\n"; // written only after the commit returned
            if (write(fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
                _exit(5);
            }
        }
        _exit(0);
    }
    close(fds[1]);

    std::string received;
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::count(received.begin(), received.end(), '\n') < 200 &&
           std::chrono::steady_clock::now() < deadline) {
        const ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        received.append(buffer, static_cast<std::size_t>(n));
    }
    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped on its own with code " << WEXITSTATUS(status);
    ssize_t n = 0;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) {
        received.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);

    std::vector<std::string> committed;
    std::size_t start = 0;
    for (std::size_t end = received.find('\n'); end != std::string::npos; end = received.find('\n', start)) {
        committed.push_back(received.substr(start, end - start));
        start = end + 1;
    }
    ASSERT_GE(committed.size(), 200u);

    // The WAL left by the killed writer is recovered by the next open.
    EXPECT_EQ(QueryText(path, "PRAGMA integrity_check"), "ok");
    const sb::LoadedAnswers loaded = sb::LoadAnswers({path});
    ASSERT_TRUE(loaded.AllFilesRead()) << loaded.Problems();
    std::set<std::string> stored;
    for (const sb::Answer& answer : loaded.answers) {
        stored.insert(answer.uuid);
    }
    for (const std::string& uuid : committed) {
        EXPECT_TRUE(stored.count(uuid) == 1) << "committed answer " << uuid << " is missing";
    }
    // At most the answer being written when the kill came is there without having been reported.
    EXPECT_LE(stored.size(), committed.size() + 1);

    // The kiosk can carry on with the same file.
    sb::LogStore store;
    ASSERT_TRUE(store.Open(path).Ok());
    EXPECT_TRUE(store.Record(SampleAnswer()).Ok());
}

} // namespace
