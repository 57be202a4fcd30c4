// TopicId (engine/api/topicid.h): Kafka's Uuid as a value, made as Kafka's Uuid.randomUuid() makes one, printed and
// parsed as Kafka prints it.
#include "topicid.h"

#include <QSet>
#include <QTest>

using namespace topicscope::engine;

class TestTopicId : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generatedIdsAreKafkasRandomUuids()
    {
        QSet<TopicId> seen;
        for (int i = 0; i < 2000; ++i) {
            const TopicId id = TopicId::generate();
            const QByteArray bytes = id.toByteArray();
            QCOMPARE(bytes.size(), 16);
            QCOMPARE(quint8(bytes[6]) >> 4, 4); // version 4
            QCOMPARE(quint8(bytes[8]) >> 6, 2); // variant 2 (RFC 4122)
            QVERIFY(!id.isNull() && !id.isReserved());
            const QString text = id.toString();
            QCOMPARE(text.size(), 22);
            QVERIFY(!text.startsWith(QLatin1Char('-')));
            QCOMPARE(TopicId::fromString(text), id);
            QCOMPARE(TopicId::fromBytes(bytes), id);
            QVERIFY(!seen.contains(id));
            seen.insert(id);
        }
    }

    void reservedAndMalformedIds()
    {
        QVERIFY(TopicId().isNull());
        QVERIFY(TopicId().isReserved());
        QCOMPARE(TopicId().toString(), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA")); // Kafka's ZERO_UUID
        const TopicId one = TopicId::fromBytes(QByteArray::fromHex("00000000000000000000000000000001"));
        QVERIFY(!one.isNull() && one.isReserved()); // METADATA_TOPIC_ID
        QCOMPARE(one.toString(), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAQ"));
        QVERIFY(TopicId::fromBytes(QByteArray(15, 7)).isNull());
        QVERIFY(TopicId::fromBytes(QByteArray(17, 7)).isNull());
        QVERIFY(TopicId::fromString(QStringLiteral("AAAAAAAAAAAAAAAAAAAAA")).isNull()); // 21 characters
        QVERIFY(TopicId::fromString(QStringLiteral("AAAAAAAAAAAAAAAAAAAA*Q")).isNull());
        // The same value Kafka's tools print for these bytes (URL-safe alphabet, no padding).
        const TopicId sample = TopicId::fromBytes(QByteArray::fromHex("fbff0000000040008000000000000001"));
        QCOMPARE(sample.toString(), QStringLiteral("-_8AAAAAQACAAAAAAAAAAQ"));
        QCOMPARE(TopicId::fromString(sample.toString()), sample);
    }
};

QTEST_GUILESS_MAIN(TestTopicId)
#include "tst_topicid.moc"
