// A lesson, page by page: title, rich text, an image, callouts and a question to think about.
// Back and Next by touch or keys (arrows, Page Up/Down); a progress bar shows how far along you are.
#include "quiz/scoring.h"
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <algorithm>
#include <cstdio>

namespace sb {

namespace {

const char* CalloutKey(CalloutType type) {
    switch (type) {
    case CalloutType::Tip:
        return "lesson.tip";
    case CalloutType::WatchOut:
        return "lesson.watch";
    case CalloutType::DidYouKnow:
        return "lesson.know";
    }
    return "lesson.tip";
}

// The page's inline question: the quiz's own model and rules (FullyCorrect), feedback at once, no log.
void DrawInlineQuestion(const KioskState& state, Ui& ui, ActionSink& out, const Pack& pack, const Question& q,
                        float w) {
    const ThemeColors& t = *ui.colors;
    const auto& view = state.student.lesson_view;
    const bool checked = view.checked;
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "lesson.question"), t.secondary_text, w);
    ui::Label(ui, FontRole::Bold, pack.T(q.text, ui.lang), t.text, w);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, QuestionHintKey(q.type)), t.text_muted, w);
    ui::Space(ui, 0.2f);
    for (size_t o = 0; o < q.options.size(); ++o) {
        const Option& opt = q.options[o];
        const bool selected =
            std::find(view.selected.begin(), view.selected.end(), static_cast<int>(o)) != view.selected.end();
        std::string badge = std::to_string(o + 1);
        const Rgb* mark = CheckedMark(t, checked, opt.correct, selected, badge);
        const std::string id = "question-option-" + std::to_string(o + 1);
        const std::string text = QuestionOptionText(ui, pack, q, static_cast<int>(o));
        if (ui::ChoiceButton(ui, id.c_str(), badge, text, w, !checked, selected && !checked, mark))
            out.Push(act::LessonSelect{static_cast<int>(o)});
        if (checked && (opt.correct || selected)) {
            std::string note =
                Tr(ui.lang, opt.correct ? (selected ? "quiz.right" : "quiz.missed") : "quiz.wrong");
            const std::string fb = pack.T(opt.feedback, ui.lang);
            if (!fb.empty()) note += " " + fb;
            ui::Label(ui, FontRole::Small, note, opt.correct ? t.good : t.warn, w);
        }
        ui::Space(ui, 0.15f);
    }
    if (!checked) {
        if (ui::Button(ui, "question-check", Tr(ui.lang, "quiz.grade"), ImVec2(ui.U(10), 0),
                       ButtonKind::Secondary, !view.selected.empty()))
            out.Push(act::LessonCheck{});
        return;
    }
    QuizAnswer answer;
    answer.selected = view.selected;
    ui::Probe(ui, "lesson.question", FullyCorrect(q, answer) ? "right" : "wrong");
    if (!q.explanation.Empty()) {
        ui::Space(ui, 0.2f);
        ui::NoteCard(ui, t.primary, t.callout_know, Tr(ui.lang, "quiz.explanation"),
                     pack.T(q.explanation, ui.lang), w);
    }
}

// "Zeg het hardop": the situation, a moment to think, and the example answers after a tap.
void DrawPractice(const KioskState& state, Ui& ui, ActionSink& out, const Pack& pack, const Practice& p,
                  float w) {
    const ThemeColors& t = *ui.colors;
    const std::string think =
        p.think.Empty() ? Tr(ui.lang, "lesson.practice.think") : pack.T(p.think, ui.lang);
    ui::NoteCard(ui, t.accent, t.surface,
                 p.title.Empty() ? Tr(ui.lang, "lesson.practice") : pack.T(p.title, ui.lang),
                 pack.T(p.situation, ui.lang) + "\n\n*" + think + "*", w);
    ui::Space(ui, 0.3f);
    if (!state.student.lesson_view.revealed) {
        if (ui::Button(ui, "practice-reveal", Tr(ui.lang, "lesson.practice.reveal"), ImVec2(w, 0),
                       ButtonKind::Secondary))
            out.Push(act::LessonReveal{});
        ui::Probe(ui, "lesson.practice", "hidden");
        return;
    }
    std::string list;
    for (const LocalText& a : p.answers)
        list += "- " + pack.T(a, ui.lang) + "\n";
    ui::NoteCard(ui, t.good, t.callout_tip,
                 p.answers_title.Empty() ? Tr(ui.lang, "lesson.practice.answers")
                                         : pack.T(p.answers_title, ui.lang),
                 list, w);
    ui::Probe(ui, "lesson.practice", "shown");
}

} // namespace

