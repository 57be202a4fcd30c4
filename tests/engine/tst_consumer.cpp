#include "clientfixture.h"

#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::clienttest;

namespace {
QString str(const char *s)
{
    return QString::fromUtf8(s);
}
TopicPartition tp(const char *topic, int partition)
{
    return TopicPartition {QString::fromUtf8(topic), partition};
}

QStringList values(const PollResult &r)
{
    QStringList out;
    for (const ConsumerRecord &cr : r.records)
        out << (cr.value ? cr.value->toString() : str("null"));
    return out;
}
} // namespace

// The in-app consumer outside group rebalances: assign(), positions, commits, auto.offset.reset, seeks, pause,
// deserialization errors, and what auto-commit means when a consumer crashes.
class TestConsumer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void assignPollCommit();
    void newGroupStartsAtResetPolicy_data();
    void newGroupStartsAtResetPolicy();
    void committedOffsetBelowLogStart_data();
    void committedOffsetBelowLogStart();
    void maxPollRecordsAndDeserializationErrors();
    void seekPauseResume();
    void commitWithoutGroupIsAnError();
    void crashAfterProcessing_data();
    void crashAfterProcessing();
};

void TestConsumer::assignPollCommit()
{
    ClientFixture f;
    QVERIFY2(f.ok(), qPrintable(f.openError));
    QCOMPARE(f.log->createTopic(str("t"), 2), ErrorCode::None);
    f.produce(str("t"), 0, 5);

    ConsumerConfig config = ClientFixture::consumerConfig(str("c1"), str("g"));
    config.enableAutoCommit = false;
    auto c = f.consumer(config);
    QCOMPARE(c->assign({tp("t", 0)}), ErrorCode::None);
    QCOMPARE(c->assignment(), QList<TopicPartition> {tp("t", 0)});

    const PollResult r = c->poll();
    QVERIFY(r.errors.empty());
    QCOMPARE(values(r), (QStringList {str("v0"), str("v1"), str("v2"), str("v3"), str("v4")}));
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(r.records[i].offset, qint64(i));
        QCOMPARE(r.records[i].key, std::optional<QVariant>(QVariant(QStringLiteral("k%1").arg(i))));
        QCOMPARE(r.records[i].rawValue, std::optional<QByteArray>(QByteArray("v") + QByteArray::number(i)));
        QVERIFY(r.records[i].error.isEmpty());
        QCOMPARE(r.records[i].topicPartition(), tp("t", 0));
    }
    QCOMPARE(c->position(tp("t", 0)), std::optional<qint64>(5));
    QCOMPARE(c->committed(tp("t", 0)), std::nullopt);
    QVERIFY(c->poll().records.empty());

    QCOMPARE(c->commitSync(), ErrorCode::None);
    QCOMPARE(c->committed(tp("t", 0)), std::optional<qint64>(5));
    c->close();

    // A new consumer of the group continues from the committed offset.
    f.produce(str("t"), 0, 2, str("w"));
    auto next = f.consumer(config);
    next->assign({tp("t", 0)});
    QCOMPARE(values(next->poll()), (QStringList {str("w0"), str("w1")}));
    // commitSync(offsets) commits exactly what it is given.
    QCOMPARE(next->commitSync(QMap<TopicPartition, qint64> {{tp("t", 0), 6}}), ErrorCode::None);
    QCOMPARE(next->committed(tp("t", 0)), std::optional<qint64>(6));
}

void TestConsumer::newGroupStartsAtResetPolicy_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<QStringList>("firstPoll");
    QTest::addColumn<QStringList>("afterMore");
    QTest::addColumn<int>("expectedError");
    QTest::addRow("earliest") << int(OffsetResetPolicy::Earliest) << QStringList {str("v0"), str("v1"), str("v2")}
                              << QStringList {str("new0")} << int(ErrorCode::None);
    QTest::addRow("latest") << int(OffsetResetPolicy::Latest) << QStringList {} << QStringList {str("new0")}
                            << int(ErrorCode::None);
    QTest::addRow("none") << int(OffsetResetPolicy::None) << QStringList {} << QStringList {}
                          << int(ErrorCode::OffsetOutOfRange);
}

