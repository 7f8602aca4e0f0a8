#include "tool.h"

namespace sb {

namespace {

std::string Escape(const std::string& s, size_t max_chars = 60) {
    std::string out;
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = s[i];
        if ((c & 0xC0) != 0x80 && ++chars > max_chars) {
            out += "…";
            break;
        }
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

const char* OutcomeColour(Outcome o) {
    switch (o) {
    case Outcome::Positive:
        return "#2E7D32";
    case Outcome::Mixed:
        return "#E69F00";
    case Outcome::Negative:
        return "#C62828";
    }
    return "#777777";
}

} // namespace

void WriteRoleplayDot(const Pack& pack, const Module& module, const std::string& lang, std::ostream& out) {
    const Roleplay& rp = *module.AsRoleplay();
    out << "digraph \"" << Escape(module.id) << "\" {\n";
    out << "  graph [rankdir=TB, fontname=\"Noto Sans\", label=\"" << Escape(pack.T(module.title, lang), 80)
        << "\", labelloc=t, fontsize=20];\n";
    out << "  node [fontname=\"Noto Sans\", shape=box, style=\"rounded,filled\", fillcolor=\"#F6F3EE\", "
           "color=\"#0B5F59\"];\n";
    out << "  edge [fontname=\"Noto Sans\", fontsize=10, color=\"#4A5160\"];\n";
    for (size_t i = 0; i < rp.nodes.size(); ++i) {
        const Node& n = rp.nodes[i];
        std::string first = n.lines.empty() ? "" : pack.T(n.lines.front().text, lang);
        out << "  \"" << Escape(n.id) << "\" [label=\"" << Escape(n.id) << "\\n" << Escape(first, 40) << "\"";
        if (static_cast<int>(i) == rp.start) out << ", penwidth=3";
        if (!n.choices.empty()) out << ", fillcolor=\"#E4EEEC\"";
        out << "];\n";
    }
    for (const Ending& e : rp.endings) {
        out << "  \"" << Escape(e.id) << "\" [shape=doubleoctagon, fillcolor=\"" << OutcomeColour(e.outcome)
            << "\", fontcolor=white, label=\"" << Escape(pack.T(e.title, lang), 40) << "\"];\n";
    }
    for (const Node& n : rp.nodes) {
        if (n.choices.empty()) {
            out << "  \"" << Escape(n.id) << "\" -> \"" << Escape(n.next_id) << "\";\n";
            continue;
        }
        for (size_t k = 0; k < n.choices.size(); ++k) {
            const Choice& c = n.choices[k];
            out << "  \"" << Escape(n.id) << "\" -> \"" << Escape(c.target_id) << "\" [label=\"" << (k + 1)
                << ". " << Escape(pack.T(c.text, lang), 30);
            if (!c.condition.Empty()) out << "\\n[if " << Escape(c.condition.Source(), 40) << "]";
            out << "\"";
            if (!c.condition.Empty()) out << ", style=dashed, color=\"#7B3FA0\", fontcolor=\"#7B3FA0\"";
            out << "];\n";
        }
    }
    out << "}\n";
}

} // namespace sb
