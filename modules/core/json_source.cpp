#include "core/json_source.h"

#include <cctype>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace sb {

namespace {

bool IsContinuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Line and column (in characters, 1-based) of a byte offset; counts forward from a cursor so a whole
// file costs one pass even when it is minified onto one line.
class PositionCounter {
  public:
    explicit PositionCounter(const std::string& text) : m_text(text) {}
    TextPosition At(size_t offset) {
        if (offset < m_offset) { // rare: restart
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
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else
            return i;
        if (i + len > n) return i;
        for (int k = 1; k < len; ++k) {
            const unsigned char cc = s[i + k];
            if (!IsContinuation(cc)) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string::npos;
}

void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80)
        out += static_cast<char>(cp);
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
        // One pointer string, cut back and extended in place, and its hash built token by token: nothing
        // is allocated per value, and no value costs more than its own key.
        struct Frame {
            bool object;
            size_t count;
            size_t length; // of the container's own pointer
            uint64_t hash; // of the container's own pointer
        };
        std::vector<Frame> stack;
        std::string pointer;
        uint64_t hash = PositionIndex::Root();
        m_out.positions.Reserve(m_text.size() / 16); // a minified role-play has about one value per 16 bytes
        bool expect_value = true;
        if (m_text.compare(0, 3, "\xEF\xBB\xBF") == 0) m_i = 3; // nlohmann skips a UTF-8 byte order mark too
        SkipWs();
        while (m_i < m_text.size()) {
            if (expect_value) {
                m_out.positions.Set(hash, m_counter.At(m_i));
                const char c = m_text[m_i];
                if (c == '{' || c == '[') {
                    if (static_cast<int>(stack.size()) >= m_limits.max_depth) {
                        Error("too-deep", pointer, hash,
                              "The data is nested more than " + std::to_string(m_limits.max_depth) +
                                  " levels deep. Flatten it: no pack needs this much nesting.",
                              "De gegevens zijn meer dan " + std::to_string(m_limits.max_depth) +
                                  " niveaus diep genest. Maak het platter: geen pakket heeft zoveel nesting "
                                  "nodig.");
                        return false;
                    }
                    stack.push_back({c == '{', 0, pointer.size(), hash});
                    ++m_i;
                    SkipWs();
                    if (m_text[m_i] == '}' || m_text[m_i] == ']') {
                        ++m_i;
                        stack.pop_back();
                        expect_value = false;
                    } else if (stack.back().object) {
                        hash = AppendKey(pointer, stack.back().hash);
                    } else {
                        hash = AppendIndex(pointer, stack.back().hash, 0);
                    }
                    continue;
                }
                if (c == '"') {
                    if (!ReadString(nullptr, pointer, hash)) return false;
                } else {
                    while (m_i < m_text.size() && !strchr(",]} \t\r\n", m_text[m_i]))
                        ++m_i;
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
                pointer.resize(f.length);
                hash = f.object ? AppendKey(pointer, f.hash) : AppendIndex(pointer, f.hash, f.count);
                expect_value = true;
            } else if (c == '}' || c == ']') {
                pointer.resize(stack.back().length);
                stack.pop_back();
            }
            SkipWs();
        }
        return true;
    }

  private:
    void SkipWs() {
        while (m_i < m_text.size() &&
               (m_text[m_i] == ' ' || m_text[m_i] == '\t' || m_text[m_i] == '\n' || m_text[m_i] == '\r'))
            ++m_i;
    }

    // Reads an object key and the ':' after it; appends it to `pointer` as one token and returns its hash.
    uint64_t AppendKey(std::string& pointer, uint64_t parent) {
        m_key.clear();
        ReadString(&m_key, "", 0);
        SkipWs();
        if (m_i < m_text.size() && m_text[m_i] == ':') ++m_i;
        SkipWs();
        pointer += '/';
        const size_t token = pointer.size();
        for (char k : m_key) {
            if (k == '~')
                pointer += "~0";
            else if (k == '/')
                pointer += "~1";
            else
                pointer += k;
        }
        return PositionIndex::Child(parent, std::string_view(pointer).substr(token));
    }

    static uint64_t AppendIndex(std::string& pointer, uint64_t parent, size_t index) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
        pointer += '/';
        pointer.append(digits, end);
        return PositionIndex::Child(parent, std::string_view(digits, end - digits));
    }

