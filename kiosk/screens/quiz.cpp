// A quiz question: single or multiple choice, true/false, ordering, or a Likert statement.
// Feedback per option and an explanation after checking (right away or at the end, as the pack says).
#include "screens/phones_ui.h"
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace sb {

const char* QuestionHintKey(QuestionType type) {
    switch (type) {
    case QuestionType::Single:
        return "quiz.hint.single";
    case QuestionType::Multiple:
        return "quiz.hint.multiple";
    case QuestionType::TrueFalse:
        return "quiz.hint.truefalse";
    case QuestionType::Ordering:
        return "quiz.hint.ordering";
    case QuestionType::Likert:
        return "quiz.hint.likert";
    }
    return "";
}

std::string QuestionOptionText(const Ui& ui, const Pack& pack, const Question& q, int option) {
    if (q.type == QuestionType::TrueFalse) return Tr(ui.lang, option == 0 ? "quiz.true" : "quiz.false");
    return pack.T(q.options[option].text, ui.lang);
}

const Rgb* CheckedMark(const ThemeColors& t, bool checked, bool correct, bool selected, std::string& badge) {
    // After a check: the right answers in green with ✓, a wrong pick in orange with ✗.
    if (checked && correct) {
        badge = "✓";
        return &t.good;
    }
    if (checked && selected) {
        badge = "✗";
        return &t.warn;
    }
    return nullptr;
}

namespace {

bool IsSelected(const QuizAnswer& a, int option) {
    return std::find(a.selected.begin(), a.selected.end(), option) != a.selected.end();
}

} // namespace

void DrawQuizScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const QuizSession* s = state.student.quiz.get();
    if (!s || s->Count() == 0) {
        DrawModuleGone(ui, out);
        return;
    }
    const ThemeColors& t = *ui.colors;
    const Pack& pack = s->GetPack();
    const Quiz& quiz = s->GetQuiz();
    const size_t pos = s->Position();
    const Question& q = s->Current();
    const QuizAnswer& answer = s->CurrentAnswer();
    const bool checked = s->Graded(pos);
    const bool answered = answer.Answered(q);
    const bool likert = q.type == QuestionType::Likert;
    DrawProgressBar(state, ui, out, pack.T(s->GetModule().title, ui.lang), static_cast<int>(pos + 1),
                    static_cast<int>(s->Count()), "quiz.progress");

    const ui::Column col = ui::CenteredColumn(ui, 40);
    ui::Space(ui, 0.3f);
    ImGui::PushID(static_cast<int>(pos)); // each question starts scrolled to the top
    ui::BeginBody(ui, "##question", col, ui::ActionBarHeight(ui));
    const float w = ui::BodyWidth(ui, col);
    {
        // Revealed on phones: back to the top once, where the question, the count (or "too few") and the
        // first bars are; the reveal button the trainer scrolled down to is gone. An ordering's panel
        // scrolls itself into view instead (PhonesOrderPanel).
        const RoomSnapshot& v = state.phones.view;
        const bool order_panel = q.type == QuestionType::Ordering && !v.tallies.empty() && v.tallies[0].shown;
        if (ui::PhonesAnsweringQuiz(state) && v.state == QuestionState::Revealed && !order_panel &&
            ui.reveal_scrolled != v.code + v.question_id) {
            ui.reveal_scrolled = v.code + v.question_id;
            ImGui::SetScrollY(0);
        }
    }
    const std::string text = pack.T(q.text, ui.lang);
    ui::Label(ui, text.size() < 90 ? FontRole::Heading : FontRole::Bold, text, t.text, w);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, QuestionHintKey(q.type)), t.secondary_text, w);
    const bool phones = ui::PhonesAnsweringQuiz(state); // the class answers on phones, privately
    // How many answered, live, where it shows without scrolling past the options.
    if (phones) ui::PhonesAnsweredLine(state, ui, w);
    ui::Space(ui, 0.4f);

    const std::vector<int>& shown = s->ShownOptions(pos);
    if (q.type == QuestionType::Ordering) {
        // Each step with Up and Down buttons: easy on a touch screen, and keys work through focus.
        const auto& order = answer.order;
        const float arrows = ui.U(2.4f) * 2 + ui.U(0.5f);
        for (size_t k = 0; k < order.size(); ++k) {
            const int item = order[k];
            const std::string id = "item-" + std::to_string(k + 1);
            const Rgb* mark = checked ? (item == static_cast<int>(k) ? &t.good : &t.warn) : nullptr;
            ui::ChoiceButton(ui, id.c_str(), std::to_string(k + 1), pack.T(q.options[item].text, ui.lang),
                             w - arrows, !checked, false, mark);
            ImGui::SameLine(0, ui.U(0.3f));
            const std::string up = "up-" + std::to_string(k + 1), down = "down-" + std::to_string(k + 1);
            if (ui::Button(ui, up.c_str(), "↑", ImVec2(ui.U(2.4f), 0), ButtonKind::Secondary,
                           !checked && k > 0))
                out.Push(act::QuizMove{static_cast<int>(k), static_cast<int>(k) - 1});
            ImGui::SameLine(0, ui.U(0.2f));
            if (ui::Button(ui, down.c_str(), "↓", ImVec2(ui.U(2.4f), 0), ButtonKind::Secondary,
                           !checked && k + 1 < order.size()))
                out.Push(act::QuizMove{static_cast<int>(k), static_cast<int>(k) + 1});
        }
        if (checked) {
            // After checking: the right order itself, so nobody is left guessing.
            bool all_right = true;
            for (size_t k = 0; k < order.size(); ++k)
                all_right = all_right && order[k] == static_cast<int>(k);
            ui::Space(ui, 0.3f);
            if (all_right) {
                ui::Label(ui, FontRole::Bold, Tr(ui.lang, "quiz.order.good"), t.good, w);
            } else {
                std::string steps;
                for (size_t k = 0; k < q.options.size(); ++k)
                    steps +=
                        (k ? "\n" : "") + std::to_string(k + 1) + ". " + pack.T(q.options[k].text, ui.lang);
                ui::NoteCard(ui, t.good, t.callout_tip, Tr(ui.lang, "quiz.order.right"), steps, w);
            }
        }
    } else if (likert) {
        // Five big steps in a row, each with its own label centred under it.
        const float gap = ui.U(0.4f);
        const float bw = (w - gap * 4) / 5;
        for (int v = 1; v <= 5; ++v) {
            if (v > 1) ImGui::SameLine(0, gap);
            const std::string id = "likert-" + std::to_string(v);
            const ButtonKind kind = answer.likert == v ? ButtonKind::Primary : ButtonKind::Quiet;
            if (ui::Button(ui, id.c_str(), std::to_string(v), ImVec2(bw, ui.U(2.6f)), kind))
                out.Push(act::QuizLikert{v});
        }
        const ImVec2 row = ImGui::GetCursorScreenPos();
        float label_h = 0;
        for (int v = 1; v <= 5; ++v) {
            const std::string label = quiz.scale_labels.size() == 5
                                          ? pack.T(quiz.scale_labels[v - 1], ui.lang)
                                          : Tr(ui.lang, "quiz.scale." + std::to_string(v));
            const float x = row.x + (v - 1) * (bw + gap);
            const ImVec2 size = ui::MeasureWrapped(ui.Font(FontRole::Small), label, bw);
            // Each line of a wrapped label is centred under the tile it names.
            ui::DrawTextCentered(ui, FontRole::Small, ImVec2(x, row.y), bw, t.text_muted, label, "",
                                 "likert-" + std::to_string(v));
            label_h = std::max(label_h, size.y);
        }
        ImGui::Dummy(ImVec2(w, label_h));
    } else {
        for (size_t k = 0; k < shown.size(); ++k) {
            const int o = shown[k];
            const std::string id = "option-" + std::to_string(k + 1);
            const bool selected = IsSelected(answer, o);
            const Option& opt = q.options[o];
            std::string badge = q.type == QuestionType::Multiple && selected ? "✓" : std::to_string(k + 1);
            const Rgb* mark = CheckedMark(t, checked, opt.correct, selected, badge);
            if (ui::ChoiceButton(ui, id.c_str(), badge, QuestionOptionText(ui, pack, q, o), w, !checked,
                                 selected && !checked, mark))
                out.Push(act::QuizSelect{o});
            if (phones) { // the class's spread under each option, once revealed (from 5 answers)
                ui::PhonesVoteBar(state, ui, static_cast<int>(k), ImGui::GetCursorScreenPos(), w);
                const RoomSnapshot& v = state.phones.view;
                if (v.state == QuestionState::Revealed && !v.tallies.empty() && v.tallies[0].shown)
                    ui::Space(ui, 0.6f);
            }
            if (!checked && k < 9 && ImGui::IsKeyPressed(SDL_SCANCODE_1 + static_cast<int>(k), false))
                out.Push(act::QuizSelect{o});
            if (checked && (opt.correct || selected)) {
                // One clear line per option that matters: right, wrong, or the right one that was missed.
                std::string note;
                if (opt.correct && selected)
                    note = Tr(ui.lang, "quiz.right");
                else if (opt.correct)
                    note = Tr(ui.lang,
                              q.type == QuestionType::Multiple ? "quiz.missed.multiple" : "quiz.missed");
                else
                    note = Tr(ui.lang, "quiz.wrong");
                const std::string fb = pack.T(opt.feedback, ui.lang);
                if (!fb.empty() && fb != pack.T(q.explanation, ui.lang)) note += " " + fb;
                ui::Label(ui, FontRole::Small, note, opt.correct ? t.good : t.warn, w);
                ui::Space(ui, 0.15f);
            }
        }
    }
    if (phones) {
        ui::Space(ui, 0.4f);
        ui::PhonesVotePanel(state, ui, out, w, false);
        if (likert) ui::PhonesSpreadLine(state, ui, w);
        if (q.type == QuestionType::Ordering) ui::PhonesOrderPanel(state, ui, w);
    }
    if (checked && !likert && !q.explanation.Empty()) {
        ui::Space(ui, 0.3f);
        ui::NoteCard(ui, t.primary, t.callout_know, Tr(ui.lang, "quiz.explanation"),
                     pack.T(q.explanation, ui.lang), w);
    }
    ui::EndBody(ui);
    ImGui::PopID();

    // ---- Back, and Check or Next, always on screen
    ui::BeginActionBar(ui, col);
    const float bw = ui::ShareWidth(ui, col.width, 2);
    const bool key_prev = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp), false);
    const bool key_next = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown), false) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    if (ui::Button(ui, "prev", Tr(ui.lang, "common.back"), ImVec2(bw, ui.U(2.2f)), ButtonKind::Secondary,
                   pos > 0) ||
        (key_prev && pos > 0))
        out.Push(act::QuizBack{});
    ImGui::SameLine();
    const bool wants_check = quiz.immediate_feedback && !likert && !checked;
    if (wants_check) {
        if (ui::Button(ui, "check", Tr(ui.lang, "quiz.grade"), ImVec2(bw, ui.U(2.2f)), ButtonKind::Primary,
                       answered) ||
            (key_next && answered))
            out.Push(act::QuizGrade{});
    } else {
        const bool last = s->AtLast();
        if (ui::Button(ui, "next", Tr(ui.lang, last ? "quiz.result" : "common.next"),
                       ImVec2(bw, ui.U(2.2f))) ||
            key_next) {
            if (last)
                out.Push(act::QuizFinish{});
            else
                out.Push(act::QuizNext{});
        }
    }
    ui::EndActionBar(ui);
    ui::Probe(ui, "quiz.question", q.id);
    if (q.type == QuestionType::Ordering) {
        std::string ids;
        for (int item : answer.order)
            ids += (ids.empty() ? "" : ",") + q.options[item].id;
        ui::Probe(ui, "quiz.order", ids);
    }
    ui::Probe(ui, "quiz.checked", checked ? "yes" : "no");
}

} // namespace sb
