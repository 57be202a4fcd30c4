// The core's Broker without the wire: what every producer (a wire client, an in-app producer, a scenario's)
// gets from Broker::append, and retention as a clock timer on virtual time.
#include "broker/broker.h"
#include "core/clock.h"
#include "logtesthelpers.h"

#include <QTest>

using namespace topicscope::engine;
using logtest::idempotentBatch;

namespace {

std::unique_ptr<Broker> openBroker(ManualClock &clock, qint64 retentionCheckIntervalMs)
{
    BrokerOptions options;
    options.storage.inMemory = true;
    options.retentionCheckIntervalMs = retentionCheckIntervalMs;
    QString error;
    auto broker = Broker::open(std::move(options), clock, &error);
    if (!broker)
        qWarning("%s", qPrintable(error));
    return broker;
}

// "error=0 base=3 last=4 duplicate" for one append result.
QString describe(const AppendResult &r)
{
    return QStringLiteral("error=%1 base=%2 last=%3%4")
        .arg(int(r.error))
        .arg(r.baseOffset)
        .arg(r.lastOffset)
        .arg(r.duplicate ? QStringLiteral(" duplicate") : QString());
}

} // namespace

class TestBroker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void idempotenceWithoutTheWire()
    {
        ManualClock clock;
        auto broker = openBroker(clock, 0);
        QVERIFY(broker);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(broker->log().createTopic(tp.topic, 1), ErrorCode::None);
        const qint64 pid = broker->allocateProducerId();
        QVERIFY(pid >= clock.nowMs() * 1000);

        const QByteArray first = idempotentBatch(pid, 0, 0, 3);
        const QByteArray second = idempotentBatch(pid, 0, 3, 2);
        const QByteArray gap = idempotentBatch(pid, 0, 9, 1);
        const auto results = broker->append({{tp, first}, {tp, second}});
        QCOMPARE(results.size(), size_t(2));
        QCOMPARE(describe(results[0]), QStringLiteral("error=0 base=0 last=2"));
        QCOMPARE(describe(results[1]), QStringLiteral("error=0 base=3 last=4"));

        // A retry of the second batch, in the same call as a gap: answered with its first offsets, stored once;
        // the gap is refused and does not stop the retry.
        const auto retried = broker->append({{tp, gap}, {tp, second}});
        QCOMPARE(describe(retried[0]),
            QStringLiteral("error=%1 base=-1 last=-1").arg(int(ErrorCode::OutOfOrderSequenceNumber)));
        QVERIFY2(!retried[0].message.isEmpty(), "a refusal says why");
        QCOMPARE(describe(retried[1]), QStringLiteral("error=0 base=3 last=4 duplicate"));
        QVERIFY2(retried[1].message.contains(QStringLiteral("sequence 3-4")), qPrintable(retried[1].message));
        QCOMPARE(broker->log().partitionInfo(tp)->logEndOffset, 5);

        // A batch without a producer id (an in-app producer, a scenario's) is never checked for sequences.
        const auto plain = broker->append({{tp, logtest::makeBatch(2)}, {tp, logtest::makeBatch(2)}});
        QCOMPARE(describe(plain[0]), QStringLiteral("error=0 base=5 last=6"));
        QCOMPARE(describe(plain[1]), QStringLiteral("error=0 base=7 last=8"));
    }

    void producerStateForgottenWithItsTopic()
    {
        ManualClock clock;
        auto broker = openBroker(clock, 0);
        QVERIFY(broker);
        const TopicPartition tp {QStringLiteral("t"), 0};
        broker->log().createTopic(tp.topic, 1);
        const qint64 pid = broker->allocateProducerId();
        QCOMPARE(broker->append({{tp, idempotentBatch(pid, 0, 0, 2)}})[0].error, ErrorCode::None);
        QCOMPARE(broker->log().deleteTopic(tp.topic), ErrorCode::None);
        broker->log().createTopic(tp.topic, 1);
        // Re-created: the same sequence is a new batch, not a duplicate of the deleted one.
        const auto again = broker->append({{tp, idempotentBatch(pid, 0, 0, 2)}});
        QCOMPARE(describe(again[0]), QStringLiteral("error=0 base=0 last=1"));
    }

    void retentionIsAClockTimer()
    {
        ManualClock clock(logtest::DefaultTimestamp);
        auto broker = openBroker(clock, 1000);
        QVERIFY(broker);
        TopicConfig config;
        config.retentionMs = 10'000;
        const TopicPartition tp {QStringLiteral("short"), 0};
        QCOMPARE(broker->log().createTopic(tp.topic, 1, config), ErrorCode::None);
        QCOMPARE(broker->append({{tp, logtest::makeBatch(4)}})[0].error, ErrorCode::None);
        QList<RecordsDeleted> deleted;
        broker->events().subscribe([&deleted](const Event &e) {
            if (const auto *d = std::get_if<RecordsDeleted>(&e))
                deleted << *d;
        });
        clock.advance(10'000); // the records are exactly retention.ms old: kept
        QVERIFY(deleted.isEmpty());
        clock.advance(1'000); // older than retention.ms, and the next check is due
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().newLogStartOffset, 4);
        QCOMPARE(deleted.first().cause, DeletionCause::RetentionMs);
        QCOMPARE(broker->log().partitionInfo(tp)->logStartOffset, 4);
    }

    void noRetentionTimerWhenDisabled()
    {
        ManualClock clock;
        auto broker = openBroker(clock, 0);
        QVERIFY(broker);
        QCOMPARE(clock.pendingTimers(), 0);
        broker.reset();
        auto ticking = openBroker(clock, 500);
        QCOMPARE(clock.pendingTimers(), 1);
        ticking.reset(); // the broker cancels its own timer
        QCOMPARE(clock.pendingTimers(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBroker)
#include "tst_broker.moc"