    // Steps over a string; decodes it into `out` only for keys, as values are never needed as text here.
    bool ReadString(std::string* out, const std::string& pointer, uint64_t hash) {
        const size_t start = m_i;
        ++m_i; // opening quote
        while (m_i < m_text.size() && m_text[m_i] != '"') {
            if (m_text[m_i] == '\\' && m_i + 1 < m_text.size()) {
                const char e = m_text[m_i + 1];
                m_i += 2;
                if (!out) continue; // the 4 hex digits of \u are never a quote: stepping over them is enough
                switch (e) {
                case 'n':
                    *out += '\n';
                    break;
                case 't':
                    *out += '\t';
                    break;
                case 'r':
                    *out += '\r';
                    break;
                case 'b':
                    *out += '\b';
                    break;
                case 'f':
                    *out += '\f';
                    break;
                case 'u': {
                    uint32_t cp = std::stoul(m_text.substr(m_i, 4), nullptr, 16);
                    m_i += 4;
                    if (cp >= 0xD800 && cp <= 0xDBFF && m_i + 6 <= m_text.size() && m_text[m_i] == '\\') {
                        const uint32_t lo = std::stoul(m_text.substr(m_i + 2, 4), nullptr, 16);
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        m_i += 6;
                    }
                    AppendUtf8(*out, cp);
                    break;
                }
                default:
                    *out += e;
                }
            } else {
                if (out) *out += m_text[m_i];
                ++m_i;
            }
        }
        ++m_i; // closing quote
        if (m_i - start > m_limits.max_string_bytes + 2 && !pointer.empty()) {
            Error("string-too-long", pointer, hash,
                  "This text is " + std::to_string(m_i - start) + " bytes long; the limit is " +
                      std::to_string(m_limits.max_string_bytes) + ". Split it over more pages or lines.",
                  "Deze tekst is " + std::to_string(m_i - start) + " bytes lang; de grens is " +
                      std::to_string(m_limits.max_string_bytes) +
                      ". Verdeel hem over meer pagina's of regels.");
            return false;
        }
        return true;
    }

    void Error(const char* code, const std::string& pointer, uint64_t hash, std::string en, std::string nl) {
        const TextPosition* known = m_out.positions.Find(hash);
        const TextPosition p = known ? *known : m_counter.At(m_i);
        m_diags.Add(
            {m_out.file, p.line, p.column, pointer, Severity::Error, code, std::move(en), std::move(nl)});
    }

    const std::string& m_text;
    const JsonLimits& m_limits;
    JsonSource& m_out;
    Diagnostics& m_diags;
    PositionCounter m_counter;
    size_t m_i = 0;
    std::string m_key; // the key being read, reused
};

// ============================================================ [SECTION] syntax errors for people

// nlohmann names where its parser gave up, in English, usually at the token after the mistake. This walks
// the text again to name the mistake itself, at the stray token: a comma after the last item, a missing
// comma or quote, a bracket never closed.
struct SyntaxProblem {
    size_t offset = 0;
    std::string en, nl;
};

class SyntaxDiagnoser {
  public:
    explicit SyntaxDiagnoser(const std::string& text) : m_t(text) {}

