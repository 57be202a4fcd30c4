#include "jsonlineindex.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace topicscope::engine {

JsonLineIndex::JsonLineIndex(const QByteArray &json)
    : m_json(json)
{
    skipSpace();
    value({});
}

int JsonLineIndex::lineOf(QString path) const
{
    while (!path.isEmpty()) {
        if (const auto it = m_lines.constFind(path); it != m_lines.cend())
            return it.value();
        const qsizetype cut = std::max(path.lastIndexOf(QLatin1Char('.')), path.lastIndexOf(QLatin1Char('[')));
        path = cut > 0 ? path.left(cut) : QString();
    }
    return m_lines.value(QString(), 0);
}

QString JsonLineIndex::lineColumn(const QByteArray &json, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

void JsonLineIndex::skipSpace()
{
    while (m_pos < m_json.size() && std::isspace(static_cast<unsigned char>(m_json.at(m_pos)))) {
        if (m_json.at(m_pos) == '\n')
            ++m_line;
        ++m_pos;
    }
}

QString JsonLineIndex::string()
{
    QByteArray out;
    ++m_pos; // opening quote
    while (m_pos < m_json.size() && m_json.at(m_pos) != '"') {
        if (m_json.at(m_pos) == '\\' && m_pos + 1 < m_json.size())
            ++m_pos;
        out += m_json.at(m_pos++);
    }
    ++m_pos; // closing quote
    return QString::fromUtf8(out);
}

void JsonLineIndex::value(const QString &path)
{
    m_lines.insert(path, m_line);
    const char c = peek();
    if (c == '{' || c == '[') {
        const char close = c == '{' ? '}' : ']';
        ++m_pos;
        for (int index = 0;; ++index) {
            skipSpace();
            if (peek() == close || peek() == '\0') {
                ++m_pos;
                return;
            }
            QString child;
            if (c == '{') {
                const QString key = string();
                child = path.isEmpty() ? key : path + QLatin1Char('.') + key;
                skipSpace();
                ++m_pos; // ':'
                skipSpace();
            } else {
                child = path + QStringLiteral("[%1]").arg(index);
            }
            value(child);
            skipSpace();
            if (peek() == ',')
                ++m_pos;
        }
    } else if (c == '"') {
        string();
    } else {
        while (m_pos < m_json.size() && !std::strchr(",]} \t\r\n", m_json.at(m_pos)))
            ++m_pos;
    }
}

} // namespace topicscope::engine
