#include "pack/json_source.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace sb {

namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Line and column (in characters, 1-based) of a byte offset; counts forward from a cursor so a whole
// file costs one pass even when it is minified onto one line.
class PositionCounter {
public:
    explicit PositionCounter(const std::string& text) : m_text(text) {}
    TextPosition At(size_t offset) {
        if (offset < m_offset) {  // rare: restart
            m_offset = 0;
            m_pos = {};
        }
        for (; m_offset < offset && m_offset < m_text.size(); ++m_offset) {
            const unsigned char c = m_text[m_offset];
            if (c == '\n') {
                ++m_pos.line;
                m_pos.column = 1;
            } else if (!IsContinuation(c)) {
                ++m_pos.column;
            }
        }
        return m_pos;
    }

private:
    const std::string& m_text;
    size_t m_offset = 0;
    TextPosition m_pos;
};

// Returns the offset of the first byte that is not valid UTF-8, or npos.
size_t FindInvalidUtf8(const std::string& s) {
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (int k = 1; k < len; ++k) {
            const unsigned char cc = s[i + k];
            if (!IsContinuation(cc)) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string::npos;
}

void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Walks text that nlohmann has already accepted, recording where each value starts.
class PositionScanner {
public:
    PositionScanner(const std::string& text, const JsonLimits& limits, JsonSource& out, Diagnostics& diags)
        : m_text(text), m_limits(limits), m_out(out), m_diags(diags), m_counter(text) {}

    bool Run() {
        struct Frame {
            bool object;
            size_t count;
            std::string pointer;
        };
        std::vector<Frame> stack;
        std::string pointer;
        bool expect_value = true;
        SkipWs();
        while (m_i < m_text.size()) {
            if (expect_value) {
                m_out.positions[pointer] = m_counter.At(m_i);
                const char c = m_text[m_i];
                if (c == '{' || c == '[') {
                    if (static_cast<int>(stack.size()) >= m_limits.max_depth) {
                        Error("too-deep", pointer,
                              "The data is nested more than " + std::to_string(m_limits.max_depth) +
                                  " levels deep. Flatten it: no pack needs this much nesting.",
                              "De gegevens zijn meer dan " + std::to_string(m_limits.max_depth) +
                                  " niveaus diep genest. Maak het platter: geen pakket heeft zoveel nesting nodig.");
                        return false;
                    }
                    stack.push_back({c == '{', 0, pointer});
                    ++m_i;
                    SkipWs();
                    if (m_text[m_i] == '}' || m_text[m_i] == ']') {
                        ++m_i;
                        stack.pop_back();
                        expect_value = false;
                    } else if (stack.back().object) {
                        pointer = PointerAppend(stack.back().pointer, ReadKey());
                    } else {
                        pointer = PointerAppend(stack.back().pointer, size_t{0});
                    }
                    continue;
                }
                if (c == '"') {
                    std::string s;
                    if (!ReadString(s, pointer)) return false;
                } else {
                    while (m_i < m_text.size() && !strchr(",]} \t\r\n", m_text[m_i])) ++m_i;
                }
                expect_value = false;
                continue;
            }
            SkipWs();
            if (stack.empty()) break;
            const char c = m_text[m_i++];
            if (c == ',') {
                Frame& f = stack.back();
                ++f.count;
                SkipWs();
                pointer = f.object ? PointerAppend(f.pointer, ReadKey()) : PointerAppend(f.pointer, f.count);
                expect_value = true;
            } else if (c == '}' || c == ']') {
                stack.pop_back();
            }
            SkipWs();
        }
        return true;
    }

private:
    void SkipWs() {
        while (m_i < m_text.size() && (m_text[m_i] == ' ' || m_text[m_i] == '\t' || m_text[m_i] == '\n' ||
                                       m_text[m_i] == '\r'))
            ++m_i;
    }

    std::string ReadKey() {
        std::string key;
        ReadString(key, "");
        SkipWs();
        if (m_i < m_text.size() && m_text[m_i] == ':') ++m_i;
        SkipWs();
        return key;
    }

    bool ReadString(std::string& out, const std::string& pointer) {
        const size_t start = m_i;
        ++m_i;  // opening quote
        while (m_i < m_text.size() && m_text[m_i] != '"') {
            if (m_text[m_i] == '\\' && m_i + 1 < m_text.size()) {
                const char e = m_text[m_i + 1];
                m_i += 2;
                switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    uint32_t cp = std::stoul(m_text.substr(m_i, 4), nullptr, 16);
                    m_i += 4;
                    if (cp >= 0xD800 && cp <= 0xDBFF && m_i + 6 <= m_text.size() && m_text[m_i] == '\\') {
                        const uint32_t lo = std::stoul(m_text.substr(m_i + 2, 4), nullptr, 16);
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        m_i += 6;
                    }
                    AppendUtf8(out, cp);
                    break;
                }
                default: out += e;
                }
            } else {
                out += m_text[m_i++];
            }
        }
        ++m_i;  // closing quote
        if (m_i - start > m_limits.max_string_bytes + 2 && !pointer.empty()) {
            Error("string-too-long", pointer,
                  "This text is " + std::to_string(m_i - start) + " bytes long; the limit is " +
                      std::to_string(m_limits.max_string_bytes) + ". Split it over more pages or lines.",
                  "Deze tekst is " + std::to_string(m_i - start) + " bytes lang; de grens is " +
                      std::to_string(m_limits.max_string_bytes) + ". Verdeel hem over meer pagina's of regels.");
            return false;
        }
        return true;
    }

    void Error(const char* code, const std::string& pointer, std::string en, std::string nl) {
        const TextPosition p = m_out.positions.count(pointer) ? m_out.positions[pointer] : m_counter.At(m_i);
        m_diags.Add({m_out.file, p.line, p.column, pointer, Severity::Error, code, std::move(en), std::move(nl)});
    }

    const std::string& m_text;
    const JsonLimits& m_limits;
    JsonSource& m_out;
    Diagnostics& m_diags;
    PositionCounter m_counter;
    size_t m_i = 0;
};

} // namespace

