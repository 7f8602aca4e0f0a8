#pragma once
// The room's web server: cpp-httplib (Debian's libcpp-httplib-dev) on its own thread, serving the phone
// page and the protocol of room/protocol.h. No SDL here: the kiosk passes a wake callback to the Room.
//
// Safe by default:
// - every API request carries the room code and the phone's token; static files need neither, and come only
//   from the page's folder (a plain file name, no '/', no "..", no symlink out of it);
// - bodies over kMaxRequestBody bytes get 413; bad JSON or an unknown question a 4xx with a short reason;
// - slow clients time out (read/write timeouts; a connection that sends nothing is closed after
//   keep_alive_seconds), and each connection serves one request (no idle keep-alive, see server.cpp);
// - rate limits per token (RoomOptions); nothing about a request (address, user agent) is logged or kept;
// - CSP, nosniff, frame-ancestors 'none', no-referrer on everything; no-store on every API response.
// Updates go out as Server-Sent Events: each open stream holds one pool thread, so the pool is sized for
// the room's cap plus headroom (threads). A phone has at most one stream.
#include "room/room.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace sb {

struct RoomServerOptions {
    std::string host = "0.0.0.0"; // every interface: phones reach it over the room's network
    int port = 8080;              // 0: any free port (tests)
    std::string asset_dir;        // the phone page's folder (FindPhoneAssets)
    int threads = 0;              // 0: the room's participant cap + 56
    int read_timeout_seconds = 5;
    int write_timeout_seconds = 5;
    int keep_alive_seconds = 3; // how long a new connection may stay silent before its first request
    std::chrono::milliseconds heartbeat{20000}; // a comment on idle streams, so dead phones are noticed
};

class RoomServer {
  public:
    RoomServer(Room& room, RoomServerOptions options);
    ~RoomServer(); // stops
    RoomServer(const RoomServer&) = delete;
    RoomServer& operator=(const RoomServer&) = delete;

    // Binds and starts serving on its own thread. False with a reason in English and Dutch (the port is
    // taken, no page folder) when it cannot.
    bool Start(std::string& error_en, std::string& error_nl);
    // Ends every stream, stops listening and joins the thread. Safe to call twice.
    void Stop();
    bool Running() const { return m_thread.joinable(); }
    int Port() const { return m_port; }

  private:
    void Routes();

    Room& m_room;
    RoomServerOptions m_options;
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    std::atomic<bool> m_listen_ended{false};
    int m_port = 0;
};

// The IPv4 addresses of this machine's network interfaces other than loopback, for the join screen.
std::vector<std::string> LocalAddresses();
// "http://HOST:PORT/?r=CODE": what the QR code holds and the screen shows.
std::string JoinUrl(const std::string& host, int port, const std::string& code);

} // namespace sb
