// The debrief: how it ended, what to take with you, the path taken and where the other options
// would have led, the class's spread per decision (workshop mode), and where to get help.
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace sb {

namespace {

Rgb OutcomeColour(const Ui& ui, Outcome o) {
    switch (o) {
    case Outcome::Positive:
        return ui.colors->good;
    case Outcome::Negative:
        return ui.colors->warn;
    default:
        return ui.colors->accent;
    }
}

const char* OutcomeKey(Outcome o) {
    switch (o) {
    case Outcome::Positive:
        return "outcome.positive";
    case Outcome::Negative:
        return "outcome.negative";
    default:
        return "outcome.mixed";
    }
}

// A horizontal bar for one option's share of the class's hands.
void TallyBar(Ui& ui, const std::string& label, int hands, int total, float width, bool chosen) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float h = ui.U(0.9f);
    const float bar_w = width * 0.35f;
    const float frac = total > 0 ? float(hands) / total : 0.0f;
    dl->AddRectFilled(p0, ImVec2(p0.x + bar_w, p0.y + h), ToU32(ui.colors->secondary), h * 0.3f);
    if (frac > 0)
        dl->AddRectFilled(p0, ImVec2(p0.x + bar_w * frac, p0.y + h),
                          ToU32(chosen ? ui.colors->primary : ui.colors->text_muted), h * 0.3f);
    char count[48];
    snprintf(count, sizeof count, "%d (%d%%)", hands, total > 0 ? int(frac * 100 + 0.5f) : 0);
    ImFont* small = ui.Font(FontRole::Small);
    dl->AddText(small, small->FontSize,
                ImVec2(p0.x + bar_w + ui.U(0.4f), p0.y + (h - small->FontSize) * 0.5f),
                ToU32(ui.colors->text), count);
    const float lx = p0.x + bar_w + ui.U(3.8f);
    dl->AddText(small, small->FontSize, ImVec2(lx, p0.y + (h - small->FontSize) * 0.5f),
                ToU32(ui.colors->text), label.c_str(), nullptr, p0.x + width - lx);
    const float lh = ui::MeasureWrapped(small, label, p0.x + width - lx).y;
    ImGui::Dummy(ImVec2(width, std::max(h, lh) + ui.U(0.2f)));
    ui.record.texts.push_back(std::string(count) + " " + label);
}

} // namespace

void DrawRoleplayDebriefScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const RoleplaySession* s = state.student.roleplay.get();
    const Ending* ending = s ? s->CurrentEnding() : nullptr;
    if (!ending) {
        DrawModuleGone(ui, out);
        return;
    }
    const Pack& pack = s->GetPack();
    const Roleplay& rp = s->Scenario();
    const ThemeColors& t = *ui.colors;
    ui::Probe(ui, "roleplay.ending", ending->id);

    const float column = std::min(ImGui::GetContentRegionAvail().x, ui.U(44));
    const float x = (ImGui::GetWindowWidth() - column) * 0.5f;
    const float buttons_h = ui.U(3.0f);
    ImGui::SetCursorPosX(x);
    ImGui::BeginChild(
        "##debrief",
        ImVec2(column + ImGui::GetStyle().ScrollbarSize, ImGui::GetContentRegionAvail().y - buttons_h), false,
        ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened);
    ui::TouchScroll();
    const float w = column - ui.U(0.3f);
    // Outcome badge and title.
    {
        const Rgb c = OutcomeColour(ui, ending->outcome);
        const std::string badge = Tr(ui.lang, OutcomeKey(ending->outcome));
        ImFont* bold = ui.Font(FontRole::Bold);
        const ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, badge.c_str());
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const ImVec2 pad(ui.U(0.6f), ui.U(0.25f));
        ImGui::GetWindowDrawList()->AddRectFilled(
            p0, ImVec2(p0.x + ts.x + pad.x * 2, p0.y + ts.y + pad.y * 2), ToU32(c), ui.U(0.8f));
        ImGui::GetWindowDrawList()->AddText(
            bold, bold->FontSize, ImVec2(p0.x + pad.x, p0.y + pad.y),
            ToU32(ending->outcome == Outcome::Mixed ? t.accent_text : t.primary_text), badge.c_str());
        ImGui::Dummy(ImVec2(ts.x + pad.x * 2, ts.y + pad.y * 2));
        ui.record.texts.push_back(badge);
    }
    ui::Label(ui, FontRole::Heading, pack.T(ending->title, ui.lang), t.text, w);
    ui::Label(ui, FontRole::Body, pack.T(ending->debrief, ui.lang), t.text, w);
    if (!ending->lessons.empty()) {
        ui::Space(ui, 0.5f);
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "debrief.lessons"), t.text, w);
        for (const LocalText& l : ending->lessons)
            ui::Label(ui, FontRole::Body, "•  " + pack.T(l, ui.lang), t.text, w);
    }

    // The path: each decision, what was chosen, and where the other options could have led.
    ui::Space(ui, 0.6f);
    ui::Label(ui, FontRole::Bold, Tr(ui.lang, "debrief.path"), t.text, w);
    int number = 0;
    for (const PathStep& step : s->Path()) {
        const Node& node = rp.nodes[step.node];
        ++number;
        ui::Space(ui, 0.2f);
        const std::string heading =
            std::to_string(number) + ". " +
            (node.prompt.Empty() ? Tr(ui.lang, "roleplay.choose") : pack.T(node.prompt, ui.lang));
        ui::Label(ui, FontRole::Bold, heading, t.secondary_text, w);
        const Choice& chosen = node.choices[step.choice];
        ui::NoteCard(ui,
                     chosen.quality == ChoiceQuality::Weak
                         ? t.warn
                         : (chosen.quality == ChoiceQuality::Strong ? t.good : t.primary),
                     t.surface,
                     std::string(Tr(ui.lang, "debrief.your_choice")) + ": " + pack.T(chosen.text, ui.lang),
                     pack.T(chosen.feedback, ui.lang), w);
        for (size_t k = 0; k < node.choices.size(); ++k) {
            if (static_cast<int>(k) == step.choice) continue;
            const Choice& other = node.choices[k];
            std::string leads;
            const std::vector<int> reachable = s->ReachableEndings(other.target);
            // Naming every ending tells nothing; name them only when the option narrows the story.
            if (reachable.size() < rp.endings.size())
                for (int e : reachable)
                    leads += (leads.empty() ? "" : ", ") + std::string("“") +
                             pack.T(rp.endings[e].title, ui.lang) + "”";
            std::string line = std::string(Tr(ui.lang, "debrief.other")) + ": " +
                               pack.T(other.text, ui.lang) + " — " + pack.T(other.feedback, ui.lang);
            if (!leads.empty()) line += " (" + std::string(Tr(ui.lang, "debrief.leads")) + " " + leads + ")";
            ui::Label(ui, FontRole::Small, line, t.text_muted, w);
        }
        if (!step.tally.empty()) {
            const int total = std::accumulate(step.tally.begin(), step.tally.end(), 0);
            ui::Label(ui, FontRole::Small, Tr(ui.lang, "debrief.class"), t.secondary_text, w);
            for (size_t k = 0; k < step.tally.size() && k < node.choices.size(); ++k)
                TallyBar(ui, pack.T(node.choices[k].text, ui.lang), step.tally[k], total, w,
                         static_cast<int>(k) == step.choice);
        }
    }

    // Where to get help: low-threshold first, as the pack lists it.
    if (!ending->help.empty()) {
        ui::Space(ui, 0.6f);
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "debrief.help"), t.text, w);
        for (const std::string& id : ending->help) {
            const HelpResource* h = pack.FindHelp(id);
            if (!h) continue;
            std::string body = pack.T(h->text, ui.lang);
            if (!h->contact.Empty()) body += "\n" + pack.T(h->contact, ui.lang);
            ui::NoteCard(ui, t.primary, t.callout_tip, pack.T(h->title, ui.lang), body, w);
            ui::Space(ui, 0.2f);
        }
    }
    ImGui::EndChild();

    ImGui::SetCursorPosX(x);
    if (ui::Button(ui, "again", Tr(ui.lang, "debrief.again"), ImVec2(ui.U(12), ui.U(2.2f)),
                   ButtonKind::Secondary))
        out.Push(act::RoleplayAgain{});
    ImGui::SameLine(0, ui.U(0.8f));
    if (ui::Button(ui, "done", Tr(ui.lang, "debrief.home"), ImVec2(ui.U(12), ui.U(2.2f))))
        out.Push(act::RoleplayDone{});
    ImGui::SetItemDefaultFocus();
}

} // namespace sb
