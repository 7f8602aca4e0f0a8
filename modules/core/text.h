#pragma once
// A text a student sees, in one or more languages.
#include <map>
#include <string>

namespace sb {

class LocalText {
  public:
    LocalText() = default;
    explicit LocalText(std::map<std::string, std::string> by_lang) : m_by_lang(std::move(by_lang)) {}

    // The text in `lang`, else in `fallback` (the pack's default language), else any, else "".
    const std::string& Get(const std::string& lang, const std::string& fallback) const;
    bool Has(const std::string& lang) const { return m_by_lang.count(lang) > 0; }
    bool Empty() const { return m_by_lang.empty(); }
    const std::map<std::string, std::string>& All() const { return m_by_lang; }

  private:
    std::map<std::string, std::string> m_by_lang;
};

} // namespace sb
