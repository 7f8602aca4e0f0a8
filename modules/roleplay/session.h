#pragma once
// One play of a role-play: a small cursor over the immutable scenario (like inkcpp's runner).
// It holds the current node, how many of its lines are shown, variables, visit counts, the path of
// choices made, an undo history, and class tallies in classroom mode. Snapshots are JSON.
#include "pack/model.h"

#include <nlohmann/json.hpp>

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

// One entry of the conversation as the student saw it.
struct TranscriptLine {
    std::string speaker; // cast id, "narrator" or "you"
    const LocalText* text = nullptr;
    std::string mood;
    std::string image; // a picture with the line, relative to the pack
};

class RoleplaySession {
  public:
    RoleplaySession(std::shared_ptr<const Pack> pack, const Module& module);

    const Pack& GetPack() const { return *m_pack; }
    const Module& GetModule() const { return *m_module; }
    const Roleplay& Scenario() const { return *m_roleplay; }

    // ---- where the play is
    bool AtEnding() const { return m_state.ending >= 0; }
    const Ending* CurrentEnding() const;
    const Node& CurrentNode() const { return m_roleplay->nodes[m_state.node]; }
    int CurrentNodeIndex() const { return m_state.node; }
    size_t LinesShown() const { return m_state.lines_shown; }
    bool AllLinesShown() const { return m_state.lines_shown >= CurrentNode().lines.size(); }
    // Feedback on the last choice is showing (before the next node's lines).
    bool ShowingFeedback() const { return m_state.feedback; }
    const Choice* LastChoice() const;
    bool AtDecision() const {
        return !AtEnding() && !ShowingFeedback() && AllLinesShown() && !CurrentNode().choices.empty();
    }
    bool CanContinue() const; // a node with "next" whose lines are all shown

    // ---- actions
    void RevealNextLine();
    void RevealAllLines();
    // Choices whose condition holds now, by index into CurrentNode().choices.
    std::vector<int> AvailableChoices() const;
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

    // Endings reachable from a target, for "where would the other options have led".
    std::vector<int> ReachableEndings(const Target& from) const;

    // ---- snapshot
    nlohmann::json Snapshot() const;
    // Restores a snapshot taken of the same scenario. False (state unchanged) with a reason when it does not
    // fit.
    bool Restore(const nlohmann::json& snapshot, std::string& error);

  private:
    struct State {
        int node = 0;
        int ending = -1;
        size_t lines_shown = 0;
        bool feedback = false;
        std::vector<Value> vars;
        std::vector<int> visits;
        std::vector<PathStep> path;
    };
    void Enter(const Target& target, bool show_first_line);

    std::shared_ptr<const Pack> m_pack;
    const Module* m_module;
    const Roleplay* m_roleplay;
    State m_state;
    std::vector<State> m_history; // states before each choice
};

} // namespace sb
