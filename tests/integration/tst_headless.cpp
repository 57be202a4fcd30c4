// Runs the real topicscope executable headless: start-up on a data dir and in memory, clean stop on
// SIGTERM and SIGINT, clear errors for a bad command line and a foreign database file. Every broker
// listens on a kernel-chosen loopback port so a test never collides with a Kafka on 9092.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

class TestHeadless : public QObject {
    Q_OBJECT
private:
    QString binary() const { return qEnvironmentVariable("TOPICSCOPE_BIN"); }

    // Starts topicscope and waits until it says the broker runs. Returns the process (running).
    std::unique_ptr<QProcess> startBroker(const QStringList &args, QByteArray *log)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(binary(), args);
        if (!p->waitForStarted(10000))
            return nullptr;
        QElapsedTimer t;
        t.start();
        while (!log->contains("running headless") && p->state() == QProcess::Running && t.elapsed() < 20000) {
            p->waitForReadyRead(200);
            *log += p->readAll();
        }
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(binary()), "TOPICSCOPE_BIN must point at the built topicscope executable");
    }

    void startsOnDataDirAndStopsOnSignal_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addRow("SIGTERM") << SIGTERM;
        QTest::addRow("SIGINT") << SIGINT;
    }
    void startsOnDataDirAndStopsOnSignal()
    {
        QFETCH(int, signal);
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("nested/data"));
        QByteArray log;
        auto p = startBroker({QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                 QStringLiteral("--data-dir"), dataDir},
            &log);
        QVERIFY(p);
        QVERIFY2(log.contains("running headless"), log.constData());
        QVERIFY2(log.contains(dataDir.toUtf8()), log.constData());
        QVERIFY(QFile::exists(dataDir + QStringLiteral("/topicscope.db")));
        ::kill(static_cast<pid_t>(p->processId()), signal);
        QVERIFY(p->waitForFinished(10000));
        log += p->readAll();
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 0);
        QVERIFY2(log.contains("stopping the broker"), log.constData());
    }

    // The wire benchmark's baseline: the same broker without the Flow tab's live recording (no LiveFlow).
    void startsWithoutLiveRecording()
    {
        QTemporaryDir dir;
        QByteArray log;
        auto p = startBroker({QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                 QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--no-live-recording")},
            &log);
        QVERIFY(p);
        QVERIFY2(log.contains("running headless"), log.constData());
        ::kill(static_cast<pid_t>(p->processId()), SIGTERM);
        QVERIFY(p->waitForFinished(10000));
        log += p->readAll();
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 0);
    }

    void inMemoryWritesNothing()
    {
        QTemporaryDir home;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("share")));
        QByteArray log;
        auto broker = std::make_unique<QProcess>();
        broker->setProcessEnvironment(env);
        broker->setProcessChannelMode(QProcess::MergedChannels);
        broker->start(binary(),
            {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--in-memory")});
        QVERIFY(broker->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT((log += broker->readAll()).contains("running headless"), 20000);
        QVERIFY2(log.contains("in memory"), log.constData());
        broker->terminate();
        QVERIFY(broker->waitForFinished(10000));
        QCOMPARE(broker->exitCode(), 0);
        // The default data directory (under XDG_DATA_HOME) was never created.
        QVERIFY(!QDir(home.filePath(QStringLiteral("share/Topicscope"))).exists());
    }

    void foreignDatabaseFileIsNamedInTheError()
    {
        QTemporaryDir dir;
        QFile junk(dir.filePath(QStringLiteral("topicscope.db")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'x'));
        junk.close();
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(binary(),
            {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--data-dir"), dir.path()});
        QVERIFY(p.waitForFinished(20000));
        const QByteArray out = p.readAll();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(out.contains(junk.fileName().toUtf8()), out.constData());
    }

    void badCommandLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("says");
        QTest::addRow("unknown option") << QStringList {QStringLiteral("--headless"), QStringLiteral("--bogus")} << 1
                                        << QByteArray("bogus");
        QTest::addRow("both stores") << QStringList {QStringLiteral("--headless"), QStringLiteral("--in-memory"),
            QStringLiteral("--data-dir"), QStringLiteral("/tmp/x")}
                                     << 2 << QByteArray("exclude");
        QTest::addRow("version") << QStringList {QStringLiteral("--headless"), QStringLiteral("--version")} << 0
                                 << QByteArray(TOPICSCOPE_VERSION);
        QTest::addRow("help") << QStringList {QStringLiteral("--headless"), QStringLiteral("--help")} << 0
                              << QByteArray("--data-dir");
        // Without --headless too: printing help must not need a display (the test runs with none).
        QTest::addRow("help, no display") << QStringList {QStringLiteral("--help")} << 0 << QByteArray("--listen");
        QTest::addRow("help lists --no-live-recording")
            << QStringList {QStringLiteral("--help")} << 0 << QByteArray("--no-live-recording");
        // Workshop scenarios run headless on virtual time and report whether their expectations held.
        QTest::addRow("scenario: manual commit") << QStringList {QStringLiteral("--headless"),
            QStringLiteral("--scenario"), QStringLiteral(":/scenarios/07-manual-commit.json")}
                                                 << 0 << QByteArray("duplicates=0");
        QTest::addRow("scenario: crash before auto-commit")
            << QStringList {QStringLiteral("--headless"), QStringLiteral("--scenario"),
                   QStringLiteral(":/scenarios/06-autocommit-duplicates.json")}
            << 0 << QByteArray("PASS expect[1]: duplicates (group mailer) = 10");
        QTest::addRow("scenario: missing file") << QStringList {QStringLiteral("--headless"),
            QStringLiteral("--scenario"), QStringLiteral("/nonexistent/scenario.json")}
                                                << 1 << QByteArray("/nonexistent/scenario.json");
        QTest::addRow("version, no display")
            << QStringList {QStringLiteral("--version")} << 0 << QByteArray(TOPICSCOPE_VERSION);
    }
    void badCommandLine()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, says);
        QProcess p;
        // No display at all: none of these may need one.
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(binary(), args);
        QVERIFY(p.waitForFinished(10000));
        const QByteArray out = p.readAll();
        QCOMPARE(p.exitCode(), exitCode);
        QVERIFY2(out.contains(says), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
