#pragma once

// Hand-built assignor runs for the rebalance timeline tests: group "billing" reads topic "orders" (6 partitions);
// billing-1 and billing-2 start at 0 s (generation 1 at +0.300 s), billing-3 joins at +10 s, the run ends at
// +16 s. Under the eager assignors every partition is revoked at +10.000 s and reassigned at +10.300 s (a 300 ms
// gap in all six rows); under cooperative-sticky generation 2 (+10.100 s) only revokes orders-2 and orders-5 and
// the follow-up generation 3 (+10.250 s) gives them to billing-3 (a 150 ms gap in two rows). Header-only.

#include "flowsnapshot.h"
#include "sim/ownershipgaps.h"

#include <algorithm>

namespace topicscope::rebalancefixture {

inline const QString Group = QStringLiteral("billing");
inline const QString Topic = QStringLiteral("orders");
constexpr qint64 JoinAtMs = 10000;
constexpr qint64 EndMs = 16000;

inline engine::ScenarioOwnership owned(
    const QString &consumer, int partition, int generation, qint64 fromMs, qint64 toMs, const QString &endReason)
{
    engine::ScenarioOwnership o;
    o.group = Group;
    o.topicPartition = {Topic, partition};
    o.consumer = consumer;
    o.generation = generation;
    o.fromMs = fromMs;
    o.toMs = toMs;
    o.endReason = endReason;
    return o;
}

inline QList<engine::TopicPartition> partitions(std::initializer_list<int> numbers)
{
    QList<engine::TopicPartition> list;
    for (int n : numbers)
        list << engine::TopicPartition {Topic, n};
    return list;
}

inline engine::ScenarioRebalance rebalance(qint64 timeMs, int generation, const QString &cause, const QString &assignor,
    qint64 durationMs, const QMap<QString, QList<engine::TopicPartition>> &assignment,
    const QList<engine::TopicPartition> &moved)
{
    engine::ScenarioRebalance r;
    r.timeMs = timeMs;
    r.group = Group;
    r.generation = generation;
    r.cause = cause;
    r.assignor = assignor;
    r.durationMs = durationMs;
    r.assignment = assignment;
    r.partitionsMoved = moved;
    return r;
}

inline QString joined(const QString &member)
{
    return QStringLiteral("new member %1 joined (client reason: not provided)").arg(member);
}

// An eager run: generation 1 gives `before`, the join revokes everything, generation 2 gives `after`.
inline engine::AssignorRun eagerRun(const QString &assignor, const QMap<QString, QList<int>> &before,
    const QMap<QString, QList<int>> &after, int duplicates)
{
    engine::AssignorRun run;
    run.assignor = assignor;
    run.endMs = EndMs;
    run.duplicates = duplicates;
    QMap<QString, QList<engine::TopicPartition>> first;
    QMap<QString, QList<engine::TopicPartition>> second;
    QMap<int, QString> ownerBefore;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        QList<engine::TopicPartition> names;
        for (int p : it.value()) {
            names << engine::TopicPartition {Topic, p};
            ownerBefore.insert(p, it.key());
            run.ownership << owned(it.key(), p, 1, 300, JoinAtMs, QStringLiteral("revoked"));
        }
        first.insert(it.key(), names);
    }
    QList<engine::TopicPartition> moved;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        QList<engine::TopicPartition> names;
        for (int p : it.value()) {
            names << engine::TopicPartition {Topic, p};
            if (ownerBefore.value(p) != it.key())
                moved << engine::TopicPartition {Topic, p};
            run.ownership << owned(it.key(), p, 2, JoinAtMs + 300, -1, QString());
        }
        second.insert(it.key(), names);
    }
    std::sort(moved.begin(), moved.end());
    run.rebalances << rebalance(
        300, 1, joined(QStringLiteral("billing-1-5b0c")), assignor, 300, first, partitions({0, 1, 2, 3, 4, 5}));
    run.rebalances << rebalance(
        JoinAtMs + 300, 2, joined(QStringLiteral("billing-3-9e41")), assignor, 300, second, moved);
    run.partitionsMoved = 6 + int(moved.size());
    run.processingGapMs = 6 * 300;
    run.gaps = engine::ownershipGaps(run.ownership, run.endMs);
    return run;
}

