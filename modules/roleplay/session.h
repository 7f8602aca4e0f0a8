#pragma once
// One play of a role-play: a small cursor over the immutable scenario (like inkcpp's runner).
// It holds the current node, how many of its lines are shown, variables, visit counts, the path of
// choices made, an undo history, and class tallies in classroom mode. Snapshots are JSON.
#include "pack/model.h"
#include "pack/roleplay_graph.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sb {

struct PathStep {
    int node = -1;          // the decision node
    int choice = -1;        // index of the choice made
    std::vector<int> tally; // classroom mode: hands per choice (empty when not counted)
};

// One entry of the conversation as the student saw it (the variant and the variables of that moment).
struct TranscriptLine {
    std::string speaker; // cast id, "narrator" or "you"
    LocalText text;
    std::string mood;
    std::string image; // a picture with the line, relative to the pack
};

// Another option at a decision the student passed, and where it could have led from the state they were in.
struct OtherOption {
    int choice = -1;
    std::vector<int> endings; // endings reachable after it
    bool complete = true;     // false: too many states to tell (the list is a part)
};

class RoleplaySession {
  public:
    // `seed` orders the choices (the student's session seed: the same seed shows the same order).
    RoleplaySession(std::shared_ptr<const Pack> pack, const Module& module, uint64_t seed = 0);

    const Pack& GetPack() const { return *m_pack; }
    const Module& GetModule() const { return *m_module; }
    const Roleplay& Scenario() const { return *m_roleplay; }

    // ---- where the play is
    bool AtEnding() const { return m_state.story.ending >= 0; }
    const Ending* CurrentEnding() const;
    const Node& CurrentNode() const { return m_roleplay->nodes[m_state.story.node]; }
    int CurrentNodeIndex() const { return m_state.story.node; }
    const StoryState& Story() const { return m_state.story; }
    size_t LinesShown() const { return m_state.lines_shown; }
    // The current node's lines that show in this state (their "if" holds), by index into its lines.
    std::vector<int> ShownLines() const;
    bool AllLinesShown() const { return m_state.lines_shown >= ShownLines().size(); }
    // Feedback on the last choice is showing (before the next node's lines).
    bool ShowingFeedback() const { return m_state.feedback; }
    const Choice* LastChoice() const;
    bool AtDecision() const {
        return !AtEnding() && !ShowingFeedback() && AllLinesShown() && !CurrentNode().choices.empty();
    }
    bool CanContinue() const; // a node with "next" whose lines are all shown
    // The story cannot go on from here: every choice is closed (and no fallback), or no "next" applies. The
    // validator reports such states; the kiosk shows a calm way out instead of a blank decision.
    bool Stuck() const;
    // A text of this role-play as it shows now: its variant for this state, with {var} filled in.
    LocalText Say(const StoryText& text) const { return Resolve(*m_roleplay, m_state.story, text); }
    LocalText Say(const LocalText& text) const { return Interpolate(*m_roleplay, m_state.story.vars, text); }

    // ---- actions
    void RevealNextLine();
    void RevealAllLines();
    // Choices whose condition holds now, by index into CurrentNode().choices, in the order shown.
    std::vector<int> AvailableChoices() const;
    // The order a node's choices are shown in this play (indices into its choices): shuffled from the seed,
    // the module, the node and the play, so undo, a restore and every frame show the same order; a node with
    // "order": "fixed" keeps the written order.
    std::vector<int> ChoiceOrder(int node) const;
    uint64_t Seed() const { return m_seed; }
    // Makes a choice (an index into CurrentNode().choices). False when not available now.
    bool Choose(int choice, std::vector<int> tally = {});
    void DismissFeedback();
    bool Continue(); // follows "next"
    // Goes back to just before the last choice, restoring variables and visits too.
    bool Undo();
    bool CanUndo() const { return !m_history.empty(); }
    void Restart();

    // ---- state for the debrief and tests
    const std::vector<PathStep>& Path() const { return m_state.path; }
    Value Variable(const std::string& name) const;
    int Visits(const std::string& node_id) const;
    std::vector<TranscriptLine> Transcript() const;

    // Endings reachable from a target, whatever the variables (the graph only).
    std::vector<int> ReachableEndings(const Target& from) const;
    // The options the student had at path step `step` but did not take, each with the endings reachable
    // after it from the state the student was really in (conditions included).
    std::vector<OtherOption> OtherOptions(size_t step) const;
    // The state at path step `step`, just before the choice.
    const StoryState* StateAtStep(size_t step) const;

    // ---- snapshot
    nlohmann::json Snapshot() const;
    // Restores a snapshot taken of the same scenario. False (state unchanged) with a reason when it does not
    // fit.
    bool Restore(const nlohmann::json& snapshot, std::string& error);

  private:
    struct State {
        StoryState story;
        size_t lines_shown = 0;
        bool feedback = false;
        std::vector<PathStep> path;
    };
    void EnterLines(bool show_first_line);

    std::shared_ptr<const Pack> m_pack;
    uint64_t m_seed = 0;
    int m_play = 0; // grows at each restart: a new play, a new order
    const Module* m_module;
    const Roleplay* m_roleplay;
    State m_state;
    std::vector<State> m_history; // states before each choice
    mutable std::map<size_t, std::vector<OtherOption>>
        m_others; // OtherOptions per step, until the path changes
};

} // namespace sb
