#pragma once
// The kiosk's clocks, injected: scripts run on virtual time, so a test of a countdown takes no real time.
#include <chrono>
#include <cstdint>

namespace sb {

class Clock {
  public:
    virtual ~Clock() = default;
    // Milliseconds on a steady clock, for timers (idle, countdowns, the trainer gesture).
    virtual int64_t SteadyMs() const = 0;
    // The calendar time, for the date and part of day of an answer and "today" on the results screen.
    virtual std::chrono::system_clock::time_point WallNow() const = 0;
};

// A clock that a test (or a script) moves by hand.
class ManualClock : public Clock {
  public:
    explicit ManualClock(std::chrono::system_clock::time_point wall_start = std::chrono::system_clock::now())
        : m_wall_start(wall_start) {}
    int64_t SteadyMs() const override { return m_ms; }
    std::chrono::system_clock::time_point WallNow() const override {
        return m_wall_start + std::chrono::milliseconds(m_ms);
    }
    void Advance(int64_t ms) { m_ms += ms; }

  private:
    std::chrono::system_clock::time_point m_wall_start;
    int64_t m_ms = 0;
};

} // namespace sb