    bool Find(SyntaxProblem& out) {
        std::vector<Open> stack;
        Want want = Want::Value;
        bool first = true; // just after { or [: the container may close at once
        size_t comma = 0;  // the last comma, for "a comma after the last item"
        bool after_comma = false;
        bool done = false; // the top-level value is complete
        const size_t n = m_t.size();
        for (size_t i = 0;;) {
            while (i < n && (m_t[i] == ' ' || m_t[i] == '\t' || m_t[i] == '\n' || m_t[i] == '\r'))
                ++i;
            if (i == n) {
                if (!stack.empty()) {
                    const Open& o = stack.back();
                    const char close = o.c == '{' ? '}' : ']';
                    return Say(out, o.at,
                               std::string("This ") + o.c + " is never closed. Add " + close +
                                   " where it ends (look for a line left out, or one " + close + " too few).",
                               std::string("Deze ") + o.c + " wordt nooit gesloten. Zet " + close +
                                   " waar hij eindigt (kijk of er een regel mist, of een " + close +
                                   " te weinig staat).");
                }
                if (!done)
                    return Say(out, 0, "The file is empty. A pack file holds one object { … }.",
                               "Het bestand is leeg. Een pakketbestand bevat één object { … }.");
                return false;
            }
            const char c = m_t[i];
            if (done)
                return Say(out, i,
                           "There is more text after the end of the JSON. Remove it, or the } before it.",
                           "Er staat nog tekst na het einde van de JSON. Haal die weg, of de } ervoor.");
            switch (want) {
            case Want::Key:
                if (c == '"') {
                    if (!String(i, out)) return true;
                    want = Want::Colon;
                    continue;
                }
                if (c == '}') {
                    if (after_comma) return TrailingComma(out, comma);
                    if (!Close(stack, i, c, out)) return true;
                    break;
                }
                if (c == '\'') return SingleQuote(out, i);
                if (std::isalpha(static_cast<unsigned char>(c)) || c == '_')
                    return Say(out, i, "A field name needs double quotes, like \"" + Word(i) + "\".",
                               "Een veldnaam staat tussen dubbele aanhalingstekens, zoals \"" + Word(i) +
                                   "\".");
                if (c == ',')
                    return Say(out, i, "Two commas in a row: remove this one.",
                               "Twee komma's achter elkaar: haal deze weg.");
                return Say(out, i,
                           std::string("Expected a field name in double quotes here, not ") + Shown(i) + ".",
                           std::string("Hier hoort een veldnaam tussen dubbele aanhalingstekens, niet ") +
                               Shown(i, true) + ".");
            case Want::Colon:
                if (c == ':') {
                    ++i;
                    want = Want::Value;
                    first = after_comma = false;
                    continue;
                }
                return Say(out, i, "A colon (:) is missing between the field name and its value.",
                           "Er mist een dubbele punt (:) tussen de veldnaam en de waarde.");
            case Want::Value:
                if (c == ']' && !stack.empty() && stack.back().c == '[' && (first || after_comma)) {
                    if (after_comma) return TrailingComma(out, comma);
                    if (!Close(stack, i, c, out)) return true;
                    break;
                }
                if (c == '{' || c == '[') {
                    stack.push_back({c, i});
                    ++i;
                    want = c == '{' ? Want::Key : Want::Value;
                    first = true;
                    after_comma = false;
                    continue;
                }
                if (c == '"') {
                    if (!String(i, out)) return true;
                    Value(stack, want, done);
                    continue;
                }
                if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
                    while (i < n && (std::isdigit(static_cast<unsigned char>(m_t[i])) || m_t[i] == '-' ||
                                     m_t[i] == '+' || m_t[i] == '.' || m_t[i] == 'e' || m_t[i] == 'E'))
                        ++i;
                    Value(stack, want, done);
                    continue;
                }
                if (std::isalpha(static_cast<unsigned char>(c))) {
                    const std::string w = Word(i);
                    if (w == "true" || w == "false" || w == "null") {
                        i += w.size();
                        Value(stack, want, done);
                        continue;
                    }
                    return Say(out, i,
                               "A text needs double quotes: \"" + w +
                                   "\" (true, false and numbers need none).",
                               "Een tekst staat tussen dubbele aanhalingstekens: \"" + w +
                                   "\" (true, false en getallen niet).");
                }
                if (c == '\'') return SingleQuote(out, i);
                if (c == ',')
                    return Say(out, i, "A value is missing before this comma (two commas in a row?).",
                               "Er mist een waarde voor deze komma (twee komma's achter elkaar?).");
                return Say(out, i, std::string("A value is missing here, before ") + Shown(i) + ".",
                           std::string("Hier mist een waarde, voor ") + Shown(i, true) + ".");
            case Want::CommaOrClose:
                if (c == ',') {
                    comma = i++;
                    after_comma = true;
                    first = false;
                    want = stack.back().c == '{' ? Want::Key : Want::Value;
                    continue;
                }
                if (c == '}' || c == ']') {
                    if (!Close(stack, i, c, out)) return true;
                    break;
                }
                if (c == '"' || c == '{' || c == '[' || c == '-' ||
                    std::isalnum(static_cast<unsigned char>(c))) {
                    const std::string next = c == '"' ? " \"" + QuotedStart(i) + "\"" : "";
                    return Say(out, i,
                               "A comma is missing before" + (next.empty() ? std::string(" this") : next) +
                                   ": put a , after the item before it.",
                               "Hier mist een komma voor" + (next.empty() ? std::string(" dit") : next) +
                                   ": zet een , achter het item ervoor.");
                }
                return Say(
                    out, i, std::string("Expected a comma or a closing bracket here, not ") + Shown(i) + ".",
                    std::string("Hier hoort een komma of een sluithaakje, niet ") + Shown(i, true) + ".");
            }
            // A container closed at i.
            ++i;
            Value(stack, want, done);
        }
    }

  private:
    enum class Want { Value, Key, Colon, CommaOrClose };
    struct Open {
        char c;
        size_t at; // where it was opened
    };

    static void Value(const std::vector<Open>& stack, Want& want, bool& done) {
        if (stack.empty())
            done = true;
        else
            want = Want::CommaOrClose;
    }

