#pragma once

#include "errorcode.h"
#include "wire/apikeys.h"
#include "wire/wirereader.h"
#include "wire/wirewriter.h"

#include <QList>
#include <concepts>
#include <optional>
#include <type_traits>
#include <vector>

// One description per message, read in both directions.
//
// Each request and response body is described once, as a function template `describe(io, message)` that lists
// the message's fields in wire order with the versions they exist in, as Kafka's message/*.json does:
//
//     template <class IO, MessageOf<HeartbeatRequest> M>
//     void describe(IO &io, M &m)
//     {
//         io.string(m.groupId);
//         io.int32(m.generationId);
//         io.string(m.memberId);
//         if (io.version() >= 3)
//             io.nullableString(m.groupInstanceId);
//         io.taggedFields();
//     }
//
// The same function decodes (a FieldDecoder fills a mutable message) and encodes (a FieldEncoder reads a const
// one), so a field added for a new version is added once and both directions agree. The flexible encoding of
// KIP-482 is the IO's business, not the description's: strings, bytes and arrays become compact and taggedFields()
// reads or writes a tagged-field section only when the API's version is flexible. Every struct that has a
// describe() names its API with `static constexpr ApiKey apiKey`. Pure value code, any thread.
namespace topicscope::engine::wire {

// M is T or const T: a description template accepts the message its decoder fills and its encoder reads.
template <class M, class T>
concept MessageOf = std::same_as<std::remove_const_t<M>, T>;

// Reads a description's fields from a request or response body. Errors are the reader's (sticky): after the
// first one every field reads as its zero value, arrays stop, and decodeMessage() returns nullopt.
class FieldDecoder {
public:
    FieldDecoder(WireReader &reader, qint16 version, bool flexible)
        : m_r(reader)
        , m_version(version)
        , m_flexible(flexible)
    { }

    qint16 version() const { return m_version; }
    bool flexible() const { return m_flexible; }
    bool ok() const { return m_r.ok(); }

    void int8(qint8 &v) { v = m_r.int8(); }
    void int16(qint16 &v) { v = m_r.int16(); }
    void int32(qint32 &v) { v = m_r.int32(); }
    void int64(qint64 &v) { v = m_r.int64(); }
    void boolean(bool &v) { v = m_r.boolean(); }
    void errorCode(ErrorCode &v) { v = static_cast<ErrorCode>(m_r.int16()); }
    void string(QString &v) { v = m_r.string(m_flexible); }
    void nullableString(std::optional<QString> &v) { v = m_r.nullableString(m_flexible); }
    void bytes(QByteArray &v) { v = m_r.bytes(m_flexible); }
    void nullableBytes(std::optional<QByteArray> &v) { v = m_r.nullableBytes(m_flexible); }
    // Not copied: the message is then valid only while the bytes it was decoded from are.
    void nullableBytes(std::optional<QByteArrayView> &v) { v = m_r.nullableBytesView(m_flexible); }
    // A Kafka uuid (16 bytes), kept as its bytes; all zero is Kafka's "no id".
    void uuid(QByteArray &v) { v = m_r.uuid(); }

    // An array whose elements are described by each(element). minElementSize is the smallest classic encoding of
    // one element, so that a lying count fails the reader before any loop (see arrayLength). In flexible versions an
    // element can be as small as one byte (an empty compact string or array is one byte), so there every element
    // counts as one: still no more elements than bytes left, and never a valid request refused.
    template <class T, class Each> void array(QList<T> &list, int minElementSize, Each &&each)
    {
        list.clear();
        const qint32 count = m_r.arrayLength(m_flexible, m_flexible ? 1 : minElementSize);
        // Kafka's parser refuses null where the schema has no nullable array (nullableArray is for those).
        if (count < 0)
            m_r.fail(QStringLiteral("null in a non-nullable array"));
        for (qint32 i = 0; i < count && m_r.ok(); ++i) {
            T element {};
            each(element);
            list.append(std::move(element));
        }
    }
    // Null (count -1) reads as nullopt.
    template <class T, class Each> void nullableArray(std::optional<QList<T>> &list, int minElementSize, Each &&each)
    {
        list.reset();
        const qint32 count = m_r.arrayLength(m_flexible, m_flexible ? 1 : minElementSize);
        if (count < 0 || !m_r.ok())
            return;
        list.emplace();
        for (qint32 i = 0; i < count && m_r.ok(); ++i) {
            T element {};
            each(element);
            list->append(std::move(element));
        }
    }
    // Arrays of plain int32 (partition indexes, replica ids).
    void int32Array(QList<qint32> &list)
    {
        array(list, 4, [this](qint32 &v) { int32(v); });
    }
    void stringArray(QStringList &list)
    {
        array(list, 1, [this](QString &v) { string(v); });
    }

