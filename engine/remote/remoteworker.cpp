#include "remoteworker.h"

#include "client/grouplag.h"
#include "client/offsetresetplanner.h"
#include "client/producepreview.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <algorithm>

namespace topicscope::engine {

namespace {

constexpr int ConsumePollMs = 100;
// How long one poll may spend reading __consumer_offsets: a big backlog is caught up over several polls.
constexpr int OffsetsTopicBudgetMs = 250;

QList<TopicPartition> partitionsOf(const QList<TopicInfo> &topics)
{
    QList<TopicPartition> all;
    for (const TopicInfo &t : topics) {
        for (const PartitionInfo &p : t.partitions)
            all.append({t.name, p.partition});
    }
    return all;
}

QList<TopicPartition> partitionsOf(const QString &topic, int count)
{
    QList<TopicPartition> all;
    for (int p = 0; p < count; ++p)
        all.append({topic, p});
    return all;
}

QList<GroupDescription> descriptionsOf(const QList<RemoteGroup> &groups)
{
    QList<GroupDescription> out;
    out.reserve(groups.size());
    for (const RemoteGroup &g : groups)
        out.append(g.description);
    return out;
}

// librdkafka's DescribeConsumerGroups gives neither a group's generation (or epoch) nor its leader. When the newest
// generation __consumer_offsets told of has exactly the members the description lists, it is the one the group is
// in: its number and leader fill the description (the Groups view's columns and summary line). Otherwise they stay
// unknown (-1 and empty), and the views say so ("—").
void fillGenerationFromHistory(GroupDescription &group, const GroupHistory &history)
{
    if (group.generationId >= 0 || group.members.isEmpty())
        return;
    const auto newest = std::find_if(history.rows.crbegin(), history.rows.crend(), [&](const GroupGeneration &r) {
        return r.groupId == group.groupId && r.generation > 0 && r.hasSource(GroupGeneration::OffsetsTopic)
            && r.groupType == group.type;
    });
    if (newest == history.rows.crend() || newest->members.size() != group.members.size())
        return;
    for (const GroupMemberDescription &m : group.members) {
        if (std::none_of(newest->members.cbegin(), newest->members.cend(),
                [&](const GenerationMember &g) { return g.memberId == m.memberId; }))
            return;
    }
    group.generationId = newest->generation;
    // A consumer-protocol group (described as one by librdkafka >= 2.10): its generation is the group epoch, which
    // no librdkafka description carries.
    if (group.type == ConsumerGroupType)
        group.groupEpoch = newest->generation;
    if (group.leader.isEmpty())
        group.leader = newest->leader;
}

MessageRow toRow(const rd_kafka_message_t *m)
{
    MessageRow row;
    row.partition = m->partition;
    row.offset = m->offset;
    rd_kafka_timestamp_type_t type;
    row.timestamp = rd_kafka_message_timestamp(m, &type);
    if (m->key)
        row.key = QByteArray(static_cast<const char *>(m->key), static_cast<qsizetype>(m->key_len));
    if (m->payload)
        row.value = QByteArray(static_cast<const char *>(m->payload), static_cast<qsizetype>(m->len));
    rd_kafka_headers_t *headers = nullptr;
    if (rd_kafka_message_headers(m, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR) {
        const char *name = nullptr;
        const void *value = nullptr;
        size_t size = 0;
        for (size_t i = 0; rd_kafka_header_get_all(headers, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
             ++i) {
            RecordHeader h {QByteArray(name), std::nullopt};
            if (value)
                h.value = QByteArray(static_cast<const char *>(value), static_cast<qsizetype>(size));
            row.headers.append(h);
        }
    }
    qsizetype size = (row.key ? row.key->size() : 0) + (row.value ? row.value->size() : 0);
    for (const RecordHeader &h : row.headers)
        size += h.key.size() + (h.value ? h.value->size() : 0);
    row.sizeBytes = static_cast<int>(size);
    return row;
}

} // namespace

RemoteWorker::RemoteWorker(RemoteClusterOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_producer(
          m_client, [this](const QString &topic) { return partitionCount(topic); }, this)
    , m_offsetsReader(m_options.offsetsTopic)
{ }

RemoteWorker::~RemoteWorker() = default;

bool RemoteWorker::open(QString *error)
{
    if (!m_client.open(m_options, &RemoteProducer::onDelivery, &m_producer, error))
        return false;
    const RemoteError e = refreshMetadata();
    if (!e.ok())
        *error = QStringLiteral("cannot reach the cluster at %1: %2").arg(m_options.bootstrapServers, e.message);
    return e.ok();
}

RemoteError RemoteWorker::refreshMetadata()
{
    RemoteMetadata md;
    const RemoteError e = m_client.metadata(&md);
    if (e.ok())
        m_metadata = md;
    return e;
}

int RemoteWorker::partitionCount(const QString &topic)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        for (const TopicInfo &t : std::as_const(m_metadata.topics)) {
            if (t.name == topic)
                return static_cast<int>(t.partitions.size());
        }
        if (attempt == 0 && (!m_client.isOpen() || !refreshMetadata().ok()))
            break;
    }
    return -1;
}

BrokerSnapshot RemoteWorker::readSnapshot()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_client.isOpen()) {
        m_last.takenAtMs = now;
        m_last.connectionError = QStringLiteral("not connected");
        return m_last;
    }
    const RemoteError e = refreshMetadata();
    if (!e.ok()) {
        // The last picture stays on screen, marked as stale by the error.
        m_last.takenAtMs = now;
        m_last.connectionError
            = QStringLiteral("cannot reach the cluster at %1: %2").arg(m_options.bootstrapServers, e.message);
        return m_last;
    }
    BrokerSnapshot s;
    s.takenAtMs = now;
    s.clusterId = m_metadata.clusterId;
    s.controllerId = m_metadata.controllerId;
    s.brokers = m_metadata.brokers;
    m_client.poll(); // the latest statistics
    const QHash<int, QString> states = m_client.brokerStates();
    for (BrokerNode &b : s.brokers)
        b.connectionState = states.value(b.id);
    s.topics = m_metadata.topics;
    const QList<TopicPartition> all = partitionsOf(s.topics);
    QHash<TopicPartition, qint64> logStart;
    QHash<TopicPartition, qint64> logEnd;
    QStringList problems;
    for (const RemoteError &r : {m_client.offsetsAt(all, -2, &logStart), m_client.offsetsAt(all, -1, &logEnd)}) {
        if (!r.ok())
            problems.append(QStringLiteral("offsets: ") + r.message);
    }
    QHash<QString, TopicConfig> configs;
    QStringList names;
    for (const TopicInfo &t : std::as_const(s.topics))
        names.append(t.name);
    if (const RemoteError r = m_client.topicConfigs(names, &configs); !r.ok())
        problems.append(QStringLiteral("topic configs: ") + r.message);
    // A partition whose leader did not answer keeps the offsets read last, marked with the error.
    QHash<TopicPartition, PartitionInfo> previous;
    for (const TopicInfo &t : std::as_const(m_last.topics)) {
        for (const PartitionInfo &p : t.partitions)
            previous.insert({t.name, p.partition}, p);
    }
    for (TopicInfo &t : s.topics) {
        t.config = configs.value(t.name, t.config);
        for (PartitionInfo &p : t.partitions) {
            const TopicPartition tp {t.name, p.partition};
            const PartitionInfo before = previous.value(tp);
            p.logStartOffset = logStart.value(tp, before.logStartOffset);
            p.logEndOffset = logEnd.value(tp, before.logEndOffset);
            if ((!logStart.contains(tp) || !logEnd.contains(tp)) && p.error == 0)
                p.error = RD_KAFKA_RESP_ERR__TIMED_OUT;
        }
    }

