#include "tool.h"

#include "pack/roleplay_graph.h"

#include <set>

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
        if (n.id.empty()) continue; // an id that could not be read: its node is not drawn
        std::string first = n.lines.empty() ? "" : pack.T(n.lines.front().text.text, lang);
        out << "  \"" << Escape(n.id) << "\" [label=\"" << Escape(n.id) << "\\n" << Escape(first, 40) << "\"";
        if (static_cast<int>(i) == rp.start) out << ", penwidth=3";
        if (!n.choices.empty()) out << ", fillcolor=\"#E4EEEC\"";
        if (!n.choices.empty() && n.fixed_order) out << ", peripheries=2";
        out << "];\n";
    }
    for (const Ending& e : rp.endings) {
        if (e.id.empty()) continue;
        out << "  \"" << Escape(e.id) << "\" [shape=doubleoctagon, fillcolor=\"" << OutcomeColour(e.outcome)
            << "\", fontcolor=white, label=\"" << Escape(pack.T(e.title.text, lang), 40) << "\"];\n";
    }
    // Edges from the role-play graph helper: the same edges the validator and the kiosk follow. A link to
    // an id that does not exist is drawn in red to a red box, so the map shows what is broken.
    std::set<std::string> missing;
    for (const Node& n : rp.nodes) {
        if (n.id.empty()) continue;
        int k = 0;
        for (const Edge& e : Edges(n)) {
            const std::string& to = e.choice ? e.choice->target_id : e.branch->target_id;
            if (to.empty()) continue;
            const bool broken = e.target.index < 0;
            if (broken) missing.insert(to);
            std::string label, cond, effects;
            if (e.choice) {
                label = std::to_string(++k) + ". " + Escape(pack.T(e.choice->text, lang), 30);
                if (!e.choice->condition.Empty()) cond = e.choice->condition.Source();
                for (const Effect& f : e.choice->effects)
                    effects += (effects.empty() ? "" : "; ") + f.source;
                if (e.choice->fallback) label += "\\n[fallback]";
                if (e.choice->once) label += "\\n[once]";
            } else if (!e.branch->condition.Empty()) {
                cond = e.branch->condition.Source();
            } else if (n.next.size() > 1) {
                label = "[else]";
            }
            if (!cond.empty())
                label += (label.empty() ? "" : "\\n") + std::string("[if ") + Escape(cond, 40) + "]";
            if (!effects.empty())
                label += (label.empty() ? "" : "\\n") + std::string("{") + Escape(effects, 40) + "}";
            out << "  \"" << Escape(n.id) << "\" -> \"" << Escape(to) << "\"";
            std::string attrs;
            if (!label.empty()) attrs += "label=\"" + label + "\"";
            if (broken)
                attrs += std::string(attrs.empty() ? "" : ", ") +
                         "color=\"#C62828\", fontcolor=\"#C62828\", penwidth=2";
            else if (!cond.empty())
                attrs += std::string(attrs.empty() ? "" : ", ") +
                         "style=dashed, color=\"#7B3FA0\", fontcolor=\"#7B3FA0\"";
            if (!attrs.empty()) out << " [" << attrs << "]";
            out << ";\n";
        }
    }
    for (const std::string& id : missing)
        out << "  \"" << Escape(id)
            << "\" [shape=box, style=\"dashed,filled\", fillcolor=\"#FDECEA\", "
               "color=\"#C62828\", fontcolor=\"#C62828\", label=\""
            << Escape(id) << "\\n(missing)\"];\n";
    out << "}\n";
}

} // namespace sb
