// Compression::decompress against the codec libraries' own compressors: every framing a Kafka client writes,
// concatenated streams, the output cap (decompression bombs) and corrupt or truncated input.
#include "compressedbatches.h"
#include "core/compression.h"

#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::compressiontest;

Q_DECLARE_METATYPE(topicscope::engine::compressiontest::Framing)

namespace {

// Bytes that compress poorly (a linear congruential generator), so the compressed form is not tiny.
QByteArray noise(qsizetype size, quint32 seed = 1)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        seed = seed * 1664525u + 1013904223u;
        out[i] = static_cast<char>(seed >> 24);
    }
    return out;
}

// Bytes that compress well but not trivially: a repeated JSON-like line with a counter.
QByteArray repetitive(qsizetype size)
{
    QByteArray out;
    for (int i = 0; out.size() < size; ++i)
        out += "{\"order\":" + QByteArray::number(i) + ",\"status\":\"shipped\",\"region\":\"eu-west\"}\n";
    out.truncate(size);
    return out;
}

const QList<QPair<const char *, Framing>> &framings()
{
    static const QList<QPair<const char *, Framing>> all {{"gzip", Framing::Gzip}, {"zlib stream", Framing::Zlib},
        {"snappy xerial", Framing::SnappyXerial}, {"snappy raw", Framing::SnappyRaw}, {"lz4 frame", Framing::Lz4Frame},
        {"lz4 frame with size and checksum", Framing::Lz4FrameWithSizeAndChecksum},
        {"zstd with content size", Framing::ZstdWithContentSize}, {"zstd streamed", Framing::ZstdStreamed}};
    return all;
}

} // namespace

