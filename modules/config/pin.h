#pragma once
// The trainer PIN: stored only as a salted slow hash (libsodium's crypto_pwhash, Argon2id), and a
// lockout that grows after 5 wrong tries. Time is passed in, so tests need no clock.
#include <cstdint>
#include <string>

namespace sb {

// A PIN is 4 to 8 digits.
bool IsValidPin(const std::string& pin);
// The hash string to store (includes salt and parameters); empty on failure.
std::string HashPin(const std::string& pin);
bool VerifyPin(const std::string& hash, const std::string& pin);

class PinGuard {
  public:
    static constexpr int kFreeTries = 5;
    // True while a wrong-PIN delay runs; `seconds_left` says how long.
    bool Locked(int64_t now_ms, int* seconds_left = nullptr) const;
    // Records a wrong PIN. From the 5th wrong try on, each adds a delay: 30 s, 60 s, 120 s ... up to 15 min.
    void Wrong(int64_t now_ms);
    void Right() { *this = PinGuard{}; }
    int WrongCount() const { return m_wrong; }

  private:
    int m_wrong = 0;
    int64_t m_locked_until = 0;
};

} // namespace sb
