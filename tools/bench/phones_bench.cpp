// phones_bench: 200 phones in a room answering 20 questions over 127.0.0.1, with garbage requests, oversized
// bodies, unknown tokens and slow clients at the same time. The room and its web server run in this process
// (the host, as in the kiosk), the phones in a forked child, so the host's CPU is measured alone.
//
// Prints: requests per second, the latency from an answer being sent to it showing in the room's snapshot
// (median and p99; the kiosk takes a snapshot when the room's wake callback fires, as the kiosk's SDL loop
// would), the host's CPU, lost and duplicated answers (must be 0), and the host's idle CPU with 200 phones
// connected and nobody answering (target about 0). Not a test: figures depend on the machine.
//
//   phones_bench [--phones N] [--questions N] [--gap-ms N] [--idle-seconds N] [--assets DIR]
// --gap-ms is the pause between questions (default 1000): back to back, each phone would answer faster than
// its rate limit (RoomOptions::answers) allows, which a class never does.
// Bounded: at most 200 phones, 20 questions, 30 s of idle measuring; a watchdog ends it after 240 s.
#include "room/assets.h"
#include "room/protocol.h"
#include "room/room.h"
#include "room/server.h"

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace sb;

int64_t NowNs() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts); // the same clock in both processes
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double CpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

constexpr int kOptions = 4;
// What phone p finally answers to question q, and whether it first picks something else or retries.
int FinalValue(int p, int q) {
    return (p * 7 + q * 3) % kOptions;
}
bool Changes(int p) {
    return p % 10 == 0;
}
bool Retries(int p) {
    return p % 10 == 1;
}

// ---- a minimal HTTP/1.1 client over blocking sockets (the server closes after each answer)
int Connect(int port, int timeout_ms = 10000) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

struct HttpResult {
    int status = 0;
    std::string body;
};

HttpResult Exchange(int port, const std::string& request, int timeout_ms = 10000) {
    HttpResult r;
    const int fd = Connect(port, timeout_ms);
    if (fd < 0) return r;
    send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string in;
    char buf[4096];
    for (;;) {
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        in.append(buf, static_cast<size_t>(n));
    }
    close(fd);
    if (in.rfind("HTTP/1.1 ", 0) == 0) r.status = std::atoi(in.c_str() + 9);
    const size_t body = in.find("\r\n\r\n");
    if (body != std::string::npos) r.body = in.substr(body + 4);
    return r;
}

