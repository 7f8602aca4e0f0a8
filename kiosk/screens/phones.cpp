// The join screen of a workshop with phones: a big QR code, the address and the room code, how many phones
// joined (never who), and the class's check before or after on their phones (only how many answered shows).
// Also the phones' parts of other screens: the vote panel at a role-play decision and on a quiz question, the
// spread of a quiz question, and the "zelf meegemaakt" tally after a role-play (phones_ui.h).
#include "screens/phones_ui.h"
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <algorithm>
#include <cstdio>

namespace sb {

namespace {

std::string Format(const char* pattern, int a, int b = 0) {
    char text[256];
    snprintf(text, sizeof text, pattern, a, b);
    return text;
}

std::string Address(const std::string& url) {
    const size_t q = url.find("/?");
    return q == std::string::npos ? url : url.substr(0, q);
}

} // namespace

void DrawPhonesScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const PhonesState& p = state.phones;
    if (!p.On()) {
        ui::Label(ui, FontRole::Heading, Tr(ui.lang, "phones.failed"), t.text);
        if (ui::Button(ui, "back", Tr(ui.lang, "phones.continue"), ImVec2(ui.U(14), 0)))
            out.Push(act::PhonesContinue{});
        return;
    }
    const RoomSnapshot& v = p.view;
    const ui::Column col = ui::CenteredColumn(ui, 72);
    const bool check_live = p.live.rfind("check-", 0) == 0;
    const bool after = p.live == "check-post";

    // The body: the QR code on the left, how to join and what the class is doing on the right. It scrolls
    // with large text; the buttons stay in the action bar below, always on screen.
    ui::BeginBody(ui, "phones", col, ui::ActionBarHeight(ui));
    const float width = ui::BodyWidth(ui, col);
    const float avail_h = ImGui::GetWindowHeight() - ui.U(1.0f);
    const float gap = ui.U(2.0f);
    const float side = std::max(ui.U(8), std::min(avail_h * 0.72f, width * 0.42f));
    const float column = width - side - gap;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ui::QrCode(ui, p.qr, origin, side);
    ui::Record(ui, "qr", p.url, origin, ImVec2(origin.x + side, origin.y + side), false, true);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + side + gap, origin.y));
    ImGui::BeginGroup();
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "phones.title"), t.text, column);
    ui::Space(ui, 0.3f);
    ui::Label(ui, FontRole::Body, Tr(ui.lang, "phones.scan"), t.text_muted, column);
    ui::Label(ui, FontRole::Title, Address(p.url), t.primary, column);
    ui::Space(ui, 0.4f);
    ui::Label(ui, FontRole::Body, Tr(ui.lang, "phones.code"), t.text_muted, column);
    ui::Label(ui, FontRole::Title, v.code, t.text, column);
    ui::Space(ui, 0.6f);
    const std::string count = v.participants == 1 ? std::string(Tr(ui.lang, "phones.count.one"))
                                                  : Format(Tr(ui.lang, "phones.count"), v.participants);
    ui::Label(ui, FontRole::Heading, count, t.secondary_text, column);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "phones.anonymous"), t.text_muted, column);
    ui::Space(ui, 0.6f);
    if (check_live && v.state == QuestionState::Open) {
        ui::Label(
            ui, FontRole::Bold,
            Format(Tr(ui.lang, after ? "phones.post.live" : "phones.pre.live"), v.answered, v.participants),
            t.text, column);
        ui::ProgressBar(ui, v.participants ? float(v.answered) / v.participants : 0.0f, column);
    } else if (check_live) {
        ui::NoteCard(ui, t.good, t.callout_tip, "", Format(Tr(ui.lang, "phones.closed"), v.answered), column);
    }
    ImGui::EndGroup();
    const float right_bottom = ImGui::GetCursorScreenPos().y;
    // Under the QR code: what the room's network must allow, and what to do when it does not.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + side + ui.U(0.6f)));
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "phones.network"), t.text_muted, side);
    if (ImGui::GetCursorScreenPos().y < right_bottom)
        ImGui::SetCursorScreenPos(ImVec2(origin.x, right_bottom));
    ui::EndBody(ui);

    ui::BeginActionBar(ui, col);
    if (check_live && v.state == QuestionState::Open) {
        if (ui::Button(ui, "phones-close", Tr(ui.lang, "phones.close"),
                       ImVec2(ui::ShareWidth(ui, col.width, 2), 0)))
            out.Push(act::PhonesClose{});
    } else if (after && check_live) {
        if (ui::Button(ui, "phones-results", Tr(ui.lang, "phones.results"),
                       ImVec2(ui::ShareWidth(ui, col.width, 2), 0)))
            out.Push(act::OpenResults{});
    } else {
        const int n = p.checks_closed > 0 ? 3 : 2;
        const float bw = ui::ShareWidth(ui, col.width, n);
        if (ui::Button(ui, "phones-pre", Tr(ui.lang, "phones.pre.start"), ImVec2(bw, 0),
                       p.checks_closed == 0 ? ButtonKind::Primary : ButtonKind::Secondary))
            out.Push(act::PhonesCheck{false});
        if (p.checks_closed > 0) {
            ImGui::SameLine();
            if (ui::Button(ui, "phones-post", Tr(ui.lang, "phones.post.start"), ImVec2(bw, 0),
                           ButtonKind::Secondary))
                out.Push(act::PhonesCheck{true});
        }
        ImGui::SameLine();
        if (ui::Button(ui, "phones-continue", Tr(ui.lang, "phones.continue"), ImVec2(bw, 0),
                       p.checks_closed == 0 ? ButtonKind::Secondary : ButtonKind::Primary))
            out.Push(act::PhonesContinue{});
    }
    ui::EndActionBar(ui);

    ui::Probe(ui, "phones.url", p.url);
    ui::Probe(ui, "phones.code", v.code);
    ui::Probe(ui, "phones.joined", std::to_string(v.participants));
    ui::Probe(ui, "phones.live", p.live);
    ui::Probe(ui, "phones.state", std::string(QuestionStateName(v.state)));
    ui::Probe(ui, "phones.answered", std::to_string(v.answered));
}

