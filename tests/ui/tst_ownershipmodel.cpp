// OwnershipModel, the rows, lanes and gaps the ownership bars paint, under QAbstractItemModelTester (attached
// before any data) on realistic ownership sequences: an eager stop-the-world, a cooperative hand-off, a crash that
// leaves a trailing gap, a stalled consumer whose interval overlaps its successor's, and two groups. Gaps come
// from the engine (engine::ownershipGaps), as FlowSnapshot ships them. Expectations are readable text dumps made
// through the item-model interface only; a run fed snapshot by snapshot must end where a fresh model starts, by
// inserts and dataChanged, never a reset.
#include "format.h"
#include "ownershipmodel.h"
#include "rebalancefixture.h"
#include "sim/ownershipgaps.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace topicscope;

namespace fx = topicscope::rebalancefixture;

namespace {

engine::ScenarioOwnership interval(const QString &group, int partition, const QString &consumer, int generation,
    qint64 fromMs, qint64 toMs, const QString &endReason = QString())
{
    engine::ScenarioOwnership o = fx::owned(consumer, partition, generation, fromMs, toMs, endReason);
    o.group = group;
    return o;
}

QString dump(const QAbstractItemModel &model)
{
    using M = ui::OwnershipModel;
    QString out;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex row = model.index(r, 0);
        out += QStringLiteral("%1 [%2] lanes=%3\n")
                   .arg(row.data().toString(), model.index(r, M::Group).data().toString())
                   .arg(model.index(r, M::Lane).data().toInt());
        for (int s = 0; s < model.rowCount(row); ++s) {
            const auto cell = [&](int column) { return model.index(s, column, row).data(); };
            const qint64 to = cell(M::To).toLongLong();
            const QString span
                = QStringLiteral("%1-%2").arg(cell(M::From).toLongLong()).arg(to < 0 ? QString() : QString::number(to));
            if (M::SpanKind(model.index(s, 0, row).data(M::KindRole).toInt()) == M::SpanKind::Gap) {
                out += QStringLiteral("  gap %1%2\n")
                           .arg(span,
                               model.index(s, 0, row).data(M::TrailingRole).toBool() ? QStringLiteral(" (until now)")
                                                                                     : QString());
            } else {
                out += QStringLiteral("  %1 gen %2 %3 lane %4%5\n")
                           .arg(cell(M::Label).toString())
                           .arg(cell(M::Generation).toInt())
                           .arg(span)
                           .arg(cell(M::Lane).toInt())
                           .arg(cell(M::EndReason).toString().isEmpty()
                                   ? QString()
                                   : QLatin1Char(' ') + cell(M::EndReason).toString());
            }
        }
    }
    return out;
}

struct Feed {
    QList<engine::ScenarioOwnership> ownership;
    QList<engine::ScenarioRebalance> rebalances;
    qint64 nowMs = 0;
};

void feed(ui::OwnershipModel &model, const Feed &f)
{
    model.setData(f.ownership, engine::ownershipGaps(f.ownership, f.nowMs), f.rebalances, f.nowMs);
}

// c1 crashes at +5 s holding orders-0 and orders-1; the session times out at +15 s and c2 gets orders-1 only
// (orders-0 is no longer subscribed by anyone): a gap that ends, and one that lasts until now.
Feed crash()
{
    Feed f;
    const QString g = fx::Group;
    f.ownership << interval(g, 0, QStringLiteral("c1"), 1, 300, 5000, QStringLiteral("crashed"))
                << interval(g, 1, QStringLiteral("c1"), 1, 300, 5000, QStringLiteral("crashed"))
                << interval(g, 1, QStringLiteral("c2"), 2, 15300, -1);
    f.nowMs = 20000;
    return f;
}

// s1 stops calling poll() at +2 s but believes it owns orders-0 until max.poll.interval.ms expires at +8 s; s2 was
// given it at +5 s: two lanes.
Feed stall()
{
    Feed f;
    const QString g = fx::Group;
    f.ownership << interval(g, 0, QStringLiteral("s1"), 1, 300, 8000, QStringLiteral("poll timeout"))
                << interval(g, 0, QStringLiteral("s2"), 2, 5000, -1);
    f.nowMs = 10000;
    return f;
}

