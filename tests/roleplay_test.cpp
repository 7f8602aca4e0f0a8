// Role-play sessions, as a student plays them: GIVEN the test scenario, WHEN choosing, THEN ...
#include "pack/loader.h"
#include "roleplay/session.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace {

class Roleplay : public ::testing::Test {
  protected:
    void SetUp() override {
        sb::LoadResult r = sb::LoadPack(std::string(STAGEBOOST_TEST_DATA) + "/roleplay");
        ASSERT_TRUE(r.pack) << (r.diagnostics.List().empty()
                                    ? ""
                                    : sb::FormatDiagnostic(r.diagnostics.List()[0], "en"));
        pack = r.pack;
        session = std::make_unique<sb::RoleplaySession>(pack, *pack->FindModule("gesprek"));
    }
    // Reveals lines and dismisses feedback until a decision or an ending.
    void Advance() {
        for (int i = 0;
             i < 20 && !session->AtDecision() && !(session->AtEnding() && !session->ShowingFeedback()); ++i) {
            if (session->ShowingFeedback())
                session->DismissFeedback();
            else if (!session->AllLinesShown())
                session->RevealNextLine();
            else
                session->Continue();
        }
    }
    std::string NodeId() const { return session->CurrentNode().id; }
    std::shared_ptr<const sb::Pack> pack;
    std::unique_ptr<sb::RoleplaySession> session;
};

} // namespace

TEST_F(Roleplay, LinesShowOneAtATime) {
    EXPECT_EQ(NodeId(), "start");
    EXPECT_EQ(session->LinesShown(), 1u);
    EXPECT_FALSE(session->AtDecision());
    EXPECT_FALSE(session->Choose(0)) << "no choosing before the lines are read";
    session->RevealNextLine();
    EXPECT_TRUE(session->AtDecision());
    EXPECT_EQ(session->Transcript().size(), 2u);
}

TEST_F(Roleplay, EffectsAndConditions) {
    Advance();
    ASSERT_TRUE(session->Choose(0)); // write notes first
    EXPECT_TRUE(session->ShowingFeedback());
    EXPECT_EQ(session->LastChoice()->quality, sb::ChoiceQuality::Strong);
    EXPECT_EQ(session->Variable("notes"), sb::Value::Bool(true));
    EXPECT_EQ(session->Variable("courage"), sb::Value::Int(1));
    Advance();
    EXPECT_EQ(NodeId(), "talk");
    EXPECT_EQ(session->AvailableChoices(), (std::vector<int>{0, 1, 2}));
    ASSERT_TRUE(session->Choose(0));
    Advance();
    ASSERT_TRUE(session->AtEnding());
    EXPECT_EQ(session->CurrentEnding()->id, "heard");
}

TEST_F(Roleplay, AConditionHidesAChoiceAndCannotBeForced) {
    Advance();
    ASSERT_TRUE(session->Choose(1)); // straight in, no notes
    Advance();
    EXPECT_EQ(session->AvailableChoices(), (std::vector<int>{1, 2}));
    EXPECT_FALSE(session->Choose(0));
}

TEST_F(Roleplay, VisitCountsLimitARepeat) {
    Advance();
    session->Choose(1);
    Advance();
    ASSERT_TRUE(session->Choose(2)); // try again: talk is visited a second time
    Advance();
    EXPECT_EQ(session->Visits("talk"), 2);
    EXPECT_EQ(session->AvailableChoices(), (std::vector<int>{1})) << "visits(talk) < 2 no longer holds";
    session->Choose(1);
    Advance(); // through "partly" and its next
    ASSERT_TRUE(session->AtEnding());
    EXPECT_EQ(session->CurrentEnding()->id, "half");
}

TEST_F(Roleplay, UndoRestoresTheExactEarlierStateVariablesIncluded) {
    Advance();
    const nlohmann::json before_walk = session->Snapshot();
    session->Choose(2); // walk away
    Advance();
    const nlohmann::json before_back = session->Snapshot();
    session->Choose(0); // go back: courage += 2
    Advance();
    EXPECT_EQ(session->Variable("courage"), sb::Value::Int(2));
    EXPECT_EQ(session->Visits("start"), 2);
    ASSERT_TRUE(session->Undo());
    EXPECT_EQ(session->Snapshot()["state"], before_back["state"]);
    EXPECT_EQ(session->Variable("courage"), sb::Value::Int(0));
    EXPECT_EQ(session->Visits("start"), 1);
    ASSERT_TRUE(session->Undo());
    EXPECT_EQ(session->Snapshot(), before_walk);
    EXPECT_FALSE(session->Undo());
}

