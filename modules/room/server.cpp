#include "room/server.h"

#include "room/protocol.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sb {

namespace {

namespace fs = std::filesystem;

// Only the page's own files: scripts, styles and images from this server, nothing inline, no frames.
constexpr char kCsp[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
                        "frame-ancestors 'none'";

void SecurityHeaders(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer"); // the token in an events URL never leaves the page
    res.set_header("Cross-Origin-Resource-Policy", "same-origin");
    // Answers and views are never cached; the page itself is revalidated, so an update shows at once.
    res.set_header("Cache-Control", req.path.rfind("/api/", 0) == 0 ? "no-store" : "no-cache");
}

void SendJson(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_content(body, "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message) {
    SendJson(res, status, ErrorBody(code, message));
}

// A plain file name of the page: lowercase letters, digits, '-', '_' and one extension we serve.
const char* StaticType(const std::string& name) {
    if (name.empty() || name.size() > 64 || name[0] == '.') return nullptr;
    for (char c : name)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
              c == '-' || c == '_' || c == '.'))
            return nullptr;
    if (name.find("..") != std::string::npos) return nullptr;
    const std::string ext = fs::path(name).extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    return nullptr;
}

// Reads `name` from `dir` only if, with every symlink resolved, it is a regular file inside `dir`.
bool ReadStatic(const std::string& dir, const std::string& name, std::string& out) {
    std::error_code ec;
    const fs::path root = fs::canonical(dir, ec);
    if (ec) return false;
    const fs::path file = fs::canonical(root / name, ec);
    if (ec || file.parent_path() != root || !fs::is_regular_file(file, ec)) return false;
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return in.good() || in.eof();
}

// httplib listens with a backlog of 5 (baked into Debian's library): 30 phones scanning the QR code at once
// overflow it and some get their connection reset. The listening socket is a protected member, so a
// subclass widens the backlog after binding (listen() again on a listening socket only changes it).
class Server : public httplib::Server {
  public:
    bool WidenBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }
};

struct StreamState {
    std::string token;
    uint64_t stream = 0;
    uint64_t seen = 0;
    bool first = true;
};

} // namespace

RoomServer::RoomServer(Room& room, RoomServerOptions options) : m_room(room), m_options(std::move(options)) {
    if (m_options.threads <= 0) m_options.threads = room.MaxParticipants() + 56;
}

RoomServer::~RoomServer() {
    Stop();
}

void RoomServer::Routes() {
    httplib::Server& svr = *m_server;
    Room& room = m_room;

    svr.Post("/api/join", [&room](const httplib::Request& req, httplib::Response& res) {
        std::string code, token, error;
        if (!ParseJoinBody(req.body, code, token, error)) return SendError(res, 400, "bad-request", error);
        const JoinResult r = room.Join(code, token);
        if (r.status != JoinStatus::Joined && r.status != JoinStatus::Rejoined)
            return SendError(res, HttpStatus(r.status), JoinStatusName(r.status), Reason(r.status));
        SendJson(
            res, 200,
            nlohmann::json{{"token", r.token}, {"room", room.Code()}, {"status", JoinStatusName(r.status)}}
                .dump());
    });

    svr.Get("/api/state", [&room](const httplib::Request& req, httplib::Response& res) {
        const std::string token = req.get_param_value("token");
        const AnswerStatus a = room.Authorize(req.get_param_value("room"), token);
        if (a != AnswerStatus::Saved) return SendError(res, HttpStatus(a), AnswerStatusName(a), Reason(a));
        SendJson(res, 200, PhoneViewJson(room.ViewFor(token), room.Code()).dump());
    });

    svr.Get("/api/events", [this, &room](const httplib::Request& req, httplib::Response& res) {
        const std::string token = req.get_param_value("token");
        const AnswerStatus a = room.Authorize(req.get_param_value("room"), token);
        if (a != AnswerStatus::Saved) return SendError(res, HttpStatus(a), AnswerStatusName(a), Reason(a));
        auto st = std::make_shared<StreamState>();
        st->token = token;
        st->stream = room.OpenStream(token);
        if (st->stream == 0) return SendError(res, 503, "stopping", "the server is stopping");
        res.set_header("X-Accel-Buffering", "no");
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, st](size_t, httplib::DataSink& sink) {
                std::string out;
                bool live = true;
                if (st->first) {
                    st->first = false;
                    out = "retry: 2000\n\n";
                } else {
                    live = m_room.WaitForChange(st->token, st->stream, st->seen, m_options.heartbeat);
                }
                const PhoneView view = m_room.ViewFor(st->token);
                if ((live || view.finished) && view.version != st->seen) {
                    st->seen = view.version;
                    out += "event: state\ndata: " + PhoneViewJson(view, m_room.Code()).dump() + "\n\n";
                } else if (live) {
                    out += "event: ping\ndata: {}\n\n"; // an event, not a comment: the page watches for it
                }
                if (!out.empty() && !sink.write(out.data(), out.size())) return false;
                if (!live) sink.done();
                return true;
            },
            [this, st](bool) { m_room.CloseStream(st->token, st->stream); });
    });

    svr.Post("/api/answer", [&room](const httplib::Request& req, httplib::Response& res) {
        AnswerRequest request;
        std::string error;
        if (!ParseAnswerBody(req.body, request, error)) return SendError(res, 400, "bad-request", error);
        const AnswerResult r = room.Answer(request);
        if (HttpStatus(r.status) != 200) {
            if (r.status == AnswerStatus::RateLimited) res.set_header("Retry-After", "1");
            return SendError(res, HttpStatus(r.status), AnswerStatusName(r.status),
                             r.reason.empty() ? Reason(r.status) : r.reason);
        }
        nlohmann::json j{{"status", AnswerStatusName(r.status)},
                         {"question", request.question_id},
                         {"item", request.item}};
        if (r.status == AnswerStatus::Saved) j["receipt"] = r.receipt;
        SendJson(res, 200, j.dump());
    });

    svr.Get(R"(/api/.*)", [](const httplib::Request&, httplib::Response& res) {
        SendError(res, 404, "not-found", "no such API call");
    });

    // The page's files, by plain name only: "/" is index.html; anything with a '/' in it is not matched.
    svr.Get(R"(/([^/]*))", [dir = m_options.asset_dir](const httplib::Request& req, httplib::Response& res) {
        std::string name = req.matches[1];
        if (name.empty()) name = "index.html";
        const char* type = StaticType(name);
        std::string body;
        if (!type || !ReadStatic(dir, name, body)) {
            res.status = 404;
            res.set_content("Not found\n", "text/plain; charset=utf-8");
            return;
        }
        res.set_content(std::move(body), type);
    });

    svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        switch (res.status) {
        case 413:
            return SendError(res, 413, "too-large", "the request body is too large");
        case 404:
            res.set_content("Not found\n", "text/plain; charset=utf-8");
            return;
        default:
            return SendError(res, res.status, "bad-request", "the request could not be read");
        }
    });
    svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SendError(res, 500, "internal", "something went wrong; try again");
    });
    svr.set_post_routing_handler(SecurityHeaders);
}

