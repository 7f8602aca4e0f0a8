// Stageboost kiosk: reads the options, then hands over to the App, which owns the loop.
#include "app.h"

#include <CLI/CLI.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    sb::AppOptions options;
    CLI::App cli{"Stageboost: a kiosk for training workshops on equal internship chances."};
    std::string windowed;
    std::string theme = "calm";
    cli.add_option("--windowed", windowed, "Run in a window of this size instead of fullscreen, e.g. 1280x720");
    cli.add_option("--screenshot", options.screenshot, "Render the start screen into this PNG file and exit");
    cli.add_option("--script", options.script, "Drive the kiosk with this script (see kiosk/script/script.h)");
    options.content_dir = STAGEBOOST_SOURCE_DIR "/content";
    cli.add_option("--content", options.content_dir, "Folder of packs to show (default: the bundled content/)");
    cli.add_option("--pack", options.pack_dirs, "Also show the pack in this folder (repeatable)");
    cli.add_flag("--watch", options.watch, "Reload a pack within a second when its files change (for authors)");
    cli.add_option("--shots", options.shots_dir, "Folder for the screenshots a script takes");
    cli.add_option("--lang", options.lang, "Start in this language")->check(CLI::IsMember({"nl", "en"}));
    cli.add_option("--text-size", options.text_scale, "Text size factor, 1.0 to 1.6")->check(CLI::Range(0.8, 1.8));
    cli.add_option("--theme", theme, "Colour theme")->check(CLI::IsMember({"calm", "high-contrast"}));
    std::string mode = "walk-up";
    cli.add_option("--mode", mode, "walk-up (a student alone) or workshop (a trainer presents to a class)")
        ->check(CLI::IsMember({"walk-up", "workshop"}));
    cli.add_option("--seed", options.seed, "Seed for shuffling quiz questions (default: random; fixed in tests)");
    cli.add_flag("--frame-stats", options.print_frame_stats, "Print frames drawn and skipped at exit");
    cli.add_flag("--exit-after-first-frame", options.exit_after_first_frame,
                 "Print the wall-clock time of the first frame and exit (start-up benchmark)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e) == 0 ? 0 : 2;
    }
    if (!windowed.empty()) {
        int w = 0, h = 0;
        if (sscanf(windowed.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 16384 || h > 16384) {
            fprintf(stderr, "stageboost: --windowed wants a size such as 1280x720, not '%s'\n", windowed.c_str());
            return 2;
        }
        options.window.windowed = true;
        options.window.width = w;
        options.window.height = h;
    }
    options.workshop = mode == "workshop";
    options.theme = theme == "high-contrast" ? sb::ThemeId::HighContrast : sb::ThemeId::Calm;
    sb::App app(std::move(options));
    return app.Run();
}
