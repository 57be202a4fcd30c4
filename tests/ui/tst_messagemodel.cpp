// The message browser's model over a 10-million-record partition served by a fake cluster: it opens at once,
// jumps to the end at once, loads only the pages the view shows, keeps the cache bounded, follows the log as
// it grows (live tail) and filters by scanning. A live tail across partitions follows time (the browser keeps
// the newest in view); the record detail keeps JSON member order and dumps hex; selected records copy as JSON
// Lines and CSV. Under QAbstractItemModelTester throughout.
#include "messagebrowser.h"
#include "messagemodel.h"
#include "uifakecluster.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace topicscope;

namespace {

// A cluster whose records carry the timestamps a test gives them, per partition (the shared fake derives
// them from the offset, the same in every partition). Values are JSON whose members are not in sorted order.
class TimedCluster : public uitest::FakeCluster {
public:
    QList<QList<qint64>> timestamps; // by partition, by offset

    engine::BrokerSnapshot snapshot() const
    {
        QList<qint64> ends;
        for (const auto &p : timestamps)
            ends.append(p.size());
        return snapshotWith(QStringLiteral("t"), ends);
    }

    quint64 fetchMessages(const engine::MessageQuery &q) override
    {
        const quint64 id = nextRequestId();
        engine::MessagePage page;
        page.query = q;
        const QList<qint64> times = timestamps.value(q.partition);
        page.logEndOffset = times.size();
        qint64 o = q.offset;
        for (; o < times.size() && page.rows.size() < q.maxRecords; ++o) {
            engine::MessageRow r;
            r.partition = q.partition;
            r.offset = o;
            r.timestamp = times.at(o);
            r.key = QByteArray("k") + QByteArray::number(q.partition);
            r.value = "{\"z\":" + QByteArray::number(o) + ",\"a\":[1,2.50,{\"y\":null,\"b\":true}]}";
            if (!q.filter.isEmpty() && !r.key->contains(q.filter.toUtf8()))
                continue;
            page.rows.append(r);
        }
        page.nextOffset = o;
        QTimer::singleShot(0, this, [this, id, page] { Q_EMIT messagesFetched(id, page); });
        return id;
    }
};

// Whether text states n of noun through a numerus form: "1 record(s)" untranslated, "1 record" / "2 records"
// with an English catalogue; never "1 records".
bool countSaid(const QString &text, int n, const QString &noun)
{
    if (text.contains(QStringLiteral("%1 %2(s)").arg(n).arg(noun)))
        return true;
    const QRegularExpression said(QStringLiteral("\\b%1 %2(s?)\\b").arg(n).arg(noun));
    const QRegularExpressionMatch m = said.match(text);
    return m.hasMatch() && m.captured(1).isEmpty() == (n == 1);
}

// "partition:offset" of every row, in row order.
QString rowsOf(const ui::MessageModel &model)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        rows.append(model.index(r, ui::MessageModel::Partition).data().toString() + QLatin1Char(':')
            + model.index(r, ui::MessageModel::Offset).data().toString());
    }
    return rows.join(QLatin1Char(' '));
}

} // namespace

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

    void timeOrderedTailMergesPartitionsByTime()
    {
        TimedCluster cluster;
        ui::MessageModel model(&cluster);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        cluster.timestamps = {{100, 400, 700}, {200, 500}, {300, 600, 800, 900}};
        model.setOrder(ui::MessageModel::Order::Time);
        model.setSource(QStringLiteral("t"), -1, cluster.snapshot());
        QTRY_COMPARE(model.rowCount(), 9);
        QCOMPARE(rowsOf(model), QStringLiteral("0:0 1:0 2:0 0:1 1:1 2:1 0:2 2:2 2:3"));

        // New records in partitions 0 and 1 are the newest: they come in at the bottom (in log order they
        // would land in the middle, out of view). Equal timestamps: by partition, then offset.
        cluster.timestamps[0].append(1000);
        cluster.timestamps[1].append(1000);
        cluster.timestamps[1].append(1100);
        model.setSnapshot(cluster.snapshot());
        QTRY_COMPARE(model.rowCount(), 12);
        QCOMPARE(rowsOf(model), QStringLiteral("0:0 1:0 2:0 0:1 1:1 2:1 0:2 2:2 2:3 0:3 1:2 1:3"));
        QCOMPARE(model.messageAt(11)->timestamp, 1100);
        QCOMPARE(model.rowForOffset(1, 2), 10);
        // A late record (an older timestamp, as producers may set) goes where its time is.
        cluster.timestamps[2].append(450);
        model.setSnapshot(cluster.snapshot());
        QTRY_COMPARE(model.rowCount(), 13);
        QCOMPARE(model.rowForOffset(2, 4), 4);

        // Retention deletes partition 2's first two records: their rows go.
        auto s = cluster.snapshot();
        s.topics[0].partitions[2].logStartOffset = 2;
        model.setSnapshot(s);
        QCOMPARE(rowsOf(model), QStringLiteral("0:0 1:0 0:1 2:4 1:1 0:2 2:2 2:3 0:3 1:2 1:3"));

        // A filter keeps the matching records of the tail (the fake matches keys: "k<partition>").
        model.setFilter(QStringLiteral("k1"));
        QTRY_COMPARE(model.rowCount(), 4);
        QCOMPARE(rowsOf(model), QStringLiteral("1:0 1:1 1:2 1:3"));
        model.setFilter({});
        QTRY_COMPARE(model.rowCount(), 11);

        // The log order is still there: partition by partition.
        model.setOrder(ui::MessageModel::Order::Log);
        QCOMPARE(model.rowCount(), 4 + 4 + 3);
        QCOMPARE(model.rowForOffset(1, 0), 4);
    }

    void timeOrderedTailIsBounded()
    {
        TimedCluster cluster;
        ui::MessageModel model(&cluster);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        constexpr int Max = ui::MessageModel::MaxTailRows;
        constexpr int Backlog = ui::MessageModel::TailBacklog;
        cluster.timestamps = {{}, {}};
        for (int i = 0; i < 3000; ++i) {
            cluster.timestamps[0].append(2 * i);
            cluster.timestamps[1].append(2 * i + 1);
        }
        model.setOrder(ui::MessageModel::Order::Time);
        model.setSource(QStringLiteral("t"), -1, cluster.snapshot());
        // It starts with the newest records of each partition, not the whole log.
        QTRY_COMPARE(model.rowCount(), 2 * Backlog);
        QCOMPARE(model.messageAt(0)->offset, 3000 - Backlog);
        QTRY_COMPARE(model.pendingRequests(), 0);

        // 1500 more per partition: all are read, the oldest rows leave, the newest is last.
        for (int i = 3000; i < 4500; ++i) {
            cluster.timestamps[0].append(2 * i);
            cluster.timestamps[1].append(2 * i + 1);
        }
        model.setSnapshot(cluster.snapshot());
        QTRY_COMPARE(model.pendingRequests(), 0);
        QCOMPARE(model.messageAt(model.rowCount() - 1)->timestamp, 2 * 4499 + 1);
        QCOMPARE(model.rowCount(), Max);
        QCOMPARE(model.messageAt(0)->timestamp, 2 * 4500 - Max);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.messageAt(r - 1)->timestamp < model.messageAt(r)->timestamp);

        // A partition far behind skips ahead to its newest records instead of reading everything.
        for (int i = 4500; i < 4500 + 10 * Max; ++i)
            cluster.timestamps[0].append(2 * i);
        model.setSnapshot(cluster.snapshot());
        QTRY_COMPARE(model.pendingRequests(), 0);
        QCOMPARE(model.messageAt(model.rowCount() - 1)->offset, 4500 + 10 * Max - 1);
        QCOMPARE(model.rowCount(), Max);
        int skippedAhead = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto m = model.messageAt(r);
            QVERIFY(m->partition != 0 || m->offset < 4500 || m->offset >= 4500 + 10 * Max - Backlog);
            skippedAhead += m->partition == 0 && m->offset >= 4500 ? 1 : 0;
        }
        QCOMPARE(skippedAhead, Backlog);
    }

    void browserTailKeepsTheNewestInView()
    {
        uitest::FakeCluster cluster;
        ui::MessageBrowser browser(&cluster);
        QAbstractItemModelTester tester(browser.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        browser.resize(900, 260);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        const QString t = QStringLiteral("t");
        browser.setSnapshot(uitest::FakeCluster::snapshotWith(t, {30, 30}));
        browser.browse(t, -1);
        browser.setLiveTail(true);
        ui::MessageModel *model = browser.model();
        QCOMPARE(model->order(), ui::MessageModel::Order::Time);
        QTRY_COMPARE(model->rowCount(), 60);

        // Partition 0 grows: its new records are the newest (the fake's timestamps grow with the offset).
        browser.setSnapshot(uitest::FakeCluster::snapshotWith(t, {40, 30}));
        QTRY_COMPARE(model->rowCount(), 70);
        const auto last = model->messageAt(69);
        QCOMPARE(last->partition, 0);
        QCOMPARE(last->offset, 39);
        QTableView *table = browser.table();
        const auto inView = [&](int row) {
            return table->viewport()->rect().contains(table->visualRect(model->index(row, 0)).center());
        };
        QTRY_VERIFY(inView(69));
        QVERIFY(!inView(0));

        // Tail off: back to the log, at the record that was selected.
        const int selected = model->rowForOffset(1, 29);
        table->selectRow(selected);
        browser.setLiveTail(false);
        QCOMPARE(model->order(), ui::MessageModel::Order::Log);
        QCOMPARE(table->currentIndex().row(), 40 + 29);
        QTRY_COMPARE(model->messageAt(table->currentIndex().row())->partition, 1);
        QCOMPARE(model->messageAt(table->currentIndex().row())->offset, 29);
        QTRY_VERIFY(inView(table->currentIndex().row()));

        // One partition tails in log order (already in time order, and scrollable whole); a start picked ends
        // the tail.
        browser.setLiveTail(true);
        browser.browse(t, 1);
        QCOMPARE(model->order(), ui::MessageModel::Order::Log);
        browser.browse(t, -1);
        QCOMPARE(model->order(), ui::MessageModel::Order::Time);
        browser.setStart(ui::MessageBrowser::Start::Earliest);
        QVERIFY(!browser.isLiveTail());
        QCOMPARE(model->order(), ui::MessageModel::Order::Log);
    }

    void detailKeepsJsonOrderAndDumpsHex()
    {
        TimedCluster cluster;
        cluster.timestamps = {{1, 2}};
        ui::MessageBrowser browser(&cluster);
        browser.resize(900, 500);
        browser.show();
        browser.setSnapshot(cluster.snapshot());
        browser.browse(QStringLiteral("t"), 0);
        QTRY_VERIFY(browser.model()->messageAt(1).has_value());
        browser.table()->selectRow(1);
        QTRY_VERIFY(browser.detailText().contains(QLatin1String("\"z\": 1,")));
        // The record's member order, its number spelling (2.50), nesting indented.
        const QString json = browser.detailText();
        QVERIFY2(json.indexOf(QLatin1String("\"z\"")) < json.indexOf(QLatin1String("\"a\"")), qPrintable(json));
        QVERIFY2(
            json.contains(QLatin1String("        2.50,\n        {\n            \"y\": null,\n")), qPrintable(json));

        auto *format = browser.findChild<QComboBox *>(QStringLiteral("browserFormat"));
        QVERIFY(format);
        format->setCurrentIndex(format->findText(QStringLiteral("Hex")));
        const QString hex = browser.detailText();
        QVERIFY2(hex.contains(QLatin1String(
                     "00000000  7b 22 7a 22 3a 31 2c 22  61 22 3a 5b 31 2c 32 2e  |{\"z\":1,\"a\":[1,2.|")),
            qPrintable(hex));
        QVERIFY2(hex.contains(QLatin1String("00000010  ")), qPrintable(hex));
    }

    void selectedRecordsCopyAsJsonLinesAndCsv()
    {
        TimedCluster cluster;
        cluster.timestamps = {{10, 20, 30}, {15}};
        ui::MessageBrowser browser(&cluster);
        browser.show();
        browser.setSnapshot(cluster.snapshot());
        browser.browse(QStringLiteral("t"), -1);
        ui::MessageModel *model = browser.model();
        QTRY_VERIFY(model->messageAt(0).has_value() && model->messageAt(3).has_value());
        QTableView *table = browser.table();
        table->selectionModel()->select(QItemSelection(model->index(0, 0), model->index(0, 0)),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(QItemSelection(model->index(3, 0), model->index(3, 0)),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(browser.selectedMessages().size(), 2);
        const QStringList lines = browser.selectedAsJsonLines().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(1),
            QStringLiteral(
                "{\"topic\": \"t\", \"partition\": 1, \"offset\": 0, \"timestamp\": 15, \"key\": \"k1\", "
                "\"value\": \"{\\\"z\\\":0,\\\"a\\\":[1,2.50,{\\\"y\\\":null,\\\"b\\\":true}]}\", \"headers\": []}"));
        const QString csv = browser.selectedAsCsv();
        QCOMPARE(csv.section(QStringLiteral("\r\n"), 0, 0),
            QStringLiteral("topic,partition,offset,timestamp,key,value,headers"));
        QCOMPARE(csv.section(QStringLiteral("\r\n"), 1, 1),
            QStringLiteral("t,0,0,10,k0,\"{\"\"z\"\":0,\"\"a\"\":[1,2.50,{\"\"y\"\":null,\"\"b\"\":true}]}\",[]"));

        // The Copy / Export menu puts the same text on the clipboard and says how many records it copied, the
        // count passed as Qt's %n (numerus form: "1 record", not "1 records", once the catalogue is loaded).
        auto *status = browser.findChild<QLabel *>(QStringLiteral("browserStatus"));
        QVERIFY(countSaid(status->text(), 4, QStringLiteral("record"))); // 4 records in all partitions
        auto *exportButton = browser.findChild<QToolButton *>(QStringLiteral("browserExport"));
        QVERIFY(exportButton && exportButton->menu());
        const QList<QAction *> actions = exportButton->menu()->actions();
        QCOMPARE(actions.size(), 3);
        actions.at(1)->trigger(); // Copy as CSV
        QCOMPARE(QGuiApplication::clipboard()->text(), csv);
        QVERIFY2(countSaid(status->text(), 2, QStringLiteral("record")), qPrintable(status->text()));
        table->selectRow(1);
        actions.at(0)->trigger(); // Copy as JSON Lines
        QCOMPARE(QGuiApplication::clipboard()->text().count(QLatin1Char('\n')), 1);
        QVERIFY2(countSaid(status->text(), 1, QStringLiteral("record")), qPrintable(status->text()));

        QTemporaryDir dir;
        QVERIFY(browser.exportSelected(dir.filePath(QStringLiteral("out.csv"))));
        QFile file(dir.filePath(QStringLiteral("out.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), browser.selectedAsCsv()); // the one row selected now
        QVERIFY(!browser.exportSelected(dir.filePath(QStringLiteral("missing/out.jsonl"))));
    }
};

QTEST_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
