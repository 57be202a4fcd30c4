#pragma once

// Hand-built FlowSnapshots for the flow view's tests and benchmark: a small workshop world (a crash, a duplicate,
// a question) and a generator of a busy world that moves on with every snapshot. Header-only.

#include "flowsnapshot.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>

namespace topicscope::flowfixture {

using engine::FlowConsumer;
using engine::FlowConsumerStatus;
using engine::FlowGroup;
using engine::FlowMovement;
using engine::FlowPartition;
using engine::FlowProducer;
using engine::FlowRecordCell;
using engine::FlowSnapshot;
using engine::FlowTopic;
using engine::TopicPartition;

inline TopicPartition tp(const char *topic, int partition)
{
    return TopicPartition {QString::fromLatin1(topic), partition};
}

// A partition whose tail holds offsets firstTail .. hw-1, keys cycling through keys ("" = null key).
inline FlowPartition partition(int p, qint64 logStart, qint64 firstTail, qint64 hw, const QStringList &keys,
    const QString &producer, qint64 t0 = 0)
{
    FlowPartition fp;
    fp.partition = p;
    fp.logStartOffset = logStart;
    fp.highWatermark = hw;
    for (qint64 o = std::max(firstTail, hw - FlowSnapshot::MaxCellsPerPartition); o < hw; ++o) {
        FlowRecordCell c;
        c.offset = o;
        const QString &k = keys.at(int(o % keys.size()));
        if (!k.isEmpty())
            c.key = k;
        c.producer = producer;
        c.timeMs = t0 + o * 100;
        fp.tail.append(c);
    }
    return fp;
}

inline FlowConsumer consumer(const QString &id, const QString &group, FlowConsumerStatus status,
    const QList<TopicPartition> &assignment, int generation)
{
    FlowConsumer c;
    c.id = id;
    c.group = group;
    c.assignor = QStringLiteral("range");
    c.commitMode = QStringLiteral("afterProcessing");
    c.status = status;
    c.memberId = id + QStringLiteral("-5d2f");
    c.generation = generation;
    c.assignment = assignment;
    return c;
}

inline FlowMovement movement(FlowMovement::Kind kind, const QString &client, const TopicPartition &where, qint64 offset,
    const QString &key, const QString &group = {})
{
    FlowMovement m;
    m.kind = kind;
    m.client = client;
    m.group = group;
    m.topicPartition = where;
    m.offset = offset;
    if (!key.isEmpty())
        m.key = key;
    return m;
}

// The world of the screenshot test: 2 producers; orders (6 partitions, one with deleted records, one with older
// records than the tail, one empty) and payments (2); group billing with 3 consumers of which billing-2 crashed,
// group audit with 1; tokens of every kind; a caption and a question.
inline FlowSnapshot workshop()
{
    const QStringList orderKeys {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
        QStringLiteral("dave"), QStringLiteral("erin")};
    const QStringList nullKeys {QString()};
    const QString op = QStringLiteral("orders-producer");
    const QString pp = QStringLiteral("payments-producer");

    FlowSnapshot s;
    s.sequence = 123;
    s.title = QStringLiteral("A consumer crashes before committing");
    s.timeMs = 12'300;
    s.endMs = 60'000;
    s.caption = QStringLiteral("billing-2 crashed after polling but before committing: its partitions move to "
                               "the others, who start again from the last committed offset.");
    s.question = QStringLiteral("billing-2 processed orders-3 up to offset 11 but committed only 9. "
                                "What will its partition's new owner process first?");
    s.answer = QStringLiteral("Offsets 9 and 10 again: duplicates, because the group restarts from the "
                              "committed offset.");

    FlowTopic orders;
    orders.name = QStringLiteral("orders");
    orders.partitions = {
        partition(0, 0, 0, 14, orderKeys, op),
        partition(1, 0, 0, 9, orderKeys, op),
        partition(2, 20, 60, 100, orderKeys, op), // 40 older records than the tail
        partition(3, 5, 5, 13, orderKeys, op), // 0..4 deleted
        partition(4, 0, 0, 0, orderKeys, op), // empty
        partition(5, 0, 0, 20, orderKeys, op),
    };
    FlowTopic payments;
    payments.name = QStringLiteral("payments");
    payments.partitions = {partition(0, 0, 0, 6, nullKeys, pp), partition(1, 0, 0, 3, nullKeys, pp)};
    s.topics = {orders, payments};

    FlowProducer p1;
    p1.id = op;
    p1.topic = QStringLiteral("orders");
    p1.partitioner = QStringLiteral("built-in");
    p1.keyPattern = QStringLiteral("5 keys");
    p1.rate = 5;
    p1.running = true;
    p1.sent = 162;
    FlowProducer p2;
    p2.id = pp;
    p2.topic = QStringLiteral("payments");
    p2.partitioner = QStringLiteral("round-robin");
    p2.keyPattern = QStringLiteral("no key");
    p2.rate = 1;
    p2.running = false;
    p2.sent = 9;
    s.producers = {p1, p2};

    const QString billing = QStringLiteral("billing");
    const QString audit = QStringLiteral("audit");
    FlowConsumer b1 = consumer(
        QStringLiteral("billing-1"), billing, FlowConsumerStatus::Running, {tp("orders", 0), tp("orders", 1)}, 3);
    b1.positions = {{tp("orders", 0), 13}, {tp("orders", 1), 9}};
    b1.processed = 21;
    b1.inFlight = 1;
    FlowConsumer b2 = consumer(
        QStringLiteral("billing-2"), billing, FlowConsumerStatus::Crashed, {tp("orders", 2), tp("orders", 3)}, 3);
    b2.processed = 57;
    b2.lost = 1;
    FlowConsumer b3 = consumer(
        QStringLiteral("billing-3"), billing, FlowConsumerStatus::Running, {tp("orders", 4), tp("orders", 5)}, 3);
    b3.positions = {{tp("orders", 4), 0}, {tp("orders", 5), 19}};
    b3.processed = 19;
    b3.duplicates = 2;
    FlowConsumer a1 = consumer(
        QStringLiteral("audit-1"), audit, FlowConsumerStatus::Running, {tp("payments", 0), tp("payments", 1)}, 1);
    a1.assignor = QStringLiteral("cooperative-sticky");
    a1.positions = {{tp("payments", 0), 6}, {tp("payments", 1), 3}};
    a1.processed = 8;
    a1.deserializationFailures = 1;
    s.consumers = {b1, b2, b3, a1};

    FlowGroup g1;
    g1.id = billing;
    g1.state = QStringLiteral("Stable");
    g1.generation = 3;
    g1.protocol = QStringLiteral("range");
    g1.committed = {{tp("orders", 0), 12}, {tp("orders", 1), 9}, {tp("orders", 2), 95}, {tp("orders", 3), 9},
        {tp("orders", 5), 18}};
    for (const auto &c : {b1, b2, b3}) {
        for (const auto &a : c.assignment)
            g1.owners.insert(a, c.id);
    }
    FlowGroup g2;
    g2.id = audit;
    g2.state = QStringLiteral("Stable");
    g2.generation = 1;
    g2.protocol = QStringLiteral("cooperative-sticky");
    g2.committed = {{tp("payments", 0), 6}, {tp("payments", 1), 2}};
    for (const auto &a : a1.assignment)
        g2.owners.insert(a, a1.id);
    s.groups = {g1, g2};

    using K = FlowMovement::Kind;
    s.movements = {
        movement(K::Produced, op, tp("orders", 0), 13, QStringLiteral("dave")),
        movement(K::Produced, op, tp("orders", 2), 99, QStringLiteral("erin")),
        movement(K::Consumed, QStringLiteral("billing-1"), tp("orders", 0), 12, QStringLiteral("carol"), billing),
        movement(K::Duplicate, QStringLiteral("billing-3"), tp("orders", 5), 18, QStringLiteral("dave"), billing),
        movement(K::DeserializationFailed, QStringLiteral("audit-1"), tp("payments", 1), 2, QString(), audit),
        movement(K::Lost, QStringLiteral("billing-2"), tp("orders", 3), 11, QStringLiteral("bob"), billing),
        movement(K::Committed, QStringLiteral("billing-1"), tp("orders", 0), 13, QString(), billing),
    };
    s.produced = 171;
    s.processed = 105;
    s.duplicates = 2;
    s.lost = 1;
    s.deserializationFailures = 1;
    return s;
}

// A busy world for the benchmark: topics × partitions with full tails, groups × consumers (each group reads every
// partition, split round-robin), producers; next() advances virtual time by 33 ms and returns a snapshot with the
// asked number of movements (half produced, the rest consumed, every tenth a commit). Deterministic.
class BusyWorld {
public:
    BusyWorld(int topics = 2, int partitionsPerTopic = 6, int groups = 2, int consumersPerGroup = 4, int producers = 4)
    {
        for (int t = 0; t < topics; ++t) {
            FlowTopic topic;
            topic.name = QStringLiteral("topic-%1").arg(t);
            for (int p = 0; p < partitionsPerTopic; ++p) {
                FlowPartition fp;
                fp.partition = p;
                topic.partitions.append(fp);
            }
            m_snapshot.topics.append(topic);
        }
        for (int i = 0; i < producers; ++i) {
            FlowProducer p;
            p.id = QStringLiteral("producer-%1").arg(i);
            p.topic = m_snapshot.topics.at(i % topics).name;
            p.partitioner = i % 2 ? QStringLiteral("uniform-sticky") : QStringLiteral("built-in");
            p.keyPattern = QStringLiteral("20 keys");
            p.rate = 500;
            p.running = true;
            m_snapshot.producers.append(p);
        }
        QList<TopicPartition> all;
        for (const auto &t : m_snapshot.topics) {
            for (const auto &p : t.partitions)
                all.append(TopicPartition {t.name, p.partition});
        }
        for (int g = 0; g < groups; ++g) {
            FlowGroup group;
            group.id = QStringLiteral("group-%1").arg(g);
            group.state = QStringLiteral("Stable");
            group.generation = 2;
            group.protocol = g % 2 ? QStringLiteral("cooperative-sticky") : QStringLiteral("range");
            for (int c = 0; c < consumersPerGroup; ++c) {
                FlowConsumer fc = consumer(
                    QStringLiteral("g%1-consumer-%2").arg(g).arg(c), group.id, FlowConsumerStatus::Running, {}, 2);
                for (int i = c; i < all.size(); i += consumersPerGroup) {
                    fc.assignment.append(all.at(i));
                    group.owners.insert(all.at(i), fc.id);
                }
                m_snapshot.consumers.append(fc);
            }
            m_snapshot.groups.append(group);
        }
        // Enough history that every tail is full and the strips show "… N older".
        for (int i = 0; i < 200 * int(all.size()); ++i)
            append(all.at(i % all.size()), QString());
        m_snapshot.movements.clear();
    }

