#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace topicscope::engine {

// Where each value of a JSON text starts: path ("steps[2].action") -> line. QJsonDocument keeps no positions,
// but a trainer editing a file wants the line of a bad field, not only its path. Runs on text QJsonDocument
// has already accepted, so it need not diagnose anything. A short-lived value; usable on any thread.
class JsonLineIndex {
public:
    explicit JsonLineIndex(const QByteArray &json);

    // The line of path, else of its nearest enclosing value that exists (a missing field: its object; at worst
    // the document itself).
    int lineOf(QString path) const;

    // "line L, column C" of a byte offset, for QJsonParseError (which reports only an offset).
    static QString lineColumn(const QByteArray &json, qsizetype offset);

private:
    char peek() const { return m_pos < m_json.size() ? m_json.at(m_pos) : '\0'; }
    void skipSpace();
    QString string();
    void value(const QString &path);

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    int m_line = 1;
    QHash<QString, int> m_lines;
};

} // namespace topicscope::engine
