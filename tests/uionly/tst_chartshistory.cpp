// The Charts tab's history across runs, against an in-memory MetricArchive (the UI sees only the interface): the
// stored hour is shown before the live samples and the note says since when, live samples are written as 10-second
// averages in batches, an in-memory broker keeps none, an unreadable history is a note and not a failure, and the
// window passes the archive on. Screenshots: charts-history-1280x720.png and charts-history-ko-1280x720.png.
#include "chartsview.h"
#include "koreanfont.h"
#include "language.h"
#include "mainwindow.h"
#include "metricarchive.h"
#include "timeserieschart.h"
#include "uifakecluster.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <cmath>

using namespace topicscope;

namespace {

constexpr qint64 Minute = 60 * 1000;

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

// Keeps what it is given and answers every query (queued, as the real one) with the stored points in range.
class FakeArchive : public engine::MetricArchive {
public:
    QList<std::pair<QString, QList<engine::MetricSample>>> appended;
    QList<engine::MetricQuery> queries;
    QMap<QString, QList<engine::MetricPoint>> stored;
    QString error;

    void append(const QString &clusterKey, const QList<engine::MetricSample> &samples) override
    {
        appended.append({clusterKey, samples});
    }
    quint64 query(const engine::MetricQuery &query) override
    {
        const quint64 id = nextRequestId();
        queries.append(query);
        engine::MetricQueryResult result;
        result.query = query;
        result.location = QStringLiteral("/home/user/.local/share/Topicscope/history/%1.sqlite").arg(query.clusterKey);
        result.error = error;
        for (auto it = stored.cbegin(); it != stored.cend() && error.isEmpty(); ++it) {
            for (const engine::MetricPoint &p : it.value()) {
                if (p.timeMs >= query.fromMs && p.timeMs <= query.toMs)
                    result.series[it.key()].append(p);
            }
        }
        QMetaObject::invokeMethod(
            this, [this, id, result] { Q_EMIT queryAnswered(id, result); }, Qt::QueuedConnection);
        return id;
    }
    qint64 retentionMs() const override { return qint64(7) * 24 * 3600 * 1000; }
};

// A remote-looking cluster "c1" with topics orders (2 partitions) and payments and groups billing and audit.
engine::BrokerSnapshot snapshotAt(qint64 timeMs, double ordersRate, qint64 billingLag, bool inMemory = false)
{
    engine::BrokerSnapshot s;
    s.takenAtMs = timeMs;
    s.inMemory = inMemory;
    s.clusterId = QStringLiteral("c1");
    for (const QString &name : {QStringLiteral("orders"), QStringLiteral("payments")}) {
        engine::TopicInfo t;
        t.name = name;
        for (int p = 0; p < 2; ++p) {
            engine::PartitionInfo info;
            info.partition = p;
            t.partitions.append(info);
        }
        s.topics.append(t);
    }
    s.partitionRates.insert({QStringLiteral("orders"), 0}, {ordersRate, 0});
    s.partitionRates.insert({QStringLiteral("payments"), 1}, {4, 0});
    s.partitionConsumeRates.insert({QStringLiteral("orders"), 0}, ordersRate / 2);
    for (const auto &[group, lag] :
        {std::pair {QStringLiteral("billing"), billingLag}, std::pair {QStringLiteral("audit"), qint64(7)}}) {
        engine::GroupOffsets g;
        g.groupId = group;
        g.totalLag = lag;
        s.groupOffsets.append(g);
    }
    return s;
}

QString dump(const QList<QPointF> &points, qint64 originMs)
{
    QStringList parts;
    for (const QPointF &p : points)
        parts.append(QStringLiteral("%1s=%2").arg((qint64(p.x()) - originMs) / 1000).arg(p.y()));
    return parts.join(QLatin1Char(' '));
}

QString dump(const std::pair<QString, QList<engine::MetricSample>> &batch, qint64 originMs)
{
    QStringList parts;
    for (const engine::MetricSample &s : batch.second)
        parts.append(QStringLiteral("%1@%2s=%3").arg(s.series).arg((s.timeMs - originMs) / 1000).arg(s.value));
    return batch.first + QStringLiteral(": ") + parts.join(QLatin1Char(' '));
}

// An hour of history every 10 s that reads like a working day: orders with a morning peak, billing's lag building
// up and draining.
void storeAnHour(FakeArchive &archive, qint64 nowMs)
{
    for (qint64 t = nowMs - 60 * Minute; t < nowMs - 2 * Minute; t += 10'000) {
        const double x = double(t - (nowMs - 60 * Minute)) / double(60 * Minute);
        const double orders = 40 + 25 * std::sin(x * 6.0) + 10 * x;
        archive.stored[ui::ChartsView::produceSeries(QStringLiteral("orders"))].append({t, orders});
        archive.stored[ui::ChartsView::produceSeries(QStringLiteral("payments"))].append({t, 12 + 3 * std::cos(x * 9)});
        archive.stored[ui::ChartsView::consumeSeries(QStringLiteral("orders"))].append({t, orders * 0.9});
        archive.stored[ui::ChartsView::consumeSeries(QStringLiteral("payments"))].append({t, 12});
        archive.stored[ui::ChartsView::lagSeries(QStringLiteral("billing"))].append(
            {t, std::round(1500 * std::max(0.0, std::sin(x * 3.1)))});
        archive.stored[ui::ChartsView::lagSeries(QStringLiteral("audit"))].append({t, 80});
    }
}

// Three days before that hour, every 10 minutes: a daily rhythm of orders, and billing falling behind each evening.
void storeDays(FakeArchive &archive, qint64 nowMs)
{
    constexpr qint64 Day = 24 * 60 * Minute;
    for (qint64 t = nowMs - 3 * Day; t < nowMs - 60 * Minute; t += 10 * Minute) {
        const double phase = double((t - (nowMs - 3 * Day)) % Day) / double(Day) * 2 * M_PI;
        const double orders = 45 + 30 * std::sin(phase);
        archive.stored[ui::ChartsView::produceSeries(QStringLiteral("orders"))].append({t, orders});
        archive.stored[ui::ChartsView::produceSeries(QStringLiteral("payments"))].append({t, 12});
        archive.stored[ui::ChartsView::consumeSeries(QStringLiteral("orders"))].append({t, orders * 0.95});
        archive.stored[ui::ChartsView::consumeSeries(QStringLiteral("payments"))].append({t, 12});
        archive.stored[ui::ChartsView::lagSeries(QStringLiteral("billing"))].append(
            {t, std::round(900 * std::max(0.0, std::sin(phase - 1.0)))});
        archive.stored[ui::ChartsView::lagSeries(QStringLiteral("audit"))].append({t, 80});
    }
}

} // namespace