bool RoomServer::Start(std::string& error_en, std::string& error_nl) {
    if (Running()) return true;
    std::error_code ec;
    if (m_options.asset_dir.empty() ||
        !fs::is_regular_file(fs::path(m_options.asset_dir) / "index.html", ec)) {
        error_en = "The phone page is missing (no index.html in \"" + m_options.asset_dir +
                   "\"). Reinstall Stageboost, or set STAGEBOOST_ASSETS to its assets folder.";
        error_nl = "De telefoonpagina ontbreekt (geen index.html in \"" + m_options.asset_dir +
                   "\"). Installeer Stageboost opnieuw, of zet STAGEBOOST_ASSETS op de map assets.";
        return false;
    }
    auto server = std::make_unique<Server>();
    Server* raw = server.get();
    m_server = std::move(server);
    const size_t threads = static_cast<size_t>(m_options.threads);
    m_server->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second kiosk bind the
    // same port silently and take half of the phones.
    m_server->set_socket_options([](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    m_server->set_payload_max_length(kMaxRequestBody);
    m_server->set_read_timeout(m_options.read_timeout_seconds, 0);
    m_server->set_write_timeout(m_options.write_timeout_seconds, 0);
    m_server->set_keep_alive_timeout(m_options.keep_alive_seconds);
    // One request per connection: httplib waits for a connection's next request by polling every 10 ms on a
    // pool thread, which would cost CPU and hold a thread per idle phone. Phones reconnect cheaply instead.
    m_server->set_keep_alive_max_count(1);
    m_server->set_tcp_nodelay(true);
    Routes();
    m_room.SetStreamsStopped(false);
    if (m_options.port == 0) {
        m_port = m_server->bind_to_any_port(m_options.host);
    } else {
        m_port = m_server->bind_to_port(m_options.host, m_options.port) ? m_options.port : -1;
    }
    if (m_port <= 0) {
        error_en = "Port " + std::to_string(m_options.port) +
                   " cannot be used (another program may be using it). Choose another port in the settings.";
        error_nl =
            "Poort " + std::to_string(m_options.port) +
            " is niet te gebruiken (misschien gebruikt een ander programma hem). Kies een andere poort "
            "in de instellingen.";
        m_server.reset();
        m_port = 0;
        return false;
    }
    raw->WidenBacklog(1024);
    m_listen_ended = false;
    m_thread = std::thread([this] {
        m_server->listen_after_bind();
        m_listen_ended = true;
    });
    // httplib's stop() does nothing until its thread has marked itself running, so a Stop() right after
    // Start() would leave the thread in accept() for ever: wait (briefly, once) until it runs.
    for (int i = 0; i < 2000 && !m_server->is_running() && !m_listen_ended; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return true;
}

void RoomServer::Stop() {
    if (!m_server) return;
    m_room.SetStreamsStopped(true); // streams end now instead of at their next heartbeat
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
    m_port = 0;
}

std::vector<std::string> LocalAddresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        if ((a->ifa_flags & IFF_LOOPBACK) || !(a->ifa_flags & IFF_UP)) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) out.push_back(text);
    }
    freeifaddrs(list);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string JoinUrl(const std::string& host, int port, const std::string& code) {
    return "http://" + host + (port == 80 ? "" : ":" + std::to_string(port)) + "/?r=" + code;
}

} // namespace sb
