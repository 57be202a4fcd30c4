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
constexpr qint16 ConsumerGroupValueVersion = 0; // every consumer-group value: v0, flexible
// Consumer-group keys: the key version names the record type, 3 (group epoch) to 8 (current assignment).
constexpr qint16 ConsumerGroupMetadataKeyVersion = 3;
constexpr qint16 ConsumerGroupCurrentAssignmentKeyVersion = 8;

ConsumerOffsetsKey::Kind kindOfKeyVersion(qint16 version)
{
    using Kind = ConsumerOffsetsKey::Kind;
    static constexpr Kind kinds[] = {Kind::OffsetCommit, Kind::OffsetCommit, Kind::GroupMetadata,
        Kind::ConsumerGroupMetadata, Kind::ConsumerGroupPartitionMetadata, Kind::ConsumerGroupMemberMetadata,
        Kind::ConsumerGroupTargetAssignmentMetadata, Kind::ConsumerGroupTargetAssignmentMember,
        Kind::ConsumerGroupCurrentMemberAssignment};
    return kinds[version];
}

qint16 keyVersionOf(ConsumerOffsetsKey::Kind kind)
{
    for (qint16 v = ConsumerGroupMetadataKeyVersion; v <= ConsumerGroupCurrentAssignmentKeyVersion; ++v) {
        if (kindOfKeyVersion(v) == kind)
            return v;
    }
    return kind == ConsumerOffsetsKey::Kind::GroupMetadata ? 2 : 1;
}

