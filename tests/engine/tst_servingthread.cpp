// No single request or background job holds the serving thread (issue 13, defect 2): while one client sends a
// Metadata request naming 10,000 unknown topics, a CreateTopics of 1,000,000 partitions, or floods a topic whose
// retention deletes segments as fast as they fill, a bystander client's ApiVersions and Metadata requests keep being
// answered. A real KafkaServer on 127.0.0.1 over the core's Broker with a data directory, on this thread (the engine
// thread here); the clients on their own threads with blocking POSIX sockets. What is asserted is order and
// completeness, which a busy machine cannot make flaky; the bystander's latencies are printed (qInfo), with only a
// generous sanity bound.
#include "broker/broker.h"
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "rawclient.h"
#include "runtime/kafkaserver.h"
#include "runtime/realclock.h"
#include "wire/adminmessages.h"
#include "wire/logmessages.h"
#include "wire/topicmessages.h"
#include "wire/wirereader.h"
#include "wire/wirewriter.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;
using topicscope::engine::logtest::makeBatch;
using topicscope::testsupport::RawClient;

namespace {

// Longest wait for one answer: the biggest request here (a million partitions) takes seconds on a busy machine.
constexpr int ReadTimeoutMs = 120000;

constexpr auto BystanderId = "bystander";
constexpr auto BigId = "big";

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A size-prefixed request with header v1 (none of the versions used here is flexible).
template <class Request>
QByteArray requestFrame(const Request &request, qint16 version, qint32 correlationId, const char *clientId)
{
    WireWriter w;
    w.int16(static_cast<qint16>(Request::apiKey));
    w.int16(version);
    w.int32(correlationId);
    w.string(QString::fromLatin1(clientId));
    w.raw(encodeMessage(request, version));
    WireWriter framed;
    framed.int32(static_cast<qint32>(w.size()));
    framed.raw(w.take());
    return framed.take();
}

// The body of a response frame (header v0: the correlation id), decoded.
template <class Response> std::optional<Response> decodeResponse(const QByteArray &frame, qint16 version)
{
    WireReader r(frame);
    r.int32();
    return decodeMessage<Response>(r, version);
}

qint64 directorySize(const QString &path)
{
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        total += it.nextFileInfo().size();
    return total;
}

// The broker with a data directory behind a listener on a free port, and the order in which it answered.
struct Listener {
    QTemporaryDir dir;
    RealClock clock;
    std::unique_ptr<Broker> broker;
    std::unique_ptr<KafkaServer> server;
    QStringList answered; // client ids, in the order the broker made their answers
    qsizetype answeredAtFirstCreation = -1; // answered.size() when the first topic came into being

    explicit Listener(qint64 retentionCheckIntervalMs = 0)
    {
        BrokerOptions options;
        options.storage.dataDir = dir.path();
        options.retentionCheckIntervalMs = retentionCheckIntervalMs;
        QString error;
        broker = Broker::open(std::move(options), clock, &error);
        QVERIFY2(broker, qPrintable(error));
        KafkaServerOptions serverOptions;
        serverOptions.listenPort = 0;
        server = std::make_unique<KafkaServer>(serverOptions, *broker);
        QVERIFY2(server->listen(&error), qPrintable(error));
        server->apis().subscribeExchanges([this](const WireExchange &e) { answered.append(e.clientId); });
        broker->events().subscribe([this](const Event &event) {
            if (std::holds_alternative<TopicCreated>(event) && answeredAtFirstCreation < 0)
                answeredAtFirstCreation = answered.size();
        });
    }
    ~Listener()
    {
        server.reset();
        broker.reset();
    }

    // How many bystander answers the broker made after the first topic was created and before the big answer.
    int bystanderAnswersDuringBigRequest() const
    {
        const qsizetype big = answered.indexOf(QString::fromLatin1(BigId));
        if (answeredAtFirstCreation < 0 || big < answeredAtFirstCreation)
            return -1;
        return static_cast<int>(
            answered.mid(answeredAtFirstCreation, big - answeredAtFirstCreation).count(QString::fromLatin1(BystanderId)));
    }
};

// The other client: ApiVersions and Metadata (brokers only), one at a time, until told to stop; the longest wait
// for an answer.
class Bystander {
public:
    explicit Bystander(quint16 port)
        : m_thread([this, port] { run(port); })
    { }
    ~Bystander() { stop(); }

