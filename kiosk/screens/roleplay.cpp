// The role-play player: the conversation line by line, like a chat app; choices as big numbered
// buttons (keys 1-4); feedback after each choice; Back undoes a choice, Start over restarts.
// In workshop mode each decision first shows a discussion prompt and the options with hand counts.
#include "screens/phones_ui.h"
#include "core/marks.h"
#include "screens/screens.h"
#include "ui/strings.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace sb {

namespace {

uint32_t SpeakerColour(const Pack& pack, const std::string& speaker, const Ui& ui) {
    if (const CastMember* c = pack.FindCast(speaker)) return c->colour;
    const Rgb p = ui.colors->primary;
    return (uint32_t(p.r) << 16) | (uint32_t(p.g) << 8) | p.b;
}

std::string SpeakerName(const Pack& pack, const std::string& speaker, const std::string& lang) {
    if (speaker == "you") return Tr(lang, "roleplay.you");
    if (const CastMember* c = pack.FindCast(speaker)) return pack.T(c->name, lang);
    return speaker;
}

// One line of the conversation: others on the left with an avatar, the student on the right,
// the narrator centred without a bubble.
void DrawLine(Ui& ui, const Pack& pack, const TranscriptLine& line, float width) {
    const ThemeColors& t = *ui.colors;
    const std::string& marked = pack.T(line.text, ui.lang);
    // Glossary terms ([[id|words]]) are tappable in a bubble; the narrator's centred line shows the words.
    const bool has_terms = marked.find("[[") != std::string::npos;
    const std::string text = StripMarks(marked);
    ImFont* font = ui.Font(FontRole::Body);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = ui.U(0.55f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (line.speaker == "narrator") {
        ImFont* small = ui.Font(FontRole::Body);
        const float wrap = width * 0.8f;
        const ImVec2 ts = ui::MeasureWrapped(small, text, wrap);
        ui::DrawTextCentered(ui, FontRole::Body,
                             ImVec2(origin.x + (width - wrap) * 0.5f, origin.y + ui.U(0.2f)), wrap,
                             t.text_muted, text);
        ImGui::Dummy(ImVec2(width, ts.y + ui.U(0.6f)));
        return;
    }
    const bool you = line.speaker == "you";
    const float avatar_r = ui.U(0.95f);
    const float max_bubble = width * 0.72f;
    const ImVec2 ts = has_terms ? ui::MeasureMarked(ui, FontRole::Body, marked, max_bubble - pad * 2)
                                : ui::MeasureWrapped(font, text, max_bubble - pad * 2);
    const float bubble_w = ts.x + pad * 2;
    const float bubble_h = ts.y + pad * 2;
    ImFont* name_font = ui.Font(FontRole::Small);
    const float name_h = name_font->FontSize + ui.U(0.15f);
    const std::string name = SpeakerName(pack, line.speaker, ui.lang);
    const uint32_t colour = SpeakerColour(pack, line.speaker, ui);
    const Rgb speaker_rgb{uint8_t(colour >> 16), uint8_t(colour >> 8), uint8_t(colour)};
    float bx;
    if (you) {
        bx = origin.x + width - bubble_w;
    } else {
        bx = origin.x + avatar_r * 2 + ui.U(0.5f);
        const ImVec2 centre(origin.x + avatar_r, origin.y + name_h + avatar_r * 0.9f);
        // The character's portrait when the pack has one (and it loads), else initials in their colour.
        const CastMember* member = pack.FindCast(line.speaker);
        const Texture* portrait = member && !member->portrait.empty() && ui.textures
                                      ? &ui.textures->Get(pack.dir + "/" + member->portrait)
                                      : nullptr;
        if (portrait && portrait->id) {
            dl->AddImageRounded(portrait->ImId(), ImVec2(centre.x - avatar_r, centre.y - avatar_r),
                                ImVec2(centre.x + avatar_r, centre.y + avatar_r), ImVec2(0, 0), ImVec2(1, 1),
                                IM_COL32_WHITE, avatar_r);
            dl->AddCircle(centre, avatar_r, ToU32(speaker_rgb), 40, std::max(2.0f, ui.U(0.08f)));
        } else {
            ui::Avatar(ui, centre, avatar_r, colour, name);
        }
    }
    // The speaker's name, and their mood when the line gives one ("Manager · bezorgd").
    std::string heading = name;
    if (!line.mood.empty() && line.mood != "neutral")
        heading += std::string("  ·  ") + Tr(ui.lang, ("mood." + line.mood).c_str());
    const ImVec2 name_size = name_font->CalcTextSizeA(name_font->FontSize, FLT_MAX, 0, heading.c_str());
    ui::DrawText(ui, FontRole::Small, ImVec2(you ? origin.x + width - name_size.x : bx, origin.y),
                 you ? t.secondary_text : speaker_rgb, heading);
    const ImVec2 b0(bx, origin.y + name_h);
    const ImVec2 b1(bx + bubble_w, b0.y + bubble_h);
    const float rounding = ui.U(0.6f);
    if (you) {
        dl->AddRectFilled(b0, b1, ToU32(t.primary), rounding,
                          ImDrawFlags_RoundCornersAll & ~ImDrawFlags_RoundCornersTopRight);
    } else {
        dl->AddRectFilled(b0, b1, ToU32(t.surface), rounding,
                          ImDrawFlags_RoundCornersAll & ~ImDrawFlags_RoundCornersTopLeft);
        dl->AddRect(b0, b1, ToU32(t.border), rounding,
                    ImDrawFlags_RoundCornersAll & ~ImDrawFlags_RoundCornersTopLeft,
                    std::max(1.0f, ui.U(0.04f)));
    }
    if (has_terms)
        ui::DrawMarked(ui, FontRole::Body, ImVec2(b0.x + pad, b0.y + pad), you ? t.primary_text : t.text,
                       marked, max_bubble - pad * 2);
    else
        ui::DrawText(ui, FontRole::Body, ImVec2(b0.x + pad, b0.y + pad), you ? t.primary_text : t.text, text,
                     max_bubble - pad * 2);
    ImGui::Dummy(ImVec2(width, std::max(name_h + bubble_h, avatar_r * 2 + name_h) + ui.U(0.45f)));
    if (!line.image.empty()) {
        // A picture with the line (a message on a phone, a letter); the line's text stands in when it cannot
        // show.
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (you ? 0 : avatar_r * 2 + ui.U(0.5f)));
        ui::PackImage(ui, pack.dir + "/" + line.image, text, ImVec2(width * 0.6f, ui.U(9)));
        ui::Space(ui, 0.4f);
    }
}

Rgb QualityColour(const Ui& ui, ChoiceQuality q) {
    switch (q) {
    case ChoiceQuality::Strong:
        return ui.colors->good;
    case ChoiceQuality::Weak:
        return ui.colors->warn;
    default:
        return ui.colors->primary;
    }
}

} // namespace

