#include "core/expression.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace sb {

int ExprScope::FindNode(std::string_view id) const {
    constexpr size_t kLinear = 32; // below this a scan is as fast as a hash
    if (nodes.size() <= kLinear) {
        for (size_t k = 0; k < nodes.size(); ++k)
            if (nodes[k] == id) return static_cast<int>(k);
        return -1;
    }
    if (m_indexed != nodes.size()) {
        m_node_index.clear();
        m_node_index.reserve(nodes.size());
        for (size_t k = 0; k < nodes.size(); ++k)
            m_node_index.emplace(nodes[k],
                                 static_cast<int>(k)); // the first of duplicate ids, as a scan finds
        m_indexed = nodes.size();
    }
    const auto it = m_node_index.find(std::string(id));
    return it == m_node_index.end() ? -1 : it->second;
}

namespace {

constexpr int kMaxDepth = 48;
constexpr size_t kMaxLength = 500;
constexpr int64_t kLimit = 1'000'000'000; // values are clamped, so nothing overflows

int64_t Clamp(int64_t v) {
    return v > kLimit ? kLimit : (v < -kLimit ? -kLimit : v);
}

const char* TypeName(ValueType t, bool nl) {
    if (t == ValueType::Bool) return nl ? "waar/onwaar" : "true/false";
    return nl ? "een getal" : "a number";
}

} // namespace

class ExprParser {
  public:
    ExprParser(const std::string& s, const ExprScope& scope, Expression& out)
        : m_s(s), m_scope(scope), m_out(out) {}

    bool Fail(size_t at, std::string en, std::string nl) {
        if (!m_failed) m_error = {at, std::move(en), std::move(nl)};
        m_failed = true;
        return false;
    }

