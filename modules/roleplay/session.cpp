#include "roleplay/session.h"

#include "core/shuffle.h"

#include <algorithm>
#include <numeric>

namespace sb {

RoleplaySession::RoleplaySession(std::shared_ptr<const Pack> pack, const Module& module, uint64_t seed)
    : m_pack(std::move(pack)), m_seed(seed), m_module(&module), m_roleplay(module.AsRoleplay()) {
    Restart();
    m_play = 0;
}

std::vector<int> RoleplaySession::ChoiceOrder(int node) const {
    const Node& n = m_roleplay->nodes[node];
    if (n.fixed_order) {
        std::vector<int> v(n.choices.size());
        std::iota(v.begin(), v.end(), 0);
        return v;
    }
    // FNV-1a of the module id: the same on every kiosk, unlike std::hash.
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : m_module->id)
        h = (h ^ c) * 1099511628211ull;
    const uint64_t mix = m_seed * 0x9E3779B97F4A7C15ull ^ h ^ (uint64_t(node) + 1) * 0xBF58476D1CE4E5B9ull ^
                         (uint64_t(m_play) << 40);
    return ShuffledIndices(n.choices.size(), mix);
}

void RoleplaySession::Restart() {
    ++m_play;
    m_history.clear();
    m_others.clear();
    m_state = State{};
    m_state.story = StartState(*m_roleplay);
    EnterLines(true);
}

void RoleplaySession::EnterLines(bool show_first_line) {
    m_state.lines_shown = 0;
    if (AtEnding()) return;
    if (show_first_line && !ShownLines().empty()) m_state.lines_shown = 1;
}

std::vector<int> RoleplaySession::ShownLines() const {
    if (AtEnding()) return {};
    return sb::ShownLines(*m_roleplay, m_state.story, m_state.story.node);
}

const Ending* RoleplaySession::CurrentEnding() const {
    return AtEnding() ? &m_roleplay->endings[m_state.story.ending] : nullptr;
}

const Choice* RoleplaySession::LastChoice() const {
    if (m_state.path.empty()) return nullptr;
    const PathStep& s = m_state.path.back();
    return &m_roleplay->nodes[s.node].choices[s.choice];
}

bool RoleplaySession::CanContinue() const {
    return !AtEnding() && !ShowingFeedback() && AllLinesShown() && CurrentNode().choices.empty() &&
           !Exits(*m_roleplay, m_state.story).empty();
}

bool RoleplaySession::Stuck() const {
    return !AtEnding() && !ShowingFeedback() && AllLinesShown() && Exits(*m_roleplay, m_state.story).empty();
}

void RoleplaySession::RevealNextLine() {
    if (!AtEnding() && !ShowingFeedback() && !AllLinesShown()) ++m_state.lines_shown;
}

void RoleplaySession::RevealAllLines() {
    if (!AtEnding()) m_state.lines_shown = ShownLines().size();
}

std::vector<int> RoleplaySession::AvailableChoices() const {
    std::vector<int> out;
    if (AtEnding() || CurrentNode().choices.empty()) return out;
    const std::vector<Exit> exits = Exits(*m_roleplay, m_state.story);
    for (int i : ChoiceOrder(m_state.story.node))
        if (std::any_of(exits.begin(), exits.end(), [i](const Exit& e) { return e.choice == i; }))
            out.push_back(i);
    return out;
}

bool RoleplaySession::Choose(int choice, std::vector<int> tally) {
    if (!AtDecision()) return false;
    const auto available = AvailableChoices();
    if (std::find(available.begin(), available.end(), choice) == available.end()) return false;
    m_history.push_back(m_state);
    const Choice& c = CurrentNode().choices[choice];
    m_state.path.push_back({m_state.story.node, choice, std::move(tally)});
    Take(*m_roleplay, m_state.story, Exit{choice, -1, c.target});
    EnterLines(false); // the feedback shows first, then the next node's lines
    m_state.feedback = true;
    m_others.clear();
    return true;
}

void RoleplaySession::DismissFeedback() {
    if (!m_state.feedback) return;
    m_state.feedback = false;
    if (!AtEnding() && m_state.lines_shown == 0 && !ShownLines().empty()) m_state.lines_shown = 1;
}

