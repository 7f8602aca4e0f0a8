#pragma once
// The one seeded shuffle: quiz questions and options, and role-play choices, all in a fair order that the
// same seed always gives again (tests, undo, a live reload).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sb {

// 0..n-1 in an order that depends only on `seed` (splitmix64 driving Fisher-Yates).
std::vector<int> ShuffledIndices(size_t n, uint64_t seed);

} // namespace sb
