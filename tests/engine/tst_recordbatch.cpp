#include "compressedbatches.h"
#include "core/crc32c.h"
#include "core/recordbatch.h"

#include <QRandomGenerator>
#include <QTest>
#include <functional>

using namespace topicscope::engine;
using namespace topicscope::engine::compressiontest;

Q_DECLARE_METATYPE(topicscope::engine::compressiontest::Framing)

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

// Three records whose timestamps are out of order (the largest in the middle), with keys, values and headers
// long enough for varint lengths of two bytes.
std::vector<Record> outOfOrderRecords()
{
    std::vector<Record> records = workedExampleRecords();
    Record third;
    third.timestamp = 1700000000300;
    third.key = QByteArray(200, 'k');
    third.value = QByteArray(300, 'v');
    third.headers = {RecordHeader {QByteArray("trace"), QByteArray("abc")}};
    records.insert(records.begin() + 1, third);
    return records; // timestamps ...000, ...300, ...005: the max is ...300
}
constexpr qint64 OutOfOrderMax = 1700000000300;

// Framings as data rows, with "uncompressed" first (framing -1).
void addFramingRows(const char *suffix, const std::function<void(QTestData &)> &more)
{
    const QList<QPair<const char *, int>> rows {{"uncompressed", -1}, {"gzip", int(Framing::Gzip)},
        {"snappy xerial", int(Framing::SnappyXerial)}, {"snappy raw", int(Framing::SnappyRaw)},
        {"lz4 frame", int(Framing::Lz4Frame)}, {"zstd with content size", int(Framing::ZstdWithContentSize)},
        {"zstd streamed", int(Framing::ZstdStreamed)}};
    for (const auto &[name, framing] : rows) {
        QTestData &row = QTest::addRow("%s%s", name, suffix) << framing;
        more(row);
    }
}