std::string PointerAppend(const std::string& pointer, const std::string& token) {
    std::string out = pointer + "/";
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string PointerAppend(const std::string& pointer, size_t index) { return pointer + "/" + std::to_string(index); }

TextPosition JsonSource::At(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        auto it = positions.find(p);
        if (it != positions.end()) return it->second;
        if (p.empty()) return {};
        p.resize(p.rfind('/'));
    }
}

JsonSource ParseJsonText(const std::string& text, const std::string& file, const JsonLimits& limits,
                         Diagnostics& diags) {
    JsonSource src;
    src.file = file;
    const size_t bad = FindInvalidUtf8(text);
    if (bad != std::string::npos) {
        const TextPosition p = PositionCounter(text).At(bad);
        diags.Add({file, p.line, p.column, "", Severity::Error, "invalid-utf8",
                   "The file is not valid UTF-8 text here. Save it as UTF-8 in your editor "
                   "(in VS Code: click the encoding in the status bar, then 'Save with Encoding').",
                   "Het bestand is hier geen geldige UTF-8-tekst. Sla het op als UTF-8 in je editor "
                   "(in VS Code: klik op de codering in de statusbalk, dan 'Save with Encoding')."});
        return src;
    }
    try {
        src.root = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const TextPosition p = PositionCounter(text).At(std::min(offset, text.size()));
        std::string detail = e.what();
        const auto colon = detail.find(": ", detail.find("column"));
        if (colon != std::string::npos) detail = detail.substr(colon + 2);
        diags.Add({file, p.line, p.column, "", Severity::Error, "json-syntax",
                   "The JSON is not valid here (" + detail +
                       "). Look for a missing comma, quote or bracket, or a comma after the last item.",
                   "De JSON klopt hier niet (" + detail +
                       "). Kijk of er een komma, aanhalingsteken of haakje ontbreekt, of een komma na het laatste "
                       "item staat."});
        return src;
    }
    PositionScanner scanner(text, limits, src, diags);
    src.ok = scanner.Run();
    return src;
}

JsonSource ReadJsonFile(const std::string& path, const std::string& shown_name, const JsonLimits& limits,
                        Diagnostics& diags) {
    JsonSource src;
    src.file = shown_name;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || !std::filesystem::is_regular_file(path, ec)) {
        diags.Add({shown_name, 0, 0, "", Severity::Error, "file-missing",
                   "This file does not exist or cannot be read. Check the name and where it is in the pack folder.",
                   "Dit bestand bestaat niet of kan niet gelezen worden. Controleer de naam en de plek in de "
                   "pakketmap."});
        return src;
    }
    if (size > limits.max_file_bytes) {
        diags.Add({shown_name, 0, 0, "", Severity::Error, "file-too-large",
                   "This file is " + std::to_string(size / 1024) + " KiB; the limit is " +
                       std::to_string(limits.max_file_bytes / 1024) + " KiB. Split it into more modules.",
                   "Dit bestand is " + std::to_string(size / 1024) + " KiB; de grens is " +
                       std::to_string(limits.max_file_bytes / 1024) + " KiB. Verdeel het over meer modules."});
        return src;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return ParseJsonText(buffer.str(), shown_name, limits, diags);
}

} // namespace sb
