#pragma once
// Statistics for the before/after confidence report, written out here so they can be checked line by line
// against a textbook and need no statistics library. Reference values in tests/confidence_stats_test.cpp
// come from R 4.2 (tests/data/log/reference_values.R) and from Hollander & Wolfe (1973).

#include <optional>
#include <span>

namespace sb {

// Regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 <= x <= 1 (continued fraction,
// Lentz's method). Returns NaN for arguments outside that range.
double RegularizedIncompleteBeta(double a, double b, double x);

// Student's t distribution with df > 0 degrees of freedom (df need not be whole).
double StudentTCdf(double t, double df);
// The p-quantile, 0 < p < 1: the t with StudentTCdf(t, df) == p, to about 1e-12. NaN outside the range.
double StudentTQuantile(double p, double df);

// Standard normal distribution function.
double NormalCdf(double z);

struct MeanInterval {
    int n = 0;
    double mean = 0.0;
    double sd = 0.0;  // sample standard deviation (n - 1 in the denominator)
    double low = 0.0; // confidence limits: mean -/+ t(1 - alpha/2, n - 1) * sd / sqrt(n)
    double high = 0.0;
    // False when every value is the same (sd = 0): a t interval is then not defined (R's t.test stops with
    // "data are essentially constant"); low and high are NaN.
    bool defined = true;
};

// A value and how often it occurs: the statistics below need no more than this of a group.
struct ValueCount {
    double value = 0.0;
    long long count = 0;
};

// Mean with a two-sided t-based confidence interval (as R's t.test). Needs at least 2 values.
std::optional<MeanInterval> MeanWithInterval(std::span<const double> values, double level = 0.95);
std::optional<MeanInterval> MeanWithInterval(std::span<const ValueCount> values, double level = 0.95);

// Wilcoxon signed-rank test on paired differences (after - before), as R's
// wilcox.test(after, before, paired = TRUE, exact = FALSE, correct = TRUE):
// - zero differences are dropped (Wilcoxon's original method);
// - tied absolute differences get their average rank, and the variance is corrected for ties:
//   n(n+1)(2n+1)/24 - sum(t^3 - t)/48 over groups of t tied values;
// - normal approximation with continuity correction: z = (V - n(n+1)/4 - 0.5 sign) / sqrt(variance);
// - two-sided p-value from that z;
// - effect size r = |Z| / sqrt(n) with Z *without* continuity correction, (V - n(n+1)/4) / sqrt(variance),
//   and n the non-zero pairs (Rosenthal's r as rcompanion's wilcoxonPairedR computes it).
// Differences closer than 1e-9 count as equal (averaged answers are not exact in binary).
struct WilcoxonResult {
    bool valid = false;         // false when every difference is zero (nothing to test)
    int n_pairs = 0;            // all differences given
    int n_zero = 0;             // zero differences, dropped
    int n_used = 0;             // non-zero differences ranked
    int tie_groups = 0;         // groups of tied absolute differences (size > 1)
    double v_plus = 0.0;        // sum of ranks of positive differences (R's V)
    double v_minus = 0.0;       // sum of ranks of negative differences
    double variance = 0.0;      // tie-corrected variance of V
    double z = 0.0;             // continuity-corrected; positive when after > before
    double z_uncorrected = 0.0; // without continuity correction
    double p_value = 1.0;       // two-sided
    double effect_r = 0.0;      // |z_uncorrected| / sqrt(n_used)
};

WilcoxonResult WilcoxonSignedRank(std::span<const double> differences);
// The same from counted differences (a report's row keeps only these).
WilcoxonResult WilcoxonSignedRank(std::span<const ValueCount> differences);

} // namespace sb