    void Ws() {
        while (m_i < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_i])))
            ++m_i;
    }
    bool Eat(const char* tok) {
        Ws();
        const size_t n = strlen(tok);
        if (m_s.compare(m_i, n, tok) != 0) return false;
        // Word operators must not run into a name: "order" is not "or" + "der".
        if (std::isalpha(static_cast<unsigned char>(tok[0])) && m_i + n < m_s.size() &&
            (std::isalnum(static_cast<unsigned char>(m_s[m_i + n])) || m_s[m_i + n] == '_'))
            return false;
        m_i += n;
        return true;
    }

    int Add(ExprNode node) {
        m_out.m_nodes.push_back(node);
        return static_cast<int>(m_out.m_nodes.size()) - 1;
    }

    bool Expect(int node, ValueType want, size_t at, ValueType& got_type) {
        (void)node;
        if (got_type != want)
            return Fail(at,
                        std::string("Expected ") + TypeName(want, false) + " here, but this is " +
                            TypeName(got_type, false) + ".",
                        std::string("Hier hoort ") + TypeName(want, true) + ", maar dit is " +
                            TypeName(got_type, true) + ".");
        return true;
    }

    int Or(ValueType& t, int depth) {
        const size_t at = m_i;
        int left = And(t, depth);
        while (left >= 0 && (Eat("||") || Eat("or"))) {
            ValueType rt;
            const size_t rat = m_i;
            int right = And(rt, depth);
            if (right < 0 || !Expect(left, ValueType::Bool, at, t) ||
                !Expect(right, ValueType::Bool, rat, rt))
                return -1;
            left = Add({Op::Or, left, right});
        }
        return left;
    }
    int And(ValueType& t, int depth) {
        const size_t at = m_i;
        int left = Not(t, depth);
        while (left >= 0 && (Eat("&&") || Eat("and"))) {
            ValueType rt;
            const size_t rat = m_i;
            int right = Not(rt, depth);
            if (right < 0 || !Expect(left, ValueType::Bool, at, t) ||
                !Expect(right, ValueType::Bool, rat, rt))
                return -1;
            left = Add({Op::And, left, right});
        }
        return left;
    }
    int Not(ValueType& t, int depth) {
        if (depth > kMaxDepth)
            return Fail(m_i, "This expression is nested too deeply.", "Deze expressie is te diep genest.")
                       ? -1
                       : -1;
        Ws();
        const size_t at = m_i;
        if ((m_i + 1 < m_s.size() && m_s[m_i] == '!' && m_s[m_i + 1] != '=' && Eat("!")) || Eat("not")) {
            int inner = Not(t, depth + 1);
            if (inner < 0 || !Expect(inner, ValueType::Bool, at, t)) return -1;
            t = ValueType::Bool;
            return Add({Op::Not, inner});
        }
        return Cmp(t, depth);
    }
    int Cmp(ValueType& t, int depth) {
        const size_t at = m_i;
        int left = Sum(t, depth);
        if (left < 0) return -1;
        static const struct {
            const char* tok;
            Op op;
        } ops[] = {{"==", Op::Eq}, {"!=", Op::Ne}, {"<=", Op::Le},
                   {">=", Op::Ge}, {"<", Op::Lt},  {">", Op::Gt}};
        for (const auto& o : ops) {
            if (!Eat(o.tok)) continue;
            ValueType rt;
            const size_t rat = m_i;
            int right = Sum(rt, depth);
            if (right < 0) return -1;
            if (o.op == Op::Eq || o.op == Op::Ne) {
                if (!Expect(right, t, rat, rt)) return -1;
            } else if (!Expect(left, ValueType::Int, at, t) || !Expect(right, ValueType::Int, rat, rt)) {
                return -1;
            }
            t = ValueType::Bool;
            return Add({o.op, left, right});
        }
        return left;
    }
    int Sum(ValueType& t, int depth) {
        const size_t at = m_i;
        int left = Atom(t, depth);
        while (left >= 0) {
            Op op;
            if (Eat("+"))
                op = Op::Add;
            else if (Ws(), m_i < m_s.size() && m_s[m_i] == '-') {
                ++m_i;
                op = Op::Sub;
            } else
                break;
            ValueType rt;
            const size_t rat = m_i;
            int right = Atom(rt, depth);
            if (right < 0 || !Expect(left, ValueType::Int, at, t) || !Expect(right, ValueType::Int, rat, rt))
                return -1;
            left = Add({op, left, right});
        }
        return left;
    }
    int Atom(ValueType& t, int depth) {
        if (depth > kMaxDepth)
            return Fail(m_i, "This expression is nested too deeply.", "Deze expressie is te diep genest.")
                       ? -1
                       : -1;
        Ws();
        const size_t at = m_i;
        if (m_i >= m_s.size())
            return Fail(at, "The expression ends too early: a value is missing.",
                        "De expressie stopt te vroeg: er ontbreekt een waarde.")
                       ? -1
                       : -1;
        const char c = m_s[m_i];
        if (c == '(') {
            ++m_i;
            int inner = Or(t, depth + 1);
            if (inner < 0) return -1;
            if (!Eat(")")) return Fail(m_i, "A ')' is missing here.", "Hier ontbreekt een ')'.") ? -1 : -1;
            return inner;
        }
        if (c == '-') {
            ++m_i;
            int inner = Atom(t, depth + 1);
            if (inner < 0 || !Expect(inner, ValueType::Int, at, t)) return -1;
            return Add({Op::Neg, inner});
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            int64_t v = 0;
            while (m_i < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_i]))) {
                v = Clamp(v * 10 + (m_s[m_i] - '0'));
                ++m_i;
            }
            t = ValueType::Int;
            return Add({Op::Const, -1, -1, v});
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::string name;
            while (m_i < m_s.size() &&
                   (std::isalnum(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '_'))
                name += m_s[m_i++];
            if (name == "true" || name == "false") {
                t = ValueType::Bool;
                return Add({Op::Const, -1, -1, name == "true" ? 1 : 0, ValueType::Bool});
            }
            if (name == "visits") {
                if (!Eat("("))
                    return Fail(m_i, "Write visits(node-id), with brackets.",
                                "Schrijf visits(node-id), met haakjes.")
                               ? -1
                               : -1;
                Ws();
                const size_t nat = m_i;
                std::string node;
                while (m_i < m_s.size() && (std::isalnum(static_cast<unsigned char>(m_s[m_i])) ||
                                            m_s[m_i] == '-' || m_s[m_i] == '_'))
                    node += m_s[m_i++];
                if (!Eat(")"))
                    return Fail(m_i, "A ')' is missing here.", "Hier ontbreekt een ')'.") ? -1 : -1;
                if (const int k = m_scope.FindNode(node); k >= 0) {
                    t = ValueType::Int;
                    return Add({Op::Visits, -1, -1, static_cast<int64_t>(k)});
                }
                return Fail(nat, "There is no node '" + node + "' in this role-play.",
                            "Er is geen node '" + node + "' in dit rollenspel.")
                           ? -1
                           : -1;
            }
            for (size_t k = 0; k < m_scope.variables.size(); ++k) {
                if (m_scope.variables[k] == name) {
                    t = m_scope.types[k];
                    return Add({Op::Var, -1, -1, static_cast<int64_t>(k)});
                }
            }
            return Fail(at,
                        "The variable '" + name +
                            "' is not declared. Add it to \"variables\" with a starting value.",
                        "De variabele '" + name +
                            "' is niet gedeclareerd. Zet hem in \"variables\" met een beginwaarde.")
                       ? -1
                       : -1;
        }
        return Fail(at, std::string("Unexpected '") + c + "' here.",
                    std::string("Onverwacht teken '") + c + "' hier.")
                   ? -1
                   : -1;
    }

    bool ParseWhole(ValueType& t) {
        if (m_s.size() > kMaxLength)
            return Fail(0,
                        "This expression is longer than 500 characters. Split the logic over more variables.",
                        "Deze expressie is langer dan 500 tekens. Verdeel de logica over meer variabelen.");
        int root = Or(t, 0);
        if (root < 0) return false;
        Ws();
        if (m_i < m_s.size())
            return Fail(m_i, "Unexpected text after the end of the expression.",
                        "Onverwachte tekst na het einde van de expressie.");
        m_out.m_root = root;
        m_out.m_type = t;
        return true;
    }

    const std::string& m_s;
    const ExprScope& m_scope;
    Expression& m_out;
    size_t m_i = 0;
    bool m_failed = false;
    ExprError m_error;
};