    bool Close(std::vector<Open>& stack, size_t i, char c, SyntaxProblem& out) {
        const char open = c == '}' ? '{' : '[';
        if (stack.empty())
            return !Say(out, i, std::string("This ") + c + " closes nothing that was opened. Remove it.",
                        std::string("Deze ") + c + " sluit niets dat geopend is. Haal hem weg.");
        if (stack.back().c != open) {
            const char want = stack.back().c == '{' ? '}' : ']';
            return !Say(out, i,
                        std::string("This ") + c + " does not match the " + stack.back().c +
                            " it closes. Use " + want + ", or look for a bracket left out.",
                        std::string("Deze ") + c + " past niet bij de " + stack.back().c +
                            " die hij sluit. Gebruik " + want + ", of kijk of er een haakje mist.");
        }
        stack.pop_back();
        return true;
    }

    // Reads the string at i (a quote); false (with the problem) when it does not end on its line.
    bool String(size_t& i, SyntaxProblem& out) {
        const size_t start = i++;
        for (; i < m_t.size(); ++i) {
            const char c = m_t[i];
            if (c == '\\') {
                ++i;
                continue;
            }
            if (c == '"') {
                ++i;
                return true;
            }
            if (c == '\n' || c == '\r') break;
        }
        Say(out, start,
            "This text has no closing quote (\"). Add it where the text ends; a quote inside a text is "
            "written \\\".",
            "Deze tekst heeft geen sluitend aanhalingsteken (\"). Zet het waar de tekst eindigt; een "
            "aanhalingsteken in een tekst schrijf je als \\\".");
        return false;
    }

    bool TrailingComma(SyntaxProblem& out, size_t comma) {
        return Say(out, comma, "A comma after the last item: remove this comma.",
                   "Een komma na het laatste item: haal deze komma weg.");
    }
    bool SingleQuote(SyntaxProblem& out, size_t i) {
        return Say(out, i, "JSON uses double quotes (\"), not single quotes (').",
                   "JSON gebruikt dubbele aanhalingstekens (\"), geen enkele (').");
    }
    static bool Say(SyntaxProblem& out, size_t at, std::string en, std::string nl) {
        out = {at, std::move(en), std::move(nl)};
        return true;
    }
    std::string Word(size_t i) const {
        size_t j = i;
        while (j < m_t.size() && j - i < 40 &&
               (std::isalnum(static_cast<unsigned char>(m_t[j])) || m_t[j] == '_' || m_t[j] == '-'))
            ++j;
        return m_t.substr(i, j - i);
    }
    // The start of the string at i (a quote), for naming it.
    std::string QuotedStart(size_t i) const {
        size_t j = i + 1;
        while (j < m_t.size() && j - i <= 30 && m_t[j] != '"' && m_t[j] != '\\' && m_t[j] != '\n')
            ++j;
        return m_t.substr(i + 1, j - i - 1);
    }
    std::string Shown(size_t i, bool nl = false) const {
        const unsigned char c = static_cast<unsigned char>(m_t[i]);
        return c < 0x80 ? "'" + std::string(1, m_t[i]) + "'" : nl ? "dit teken" : "this character";
    }

    const std::string& m_t;
};

} // namespace

std::string PointerAppend(const std::string& pointer, const std::string& token) {
    std::string out = pointer + "/";
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string PointerAppend(const std::string& pointer, size_t index) {
    return pointer + "/" + std::to_string(index);
}

uint64_t PositionIndex::Child(uint64_t parent, std::string_view token) {
    uint64_t h = 0xcbf29ce484222325ull; // FNV-1a over the token, then mixed with the parent (splitmix64)
    for (const char c : token)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    uint64_t x = ((parent << 7) | (parent >> 57)) ^ h ^ (token.size() * 0x9e3779b97f4a7c15ull);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x ? x : 1;
}

uint64_t PositionIndex::Of(std::string_view pointer) {
    uint64_t h = Root();
    if (pointer.empty()) return h;
    size_t at = pointer.front() == '/' ? 1 : 0;
    while (true) {
        const size_t slash = pointer.find('/', at);
        h = Child(h,
                  pointer.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at));
        if (slash == std::string_view::npos) return h;
        at = slash + 1;
    }
}

void PositionIndex::Reserve(size_t values) {
    size_t slots = 64;
    while (slots < values * 2)
        slots *= 2;
    if (slots <= m_slots.size()) return;
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(slots, Slot{});
    m_size = 0;
    for (const Slot& s : old)
        if (s.key) Set(s.key, s.pos);
}

