// The partition view's Segments tab: the model's sentences from hand-built segments (the active one never deleted or
// compacted before it rolls, closed ones deleted by retention.ms at their newest record's time plus it, or compacted,
// or kept), and the real window on an embedded broker with a data directory, whose small segments show with their
// fates; an in-memory broker says it has no segment files. Offscreen PNGs at 1280x720, in English and Korean.
#include "format.h"
#include "koreanfont.h"
#include "language.h"
#include "mainwindow.h"
#include "partitionsview.h"
#include "runtime/enginefacade.h"
#include "segmentsmodel.h"
#include "tableview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope;
using namespace topicscope::engine;
using namespace topicscope::ui;

namespace {

constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Now = 1'700'000'000'000;

PartitionSegments threeSegments(const TopicConfig &config)
{
    PartitionSegments p;
    p.topicPartition = {QStringLiteral("orders"), 2};
    p.config = config;
    p.nowMs = Now;
    p.logEndOffset = 30;
    p.segments = {{0, 10, 4096, Now - 3 * Hour, Now - 4 * Hour, false},
        {10, 20, 4096, Now - Hour, Now - 2 * Hour, false}, {20, 30, 1024, Now - 1000, Now - 30 * 60 * 1000, true}};
    return p;
}

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

} // namespace

