#pragma once

// Header-only helpers of the remote cluster tests (tests/remote): wait, with a bound, for a RemoteCluster's
// snapshots and answers while the event loop runs; a loopback port where nothing listens.

#include "remote/rdkafkaclient.h"
#include "remote/remotecluster.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QTest>
#include <arpa/inet.h>
#include <functional>
#include <librdkafka/rdkafka.h>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace topicscope::remotetest {

// Empty when the test, the remote library it links (RdKafkaClient) and the librdkafka it loaded all have the version
// the test was built for: TOPICSCOPE_EXPECT_RD_KAFKA_VERSION for the <test>_rdkafka215 executables
// (tests/CMakeLists.txt), the headers' own for the others. Else what differs: those runs exist to test one version,
// so they fail at start rather than pass on another.
inline QString librdkafkaMismatch()
{
#ifdef TOPICSCOPE_EXPECT_RD_KAFKA_VERSION
    constexpr int expected = TOPICSCOPE_EXPECT_RD_KAFKA_VERSION;
#else
    constexpr int expected = RD_KAFKA_VERSION;
#endif
    const auto hex = [](int v) { return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0')); };
    QStringList wrong;
    if (RD_KAFKA_VERSION != expected)
        wrong.append(QStringLiteral("the test was compiled against librdkafka %1").arg(hex(RD_KAFKA_VERSION)));
    if (engine::RdKafkaClient::compiledVersion() != expected)
        wrong.append(QStringLiteral("the remote library was compiled against %1")
                         .arg(hex(engine::RdKafkaClient::compiledVersion())));
    if (rd_kafka_version() != expected)
        wrong.append(QStringLiteral("the process loaded librdkafka %1").arg(QString::fromUtf8(rd_kafka_version_str())));
    return wrong.isEmpty()
        ? QString()
        : QStringLiteral("expected librdkafka %1, but %2").arg(hex(expected), wrong.join(QStringLiteral(", ")));
}

// A loopback port nothing listens on: one the kernel picked for a socket that is closed again.
quint16 closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

// Options for a cluster on loopback: quick polls, short request timeouts.
inline engine::RemoteClusterOptions optionsFor(const QString &bootstrap)
{
    engine::RemoteClusterOptions options;
    options.bootstrapServers = bootstrap;
    options.pollIntervalMs = 300;
    options.requestTimeoutMs = 3000;
    return options;
}

// The first snapshot (from now on) that satisfies pred, or nullopt after timeoutMs; *last gets the last one seen.
inline std::optional<engine::BrokerSnapshot> waitForSnapshot(engine::ClusterClient &cluster,
    const std::function<bool(const engine::BrokerSnapshot &)> &pred, int timeoutMs = 15000,
    engine::BrokerSnapshot *last = nullptr)
{
    std::optional<engine::BrokerSnapshot> found;
    engine::BrokerSnapshot seen;
    const auto connection = QObject::connect(
        &cluster, &engine::ClusterClient::snapshotUpdated, &cluster, [&](const engine::BrokerSnapshot &s) {
            seen = s;
            if (!found && pred(s))
                found = s;
        });
    QElapsedTimer timer;
    timer.start();
    while (!found && timer.elapsed() < timeoutMs)
        QTest::qWait(20);
    QObject::disconnect(connection);
    if (last)
        *last = seen;
    return found;
}

// Runs the signal's answer to request id out of the event loop: the arguments after the id, or nullopt on timeout.
template <typename Signal, typename Value>
std::optional<Value> waitForAnswer(engine::ClusterClient &cluster, Signal signal, quint64 id, int timeoutMs = 20000)
{
    std::optional<Value> answer;
    const auto connection = QObject::connect(&cluster, signal, &cluster, [&](quint64 requestId, const Value &value) {
        if (requestId == id)
            answer = value;
    });
    QElapsedTimer timer;
    timer.start();
    while (!answer && timer.elapsed() < timeoutMs)
        QTest::qWait(20);
    QObject::disconnect(connection);
    return answer;
}

// commandFinished for id: (error, message), or (-1, "no answer") on timeout.
inline std::pair<int, QString> waitForCommand(engine::ClusterClient &cluster, quint64 id, int timeoutMs = 20000)
{
    std::optional<std::pair<int, QString>> answer;
    const auto connection = QObject::connect(&cluster, &engine::ClusterClient::commandFinished, &cluster,
        [&](quint64 requestId, int error, const QString &message) {
            if (requestId == id)
                answer = std::pair {error, message};
        });
    QElapsedTimer timer;
    timer.start();
    while (!answer && timer.elapsed() < timeoutMs)
        QTest::qWait(20);
    QObject::disconnect(connection);
    return answer.value_or(std::pair {-1, QStringLiteral("no answer")});
}

// started(ok, error), or (false, "no answer") on timeout.
inline std::pair<bool, QString> waitForStart(engine::ClusterClient &cluster, int timeoutMs = 20000)
{
    std::optional<std::pair<bool, QString>> answer;
    const auto connection
        = QObject::connect(&cluster, &engine::ClusterClient::started, &cluster, [&](bool ok, const QString &error) {
              answer = std::pair {ok, error};
          });
    cluster.start();
    QElapsedTimer timer;
    timer.start();
    while (!answer && timer.elapsed() < timeoutMs)
        QTest::qWait(20);
    QObject::disconnect(connection);
    return answer.value_or(std::pair {false, QStringLiteral("no answer")});
}

inline const engine::TopicInfo *findTopic(const engine::BrokerSnapshot &s, const QString &name)
{
    for (const engine::TopicInfo &t : s.topics) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

inline int groupIndex(const engine::BrokerSnapshot &s, const QString &groupId)
{
    for (int i = 0; i < s.groups.size(); ++i) {
        if (s.groups.at(i).groupId == groupId)
            return i;
    }
    return -1;
}

} // namespace topicscope::remotetest
