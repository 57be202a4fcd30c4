#include "remotecluster.h"

#include "remote/remoteworker.h"
#include "runtime/workerchannel.h"

#include <QThread>
#include <QTimer>

namespace topicscope::engine {

// The worker-side half: the librdkafka worker and the poll timer. Created on the GUI thread and moved to the worker
// thread before it starts; from then on touched only there. The worker (and its librdkafka handles) goes when the
// worker thread finishes.
class RemoteCluster::Host : public QObject {
public:
    explicit Host(RemoteClusterOptions options)
        : worker(std::make_unique<RemoteWorker>(std::move(options)))
    { }

    std::unique_ptr<RemoteWorker> worker;
    QTimer *pollTimer = nullptr;
};

RemoteCluster::RemoteCluster(RemoteClusterOptions options, QObject *parent)
    : ClusterClient(parent)
    , m_options(options)
    , m_thread(new QThread(this))
    , m_host(new Host(std::move(options)))
{
    qRegisterMetaType<BrokerSnapshot>();
    qRegisterMetaType<MessagePage>();
    qRegisterMetaType<OffsetLookup>();
    qRegisterMetaType<PartitionPreview>();
    qRegisterMetaType<ProduceReport>();
    qRegisterMetaType<OffsetResetPreview>();
    m_thread->setObjectName(QStringLiteral("topicscope-remote"));
    m_host->moveToThread(m_thread);
    m_host->worker->moveToThread(m_thread);
    Host *host = m_host;
    m_worker = std::make_unique<WorkerChannel<RemoteWorker>>(host, this, [host] { return host->worker.get(); });
    connect(
        m_thread, &QThread::finished, host,
        [host] {
            delete host->pollTimer;
            host->pollTimer = nullptr;
            host->worker.reset();
        },
        Qt::DirectConnection);
}

RemoteCluster::~RemoteCluster()
{
    // The one place the caller waits: at most one bounded librdkafka call in progress, then the handles close.
    m_thread->quit();
    m_thread->wait();
    delete m_host->pollTimer;
    m_host->pollTimer = nullptr;
    m_host->worker.reset(); // when the worker thread never ran
    delete m_host;
}

void RemoteCluster::closeLater()
{
    blockSignals(true); // answers still queued to this object are dropped
    if (!m_thread->isRunning()) {
        deleteLater();
        return;
    }
    // finished is emitted on the worker thread; the queued deleteLater runs here, where the destructor no longer
    // waits: the thread has stopped.
    connect(m_thread, &QThread::finished, this, &QObject::deleteLater, Qt::QueuedConnection);
    m_thread->quit();
}

QString RemoteCluster::displayName() const
{
    return QStringLiteral("kafka: %1").arg(m_options.bootstrapServers);
}

void RemoteCluster::start()
{
    m_thread->start();
    Host *host = m_host;
    const int interval = m_options.pollIntervalMs;
    m_worker->post([this, host, interval](RemoteWorker &worker) {
        QString error;
        const bool ok = worker.open(&error);
        WorkerChannel<RemoteWorker>::deliverTo(this, [this, ok, error] { Q_EMIT started(ok, error); });
        if (!worker.isOpen())
            return; // a refused property: nothing to poll with
        const auto poll = [this, host] {
            const BrokerSnapshot snapshot = host->worker->readSnapshot();
            WorkerChannel<RemoteWorker>::deliverTo(this, [this, snapshot] { Q_EMIT snapshotUpdated(snapshot); });
        };
        host->pollTimer = new QTimer;
        host->pollTimer->setInterval(interval);
        QObject::connect(host->pollTimer, &QTimer::timeout, host, poll);
        host->pollTimer->start();
        poll();
    });
}

quint64 RemoteCluster::runCommand(std::function<std::pair<int, QString>(RemoteWorker &)> command)
{
    const quint64 id = nextRequestId();
    m_worker->request<std::pair<int, QString>>(
        [command = std::move(command)](RemoteWorker &worker) {
            if (!worker.isOpen())
                return std::pair {static_cast<int>(RD_KAFKA_RESP_ERR__TRANSPORT), QStringLiteral("not connected")};
            return command(worker);
        },
        [this, id](const std::pair<int, QString> &result) { Q_EMIT commandFinished(id, result.first, result.second); });
    return id;
}

namespace {

std::pair<int, QString> answer(const RemoteError &e)
{
    return {e.code, e.message};
}

} // namespace

quint64 RemoteCluster::createTopic(const QString &name, int partitions, const TopicConfig &config)
{
    return runCommand([=](RemoteWorker &w) { return answer(w.createTopic(name, partitions, config)); });
}

quint64 RemoteCluster::deleteTopic(const QString &name)
{
    return runCommand([=](RemoteWorker &w) { return answer(w.deleteTopic(name)); });
}

quint64 RemoteCluster::createPartitions(const QString &name, int newPartitionCount)
{
    return runCommand([=](RemoteWorker &w) { return answer(w.createPartitions(name, newPartitionCount)); });
}

quint64 RemoteCluster::alterTopicConfig(const QString &name, const TopicConfig &config, const TopicConfig &from)
{
    return runCommand([=](RemoteWorker &w) { return answer(w.alterTopicConfig(name, config, from)); });
}

quint64 RemoteCluster::deleteRecords(const TopicPartition &partition, qint64 beforeOffset)
{
    return runCommand([=](RemoteWorker &w) { return answer(w.deleteRecords(partition, beforeOffset)); });
}

quint64 RemoteCluster::deleteGroup(const QString &groupId)
{
    return runCommand([=](RemoteWorker &w) { return answer(w.deleteGroup(groupId)); });
}

quint64 RemoteCluster::resetOffsets(const OffsetResetRequest &request)
{
    return runCommand([=](RemoteWorker &w) { return answer(w.resetOffsets(request)); });
}

quint64 RemoteCluster::fetchMessages(const MessageQuery &query)
{
    const quint64 id = nextRequestId();
    m_worker->request<MessagePage>([query](RemoteWorker &w) { return w.fetchMessages(query); },
        [this, id](const MessagePage &page) { Q_EMIT messagesFetched(id, page); });
    return id;
}

quint64 RemoteCluster::lookupOffsets(const QString &topic, qint64 timestamp)
{
    const quint64 id = nextRequestId();
    m_worker->request<OffsetLookup>([topic, timestamp](RemoteWorker &w) { return w.lookupOffsets(topic, timestamp); },
        [this, id](const OffsetLookup &lookup) { Q_EMIT offsetsLookedUp(id, lookup); });
    return id;
}

quint64 RemoteCluster::previewPartition(const ProduceRequest &request)
{
    const quint64 id = nextRequestId();
    m_worker->request<PartitionPreview>([request](RemoteWorker &w) { return w.previewPartition(request); },
        [this, id](const PartitionPreview &preview) { Q_EMIT partitionPreviewed(id, preview); });
    return id;
}

quint64 RemoteCluster::previewOffsetReset(const OffsetResetRequest &request)
{
    const quint64 id = nextRequestId();
    m_worker->request<OffsetResetPreview>([request](RemoteWorker &w) { return w.previewOffsetReset(request); },
        [this, id](const OffsetResetPreview &preview) { Q_EMIT offsetResetPreviewed(id, preview); });
    return id;
}

quint64 RemoteCluster::describeSegments(const TopicPartition &partition)
{
    // Kafka's protocol has no request that lists a broker's segment files (DescribeLogDirs gives sizes only).
    const quint64 id = nextRequestId();
    PartitionSegments answer;
    answer.topicPartition = partition;
    answer.availability = PartitionSegments::Availability::NotExposed;
    QMetaObject::invokeMethod(
        this, [this, id, answer] { Q_EMIT segmentsDescribed(id, answer); }, Qt::QueuedConnection);
    return id;
}

quint64 RemoteCluster::produce(const ProduceRequest &request)
{
    const quint64 id = nextRequestId();
    const auto reply = m_worker->replier();
    m_worker->post([this, reply, id, request](RemoteWorker &w) {
        w.producer().produce(id, request, [this, reply, id](const ProduceReport &report) {
            reply([this, id, report] { Q_EMIT produceProgress(id, report); });
        });
    });
    return id;
}

void RemoteCluster::cancelProduce(quint64 requestId)
{
    m_worker->post([requestId](RemoteWorker &w) { w.producer().cancel(requestId); });
}

} // namespace topicscope::engine