class TestSegmentsView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        uitest::ensureKoreanFont();
        QVERIFY(Language::install(qApp, QStringLiteral("en")));
    }

    void fatesFollowTheTopicsRules()
    {
        SegmentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TopicConfig config;
        config.retentionMs = 2 * Hour;
        config.segmentBytes = 8192;
        model.setSegments(threeSegments(config));
        QCOMPARE(model.rowCount(), 3);
        const auto fate = [&](int row) { return model.index(row, SegmentsModel::Fate).data().toString(); };
        // The oldest's newest record is 3 h old: past 2 h, due. The second's is 1 h old: deleted in an hour.
        QCOMPARE(fate(0), QStringLiteral("Deleted at the next retention check (every 5 s)"));
        QCOMPARE(fate(1), QStringLiteral("Deleted by retention.ms at %1").arg(format::timestamp(Now + Hour)));
        QVERIFY2(fate(2).startsWith(QStringLiteral("Active: never deleted before it rolls at 8.0 KiB")),
            qPrintable(fate(2)));
        QVERIFY2(fate(2).contains(format::timestamp(Now - 30 * 60 * 1000 + config.segmentMs)), qPrintable(fate(2)));
        QCOMPARE(model.index(0, SegmentsModel::Offsets).data().toString(), QStringLiteral("0 – 9"));
        QVERIFY(SegmentsModel::summary(model.segments()).contains(QStringLiteral("3 segment files")));

        config.cleanupCompact = true;
        config.cleanupDelete = false;
        model.setSegments(threeSegments(config));
        QCOMPARE(fate(0), QStringLiteral("Compacted by the cleaner: only the newest record of each key stays"));
        QVERIFY2(fate(2).startsWith(QStringLiteral("Active: neither deleted nor compacted before it rolls")),
            qPrintable(fate(2)));

        config.cleanupDelete = true;
        config.retentionMs = -1;
        config.retentionBytes = 100'000;
        model.setSegments(threeSegments(config));
        QCOMPARE(fate(1),
            QStringLiteral("Deleted, oldest first, while the partition is over retention.bytes; Compacted by the "
                           "cleaner: only the newest record of each key stays"));
        config.cleanupCompact = false;
        config.retentionBytes = -1;
        model.setSegments(threeSegments(config));
        QCOMPARE(fate(1), QStringLiteral("Kept forever (retention.ms = -1)"));

        PartitionSegments memory;
        memory.availability = PartitionSegments::Availability::InMemory;
        model.setSegments(memory);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(SegmentsModel::summary(memory).contains(QStringLiteral("no segment files")));
    }

    void windowShowsAPartitionsSegments_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("en") << QStringLiteral("en");
        QTest::addRow("ko") << QStringLiteral("ko");
    }
    void windowShowsAPartitionsSegments()
    {
        QFETCH(QString, language);
        QVERIFY(Language::install(qApp, language));
        QTemporaryDir dir;
        EngineOptions options;
        options.storage.dataDir = dir.path();
        EngineFacade facade(options);
        MainWindow window(&facade);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAbstractItemModelTester tester(
            window.partitionsView()->segmentsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy started(&facade, &EngineFacade::started);
        QSignalSpy finished(&facade, &EngineFacade::commandFinished);
        QSignalSpy produced(&facade, &EngineFacade::produceProgress);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        TopicConfig config;
        config.segmentBytes = 4096; // a few records' worth: several segments
        facade.createTopic(QStringLiteral("orders"), 1, config);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).toInt(), 0);
        ProduceRequest request;
        request.topic = QStringLiteral("orders");
        request.key = QStringLiteral("user-{i}");
        request.value = QStringLiteral("{\"order\": {i}, \"note\": \"a value long enough to fill segments\"}");
        request.partition = 0;
        for (int i = 0; i < 20; ++i) { // one batch each, so that segments roll between them
            request.count = 10;
            produced.clear();
            facade.produce(request);
            QTRY_VERIFY(!produced.isEmpty() && produced.last().at(1).value<ProduceReport>().finished);
        }
        window.selectTopic(QStringLiteral("orders"));
        window.showTab(MainWindow::PartitionsTab);
        PartitionsView *view = window.partitionsView();
        auto *table = view->findChild<TableView *>(QStringLiteral("partitionsTable"));
        QVERIFY(table);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->selectSourceRow(0);
        view->showSegments();
        SegmentsModel *segments = view->segmentsModel();
        QTRY_VERIFY(segments->rowCount() >= 3);
        const int last = segments->rowCount() - 1;
        QVERIFY(segments->rowAt(last).active);
        QVERIFY(!segments->rowAt(0).active);
        QCOMPARE(segments->rowAt(0).baseOffset, 0);
        QCOMPARE(segments->rowAt(last).nextOffset, 200);
        // Each closed segment ends where the next begins, and none is over segment.bytes.
        for (int r = 0; r < last; ++r) {
            QCOMPARE(segments->rowAt(r).nextOffset, segments->rowAt(r + 1).baseOffset);
            QVERIFY(segments->rowAt(r).sizeBytes <= 4096);
        }
        auto *summary = view->findChild<QLabel *>(QStringLiteral("segmentsSummary"));
        QVERIFY(summary && summary->text().contains(QStringLiteral("4.0 KiB")));
        QCoreApplication::processEvents();
        QVERIFY(window.grab().save(outputPath(QStringLiteral("partitions-segments-%1-1280x720.png").arg(language))));
        QVERIFY(Language::install(qApp, QStringLiteral("en")));
    }

    void anInMemoryBrokerHasNoSegmentFiles()
    {
        EngineOptions options;
        options.storage.inMemory = true;
        EngineFacade facade(options);
        QSignalSpy started(&facade, &EngineFacade::started);
        QSignalSpy finished(&facade, &EngineFacade::commandFinished);
        QSignalSpy described(&facade, &EngineFacade::segmentsDescribed);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        facade.createTopic(QStringLiteral("t"), 1);
        QTRY_COMPARE(finished.count(), 1);
        const quint64 id = facade.describeSegments({QStringLiteral("t"), 0});
        QTRY_COMPARE(described.count(), 1);
        QCOMPARE(described.at(0).at(0).toULongLong(), id);
        const auto answer = described.at(0).at(1).value<PartitionSegments>();
        QCOMPARE(answer.availability, PartitionSegments::Availability::InMemory);
        QVERIFY(answer.segments.isEmpty());
        facade.describeSegments({QStringLiteral("missing"), 0});
        QTRY_COMPARE(described.count(), 2);
        QCOMPARE(described.at(1).at(1).value<PartitionSegments>().availability,
            PartitionSegments::Availability::NoSuchPartition);
    }
};

QTEST_MAIN(TestSegmentsView)
#include "tst_segmentsview.moc"
