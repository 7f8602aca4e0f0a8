#pragma once
// What the loader found wrong with a pack, said for people: where (file, line:column, JSON pointer),
// how bad (error or warning), a stable code for tools and tests, and a message in English and Dutch.
#include <string>
#include <vector>

namespace sb {

enum class Severity { Error, Warning };

struct Diagnostic {
    std::string file;    // path as given to the loader, e.g. "mijn-pack/rollenspel.json"
    int line = 0;        // 1-based; 0 when the problem is not inside a file
    int column = 0;      // 1-based
    std::string pointer; // JSON pointer, e.g. "/nodes/3/choices/0/target"
    Severity severity = Severity::Error;
    std::string code; // stable, e.g. "unknown-target"
    std::string message_en;
    std::string message_nl;

    const std::string& Message(const std::string& lang) const {
        return lang == "nl" ? message_nl : message_en;
    }
};

class Diagnostics {
  public:
    void Add(Diagnostic d) { m_list.push_back(std::move(d)); }
    const std::vector<Diagnostic>& List() const { return m_list; }
    size_t ErrorCount() const;
    size_t WarningCount() const;
    bool HasErrors() const { return ErrorCount() > 0; }
    void Append(const Diagnostics& other);
    // Sorted by file, line, column, so output reads top to bottom.
    void Sort();

  private:
    std::vector<Diagnostic> m_list;
};

// "file:line:col: error: message [code] (at /pointer)"
std::string FormatDiagnostic(const Diagnostic& d, const std::string& lang);

} // namespace sb
