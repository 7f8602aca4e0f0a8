// The room's web server attacked over 127.0.0.1: static files only from the page's folder (traversal,
// encoded dots, symlinks, hidden files), security headers on every answer, 413 for big bodies, 4xx with a
// reason for bad JSON, unknown questions, missing tokens and closed questions, 429 with Retry-After, garbage
// bytes, slow and silent clients, Server-Sent Events, stop with open streams, and a port already in use.
#include "room/protocol.h"
#include "room/room.h"
#include "room_test_helpers.h"
#include "room/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

namespace {

using namespace sb;
using sb::test::Nl;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::shared_ptr<RoomQuestion> Vote() {
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Vote;
    q->title = Nl("Wat doe jij?");
    q->options = {Nl("a"), Nl("b")};
    q->items.resize(1);
    return q;
}

void Write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// A raw connection: sends exactly these bytes, reads until the server closes or `timeout` passes.
struct RawResult {
    std::string response;
    bool closed = false; // the server closed the connection
    double seconds = 0;
};

RawResult Raw(int port, const std::string& bytes,
              std::chrono::milliseconds timeout = std::chrono::seconds(8)) {
    RawResult r;
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const auto start = Clock::now();
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return r;
    }
    if (!bytes.empty()) send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    char buf[4096];
    for (;;) {
        const auto left =
            timeout - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        if (left.count() <= 0) break;
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            r.closed = true;
            break;
        }
        r.response.append(buf, static_cast<size_t>(n));
    }
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    close(fd);
    return r;
}

int StatusOf(const std::string& response) {
    if (response.rfind("HTTP/1.1 ", 0) != 0) return 0;
    return std::stoi(response.substr(9, 3));
}

class ServerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("room-server-" + std::to_string(getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir / "phone" / "sub");
        Write(m_dir / "phone" / "index.html", "<!doctype html><title>page</title>");
        Write(m_dir / "phone" / "app.js", "console.log('app');");
        Write(m_dir / "phone" / ".hidden.js", "hidden");
        Write(m_dir / "phone" / "sub" / "x.js", "sub");
        Write(m_dir / "phone" / "notes.txt", "notes");
        Write(m_dir / "secret.js", "SECRET-OUTSIDE");
        fs::create_symlink(m_dir / "secret.js", m_dir / "phone" / "leak.js");
        fs::create_symlink("/etc/passwd", m_dir / "phone" / "passwd.js");

        RoomOptions o;
        o.code = "K7QP";
        o.answers = {3, 1};
        m_room = std::make_unique<Room>(o);
        RoomServerOptions so;
        so.host = "127.0.0.1";
        so.port = 0;
        so.asset_dir = (m_dir / "phone").string();
        so.read_timeout_seconds = 1;
        so.write_timeout_seconds = 1;
        so.keep_alive_seconds = 1;
        so.heartbeat = std::chrono::milliseconds(300);
        m_server = std::make_unique<RoomServer>(*m_room, so);
        std::string en, nl;
        ASSERT_TRUE(m_server->Start(en, nl)) << en;
        m_port = m_server->Port();
        m_client = std::make_unique<httplib::Client>("127.0.0.1", m_port);
        m_client->set_read_timeout(5, 0);
    }
    void TearDown() override {
        m_client.reset();
        m_server.reset();
        fs::remove_all(m_dir);
    }
    std::string JoinToken() {
        auto res = m_client->Post("/api/join", R"({"room":"K7QP"})", "application/json");
        EXPECT_TRUE(res);
        return res ? nlohmann::json::parse(res->body)["token"].get<std::string>() : "";
    }
    std::string AnswerBody(const std::string& token, const std::string& q, int value, int seq) {
        return nlohmann::json{{"room", "K7QP"}, {"token", token}, {"question", q},
                              {"item", 0},      {"value", value}, {"id", "a" + std::to_string(seq)},
                              {"seq", seq}}
            .dump();
    }

    fs::path m_dir;
    std::unique_ptr<Room> m_room;
    std::unique_ptr<RoomServer> m_server;
    std::unique_ptr<httplib::Client> m_client;
    int m_port = 0;
};

TEST_F(ServerTest, ServesThePageAndNothingOutsideItsFolder) {
    auto res = m_client->Get("/");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->body.find("page"), std::string::npos);
    res = m_client->Get("/app.js");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    for (const char* path : {"/../secret.js", "/%2e%2e/secret.js", "/..%2fsecret.js", "/%2e%2e%2fsecret.js",
                             "/phone/../secret.js", "/leak.js", "/passwd.js", "/sub/x.js", "/sub%2fx.js",
                             "/.hidden.js", "/notes.txt", "/APP.JS", "/app.js%00.html", "/..", "/.",
                             "//etc/passwd", "/%2fetc%2fpasswd", "/index.html/", "/..\\secret.js"}) {
        const RawResult r = Raw(m_port, std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        EXPECT_NE(StatusOf(r.response), 200) << path;
        EXPECT_EQ(r.response.find("SECRET-OUTSIDE"), std::string::npos) << path;
        EXPECT_EQ(r.response.find("root:"), std::string::npos) << path;
        EXPECT_EQ(r.response.find("hidden"), std::string::npos) << path;
    }
}

