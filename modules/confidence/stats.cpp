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
    if (values.size() < 2 || !(level > 0.0) || !(level < 1.0)) {
        return std::nullopt;
    }
    const double n = static_cast<double>(values.size());
    double sum = 0.0;
    for (double v : values) {
        sum += v;
    }
    const double mean = sum / n;
    double squares = 0.0;
    for (double v : values) {
        squares += (v - mean) * (v - mean);
    }
    MeanInterval result;
    result.n = static_cast<int>(values.size());
    result.mean = mean;
    result.sd = std::sqrt(squares / (n - 1.0));
    const double half_width = StudentTQuantile(0.5 + level / 2.0, n - 1.0) * result.sd / std::sqrt(n);
    result.low = mean - half_width;
    result.high = mean + half_width;
    return result;
}

WilcoxonResult WilcoxonSignedRank(std::span<const double> differences) {
    constexpr double kSame = 1e-9;
    WilcoxonResult result;
    result.n_pairs = static_cast<int>(differences.size());

    std::vector<double> nonzero;
    nonzero.reserve(differences.size());
    for (double d : differences) {
        if (std::fabs(d) < kSame) {
            ++result.n_zero;
        } else {
            nonzero.push_back(d);
        }
    }
    result.n_used = static_cast<int>(nonzero.size());
    if (nonzero.empty()) {
        return result;
    }

    std::sort(nonzero.begin(), nonzero.end(), [](double x, double y) { return std::fabs(x) < std::fabs(y); });
    double tie_sum = 0.0; // sum of t^3 - t over tie groups
    std::size_t i = 0;
    while (i < nonzero.size()) {
        std::size_t j = i + 1;
        while (j < nonzero.size() && std::fabs(nonzero[j]) - std::fabs(nonzero[i]) < kSame) {
            ++j;
        }
        // Positions i..j-1 share ranks i+1..j: each gets the average rank.
        const double average_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            (nonzero[k] > 0 ? result.v_plus : result.v_minus) += average_rank;
        }
        const double t = static_cast<double>(j - i);
        if (j - i > 1) {
            ++result.tie_groups;
            tie_sum += t * t * t - t;
        }
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
    result.p_value = std::min(1.0, std::erfc(std::fabs(result.z) / std::numbers::sqrt2));
    result.effect_r = result.z / std::sqrt(n);
    return result;
}

} // namespace sb
