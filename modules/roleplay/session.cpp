#include "roleplay/session.h"

#include <algorithm>
#include <queue>

namespace sb {

RoleplaySession::RoleplaySession(std::shared_ptr<const Pack> pack, const Module& module)
    : m_pack(std::move(pack)), m_module(&module), m_roleplay(module.AsRoleplay()) {
    Restart();
}

void RoleplaySession::Restart() {
    m_history.clear();
    m_state = State{};
    for (const auto& v : m_roleplay->variables)
        m_state.vars.push_back(v.initial);
    m_state.visits.assign(m_roleplay->nodes.size(), 0);
    Enter(Target{false, m_roleplay->start}, true);
}

void RoleplaySession::Enter(const Target& target, bool show_first_line) {
    m_state.lines_shown = 0;
    if (target.ending) {
        m_state.ending = target.index;
        return;
    }
    m_state.ending = -1;
    m_state.node = target.index;
    ++m_state.visits[target.index];
    if (show_first_line && !CurrentNode().lines.empty()) m_state.lines_shown = 1;
}

const Ending* RoleplaySession::CurrentEnding() const {
    return AtEnding() ? &m_roleplay->endings[m_state.ending] : nullptr;
}

const Choice* RoleplaySession::LastChoice() const {
    if (m_state.path.empty()) return nullptr;
    const PathStep& s = m_state.path.back();
    return &m_roleplay->nodes[s.node].choices[s.choice];
}

bool RoleplaySession::CanContinue() const {
    return !AtEnding() && !ShowingFeedback() && AllLinesShown() && CurrentNode().choices.empty();
}

void RoleplaySession::RevealNextLine() {
    if (!AtEnding() && !ShowingFeedback() && !AllLinesShown()) ++m_state.lines_shown;
}

void RoleplaySession::RevealAllLines() {
    if (!AtEnding()) m_state.lines_shown = CurrentNode().lines.size();
}

std::vector<int> RoleplaySession::AvailableChoices() const {
    std::vector<int> out;
    if (AtEnding()) return out;
    const auto& choices = CurrentNode().choices;
    for (size_t i = 0; i < choices.size(); ++i)
        if (choices[i].condition.Empty() || choices[i].condition.Evaluate(m_state.vars, m_state.visits).i)
            out.push_back(static_cast<int>(i));
    return out;
}

bool RoleplaySession::Choose(int choice, std::vector<int> tally) {
    if (!AtDecision()) return false;
    const auto available = AvailableChoices();
    if (std::find(available.begin(), available.end(), choice) == available.end()) return false;
    m_history.push_back(m_state);
    const Choice& c = CurrentNode().choices[choice];
    m_state.path.push_back({m_state.node, choice, std::move(tally)});
    for (const Effect& e : c.effects)
        e.Apply(m_state.vars, m_state.visits);
    Enter(c.target, false); // the feedback shows first, then the next node's lines
    m_state.feedback = true;
    return true;
}

void RoleplaySession::DismissFeedback() {
    if (!m_state.feedback) return;
    m_state.feedback = false;
    if (!AtEnding() && m_state.lines_shown == 0 && !CurrentNode().lines.empty()) m_state.lines_shown = 1;
}

bool RoleplaySession::Continue() {
    if (!CanContinue()) return false;
    Enter(CurrentNode().next, true);
    return true;
}

bool RoleplaySession::Undo() {
    if (m_history.empty()) return false;
    m_state = std::move(m_history.back());
    m_history.pop_back();
    return true;
}

Value RoleplaySession::Variable(const std::string& name) const {
    for (size_t i = 0; i < m_roleplay->variables.size(); ++i)
        if (m_roleplay->variables[i].name == name) return m_state.vars[i];
    return Value::Int(0);
}

int RoleplaySession::Visits(const std::string& node_id) const {
    for (size_t i = 0; i < m_roleplay->nodes.size(); ++i)
        if (m_roleplay->nodes[i].id == node_id) return m_state.visits[i];
    return 0;
}

std::vector<TranscriptLine> RoleplaySession::Transcript() const {
    // Derived from the path, so undo and restore need no second record.
    std::vector<TranscriptLine> out;
    auto add_node = [&](int node, size_t count) {
        const Node& n = m_roleplay->nodes[node];
        for (size_t i = 0; i < count && i < n.lines.size(); ++i)
            out.push_back({n.lines[i].speaker, &n.lines[i].text, n.lines[i].mood, n.lines[i].image});
    };
    // Replay: start, then each step's node; nodes passed through with "next" are in between.
    int node = m_roleplay->start;
    size_t step = 0;
    for (int guard = 0; guard < 100000; ++guard) {
        const Node& n = m_roleplay->nodes[node];
        const bool current = !AtEnding() && node == m_state.node && step == m_state.path.size();
        if (current) {
            add_node(node, m_state.lines_shown);
            break;
        }
        add_node(node, n.lines.size());
        Target next;
        if (!n.choices.empty()) {
            if (step >= m_state.path.size()) break;
            const Choice& c = n.choices[m_state.path[step].choice];
            out.push_back({"you", &c.text, "", ""});
            next = c.target;
            ++step;
        } else {
            next = n.next;
        }
        if (next.ending || next.index < 0) break;
        node = next.index;
    }
    return out;
}

std::vector<int> RoleplaySession::ReachableEndings(const Target& from) const {
    if (from.index < 0) return {};
    if (from.ending) return {from.index};
    std::vector<char> seen(m_roleplay->nodes.size(), 0), ends(m_roleplay->endings.size(), 0);
    std::queue<int> q;
    q.push(from.index);
    seen[from.index] = 1;
    while (!q.empty()) {
        const Node& n = m_roleplay->nodes[q.front()];
        q.pop();
        auto visit = [&](const Target& t) {
            if (t.index < 0) return;
            if (t.ending)
                ends[t.index] = 1;
            else if (!seen[t.index]) {
                seen[t.index] = 1;
                q.push(t.index);
            }
        };
        if (n.choices.empty()) visit(n.next);
        for (const Choice& c : n.choices)
            visit(c.target);
    }
    std::vector<int> out;
    for (size_t i = 0; i < ends.size(); ++i)
        if (ends[i]) out.push_back(static_cast<int>(i));
    return out;
}

nlohmann::json RoleplaySession::Snapshot() const {
    using nlohmann::json;
    auto state_json = [&](const State& s) {
        json vars = json::object();
        for (size_t i = 0; i < s.vars.size(); ++i) {
            const auto& v = m_roleplay->variables[i];
            if (v.initial.type == ValueType::Bool)
                vars[v.name] = s.vars[i].i != 0;
            else
                vars[v.name] = s.vars[i].i;
        }
        json visits = json::object();
        for (size_t i = 0; i < s.visits.size(); ++i)
            if (s.visits[i]) visits[m_roleplay->nodes[i].id] = s.visits[i];
        json path = json::array();
        for (const auto& p : s.path) {
            json step = {{"node", m_roleplay->nodes[p.node].id}, {"choice", p.choice}};
            if (!p.tally.empty()) step["tally"] = p.tally;
            path.push_back(step);
        }
        json out = {{"node", m_roleplay->nodes[s.node].id},
                    {"linesShown", s.lines_shown},
                    {"feedback", s.feedback},
                    {"variables", vars},
                    {"visits", visits},
                    {"path", path}};
        if (s.ending >= 0) out["ending"] = m_roleplay->endings[s.ending].id;
        return out;
    };
    json history = json::array();
    for (const auto& h : m_history)
        history.push_back(state_json(h));
    return {{"module", m_module->id}, {"state", state_json(m_state)}, {"history", history}};
}

bool RoleplaySession::Restore(const nlohmann::json& snapshot, std::string& error) {
    auto node_index = [&](const std::string& id) -> int {
        for (size_t i = 0; i < m_roleplay->nodes.size(); ++i)
            if (m_roleplay->nodes[i].id == id) return static_cast<int>(i);
        return -1;
    };
    auto read_state = [&](const nlohmann::json& j, State& s) -> bool {
        if (!j.is_object()) return false;
        s = State{};
        s.node = node_index(j.value("node", ""));
        if (s.node < 0) return false;
        s.lines_shown = std::min<size_t>(j.value("linesShown", 0), m_roleplay->nodes[s.node].lines.size());
        s.feedback = j.value("feedback", false);
        if (j.contains("ending")) {
            const std::string id = j["ending"].get<std::string>();
            for (size_t i = 0; i < m_roleplay->endings.size(); ++i)
                if (m_roleplay->endings[i].id == id) s.ending = static_cast<int>(i);
            if (s.ending < 0) return false;
        }
        const auto& vars = j.value("variables", nlohmann::json::object());
        for (const auto& v : m_roleplay->variables) {
            Value value = v.initial;
            if (vars.contains(v.name)) {
                const auto& x = vars[v.name];
                if (x.is_boolean())
                    value.i = x.get<bool>();
                else if (x.is_number_integer())
                    value.i = x.get<int64_t>();
                else
                    return false;
            }
            s.vars.push_back(value);
        }
        s.visits.assign(m_roleplay->nodes.size(), 0);
        const nlohmann::json visits = j.value("visits", nlohmann::json::object()); // kept alive for items()
        for (const auto& [id, count] : visits.items()) {
            const int i = node_index(id);
            if (i < 0 || !count.is_number_integer()) return false;
            s.visits[i] = count.get<int>();
        }
        for (const auto& p : j.value("path", nlohmann::json::array())) {
            PathStep step;
            step.node = node_index(p.value("node", ""));
            step.choice = p.value("choice", -1);
            if (step.node < 0 || step.choice < 0 ||
                step.choice >= static_cast<int>(m_roleplay->nodes[step.node].choices.size()))
                return false;
            if (p.contains("tally")) step.tally = p["tally"].get<std::vector<int>>();
            s.path.push_back(std::move(step));
        }
        return true;
    };
    try {
        if (snapshot.value("module", "") != m_module->id) {
            error = "the snapshot is of another module";
            return false;
        }
        State state;
        std::vector<State> history;
        if (!read_state(snapshot.at("state"), state)) {
            error = "the snapshot does not fit this role-play (it may have changed)";
            return false;
        }
        for (const auto& h : snapshot.value("history", nlohmann::json::array())) {
            State s;
            if (!read_state(h, s)) {
                error = "the snapshot's history does not fit this role-play";
                return false;
            }
            history.push_back(std::move(s));
        }
        m_state = std::move(state);
        m_history = std::move(history);
        return true;
    } catch (const nlohmann::json::exception& e) {
        error = std::string("the snapshot is not valid: ") + e.what();
        return false;
    }
}

} // namespace sb
