// The charts' history on disk (runtime/sqlitemetricarchive, storage/metricstore): appends and queries never wait
// for the disk, values come back after a restart, long stretches are averaged per bucket, old samples and samples
// beyond the row bound are pruned, each cluster has its own file (0600, in a 0700 directory), and a damaged file is
// reported in plain words while the other clusters keep their history.
#include "runtime/sqlitemetricarchive.h"
#include "storage/metricstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace topicscope::engine;

namespace {

constexpr qint64 Now = 1'780'000'000'000; // a fixed wall clock for the archive: Dec 2026
constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Day = 24 * Hour;

SqliteMetricArchive::Options optionsIn(const QString &dir)
{
    SqliteMetricArchive::Options o;
    o.directory = QDir(dir).filePath(QStringLiteral("history"));
    o.nowMs = [] { return Now; };
    return o;
}

QList<MetricSample> samples(const QString &series, qint64 fromMs, int count, qint64 stepMs, double firstValue = 0)
{
    QList<MetricSample> out;
    for (int i = 0; i < count; ++i)
        out.append({fromMs + i * stepMs, series, firstValue + i});
    return out;
}

// Asks and waits for the answer (the archive answers on this thread, queued).
MetricQueryResult read(MetricArchive &archive, const QString &cluster, qint64 fromMs, qint64 toMs, int maxPoints,
    const QString &prefix = {})
{
    QSignalSpy answered(&archive, &MetricArchive::queryAnswered);
    const quint64 id = archive.query({cluster, prefix, fromMs, toMs, maxPoints});
    if (!answered.wait(5000))
        return {};
    const QList<QVariant> args = answered.takeFirst();
    if (args.at(0).toULongLong() != id)
        return {};
    return args.at(1).value<MetricQueryResult>();
}

QString dump(const QList<MetricPoint> &points)
{
    QStringList parts;
    for (const MetricPoint &p : points)
        parts.append(QStringLiteral("%1=%2").arg((p.timeMs - Now) / 1000).arg(p.value));
    return parts.join(QLatin1Char(' '));
}

mode_t modeOf(const QString &path)
{
    struct stat st { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

} // namespace

class TestSqliteMetricArchive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appendAndQueryDoNotWaitForTheDisk()
    {
        QTemporaryDir dir;
        SqliteMetricArchive::Options options = optionsIn(dir.path());
        // The first write holds the worker as a disk stalled in fsync would, until the test lets it go.
        QSemaphore stalled;
        QSemaphore release;
        options.beforeWrite = [&] {
            stalled.release();
            release.acquire();
        };
        SqliteMetricArchive archive(options);
        auto unblock = qScopeGuard([&] { release.release(100); });
        archive.append(QStringLiteral("c1"), samples(QStringLiteral("lag/g"), Now, 10, 1000));
        QVERIFY(stalled.tryAcquire(1, 5000)); // the worker is in the write now

        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 50; ++i)
            archive.append(QStringLiteral("c1"), samples(QStringLiteral("lag/g"), Now + (i + 10) * 1000, 1, 1000, i));
        QSignalSpy answered(&archive, &MetricArchive::queryAnswered);
        archive.query({QStringLiteral("c1"), {}, Now, Now + Hour, 7200}); // half-second buckets: one sample each
        QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
        QTest::qWait(50);
        QCOMPARE(answered.count(), 0); // queued behind the stalled write, not answered and not waited for

        unblock.dismiss();
        release.release(100);
        QTRY_COMPARE(answered.count(), 1);
        const auto result = answered.at(0).at(1).value<MetricQueryResult>();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.series.value(QStringLiteral("lag/g")).size(), 60);
    }

    void valuesComeBackAfterARestart()
    {
        QTemporaryDir dir;
        const QList<MetricSample> written = samples(QStringLiteral("produce/orders"), Now - 60'000, 6, 10'000, 2.5)
            + samples(QStringLiteral("lag/billing"), Now - 60'000, 6, 10'000, 100);
        {
            SqliteMetricArchive archive(optionsIn(dir.path()));
            archive.append(QStringLiteral("c1"), written);
        } // the destructor writes what is queued
        SqliteMetricArchive archive(optionsIn(dir.path()));
        const MetricQueryResult result = read(archive, QStringLiteral("c1"), Now - Hour, Now, 900);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.series.keys(), QStringList({QStringLiteral("lag/billing"), QStringLiteral("produce/orders")}));
        QCOMPARE(dump(result.series.value(QStringLiteral("produce/orders"))),
            QStringLiteral("-60=2.5 -50=3.5 -40=4.5 -30=5.5 -20=6.5 -10=7.5"));
        QCOMPARE(dump(result.series.value(QStringLiteral("lag/billing"))),
            QStringLiteral("-60=100 -50=101 -40=102 -30=103 -20=104 -10=105"));
        QCOMPARE(result.firstTimeMs, Now - 60'000);
        QCOMPARE(result.location, QDir(archive.directory()).filePath(QStringLiteral("c1.sqlite")));
        // A prefix selects a kind of series.
        const MetricQueryResult lagOnly
            = read(archive, QStringLiteral("c1"), Now - Hour, Now, 900, QStringLiteral("lag/"));
        QCOMPARE(lagOnly.series.keys(), QStringList({QStringLiteral("lag/billing")}));
    }

    void longStretchesAreAveragedPerBucket()
    {
        QTemporaryDir dir;
        SqliteMetricArchive archive(optionsIn(dir.path()));
        // 7 days at one sample per minute (10,080 samples) read as 7 points: one per day, each the day's mean.
        const qint64 from = Now - 7 * Day;
        archive.append(QStringLiteral("c1"), samples(QStringLiteral("lag/g"), from, 7 * 24 * 60, 60'000));
        const MetricQueryResult week = read(archive, QStringLiteral("c1"), from, from + 7 * Day - 1, 7);
        QVERIFY2(week.ok(), qPrintable(week.error));
        const QList<MetricPoint> points = week.series.value(QStringLiteral("lag/g"));
        QCOMPARE(points.size(), 7);
        for (int d = 0; d < 7; ++d) {
            // Values d*1440 ... d*1440+1439: mean d*1440 + 719.5; times: the day's start + 719.5 minutes.
            QCOMPARE(points.at(d).value, d * 1440 + 719.5);
            QCOMPARE(points.at(d).timeMs, from + d * Day + 719 * 60'000 + 30'000);
        }
        // Never more points than asked for, whatever the ratio.
        for (int maxPoints : {1, 5, 13, 900, 20000}) {
            const MetricQueryResult r = read(archive, QStringLiteral("c1"), from, Now, maxPoints);
            QVERIFY(r.series.value(QStringLiteral("lag/g")).size() <= maxPoints);
            QVERIFY(!r.series.value(QStringLiteral("lag/g")).isEmpty());
        }
    }

    void oldSamplesArePruned()
    {
        QTemporaryDir dir;
        {
            SqliteMetricArchive archive(optionsIn(dir.path()));
            archive.append(QStringLiteral("c1"), samples(QStringLiteral("lag/g"), Now - 8 * Day, 3, 1000));
            archive.append(QStringLiteral("c1"), samples(QStringLiteral("lag/g"), Now - Hour, 3, 1000, 10));
        }
        // Pruned when the file is opened: the 8-day-old samples are past the 7 days kept.
        SqliteMetricArchive archive(optionsIn(dir.path()));
        const MetricQueryResult result = read(archive, QStringLiteral("c1"), Now - 30 * Day, Now, 2 * 30 * 24 * 3600);
        QCOMPARE(dump(result.series.value(QStringLiteral("lag/g"))), QStringLiteral("-3600=10 -3599=11 -3598=12"));
        QCOMPARE(result.firstTimeMs, Now - Hour);
    }

    void theRowBoundDropsTheOldestFirst()
    {
        QTemporaryDir dir;
        SqliteMetricArchive::Options options = optionsIn(dir.path());
        options.maxRowsPerCluster = 6;
        options.pruneEveryAppends = 1;
        {
            SqliteMetricArchive archive(options);
            for (int i = 0; i < 10; ++i) {
                archive.append(QStringLiteral("c1"),
                    {{Now - 100'000 + i * 1000, QStringLiteral("a"), double(i)},
                        {Now - 100'000 + i * 1000, QStringLiteral("b"), double(i)}});
            }
        }
        QString error;
        auto store = MetricStore::open(
            QDir(options.directory).filePath(SqliteMetricArchive::fileNameFor(QStringLiteral("c1"))), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->rowCount(&error), 6); // the last three moments, both series
        MetricQueryResult result;
        QVERIFY(store->read({QStringLiteral("c1"), {}, Now - Hour, Now, 7200}, result, &error));
        QCOMPARE(dump(result.series.value(QStringLiteral("a"))), QStringLiteral("-93=7 -92=8 -91=9"));
    }

    void eachClusterHasItsOwnFile()
    {
        QTemporaryDir dir;
        SqliteMetricArchive archive(optionsIn(dir.path()));
        archive.append(QStringLiteral("cluster-A"), samples(QStringLiteral("lag/a"), Now - 1000, 1, 1000));
        archive.append(QStringLiteral("cluster/B"), samples(QStringLiteral("lag/b"), Now - 1000, 1, 1000));
        const MetricQueryResult a = read(archive, QStringLiteral("cluster-A"), Now - Hour, Now, 10);
        const MetricQueryResult b = read(archive, QStringLiteral("cluster/B"), Now - Hour, Now, 10);
        QCOMPARE(a.series.keys(), QStringList({QStringLiteral("lag/a")}));
        QCOMPARE(b.series.keys(), QStringList({QStringLiteral("lag/b")}));
        QStringList files = QDir(archive.directory()).entryList({QStringLiteral("*.sqlite")}, QDir::Files);
        files.sort();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0), QStringLiteral("cluster-A.sqlite"));
        // A character that could leave the directory is replaced, and a hash keeps "cluster/B" apart from "cluster_B".
        QVERIFY(files.at(1).startsWith(QStringLiteral("cluster_B-")));
        QVERIFY(SqliteMetricArchive::fileNameFor(QStringLiteral("cluster_B")) != files.at(1));
        QCOMPARE(SqliteMetricArchive::fileNameFor(QStringLiteral("MkU3OEVBNTcwNTJENDM2Qg")),
            QStringLiteral("MkU3OEVBNTcwNTJENDM2Qg.sqlite"));
        QVERIFY(!SqliteMetricArchive::fileNameFor(QStringLiteral("../../etc")).contains(QLatin1Char('/')));
        QVERIFY(SqliteMetricArchive::fileNameFor(QString(500, QLatin1Char('x'))).size() < 100);
    }

    void filesAreTheUsersOnly()
    {
        QTemporaryDir dir;
        const mode_t previous = ::umask(022);
        auto restore = qScopeGuard([previous] { ::umask(previous); });
        SqliteMetricArchive archive(optionsIn(dir.path()));
        archive.append(QStringLiteral("c1"), samples(QStringLiteral("lag/g"), Now, 1, 1000));
        QVERIFY(read(archive, QStringLiteral("c1"), Now - Hour, Now, 10).ok());
        QCOMPARE(modeOf(archive.directory()), mode_t(0700));
        QCOMPARE(modeOf(QDir(archive.directory()).filePath(QStringLiteral("c1.sqlite"))), mode_t(0600));
        const QString wal = QDir(archive.directory()).filePath(QStringLiteral("c1.sqlite-wal"));
        if (QFile::exists(wal))
            QCOMPARE(modeOf(wal), mode_t(0600));
    }

    void aDamagedFileIsReportedNotFatal()
    {
        QTemporaryDir dir;
        const SqliteMetricArchive::Options options = optionsIn(dir.path());
        QVERIFY(QDir().mkpath(options.directory));
        const QString path = QDir(options.directory).filePath(QStringLiteral("bad.sqlite"));
        {
            QFile garbage(path);
            QVERIFY(garbage.open(QIODevice::WriteOnly));
            QByteArray bytes;
            for (int i = 0; i < 8192; ++i)
                bytes.append(char((i * 7919) % 251));
            garbage.write(bytes);
        }
        SqliteMetricArchive archive(options);
        QSignalSpy failed(&archive, &MetricArchive::archiveFailed);
        archive.append(QStringLiteral("bad"), samples(QStringLiteral("lag/g"), Now, 1, 1000));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("bad"));
        const QString message = failed.at(0).at(1).toString();
        QVERIFY2(message.startsWith(QStringLiteral("cannot read the history file ") + path + QStringLiteral(": ")),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not a database")), qPrintable(message));

        // Every query says so too, and the file is left as it was for the user to look at.
        const MetricQueryResult result = read(archive, QStringLiteral("bad"), Now - Hour, Now, 10);
        QCOMPARE(result.error, message);
        QCOMPARE(QFileInfo(path).size(), 8192);
        archive.append(QStringLiteral("bad"), samples(QStringLiteral("lag/g"), Now, 1, 1000));
        QTest::qWait(50);
        QCOMPARE(failed.count(), 1); // once per cluster and cause

        // The other clusters keep their history.
        archive.append(QStringLiteral("good"), samples(QStringLiteral("lag/g"), Now, 1, 1000, 5));
        const MetricQueryResult good = read(archive, QStringLiteral("good"), Now - Hour, Now, 10);
        QVERIFY2(good.ok(), qPrintable(good.error));
        QCOMPARE(dump(good.series.value(QStringLiteral("lag/g"))), QStringLiteral("0=5"));
    }

    void aForeignDatabaseIsRefused()
    {
        QTemporaryDir dir;
        const SqliteMetricArchive::Options options = optionsIn(dir.path());
        QVERIFY(QDir().mkpath(options.directory));
        const QString path = QDir(options.directory).filePath(QStringLiteral("other.sqlite"));
        {
            // Another SQLite database (say, a copied topicscope.db) under a history file's name.
            QString error;
            auto store = MetricStore::open(path, &error);
            QVERIFY(store);
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(68); // the header's application id
        f.write(QByteArray("\0\0\0\1", 4));
        f.close();
        SqliteMetricArchive archive(options);
        const MetricQueryResult result = read(archive, QStringLiteral("other"), Now - Hour, Now, 10);
        QVERIFY2(result.error.contains(QStringLiteral("not a Topicscope history file")), qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestSqliteMetricArchive)
#include "tst_sqlitemetricarchive.moc"
