// The attract screen: what Stageboost is, a line that changes every few seconds, and "tap to start".
// A tap anywhere starts; nothing of an earlier student is left by the time this shows.
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>

namespace sb {

namespace {

constexpr int64_t kLineMs = 7000; // each attract line shows this long

void DrawBackdrop(const Ui& ui) {
    // Soft shapes in the theme's colours: calm, and recognisably Stageboost from across the room.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    dl->PushClipRectFullScreen();
    dl->AddCircleFilled(ImVec2(size.x * 0.94f, size.y * 0.12f), size.y * 0.32f,
                        ToU32(ui.colors->accent, 0.16f), 64);
    dl->AddCircleFilled(ImVec2(size.x * 0.04f, size.y * 0.98f), size.y * 0.38f,
                        ToU32(ui.colors->primary, 0.10f), 64);
    dl->AddCircleFilled(ImVec2(size.x * 0.16f, size.y * 0.86f), size.y * 0.10f,
                        ToU32(ui.colors->accent, 0.20f), 48);
    dl->PopClipRect();
}

} // namespace

void DrawStartScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    DrawBackdrop(ui);
    const ImVec2 avail = ImGui::GetMainViewport()->Size;
    // The whole screen is the button: a tap anywhere starts.
    ImGui::SetCursorPos(ImVec2(0, 0));
    if (ImGui::InvisibleButton("##anywhere", avail)) out.Push(act::Begin{});
    ui::Record(ui, "start", Tr(ui.lang, "start.button"), ImVec2(0, 0), avail, true, /*backdrop=*/true);

    const float column = std::min(avail.x - ui.U(4), ui.U(34));
    const float x = (avail.x - column) * 0.5f;
    ImGui::SetCursorPos(ImVec2(x, avail.y * 0.2f));
    ImGui::BeginGroup();
    ui::LabelCentered(ui, FontRole::Title, Tr(ui.lang, "app.title"), ui.colors->primary, column);
    ui::LabelCentered(ui, FontRole::Heading, Tr(ui.lang, "start.tagline"), ui.colors->text, column);
    ui::Space(ui, 0.8f);
    // A rotating line from the pack, or the kiosk's own intro.
    std::string line = Tr(ui.lang, "start.intro");
    if (const Pack* pack = state.MainPack(); pack && !pack->attract.empty()) {
        const size_t n = pack->attract.size();
        line = pack->T(pack->attract[static_cast<size_t>(state.now_ms / kLineMs) % n], ui.lang);
    }
    ImGui::SetCursorPosX(x);
    ui::LabelCentered(ui, FontRole::Body, line, ui.colors->text, column);
    ui::Space(ui, 1.6f);
    // "Tap to start" in both languages, in a pill that looks like a button.
    const std::string tap = std::string(Tr("nl", "start.tap")) + "  /  " + Tr("en", "start.tap");
    ImFont* bold = ui.Font(FontRole::Bold);
    const ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, tap.c_str());
    const ImVec2 pad(ui.U(1.4f), ui.U(0.8f));
    const ImVec2 p0(ImGui::GetWindowPos().x + x + (column - ts.x) * 0.5f - pad.x,
                    ImGui::GetCursorScreenPos().y);
    ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + ts.x + pad.x * 2, p0.y + ts.y + pad.y * 2),
                                              ToU32(ui.colors->primary), ts.y);
    ImGui::GetWindowDrawList()->AddText(bold, bold->FontSize, ImVec2(p0.x + pad.x, p0.y + pad.y),
                                        ToU32(ui.colors->primary_text), tap.c_str());
    ImGui::Dummy(ImVec2(column, ts.y + pad.y * 2));
    ui.record.texts.push_back(tap);
    ui::Space(ui, 1.4f);
    ImGui::SetCursorPosX(x);
    ui::LabelCentered(ui, FontRole::Small, Tr(ui.lang, "start.quote"), ui.colors->text_muted, column);
    ImGui::EndGroup();
    // Return or Space starts too.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false))
        out.Push(act::Begin{});
}

} // namespace sb
