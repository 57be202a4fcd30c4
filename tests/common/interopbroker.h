#pragma once

// Header-only helpers of the wire interop tests (tests/integration/tst_interop_*.cpp): start the real topicscope
// executable headless on a free loopback port, run client programs against it, and read their RESULT lines.

#include "clientversions.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>
#include <memory>

namespace topicscope::interoptest {

// The interpreter with the Debian client packages (another python3 may come first on PATH).
inline QString systemPython()
{
    return QStringLiteral("/usr/bin/python3");
}

// True when /usr/bin/python3 can import the module (a client library is installed).
inline bool pythonHasModule(const QString &module)
{
    if (!QFile::exists(systemPython()))
        return false;
    QProcess p;
    p.start(systemPython(), {QStringLiteral("-c"), QStringLiteral("import ") + module});
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// A topicscope broker process: --headless --in-memory --listen 127.0.0.1:0, i.e. on a port the kernel picks,
// read back from the "listening on" log line (no race with other tests for a "free" port).
class InteropBroker {
public:
    ~InteropBroker() { stop(); }

    // Stores on disk in dir (--data-dir) instead of --in-memory, from the next start() on.
    void setDataDir(const QString &dir) { m_dataDir = dir; }

    bool start(const QStringList &extraArgs, QString *error)
    {
        m_process = std::make_unique<QProcess>();
        m_log.clear(); // a restart must read the new port, not the previous run's
        m_port = 0;
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        QStringList args {QStringLiteral("--headless")};
        if (m_dataDir.isEmpty())
            args += QStringLiteral("--in-memory");
        else
            args += {QStringLiteral("--data-dir"), m_dataDir};
        args += {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
        args += extraArgs;
        // Every accepted request logged with its API version (topicscope.engine.wire.requests): stop() and kill()
        // sum them up per client.id.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString rules = env.value(QStringLiteral("QT_LOGGING_RULES"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"),
            (rules.isEmpty() ? QString() : rules + QLatin1Char(';')) + QLatin1String(WireRequestsCategory)
                + QStringLiteral(".debug=true"));
        m_process->setProcessEnvironment(env);
        m_process->start(qEnvironmentVariable("TOPICSCOPE_BIN"), args);
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("cannot start TOPICSCOPE_BIN: ") + m_process->errorString();
            return false;
        }
        static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000 && m_process->state() == QProcess::Running) {
            m_process->waitForReadyRead(100);
            m_log += m_process->readAll();
            const auto match = listening.match(QString::fromUtf8(m_log));
            if (match.hasMatch() && m_log.contains("running headless")) {
                m_port = match.captured(1).toInt();
                return true;
            }
        }
        *error = QStringLiteral("broker did not start listening:\n") + QString::fromUtf8(m_log);
        return false;
    }

    void stop()
    {
        if (!m_process)
            return;
        m_process->terminate();
        m_process->waitForFinished(10000);
        m_log += m_process->readAll();
        m_process.reset();
        printApiVersionsInUse(m_log);
    }

    // SIGKILL: no shutdown code runs, as when the machine's OOM killer or a crash ends the process.
    void kill()
    {
        if (!m_process)
            return;
        m_process->kill();
        m_process->waitForFinished(10000);
        m_log += m_process->readAll();
        m_process.reset();
        printApiVersionsInUse(m_log);
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    int port() const { return m_port; }
    QString bootstrap() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    // Everything the broker logged so far; its last lines help explain a failing client (without the request
    // lines, which would crowd out the rest).
    QByteArray log()
    {
        if (m_process)
            m_log += m_process->readAll();
        return m_log;
    }
    QByteArray logTail(int maxBytes = 6000)
    {
        QByteArray tail;
        for (const QByteArray &line : log().split('\n')) {
            if (!isWireRequestLine(line))
                tail += line + '\n';
        }
        return tail.right(maxBytes);
    }

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QString m_dataDir;
    int m_port = 0;
};

struct ProgramRun {
    bool finished = false;
    int exitCode = -1;
    QByteArray output; // stdout and stderr merged
    QList<QStringList> results; // fields of each "RESULT ..." line, without the word RESULT

    // Results whose first field is tag, without it.
    QList<QStringList> tagged(const QString &tag) const
    {
        QList<QStringList> out;
        for (const QStringList &r : results) {
            if (!r.isEmpty() && r.constFirst() == tag)
                out.append(r.mid(1));
        }
        return out;
    }
};

// serveEvents: this thread's event loop keeps running while the program does, for a broker that lives in this
// process (tests of the in-process engine); otherwise the call blocks until the program ends.
inline ProgramRun runProgram(const QString &program, const QStringList &args, const QByteArray &input = {},
    int timeoutMs = 120000, bool serveEvents = false)
{
    ProgramRun run;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        run.output = p.errorString().toUtf8();
        return run;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (serveEvents) {
        QElapsedTimer timer;
        timer.start();
        while (p.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs)
            QTest::qWait(50);
        run.finished = p.state() == QProcess::NotRunning;
    } else {
        run.finished = p.waitForFinished(timeoutMs);
    }
    if (!run.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    run.output = p.readAll();
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    for (const QByteArray &line : run.output.split('\n')) {
        if (line.startsWith("RESULT "))
            run.results.append(QString::fromUtf8(line.mid(7)).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    }
    return run;
}

// Runs one scenario of a client script (`/usr/bin/python3 script BOOTSTRAP SCENARIO [ARGS...]`) against the
// broker; a script prints "DONE" when it finished. On failure the script's output and the broker's log tail
// go to the test log, which is what one needs to tell a client problem from a broker one.
// kcat with -b pointing at the broker; on failure its output and the broker's log tail are printed.
inline ProgramRun runKcat(
    InteropBroker &broker, const QString &kcat, const QStringList &args, const QByteArray &input = {})
{
    ProgramRun run = runProgram(kcat, QStringList {QStringLiteral("-b"), broker.bootstrap()} + args, input, 60000);
    if (run.exitCode != 0)
        qWarning().noquote() << "kcat" << args.join(QLatin1Char(' ')) << "failed:\n"
                             << run.output << "\n--- broker log tail:\n"
                             << broker.logTail();
    return run;
}

inline ProgramRun runClientScenario(
    InteropBroker &broker, const QString &script, const QString &scenario, const QStringList &extraArgs = {})
{
    ProgramRun run = runProgram(systemPython(), QStringList {script, broker.bootstrap(), scenario} + extraArgs);
    if (run.exitCode != 0 || !run.output.contains("DONE"))
        qWarning().noquote() << "scenario" << scenario << "failed:\n"
                             << run.output << "\n--- broker log tail:\n"
                             << broker.logTail();
    return run;
}

} // namespace topicscope::interoptest
