#include "core/crc32c.h"
#include "core/recordbatch.h"

#include <QTest>

using namespace topicscope::engine;

namespace {

QByteArray fromHex(const char *spaced)
{
    return QByteArray::fromHex(QByteArray(spaced).replace(' ', "").replace('\n', ""));
}

// The reference's worked example (kafka-python's builder, CRC recomputed independently).
const char *const WorkedExample = "0000000000000000 0000004f 00000000 02 4bf42f08 0000 00000001"
                                  "0000018bcfe56800 0000018bcfe56805 ffffffffffffffff ffff ffffffff 00000002"
                                  "22 00 00 00 04 6b31 0a 68656c6c6f 02 02 68 02 76"
                                  "16 00 0a 02 01 0a 776f726c64 00";

std::vector<Record> workedExampleRecords()
{
    Record first;
    first.timestamp = 1700000000000;
    first.key = QByteArray("k1");
    first.value = QByteArray("hello");
    first.headers = {RecordHeader {QByteArray("h"), QByteArray("v")}};
    Record second;
    second.timestamp = 1700000000005;
    second.value = QByteArray("world");
    return {first, second};
}

} // namespace

class TestRecordBatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void crc32cKnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<quint32>("expected");
        QTest::addRow("empty") << QByteArray() << 0x00000000u;
        QTest::addRow("123456789") << QByteArray("123456789") << 0xE3069283u;
        QTest::addRow("32 zero bytes (RFC 3720)") << QByteArray(32, '\0') << 0x8A9136AAu;
        QTest::addRow("32 0xff bytes (RFC 3720)") << QByteArray(32, '\xff') << 0x62A8AB43u;
    }
    void crc32cKnownAnswers()
    {
        QFETCH(QByteArray, input);
        QFETCH(quint32, expected);
        QCOMPARE(crc32c(input.constData(), static_cast<size_t>(input.size())), expected);
    }

    void crc32cIsIncremental()
    {
        const QByteArray data("The quick brown fox jumps over the lazy dog, many times over and over again");
        const uint32_t whole = crc32c(data.constData(), static_cast<size_t>(data.size()));
        for (int split = 0; split <= data.size(); ++split) {
            const uint32_t head = crc32c(data.constData(), static_cast<size_t>(split));
            QCOMPARE(crc32c(data.constData() + split, static_cast<size_t>(data.size() - split), head), whole);
        }
    }

    void buildMatchesReferenceBytes()
    {
        RecordBatch::BuildOptions options;
        options.partitionLeaderEpoch = 0; // kafka-python sends 0
        const QByteArray built = RecordBatch::build(0, workedExampleRecords(), options);
        QCOMPARE(built.toHex(), fromHex(WorkedExample).toHex());
    }

    void decodeReferenceBytes()
    {
        const QByteArray bytes = fromHex(WorkedExample);
        QCOMPARE(RecordBatch::validate(bytes), ErrorCode::None);
        std::vector<Record> records;
        QCOMPARE(RecordBatch::decode(bytes, &records), ErrorCode::None);
        auto expected = workedExampleRecords();
        expected[0].offset = 0;
        expected[1].offset = 1;
        QCOMPARE(records.size(), size_t(2));
        QVERIFY(records[0] == expected[0]);
        QVERIFY(records[1] == expected[1]);
        QVERIFY(!records[1].key.has_value()); // null key stays null, distinct from empty
    }

    void headerFields()
    {
        const auto header = RecordBatch::parseHeader(fromHex(WorkedExample));
        QVERIFY(header);
        QCOMPARE(header->batchLength, 79);
        QCOMPARE(header->totalSize(), qint64(91));
        QCOMPARE(header->lastOffsetDelta, 1);
        QCOMPARE(header->recordsCount, 2);
        QCOMPARE(header->maxTimestamp, qint64(1700000000005));
        QCOMPARE(header->crc, 0x4bf42f08u);
        QCOMPARE(header->timestampType(), TimestampType::CreateTime);
    }

    void nullEmptyAndBinaryRoundTrip()
    {
        std::vector<Record> in(4);
        in[0].key = QByteArray(); // empty, not null
        in[0].value = std::nullopt; // tombstone
        in[1].key = QByteArray("\x00\x01\xff", 3);
        in[1].value = QByteArray(300, 'x'); // multi-byte varint length
        in[1].headers = {{QByteArray("a"), std::nullopt}, {QByteArray("b"), QByteArray()}};
        in[2].timestamp = 5;
        in[2].value = QByteArray("earlier timestamp than base");
        in[3].timestamp = 1'800'000'000'000;
        for (auto &r : in)
            if (r.timestamp < 0)
                r.timestamp = 1'700'000'000'000;
        const QByteArray batch = RecordBatch::build(42, in);
        QCOMPARE(RecordBatch::validate(batch), ErrorCode::None);
        std::vector<Record> out;
        QCOMPARE(RecordBatch::decode(batch, &out), ErrorCode::None);
        QCOMPARE(out.size(), in.size());
        for (size_t i = 0; i < in.size(); ++i) {
            in[i].offset = 42 + static_cast<qint64>(i);
            QVERIFY2(out[i] == in[i], qPrintable(QString::number(i)));
        }
        QVERIFY(out[0].key.has_value() && out[0].key->isEmpty());
        QVERIFY(!out[0].value.has_value());
    }

    void recordSizeMatchesEncoding()
    {
        Record r;
        r.key = QByteArray("key");
        r.value = QByteArray(100, 'v');
        r.timestamp = 1000;
        const QByteArray one = RecordBatch::build(0, {r});
        QCOMPARE(one.size(), RecordBatchHeader::Size + RecordBatch::recordSize(r, 0, 0));
    }

    void rejectsCorruption_data()
    {
        QTest::addColumn<int>("byteToFlip");
        QTest::addColumn<int>("expected");
        QTest::addRow("attributes") << 22 << int(ErrorCode::CorruptMessage);
        QTest::addRow("record payload") << 80 << int(ErrorCode::CorruptMessage);
        QTest::addRow("crc itself") << 18 << int(ErrorCode::CorruptMessage);
        QTest::addRow("magic 2 -> 1") << -16 << int(ErrorCode::UnsupportedForMessageFormat);
    }
    void rejectsCorruption()
    {
        QFETCH(int, byteToFlip);
        QFETCH(int, expected);
        QByteArray bytes = fromHex(WorkedExample);
        if (byteToFlip < 0)
            bytes[-byteToFlip] = 1;
        else
            bytes[byteToFlip] = static_cast<char>(bytes[byteToFlip] ^ 0x40);
        QString why;
        QCOMPARE(int(RecordBatch::validate(bytes, &why)), expected);
        QVERIFY(!why.isEmpty());
    }

    void rejectsLyingLengths()
    {
        const QByteArray good = fromHex(WorkedExample);
        QString why;
        QCOMPARE(RecordBatch::validate(good.left(60), &why), ErrorCode::CorruptMessage);
        QCOMPARE(RecordBatch::validate(good.left(90), &why), ErrorCode::CorruptMessage);
        QVERIFY(why.contains(QStringLiteral("91")));
        QByteArray huge = good;
        huge[8] = '\x7f'; // batchLength ~2 GiB
        QCOMPARE(RecordBatch::validate(huge, &why), ErrorCode::CorruptMessage);
        QByteArray negative = good;
        negative[8] = '\xff';
        QCOMPARE(RecordBatch::validate(negative, &why), ErrorCode::CorruptMessage);
    }

    void decodeNeverReadsPastARecord()
    {
        // A valid CRC over garbage record bodies must still be refused record by record.
        QByteArray bytes = fromHex(WorkedExample);
        bytes[61] = '\x7e'; // first record claims 63 bytes
        RecordBatch::setLogAppendTime(bytes, 1700000000005); // recomputes the CRC
        std::vector<Record> records;
        QString why;
        QCOMPARE(RecordBatch::decode(bytes, &records, &why), ErrorCode::CorruptMessage);
        QVERIFY2(why.contains(QStringLiteral("record 0")), qPrintable(why));
    }

    void splitConcatenatedBatches()
    {
        const QByteArray a = RecordBatch::build(0, workedExampleRecords());
        const QByteArray b = RecordBatch::build(2, workedExampleRecords());
        bool truncated = true;
        const QByteArray both = a + b; // split() returns views into its input
        auto parts = RecordBatch::split(both, &truncated);
        QCOMPARE(parts.size(), size_t(2));
        QVERIFY(!truncated);
        QCOMPARE(parts[1].toByteArray(), b);
        const QByteArray cut = a + b.left(30);
        parts = RecordBatch::split(cut, &truncated);
        QCOMPARE(parts.size(), size_t(1));
        QVERIFY(truncated);
    }

    void brokerRewrites()
    {
        QByteArray batch = RecordBatch::build(0, workedExampleRecords());
        RecordBatch::setBaseOffset(batch, 1000);
        QCOMPARE(RecordBatch::validate(batch), ErrorCode::None); // base offset is outside the CRC
        RecordBatch::setLogAppendTime(batch, 1800000000000);
        QCOMPARE(RecordBatch::validate(batch), ErrorCode::None);
        std::vector<Record> records;
        QCOMPARE(RecordBatch::decode(batch, &records), ErrorCode::None);
        QCOMPARE(records[0].offset, qint64(1000));
        QCOMPARE(records[1].offset, qint64(1001));
        QCOMPARE(records[0].timestamp, qint64(1800000000000)); // LogAppendTime: every record gets it
        QCOMPARE(records[1].timestamp, qint64(1800000000000));
    }
};

QTEST_GUILESS_MAIN(TestRecordBatch)
#include "tst_recordbatch.moc"
