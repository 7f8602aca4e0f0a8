#pragma once
// The one place that knows how a role-play moves: the exits of a node in a state (choices whose condition
// holds, "once" and "fallback" rules, the first "next" branch that applies), taking an exit, which lines and
// text variants show, {var} interpolation, the static graph (every edge whatever the state) and the state
// exploration (node × variable values × visit counts, bounded). The loader, the session, the transcript, the
// debrief, `stageboost-pack graph` and `stageboost-pack playthroughs` all use it, so they cannot disagree.
#include "pack/model.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sb {

// Where a play is, as far as the story's rules can tell.
struct StoryState {
    int node = -1;   // the node being shown (-1 at an ending)
    int ending = -1; // the ending reached, else -1
    std::vector<Value> vars;
    std::vector<int> visits;    // per node, counting the current one
    std::vector<uint8_t> taken; // per "once" choice (Choice::once_index): taken in this play
    bool operator==(const StoryState&) const = default;
};

// A way out of a node: a choice (index into node.choices) or a "next" branch (index into node.next).
struct Exit {
    int choice = -1;
    int branch = -1;
    Target target;
};

// The state at the start of a play: variables at their start values, the start node entered.
StoryState StartState(const Roleplay& rp);
// Whether choice `k` of the state's node is offered now (condition, once; not the fallback rule).
bool ChoiceOpen(const Roleplay& rp, const StoryState& state, int k);
// The exits of the state's node: the choices offered, in written order (a fallback only when no other is
// open), or the first "next" branch that holds. Empty at an ending, or when the story cannot go on.
std::vector<Exit> Exits(const Roleplay& rp, const StoryState& state);
// Takes an exit: the choice's effects, its "once" mark, then enters the target (visits grow).
void Take(const Roleplay& rp, StoryState& state, const Exit& exit);
void Enter(const Roleplay& rp, StoryState& state, const Target& target);

// Indices of the node's lines that show in this state (their "if" holds).
std::vector<int> ShownLines(const Roleplay& rp, const StoryState& state, int node);
// The variant of a story text that shows in this state, with {var} filled in, in every language.
LocalText Resolve(const Roleplay& rp, const StoryState& state, const StoryText& text);
// A plain text with {var} filled in.
LocalText Interpolate(const Roleplay& rp, const std::vector<Value>& vars, const LocalText& text);
// Checks a string's {var} references against the declared variables. False with the byte offset and the
// problem (in both languages) when a name is not declared or a brace is not closed.
struct InterpolationError {
    size_t offset = 0;
    std::string name; // the undeclared name, if that was the problem
    std::string en, nl;
};
bool CheckInterpolation(const std::string& text, const std::vector<std::string>& variables,
                        InterpolationError& error);

// Every edge of the node whatever the state: for the map (`stageboost-pack graph`) and the graph checks.
struct Edge {
    Target target;
    const Choice* choice = nullptr; // the choice, or
    const Branch* branch = nullptr; // the "next" branch it comes from
};
std::vector<Edge> Edges(const Node& node);
// What the graph alone reaches from node `from` (every edge open, whatever the state): the nodes (`from`
// among them) and the endings. The loader's graph checks and the session's debrief both ask this.
struct GraphReach {
    std::vector<char> nodes, endings;
};
GraphReach ReachInGraph(const Roleplay& rp, int from);

// ---- the state exploration
struct ExploreLimits {
    size_t max_states = 200000;
};

struct Exploration {
    bool complete = false; // every reachable state was seen (else the bound was hit)
    size_t states = 0;
    std::vector<char> node_reached, ending_reached;
    // A state the story cannot leave, or one from which no ending can be reached (a closed loop): one
    // example per node.
    struct Problem {
        int node = -1;
        StoryState state;
    };
    std::vector<Problem> no_exit, no_ending;
    // For each ending reached, the shortest list of exits from the start state that reaches it.
    std::vector<std::vector<Exit>> path_to_ending;
};

// Explores every state reachable from `from` (a play's start, or where a student is). Visit counts are
// capped just above the largest number the role-play's conditions compare with, and variables no condition
// reads are left out, so the states are those the story can tell apart.
Exploration Explore(const Roleplay& rp, const StoryState& from, const ExploreLimits& limits = {},
                    bool want_paths = false);

// Endings reachable from a state. `complete` is false when the bound was hit (then the list is a part).
struct ReachableEndingsResult {
    std::vector<int> endings;
    bool complete = true;
};
ReachableEndingsResult ReachableFrom(const Roleplay& rp, const StoryState& from, size_t max_states = 20000);

// "confidence = 2, reported = true": the variables that matter, for messages.
std::string DescribeState(const Roleplay& rp, const StoryState& state);

} // namespace sb
