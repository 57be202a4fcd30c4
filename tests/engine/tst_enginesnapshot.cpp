// The live engine's BrokerSnapshot describes again only the topics an event named since the previous snapshot, and
// no more of them per snapshot than its budget allows: every kind of change still shows in the next snapshot, an
// unchanged topic is the previous value (shared, not copied), and a start on hundreds of thousands of partitions is
// described over several snapshots that end complete.
#include "core/recordbatch.h"
#include "runtime/engine.h"

#include <QSignalSpy>
#include <QTest>

using namespace topicscope::engine;

namespace {

const TopicInfo *topic(const BrokerSnapshot &s, const QString &name)
{
    for (const TopicInfo &t : s.topics) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QByteArray batchOf(int records)
{
    std::vector<Record> out;
    for (int i = 0; i < records; ++i) {
        Record r;
        r.timestamp = 1'700'000'000'000 + i;
        r.value = QByteArray(20, 'v');
        out.push_back(std::move(r));
    }
    return RecordBatch::build(0, out);
}

} // namespace

class TestEngineSnapshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyChangeShowsAndUnchangedTopicsAreShared()
    {
        EngineOptions options;
        options.storage.inMemory = true;
        Engine engine(options);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const QString a = QStringLiteral("orders");
        const QString b = QStringLiteral("payments");
        QCOMPARE(engine.log().createTopic(a, 2), ErrorCode::None);
        QCOMPARE(engine.log().createTopic(b, 3), ErrorCode::None);
        const BrokerSnapshot first = engine.snapshot();
        QVERIFY(first.topicsComplete);
        QVERIFY(topic(first, a) && topic(first, b));

        // An append: its partition's end, size and append time move; the other topic is the same value.
        QCOMPARE(engine.log().append({a, 1}, batchOf(5)).error, ErrorCode::None);
        const BrokerSnapshot appended = engine.snapshot();
        QCOMPARE(topic(appended, a)->partitions.at(1).logEndOffset, 5);
        QVERIFY(topic(appended, a)->partitions.at(1).sizeBytes > 0);
        QVERIFY(topic(appended, b)->partitions.isSharedWith(topic(first, b)->partitions));
        QVERIFY(!topic(appended, a)->partitions.isSharedWith(topic(first, a)->partitions));

        // DeleteRecords moves the log start.
        QCOMPARE(engine.log().deleteRecordsBefore({a, 1}, 3), ErrorCode::None);
        QCOMPARE(topic(engine.snapshot(), a)->partitions.at(1).logStartOffset, 3);

        // A config change, which no log event but TopicConfigChanged announces.
        TopicConfig config;
        config.retentionMs = 3'600'000;
        QCOMPARE(engine.log().alterConfig(b, config), ErrorCode::None);
        QCOMPARE(topic(engine.snapshot(), b)->config.retentionMs, 3'600'000);

        // More partitions; a topic deleted; one created under its name.
        QCOMPARE(engine.log().createPartitions(a, 4), ErrorCode::None);
        QCOMPARE(topic(engine.snapshot(), a)->partitions.size(), 4);
        QCOMPARE(engine.log().deleteTopic(b), ErrorCode::None);
        QVERIFY(!topic(engine.snapshot(), b));
        QCOMPARE(engine.log().createTopic(b, 1), ErrorCode::None);
        const BrokerSnapshot recreated = engine.snapshot();
        QCOMPARE(topic(recreated, b)->partitions.size(), 1);
        QCOMPARE(topic(recreated, b)->config.retentionMs, TopicConfig {}.retentionMs);

        // Whatever was cached, the snapshot equals a fresh description of every topic.
        for (const TopicInfo &t : recreated.topics) {
            const std::optional<TopicInfo> fresh = engine.log().describeTopic(t.name);
            QVERIFY(fresh);
            QCOMPARE(t.partitions.size(), fresh->partitions.size());
            for (qsizetype p = 0; p < t.partitions.size(); ++p) {
                QCOMPARE(t.partitions.at(p).logStartOffset, fresh->partitions.at(p).logStartOffset);
                QCOMPARE(t.partitions.at(p).logEndOffset, fresh->partitions.at(p).logEndOffset);
                QCOMPARE(t.partitions.at(p).sizeBytes, fresh->partitions.at(p).sizeBytes);
            }
            QCOMPARE(t.config.retentionMs, fresh->config.retentionMs);
        }
    }

    // 300,000 new partitions are more than one snapshot's budget describes: the first published snapshots are
    // incomplete, and the engine publishes again, one interval later each time, until one lists every topic with
    // all its partitions.
    void manyNewPartitionsAreDescribedOverSeveralSnapshots()
    {
        EngineOptions options;
        options.storage.inMemory = true;
        options.snapshotIntervalMs = 10;
        Engine engine(options);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QSignalSpy published(&engine, &Engine::snapshotReady);
        constexpr int Topics = 30;
        constexpr int Partitions = 10'000;
        std::vector<LogManager::NewTopic> topics;
        for (int i = 0; i < Topics; ++i)
            topics.push_back({QStringLiteral("wide-%1").arg(i), Partitions, {}});
        for (const LogManager::TopicCreation &c : engine.log().createTopics(topics))
            QCOMPARE(c.error, ErrorCode::None);
        const auto complete = [&] {
            return !published.isEmpty() && published.constLast().at(0).value<BrokerSnapshot>().topicsComplete;
        };
        QTRY_VERIFY_WITH_TIMEOUT(complete(), 20000);
        const BrokerSnapshot last = published.constLast().at(0).value<BrokerSnapshot>();
        int wide = 0;
        for (const TopicInfo &t : last.topics) {
            if (t.name.startsWith(QLatin1String("wide-"))) {
                ++wide;
                QCOMPARE(t.partitions.size(), Partitions);
            }
        }
        QCOMPARE(wide, Topics);
        QVERIFY2(published.size() > 1, "described in one snapshot: the budget did not apply");
        QVERIFY(!published.constFirst().at(0).value<BrokerSnapshot>().topicsComplete);
    }
};

QTEST_GUILESS_MAIN(TestEngineSnapshot)
#include "tst_enginesnapshot.moc"
