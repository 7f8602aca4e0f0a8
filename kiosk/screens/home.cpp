// Home: the modules of the playable packs as big cards, two per row where they fit. A card grows with its
// text, and a row takes the height of its tallest card; a module done this session carries a mark.
#include "pack/stats.h"
#include "screens/screens.h"
#include "ui/layout.h"
#include "ui/strings.h"

#include <cstdio>

namespace sb {

namespace {

ui::IconKind IconFor(ModuleKind kind) {
    switch (kind) {
    case ModuleKind::Lesson:
        return ui::IconKind::Lesson;
    case ModuleKind::Roleplay:
        return ui::IconKind::Roleplay;
    case ModuleKind::Quiz:
        return ui::IconKind::Quiz;
    case ModuleKind::Confidence:
        return ui::IconKind::Confidence;
    }
    return ui::IconKind::Lesson;
}

struct CardData {
    const Pack* pack;
    const Module* module;
    std::string title, summary, footer, badge;
};

} // namespace

void DrawHomeScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const ThemeColors& t = *ui.colors;
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(0, 0), ButtonKind::Quiet))
        out.Push(act::Back{});
    if (!state.workshop) {
        // Done: the check afterwards (when there was one before), then tips and where to get help.
        const char* done = Tr(ui.lang, "home.done");
        const float dw = ImGui::CalcTextSize(done).x + ui.U(2.5f);
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - dw);
        if (ui::Button(ui, "done", done, ImVec2(dw, 0), ButtonKind::Primary)) out.Push(act::FinishSession{});
    }
    const ui::Column col = ui::CenteredColumn(ui, 60);
    ImGui::SetCursorPosX(col.x);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "home.title"), t.text, col.width);
    ui::Space(ui, 0.2f);

    std::vector<CardData> cards;
    for (const LoadedPack& loaded : state.packs.Packs()) {
        const Pack* pack = loaded.result.pack.get();
        if (!pack) continue;
        for (const Module& m : pack->modules) {
            // Not a check, not switched off, and for the audience at the kiosk (the flow decides).
            if (!state.ShownOnHome(*pack, m)) continue;
            char minutes[32];
            snprintf(minutes, sizeof minutes, Tr(ui.lang, "common.minutes"), ModuleMinutes(*pack, m));
            const bool done = state.Finished(pack->id, m.id);
            cards.push_back(
                {pack, &m, pack->T(m.title, ui.lang), pack->T(m.summary, ui.lang),
                 std::string(Tr(ui.lang, std::string("kind.") + KindName(m.kind))) + "  ·  " + minutes,
                 done ? std::string("✓ ") + Tr(ui.lang, "home.finished") : ""});
        }
    }

    // A little padding inside the scroll area, so a card's focus ring and shadow are never cut off.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.U(0.3f), ui.U(0.3f)));
    ui::BeginBody(ui, "##cards", col, 0);
    ImGui::PopStyleVar();
    const float spacing = ui.U(0.8f);
    const float avail = ui::BodyWidth(ui, col) - ui.U(0.3f);
    const int columns = avail > ui.U(28) ? 2 : 1;
    const float card_w = (avail - spacing * (columns - 1)) / columns;
    for (size_t row = 0; row < cards.size(); row += columns) {
        float h = 0;
        for (size_t k = row; k < row + columns && k < cards.size(); ++k)
            h = std::max(h, ui::CardHeight(ui, cards[k].title, cards[k].summary, cards[k].footer, card_w,
                                           cards[k].badge));
        if (row > 0) ImGui::Dummy(ImVec2(1, spacing * 0.4f));
        for (size_t k = row; k < row + columns && k < cards.size(); ++k) {
            const CardData& c = cards[k];
            if (k > row) ImGui::SameLine(0, spacing);
            const std::string id = "module-" + c.module->id;
            if (ui::Card(ui, id.c_str(), IconFor(c.module->kind), c.title, c.summary, c.footer,
                         ImVec2(card_w, h), c.badge))
                out.Push(act::OpenModule{c.pack->id, c.module->id});
        }
    }
    if (cards.empty()) ui::Label(ui, FontRole::Body, Tr(ui.lang, "home.empty"), t.text_muted, avail);
    ui::Probe(ui, "home.cards", std::to_string(cards.size()));
    ui::EndBody(ui);
}

std::string HelpCardBody(const Pack& pack, const HelpResource& h, const std::string& lang) {
    std::string body = pack.T(h.text, lang);
    if (!h.contact.Empty()) body += "\n\n" + pack.T(h.contact, lang); // one newline would join the two
    return body;
}

void DrawModuleGone(Ui& ui, ActionSink& out) {
    ui::Label(ui, FontRole::Body, Tr(ui.lang, "module.gone"), ui.colors->text_muted);
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(0, 0), ButtonKind::Quiet))
        out.Push(act::Back{});
}

} // namespace sb
