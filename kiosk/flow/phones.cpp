// Phones in the room, as the flow runs them: the trainer's switch, the join screen, the class check before
// and after on phones, a vote at each role-play decision, and "Heb jij dit zelf meegemaakt?" after a
// role-play. The room (modules/room) keeps the rules; this file decides when what is live.
#include "flow/flow.h"

#include "room/assets.h"
#include "room/questions.h"

namespace sb {

namespace {

// The pack whose session check the class answers: the kiosk's main pack.
const Module* SessionCheck(const KioskState& state, std::shared_ptr<const Pack>& pack) {
    const Pack* main = state.MainPack();
    if (!main) return nullptr;
    pack = state.packs.SharedPack(main->id);
    return pack && !pack->session_confidence_check.empty() ? pack->FindModule(pack->session_confidence_check)
                                                           : nullptr;
}

} // namespace

bool Flow::StartPhones() {
    PhonesState& p = m_state.phones;
    if (p.On()) return true;
    RoomOptions options;
    options.code = p.code;
    options.kiosk_label = m_state.config.kiosk_label;
    options.wake = p.wake;
    options.wall_clock = [this] { return m_clock.WallNow(); };
    // The room hands a closed check's answers over on this (the flow's) thread: they go to the log as a
    // walk-up student's would, and a full disk keeps them in memory as for anyone.
    options.log = [this](const Answer& a) {
        if (m_state.log) m_state.log_status = m_state.log->Record(a);
    };
    auto room = std::make_unique<Room>(std::move(options));
    RoomServerOptions server_options;
    server_options.port = p.port;
    server_options.asset_dir = FindPhoneAssets(p.asset_dir);
    auto server = std::make_unique<RoomServer>(*room, server_options);
    std::string en, nl;
    if (!server->Start(en, nl)) {
        m_state.student.trainer_notice = "phones.failed";
        m_state.student.trainer_detail = m_state.student.lang == "nl" ? nl : en;
        return false;
    }
    p.addresses = LocalAddresses();
    const std::string host = p.addresses.empty() ? "127.0.0.1" : p.addresses.front();
    p.url = JoinUrl(host, server->Port(), room->Code());
    p.qr = EncodeQr(p.url);
    p.room = std::move(room);
    p.server = std::move(server);
    if (m_state.log) m_state.log->BeginWorkshop(); // the class's checks form workshop cohorts
    p.view = p.room->Snapshot();
    p.live.clear();
    p.checks_closed = 0;
    return true;
}

void Flow::StopPhones() {
    PhonesState& p = m_state.phones;
    if (!p.On()) return;
    p.room->Finish();  // an open check is logged; every token is forgotten
    if (m_state.log) { // the workshop's cohorts fill and seal: only then can the results show them
        m_state.log->CloseWorkshop();
        m_state.log->EndSession(LogStore::Rewrite::InBackground); // as a walk-up student's: beside the screen
    }
    p.server->Stop();
    p.server.reset();
    p.room.reset();
    p.view = {};
    p.live.clear();
    p.url.clear();
    p.qr = {};
}

void Flow::OnRoomWake() {
    if (m_state.phones.On()) m_state.phones.view = m_state.phones.room->Snapshot();
}

void Flow::On(const act::SetPhones& a) {
    if (!a.on) {
        StopPhones();
        return;
    }
    if (!m_state.workshop) return; // phones are for a class
    if (StartPhones()) m_state.student.router.Push(ScreenId::Phones);
}

void Flow::On(const act::OpenPhones&) {
    if (m_state.phones.On()) m_state.student.router.Push(ScreenId::Phones);
}

void Flow::OpenPhonesCheck(Phase phase) {
    PhonesState& p = m_state.phones;
    if (!p.On()) return;
    std::shared_ptr<const Pack> pack;
    const Module* check = SessionCheck(m_state, pack);
    auto q = check ? CheckQuestion(pack, *check, phase, "") : nullptr;
    if (!q) return;
    p.room->Open(q);
    p.live = phase == Phase::Pre ? "check-pre" : "check-post";
    p.view = p.room->Snapshot();
    if (m_state.Screen() != ScreenId::Phones) m_state.student.router.Push(ScreenId::Phones);
}

void Flow::On(const act::PhonesCheck& a) {
    OpenPhonesCheck(a.after ? Phase::Post : Phase::Pre);
}

void Flow::On(const act::PhonesClose&) {
    PhonesState& p = m_state.phones;
    if (!p.On()) return;
    const bool check = p.live.rfind("check-", 0) == 0 && p.view.state == QuestionState::Open;
    p.room->Close();
    if (check) ++p.checks_closed;
    p.view = p.room->Snapshot();
}

void Flow::On(const act::PhonesReveal&) {
    if (!m_state.phones.On()) return;
    m_state.phones.room->Reveal();
    m_state.phones.view = m_state.phones.room->Snapshot();
}

void Flow::On(const act::PhonesAskExperienced&) {
    PhonesState& p = m_state.phones;
    const RoleplaySession* rp = m_state.student.roleplay.get();
    if (!p.On() || !rp) return;
    const Ending* ending = rp->CurrentEnding();
    const Pack& pack = rp->GetPack();
    const HelpResource* help =
        ending && !ending->help.empty() ? pack.FindHelp(ending->help.front()) : nullptr;
    if (!help && !pack.help.empty()) help = &pack.help.front();
    p.room->Open(ExperiencedQuestion(&pack, help));
    p.live = "experienced";
    p.view = p.room->Snapshot();
}

void Flow::On(const act::PhonesContinue&) {
    StudentSession& s = m_state.student;
    s.pin_entry.clear();
    s.router.Reset(ScreenId::Start);
    s.router.Push(ScreenId::Home);
}

void Flow::SyncPhones() {
    PhonesState& p = m_state.phones;
    if (!p.On()) return;
    const StudentSession& s = m_state.student;
    const RoleplaySession* rp = s.roleplay.get();
    const ScreenId screen = s.router.Current();
    if (screen == ScreenId::Roleplay && rp && rp->AtDecision()) {
        // One vote per decision the class reaches: the node, and how far along the path it is.
        const std::string key = "vote:" + rp->GetModule().id + ":" + rp->CurrentNode().id + ":" +
                                std::to_string(rp->Path().size());
        if (p.live != key) {
            p.room->Open(VoteQuestion(rp->GetPack(), rp->CurrentNode(), rp->AvailableChoices()));
            p.live = key;
            p.view = p.room->Snapshot();
        }
        return;
    }
    if (screen == ScreenId::Quiz && s.quiz && !s.quiz->Finished()) {
        // The class answers each quiz question privately on phones (one choice, a set, or an order); the big
        // screen shows only how many, and the spread once the trainer reveals it (from 5 answers). One
        // question per position and attempt.
        const QuizSession& q = *s.quiz;
        const std::string key = "quiz:" + q.GetModule().id + ":" + std::to_string(q.Attempt()) + ":" +
                                std::to_string(q.Position());
        if (p.live != key) {
            if (auto question =
                    QuizQuestion(q.GetPack(), q.GetQuiz(), q.Current(), q.ShownOptions(q.Position()))) {
                p.room->Open(question);
                p.live = key;
            } else { // a question without options stays on the big screen
                p.room->Clear();
                p.live.clear();
            }
            p.view = p.room->Snapshot();
        }
        return;
    }
    // Past the decision (the class's or the trainer's choice was made), or off the role-play or the quiz: a
    // vote is over.
    const bool vote = p.live.rfind("vote:", 0) == 0 || p.live.rfind("quiz:", 0) == 0;
    const bool experienced_elsewhere = p.live == "experienced" && screen != ScreenId::RoleplayDebrief;
    if (vote || experienced_elsewhere) {
        p.room->Clear();
        p.live.clear();
        p.view = p.room->Snapshot();
    }
}

} // namespace sb