QByteArray batchIn(int framing, const std::vector<Record> &records)
{
    return framing < 0 ? RecordBatch::build(0, records) : compressedBatch(Framing(framing), records);
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

    // crc32c() takes long inputs in interleaved lanes and joins them; the table version reads byte after byte. They
    // must agree at every length around the lanes' edges, at every alignment, from any starting value.
    void crc32cAgreesWithTheTableVersion()
    {
        constexpr qsizetype Round = 3 * 4096;
        QByteArray data(3 * Round + 64, Qt::Uninitialized);
        QRandomGenerator random(42);
        for (char &c : data)
            c = static_cast<char>(random.bounded(256));
        std::vector<qsizetype> lengths;
        for (qsizetype n = 0; n <= 100; ++n)
            lengths.push_back(n);
        for (const qsizetype edge : {Round, 2 * Round, 3 * Round})
            for (qsizetype n = edge - 9; n <= edge + 9; ++n)
                lengths.push_back(n);
        lengths.push_back(Round + 4096 + 3);
        for (const qsizetype n : lengths) {
            for (const qsizetype at : {0, 1, 3, 7, 8, 13}) {
                for (const uint32_t seed : {0u, 0xDEADBEEFu}) {
                    const auto *p = data.constData() + at;
                    const auto size = static_cast<size_t>(qMin(n, data.size() - at));
                    QVERIFY2(crc32c(p, size, seed) == crc32cPortable(p, size, seed),
                        qPrintable(QStringLiteral("length %1 at %2 seed %3").arg(size).arg(at).arg(seed)));
                }
            }
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

    // decode() reads compressed batches too: the same records, absolute offsets and timestamps.
    void decodeCompressed_data()
    {
        QTest::addColumn<int>("framing");
        addFramingRows("", [](QTestData &) {});
    }
    void decodeCompressed()
    {
        QFETCH(int, framing);
        QByteArray batch = batchIn(framing, outOfOrderRecords());
        RecordBatch::setBaseOffset(batch, 42);
        QCOMPARE(RecordBatch::validate(batch), ErrorCode::None);
        std::vector<Record> records;
        QString why;
        QCOMPARE(RecordBatch::decode(batch, &records, &why), ErrorCode::None);
        std::vector<Record> expected = outOfOrderRecords();
        QCOMPARE(records.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            expected[i].offset = 42 + static_cast<qint64>(i);
            QVERIFY2(records[i] == expected[i], qPrintable(QString::number(i)));
        }
    }

    void decodeRefusesCorruptCompressedRecords()
    {
        const QByteArray batch = withRecordsSection(
            RecordBatch::build(7, outOfOrderRecords()), Compression::Gzip, QByteArray("definitely not gzip"));
        QCOMPARE(RecordBatch::validate(batch), ErrorCode::None); // the CRC is right; the payload is not
        std::vector<Record> records;
        QString why;
        QCOMPARE(RecordBatch::decode(batch, &records, &why), ErrorCode::CorruptMessage);
        QVERIFY2(
            why.contains(QStringLiteral("batch at offset 7")) && why.contains(QStringLiteral("gzip")), qPrintable(why));
        QVERIFY(records.empty());
    }

    // The records' largest timestamp, whatever the header says, for every codec.
    void maxRecordTimestamp_data()
    {
        QTest::addColumn<int>("framing");
        QTest::addColumn<qint64>("headerMax");
        const QList<QPair<const char *, qint64>> headers {{"header right", OutOfOrderMax}, {"header -1", -1},
            {"header too small", 1700000000005}, {"header too large", 1800000000000}};
        for (const auto &[name, headerMax] : headers)
            addFramingRows(
                QByteArray(QByteArray(", ") + name).constData(), [h = headerMax](QTestData &row) { row << h; });
    }
    void maxRecordTimestamp()
    {
        QFETCH(int, framing);
        QFETCH(qint64, headerMax);
        const QByteArray batch = withHeaderMaxTimestamp(batchIn(framing, outOfOrderRecords()), headerMax);
        QCOMPARE(RecordBatch::validate(batch), ErrorCode::None);
        QCOMPARE(RecordBatch::parseHeader(batch)->maxTimestamp, headerMax);
        qint64 max = 0;
        QString why;
        QCOMPARE(RecordBatch::maxRecordTimestamp(batch, &max, &why), ErrorCode::None);
        QCOMPARE(max, OutOfOrderMax);
    }

    void maxRecordTimestampRefusesUnreadableRecords_data()
    {
        QTest::addColumn<QByteArray>("batch");
        QTest::addColumn<QString>("expected");
        const QByteArray plain = RecordBatch::build(0, outOfOrderRecords());
        const QByteArray section = plain.mid(RecordBatchHeader::Size);
        QTest::addRow("bytes after the last record")
            << withRecordsSection(plain, Compression::None, section + "xyz") << QStringLiteral("3 bytes after");
        std::vector<Record> firstTwo = outOfOrderRecords();
        firstTwo.pop_back();
        QTest::addRow("fewer records than the header counts") << withRecordsSection(
            plain, Compression::None, RecordBatch::build(0, firstTwo).mid(RecordBatchHeader::Size))
                                                              << QStringLiteral("record 2");
        QByteArray overrun = section;
        overrun[0] = '\x7e'; // first record claims 63 bytes, the real one is shorter: the rest misparses
        QTest::addRow("record lengths that do not add up")
            << withRecordsSection(plain, Compression::None, overrun) << QStringLiteral("record");
        QTest::addRow("corrupt gzip payload")
            << withRecordsSection(plain, Compression::Gzip, QByteArray("not gzip at all")) << QStringLiteral("gzip:");
        QTest::addRow("corrupt lz4 payload")
            << withRecordsSection(plain, Compression::Lz4, QByteArray(40, '\x13')) << QStringLiteral("lz4:");
        QTest::addRow("compressed records that do not parse")
            << withRecordsSection(plain, Compression::Zstd, compress(Framing::ZstdStreamed, "no records here"))
            << QStringLiteral("record 0");
        QTest::addRow("unknown codec 6") << withRecordsSection(plain, 6, section)
                                         << QStringLiteral("unknown compression codec 6");
        // 65 MiB of zeros compress to a few KiB: past Compression::MaxDecompressedBytes, refused as a bomb.
        QTest::addRow("decompression bomb") << withRecordsSection(plain, Compression::Zstd,
            compress(Framing::ZstdStreamed, QByteArray(Compression::MaxDecompressedBytes + 1024 * 1024, '\0')))
                                            << QStringLiteral("decompression bombs");
    }
    void maxRecordTimestampRefusesUnreadableRecords()
    {
        QFETCH(QByteArray, batch);
        QFETCH(QString, expected);
        QCOMPARE(RecordBatch::validate(batch), ErrorCode::None);
        qint64 max = 12345;
        QString why;
        QCOMPARE(RecordBatch::maxRecordTimestamp(batch, &max, &why), ErrorCode::CorruptMessage);
        QVERIFY2(why.contains(expected), qPrintable(why));
        QCOMPARE(max, qint64(12345)); // untouched on failure
    }

    // setMaxTimestamp changes the field and the CRC, nothing else.
    void setMaxTimestampRewritesOnlyTheFieldAndCrc()
    {
        const QByteArray before = withHeaderMaxTimestamp(RecordBatch::build(0, outOfOrderRecords()), -1);
        QByteArray after = before;
        RecordBatch::setMaxTimestamp(after, OutOfOrderMax);
        QCOMPARE(RecordBatch::validate(after), ErrorCode::None);
        QCOMPARE(RecordBatch::parseHeader(after)->maxTimestamp, OutOfOrderMax);
        QCOMPARE(after, RecordBatch::build(0, outOfOrderRecords())); // what build() computes itself
        for (int i = 0; i < before.size(); ++i) {
            const bool rewritten
                = (i >= RecordBatchHeader::CrcOffset && i < RecordBatchHeader::CrcOffset + 4) || (i >= 35 && i < 43);
            if (!rewritten)
                QVERIFY2(before[i] == after[i], qPrintable(QString::number(i)));
        }
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
