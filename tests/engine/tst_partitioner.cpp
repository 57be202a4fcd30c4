#include "client/builtinpartitioner.h"
#include "client/explicitpartitioner.h"
#include "client/murmur2.h"
#include "client/roundrobinpartitioner.h"
#include "client/uniformstickypartitioner.h"

#include <QTest>

using namespace topicscope::engine;

namespace {

// Returns the given values in turn (then repeats the last), so sticky picks are scripted.
RandomSource scripted(std::vector<quint32> values)
{
    auto state = std::make_shared<std::pair<std::vector<quint32>, size_t>>(std::move(values), 0);
    return [state] {
        auto &[v, i] = *state;
        const quint32 out = v[std::min(i, v.size() - 1)];
        ++i;
        return out;
    };
}

QByteArray bytes(const char *s)
{
    return QByteArray(s);
}

} // namespace

class TestPartitioner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keyedUsesMurmur2_data();
    void keyedUsesMurmur2();
    void keyedExplanation();
    void emptyKeyIsHashedNotSticky();
    void builtInStickySwitchesWhenBatchFullAfterBatchSize();
    void builtInStickySwitchesAtTwiceBatchSize();
    void builtInStickyIgnoresKeyedAppends();
    void builtInStickyIsPerTopic();
    void roundRobinCyclesAndIgnoresKeys();
    void roundRobinRequeuesOnNewBatch();
    void uniformStickyIgnoresKeysAndSwitchesOnNewBatch();
    void explicitPartition_data();
    void explicitPartition();
    void seededRandomIsDeterministic();
    void factoryAndNames();
};

void TestPartitioner::keyedUsesMurmur2_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("partitions");
    QTest::addColumn<int>("expected");
    // From the reference table (kafka-protocol.md §5.1).
    QTest::addRow("foobar %%10") << bytes("foobar") << 10 << 6;
    QTest::addRow("a-little-bit-longer-string %%4") << bytes("a-little-bit-longer-string") << 4 << 3;
    QTest::addRow("1 %%4") << bytes("1") << 4 << 3;
    QTest::addRow("hello %%10") << bytes("hello") << 10 << 9;
    QTest::addRow("kafka %%3") << bytes("kafka") << 3 << 1;
}

void TestPartitioner::keyedUsesMurmur2()
{
    QFETCH(QByteArray, key);
    QFETCH(int, partitions);
    QFETCH(int, expected);
    BuiltInPartitioner p(16384, scripted({5}));
    const PartitionDecision d = p.partition(QStringLiteral("t"), key, partitions);
    QCOMPARE(d.partition, expected);
    QCOMPARE(d.strategy, PartitionStrategy::KeyHash);
    QCOMPARE(d.keyHash, std::optional<qint32>(Murmur2::hash(key)));
    QCOMPARE(d.partitionCount, partitions);
    QCOMPARE(d.error, ErrorCode::None);
}

void TestPartitioner::keyedExplanation()
{
    BuiltInPartitioner p(16384, scripted({0}));
    QCOMPARE(p.partition(QStringLiteral("t"), bytes("kafka"), 4).explanation,
        QStringLiteral("murmur2(\"kafka\") = 0xd067cf64 → toPositive 1348980580 % 4 = 0"));
    QCOMPARE(p.partition(QStringLiteral("t"), QByteArray::fromHex("00ff"), 4).explanation.left(20),
        QStringLiteral("murmur2(0x00ff) = 0x"));
}

void TestPartitioner::emptyKeyIsHashedNotSticky()
{
    BuiltInPartitioner p(16384, scripted({2}));
    const PartitionDecision d = p.partition(QStringLiteral("t"), QByteArray(), 4);
    QCOMPARE(d.strategy, PartitionStrategy::KeyHash);
    QCOMPARE(d.partition, 1); // "" hashes to 275646681, % 4 = 1
}

void TestPartitioner::builtInStickySwitchesWhenBatchFullAfterBatchSize()
{
    const QString t = QStringLiteral("t");
    BuiltInPartitioner p(1000, scripted({3, 1}));
    PartitionDecision d = p.partition(t, std::nullopt, 6);
    QCOMPARE(d.strategy, PartitionStrategy::Sticky);
    QCOMPARE(d.partition, 3);
    QVERIFY2(d.explanation.startsWith(QStringLiteral("no key → sticky partition 3 (0 of batch.size 1000 bytes")),
        qPrintable(d.explanation));

    // 999 bytes, batch full: not yet batch.size, no switch.
    p.onRecordAppended(t, d, 999, true);
    QCOMPARE(p.partition(t, std::nullopt, 6).partition, 3);
    // 1100 bytes but the batch still has room: Java keeps filling it.
    d = p.partition(t, std::nullopt, 6);
    p.onRecordAppended(t, d, 101, false);
    QCOMPARE(p.partition(t, std::nullopt, 6).partition, 3);
    // Batch full now: switch.
    d = p.partition(t, std::nullopt, 6);
    p.onRecordAppended(t, d, 10, true);
    d = p.partition(t, std::nullopt, 6);
    QCOMPARE(d.partition, 1);
    QCOMPARE(d.explanation,
        QStringLiteral("no key → sticky partition 1 (0 of batch.size 1000 bytes sent to it; switched from 3 after "
                       "1110 bytes ≥ batch.size, batch full)"));
}

