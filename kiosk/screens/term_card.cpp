// A glossary term's card, over the page after a tap on a dotted-underlined word: the term, its
// explanation and other names. Close, a tap beside the card, or Escape closes it; nothing else is blocked
// for long, and the page below keeps its place.
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>

namespace sb {

void DrawTermCard(const KioskState& state, Ui& ui, ActionSink& out) {
    const Pack* pack = state.CurrentPack();
    const GlossaryTerm* term = pack ? pack->FindTerm(state.student.open_term) : nullptr;
    if (!term) return;
    const ThemeColors& t = *ui.colors;
    ImDrawList* dl = ui::BeginOverlay(ui, "##term", 110); // only the card is tapped and audited
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    // A card about 24 text heights wide, never wider than the screen, in the lower middle where a thumb is.
    const float card_w = std::min(size.x - ui.U(2), ui.U(24));
    const float pad = ui.U(1.0f);
    const float inner = card_w - 2 * pad;
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 p0((size.x - card_w) * 0.5f, size.y * 0.22f);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    ImGui::BeginGroup();
    ui::Label(ui, FontRole::Heading, pack->T(term->term, ui.lang), t.text, inner);
    ui::Space(ui, 0.2f);
    ui::Label(ui, FontRole::Body, pack->T(term->explanation, ui.lang), t.text, inner);
    if (!term->aliases.empty()) {
        std::string also = std::string(Tr(ui.lang, "term.also")) + " ";
        for (size_t i = 0; i < term->aliases.size(); ++i)
            also += (i ? ", " : "") + term->aliases[i];
        ui::Space(ui, 0.2f);
        ui::Label(ui, FontRole::Small, also, t.text_muted, inner);
    }
    ui::Space(ui, 0.5f);
    if (ui::Button(ui, "term-close", Tr(ui.lang, "common.close"), ImVec2(inner, ui.U(2.2f))))
        out.Push(act::CloseTerm{});
    ImGui::SetItemDefaultFocus();
    ImGui::EndGroup();
    const ImVec2 p1(p0.x + card_w, ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, p1, ToU32(t.surface), ui.U(0.7f));
    dl->AddRect(p0, p1, ToU32(t.border), ui.U(0.7f), 0, std::max(1.0f, ui.U(0.05f)));
    dl->ChannelsMerge();
    // A tap beside the card closes it too: it never traps anyone.
    if (ImGui::IsMouseReleased(0) && !ImGui::IsMouseHoveringRect(p0, p1) && ImGui::IsWindowHovered())
        out.Push(act::CloseTerm{});
    ui::Probe(ui, "term", term->id);
    ImGui::End();
}

} // namespace sb