inline engine::AssignorRun rangeRun()
{
    return eagerRun(QStringLiteral("range"),
        {{QStringLiteral("billing-1"), {0, 1, 2}}, {QStringLiteral("billing-2"), {3, 4, 5}}},
        {{QStringLiteral("billing-1"), {0, 1}}, {QStringLiteral("billing-2"), {2, 3}},
            {QStringLiteral("billing-3"), {4, 5}}},
        3);
}

inline engine::AssignorRun roundRobinRun()
{
    return eagerRun(QStringLiteral("roundrobin"),
        {{QStringLiteral("billing-1"), {0, 2, 4}}, {QStringLiteral("billing-2"), {1, 3, 5}}},
        {{QStringLiteral("billing-1"), {0, 3}}, {QStringLiteral("billing-2"), {1, 4}},
            {QStringLiteral("billing-3"), {2, 5}}},
        4);
}

inline engine::AssignorRun stickyRun()
{
    return eagerRun(QStringLiteral("sticky"),
        {{QStringLiteral("billing-1"), {0, 1, 2}}, {QStringLiteral("billing-2"), {3, 4, 5}}},
        {{QStringLiteral("billing-1"), {0, 1}}, {QStringLiteral("billing-2"), {3, 4}},
            {QStringLiteral("billing-3"), {2, 5}}},
        2);
}

// Cooperative-sticky: the join costs two rebalances (revoke, then assign), and only the two moved partitions stop.
inline engine::AssignorRun cooperativeRun()
{
    const QString assignor = QStringLiteral("cooperative-sticky");
    const QString b1 = QStringLiteral("billing-1");
    const QString b2 = QStringLiteral("billing-2");
    const QString b3 = QStringLiteral("billing-3");
    engine::AssignorRun run;
    run.assignor = assignor;
    run.endMs = EndMs;
    run.duplicates = 0;
    for (int p : {0, 1})
        run.ownership << owned(b1, p, 1, 300, -1, QString());
    run.ownership << owned(b1, 2, 1, 300, 10100, QStringLiteral("revoked"));
    for (int p : {3, 4})
        run.ownership << owned(b2, p, 1, 300, -1, QString());
    run.ownership << owned(b2, 5, 1, 300, 10100, QStringLiteral("revoked"));
    run.ownership << owned(b3, 2, 3, 10250, -1, QString());
    run.ownership << owned(b3, 5, 3, 10250, -1, QString());
    run.rebalances << rebalance(300, 1, joined(QStringLiteral("billing-1-5b0c")), assignor, 300,
        {{b1, partitions({0, 1, 2})}, {b2, partitions({3, 4, 5})}}, partitions({0, 1, 2, 3, 4, 5}));
    run.rebalances << rebalance(10100, 2, joined(QStringLiteral("billing-3-9e41")), assignor, 100,
        {{b1, partitions({0, 1})}, {b2, partitions({3, 4})}, {b3, {}}}, partitions({2, 5}));
    run.rebalances << rebalance(10250, 3,
        QStringLiteral("member billing-1-5b0c rejoined with changed metadata (client reason: not provided)"), assignor,
        150, {{b1, partitions({0, 1})}, {b2, partitions({3, 4})}, {b3, partitions({2, 5})}}, partitions({2, 5}));
    run.partitionsMoved = 6 + 2 + 2;
    run.processingGapMs = 2 * 150;
    run.gaps = engine::ownershipGaps(run.ownership, run.endMs);
    return run;
}

inline engine::FlowSnapshot snapshotOf(const engine::AssignorRun &run, qint64 timeMs = EndMs)
{
    engine::FlowSnapshot s;
    s.title = QStringLiteral("A third consumer joins billing (%1)").arg(run.assignor);
    s.timeMs = timeMs;
    s.endMs = run.endMs;
    s.finished = timeMs >= run.endMs;
    s.rebalances = run.rebalances;
    s.ownership = run.ownership;
    s.gaps = engine::ownershipGaps(run.ownership, timeMs);
    return s;
}

inline engine::AssignorComparison comparison()
{
    engine::AssignorComparison c;
    c.title = QStringLiteral("A third consumer joins billing");
    c.runs = {rangeRun(), roundRobinRun(), stickyRun(), cooperativeRun()};
    return c;
}

} // namespace topicscope::rebalancefixture
