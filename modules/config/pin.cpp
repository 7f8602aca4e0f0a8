#include "config/pin.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace sb {

bool IsValidPin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 8 && std::all_of(pin.begin(), pin.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c));
           });
}

std::string HashPin(const std::string& pin) {
    if (sodium_init() < 0 || !IsValidPin(pin)) return {};
    char out[crypto_pwhash_STRBYTES];
    // Interactive limits: about a tenth of a second on a mini-PC, still slow for guessing all PINs offline.
    if (crypto_pwhash_str(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return out;
}

bool VerifyPin(const std::string& hash, const std::string& pin) {
    if (sodium_init() < 0 || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || !IsValidPin(pin))
        return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0;
}

bool PinGuard::Locked(int64_t now_ms, int* seconds_left) const {
    const bool locked = now_ms < m_locked_until;
    if (seconds_left) *seconds_left = locked ? static_cast<int>((m_locked_until - now_ms + 999) / 1000) : 0;
    return locked;
}

void PinGuard::Wrong(int64_t now_ms) {
    ++m_wrong;
    if (m_wrong < kFreeTries) return;
    const int steps = std::min(m_wrong - kFreeTries, 5); // 30 s doubling, capped at 16 min
    const int64_t delay_ms = std::min<int64_t>(30'000ll << steps, 15 * 60 * 1000);
    m_locked_until = now_ms + delay_ms;
}

} // namespace sb
