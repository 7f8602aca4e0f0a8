#pragma once
// The Markdown subset of lesson pages, parsed with md4c (Debian's libmd4c-dev) into blocks of styled
// runs that a screen can lay out: headings, paragraphs, bullet and numbered lists; bold and italic;
// links become plain text. Anything else (code, HTML, tables) is shown as plain text, never dropped.
#include <string>
#include <vector>

namespace sb {

struct TextRun {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string term; // a glossary id when this run is a marked term ([[id|words]], core/marks.h)
};

enum class BlockKind { Paragraph, Heading, BulletItem, NumberedItem };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;  // heading level 1-6, or list depth (0 = top level)
    int number = 0; // numbered items: 1, 2, 3...
    std::vector<TextRun> runs;
    std::string PlainText() const;
};

std::vector<Block> ParseMarkdown(const std::string& text);

} // namespace sb
