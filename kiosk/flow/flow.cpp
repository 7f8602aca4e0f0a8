// [SECTION] dispatch, reset and idle
// [SECTION] start, welcome and the confidence check
// [SECTION] home and modules: lessons, quizzes, role-plays
// [SECTION] trainer: PIN, menu, results, export
// [SECTION] live reload
#include "flow/flow.h"

#include "log/coarse_time.h"
#include "log/ids.h"
#include "log/export.h"
#include "log/log_reader.h"

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace sb {

namespace {

constexpr size_t kPinMaxDigits = 8;

template <class... F> struct Overloaded : F... { using F::operator()...; };

// Hands were counted per option as shown; the session keeps them per choice of the node.
std::vector<int> TallyByChoice(const std::vector<int>& shown, const std::vector<int>& available,
                               size_t total) {
    if (shown.empty()) return {};
    std::vector<int> out(total, 0);
    for (size_t k = 0; k < shown.size() && k < available.size(); ++k)
        out[available[k]] = shown[k];
    return out;
}

std::string DateDaysAgo(std::chrono::system_clock::time_point now, int days) {
    return Coarsen(now - std::chrono::hours(24 * days)).date;
}

} // namespace

// ============================================================ [SECTION] dispatch, reset and idle

void Flow::Apply(const Action& action) {
    std::visit([this](const auto& a) { On(a); }, action);
}

uint64_t Flow::StudentSeed() const {
    return m_state.seed + m_state.student_generation * 0x9E3779B97F4A7C15ull;
}

void Flow::ResetStudent() {
    // One assignment wipes everything of this student: sessions, answers on screen, undo history, the
    // session id, the PIN being typed. The app also gives ImGui a fresh context when the generation grows.
    m_state.student = StudentSession::Fresh(m_state.defaults);
    m_state.trainer.report.reset();
    m_state.trainer.export_targets.clear();
    m_state.trainer.export_result.reset();
    ++m_state.student_generation;
    m_state.last_input_ms = m_state.now_ms;
    // The student's checks end: cohorts seal, and nothing in the files keeps the order of students.
    if (m_state.log) m_state.log_status = m_state.log->EndSession(LogStore::Rewrite::InBackground);
}

void Flow::Tick() {
    if (IdleSecondsLeft() == 0) ResetStudent();
}

int Flow::IdleSecondsLeft() const {
    const ScreenId s = m_state.Screen();
    // Not on the attract screen (nothing to wipe), and not while a trainer works.
    if (s == ScreenId::Start || IsTrainerScreen(s)) return -1;
    if (m_state.workshop) return -1; // a trainer at the front pauses to talk; never wipe the class's play
    const int64_t idle = m_state.now_ms - m_state.last_input_ms;
    const int64_t prompt_at = int64_t(m_state.config.idle_seconds) * 1000;
    if (idle < prompt_at) return -1;
    const int64_t left = int64_t(m_state.config.countdown_seconds) * 1000 - (idle - prompt_at);
    return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

int64_t Flow::NextIdleWakeMs() const {
    const ScreenId s = m_state.Screen();
    if (s == ScreenId::Start || IsTrainerScreen(s) || m_state.workshop) return -1;
    const int64_t idle = m_state.now_ms - m_state.last_input_ms;
    if (IdleSecondsLeft() >= 0) return 1000 - idle % 1000; // the countdown shows each second
    return int64_t(m_state.config.idle_seconds) * 1000 - idle;
}

void Flow::On(const act::Back&) {
    if (!m_state.student.open_term.empty()) { // Escape closes the glossary card first, never the page
        m_state.student.open_term.clear();
        return;
    }
    if (m_state.Screen() == ScreenId::TrainerPin) m_state.student.pin_entry.clear();
    m_state.student.router.Back();
}

void Flow::On(const act::StillHere&) {} // the touch itself counted as input

// ============================================================ [SECTION] start, welcome and the confidence
// check

void Flow::On(const act::Begin&) {
    m_state.student.router.Push(m_state.workshop ? ScreenId::Home : ScreenId::Welcome);
}

void Flow::On(const act::SetLanguage& a) {
    m_state.student.lang = a.lang;
}
void Flow::On(const act::SetTextScale& a) {
    m_state.student.access.text_scale = a.scale;
}
void Flow::On(const act::ToggleContrast&) {
    m_state.student.access.high_contrast = !m_state.student.access.high_contrast;
}
void Flow::On(const act::ToggleDyslexia&) {
    m_state.student.access.dyslexia_font = !m_state.student.access.dyslexia_font;
}

void Flow::On(const act::StartSession&) {
    // A new student: a fresh random session id pairs their before and after answers, nothing else.
    StudentSession& s = m_state.student;
    s.session_id = NewSessionId();
    s.pre_done = s.post_done = false;
    s.module_pre.clear();
    if (StartSessionConfidence(Phase::Pre, ScreenId::Home))
        s.pre_done = true;
    else
        s.router.Push(ScreenId::Home);
}

bool Flow::StartConfidence(const std::shared_ptr<const Pack>& pack, const std::string& check_id, Phase phase,
                           const std::string& scope, ScreenId then, bool replace_current) {
    const Module* check = pack ? pack->FindModule(check_id) : nullptr;
    if (!check || !check->AsConfidence()) return false;
    auto run = std::make_unique<ConfidenceRun>(pack, *check, phase, scope);
    if (run->Count() == 0) return false;
    StudentSession& s = m_state.student;
    s.confidence = std::move(run);
    s.after_confidence = then;
    if (replace_current)
        s.router.Replace(ScreenId::Confidence);
    else
        s.router.Push(ScreenId::Confidence);
    return true;
}

bool Flow::StartSessionConfidence(Phase phase, ScreenId then) {
    for (const LoadedPack& p : m_state.packs.Packs()) {
        if (!p.result.pack || p.result.pack->session_confidence_check.empty() ||
            m_state.PackHidden(p.result.pack->id))
            continue;
        return StartConfidence(p.result.pack, p.result.pack->session_confidence_check, phase, "", then,
                               false);
    }
    return false;
}

void Flow::FinishConfidence() {
    // Leave the check for the screen it was asked for (going back when that screen is right underneath).
    StudentSession& s = m_state.student;
    s.confidence.reset();
    if (s.router.Below() == s.after_confidence && s.router.Depth() > 1)
        s.router.Back();
    else
        s.router.Replace(s.after_confidence);
}

void Flow::On(const act::Answer& a) {
    StudentSession& s = m_state.student;
    if (!s.confidence || s.confidence->Done()) return;
    const Pack& pack = s.confidence->GetPack();
    const SessionContext session{s.session_id, pack.id, pack.version, m_state.config.kiosk_label};
    // The date and part of day, never the clock time. The log keeps the answer in memory if the disk
    // refuses it, so none is lost.
    const sb::Answer answer = s.confidence->Give(session, a.value, Coarsen(m_clock.WallNow()));
    if (m_state.log) m_state.log_status = m_state.log->Record(answer);
    if (s.confidence->Done()) FinishConfidence();
}

void Flow::On(const act::SkipItem&) {
    StudentSession& s = m_state.student;
    if (!s.confidence || s.confidence->Done()) return;
    s.confidence->Skip();
    if (s.confidence->Done()) FinishConfidence();
}

void Flow::On(const act::PreviousItem&) {
    // A mis-tap can be undone: the statement before comes back, and a new answer to it replaces the old one.
    if (m_state.student.confidence) m_state.student.confidence->Back();
}

// ============================================================ [SECTION] home and modules

void Flow::On(const act::OpenModule& a) {
    auto pack = m_state.packs.SharedPack(a.pack_id);
    const Module* m = pack ? pack->FindModule(a.module_id) : nullptr;
    if (!m || m->kind == ModuleKind::Confidence) return; // a check is asked around modules, never opened
    StudentSession& s = m_state.student;
    // The trainer's own modules open from the trainer menu only; every other one only where home shows it.
    if (m->For(Audience::Trainer) ? s.router.Current() != ScreenId::Trainer : !m_state.ShownOnHome(*pack, *m))
        return;
    s.lesson_view = {};
    s.open_term.clear();
    s.pack_id = a.pack_id;
    s.module_id = a.module_id;
    switch (m->kind) {
    case ModuleKind::Lesson:
        s.lesson = std::make_unique<LessonSession>(pack, *m);
        s.router.Push(ScreenId::Lesson);
        break;
    case ModuleKind::Quiz:
        s.quiz = std::make_unique<QuizSession>(pack, *m, StudentSeed());
        s.router.Push(ScreenId::Quiz);
        break;
    case ModuleKind::Roleplay:
        s.router.Push(ScreenId::RoleplayIntro);
        break;
    case ModuleKind::Confidence:
        return;
    }
    // A module with its own check asks it first (walk-up only: in a workshop nobody answers alone).
    if (!m->confidence_check.empty() && !m_state.workshop && !s.session_id.empty() &&
        StartConfidence(pack, m->confidence_check, Phase::Pre, m->id, s.router.Current(), true))
        s.module_pre.push_back(m->id);
}

void Flow::FinishModule() {
    StudentSession& s = m_state.student;
    const std::string key = s.pack_id + "/" + s.module_id;
    if (std::find(s.finished.begin(), s.finished.end(), key) == s.finished.end()) s.finished.push_back(key);
    s.router.Back();
    const auto pre = std::find(s.module_pre.begin(), s.module_pre.end(), s.module_id);
    if (pre == s.module_pre.end()) return;
    s.module_pre.erase(pre); // asked once after, then done
    auto pack = m_state.packs.SharedPack(s.pack_id);
    const Module* m = pack ? pack->FindModule(s.module_id) : nullptr;
    if (m) StartConfidence(pack, m->confidence_check, Phase::Post, m->id, s.router.Current(), false);
}

void Flow::On(const act::FinishSession&) {
    // Done: the check afterwards (when there was one before), then tips and where to get help.
    StudentSession& s = m_state.student;
    if (m_state.workshop && m_state.phones.On()) { // the class's check afterwards, on their phones
        OpenPhonesCheck(Phase::Post);
        return;
    }
    if (s.pre_done && !s.post_done && StartSessionConfidence(Phase::Post, ScreenId::End))
        s.post_done = true;
    else
        s.router.Push(ScreenId::End);
}

void Flow::On(const act::EndSession&) {
    ResetStudent();
}

void Flow::On(const act::LessonPage& a) {
    if (!m_state.student.lesson) return;
    m_state.student.lesson->GoTo(a.page);
    m_state.student.lesson_view = {}; // each page's question and practice card start fresh
    m_state.student.open_term.clear();
}

// The inline question of the page on screen, or null.
static const Question* PageQuestion(const KioskState& state) {
    const Module* m = state.CurrentModule();
    const Lesson* lesson = m ? m->AsLesson() : nullptr;
    if (!lesson || !state.student.lesson) return nullptr;
    const size_t page = state.student.lesson->PageIndex();
    return page < lesson->pages.size() ? lesson->pages[page].question.get() : nullptr;
}

void Flow::On(const act::LessonSelect& a) {
    const Question* q = PageQuestion(m_state);
    auto& view = m_state.student.lesson_view;
    if (!q || view.checked || a.option < 0 || a.option >= static_cast<int>(q->options.size())) return;
    if (q->type == QuestionType::Multiple) {
        const auto it = std::find(view.selected.begin(), view.selected.end(), a.option);
        if (it != view.selected.end())
            view.selected.erase(it);
        else
            view.selected.push_back(a.option);
    } else {
        view.selected = {a.option};
    }
}
void Flow::On(const act::LessonCheck&) {
    auto& view = m_state.student.lesson_view;
    if (PageQuestion(m_state) && !view.selected.empty()) view.checked = true; // nothing is logged
}
void Flow::On(const act::LessonReveal&) {
    m_state.student.lesson_view.revealed = true;
}

void Flow::On(const act::ShowTerm& a) {
    const Pack* pack = m_state.CurrentPack();
    if (pack && pack->FindTerm(a.id)) m_state.student.open_term = a.id;
}
void Flow::On(const act::CloseTerm&) {
    m_state.student.open_term.clear();
}
void Flow::On(const act::FinishLesson&) {
    m_state.student.lesson.reset();
    FinishModule();
}

void Flow::On(const act::QuizSelect& a) {
    if (m_state.student.quiz) m_state.student.quiz->Select(a.option);
}
void Flow::On(const act::QuizMove& a) {
    if (m_state.student.quiz) m_state.student.quiz->MoveItem(a.from, a.to);
}
void Flow::On(const act::QuizLikert& a) {
    if (m_state.student.quiz) m_state.student.quiz->SetLikert(a.value);
}
void Flow::On(const act::QuizGrade&) {
    if (m_state.student.quiz) m_state.student.quiz->Grade();
}
void Flow::On(const act::QuizNext&) {
    if (m_state.student.quiz) m_state.student.quiz->Next();
}
void Flow::On(const act::QuizBack&) {
    if (m_state.student.quiz) m_state.student.quiz->Back();
}
void Flow::On(const act::QuizFinish&) {
    if (!m_state.student.quiz) return;
    m_state.student.quiz->Finish();
    m_state.student.router.Replace(ScreenId::QuizResult);
}
void Flow::On(const act::QuizRetry&) {
    if (!m_state.student.quiz) return;
    m_state.student.quiz->Retry();
    m_state.student.router.Replace(ScreenId::Quiz);
}
void Flow::On(const act::QuizDone&) {
    m_state.student.quiz.reset();
    FinishModule();
}

void Flow::On(const act::RoleplayBegin&) {
    StudentSession& s = m_state.student;
    auto pack = m_state.packs.SharedPack(s.pack_id);
    const Module* m = pack ? pack->FindModule(s.module_id) : nullptr;
    if (!m || !m->AsRoleplay()) return;
    s.roleplay = std::make_unique<RoleplaySession>(pack, *m, StudentSeed());
    s.roleplay_view = {};
    s.router.Replace(ScreenId::Roleplay);
}

void Flow::On(const act::RoleplayUndo&) {
    StudentSession& s = m_state.student;
    if (!s.roleplay || !s.roleplay->Undo()) return;
    s.roleplay_view.tally.clear();
}

void Flow::On(const act::RoleplayRestart&) {
    StudentSession& s = m_state.student;
    if (!s.roleplay) return;
    s.roleplay->Restart();
    s.roleplay_view = {};
}

void Flow::On(const act::RoleplayStuck& a) {
    StudentSession& s = m_state.student;
    if (!s.roleplay || !s.roleplay->Stuck()) return;
    if (a.restart) {
        s.roleplay->Restart();
        s.roleplay_view = {};
    } else if (s.roleplay->CanUndo()) {
        s.roleplay->Undo();
        s.roleplay_view.tally.clear();
    } else {
        s.roleplay.reset(); // stuck before any choice: back out of the role-play
        s.roleplay_view = {};
        s.router.Back();
    }
}

void Flow::On(const act::RoleplayAdvance&) {
    StudentSession& s = m_state.student;
    RoleplaySession* rp = s.roleplay.get();
    if (!rp || rp->AtDecision()) return;
    if (rp->ShowingFeedback())
        rp->DismissFeedback();
    else if (rp->AtEnding())
        return;
    else if (!rp->AllLinesShown())
        rp->RevealNextLine();
    else
        rp->Continue();
    if (rp->AtEnding()) s.router.Replace(ScreenId::RoleplayDebrief);
}

void Flow::On(const act::RoleplayChoose& a) {
    StudentSession& s = m_state.student;
    RoleplaySession* rp = s.roleplay.get();
    if (!rp || !rp->AtDecision()) return;
    const std::vector<int> available = rp->AvailableChoices();
    std::vector<int> shown = s.roleplay_view.tally;
    // With phones, the class's votes are the tally, but only a spread that may be shown (5 or more).
    const RoomSnapshot& phones = m_state.phones.view;
    if (m_state.phones.On() && m_state.phones.live.rfind("vote:", 0) == 0 && !phones.tallies.empty() &&
        phones.tallies[0].shown)
        shown = phones.tallies[0].counts;
    rp->Choose(a.choice, TallyByChoice(shown, available, rp->CurrentNode().choices.size()));
    s.roleplay_view.tally.clear();
    s.roleplay_view.focus = 0;
}

void Flow::On(const act::RoleplayTally& a) {
    auto& tally = m_state.student.roleplay_view.tally;
    if (a.shown < 0 || a.shown >= a.count) return;
    tally.resize(std::max<size_t>(tally.size(), size_t(a.count)), 0);
    tally[a.shown] = std::max(0, tally[a.shown] + a.delta);
}

void Flow::On(const act::RoleplayFocus& a) {
    int& focus = m_state.student.roleplay_view.focus;
    focus = std::clamp(focus + a.delta, 0, std::max(0, a.count - 1));
}

void Flow::On(const act::RoleplaySeen& a) {
    m_state.student.roleplay_view.seen_lines = a.lines;
}

void Flow::On(const act::RoleplayAgain&) {
    StudentSession& s = m_state.student;
    if (!s.roleplay) return;
    s.roleplay->Restart();
    s.roleplay_view = {};
    s.router.Replace(ScreenId::Roleplay);
}

void Flow::On(const act::DebriefToggle& a) {
    auto& open = m_state.student.roleplay_view.open_steps;
    const auto it = std::find(open.begin(), open.end(), a.step);
    if (it != open.end())
        open.erase(it);
    else
        open.push_back(a.step);
}

void Flow::On(const act::RoleplayDone&) {
    m_state.student.roleplay.reset();
    FinishModule();
}

// ============================================================ [SECTION] trainer: PIN, menu, results, export

void Flow::On(const act::OpenTrainer&) {
    StudentSession& s = m_state.student;
    if (s.router.Current() == ScreenId::TrainerPin || IsTrainerScreen(s.router.Current())) return;
    s.pin_entry.clear();
    s.trainer_notice.clear();
    s.trainer_detail.clear();
    m_state.trainer.confirm_quit = false;
    if (m_state.config.pin_hash.empty()) {
        // No PIN yet (a new kiosk, a developer): the menu opens with a warning, so nobody is ever locked in.
        s.trainer_notice = "pin.none";
        s.router.Push(ScreenId::Trainer);
    } else {
        s.router.Push(ScreenId::TrainerPin);
    }
}

void Flow::On(const act::PinDigit& a) {
    StudentSession& s = m_state.student;
    if (a.digit < '0' || a.digit > '9' || m_state.pin_guard.Locked(m_state.now_ms)) return;
    if (s.pin_entry.size() < kPinMaxDigits) s.pin_entry += a.digit;
    s.trainer_notice.clear();
}

void Flow::On(const act::PinBackspace&) {
    if (!m_state.student.pin_entry.empty()) m_state.student.pin_entry.pop_back();
}

void Flow::On(const act::PinSubmit&) {
    StudentSession& s = m_state.student;
    if (m_state.pin_guard.Locked(m_state.now_ms)) return;
    if (VerifyPin(m_state.config.pin_hash, s.pin_entry)) {
        m_state.pin_guard.Right();
        s.trainer_notice.clear();
        s.router.Replace(ScreenId::Trainer);
    } else {
        m_state.pin_guard.Wrong(m_state.now_ms);
        s.trainer_notice = "pin.wrong";
    }
    std::fill(s.pin_entry.begin(), s.pin_entry.end(), '\0'); // do not keep the PIN around
    s.pin_entry.clear();
}

void Flow::On(const act::PinCancel&) {
    m_state.student.pin_entry.clear();
    m_state.student.router.Back();
}

void Flow::On(const act::LeaveTrainer&) {
    ResetStudent();
}
void Flow::On(const act::Quit&) {
    StopPhones();
    m_state.quit = true;
}

template <class Change> void Flow::ChangeConfig(Change&& change) {
    KioskConfig& config = m_state.config;
    change(config);
    config.idle_seconds = kIdleSeconds.Clamp(config.idle_seconds);
    config.countdown_seconds = kCountdownSeconds.Clamp(config.countdown_seconds);
    std::string error;
    if (!m_state.config_path.empty() && !sb::SaveConfig(m_state.config_path, config, error)) {
        m_state.student.trainer_notice = "trainer.save.failed";
        m_state.student.trainer_detail = error;
    }
}

void Flow::On(const act::SetWorkshop& a) {
    if (!a.on) StopPhones(); // phones belong to workshop mode
    m_state.workshop = a.on;
    ChangeConfig([&](KioskConfig& c) { c.mode = a.on ? KioskMode::Workshop : KioskMode::WalkUp; });
}

void Flow::On(const act::SetAudience& a) {
    const auto saved = ParseName<WorkshopAudience>(AudienceName(a.audience));
    if (!saved) return; // the trainer's own audience is no workshop's
    m_state.workshop_audience = a.audience;
    ChangeConfig([&](KioskConfig& c) { c.audience = *saved; });
}

void Flow::On(const act::ToggleHidden& a) {
    ChangeConfig([&](KioskConfig& c) {
        auto& hidden = c.hidden_modules;
        const auto it = std::find(hidden.begin(), hidden.end(), a.key);
        if (it != hidden.end())
            hidden.erase(it);
        else
            hidden.push_back(a.key);
    });
}

void Flow::On(const act::StepIdle& a) {
    ChangeConfig([&](KioskConfig& c) { c.idle_seconds += a.steps * kIdleSeconds.step; });
}

void Flow::On(const act::StepCountdown& a) {
    ChangeConfig([&](KioskConfig& c) { c.countdown_seconds += a.steps * kCountdownSeconds.step; });
}

void Flow::On(const act::SetKioskContrast& a) {
    // The kiosk's own setting: this student sees it now, and every next student starts with it.
    m_state.defaults.access.high_contrast = m_state.student.access.high_contrast = a.on;
    ChangeConfig([&](KioskConfig& c) { c.theme = a.on ? Theme::HighContrast : Theme::Calm; });
}

void Flow::On(const act::SetKioskDyslexia& a) {
    m_state.defaults.access.dyslexia_font = m_state.student.access.dyslexia_font = a.on;
    ChangeConfig([&](KioskConfig& c) { c.dyslexia_font = a.on; });
}

void Flow::BuildResults() {
    // Read once when the screen opens or the period changes: the figures never move under the trainer's eyes.
    TrainerData& t = m_state.trainer;
    t.report.reset();
    if (!m_state.log) return;
    m_state.log->Flush();
    // Only sealed cohorts of at least 5 (the check around the whole session), by the date they were sealed.
    t.report = ResultsForScreen(m_state.log->Path(),
                                ParseResultsPeriod(t.results_period).value_or(ResultsPeriod::All),
                                DateDaysAgo(m_clock.WallNow(), 0));
}

void Flow::On(const act::OpenResults&) {
    BuildResults();
    m_state.student.router.Push(ScreenId::Results);
}

void Flow::On(const act::SetResultsPeriod& a) {
    m_state.trainer.results_period = a.period;
    BuildResults();
}

void Flow::On(const act::OpenExport&) {
    // The mounted USB sticks (the import's rule, FindMountedSticks), plus the log's own export folder;
    // scanned once, here, never while a frame is drawn.
    TrainerData& t = m_state.trainer;
    t.export_targets = FindMountedSticks(m_state.stick_roots);
    t.export_result.reset();
    if (m_state.log)
        t.export_targets.push_back(std::filesystem::path(m_state.log->Path()).parent_path().string() +
                                   "/export");
    m_state.student.router.Push(ScreenId::Export);
}

void Flow::On(const act::Export& a) {
    // A released copy of the log (SQLite, whole sealed cohorts, no session codes or dates) into the folder;
    // the report tool reads it. The raw log never leaves the kiosk this way.
    TrainerData& t = m_state.trainer;
    if (!m_state.log) return;
    std::error_code ec;
    std::filesystem::create_directories(a.folder, ec);
    m_state.log->Flush();
    const std::string date = Coarsen(m_clock.WallNow()).date;
    const std::string out = a.folder + "/stageboost-" + m_state.config.kiosk_label + "-" + date + ".sqlite";
    const ReleasedCopyResult r = WriteReleasedCopy({m_state.log->Path()}, out);
    t.export_result = TrainerData::ExportResult{r.Ok(), out, r.answers,
                                                r.Ok() ? "" : r.output.Message(m_state.student.lang)};
}

void Flow::On(const act::OpenDiagnostics&) {
    m_state.student.router.Push(ScreenId::Diagnostics);
}

void Flow::On(const act::AskQuit& a) {
    m_state.trainer.confirm_quit = a.ask;
}

PackImporter Flow::Importer() const {
    ImportOptions o;
    o.stick_roots = m_state.stick_roots;
    o.packs_dir = m_state.packs_dir;
    o.builtin_ids = PackIdsIn(m_state.content_dir);
    return PackImporter(std::move(o));
}

void Flow::On(const act::OpenImport&) {
    TrainerData& t = m_state.trainer;
    t.import_result.reset();
    t.import_confirm = -1;
    t.import_found = m_state.packs_dir.empty() ? std::vector<StickPack>{} : Importer().Scan();
    m_state.student.router.Push(ScreenId::Import);
}

void Flow::On(const act::ImportRescan&) {
    TrainerData& t = m_state.trainer;
    t.import_confirm = -1;
    t.import_found = m_state.packs_dir.empty() ? std::vector<StickPack>{} : Importer().Scan();
}

void Flow::On(const act::ImportCancel&) {
    m_state.trainer.import_confirm = -1;
}

void Flow::On(const act::ImportPack& a) {
    TrainerData& t = m_state.trainer;
    if (a.index >= t.import_found.size() || m_state.packs_dir.empty()) return;
    const PackImporter importer = Importer();
    ImportResult r = importer.Import(t.import_found[a.index], a.replace);
    if (r.outcome == ImportOutcome::NeedsConfirm) {
        t.import_confirm = static_cast<int>(a.index); // ask where the trainer is looking: on that pack
        return;
    }
    t.import_confirm = -1;
    if (r.Ok()) {
        // The new pack plays at once: loaded like a --pack folder, and the student's place kept.
        m_state.packs.LoadDir(r.dir);
        OnPacksReloaded();
    }
    t.import_result = std::move(r);
    t.import_found = importer.Scan(); // the statuses changed ("Nieuw" became "al op deze kiosk")
}

// ============================================================ [SECTION] live reload

std::string Flow::OnPacksReloaded() {
    m_state.languages = m_state.packs.Languages();
    StudentSession& s = m_state.student;
    std::string note;

    auto pack = m_state.packs.SharedPack(s.pack_id);
    const Module* module = pack ? pack->FindModule(s.module_id) : nullptr;
    // Stay on the same module where it still exists; otherwise the screen says it is gone.
    if (s.roleplay) {
        if (module && module->AsRoleplay()) {
            const nlohmann::json snapshot = s.roleplay->Snapshot();
            auto session = std::make_unique<RoleplaySession>(pack, *module, StudentSeed());
            std::string why;
            if (!session->Restore(snapshot, why)) note = "the role-play starts over: " + why;
            s.roleplay = std::move(session);
        } else {
            s.roleplay.reset();
        }
    }
    if (s.quiz) {
        if (module && module->AsQuiz()) {
            const nlohmann::json snapshot = s.quiz->Snapshot();
            auto session = std::make_unique<QuizSession>(pack, *module, StudentSeed());
            std::string why;
            if (!session->Restore(snapshot, why)) note = "the quiz starts over: " + why;
            s.quiz = std::move(session);
        } else {
            s.quiz.reset();
        }
    }
    if (s.lesson) {
        if (module && module->AsLesson()) {
            const nlohmann::json snapshot = s.lesson->Snapshot();
            auto session = std::make_unique<LessonSession>(pack, *module);
            std::string why;
            if (!session->Restore(snapshot, why)) note = "the lesson starts over: " + why;
            s.lesson = std::move(session);
        } else {
            s.lesson.reset();
        }
    }
    m_state.reload_note = note; // for the author banner, until the next reload
    return note;
}

} // namespace sb