    QStringList groupIds;
    QList<RemoteGroup> groups;
    RemoteError r = m_client.listGroups(&groupIds);
    if (r.ok())
        r = m_client.describeGroups(groupIds, &groups);
    if (!r.ok())
        problems.append(QStringLiteral("consumer groups: ") + r.message);
    std::sort(groups.begin(), groups.end(),
        [](const RemoteGroup &a, const RemoteGroup &b) { return a.description.groupId < b.description.groupId; });
    if (m_options.readOffsetsTopic)
        m_offsetsReader.read(m_client, m_metadata.topics, &m_history, OffsetsTopicBudgetMs);
    if (r.ok()) {
        GenerationHistory::Assignments decoded;
        for (const RemoteGroup &g : std::as_const(groups))
            decoded.insert(g.description.groupId, g.assignment);
        // librdkafka 2.0's DescribeConsumerGroups gives no generation: polled rows merge by members and assignment.
        m_history.observe(descriptionsOf(groups), decoded, false, now);
    }
    s.groupHistory = m_history.history();
    s.groupHistory.offsetsTopicAccess
        = m_options.readOffsetsTopic ? m_offsetsReader.access() : GroupHistory::OffsetsTopicAccess::TurnedOff;
    s.groupHistory.offsetsTopic = m_offsetsReader.topic();
    s.groupHistory.offsetsTopicError = m_offsetsReader.error();
    for (const RemoteGroup &g : std::as_const(groups)) {
        s.groups.append(g.description);
        fillGenerationFromHistory(s.groups.last(), s.groupHistory);
        QHash<TopicPartition, qint64> committed;
        if (const RemoteError c = m_client.committedOffsets(g.description.groupId, &committed); !c.ok())
            problems.append(QStringLiteral("offsets of group %1: %2").arg(g.description.groupId, c.message));
        s.groupOffsets.append(GroupLag::compute(g.description.groupId, g.assignment, committed, logEnd));
    }
    // Reachable, but some views are incomplete (a missing ACL, a coordinator moving): said plainly, not hidden.
    s.connectionError = problems.join(QStringLiteral("; "));
    m_last = s;
    return s;
}

