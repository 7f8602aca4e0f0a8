#include "platform/signals.h"

#include <SDL.h>

#include <cerrno>
#include <csignal>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace sb {

namespace {

volatile sig_atomic_t g_signal = 0;
int g_pipe[2] = {-1, -1};
Uint32 g_wake_event = static_cast<Uint32>(-1);
std::thread g_watcher;
struct sigaction g_old_term, g_old_int;
bool g_watching = false;

extern "C" void OnQuitSignal(int sig) {
    const int saved_errno = errno;
    if (!g_signal) g_signal = sig;
    const unsigned char byte = static_cast<unsigned char>(sig);
    // Non-blocking: if the pipe were ever full, the watcher has bytes to wake on already.
    [[maybe_unused]] const ssize_t n = write(g_pipe[1], &byte, 1);
    errno = saved_errno;
}

void WatchPipe() {
    for (;;) {
        unsigned char byte = 0;
        const ssize_t n = read(g_pipe[0], &byte, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || byte == 0) return; // 0 is StopWatchingQuitSignals()
        // Before SDL_Init there is no queue yet; the loop reads QuitSignal() on its first pass anyway.
        if (g_wake_event != static_cast<Uint32>(-1) && SDL_WasInit(SDL_INIT_EVENTS)) {
            SDL_Event event{};
            event.type = g_wake_event;
            SDL_PushEvent(&event);
        }
    }
}

} // namespace

void WatchQuitSignals() {
    if (g_watching) return;
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (pipe2(g_pipe, O_CLOEXEC) != 0) return; // then SIGTERM keeps its default action: the kiosk still ends
    fcntl(g_pipe[1], F_SETFL, fcntl(g_pipe[1], F_GETFL) | O_NONBLOCK);
    g_wake_event = SDL_RegisterEvents(1); // needs no SDL_Init
    g_watcher = std::thread(WatchPipe);
    struct sigaction action {};
    action.sa_handler = OnQuitSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, &g_old_term);
    sigaction(SIGINT, &action, &g_old_int);
    g_watching = true;
}

int QuitSignal() {
    return g_signal;
}

void StopWatchingQuitSignals() {
    if (!g_watching) return;
    g_watching = false;
    sigaction(SIGTERM, &g_old_term, nullptr);
    sigaction(SIGINT, &g_old_int, nullptr);
    const unsigned char stop = 0;
    while (write(g_pipe[1], &stop, 1) < 0 && errno == EINTR) {
    }
    if (g_watcher.joinable()) g_watcher.join();
    close(g_pipe[0]);
    close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

} // namespace sb
