#include "client/serializer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QTest>

using namespace topicscope::engine;

class TestSerializer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void serialize_data();
    void serialize();
    void deserialize_data();
    void deserialize();
    void nullStaysNull_data();
    void nullStaysNull();
    void nullRejectedWhenNotAccepted();
    void roundTrip_data();
    void roundTrip();
    void formatNames();
};

void TestSerializer::serialize_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QByteArray>("expectedHex"); // empty when an error is expected
    QTest::addColumn<QString>("expectedError"); // substring

    const auto S = int(SerdeFormat::String), B = int(SerdeFormat::ByteArray), J = int(SerdeFormat::Json),
               I = int(SerdeFormat::Int32), L = int(SerdeFormat::Int64);
    QTest::addRow("string ascii") << S << QVariant(QStringLiteral("user-1")) << QByteArray("757365722d31") << QString();
    QTest::addRow("string utf-8") << S << QVariant(QStringLiteral("\u00e9\u20ac")) << QByteArray("c3a9e282ac")
                                  << QString();
    QTest::addRow("string empty is not null") << S << QVariant(QString(QLatin1String(""))) << QByteArray() << QString();
    QTest::addRow("string given bytes") << S << QVariant(QByteArray("x")) << QByteArray()
                                        << QStringLiteral("string serializer expects text, got QByteArray");
    QTest::addRow("bytes") << B << QVariant(QByteArray::fromHex("00ff10")) << QByteArray("00ff10") << QString();
    QTest::addRow("bytes given text") << B << QVariant(QStringLiteral("x")) << QByteArray()
                                      << QStringLiteral("bytes serializer expects bytes, got QString");
    QTest::addRow("json object text kept verbatim")
        << J << QVariant(QStringLiteral("{\"a\": 1}")) << QByteArray("7b2261223a20317d") << QString();
    QTest::addRow("json scalar text") << J << QVariant(QStringLiteral("42")) << QByteArray("3432") << QString();
    QTest::addRow("json invalid text") << J << QVariant(QStringLiteral("{\"a\": }")) << QByteArray()
                                       << QStringLiteral("JSON serializer: invalid JSON");
    QTest::addRow("json two values") << J << QVariant(QStringLiteral("1, 2")) << QByteArray()
                                     << QStringLiteral("expected exactly one JSON value");
    QTest::addRow("json empty text") << J << QVariant(QString(QLatin1String(""))) << QByteArray()
                                     << QStringLiteral("JSON serializer");
    QTest::addRow("json object value") << J << QVariant(QJsonObject {{QStringLiteral("k"), 2}})
                                       << QByteArray("7b226b223a327d") << QString();
    QTest::addRow("json string value") << J << QVariant::fromValue(QJsonValue(QStringLiteral("s")))
                                       << QByteArray("227322") << QString();
    QTest::addRow("int32 1") << I << QVariant(1) << QByteArray("00000001") << QString();
    QTest::addRow("int32 -2") << I << QVariant(-2) << QByteArray("fffffffe") << QString();
    QTest::addRow("int32 from qint64 in range") << I << QVariant(qint64(258)) << QByteArray("00000102") << QString();
    QTest::addRow("int32 overflow") << I << QVariant(qint64(1) << 40) << QByteArray()
                                    << QStringLiteral("does not fit in 32 bits");
    QTest::addRow("int32 given text") << I << QVariant(QStringLiteral("7")) << QByteArray()
                                      << QStringLiteral("int32 serializer expects an integer, got QString");
    QTest::addRow("int64 1") << L << QVariant(qint64(1)) << QByteArray("0000000000000001") << QString();
    QTest::addRow("int64 min") << L << QVariant(std::numeric_limits<qint64>::min()) << QByteArray("8000000000000000")
                               << QString();
}

void TestSerializer::serialize()
{
    QFETCH(int, format);
    QFETCH(QVariant, input);
    QFETCH(QByteArray, expectedHex);
    QFETCH(QString, expectedError);

    const SerializeResult r = Serializer(SerdeFormat(format)).serialize(input);
    if (expectedError.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.bytes.has_value()); // a non-null value never becomes null, even when empty
        QCOMPARE(r.bytes->toHex(), expectedHex);
    } else {
        QVERIFY(!r.ok());
        QVERIFY(!r.bytes);
        QVERIFY2(r.error.contains(expectedError), qPrintable(r.error));
    }
}

