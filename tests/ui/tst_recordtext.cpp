// How the message browser writes records as text: JSON pretty-printed in the record's own member order (valid
// JSON only), a classic hex dump, and JSON Lines / CSV exports that keep null apart from the empty string and
// carry bytes that are not UTF-8 as base64 with a marker. Pure functions, data-driven.
#include "format.h"
#include "recordexport.h"

#include <QTest>

Q_DECLARE_METATYPE(topicscope::engine::MessageRow)

using namespace topicscope;

namespace {

engine::MessageRow row(
    std::optional<QByteArray> key, std::optional<QByteArray> value, QList<engine::RecordHeader> headers = {})
{
    engine::MessageRow r;
    r.partition = 2;
    r.offset = 41;
    r.timestamp = 1700000000123;
    r.key = std::move(key);
    r.value = std::move(value);
    r.headers = std::move(headers);
    return r;
}

} // namespace

class TestRecordText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void prettyJsonKeepsMemberOrder_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("compact");
        QTest::addColumn<QString>("expected"); // "<invalid>": not JSON
        QTest::addRow("members in the record's order") << QByteArray(
            "{\"z\":1,\"a\":2,\"m\":3}") << false << QStringLiteral("{\n    \"z\": 1,\n    \"a\": 2,\n    \"m\": 3\n}");
        QTest::addRow("compact keeps order too") << QByteArray("{ \"z\" : 1 , \"a\" : [ true , null ] }") << true
                                                 << QStringLiteral("{\"z\":1,\"a\":[true,null]}");
        QTest::addRow("numbers as written") << QByteArray("[12345678901234567890,2.50,-0.0,1e+300]") << true
                                            << QStringLiteral("[12345678901234567890,2.50,-0.0,1e+300]");
        QTest::addRow("strings and escapes as written")
            << QByteArray("{\"k\\u00e9y\":\"a\\\"b\\\\c\\n\",\"한\":\"글\"}") << true
            << QStringLiteral("{\"k\\u00e9y\":\"a\\\"b\\\\c\\n\",\"한\":\"글\"}");
        QTest::addRow("empty containers")
            << QByteArray("{\"a\":{},\"b\":[]}") << false << QStringLiteral("{\n    \"a\": {},\n    \"b\": []\n}");
        QTest::addRow("nested") << QByteArray("[{\"b\":1}]") << false
                                << QStringLiteral("[\n    {\n        \"b\": 1\n    }\n]");
        QTest::addRow("top-level scalar") << QByteArray(" \"x\" ") << false << QStringLiteral("\"x\"");
        QTest::addRow("plain text") << QByteArray("hello") << false << QStringLiteral("<invalid>");
        QTest::addRow("trailing garbage") << QByteArray("{} x") << false << QStringLiteral("<invalid>");
        QTest::addRow("trailing comma") << QByteArray("[1,]") << false << QStringLiteral("<invalid>");
        QTest::addRow("unterminated string") << QByteArray("{\"a") << false << QStringLiteral("<invalid>");
        QTest::addRow("raw newline in string") << QByteArray("\"a\nb\"") << false << QStringLiteral("<invalid>");
        QTest::addRow("bad escape") << QByteArray("\"\\x\"") << false << QStringLiteral("<invalid>");
        QTest::addRow("short unicode escape") << QByteArray("\"\\u12\"") << false << QStringLiteral("<invalid>");
        QTest::addRow("leading zero") << QByteArray("01") << false << QStringLiteral("<invalid>");
        QTest::addRow("bare minus") << QByteArray("-") << false << QStringLiteral("<invalid>");
        QTest::addRow("missing colon") << QByteArray("{\"a\" 1}") << false << QStringLiteral("<invalid>");
        QTest::addRow("unquoted key") << QByteArray("{a:1}") << false << QStringLiteral("<invalid>");
        QTest::addRow("not UTF-8") << QByteArray("\"\xff\"") << false << QStringLiteral("<invalid>");
        QTest::addRow("empty") << QByteArray() << false << QStringLiteral("<invalid>");
        QTest::addRow("too deep") << QByteArray(300, '[') + QByteArray(300, ']') << true << QStringLiteral("<invalid>");
    }
    void prettyJsonKeepsMemberOrder()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, compact);
        QFETCH(QString, expected);
        QCOMPARE(ui::format::prettyJson(json, compact).value_or(QStringLiteral("<invalid>")), expected);
    }

    void jsonFormatFallsBackToText()
    {
        QCOMPARE(ui::format::bytes(QByteArray("{\"b\":1,\"a\":2}"), ui::BytesFormat::Json, true),
            QStringLiteral("{\"b\":1,\"a\":2}"));
        QCOMPARE(ui::format::bytes(QByteArray("not json"), ui::BytesFormat::Json, false), QStringLiteral("not json"));
    }

    void hexDumpHasOffsetHexAndAsciiColumns()
    {
        QByteArray bytes;
        for (int i = 0; i < 20; ++i)
            bytes.append(char(0x41 + i));
        bytes.append('\0');
        bytes.append('\xff');
        const QStringList lines = ui::format::hexDump(bytes).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0),
            QStringLiteral("00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|"));
        QCOMPARE(lines.at(1),
            QStringLiteral("00000010  51 52 53 54 00 ff") + QString(33, QLatin1Char(' ')) + QStringLiteral("|QRST..|"));
        // Columns line up however short the last line is.
        QCOMPARE(lines.at(1).indexOf(QLatin1Char('|')), lines.at(0).indexOf(QLatin1Char('|')));
        QCOMPARE(ui::format::hexDump(QByteArray()), QString());
        const QString capped = ui::format::hexDump(QByteArray(100, 'x'), 32);
        QCOMPARE(capped.count(QLatin1Char('\n')), 2); // two lines, then how many more
        QVERIFY(capped.endsWith(QLatin1String("68 more byte(s)")) || capped.endsWith(QLatin1String("68 more bytes")));
    }

    void exportsKeepNullEmptyAndBinaryApart_data()
    {
        QTest::addColumn<engine::MessageRow>("record");
        QTest::addColumn<QString>("jsonLine");
        QTest::addColumn<QString>("csvLine");
        QTest::addRow("null key, text value")
            << row(std::nullopt, QByteArray("hello"))
            << QStringLiteral("{\"topic\": \"t\", \"partition\": 2, \"offset\": 41, \"timestamp\": 1700000000123, "
                              "\"key\": null, \"value\": \"hello\", \"headers\": []}")
            << QStringLiteral("t,2,41,1700000000123,,hello,[]");
        QTest::addRow("empty key, null value (tombstone)")
            << row(QByteArray(""), std::nullopt)
            << QStringLiteral("{\"topic\": \"t\", \"partition\": 2, \"offset\": 41, \"timestamp\": 1700000000123, "
                              "\"key\": \"\", \"value\": null, \"headers\": []}")
            << QStringLiteral("t,2,41,1700000000123,\"\",,[]");
        QTest::addRow("binary value")
            << row(QByteArray("k"), QByteArray("\x00\xff\xfe", 3))
            << QStringLiteral("{\"topic\": \"t\", \"partition\": 2, \"offset\": 41, \"timestamp\": 1700000000123, "
                              "\"key\": \"k\", \"value\": {\"base64\": \"AP/+\"}, \"headers\": []}")
            << QStringLiteral("t,2,41,1700000000123,k,base64:AP/+,[]");
        QTest::addRow("quotes, commas, line breaks, edge spaces")
            << row(QByteArray(" a,b "), QByteArray("say \"hi\"\r\nbye\t"))
            << QStringLiteral("{\"topic\": \"t\", \"partition\": 2, \"offset\": 41, \"timestamp\": 1700000000123, "
                              "\"key\": \" a,b \", \"value\": \"say \\\"hi\\\"\\r\\nbye\\t\", \"headers\": []}")
            << QStringLiteral("t,2,41,1700000000123,\" a,b \",\"say \"\"hi\"\"\r\nbye\t\",[]");
        QTest::addRow("headers in order, a name twice, null and binary values")
            << row(QByteArray("k"), QByteArray("v"),
                   {{QByteArray("trace"), QByteArray("1")}, {QByteArray("trace"), std::nullopt},
                       {QByteArray("bin"), QByteArray("\xff", 1)}})
            << QStringLiteral(
                   "{\"topic\": \"t\", \"partition\": 2, \"offset\": 41, \"timestamp\": 1700000000123, "
                   "\"key\": \"k\", \"value\": \"v\", \"headers\": [{\"key\": \"trace\", \"value\": \"1\"}, "
                   "{\"key\": \"trace\", \"value\": null}, {\"key\": \"bin\", \"value\": {\"base64\": \"/w==\"}}]}")
            << QStringLiteral("t,2,41,1700000000123,k,v,\"[{\"\"key\"\": \"\"trace\"\", \"\"value\"\": \"\"1\"\"}, "
                              "{\"\"key\"\": \"\"trace\"\", \"\"value\"\": null}, {\"\"key\"\": \"\"bin\"\", "
                              "\"\"value\"\": {\"\"base64\"\": \"\"/w==\"\"}}]\"");
        QTest::addRow("control characters and Korean")
            << row(QByteArray("키"), QByteArray("a\x01z"))
            << QStringLiteral("{\"topic\": \"t\", \"partition\": 2, \"offset\": 41, \"timestamp\": 1700000000123, "
                              "\"key\": \"키\", \"value\": \"a\\u0001z\", \"headers\": []}")
            << QStringLiteral("t,2,41,1700000000123,키,a\x01z,[]");
    }
    void exportsKeepNullEmptyAndBinaryApart()
    {
        QFETCH(engine::MessageRow, record);
        QFETCH(QString, jsonLine);
        QFETCH(QString, csvLine);
        QCOMPARE(ui::recordexport::toJsonLines(QStringLiteral("t"), {record}), jsonLine + QLatin1Char('\n'));
        QCOMPARE(ui::recordexport::toCsv(QStringLiteral("t"), {record}),
            QStringLiteral("topic,partition,offset,timestamp,key,value,headers\r\n") + csvLine
                + QStringLiteral("\r\n"));
    }

    void exportsEveryRecordInOrder()
    {
        const QList<engine::MessageRow> rows {
            row(QByteArray("a"), QByteArray("1")), row(QByteArray("b"), QByteArray("2"))};
        QCOMPARE(ui::recordexport::toJsonLines(QStringLiteral("t"), rows).count(QLatin1Char('\n')), 2);
        const QStringList csv = ui::recordexport::toCsv(QStringLiteral("a topic, with comma"), rows)
                                    .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(csv.size(), 3);
        QCOMPARE(csv.at(2), QStringLiteral("\"a topic, with comma\",2,41,1700000000123,b,2,[]"));
    }
};

QTEST_MAIN(TestRecordText)
#include "tst_recordtext.moc"
