#include "pack/roleplay_graph.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <queue>
#include <unordered_map>

namespace sb {

namespace {

bool Holds(const Expression& e, const StoryState& s) {
    return e.Empty() || e.Evaluate(s.vars, s.visits).i != 0;
}

std::string FormatValue(const Variable& var, const Value& v, const std::string& lang) {
    if (var.initial.type == ValueType::Bool) {
        if (lang == "nl") return v.i ? "ja" : "nee";
        return v.i ? "yes" : "no";
    }
    return std::to_string(v.i);
}

bool NameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

} // namespace

StoryState StartState(const Roleplay& rp) {
    StoryState s;
    for (const auto& v : rp.variables)
        s.vars.push_back(v.initial);
    s.visits.assign(rp.nodes.size(), 0);
    s.taken.assign(static_cast<size_t>(rp.once_choices), 0);
    if (!rp.nodes.empty()) Enter(rp, s, Target{false, rp.start});
    return s;
}

bool ChoiceOpen(const Roleplay& rp, const StoryState& state, int k) {
    if (state.node < 0) return false;
    const Choice& c = rp.nodes[state.node].choices[k];
    if (c.once && c.once_index >= 0 && c.once_index < static_cast<int>(state.taken.size()) &&
        state.taken[c.once_index])
        return false;
    return Holds(c.condition, state);
}

std::vector<Exit> Exits(const Roleplay& rp, const StoryState& state) {
    std::vector<Exit> out;
    if (state.ending >= 0 || state.node < 0) return out;
    const Node& n = rp.nodes[state.node];
    if (!n.choices.empty()) {
        for (size_t k = 0; k < n.choices.size(); ++k)
            if (!n.choices[k].fallback && ChoiceOpen(rp, state, static_cast<int>(k)))
                out.push_back({static_cast<int>(k), -1, n.choices[k].target});
        if (out.empty())
            for (size_t k = 0; k < n.choices.size(); ++k)
                if (n.choices[k].fallback && ChoiceOpen(rp, state, static_cast<int>(k)))
                    out.push_back({static_cast<int>(k), -1, n.choices[k].target});
        return out;
    }
    for (size_t b = 0; b < n.next.size(); ++b)
        if (Holds(n.next[b].condition, state)) {
            if (n.next[b].target.index >= 0) out.push_back({-1, static_cast<int>(b), n.next[b].target});
            break;
        }
    return out;
}

void Enter(const Roleplay& rp, StoryState& state, const Target& target) {
    if (target.index < 0) return;
    if (target.ending) {
        state.ending = target.index;
        return;
    }
    state.ending = -1;
    state.node = target.index;
    if (target.index < static_cast<int>(state.visits.size())) ++state.visits[target.index];
    (void)rp;
}

void Take(const Roleplay& rp, StoryState& state, const Exit& exit) {
    if (exit.choice >= 0 && state.node >= 0) {
        const Choice& c = rp.nodes[state.node].choices[exit.choice];
        for (const Effect& e : c.effects)
            e.Apply(state.vars, state.visits);
        if (c.once && c.once_index >= 0 && c.once_index < static_cast<int>(state.taken.size()))
            state.taken[c.once_index] = 1;
    }
    Enter(rp, state, exit.target);
}

std::vector<int> ShownLines(const Roleplay& rp, const StoryState& state, int node) {
    std::vector<int> out;
    if (node < 0 || node >= static_cast<int>(rp.nodes.size())) return out;
    const auto& lines = rp.nodes[node].lines;
    for (size_t i = 0; i < lines.size(); ++i)
        if (Holds(lines[i].condition, state)) out.push_back(static_cast<int>(i));
    return out;
}

LocalText Interpolate(const Roleplay& rp, const std::vector<Value>& vars, const LocalText& text) {
    bool any = false;
    for (const auto& [lang, s] : text.All())
        any = any || s.find_first_of("{}") != std::string::npos;
    if (!any) return text;
    std::map<std::string, std::string> out;
    for (const auto& [lang, s] : text.All()) {
        std::string r;
        r.reserve(s.size());
        for (size_t i = 0; i < s.size(); ++i) {
            if ((s[i] == '{' || s[i] == '}') && i + 1 < s.size() && s[i + 1] == s[i]) {
                r += s[i++];
                continue;
            }
            if (s[i] == '{') {
                const size_t close = s.find('}', i + 1);
                if (close != std::string::npos) {
                    const std::string name = s.substr(i + 1, close - i - 1);
                    bool found = false;
                    for (size_t v = 0; v < rp.variables.size() && v < vars.size(); ++v)
                        if (rp.variables[v].name == name) {
                            r += FormatValue(rp.variables[v], vars[v], lang);
                            found = true;
                            break;
                        }
                    if (found) {
                        i = close;
                        continue;
                    }
                }
            }
            r += s[i];
        }
        out[lang] = std::move(r);
    }
    return LocalText(std::move(out));
}

LocalText Resolve(const Roleplay& rp, const StoryState& state, const StoryText& text) {
    for (const TextVariant& v : text.variants)
        if (Holds(v.condition, state)) return Interpolate(rp, state.vars, v.text);
    return Interpolate(rp, state.vars, text.text);
}

bool CheckInterpolation(const std::string& s, const std::vector<std::string>& variables,
                        InterpolationError& error) {
    for (size_t i = 0; i < s.size(); ++i) {
        if ((s[i] == '{' || s[i] == '}') && i + 1 < s.size() && s[i + 1] == s[i]) {
            ++i;
            continue;
        }
        if (s[i] == '}') {
            error = {i, "", "A '}' without a '{' before it. Write }} to show a brace.",
                     "Een '}' zonder '{' ervoor. Schrijf }} om een accolade te tonen."};
            return false;
        }
        if (s[i] != '{') continue;
        size_t j = i + 1;
        while (j < s.size() && NameChar(s[j]))
            ++j;
        if (j >= s.size() || s[j] != '}') {
            error = {i, "",
                     "A '{' starts a variable, like {naam}, but it is not closed by '}'. Write {{ to show a "
                     "brace.",
                     "Een '{' begint een variabele, zoals {naam}, maar wordt niet gesloten met '}'. Schrijf "
                     "{{ om een accolade te tonen."};
            return false;
        }
        const std::string name = s.substr(i + 1, j - i - 1);
        if (std::find(variables.begin(), variables.end(), name) == variables.end()) {
            error = {i, name,
                     name.empty() ? "'{}' names no variable. Write {naam} with a declared variable, or {{}} "
                                    "for braces."
                                  : "{" + name + "} shows a variable, but \"" + name +
                                        "\" is not declared in \"variables\".",
                     name.empty() ? "'{}' noemt geen variabele. Schrijf {naam} met een gedeclareerde "
                                    "variabele, of {{}} voor accolades."
                                  : "{" + name + "} toont een variabele, maar \"" + name +
                                        "\" staat niet in \"variables\"."};
            return false;
        }
        i = j;
    }
    return true;
}

std::vector<Edge> Edges(const Node& node) {
    std::vector<Edge> out;
    if (!node.choices.empty()) {
        for (const Choice& c : node.choices)
            out.push_back({c.target, &c, nullptr});
        return out;
    }
    for (const Branch& b : node.next)
        out.push_back({b.target, nullptr, &b});
    return out;
}

GraphReach ReachInGraph(const Roleplay& rp, int from) {
    GraphReach out{std::vector<char>(rp.nodes.size(), 0), std::vector<char>(rp.endings.size(), 0)};
    if (from < 0 || from >= static_cast<int>(rp.nodes.size())) return out;
    std::vector<int> todo{from};
    out.nodes[from] = 1;
    while (!todo.empty()) {
        const int i = todo.back();
        todo.pop_back();
        for (const Edge& e : Edges(rp.nodes[i])) {
            if (e.target.index < 0) continue;
            if (e.target.ending)
                out.endings[e.target.index] = 1;
            else if (!out.nodes[e.target.index]) {
                out.nodes[e.target.index] = 1;
                todo.push_back(e.target.index);
            }
        }
    }
    return out;
}

// ============================================================ the state exploration

namespace {

// Nodes on no cycle of the graph (so visited at most once in a play): Kosaraju's two passes, iteratively.
std::vector<char> OnceOnlyNodes(const Roleplay& rp) {
    const int n = static_cast<int>(rp.nodes.size());
    std::vector<std::vector<int>> out(n), in(n);
    std::vector<char> self(n, 0);
    for (int i = 0; i < n; ++i)
        for (const Edge& e : Edges(rp.nodes[i]))
            if (!e.target.ending && e.target.index >= 0 && e.target.index < n) {
                out[i].push_back(e.target.index);
                in[e.target.index].push_back(i);
                if (e.target.index == i) self[i] = 1;
            }
    std::vector<int> order;
    order.reserve(n);
    std::vector<char> seen(n, 0);
    for (int s = 0; s < n; ++s) {
        if (seen[s]) continue;
        std::vector<std::pair<int, size_t>> stack{{s, 0}};
        seen[s] = 1;
        while (!stack.empty()) {
            auto& [v, k] = stack.back();
            if (k < out[v].size()) {
                const int w = out[v][k++];
                if (!seen[w]) {
                    seen[w] = 1;
                    stack.push_back({w, 0});
                }
            } else {
                order.push_back(v);
                stack.pop_back();
            }
        }
    }
    std::vector<int> comp(n, -1), size;
    for (int idx = n - 1; idx >= 0; --idx) {
        const int s = order[idx];
        if (comp[s] >= 0) continue;
        const int c = static_cast<int>(size.size());
        size.push_back(0);
        std::vector<int> stack{s};
        comp[s] = c;
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            ++size[c];
            for (int w : in[v])
                if (comp[w] < 0) {
                    comp[w] = c;
                    stack.push_back(w);
                }
        }
    }
    std::vector<char> once(n, 0);
    for (int i = 0; i < n; ++i)
        once[i] = size[comp[i]] == 1 && !self[i];
    return once;
}

// What of a state the story can tell apart: the variables some exit depends on (directly or through an
// effect on such a variable), visit counts some exit compares (capped), and the "once" marks.
struct StateShape {
    std::vector<int> vars;     // relevant variable indices
    std::vector<int64_t> vcap; // per relevant variable: values at or above it cannot be told apart
    std::vector<int> tracked;  // node indices whose visit count matters
    std::vector<int> cap;      // per tracked node: counts above it cannot be told apart
    size_t bytes = 0;          // size of a key
    explicit StateShape(const Roleplay& rp) {
        const size_t nv = rp.variables.size();
        const std::vector<char> once_only = OnceOnlyNodes(rp);
        std::vector<char> relevant(nv, 0);
        std::vector<int64_t> var_cap(nv, INT64_MIN);
        std::vector<int> node_cap(rp.nodes.size(), 0);
        auto use = [&](const Expression& e) {
            if (e.Empty()) return;
            const Expression::Reads r = e.Uses();
            for (const auto& [v, c] : r.vars)
                if (v >= 0 && v < static_cast<int>(nv)) {
                    relevant[v] = 1;
                    var_cap[v] = std::max(var_cap[v], c);
                }
            for (const Expression::VisitUse& u : r.visits) {
                if (u.node < 0 || u.node >= static_cast<int>(node_cap.size())) continue;
                // A node no play can come back to is visited at most once; where 0 and 1 read the same,
                // its count tells nothing.
                if (once_only[u.node] && u.zero_one_same) continue;
                node_cap[u.node] =
                    std::max(node_cap[u.node], static_cast<int>(std::min<int64_t>(u.cap, INT32_MAX)));
            }
        };
        for (const Node& n : rp.nodes) {
            for (const Choice& c : n.choices)
                use(c.condition);
            for (const Branch& b : n.next)
                use(b.condition);
        }
        // An effect on a variable that matters makes what it reads matter too; a variable that only grows by
        // fixed steps (or is set to numbers) keeps its cap, any other change makes its value matter exactly.
        std::vector<char> monotone(nv, 1);
        for (bool grew = true; grew;) {
            grew = false;
            for (const Node& n : rp.nodes)
                for (const Choice& c : n.choices)
                    for (const Effect& e : c.effects) {
                        if (e.variable < 0 || e.variable >= static_cast<int>(nv) || !relevant[e.variable])
                            continue;
                        int64_t k = 0;
                        const bool constant = e.value.IsConstant(k);
                        if (!(constant && (e.op == EffectOp::Set || (e.op == EffectOp::Add && k >= 0))))
                            monotone[e.variable] = 0;
                        const std::vector<char> before = relevant;
                        const std::vector<int> caps_before = node_cap;
                        use(e.value);
                        if (relevant != before || node_cap != caps_before) grew = true;
                    }
        }
        for (size_t v = 0; v < nv; ++v)
            if (relevant[v]) {
                vars.push_back(static_cast<int>(v));
                const bool capped = monotone[v] && rp.variables[v].initial.type == ValueType::Int &&
                                    var_cap[v] != Expression::kExact && var_cap[v] != INT64_MIN;
                vcap.push_back(capped ? var_cap[v] : Expression::kExact);
            }
        for (size_t n = 0; n < node_cap.size(); ++n)
            if (node_cap[n] > 0) {
                tracked.push_back(static_cast<int>(n));
                cap.push_back(node_cap[n]);
            }
        bytes = 8 + vars.size() * 8 + tracked.size() * 4 + static_cast<size_t>(rp.once_choices);
    }

