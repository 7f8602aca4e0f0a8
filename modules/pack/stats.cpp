#include "pack/stats.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sb {

void CountText(const std::string& text, TextStats& stats) {
    bool in_word = false;
    bool sentence_open = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = text[i];
        const bool letter = std::isalnum(c) || c >= 0x80 || c == '\'' || c == '-';
        if (letter && !(c == '-' && !in_word)) {
            if (!in_word) {
                ++stats.words;
                sentence_open = true;
            }
            in_word = true;
            continue;
        }
        in_word = false;
        // A sentence ends at . ! ? (or a line break after text, as in list items and headings).
        const bool end_mark =
            (c == '.' || c == '!' || c == '?') &&
            (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])) ||
             text[i + 1] == '"' || text[i + 1] == '*');
        if ((end_mark || c == '\n') && sentence_open) {
            ++stats.sentences;
            sentence_open = false;
        }
    }
    if (sentence_open) ++stats.sentences;
}

ModuleStats ComputeModuleStats(const Pack& pack, const Module& module, const std::string& lang) {
    ModuleStats s;
    auto add = [&](const LocalText& t) {
        if (!t.Empty()) CountText(pack.T(t, lang), s.text);
    };
    add(module.title);
    double minutes = 0;
    if (const Lesson* l = module.AsLesson()) {
        s.pages = l->pages.size();
        for (const auto& p : l->pages) {
            add(p.title);
            add(p.body);
            for (const auto& c : p.callouts)
                add(c.text);
            add(p.reflection);
            if (!p.reflection.Empty()) minutes += 0.5; // a moment to think
        }
    } else if (const Roleplay* r = module.AsRoleplay()) {
        s.nodes = r->nodes.size();
        s.endings = r->endings.size();
        size_t path_words = 0;
        for (const auto& n : r->nodes) {
            if (!n.choices.empty()) ++s.decisions;
            for (const auto& l : n.lines) {
                add(l.text.text);
                for (const auto& v : l.text.variants)
                    add(v.text);
            }
            for (const auto& c : n.choices) {
                add(c.text);
                add(c.feedback);
            }
        }
        for (const auto& e : r->endings) {
            add(e.debrief.text);
            for (const auto& l : e.lessons)
                add(l);
        }
        // One play sees roughly one branch: about a third of all text plus thinking time per decision.
        path_words = s.text.words / 3;
        minutes += path_words / 120.0 + 0.4 * s.decisions / std::max<size_t>(1, s.endings) * 2;
        s.estimated_minutes = std::max(1, static_cast<int>(std::lround(minutes)));
        return s;
    } else if (const Quiz* q = module.AsQuiz()) {
        s.questions = q->questions.size();
        for (const auto& qq : q->questions) {
            add(qq.text);
            add(qq.explanation);
            for (const auto& o : qq.options) {
                add(o.text);
                add(o.feedback);
            }
        }
        minutes += 0.35 * s.questions;
    } else if (const ConfidenceCheck* c = module.AsConfidence()) {
        s.questions = c->items.size();
        minutes += 0.2 * s.questions;
    }
    minutes += s.text.words / 150.0; // B1 readers at a screen: about 150 words a minute
    s.estimated_minutes = std::max(1, static_cast<int>(std::lround(minutes)));
    return s;
}

int ModuleMinutes(const Pack& pack, const Module& module) {
    if (module.minutes > 0) return module.minutes;
    return ComputeModuleStats(pack, module, pack.default_language).estimated_minutes;
}

} // namespace sb
