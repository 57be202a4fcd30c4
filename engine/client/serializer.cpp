#include "serializer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringDecoder>
#include <QtEndian>
#include <limits>

namespace topicscope::engine {

namespace {

// QJsonDocument holds only objects and arrays, but Kafka's JSON serdes accept any JSON value (a bare number or
// string is a valid record value), so the text is parsed as the single element of an array.
std::optional<QJsonValue> parseJsonValue(QByteArrayView text, QString *why)
{
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append('[').append(text).append(']');
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
        if (why) {
            *why = parseError.error != QJsonParseError::NoError
                ? QStringLiteral("invalid JSON at byte %1: %2")
                      .arg(std::max(0, parseError.offset - 1))
                      .arg(parseError.errorString())
                : QStringLiteral("invalid JSON: expected exactly one JSON value");
        }
        return std::nullopt;
    }
    return doc.array().at(0);
}

QByteArray jsonText(const QJsonValue &value)
{
    QJsonArray array;
    array.append(value);
    QByteArray text = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

template <typename T> QByteArray bigEndian(T value)
{
    QByteArray out(sizeof(T), Qt::Uninitialized);
    qToBigEndian<T>(value, out.data());
    return out;
}

bool isNull(const std::optional<QVariant> &value)
{
    return !value || !value->isValid();
}

} // namespace

QString Serializer::formatName(SerdeFormat format)
{
    switch (format) {
    case SerdeFormat::String:
        return QStringLiteral("string");
    case SerdeFormat::ByteArray:
        return QStringLiteral("bytes");
    case SerdeFormat::Json:
        return QStringLiteral("json");
    case SerdeFormat::Int32:
        return QStringLiteral("int32");
    case SerdeFormat::Int64:
        return QStringLiteral("int64");
    }
    return {};
}

std::optional<SerdeFormat> Serializer::formatFromName(const QString &name)
{
    for (const SerdeFormat f :
        {SerdeFormat::String, SerdeFormat::ByteArray, SerdeFormat::Json, SerdeFormat::Int32, SerdeFormat::Int64}) {
        if (formatName(f) == name)
            return f;
    }
    return std::nullopt;
}

QString Serializer::name() const
{
    return formatName(m_format);
}

SerializeResult Serializer::serialize(const std::optional<QVariant> &value) const
{
    if (isNull(value))
        return {};
    const QVariant &v = *value;
    const int type = v.metaType().id();
    switch (m_format) {
    case SerdeFormat::String:
        if (type != QMetaType::QString)
            return {std::nullopt,
                QStringLiteral("string serializer expects text, got %1").arg(QLatin1String(v.typeName()))};
        return {v.toString().toUtf8(), {}};
    case SerdeFormat::ByteArray:
        if (type != QMetaType::QByteArray)
            return {std::nullopt,
                QStringLiteral("bytes serializer expects bytes, got %1").arg(QLatin1String(v.typeName()))};
        return {v.toByteArray(), {}};
    case SerdeFormat::Json: {
        if (type == QMetaType::QString || type == QMetaType::QByteArray) {
            const QByteArray text = type == QMetaType::QString ? v.toString().toUtf8() : v.toByteArray();
            QString why;
            if (!parseJsonValue(text, &why))
                return {std::nullopt, QStringLiteral("JSON serializer: %1").arg(why)};
            return {text, {}}; // keep the caller's formatting: it is what they typed
        }
        if (type == QMetaType::QJsonValue)
            return {jsonText(v.toJsonValue()), {}};
        if (type == QMetaType::QJsonObject)
            return {QJsonDocument(v.toJsonObject()).toJson(QJsonDocument::Compact), {}};
        if (type == QMetaType::QJsonArray)
            return {QJsonDocument(v.toJsonArray()).toJson(QJsonDocument::Compact), {}};
        if (type == QMetaType::QJsonDocument && !v.toJsonDocument().isNull())
            return {v.toJsonDocument().toJson(QJsonDocument::Compact), {}};
        return {std::nullopt,
            QStringLiteral("JSON serializer expects JSON text or a QJsonValue, got %1")
                .arg(QLatin1String(v.typeName()))};
    }
    case SerdeFormat::Int32:
    case SerdeFormat::Int64: {
        const bool is32 = m_format == SerdeFormat::Int32;
        const QString what = is32 ? QStringLiteral("int32") : QStringLiteral("int64");
        bool ok = false;
        qlonglong n = 0;
        switch (type) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::Short:
        case QMetaType::Long:
        case QMetaType::UInt:
        case QMetaType::UShort:
            n = v.toLongLong(&ok);
            break;
        case QMetaType::ULongLong:
            if (v.toULongLong() <= quint64(std::numeric_limits<qint64>::max())) {
                n = static_cast<qlonglong>(v.toULongLong());
                ok = true;
            }
            break;
        default:
            break;
        }
        if (!ok)
            return {std::nullopt,
                QStringLiteral("%1 serializer expects an integer, got %2").arg(what, QLatin1String(v.typeName()))};
        if (is32) {
            if (n < std::numeric_limits<qint32>::min() || n > std::numeric_limits<qint32>::max())
                return {std::nullopt, QStringLiteral("int32 serializer: %1 does not fit in 32 bits").arg(n)};
            return {bigEndian<qint32>(static_cast<qint32>(n)), {}};
        }
        return {bigEndian<qint64>(n), {}};
    }
    }
    return {std::nullopt, QStringLiteral("unknown serde format")};
}

DeserializeResult Serializer::deserialize(const std::optional<QByteArray> &bytes) const
{
    if (!bytes) {
        if (m_acceptsNull)
            return {};
        return {std::nullopt, QStringLiteral("%1 deserializer: got null, but null is not accepted here").arg(name())};
    }
    const QByteArray &b = *bytes;
    switch (m_format) {
    case SerdeFormat::String: {
        // Kafka's StringDeserializer would substitute U+FFFD silently; surfacing the error teaches more.
        QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
        QString text = decoder(b);
        if (decoder.hasError())
            return {std::nullopt, QStringLiteral("string deserializer: %1 bytes are not valid UTF-8").arg(b.size())};
        return {QVariant(text), {}};
    }
    case SerdeFormat::ByteArray:
        return {QVariant(b), {}};
    case SerdeFormat::Json: {
        QString why;
        const auto value = parseJsonValue(b, &why);
        if (!value)
            return {std::nullopt, QStringLiteral("JSON deserializer: %1").arg(why)};
        return {QVariant::fromValue(*value), {}};
    }
    case SerdeFormat::Int32:
        if (b.size() != 4)
            return {std::nullopt,
                QStringLiteral("int32 deserializer: size of data received is %1 bytes, not 4").arg(b.size())};
        return {QVariant::fromValue(qFromBigEndian<qint32>(b.constData())), {}};
    case SerdeFormat::Int64:
        if (b.size() != 8)
            return {std::nullopt,
                QStringLiteral("int64 deserializer: size of data received is %1 bytes, not 8").arg(b.size())};
        return {QVariant::fromValue(qFromBigEndian<qint64>(b.constData())), {}};
    }
    return {std::nullopt, QStringLiteral("unknown serde format")};
}

QString Serializer::display(const std::optional<QVariant> &value)
{
    if (isNull(value))
        return QStringLiteral("null");
    const QVariant &v = *value;
    switch (v.metaType().id()) {
    case QMetaType::QByteArray:
        return QStringLiteral("0x") + QString::fromLatin1(v.toByteArray().toHex());
    case QMetaType::QJsonValue:
        return QString::fromUtf8(jsonText(v.toJsonValue()));
    default:
        return v.toString();
    }
}

} // namespace topicscope::engine
