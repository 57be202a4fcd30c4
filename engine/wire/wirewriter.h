#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace topicscope::engine::wire {

// Appends Kafka protocol primitives, big-endian, to a growing buffer. The compact flag selects the flexible
// (KIP-482) form of strings, bytes and array lengths. Pure value code, any thread.
class WireWriter {
public:
    WireWriter() = default;

    void int8(qint8 v);
    void int16(qint16 v);
    void int32(qint32 v);
    void int64(qint64 v);
    void boolean(bool v) { int8(v ? 1 : 0); }
    void uvarint(quint64 v);
    void varint(qint64 v); // zig-zag

    void string(const QString &v, bool compact = false);
    void nullableString(const std::optional<QString> &v, bool compact = false);
    void bytes(QByteArrayView v, bool compact = false);
    void bytesLength(qsizetype size, bool compact = false); // the length prefix alone, before bytes written apart
    void nullableBytes(const std::optional<QByteArrayView> &v, bool compact = false);
    void arrayLength(qsizetype count, bool compact = false); // count -1 writes null
    void uuid(QByteArrayView v); // 16 bytes; anything else is written as the all-zero "no id"
    void emptyTaggedFields() { uvarint(0); }
    void raw(QByteArrayView v) { m_data.append(v); }

    // Room for n bytes in all, so that a large body (a Fetch answer's records) is not regrown as it is written.
    void reserve(qsizetype n) { m_data.reserve(n); }
    qsizetype size() const { return m_data.size(); }
    const QByteArray &data() const { return m_data; }
    QByteArray take() { return std::move(m_data); }

private:
    QByteArray m_data;
};

} // namespace topicscope::engine::wire