TEST_F(Roleplay, SnapshotRoundTripIncludingHistory) {
    Advance();
    session->Choose(0, {7, 12, 3});
    Advance();
    session->Choose(2);
    Advance();
    const nlohmann::json snap = session->Snapshot();
    sb::RoleplaySession other(pack, *pack->FindModule("gesprek"));
    std::string error;
    ASSERT_TRUE(other.Restore(nlohmann::json::parse(snap.dump()), error)) << error;
    EXPECT_EQ(other.Snapshot(), snap);
    EXPECT_EQ(other.Path()[0].tally, (std::vector<int>{7, 12, 3}));
    EXPECT_EQ(other.Variable("notes"), sb::Value::Bool(true));
    ASSERT_TRUE(other.Undo()); // the undo history came along
    EXPECT_EQ(other.CurrentNode().id, "talk");
    EXPECT_EQ(other.Visits("talk"), 1);
}

TEST_F(Roleplay, RestoreRefusesASnapshotThatDoesNotFit) {
    nlohmann::json snap = session->Snapshot();
    snap["state"]["node"] = "gone";
    std::string error;
    EXPECT_FALSE(session->Restore(snap, error));
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(NodeId(), "start") << "a failed restore leaves the session as it was";
    EXPECT_FALSE(session->Restore(nlohmann::json::parse("[1,2]"), error));
}

TEST_F(Roleplay, TranscriptFollowsThePathAndRestartClearsEverything) {
    Advance();
    session->Choose(1);
    Advance();
    const auto t = session->Transcript();
    ASSERT_EQ(t.size(), 4u); // two lines, the student's choice, the manager's question
    EXPECT_EQ(t[2].speaker, "you");
    EXPECT_EQ(pack->T(t[2].text, "en"), "I go straight in.");
    session->Restart();
    EXPECT_EQ(NodeId(), "start");
    EXPECT_TRUE(session->Path().empty());
    EXPECT_FALSE(session->CanUndo());
    EXPECT_EQ(session->Variable("courage"), sb::Value::Int(0));
}

TEST_F(Roleplay, OtherOptionsShowWhereTheyCouldLead) {
    const auto& start = session->Scenario().nodes[0];
    const auto from_talk = session->ReachableEndings(start.choices[1].target);
    EXPECT_EQ(from_talk.size(), 2u); // heard, half
    const auto from_walk = session->ReachableEndings(start.choices[2].target);
    EXPECT_EQ(from_walk.size(), 3u); // walking away can still lead anywhere, via going back
}

// ---- the order of the choices (issue 13, item 1)

namespace {

// The test scenario with its decisions shuffled, as a pack without "order": "fixed" plays them.
std::shared_ptr<const sb::Pack> Shuffled(const sb::Pack& pack) {
    auto copy = std::make_shared<sb::Pack>(pack);
    for (auto& m : copy->modules)
        if (auto* rp = std::get_if<sb::Roleplay>(&m.content))
            for (auto& n : rp->nodes)
                n.fixed_order = false;
    return copy;
}

} // namespace