void PositionIndex::Set(uint64_t key, TextPosition pos) {
    if ((m_size + 1) * 2 > m_slots.size()) Reserve(m_size + 1); // at most half full
    const size_t mask = m_slots.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (m_slots[i].key == key) {
            m_slots[i].pos = pos;
            return;
        }
        if (m_slots[i].key == 0) {
            m_slots[i] = {key, pos};
            ++m_size;
            return;
        }
    }
}

const TextPosition* PositionIndex::Find(uint64_t key) const {
    if (m_slots.empty()) return nullptr;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = key & mask; m_slots[i].key != 0; i = (i + 1) & mask)
        if (m_slots[i].key == key) return &m_slots[i].pos;
    return nullptr;
}

TextPosition JsonSource::At(const std::string& pointer) const {
    // Hashes of every prefix, then the longest one that has a position: the value, or its nearest parent.
    std::vector<uint64_t> prefixes{PositionIndex::Root()};
    size_t at = 1;
    while (at <= pointer.size() && !pointer.empty() && pointer.front() == '/') {
        const size_t slash = std::min(pointer.find('/', at), pointer.size());
        prefixes.push_back(
            PositionIndex::Child(prefixes.back(), std::string_view(pointer).substr(at, slash - at)));
        at = slash + 1;
    }
    for (auto it = prefixes.rbegin(); it != prefixes.rend(); ++it)
        if (const TextPosition* p = positions.Find(*it)) return *p;
    return {};
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
        SyntaxProblem problem;
        if (SyntaxDiagnoser(text).Find(problem)) {
            const TextPosition p = PositionCounter(text).At(std::min(problem.offset, text.size()));
            diags.Add({file, p.line, p.column, "", Severity::Error, "json-syntax",
                       "JSON syntax: " + problem.en, "JSON-fout: " + problem.nl});
            return src;
        }
        // Not one of the mistakes named above: nlohmann's place and words (in English only).
        const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const TextPosition p = PositionCounter(text).At(std::min(offset, text.size()));
        std::string detail = e.what();
        const auto colon = detail.find(": ", detail.find("column"));
        if (colon != std::string::npos) detail = detail.substr(colon + 2);
        diags.Add({file, p.line, p.column, "", Severity::Error, "json-syntax",
                   "The JSON is not valid here (" + detail +
                       "). Look for a missing comma, quote or bracket, or a comma after the last item.",
                   "De JSON klopt hier niet. Kijk of er een komma, aanhalingsteken of haakje ontbreekt, of "
                   "een komma "
                   "na het laatste item staat."});
        return src;
    } catch (const nlohmann::json::out_of_range& e) {
        // A number too large for a double (e.g. 1e999) is thrown as out_of_range, with no offset: find the
        // literal nlohmann quotes in its message.
        const std::string what = e.what();
        const size_t q1 = what.find('\''), q2 = what.rfind('\'');
        const std::string literal =
            q1 != std::string::npos && q2 > q1 ? what.substr(q1 + 1, q2 - q1 - 1) : "";
        const size_t offset = literal.empty() ? std::string::npos : text.find(literal);
        const TextPosition p =
            offset == std::string::npos ? TextPosition{} : PositionCounter(text).At(offset);
        diags.Add({file, p.line, p.column, "", Severity::Error, "json-syntax",
                   "The number " + literal + " is too large to read. Write an ordinary number, such as 5.",
                   "Het getal " + literal + " is te groot om te lezen. Schrijf een gewoon getal, zoals 5."});
        return src;
    } catch (const nlohmann::json::exception& e) { // none known, but a pack must never stop the kiosk
        diags.Add({file, 1, 1, "", Severity::Error, "json-syntax",
                   std::string("The JSON cannot be read (") + e.what() + ").",
                   std::string("De JSON kan niet gelezen worden (") + e.what() + ")."});
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
        diags.Add(
            {shown_name, 1, 1, "", Severity::Error, "file-missing",
             "This file does not exist or cannot be read. Check the name and where it is in the pack folder.",
             "Dit bestand bestaat niet of kan niet gelezen worden. Controleer de naam en de plek in de "
             "pakketmap."});
        return src;
    }
    if (size > limits.max_file_bytes) {
        diags.Add({shown_name, 1, 1, "", Severity::Error, "file-too-large",
                   "This file is " + std::to_string(size / 1024) + " KiB; the limit is " +
                       std::to_string(limits.max_file_bytes / 1024) + " KiB. Split it into more modules.",
                   "Dit bestand is " + std::to_string(size / 1024) + " KiB; de grens is " +
                       std::to_string(limits.max_file_bytes / 1024) +
                       " KiB. Verdeel het over meer modules."});
        return src;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return ParseJsonText(buffer.str(), shown_name, limits, diags);
}

} // namespace sb
