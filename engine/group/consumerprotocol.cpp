#include "group/consumerprotocol.h"

#include <QtEndian>
#include <algorithm>
#include <limits>

namespace topicscope::engine {

namespace {

// The newest layout this file knows; newer versions only append fields, so they are read as this one.
constexpr qint16 kLatestVersion = 3;

class Writer {
public:
    void int16(qint16 v)
    {
        char b[2];
        qToBigEndian(v, b);
        m_out.append(b, 2);
    }
    void int32(qint32 v)
    {
        char b[4];
        qToBigEndian(v, b);
        m_out.append(b, 4);
    }
    void string(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        int16(static_cast<qint16>(std::min<qsizetype>(utf8.size(), std::numeric_limits<qint16>::max())));
        m_out.append(utf8.left(std::numeric_limits<qint16>::max()));
    }
    void nullableString(const std::optional<QString> &s)
    {
        if (s)
            string(*s);
        else
            int16(-1);
    }
    void nullableBytes(const std::optional<QByteArray> &b)
    {
        if (!b) {
            int32(-1);
            return;
        }
        int32(static_cast<qint32>(b->size()));
        m_out.append(*b);
    }
    // [topic string, partitions [int32]], one entry per topic, in topic then partition order (as Java writes it).
    void topicPartitions(QList<TopicPartition> partitions)
    {
        std::sort(partitions.begin(), partitions.end());
        QList<std::pair<QString, QList<qint32>>> grouped;
        for (const TopicPartition &tp : std::as_const(partitions)) {
            if (grouped.isEmpty() || grouped.last().first != tp.topic)
                grouped.append({tp.topic, {}});
            grouped.last().second.append(tp.partition);
        }
        int32(static_cast<qint32>(grouped.size()));
        for (const auto &[topic, numbers] : std::as_const(grouped)) {
            string(topic);
            int32(static_cast<qint32>(numbers.size()));
            for (const qint32 p : numbers)
                int32(p);
        }
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

// Bounds-checked big-endian reader: every read fails (and stays failed) instead of running past the end.
class Reader {
public:
    explicit Reader(const QByteArray &bytes)
        : m_p(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
    { }

    bool ok() const { return m_ok; }
    qsizetype remaining() const { return m_end - m_p; }

    qint16 int16()
    {
        if (!need(2))
            return 0;
        const auto v = qFromBigEndian<qint16>(m_p);
        m_p += 2;
        return v;
    }
    qint32 int32()
    {
        if (!need(4))
            return 0;
        const auto v = qFromBigEndian<qint32>(m_p);
        m_p += 4;
        return v;
    }
    std::optional<QString> nullableString()
    {
        const qint16 length = int16();
        if (!m_ok || length < -1)
            return fail<QString>();
        if (length == -1)
            return std::nullopt;
        if (!need(length))
            return std::nullopt;
        QString s = QString::fromUtf8(m_p, length);
        m_p += length;
        return s;
    }
    QString string()
    {
        auto s = nullableString();
        if (!s)
            m_ok = false;
        return s.value_or(QString());
    }
    std::optional<QByteArray> nullableBytes()
    {
        const qint32 length = int32();
        if (!m_ok || length < -1)
            return fail<QByteArray>();
        if (length == -1)
            return std::nullopt;
        if (!need(length))
            return std::nullopt;
        QByteArray b(m_p, length);
        m_p += length;
        return b;
    }
    // A non-nullable array's element count, refused when even the smallest elements could not fit, so
    // garbage counts never drive a large allocation.
    qint32 arrayCount(int minElementSize)
    {
        const qint32 count = int32();
        if (!m_ok || count < 0 || count > remaining() / minElementSize) {
            m_ok = false;
            return 0;
        }
        return count;
    }
    QList<TopicPartition> topicPartitions()
    {
        QList<TopicPartition> out;
        const qint32 topics = arrayCount(2 + 4);
        for (qint32 i = 0; i < topics && m_ok; ++i) {
            const QString topic = string();
            const qint32 partitions = arrayCount(4);
            for (qint32 j = 0; j < partitions && m_ok; ++j)
                out.append({topic, int32()});
        }
        return out;
    }

private:
    bool need(qsizetype n)
    {
        if (!m_ok || remaining() < n)
            m_ok = false;
        return m_ok;
    }
    template <typename T> std::optional<T> fail()
    {
        m_ok = false;
        return std::nullopt;
    }

    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

} // namespace

QByteArray ConsumerProtocol::encodeSubscription(const ConsumerSubscription &subscription)
{
    const qint16 version = std::clamp<qint16>(subscription.version, 0, kLatestVersion);
    Writer w;
    w.int16(version);
    QStringList topics = subscription.topics;
    topics.sort(); // Java's ConsumerProtocol sorts them too, so equal subscriptions give equal bytes.
    w.int32(static_cast<qint32>(topics.size()));
    for (const QString &topic : std::as_const(topics))
        w.string(topic);
    w.nullableBytes(subscription.userData);
    if (version >= 1)
        w.topicPartitions(subscription.ownedPartitions);
    if (version >= 2)
        w.int32(subscription.generationId);
    if (version >= 3)
        w.nullableString(subscription.rackId);
    return w.take();
}

std::optional<ConsumerSubscription> ConsumerProtocol::decodeSubscription(const QByteArray &bytes)
{
    Reader r(bytes);
    ConsumerSubscription s;
    s.version = r.int16();
    if (!r.ok() || s.version < 0)
        return std::nullopt;
    const qint32 topicCount = r.arrayCount(2);
    for (qint32 i = 0; i < topicCount && r.ok(); ++i)
        s.topics.append(r.string());
    s.userData = r.nullableBytes();
    if (s.version >= 1)
        s.ownedPartitions = r.topicPartitions();
    if (s.version >= 2)
        s.generationId = r.int32();
    if (s.version >= 3)
        s.rackId = r.nullableString();
    // Trailing bytes are allowed: they are fields of a newer version (and kafka-python ignores them too).
    if (!r.ok())
        return std::nullopt;
    return s;
}

QByteArray ConsumerProtocol::encodeAssignment(const ConsumerAssignment &assignment)
{
    Writer w;
    w.int16(std::clamp<qint16>(assignment.version, 0, kLatestVersion));
    w.topicPartitions(assignment.partitions);
    w.nullableBytes(assignment.userData);
    return w.take();
}

std::optional<ConsumerAssignment> ConsumerProtocol::decodeAssignment(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return ConsumerAssignment {};
    Reader r(bytes);
    ConsumerAssignment a;
    a.version = r.int16();
    if (!r.ok() || a.version < 0)
        return std::nullopt;
    a.partitions = r.topicPartitions();
    a.userData = r.nullableBytes();
    if (!r.ok())
        return std::nullopt;
    return a;
}

QByteArray ConsumerProtocol::emptyAssignment()
{
    return encodeAssignment(ConsumerAssignment {0, {}, QByteArray()});
}

} // namespace topicscope::engine