void TestConsumer::newGroupStartsAtResetPolicy()
{
    QFETCH(int, policy);
    QFETCH(QStringList, firstPoll);
    QFETCH(QStringList, afterMore);
    QFETCH(int, expectedError);

    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 1);
    f.produce(str("t"), 0, 3);
    auto c = f.consumer(ClientFixture::consumerConfig(str("c1"), str("fresh"), OffsetResetPolicy(policy)));
    c->assign({tp("t", 0)});
    const PollResult first = c->poll();
    QCOMPARE(values(first), firstPoll);
    if (expectedError != int(ErrorCode::None)) {
        QCOMPARE(first.errors.size(), size_t(1));
        QCOMPARE(int(first.errors[0].error), expectedError);
        QCOMPARE(first.errors[0].topicPartition, tp("t", 0));
        QVERIFY2(first.errors[0].message.contains(str("no committed offset for t-0 and auto.offset.reset=none")),
            qPrintable(first.errors[0].message));
        QCOMPARE(c->position(tp("t", 0)), std::nullopt);
    } else {
        QVERIFY(first.errors.empty());
    }
    f.produce(str("t"), 0, 1, str("new"));
    QCOMPARE(values(c->poll()), afterMore);
    // An explicit seek gets a none-policy consumer going.
    if (OffsetResetPolicy(policy) == OffsetResetPolicy::None) {
        c->seek(tp("t", 0), 1);
        QCOMPARE(values(c->poll()), (QStringList {str("v1"), str("v2"), str("new0")}));
    }
}

void TestConsumer::committedOffsetBelowLogStart_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("expectError");
    QTest::addRow("earliest: from the new log start")
        << int(OffsetResetPolicy::Earliest) << QStringList {str("v5"), str("v6"), str("v7")} << false;
    QTest::addRow("latest: from the log end") << int(OffsetResetPolicy::Latest) << QStringList {} << false;
    QTest::addRow("none: an error value") << int(OffsetResetPolicy::None) << QStringList {} << true;
}

void TestConsumer::committedOffsetBelowLogStart()
{
    QFETCH(int, policy);
    QFETCH(QStringList, expected);
    QFETCH(bool, expectError);

    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 1);
    f.produce(str("t"), 0, 8);
    ConsumerConfig config = ClientFixture::consumerConfig(str("c1"), str("g"), OffsetResetPolicy(policy));
    auto c = f.consumer(config);
    c->assign({tp("t", 0)});
    QCOMPARE(c->commitSync(QMap<TopicPartition, qint64> {{tp("t", 0), 2}}), ErrorCode::None);
    qint64 low = -1;
    QCOMPARE(f.log->deleteRecordsBefore(tp("t", 0), 5, &low), ErrorCode::None);
    QCOMPARE(low, qint64(5));

    const PollResult r = c->poll();
    QCOMPARE(values(r), expected);
    if (expectError) {
        QCOMPARE(r.errors.size(), size_t(1));
        QCOMPARE(r.errors[0].error, ErrorCode::OffsetOutOfRange);
        QVERIFY2(r.errors[0].message.contains(str("fetch offset 2 is out of range for t-0 [5, 8]")),
            qPrintable(r.errors[0].message));
    } else {
        QVERIFY(r.errors.empty());
        QCOMPARE(c->position(tp("t", 0)), std::optional<qint64>(8));
    }
}

void TestConsumer::maxPollRecordsAndDeserializationErrors()
{
    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 1);
    f.produce(str("t"), 0, 3); // values "v0".. are 2 bytes: not an int32
    ConsumerConfig config = ClientFixture::consumerConfig(str("c1"), std::nullopt);
    config.valueDeserializer = SerdeFormat::Int32;
    config.maxPollRecords = 2;
    auto c = f.consumer(config);
    c->assign({tp("t", 0)});
    PollResult r = c->poll();
    QCOMPARE(r.records.size(), size_t(2));
    QCOMPARE(r.records[0].error, str("value: int32 deserializer: size of data received is 2 bytes, not 4"));
    QVERIFY(!r.records[0].value);
    QCOMPARE(r.records[0].key, std::optional<QVariant>(QVariant(str("k0")))); // the key still deserialized
    QCOMPARE(r.records[0].rawValue, std::optional<QByteArray>(QByteArray("v0")));
    // The consumer moves past a bad record (Java would stop at it until seek(); see the report).
    r = c->poll();
    QCOMPARE(r.records.size(), size_t(1));
    QCOMPARE(r.records[0].offset, qint64(2));
}