    std::string Key(const StoryState& s) const {
        std::string k(bytes, '\0');
        char* p = k.data();
        auto put = [&p](const void* v, size_t n) {
            memcpy(p, v, n);
            p += n;
        };
        const int32_t node = s.node, ending = s.ending;
        put(&node, 4);
        put(&ending, 4);
        for (size_t v = 0; v < vars.size(); ++v) {
            const int64_t x = std::min(s.vars[vars[v]].i, vcap[v]);
            put(&x, 8);
        }
        for (size_t t = 0; t < tracked.size(); ++t) {
            const int32_t c = std::min(s.visits[tracked[t]], cap[t]);
            put(&c, 4);
        }
        for (uint8_t b : s.taken)
            put(&b, 1);
        return k;
    }

    // Loads a key into `s` (whose other fields stay as they are).
    void Load(const std::string& k, StoryState& s) const {
        const char* p = k.data();
        auto get = [&p](void* v, size_t n) {
            memcpy(v, p, n);
            p += n;
        };
        int32_t node = 0, ending = 0;
        get(&node, 4);
        get(&ending, 4);
        s.node = node;
        s.ending = ending;
        for (int v : vars)
            get(&s.vars[v].i, 8);
        for (size_t t = 0; t < tracked.size(); ++t) {
            int32_t c = 0;
            get(&c, 4);
            s.visits[tracked[t]] = c;
        }
        for (auto& b : s.taken)
            get(&b, 1);
    }
};

} // namespace