void ProbeStory(Ui& ui, const RoleplaySession& s) {
    const Roleplay& rp = s.Scenario();
    for (size_t i = 0; i < rp.variables.size(); ++i) {
        const Value v = s.Story().vars[i];
        ui::Probe(ui, "var." + rp.variables[i].name,
                  rp.variables[i].initial.type == ValueType::Bool ? (v.i ? "true" : "false")
                                                                  : std::to_string(v.i));
    }
    std::string route;
    for (const PathStep& p : s.Path())
        route += (route.empty() ? "" : ",") + rp.nodes[p.node].id + ":" + std::to_string(p.choice + 1);
    ui::Probe(ui, "roleplay.route", route);
}

void DrawRoleplayScreen(const KioskState& state, Ui& ui, ActionSink& out) {
    const RoleplaySession* s = state.student.roleplay.get();
    if (!s) {
        DrawModuleGone(ui, out);
        return;
    }
    const Pack& pack = s->GetPack();
    const ThemeColors& t = *ui.colors;
    const bool workshop = state.workshop;
    const bool phones = workshop && ui::PhonesVoting(state); // the class votes on phones: no hand counts

    // ---- top bar: undo, title, restart
    if (ui::Button(ui, "undo", Tr(ui.lang, "roleplay.undo"), ImVec2(0, 0), ButtonKind::Quiet, s->CanUndo()))
        out.Push(act::RoleplayUndo{});
    const float undo_right = ImGui::GetItemRectMax().x;
    {
        // The title sits centred on the bar, drawn so it does not move the buttons.
        const std::string title = pack.T(s->GetModule().title, ui.lang);
        ImFont* bold = ui.Font(FontRole::Bold);
        const ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, title.c_str());
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const char* restart = Tr(ui.lang, "roleplay.restart");
        const float restart_w = ImGui::CalcTextSize(restart).x + ui.U(1.6f);
        const float right =
            ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x;
        // Centred when there is room between the buttons, else shortened to what fits.
        const float room = right - restart_w - undo_right - ui.U(1.2f);
        float tx = ImGui::GetWindowPos().x + (ImGui::GetWindowWidth() - ts.x) * 0.5f;
        if (ts.x <= room) {
            tx = std::clamp(tx, undo_right + ui.U(0.6f), right - restart_w - ui.U(0.6f) - ts.x);
            ui::DrawText(ui, FontRole::Bold, ImVec2(tx, (a.y + b.y - ts.y) * 0.5f), t.text, title);
        }
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - restart_w);
        if (ui::Button(ui, "restart", restart, ImVec2(restart_w, 0), ButtonKind::Quiet))
            out.Push(act::RoleplayRestart{});
    }

    const float column = std::min(ImGui::GetContentRegionAvail().x, ui.U(40));
    const float x = (ImGui::GetWindowWidth() - column) * 0.5f;

    // ---- bottom panel height: what the student does next
    const std::vector<int> available = s->AvailableChoices();
    const auto& choices = s->CurrentNode().choices;
    // Reading: a gap, "Verder" and, while lines remain, the "tap to read on" hint under it.
    float bottom_h = ui.U(s->AllLinesShown() ? 3.2f : 4.4f);
    if (s->AtDecision()) {
        bottom_h = ui.U(workshop ? 3.0f : 2.2f);
        for (int i : available)
            bottom_h += std::max(ui.U(2.0f), ui::MeasureWrapped(ui.Font(FontRole::Body),
                                                                pack.T(s->Say(choices[i].text), ui.lang),
                                                                column - ui.U(3.6f))
                                                     .y +
                                                 ui.U(1.1f)) +
                        ImGui::GetStyle().ItemSpacing.y;
        if (workshop)
            bottom_h += ui.U(phones ? 1.0f : 1.2f) * available.size() + (phones ? ui.U(4.5f) : 0.0f);
    } else if (s->ShowingFeedback()) {
        bottom_h = ui.U(3.0f);
    } else if (s->Stuck()) {
        bottom_h = ui.U(5.4f); // a line and two buttons
    }
    // The conversation's own item gap comes out of the panel's height: without it, "Verder" was cut by
    // half a line and the scroll cue sat on its label.
    bottom_h += ImGui::GetStyle().ItemSpacing.y;
    bottom_h = std::min(bottom_h, ImGui::GetContentRegionAvail().y * 0.62f);
    // The panel fits when its buttons do; a tall one scrolls (with a cue) rather than being cut.

    // ---- the conversation
    ui::Space(ui, 0.3f);
    const float conv_h = ImGui::GetContentRegionAvail().y - bottom_h;
    ImGui::SetCursorPosX(x);
    ui::BeginScroll(ui, "##conversation", ImVec2(column + ImGui::GetStyle().ScrollbarSize, conv_h));
    const auto transcript = s->Transcript();
    for (const TranscriptLine& line : transcript)
        DrawLine(ui, pack, line, column - ui.U(0.2f));
    if (s->ShowingFeedback() && s->LastChoice()) {
        const Choice& c = *s->LastChoice();
        ui::Space(ui, 0.2f);
        ui::NoteCard(ui, QualityColour(ui, c.quality), t.callout_know, Tr(ui.lang, "roleplay.feedback"),
                     pack.T(s->Say(c.feedback), ui.lang), column - ui.U(0.2f));
    }
    if (s->AtDecision() && workshop && !s->CurrentNode().prompt.Empty()) {
        ui::Space(ui, 0.2f);
        ui::NoteCard(ui, t.accent, t.callout_watch, Tr(ui.lang, "roleplay.discuss"),
                     pack.T(s->Say(s->CurrentNode().prompt), ui.lang), column - ui.U(0.2f));
    }
    // Follow the newest line, as a chat app does.
    const size_t seen = transcript.size() + (s->ShowingFeedback() ? 1 : 0) + (s->AtDecision() ? 1 : 0);
    // To the very end (ImGui clamps it to the bottom next frame), and it stays there while the view is at the
    // end: a new line can settle a pixel or two taller on its next frame, and SetScrollHereY once left the
    // "more below" cue over its last words.
    const bool new_line = seen != state.student.roleplay_view.seen_lines;
    const bool at_end = ImGui::GetScrollMaxY() - ImGui::GetScrollY() < ui.U(0.2f);
    if (new_line || (at_end && !ImGui::IsMouseDown(0))) ImGui::SetScrollY(ImGui::GetCursorPosY());
    if (new_line) out.Push(act::RoleplaySeen{seen});
    // A tap anywhere on the conversation shows the next line.
    // (A tap on a glossary term opens its card instead.)
    if (ImGui::IsWindowHovered() && ImGui::IsMouseReleased(0) && !ui::WasDrag() && !s->AllLinesShown() &&
        !s->ShowingFeedback() && ui.tapped_term.empty())
        out.Push(act::RoleplayAdvance{});
    ui::EndScroll(ui);
    // Scripts check that the conversation follows its newest line all the way (nothing, and no cue, below).
    if (!ui.record.scrolls.empty() && ui.record.scrolls.back().id == "##conversation")
        ui::Probe(ui, "roleplay.more-below", ui.record.scrolls.back().more_below ? "yes" : "no");

    // ---- what the student does next
    ImGui::SetCursorPosX(x);
    ui::BeginScroll(
        ui, "##next",
        ImVec2(column + ImGui::GetStyle().ScrollbarSize,
               ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y));
    const bool key_next = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown), false);
    const bool key_back = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp), false);
    if (s->ShowingFeedback()) {
        ui::Space(ui, 0.3f);
        if (ui::Button(ui, "next", Tr(ui.lang, "roleplay.next"), ImVec2(column, ui.U(2.2f))) || key_next)
            out.Push(act::RoleplayAdvance{});
    } else if (s->Stuck()) {
        // The last line of defence (the validator reports such states): a calm way out, never a blank
        // decision.
        ui::Space(ui, 0.3f);
        ui::Label(ui, FontRole::Bold, Tr(ui.lang, "roleplay.stuck"), t.text, column);
        const float bw = (column - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        if (ui::Button(ui, "stuck-back", Tr(ui.lang, "roleplay.stuck.back"), ImVec2(bw, ui.U(2.2f)),
                       ButtonKind::Secondary))
            out.Push(act::RoleplayStuck{false});
        ImGui::SameLine();
        if (ui::Button(ui, "stuck-restart", Tr(ui.lang, "roleplay.stuck.restart"), ImVec2(bw, ui.U(2.2f))))
            out.Push(act::RoleplayStuck{true});
    } else if (s->AtDecision()) {
        ui::Label(
            ui, FontRole::Bold,
            Tr(ui.lang, phones ? "phones.vote.label" : (workshop ? "roleplay.vote" : "roleplay.choose")),
            t.text);
        const auto& view = state.student.roleplay_view;
        const int focus = std::clamp(view.focus, 0, std::max(0, static_cast<int>(available.size()) - 1));
        for (size_t k = 0; k < available.size(); ++k) {
            const int i = available[k];
            const std::string id = "choice-" + std::to_string(k + 1);
            const int hands = k < view.tally.size() ? view.tally[k] : 0;
            float w = column;
            if (workshop && !phones) w = column - ui.U(8.5f);
            const bool picked = ui::ChoiceButton(ui, id.c_str(), std::to_string(k + 1),
                                                 pack.T(s->Say(choices[i].text), ui.lang), w, true,
                                                 workshop && static_cast<int>(k) == focus);
            const bool key_pick = k < 9 && ImGui::IsKeyPressed(SDL_SCANCODE_1 + static_cast<int>(k), false);
            if (phones && state.phones.view.state == QuestionState::Revealed) {
                const ImVec2 at = ImGui::GetCursorScreenPos();
                ui::PhonesVoteBar(state, ui, static_cast<int>(k),
                                  ImVec2(at.x + ui.U(0.3f), at.y + ui.U(0.2f)), column);
                ImGui::Dummy(ImVec2(column, ui.U(0.8f)));
            }
            if (workshop && !phones) {
                // Hand counts beside each option: − n +
                ImGui::SameLine(0, ui.U(0.4f));
                const std::string minus = "less-" + std::to_string(k + 1),
                                  plus = "more-" + std::to_string(k + 1);
                if (ui::Button(ui, minus.c_str(), "−", ImVec2(ui.U(2.2f), 0), ButtonKind::Secondary))
                    out.Push(act::RoleplayTally{int(k), -1, int(available.size())});
                ImGui::SameLine(0, ui.U(0.2f));
                char count[32];
                snprintf(count, sizeof count, "%d", hands);
                ImGui::PushFont(ui.Font(FontRole::Bold));
                const float cw = ImGui::CalcTextSize(count).x;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ui.U(1.6f) - cw) * 0.5f);
                ImGui::TextUnformatted(count);
                ImGui::PopFont();
                ui.record.texts.push_back(std::string(count) + " " + Tr(ui.lang, "roleplay.hands"));
                ImGui::SameLine(0, ui.U(0.2f));
                if (ui::Button(ui, plus.c_str(), "+", ImVec2(ui.U(2.2f), 0), ButtonKind::Secondary))
                    out.Push(act::RoleplayTally{int(k), +1, int(available.size())});
            }
            if (picked || key_pick) out.Push(act::RoleplayChoose{i});
        }
        if (phones) ui::PhonesVotePanel(state, ui, out, column);
        if (workshop) {
            // A presenter remote: arrows move and count, Page Down picks, Page Up goes back.
            const int n = static_cast<int>(available.size());
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
                out.Push(act::RoleplayFocus{+1, n});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
                out.Push(act::RoleplayFocus{-1, n});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
                out.Push(act::RoleplayTally{focus, +1, n});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)))
                out.Push(act::RoleplayTally{focus, -1, n});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown), false) && n > 0)
                out.Push(act::RoleplayChoose{available[focus]});
            ui::Label(ui, FontRole::Small, Tr(ui.lang, "roleplay.keys.workshop"), t.text_muted);
        }
    } else {
        ui::Space(ui, 0.3f);
        const bool more_lines = !s->AllLinesShown();
        if (ui::Button(ui, "next", Tr(ui.lang, "roleplay.next"), ImVec2(column, ui.U(2.2f))) || key_next)
            out.Push(act::RoleplayAdvance{});
        if (more_lines)
            ui::LabelCentered(ui, FontRole::Small, Tr(ui.lang, "roleplay.tap"), t.text_muted, column);
    }
    ui::EndScroll(ui);
    if (key_back && s->CanUndo() &&
        !(workshop && s->AtDecision() && !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp), false)))
        out.Push(act::RoleplayUndo{});

    ui::Probe(ui, "roleplay.node", s->CurrentNode().id);
    ui::Probe(ui, "roleplay.phones", phones ? "yes" : "no");
    ui::Probe(ui, "roleplay.step",
              s->Stuck() ? "stuck"
                         : (s->AtDecision() ? "decision" : (s->ShowingFeedback() ? "feedback" : "reading")));
    ui::Probe(ui, "roleplay.feedback", s->ShowingFeedback() ? "yes" : "no");
    ui::Probe(ui, "roleplay.path", std::to_string(s->Path().size()));
    ui::Probe(ui, "roleplay.stuck", s->Stuck() ? "yes" : "no");
    ProbeStory(ui, *s);
}

} // namespace sb
