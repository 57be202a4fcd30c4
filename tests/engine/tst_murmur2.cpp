#include "client/murmur2.h"

#include <QTest>

using namespace topicscope::engine;

// Every test vector of the reference table (kafka-protocol.md §5.1): Kafka's UtilsTest, librdkafka's
// rdmurmur2.c unit test, kafkajs' murmur2.spec.js and the computed ones confirmed with real clients.
class TestMurmur2 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hash_data();
    void hash();
    void toPositiveIsNotAbs();
};

void TestMurmur2::hash_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<qint32>("expectedHash");
    QTest::addColumn<qint32>("expectedPositive");
    QTest::addColumn<int>("mod3");
    QTest::addColumn<int>("mod4");
    QTest::addColumn<int>("mod10");

    auto row = [](const char *key, qint64 hash, qint32 positive, int p3, int p4, int p10) {
        // The table gives some hashes as unsigned hex; reinterpret them as Java's signed int.
        const auto signedHash = static_cast<qint32>(static_cast<quint32>(hash));
        QTest::addRow("\"%s\"", key) << QByteArray(key) << signedHash << positive << p3 << p4 << p10;
    };
    row("21", -973932308, 1173551340, 0, 0, 0);
    row("foobar", -790332482, 1357151166, 0, 2, 6);
    row("a-little-bit-long-string", -985981536, 1161502112, 2, 0, 2);
    row("a-little-bit-longer-string", -1486304829, 661178819, 2, 3, 9);
    row("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971, 2088585677, 2, 1, 7);
    row("abc", 479470107, 479470107, 0, 3, 7);
    row("kafka", 0xd067cf64, 1348980580, 1, 0, 0);
    row("giberish123456789", 0x8f552b0c, 257239820, 2, 0, 0);
    row("1234", 0x9fc97b14, 533297940, 0, 0, 0);
    row("", 0x106e08d9, 275646681, 0, 1, 1);
    row("0", 971027396, 971027396, 2, 0, 6);
    row("1", -1993445489, 154038159, 0, 3, 9);
    row("key1", 28543940, 28543940, 2, 0, 0);
    row("hello", 2132663229, 2132663229, 0, 1, 9);
    row("test", 716234879, 716234879, 2, 3, 9);
}

void TestMurmur2::hash()
{
    QFETCH(QByteArray, key);
    QFETCH(qint32, expectedHash);
    QFETCH(qint32, expectedPositive);
    QFETCH(int, mod3);
    QFETCH(int, mod4);
    QFETCH(int, mod10);

    const qint32 h = Murmur2::hash(key);
    QCOMPARE(h, expectedHash);
    QCOMPARE(Murmur2::toPositive(h), expectedPositive);
    QCOMPARE(Murmur2::partitionFor(key, 3), mod3);
    QCOMPARE(Murmur2::partitionFor(key, 4), mod4);
    QCOMPARE(Murmur2::partitionFor(key, 10), mod10);
}

void TestMurmur2::toPositiveIsNotAbs()
{
    QCOMPARE(Murmur2::toPositive(std::numeric_limits<qint32>::min()), 0);
    QCOMPARE(Murmur2::toPositive(-1), std::numeric_limits<qint32>::max());
    QCOMPARE(Murmur2::toPositive(-973932308), 1173551340);
    QCOMPARE(Murmur2::toPositive(42), 42);
}

QTEST_GUILESS_MAIN(TestMurmur2)
#include "tst_murmur2.moc"
