#pragma once
// The kiosk's whole state: the kiosk itself (config, packs, log, trainer lockout) and the student at it.
// Screens read it as const; only the flow changes it, between frames.
#include "config/config.h"
#include "config/pin.h"
#include "confidence/results.h"
#include "flow/student.h"
#include "log/log_store.h"
#include "pack/library.h"
#include "pack/pack_import.h"
#include "room/qr.h"
#include "room/room.h"
#include "room/server.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sb {

// What the trainer screens show, computed when they open (never while a frame is drawn).
struct TrainerData {
    std::string results_period = "today";    // today, week or all
    std::optional<ScreenResults> report;     // only sealed cohorts (ResultsForScreen)
    std::vector<std::string> export_targets; // folders an export can go to (USB sticks, the log's folder)
    struct ExportResult {
        bool ok = false;
        std::string path;   // the file written
        size_t answers = 0; // answers in it
        std::string error;  // for people, when it failed
    };
    std::optional<ExportResult> export_result;
    bool confirm_quit = false; // "Afsluiten" was tapped: the menu asks before the kiosk stops
    // USB import: what the scan found when the screen opened, the last import's outcome, and which pack
    // waits for "replace?" (-1: none).
    std::vector<StickPack> import_found;
    std::optional<ImportResult> import_result;
    int import_confirm = -1;
};

// Phones in the room: the room and its web server, while the trainer has "Telefoons" on in workshop mode.
// They live here, not in the student, so a trainer visit or the class's "student" wipe keeps every phone.
// Screens read `view`, the snapshot the flow took at the room's last wake; only the flow talks to the room.
struct PhonesState {
    std::unique_ptr<Room> room;
    std::unique_ptr<RoomServer> server;
    RoomSnapshot view;
    std::string url; // what the QR code holds: http://ADDRESS:PORT/?r=CODE
    std::vector<std::string> addresses;
    QrMatrix qr;
    // What the flow made live: "check-pre", "check-post", "vote:<module>:<node>:<step>", "experienced", or
    // "".
    std::string live;
    int checks_closed = 0; // check questions closed (their answers logged) in this workshop
    // Set by the app: the port, a fixed room code for tests (else random), where the page is (else looked
    // up), and the wake that puts an event in the SDL queue (called from the server's threads).
    int port = 8080;
    std::string code;
    std::string asset_dir;
    std::function<void()> wake;
    bool On() const { return room != nullptr; }
};

struct KioskState {
    // ---- the kiosk
    KioskConfig config;
    std::string config_path;
    PackLibrary packs;
    std::string content_dir; // the shipped packs: their ids cannot be replaced from a stick
    std::string packs_dir;   // packs imported from USB sticks ("" = import not possible)
    std::vector<std::string> stick_roots = DefaultStickRoots(); // each root/*/* is a mounted stick
    std::vector<std::string> languages{"nl", "en"};
    bool workshop = false; // a trainer presents to a class; the class discusses each decision
    Audience workshop_audience = Audience::Student; // who the workshop is for (the trainer menu chooses)
    bool locked = true;          // kiosk mode: closing the window is ignored unless the trainer exits
    bool reduced_motion = false; // no fades: for people bothered by motion, and for screen captures
    bool quit = false;
    int64_t now_ms = 0; // the steady clock for this frame (virtual in scripts)
    int64_t last_input_ms = 0;
    uint64_t seed = 1; // injected: fixed in tests, random per kiosk start otherwise
    std::unique_ptr<LogStore> log;
    LogStatus log_status;
    PinGuard pin_guard; // survives students: waiting for a reset must not lift a lockout
    StudentDefaults defaults;
    TrainerData trainer;
    PhonesState phones;
    uint64_t student_generation = 0; // grows at each reset; the app then also wipes ImGui's memory
    // --watch: an author is editing the packs. Only then does the kiosk show author banners (the broken file
    // whose last good version plays; a place that could not be kept); the walk-up kiosk never does.
    bool author_mode = false;
    std::string reload_note; // the last live reload's word on the student's place ("" = kept, or nothing)

    // ---- the student at the kiosk now
    StudentSession student;

    ScreenId Screen() const { return student.router.Current(); }
    // The trainer hides a module as "pack/module", or a whole pack as "pack/*".
    bool ModuleHidden(const std::string& pack, const std::string& module) const;
    bool PackHidden(const std::string& pack) const { return ModuleHidden(pack, "*"); }
    // The first playable pack that is not hidden: its attract lines, tips and help are the kiosk's.
    const Pack* MainPack() const;
    const Pack* CurrentPack() const { return packs.FindPack(student.pack_id); }
    const Module* CurrentModule() const;
    bool Finished(const std::string& pack, const std::string& module) const;
    // Whose modules home shows: the workshop's audience, or the student's at a walk-up kiosk.
    Audience HomeAudience() const { return workshop ? workshop_audience : Audience::Student; }
    // A module home shows as a card: not a check, not hidden by the trainer, for the home audience, and never
    // the trainer's own (those open from the trainer menu only).
    bool ShownOnHome(const Pack& pack, const Module& m) const;
    // The help the end screen shows: the resources for the home audience, in the pack's order.
    std::vector<const HelpResource*> EndHelp(const Pack& pack) const;
    // The modules the trainer menu opens itself (audience trainer, such as the trainer's guide).
    std::vector<std::pair<const Pack*, const Module*>> TrainerModules() const;
};

} // namespace sb
