#include "confidence/stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace sb {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Continued fraction for the incomplete beta function (Numerical Recipes, 3rd ed., section 6.4),
// evaluated with the modified Lentz method.
double BetaContinuedFraction(double a, double b, double x) {
    constexpr int kMaxIterations = 10000;
    constexpr double kEpsilon = 1e-16;
    constexpr double kTiny = 1e-300;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < kTiny) {
        d = kTiny;
    }
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= kMaxIterations; ++m) {
        const int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < kTiny) {
            d = kTiny;
        }
        c = 1.0 + aa / c;
        if (std::fabs(c) < kTiny) {
            c = kTiny;
        }
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < kTiny) {
            d = kTiny;
        }
        c = 1.0 + aa / c;
        if (std::fabs(c) < kTiny) {
            c = kTiny;
        }
        d = 1.0 / d;
        const double step = d * c;
        h *= step;
        if (std::fabs(step - 1.0) < kEpsilon) {
            break;
        }
    }
    return h;
}

double StudentTDensity(double t, double df) {
    const double log_norm =
        std::lgamma((df + 1.0) / 2.0) - std::lgamma(df / 2.0) - 0.5 * std::log(df * std::numbers::pi);
    return std::exp(log_norm - (df + 1.0) / 2.0 * std::log1p(t * t / df));
}

} // namespace

double RegularizedIncompleteBeta(double a, double b, double x) {
    if (!(a > 0.0) || !(b > 0.0) || !(x >= 0.0) || !(x <= 1.0)) {
        return kNaN;
    }
    if (x == 0.0) {
        return 0.0;
    }
    if (x == 1.0) {
        return 1.0;
    }
    const double log_front =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(log_front);
    // The continued fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use the symmetry
    // I_x(a, b) = 1 - I_{1-x}(b, a).
    if (x < (a + 1.0) / (a + b + 2.0)) {
        return front * BetaContinuedFraction(a, b, x) / a;
    }
    return 1.0 - front * BetaContinuedFraction(b, a, 1.0 - x) / b;
}

double StudentTCdf(double t, double df) {
    if (std::isnan(t) || !(df > 0.0)) {
        return kNaN;
    }
    if (std::isinf(t)) {
        return t > 0 ? 1.0 : 0.0;
    }
    // P(|T| > |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2)
    const double x = df / (df + t * t);
    const double two_tail = RegularizedIncompleteBeta(df / 2.0, 0.5, x);
    return t > 0 ? 1.0 - 0.5 * two_tail : 0.5 * two_tail;
}

double StudentTQuantile(double p, double df) {
    if (!(p > 0.0) || !(p < 1.0) || !(df > 0.0)) {
        return kNaN;
    }
    if (p == 0.5) {
        return 0.0;
    }
    // Symmetric: solve for the upper half and mirror.
    if (p < 0.5) {
        return -StudentTQuantile(1.0 - p, df);
    }
    if (df == 1.0) {
        return std::tan(std::numbers::pi * (p - 0.5)); // Cauchy
    }
    if (df == 2.0) {
        return (2.0 * p - 1.0) / std::sqrt(2.0 * p * (1.0 - p));
    }
    // Bracket the root, then Newton steps that fall back to bisection when they leave the bracket.
    double low = 0.0;
    double high = 1.0;
    while (StudentTCdf(high, df) < p && high < 1e300) {
        low = high;
        high *= 2.0;
    }
    double t = 0.5 * (low + high);
    for (int i = 0; i < 200; ++i) {
        const double f = StudentTCdf(t, df) - p;
        if (f == 0.0) {
            return t;
        }
        if (f < 0.0) {
            low = t;
        } else {
            high = t;
        }
        const double density = StudentTDensity(t, df);
        double next = density > 0.0 ? t - f / density : 0.5 * (low + high);
        if (!(next > low && next < high)) {
            next = 0.5 * (low + high);
        }
        if (std::fabs(next - t) <= 1e-14 * std::max(1.0, std::fabs(t))) {
            return next;
        }
        t = next;
    }
    return t;
}

