// Home: the modules of the playable packs as big cards, two per row.
#include "pack/stats.h"
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>

#include <algorithm>
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
        return ui::IconKind::Check;
    }
    return ui::IconKind::Lesson;
}

} // namespace

void DrawHomeScreen(const Model& model, Ui& ui, Actions& actions) {
    ui::BeginRoot(ui, "home");
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        actions.Back();
    if (!model.locked && model.packs.BrokenCount() > 0) {
        // In a window (an author at work) broken packs are one tap away; a kiosk keeps this for the trainer
        // menu.
        char label[96];
        snprintf(label, sizeof label, "%s (%zu)", Tr(ui.lang, "diag.button"), model.packs.BrokenCount());
        ImGui::SameLine(0, ui.U(1));
        if (ui::Button(ui, "diagnostics", label, ImVec2(ui.U(13), 0), ButtonKind::Quiet))
            actions.Go(ScreenId::Diagnostics);
    }
    if (!model.classroom) {
        // Done: the check afterwards (when there was one before), then tips and where to get help.
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - ui.U(10));
        if (ui::Button(ui, "done", Tr(ui.lang, "home.done"), ImVec2(ui.U(10), 0), ButtonKind::Primary))
            actions.Push([](Model& m) {
                if (m.student.pre_done && !m.student.post_done &&
                    StartSessionCheck(m, Phase::Post, ScreenId::End))
                    m.student.post_done = true;
                else
                    m.router.Push(ScreenId::End);
            });
    }
    ui::Space(ui, 0.3f);
    ui::Label(ui, FontRole::Heading, Tr(ui.lang, "home.title"), ui.colors->text);
    ui::Space(ui, 0.4f);

    // A little padding, so the keyboard focus ring around a card is not cut off by the scroll area.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.U(0.3f), ui.U(0.3f)));
    ImGui::BeginChild("##cards", ImVec2(0, 0), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened |
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ui::TouchScroll();
    const float spacing = ui.U(1.0f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = avail > ui.U(30) ? 2 : 1;
    const ImVec2 card((avail - spacing * (columns - 1) - ui.U(0.4f)) / columns, ui.U(4.6f));
    int shown = 0;
    for (const LoadedPack& loaded : model.packs.Packs()) {
        const Pack* pack = loaded.result.pack.get();
        if (!pack) continue;
        for (const Module& m : pack->modules) {
            if (m.kind == ModuleKind::Confidence) continue;   // asked around modules, not picked from home
            if (model.ModuleHidden(pack->id, m.id)) continue; // the trainer switched it off
            if (shown % columns != 0)
                ImGui::SameLine(0, spacing);
            else if (shown > 0)
                ImGui::Dummy(ImVec2(1, spacing * 0.3f));
            char footer[64];
            snprintf(footer, sizeof footer, "%s  ·  ",
                     Tr(ui.lang, (std::string("kind.") + KindName(m.kind)).c_str()));
            char minutes[32];
            snprintf(minutes, sizeof minutes, Tr(ui.lang, "common.minutes"), ModuleMinutes(*pack, m));
            const std::string id = "module-" + m.id;
            if (ui::Card(ui, id.c_str(), IconFor(m.kind), pack->T(m.title, ui.lang),
                         pack->T(m.summary, ui.lang), std::string(footer) + minutes, card)) {
                actions.Push([pack_id = pack->id, module_id = m.id](Model& mm) {
                    OpenModule(mm, pack_id, module_id);
                });
            }
            ++shown;
        }
    }
    if (shown == 0) ui::Label(ui, FontRole::Body, Tr(ui.lang, "home.empty"), ui.colors->text_muted);
    ui::Probe(ui, "home.cards", std::to_string(shown));
    ImGui::EndChild();
    ui::EndRoot();
}

} // namespace sb

namespace sb {

void OpenModule(Model& model, const std::string& pack_id, const std::string& module_id) {
    auto pack = model.packs.SharedPack(pack_id);
    const Module* m = pack ? pack->FindModule(module_id) : nullptr;
    if (!m) return;
    model.pack_id = pack_id;
    model.module_id = module_id;
    switch (m->kind) {
    case ModuleKind::Lesson:
        model.lesson_page = 0;
        model.router.Push(ScreenId::Lesson);
        break;
    case ModuleKind::Quiz:
        model.quiz = std::make_unique<QuizSession>(pack, *m, model.quiz_seed);
        model.router.Push(ScreenId::Quiz);
        break;
    case ModuleKind::Roleplay:
        model.router.Push(ScreenId::RoleplayIntro);
        break;
    case ModuleKind::Confidence:
        return; // asked around modules, never opened on its own
    }
    // A module with its own check asks it first (walk-up only: in a workshop nobody answers alone).
    if (!m->check.empty() && !model.classroom && !model.student.session_id.empty() &&
        StartCheck(model, pack, m->check, Phase::Pre, m->id, model.router.Current(), true))
        model.student.module_pre.push_back(m->id);
}

void DrawModuleGone(Ui& ui, Actions& actions) {
    ui::Label(ui, FontRole::Body, Tr(ui.lang, "module.gone"), ui.colors->text_muted);
    if (ui::Button(ui, "back", Tr(ui.lang, "common.back"), ImVec2(ui.U(6), 0), ButtonKind::Quiet))
        actions.Back();
    ui::EndRoot();
}

void FinishModule(Model& model) {
    model.router.Back();
    const auto pre =
        std::find(model.student.module_pre.begin(), model.student.module_pre.end(), model.module_id);
    if (pre == model.student.module_pre.end()) return;
    model.student.module_pre.erase(pre); // asked once after, then done
    auto pack = model.packs.SharedPack(model.pack_id);
    const Module* m = pack ? pack->FindModule(model.module_id) : nullptr;
    if (m) StartCheck(model, pack, m->check, Phase::Post, m->id, model.router.Current(), false);
}

} // namespace sb
