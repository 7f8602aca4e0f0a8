#pragma once
// SIGTERM and SIGINT (systemctl stop, Ctrl+C in a terminal) end the kiosk cleanly: the loop ends, every
// answer is flushed and the log closed, within a second. By default SDL turns both into SDL_QUIT, which a
// locked fullscreen kiosk must ignore (that is what Alt+F4 and a window close send), so `systemctl stop`
// would wait for SIGKILL. Instead SDL installs no handlers, ours write the signal to a self-pipe (all a
// handler may safely do), and a thread reading the pipe wakes the event loop with an SDL user event
// (SDL_PushEvent is thread-safe but not async-signal-safe).
//
//     WatchQuitSignals();            // before SDL_Init
//     ... loop: if (QuitSignal()) break;
//     StopWatchingQuitSignals();     // before SDL_Quit
namespace sb {

// Sets SDL_HINT_NO_SIGNAL_HANDLERS, installs the SIGTERM and SIGINT handlers and starts the watcher thread.
// Call once, before SDL_Init.
void WatchQuitSignals();

// The signal that asked the kiosk to end (SIGTERM or SIGINT), or 0.
int QuitSignal();

// Stops the watcher thread and puts the previous handlers back. Safe to call more than once, or without
// Watch.
void StopWatchingQuitSignals();

} // namespace sb
