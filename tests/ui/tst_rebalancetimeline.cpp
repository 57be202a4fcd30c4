// The rebalance timeline and the assignor comparison on hand-built runs (tests/common/rebalancefixture.h): the
// rebalance model under QAbstractItemModelTester (text dump, incremental append, reset on a new run), the
// ownership bars' geometry, gaps and clicks, the timeline's time-travel selection, the comparison's states and
// best-metric marks, and screenshots (PNG) checked for the gaps they must show: every partition at +10.150 s
// under eager range, only the two moved ones under cooperative-sticky; and the rows of a Kafka 4 consumer-protocol
// group from a real scenario run, one per group epoch, in English and Korean.
#include "assignorcomparisonview.h"
#include "darkpalette.h"
#include "format.h"
#include "koreanfont.h"
#include "language.h"
#include "ownershipbars.h"
#include "rebalancefixture.h"
#include "rebalancemodel.h"
#include "rebalancetimeline.h"
#include "scenariotesthelpers.h"
#include "sim/ownershipgaps.h"
#include "sim/scenariorunner.h"
#include "tableview.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace topicscope;

Q_DECLARE_METATYPE(topicscope::engine::AssignorRun)
namespace fx = topicscope::rebalancefixture;

namespace {

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

QString dumpModel(const QAbstractItemModel &model)
{
    QString out;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.index(r, c).data().toString();
        out += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
    }
    return out;
}

QString dumpGaps(const ui::OwnershipBars &bars)
{
    QStringList lines;
    for (int i = 0; i < bars.gaps().size(); ++i) {
        const engine::OwnershipGap &g = bars.gaps().at(i);
        lines << QStringLiteral("%1 %2-%3%4")
                     .arg(bars.rowLabel(bars.gapRow(i)))
                     .arg(g.fromMs)
                     .arg(g.toMs)
                     .arg(g.trailing ? QStringLiteral(" open") : QString());
    }
    return lines.join(QLatin1Char('\n'));
}

// The rows of `bars` whose pixels at virtual time `ms` in `image` (a grab of `root`) are mostly gap fill or hatching.
QList<int> gapRowsInImage(const QImage &image, const QWidget *root, const ui::OwnershipBars *bars, qint64 ms)
{
    QList<int> rows;
    const QRgb fill = bars->gapColor().rgb();
    const QRgb hatch = bars->gapHatchColor().rgb();
    for (int row = 0; row < bars->rowCount(); ++row) {
        const QRectF rect = bars->rowRect(row);
        const QPoint centre = bars->mapTo(root, QPoint(int(bars->xForTime(ms)), int(rect.center().y())));
        int gapPixels = 0;
        int samples = 0;
        for (int dy = -4; dy <= 4; ++dy) {
            const QRgb pixel = image.pixel(centre.x(), centre.y() + dy) | 0xff000000;
            ++samples;
            if (pixel == (fill | 0xff000000) || pixel == (hatch | 0xff000000))
                ++gapPixels;
        }
        if (gapPixels * 2 > samples)
            rows << row;
    }
    return rows;
}

} // namespace

class TestRebalanceTimeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelShowsEveryRebalance()
    {
        ui::RebalanceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRebalances(fx::rangeRun().rebalances);
        QCOMPARE(model.columnCount(), int(ui::RebalanceModel::ColumnCount));
        QCOMPARE(dumpModel(model),
            QStringLiteral(
                "+0.300 s|billing|1|new member billing-1-5b0c joined (client reason: not provided)|range|300||6|"
                "billing-1=[orders-0,orders-1,orders-2] billing-2=[orders-3,orders-4,orders-5]\n"
                "+10.300 s|billing|2|new member billing-3-9e41 joined (client reason: not provided)|range|300||3|"
                "billing-1=[orders-0,orders-1] billing-2=[orders-2,orders-3] billing-3=[orders-4,orders-5]\n"));
        // With the run's ownership, the Paused column: eager stopped all six partitions for 300 ms at generation 2.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setGaps(fx::rangeRun().gaps);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.pausedMs(0), qint64(0));
        QCOMPARE(model.pausedMs(1), qint64(6 * 300));
        QCOMPARE(model.index(1, ui::RebalanceModel::Paused).data().toLongLong(), 1800);
        model.setGaps(fx::rangeRun().gaps);
        QCOMPARE(changed.count(), 1); // nothing new, no signal
        // Cooperative-sticky: only the two moved partitions stopped, 150 ms each, at the rebalance that assigned them.
        ui::RebalanceModel cooperative;
        QAbstractItemModelTester cooperativeTester(
            &cooperative, QAbstractItemModelTester::FailureReportingMode::QtTest);
        cooperative.setRebalances(fx::cooperativeRun().rebalances);
        cooperative.setGaps(fx::cooperativeRun().gaps);
        qint64 total = 0;
        for (int row = 0; row < cooperative.rowCount(); ++row)
            total += cooperative.pausedMs(row);
        QCOMPARE(total, qint64(2 * 150));
        const QModelIndex moved = model.index(1, ui::RebalanceModel::PartitionsMoved);
        QCOMPARE(moved.data(Qt::ToolTipRole).toString(), QStringLiteral("Changed owner: orders-2, orders-4, orders-5"));
        QCOMPARE(model.index(1, ui::RebalanceModel::Time).data(ui::SortRole).toLongLong(), 10300);
        QCOMPARE(model.index(1, ui::RebalanceModel::Cause).data(ui::RebalanceModel::GenerationRole).toInt(), 2);
        QCOMPARE(model.index(0, ui::RebalanceModel::Assignment).data(Qt::ToolTipRole).toString(),
            QStringLiteral("billing-1: orders-0, orders-1, orders-2\nbilling-2: orders-3, orders-4, orders-5"));
        QCOMPARE(model.headerData(ui::RebalanceModel::Duration, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Duration ms"));
        QCOMPARE(model.rowOf(QStringLiteral("billing"), 2), 1);
        QCOMPARE(model.rowOf(QStringLiteral("billing"), 7), -1);
    }

    void modelAppendsWhileARunGrows()
    {
        ui::RebalanceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<engine::ScenarioRebalance> all = fx::cooperativeRun().rebalances;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setRebalances(all.mid(0, 1));
        model.setRebalances(all.mid(0, 1)); // the same list again: nothing
        model.setRebalances(all);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(1).at(1).toInt(), 1); // first
        QCOMPARE(inserted.at(1).at(2).toInt(), 2); // last
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, ui::RebalanceModel::Generation).data().toInt(), 1);
        QCOMPARE(model.index(2, ui::RebalanceModel::Time).data().toString(), QStringLiteral("+10.250 s"));

        // Another run (another assignor): a reset, not an append.
        model.setRebalances(fx::rangeRun().rebalances);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ui::RebalanceModel::Assignor).data().toString(), QStringLiteral("range"));
        // A shorter list is a restart.
        model.setRebalances(fx::rangeRun().rebalances.mid(0, 1));
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        model.setRebalances({});
        QCOMPARE(reset.count(), 3);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(inserted.count(), 2);
    }

    void barsHaveARowPerPartitionAndABarPerInterval_data()
    {
        QTest::addColumn<engine::AssignorRun>("run");
        QTest::addColumn<QString>("gaps");
        QTest::addRow("eager range: every partition stops")
            << fx::rangeRun()
            << QStringLiteral("orders-0 10000-10300\norders-1 10000-10300\norders-2 10000-10300\n"
                              "orders-3 10000-10300\norders-4 10000-10300\norders-5 10000-10300");
        QTest::addRow("cooperative-sticky: only the moved ones")
            << fx::cooperativeRun() << QStringLiteral("orders-2 10100-10250\norders-5 10100-10250");
    }
    void barsHaveARowPerPartitionAndABarPerInterval()
    {
        QFETCH(engine::AssignorRun, run);
        QFETCH(QString, gaps);
        ui::OwnershipBars bars;
        bars.resize(1000, 400);
        bars.setData(run.ownership, run.gaps, run.rebalances, fx::EndMs);
        QCOMPARE(bars.rowCount(), 6);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(bars.rowLabel(i), QStringLiteral("orders-%1").arg(i));
        QCOMPARE(dumpGaps(bars), gaps);

        const QList<QRectF> rects = bars.barRects();
        QCOMPARE(rects.size(), run.ownership.size());
        for (int i = 0; i < rects.size(); ++i) {
            const engine::ScenarioOwnership &o = run.ownership.at(i);
            const QRectF row = bars.rowRect(o.topicPartition.partition);
            QVERIFY2(row.contains(rects.at(i).center()), qPrintable(o.topicPartition.toString()));
            QCOMPARE(rects.at(i).left(), bars.xForTime(o.fromMs));
            QCOMPARE(rects.at(i).right(), bars.xForTime(o.toMs < 0 ? fx::EndMs : o.toMs));
            QCOMPARE(bars.hitTest(rects.at(i).center() + QPointF(rects.at(i).width() / 4, 0)).index, i);
        }
        // The auto-fitted window ends at now; a fixed one moves the bars.
        QCOMPARE(bars.xForTime(fx::EndMs), bars.rowRect(0).right());
        bars.setTimeWindow(8000, 12000);
        QCOMPARE(bars.xForTime(8000), bars.rowRect(0).left());
        const engine::OwnershipGap &gap = bars.gaps().at(0);
        const double expectedWidth = double(gap.toMs - gap.fromMs) / 4000.0 * bars.rowRect(0).width();
        QVERIFY2(qAbs(bars.gapRect(0).width() - expectedWidth) < 1.0, qPrintable(QString::number(expectedWidth)));
        bars.clearTimeWindow();
        QCOMPARE(bars.windowToMs(), fx::EndMs);
        // Every consumer has its own colour; a gap's is none of them.
        QCOMPARE(bars.consumers(),
            QStringList({QStringLiteral("billing-1"), QStringLiteral("billing-2"), QStringLiteral("billing-3")}));
        QSet<QRgb> colours;
        for (const QString &c : bars.consumers())
            colours.insert(bars.consumerColor(c).rgb());
        colours.insert(bars.gapColor().rgb());
        colours.insert(bars.gapHatchColor().rgb());
        QCOMPARE(colours.size(), 5);
    }

    void barsTakeTheGivenConsumerOrder()
    {
        const engine::AssignorRun run = fx::rangeRun();
        ui::OwnershipBars bars;
        bars.setConsumerOrder({QStringLiteral("billing-3"), QStringLiteral("other-1")});
        bars.setData(run.ownership, run.gaps, run.rebalances, fx::EndMs);
        // The given order first, then the data's consumers it lacks, sorted.
        QCOMPARE(bars.consumers(),
            QStringList({QStringLiteral("billing-3"), QStringLiteral("other-1"), QStringLiteral("billing-1"),
                QStringLiteral("billing-2")}));
        QCOMPARE(bars.consumerColor(QStringLiteral("billing-3")), ui::OwnershipBars::paletteColor(0));
        // A new order replaces the old one: consumers of an earlier scenario do not keep their places.
        bars.setConsumerOrder({QStringLiteral("billing-1")});
        bars.setData(run.ownership, run.gaps, run.rebalances, fx::EndMs);
        QCOMPARE(bars.consumers(),
            QStringList({QStringLiteral("billing-1"), QStringLiteral("billing-2"), QStringLiteral("billing-3")}));
        QCOMPARE(bars.consumerColor(QStringLiteral("billing-1")), ui::OwnershipBars::paletteColor(0));
    }

    void barsReportAClickNearARebalanceLine()
    {
        const engine::AssignorRun run = fx::rangeRun();
        ui::OwnershipBars bars;
        bars.resize(1000, 400);
        bars.setData(run.ownership, run.gaps, run.rebalances, fx::EndMs);
        bars.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bars));
        QSignalSpy clicked(&bars, &ui::OwnershipBars::generationClicked);

        const int y = int(bars.rowRect(3).center().y());
        QTest::mouseClick(&bars, Qt::LeftButton, {}, QPoint(int(bars.rebalanceX(1)) + 3, y));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), QStringLiteral("billing"));
        QCOMPARE(clicked.at(0).at(1).toInt(), 2);
        QCOMPARE(bars.selectedGeneration(), 2);

        // In the middle of a bar, far from any line: nothing.
        QTest::mouseClick(&bars, Qt::LeftButton, {}, QPoint(int(bars.xForTime(5000)), y));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(bars.hitTest(QPointF(bars.xForTime(5000), y)).kind, ui::OwnershipBars::Hit::Kind::Bar);
        QCOMPARE(bars.hitTest(QPointF(bars.xForTime(10150), y)).kind, ui::OwnershipBars::Hit::Kind::Gap);

        QTest::mouseClick(&bars, Qt::LeftButton, {}, QPoint(int(bars.rebalanceX(0)) - 2, y));
        QCOMPARE(clicked.count(), 2);
        QCOMPARE(clicked.at(1).at(1).toInt(), 1);
    }

    void timelineSelectsGenerationsForTimeTravel()
    {
        ui::RebalanceTimeline timeline;
        timeline.resize(1200, 500);
        QAbstractItemModelTester tester(timeline.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        QSignalSpy selected(&timeline, &ui::RebalanceTimeline::generationSelected);
        QSignalSpy live(&timeline, &ui::RebalanceTimeline::liveSelected);

        // The run grows snapshot by snapshot.
        const engine::AssignorRun run = fx::cooperativeRun();
        engine::FlowSnapshot early = fx::snapshotOf(run, 5000);
        early.rebalances = run.rebalances.mid(0, 1);
        timeline.setSnapshot(early);
        QCOMPARE(timeline.model()->rowCount(), 1);
        timeline.table()->selectSourceRow(0);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0), QVariantList({QStringLiteral("billing"), 1, 0}));
        QCOMPARE(timeline.bars()->selectedGeneration(), 1);

        timeline.setSnapshot(fx::snapshotOf(run));
        QCOMPARE(timeline.model()->rowCount(), 3);
        QCOMPARE(timeline.selectedRebalance(), 0); // appending kept the selection
        QCOMPARE(selected.count(), 1);

        // A click on a rebalance line in the bars selects its row.
        ui::OwnershipBars *bars = timeline.bars();
        QTest::mouseClick(
            bars, Qt::LeftButton, {}, QPoint(int(bars->rebalanceX(2)) + 1, int(bars->rowRect(0).center().y())));
        QCOMPARE(selected.count(), 2);
        QCOMPARE(selected.at(1), QVariantList({QStringLiteral("billing"), 3, 2}));
        QCOMPARE(timeline.table()->currentSourceRow(), 2);
        QCOMPARE(bars->selectedGeneration(), 3);

        timeline.clearSelection();
        QCOMPARE(live.count(), 1);
        QCOMPARE(timeline.selectedRebalance(), -1);
        QCOMPARE(bars->selectedGeneration(), -1);
        timeline.clearSelection(); // already live: no second announcement
        QCOMPARE(live.count(), 1);

        // A new run while a generation is selected goes back to live.
        timeline.selectRebalance(1);
        QCOMPARE(selected.count(), 3);
        timeline.setSnapshot(fx::snapshotOf(fx::rangeRun()));
        QCOMPARE(live.count(), 2);
        QCOMPARE(timeline.selectedRebalance(), -1);
    }

    void timelineScreenshots_data()
    {
        QTest::addColumn<engine::AssignorRun>("run");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QList<int>>("gapRows");
        QTest::addRow("eager") << fx::rangeRun() << QStringLiteral("rebalancetimeline-eager.png")
                               << QList<int>({0, 1, 2, 3, 4, 5});
        QTest::addRow("cooperative") << fx::cooperativeRun() << QStringLiteral("rebalancetimeline-cooperative.png")
                                     << QList<int>({2, 5});
    }
    void timelineScreenshots()
    {
        QFETCH(engine::AssignorRun, run);
        QFETCH(QString, file);
        QFETCH(QList<int>, gapRows);
        ui::RebalanceTimeline timeline;
        timeline.resize(1200, 500);
        timeline.setSnapshot(fx::snapshotOf(run));
        timeline.selectRebalance(1);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        const QImage image = timeline.grab().toImage();
        QVERIFY(image.save(outputPath(file)));
        QCOMPARE(image.size(), QSize(1200, 500));
        // The whole bars widget is visible, not scrolled away.
        QVERIFY(timeline.bars()->visibleRegion().boundingRect().height() >= int(timeline.bars()->rowRect(5).bottom()));
        QCOMPARE(gapRowsInImage(image, &timeline, timeline.bars(), 10150), gapRows);
        // Before the join nobody stops.
        QCOMPARE(gapRowsInImage(image, &timeline, timeline.bars(), 9000), QList<int>());
    }

    void presentationModeOnADarkPalette()
    {
        const QPalette dark = testing::darkPalette();
        ui::RebalanceTimeline timeline;
        timeline.setPalette(dark);
        timeline.resize(1200, 700);
        timeline.setPresentationMode(true);
        timeline.setSnapshot(fx::snapshotOf(fx::cooperativeRun()));
        timeline.selectRebalance(2);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        ui::OwnershipBars *bars = timeline.bars();
        QVERIFY(bars->isPresentationMode());
        QVERIFY(bars->gapColor().lightness() < 128); // follows the palette
        // A fixed window around the join, as a presenter would zoom.
        bars->setTimeWindow(9500, 11000);
        const QImage image = timeline.grab().toImage();
        QVERIFY(image.save(outputPath(QStringLiteral("rebalancetimeline-presentation-dark.png"))));
        QCOMPARE(gapRowsInImage(image, &timeline, bars, 10150), QList<int>({2, 5}));
        QVERIFY(QFontMetrics(bars->font()).height() > 0);
    }

    void comparisonStates()
    {
        ui::AssignorComparisonView view;
        QCOMPARE(view.state(), ui::AssignorComparisonView::State::Empty);
        auto *empty = view.findChild<QLabel *>(QStringLiteral("comparisonEmpty"));
        QVERIFY(empty);
        QCOMPARE(empty->text(), QStringLiteral("Choose a scenario and press Compare"));

        engine::AssignorComparison failed;
        failed.error = QStringLiteral("unknown topic \"orders\" in step 3");
        view.setComparison(failed);
        QCOMPARE(view.state(), ui::AssignorComparisonView::State::Error);
        auto *error = view.findChild<QLabel *>(QStringLiteral("comparisonError"));
        QVERIFY(error->text().contains(failed.error));

        view.setComparison(fx::comparison());
        QCOMPARE(view.state(), ui::AssignorComparisonView::State::Comparison);
        QCOMPARE(view.summaryText(0),
            QStringLiteral("rebalances 2 (best) | partitions moved 9 | processing gap 1,800 ms | duplicates 3"));
        QCOMPARE(view.summaryText(1),
            QStringLiteral("rebalances 2 (best) | partitions moved 10 | processing gap 1,800 ms | duplicates 4"));
        QCOMPARE(view.summaryText(2),
            QStringLiteral("rebalances 2 (best) | partitions moved 8 (best) | processing gap 1,800 ms | duplicates 2"));
        QCOMPARE(view.summaryText(3),
            QStringLiteral("rebalances 3 | partitions moved 10 | processing gap 300 ms (best) | duplicates 0 (best)"));
        QCOMPARE(view.findChildren<ui::TableView *>(QStringLiteral("comparisonRebalances")).size(), 4);
        QCOMPARE(view.barsOf(3)->gaps().size(), 2);
        QCOMPARE(view.barsOf(0)->gaps().size(), 6);

        view.clear();
        QCOMPARE(view.state(), ui::AssignorComparisonView::State::Empty);
    }

    void comparisonScreenshot()
    {
        ui::AssignorComparisonView view;
        view.resize(1600, 700);
        view.setComparison(fx::comparison());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.grab().toImage();
        QVERIFY(image.save(outputPath(QStringLiteral("assignorcomparison.png"))));
        const QList<QList<int>> expected = {{0, 1, 2, 3, 4, 5}, {0, 1, 2, 3, 4, 5}, {0, 1, 2, 3, 4, 5}, {2, 5}};
        for (int run = 0; run < 4; ++run) {
            ui::OwnershipBars *bars = view.barsOf(run);
            QVERIFY(bars->isVisible());
            QCOMPARE(bars->rowCount(), 6);
            QVERIFY2(bars->height() >= bars->rowRect(5).bottom(), qPrintable(QString::number(bars->height())));
            QCOMPARE(gapRowsInImage(image, &view, bars, 10150), expected.at(run));
            ui::OwnershipBars *zoomed = view.zoomedBarsOf(run);
            QVERIFY(zoomed && zoomed->isVisible());
            QCOMPARE(zoomed->windowFromMs(), 9800); // the eager generation 2: 10000 .. 10300, 200 ms margin
            QCOMPARE(zoomed->windowToMs(), 10500);
            QCOMPARE(gapRowsInImage(image, &view, zoomed, 10150), expected.at(run));
            QCOMPARE(gapRowsInImage(image, &view, zoomed, 10290),
                expected.at(run).size() == 6 ? expected.at(run) : QList<int>());
        }
        // Every column fits: the four are side by side, none cut off at the right.
        const QRect last(view.barsOf(3)->mapTo(&view, QPoint(0, 0)), view.barsOf(3)->size());
        QVERIFY(last.right() < view.width());
    }

    void consumerProtocolRowsAreEpochs_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("en") << QStringLiteral("en");
        QTest::addRow("ko") << QStringLiteral("ko");
    }
    void consumerProtocolRowsAreEpochs()
    {
        // Scenario 16 played to the end: epoch 2 is replaced by epoch 3 before anyone reconciled; at new-4's join
        // (epoch 4) only rides-5 changes hands, so only its bar breaks.
        QFETCH(QString, language);
        uitest::ensureKoreanFont();
        QVERIFY(ui::Language::install(qApp, language));
        engine::ScenarioRunner runner(
            engine::testing::loadScenario(QStringLiteral(":/scenarios/16-consumer-protocol-slow-member.json")));
        QString error;
        QVERIFY2(runner.start(&error), qPrintable(error));
        runner.runToEnd();
        engine::AssignorRun run;
        run.assignor = QStringLiteral("uniform");
        run.rebalances = runner.rebalances();
        run.ownership = runner.ownership();
        run.endMs = runner.elapsedMs();
        run.gaps = engine::ownershipGaps(run.ownership, run.endMs);
        ui::RebalanceTimeline timeline;
        QAbstractItemModelTester tester(timeline.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.resize(1280, 520);
        timeline.setSnapshot(fx::snapshotOf(run, run.endMs));
        const ui::RebalanceModel *model = timeline.model();
        QCOMPARE(model->rowCount(), 4);
        const bool ko = language == QStringLiteral("ko");
        const auto cell = [model](int row, int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(cell(1, ui::RebalanceModel::Generation),
            ko ? QStringLiteral("에포크 2, 대체됨") : QStringLiteral("epoch 2, replaced"));
        QCOMPARE(cell(3, ui::RebalanceModel::Generation), ko ? QStringLiteral("에포크 4") : QStringLiteral("epoch 4"));
        QCOMPARE(cell(3, ui::RebalanceModel::Assignor),
            ko ? QStringLiteral("uniform (브로커)") : QStringLiteral("uniform (broker)"));
        QCOMPARE(model->index(3, ui::RebalanceModel::Generation).data(ui::SortRole).toInt(), 4);
        QVERIFY(!model->index(1, ui::RebalanceModel::Generation).data(Qt::ToolTipRole).toString().isEmpty());
        timeline.selectRebalance(3);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        const QImage image = timeline.grab().toImage();
        QVERIFY(image.save(outputPath(QStringLiteral("rebalancetimeline-consumer-protocol-%1.png").arg(language))));
        // At +10.5 s, between new-slow giving rides-5 up and new-4's heartbeat, only rides-5 is nobody's.
        QCOMPARE(gapRowsInImage(image, &timeline, timeline.bars(), 10500), QList<int>({5}));
        QCOMPARE(gapRowsInImage(image, &timeline, timeline.bars(), 9500), QList<int>());
        QVERIFY(ui::Language::install(qApp, QStringLiteral("en")));
    }
};

QTEST_MAIN(TestRebalanceTimeline)
#include "tst_rebalancetimeline.moc"
