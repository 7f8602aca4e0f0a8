// Statistics of the confidence report, checked against values computed independently:
// - Student t quantiles and distribution: R 4.2.2 qt()/pt()/pbeta() (tests/data/log/reference_values.R),
// which
//   agree with the printed t table in the NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.2.
// - Wilcoxon signed-rank: the worked example of Hollander & Wolfe (1973), Nonparametric Statistical Methods,
//   p. 29f (Hamilton depression scale, 9 patients; also the example in R's ?wilcox.test), and Likert data,
//   each with R's wilcox.test(after, before, paired = TRUE, exact = FALSE, correct = TRUE) and t.test(paired
//   = TRUE).

#include "confidence/stats.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace {

std::vector<double> Differences(const std::vector<double>& after, const std::vector<double>& before) {
    std::vector<double> d;
    for (std::size_t i = 0; i < after.size(); ++i) {
        d.push_back(after[i] - before[i]);
    }
    return d;
}

struct QuantileCase {
    double p;
    double df;
    double expected; // R: qt(p, df)
};

TEST(StudentT, QuantilesMatchTableValues) {
    const QuantileCase cases[] = {
        {0.975, 1, 12.7062047362},    {0.975, 2, 4.3026527297},       {0.975, 3, 3.1824463053},
        {0.975, 4, 2.7764451052},     {0.975, 5, 2.5705818356},       {0.975, 10, 2.2281388520},
        {0.975, 30, 2.0422724563},    {0.975, 100, 1.9839715185},     {0.975, 1000, 1.9623390808},
        {0.95, 1, 6.3137515147},      {0.95, 2, 2.9199855804},        {0.95, 3, 2.3533634348},
        {0.95, 4, 2.1318467863},      {0.95, 5, 2.0150483733},        {0.95, 10, 1.8124611228},
        {0.95, 30, 1.6972608866},     {0.95, 100, 1.6602343261},      {0.95, 1000, 1.6463788173},
        {0.995, 1, 63.6567411629},    {0.995, 2, 9.9248432009},       {0.995, 3, 5.8409093097},
        {0.995, 4, 4.6040948713},     {0.995, 5, 4.0321429836},       {0.995, 10, 3.1692726726},
        {0.995, 30, 2.7499956536},    {0.995, 100, 2.6258905214},     {0.995, 1000, 2.5807546981},
        {0.975, 1.5, 6.0166631044},   {0.6, 4, 0.2707222947},         {0.999, 2, 22.3271247701},
        {0.975, 0.5, 164.5576734805}, {0.999, 0.3, 300718580.879125}, {0.975, 1e6, 1.9599663568},
    };
    for (const QuantileCase& c : cases) {
        EXPECT_NEAR(sb::StudentTQuantile(c.p, c.df), c.expected, 1e-8 * std::max(1.0, c.expected))
            << "p = " << c.p << ", df = " << c.df;
        // Symmetry: the lower quantile is the negative of the upper one.
        EXPECT_NEAR(sb::StudentTQuantile(1.0 - c.p, c.df), -c.expected, 1e-8 * std::max(1.0, c.expected));
    }
}

TEST(StudentT, DistributionAndIncompleteBeta) {
    EXPECT_NEAR(sb::StudentTCdf(2.0, 7), 0.957190335719, 1e-11);  // R: pt(2, 7)
    EXPECT_NEAR(sb::StudentTCdf(-1.5, 3), 0.115291932622, 1e-11); // R: pt(-1.5, 3)
    EXPECT_NEAR(sb::RegularizedIncompleteBeta(2.5, 0.5, 0.3), 0.018927124072,
                1e-11); // R: pbeta(0.3, 2.5, 0.5)
    EXPECT_DOUBLE_EQ(sb::StudentTCdf(0.0, 5), 0.5);
    EXPECT_DOUBLE_EQ(sb::StudentTQuantile(0.5, 9), 0.0);
    for (double df : {1.0, 2.5, 7.0, 40.0}) {
        for (double p : {0.01, 0.2, 0.77, 0.999}) {
            EXPECT_NEAR(sb::StudentTCdf(sb::StudentTQuantile(p, df), df), p, 1e-12);
        }
    }
}

