#include "format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringDecoder>

namespace topicscope::ui::format {

namespace {

// A recursive-descent JSON reader that writes what it reads, re-indented: validation and printing in one pass,
// so that the output keeps the input's member order and its number and string spellings.
class JsonPrinter {
public:
    JsonPrinter(QByteArrayView in, bool compact)
        : m_in(in)
        , m_compact(compact)
    { }

    std::optional<QString> print()
    {
        skipSpace();
        if (!value(0))
            return std::nullopt;
        skipSpace();
        if (m_pos != m_in.size())
            return std::nullopt;
        return QString::fromUtf8(m_out);
    }

private:
    static constexpr int MaxDepth = 200; // deeper nesting is shown as text rather than risk the stack

    char peek() const { return m_pos < m_in.size() ? m_in.at(m_pos) : '\0'; }
    void skipSpace()
    {
        while (m_pos < m_in.size() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    void newline(int depth)
    {
        if (m_compact)
            return;
        m_out += '\n';
        m_out += QByteArray(depth * 4, ' ');
    }
    bool literal(QByteArrayView word)
    {
        if (m_in.sliced(m_pos).startsWith(word)) {
            m_out += word;
            m_pos += word.size();
            return true;
        }
        return false;
    }
    bool digits()
    {
        const qsizetype from = m_pos;
        while (m_pos < m_in.size() && peek() >= '0' && peek() <= '9')
            ++m_pos;
        return m_pos > from;
    }
    bool number()
    {
        const qsizetype from = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0')
            ++m_pos;
        else if (!digits())
            return false;
        if (peek() == '.') {
            ++m_pos;
            if (!digits())
                return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!digits())
                return false;
        }
        m_out += m_in.sliced(from, m_pos - from);
        return true;
    }
    bool string()
    {
        const qsizetype from = m_pos++; // the opening quote
        while (m_pos < m_in.size()) {
            const char c = m_in.at(m_pos++);
            if (c == '"') {
                m_out += m_in.sliced(from, m_pos - from);
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            if (c == '\\') {
                const char e = peek();
                ++m_pos;
                if (e == 'u') {
                    for (int i = 0; i < 4; ++i, ++m_pos) {
                        if (!isxdigit(static_cast<unsigned char>(peek())))
                            return false;
                    }
                } else if (!QByteArrayView("\"\\/bfnrt").contains(e) || e == '\0') {
                    return false;
                }
            }
        }
        return false;
    }
    // An object or array: open, members separated by commas, close; a member of an object is "key": value.
    bool container(int depth, char close, bool object)
    {
        m_out += m_in.at(m_pos++);
        skipSpace();
        if (peek() == close) {
            m_out += m_in.at(m_pos++);
            return true;
        }
        for (;;) {
            newline(depth + 1);
            if (object) {
                if (peek() != '"' || !string())
                    return false;
                skipSpace();
                if (peek() != ':')
                    return false;
                ++m_pos;
                m_out += m_compact ? ":" : ": ";
                skipSpace();
            }
            if (!value(depth + 1))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                m_out += ',';
                skipSpace();
                continue;
            }
            if (peek() != close)
                return false;
            ++m_pos;
            newline(depth);
            m_out += close;
            return true;
        }
    }
    bool value(int depth)
    {
        if (depth > MaxDepth)
            return false;
        switch (peek()) {
        case '{':
            return container(depth, '}', true);
        case '[':
            return container(depth, ']', false);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    QByteArrayView m_in;
    bool m_compact = false;
    qsizetype m_pos = 0;
    QByteArray m_out;
};

} // namespace

std::optional<QString> prettyJson(QByteArrayView json, bool compact)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder.decode(json); // decoding happens when the result becomes a QString
    Q_UNUSED(decoded)
    if (decoder.hasError()) // JSON is UTF-8
        return std::nullopt;
    return JsonPrinter(json, compact).print();
}

QString hexDump(QByteArrayView bytes, qsizetype maxBytes)
{
    constexpr int PerLine = 16;
    const qsizetype shown = std::min(bytes.size(), maxBytes);
    QString out;
    out.reserve((shown / PerLine + 2) * 80);
    for (qsizetype line = 0; line < shown; line += PerLine) {
        out += QStringLiteral("%1 ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < PerLine; ++i) {
            if (i % 8 == 0)
                out += QLatin1Char(' ');
            if (line + i < shown) {
                const auto b = static_cast<uint>(static_cast<unsigned char>(bytes.at(line + i)));
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += b >= 0x20 && b < 0x7f ? QLatin1Char(char(b)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
        }
        out += QStringLiteral(" |") + ascii + QStringLiteral("|\n");
    }
    if (shown < bytes.size())
        out += QCoreApplication::translate("topicscope::ui::Format", "… %n more byte(s)", nullptr, int(bytes.size() - shown))
            + QLatin1Char('\n');
    if (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

QString bytesSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString count(qint64 n)
{
    QLocale l = QLocale::c();
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l.toString(n);
}

QString rate(double perSecond)
{
    if (perSecond <= 0)
        return QStringLiteral("—");
    if (perSecond < 10)
        return QString::number(perSecond, 'f', 1) + QStringLiteral("/s");
    return count(qRound64(perSecond)) + QStringLiteral("/s");
}

QString retention(qint64 ms)
{
    if (ms < 0)
        return QCoreApplication::translate("topicscope::ui::Format", "forever");
    constexpr qint64 Day = 24 * 3600 * 1000LL;
    if (ms % Day == 0)
        return QCoreApplication::translate("topicscope::ui::Format", "%n day(s)", nullptr, int(ms / Day));
    if (ms % 3600000 == 0)
        return QStringLiteral("%1 h").arg(ms / 3600000);
    if (ms % 60000 == 0)
        return QStringLiteral("%1 min").arg(ms / 60000);
    if (ms % 1000 == 0)
        return QStringLiteral("%1 s").arg(ms / 1000);
    return QStringLiteral("%1 ms").arg(ms);
}

QString timestamp(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString timeOfDay(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString lastAppend(qint64 appendMs, qint64 nowMs)
{
    if (appendMs < 0)
        return QCoreApplication::translate("topicscope::ui::Format", "never");
    const qint64 s = std::max<qint64>(0, (nowMs - appendMs) / 1000);
    if (s < 60)
        return QCoreApplication::translate("topicscope::ui::Format", "%1 s ago").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("topicscope::ui::Format", "%1 min ago").arg(s / 60);
    return timestamp(appendMs);
}

QString bytes(const std::optional<QByteArray> &bytes, BytesFormat format, bool singleLine)
{
    if (!bytes)
        return QStringLiteral("null");
    const QByteArray &b = *bytes;
    constexpr qsizetype MaxCell = 300;
    if (format == BytesFormat::Hex) {
        const QByteArray shown = singleLine ? b.left(MaxCell / 3) : b;
        QString hex = QString::fromLatin1(shown.toHex(' '));
        return shown.size() < b.size() ? hex + QStringLiteral(" …") : hex;
    }
    if (format == BytesFormat::Json) {
        if (const std::optional<QString> text = prettyJson(b, singleLine))
            return singleLine && text->size() > MaxCell ? text->left(MaxCell) + QStringLiteral("…") : *text;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(b);
    const bool printable = !decoder.hasError()
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isPrint() || c.isSpace(); });
    if (!printable)
        return topicscope::ui::format::bytes(bytes, BytesFormat::Hex, singleLine);
    if (singleLine) {
        text.replace(QLatin1Char('\n'), QStringLiteral("⏎"));
        if (text.size() > MaxCell)
            text = text.left(MaxCell) + QStringLiteral("…");
    }
    return text;
}

} // namespace topicscope::ui::format
