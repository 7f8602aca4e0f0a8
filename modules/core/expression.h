#pragma once
// A small, safe expression language for role-play conditions and effects. Parsed once when the pack
// loads (errors become diagnostics with a position in the string), evaluated many times with no
// allocation and no way to loop, call out or run out of bounds.
//
//   condition := expr            e.g.  confidence >= 2 and not reported
//   effect    := name = expr | name += expr | name -= expr
//   expr      := or-expr;  or: and ('or'|'||') and ...;  and: not ('and'|'&&') not ...
//   not       := ('not'|'!') not | cmp;   cmp := sum (('=='|'!='|'<'|'<='|'>'|'>=') sum)?
//   sum       := atom (('+'|'-') atom)*;  atom := integer | true | false | name | visits(node) | '(' expr ')'
//   | '-' atom
#include <cstdint>
#include <utility>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sb {

enum class ValueType { Int, Bool };

struct Value {
    ValueType type = ValueType::Int;
    int64_t i = 0; // bools are 0 or 1
    static Value Int(int64_t v) { return {ValueType::Int, v}; }
    static Value Bool(bool v) { return {ValueType::Bool, v ? 1 : 0}; }
    bool operator==(const Value&) const = default;
};

// Names an expression may use: variables (with their types) and node ids (for visits()).
struct ExprScope {
    std::vector<std::string> variables;
    std::vector<ValueType> types;
    std::vector<std::string> nodes;

    // The index of a node id, or -1. A story of thousands of nodes with visits() conditions would make a
    // linear search quadratic, so a large list is indexed on first use, and again when it has grown. Ids are
    // added, never changed in place (as the loader builds a scope).
    int FindNode(std::string_view id) const;

  private:
    mutable std::unordered_map<std::string, int> m_node_index;
    mutable size_t m_indexed = 0; // nodes.size() when it was built
};

struct ExprError {
    size_t offset = 0; // byte offset in the expression string
    std::string en, nl;
};

enum class Op : uint8_t { Const, Var, Visits, Neg, Not, Add, Sub, Eq, Ne, Lt, Le, Gt, Ge, And, Or };

struct ExprNode {
    Op op;
    int a = -1, b = -1;              // child indices
    int64_t value = 0;               // constant, variable index or node index
    ValueType type = ValueType::Int; // of a constant
};

class Expression {
  public:
    bool Empty() const { return m_nodes.empty(); }
    ValueType Type() const { return m_type; }
    // `vars` holds the variables' current values, `visits` the nodes' visit counts.
    Value Evaluate(const std::vector<Value>& vars, const std::vector<int>& visits) const;
    const std::string& Source() const { return m_source; }

    // What an expression reads: variables by index, and per visits(node) how far its count can matter: a
    // count compared with a number n (visits(x) < n) cannot be told apart above n + 1; a count used any other
    // way (in a sum) matters exactly (kExact).
    static constexpr int64_t kExact = INT64_MAX;
    struct VisitUse {
        int node = -1;
        int64_t cap = kExact;
        bool zero_one_same = false; // a count of 0 and of 1 give the same result here
    };
    struct Reads {
        std::vector<std::pair<int, int64_t>> vars; // variable, cap (a variable compared with n: n + 1)
        std::vector<VisitUse> visits;
    };
    // The expression is one number (an effect's "+= 1"): true with it in `value`.
    bool IsConstant(int64_t& value) const;
    Reads Uses() const;

    // Parses an expression; returns false and fills `error` when it is not valid in `scope`.
    static bool Parse(const std::string& text, const ExprScope& scope, Expression& out, ExprError& error);

  private:
    friend class ExprParser;
    Value Eval(int index, const std::vector<Value>& vars, const std::vector<int>& visits) const;
    std::vector<ExprNode> m_nodes;
    int m_root = -1;
    ValueType m_type = ValueType::Bool;
    std::string m_source;
};

enum class EffectOp { Set, Add, Sub };

struct Effect {
    int variable = -1;
    EffectOp op = EffectOp::Set;
    Expression value;
    std::string source;
    // Applies the effect to `vars`.
    void Apply(std::vector<Value>& vars, const std::vector<int>& visits) const;
    static bool Parse(const std::string& text, const ExprScope& scope, Effect& out, ExprError& error);
};

} // namespace sb