bool Expression::Parse(const std::string& text, const ExprScope& scope, Expression& out, ExprError& error) {
    out = Expression{};
    out.m_source = text;
    ExprParser parser(text, scope, out);
    ValueType t = ValueType::Bool;
    if (!parser.ParseWhole(t)) {
        error = parser.m_error;
        out.m_nodes.clear();
        return false;
    }
    return true;
}

Value Expression::Evaluate(const std::vector<Value>& vars, const std::vector<int>& visits) const {
    if (m_root < 0) return Value::Bool(true);
    return Eval(m_root, vars, visits);
}

Expression::Reads Expression::Uses() const {
    Reads r;
    std::vector<int64_t> cap(m_nodes.size(), kExact);
    std::vector<char> same01(m_nodes.size(), 0);
    auto compare = [](Op op) { return op >= Op::Eq && op <= Op::Ge; };
    auto holds = [](Op op, int64_t x, int64_t y) {
        switch (op) {
        case Op::Eq:
            return x == y;
        case Op::Ne:
            return x != y;
        case Op::Lt:
            return x < y;
        case Op::Le:
            return x <= y;
        case Op::Gt:
            return x > y;
        default:
            return x >= y;
        }
    };
    for (const ExprNode& n : m_nodes) {
        if (!compare(n.op) || n.a < 0 || n.b < 0) continue;
        const ExprNode &a = m_nodes[n.a], &b = m_nodes[n.b];
        if ((a.op == Op::Visits || a.op == Op::Var) && b.op == Op::Const) {
            cap[n.a] = b.value + 1;
            same01[n.a] = holds(n.op, 0, b.value) == holds(n.op, 1, b.value);
        }
        if ((b.op == Op::Visits || b.op == Op::Var) && a.op == Op::Const) {
            cap[n.b] = a.value + 1;
            same01[n.b] = holds(n.op, a.value, 0) == holds(n.op, a.value, 1);
        }
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const ExprNode& n = m_nodes[i];
        if (n.op == Op::Var) r.vars.push_back({static_cast<int>(n.value), cap[i]});
        if (n.op == Op::Visits)
            r.visits.push_back({static_cast<int>(n.value), std::max<int64_t>(cap[i], 1), same01[i] != 0});
    }
    return r;
}

bool Expression::IsConstant(int64_t& value) const {
    if (m_nodes.size() != 1 || m_nodes[0].op != Op::Const) return false;
    value = m_nodes[0].value;
    return true;
}