// Two groups read orders: billing (range) and audit (a single member), with an eager rebalance in billing only.
Feed twoGroups()
{
    Feed f;
    const QString billing = QStringLiteral("billing");
    const QString audit = QStringLiteral("audit");
    f.ownership << interval(billing, 0, QStringLiteral("b1"), 1, 300, 4000, QStringLiteral("revoked"))
                << interval(billing, 1, QStringLiteral("b1"), 1, 300, 4000, QStringLiteral("revoked"))
                << interval(audit, 0, QStringLiteral("a1"), 1, 500, -1)
                << interval(audit, 1, QStringLiteral("a1"), 1, 500, -1)
                << interval(billing, 0, QStringLiteral("b1"), 2, 4200, -1)
                << interval(billing, 1, QStringLiteral("b2"), 2, 4200, -1);
    engine::ScenarioRebalance r;
    r.group = billing;
    r.generation = 2;
    r.timeMs = 4200;
    r.assignment = {{QStringLiteral("b1"), fx::partitions({0})}, {QStringLiteral("b2"), fx::partitions({1})}};
    f.rebalances << r;
    f.nowMs = 6000;
    return f;
}

Feed ofRun(const engine::AssignorRun &run)
{
    return Feed {run.ownership, run.rebalances, run.endMs};
}

// What a snapshot at virtual time t shows of a whole run: the intervals begun by then (still open if they ended
// later) and the rebalances completed by then.
Feed until(const Feed &whole, qint64 t)
{
    Feed f;
    f.nowMs = t;
    for (engine::ScenarioOwnership o : whole.ownership) {
        if (o.fromMs > t)
            continue;
        if (o.toMs > t) {
            o.toMs = -1;
            o.endReason.clear();
        }
        f.ownership << o;
    }
    for (const engine::ScenarioRebalance &r : whole.rebalances) {
        if (r.timeMs <= t)
            f.rebalances << r;
    }
    return f;
}

} // namespace

Q_DECLARE_METATYPE(Feed)

class TestOwnershipModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dumps_data()
    {
        QTest::addColumn<Feed>("data");
        QTest::addColumn<QString>("expected");
        QTest::addRow("eager range: every partition stops at the join")
            << ofRun(fx::rangeRun())
            << QStringLiteral("orders-0 [billing] lanes=1\n"
                              "  billing-1 gen 1 300-10000 lane 0 revoked\n"
                              "  gap 10000-10300\n"
                              "  billing-1 gen 2 10300- lane 0\n"
                              "orders-1 [billing] lanes=1\n"
                              "  billing-1 gen 1 300-10000 lane 0 revoked\n"
                              "  gap 10000-10300\n"
                              "  billing-1 gen 2 10300- lane 0\n"
                              "orders-2 [billing] lanes=1\n"
                              "  billing-1 gen 1 300-10000 lane 0 revoked\n"
                              "  gap 10000-10300\n"
                              "  billing-2 gen 2 10300- lane 0\n"
                              "orders-3 [billing] lanes=1\n"
                              "  billing-2 gen 1 300-10000 lane 0 revoked\n"
                              "  gap 10000-10300\n"
                              "  billing-2 gen 2 10300- lane 0\n"
                              "orders-4 [billing] lanes=1\n"
                              "  billing-2 gen 1 300-10000 lane 0 revoked\n"
                              "  gap 10000-10300\n"
                              "  billing-3 gen 2 10300- lane 0\n"
                              "orders-5 [billing] lanes=1\n"
                              "  billing-2 gen 1 300-10000 lane 0 revoked\n"
                              "  gap 10000-10300\n"
                              "  billing-3 gen 2 10300- lane 0\n");
        QTest::addRow("cooperative-sticky: only the two moved partitions stop")
            << ofRun(fx::cooperativeRun())
            << QStringLiteral("orders-0 [billing] lanes=1\n"
                              "  billing-1 gen 1 300- lane 0\n"
                              "orders-1 [billing] lanes=1\n"
                              "  billing-1 gen 1 300- lane 0\n"
                              "orders-2 [billing] lanes=1\n"
                              "  billing-1 gen 1 300-10100 lane 0 revoked\n"
                              "  gap 10100-10250\n"
                              "  billing-3 gen 3 10250- lane 0\n"
                              "orders-3 [billing] lanes=1\n"
                              "  billing-2 gen 1 300- lane 0\n"
                              "orders-4 [billing] lanes=1\n"
                              "  billing-2 gen 1 300- lane 0\n"
                              "orders-5 [billing] lanes=1\n"
                              "  billing-2 gen 1 300-10100 lane 0 revoked\n"
                              "  gap 10100-10250\n"
                              "  billing-3 gen 3 10250- lane 0\n");
        QTest::addRow("crash: a gap that a new owner ends and one until now")
            << crash()
            << QStringLiteral("orders-0 [billing] lanes=1\n"
                              "  c1 gen 1 300-5000 lane 0 crashed\n"
                              "  gap 5000-20000 (until now)\n"
                              "orders-1 [billing] lanes=1\n"
                              "  c1 gen 1 300-5000 lane 0 crashed\n"
                              "  gap 5000-15300\n"
                              "  c2 gen 2 15300- lane 0\n");
        QTest::addRow("stall: overlapping intervals take two lanes")
            << stall()
            << QStringLiteral("orders-0 [billing] lanes=2\n"
                              "  s1 gen 1 300-8000 lane 0 poll timeout\n"
                              "  s2 gen 2 5000- lane 1\n");
        QTest::addRow("two groups: rows by group, labels name the group")
            << twoGroups()
            << QStringLiteral("audit: orders-0 [audit] lanes=1\n"
                              "  a1 gen 1 500- lane 0\n"
                              "audit: orders-1 [audit] lanes=1\n"
                              "  a1 gen 1 500- lane 0\n"
                              "billing: orders-0 [billing] lanes=1\n"
                              "  b1 gen 1 300-4000 lane 0 revoked\n"
                              "  gap 4000-4200\n"
                              "  b1 gen 2 4200- lane 0\n"
                              "billing: orders-1 [billing] lanes=1\n"
                              "  b1 gen 1 300-4000 lane 0 revoked\n"
                              "  gap 4000-4200\n"
                              "  b2 gen 2 4200- lane 0\n");
    }
    void dumps()
    {
        QFETCH(Feed, data);
        QFETCH(QString, expected);
        ui::OwnershipModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        feed(model, data);
        QCOMPARE(dump(model), expected);
        QCOMPARE(model.columnCount(), int(ui::OwnershipModel::ColumnCount));
        // What the bars read: every interval and gap on its row.
        for (int i = 0; i < model.ownership().size(); ++i) {
            const int row = model.rowOfInterval(i);
            QVERIFY(row >= 0);
            QCOMPARE(model.partitionRow(row).topicPartition, model.ownership().at(i).topicPartition);
            QVERIFY(model.laneOfInterval(i) < model.partitionRow(row).lanes);
        }
        for (int g = 0; g < model.gaps().size(); ++g)
            QCOMPARE(model.partitionRow(model.rowOfGap(g)).topicPartition, model.gaps().at(g).topicPartition);
    }

    // A running scenario sends its world snapshot by snapshot: the model follows by inserts, removals and
    // dataChanged, never a reset, and ends where a model fed the whole run at once starts.
    void followsARunSnapshotBySnapshot()
    {
        const Feed whole = ofRun(fx::cooperativeRun());
        ui::OwnershipModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (qint64 t : {0, 300, 5000, 10100, 10200, 10250, 12000, 16000})
            feed(model, until(whole, t));
        ui::OwnershipModel fresh;
        feed(fresh, whole);
        QCOMPARE(dump(model), dump(fresh));
        QCOMPARE(reset.count(), 0);
        QVERIFY(inserted.count() > 0);
        QVERIFY(changed.count() > 0); // intervals that closed, a gap that stopped growing
        // At +10.200 s the two revoked partitions wait for billing-3: gaps until now.
        feed(model, until(whole, 10200));
        QCOMPARE(dump(model).count(QStringLiteral("gap 10100-10200 (until now)")), 2);
        // Another scenario with fewer partitions: rows go, still no reset.
        feed(model, stall());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(reset.count(), 0);
        feed(model, Feed {});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.consumers().isEmpty());
    }

    void consumersAndGroupsOfTheData()
    {
        ui::OwnershipModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        feed(model, twoGroups());
        QVERIFY(model.hasMultipleGroups());
        QCOMPARE(model.groupRows(QStringLiteral("billing")), QList<int>({2, 3}));
        QCOMPARE(model.consumers(), QStringList({QStringLiteral("a1"), QStringLiteral("b1"), QStringLiteral("b2")}));
        const QModelIndex gap = model.index(1, 0, model.index(2, 0));
        QCOMPARE(gap.data(ui::OwnershipModel::KindRole).toInt(), int(ui::OwnershipModel::SpanKind::Gap));
        QCOMPARE(gap.data(ui::OwnershipModel::TopicRole).toString(), QStringLiteral("orders"));
        QCOMPARE(gap.data(ui::OwnershipModel::PartitionRole).toInt(), 0);
        QCOMPARE(model.gaps().at(gap.data(ui::OwnershipModel::IndexRole).toInt()).fromMs, 4000);
        QCOMPARE(model.index(2, ui::OwnershipModel::From).data(ui::SortRole).toLongLong(), 300);
        feed(model, crash());
        QVERIFY(!model.hasMultipleGroups());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("orders-0"));
    }
};

QTEST_MAIN(TestOwnershipModel)
#include "tst_ownershipmodel.moc"