bool hasMemberId(ConsumerOffsetsKey::Kind kind)
{
    return kind == ConsumerOffsetsKey::Kind::ConsumerGroupMemberMetadata
        || kind == ConsumerOffsetsKey::Kind::ConsumerGroupTargetAssignmentMember
        || kind == ConsumerOffsetsKey::Kind::ConsumerGroupCurrentMemberAssignment;
}

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
    // The flexible encoding's types (the consumer-group values are all flexible).
    void uvarint(quint32 v)
    {
        while (v >= 0x80) {
            m_out.append(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        m_out.append(static_cast<char>(v));
    }
    void compactLength(qsizetype n) { uvarint(static_cast<quint32>(n + 1)); }
    void compactNullableString(const std::optional<QString> &s)
    {
        if (!s)
            return uvarint(0);
        const QByteArray utf8 = s->toUtf8();
        compactLength(utf8.size());
        m_out.append(utf8);
    }
    void compactString(const QString &s) { compactNullableString(s); }
    void uuid(const TopicId &id) { m_out.append(id.toByteArray()); }
    void noTaggedFields() { uvarint(0); }
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
    TopicId uuid()
    {
        if (!need(TopicId::Size))
            return {};
        const TopicId id = TopicId::fromBytes(m_in.sliced(m_pos, TopicId::Size));
        m_pos += TopicId::Size;
        return id;
    }
    // An array's element count, refused (ok = false) when negative or larger than the bytes left could hold.
    qint64 count()
    {
        const qint64 n = arrayLength();
        if (n < 0 || n > m_in.size() - m_pos)
            m_ok = false;
        return m_ok ? n : 0;
    }
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
    if (!r.ok() || key.version < 0 || key.version > ConsumerGroupCurrentAssignmentKeyVersion)
        return std::nullopt;
    key.group = r.string();
    if (key.version <= OffsetCommitKeyVersion) {
        key.topicPartition.topic = r.string();
        key.topicPartition.partition = r.integer<qint32>();
    } else {
        key.kind = kindOfKeyVersion(key.version);
        if (hasMemberId(key.kind))
            key.memberId = r.string();
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

// ---- consumer-protocol groups (KIP-848): keys 3-8, flexible values v0 ----

namespace {

void writeTopicPartitions(Writer &w, const QList<ConsumerGroupTopicPartitions> &topics)
{
    w.compactLength(topics.size());
    for (const ConsumerGroupTopicPartitions &t : topics) {
        w.uuid(t.topicId);
        w.compactLength(t.partitions.size());
        for (qint32 p : t.partitions)
            w.integer<qint32>(p);
        w.noTaggedFields();
    }
}

QList<ConsumerGroupTopicPartitions> readTopicPartitions(Reader &r)
{
    QList<ConsumerGroupTopicPartitions> topics;
    const qint64 count = r.count();
    for (qint64 i = 0; i < count && r.ok(); ++i) {
        ConsumerGroupTopicPartitions t;
        t.topicId = r.uuid();
        const qint64 partitions = r.count();
        for (qint64 j = 0; j < partitions && r.ok(); ++j)
            t.partitions.append(r.integer<qint32>());
        r.taggedFields();
        topics.append(t);
    }
    return topics;
}

// Starts a flexible value: reads its version, which must be 0.
bool openValue(Reader &r)
{
    return r.integer<qint16>() == ConsumerGroupValueVersion && r.ok();
}

// Ends it: the value's tagged fields (Kafka may add some, e.g. a classic member's metadata), then nothing more.
template <typename T> std::optional<T> closeValue(Reader &r, T value)
{
    r.taggedFields();
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return value;
}

QByteArray epochValue(qint32 epoch)
{
    Writer w;
    w.integer<qint16>(ConsumerGroupValueVersion);
    w.integer<qint32>(epoch);
    w.noTaggedFields();
    return w.take();
}

} // namespace

QByteArray ConsumerOffsetsRecords::encodeConsumerGroupKey(
    ConsumerOffsetsKey::Kind kind, const QString &group, const QString &memberId)
{
    Writer w;
    w.integer<qint16>(keyVersionOf(kind));
    w.string(group);
    if (hasMemberId(kind))
        w.string(memberId);
    return w.take();
}

QByteArray ConsumerOffsetsRecords::encodeConsumerGroupMetadataValue(qint32 groupEpoch)
{
    return epochValue(groupEpoch);
}

QByteArray ConsumerOffsetsRecords::encodeConsumerGroupTargetAssignmentMetadataValue(qint32 assignmentEpoch)
{
    return epochValue(assignmentEpoch);
}

QByteArray ConsumerOffsetsRecords::encodeConsumerGroupPartitionMetadataValue(
    const QList<ConsumerGroupTopicMetadata> &topics)
{
    Writer w;
    w.integer<qint16>(ConsumerGroupValueVersion);
    w.compactLength(topics.size());
    for (const ConsumerGroupTopicMetadata &t : topics) {
        w.uuid(t.topicId);
        w.compactString(t.topicName);
        w.integer<qint32>(t.numPartitions);
        w.compactLength(0); // PartitionMetadata (racks): unused since Kafka 4.0
        w.noTaggedFields();
    }
    w.noTaggedFields();
    return w.take();
}

QByteArray ConsumerOffsetsRecords::encodeConsumerGroupMemberMetadataValue(
    const ConsumerGroupMemberMetadataRecordValue &value)
{
    Writer w;
    w.integer<qint16>(ConsumerGroupValueVersion);
    w.compactNullableString(value.instanceId);
    w.compactNullableString(value.rackId);
    w.compactString(value.clientId);
    w.compactString(value.clientHost);
    w.compactLength(value.subscribedTopicNames.size());
    for (const QString &topic : value.subscribedTopicNames)
        w.compactString(topic);
    w.compactNullableString(value.subscribedTopicRegex);
    w.integer<qint32>(value.rebalanceTimeoutMs);
    w.compactNullableString(value.serverAssignor);
    w.noTaggedFields();
    return w.take();
}

QByteArray ConsumerOffsetsRecords::encodeConsumerGroupTargetAssignmentMemberValue(
    const QList<ConsumerGroupTopicPartitions> &partitions)
{
    Writer w;
    w.integer<qint16>(ConsumerGroupValueVersion);
    writeTopicPartitions(w, partitions);
    w.noTaggedFields();
    return w.take();
}

QByteArray ConsumerOffsetsRecords::encodeConsumerGroupCurrentAssignmentValue(
    const ConsumerGroupCurrentAssignmentRecordValue &value)
{
    Writer w;
    w.integer<qint16>(ConsumerGroupValueVersion);
    w.integer<qint32>(value.memberEpoch);
    w.integer<qint32>(value.previousMemberEpoch);
    w.integer<qint8>(value.state);
    writeTopicPartitions(w, value.assignedPartitions);
    writeTopicPartitions(w, value.partitionsPendingRevocation);
    w.noTaggedFields();
    return w.take();
}

std::optional<qint32> ConsumerOffsetsRecords::decodeConsumerGroupEpochValue(QByteArrayView bytes)
{
    Reader r(bytes, true);
    if (!openValue(r))
        return std::nullopt;
    const qint32 epoch = r.integer<qint32>();
    return closeValue(r, epoch);
}

std::optional<QList<ConsumerGroupTopicMetadata>> ConsumerOffsetsRecords::decodeConsumerGroupPartitionMetadataValue(
    QByteArrayView bytes)
{
    Reader r(bytes, true);
    if (!openValue(r))
        return std::nullopt;
    QList<ConsumerGroupTopicMetadata> topics;
    const qint64 count = r.count();
    for (qint64 i = 0; i < count && r.ok(); ++i) {
        ConsumerGroupTopicMetadata t;
        t.topicId = r.uuid();
        t.topicName = r.string();
        t.numPartitions = r.integer<qint32>();
        const qint64 racked = r.count();
        for (qint64 j = 0; j < racked && r.ok(); ++j) {
            r.integer<qint32>(); // partition
            const qint64 racks = r.count();
            for (qint64 k = 0; k < racks && r.ok(); ++k)
                r.string();
            r.taggedFields();
        }
        r.taggedFields();
        topics.append(t);
    }
    return closeValue(r, topics);
}

std::optional<ConsumerGroupMemberMetadataRecordValue> ConsumerOffsetsRecords::decodeConsumerGroupMemberMetadataValue(
    QByteArrayView bytes)
{
    Reader r(bytes, true);
    if (!openValue(r))
        return std::nullopt;
    ConsumerGroupMemberMetadataRecordValue value;
    value.instanceId = r.nullableString();
    value.rackId = r.nullableString();
    value.clientId = r.string();
    value.clientHost = r.string();
    const qint64 count = r.count();
    for (qint64 i = 0; i < count && r.ok(); ++i)
        value.subscribedTopicNames.append(r.string());
    value.subscribedTopicRegex = r.nullableString();
    value.rebalanceTimeoutMs = r.integer<qint32>();
    value.serverAssignor = r.nullableString();
    return closeValue(r, value);
}

std::optional<QList<ConsumerGroupTopicPartitions>>
ConsumerOffsetsRecords::decodeConsumerGroupTargetAssignmentMemberValue(QByteArrayView bytes)
{
    Reader r(bytes, true);
    if (!openValue(r))
        return std::nullopt;
    const QList<ConsumerGroupTopicPartitions> partitions = readTopicPartitions(r);
    return closeValue(r, partitions);
}

std::optional<ConsumerGroupCurrentAssignmentRecordValue>
ConsumerOffsetsRecords::decodeConsumerGroupCurrentAssignmentValue(QByteArrayView bytes)
{
    Reader r(bytes, true);
    if (!openValue(r))
        return std::nullopt;
    ConsumerGroupCurrentAssignmentRecordValue value;
    value.memberEpoch = r.integer<qint32>();
    value.previousMemberEpoch = r.integer<qint32>();
    value.state = r.integer<qint8>();
    value.assignedPartitions = readTopicPartitions(r);
    value.partitionsPendingRevocation = readTopicPartitions(r);
    return closeValue(r, value);
}

QString ConsumerOffsetsRecords::describeKey(const std::optional<QByteArray> &key)
{
    const std::optional<ConsumerOffsetsKey> k = key ? decodeKey(*key) : std::nullopt;
    if (!k)
        return {};
    using Kind = ConsumerOffsetsKey::Kind;
    switch (k->kind) {
    case Kind::OffsetCommit:
        break;
    case Kind::GroupMetadata:
        return QStringLiteral("group metadata %1").arg(k->group);
    case Kind::ConsumerGroupMetadata:
        return QStringLiteral("consumer group epoch %1").arg(k->group);
    case Kind::ConsumerGroupPartitionMetadata:
        return QStringLiteral("consumer group subscribed topics %1").arg(k->group);
    case Kind::ConsumerGroupMemberMetadata:
        return QStringLiteral("consumer group member %1 member=%2").arg(k->group, k->memberId);
    case Kind::ConsumerGroupTargetAssignmentMetadata:
        return QStringLiteral("consumer group target epoch %1").arg(k->group);
    case Kind::ConsumerGroupTargetAssignmentMember:
        return QStringLiteral("consumer group target %1 member=%2").arg(k->group, k->memberId);
    case Kind::ConsumerGroupCurrentMemberAssignment:
        return QStringLiteral("consumer group assignment %1 member=%2").arg(k->group, k->memberId);
    }
    return QStringLiteral("offset commit group=%1 topic=%2 partition=%3")
        .arg(k->group, k->topicPartition.topic)
        .arg(k->topicPartition.partition);
}

namespace {

QString partitionsText(const QList<ConsumerGroupTopicPartitions> &topics)
{
    QStringList parts;
    for (const ConsumerGroupTopicPartitions &t : topics) {
        QStringList partitions;
        for (qint32 p : t.partitions)
            partitions.append(QString::number(p));
        parts.append(QStringLiteral("%1:%2").arg(t.topicId.toString(), partitions.join(QLatin1Char(','))));
    }
    return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
}

QString memberStateName(qint8 state)
{
    switch (state) {
    case 0:
        return QStringLiteral("stable");
    case 1:
        return QStringLiteral("unrevoked_partitions");
    case 2:
        return QStringLiteral("unreleased_partitions");
    }
    return QStringLiteral("unknown(%1)").arg(state);
}

// The value of a consumer-group record (keys 3-8) as text; empty when it does not decode. Topics are shown by id:
// the records carry ids, and the browser has no broker to name them.
QString describeConsumerGroupValue(ConsumerOffsetsKey::Kind kind, QByteArrayView value)
{
    using Kind = ConsumerOffsetsKey::Kind;
    using R = ConsumerOffsetsRecords;
    switch (kind) {
    case Kind::ConsumerGroupMetadata:
    case Kind::ConsumerGroupTargetAssignmentMetadata:
        if (const auto epoch = R::decodeConsumerGroupEpochValue(value))
            return QStringLiteral("epoch %1").arg(*epoch);
        break;
    case Kind::ConsumerGroupPartitionMetadata:
        if (const auto topics = R::decodeConsumerGroupPartitionMetadataValue(value)) {
            QStringList parts;
            for (const ConsumerGroupTopicMetadata &t : *topics)
                parts.append(QStringLiteral("%1 (%2) %3 partition(s)")
                                 .arg(t.topicName, t.topicId.toString())
                                 .arg(t.numPartitions));
            return QStringLiteral("topics [%1]").arg(parts.join(QStringLiteral(", ")));
        }
        break;
    case Kind::ConsumerGroupMemberMetadata:
        if (const auto m = R::decodeConsumerGroupMemberMetadataValue(value)) {
            QString text = QStringLiteral("client %1 host %2 subscribed [%3]")
                               .arg(m->clientId, m->clientHost, m->subscribedTopicNames.join(QLatin1Char(',')));
            if (m->subscribedTopicRegex)
                text += QStringLiteral(" regex %1").arg(*m->subscribedTopicRegex);
            if (m->instanceId)
                text += QStringLiteral(" instance %1").arg(*m->instanceId);
            if (m->rackId)
                text += QStringLiteral(" rack %1").arg(*m->rackId);
            if (m->serverAssignor)
                text += QStringLiteral(" assignor %1").arg(*m->serverAssignor);
            return text + QStringLiteral(" rebalance timeout %1 ms").arg(m->rebalanceTimeoutMs);
        }
        break;
    case Kind::ConsumerGroupTargetAssignmentMember:
        if (const auto partitions = R::decodeConsumerGroupTargetAssignmentMemberValue(value))
            return partitionsText(*partitions);
        break;
    case Kind::ConsumerGroupCurrentMemberAssignment:
        if (const auto a = R::decodeConsumerGroupCurrentAssignmentValue(value)) {
            QString text = QStringLiteral("epoch %1 (previous %2) %3 assigned %4")
                               .arg(a->memberEpoch)
                               .arg(a->previousMemberEpoch)
                               .arg(memberStateName(a->state), partitionsText(a->assignedPartitions));
            if (!a->partitionsPendingRevocation.isEmpty())
                text += QStringLiteral(" revoking %1").arg(partitionsText(a->partitionsPendingRevocation));
            return text;
        }
        break;
    case Kind::OffsetCommit:
    case Kind::GroupMetadata:
        break;
    }
    return {};
}

} // namespace

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
    if (const ConsumerOffsetsKey::Kind kind = decodeKey(*key)->kind; kind != ConsumerOffsetsKey::Kind::GroupMetadata) {
        const QString text = describeConsumerGroupValue(kind, *value);
        return head + (text.isEmpty() ? QStringLiteral(" (value does not decode)") : QLatin1Char(' ') + text);
    }
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
