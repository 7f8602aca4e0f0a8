#pragma once
// Glossary marks in a text: [[id]] or [[id|shown words]]. The loader rewrites each mark to [[id|words]]
// (the words in the text's language), so whatever draws a text only splits it into plain and marked spans.
#include <string>
#include <vector>

namespace sb {

struct Mark {
    size_t begin = 0, end = 0; // byte range of the whole mark, "[[" to "]]"
    std::string id;
    std::string shown; // the words after '|' ("" when the mark has none)
};

// Every well-formed mark, in order. "[[" without a closing "]]" on the same text is left as written.
std::vector<Mark> FindMarks(const std::string& text);

struct MarkedSpan {
    std::string text;
    std::string term; // glossary id, "" for plain text
};

// The text as spans: plain text, and each mark as its shown words (its id when it has none).
std::vector<MarkedSpan> SplitMarks(const std::string& text);
// The text as a reader sees it: each mark replaced by its shown words (its id when it has none).
std::string StripMarks(const std::string& text);

} // namespace sb