class TestCompression : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<Framing>("framing");
        QTest::addColumn<QByteArray>("payload");
        const QList<QPair<const char *, QByteArray>> payloads {{"empty", QByteArray()}, {"one byte", QByteArray("x")},
            {"short text", QByteArray("hello, compressed world")},
            // Past the 32 KiB xerial block and the 64 KiB first output buffer: several blocks, several growths.
            {"300 KiB repetitive", repetitive(300 * 1024)}, {"1 MiB noise", noise(1024 * 1024)}};
        for (const auto &[framingName, framing] : framings()) {
            for (const auto &[payloadName, payload] : payloads)
                QTest::addRow("%s, %s", framingName, payloadName) << framing << payload;
        }
    }
    void roundTrip()
    {
        QFETCH(Framing, framing);
        QFETCH(QByteArray, payload);
        const QByteArray compressed = compress(framing, payload);
        QString error;
        const auto out
            = Compression::decompress(codecOf(framing), compressed, Compression::MaxDecompressedBytes, &error);
        QVERIFY2(out, qPrintable(error));
        QCOMPARE(out->size(), payload.size());
        QVERIFY(*out == payload);
    }

    void noneCopies()
    {
        const auto out = Compression::decompress(Compression::None, QByteArrayView("plain"));
        QVERIFY(out);
        QCOMPARE(*out, QByteArray("plain"));
    }

    void concatenatedStreamsAreReadInTurn_data()
    {
        QTest::addColumn<Framing>("framing");
        QTest::addRow("gzip members") << Framing::Gzip;
        QTest::addRow("lz4 frames") << Framing::Lz4Frame;
        QTest::addRow("zstd frames") << Framing::ZstdStreamed;
    }
    void concatenatedStreamsAreReadInTurn()
    {
        QFETCH(Framing, framing);
        const QByteArray first = repetitive(100 * 1024);
        const QByteArray second("and a second part");
        QString error;
        const auto out = Compression::decompress(
            codecOf(framing), QByteArray(compress(framing, first) + compress(framing, second)), 1 << 20, &error);
        QVERIFY2(out, qPrintable(error));
        QVERIFY(*out == first + second);
    }

    // The cap is exact: output of exactly maxOutput bytes passes, one byte less of room refuses it.
    void capIsExact_data()
    {
        QTest::addColumn<Framing>("framing");
        for (const auto &[name, framing] : framings())
            QTest::addRow("%s", name) << framing;
    }
    void capIsExact()
    {
        QFETCH(Framing, framing);
        const QByteArray payload = repetitive(100'000);
        const QByteArray compressed = compress(framing, payload);
        QString error;
        const auto fits = Compression::decompress(codecOf(framing), compressed, payload.size(), &error);
        QVERIFY2(fits, qPrintable(error));
        QVERIFY(*fits == payload);
        QVERIFY(!Compression::decompress(codecOf(framing), compressed, payload.size() - 1, &error));
        QVERIFY2(error.contains(QStringLiteral("more than 99999 bytes")), qPrintable(error));
        QVERIFY2(error.startsWith(Compression::codecName(codecOf(framing))), qPrintable(error));
    }

    // A bomb: 64 MiB of zeros compress to a few KiB (snappy, whose ratio tops out near 21:1, to 3 MiB);
    // decompression stops at the cap instead of inflating it all.
    void bombIsRefusedAtTheCap_data()
    {
        QTest::addColumn<Framing>("framing");
        QTest::addRow("gzip") << Framing::Gzip;
        QTest::addRow("snappy xerial") << Framing::SnappyXerial;
        QTest::addRow("lz4 frame") << Framing::Lz4Frame;
        QTest::addRow("zstd with content size") << Framing::ZstdWithContentSize;
        QTest::addRow("zstd streamed") << Framing::ZstdStreamed;
    }
    void bombIsRefusedAtTheCap()
    {
        QFETCH(Framing, framing);
        const QByteArray zeros(64 * 1024 * 1024, '\0');
        const QByteArray bomb = compress(framing, zeros);
        QVERIFY(bomb.size() < zeros.size() / 16);
        QString error;
        QVERIFY(!Compression::decompress(codecOf(framing), bomb, 1024 * 1024, &error));
        QVERIFY2(error.contains(QStringLiteral("more than 1048576 bytes")), qPrintable(error));
    }

    // A raw snappy block states its uncompressed length up front; a huge claim is refused before allocating.
    void snappyLengthClaimIsCheckedFirst()
    {
        QString error;
        const QByteArray claim("\xff\xff\xff\xff\x0f"
                               "abc",
            8); // varint 4 GiB - 1
        QVERIFY(!Compression::decompress(Compression::Snappy, claim, Compression::MaxDecompressedBytes, &error));
        QVERIFY2(error.contains(QStringLiteral("more than")), qPrintable(error));
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<int>("codec");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        const QByteArray payload = repetitive(50'000);
        for (const auto &[name, framing] : framings()) {
            const QByteArray good = compress(framing, payload);
            QTest::addRow("%s truncated", name) << codecOf(framing) << good.left(good.size() - 7) << QString();
            QTest::addRow("%s cut in half", name) << codecOf(framing) << good.left(good.size() / 2) << QString();
            QTest::addRow("%s empty", name) << codecOf(framing) << QByteArray() << QString();
        }
        const QByteArray garbage = noise(500, 7);
        QTest::addRow("gzip garbage") << int(Compression::Gzip) << garbage << QStringLiteral("gzip: corrupt");
        QTest::addRow("snappy garbage") << int(Compression::Snappy) << garbage << QStringLiteral("snappy");
        QTest::addRow("lz4 garbage") << int(Compression::Lz4) << garbage << QStringLiteral("lz4: corrupt frame");
        QTest::addRow("zstd garbage") << int(Compression::Zstd) << garbage << QStringLiteral("zstd: corrupt");
        const QByteArray xerial = snappyXerial(payload);
        QTest::addRow("snappy xerial header cut short")
            << int(Compression::Snappy) << xerial.left(12) << QStringLiteral("framing header cut short");
        QByteArray overrun = xerial;
        qToBigEndian<qint32>(1 << 30, overrun.data() + 16);
        QTest::addRow("snappy xerial block overruns")
            << int(Compression::Snappy) << overrun << QStringLiteral("overruns the data");
        QTest::addRow("gzip with trailing garbage")
            << int(Compression::Gzip) << QByteArray(compress(Framing::Gzip, payload) + "junk")
            << QStringLiteral("gzip:");
        QTest::addRow("lz4 with trailing garbage")
            << int(Compression::Lz4) << QByteArray(compress(Framing::Lz4Frame, payload) + "junk")
            << QStringLiteral("lz4:");
        QTest::addRow("codec 5") << 5 << compress(Framing::Gzip, payload)
                                 << QStringLiteral("unknown compression codec 5");
    }
    void rejectsBadInput()
    {
        QFETCH(int, codec);
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!Compression::decompress(codec, input, Compression::MaxDecompressedBytes, &error));
        QVERIFY(!error.isEmpty());
        if (!expected.isEmpty())
            QVERIFY2(error.contains(expected), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCompression)
#include "tst_compression.moc"
