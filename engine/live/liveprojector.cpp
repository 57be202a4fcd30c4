#include "liveprojector.h"

#include "broker/broker.h"
#include "client/murmur2.h"
#include "live/liverecorder.h"
#include "sim/scenarioformat.h"

#include <algorithm>

namespace topicscope::engine {

LiveProjector::LiveProjector(const LiveRecorder &recorder, qint64 originMs)
    : m_recorder(recorder)
    , m_flow(recorder.recorder(), originMs)
{ }

FlowSnapshot LiveProjector::snapshot(const Broker &broker)
{
    FlowSnapshot s;
    s.title = QStringLiteral("Live broker");
    s.timeMs = m_recorder.now();
    m_flow.project(&broker, {}, s);

    // Log cells: the producing connection of each batch a wire client sent while recording.
    for (FlowTopic &t : s.topics) {
        for (FlowPartition &p : t.partitions) {
            for (FlowRecordCell &cell : p.tail) {
                if (const LiveProducedBatch *b = m_recorder.batchOf({t.name, p.partition}, cell.offset)) {
                    cell.producer = b->producer;
                    cell.timeMs = b->timeMs;
                }
            }
        }
    }
    s.rebalances = rebalances();

    const qint64 nowMs = broker.clock().nowMs();
    for (const LiveClient &p : m_recorder.producers()) {
        if (p.lastMs >= 0 && p.lastMs < nowMs - LingerMs)
            continue;
        FlowProducer f;
        f.id = p.name;
        f.topic = p.lastTopic;
        f.partitioner = QStringLiteral("client's own");
        f.rate = p.rate(nowMs);
        f.running = p.lastMs >= nowMs - 2000;
        f.sent = p.records;
        s.producers << f;
    }
    QMap<QString, const FlowGroup *> groups;
    for (const FlowGroup &g : std::as_const(s.groups))
        groups.insert(g.id, &g);
    for (const LiveMember &m : m_recorder.members()) {
        const LiveClient activity = m_recorder.memberActivity().value(m.name);
        if (!m.active && std::max(activity.lastMs, m.leftMs) < nowMs - LingerMs)
            continue;
        FlowConsumer c;
        c.id = m.name;
        c.group = m.group;
        c.memberId = m.memberId;
        c.generation = m.generation;
        c.assignment = m.assignment;
        c.positions = activity.positions;
        c.processed = int(activity.records);
        c.duplicates = int(activity.redelivered);
        const FlowGroup *g = groups.value(m.group);
        c.assignor = g ? g->protocol : QString();
        c.commitMode = QStringLiteral("client's own");
        if (!m.active)
            c.status = FlowConsumerStatus::Stopped;
        else if (g && g->type == QLatin1String("consumer"))
            // No group-wide barrier: each member is where its own heartbeats took it, behind the group's epoch until
            // its next one.
            c.status = m.reconciling || m.generation < g->generation ? FlowConsumerStatus::Reconciling
                                                                     : FlowConsumerStatus::Running;
        else if (g && g->state != QLatin1String("Stable"))
            c.status = FlowConsumerStatus::Joining;
        else
            c.status = FlowConsumerStatus::Running;
        s.consumers << c;
    }
    for (const LiveClient &p : m_recorder.plainConsumers()) {
        if (p.lastMs < nowMs - LingerMs)
            continue;
        FlowConsumer c;
        c.id = p.name;
        c.positions = p.positions;
        c.assignment = p.positions.keys();
        c.processed = int(p.records);
        c.commitMode = QStringLiteral("client's own");
        c.status = p.lastMs >= nowMs - 5000 ? FlowConsumerStatus::Running : FlowConsumerStatus::Stopped;
        s.consumers << c;
    }
    return s;
}

QList<ScenarioRebalance> LiveProjector::rebalances() const
{
    // Rebalance causes say what kind of change it was, with members by name.
    QList<ScenarioRebalance> out = m_recorder.recording().rebalances;
    for (ScenarioRebalance &r : out) {
        QString reason = r.cause;
        for (const LiveMember &m : m_recorder.members())
            reason.replace(m.memberId, m.name);
        const QString kind = LiveRecorder::causeKind(r.cause);
        r.cause = kind.isEmpty() ? reason : kind + QStringLiteral(": ") + reason;
    }
    return out;
}

QString LiveProjector::partitionCheck(const std::optional<QByteArray> &key, const TopicPartition &tp, int partitions)
{
    if (!key)
        return QStringLiteral("no key: the client chose partition %1 itself (Kafka's clients spread keyless records "
                              "round-robin or sticky)")
            .arg(tp.partition);
    if (partitions <= 0)
        return {};
    const qint32 hash = Murmur2::hash(*key);
    const int expected = Murmur2::toPositive(hash) % partitions;
    const QString maths = QStringLiteral("murmur2(key) = 0x%1 → toPositive %2 % %3 = %4")
                              .arg(quint32(hash), 8, 16, QLatin1Char('0'))
                              .arg(Murmur2::toPositive(hash))
                              .arg(partitions)
                              .arg(expected);
    if (expected == tp.partition)
        return maths + QStringLiteral(": partition %1, as Kafka's default partitioner picks").arg(tp.partition);
    return maths
        + QStringLiteral(", but the record is in partition %1: the client did not use Kafka's default "
                         "murmur2 partitioner (librdkafka's default, consistent_random, hashes keys with "
                         "CRC32), chose the partition itself, or the topic had fewer partitions then")
              .arg(tp.partition);
}

RecordJourney LiveProjector::journey(const Broker &broker, const TopicPartition &tp, qint64 offset) const
{
    RecordJourney j = m_flow.journey(&broker, tp, offset, {});
    if (j.offset < 0)
        return j;
    if (const LiveProducedBatch *b = m_recorder.batchOf(tp, offset)) {
        j.producer = b->producer;
        j.producedAtMs = b->timeMs;
        j.steps << RecordJourney::Step {b->timeMs,
            QStringLiteral("produced by %1 to %2 at offset %3, in a batch of %4 record(s) (offsets %5..%6)")
                .arg(b->producer, tp.toString())
                .arg(offset)
                .arg(b->records)
                .arg(b->baseOffset)
                .arg(b->lastOffset)};
    }
    if (j.found)
        j.partitionDecision = partitionCheck(j.keyBytes, tp, broker.log().partitionCount(tp.topic));
    for (const LiveDelivery &d : m_recorder.deliveries().value(tp)) {
        if (offset < d.firstOffset || offset > d.lastOffset)
            continue;
        const QString who = d.group.isEmpty()
            ? d.consumer
            : QStringLiteral("%1 (group %2, gen %3)").arg(d.consumer, d.group).arg(d.generation);
        if (offset <= d.redeliveredUpTo)
            j.steps << RecordJourney::Step {d.timeMs,
                QStringLiteral("fetched AGAIN by %1: redelivery, %2 had fetched it before")
                    .arg(who, d.earlierFetcher.isEmpty() ? QStringLiteral("an earlier member") : d.earlierFetcher)};
        else
            j.steps << RecordJourney::Step {d.timeMs, QStringLiteral("fetched by %1").arg(who)};
    }
    std::stable_sort(j.steps.begin(), j.steps.end(),
        [](const RecordJourney::Step &a, const RecordJourney::Step &b) { return a.timeMs < b.timeMs; });
    return j;
}

} // namespace topicscope::engine