RemoteError RemoteWorker::createTopic(const QString &name, int partitions, const TopicConfig &config)
{
    // Only the settings that differ from Kafka's defaults: the cluster's own defaults apply to the others.
    QMap<QString, QString> overrides;
    const QMap<QString, QString> defaults = TopicConfig {}.toKafkaConfigs();
    const QMap<QString, QString> wanted = config.toKafkaConfigs();
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (defaults.value(it.key()) != it.value())
            overrides.insert(it.key(), it.value());
    }
    return m_client.createTopic(name, partitions, overrides);
}

RemoteError RemoteWorker::deleteTopic(const QString &name)
{
    return m_client.deleteTopic(name);
}

RemoteError RemoteWorker::deleteRecords(const TopicPartition &partition, qint64 beforeOffset)
{
    return m_client.deleteRecords(partition, beforeOffset);
}

RemoteError RemoteWorker::deleteGroup(const QString &groupId)
{
    return m_client.deleteGroup(groupId);
}

RemoteError RemoteWorker::createPartitions(const QString &name, int newPartitionCount)
{
    return m_client.createPartitions(name, newPartitionCount);
}

RemoteError RemoteWorker::alterTopicConfig(const QString &name, const TopicConfig &config, const TopicConfig &from)
{
    // Only what differs from what the edit started from is changed (RdKafkaClient::alterTopicConfigs).
    return m_client.alterTopicConfigs(name, config.toKafkaConfigs(), from.toKafkaConfigs());
}

MessagePage RemoteWorker::fetchMessages(const MessageQuery &query)
{
    MessagePage page;
    page.query = query;
    const QByteArray topic = query.topic.toUtf8();
    int64_t low = 0;
    int64_t high = 0;
    if (const rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(
            m_client.consumer(), topic.constData(), query.partition, &low, &high, m_client.timeoutMs())) {
        page.error = static_cast<int>(err);
        page.errorMessage = QStringLiteral("%1-%2: %3")
                                .arg(query.topic)
                                .arg(query.partition)
                                .arg(QString::fromUtf8(rd_kafka_err2str(err)));
        return page;
    }
    page.logStartOffset = low;
    page.logEndOffset = high;
    const qint64 start = std::clamp<qint64>(query.offset, low, high);
    page.nextOffset = start;
    if (start >= high)
        return page;
    // The legacy (simple) consumer: reads one partition from an offset without a group.id, so no group is joined
    // and nothing is committed; stopped again before returning, so memory stays bounded by the page.
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(m_client.consumer(), topic.constData(), nullptr);
    if (!rkt || rd_kafka_consume_start(rkt, query.partition, start) == -1) {
        const rd_kafka_resp_err_t err = rd_kafka_last_error();
        page.error = static_cast<int>(err);
        page.errorMessage = QString::fromUtf8(rd_kafka_err2str(err));
        if (rkt)
            rd_kafka_topic_destroy(rkt);
        return page;
    }
    const QByteArray needle = query.filter.toUtf8();
    const int maxScan = needle.isEmpty() ? query.maxRecords : query.maxScanRecords;
    int scanned = 0;
    QElapsedTimer clock;
    clock.start();
    while (page.nextOffset < high && page.rows.size() < query.maxRecords && scanned < maxScan
        && clock.elapsed() < m_client.timeoutMs()) {
        rd_kafka_message_t *m = rd_kafka_consume(rkt, query.partition, ConsumePollMs);
        if (!m)
            continue;
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            rd_kafka_message_destroy(m);
            break;
        }
        if (m->err) {
            page.error = static_cast<int>(m->err);
            page.errorMessage = QString::fromUtf8(rd_kafka_message_errstr(m));
            rd_kafka_message_destroy(m);
            break;
        }
        ++scanned;
        page.nextOffset = m->offset + 1;
        MessageRow row = toRow(m);
        rd_kafka_message_destroy(m);
        if (needle.isEmpty() || (row.key && row.key->contains(needle)) || (row.value && row.value->contains(needle)))
            page.rows.append(row);
    }
    rd_kafka_consume_stop(rkt, query.partition);
    rd_kafka_topic_destroy(rkt);
    return page;
}

