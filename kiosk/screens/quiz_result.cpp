// The quiz result: advice for the score band (never a pass or fail), or a profile per group of
// statements for a self-assessment; a review of the answers; Retry.
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <cstdio>

namespace sb {

namespace {

std::string Number(double v) {
    char buf[32];
    snprintf(buf, sizeof buf, "%g", std::round(v * 10) / 10);
    return buf;
}

// A 1..5 scale with a marker at the group's average.
void ScaleBar(const Ui& ui, double average, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float h = ui.U(0.5f);
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + h), ToU32(ui.colors->secondary), h * 0.5f);
    const float f = static_cast<float>((average - 1) / 4);
    dl->AddRectFilled(p0, ImVec2(p0.x + width * f, p0.y + h), ToU32(ui.colors->primary), h * 0.5f);
    dl->AddCircleFilled(ImVec2(p0.x + width * f, p0.y + h * 0.5f), h * 0.9f, ToU32(ui.colors->primary));
    ImGui::Dummy(ImVec2(width, h + ui.U(0.2f)));
}

} // namespace

void DrawQuizResultScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const QuizSession* s = state.student.quiz.get();
    if (!s) {
        DrawModuleGone(ui, out);
        return;
    }
    const ThemeColors& t = *ui.colors;
    const Pack& pack = s->GetPack();
    const Quiz& quiz = s->GetQuiz();
    const ui::Column col = ui::CenteredColumn(ui, 42);
    ui::BeginBody(ui, "##result", col, ui::ActionBarHeight(ui));
    const float w = ui::BodyWidth(ui, col);
    ui::Label(ui, FontRole::Small, pack.T(s->GetModule().title, ui.lang), t.secondary_text, w);
    if (!quiz.self_assessment) {
        char score[96];
        snprintf(score, sizeof score, Tr(ui.lang, "quiz.score"), Number(s->Score()).c_str(),
                 Number(s->MaxScore()).c_str());
        ui::Label(ui, FontRole::Heading, score, t.text, w);
        ui::Probe(ui, "quiz.score", Number(s->Score()) + "/" + Number(s->MaxScore()));
        if (const Band* band = s->ScoreBand()) {
            ui::Probe(ui, "quiz.band", std::to_string(band - quiz.bands.data() + 1));
            ui::Space(ui, 0.3f);
            ui::NoteCard(ui, t.accent, t.callout_tip, pack.T(band->title, ui.lang),
                         pack.T(band->advice, ui.lang), w);
            if (!band->tips.empty()) {
                ui::Space(ui, 0.3f);
                ui::Label(ui, FontRole::Bold, Tr(ui.lang, "quiz.tips"), t.text, w);
                for (const LocalText& tip : band->tips)
                    ui::Label(ui, FontRole::Body, "•  " + pack.T(tip, ui.lang), t.text, w);
            }
        }
        // Review: what was right, with the explanation, so an "end" quiz still teaches.
        ui::Space(ui, 0.6f);
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "quiz.review"), t.text, w);
        for (size_t p = 0; p < s->Count(); ++p) {
            const Question& q = s->QuestionAt(p);
            const bool right = FullyCorrect(q, s->AnswerAt(p));
            const double got = ScoreQuestion(q, s->AnswerAt(p));
            const std::string mark = right ? "✓ " : (got > 0 ? "½ " : "✗ ");
            ui::Label(ui, FontRole::Body, mark + std::to_string(p + 1) + ". " + pack.T(q.text, ui.lang),
                      right ? t.good : t.text, w);
            if (!q.explanation.Empty())
                ui::Label(ui, FontRole::Small, pack.T(q.explanation, ui.lang), t.text_muted, w);
        }
    } else {
        ui::Label(ui, FontRole::Heading, Tr(ui.lang, "quiz.profile"), t.text, w);
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "quiz.profile.note"), t.text_muted, w);
        std::string probe;
        for (const GroupProfile& g : s->Profile()) {
            ui::Space(ui, 0.5f);
            ui::Label(ui, FontRole::Bold, pack.T(g.group->title, ui.lang), t.text, w);
            if (g.answered == 0) {
                ui::Label(ui, FontRole::Small, Tr(ui.lang, "quiz.profile.skipped"), t.text_muted, w);
                continue;
            }
            ScaleBar(ui, g.average, w * 0.6f);
            probe += (probe.empty() ? "" : ",") + Number(g.average);
            if (g.band)
                ui::NoteCard(ui, t.primary, t.callout_know, pack.T(g.band->title, ui.lang),
                             pack.T(g.band->advice, ui.lang), w);
        }
        ui::Probe(ui, "quiz.profile", probe);
    }
    ui::EndBody(ui);
    ui::BeginActionBar(ui, col);
    const float bw = ui::ShareWidth(ui, col.width, 2);
    if (ui::Button(ui, "retry", Tr(ui.lang, "quiz.retry"), ImVec2(bw, ui.U(2.2f)), ButtonKind::Secondary))
        out.Push(act::QuizRetry{});
    ImGui::SameLine();
    if (ui::Button(ui, "done", Tr(ui.lang, "debrief.home"), ImVec2(bw, ui.U(2.2f))))
        out.Push(act::QuizDone{});
    ImGui::SetItemDefaultFocus();
    ui::EndActionBar(ui);
}

} // namespace sb