void TestPartitioner::builtInStickySwitchesAtTwiceBatchSize()
{
    const QString t = QStringLiteral("t");
    BuiltInPartitioner p(1000, scripted({0, 4}));
    PartitionDecision d = p.partition(t, std::nullopt, 5);
    QCOMPARE(d.partition, 0);
    for (int i = 0; i < 19; ++i) {
        p.onRecordAppended(t, d, 100, false);
        QCOMPARE(p.partition(t, std::nullopt, 5).partition, 0);
    }
    p.onRecordAppended(t, d, 100, false); // 2000 bytes
    d = p.partition(t, std::nullopt, 5);
    QCOMPARE(d.partition, 4);
    QVERIFY2(d.explanation.contains(QStringLiteral("switched from 0 after 2000 bytes ≥ 2 × batch.size")),
        qPrintable(d.explanation));
}

void TestPartitioner::builtInStickyIgnoresKeyedAppends()
{
    const QString t = QStringLiteral("t");
    BuiltInPartitioner p(100, scripted({2, 0}));
    const PartitionDecision sticky = p.partition(t, std::nullopt, 3);
    QCOMPARE(sticky.partition, 2);
    PartitionDecision keyed = p.partition(t, bytes("foobar"), 3); // foobar % 3 = 0
    QCOMPARE(keyed.partition, 0);
    keyed.partition = 2; // even a keyed record on the sticky partition does not count
    p.onRecordAppended(t, keyed, 5000, true);
    QCOMPARE(p.stickyPartition(t), 2);
    // A stale decision for another partition does not count either.
    PartitionDecision stale = sticky;
    stale.partition = 1;
    p.onRecordAppended(t, stale, 5000, true);
    QCOMPARE(p.stickyPartition(t), 2);
}

void TestPartitioner::builtInStickyIsPerTopic()
{
    BuiltInPartitioner p(100, scripted({1, 2}));
    QCOMPARE(p.partition(QStringLiteral("a"), std::nullopt, 4).partition, 1);
    QCOMPARE(p.partition(QStringLiteral("b"), std::nullopt, 4).partition, 2);
    QCOMPARE(p.partition(QStringLiteral("a"), std::nullopt, 4).partition, 1);
    QCOMPARE(p.stickyPartition(QStringLiteral("c")), -1);
}

void TestPartitioner::roundRobinCyclesAndIgnoresKeys()
{
    RoundRobinPartitioner p;
    QList<int> seen;
    for (int i = 0; i < 7; ++i)
        seen << p.partition(QStringLiteral("t"), i % 2 ? std::optional<QByteArray>(bytes("same-key")) : std::nullopt, 3)
                    .partition;
    QCOMPARE(seen, (QList<int> {0, 1, 2, 0, 1, 2, 0}));
    // Per-topic counters.
    QCOMPARE(p.partition(QStringLiteral("other"), std::nullopt, 3).partition, 0);
    const PartitionDecision d = p.partition(QStringLiteral("t"), bytes("k"), 3);
    QCOMPARE(d.strategy, PartitionStrategy::RoundRobin);
    QCOMPARE(d.explanation, QStringLiteral("round-robin: counter 7 → toPositive 7 % 3 = 1 (key ignored)"));
}

void TestPartitioner::roundRobinRequeuesOnNewBatch()
{
    RoundRobinPartitioner p;
    const QString t = QStringLiteral("t");
    QVERIFY(p.abortsOnNewBatch());
    QCOMPARE(p.partition(t, std::nullopt, 3).partition, 0);
    const int second = p.partition(t, std::nullopt, 3).partition;
    QCOMPARE(second, 1);
    // The producer found partition 1 needs a new batch: it asks again and must get 1, not skip to 2.
    p.onNewBatch(t, 3, second);
    QCOMPARE(p.partition(t, std::nullopt, 3).partition, 1);
    QCOMPARE(p.partition(t, std::nullopt, 3).partition, 2);
    QCOMPARE(p.partition(t, std::nullopt, 3).partition, 0);
}

