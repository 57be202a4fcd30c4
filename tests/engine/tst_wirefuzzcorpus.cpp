// Replays the committed libFuzzer seed corpus (tests/fuzz/corpus) through the fuzz harness in the normal build,
// so the corpus and the harness keep being exercised without clang: every file must run without a harness
// failure, real client requests must be answered rather than refused, and each API the corpus names must
// still be present.
#include "../fuzz/wirefuzzharness.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMap>
#include <QTest>

using namespace topicscope::wirefuzz;

class TestWireFuzzCorpus : public QObject {
    Q_OBJECT
private:
    QString m_corpus;

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("topicscope.*=false"));
        // Not QFINDTESTDATA: it resolves from __FILE__, which a compiler cache may have made relative.
        m_corpus = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/fuzz/corpus");
        if (!QFileInfo::exists(m_corpus))
            m_corpus.clear();
        QVERIFY2(!m_corpus.isEmpty(), "tests/fuzz/corpus not found");
    }

    void replay_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList files = QDir(m_corpus).entryList(QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 100);
        for (const QString &name : files)
            QTest::addRow("%s", qPrintable(name)) << QDir(m_corpus).filePath(name);
    }

    // File names are <ApiName>-v<version>-<hash> for one captured request, session-<hash> for the first
    // frames of a captured connection. Every captured request is one a real client sent to the broker and
    // got an answer to, so none of them may make the broker close the connection.
    void replay()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray input = f.readAll();
        const HarnessStats stats = WireFuzzHarness::run(input.constData(), input.size());
        QVERIFY(stats.frames >= 1);
        QCOMPARE(stats.closed, 0);
        QCOMPARE(stats.sent + stats.noResponse + stats.pending, stats.frames);
        QCOMPARE(stats.pending, 0);
    }

    // The corpus covers every API the broker advertises (the seed of each decoder).
    void coversEveryApi()
    {
        QMap<QString, int> perApi;
        for (const QString &name : QDir(m_corpus).entryList(QDir::Files))
            ++perApi[name.section(QLatin1Char('-'), 0, 0)];
        const QStringList expected {QStringLiteral("Produce"), QStringLiteral("Fetch"), QStringLiteral("ListOffsets"),
            QStringLiteral("Metadata"), QStringLiteral("OffsetCommit"), QStringLiteral("OffsetFetch"),
            QStringLiteral("FindCoordinator"), QStringLiteral("JoinGroup"), QStringLiteral("Heartbeat"),
            QStringLiteral("LeaveGroup"), QStringLiteral("SyncGroup"), QStringLiteral("DescribeGroups"),
            QStringLiteral("ListGroups"), QStringLiteral("ApiVersions"), QStringLiteral("CreateTopics"),
            QStringLiteral("DeleteTopics"), QStringLiteral("DeleteRecords"), QStringLiteral("DescribeConfigs"),
            QStringLiteral("AlterConfigs"), QStringLiteral("CreatePartitions"), QStringLiteral("DeleteGroups"),
            QStringLiteral("InitProducerId"), QStringLiteral("DescribeLogDirs"),
            QStringLiteral("IncrementalAlterConfigs"), QStringLiteral("DescribeCluster")};
        QStringList missing;
        for (const QString &api : expected) {
            if (!perApi.contains(api))
                missing.append(api);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestWireFuzzCorpus)
#include "tst_wirefuzzcorpus.moc"
