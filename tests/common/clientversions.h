#pragma once

// Header-only helpers of the wire interop tests: which client versions a run used, printed in the test's log. The
// librdkafka a client loaded (a test that drives kcat or confluent-kafka runs twice: against Debian's librdkafka
// 2.0.2, and as the <test>_rdkafka215 ctest entry against 2.15.1 through LD_LIBRARY_PATH, with
// TOPICSCOPE_EXPECT_LIBRDKAFKA=2.15.1 saying which one it must get); and the (API, version) pairs each client.id
// picked, from the broker's topicscope.engine.wire.requests debug lines, one per accepted request.

#include <QByteArray>
#include <QDebug>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <algorithm>

namespace topicscope::interoptest {

// The logging category whose debug lines name each accepted request ("connection 3: Fetch v11 corr=7 client=x").
inline constexpr char WireRequestsCategory[] = "topicscope.engine.wire.requests";

// True when the line is one of those request lines (the interop tests' broker logs them, see InteropBroker).
inline bool isWireRequestLine(const QByteArray &line)
{
    return line.contains(WireRequestsCategory);
}

// One line per client.id, in order of first request: "rdkafka: ApiVersions v3, Metadata v4, Produce v7", APIs in
// order of first use, an API used at several versions as "Metadata v0/v1".
inline QStringList apiVersionsInUse(const QByteArray &log)
{
    static const QRegularExpression request(QStringLiteral("connection \\d+: (\\S+) v(\\d+) corr=\\S+ client=(.*)$"));
    QStringList clients;
    QMap<QString, QStringList> apisOf; // client -> APIs in order of first use
    QMap<QString, QList<int>> versionsOf; // "client\napi" -> versions
    for (const QByteArray &line : log.split('\n')) {
        if (!isWireRequestLine(line))
            continue;
        const QRegularExpressionMatch m = request.match(QString::fromUtf8(line).trimmed());
        if (!m.hasMatch())
            continue;
        const QString client = m.captured(3).isEmpty() ? QStringLiteral("(no client.id)") : m.captured(3);
        const QString api = m.captured(1);
        const int version = m.captured(2).toInt();
        if (!clients.contains(client))
            clients << client;
        if (!apisOf[client].contains(api))
            apisOf[client] << api;
        QList<int> &versions = versionsOf[client + QLatin1Char('\n') + api];
        if (!versions.contains(version)) {
            versions << version;
            std::sort(versions.begin(), versions.end());
        }
    }
    QStringList out;
    for (const QString &client : std::as_const(clients)) {
        QStringList apis;
        for (const QString &api : std::as_const(apisOf[client])) {
            QStringList versions;
            for (int v : std::as_const(versionsOf[client + QLatin1Char('\n') + api]))
                versions << QStringLiteral("v%1").arg(v);
            apis << api + QLatin1Char(' ') + versions.join(QLatin1Char('/'));
        }
        out << client + QStringLiteral(": ") + apis.join(QStringLiteral(", "));
    }
    return out;
}

inline void printApiVersionsInUse(const QByteArray &log)
{
    const QStringList lines = apiVersionsInUse(log);
    if (!lines.isEmpty())
        qInfo().noquote() << QStringLiteral("API versions in use, by client.id:\n  ")
                + lines.join(QStringLiteral("\n  "));
}

// For a broker that runs in the test's own process (an Engine with its listener): turns the request lines on and
// keeps them instead of printing them (a consumer group sends hundreds), and prints their summary when it goes.
// Create it in initTestCase, after QtTest installed its own message handler, which it forwards every other message
// to, and reset it in cleanupTestCase; one at a time.
class WireRequestRecorder {
public:
    WireRequestRecorder()
    {
        state().previousHandler = qInstallMessageHandler(&handle);
        state().previousFilter = QLoggingCategory::installFilter(&filter);
    }
    ~WireRequestRecorder()
    {
        QLoggingCategory::installFilter(state().previousFilter);
        qInstallMessageHandler(state().previousHandler);
        printApiVersionsInUse(lines());
    }
    WireRequestRecorder(const WireRequestRecorder &) = delete;
    WireRequestRecorder &operator=(const WireRequestRecorder &) = delete;

    QByteArray lines() const
    {
        QMutexLocker lock(&state().mutex);
        return state().lines;
    }

private:
    struct State {
        QtMessageHandler previousHandler = nullptr;
        QLoggingCategory::CategoryFilter previousFilter = nullptr;
        QMutex mutex; // the engine may log from its worker thread
        QByteArray lines;
    };
    static State &state()
    {
        static State s;
        return s;
    }
    static void filter(QLoggingCategory *category)
    {
        if (state().previousFilter)
            state().previousFilter(category);
        if (qstrcmp(category->categoryName(), WireRequestsCategory) == 0)
            category->setEnabled(QtDebugMsg, true);
    }
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (context.category && qstrcmp(context.category, WireRequestsCategory) == 0) {
            QMutexLocker lock(&state().mutex);
            state().lines += QByteArray(WireRequestsCategory) + " debug: " + message.toUtf8() + '\n';
            return;
        }
        if (state().previousHandler)
            state().previousHandler(type, context, message);
    }
};

// Set for the <test>_rdkafka215 entries: the librdkafka version the clients must load ("2.15.1").
inline QString expectedLibrdkafka()
{
    return qEnvironmentVariable("TOPICSCOPE_EXPECT_LIBRDKAFKA");
}

// The librdkafka version a client reports ("2.0.2"), or its error output prefixed with "error: " when it does not
// start. kcat prints "librdkafka 2.0.2" in -V; confluent-kafka has libversion().
inline QString librdkafkaVersionOf(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return QStringLiteral("error: ") + p.errorString();
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("error: ") + QString::fromUtf8(p.readAll()).trimmed();
    const QString output = QString::fromUtf8(p.readAll());
    static const QRegularExpression kcatVersion(QStringLiteral("librdkafka (\\d+\\.\\d+\\.\\d+)"));
    const QRegularExpressionMatch m = kcatVersion.match(output);
    return m.hasMatch() ? m.captured(1) : output.trimmed();
}

// Prints which librdkafka the client got. False, with *why, when TOPICSCOPE_EXPECT_LIBRDKAFKA is set and the client
// got another version or does not start: those runs exist to test that version, so they fail rather than skip.
inline bool reportLibrdkafka(const QString &client, const QString &version, QString *why)
{
    const QString expected = expectedLibrdkafka();
    qInfo().noquote() << QStringLiteral("%1 uses librdkafka %2%3")
                             .arg(client, version,
                                 expected.isEmpty() ? QString() : QStringLiteral(" (expected %1)").arg(expected));
    if (expected.isEmpty() || version == expected)
        return true;
    *why = QStringLiteral("%1 must load librdkafka %2 (LD_LIBRARY_PATH=%3) but reports: %4")
               .arg(client, expected, qEnvironmentVariable("LD_LIBRARY_PATH"), version);
    return false;
}

// reportLibrdkafka() for confluent-kafka on /usr/bin/python3.
inline bool reportConfluentLibrdkafka(QString *why)
{
    return reportLibrdkafka(QStringLiteral("confluent-kafka"),
        librdkafkaVersionOf(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import confluent_kafka; print(confluent_kafka.libversion()[0])")}),
        why);
}

// reportLibrdkafka() for kcat (its -V names the librdkafka it runs on).
inline bool reportKcatLibrdkafka(const QString &kcat, QString *why)
{
    return reportLibrdkafka(QStringLiteral("kcat"), librdkafkaVersionOf(kcat, {QStringLiteral("-V")}), why);
}

} // namespace topicscope::interoptest