Exploration Explore(const Roleplay& rp, const StoryState& from, const ExploreLimits& limits,
                    bool want_paths) {
    Exploration x;
    x.node_reached.assign(rp.nodes.size(), 0);
    x.ending_reached.assign(rp.endings.size(), 0);
    if (want_paths) x.path_to_ending.assign(rp.endings.size(), {});
    if (from.ending >= 0) {
        if (from.ending < static_cast<int>(rp.endings.size())) x.ending_reached[from.ending] = 1;
        x.complete = true;
        return x;
    }
    if (from.node < 0 || from.node >= static_cast<int>(rp.nodes.size())) {
        x.complete = true;
        return x;
    }
    const StateShape shape(rp);
    StoryState scratch = from;
    scratch.visits.assign(rp.nodes.size(), 0);
    scratch.taken.resize(static_cast<size_t>(rp.once_choices), 0);
    for (size_t t = 0; t < shape.tracked.size(); ++t)
        if (shape.tracked[t] < static_cast<int>(from.visits.size()))
            scratch.visits[shape.tracked[t]] = from.visits[shape.tracked[t]];

    std::vector<std::string> keys;
    std::unordered_map<std::string, int> index;
    std::vector<std::vector<int>> succ; // state indices; an ending e is -(e + 1)
    struct Parent {
        int state = -1;
        Exit exit;
    };
    std::vector<Parent> parent;
    std::vector<char> ending_path_done(rp.endings.size(), 0);
    auto path_to = [&](int state, const Exit& last) {
        std::vector<Exit> p{last};
        for (int s = state; s >= 0 && parent[s].state >= 0; s = parent[s].state)
            p.push_back(parent[s].exit);
        std::reverse(p.begin(), p.end());
        return p;
    };

    const std::string first = shape.Key(scratch);
    keys.push_back(first);
    index.emplace(first, 0);
    parent.push_back({});
    x.complete = true;
    for (size_t at = 0; at < keys.size(); ++at) {
        shape.Load(keys[at], scratch);
        x.node_reached[scratch.node] = 1;
        succ.emplace_back();
        const std::vector<Exit> exits = Exits(rp, scratch);
        if (exits.empty() && x.no_exit.size() < rp.nodes.size() &&
            std::none_of(x.no_exit.begin(), x.no_exit.end(),
                         [&](const Exploration::Problem& p) { return p.node == scratch.node; }))
            x.no_exit.push_back({scratch.node, scratch});
        const std::vector<Value> vars = scratch.vars;
        const std::vector<uint8_t> taken = scratch.taken;
        const int node = scratch.node;
        for (const Exit& e : exits) {
            Take(rp, scratch, e);
            if (scratch.ending >= 0) {
                x.ending_reached[scratch.ending] = 1;
                succ[at].push_back(-(scratch.ending + 1));
                if (want_paths && !ending_path_done[scratch.ending]) {
                    ending_path_done[scratch.ending] = 1;
                    x.path_to_ending[scratch.ending] = path_to(static_cast<int>(at), e);
                }
            } else {
                std::string k = shape.Key(scratch);
                auto it = index.find(k);
                if (it == index.end()) {
                    if (keys.size() >= limits.max_states) {
                        x.complete = false;
                    } else {
                        const int id = static_cast<int>(keys.size());
                        index.emplace(k, id);
                        keys.push_back(std::move(k));
                        parent.push_back({static_cast<int>(at), e});
                        succ[at].push_back(id);
                    }
                } else {
                    succ[at].push_back(it->second);
                }
                // Undo the step on the scratch state: only the entered node's count changed.
                --scratch.visits[scratch.node];
            }
            scratch.vars = vars;
            scratch.taken = taken;
            scratch.node = node;
            scratch.ending = -1;
        }
    }
    x.states = keys.size();
    if (!x.complete) return x;
    // Which states can still reach an ending: backwards from those next to one.
    std::vector<std::vector<int>> pred(keys.size());
    std::vector<char> can_end(keys.size(), 0);
    std::queue<int> q;
    for (size_t s = 0; s < succ.size(); ++s)
        for (int t : succ[s]) {
            if (t < 0) {
                if (!can_end[s]) {
                    can_end[s] = 1;
                    q.push(static_cast<int>(s));
                }
            } else {
                pred[t].push_back(static_cast<int>(s));
            }
        }
    while (!q.empty()) {
        const int s = q.front();
        q.pop();
        for (int p : pred[s])
            if (!can_end[p]) {
                can_end[p] = 1;
                q.push(p);
            }
    }
    std::vector<char> reported(rp.nodes.size(), 0);
    for (const auto& p : x.no_exit)
        reported[p.node] = 1;
    for (size_t s = 0; s < keys.size(); ++s) {
        if (can_end[s] || succ[s].empty()) continue; // no exit at all is reported as such
        shape.Load(keys[s], scratch);
        if (reported[scratch.node]) continue;
        reported[scratch.node] = 1;
        x.no_ending.push_back({scratch.node, scratch});
    }
    return x;
}

