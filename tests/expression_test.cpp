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

TEST(Expression, VisitsFindsNodesInALargeStory) {
    // Thousands of nodes are indexed rather than scanned; the index follows a list that grows or changes.
    sb::ExprScope s;
    for (int k = 0; k < 5000; ++k)
        s.nodes.push_back("node-" + std::to_string(k));
    s.nodes.push_back("node-7"); // a duplicate id (the loader reports it): the first one counts, as in a scan
    sb::Expression e;
    sb::ExprError err;
    ASSERT_TRUE(sb::Expression::Parse("visits(node-4321) > 0", s, e, err)) << err.en;
    EXPECT_EQ(s.FindNode("node-4321"), 4321);
    EXPECT_EQ(s.FindNode("node-7"), 7);
    EXPECT_EQ(s.FindNode("nope"), -1);
    EXPECT_FALSE(sb::Expression::Parse("visits(later)", s, e, err));
    s.nodes.push_back("later");
    EXPECT_TRUE(sb::Expression::Parse("visits(later)", s, e, err)) << err.en;
    const sb::ExprScope copy = s; // a copy keeps working on its own list
    EXPECT_EQ(copy.FindNode("later"), 5001);
}
