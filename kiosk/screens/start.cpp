// The attract screen: the name, one short line from the pack that changes every few seconds (with a soft
// fade, the only motion: two frames every eight seconds), a drawing of two people talking, and "tap to
// start". A tap anywhere starts; nothing of an earlier student is left by the time this shows.
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>
#include <cmath>

namespace sb {

namespace {

// Two people in conversation, drawn with shapes in the theme's colours: recognisably Stageboost from across
// the room, and it costs nothing to draw.
void DrawConversation(const Ui& ui, ImVec2 c, float s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ThemeColors& t = *ui.colors;
    dl->AddCircleFilled(c, s * 1.05f, ToU32(t.secondary), 64);
    // Left person (teal) and right person (amber), head and shoulders.
    const ImVec2 lh(c.x - s * 0.42f, c.y - s * 0.05f), rh(c.x + s * 0.42f, c.y + s * 0.05f);
    dl->AddCircleFilled(lh, s * 0.17f, ToU32(t.primary), 32);
    dl->AddRectFilled(ImVec2(lh.x - s * 0.27f, lh.y + s * 0.22f), ImVec2(lh.x + s * 0.27f, lh.y + s * 0.7f),
                      ToU32(t.primary), s * 0.22f, ImDrawFlags_RoundCornersTop);
    dl->AddCircleFilled(rh, s * 0.17f, ToU32(t.accent), 32);
    dl->AddRectFilled(ImVec2(rh.x - s * 0.27f, rh.y + s * 0.22f), ImVec2(rh.x + s * 0.27f, rh.y + s * 0.6f),
                      ToU32(t.accent), s * 0.22f, ImDrawFlags_RoundCornersTop);
    // Their speech bubbles: one with three dots (thinking it over), one with lines (saying it).
    const ImVec2 b0(c.x - s * 0.78f, c.y - s * 0.78f), b1(c.x - s * 0.08f, c.y - s * 0.36f);
    dl->AddRectFilled(b0, b1, ToU32(t.surface), s * 0.12f);
    dl->AddTriangleFilled(ImVec2(b0.x + s * 0.22f, b1.y), ImVec2(b0.x + s * 0.38f, b1.y),
                          ImVec2(b0.x + s * 0.28f, b1.y + s * 0.12f), ToU32(t.surface));
    for (int i = 0; i < 3; ++i)
        dl->AddCircleFilled(ImVec2(b0.x + s * (0.2f + 0.15f * i), (b0.y + b1.y) * 0.5f), s * 0.045f,
                            ToU32(t.primary), 16);
    const ImVec2 d0(c.x + s * 0.12f, c.y - s * 0.62f), d1(c.x + s * 0.84f, c.y - s * 0.2f);
    dl->AddRectFilled(d0, d1, ToU32(t.surface), s * 0.12f);
    dl->AddTriangleFilled(ImVec2(d1.x - s * 0.36f, d1.y), ImVec2(d1.x - s * 0.2f, d1.y),
                          ImVec2(d1.x - s * 0.3f, d1.y + s * 0.12f), ToU32(t.surface));
    for (int i = 0; i < 2; ++i)
        dl->AddRectFilled(ImVec2(d0.x + s * 0.12f, d0.y + s * (0.12f + 0.14f * i)),
                          ImVec2(d1.x - s * (0.12f + 0.16f * i), d0.y + s * (0.19f + 0.14f * i)),
                          ToU32(t.accent), s * 0.04f);
}

} // namespace

int64_t AttractNextChangeMs(int64_t now_ms, bool reduced_motion) {
    const int64_t in_line = now_ms % kAttractLineMs;
    if (in_line < kAttractFadeMs && !reduced_motion) return kAttractFadeStepMs - in_line % kAttractFadeStepMs;
    return kAttractLineMs - in_line;
}

void DrawStartScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    const ImVec2 avail = ImGui::GetMainViewport()->Size;
    // The whole screen is the button: a tap anywhere starts.
    ImGui::SetCursorPos(ImVec2(0, 0));
    if (ImGui::InvisibleButton("##anywhere", avail)) out.Push(act::Begin{});
    ui::Record(ui, "start", Tr(ui.lang, "start.button"), ImVec2(0, 0), avail, true, /*backdrop=*/true);