    // Its last request is answered by this thread's event loop: wait with the loop running, then join.
    void stop()
    {
        m_stop = true;
        QTRY_VERIFY_WITH_TIMEOUT(m_finished, 60000);
        if (m_thread.joinable())
            m_thread.join();
    }
    qint64 maxLatencyUs() const { return m_maxLatencyUs; }
    int requests() const { return m_requests; }
    bool failed() const { return m_failed; }

private:
    void run(quint16 port)
    {
        RawClient client(port);
        MetadataRequest brokersOnly;
        brokersOnly.topics = QList<MetadataRequest::Topic> {};
        for (qint32 correlationId = 0; !m_stop; ++correlationId) {
            const QByteArray request = correlationId % 2 == 0
                ? requestFrame(ApiVersionsRequestData {}, 0, correlationId, BystanderId)
                : requestFrame(brokersOnly, 4, correlationId, BystanderId);
            const qint64 sentUs = nowUs();
            client.write(request);
            if (!client.readFrame(ReadTimeoutMs)) {
                m_failed = true;
                break;
            }
            m_maxLatencyUs = std::max<qint64>(m_maxLatencyUs, nowUs() - sentUs);
            ++m_requests;
        }
        m_finished = true;
    }

    std::atomic<bool> m_stop = false;
    std::atomic<bool> m_finished = false;
    std::atomic<bool> m_failed = false;
    std::atomic<qint64> m_maxLatencyUs = 0;
    std::atomic<int> m_requests = 0;
    std::thread m_thread;
};

// Sends one request from its own connection and thread and keeps the answer.
class BigClient {
public:
    BigClient(quint16 port, QByteArray request)
        : m_thread([this, port, request = std::move(request)] {
            RawClient client(port);
            const qint64 sentUs = nowUs();
            client.write(request);
            if (const std::optional<QByteArray> answer = client.readFrame(ReadTimeoutMs)) {
                m_answer = *answer;
                m_tookUs = nowUs() - sentUs;
            }
            m_done = true;
        })
    { }
    ~BigClient() { m_thread.join(); }

    bool done() const { return m_done; }
    const QByteArray &answer() const { return m_answer; }
    qint64 tookUs() const { return m_tookUs; }

private:
    QByteArray m_answer;
    qint64 m_tookUs = -1;
    std::atomic<bool> m_done = false;
    std::thread m_thread;
};

void report(const char *what, const Bystander &bystander, qint64 bigTookUs)
{
    qInfo().noquote() << QStringLiteral("%1: the big request took %2 ms; the bystander's %3 requests waited at most %4 ms")
                             .arg(QLatin1String(what))
                             .arg(bigTookUs / 1000.0, 0, 'f', 1)
                             .arg(bystander.requests())
                             .arg(bystander.maxLatencyUs() / 1000.0, 0, 'f', 1);
}

// Sends request from a client of its own while the bystander keeps asking, and keeps the answer.
void sendBesideBystander(Listener &l, const QByteArray &request, const char *what, QByteArray *answer)
{
    Bystander bystander(l.server->port());
    QTRY_VERIFY(bystander.requests() > 10);
    BigClient big(l.server->port(), request);
    QTRY_VERIFY_WITH_TIMEOUT(big.done(), 240000);
    QTest::qWait(50);
    bystander.stop();
    report(what, bystander, big.tookUs());
    QVERIFY(!bystander.failed());
    QVERIFY2(bystander.maxLatencyUs() < 1'000'000, "a bystander's request waited a second or more");
    *answer = big.answer();
}

} // namespace

