#include "format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QStringDecoder>

namespace topicscope::ui::format {

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
        return ms == Day ? QCoreApplication::translate("topicscope::ui::Format", "1 day")
                         : QCoreApplication::translate("topicscope::ui::Format", "%1 days").arg(ms / Day);
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
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(b, &error);
        if (error.error == QJsonParseError::NoError && !doc.isNull()) {
            const QString text
                = QString::fromUtf8(doc.toJson(singleLine ? QJsonDocument::Compact : QJsonDocument::Indented));
            return singleLine && text.size() > MaxCell ? text.left(MaxCell) + QStringLiteral("…") : text.trimmed();
        }
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