TEST(StudentT, BadArgumentsGiveNaNNotACrash) {
    EXPECT_TRUE(std::isnan(sb::StudentTQuantile(0.0, 5)));
    EXPECT_TRUE(std::isnan(sb::StudentTQuantile(1.0, 5)));
    EXPECT_TRUE(std::isnan(sb::StudentTQuantile(0.5, 0)));
    EXPECT_TRUE(std::isnan(sb::StudentTQuantile(std::nan(""), 3)));
    EXPECT_TRUE(std::isnan(sb::RegularizedIncompleteBeta(-1, 1, 0.5)));
    EXPECT_TRUE(std::isnan(sb::RegularizedIncompleteBeta(1, 1, 1.5)));
}

TEST(NormalCdf, KnownValues) {
    EXPECT_NEAR(sb::NormalCdf(0.0), 0.5, 1e-15);
    EXPECT_NEAR(sb::NormalCdf(1.959963984540054), 0.975, 1e-12);
    EXPECT_NEAR(sb::NormalCdf(-2.0), 0.0227501319481792, 1e-14);
}

// Hollander & Wolfe (1973), p. 29f: x = first visit, y = second visit. R: wilcox.test(y, x, paired = TRUE,
// exact = FALSE, correct = TRUE) gives V = 5, p = 0.0440109840129515; t.test(y, x, paired = TRUE) gives mean
// difference -0.431888888888889, 95% CI [-0.759999065505609, -0.103778712272169].
TEST(Wilcoxon, HollanderWolfeDepressionExample) {
    const std::vector<double> x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    const std::vector<double> y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    const std::vector<double> d = Differences(y, x);

    const sb::WilcoxonResult w = sb::WilcoxonSignedRank(d);
    ASSERT_TRUE(w.valid);
    EXPECT_EQ(w.n_used, 9);
    EXPECT_EQ(w.n_zero, 0);
    EXPECT_EQ(w.tie_groups, 0);
    EXPECT_DOUBLE_EQ(w.v_plus, 5.0);
    EXPECT_DOUBLE_EQ(w.v_minus, 40.0); // the textbook's T+ = 40 for x - y
    EXPECT_NEAR(w.p_value, 0.0440109840129515, 1e-12);
    EXPECT_NEAR(w.z, -2.01398618438091, 1e-12); // R: qnorm(p / 2), sign of V - n(n+1)/4
    // r = |Z| / sqrt(n) with Z without continuity correction. R: z <- qnorm(wilcox.test(y, x, paired = TRUE,
    // exact = FALSE, correct = FALSE)$p.value / 2) = -2.073221072156822; abs(z) / sqrt(9) =
    // 0.691073690718941.
    EXPECT_NEAR(w.z_uncorrected, -2.073221072156822, 1e-12);
    EXPECT_NEAR(w.effect_r, 0.691073690718941, 1e-12);

    const auto ci = sb::MeanWithInterval(d);
    ASSERT_TRUE(ci.has_value());
    EXPECT_NEAR(ci->mean, -0.431888888888889, 1e-12);
    EXPECT_NEAR(ci->low, -0.759999065505609, 1e-10);
    EXPECT_NEAR(ci->high, -0.103778712272169, 1e-10);
}

