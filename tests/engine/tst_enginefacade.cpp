// The facade and its worker thread: commands go in queued, results and snapshots come back queued, and a
// flood of appends on the engine thread reaches the caller as a few coalesced snapshots, not one signal
// per batch.
#include "logtesthelpers.h"
#include "runtime/enginefacade.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace topicscope::engine;

class TestEngineFacade : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void commandsRunOnTheWorkerThread()
    {
        EngineOptions options;
        options.storage.inMemory = true;
        EngineFacade facade(options);
        QSignalSpy started(&facade, &EngineFacade::started);
        QSignalSpy finished(&facade, &EngineFacade::commandFinished);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        QVERIFY(started.at(0).at(0).toBool());

        const quint64 ok = facade.createTopic(QStringLiteral("t"), 2);
        const quint64 dup = facade.createTopic(QStringLiteral("t"), 2);
        const quint64 grow = facade.createPartitions(QStringLiteral("t"), 1);
        QTRY_COMPARE(finished.count(), 3);
        QCOMPARE(finished.at(0).at(0).toULongLong(), ok);
        QCOMPARE(finished.at(0).at(1).toInt(), int(ErrorCode::None));
        QCOMPARE(finished.at(1).at(0).toULongLong(), dup);
        QCOMPARE(finished.at(1).at(1).toInt(), int(ErrorCode::TopicAlreadyExists));
        QCOMPARE(finished.at(2).at(0).toULongLong(), grow);
        QCOMPARE(finished.at(2).at(1).toInt(), int(ErrorCode::InvalidPartitions)); // never shrink
        QVERIFY(!finished.at(2).at(2).toString().isEmpty());

        QThread *engineThread = nullptr;
        facade.post([&engineThread](Engine &) { engineThread = QThread::currentThread(); });
        QTRY_VERIFY(engineThread != nullptr);
        QVERIFY(engineThread != QThread::currentThread());

        // DeleteRecords and DeleteGroups, as the explorer sends them: the log start moves, offsets past the high
        // watermark and unknown groups are refused with Kafka's errors.
        facade.post([](Engine &e) {
            for (int i = 0; i < 5; ++i)
                e.log().append({QStringLiteral("t"), 0}, logtest::makeBatch(1));
        });
        const quint64 trim = facade.deleteRecords({QStringLiteral("t"), 0}, 3);
        const quint64 past = facade.deleteRecords({QStringLiteral("t"), 0}, 6);
        const quint64 noGroup = facade.deleteGroup(QStringLiteral("nobody"));
        QTRY_COMPARE(finished.count(), 6);
        QCOMPARE(finished.at(3).at(0).toULongLong(), trim);
        QCOMPARE(finished.at(3).at(1).toInt(), int(ErrorCode::None));
        QCOMPARE(finished.at(4).at(0).toULongLong(), past);
        QCOMPARE(finished.at(4).at(1).toInt(), int(ErrorCode::OffsetOutOfRange));
        QVERIFY(finished.at(4).at(2).toString().contains(QLatin1String("t-0")));
        QCOMPARE(finished.at(5).at(0).toULongLong(), noGroup);
        QCOMPARE(finished.at(5).at(1).toInt(), int(ErrorCode::GroupIdNotFound));
        // A config edit changes what differs from what it started from: a change made meanwhile stays.
        const TopicConfig start;
        TopicConfig bytes = start;
        bytes.retentionBytes = 5000000;
        TopicConfig ms = start; // opened before the other edit, so it still has retention.bytes -1
        ms.retentionMs = 3600000;
        facade.alterTopicConfig(QStringLiteral("t"), bytes, start);
        facade.alterTopicConfig(QStringLiteral("t"), ms, start);
        const quint64 unknown = facade.alterTopicConfig(QStringLiteral("nope"), ms, start);
        QTRY_COMPARE(finished.count(), 9);
        QCOMPARE(finished.at(6).at(1).toInt(), int(ErrorCode::None));
        QCOMPARE(finished.at(7).at(1).toInt(), int(ErrorCode::None));
        QCOMPARE(finished.at(8).at(0).toULongLong(), unknown);
        QCOMPARE(finished.at(8).at(1).toInt(), int(ErrorCode::UnknownTopicOrPartition));
        std::optional<TopicConfig> now;
        facade.post([&now](Engine &e) { now = e.log().describeTopic(QStringLiteral("t"))->config; });
        QTRY_VERIFY(now.has_value());
        QCOMPARE(now->retentionBytes, 5000000);
        QCOMPARE(now->retentionMs, 3600000);

        qint64 logStart = -1;
        facade.post([&logStart](Engine &e) {
            logStart = e.log().partitionInfo({QStringLiteral("t"), 0})->logStartOffset;
        });
        QTRY_COMPARE(logStart, 3);
    }

    void floodIsCoalesced()
    {
        EngineOptions options;
        options.storage.inMemory = true;
        options.snapshotIntervalMs = 100;
        EngineFacade facade(options);
        QSignalSpy started(&facade, &EngineFacade::started);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        QSignalSpy snapshots(&facade, &EngineFacade::snapshotUpdated);

        constexpr int Batches = 2000;
        facade.post([](Engine &e) {
            e.log().createTopic(QStringLiteral("flood"), 1);
            const QByteArray batch = logtest::makeBatch(10);
            for (int i = 0; i < Batches; ++i) // one append call (and one event) per batch
                e.log().append(TopicPartition {QStringLiteral("flood"), 0}, batch);
        });
        QTRY_VERIFY(
            !snapshots.isEmpty() && snapshots.last().at(0).value<BrokerSnapshot>().recordsAppended == Batches * 10);
        // 2,000 events, but the GUI side saw a handful of snapshots (the start-up one and the flood's).
        QVERIFY2(snapshots.count() <= 3, qPrintable(QString::number(snapshots.count())));
        const auto last = snapshots.last().at(0).value<BrokerSnapshot>();
        // The broker's own __consumer_offsets (made at start, sorted first), then the flooded topic.
        QCOMPARE(last.topics.size(), 2);
        QCOMPARE(last.topics.at(0).name, QStringLiteral("__consumer_offsets"));
        QCOMPARE(last.topics.at(1).partitions.at(0).logEndOffset, qint64(Batches * 10));
    }
};

QTEST_GUILESS_MAIN(TestEngineFacade)
#include "tst_enginefacade.moc"