namespace ui {

bool PhonesVoting(const KioskState& state) {
    return state.phones.On() && state.phones.live.rfind("vote:", 0) == 0;
}

bool PhonesAnsweringQuiz(const KioskState& state) {
    return state.phones.On() && state.phones.live.rfind("quiz:", 0) == 0;
}

void PhonesAnsweredLine(const KioskState& state, Ui& ui, float width) {
    const RoomSnapshot& v = state.phones.view;
    const bool quiz = PhonesAnsweringQuiz(state);
    char text[128];
    snprintf(text, sizeof text, Tr(ui.lang, quiz ? "phones.quiz.answered" : "phones.voted"), v.answered,
             v.participants);
    ui::Label(ui, FontRole::Bold, text, ui.colors->secondary_text, width);
    // Revealed with too few answers: say so here, in view, instead of an empty space where the spread would
    // be.
    if (quiz && v.state == QuestionState::Revealed && (v.tallies.empty() || !v.tallies[0].shown))
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "phones.quiz.hidden"), ui.colors->text, width);
}

void PhonesVotePanel(const KioskState& state, Ui& ui, ActionSink& out, float width, bool count) {
    const RoomSnapshot& v = state.phones.view;
    const ThemeColors& t = *ui.colors;
    const bool quiz = PhonesAnsweringQuiz(state);
    if (count) PhonesAnsweredLine(state, ui, width);
    const bool shown = !v.tallies.empty() && v.tallies[0].shown;
    if (v.state == QuestionState::Open) {
        if (ui::Button(ui, "phones-reveal", Tr(ui.lang, "phones.reveal"),
                       ImVec2(std::min(width, ui.U(14)), 0), ButtonKind::Secondary))
            out.Push(act::PhonesReveal{});
    } else if (v.state == QuestionState::Revealed && (shown || count)) { // else the answered line says it
        const char* key = quiz ? (shown ? "phones.quiz.discuss" : "phones.quiz.hidden")
                               : (shown ? "phones.pick" : "phones.hidden");
        ui::Label(ui, shown ? FontRole::Small : FontRole::Bold, Tr(ui.lang, key),
                  shown ? t.text_muted : t.text, width);
    }
    ui::Probe(ui, "phones.voted", std::to_string(v.answered));
    ui::Probe(ui, "phones.vote.state", std::string(QuestionStateName(v.state)));
    ui::Probe(ui, "phones.spread", v.state != QuestionState::Revealed ? "none" : shown ? "shown" : "hidden");
}

