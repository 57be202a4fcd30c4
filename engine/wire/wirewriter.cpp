#include "wirewriter.h"

#include <QtEndian>

namespace topicscope::engine::wire {

namespace {
template <typename T> void appendBigEndian(QByteArray &data, T value)
{
    char buf[sizeof(T)];
    qToBigEndian<T>(value, buf);
    data.append(buf, sizeof(T));
}
} // namespace

void WireWriter::int8(qint8 v)
{
    m_data.append(static_cast<char>(v));
}

void WireWriter::int16(qint16 v)
{
    appendBigEndian(m_data, v);
}

void WireWriter::int32(qint32 v)
{
    appendBigEndian(m_data, v);
}

void WireWriter::int64(qint64 v)
{
    appendBigEndian(m_data, v);
}

void WireWriter::uvarint(quint64 v)
{
    while (v >= 0x80) {
        m_data.append(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    m_data.append(static_cast<char>(v));
}

void WireWriter::varint(qint64 v)
{
    uvarint((static_cast<quint64>(v) << 1) ^ static_cast<quint64>(v >> 63));
}

void WireWriter::string(const QString &v, bool compact)
{
    const QByteArray utf8 = v.toUtf8();
    if (compact)
        uvarint(static_cast<quint64>(utf8.size()) + 1);
    else
        int16(static_cast<qint16>(utf8.size()));
    m_data.append(utf8);
}

void WireWriter::nullableString(const std::optional<QString> &v, bool compact)
{
    if (v) {
        string(*v, compact);
    } else if (compact) {
        uvarint(0);
    } else {
        int16(-1);
    }
}

void WireWriter::bytes(QByteArrayView v, bool compact)
{
    bytesLength(v.size(), compact);
    m_data.append(v);
}

void WireWriter::bytesLength(qsizetype size, bool compact)
{
    if (compact)
        uvarint(static_cast<quint64>(size) + 1);
    else
        int32(static_cast<qint32>(size));
}

void WireWriter::nullableBytes(const std::optional<QByteArrayView> &v, bool compact)
{
    if (v) {
        bytes(*v, compact);
    } else if (compact) {
        uvarint(0);
    } else {
        int32(-1);
    }
}

void WireWriter::arrayLength(qsizetype count, bool compact)
{
    if (compact)
        uvarint(static_cast<quint64>(count + 1));
    else
        int32(static_cast<qint32>(count));
}

void WireWriter::uuid(QByteArrayView v)
{
    if (v.size() == 16)
        m_data.append(v);
    else
        m_data.append(QByteArray(16, '\0'));
}

} // namespace topicscope::engine::wire