void TestPartitioner::uniformStickyIgnoresKeysAndSwitchesOnNewBatch()
{
    const QString t = QStringLiteral("t");
    // 4 picks 1 (of 3); then the redraw gets 1 again (rejected), then 2.
    UniformStickyPartitioner p(scripted({4, 1, 2}));
    QVERIFY(p.abortsOnNewBatch());
    QCOMPARE(p.partition(t, bytes("foobar"), 3).partition, 1);
    QCOMPARE(p.partition(t, std::nullopt, 3).partition, 1);
    p.onNewBatch(t, 3, 0); // not the sticky partition: no change
    QCOMPARE(p.partition(t, std::nullopt, 3).partition, 1);
    p.onNewBatch(t, 3, 1);
    const PartitionDecision d = p.partition(t, bytes("k"), 3);
    QCOMPARE(d.partition, 2);
    QCOMPARE(d.strategy, PartitionStrategy::UniformSticky);
    QCOMPARE(d.explanation,
        QStringLiteral("uniform sticky: partition 2 until it needs a new batch (switched from 1, which needed a new "
                       "batch; key ignored)"));
    // A single partition never loops forever.
    UniformStickyPartitioner single(scripted({0}));
    QCOMPARE(single.partition(t, std::nullopt, 1).partition, 0);
    single.onNewBatch(t, 1, 0);
    QCOMPARE(single.partition(t, std::nullopt, 1).partition, 0);
}

void TestPartitioner::explicitPartition_data()
{
    QTest::addColumn<int>("partition");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("explanation");
    QTest::addRow("first") << 0 << 3 << true << QStringLiteral("explicit partition 0 (of 3), set by the caller");
    QTest::addRow("last") << 2 << 3 << true << QStringLiteral("explicit partition 2 (of 3), set by the caller");
    QTest::addRow("one past") << 3 << 3 << false
                              << QStringLiteral("invalid partition given with record: 3 is not in the range [0...2]");
    QTest::addRow("negative") << -1 << 3 << false
                              << QStringLiteral("invalid partition given with record: -1 is not in the range [0...2]");
}

void TestPartitioner::explicitPartition()
{
    QFETCH(int, partition);
    QFETCH(int, count);
    QFETCH(bool, valid);
    QFETCH(QString, explanation);
    const PartitionDecision d = ExplicitPartitioner::decide(partition, count);
    QCOMPARE(d.error, valid ? ErrorCode::None : ErrorCode::UnknownTopicOrPartition);
    QCOMPARE(d.strategy, PartitionStrategy::Explicit);
    QCOMPARE(d.partition, partition);
    QCOMPARE(d.explanation, explanation);
}

void TestPartitioner::seededRandomIsDeterministic()
{
    auto a = Partitioner::seededRandom(42);
    auto b = Partitioner::seededRandom(42);
    auto c = Partitioner::seededRandom(43);
    QList<quint32> va, vb, vc;
    for (int i = 0; i < 5; ++i) {
        va << a();
        vb << b();
        vc << c();
    }
    QCOMPARE(va, vb);
    QVERIFY(va != vc);
    // Two partitioners with the same seed make the same sticky choices.
    auto p1 = Partitioner::create(PartitionerKind::BuiltIn, 100, Partitioner::seededRandom(7));
    auto p2 = Partitioner::create(PartitionerKind::BuiltIn, 100, Partitioner::seededRandom(7));
    for (int i = 0; i < 10; ++i) {
        const QString topic = QStringLiteral("t%1").arg(i);
        QCOMPARE(p1->partition(topic, std::nullopt, 12).partition, p2->partition(topic, std::nullopt, 12).partition);
    }
}

void TestPartitioner::factoryAndNames()
{
    for (const PartitionerKind k :
        {PartitionerKind::BuiltIn, PartitionerKind::RoundRobin, PartitionerKind::UniformSticky}) {
        auto p = Partitioner::create(k, 16384);
        QVERIFY(p);
        QCOMPARE(p->kind(), k);
        QCOMPARE(Partitioner::kindFromName(p->name()), std::optional<PartitionerKind>(k));
    }
    QVERIFY(!Partitioner::create(PartitionerKind::BuiltIn, 16384)->abortsOnNewBatch());
    QCOMPARE(Partitioner::displayKey(QByteArray(50, 'x')),
        QLatin1Char('"') + QString(40, QLatin1Char('x')) + QStringLiteral("…\""));
}

QTEST_GUILESS_MAIN(TestPartitioner)
#include "tst_partitioner.moc"
