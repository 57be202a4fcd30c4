// Rates and themes of the explorer on a real in-memory broker behind the facade: consume rates measured from
// committed-offset advances (and not from offset resets), produce and consume charts per topic and per
// partition, and the window staying readable under a dark palette (screenshots saved as PNG).
#include "chartsview.h"
#include "core/recordbatch.h"
#include "darkpalette.h"
#include "mainwindow.h"
#include "messagebrowser.h"
#include "messagemodel.h"
#include "runtime/enginefacade.h"
#include "timeserieschart.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace topicscope;

namespace {

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

void appendRecords(engine::Engine &e, const engine::TopicPartition &tp, int count)
{
    std::vector<engine::Record> records;
    for (int i = 0; i < count; ++i) {
        engine::Record r;
        r.value = QByteArray("value-") + QByteArray::number(i);
        records.push_back(r);
    }
    e.log().append(tp, engine::RecordBatch::build(0, records));
}

void commit(engine::Engine &e, const QString &group, const engine::TopicPartition &tp, qint64 offset)
{
    engine::OffsetCommitRequest request;
    request.groupId = group; // generation -1, no member: a standalone commit, as kafka-consumer-groups does
    engine::CommittedOffset c;
    c.topicPartition = tp;
    c.offset = offset;
    request.offsets.push_back(c);
    e.groups().commitOffsets(request);
}

QString seriesNames(const ui::TimeSeriesChart *chart)
{
    return chart->history().seriesNames().join(QLatin1Char(','));
}

double lastValue(const ui::TimeSeriesChart *chart, const QString &series)
{
    const QList<QPointF> points = chart->history().points(series);
    return points.isEmpty() ? -1 : points.last().y();
}

// Mean lightness (0-255) of an image region, sampled.
int meanLightness(const QImage &image, const QRect &area)
{
    qint64 sum = 0;
    qint64 n = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2) {
        for (int x = area.left(); x <= area.right(); x += 2) {
            sum += QColor(image.pixel(x, y)).lightness();
            ++n;
        }
    }
    return n ? int(sum / n) : -1;
}

// Share of sampled pixels differing from the region's mean lightness by more than 100: text on background.
double contrastShare(const QImage &image, const QRect &area)
{
    const int mean = meanLightness(image, area);
    qint64 strong = 0;
    qint64 n = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2) {
        for (int x = area.left(); x <= area.right(); x += 2) {
            if (std::abs(QColor(image.pixel(x, y)).lightness() - mean) > 100)
                ++strong;
            ++n;
        }
    }
    return n ? double(strong) / double(n) : 0;
}

} // namespace