double NormalCdf(double z) {
    return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

std::optional<MeanInterval> MeanWithInterval(std::span<const double> values, double level) {
    std::vector<ValueCount> counted;
    counted.reserve(values.size());
    for (double v : values) {
        counted.push_back({v, 1});
    }
    return MeanWithInterval(std::span<const ValueCount>(counted), level);
}

std::optional<MeanInterval> MeanWithInterval(std::span<const ValueCount> values, double level) {
    long long count = 0;
    double sum = 0.0;
    for (const ValueCount& v : values) {
        count += v.count;
        sum += v.value * static_cast<double>(v.count);
    }
    if (count < 2 || !(level > 0.0) || !(level < 1.0)) {
        return std::nullopt;
    }
    const double n = static_cast<double>(count);
    const double mean = sum / n;
    double squares = 0.0;
    for (const ValueCount& v : values) {
        squares += static_cast<double>(v.count) * (v.value - mean) * (v.value - mean);
    }
    MeanInterval result;
    result.n = static_cast<int>(count);
    result.mean = mean;
    result.sd = std::sqrt(squares / (n - 1.0));
    // Equal values (within rounding of averaged answers): no spread, no interval.
    if (result.sd <= 1e-12 * std::max(1.0, std::fabs(mean))) {
        result.sd = 0.0;
        result.defined = false;
        result.low = kNaN;
        result.high = kNaN;
        return result;
    }
    const double half_width = StudentTQuantile(0.5 + level / 2.0, n - 1.0) * result.sd / std::sqrt(n);
    result.low = mean - half_width;
    result.high = mean + half_width;
    return result;
}

WilcoxonResult WilcoxonSignedRank(std::span<const double> differences) {
    std::vector<ValueCount> counted;
    counted.reserve(differences.size());
    for (double d : differences) {
        counted.push_back({d, 1});
    }
    return WilcoxonSignedRank(std::span<const ValueCount>(counted));
}

WilcoxonResult WilcoxonSignedRank(std::span<const ValueCount> differences) {
    constexpr double kSame = 1e-9;
    WilcoxonResult result;
    std::vector<ValueCount> nonzero;
    nonzero.reserve(differences.size());
    long long pairs = 0;
    long long zeros = 0;
    for (const ValueCount& d : differences) {
        pairs += d.count;
        if (std::fabs(d.value) < kSame) {
            zeros += d.count;
        } else if (d.count > 0) {
            nonzero.push_back(d);
        }
    }
    result.n_pairs = static_cast<int>(pairs);
    result.n_zero = static_cast<int>(zeros);
    long long used = 0;
    for (const ValueCount& d : nonzero) {
        used += d.count;
    }
    result.n_used = static_cast<int>(used);
    if (nonzero.empty()) {
        return result;
    }

    std::sort(nonzero.begin(), nonzero.end(), [](const ValueCount& x, const ValueCount& y) {
        return std::fabs(x.value) < std::fabs(y.value);
    });
    double tie_sum = 0.0; // sum of t^3 - t over tie groups
    double ranked = 0.0;  // ranks given so far
    std::size_t i = 0;
    while (i < nonzero.size()) {
        std::size_t j = i;
        double t = 0.0;
        while (j < nonzero.size() && std::fabs(nonzero[j].value) - std::fabs(nonzero[i].value) < kSame) {
            t += static_cast<double>(nonzero[j].count);
            ++j;
        }
        // The t values of this group share ranks ranked+1 .. ranked+t: each gets the average rank.
        const double average_rank = ranked + (t + 1.0) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            (nonzero[k].value > 0 ? result.v_plus : result.v_minus) +=
                average_rank * static_cast<double>(nonzero[k].count);
        }
        if (t > 1.0) {
            ++result.tie_groups;
            tie_sum += t * t * t - t;
        }
        ranked += t;
        i = j;
    }

    const double n = static_cast<double>(result.n_used);
    result.variance = n * (n + 1.0) * (2.0 * n + 1.0) / 24.0 - tie_sum / 48.0;
    const double centred = result.v_plus - n * (n + 1.0) / 4.0;
    const double correction = centred > 0 ? 0.5 : (centred < 0 ? -0.5 : 0.0);
    if (result.variance <= 0.0) {
        return result;
    }
    result.valid = true;
    result.z = (centred - correction) / std::sqrt(result.variance);
    result.z_uncorrected = centred / std::sqrt(result.variance);
    result.p_value = std::min(1.0, std::erfc(std::fabs(result.z) / std::numbers::sqrt2));
    result.effect_r = std::fabs(result.z_uncorrected) / std::sqrt(n);
    return result;
}

} // namespace sb
