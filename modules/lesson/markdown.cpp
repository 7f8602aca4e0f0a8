#include "lesson/markdown.h"

#include "core/marks.h"

#include <md4c.h>

#include <cstring>

namespace sb {

std::string Block::PlainText() const {
    std::string s;
    for (const auto& r : runs)
        s += r.text;
    return s;
}

namespace {

struct ListState {
    bool ordered;
    int next;
};

struct Builder {
    std::vector<Block> blocks;
    std::vector<ListState> lists;
    int bold = 0, italic = 0;
    bool in_block = false;

    Block& Current() {
        if (!in_block) { // text outside a paragraph (e.g. a tight list item) starts one
            blocks.push_back({});
            in_block = true;
        }
        return blocks.back();
    }
    void Open(BlockKind kind, int level, int number = 0) {
        blocks.push_back({kind, level, number, {}});
        in_block = true;
    }
    void AddText(const char* text, size_t size) {
        Block& b = Current();
        if (!b.runs.empty() && b.runs.back().bold == (bold > 0) && b.runs.back().italic == (italic > 0))
            b.runs.back().text.append(text, size);
        else
            b.runs.push_back({std::string(text, size), bold > 0, italic > 0});
    }
};

int EnterBlock(MD_BLOCKTYPE type, void* detail, void* user) {
    auto* b = static_cast<Builder*>(user);
    switch (type) {
    case MD_BLOCK_UL:
        b->lists.push_back({false, 0});
        break;
    case MD_BLOCK_OL:
        b->lists.push_back({true, static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)});
        break;
    case MD_BLOCK_LI: {
        const int depth = static_cast<int>(b->lists.size()) - 1;
        if (!b->lists.empty() && b->lists.back().ordered)
            b->Open(BlockKind::NumberedItem, depth, b->lists.back().next++);
        else
            b->Open(BlockKind::BulletItem, depth);
        break;
    }
    case MD_BLOCK_H:
        b->Open(BlockKind::Heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
        break;
    case MD_BLOCK_P:
        // A paragraph inside a list item continues that item.
        if (!(b->in_block && !b->blocks.empty() &&
              (b->blocks.back().kind == BlockKind::BulletItem ||
               b->blocks.back().kind == BlockKind::NumberedItem) &&
              b->blocks.back().runs.empty()))
            b->Open(BlockKind::Paragraph, 0);
        break;
    case MD_BLOCK_CODE:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_HTML:
        b->Open(BlockKind::Paragraph, 0);
        break;
    default:
        break;
    }
    return 0;
}

int LeaveBlock(MD_BLOCKTYPE type, void*, void* user) {
    auto* b = static_cast<Builder*>(user);
    if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
        if (!b->lists.empty()) b->lists.pop_back();
    }
    if (type == MD_BLOCK_P || type == MD_BLOCK_LI || type == MD_BLOCK_H || type == MD_BLOCK_CODE)
        b->in_block = false;
    return 0;
}

int EnterSpan(MD_SPANTYPE type, void*, void* user) {
    auto* b = static_cast<Builder*>(user);
    if (type == MD_SPAN_STRONG) ++b->bold;
    if (type == MD_SPAN_EM) ++b->italic;
    return 0;
}

int LeaveSpan(MD_SPANTYPE type, void*, void* user) {
    auto* b = static_cast<Builder*>(user);
    if (type == MD_SPAN_STRONG) --b->bold;
    if (type == MD_SPAN_EM) --b->italic;
    return 0;
}

int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
    auto* b = static_cast<Builder*>(user);
    switch (type) {
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
        b->AddText(" ", 1);
        break;
    case MD_TEXT_NULLCHAR:
        break;
    case MD_TEXT_ENTITY: {
        // The few entities an author might type; others stay as written.
        const std::string e(text, size);
        const char* out = e == "&amp;"    ? "&"
                          : e == "&lt;"   ? "<"
                          : e == "&gt;"   ? ">"
                          : e == "&quot;" ? "\""
                          : e == "&nbsp;" ? " "
                                          : nullptr;
        if (out)
            b->AddText(out, strlen(out));
        else
            b->AddText(text, size);
        break;
    }
    default:
        b->AddText(text, size);
    }
    return 0;
}

} // namespace

std::vector<Block> ParseMarkdown(const std::string& text) {
    Builder builder;
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_NOHTML | MD_FLAG_COLLAPSEWHITESPACE;
    parser.enter_block = EnterBlock;
    parser.leave_block = LeaveBlock;
    parser.enter_span = EnterSpan;
    parser.leave_span = LeaveSpan;
    parser.text = Text;
    md_parse(text.c_str(), static_cast<MD_SIZE>(text.size()), &parser, &builder);
    // Drop empty blocks (an empty list item, a blank heading).
    std::vector<Block> out;
    for (auto& b : builder.blocks) {
        if (b.PlainText().empty()) continue;
        // Glossary marks become runs of their own, in the style of the text around them.
        std::vector<TextRun> runs;
        for (const TextRun& r : b.runs) {
            if (r.text.find("[[") == std::string::npos) {
                runs.push_back(r);
                continue;
            }
            for (const MarkedSpan& span : SplitMarks(r.text)) {
                TextRun part = r;
                part.text = span.text;
                part.term = span.term;
                if (!part.text.empty()) runs.push_back(std::move(part));
            }
        }
        b.runs = std::move(runs);
        out.push_back(std::move(b));
    }
    return out;
}

} // namespace sb