ReachableEndingsResult ReachableFrom(const Roleplay& rp, const StoryState& from, size_t max_states) {
    ReachableEndingsResult r;
    const Exploration x = Explore(rp, from, ExploreLimits{max_states});
    r.complete = x.complete;
    for (size_t e = 0; e < x.ending_reached.size(); ++e)
        if (x.ending_reached[e]) r.endings.push_back(static_cast<int>(e));
    return r;
}

std::string DescribeState(const Roleplay& rp, const StoryState& state) {
    const StateShape shape(rp);
    std::string out;
    for (size_t k = 0; k < shape.vars.size(); ++k) {
        const int v = shape.vars[k];
        if (!out.empty()) out += ", ";
        out += rp.variables[v].name + " = ";
        if (rp.variables[v].initial.type == ValueType::Bool)
            out += state.vars[v].i ? "true" : "false";
        else if (state.vars[v].i >= shape.vcap[k])
            out += ">= " + std::to_string(shape.vcap[k]);
        else
            out += std::to_string(state.vars[v].i);
    }
    for (size_t t = 0; t < shape.tracked.size(); ++t) {
        if (!out.empty()) out += ", ";
        const int n = shape.tracked[t];
        const int c = state.visits[n];
        out += "visits(" + rp.nodes[n].id + ") = " + (c >= shape.cap[t] ? ">= " : "") +
               std::to_string(std::min(c, shape.cap[t]));
    }
    int once_taken = 0;
    for (uint8_t b : state.taken)
        once_taken += b;
    if (once_taken > 0) {
        if (!out.empty()) out += ", ";
        out += std::to_string(once_taken) + " once-choice(s) taken";
    }
    return out;
}

} // namespace sb