TEST_F(ServerTest, SecurityHeadersOnEveryAnswerAndNoStoreOnTheApi) {
    for (const char* path : {"/", "/nope.js", "/api/state?room=K7QP&token=x", "/api/nothing"}) {
        auto res = m_client->Get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_NE(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
                  std::string::npos)
            << path;
        EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"),
                  std::string::npos);
        EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
        EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << path;
    }
    const std::string token = JoinToken();
    auto res = m_client->Get(("/api/state?room=K7QP&token=" + token).c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
    EXPECT_EQ(res->get_header_value("Set-Cookie"), "");
}

TEST_F(ServerTest, RefusesBadRequestsWithAShortReason) {
    const std::string token = JoinToken();
    const std::string q = m_room->Open(Vote());
    // Too large: 413 before the body is read.
    auto res = m_client->Post("/api/answer", std::string(kMaxRequestBody + 1, ' '), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    EXPECT_NE(res->get_header_value("Content-Security-Policy"), "");
    // Not JSON, not an object, missing fields.
    for (const char* body : {"{", "[1,2]", "\"x\"", "{\"room\":\"K7QP\"}", "\xff\xfe"}) {
        res = m_client->Post("/api/answer", body, "application/json");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400) << body;
        const auto j = nlohmann::json::parse(res->body, nullptr, false);
        ASSERT_FALSE(j.is_discarded()) << res->body;
        EXPECT_EQ(j["error"], "bad-request");
        EXPECT_FALSE(j["message"].get<std::string>().empty());
    }
    res = m_client->Post("/api/answer", AnswerBody(token, "q404", 0, 1), "application/json");
    EXPECT_EQ(res->status, 404);
    EXPECT_EQ(nlohmann::json::parse(res->body)["error"], "no-such-question");
    res = m_client->Post("/api/answer", AnswerBody(token, q, 7, 2), "application/json");
    EXPECT_EQ(res->status, 400);
    res = m_client->Post("/api/answer", AnswerBody("0123456789abcdef0123456789abcdef", q, 0, 3),
                         "application/json");
    EXPECT_EQ(res->status, 403);
    res = m_client->Get("/api/state?room=K7QP");
    EXPECT_EQ(res->status, 403);
    res = m_client->Get(("/api/state?room=ABCD&token=" + token).c_str());
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(nlohmann::json::parse(res->body)["error"], "wrong-room");
    res = m_client->Post("/api/answer", AnswerBody(token, q, 1, 4), "application/json");
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(nlohmann::json::parse(res->body)["status"], "saved");
    // The token's answer bucket (3 at once in this test) runs out: 429 with Retry-After.
    int limited = 0;
    for (int i = 5; i < 12; ++i) {
        res = m_client->Post("/api/answer", AnswerBody(token, q, i % 2, i), "application/json");
        if (res->status == 429) {
            ++limited;
            EXPECT_EQ(res->get_header_value("Retry-After"), "1");
        }
    }
    EXPECT_GT(limited, 0);
    m_room->Close();
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    res = m_client->Post("/api/answer", AnswerBody(token, q, 0, 50), "application/json");
    EXPECT_EQ(res->status, 409);
    EXPECT_EQ(nlohmann::json::parse(res->body)["error"], "closed");
}