void TestConsumer::seekPauseResume()
{
    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 2);
    f.produce(str("t"), 0, 3, str("a"));
    f.produce(str("t"), 1, 2, str("b"));
    auto c = f.consumer(ClientFixture::consumerConfig(str("c1"), std::nullopt));
    c->assign({tp("t", 0), tp("t", 1)});
    c->pause({tp("t", 1)});
    QCOMPARE(c->paused(), QList<TopicPartition> {tp("t", 1)});
    QCOMPARE(values(c->poll()), (QStringList {str("a0"), str("a1"), str("a2")}));
    c->resume({tp("t", 1)});
    QCOMPARE(values(c->poll()), (QStringList {str("b0"), str("b1")}));
    c->seek(tp("t", 0), 1);
    QCOMPARE(values(c->poll()), (QStringList {str("a1"), str("a2")}));
    c->seekToBeginning({tp("t", 1)});
    QCOMPARE(c->position(tp("t", 1)), std::optional<qint64>(0));
    c->seekToEnd({tp("t", 1)});
    QCOMPARE(c->position(tp("t", 1)), std::optional<qint64>(2));
    QVERIFY(c->poll().records.empty());
    QCOMPARE(c->position(tp("other", 0)), std::nullopt); // not assigned
}

void TestConsumer::commitWithoutGroupIsAnError()
{
    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 1);
    auto c = f.consumer(ClientFixture::consumerConfig(str("c1"), std::nullopt));
    QCOMPARE(c->subscribe({str("t")}), ErrorCode::InvalidGroupId);
    c->assign({tp("t", 0)});
    QString why;
    QCOMPARE(c->commitSync(QMap<TopicPartition, qint64> {{tp("t", 0), 0}}, &why), ErrorCode::InvalidGroupId);
    QVERIFY(!why.isEmpty());
}

void TestConsumer::crashAfterProcessing_data()
{
    QTest::addColumn<bool>("autoCommit");
    QTest::addColumn<int>("expectedDuplicates");
    QTest::addRow("auto-commit, crash before the interval: duplicates") << true << 10;
    QTest::addRow("commitSync after processing: none") << false << 0;
}

void TestConsumer::crashAfterProcessing()
{
    QFETCH(bool, autoCommit);
    QFETCH(int, expectedDuplicates);

    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("orders"), 2);
    f.produce(str("orders"), 0, 5, str("a"));
    f.produce(str("orders"), 1, 5, str("b"));

    ConsumerConfig config = ClientFixture::consumerConfig(str("first"), str("billing"));
    config.enableAutoCommit = autoCommit;
    auto first = f.consumer(config);
    QCOMPARE(first->subscribe({str("orders")}), ErrorCode::None);
    QMap<QString, int> processed; // value -> times processed, across both consumers
    auto process = [&](Consumer *c, const PollResult &r) {
        for (const ConsumerRecord &rec : r.records)
            processed[rec.value->toString()]++;
        if (!autoCommit && !r.records.empty())
            QCOMPARE(c->commitSync(), ErrorCode::None);
    };
    QVERIFY(f.run(3000, {first.get()}, process, [&] { return processed.size() == 10; }));
    QCOMPARE(first->state(), Consumer::MemberState::Stable);
    // Well within auto.commit.interval.ms (5 s): nothing auto-committed yet.
    first->crash();

    config.clientId = str("second");
    auto second = f.consumer(config);
    second->subscribe({str("orders")});
    // The crashed member never leaves: only its session timeout (10 s) lets the group rebalance.
    f.run(20000, {second.get()}, process);
    QCOMPARE(ClientFixture::assignmentText(*second), str("second=[0,1]"));
    int duplicates = 0;
    for (const int n : std::as_const(processed))
        duplicates += n - 1;
    QCOMPARE(processed.size(), 10);
    QCOMPARE(duplicates, expectedDuplicates);
}

QTEST_GUILESS_MAIN(TestConsumer)
#include "tst_consumer.moc"