    int partitionCount() const
    {
        int n = 0;
        for (const auto &t : m_snapshot.topics)
            n += int(t.partitions.size());
        return n;
    }

    FlowSnapshot next(int movements)
    {
        m_snapshot.movements.clear();
        m_snapshot.sequence += 1;
        m_snapshot.timeMs += 33;
        const int n = partitionCount();
        using K = FlowMovement::Kind;
        for (int i = 0; i < movements; ++i) {
            const int pi = int(random() % quint32(n));
            const TopicPartition where = tpAt(pi);
            if (i % 2 == 0) {
                append(where, m_snapshot.producers.at(int(random() % quint32(m_snapshot.producers.size()))).id);
                continue;
            }
            const int gi = int(random() % quint32(m_snapshot.groups.size()));
            FlowGroup &g = m_snapshot.groups[gi];
            const QString owner = g.owners.value(where);
            const FlowPartition &fp = partitionAt(pi);
            const qint64 offset = std::max(fp.logStartOffset, fp.highWatermark - 1 - qint64(random() % 40));
            const K kind = i % 10 == 1 ? K::Committed : (i % 37 == 3 ? K::Duplicate : K::Consumed);
            const FlowRecordCell *cell = nullptr;
            for (const auto &c : fp.tail) {
                if (c.offset == offset)
                    cell = &c;
            }
            FlowMovement m = movement(kind, owner, where, offset, QString(), g.id);
            if (cell)
                m.key = cell->key;
            m.timeMs = m_snapshot.timeMs;
            if (kind == K::Committed)
                g.committed.insert(where, offset);
            else
                ++m_snapshot.processed;
            for (auto &c : m_snapshot.consumers) {
                if (c.id == owner) {
                    c.positions.insert(where, offset + 1);
                    c.processed += kind == K::Committed ? 0 : 1;
                }
            }
            m_snapshot.movements.append(m);
        }
        return m_snapshot;
    }

private:
    quint32 random()
    {
        m_seed = m_seed * 1664525u + 1013904223u;
        return m_seed >> 8;
    }
    TopicPartition tpAt(int index) const
    {
        for (const auto &t : m_snapshot.topics) {
            if (index < t.partitions.size())
                return TopicPartition {t.name, t.partitions.at(index).partition};
            index -= int(t.partitions.size());
        }
        return {};
    }
    FlowPartition &partitionAt(int index)
    {
        for (auto &t : m_snapshot.topics) {
            if (index < t.partitions.size())
                return t.partitions[index];
            index -= int(t.partitions.size());
        }
        return m_snapshot.topics[0].partitions[0];
    }
    void append(const TopicPartition &where, const QString &producer)
    {
        for (auto &t : m_snapshot.topics) {
            if (t.name != where.topic)
                continue;
            FlowPartition &fp = t.partitions[where.partition];
            FlowRecordCell c;
            c.offset = fp.highWatermark++;
            c.key = QStringLiteral("key-%1").arg(random() % 20);
            c.producer = producer;
            c.timeMs = m_snapshot.timeMs;
            fp.tail.append(c);
            if (fp.tail.size() > FlowSnapshot::MaxCellsPerPartition)
                fp.tail.removeFirst();
            FlowMovement m = movement(FlowMovement::Kind::Produced, producer, where, c.offset, *c.key);
            m.timeMs = m_snapshot.timeMs;
            m_snapshot.movements.append(m);
            ++m_snapshot.produced;
        }
    }

    FlowSnapshot m_snapshot;
    quint32 m_seed = 12345;
};

} // namespace topicscope::flowfixture
