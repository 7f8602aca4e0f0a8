// Stageboost kiosk: reads the options, then hands over to the App, which owns the loop.
#include "app.h"

#include <CLI/CLI.hpp>

#include "config/config.h"
#include "config/pin.h"
#include "system/paths.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>
#include <iostream>
#include <string>

namespace {

// The PIN comes on standard input, so it never shows in the shell history or the process list.
int SetPin(const std::string& config_path) {
    std::string pin;
    std::getline(std::cin, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' '))
        pin.pop_back();
    if (!sb::IsValidPin(pin)) {
        fprintf(stderr, "stageboost: a PIN is 4 to 8 digits. Example: echo 2468 | stageboost --set-pin\n");
        return 2;
    }
    sb::KioskConfig config;
    sb::Diagnostics diags;
    if (!sb::LoadConfig(config_path, config, diags)) {
        for (const auto& d : diags.List())
            fprintf(stderr, "%s\n", sb::FormatDiagnostic(d, "en").c_str());
        fprintf(stderr, "stageboost: fix %s first; the PIN was not stored.\n", config_path.c_str());
        return 1;
    }
    config.pin_hash = sb::HashPin(pin);
    std::string error;
    if (config.pin_hash.empty() || !sb::SaveConfig(config_path, config, error)) {
        fprintf(stderr, "stageboost: could not store the PIN: %s\n", error.c_str());
        return 1;
    }
    printf("The trainer PIN is set (only its salted hash is stored in %s).\n", config_path.c_str());
    return 0;
}

// A script's "#! --option value" lines are options for the kiosk, as if given before the command line's own
// (so the command line still wins).
std::vector<std::string> ScriptOptions(int argc, char** argv) {
    std::vector<std::string> out;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) != "--script") continue;
        std::ifstream in(argv[i + 1]);
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("#!", 0) != 0) continue;
            std::istringstream words(line.substr(2));
            std::string w;
            while (words >> w)
                out.push_back(w);
        }
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    sb::AppOptions options;
    CLI::App cli{"Stageboost: a kiosk for training workshops on equal internship chances."};
    std::string windowed;
    std::string theme;
    bool set_pin = false;
    cli.add_option("--windowed", windowed,
                   "Run in a window of this size instead of fullscreen, e.g. 1280x720");
    cli.add_option("--screenshot", options.screenshot, "Render the start screen into this PNG file and exit");
    cli.add_option("--script", options.script,
                   "Drive the kiosk with this script (see kiosk/script/script.h)");
    options.content_dir = sb::DefaultContentDir();
    cli.add_option("--content", options.content_dir,
                   "Folder of packs to show (default: the bundled content/)");
    options.packs_dir = sb::DefaultImportedPacksDir();
    cli.add_option("--packs-dir", options.packs_dir,
                   "Folder of packs imported from USB sticks, one per folder");
    cli.add_option("--media", options.media_dirs,
                   "Where USB sticks are mounted, each DIR/*/* a stick (repeatable; default /media and "
                   "/run/media)");
    cli.add_option("--pack", options.pack_dirs, "Also show the pack in this folder (repeatable)");
    cli.add_flag("--watch", options.watch,
                 "Reload a pack within a second when its files change (for authors)");
    cli.add_option("--shots", options.shots_dir, "Folder for the screenshots a script takes");
    // Names and limits from config/config.h, the same table the config file is read with.
    cli.add_option("--lang", options.lang, "Start in this language")
        ->check(CLI::IsMember(sb::AllNames<sb::Language>()));
    cli.add_option("--text-size", options.text_scale, "Text size factor, 1.0 to 1.4 (default: the config's)")
        ->check(CLI::Range(sb::kTextScales.front().scale, sb::kTextScales.back().scale));
    cli.add_option("--theme", theme, "Colour theme")->check(CLI::IsMember(sb::AllNames<sb::Theme>()));
    std::string mode;
    options.config_path = sb::DefaultConfigPath();
    cli.add_option("--config", options.config_path, "The kiosk's config file (JSON)");
    cli.add_option("--log-dir", options.log_dir, "Folder for the anonymous confidence log");
    cli.add_option("--phones-port", options.phones_port,
                   "Port of the phones' web server in workshop mode (8080)")
        ->check(CLI::Range(1, 65535));
    cli.add_option("--room-code", options.room_code, "A fixed room code for phones (tests; default: random)");
    cli.add_option("--assets", options.assets_dir,
                   "Folder with the phone page (assets/ or assets/phone; default: installed or source tree; "
                   "also STAGEBOOST_ASSETS)");
    cli.add_flag(
        "--set-pin", set_pin,
        "Read a new trainer PIN (4-8 digits) from standard input, store its hash in the config, and exit");
    cli.add_option("--mode", mode, "walk-up (a student alone) or workshop (a trainer presents to a class)")
        ->check(CLI::IsMember(sb::AllNames<sb::KioskMode>()));
    cli.add_option("--seed", options.seed,
                   "Seed for shuffling quiz questions (default: random; fixed in tests)");
    cli.add_flag("--frame-stats", options.print_frame_stats, "Print frames drawn and skipped at exit");
    cli.add_flag(
        "--exit-after-first-frame", options.exit_after_first_frame,
        "Print the wall-clock times of the first frame and of the first with the packs' content, then exit "
        "(start-up benchmark)");
    cli.add_flag("--audit-layout", options.audit_layout,
                 "With --script: check the layout of every screen before each step (see audit-layout)");
    cli.add_flag("--no-screenshots", options.no_screenshots, "With --script: skip its screenshot steps");
    cli.add_flag("--reduced-motion", options.reduced_motion,
                 "No soft fades or other motion (the attract line still changes every few seconds)");
    bool dyslexia = false;
    cli.add_flag("--dyslexia-font", dyslexia, "Start with the dyslexia-friendly letter (OpenDyslexic)");
    // Given twice (a script's #! line, then the command line), an option takes the last value.
    for (CLI::Option* o : cli.get_options())
        if (o->get_items_expected_max() <= 1) o->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    std::vector<std::string> args{argv[0]};
    for (std::string& a : ScriptOptions(argc, argv))
        args.push_back(std::move(a));
    for (int i = 1; i < argc; ++i)
        args.push_back(argv[i]);
    std::vector<char*> arg_ptrs;
    for (std::string& a : args)
        arg_ptrs.push_back(a.data());
    try {
        cli.parse(static_cast<int>(arg_ptrs.size()), arg_ptrs.data());
    } catch (const CLI::ParseError& e) {
        return cli.exit(e) == 0 ? 0 : 2;
    }
    if (!windowed.empty()) {
        int w = 0, h = 0;
        if (sscanf(windowed.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 16384 || h > 16384) {
            fprintf(stderr, "stageboost: --windowed wants a size such as 1280x720, not '%s'\n",
                    windowed.c_str());
            return 2;
        }
        options.window.windowed = true;
        options.window.width = w;
        options.window.height = h;
    }
    if (options.content_dir.empty()) fprintf(stderr, "stageboost: %s\n", sb::NoDataDirMessage().c_str());
    if (!mode.empty()) options.mode = sb::ParseName<sb::KioskMode>(mode);
    if (dyslexia) options.dyslexia_font = 1;
    if (!theme.empty()) options.theme = sb::ParseName<sb::Theme>(theme);
    if (set_pin) return SetPin(options.config_path);
    sb::App app(std::move(options));
    return app.Run();
}