bool RoleplaySession::Continue() {
    if (!CanContinue()) return false;
    Take(*m_roleplay, m_state.story, Exits(*m_roleplay, m_state.story).front());
    EnterLines(true);
    return true;
}

bool RoleplaySession::Undo() {
    if (m_history.empty()) return false;
    m_state = std::move(m_history.back());
    m_history.pop_back();
    m_others.clear();
    return true;
}

Value RoleplaySession::Variable(const std::string& name) const {
    for (size_t i = 0; i < m_roleplay->variables.size(); ++i)
        if (m_roleplay->variables[i].name == name) return m_state.story.vars[i];
    return Value::Int(0);
}

int RoleplaySession::Visits(const std::string& node_id) const {
    for (size_t i = 0; i < m_roleplay->nodes.size(); ++i)
        if (m_roleplay->nodes[i].id == node_id) return m_state.story.visits[i];
    return 0;
}

std::vector<TranscriptLine> RoleplaySession::Transcript() const {
    // Replayed from the path with the story's own rules, so each line shows the variant and the values of
    // the moment it was shown, and undo and restore need no second record.
    std::vector<TranscriptLine> out;
    const Roleplay& rp = *m_roleplay;
    auto add_node = [&](const StoryState& at, size_t count) {
        const Node& n = rp.nodes[at.node];
        const std::vector<int> shown = sb::ShownLines(rp, at, at.node);
        for (size_t i = 0; i < count && i < shown.size(); ++i) {
            const Line& l = n.lines[shown[i]];
            out.push_back({l.speaker, Resolve(rp, at, l.text), l.mood, l.image});
        }
    };
    StoryState replay = StartState(rp);
    size_t step = 0;
    for (int guard = 0; guard < 100000 && replay.ending < 0; ++guard) {
        const Node& n = rp.nodes[replay.node];
        const bool current = !AtEnding() && step == m_state.path.size() && replay == m_state.story;
        if (current) {
            add_node(replay, m_state.lines_shown);
            break;
        }
        add_node(replay, n.lines.size());
        if (!n.choices.empty()) {
            if (step >= m_state.path.size()) break;
            const int k = m_state.path[step].choice;
            out.push_back({"you", Interpolate(rp, replay.vars, n.choices[k].text), "", ""});
            Take(rp, replay, Exit{k, -1, n.choices[k].target});
            ++step;
        } else {
            const std::vector<Exit> exits = Exits(rp, replay);
            if (exits.empty()) break;
            Take(rp, replay, exits.front());
        }
    }
    return out;
}

std::vector<int> RoleplaySession::ReachableEndings(const Target& from) const {
    if (from.index < 0) return {};
    if (from.ending) return {from.index};
    const std::vector<char> ends = ReachInGraph(*m_roleplay, from.index).endings;
    std::vector<int> out;
    for (size_t i = 0; i < ends.size(); ++i)
        if (ends[i]) out.push_back(static_cast<int>(i));
    return out;
}

const StoryState* RoleplaySession::StateAtStep(size_t step) const {
    // m_history holds the state before each choice of the path, in order.
    return step < m_history.size() ? &m_history[step].story : nullptr;
}

std::vector<OtherOption> RoleplaySession::OtherOptions(size_t step) const {
    if (auto it = m_others.find(step); it != m_others.end()) return it->second;
    std::vector<OtherOption> out;
    const StoryState* at = StateAtStep(step);
    if (!at || step >= m_state.path.size()) return out;
    const int chosen = m_state.path[step].choice;
    const std::vector<Exit> exits = Exits(*m_roleplay, *at);
    for (int k : ChoiceOrder(at->node)) {
        if (k == chosen) continue;
        const auto e = std::find_if(exits.begin(), exits.end(), [k](const Exit& x) { return x.choice == k; });
        if (e == exits.end()) continue; // not offered then: not an option the student had
        StoryState after = *at;
        Take(*m_roleplay, after, *e);
        const ReachableEndingsResult r = ReachableFrom(*m_roleplay, after);
        out.push_back({k, r.endings, r.complete});
    }
    m_others.emplace(step, out);
    return out;
}

