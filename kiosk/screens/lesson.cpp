// A lesson, page by page: title, rich text, an image, callouts and a question to think about.
// Back and Next by touch or keys (arrows, Page Up/Down); a progress bar shows how far along you are.
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
    ui::RichText(ui, ParseMarkdown(pack->T(page.body, ui.lang)), w);
    if (!page.image.src.empty()) {
        ui::Space(ui, 0.2f);
        ui::PackImage(ui, pack->dir + "/" + page.image.src, pack->T(page.image.alt, ui.lang),
                      ImVec2(w, ImGui::GetMainViewport()->Size.y * 0.42f));
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