TEST_F(Roleplay, ThreeSeedsShowThreeOrdersAndAFixedOrderIsKept) {
    auto shuffled = Shuffled(*pack);
    const sb::Module& m = *shuffled->FindModule("gesprek");
    // Seeds as the kiosk makes them per student: every order of the three options turns up, each about as
    // often, and the same seed always shows the same order.
    std::set<std::vector<int>> orders;
    std::map<std::vector<int>, int> count;
    for (uint64_t seed = 1; seed <= 600; ++seed) {
        sb::RoleplaySession s(shuffled, m, seed);
        s.RevealAllLines();
        ASSERT_TRUE(s.AtDecision());
        orders.insert(s.AvailableChoices());
        ++count[s.AvailableChoices()];
        sb::RoleplaySession again(shuffled, m, seed);
        again.RevealAllLines();
        EXPECT_EQ(again.AvailableChoices(), s.AvailableChoices()) << "the same seed shows the same order";
    }
    EXPECT_EQ(orders.size(), 6u) << "every order of three options turns up";
    for (const auto& [order, n] : count)
        EXPECT_GT(n, 60) << "each order about a sixth of the time (100 of 600)";
    // Three students in a row on a kiosk started with --seed 42 (Flow::StudentSeed) see three orders.
    std::set<std::vector<int>> three;
    for (uint64_t generation : {0u, 1u, 2u}) {
        sb::RoleplaySession s(shuffled, m, 42 + generation * 0x9E3779B97F4A7C15ull);
        s.RevealAllLines();
        three.insert(s.AvailableChoices());
    }
    EXPECT_EQ(three.size(), 3u) << "three seeds, three orders";
    // The scenario as written pins its order: every seed shows the choices as written.
    for (uint64_t seed : {1u, 2u, 3u}) {
        sb::RoleplaySession s(pack, *pack->FindModule("gesprek"), seed);
        s.RevealAllLines();
        EXPECT_EQ(s.AvailableChoices(), (std::vector<int>{0, 1, 2}));
    }
}

TEST_F(Roleplay, TheOrderSurvivesUndoSnapshotAndRestore) {
    auto shuffled = Shuffled(*pack);
    const sb::Module& m = *shuffled->FindModule("gesprek");
    sb::RoleplaySession s(shuffled, m, 42);
    s.RevealAllLines();
    const std::vector<int> first = s.AvailableChoices();
    EXPECT_EQ(s.AvailableChoices(), first) << "every frame asks again and sees the same";
    ASSERT_TRUE(s.Choose(first[0]));
    s.DismissFeedback();
    s.RevealAllLines();
    std::vector<int> second;
    if (s.AtDecision()) second = s.AvailableChoices();
    // Restored into a session made with another seed (the kiosk reloading a pack): the order comes along.
    sb::RoleplaySession restored(shuffled, m, 7);
    std::string error;
    ASSERT_TRUE(restored.Restore(nlohmann::json::parse(s.Snapshot().dump()), error)) << error;
    if (s.AtDecision()) EXPECT_EQ(restored.AvailableChoices(), second);
    ASSERT_TRUE(restored.Undo());
    EXPECT_EQ(restored.AvailableChoices(), first) << "undo goes back to the same order";
    ASSERT_TRUE(s.Undo());
    EXPECT_EQ(s.AvailableChoices(), first);
}

// ---- a truthful debrief (issue 13, item 4)

TEST_F(Roleplay, OtherOptionsNameOnlyWhatTheStudentHadAndWhereItCouldLeadFromThere) {
    // Straight in without notes: at "talk" the notes option is closed, so the debrief must not offer it.
    Advance();
    ASSERT_TRUE(session->Choose(1));
    Advance();
    ASSERT_EQ(NodeId(), "talk");
    ASSERT_TRUE(session->Choose(1)); // "partly", towards "half"
    Advance();
    ASSERT_TRUE(session->AtEnding());
    const auto& rp = session->Scenario();
    // Step 0 (start): the other two options, both open then.
    const auto at_start = session->OtherOptions(0);
    ASSERT_EQ(at_start.size(), 2u);
    for (const auto& o : at_start) {
        EXPECT_NE(o.choice, 1);
        EXPECT_TRUE(o.complete);
    }
    // Step 1 (talk): the notes option was closed then (no notes), so only the third is another option, and
    // what it could lead to is computed from that state (no notes), not from the graph.
    const auto at_talk = session->OtherOptions(1);
    ASSERT_EQ(at_talk.size(), 1u);
    EXPECT_EQ(at_talk[0].choice, 2);
    const sb::StoryState* state = session->StateAtStep(1);
    ASSERT_NE(state, nullptr);
    sb::StoryState after = *state;
    sb::Take(rp, after, sb::Exit{2, -1, rp.nodes[session->Path()[1].node].choices[2].target});
    EXPECT_EQ(at_talk[0].endings, sb::ReachableFrom(rp, after).endings);
    for (int e : at_talk[0].endings) {
        // Each named ending is really reached by some play from there.
        const sb::Exploration x = sb::Explore(rp, after, {}, true);
        EXPECT_TRUE(x.ending_reached[e]);
    }
}