nlohmann::json RoleplaySession::Snapshot() const {
    using nlohmann::json;
    auto state_json = [&](const State& s) {
        json vars = json::object();
        for (size_t i = 0; i < s.story.vars.size(); ++i) {
            const auto& v = m_roleplay->variables[i];
            if (v.initial.type == ValueType::Bool)
                vars[v.name] = s.story.vars[i].i != 0;
            else
                vars[v.name] = s.story.vars[i].i;
        }
        json visits = json::object();
        for (size_t i = 0; i < s.story.visits.size(); ++i)
            if (s.story.visits[i]) visits[m_roleplay->nodes[i].id] = s.story.visits[i];
        json taken = json::array();
        for (size_t n = 0; n < m_roleplay->nodes.size(); ++n)
            for (size_t k = 0; k < m_roleplay->nodes[n].choices.size(); ++k) {
                const int slot = m_roleplay->nodes[n].choices[k].once_index;
                if (slot >= 0 && slot < static_cast<int>(s.story.taken.size()) && s.story.taken[slot])
                    taken.push_back({{"node", m_roleplay->nodes[n].id}, {"choice", k}});
            }
        json path = json::array();
        for (const auto& p : s.path) {
            json step = {{"node", m_roleplay->nodes[p.node].id}, {"choice", p.choice}};
            if (!p.tally.empty()) step["tally"] = p.tally;
            path.push_back(step);
        }
        json out = {{"node", m_roleplay->nodes[s.story.node].id},
                    {"linesShown", s.lines_shown},
                    {"feedback", s.feedback},
                    {"variables", vars},
                    {"visits", visits},
                    {"path", path}};
        if (!taken.empty()) out["once"] = taken;
        if (s.story.ending >= 0) out["ending"] = m_roleplay->endings[s.story.ending].id;
        return out;
    };
    json history = json::array();
    for (const auto& h : m_history)
        history.push_back(state_json(h));
    return {{"module", m_module->id},
            {"seed", std::to_string(m_seed)},
            {"play", m_play},
            {"state", state_json(m_state)},
            {"history", history}};
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
        s.story.node = node_index(j.value("node", ""));
        if (s.story.node < 0) return false;
        s.feedback = j.value("feedback", false);
        if (j.contains("ending")) {
            const std::string id = j["ending"].get<std::string>();
            for (size_t i = 0; i < m_roleplay->endings.size(); ++i)
                if (m_roleplay->endings[i].id == id) s.story.ending = static_cast<int>(i);
            if (s.story.ending < 0) return false;
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
            s.story.vars.push_back(value);
        }
        s.story.visits.assign(m_roleplay->nodes.size(), 0);
        const nlohmann::json visits = j.value("visits", nlohmann::json::object()); // kept alive for items()
        for (const auto& [id, count] : visits.items()) {
            const int i = node_index(id);
            if (i < 0 || !count.is_number_integer()) return false;
            s.story.visits[i] = count.get<int>();
        }
        s.story.taken.assign(static_cast<size_t>(m_roleplay->once_choices), 0);
        for (const auto& t : j.value("once", nlohmann::json::array())) {
            const int n = node_index(t.value("node", ""));
            const int k = t.value("choice", -1);
            if (n < 0 || k < 0 || k >= static_cast<int>(m_roleplay->nodes[n].choices.size())) return false;
            const int slot = m_roleplay->nodes[n].choices[k].once_index;
            if (slot < 0) return false;
            s.story.taken[slot] = 1;
        }
        s.lines_shown = std::min<size_t>(j.value("linesShown", 0),
                                         sb::ShownLines(*m_roleplay, s.story, s.story.node).size());
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
        // The order of the choices comes back with the play it belongs to.
        const uint64_t seed =
            snapshot.contains("seed") ? std::stoull(snapshot["seed"].get<std::string>()) : m_seed;
        m_seed = seed;
        m_play = snapshot.value("play", m_play);
        m_state = std::move(state);
        m_history = std::move(history);
        m_others.clear();
        return true;
    } catch (const std::exception& e) { // nlohmann's errors, and a seed that is not a number
        error = std::string("the snapshot is not valid: ") + e.what();
        return false;
    }
}

} // namespace sb
