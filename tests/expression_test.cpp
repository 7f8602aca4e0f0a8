// The role-play expression language: parsing, types, evaluation and errors with positions.
#include "core/expression.h"

#include <gtest/gtest.h>

namespace {

sb::ExprScope Scope() {
    sb::ExprScope s;
    s.variables = {"confidence", "reported", "order"};
    s.types = {sb::ValueType::Int, sb::ValueType::Bool, sb::ValueType::Int};
    s.nodes = {"start", "call-back"};
    return s;
}

sb::Value Eval(const std::string& text,
               std::vector<sb::Value> vars = {sb::Value::Int(2), sb::Value::Bool(false), sb::Value::Int(0)},
               std::vector<int> visits = {1, 3}) {
    sb::Expression e;
    sb::ExprError err;
    EXPECT_TRUE(sb::Expression::Parse(text, Scope(), e, err)) << text << ": " << err.en;
    return e.Evaluate(vars, visits);
}

} // namespace

TEST(Expression, ComparisonsLogicAndArithmetic) {
    EXPECT_EQ(Eval("confidence >= 2").i, 1);
    EXPECT_EQ(Eval("confidence > 2").i, 0);
    EXPECT_EQ(Eval("confidence + 1 == 3 and not reported").i, 1);
    EXPECT_EQ(Eval("confidence - 5 < 0 && !reported").i, 1);
    EXPECT_EQ(Eval("reported or confidence != 2").i, 0);
    EXPECT_EQ(Eval("(reported || true) && (1 <= 1)").i, 1);
    EXPECT_EQ(Eval("-confidence + 2 == 0").i, 1);
    EXPECT_EQ(Eval("order == 0").i, 1); // a name that starts with "or" is a name
}

TEST(Expression, VisitCounts) {
    EXPECT_EQ(Eval("visits(call-back) == 3").i, 1);
    EXPECT_EQ(Eval("visits(start) > 1").i, 0);
}

TEST(Expression, ErrorsSayWhereAndWhat) {
    sb::Expression e;
    sb::ExprError err;
    EXPECT_FALSE(sb::Expression::Parse("confidence >= 2 and moed", Scope(), e, err));
    EXPECT_EQ(err.offset, 20u);
    EXPECT_NE(err.en.find("moed"), std::string::npos);
    EXPECT_NE(err.nl.find("niet gedeclareerd"), std::string::npos);
    EXPECT_FALSE(
        sb::Expression::Parse("confidence and reported", Scope(), e, err)); // a number is not true/false
    EXPECT_FALSE(sb::Expression::Parse("reported + 1", Scope(), e, err));
    EXPECT_FALSE(sb::Expression::Parse("(confidence > 1", Scope(), e, err));
    EXPECT_FALSE(sb::Expression::Parse("visits(nowhere) > 0", Scope(), e, err));
    EXPECT_FALSE(sb::Expression::Parse("confidence > 1 )", Scope(), e, err));
    EXPECT_FALSE(sb::Expression::Parse(std::string(200, '(') + "1" + std::string(200, ')'), Scope(), e, err));
    EXPECT_FALSE(sb::Expression::Parse("", Scope(), e, err));
}

TEST(Effect, SetAddSubtractKeepTypes) {
    std::vector<sb::Value> vars{sb::Value::Int(2), sb::Value::Bool(false), sb::Value::Int(0)};
    const std::vector<int> visits{0, 0};
    sb::Effect e;
    sb::ExprError err;
    ASSERT_TRUE(sb::Effect::Parse("confidence += 3", Scope(), e, err)) << err.en;
    e.Apply(vars, visits);
    EXPECT_EQ(vars[0], sb::Value::Int(5));
    ASSERT_TRUE(sb::Effect::Parse("confidence -= confidence + 1", Scope(), e, err)) << err.en;
    e.Apply(vars, visits);
    EXPECT_EQ(vars[0], sb::Value::Int(-1));
    ASSERT_TRUE(sb::Effect::Parse("reported = true", Scope(), e, err)) << err.en;
    e.Apply(vars, visits);
    EXPECT_EQ(vars[1], sb::Value::Bool(true));
    EXPECT_FALSE(sb::Effect::Parse("reported += 1", Scope(), e, err));
    EXPECT_FALSE(sb::Effect::Parse("confidence = true", Scope(), e, err));
    EXPECT_FALSE(sb::Effect::Parse("courage = 1", Scope(), e, err));
    EXPECT_FALSE(sb::Effect::Parse("confidence == 1", Scope(), e, err));
}
