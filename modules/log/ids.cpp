#include "log/ids.h"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <string_view>

namespace sb {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void RandomBytes(std::array<std::uint8_t, 16>& bytes) {
    // sodium_init is idempotent and thread-safe; it makes sure the OS random source is set up.
    static const int init_result = sodium_init();
    (void)init_result;
    randombytes_buf(bytes.data(), bytes.size());
}

// A table, since readers check two ids on every row of a million-answer log.
constexpr std::array<bool, 256> kIsLowerHex = [] {
    std::array<bool, 256> table{};
    for (char c : std::string_view("0123456789abcdef")) {
        table[static_cast<unsigned char>(c)] = true;
    }
    return table;
}();

bool IsLowerHex(char c) {
    return kIsLowerHex[static_cast<unsigned char>(c)];
}

} // namespace

std::string NewSessionId() {
    std::array<std::uint8_t, 16> bytes{};
    RandomBytes(bytes);
    std::string id;
    id.reserve(32);
    for (std::uint8_t b : bytes) {
        id += kHex[b >> 4];
        id += kHex[b & 0x0f];
    }
    return id;
}

std::string NewUuidV4() {
    std::array<std::uint8_t, 16> bytes{};
    RandomBytes(bytes);
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    std::string uuid;
    uuid.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            uuid += '-';
        }
        uuid += kHex[bytes[i] >> 4];
        uuid += kHex[bytes[i] & 0x0f];
    }
    return uuid;
}

std::int64_t NewRandomKey() {
    static const int init_result = sodium_init();
    (void)init_result;
    std::uint64_t value = 0;
    while (value == 0) {
        randombytes_buf(&value, sizeof value);
        value &= 0x7fffffffffffffffULL;
    }
    return static_cast<std::int64_t>(value);
}

std::string HashHex(std::initializer_list<std::string_view> parts) {
    static const int init_result = sodium_init();
    (void)init_result;
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 16);
    bool first = true;
    for (std::string_view part : parts) {
        if (!first) {
            const unsigned char separator = 0x1f;
            crypto_generichash_update(&state, &separator, 1);
        }
        first = false;
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
    }
    unsigned char out[16];
    crypto_generichash_final(&state, out, sizeof out);
    std::string hex;
    hex.reserve(32);
    for (unsigned char b : out) {
        hex += kHex[b >> 4];
        hex += kHex[b & 0x0f];
    }
    return hex;
}

bool IsSessionId(std::string_view text) {
    if (text.size() != 32) {
        return false;
    }
    bool hex = true;
    for (char c : text) {
        hex &= IsLowerHex(c);
    }
    return hex;
}

bool IsUuidV4(std::string_view text) {
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-') {
        return false;
    }
    bool hex = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        hex &= IsLowerHex(text[i]) || i == 8 || i == 13 || i == 18 || i == 23;
    }
    if (!hex) {
        return false;
    }
    const char variant = text[19];
    return text[14] == '4' && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b');
}

} // namespace sb
