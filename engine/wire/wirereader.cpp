#include "wirereader.h"

#include <QtEndian>

namespace topicscope::engine::wire {

void WireReader::fail(const QString &why)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1 at byte %2").arg(why).arg(m_pos);
}

bool WireReader::need(qsizetype n, const char *what)
{
    if (!ok())
        return false;
    if (n < 0 || n > m_data.size() - m_pos) {
        fail(QStringLiteral("truncated %1 (needs %2 bytes, %3 left)")
                 .arg(QLatin1String(what))
                 .arg(n)
                 .arg(m_data.size() - m_pos));
        return false;
    }
    return true;
}

QByteArrayView WireReader::take(qsizetype n)
{
    const QByteArrayView view = m_data.sliced(m_pos, n);
    m_pos += n;
    return view;
}

qint8 WireReader::int8()
{
    if (!need(1, "int8"))
        return 0;
    return static_cast<qint8>(take(1)[0]);
}

qint16 WireReader::int16()
{
    if (!need(2, "int16"))
        return 0;
    return qFromBigEndian<qint16>(take(2).data());
}

qint32 WireReader::int32()
{
    if (!need(4, "int32"))
        return 0;
    return qFromBigEndian<qint32>(take(4).data());
}

qint64 WireReader::int64()
{
    if (!need(8, "int64"))
        return 0;
    return qFromBigEndian<qint64>(take(8).data());
}

bool WireReader::boolean()
{
    return int8() != 0;
}

quint64 WireReader::uvarlong()
{
    quint64 value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
        if (!need(1, "varint"))
            return 0;
        const auto byte = static_cast<quint8>(take(1)[0]);
        value |= static_cast<quint64>(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return value;
    }
    fail(QStringLiteral("varint longer than 10 bytes"));
    return 0;
}

quint32 WireReader::uvarint()
{
    const qsizetype start = m_pos;
    const quint64 value = uvarlong();
    if (ok() && (m_pos - start > 5 || value > 0xffffffffULL)) {
        fail(QStringLiteral("unsigned varint does not fit 32 bits"));
        return 0;
    }
    return static_cast<quint32>(value);
}

qint32 WireReader::varint()
{
    const quint32 raw = uvarint();
    return static_cast<qint32>((raw >> 1) ^ (~(raw & 1) + 1));
}

qint64 WireReader::varlong()
{
    const quint64 raw = uvarlong();
    return static_cast<qint64>((raw >> 1) ^ (~(raw & 1) + 1));
}

std::optional<QString> WireReader::nullableString(bool compact)
{
    qint64 length;
    if (compact)
        length = static_cast<qint64>(uvarint()) - 1;
    else
        length = int16();
    if (!ok())
        return QString();
    if (length < -1) {
        fail(QStringLiteral("negative string length %1").arg(length));
        return QString();
    }
    if (length == -1)
        return std::nullopt;
    if (!need(length, "string"))
        return QString();
    return QString::fromUtf8(take(length));
}

QString WireReader::string(bool compact)
{
    const std::optional<QString> value = nullableString(compact);
    if (!value) {
        fail(QStringLiteral("null in a non-nullable string"));
        return QString();
    }
    return *value;
}

std::optional<QByteArray> WireReader::nullableBytes(bool compact)
{
    const std::optional<QByteArrayView> view = nullableBytesView(compact);
    if (!view)
        return std::nullopt;
    return view->toByteArray();
}

std::optional<QByteArrayView> WireReader::nullableBytesView(bool compact)
{
    qint64 length;
    if (compact)
        length = static_cast<qint64>(uvarint()) - 1;
    else
        length = int32();
    if (!ok())
        return QByteArrayView();
    if (length < -1) {
        fail(QStringLiteral("negative bytes length %1").arg(length));
        return QByteArrayView();
    }
    if (length == -1)
        return std::nullopt;
    if (!need(length, "bytes"))
        return QByteArrayView();
    return take(length);
}

QByteArray WireReader::bytes(bool compact)
{
    const std::optional<QByteArray> value = nullableBytes(compact);
    if (!value) {
        fail(QStringLiteral("null in non-nullable bytes"));
        return QByteArray();
    }
    return *value;
}

qint32 WireReader::arrayLength(bool compact, int minElementSize)
{
    qint64 count;
    if (compact)
        count = static_cast<qint64>(uvarint()) - 1;
    else
        count = int32();
    if (!ok())
        return 0;
    if (count < -1) {
        fail(QStringLiteral("negative array length %1").arg(count));
        return 0;
    }
    if (count > 0 && count > (m_data.size() - m_pos) / qMax(1, minElementSize)) {
        fail(QStringLiteral("array of %1 elements cannot fit in %2 bytes").arg(count).arg(m_data.size() - m_pos));
        return 0;
    }
    return static_cast<qint32>(count);
}

QByteArray WireReader::uuid()
{
    if (!need(16, "uuid"))
        return QByteArray(16, '\0');
    return take(16).toByteArray();
}

void WireReader::skipTaggedFields()
{
    const quint32 count = uvarint();
    for (quint32 i = 0; i < count && ok(); ++i) {
        uvarint(); // tag
        const quint32 size = uvarint();
        if (need(size, "tagged field"))
            take(size);
    }
}

} // namespace topicscope::engine::wire