OffsetLookup RemoteWorker::lookupOffsets(const QString &topic, qint64 timestamp)
{
    OffsetLookup lookup;
    lookup.topic = topic;
    lookup.timestamp = timestamp;
    const int count = partitionCount(topic);
    QHash<TopicPartition, qint64> offsets;
    m_client.offsetsAt(partitionsOf(topic, std::max(count, 0)), timestamp, &offsets);
    for (int p = 0; p < count; ++p)
        lookup.offsets.append(offsets.value({topic, p}, -1));
    return lookup;
}

PartitionPreview RemoteWorker::previewPartition(const ProduceRequest &request)
{
    return ProducePreview::preview(request, partitionCount(request.topic));
}

OffsetResetPreview RemoteWorker::previewOffsetReset(const OffsetResetRequest &request)
{
    OffsetResetPreview preview;
    preview.request = request;
    QList<RemoteGroup> groups;
    if (const RemoteError e = m_client.describeGroups({request.groupId}, &groups); !e.ok()) {
        preview.error = e.code;
        preview.errorMessage = QStringLiteral("cannot describe group %1: %2").arg(request.groupId, e.message);
        return preview;
    }
    const QString state = groups.isEmpty() ? QString() : groups.constFirst().description.state;
    if (!state.isEmpty() && state != QLatin1String("Empty") && state != QLatin1String("Dead")) {
        preview.error = static_cast<int>(ErrorCode::NonEmptyGroup);
        preview.errorMessage
            = QStringLiteral("group %1 is %2: stop its consumers first (Kafka resets only Empty groups)")
                  .arg(request.groupId, state);
    }
    const int count = partitionCount(request.topic);
    if (count < 0) {
        preview.error = static_cast<int>(ErrorCode::UnknownTopicOrPartition);
        preview.errorMessage = QStringLiteral("topic %1 does not exist").arg(request.topic);
        return preview;
    }
    const QList<TopicPartition> tps = partitionsOf(request.topic, count);
    QHash<TopicPartition, qint64> committed;
    QHash<TopicPartition, qint64> logStart;
    QHash<TopicPartition, qint64> logEnd;
    QHash<TopicPartition, qint64> atTime;
    QList<RemoteError> errors {m_client.committedOffsets(request.groupId, &committed),
        m_client.offsetsAt(tps, -2, &logStart), m_client.offsetsAt(tps, -1, &logEnd)};
    if (request.strategy == OffsetResetStrategy::Timestamp)
        errors.append(m_client.offsetsAt(tps, request.value, &atTime));
    for (const RemoteError &e : std::as_const(errors)) {
        if (!e.ok() && preview.error == 0) {
            preview.error = e.code;
            preview.errorMessage = e.message;
        }
    }
    for (const TopicPartition &tp : tps) {
        OffsetResetPlanner::add(&preview,
            OffsetResetPlanner::plan(request, tp.partition, committed.value(tp, -1), logStart.value(tp, 0),
                logEnd.value(tp, 0), atTime.value(tp, -1)));
    }
    return preview;
}

RemoteError RemoteWorker::resetOffsets(const OffsetResetRequest &request)
{
    const OffsetResetPreview preview = previewOffsetReset(request);
    if (preview.error != 0)
        return {preview.error, preview.errorMessage};
    QHash<TopicPartition, qint64> offsets;
    for (const OffsetResetPartition &p : preview.partitions)
        offsets.insert({request.topic, p.partition}, p.newOffset);
    return m_client.alterGroupOffsets(request.groupId, offsets);
}

} // namespace topicscope::engine
