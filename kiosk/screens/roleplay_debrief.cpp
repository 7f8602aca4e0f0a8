// The debrief: how it ended, what to take with you, the path taken and where the other options
// would have led, the class's spread per decision (workshop mode), and where to get help.
#include "screens/phones_ui.h"
#include "screens/screens.h"
#include "ui/layout.h"
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

// One option's share of the class's hands: a bar, the count and the share. Drawn beside the decision.
void TallyBar(Ui& ui, const std::string& label, int hands, int total, float width, bool chosen) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float frac = total > 0 ? float(hands) / total : 0.0f;
    char count[48];
    snprintf(count, sizeof count, "%d%%  (%d)", total > 0 ? int(frac * 100 + 0.5f) : 0, hands);
    const ImVec2 ls = ui::DrawText(ui, FontRole::Small, p0, ui.colors->text, label, width);
    const float y = p0.y + ls.y + ui.U(0.1f);
    const float h = ui.U(0.7f);
    ImFont* bold = ui.Font(FontRole::Bold);
    const float count_w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, count).x;
    const float bar_w = std::max(ui.U(2), width - count_w - ui.U(0.5f));
    dl->AddRectFilled(ImVec2(p0.x, y), ImVec2(p0.x + bar_w, y + h), ToU32(ui.colors->secondary), h * 0.3f);
    if (frac > 0)
        dl->AddRectFilled(ImVec2(p0.x, y), ImVec2(p0.x + bar_w * frac, y + h),
                          ToU32(chosen ? ui.colors->primary : ui.colors->text_muted), h * 0.3f);
    ui::DrawText(ui, FontRole::Bold, ImVec2(p0.x + bar_w + ui.U(0.5f), y + (h - bold->FontSize) * 0.5f),
                 ui.colors->text, count);
    ImGui::Dummy(ImVec2(width, (y + std::max(h, bold->FontSize)) - p0.y + ui.U(0.3f)));
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
    const auto& open = state.student.roleplay_view.open_steps;
    ui::Probe(ui, "roleplay.ending", ending->id);
    ui::Probe(ui, "roleplay.path", std::to_string(s->Path().size()));
    ProbeStory(ui, *s);

    // In a workshop the class's spread sits beside each decision, so it is seen without scrolling.
    const bool spread = state.workshop && std::any_of(s->Path().begin(), s->Path().end(),
                                                      [](const PathStep& p) { return !p.tally.empty(); });
    const ui::Column col = ui::CenteredColumn(ui, spread ? 56 : 42);
    ui::BeginBody(ui, "##debrief", col, ui::ActionBarHeight(ui));
    const float w = ui::BodyWidth(ui, col);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // ---- how it ended
    {
        const Rgb c = OutcomeColour(ui, ending->outcome);
        const std::string badge = Tr(ui.lang, OutcomeKey(ending->outcome));
        ImFont* bold = ui.Font(FontRole::Bold);
        const ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, badge.c_str());
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const ImVec2 pad(ui.U(0.6f), ui.U(0.2f));
        dl->AddRectFilled(p0, ImVec2(p0.x + ts.x + pad.x * 2, p0.y + ts.y + pad.y * 2), ToU32(c), ui.U(0.8f));
        ui::DrawText(ui, FontRole::Bold, ImVec2(p0.x + pad.x, p0.y + pad.y),
                     ending->outcome == Outcome::Mixed ? t.accent_text : t.primary_text, badge);
        ImGui::Dummy(ImVec2(ts.x + pad.x * 2, ts.y + pad.y * 2));
    }
    ui::Label(ui, FontRole::Heading, pack.T(s->Say(ending->title), ui.lang), t.text, w);
    if (!ending->debrief.Empty())
        ui::Label(ui, FontRole::Body, pack.T(s->Say(ending->debrief), ui.lang), t.text, w);
    if (!ending->lessons.empty()) {
        // A Markdown list: one lesson per item (single newlines would join them into one paragraph).
        std::string bullets;
        for (const LocalText& l : ending->lessons) bullets += "- " + pack.T(s->Say(l), ui.lang) + "\n";
        ui::Space(ui, 0.3f);
        ui::NoteCard(ui, t.accent, t.callout_tip, Tr(ui.lang, "debrief.lessons"), bullets, w);
    }

    // ---- the path as a timeline: a numbered dot per decision, what was chosen, the others folded away
    ui::Space(ui, 0.5f);
    ui::Label(ui, FontRole::Bold, Tr(ui.lang, "debrief.path"), t.text, w);
    ui::Space(ui, 0.2f);
    const float dot_r = ui.U(0.55f);
    const float text_x = dot_r * 2 + ui.U(0.6f);
    const float spread_w = spread ? w * 0.38f : 0;
    const float step_w = w - text_x - (spread ? spread_w + ui.U(1.0f) : 0);
    int number = 0;
    for (const PathStep& step : s->Path()) {
        const Node& node = rp.nodes[step.node];
        const int index = number++;
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(top.x + text_x, top.y));
        ImGui::BeginGroup();
        // The texts as the student saw them at that decision (variables of that moment).
        const StoryState* at = s->StateAtStep(index);
        auto say = [&](const LocalText& text) {
            return pack.T(at ? Interpolate(rp, at->vars, text) : text, ui.lang);
        };
        const std::string prompt = node.prompt.Empty() ? Tr(ui.lang, "roleplay.choose") : say(node.prompt);
        ui::Label(ui, FontRole::Small, prompt, t.secondary_text, step_w);
        const Choice& chosen = node.choices[step.choice];
        ui::Label(ui, FontRole::Bold, say(chosen.text), t.text, step_w);
        if (!chosen.feedback.Empty()) ui::Label(ui, FontRole::Small, say(chosen.feedback), t.text, step_w);
        // Only the options the student really had, and only endings reachable from the state they were in.
        const std::vector<OtherOption> others = s->OtherOptions(static_cast<size_t>(index));
        auto leads_to = [&](const OtherOption& o, bool ids) {
            std::string list;
            for (int e : o.endings)
                list +=
                    (list.empty() ? ""
                     : ids        ? ","
                                  : ", ") +
                    (ids ? rp.endings[e].id
                         : std::string("“") +
                               pack.T(at ? Resolve(rp, *at, rp.endings[e].title) : rp.endings[e].title.text,
                                      ui.lang) +
                               "”");
            const bool narrows = o.complete && !o.endings.empty() && o.endings.size() < rp.endings.size();
            if (ids) return narrows ? list : std::string("depends");
            const std::string depends = Tr(ui.lang, "debrief.leads.depends");
            if (!narrows) return depends;
            return o.endings.size() == 1 ? list : list + " (" + depends + ")";
        };
        for (const OtherOption& o : others)
            ui::Probe(ui, "debrief.other." + std::to_string(index + 1) + "." + std::to_string(o.choice + 1),
                      leads_to(o, true));
        const bool is_open = std::find(open.begin(), open.end(), index) != open.end();
        if (!others.empty()) {
            char label[96];
            snprintf(label, sizeof label,
                     Tr(ui.lang, is_open ? "debrief.others.hide" : "debrief.others.show"),
                     static_cast<int>(others.size()));
            const std::string id = "others-" + std::to_string(index + 1);
            if (ui::Button(ui, id.c_str(), label, ImVec2(0, 0), ButtonKind::Quiet))
                out.Push(act::DebriefToggle{index});
        }
        if (is_open) {
            for (const OtherOption& o : others) {
                const Choice& other = node.choices[o.choice];
                std::string body = say(other.feedback);
                body += "\n" + std::string(Tr(ui.lang, "debrief.leads")) + " " + leads_to(o, false);
                ui::NoteCard(ui, t.border, t.surface, say(other.text), body, step_w);
                ui::Space(ui, 0.15f);
            }
        }
        ImGui::EndGroup();
        float bottom = ImGui::GetItemRectMax().y;
        if (spread && !step.tally.empty()) {
            // The class's hands per option, beside the decision.
            const int total = std::accumulate(step.tally.begin(), step.tally.end(), 0);
            ImGui::SetCursorScreenPos(ImVec2(top.x + w - spread_w, top.y));
            ImGui::BeginGroup();
            ui::Label(ui, FontRole::Small, Tr(ui.lang, "debrief.class"), t.secondary_text, spread_w);
            // In the order the class saw the options.
            for (int k : s->ChoiceOrder(step.node))
                if (k < static_cast<int>(step.tally.size()))
                    TallyBar(ui, pack.T(node.choices[k].text, ui.lang), step.tally[k], total, spread_w,
                             k == step.choice);
            ImGui::EndGroup();
            bottom = std::max(bottom, ImGui::GetItemRectMax().y);
        }
        // The dot and the line down to the next decision.
        const Rgb dot = chosen.quality == ChoiceQuality::Weak
                            ? t.warn
                            : (chosen.quality == ChoiceQuality::Strong ? t.good : t.primary);
        const ImVec2 c(top.x + dot_r, top.y + dot_r + ui.U(0.1f));
        if (index + 1 < static_cast<int>(s->Path().size()))
            dl->AddLine(ImVec2(c.x, c.y + dot_r), ImVec2(c.x, bottom + ui.U(0.6f)), ToU32(t.border),
                        ui.U(0.12f));
        dl->AddCircleFilled(c, dot_r, ToU32(dot), 24);
        const std::string n = std::to_string(index + 1);
        ImFont* bold = ui.Font(FontRole::Small);
        const ImVec2 ns = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, n.c_str());
        dl->AddText(bold, bold->FontSize, ImVec2(c.x - ns.x * 0.5f, c.y - ns.y * 0.5f), ToU32(t.primary_text),
                    n.c_str());
        ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + ui.U(0.5f)));
        ImGui::Dummy(ImVec2(w, 1));
    }

    // ---- phones: an optional anonymous "zelf meegemaakt?", shown from 5 answers, beside where to get help
    if (state.workshop && state.phones.On()) {
        ui::Space(ui, 0.6f);
        ui::PhonesExperiencedPanel(state, ui, out, w);
    }
    // ---- where to get help: low-threshold first, as the pack lists it
    if (!ending->help.empty()) {
        ui::Space(ui, 0.4f);
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "debrief.help"), t.text, w);
        for (const std::string& id : ending->help) {
            const HelpResource* h = pack.FindHelp(id);
            if (!h) continue;
            std::string body = pack.T(h->text, ui.lang);
            if (!h->contact.Empty()) body += "\n" + pack.T(h->contact, ui.lang);
            ui::NoteCard(ui, t.primary, t.callout_know, pack.T(h->title, ui.lang), body, w);
            ui::Space(ui, 0.2f);
        }
    }
    ui::EndBody(ui);

    ui::BeginActionBar(ui, col);
    const float bw = ui::ShareWidth(ui, col.width, 2);
    if (ui::Button(ui, "again", Tr(ui.lang, "debrief.again"), ImVec2(bw, ui.U(2.2f)), ButtonKind::Secondary))
        out.Push(act::RoleplayAgain{});
    ImGui::SameLine();
    if (ui::Button(ui, "done", Tr(ui.lang, "debrief.home"), ImVec2(bw, ui.U(2.2f))))
        out.Push(act::RoleplayDone{});
    ImGui::SetItemDefaultFocus();
    ui::EndActionBar(ui);
}

} // namespace sb