    // One line: the pack's, changing every few seconds, faded in; the kiosk's own when no pack has any.
    std::string line = Tr(ui.lang, "start.tagline");
    float alpha = 1.0f;
    if (const Pack* pack = state.MainPack(); pack && !pack->attract.empty()) {
        const size_t n = pack->attract.size();
        line = pack->T(pack->attract[static_cast<size_t>(state.now_ms / kAttractLineMs) % n], ui.lang);
        const int64_t in_line = state.now_ms % kAttractLineMs;
        if (in_line < kAttractFadeMs && !state.reduced_motion)
            alpha = float(in_line / kAttractFadeStepMs + 1) / (kAttractFadeMs / kAttractFadeStepMs + 1);
    }
    const std::string title = Tr(ui.lang, "app.title");
    const std::string tap = std::string(Tr("nl", "start.tap")) + "  ·  " + Tr("en", "start.tap");
    const std::string note = Tr(ui.lang, "start.note");

    // Side by side on a wide screen, the drawing above the text on a narrow or crowded one.
    const float margin = ui.U(2);
    const bool wide = avail.x > avail.y * 1.25f;
    const float column = wide ? std::min(avail.x * 0.5f, ui.U(26)) : std::min(avail.x - margin * 2, ui.U(26));
    ImFont* title_font = ui.Font(FontRole::Title);
    ImFont* line_font = ui.Font(FontRole::Heading);
    ImFont* bold = ui.Font(FontRole::Bold);
    const ImVec2 ts = ui::MeasureWrapped(title_font, title, column);
    const ImVec2 ls = ui::MeasureWrapped(line_font, line, column);
    const ImVec2 ps = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, column - ui.U(2.8f), tap.c_str());
    const ImVec2 pad(ui.U(1.4f), ui.U(0.7f));
    const ImVec2 ns = ui::MeasureWrapped(ui.Font(FontRole::Small), note, column);
    const float text_h = ts.y + ui.U(0.6f) + ls.y + ui.U(1.2f) + ps.y + pad.y * 2 + ui.U(1.0f) + ns.y;
    float art = wide ? std::min(avail.y * 0.3f, (avail.x * 0.5f - margin * 2) * 0.42f)
                     : std::min(avail.x * 0.28f, (avail.y - text_h - margin * 3) * 0.45f);
    art = std::max(0.0f, art);
    const float block_h = wide ? std::max(text_h, art * 2.1f) : text_h + (art > ui.U(2) ? art * 2.3f : 0);
    const float top = std::max(margin * 0.5f, (avail.y - block_h) * 0.5f);
    float x, y;
    if (wide) {
        const float gap = ui.U(2);
        const float art_w = art * 2.1f;
        const float left = std::max(margin, (avail.x - art_w - gap - column) * 0.5f);
        if (art > ui.U(2)) DrawConversation(ui, ImVec2(left + art_w * 0.5f, avail.y * 0.5f), art);
        x = left + art_w + gap;
        y = std::max(margin * 0.5f, (avail.y - text_h) * 0.5f);
    } else {
        if (art > ui.U(2)) DrawConversation(ui, ImVec2(avail.x * 0.5f, top + art * 1.15f), art);
        x = (avail.x - column) * 0.5f;
        y = top + (art > ui.U(2) ? art * 2.3f : 0);
    }
    ui::DrawText(ui, FontRole::Title, ImVec2(x, y), t.primary, title, column);
    y += ts.y + ui.U(0.6f);
    ui::DrawText(ui, FontRole::Heading, ImVec2(x, y), Rgb{t.text.r, t.text.g, t.text.b}, line, column);
    if (alpha < 1.0f) {
        if (!ui.record.text_items.empty()) ui.record.text_items.back().transient = true;
        // The fade: the new line appears through a veil of the page colour that thins in a few steps.
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + column, y + ls.y),
                                                  ToU32(t.background, 1.0f - alpha));
    }
    y += ls.y + ui.U(1.2f);
    // "Tap to start" in both languages, in a pill that looks like a button.
    const ImVec2 p0(x, y), p1(x + ps.x + pad.x * 2, y + ps.y + pad.y * 2);
    ImGui::GetWindowDrawList()->AddRectFilled(p0, p1, ToU32(t.primary), (p1.y - p0.y) * 0.5f);
    ui::DrawText(ui, FontRole::Bold, ImVec2(p0.x + pad.x, p0.y + pad.y), t.primary_text, tap,
                 column - pad.x * 2);
    y = p1.y + ui.U(1.0f);
    ui::DrawText(ui, FontRole::Small, ImVec2(x, y), t.text_muted, note, column);
    // Return or Space starts too.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false))
        out.Push(act::Begin{});
}

} // namespace sb