// The bar at the top of a lesson or a quiz: Close, the module's title, how far along, and a progress bar.
void DrawProgressBar(const KioskState&, Ui& ui, ActionSink& out, const std::string& title, int at, int count,
                     const char* progress_key) {
    if (ui::Button(ui, "close", Tr(ui.lang, "lesson.close"), ImVec2(0, 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    ImGui::SameLine(0, ui.U(1.0f));
    const float bar_w = ImGui::GetWindowWidth() - ImGui::GetCursorPosX() - ImGui::GetStyle().WindowPadding.x;
    ImGui::BeginGroup();
    char progress[64];
    snprintf(progress, sizeof progress, Tr(ui.lang, progress_key), at, count);
    ui::Label(ui, FontRole::Small, title + "  ·  " + progress, ui.colors->secondary_text, bar_w);
    ui::ProgressBar(ui, float(at) / std::max(1, count), bar_w);
    ImGui::EndGroup();
}

void DrawLessonScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const Pack* pack = state.CurrentPack();
    const Module* m = state.CurrentModule();
    const Lesson* lesson = m ? m->AsLesson() : nullptr;
    if (!pack || !lesson || lesson->pages.empty()) {
        DrawModuleGone(ui, out);
        return;
    }
    const ThemeColors& t = *ui.colors;
    const int count = static_cast<int>(lesson->pages.size());
    // The session keeps its page within the lesson, also after a live edit removed pages.
    const int page_index = std::clamp(
        state.student.lesson ? static_cast<int>(state.student.lesson->PageIndex()) : 0, 0, count - 1);
    const LessonPage& page = lesson->pages[page_index];
    DrawProgressBar(state, ui, out, pack->T(m->title, ui.lang), page_index + 1, count, "lesson.progress");

    const ui::Column col = ui::CenteredColumn(ui, 40);
    ui::Space(ui, 0.3f);
    ImGui::PushID(page_index); // each page its own scroll area, so a new page starts at the top
    ui::BeginBody(ui, "##page", col, ui::ActionBarHeight(ui));
    const float w = ui::BodyWidth(ui, col);
    ui::Label(ui, FontRole::Heading, pack->T(page.title, ui.lang), t.text, w);
    ui::Space(ui, 0.3f);
    if (!page.body.Empty()) ui::RichText(ui, ParseMarkdown(pack->T(page.body, ui.lang)), w);
    if (!page.image.src.empty()) {
        ui::Space(ui, 0.2f);
        ui::PackImage(ui, pack->dir + "/" + page.image.src, pack->T(page.image.alt, ui.lang),
                      ImVec2(w, ImGui::GetMainViewport()->Size.y * 0.42f));
        if (!page.image.caption.Empty()) {
            // The caption in the student's language, drawn by the kiosk (never baked into the picture).
            ui::Space(ui, 0.15f);
            ui::LabelCentered(ui, FontRole::Small, pack->T(page.image.caption, ui.lang), t.text_muted, w);
        }
        ui::Space(ui, 0.3f);
    }
    for (const Callout& c : page.callouts) {
        const Rgb stripe =
            c.type == CalloutType::WatchOut ? t.warn : (c.type == CalloutType::Tip ? t.good : t.primary);
        const Rgb bg = c.type == CalloutType::WatchOut
                           ? t.callout_watch
                           : (c.type == CalloutType::Tip ? t.callout_tip : t.callout_know);
        ui::NoteCard(ui, stripe, bg, Tr(ui.lang, CalloutKey(c.type)), pack->T(c.text, ui.lang), w);
        ui::Space(ui, 0.3f);
    }
    if (page.practice) {
        DrawPractice(state, ui, out, *pack, *page.practice, w);
        ui::Space(ui, 0.3f);
    }
    if (page.question) {
        DrawInlineQuestion(state, ui, out, *pack, *page.question, w);
        ui::Space(ui, 0.3f);
    }
    if (!page.reflection.Empty()) {
        // Something to think about; there is nothing to type, so nothing is ever stored.
        ui::NoteCard(ui, t.accent, t.surface, Tr(ui.lang, "lesson.reflect"),
                     pack->T(page.reflection, ui.lang), w);
    }
    if (page_index == count - 1 && !m->sources.empty()) {
        ui::Space(ui, 0.6f);
        ui::Label(ui, FontRole::Small, Tr(ui.lang, "module.sources"), t.secondary_text, w);
        for (const Source& s : m->sources)
            ui::Label(ui, FontRole::Small, "– " + s.title, t.text_muted, w);
    }
    ui::EndBody(ui);
    ImGui::PopID();

    // ---- Back and Next, always on screen
    ui::BeginActionBar(ui, col);
    const float bw = ui::ShareWidth(ui, col.width, 2);
    const bool first = page_index == 0, last = page_index == count - 1;
    const bool key_prev = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp), false);
    const bool key_next = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown), false);
    if (ui::Button(ui, "prev", Tr(ui.lang, "common.back"), ImVec2(bw, ui.U(2.2f)), ButtonKind::Secondary,
                   !first) ||
        (key_prev && !first))
        out.Push(act::LessonPage{page_index - 1});
    ImGui::SameLine();
    if (ui::Button(ui, "next", Tr(ui.lang, last ? "lesson.done" : "common.next"), ImVec2(bw, ui.U(2.2f))) ||
        key_next) {
        if (last)
            out.Push(act::FinishLesson{});
        else
            out.Push(act::LessonPage{page_index + 1});
    }
    ImGui::SetItemDefaultFocus();
    ui::EndActionBar(ui);
    ui::Probe(ui, "lesson.page", std::to_string(page_index + 1));
}

} // namespace sb