// The spread for option `k` after the reveal: a bar and the count, only from 5 votes.
void PhonesVoteBar(const KioskState& state, Ui& ui, int k, ImVec2 at, float width) {
    const RoomSnapshot& v = state.phones.view;
    if (v.state != QuestionState::Revealed || v.tallies.empty() || !v.tallies[0].shown) return;
    const ItemTally& tally = v.tallies[0];
    if (k < 0 || k >= static_cast<int>(tally.counts.size())) return;
    const int n = tally.counts[k];
    const float h = ui.U(0.35f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ThemeColors& t = *ui.colors;
    // A quiz counts answers ("gekozen: 4"; several: how many ticked it), a vote counts votes.
    char text[64];
    if (PhonesAnsweringQuiz(state))
        snprintf(text, sizeof text, Tr(ui.lang, "phones.chosen"), n);
    else
        snprintf(text, sizeof text, "%d %s", n, Tr(ui.lang, "phones.votes"));
    const float label =
        std::max(ui.U(6.0f), ui::MeasureWrapped(ui.Font(FontRole::Bold), text, 0).x + ui.U(1.0f));
    const float bar = width - label;
    dl->AddRectFilled(at, ImVec2(at.x + bar, at.y + h), ToU32(t.secondary), h * 0.5f);
    const float fill = tally.answers ? bar * n / tally.answers : 0;
    if (fill > 0)
        dl->AddRectFilled(at, ImVec2(at.x + std::max(fill, h), at.y + h), ToU32(t.primary), h * 0.5f);
    ui::DrawText(ui, FontRole::Bold, ImVec2(at.x + bar + ui.U(0.5f), at.y - ui.U(0.45f)), t.text, text);
}

void PhonesOrderPanel(const KioskState& state, Ui& ui, float width) {
    const RoomSnapshot& v = state.phones.view;
    if (v.state != QuestionState::Revealed || !v.question || v.question->shape != AnswerShape::Order ||
        v.tallies.empty() || !v.tallies[0].shown)
        return;
    const RoomQuestion& q = *v.question;
    const ItemTally& tally = v.tallies[0];
    const ThemeColors& t = *ui.colors;
    char line[512];
    snprintf(line, sizeof line, Tr(ui.lang, "phones.order.exact"), tally.exact, tally.answers);
    const std::string heading = line;
    std::string body = Tr(ui.lang, "phones.order.places");
    for (size_t p = 0; p < tally.positions.size(); ++p) {
        const std::vector<int>& at = tally.positions[p];
        const int most = at.empty() ? 0 : *std::max_element(at.begin(), at.end());
        // Every option that shares the highest count, so a tie is not shown as a winner.
        std::string names;
        int tied = 0;
        for (size_t o = 0; o < at.size() && o < q.options.size(); ++o)
            if (at[o] == most && most > 0) {
                names += (tied++ ? " / " : "") + q.options[o].Get(ui.lang, q.default_language);
            }
        if (tied == 0) continue;
        snprintf(line, sizeof line, Tr(ui.lang, tied > 1 ? "phones.order.place.tie" : "phones.order.place"),
                 static_cast<int>(p + 1), names.c_str(), most, tally.answers);
        body += std::string("\n") + line;
    }
    ui::NoteCard(ui, t.primary, t.callout_know, heading, body, width);
    // The panel comes under the steps, below the fold on most screens: bring it into view once per reveal,
    // then leave the scrolling to the trainer. Past the card's end, so no "more" cue covers it: ImGui clamps
    // to the end of the body, as known a frame later, so the first two frames of the panel both ask.
    if (ui.reveal_scrolled != v.code + v.question_id) {
        ui.reveal_scrolled = v.code + v.question_id;
        ui.reveal_scroll_frames = 2;
    }
    if (ui.reveal_scroll_frames > 0) {
        --ui.reveal_scroll_frames;
        ImGui::SetScrollFromPosY(ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y + ui.U(4), 1.0f);
    }
    ui::Probe(ui, "phones.order.exact", std::to_string(tally.exact));
}

void PhonesSpreadLine(const KioskState& state, Ui& ui, float width) {
    const RoomSnapshot& v = state.phones.view;
    if (v.state != QuestionState::Revealed || v.tallies.empty() || !v.tallies[0].shown) return;
    std::string line;
    for (size_t k = 0; k < v.tallies[0].counts.size(); ++k)
        line += (k ? "   ·   " : "") + std::to_string(k + 1) + ":  " + std::to_string(v.tallies[0].counts[k]);
    ui::Label(ui, FontRole::Heading, line, ui.colors->text, width);
}

void PhonesExperiencedPanel(const KioskState& state, Ui& ui, ActionSink& out, float width) {
    const PhonesState& p = state.phones;
    if (!p.On()) return;
    const ThemeColors& t = *ui.colors;
    if (p.live != "experienced") {
        if (ui::Button(ui, "phones-experienced", Tr(ui.lang, "phones.experienced.ask"), ImVec2(width, 0),
                       ButtonKind::Secondary))
            out.Push(act::PhonesAskExperienced{});
        return;
    }
    const RoomSnapshot& v = p.view;
    const ItemTally* tally = v.tallies.empty() ? nullptr : &v.tallies[0];
    std::string body;
    char line[128];
    snprintf(line, sizeof line, Tr(ui.lang, "phones.experienced.count"), tally ? tally->answers : 0);
    body = line;
    if (tally && tally->shown && tally->counts.size() == 3) {
        const char* keys[] = {"phones.yes", "phones.no", "phones.rather-not"};
        for (int i = 0; i < 3; ++i)
            body += std::string("\n") + Tr(ui.lang, keys[i]) + ": " + std::to_string(tally->counts[i]);
    } else {
        body += "\n" + std::string(Tr(ui.lang, "phones.experienced.hidden"));
    }
    body += "\n\n" + std::string(Tr(ui.lang, "phones.experienced.help"));
    ui::NoteCard(ui, t.accent, t.callout_watch, Tr(ui.lang, "phones.experienced.title"), body, width);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "phones.experienced.signals"), t.text_muted, width);
    ui::Probe(ui, "phones.experienced", tally && tally->shown ? "shown" : "hidden");
}

} // namespace ui

} // namespace sb
