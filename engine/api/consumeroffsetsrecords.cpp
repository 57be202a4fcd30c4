#include "consumeroffsetsrecords.h"

#include <QStringList>
#include <QtEndian>

namespace topicscope::engine {

namespace {

constexpr qint16 OffsetCommitKeyVersion = 1;
constexpr qint16 GroupMetadataKeyVersion = 2;
constexpr qint16 OffsetCommitValueVersion = 3; // 1 only when an expire timestamp is set
constexpr qint16 GroupMetadataValueVersion = 3;
constexpr qint16 FirstFlexibleValueVersion = 4;

// Big-endian writer of the non-flexible field types these records use.
class Writer {
public:
    template <typename T> void integer(T v)
    {
        char buf[sizeof(T)];
        qToBigEndian(v, buf);
        m_out.append(buf, sizeof(T));
    }
    void string(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        integer<qint16>(static_cast<qint16>(utf8.size()));
        m_out.append(utf8);
    }
    void nullableString(const std::optional<QString> &s)
    {
        if (s)
            string(*s);
        else
            integer<qint16>(-1);
    }
    void bytes(const QByteArray &b)
    {
        integer<qint32>(static_cast<qint32>(b.size()));
        m_out.append(b);
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

// Reader of both the classic and the flexible (compact, tagged) encodings; any overrun sets ok = false.
class Reader {
public:
    Reader(QByteArrayView in, bool flexible)
        : m_in(in)
        , m_flexible(flexible)
    { }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_in.size(); }
    void setFlexible(bool flexible) { m_flexible = flexible; }

    template <typename T> T integer()
    {
        if (!need(sizeof(T)))
            return T {};
        const T v = qFromBigEndian<T>(m_in.data() + m_pos);
        m_pos += sizeof(T);
        return v;
    }
    quint32 uvarint()
    {
        quint32 v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!need(1))
                return 0;
            const quint8 b = static_cast<quint8>(m_in[m_pos++]);
            v |= quint32(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        m_ok = false;
        return 0;
    }
    // -1 for null.
    qint64 length(bool wide)
    {
        if (m_flexible)
            return static_cast<qint64>(uvarint()) - 1;
        return wide ? integer<qint32>() : integer<qint16>();
    }
    std::optional<QString> nullableString()
    {
        const qint64 n = length(false);
        if (n < 0)
            return std::nullopt;
        if (!need(n))
            return QString();
        const QString s = QString::fromUtf8(m_in.sliced(m_pos, n));
        m_pos += n;
        return s;
    }
    QString string()
    {
        std::optional<QString> s = nullableString();
        if (!s)
            m_ok = false;
        return s.value_or(QString());
    }
    QByteArray bytes()
    {
        const qint64 n = length(true);
        if (n < 0 || !need(n)) {
            m_ok = false;
            return {};
        }
        const QByteArray b = m_in.sliced(m_pos, n).toByteArray();
        m_pos += n;
        return b;
    }
    qint64 arrayLength() { return length(true); }
    void taggedFields()
    {
        if (!m_flexible)
            return;
        const quint32 count = uvarint();
        for (quint32 i = 0; i < count && m_ok; ++i) {
            uvarint(); // tag
            const quint32 size = uvarint();
            if (need(size))
                m_pos += size;
        }
    }

private:
    bool need(qint64 n)
    {
        if (n < 0 || m_pos + n > m_in.size())
            m_ok = false;
        return m_ok;
    }
    QByteArrayView m_in;
    qsizetype m_pos = 0;
    bool m_flexible = false;
    bool m_ok = true;
};

QString orNull(const std::optional<QString> &s)
{
    return s ? *s : QStringLiteral("(null)");
}

} // namespace

int ConsumerOffsetsRecords::partitionFor(const QString &groupId, int partitions)
{
    if (partitions <= 0)
        return 0;
    // Java int arithmetic wraps; unsigned arithmetic does the same without undefined behaviour.
    quint32 hash = 0;
    for (const QChar c : groupId)
        hash = 31 * hash + c.unicode();
    const qint32 h = static_cast<qint32>(hash);
    const qint32 abs = h == std::numeric_limits<qint32>::min() ? 0 : (h < 0 ? -h : h);
    return abs % partitions;
}

QByteArray ConsumerOffsetsRecords::encodeOffsetCommitKey(const QString &group, const TopicPartition &tp)
{
    Writer w;
    w.integer<qint16>(OffsetCommitKeyVersion);
    w.string(group);
    w.string(tp.topic);
    w.integer<qint32>(tp.partition);
    return w.take();
}

QByteArray ConsumerOffsetsRecords::encodeOffsetCommitValue(const OffsetCommitRecordValue &value)
{
    Writer w;
    const bool v1 = value.expireTimestamp >= 0;
    w.integer<qint16>(v1 ? 1 : OffsetCommitValueVersion);
    w.integer<qint64>(value.offset);
    if (!v1)
        w.integer<qint32>(value.leaderEpoch);
    w.string(value.metadata);
    w.integer<qint64>(value.commitTimestamp);
    if (v1)
        w.integer<qint64>(value.expireTimestamp);
    return w.take();
}

QByteArray ConsumerOffsetsRecords::encodeGroupMetadataKey(const QString &group)
{
    Writer w;
    w.integer<qint16>(GroupMetadataKeyVersion);
    w.string(group);
    return w.take();
}

QByteArray ConsumerOffsetsRecords::encodeGroupMetadataValue(const GroupMetadataRecordValue &value)
{
    Writer w;
    w.integer<qint16>(GroupMetadataValueVersion);
    w.string(value.protocolType);
    w.integer<qint32>(value.generation);
    w.nullableString(value.protocol);
    w.nullableString(value.leader);
    w.integer<qint64>(value.currentStateTimestamp);
    w.integer<qint32>(static_cast<qint32>(value.members.size()));
    for (const GroupMetadataRecordMember &m : value.members) {
        w.string(m.memberId);
        w.nullableString(m.groupInstanceId);
        w.string(m.clientId);
        w.string(m.clientHost);
        w.integer<qint32>(m.rebalanceTimeoutMs);
        w.integer<qint32>(m.sessionTimeoutMs);
        w.bytes(m.subscription);
        w.bytes(m.assignment);
    }
    return w.take();
}

std::optional<ConsumerOffsetsKey> ConsumerOffsetsRecords::decodeKey(QByteArrayView bytes)
{
    Reader r(bytes, false);
    ConsumerOffsetsKey key;
    key.version = r.integer<qint16>();
    if (!r.ok() || key.version < 0 || key.version > 2)
        return std::nullopt;
    key.group = r.string();
    if (key.version == 2) {
        key.kind = ConsumerOffsetsKey::Kind::GroupMetadata;
    } else {
        key.topicPartition.topic = r.string();
        key.topicPartition.partition = r.integer<qint32>();
    }
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return key;
}

std::optional<OffsetCommitRecordValue> ConsumerOffsetsRecords::decodeOffsetCommitValue(QByteArrayView bytes)
{
    Reader r(bytes, false);
    const qint16 version = r.integer<qint16>();
    if (!r.ok() || version < 0 || version > FirstFlexibleValueVersion)
        return std::nullopt;
    r.setFlexible(version >= FirstFlexibleValueVersion);
    OffsetCommitRecordValue value;
    value.offset = r.integer<qint64>();
    if (version >= 3)
        value.leaderEpoch = r.integer<qint32>();
    value.metadata = r.string();
    value.commitTimestamp = r.integer<qint64>();
    if (version == 1)
        value.expireTimestamp = r.integer<qint64>();
    r.taggedFields();
    // Kafka ignores trailing bytes of a newer writer only through tagged fields; anything else is malformed.
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return value;
}

std::optional<GroupMetadataRecordValue> ConsumerOffsetsRecords::decodeGroupMetadataValue(QByteArrayView bytes)
{
    Reader r(bytes, false);
    const qint16 version = r.integer<qint16>();
    if (!r.ok() || version < 0 || version > FirstFlexibleValueVersion)
        return std::nullopt;
    r.setFlexible(version >= FirstFlexibleValueVersion);
    GroupMetadataRecordValue value;
    value.protocolType = r.string();
    value.generation = r.integer<qint32>();
    value.protocol = r.nullableString();
    value.leader = r.nullableString();
    if (version >= 2)
        value.currentStateTimestamp = r.integer<qint64>();
    const qint64 count = r.arrayLength();
    if (!r.ok() || count < 0 || count > bytes.size())
        return std::nullopt;
    for (qint64 i = 0; i < count && r.ok(); ++i) {
        GroupMetadataRecordMember m;
        m.memberId = r.string();
        if (version >= 3)
            m.groupInstanceId = r.nullableString();
        m.clientId = r.string();
        m.clientHost = r.string();
        if (version >= 1)
            m.rebalanceTimeoutMs = r.integer<qint32>();
        m.sessionTimeoutMs = r.integer<qint32>();
        m.subscription = r.bytes();
        m.assignment = r.bytes();
        r.taggedFields();
        value.members.append(m);
    }
    r.taggedFields();
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return value;
}

QString ConsumerOffsetsRecords::describeKey(const std::optional<QByteArray> &key)
{
    const std::optional<ConsumerOffsetsKey> k = key ? decodeKey(*key) : std::nullopt;
    if (!k)
        return {};
    if (k->kind == ConsumerOffsetsKey::Kind::GroupMetadata)
        return QStringLiteral("group metadata %1").arg(k->group);
    return QStringLiteral("offset commit group=%1 topic=%2 partition=%3")
        .arg(k->group, k->topicPartition.topic)
        .arg(k->topicPartition.partition);
}

QString ConsumerOffsetsRecords::describe(const std::optional<QByteArray> &key, const std::optional<QByteArray> &value)
{
    const QString head = describeKey(key);
    if (head.isEmpty())
        return {};
    if (decodeKey(*key)->kind == ConsumerOffsetsKey::Kind::OffsetCommit) {
        if (!value)
            return head + QStringLiteral(" -> deleted (tombstone)");
        const std::optional<OffsetCommitRecordValue> v = decodeOffsetCommitValue(*value);
        if (!v)
            return head + QStringLiteral(" -> (value does not decode)");
        QString text = head + QStringLiteral(" -> offset %1").arg(v->offset);
        if (v->leaderEpoch >= 0)
            text += QStringLiteral(" leader epoch %1").arg(v->leaderEpoch);
        if (!v->metadata.isEmpty())
            text += QStringLiteral(" metadata \"%1\"").arg(v->metadata);
        return text + QStringLiteral(" committed at %1").arg(v->commitTimestamp);
    }
    if (!value)
        return head + QStringLiteral(" deleted (tombstone)");
    const std::optional<GroupMetadataRecordValue> v = decodeGroupMetadataValue(*value);
    if (!v)
        return head + QStringLiteral(" (value does not decode)");
    QStringList members;
    for (const GroupMetadataRecordMember &m : v->members) {
        QString member = m.memberId;
        if (m.groupInstanceId)
            member += QStringLiteral(" instance %1").arg(*m.groupInstanceId);
        members.append(member + QStringLiteral(" (client %1, host %2)").arg(m.clientId, m.clientHost));
    }
    return head
        + QStringLiteral(" generation %1 type %2 protocol %3 leader %4 members [%5]")
              .arg(QString::number(v->generation),
                  v->protocolType.isEmpty() ? QStringLiteral("(none)") : v->protocolType, orNull(v->protocol),
                  orNull(v->leader), members.join(QStringLiteral(", ")));
}

} // namespace topicscope::engine
