// --watch only: what an author needs to know after a save, in a small strip at the top of the screen:
// the broken file whose last good version still plays (file:line:col and the message), and a place the
// student could not keep. It is drawn, not a window, and the screen is laid out below it: it covers nothing.
#include "screens/screens.h"
#include "ui/strings.h"

#include <algorithm>

namespace sb {

namespace {

// "rollenspel.json:10:20: message": the file as the author knows it, inside the pack folder.
std::string Where(const LoadedPack& p, const Diagnostic& d) {
    std::string file = d.file;
    const std::string dir = p.dir.empty() || p.dir.back() == '/' ? p.dir : p.dir + "/";
    if (!dir.empty() && file.compare(0, dir.size(), dir) == 0) file = file.substr(dir.size());
    return file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
}

} // namespace

float DrawAuthorBanner(const KioskState& state, Ui& ui) {
    std::string text, where = "none";
    for (const LoadedPack& p : state.packs.Packs())
        for (const Diagnostic& d : p.kept) {
            if (where == "none") where = Where(p, d);
            if (!text.empty()) text += "\n";
            text += std::string(Tr(ui.lang, "author.kept")) + " " + Where(p, d) + ": " + d.Message(ui.lang);
        }
    if (!state.reload_note.empty()) {
        if (!text.empty()) text += "\n";
        text += Tr(ui.lang, "author.restart"); // the details are on stderr
    }
    // For scripts: the banner, where the first kept file is broken, and whether the place was kept.
    ui::Probe(ui, "author.banner", text.empty() ? "none" : text);
    ui::Probe(ui, "author.where", where);
    ui::Probe(ui, "author.place", state.reload_note.empty() ? "kept" : "lost");
    if (text.empty()) return 0;
    ui.record.texts.push_back(text); // expect-text reads it; the layout audit leaves the author's strip out
    const ThemeColors& t = *ui.colors;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    ImFont* font = ui.Font(FontRole::Small);
    const float pad = ui.U(0.4f);
    const float width = std::min(screen.x - ui.U(2), ui.U(48));
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width - 2 * pad, text.c_str());
    const ImVec2 p0((screen.x - width) * 0.5f, 0);
    const ImVec2 p1(p0.x + width, size.y + 2 * pad);
    ImDrawList* dl = ImGui::GetForegroundDrawList(); // above every window, the idle prompt included
    dl->AddRectFilled(p0, p1, ToU32(t.surface), ui.U(0.3f), ImDrawFlags_RoundCornersBottom);
    dl->AddRect(p0, p1, ToU32(t.warn), ui.U(0.3f), ImDrawFlags_RoundCornersBottom, ui.U(0.12f));
    dl->AddText(font, font->FontSize, ImVec2(p0.x + pad, p0.y + pad), ToU32(t.text), text.c_str(), nullptr,
                width - 2 * pad);
    return p1.y + ui.U(0.2f);
}

} // namespace sb
