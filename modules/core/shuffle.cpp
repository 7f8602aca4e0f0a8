#include "core/shuffle.h"

#include <numeric>
#include <utility>

namespace sb {

std::vector<int> ShuffledIndices(size_t n, uint64_t seed) {
    std::vector<int> v(n);
    std::iota(v.begin(), v.end(), 0);
    uint64_t state = seed;
    auto next = [&state] {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    for (size_t i = n; i > 1; --i)
        std::swap(v[i - 1], v[next() % i]);
    return v;
}

} // namespace sb