void TestSerializer::deserialize_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("expectedDisplay");
    QTest::addColumn<QString>("expectedError");

    const auto S = int(SerdeFormat::String), B = int(SerdeFormat::ByteArray), J = int(SerdeFormat::Json),
               I = int(SerdeFormat::Int32), L = int(SerdeFormat::Int64);
    QTest::addRow("string") << S << QByteArray("757365722d31") << QStringLiteral("user-1") << QString();
    QTest::addRow("string invalid utf-8")
        << S << QByteArray("ff61") << QString() << QStringLiteral("string deserializer: 2 bytes are not valid UTF-8");
    QTest::addRow("string truncated utf-8") << S << QByteArray("c3") << QString() << QStringLiteral("not valid UTF-8");
    QTest::addRow("bytes") << B << QByteArray("00ff") << QStringLiteral("0x00ff") << QString();
    QTest::addRow("json object") << J << QByteArray("7b2261223a20317d") << QStringLiteral("{\"a\":1}") << QString();
    QTest::addRow("json number") << J << QByteArray("3432") << QStringLiteral("42") << QString();
    QTest::addRow("json invalid") << J << QByteArray("7b") << QString()
                                  << QStringLiteral("JSON deserializer: invalid JSON");
    QTest::addRow("int32") << I << QByteArray("fffffffe") << QStringLiteral("-2") << QString();
    QTest::addRow("int32 given 3 bytes") << I << QByteArray("000001") << QString()
                                         << QStringLiteral(
                                                "int32 deserializer: size of data received is 3 bytes, not 4");
    QTest::addRow("int32 given 8 bytes") << I << QByteArray("0000000000000001") << QString() << QStringLiteral("not 4");
    QTest::addRow("int64") << L << QByteArray("0000000100000000") << QStringLiteral("4294967296") << QString();
    QTest::addRow("int64 given 4 bytes") << L << QByteArray("00000001") << QString()
                                         << QStringLiteral(
                                                "int64 deserializer: size of data received is 4 bytes, not 8");
}

void TestSerializer::deserialize()
{
    QFETCH(int, format);
    QFETCH(QByteArray, hex);
    QFETCH(QString, expectedDisplay);
    QFETCH(QString, expectedError);

    const DeserializeResult r = Serializer(SerdeFormat(format)).deserialize(QByteArray::fromHex(hex));
    if (expectedError.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.value.has_value());
        QCOMPARE(Serializer::display(r.value), expectedDisplay);
    } else {
        QVERIFY(!r.ok());
        QVERIFY(!r.value);
        QVERIFY2(r.error.contains(expectedError), qPrintable(r.error));
    }
}

void TestSerializer::nullStaysNull_data()
{
    QTest::addColumn<int>("format");
    for (const SerdeFormat f :
        {SerdeFormat::String, SerdeFormat::ByteArray, SerdeFormat::Json, SerdeFormat::Int32, SerdeFormat::Int64})
        QTest::addRow("%s", qPrintable(Serializer::formatName(f))) << int(f);
}

void TestSerializer::nullStaysNull()
{
    QFETCH(int, format);
    const Serializer serde {SerdeFormat(format)};
    const SerializeResult s = serde.serialize(std::nullopt);
    QVERIFY(s.ok());
    QVERIFY(!s.bytes.has_value());
    QVERIFY(!serde.serialize(QVariant()).bytes.has_value()); // an invalid QVariant is null too

    const DeserializeResult d = serde.deserialize(std::nullopt);
    QVERIFY(d.ok());
    QVERIFY(!d.value.has_value());
    QCOMPARE(Serializer::display(d.value), QStringLiteral("null"));
}

void TestSerializer::nullRejectedWhenNotAccepted()
{
    const Serializer serde(SerdeFormat::String, /*acceptsNull=*/false);
    const DeserializeResult d = serde.deserialize(std::nullopt);
    QVERIFY(!d.ok());
    QCOMPARE(d.error, QStringLiteral("string deserializer: got null, but null is not accepted here"));
    // An empty value is not null.
    QVERIFY(serde.deserialize(QByteArray()).ok());
}

void TestSerializer::roundTrip_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QVariant>("value");
    QTest::addRow("string") << int(SerdeFormat::String) << QVariant(QStringLiteral("h\u00e9llo"));
    QTest::addRow("bytes") << int(SerdeFormat::ByteArray) << QVariant(QByteArray::fromHex("deadbeef00"));
    QTest::addRow("int32 max") << int(SerdeFormat::Int32) << QVariant(std::numeric_limits<qint32>::max());
    QTest::addRow("int64 -1") << int(SerdeFormat::Int64) << QVariant(qint64(-1));
    QTest::addRow("json array") << int(SerdeFormat::Json)
                                << QVariant::fromValue(QJsonValue(QJsonArray {1, QStringLiteral("two")}));
}

void TestSerializer::roundTrip()
{
    QFETCH(int, format);
    QFETCH(QVariant, value);
    const Serializer serde {SerdeFormat(format)};
    const SerializeResult s = serde.serialize(value);
    QVERIFY2(s.ok(), qPrintable(s.error));
    const DeserializeResult d = serde.deserialize(s.bytes);
    QVERIFY2(d.ok(), qPrintable(d.error));
    QCOMPARE(Serializer::display(d.value), Serializer::display(value));
}

void TestSerializer::formatNames()
{
    for (const SerdeFormat f :
        {SerdeFormat::String, SerdeFormat::ByteArray, SerdeFormat::Json, SerdeFormat::Int32, SerdeFormat::Int64})
        QCOMPARE(Serializer::formatFromName(Serializer::formatName(f)), std::optional<SerdeFormat>(f));
    QVERIFY(!Serializer::formatFromName(QStringLiteral("avro")));
}

QTEST_GUILESS_MAIN(TestSerializer)
#include "tst_serializer.moc"