TEST_F(ServerTest, AnOrderThatIsNotOneIsRefusedWithItsReasonAndAGoodOneIsSaved) {
    const std::string token = JoinToken();
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Quiz;
    q->shape = AnswerShape::Order;
    q->title = Nl("Zet op volgorde");
    q->options = {Nl("a"), Nl("b"), Nl("c")};
    q->right_order = {1, 2, 0};
    q->items.resize(1);
    const std::string id = m_room->Open(q);
    auto body = [&](const nlohmann::json& value, int seq) {
        return nlohmann::json{{"room", "K7QP"}, {"token", token}, {"question", id},
                              {"item", 0},      {"value", value}, {"id", "o" + std::to_string(seq)},
                              {"seq", seq}}
            .dump();
    };
    // The answer bucket holds 3 in this test: two refusals and one good order.
    auto res = m_client->Post("/api/answer", body({0, 0, 1}, 1), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    auto j = nlohmann::json::parse(res->body);
    EXPECT_EQ(j["error"], "bad-value");
    EXPECT_EQ(j["message"], "an option is in the list twice");
    res = m_client->Post("/api/answer", body(1, 2), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(nlohmann::json::parse(res->body)["message"], "this question takes an order (a list)");
    res = m_client->Post("/api/answer", body({2, 0, 1}, 3), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(nlohmann::json::parse(res->body)["status"], "saved");
    res = m_client->Get(("/api/state?room=K7QP&token=" + token).c_str());
    ASSERT_TRUE(res);
    j = nlohmann::json::parse(res->body);
    EXPECT_EQ(j["question"]["answer"], "order");
    EXPECT_EQ(j["mine"][0]["value"], nlohmann::json::array({2, 0, 1}));
    EXPECT_EQ(res->body.find("right"), std::string::npos);
}

TEST_F(ServerTest, GarbageSlowAndSilentClientsNeverStopTheRoom) {
    std::mt19937 random(7);
    std::vector<std::string> junks;
    for (int i = 0; i < 40; ++i) {
        std::string junk(1 + random() % 3000, '\0');
        for (char& c : junk)
            c = static_cast<char>(random());
        if (i % 4 == 0)
            junk = "POST /api/answer HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n" + junk;
        if (i % 4 == 1) junk = "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\n\r\n";
        if (i % 4 == 2) junk = "GET / HTTP/1.1\r\n" + std::string(20000, 'h') + ": x\r\n\r\n";
        junks.push_back(std::move(junk));
    }
    std::vector<std::thread> attackers;
    std::atomic<int> answered_200{0};
    for (const std::string& junk : junks)
        attackers.emplace_back([&, junk] {
            const RawResult r = Raw(m_port, junk, std::chrono::milliseconds(2500));
            if (StatusOf(r.response) == 200) ++answered_200;
        });
    for (auto& t : attackers)
        t.join();
    EXPECT_EQ(answered_200, 0) << "garbage is never answered as if it were a request";
    // A client that connects and says nothing, and one that stops halfway through its request line.
    std::thread silent([&] {
        const RawResult r = Raw(m_port, "", std::chrono::seconds(8));
        EXPECT_TRUE(r.closed);
        EXPECT_LT(r.seconds, 4.0);
    });
    std::thread slow([&] {
        const RawResult r = Raw(m_port, "GET /app.js HTT", std::chrono::seconds(8));
        EXPECT_TRUE(r.closed);
        EXPECT_LT(r.seconds, 4.0);
    });
    // Meanwhile everyone else is served.
    const std::string token = JoinToken();
    EXPECT_EQ(token.size(), 32u);
    auto res = m_client->Get("/");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    silent.join();
    slow.join();
    res = m_client->Get(("/api/state?room=K7QP&token=" + token).c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
}

TEST_F(ServerTest, StreamsStateChangesAndStopsCleanlyWithStreamsOpen) {
    const std::string token = JoinToken();
    httplib::Client sse("127.0.0.1", m_port);
    sse.set_read_timeout(10, 0);
    std::mutex mutex;
    std::string received;
    std::thread reader([&] {
        sse.Get(("/api/events?room=K7QP&token=" + token).c_str(), [&](const char* data, size_t n) {
            std::lock_guard lock(mutex);
            received.append(data, n);
            return true;
        });
    });
    auto wait_for = [&](const std::string& text) {
        const auto deadline = Clock::now() + std::chrono::seconds(5);
        while (Clock::now() < deadline) {
            {
                std::lock_guard lock(mutex);
                if (received.find(text) != std::string::npos) return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    };
    EXPECT_TRUE(wait_for("event: state"));
    EXPECT_TRUE(wait_for("\"state\":\"none\""));
    const auto opened = Clock::now();
    const std::string q = m_room->Open(Vote());
    EXPECT_TRUE(wait_for("\"id\":\"" + q + "\""));
    EXPECT_LT(Clock::now() - opened, std::chrono::seconds(1));
    EXPECT_TRUE(wait_for("event: ping")); // the heartbeat (300 ms here)
    EXPECT_EQ(m_room->Snapshot().connected, 1);
    const auto stop = Clock::now();
    m_server->Stop();
    EXPECT_LT(Clock::now() - stop, std::chrono::seconds(3));
    reader.join();
    EXPECT_EQ(m_room->Snapshot().connected, 0);
    EXPECT_FALSE(m_server->Running());
    // Switched on again: the same room, the same phones.
    std::string en, nl;
    ASSERT_TRUE(m_server->Start(en, nl)) << en;
    httplib::Client again("127.0.0.1", m_server->Port());
    auto res = again.Get(("/api/state?room=K7QP&token=" + token).c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(nlohmann::json::parse(res->body)["question"]["id"], q);
}

TEST_F(ServerTest, APortInUseIsAPlainError) {
    RoomServerOptions so;
    so.host = "127.0.0.1";
    so.port = m_port;
    so.asset_dir = (m_dir / "phone").string();
    RoomServer second(*m_room, so);
    std::string en, nl;
    EXPECT_FALSE(second.Start(en, nl));
    EXPECT_NE(en.find(std::to_string(m_port)), std::string::npos);
    EXPECT_NE(nl.find("andere poort"), std::string::npos);
    so.asset_dir = (m_dir / "nothing").string();
    so.port = 0;
    RoomServer no_page(*m_room, so);
    EXPECT_FALSE(no_page.Start(en, nl));
    EXPECT_NE(en.find("STAGEBOOST_ASSETS"), std::string::npos);
}

} // namespace
