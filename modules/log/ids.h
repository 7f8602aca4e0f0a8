#pragma once
// Random identifiers for the anonymous confidence log. All randomness comes from the OS random source
// (libsodium randombytes_buf), never from a seeded generator, so ids cannot be predicted or replayed.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace sb {

// A fresh session id: 128 random bits as 32 lowercase hex characters. It pairs a student's before and
// after answers and lives only as long as that student's session; it is never derived from anything
// about the person or the device.
std::string NewSessionId();

// A fresh random UUID in version 4 format ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lowercase): one per
// answer, so logs from several kiosks merge without duplicates.
std::string NewUuidV4();

// A random 63-bit positive integer (row keys that say nothing about when a row was written).
std::int64_t NewRandomKey();

// A keyed BLAKE2b hash of `parts`, joined by a separator, as 32 lowercase hex digits. The key is the first
// part (a session id that never leaves the log), so the result cannot be reversed or linked.
std::string HashHex(std::initializer_list<std::string_view> parts);

// Format checks used when recording and reading logs.
bool IsSessionId(std::string_view text); // 32 lowercase hex characters
bool IsUuidV4(std::string_view text);    // lowercase, version 4, RFC 4122 variant

} // namespace sb
