#include "remoteproducer.h"

#include "client/partitioner.h"
#include "client/producepreview.h"
#include "client/producer.h"
#include "client/serializer.h"
#include "remote/rdkafkaclient.h"

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace topicscope::engine {

namespace {

constexpr int StepMs = 20;
constexpr int MaxRecordsPerStep = 5000; // keeps the worker thread answering other calls during a big send

} // namespace

struct RemoteProducer::Job {
    quint64 id = 0;
    ProduceRequest request;
    SerdeFormat keyFormat = SerdeFormat::String;
    SerdeFormat valueFormat = SerdeFormat::String;
    std::unique_ptr<Partitioner> partitioner;
    int partitionCount = 0;
    Progress progress;
    QElapsedTimer clock;
    QTimer *timer = nullptr;
    int queued = 0;
    ProduceReport report;
};

RemoteProducer::RemoteProducer(RdKafkaClient &client, PartitionCount partitionCount, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_partitionCount(std::move(partitionCount))
{ }

RemoteProducer::~RemoteProducer() = default;

void RemoteProducer::produce(quint64 id, const ProduceRequest &request, Progress progress)
{
    auto job = std::make_shared<Job>();
    job->id = id;
    job->request = request;
    job->progress = std::move(progress);
    job->report.total = std::max(0, request.count);
    const auto keyFormat = Serializer::formatFromName(request.keySerializer);
    const auto valueFormat = Serializer::formatFromName(request.valueSerializer);
    const auto kind = Partitioner::kindFromName(request.partitioner);
    job->partitionCount = m_partitionCount(request.topic);
    if (!m_client.isOpen() || !keyFormat || !valueFormat || (!kind && !request.partition) || job->partitionCount <= 0) {
        job->report.failed = job->report.total;
        job->report.finished = true;
        job->report.lastError = !m_client.isOpen() ? QStringLiteral("not connected to the cluster")
            : job->partitionCount <= 0             ? QStringLiteral("topic %1 does not exist").arg(request.topic)
                                                   : QStringLiteral("unknown serializer or partitioner");
        job->progress(job->report);
        return;
    }
    job->keyFormat = *keyFormat;
    job->valueFormat = *valueFormat;
    if (kind)
        job->partitioner = Partitioner::create(*kind, ProducerConfig {}.batchSize, Partitioner::systemRandom());
    job->clock.start();
    job->timer = new QTimer(this);
    job->timer->setInterval(StepMs);
    connect(job->timer, &QTimer::timeout, this, [this, id] { step(id); });
    m_jobs.insert(id, job);
    job->timer->start();
    step(id);
}

void RemoteProducer::cancel(quint64 id)
{
    if (const auto job = m_jobs.value(id)) {
        // What is queued already still gets its delivery report; nothing more is sent.
        job->report.total = job->queued;
        finishIfDone(*job);
    }
}

void RemoteProducer::step(quint64 id)
{
    const auto job = m_jobs.value(id);
    if (!job)
        return;
    m_client.poll();
    const ProduceRequest &r = job->request;
    const qint64 due = r.ratePerSecond > 0 ? std::min<qint64>(job->report.total,
                           static_cast<qint64>(std::floor(job->clock.elapsed() * r.ratePerSecond / 1000.0)) + 1)
                                           : job->report.total;
    const qint64 until = std::min<qint64>(due, job->queued + MaxRecordsPerStep);
    while (job->queued < until) {
        QString why;
        const auto key = ProducePreview::typedValue(r.key, job->keyFormat, job->queued, &why);
        const auto value
            = why.isEmpty() ? ProducePreview::typedValue(r.value, job->valueFormat, job->queued, &why) : std::nullopt;
        const SerializeResult keyBytes = Serializer(job->keyFormat).serialize(key);
        const SerializeResult valueBytes = Serializer(job->valueFormat).serialize(value);
        if (why.isEmpty())
            why = !keyBytes.ok() ? keyBytes.error : valueBytes.error;
        ++job->queued;
        if (!why.isEmpty()) {
            ++job->report.failed;
            job->report.lastError = why;
            continue;
        }
        PartitionDecision decision;
        if (r.partition) {
            decision.partition = *r.partition;
            decision.partitionCount = job->partitionCount;
            decision.explanation = QStringLiteral("explicit partition %1 (of %2), set by the caller")
                                       .arg(*r.partition)
                                       .arg(job->partitionCount);
        } else {
            decision = job->partitioner->partition(r.topic, keyBytes.bytes, job->partitionCount);
        }
        job->report.lastDecision = ProducePreview::toPreview(decision);
        rd_kafka_headers_t *headers = rd_kafka_headers_new(static_cast<size_t>(r.headers.size()));
        for (const RecordHeader &h : r.headers) {
            rd_kafka_header_add(headers, h.key.constData(), h.key.size(), h.value ? h.value->constData() : nullptr,
                h.value ? h.value->size() : 0);
        }
        const QByteArray topic = r.topic.toUtf8();
        // Null stays null (a tombstone, a keyless record); the macros below cast their arguments as they are.
        void *keyData = keyBytes.bytes ? const_cast<char *>(keyBytes.bytes->constData()) : nullptr;
        const size_t keySize = keyBytes.bytes ? static_cast<size_t>(keyBytes.bytes->size()) : 0;
        void *valueData = valueBytes.bytes ? const_cast<char *>(valueBytes.bytes->constData()) : nullptr;
        const size_t valueSize = valueBytes.bytes ? static_cast<size_t>(valueBytes.bytes->size()) : 0;
        // RD_KAFKA_V_* are librdkafka's vararg tags; the key and value are copied (MSG_F_COPY).
        const rd_kafka_resp_err_t err = rd_kafka_producev(m_client.producer(), RD_KAFKA_V_TOPIC(topic.constData()),
            RD_KAFKA_V_PARTITION(decision.partition), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_KEY(keyData, keySize), RD_KAFKA_V_VALUE(valueData, valueSize), RD_KAFKA_V_HEADERS(headers),
            RD_KAFKA_V_OPAQUE(reinterpret_cast<void *>(static_cast<quintptr>(job->id))), RD_KAFKA_V_END);
        if (err) {
            rd_kafka_headers_destroy(headers); // owned by the message only when it was queued
            ++job->report.failed;
            job->report.lastError = QString::fromUtf8(rd_kafka_err2str(err));
        }
    }
    m_client.poll();
    finishIfDone(*job);
    if (!job->report.finished)
        job->progress(job->report);
}

void RemoteProducer::finishIfDone(Job &job)
{
    if (job.report.finished || job.report.sent + job.report.failed < job.report.total)
        return;
    job.report.finished = true;
    job.timer->stop();
    job.timer->deleteLater();
    const auto keep = m_jobs.take(job.id); // the job outlives this call
    job.progress(job.report);
}

void RemoteProducer::onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
{
    auto *self = static_cast<RemoteProducer *>(opaque);
    const auto id = static_cast<quint64>(reinterpret_cast<quintptr>(message->_private));
    const auto job = self->m_jobs.value(id);
    if (!job)
        return;
    if (message->err) {
        ++job->report.failed;
        job->report.lastError = QString::fromUtf8(rd_kafka_err2str(message->err));
    } else {
        ++job->report.sent;
        job->report.lastOffset = message->offset;
        job->report.lastPartition = message->partition;
    }
}

} // namespace topicscope::engine
