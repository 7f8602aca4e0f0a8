#pragma once
// Reading statistics of a module: words, sentences and an estimate of the minutes it takes.
#include "pack/model.h"

#include <string>

namespace sb {

struct TextStats {
    size_t words = 0;
    size_t sentences = 0;
    double AverageSentenceLength() const { return sentences ? double(words) / sentences : 0.0; }
};

// Counts words and sentences of a text (Markdown marks are not words).
void CountText(const std::string& text, TextStats& stats);

struct ModuleStats {
    TextStats text;
    size_t nodes = 0;     // role-play nodes
    size_t decisions = 0; // role-play decision points
    size_t endings = 0;
    size_t questions = 0;
    size_t pages = 0;
    int estimated_minutes = 1;
};

// Statistics in `lang` (falling back to the pack's default language).
ModuleStats ComputeModuleStats(const Pack& pack, const Module& module, const std::string& lang);

// The minutes shown on a module's card: the author's figure, else the estimate.
int ModuleMinutes(const Pack& pack, const Module& module);

} // namespace sb
