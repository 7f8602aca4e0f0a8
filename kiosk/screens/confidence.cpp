// The anonymous confidence check: one statement at a time, five big tiles from "not at all" to "very",
// each with its label, and "weet ik niet". A mis-tap can be undone with "Vorige". Looking back ("how
// confident were you before?") looks clearly different. Each answer is written to the log at once; nothing
// on screen says who answered.
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace sb {

namespace {

// One tile of the scale: its number large, drawn with an edge that stands out from the page.
bool ScaleTile(Ui& ui, const char* id, int value, ImVec2 size, bool retro) {
    const ThemeColors& t = *ui.colors;
    ImGui::PushID(id);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##tile", size);
    const bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ui.U(0.5f);
    const Rgb fill =
        held ? t.secondary_hover : (hovered ? t.secondary : (retro ? t.callout_watch : t.surface));
    dl->AddRectFilled(p0, p1, ToU32(fill), rounding);
    dl->AddRect(p0, p1, ToU32(hovered ? t.primary : t.edge), rounding, 0, std::max(2.0f, ui.U(0.07f)));
    ui::FocusRing(ui, rounding);
    const std::string n = std::to_string(value);
    ImFont* font = ui.Font(FontRole::Heading);
    const ImVec2 ns = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, n.c_str());
    ui::DrawText(ui, FontRole::Heading, ImVec2((p0.x + p1.x - ns.x) * 0.5f, (p0.y + p1.y - ns.y) * 0.5f),
                 retro ? t.text : t.secondary_text, n, 0, id);
    const bool ready = ui::Record(ui, id, n, p0, p1, true);
    ImGui::PopID();
    return pressed && ready && !ui::WasDrag();
}

} // namespace

void DrawConfidenceScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ConfidenceRun* run = state.student.confidence.get();
    if (!run || run->Done()) return;
    const ThemeColors& t = *ui.colors;
    const Pack& pack = run->GetPack();
    const CheckStep& step = run->Current();
    const bool retro = step.phase == Phase::Retro;

    // ---- top: back one statement, and how far along
    if (ui::Button(ui, "previous", Tr(ui.lang, "check.previous"), ImVec2(0, 0), ButtonKind::Quiet,
                   run->Index() > 0))
        out.Push(act::PreviousItem{});
    ImGui::SameLine(0, ui.U(1.0f));
    const float bar_w = ImGui::GetWindowWidth() - ImGui::GetCursorPosX() - ImGui::GetStyle().WindowPadding.x;
    ImGui::BeginGroup();
    char progress[64];
    snprintf(progress, sizeof progress, Tr(ui.lang, "check.progress"), static_cast<int>(run->Index() + 1),
             static_cast<int>(run->Count()));
    const char* phase_key =
        step.phase == Phase::Pre ? "check.pre" : (step.phase == Phase::Post ? "check.post" : "check.retro");
    ui::Label(ui, FontRole::Small, std::string(Tr(ui.lang, phase_key)) + "  ·  " + progress, t.secondary_text,
              bar_w);
    ui::ProgressBar(ui, float(run->Index() + 1) / run->Count(), bar_w);
    ImGui::EndGroup();

    const ui::Column col = ui::CenteredColumn(ui, 44);
    ui::Space(ui, 0.3f);
    ui::BeginBody(ui, "##check", col, ui::ActionBarHeight(ui));
    const float w = ui::BodyWidth(ui, col);
    // The statement and the scale sit in the middle of the screen when there is room for it.
    const float gap = ui.U(0.5f);
    const float tile_w = (w - gap * 4) / 5;
    const float tile_h = std::min(ui.U(3.6f), std::max(ui.U(2.4f), tile_w * 0.75f));
    ImFont* small = ui.Font(FontRole::Small);
    std::string labels[5];
    float labels_h = 0;
    for (int v = 1; v <= 5; ++v) {
        labels[v - 1] = v == 1   ? pack.T(step.item->low, ui.lang)
                        : v == 5 ? pack.T(step.item->high, ui.lang)
                                 : Tr(ui.lang, "quiz.scale." + std::to_string(v));
        labels_h = std::max(labels_h, ui::MeasureWrapped(small, labels[v - 1], tile_w).y);
    }
    const std::string statement = pack.T(step.item->statement, ui.lang);
    const float statement_h = ui::MeasureWrapped(ui.Font(FontRole::Heading), statement, w).y;
    const float banner_h = retro ? ui::MeasureWrapped(ui.Font(FontRole::Body),
                                                      Tr(ui.lang, "check.retro.question"), w - ui.U(1.7f))
                                           .y +
                                       ui.Font(FontRole::Bold)->FontSize + ui.U(2.2f)
                                 : 0;
    const float content_h = banner_h + statement_h + ui.U(1.0f) + tile_h + ui.U(0.3f) + labels_h + ui.U(2.2f);
    const float free = ImGui::GetWindowHeight() - content_h - ui.U(1.0f);
    if (free > 0) ui::Space(ui, free * 0.3f / ui.unit);
    if (retro) {
        // Looking back is another question: a banner of its own, and warm tiles instead of white.
        ui::NoteCard(ui, t.accent, t.callout_watch, std::string("↺  ") + Tr(ui.lang, "check.retro"),
                     Tr(ui.lang, "check.retro.question"), w);
        ui::Space(ui, 0.6f);
    }
    ui::Label(ui, FontRole::Heading, statement, t.text, w);
    ui::Space(ui, 0.8f);
    for (int v = 1; v <= 5; ++v) {
        if (v > 1) ImGui::SameLine(0, gap);
        const std::string id = "scale-" + std::to_string(v);
        if (ScaleTile(ui, id.c_str(), v, ImVec2(tile_w, tile_h), retro) ||
            ImGui::IsKeyPressed(SDL_SCANCODE_1 + v - 1, false))
            out.Push(act::Answer{v});
    }
    // Every tile with its own label, centred under it.
    const ImVec2 row = ImGui::GetCursorScreenPos();
    for (int v = 1; v <= 5; ++v)
        ui::DrawTextCentered(
            ui, FontRole::Small, ImVec2(row.x + (v - 1) * (tile_w + gap), row.y + ui.U(0.1f)), tile_w,
            v == 1 || v == 5 ? t.text : t.text_muted, labels[v - 1], "", "scale-" + std::to_string(v));
    ImGui::Dummy(ImVec2(w, labels_h + ui.U(0.2f)));
    ui::Space(ui, 0.8f);
    ui::Label(ui, FontRole::Small, Tr(ui.lang, "check.anonymous"), t.text_muted, w);
    ui::EndBody(ui);

    // ---- "weet ik niet" and "overslaan", always on screen
    ui::BeginActionBar(ui, col);
    const float bw = ui::ShareWidth(ui, col.width, 2);
    if (step.item->dont_know && ui::Button(ui, "dont-know", Tr(ui.lang, "check.dontknow"),
                                           ImVec2(bw, ui.U(2.2f)), ButtonKind::Secondary))
        out.Push(act::Answer{std::nullopt});
    ImGui::SameLine(col.width - bw); // relative to the bar, which starts at the column
    if (ui::Button(ui, "skip", Tr(ui.lang, "check.skip"), ImVec2(bw, ui.U(2.2f)), ButtonKind::Quiet))
        out.Push(act::SkipItem{});
    ui::EndActionBar(ui);
    ui::Probe(ui, "check.phase",
              step.phase == Phase::Pre ? "pre" : (step.phase == Phase::Post ? "post" : "retro"));
    ui::Probe(ui, "check.item", step.item->id);
}

} // namespace sb