class TestServingThread : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void metadataAutoCreatingTenThousandTopics()
    {
        constexpr int Topics = 10000;
        Listener l;
        MetadataRequest request;
        request.topics = QList<MetadataRequest::Topic> {};
        for (int i = 0; i < Topics; ++i)
            request.topics->append({QByteArray(16, '\0'), QStringLiteral("auto-%1").arg(i)});
        request.allowAutoTopicCreation = true;

        QByteArray answer;
        sendBesideBystander(l, requestFrame(request, 4, 1, BigId), "Metadata naming 10,000 unknown topics", &answer);
        const auto response = decodeResponse<MetadataResponse>(answer, 4);
        QVERIFY(response);
        QCOMPARE(response->topics.size(), Topics);
        for (int i = 0; i < Topics; ++i) {
            const auto &topic = response->topics.at(i);
            QCOMPARE(topic.name, QStringLiteral("auto-%1").arg(i));
            QCOMPARE(topic.error, ErrorCode::None);
            QCOMPARE(topic.partitions.size(), 1);
            QCOMPARE(l.broker->log().partitionCount(*topic.name), 1);
            QVERIFY(!l.broker->log().topicId(*topic.name).isNull());
        }
        QCOMPARE(l.broker->log().topicNames().size(), Topics + 1); // and __consumer_offsets
        const int during = l.bystanderAnswersDuringBigRequest();
        qInfo() << "bystander answers made while the topics were being created:" << during;
        QVERIFY2(during >= 1, qPrintable(QString::number(during)));
    }

    void createTopicsOfAMillionPartitions()
    {
        // Kafka's per-topic limit here is 10,000 partitions (LogManager's MaxPartitions): 100 topics of 10,000.
        constexpr int Topics = 100;
        constexpr int Partitions = 10000;
        Listener l;
        CreateTopicsRequest request;
        for (int i = 0; i < Topics; ++i)
            request.topics.append({QStringLiteral("wide-%1").arg(i), Partitions, -1, {}, {}});

        QByteArray answer;
        sendBesideBystander(l, requestFrame(request, 4, 1, BigId), "CreateTopics of 1,000,000 partitions", &answer);
        const auto response = decodeResponse<CreateTopicsResponse>(answer, 4);
        QVERIFY(response);
        QCOMPARE(response->topics.size(), Topics);
        qint64 partitions = 0;
        for (int i = 0; i < Topics; ++i) {
            const auto &topic = response->topics.at(i);
            QCOMPARE(topic.name, QStringLiteral("wide-%1").arg(i));
            QCOMPARE(topic.error, ErrorCode::None);
            QCOMPARE(l.broker->log().partitionCount(topic.name), Partitions);
            QVERIFY(!l.broker->log().topicId(topic.name).isNull());
            partitions += l.broker->log().partitionCount(topic.name);
        }
        QCOMPARE(partitions, qint64(Topics) * Partitions);
        const int during = l.bystanderAnswersDuringBigRequest();
        qInfo() << "bystander answers made while the partitions were being created:" << during;
        QVERIFY2(during >= 1, qPrintable(QString::number(during)));
    }

    void retentionFlood()
    {
        constexpr qint64 RetentionBytes = 20 << 20;
        constexpr qint64 SegmentBytes = 4 << 20;
        constexpr int Records = 300; // of 1,000,000 bytes each: 300 MB through a 20 MiB partition
        Listener l(100);
        TopicConfig config;
        config.retentionBytes = RetentionBytes;
        config.segmentBytes = SegmentBytes;
        QCOMPARE(l.broker->log().createTopic(QStringLiteral("flood"), 1, config), ErrorCode::None);
        const QByteArray batch = makeBatch(1, 1'000'000);

        Bystander bystander(l.server->port());
        QTRY_VERIFY(bystander.requests() > 10);
        std::atomic<bool> flooded = false;
        std::atomic<int> acknowledged = 0;
        std::thread flooder([&] {
            RawClient client(l.server->port());
            for (int i = 0; i < Records; ++i) {
                ProduceRequest produce;
                produce.acks = 1;
                produce.timeoutMs = 30000;
                produce.topics.append({QStringLiteral("flood"), {}, {{0, batch}}});
                client.write(requestFrame(produce, 7, i, BigId));
                const std::optional<QByteArray> answer = client.readFrame(ReadTimeoutMs);
                if (!answer)
                    break;
                const auto response = decodeResponse<ProduceResponse>(*answer, 7);
                if (response && response->topics.size() == 1
                    && response->topics.at(0).partitions.at(0).error == ErrorCode::None)
                    ++acknowledged;
            }
            flooded = true;
        });
        qint64 largest = 0;
        const qint64 startUs = nowUs();
        while (!flooded) {
            QTest::qWait(20);
            largest = std::max(largest, directorySize(l.dir.path()));
        }
        const qint64 floodUs = nowUs() - startUs;
        flooder.join();
        bystander.stop();
        report("a retention flood of 300 MB", bystander, floodUs);
        QVERIFY(!bystander.failed());
        QCOMPARE(acknowledged.load(), Records);

        // After the next check, what stays is retention.bytes plus at most the active segment, plus the database
        // (topics, index rows, WAL): bounded by 8 MiB here.
        QTest::qWait(300);
        const qint64 finalSize = directorySize(l.dir.path());
        qInfo() << "data directory: largest seen during the flood" << largest << "bytes, after it" << finalSize;
        QVERIFY2(finalSize <= RetentionBytes + SegmentBytes + (8 << 20), qPrintable(QString::number(finalSize)));
        QVERIFY2(bystander.maxLatencyUs() < 1'000'000, "a bystander's request waited a second or more");
    }
};

QTEST_GUILESS_MAIN(TestServingThread)
#include "tst_servingthread.moc"
