#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace topicscope::engine::wire {

// Bounds-checked reader of Kafka protocol primitives over one request body. Never reads past the end and never
// allocates more than the bytes actually present: a length or count larger than what remains fails the reader
// instead. Errors are sticky: after the first failure every read returns a zero value and ok() stays false, so
// decoders read a whole struct and check once. Pure value code, any thread.
class WireReader {
public:
    explicit WireReader(QByteArrayView data)
        : m_data(data)
    { }
    // The reader keeps a view of the bytes, which must outlive it: a temporary would be freed at the end of the
    // statement (an AddressSanitizer run found a test reading one).
    explicit WireReader(QByteArray &&) = delete;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // what failed and where, for the log line
    bool atEnd() const { return m_pos >= m_data.size(); }
    qsizetype position() const { return m_pos; }
    qsizetype remaining() const { return ok() ? m_data.size() - m_pos : 0; }
    void fail(const QString &why);

    qint8 int8();
    qint16 int16();
    qint32 int32();
    qint64 int64();
    bool boolean();
    quint32 uvarint(); // LEB128, at most 5 bytes
    quint64 uvarlong(); // LEB128, at most 10 bytes
    qint32 varint(); // zig-zag
    qint64 varlong(); // zig-zag

    // Strings: int16 length (classic) or uvarint length+1 (compact, flexible versions).
    QString string(bool compact = false);
    std::optional<QString> nullableString(bool compact = false);
    // Bytes: int32 length (classic) or uvarint length+1 (compact).
    QByteArray bytes(bool compact = false);
    std::optional<QByteArray> nullableBytes(bool compact = false);
    // The same, not copied: a view of the bytes the reader reads, valid only while they are.
    std::optional<QByteArrayView> nullableBytesView(bool compact = false);

    // Array element count: int32 (classic) or uvarint count+1 (compact); -1 means null. A count that cannot fit
    // in the remaining bytes (each element takes at least minElementSize) fails the reader, so a lying count
    // never drives an allocation or a long loop.
    qint32 arrayLength(bool compact = false, int minElementSize = 1);

    // A Kafka uuid: 16 raw bytes (all zero means "no id").
    QByteArray uuid();

    // A tagged-field section (KIP-482): every field is skipped; none is known to this broker.
    void skipTaggedFields();

private:
    bool need(qsizetype n, const char *what);
    QByteArrayView take(qsizetype n);

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace topicscope::engine::wire