std::string Post(const std::string& path, const std::string& body) {
    return "POST " + path +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

// ---- the phones (child process)
struct Job {
    int phone;
    std::string question;
    int q;
};

struct Sent {
    uint64_t receipt;
    int64_t sent_ns;  // the attempt that was taken
    int64_t first_ns; // the first attempt (earlier when the rate limit made the phone wait)
};

int RunPhones(int port, const std::string& code, int phones, int control_fd, const std::string& out_path) {
    std::vector<std::string> tokens(phones);
    for (int p = 0; p < phones; ++p) {
        const HttpResult r = Exchange(port, Post("/api/join", "{\"room\":\"" + code + "\"}"));
        if (r.status != 200) {
            std::fprintf(stderr, "join %d failed: %d\n", p, r.status);
            return 1;
        }
        tokens[p] = nlohmann::json::parse(r.body)["token"];
    }
    std::mutex mutex;
    std::condition_variable jobs_cv;
    std::deque<Job> jobs;
    std::atomic<bool> stop{false}, abuse_stop{false};
    std::atomic<uint64_t> requests{0}, failed{0}, abuse_requests{0}, abuse_refused{0}, slow_rounds{0};
    std::vector<Sent> sent;

    // One update stream per phone; a new open question makes the phone answer it, as a person would.
    std::vector<int> stream_fds(phones, -1);
    std::vector<std::thread> streams;
    for (int p = 0; p < phones; ++p) {
        streams.emplace_back([&, p] {
            const int fd = Connect(port);
            if (fd < 0) return;
            timeval tv{0, 0};
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            stream_fds[p] = fd;
            const std::string req = "GET /api/events?room=" + code + "&token=" + tokens[p] +
                                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
            send(fd, req.data(), req.size(), MSG_NOSIGNAL);
            std::string buffer, last_question;
            char buf[8192];
            while (!stop) {
                const ssize_t n = recv(fd, buf, sizeof buf, 0);
                if (n <= 0) break;
                buffer.append(buf, static_cast<size_t>(n));
                size_t at;
                while ((at = buffer.find("event: state\ndata: ")) != std::string::npos) {
                    const size_t end = buffer.find("\n\n", at);
                    if (end == std::string::npos) break;
                    const std::string data = buffer.substr(at + 19, end - at - 19);
                    buffer.erase(0, end + 2);
                    const auto v = nlohmann::json::parse(data, nullptr, false);
                    if (v.is_discarded() || !v["question"].is_object() || v["state"] != "open") continue;
                    const std::string id = v["question"]["id"];
                    if (id == last_question) continue;
                    last_question = id;
                    std::lock_guard lock(mutex);
                    jobs.push_back({p, id, std::stoi(id.substr(1)) - 1});
                    jobs_cv.notify_one();
                }
                if (buffer.size() > 65536) buffer.clear();
            }
        });
    }
    // Workers send the answers (several phones at once, as a class does).
    std::vector<std::thread> workers;
    std::atomic<uint64_t> seq{1};
    auto answer = [&](const Job& job, int value, const std::string& id) {
        const nlohmann::json body{{"room", code},
                                  {"token", tokens[job.phone]},
                                  {"question", job.question},
                                  {"item", 0},
                                  {"value", value},
                                  {"id", id},
                                  {"seq", seq++}};
        const int64_t first = NowNs();
        for (int attempt = 0; attempt < 20; ++attempt) {
            const int64_t t0 = NowNs();
            const HttpResult r = Exchange(port, Post("/api/answer", body.dump()));
            ++requests;
            if (r.status == 200) {
                const auto j = nlohmann::json::parse(r.body, nullptr, false);
                if (!j.is_discarded() && j.contains("receipt")) {
                    std::lock_guard lock(mutex);
                    sent.push_back({j["receipt"].get<uint64_t>(), t0, first});
                }
                return;
            }
            if (r.status == 409 || r.status == 404) return; // the trainer closed it already: nothing to retry
            ++failed; // 429 or a refused connection: retry with the same id, as the page does
            std::this_thread::sleep_for(std::chrono::milliseconds(50 * (attempt + 1)));
        }
    };
    for (int w = 0; w < 24; ++w)
        workers.emplace_back([&] {
            for (;;) {
                Job job;
                {
                    std::unique_lock lock(mutex);
                    jobs_cv.wait(lock, [&] { return stop || !jobs.empty(); });
                    if (stop && jobs.empty()) return;
                    job = jobs.front();
                    jobs.pop_front();
                }
                const int final_value = FinalValue(job.phone, job.q);
                const std::string id = "p" + std::to_string(job.phone) + "q" + std::to_string(job.q);
                if (Changes(job.phone)) answer(job, (final_value + 1) % kOptions, id + "first");
                answer(job, final_value, id);
                if (Retries(job.phone)) answer(job, final_value, id); // a lost response: the same tap again
            }
        });
    // Abuse while the class answers: garbage, oversized bodies, unknown tokens, bad JSON, slow clients.
    std::vector<std::thread> abusers;
    for (int a = 0; a < 4; ++a)
        abusers.emplace_back([&, a] {
            std::mt19937 random(a + 1);
            while (!abuse_stop) {
                std::string req;
                switch (random() % 5) {
                case 0: {
                    std::string junk(200 + random() % 1500, ' ');
                    for (char& c : junk)
                        c = static_cast<char>(random());
                    req = junk;
                    break;
                }
                case 1:
                    req = Post("/api/answer", std::string(kMaxRequestBody * 2, 'x'));
                    break;
                case 2:
                    req = Post(
                        "/api/answer",
                        R"({"room":")" + code +
                            R"(","token":"0123456789abcdef0123456789abcdef","question":"q1","item":0,"value":1,"id":"x","seq":1})");
                    break;
                case 3:
                    req = Post("/api/answer", "{\"room\": [1, 2");
                    break;
                default:
                    req = "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n";
                }
                // An attacker does not wait for answers: it sends and moves on after a short while.
                const HttpResult r = Exchange(port, req, 300);
                ++abuse_requests;
                if (r.status >= 400 || r.status == 0) ++abuse_refused;
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
    // Slow clients: connect, send half a request line, a byte now and then; reconnect when dropped.
    for (int s = 0; s < 2; ++s)
        abusers.emplace_back([&] {
            std::vector<int> fds;
            while (!abuse_stop) {
                while (fds.size() < 10) {
                    const int fd = Connect(port);
                    if (fd < 0) break;
                    send(fd, "GET /app", 8, MSG_NOSIGNAL);
                    fds.push_back(fd);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(700));
                for (int& fd : fds) {
                    if (send(fd, ".", 1, MSG_NOSIGNAL) <= 0) {
                        close(fd);
                        fd = -1;
                    }
                }
                fds.erase(std::remove(fds.begin(), fds.end(), -1), fds.end());
                ++slow_rounds;
            }
            for (int fd : fds)
                close(fd);
        });

    // The host says "idle" when the questions are done, and closes the pipe when it has measured.
    char c;
    const int64_t start = NowNs();
    int64_t answers_end = 0;
    while (read(control_fd, &c, 1) == 1) {
        if (c == 'i') {
            answers_end = NowNs();
            abuse_stop = true;
        }
    }
    if (!answers_end) answers_end = NowNs();
    abuse_stop = true;
    stop = true;
    jobs_cv.notify_all();
    for (int fd : stream_fds)
        if (fd >= 0) shutdown(fd, SHUT_RDWR);
    for (auto& t : workers)
        t.join();
    for (auto& t : abusers)
        t.join();
    for (auto& t : streams)
        t.join();
    nlohmann::json out{{"requests", requests.load()},      {"failed", failed.load()},
                       {"abuse", abuse_requests.load()},   {"abuseRefused", abuse_refused.load()},
                       {"slowRounds", slow_rounds.load()}, {"seconds", (answers_end - start) / 1e9}};
    nlohmann::json list = nlohmann::json::array();
    for (const Sent& s : sent)
        list.push_back({s.receipt, s.sent_ns, s.first_ns});
    out["sent"] = list;
    std::ofstream(out_path) << out.dump();
    return 0;
}

std::shared_ptr<RoomQuestion> Question() {
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Vote;
    q->title = LocalText(std::map<std::string, std::string>{{"nl", "Wat doe jij?"}});
    for (int i = 0; i < kOptions; ++i)
        q->options.push_back(
            LocalText(std::map<std::string, std::string>{{"nl", "optie " + std::to_string(i)}}));
    q->items.resize(1);
    return q;
}

double Percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char** argv) {
    int phones = 200, questions = 20, idle_seconds = 10, gap_ms = 1000;
    std::string assets;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--phones") phones = std::clamp(std::atoi(argv[i + 1]), 5, 200);
        if (a == "--questions") questions = std::clamp(std::atoi(argv[i + 1]), 1, 20);
        if (a == "--idle-seconds") idle_seconds = std::clamp(std::atoi(argv[i + 1]), 1, 30);
        if (a == "--assets") assets = argv[i + 1];
        if (a == "--gap-ms") gap_ms = std::clamp(std::atoi(argv[i + 1]), 0, 10000);
    }
    signal(SIGPIPE, SIG_IGN);
    alarm(240); // the watchdog: a hung benchmark ends
    const std::string code = "BNCH";
    const std::string out_path = "/tmp/phones_bench_" + std::to_string(getpid()) + ".json";
    int port_pipe[2], control_pipe[2];
    if (pipe(port_pipe) != 0 || pipe(control_pipe) != 0) return 1;
    const pid_t child = fork(); // before any thread exists in this process
    if (child == 0) {
        close(port_pipe[1]);
        close(control_pipe[1]);
        int port = 0;
        if (read(port_pipe[0], &port, sizeof port) != sizeof port) _exit(1);
        _exit(RunPhones(port, code, phones, control_pipe[0], out_path));
    }
    close(port_pipe[0]);
    close(control_pipe[0]);

    // ---- the host: the room, the server, and a "kiosk" that takes a snapshot on every wake
    std::mutex wake_mutex;
    std::condition_variable woken;
    bool wake = false, kiosk_stop = false;
    RoomOptions ro;
    ro.code = code;
    ro.wake = [&] {
        std::lock_guard lock(wake_mutex);
        wake = true;
        woken.notify_one();
    };
    Room room(ro);
    RoomServerOptions so;
    so.host = "127.0.0.1";
    so.port = 0;
    so.asset_dir = FindPhoneAssets(assets);
    RoomServer server(room, so);
    std::string en, nl;
    if (!server.Start(en, nl)) {
        std::fprintf(stderr, "%s\n", en.c_str());
        kill(child, SIGKILL);
        return 1;
    }
    const int port = server.Port();
    if (write(port_pipe[1], &port, sizeof port) != sizeof port) return 1;

    std::mutex seen_mutex;
    std::condition_variable seen_cv;
    std::vector<std::pair<int64_t, uint64_t>> seen; // (time, answers applied) of each snapshot
    RoomSnapshot latest;
    std::thread kiosk([&] {
        for (;;) {
            {
                std::unique_lock lock(wake_mutex);
                woken.wait(lock, [&] { return wake || kiosk_stop; });
                if (kiosk_stop) return;
                wake = false;
            }
            RoomSnapshot s = room.Snapshot();
            const int64_t t = NowNs();
            std::lock_guard lock(seen_mutex);
            seen.emplace_back(t, s.counters.answers_applied);
            latest = std::move(s);
            seen_cv.notify_all();
        }
    });
    auto wait_until = [&](auto predicate, std::chrono::seconds timeout) {
        std::unique_lock lock(seen_mutex);
        return seen_cv.wait_for(lock, timeout, [&] { return predicate(latest); });
    };

    if (!wait_until([&](const RoomSnapshot& s) { return s.connected == phones; }, std::chrono::seconds(60))) {
        std::fprintf(stderr, "only %d of %d phones connected\n", latest.connected, phones);
    }
    const double cpu0 = CpuSeconds();
    const int64_t t0 = NowNs();
    int lost = 0, wrong_tallies = 0;
    double open_seconds = 0; // time questions were open: the answering windows
    uint64_t expected_applied = 0;
    for (int q = 0; q < questions; ++q) {
        const int64_t opened = NowNs();
        room.Open(Question());
        for (int p = 0; p < phones; ++p)
            expected_applied += Changes(p) ? 2 : 1;
        wait_until(
            [&](const RoomSnapshot& s) {
                return s.answered == phones && s.counters.answers_applied >= expected_applied;
            },
            std::chrono::seconds(30));
        const RoomSnapshot s = room.Snapshot();
        std::vector<int> expected(kOptions, 0);
        for (int p = 0; p < phones; ++p)
            ++expected[FinalValue(p, q)];
        lost += phones - s.answered;
        if (s.tallies.empty() || s.tallies[0].counts != expected) ++wrong_tallies;
        room.Close();
        open_seconds += (NowNs() - opened) / 1e9;
        // The trainer talks between questions; a class answers a few questions a minute, not one a second.
        std::this_thread::sleep_for(std::chrono::milliseconds(gap_ms));
    }
    const double answer_cpu = CpuSeconds() - cpu0;
    const double answer_seconds = (NowNs() - t0) / 1e9;
    room.Clear();
    if (write(control_pipe[1], "i", 1) != 1) return 1; // the phones stop the abuse; everyone stays connected

    // ---- idle: 200 phones connected, nobody answering
    std::this_thread::sleep_for(std::chrono::seconds(5)); // slow clients' connections time out first
    const int connected_idle = room.Snapshot().connected;
    const double idle0 = CpuSeconds();
    std::this_thread::sleep_for(std::chrono::seconds(idle_seconds));
    const double idle_cpu = CpuSeconds() - idle0;
    const RoomSnapshot final_snapshot = room.Snapshot();
    close(control_pipe[1]);
    int status = 0;
    waitpid(child, &status, 0);
    {
        std::lock_guard lock(wake_mutex);
        kiosk_stop = true;
        woken.notify_one();
    }
    kiosk.join();
    server.Stop();

    std::ifstream in(out_path);
    const auto result = nlohmann::json::parse(in, nullptr, false);
    std::remove(out_path.c_str());
    if (result.is_discarded()) {
        std::fprintf(stderr, "the phones' process left no result (status %d)\n", status);
        return 1;
    }
    std::vector<double> latencies, with_waits;
    for (const auto& s : result["sent"]) {
        const uint64_t receipt = s[0];
        const int64_t sent_ns = s[1], first_ns = s[2];
        auto it = std::lower_bound(seen.begin(), seen.end(), receipt,
                                   [](const auto& a, uint64_t r) { return a.second < r; });
        if (it == seen.end()) continue;
        latencies.push_back((it->first - sent_ns) / 1e6);
        with_waits.push_back((it->first - first_ns) / 1e6);
    }
    const uint64_t applied = final_snapshot.counters.answers_applied;
    const long long duplicated = static_cast<long long>(applied) - static_cast<long long>(expected_applied);
    const double total_requests = result["requests"].get<double>() + result["abuse"].get<double>();
    const double p50 = Percentile(latencies, 0.5), p99 = Percentile(latencies, 0.99);
    std::printf("phones_bench: %d phones, %d questions, loopback, abuse alongside\n", phones, questions);
    std::printf("  requests per second        %8.0f   (%.0f answers + %.0f abuse in %.1f s)\n",
                total_requests / result["seconds"].get<double>(), result["requests"].get<double>(),
                result["abuse"].get<double>(), result["seconds"].get<double>());
    std::printf("  answers per second, open   %8.0f   (answer requests while a question was open, %.1f s)\n",
                result["requests"].get<double>() / open_seconds, open_seconds);
    std::printf("  answer -> snapshot median  %8.1f ms\n", p50);
    std::printf("  answer -> snapshot p99     %8.1f ms   target <= 250 ms  %s\n", p99,
                p99 <= 250 ? "ok" : "OVER");
    std::printf("  answers measured           %8zu\n", latencies.size());
    std::printf("  p99 counted from the first try, rate-limit waits included: %.1f ms\n",
                Percentile(with_waits, 0.99));
    std::printf("  host CPU while answering   %8.2f s in %.1f s (%.0f%% of one core)\n", answer_cpu,
                answer_seconds, 100 * answer_cpu / answer_seconds);
    std::printf("  lost answers               %8d   target 0  %s\n", lost, lost == 0 ? "ok" : "FAIL");
    std::printf("  duplicated answers         %8lld   target 0  %s\n", duplicated,
                duplicated == 0 ? "ok" : "FAIL");
    std::printf("  wrong tallies              %8d   target 0  %s\n", wrong_tallies,
                wrong_tallies == 0 ? "ok" : "FAIL");
    std::printf("  retried (429 or refused)   %8.0f\n", result["failed"].get<double>());
    std::printf(
        "  abuse refused              %8.0f of %.0f (4xx or dropped); slow clients held 20 connections\n",
        result["abuseRefused"].get<double>(), result["abuse"].get<double>());
    std::printf("  rate limited / refused     %8llu / %llu (room counters)\n",
                static_cast<unsigned long long>(final_snapshot.counters.rate_limited),
                static_cast<unsigned long long>(final_snapshot.counters.refused));
    std::printf("  idle CPU, %3d connected    %8.3f s in %d s (%.2f%% of one core)   target about 0\n",
                connected_idle, idle_cpu, idle_seconds, 100 * idle_cpu / idle_seconds);
    return lost == 0 && duplicated == 0 && wrong_tallies == 0 ? 0 : 1;
}