// Likert answers with ties and zero differences. R (reference_values.R):
// wilcox.test(a, b, paired = TRUE, exact = FALSE, correct = TRUE): V = 45, p = 0.00692661032852214;
// t.test(a, b, paired = TRUE): mean difference 1, 95% CI [0.530748387180395, 1.469251612819605].
TEST(Wilcoxon, LikertWithTiesAndZeros) {
    const std::vector<double> before = {2, 3, 2, 1, 3, 4, 2, 3, 2, 3, 1, 2};
    const std::vector<double> after = {3, 4, 4, 2, 3, 4, 3, 5, 2, 4, 3, 3};
    const std::vector<double> d = Differences(after, before);

    const sb::WilcoxonResult w = sb::WilcoxonSignedRank(d);
    ASSERT_TRUE(w.valid);
    EXPECT_EQ(w.n_pairs, 12);
    EXPECT_EQ(w.n_zero, 3);
    EXPECT_EQ(w.n_used, 9);
    EXPECT_EQ(w.tie_groups, 2); // six differences of 1, three of 2
    EXPECT_DOUBLE_EQ(w.v_plus, 45.0);
    EXPECT_DOUBLE_EQ(w.v_minus, 0.0);
    // n(n+1)(2n+1)/24 - ((6^3 - 6) + (3^3 - 3)) / 48 = 71.25 - 4.875
    EXPECT_DOUBLE_EQ(w.variance, 66.375);
    EXPECT_NEAR(w.p_value, 0.00692661032852214, 1e-12);
    EXPECT_NEAR(w.z, 2.70035221250175, 1e-12);
    // R, correct = FALSE: |qnorm(p / 2)| = 2.761723853694970, r = 2.761723853694970 / sqrt(9).
    EXPECT_NEAR(w.z_uncorrected, 2.761723853694970, 1e-12);
    EXPECT_NEAR(w.effect_r, 0.920574617898323, 1e-12);

    const auto ci = sb::MeanWithInterval(d);
    ASSERT_TRUE(ci.has_value());
    EXPECT_NEAR(ci->mean, 1.0, 1e-12);
    EXPECT_NEAR(ci->low, 0.530748387180395, 1e-10);
    EXPECT_NEAR(ci->high, 1.469251612819605, 1e-10);
}

// A decrease, with a half-integer V. R: V = 2.5, p = 0.104757489849731; t.test mean -0.75,
// 95% CI [-1.615363867359476, 0.115363867359476].
TEST(Wilcoxon, DecreaseWithHalfRanks) {
    const std::vector<double> before = {4, 5, 3, 4, 4, 5, 3, 4};
    const std::vector<double> after = {3, 4, 3, 2, 4, 4, 1, 5};
    const std::vector<double> d = Differences(after, before);
    const sb::WilcoxonResult w = sb::WilcoxonSignedRank(d);
    ASSERT_TRUE(w.valid);
    EXPECT_DOUBLE_EQ(w.v_plus, 2.5);
    EXPECT_NEAR(w.p_value, 0.104757489849731, 1e-12);
    EXPECT_LT(w.z, 0.0);
    // R, correct = FALSE: qnorm(p / 2) = -1.730361825394800; r = 1.730361825394800 / sqrt(7) (one zero).
    EXPECT_NEAR(w.z_uncorrected, -1.730361825394800, 1e-12);
    EXPECT_NEAR(w.effect_r, 0.706417257101357, 1e-12);
    EXPECT_GE(w.effect_r, 0.0); // r is a size: never negative
    const auto ci = sb::MeanWithInterval(d);
    ASSERT_TRUE(ci.has_value());
    EXPECT_NEAR(ci->mean, -0.75, 1e-12);
    EXPECT_NEAR(ci->low, -1.615363867359476, 1e-10);
    EXPECT_NEAR(ci->high, 0.115363867359476, 1e-10);
}

