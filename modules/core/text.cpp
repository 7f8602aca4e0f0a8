#include "core/text.h"

namespace sb {

const std::string& LocalText::Get(const std::string& lang, const std::string& fallback) const {
    static const std::string empty;
    if (auto it = m_by_lang.find(lang); it != m_by_lang.end()) return it->second;
    if (auto it = m_by_lang.find(fallback); it != m_by_lang.end()) return it->second;
    return m_by_lang.empty() ? empty : m_by_lang.begin()->second;
}

} // namespace sb