    // The tagged-field section that ends every struct in a flexible version. The broker knows no tagged field a
    // client sends that would change its answer, so each one is read over (its size says how far) and dropped.
    void taggedFields()
    {
        if (m_flexible)
            m_r.skipTaggedFields();
    }

private:
    WireReader &m_r;
    qint16 m_version;
    bool m_flexible;
};

// Writes a description's fields. Never fails; the message says what to write.
class FieldEncoder {
public:
    FieldEncoder(WireWriter &writer, qint16 version, bool flexible)
        : m_w(writer)
        , m_version(version)
        , m_flexible(flexible)
    { }

    qint16 version() const { return m_version; }
    bool flexible() const { return m_flexible; }
    bool ok() const { return true; }

    void int8(qint8 v) { m_w.int8(v); }
    void int16(qint16 v) { m_w.int16(v); }
    void int32(qint32 v) { m_w.int32(v); }
    void int64(qint64 v) { m_w.int64(v); }
    void boolean(bool v) { m_w.boolean(v); }
    void errorCode(ErrorCode v) { m_w.int16(toWire(v)); }
    void string(const QString &v) { m_w.string(v, m_flexible); }
    void nullableString(const std::optional<QString> &v) { m_w.nullableString(v, m_flexible); }
    // With a piece list set, bytes of at least minimumSize are not copied into the writer: what the writer holds so
    // far becomes a piece, then the bytes themselves (shared), and writing goes on into the emptied writer.
    void splitBytesInto(std::vector<QByteArray> *pieces, qsizetype minimumSize)
    {
        m_pieces = pieces;
        m_minimumPieceSize = minimumSize;
    }
    void bytes(const QByteArray &v)
    {
        if (m_pieces && v.size() >= m_minimumPieceSize) {
            m_w.bytesLength(v.size(), m_flexible);
            m_pieces->push_back(m_w.take());
            m_pieces->push_back(v);
            return;
        }
        m_w.bytes(v, m_flexible);
    }
    void nullableBytes(const std::optional<QByteArray> &v) { m_w.nullableBytes(v, m_flexible); }
    void nullableBytes(const std::optional<QByteArrayView> &v) { m_w.nullableBytes(v, m_flexible); }
    void uuid(const QByteArray &v) { m_w.uuid(v); }

    template <class T, class Each> void array(const QList<T> &list, int /*minElementSize*/, Each &&each)
    {
        m_w.arrayLength(list.size(), m_flexible);
        for (const T &element : list)
            each(element);
    }
    template <class T, class Each>
    void nullableArray(const std::optional<QList<T>> &list, int minElementSize, Each &&each)
    {
        if (!list) {
            m_w.arrayLength(-1, m_flexible);
            return;
        }
        array(*list, minElementSize, std::forward<Each>(each));
    }
    void int32Array(const QList<qint32> &list)
    {
        array(list, 4, [this](qint32 v) { int32(v); });
    }
    void stringArray(const QStringList &list)
    {
        array(list, 1, [this](const QString &v) { string(v); });
    }

    // The broker writes no tagged field: an empty section in flexible versions.
    void taggedFields()
    {
        if (m_flexible)
            m_w.emptyTaggedFields();
    }

private:
    WireWriter &m_w;
    qint16 m_version;
    bool m_flexible;
    std::vector<QByteArray> *m_pieces = nullptr;
    qsizetype m_minimumPieceSize = 0;
};

// A message type with a description: the struct names its API and describe(io, message) exists for both IOs.
template <class T>
concept DescribedMessage = requires(FieldDecoder &in, FieldEncoder &out, T &m, const T &cm)
{
    {
        T::apiKey
        } -> std::convertible_to<ApiKey>;
    describe(in, m);
    describe(out, cm);
};

// Decodes a whole body at the given version; nullopt when it is malformed (the reader says why). Bytes after the
// described fields are left in the reader, as Kafka's parser leaves them.
template <DescribedMessage T> std::optional<T> decodeMessage(WireReader &reader, qint16 version)
{
    T message {};
    FieldDecoder in(reader, version, ApiKeys::isFlexible(static_cast<qint16>(T::apiKey), version));
    describe(in, message);
    if (!reader.ok())
        return std::nullopt;
    return message;
}

// Encodes a whole body (no header) at the given version.
template <DescribedMessage T> QByteArray encodeMessage(const T &message, qint16 version)
{
    WireWriter writer;
    FieldEncoder out(writer, version, ApiKeys::isFlexible(static_cast<qint16>(T::apiKey), version));
    describe(out, message);
    return writer.take();
}

} // namespace topicscope::engine::wire