TEST(Wilcoxon, EdgeCasesDoNotCrash) {
    const sb::WilcoxonResult empty = sb::WilcoxonSignedRank(std::vector<double>{});
    EXPECT_FALSE(empty.valid);
    EXPECT_EQ(empty.n_pairs, 0);

    const sb::WilcoxonResult zeros = sb::WilcoxonSignedRank(std::vector<double>{0, 0, 0});
    EXPECT_FALSE(zeros.valid);
    EXPECT_EQ(zeros.n_zero, 3);
    EXPECT_DOUBLE_EQ(zeros.p_value, 1.0);

    // One non-zero difference: V = 1, E = 0.5, correction 0.5, so z = 0 and p = 1 (R gives the same).
    const sb::WilcoxonResult one = sb::WilcoxonSignedRank(std::vector<double>{1});
    EXPECT_TRUE(one.valid);
    EXPECT_DOUBLE_EQ(one.z, 0.0);
    EXPECT_DOUBLE_EQ(one.p_value, 1.0);

    // Averaged answers: differences that differ only by rounding count as ties.
    const sb::WilcoxonResult rounding =
        sb::WilcoxonSignedRank(std::vector<double>{1.0 / 3.0, 1.0 - 2.0 / 3.0, 0.1 + 0.2 - 0.3});
    EXPECT_EQ(rounding.n_zero, 1);
    EXPECT_EQ(rounding.tie_groups, 1);
}

// Every difference the same: R's t.test(c(3,3,3,3,3), c(2,2,2,2,2), paired = TRUE) stops with "data are
// essentially constant". The interval is not defined, never [1, 1].
TEST(MeanWithInterval, NeedsTwoValuesAndIsNotDefinedWithoutSpread) {
    EXPECT_FALSE(sb::MeanWithInterval(std::vector<double>{}).has_value());
    EXPECT_FALSE(sb::MeanWithInterval(std::vector<double>{3.0}).has_value());
    const auto flat = sb::MeanWithInterval(std::vector<double>{1, 1, 1, 1});
    ASSERT_TRUE(flat.has_value());
    EXPECT_DOUBLE_EQ(flat->mean, 1.0);
    EXPECT_DOUBLE_EQ(flat->sd, 0.0);
    EXPECT_FALSE(flat->defined);
    EXPECT_TRUE(std::isnan(flat->low));
    EXPECT_TRUE(std::isnan(flat->high));
    // Averaged answers that are equal only up to rounding count as equal too.
    const auto rounded = sb::MeanWithInterval(std::vector<double>{1.0 / 3.0, 1.0 - 2.0 / 3.0, 1.0 / 3.0});
    ASSERT_TRUE(rounded.has_value());
    EXPECT_FALSE(rounded->defined);
}

// A row keeps counted differences, not answers: the counted forms give the same figures as the plain ones.
TEST(CountedDifferences, SameFiguresAsTheFullList) {
    const std::vector<double> before = {2, 3, 2, 1, 3, 4, 2, 3, 2, 3, 1, 2};
    const std::vector<double> after = {3, 4, 4, 2, 3, 4, 3, 5, 2, 4, 3, 3};
    const std::vector<double> d = Differences(after, before);
    const std::vector<sb::ValueCount> counted = {{1, 6}, {0, 3}, {2, 3}};
    const sb::WilcoxonResult plain = sb::WilcoxonSignedRank(d);
    const sb::WilcoxonResult grouped = sb::WilcoxonSignedRank(std::span<const sb::ValueCount>(counted));
    EXPECT_EQ(grouped.n_used, plain.n_used);
    EXPECT_EQ(grouped.tie_groups, plain.tie_groups);
    EXPECT_DOUBLE_EQ(grouped.v_plus, plain.v_plus);
    EXPECT_DOUBLE_EQ(grouped.variance, plain.variance);
    EXPECT_DOUBLE_EQ(grouped.p_value, plain.p_value);
    const auto a = sb::MeanWithInterval(d);
    const auto b = sb::MeanWithInterval(std::span<const sb::ValueCount>(counted));
    ASSERT_TRUE(a && b);
    EXPECT_NEAR(b->low, 0.530748387180395, 1e-10);
    EXPECT_NEAR(b->high, 1.469251612819605, 1e-10);
    EXPECT_NEAR(a->sd, b->sd, 1e-14);
}

} // namespace