class TestChartsHistory : public QObject {
    Q_OBJECT

    // A window at 1280x720 on a cluster with an hour of stored history and five live snapshots, saved as png once
    // the note contains noteText.
    void showTheWindowOnAStoredHour(const QString &noteText, const QString &png, const QString &weekPng)
    {
        uitest::FakeCluster cluster;
        FakeArchive archive;
        const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        storeAnHour(archive, now);
        storeDays(archive, now);
        ui::MainWindow window(&cluster);
        window.setMetricArchive(&archive);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        cluster.start();
        for (int i = 0; i < 5; ++i)
            Q_EMIT cluster.snapshotUpdated(snapshotAt(now - 4000 + i * 1000, 55 + i, 300 - 20 * i));
        QCOMPARE(archive.queries.size(), 1);
        QTRY_VERIFY2(
            window.chartsView()->historyNote().contains(noteText), qPrintable(window.chartsView()->historyNote()));
        QVERIFY(window.chartsView()->rateChart()->plottedPoints(QStringLiteral("orders")).size() > 300);
        window.showTab(ui::MainWindow::ChartsTab);
        QTest::qWait(50);
        QVERIFY(window.grab().save(outputPath(png)));
        // The last 7 days, read from the archive.
        window.chartsView()->setHistoryRange(7 * 24 * 60 * Minute);
        QCOMPARE(archive.queries.size(), 2);
        QTRY_VERIFY(window.chartsView()->lagChart()->plottedPoints(QStringLiteral("billing")).size() > 250);
        QTest::qWait(50);
        QVERIFY(window.grab().save(outputPath(weekPng)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TopicscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_chartshistory"));
        QSettings().clear();
        ui::Language::ensureInstalled(qApp); // English plural forms ("kept 7 days")
    }

    void storedHistoryComesBeforeTheLiveSamples()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        FakeArchive archive;
        archive.stored[QStringLiteral("produce/orders")] = {{now - 40 * Minute, 5}, {now - 30 * Minute, 7}};
        archive.stored[QStringLiteral("consume/orders")] = {{now - 40 * Minute, 2}, {now - 30 * Minute, 3}};
        archive.stored[QStringLiteral("lag/billing")] = {{now - 40 * Minute, 100}, {now - 30 * Minute, 150}};
        archive.stored[QStringLiteral("lag/billing")].append({now - 3 * 60 * Minute, 999}); // before the hour asked
        ui::ChartsView view;
        view.setArchive(&archive);
        view.setSnapshot(snapshotAt(now, 3, 20));
        QCOMPARE(archive.queries.size(), 1);
        QCOMPARE(archive.queries.at(0).clusterKey, QStringLiteral("c1"));
        QCOMPARE(archive.queries.at(0).fromMs, now - 60 * Minute);
        QCOMPARE(archive.queries.at(0).toMs, now);
        QCOMPARE(archive.queries.at(0).maxPoints, ui::ChartsView::HistoryLoadPoints);
        QCOMPARE(view.historyNote(), QStringLiteral("Reading the history…"));

        // The answer arrives after the first live sample: the stored points go before it, on the chart's lines.
        QTRY_COMPARE(view.rateChart()->plottedPoints(QStringLiteral("orders")).size(), 3);
        QCOMPARE(dump(view.rateChart()->plottedPoints(QStringLiteral("orders")), now),
            QStringLiteral("-2400s=5 -1800s=7 0s=3"));
        // payments has no stored history: 0 at the stored moments (partition 1 appends 4 records/s now).
        QCOMPARE(dump(view.rateChart()->plottedPoints(QStringLiteral("payments")), now),
            QStringLiteral("-2400s=0 -1800s=0 0s=4"));
        QCOMPARE(dump(view.consumeChart()->plottedPoints(QStringLiteral("orders")), now),
            QStringLiteral("-2400s=2 -1800s=3 0s=1.5"));
        QCOMPARE(dump(view.lagChart()->plottedPoints(QStringLiteral("billing")), now),
            QStringLiteral("-2400s=100 -1800s=150 0s=20"));
        QCOMPARE(view.lagChart()->seriesCount(), 2);
        const QString since
            = QLocale().toString(QDateTime::fromMSecsSinceEpoch(now - 40 * Minute).time(), QLocale::ShortFormat);
        if (QDateTime::fromMSecsSinceEpoch(now - 40 * Minute).date() == QDate::currentDate())
            QCOMPARE(view.historyNote(),
                QStringLiteral("Since %1 from the history file, then live (kept 7 days).").arg(since));
        QVERIFY(
            view.findChild<QWidget *>(QStringLiteral("historyNote"))->toolTip().contains(QStringLiteral("c1.sqlite")));

        // Live samples go on after it; per-partition series are live only.
        view.setSnapshot(snapshotAt(now + 1000, 6, 25));
        QCOMPARE(dump(view.rateChart()->plottedPoints(QStringLiteral("orders")), now),
            QStringLiteral("-2400s=5 -1800s=7 0s=3 1s=6"));
        view.setScope(QStringLiteral("orders"));
        QCOMPARE(dump(view.rateChart()->plottedPoints(QStringLiteral("orders-0")), now), QStringLiteral("0s=3 1s=6"));
    }

    void liveSamplesAreWrittenAsTenSecondAveragesInBatches()
    {
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        FakeArchive archive;
        {
            ui::ChartsView view;
            view.setArchive(&archive);
            for (int i = 0; i < 25; ++i) {
                view.setSnapshot(snapshotAt(t0 + i * 1000, i, 10 * i));
                view.setSnapshot(snapshotAt(t0 + i * 1000 + 100, 1000, 1000)); // within the second: not sampled
            }
            QTRY_VERIFY(view.historyNote().startsWith(QStringLiteral("Recording history for this cluster")));
            // Samples 0..10, then 11..21: one batch each, one moment each (the batch's last sample).
            QCOMPARE(archive.appended.size(), 2);
            QCOMPARE(dump(archive.appended.at(0), t0),
                QStringLiteral("c1: consume/orders@10s=2.5 consume/payments@10s=0 lag/audit@10s=7 lag/billing@10s=50 "
                               "produce/orders@10s=5 produce/payments@10s=4"));
            QCOMPARE(dump(archive.appended.at(1), t0),
                QStringLiteral("c1: consume/orders@21s=8 consume/payments@21s=0 lag/audit@21s=7 lag/billing@21s=160 "
                               "produce/orders@21s=16 produce/payments@21s=4"));
        }
        // Closing the view writes what was left (22..24).
        QCOMPARE(archive.appended.size(), 3);
        QCOMPARE(dump(archive.appended.at(2), t0),
            QStringLiteral("c1: consume/orders@24s=11.5 consume/payments@24s=0 lag/audit@24s=7 lag/billing@24s=230 "
                           "produce/orders@24s=23 produce/payments@24s=4"));
    }

    void anInMemoryBrokerKeepsNoHistory()
    {
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        FakeArchive archive;
        {
            ui::ChartsView view;
            view.setArchive(&archive);
            for (int i = 0; i < 15; ++i)
                view.setSnapshot(snapshotAt(t0 + i * 1000, i, i, true));
            QCOMPARE(view.historyNote(), QStringLiteral("History is not kept for an in-memory broker."));
            QCOMPARE(view.rateChart()->plottedPoints(QStringLiteral("orders")).size(), 15);
        }
        QVERIFY(archive.queries.isEmpty());
        QVERIFY(archive.appended.isEmpty());
    }

    void anUnreadableHistoryIsANoteNotAFailure()
    {
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        FakeArchive archive;
        archive.error
            = QStringLiteral("cannot read the history file /h/c1.sqlite: file is not a database (SQLite code 26)");
        ui::ChartsView view;
        view.setArchive(&archive);
        view.setSnapshot(snapshotAt(t0, 3, 20));
        QTRY_COMPARE(view.historyNote(), QStringLiteral("History is not kept: ") + archive.error);
        view.setSnapshot(snapshotAt(t0 + 1000, 4, 20));
        QCOMPARE(view.rateChart()->plottedPoints(QStringLiteral("orders")).size(), 2); // live charts go on
        // However long the reason, the note is elided to its row and does not widen the window.
        Q_EMIT archive.archiveFailed(QStringLiteral("c1"),
            QStringLiteral("cannot write the history file /") + QString(40, QLatin1Char('d')).repeated(8)
                + QStringLiteral("/c1.sqlite: disk I/O error"));
        QVERIFY2(view.minimumSizeHint().width() < 900, qPrintable(QString::number(view.minimumSizeHint().width())));

        // A write failing later says so the same way.
        Q_EMIT archive.archiveFailed(QStringLiteral("c1"), QStringLiteral("cannot write the history file: disk full"));
        QCOMPARE(view.historyNote(), QStringLiteral("History is not kept: cannot write the history file: disk full"));
        Q_EMIT archive.archiveFailed(QStringLiteral("other"), QStringLiteral("not ours"));
        QVERIFY(!view.historyNote().contains(QStringLiteral("not ours")));
    }

    void aRemoteClusterIsKeyedOnceItNamesItself()
    {
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        FakeArchive archive;
        ui::ChartsView view;
        view.setArchive(&archive);
        engine::BrokerSnapshot unreachable = snapshotAt(t0, 1, 1);
        unreachable.clusterId.clear();
        unreachable.connectionError = QStringLiteral("cannot reach the cluster");
        view.setSnapshot(unreachable);
        QVERIFY(archive.queries.isEmpty());
        view.setSnapshot(snapshotAt(t0 + 1000, 1, 1));
        QCOMPARE(archive.queries.size(), 1);
    }

    void aLongerRangeIsReadFromTheArchive()
    {
        constexpr qint64 Day = 24 * 60 * Minute;
        const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        FakeArchive archive;
        for (qint64 t = now - 3 * Day; t < now - 60 * Minute; t += 30 * Minute) {
            archive.stored[QStringLiteral("produce/orders")].append({t, 10});
            archive.stored[QStringLiteral("lag/billing")].append({t, 500});
        }
        ui::ChartsView view;
        view.setArchive(&archive);
        auto *range = view.findChild<QComboBox *>(QStringLiteral("historyRange"));
        QVERIFY(range->isHidden()); // nothing to read before the cluster is known
        view.setSnapshot(snapshotAt(now, 3, 20));
        QVERIFY(!range->isHidden());
        QTRY_VERIFY(!view.historyNote().startsWith(QStringLiteral("Reading")));
        const QString liveNote = view.historyNote();

        range->setCurrentIndex(range->findData(7 * Day));
        QCOMPARE(view.historyRange(), 7 * Day);
        QCOMPARE(archive.queries.size(), 2);
        QCOMPARE(archive.queries.at(1).fromMs, now - 7 * Day);
        QCOMPARE(archive.queries.at(1).toMs, now);
        QCOMPARE(archive.queries.at(1).maxPoints, ui::ChartsView::RangePoints);
        QVERIFY(!view.findChild<QComboBox *>(QStringLiteral("chartScope"))->isEnabled());
        // 3 days every 30 min, up to an hour ago: 142 points, each in the middle of its 14-minute bucket.
        QTRY_COMPARE(view.rateChart()->plottedPoints(QStringLiteral("orders")).size(), 142);
        // (to - from + 1) / maxPoints, rounded up: 840,001 ms.
        constexpr qint64 Bucket = (7 * Day + ui::ChartsView::RangePoints) / ui::ChartsView::RangePoints;
        for (const QPointF &p : view.lagChart()->plottedPoints(QStringLiteral("billing")))
            QCOMPARE((qint64(p.x()) - (now - 7 * Day)) % Bucket, Bucket / 2);
        QCOMPARE(view.lagChart()->plottedPoints(QStringLiteral("billing")).constFirst().y(), 500.0);
        QCOMPARE(view.historyNote(), QStringLiteral("From the history file: one average per 14 minutes."));

        // Live samples do not replace the range; it is read again a minute later.
        view.setSnapshot(snapshotAt(now + 1000, 4, 20));
        QCOMPARE(view.rateChart()->plottedPoints(QStringLiteral("orders")).size(), 142);
        QCOMPARE(archive.queries.size(), 2);
        view.setSnapshot(snapshotAt(now + 60'000, 5, 20));
        QCOMPARE(archive.queries.size(), 3);
        QCOMPARE(archive.queries.at(2).toMs, now + 60'000);

        // Back to the live hour: the live samples again.
        range->setCurrentIndex(0);
        QCOMPARE(view.historyRange(), 0);
        QVERIFY(view.findChild<QComboBox *>(QStringLiteral("chartScope"))->isEnabled());
        QCOMPARE(view.historyNote(), liveNote);
        QCOMPARE(
            dump(view.rateChart()->plottedPoints(QStringLiteral("orders")), now), QStringLiteral("0s=3 1s=4 60s=5"));
    }

    void theWindowPassesTheArchiveOn()
    {
        showTheWindowOnAStoredHour(QStringLiteral("Since "), QStringLiteral("charts-history-1280x720.png"),
            QStringLiteral("charts-history-7d-1280x720.png"));
    }

    // Last: the Korean catalogue stays installed for the rest of the process.
    void koreanTexts()
    {
        uitest::ensureKoreanFont();
        QVERIFY(ui::Language::install(qApp, QStringLiteral("ko")));
        showTheWindowOnAStoredHour(QStringLiteral("부터 이력 파일의 기록"),
            QStringLiteral("charts-history-ko-1280x720.png"), QStringLiteral("charts-history-7d-ko-1280x720.png"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        FakeArchive archive;
        ui::ChartsView memory;
        memory.setArchive(&archive);
        memory.setSnapshot(snapshotAt(now, 1, 1, true));
        QCOMPARE(memory.historyNote(), QStringLiteral("인메모리 브로커는 이력을 보관하지 않습니다."));
        // Why a file cannot be kept, which the archive says in English, is Korean too (the path as it is).
        ui::ChartsView keyed;
        keyed.setArchive(&archive);
        keyed.setSnapshot(snapshotAt(now, 3, 20));
        Q_EMIT archive.archiveFailed(QStringLiteral("c1"),
            QStringLiteral("cannot open the history file /h/c1.sqlite: not a Topicscope history file"));
        QCOMPARE(keyed.historyNote(),
            QStringLiteral("이력을 보관할 수 없습니다: 이력 파일 /h/c1.sqlite을(를) 열 수 없습니다: Topicscope 이력 "
                           "파일이 아닙니다"));
    }
};

QTEST_MAIN(TestChartsHistory)
#include "tst_chartshistory.moc"