Value Expression::Eval(int index, const std::vector<Value>& vars, const std::vector<int>& visits) const {
    const ExprNode& n = m_nodes[index];
    auto A = [&] { return Eval(n.a, vars, visits).i; };
    auto B = [&] { return Eval(n.b, vars, visits).i; };
    switch (n.op) {
    case Op::Const:
        return Value{n.type, n.value};
    case Op::Var:
        return n.value < static_cast<int64_t>(vars.size()) ? vars[n.value] : Value::Int(0);
    case Op::Visits:
        return Value::Int(n.value < static_cast<int64_t>(visits.size()) ? visits[n.value] : 0);
    case Op::Neg:
        return Value::Int(Clamp(-A()));
    case Op::Not:
        return Value::Bool(!A());
    case Op::Add:
        return Value::Int(Clamp(A() + B()));
    case Op::Sub:
        return Value::Int(Clamp(A() - B()));
    case Op::Eq:
        return Value::Bool(A() == B());
    case Op::Ne:
        return Value::Bool(A() != B());
    case Op::Lt:
        return Value::Bool(A() < B());
    case Op::Le:
        return Value::Bool(A() <= B());
    case Op::Gt:
        return Value::Bool(A() > B());
    case Op::Ge:
        return Value::Bool(A() >= B());
    case Op::And:
        return Value::Bool(A() && B());
    case Op::Or:
        return Value::Bool(A() || B());
    }
    return Value::Int(0);
}

bool Effect::Parse(const std::string& text, const ExprScope& scope, Effect& out, ExprError& error) {
    out = Effect{};
    out.source = text;
    size_t i = 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
        ++i;
    const size_t name_at = i;
    std::string name;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'))
        name += text[i++];
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
        ++i;
    if (name.empty()) {
        error = {name_at, "An effect starts with a variable name, e.g. \"confidence += 1\".",
                 "Een effect begint met een variabelenaam, bijvoorbeeld \"confidence += 1\"."};
        return false;
    }
    for (size_t k = 0; k < scope.variables.size(); ++k)
        if (scope.variables[k] == name) out.variable = static_cast<int>(k);
    if (out.variable < 0) {
        error = {name_at,
                 "The variable '" + name +
                     "' is not declared. Add it to \"variables\" with a starting value.",
                 "De variabele '" + name +
                     "' is niet gedeclareerd. Zet hem in \"variables\" met een beginwaarde."};
        return false;
    }
    if (text.compare(i, 2, "+=") == 0) {
        out.op = EffectOp::Add;
        i += 2;
    } else if (text.compare(i, 2, "-=") == 0) {
        out.op = EffectOp::Sub;
        i += 2;
    } else if (i < text.size() && text[i] == '=' && text.compare(i, 2, "==") != 0) {
        out.op = EffectOp::Set;
        i += 1;
    } else {
        error = {i, "Expected '=', '+=' or '-=' after the variable name.",
                 "Na de variabelenaam hoort '=', '+=' of '-='."};
        return false;
    }
    const std::string rest = text.substr(i);
    if (!Expression::Parse(rest, scope, out.value, error)) {
        error.offset += i;
        return false;
    }
    const ValueType var_type = scope.types[out.variable];
    const ValueType want = out.op == EffectOp::Set ? var_type : ValueType::Int;
    if (out.value.Type() != want || (out.op != EffectOp::Set && var_type != ValueType::Int)) {
        error = {i,
                 std::string("'") + name + "' holds " + TypeName(var_type, false) +
                     "; this effect does not fit it.",
                 std::string("'") + name + "' bevat " + TypeName(var_type, true) +
                     "; dit effect past daar niet bij."};
        return false;
    }
    return true;
}

void Effect::Apply(std::vector<Value>& vars, const std::vector<int>& visits) const {
    if (variable < 0 || variable >= static_cast<int>(vars.size())) return;
    const Value v = value.Evaluate(vars, visits);
    Value& target = vars[variable];
    switch (op) {
    case EffectOp::Set:
        target.i = v.i;
        break; // the variable keeps its declared type
    case EffectOp::Add:
        target = Value::Int(Clamp(target.i + v.i));
        break;
    case EffectOp::Sub:
        target = Value::Int(Clamp(target.i - v.i));
        break;
    }
}

} // namespace sb
