// ConsumerProtocolSubscription / ConsumerProtocolAssignment: bytes seen from real clients, round trips,
// newer versions and malformed input.
#include "group/consumerprotocol.h"

#include <QTest>
#include <random>

using namespace topicscope::engine;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text).replace(' ', ""));
}

QString describe(const ConsumerSubscription &s)
{
    QStringList owned;
    for (const TopicPartition &tp : s.ownedPartitions)
        owned.append(tp.toString());
    return QStringLiteral("v%1 topics=[%2] userData=%3 owned=[%4] gen=%5 rack=%6")
        .arg(s.version)
        .arg(s.topics.join(QLatin1Char(',')))
        .arg(s.userData ? QString::fromLatin1(s.userData->toHex()) : QStringLiteral("null"))
        .arg(owned.join(QLatin1Char(',')))
        .arg(s.generationId)
        .arg(s.rackId.value_or(QStringLiteral("null")));
}

QString describe(const ConsumerAssignment &a)
{
    QStringList tps;
    for (const TopicPartition &tp : a.partitions)
        tps.append(tp.toString());
    return QStringLiteral("v%1 [%2] userData=%3")
        .arg(a.version)
        .arg(tps.join(QLatin1Char(',')))
        .arg(a.userData ? QString::fromLatin1(a.userData->toHex()) : QStringLiteral("null"));
}

} // namespace

