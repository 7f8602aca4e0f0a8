// The loader's own reading rules on top of core/json_reader: variable names, glossary marks, media.
#include "pack/loader_internal.h"

namespace sb::loader_detail {

// By hand: std::regex recurses per character, and a 50,000-character name overflowed the stack.
bool IsVariableName(const std::string& s, int format) {
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (format < 2) {
        auto alpha = [&](char c) { return lower(c) || (c >= 'A' && c <= 'Z') || c == '_'; };
        return !s.empty() && alpha(s[0]) &&
               std::all_of(s.begin(), s.end(), [&](char c) { return alpha(c) || digit(c); });
    }
    return !s.empty() && s.size() <= 64 && lower(s[0]) &&
           std::all_of(s.begin(), s.end(), [&](char c) { return lower(c) || digit(c) || c == '_'; });
}

// Glossary marks are checked where the text is read, so the message points at the text itself.
void Reader::CheckMarkup(std::map<std::string, std::string>& by_lang, const std::string& ptr, bool plain) {
    std::set<std::string> reported;
    for (auto& [lang, s] : by_lang) {
        if (s.find("[[") == std::string::npos) continue;
        const std::string lptr = plain ? ptr : PointerAppend(ptr, lang);
        const std::vector<Mark> marks = FindMarks(s);
        if (marks.empty()) continue;
        if (!this->marks) {
            if (reported.insert("").second)
                Error(lptr, "mark-not-here",
                      "Glossary marks [[…]] work in lesson pages, callouts, practice cards and role-play "
                      "lines; here the brackets would show as typed. Write the word without [[ ]].",
                      "Woordenlijst-markeringen [[…]] werken in lespagina's, callouts, oefenkaarten en "
                      "regels van een rollenspel; hier zie je de haken gewoon staan. Schrijf het woord "
                      "zonder [[ ]].");
            continue;
        }
        std::string out;
        size_t at = 0;
        for (const Mark& m : marks) {
            out += s.substr(at, m.begin - at);
            at = m.end;
            const GlossaryTerm* term = nullptr;
            if (m_info.glossary)
                for (const GlossaryTerm& g : *m_info.glossary)
                    if (g.id == m.id) term = &g;
            if (!term) {
                if (reported.insert(m.id).second) {
                    std::vector<std::string> ids;
                    if (m_info.glossary)
                        for (const GlossaryTerm& g : *m_info.glossary)
                            ids.push_back(g.id);
                    const std::string guess = ClosestWord(m.id, ids);
                    Error(lptr, "unknown-term",
                          "[[" + m.id + "]] marks a glossary term, but the pack's \"glossary\" has no \"" +
                              m.id + "\". Add it to \"glossary\" in pack.json, or remove the brackets." +
                              (guess.empty() ? "" : " Did you mean \"" + guess + "\"?"),
                          "[[" + m.id + "]] markeert een woord uit de woordenlijst, maar \"glossary\" " +
                              "van het pakket heeft geen \"" + m.id +
                              "\". Zet het in \"glossary\" in pack.json, of haal de haken weg." +
                              (guess.empty() ? "" : " Bedoel je \"" + guess + "\"?"));
                }
                out += m.shown.empty() ? m.id : m.shown;
                continue;
            }
            if (m_info.marked) m_info.marked->insert(m.id);
            const std::string shown =
                m.shown.empty() ? term->term.Get(lang, m_info.default_language) : m.shown;
            out += "[[" + m.id + "|" + shown + "]]";
        }
        out += s.substr(at);
        s = std::move(out);
    }
}

void AddMedia(LoadContext& ctx, const JsonSource& src, const std::string& ptr, const std::string& path) {
    if (!path.empty()) ctx.media.push_back({src.file, ptr, src.At(ptr), path});
}

std::string ShownPath(const std::string& dir, const std::string& rel) {
    if (dir.empty() || dir == ".") return rel;
    return (dir.back() == '/' ? dir : dir + "/") + rel;
}

} // namespace sb::loader_detail
