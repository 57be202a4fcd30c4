#include "recordexport.h"

#include <QStringDecoder>
#include <algorithm>

namespace topicscope::ui::recordexport {

namespace {

std::optional<QString> utf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QString jsonString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    static constexpr std::pair<char16_t, QLatin1String> Escapes[] {{u'"', QLatin1String("\\\"")},
        {u'\\', QLatin1String("\\\\")}, {u'\n', QLatin1String("\\n")}, {u'\r', QLatin1String("\\r")},
        {u'\t', QLatin1String("\\t")}};
    for (const QChar c : text) {
        const auto escape = std::find_if(
            std::begin(Escapes), std::end(Escapes), [c](const auto &e) { return e.first == c.unicode(); });
        if (escape != std::end(Escapes))
            out += escape->second;
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QString jsonBytes(const std::optional<QByteArray> &bytes)
{
    if (!bytes)
        return QStringLiteral("null");
    if (const auto text = utf8(*bytes))
        return jsonString(*text);
    return QStringLiteral("{\"base64\": \"%1\"}").arg(QString::fromLatin1(bytes->toBase64()));
}

QString jsonHeaders(const QList<engine::RecordHeader> &headers)
{
    QStringList items;
    for (const engine::RecordHeader &h : headers) {
        items.append(QStringLiteral("{\"key\": %1, \"value\": %2}")
                         .arg(jsonBytes(std::optional<QByteArray>(h.key)), jsonBytes(h.value)));
    }
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString csvField(const QString &text)
{
    const bool quote = text.isEmpty() || text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) || text.front().isSpace()
        || text.back().isSpace();
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString csvBytes(const std::optional<QByteArray> &bytes)
{
    if (!bytes)
        return {}; // unquoted empty: null
    if (const auto text = utf8(*bytes))
        return csvField(*text);
    return QStringLiteral("base64:") + QString::fromLatin1(bytes->toBase64());
}

} // namespace

QString toJsonLines(const QString &topic, const QList<engine::MessageRow> &rows)
{
    QString out;
    for (const engine::MessageRow &r : rows) {
        out += QStringLiteral("{\"topic\": %1, \"partition\": %2, \"offset\": %3, \"timestamp\": %4, \"key\": %5, "
                              "\"value\": %6, \"headers\": %7}\n")
                   .arg(jsonString(topic), QString::number(r.partition), QString::number(r.offset),
                       QString::number(r.timestamp), jsonBytes(r.key), jsonBytes(r.value), jsonHeaders(r.headers));
    }
    return out;
}

QString toCsv(const QString &topic, const QList<engine::MessageRow> &rows)
{
    const QString crlf = QStringLiteral("\r\n");
    QString out = QStringLiteral("topic,partition,offset,timestamp,key,value,headers") + crlf;
    for (const engine::MessageRow &r : rows) {
        const QStringList fields {csvField(topic), QString::number(r.partition), QString::number(r.offset),
            QString::number(r.timestamp), csvBytes(r.key), csvBytes(r.value), csvField(jsonHeaders(r.headers))};
        out += fields.join(QLatin1Char(',')) + crlf;
    }
    return out;
}

} // namespace topicscope::ui::recordexport
