#include "localizedtext.h"

namespace topicscope::engine {

LocalizedText::LocalizedText(const QString &english)
{
    setText(English, english);
}

QString LocalizedText::text(const QString &language) const
{
    const auto it = m_texts.constFind(language);
    return it != m_texts.cend() ? it.value() : english();
}

bool LocalizedText::hasLanguage(const QString &language) const
{
    return m_texts.contains(language);
}

void LocalizedText::setText(const QString &language, const QString &text)
{
    if (text.isEmpty())
        m_texts.remove(language);
    else
        m_texts.insert(language, text);
}

} // namespace topicscope::engine