class TestCharts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TopicscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_charts"));
    }

    void consumeRatesFollowCommittedOffsets()
    {
        engine::EngineOptions options;
        options.storage.inMemory = true;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        window.show();
        engine::BrokerSnapshot last;
        connect(
            &facade, &engine::EngineFacade::snapshotUpdated, this, [&](const engine::BrokerSnapshot &s) { last = s; });
        QSignalSpy started(&facade, &engine::EngineFacade::started);
        QSignalSpy finished(&facade, &engine::EngineFacade::commandFinished);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        facade.createTopic(QStringLiteral("t"), 2);
        QTRY_COMPARE(finished.count(), 1);

        const engine::TopicPartition t0 {QStringLiteral("t"), 0};
        const engine::TopicPartition t1 {QStringLiteral("t"), 1};
        // Two groups read partition 0: the consume rate sums them. The first commit of each only sets its mark.
        facade.post([&](engine::Engine &e) {
            appendRecords(e, t0, 100);
            appendRecords(e, t1, 30);
            commit(e, QStringLiteral("a"), t0, 10);
            commit(e, QStringLiteral("a"), t0, 60); // +50
            commit(e, QStringLiteral("b"), t0, 0);
            commit(e, QStringLiteral("b"), t0, 20); // +20
            commit(e, QStringLiteral("b"), t0, 5); // going back counts nothing
        });
        // 70 records committed within the 10 s window = 7 records/s.
        QTRY_COMPARE(last.partitionConsumeRates.value(t0), 7.0);
        QVERIFY(!last.partitionConsumeRates.contains(t1));
        QCOMPARE(last.recordsConsumedPerSecond, 7.0);
        QVERIFY(last.recordsInPerSecond > 0);

        // An offset reset moves group "a" forward by 40 without anyone consuming: the rate stays.
        finished.clear();
        facade.resetOffsets({QStringLiteral("a"), QStringLiteral("t"), engine::OffsetResetStrategy::Latest, 0});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).toInt(), 0);
        // The next advance on partition 0 is measured from the reset position (100), not from 60.
        facade.post([&](engine::Engine &e) {
            appendRecords(e, t0, 10);
            commit(e, QStringLiteral("a"), t0, 105); // +5 from the reset position 100
        });
        QTRY_COMPARE(last.partitionConsumeRates.value(t0), 7.5);

        // Charts: per topic, then per partition of "t".
        ui::ChartsView *charts = window.chartsView();
        QTRY_COMPARE_WITH_TIMEOUT(lastValue(charts->consumeChart(), QStringLiteral("t")), 7.5, 5000);
        QCOMPARE(seriesNames(charts->rateChart()), QStringLiteral("t"));
        QCOMPARE(seriesNames(charts->consumeChart()), QStringLiteral("t"));
        QVERIFY(lastValue(charts->rateChart(), QStringLiteral("t")) >= 0);
        charts->setScope(QStringLiteral("t"));
        QCOMPARE(seriesNames(charts->rateChart()), QStringLiteral("t-0,t-1"));
        QCOMPARE(seriesNames(charts->consumeChart()), QStringLiteral("t-0,t-1"));
        QCOMPARE(lastValue(charts->consumeChart(), QStringLiteral("t-0")), 7.5);
        QCOMPARE(lastValue(charts->consumeChart(), QStringLiteral("t-1")), 0.0);
        QVERIFY(charts->rateChart()->title().contains(QStringLiteral("per partition of t")));
        QVERIFY(charts->consumeChart()->history().toCsv().startsWith(QStringLiteral("time,t-0,t-1\n")));
        charts->setScope(QString());
        QCOMPARE(seriesNames(charts->consumeChart()), QStringLiteral("t"));

        window.showTab(ui::MainWindow::ChartsTab);
        const QImage image = window.grab().toImage();
        QVERIFY(image.save(outputPath(QStringLiteral("explorer-charts-rates.png"))));
    }

    void darkPaletteKeepsTheWindowReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addRow("light") << false;
        QTest::addRow("dark") << true;
    }
    void darkPaletteKeepsTheWindowReadable()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        QApplication::setPalette(dark ? testing::darkPalette() : QPalette(QColor(0xef, 0xef, 0xef)));
        auto restore = qScopeGuard([&] { QApplication::setPalette(original); });

        engine::EngineOptions options;
        options.storage.inMemory = true;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        window.resize(1280, 800);
        window.show();
        QSignalSpy started(&facade, &engine::EngineFacade::started);
        QSignalSpy finished(&facade, &engine::EngineFacade::commandFinished);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        facade.createTopic(QStringLiteral("orders"), 3);
        QTRY_COMPARE(finished.count(), 1);
        facade.post([](engine::Engine &e) { appendRecords(e, {QStringLiteral("orders"), 1}, 40); });
        ui::MessageBrowser *browser = window.messageBrowser();
        QTRY_VERIFY(window.chartsView()->rateChart()->history().sampleCount() >= 1);
        browser->browse(QStringLiteral("orders"), 1);
        QTRY_COMPARE(browser->model()->rowCount(), 40);

        const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
        for (const auto &[tab, name] : {std::pair {ui::MainWindow::MessagesTab, QStringLiteral("messages")},
                 std::pair {ui::MainWindow::ChartsTab, QStringLiteral("charts")}}) {
            window.showTab(tab);
            QTRY_VERIFY(browser->model()->messageAt(0).has_value());
            QTest::qWait(100); // pages requested by the newly shown view arrive before the grab
            const QImage image = window.grab().toImage();
            QVERIFY(image.save(outputPath(QStringLiteral("explorer-%1-%2.png").arg(theme, name))));
            QWidget *content = tab == ui::MainWindow::MessagesTab
                ? static_cast<QWidget *>(browser->table()->viewport())
                : static_cast<QWidget *>(window.chartsView()->rateChart());
            const QRect area(content->mapTo(&window, QPoint(0, 0)), content->size());
            const int lightness = meanLightness(image, area);
            // The content follows the palette (a white chart in a dark window is what a fixed theme gives) ...
            if (dark)
                QVERIFY2(lightness < 100, qPrintable(QStringLiteral("%1: mean lightness %2").arg(name).arg(lightness)));
            else
                QVERIFY2(lightness > 150, qPrintable(QStringLiteral("%1: mean lightness %2").arg(name).arg(lightness)));
            // ... and its text stands out from it.
            QVERIFY2(contrastShare(image, area) > 0.002, qPrintable(name));
        }
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