class TestConsumerProtocol : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void subscriptionKnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("decoded");
        QTest::addColumn<bool>("reencodesIdentically");
        QTest::addRow("librdkafka v1: empty user data, no owned partitions")
            << hex("0001 00000001 0001 74 00000000 00000000") << "v1 topics=[t] userData= owned=[] gen=-1 rack=null"
            << true;
        QTest::addRow("kafka-python v0") << hex("0000 00000001 0001 74 00000000")
                                         << "v0 topics=[t] userData= owned=[] gen=-1 rack=null" << true;
        QTest::addRow("v0 with null user data")
            << hex("0000 00000001 0001 74 ffffffff") << "v0 topics=[t] userData=null owned=[] gen=-1 rack=null" << true;
        QTest::addRow("v3: owned partitions, generation, rack")
            << hex("0003 00000002 0001 61 0001 62 00000002 abcd 00000002 0001 61 00000002 00000000 00000002"
                   " 0001 62 00000001 00000007 00000009 0002 7231")
            << "v3 topics=[a,b] userData=abcd owned=[a-0,a-2,b-7] gen=9 rack=r1" << true;
        QTest::addRow("v3 with null rack") << hex("0003 00000000 ffffffff 00000000 00000004 ffff")
                                           << "v3 topics=[] userData=null owned=[] gen=4 rack=null" << true;
        QTest::addRow("v5: newer fields after the v3 prefix are ignored")
            << hex("0005 00000001 0001 74 ffffffff 00000000 00000003 ffff 12345678 00")
            << "v5 topics=[t] userData=null owned=[] gen=3 rack=null" << false;
        QTest::addRow("v0 read by its prefix even with a v1 tail (as kafka-python does)")
            << hex("0000 00000001 0001 74 00000000 00000000") << "v0 topics=[t] userData= owned=[] gen=-1 rack=null"
            << false;
    }

    void subscriptionKnownAnswers()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, decoded);
        QFETCH(bool, reencodesIdentically);
        const auto s = ConsumerProtocol::decodeSubscription(bytes);
        QVERIFY(s);
        QCOMPARE(describe(*s), decoded);
        if (reencodesIdentically)
            QCOMPARE(ConsumerProtocol::encodeSubscription(*s).toHex(' '), bytes.toHex(' '));
    }

    void encodeSubscriptionSortsLikeJava()
    {
        ConsumerSubscription s;
        s.version = 1;
        s.topics = {QStringLiteral("b"), QStringLiteral("a")};
        s.ownedPartitions = {{QStringLiteral("b"), 1}, {QStringLiteral("a"), 2}, {QStringLiteral("b"), 0}};
        QCOMPARE(ConsumerProtocol::encodeSubscription(s).toHex(' '),
            hex("0001 00000002 0001 61 0001 62 ffffffff 00000002 0001 61 00000001 00000002 0001 62 00000002 00000000"
                " 00000001")
                .toHex(' '));
        // Versions beyond what this code knows are written as the newest known one.
        s.version = 9;
        QCOMPARE(ConsumerProtocol::decodeSubscription(ConsumerProtocol::encodeSubscription(s))->version, qint16(3));
    }

    void assignmentKnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("decoded");
        QTest::addRow("kafka-python v0") << hex("0000 00000001 0001 74 00000001 00000000 00000000")
                                         << "v0 [t-0] userData=";
        QTest::addRow("null user data") << hex("0000 00000001 0001 74 00000002 00000000 00000003 ffffffff")
                                        << "v0 [t-0,t-3] userData=null";
        QTest::addRow("zero bytes: what Kafka sends members the leader left out")
            << QByteArray() << "v0 [] userData=null";
        QTest::addRow("the broker's empty assignment") << ConsumerProtocol::emptyAssignment() << "v0 [] userData=";
        QTest::addRow("v3 with a newer tail") << hex("0003 00000000 00000001 ff 0000") << "v3 [] userData=ff";
    }

    void assignmentKnownAnswers()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, decoded);
        const auto a = ConsumerProtocol::decodeAssignment(bytes);
        QVERIFY(a);
        QCOMPARE(describe(*a), decoded);
    }

    void emptyAssignmentBytes()
    {
        QCOMPARE(ConsumerProtocol::emptyAssignment().toHex(' '), hex("0000 00000000 00000000").toHex(' '));
    }

    void assignmentRoundTrip()
    {
        ConsumerAssignment a;
        a.partitions = {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 5}, {QStringLiteral("t"), 1}};
        a.userData = QByteArray("\x01\x02", 2);
        const QByteArray bytes = ConsumerProtocol::encodeAssignment(a);
        QCOMPARE(bytes.toHex(' '),
            hex("0000 00000002 0006 6f7264657273 00000002 00000000 00000005 0001 74 00000001 00000001 00000002 0102")
                .toHex(' '));
        QCOMPARE(describe(*ConsumerProtocol::decodeAssignment(bytes)), describe(a));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("isSubscription");
        QTest::addRow("subscription: one byte") << hex("00") << true;
        QTest::addRow("subscription: empty") << QByteArray() << true;
        QTest::addRow("subscription: negative version") << hex("ffff 00000000 ffffffff") << true;
        QTest::addRow("subscription: topic count past the end") << hex("0000 7fffffff") << true;
        QTest::addRow("subscription: negative topic count") << hex("0000 ffffffff ffffffff") << true;
        QTest::addRow("subscription: null topic") << hex("0000 00000001 ffff ffffffff") << true;
        QTest::addRow("subscription: truncated topic") << hex("0000 00000001 0005 7474") << true;
        QTest::addRow("subscription: user data past the end") << hex("0000 00000000 00000010 00") << true;
        QTest::addRow("subscription: user data length -2") << hex("0000 00000000 fffffffe") << true;
        QTest::addRow("subscription: v1 without owned partitions") << hex("0001 00000000 ffffffff") << true;
        QTest::addRow("subscription: v2 without generation") << hex("0002 00000000 ffffffff 00000000") << true;
        QTest::addRow("subscription: v3 rack truncated")
            << hex("0003 00000000 ffffffff 00000000 00000001 0004 72") << true;
        QTest::addRow("assignment: version only") << hex("0000") << false;
        QTest::addRow("assignment: partition count past the end")
            << hex("0000 00000001 0001 74 10000000 00000000") << false;
        QTest::addRow("assignment: missing user data") << hex("0000 00000000") << false;
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, isSubscription);
        if (isSubscription)
            QVERIFY(!ConsumerProtocol::decodeSubscription(bytes));
        else
            QVERIFY(!ConsumerProtocol::decodeAssignment(bytes));
    }

    // Every truncation of valid messages, and random garbage, decodes to nullopt or a value without crashing
    // (run under the asan preset to catch out-of-bounds reads).
    void truncationsAndGarbage()
    {
        ConsumerSubscription s;
        s.version = 3;
        s.topics = {QStringLiteral("alpha"), QStringLiteral("beta")};
        s.userData = QByteArray(7, 'x');
        s.ownedPartitions = {{QStringLiteral("alpha"), 1}, {QStringLiteral("beta"), 2}};
        s.generationId = 12;
        s.rackId = QStringLiteral("rack-a");
        const QByteArray full = ConsumerProtocol::encodeSubscription(s);
        QCOMPARE(describe(*ConsumerProtocol::decodeSubscription(full)), describe(s));
        for (qsizetype n = 0; n < full.size(); ++n)
            QVERIFY2(!ConsumerProtocol::decodeSubscription(full.left(n)), qPrintable(QString::number(n)));

        ConsumerAssignment a;
        a.partitions = s.ownedPartitions;
        a.userData = QByteArray("u");
        const QByteArray fullAssignment = ConsumerProtocol::encodeAssignment(a);
        for (qsizetype n = 1; n < fullAssignment.size(); ++n)
            QVERIFY(!ConsumerProtocol::decodeAssignment(fullAssignment.left(n)));

        std::mt19937 rng(12345);
        int decoded = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray garbage(qsizetype(rng() % 40), Qt::Uninitialized);
            for (char &c : garbage)
                c = char(rng() % 4 == 0 ? 0 : rng() % 256);
            decoded += ConsumerProtocol::decodeSubscription(garbage).has_value();
            decoded += ConsumerProtocol::decodeAssignment(garbage).has_value();
        }
        QVERIFY(decoded < 40000);
    }
};

QTEST_GUILESS_MAIN(TestConsumerProtocol)
#include "tst_consumerprotocol.moc"
