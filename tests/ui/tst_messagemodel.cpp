// The message browser's model over a 10-million-record partition served by a fake cluster: it opens at once,
// jumps to the end at once, loads only the pages the view shows, keeps the cache bounded, follows the log as
// it grows (live tail) and filters by scanning. Under QAbstractItemModelTester throughout.
#include "messagebrowser.h"
#include "messagemodel.h"
#include "uifakecluster.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace topicscope;

class TestMessageModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tenMillionRecordsOpenAtOnce()
    {
        uitest::FakeCluster cluster;
        ui::MessageModel model(&cluster);
        // No QAbstractItemModelTester here: it walks every row, which is what this test proves the view never
        // has to do (the other cases run under it).
        const auto snapshot = uitest::FakeCluster::snapshotWith(QStringLiteral("big"), {10'000'000});

        QTableView view;
        view.resize(900, 600);
        view.setModel(&model);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QElapsedTimer timer;
        timer.start();
        model.setSource(QStringLiteral("big"), 0, snapshot);
        // The view gets a window of rows, not ten million (item views keep state per row).
        QCOMPARE(model.totalRows(), 10'000'000);
        QCOMPARE(model.rowCount(), ui::MessageModel::MaxWindowRows);
        QCoreApplication::processEvents();
        QTRY_VERIFY(model.messageAt(0).has_value());
        // Wall time is reported, not asserted (tests check correctness; bench/ measures speed). What makes
        // opening instant is asserted below: only the shown pages are read.
        const qint64 openMs = timer.elapsed();

        timer.restart();
        const int last = model.revealEnd();
        view.scrollToBottom();
        QCOMPARE(last, ui::MessageModel::MaxWindowRows - 1);
        QTRY_VERIFY(model.messageAt(last).has_value());
        const qint64 endMs = timer.elapsed();
        QCOMPARE(model.index(last, ui::MessageModel::Value).data().toString(), QStringLiteral("{\"n\":9999999}"));
        // Only what was shown was read: a couple of pages, never the log.
        QVERIFY2(cluster.recordsServed <= 6 * ui::MessageModel::PageSize,
            qPrintable(QString::number(cluster.recordsServed)));

        // Scrolling through many places keeps the cache bounded.
        for (int i = 0; i < 200; ++i) {
            view.scrollTo(model.index(model.reveal(0, i * 49'999), 0), QAbstractItemView::PositionAtTop);
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE(model.pendingRequests(), 0);
        QVERIFY(model.cachedRecords() <= ui::MessageModel::MaxCachedPages * ui::MessageModel::PageSize);
        std::printf("open %lld ms, jump to end %lld ms, cached %d records\n", openMs, endMs, model.cachedRecords());
    }

    void windowFollowsTheTailAndMoves()
    {
        uitest::FakeCluster cluster;
        ui::MessageModel model(&cluster);
        constexpr int W = ui::MessageModel::MaxWindowRows;
        const QString t = QStringLiteral("t");
        const auto offsetAt = [&](int row) { return model.index(row, ui::MessageModel::Offset).data().toLongLong(); };
        model.setSource(t, 0, uitest::FakeCluster::snapshotWith(t, {W + 1000}));
        QCOMPARE(model.rowCount(), W);
        QCOMPARE(model.windowStart(), 0);

        // A window away from the end does not grow with the log.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setSnapshot(uitest::FakeCluster::snapshotWith(t, {W + 2000}));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.totalRows(), W + 2000);

        // At the end it follows: new records come in at the bottom, the oldest leave at the top.
        QCOMPARE(model.revealEnd(), W - 1);
        QCOMPARE(model.windowStart(), 2000);
        QCOMPARE(offsetAt(W - 1), W + 1999);
        model.setSnapshot(uitest::FakeCluster::snapshotWith(t, {W + 2500}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), W);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 499); // rows 0-499
        QCOMPARE(model.rowCount(), W);
        QCOMPARE(offsetAt(0), 2500);
        QCOMPARE(offsetAt(W - 1), W + 2499);

        // Jumping to an offset outside the window moves it there; shifting moves it row by row, clamped.
        const int row = model.reveal(0, 10);
        QCOMPARE(model.windowStart(), 0);
        QCOMPARE(row, 10);
        QCOMPARE(model.rowForOffset(0, 10), 10);
        inserted.clear();
        removed.clear();
        QCOMPARE(model.shiftWindow(1000), 1000);
        QCOMPARE(removed.count(), 1); // as row moves, so that a selection survives
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(offsetAt(0), 1000);
        QCOMPARE(model.shiftWindow(-5000), -1000);
        QCOMPARE(offsetAt(0), 0);
        QCOMPARE(model.shiftWindow(10 * W), 2500); // no further than the end
        QCOMPARE(offsetAt(W - 1), W + 2499);
    }

    void allPartitionsLiveTailAndRetention()
    {
        uitest::FakeCluster cluster;
        ui::MessageModel model(&cluster);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(QStringLiteral("t"), -1, uitest::FakeCluster::snapshotWith(QStringLiteral("t"), {3, 5}));
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.rowForOffset(1, 0), 3);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setSnapshot(uitest::FakeCluster::snapshotWith(QStringLiteral("t"), {4, 7}));
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(inserted.count(), 2); // one run per partition: partition 0 at row 3, partition 1 at the end
        QCOMPARE(inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(inserted.at(1).at(1).toInt(), 9);
        QTRY_COMPARE(model.index(4, ui::MessageModel::Key).data().toString(), QStringLiteral("key-0"));
        QCOMPARE(model.index(4, ui::MessageModel::Partition).data().toInt(), 1);

        // Retention moves partition 0's log start to 2: its first two rows go.
        auto s = uitest::FakeCluster::snapshotWith(QStringLiteral("t"), {4, 7});
        s.topics[0].partitions[0].logStartOffset = 2;
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setSnapshot(s);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.index(0, ui::MessageModel::Offset).data().toLongLong(), 2);
    }

    void filterScansForMatches()
    {
        uitest::FakeCluster cluster;
        ui::MessageModel model(&cluster);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(QStringLiteral("t"), 0, uitest::FakeCluster::snapshotWith(QStringLiteral("t"), {1000}));
        model.setFilter(QStringLiteral("key-42"));
        QTRY_COMPARE(model.rowCount(), 10); // offsets 42, 142, ... 942
        QTRY_VERIFY(!model.isScanning());
        QCOMPARE(model.index(1, ui::MessageModel::Offset).data().toLongLong(), 142);
        model.setBytesFormat(ui::BytesFormat::Hex);
        QCOMPARE(model.index(0, ui::MessageModel::Key).data().toString(), QStringLiteral("6b 65 79 2d 34 32"));
        model.setFilter({});
        QCOMPARE(model.rowCount(), 1000);
    }
};

QTEST_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
