#include "producer.h"

#include "client/explicitpartitioner.h"
#include "core/recordbatch.h"

#include <QLoggingCategory>
#include <algorithm>

namespace topicscope::engine {

namespace {
Q_LOGGING_CATEGORY(lcProducer, "topicscope.engine.client")
}

Producer::Producer(
    ProducerConfig config, Clock &clock, PartitionCountLookup partitionCount, AppendSink sink, RandomSource random)
    : m_config(std::move(config))
    , m_clock(clock)
    , m_partitionCount(std::move(partitionCount))
    , m_sink(std::move(sink))
    , m_partitioner(Partitioner::create(m_config.partitioner, m_config.batchSize, std::move(random)))
    , m_keySerializer(m_config.keySerializer)
    , m_valueSerializer(m_config.valueSerializer)
{ }

Producer::~Producer()
{
    if (m_timer)
        m_clock.cancel(m_timer);
}

ErrorCode Producer::send(const QString &topic, const std::optional<QVariant> &key, const std::optional<QVariant> &value,
    const QList<RecordHeader> &headers, std::optional<int> partition, std::optional<qint64> timestamp,
    SendCallback callback)
{
    return send(ProducerRecord {topic, key, value, headers, partition, timestamp}, std::move(callback));
}

ErrorCode Producer::fail(const ProducerRecord &record, const SendCallback &callback, ErrorCode error,
    const QString &why, const PartitionDecision &decision)
{
    qCDebug(lcProducer) << m_config.clientId << "send to" << record.topic << "failed:" << errorName(error) << why;
    if (callback) {
        RecordMetadata md;
        md.topic = record.topic;
        md.partition = decision.partition;
        md.error = error;
        md.errorMessage = why;
        md.decision = decision;
        callback(md);
    }
    return error;
}

ErrorCode Producer::send(const ProducerRecord &record, SendCallback callback)
{
    if (m_closed)
        return fail(record, callback, ErrorCode::InvalidRequest,
            QStringLiteral("cannot perform operation after producer has been closed"));

    const int partitionCount = m_partitionCount ? m_partitionCount(record.topic) : -1;
    if (partitionCount <= 0)
        return fail(record, callback, ErrorCode::UnknownTopicOrPartition,
            QStringLiteral("topic %1 not present in metadata (in-app producers do not auto-create topics)")
                .arg(record.topic));

    const SerializeResult key = m_keySerializer.serialize(record.key);
    if (!key.ok())
        return fail(record, callback, ErrorCode::InvalidRecord,
            QStringLiteral("can't serialize key with the %1 serializer: %2").arg(m_keySerializer.name(), key.error));
    const SerializeResult value = m_valueSerializer.serialize(record.value);
    if (!value.ok())
        return fail(record, callback, ErrorCode::InvalidRecord,
            QStringLiteral("can't serialize value with the %1 serializer: %2")
                .arg(m_valueSerializer.name(), value.error));

    if (record.timestamp && *record.timestamp < 0)
        return fail(record, callback, ErrorCode::InvalidTimestamp,
            QStringLiteral("invalid timestamp %1: timestamps must be non-negative or unset").arg(*record.timestamp));

    Record r;
    r.timestamp = record.timestamp.value_or(m_clock.nowMs());
    r.key = key.bytes;
    r.value = value.bytes;
    r.headers = record.headers;

    const int oneRecordBatch = RecordBatchHeader::Size + RecordBatch::recordSize(r, 0, 0);
    if (oneRecordBatch > m_config.maxRequestSize)
        return fail(record, callback, ErrorCode::MessageTooLarge,
            QStringLiteral("the message is %1 bytes when serialized, which is larger than max.request.size %2")
                .arg(oneRecordBatch)
                .arg(m_config.maxRequestSize));

    auto decide = [&] {
        return record.partition ? ExplicitPartitioner::decide(*record.partition, partitionCount)
                                : m_partitioner->partition(record.topic, key.bytes, partitionCount);
    };
    PartitionDecision decision = decide();
    if (decision.error != ErrorCode::None)
        return fail(record, callback, decision.error, decision.explanation, decision);

    // A configured partitioner.class gets onNewBatch() and a second say when its choice needs a new batch
    // (KafkaProducer's abortOnNewBatch); explicit partitions and the built-in partitioner do not.
    if (!record.partition && m_partitioner->abortsOnNewBatch()) {
        const TopicPartition chosen {record.topic, decision.partition};
        const auto it = m_open.constFind(chosen);
        if (it == m_open.constEnd() || !fits(*it, r)) {
            // The batch without room is closed for appends first, as Java's tryAppend does before aborting.
            closeBatch(chosen);
            m_partitioner->onNewBatch(record.topic, partitionCount, decision.partition);
            decision = decide();
        }
    }

    const TopicPartition tp {record.topic, decision.partition};
    auto it = m_open.find(tp);
    if (it != m_open.end() && !fits(*it, r)) {
        closeBatch(tp);
        it = m_open.end();
    }
    if (it == m_open.end()) {
        Batch batch;
        batch.topicPartition = tp;
        batch.sizeBytes = RecordBatchHeader::Size;
        batch.createdMs = m_clock.nowMs();
        it = m_open.insert(tp, std::move(batch));
    }

    Pending pending;
    pending.callback = std::move(callback);
    pending.metadata.topic = record.topic;
    pending.metadata.partition = decision.partition;
    pending.metadata.timestamp = r.timestamp;
    pending.metadata.serializedKeySize = key.bytes ? static_cast<int>(key.bytes->size()) : -1;
    pending.metadata.serializedValueSize = value.bytes ? static_cast<int>(value.bytes->size()) : -1;
    pending.metadata.decision = decision;

    const bool opened = it->records.empty();
    const int recordBytes = appendToBatch(*it, std::move(r), std::move(pending));
    const bool full = it->sizeBytes >= m_config.batchSize;
    // As in Java, a record that opens a batch counts the batch header too.
    m_partitioner->onRecordAppended(record.topic, decision, recordBytes + (opened ? RecordBatchHeader::Size : 0), full);
    if (full)
        closeBatch(tp);
    armTimer();
    return ErrorCode::None;
}

bool Producer::fits(const Batch &batch, const Record &record) const
{
    if (batch.records.empty())
        return true; // a batch takes at least one record, however large (up to max.request.size)
    const qint64 delta = record.timestamp - batch.records.front().timestamp;
    const int size = RecordBatch::recordSize(record, delta, static_cast<int>(batch.records.size()));
    return batch.sizeBytes + size <= m_config.batchSize;
}

int Producer::appendToBatch(Batch &batch, Record record, Pending pending)
{
    const qint64 base = batch.records.empty() ? record.timestamp : batch.records.front().timestamp;
    const int size = RecordBatch::recordSize(record, record.timestamp - base, static_cast<int>(batch.records.size()));
    batch.sizeBytes += size;
    batch.records.push_back(std::move(record));
    batch.pending.push_back(std::move(pending));
    return size;
}

void Producer::closeBatch(const TopicPartition &tp)
{
    auto it = m_open.find(tp);
    if (it == m_open.end())
        return;
    m_ready.push_back(std::move(*it));
    m_open.erase(it);
}

int Producer::pendingRecords() const
{
    qsizetype n = 0;
    for (const Batch &b : m_open)
        n += static_cast<qsizetype>(b.records.size());
    for (const Batch &b : m_ready)
        n += static_cast<qsizetype>(b.records.size());
    return static_cast<int>(n);
}

void Producer::sendReady()
{
    while (!m_ready.empty()) {
        std::vector<Batch> batches;
        batches.swap(m_ready);
        std::vector<AppendRequest> requests;
        requests.reserve(batches.size());
        for (const Batch &b : batches)
            requests.push_back({b.topicPartition, RecordBatch::build(0, b.records)});

        std::vector<AppendResult> results = m_sink ? m_sink(requests) : std::vector<AppendResult> {};
        for (size_t i = 0; i < batches.size(); ++i) {
            Batch &b = batches[i];
            AppendResult result;
            if (i < results.size()) {
                result = results[i];
            } else {
                result.error = ErrorCode::UnknownServerError;
                result.message = QStringLiteral("the append sink returned no result for this batch");
            }
            if (result.error != ErrorCode::None)
                qCInfo(lcProducer) << m_config.clientId << "batch for" << b.topicPartition.toString()
                                   << "failed:" << errorName(result.error) << result.message;
            for (size_t r = 0; r < b.pending.size(); ++r) {
                RecordMetadata &md = b.pending[r].metadata;
                md.error = result.error;
                md.errorMessage = result.message;
                if (result.error == ErrorCode::None) {
                    md.offset = result.baseOffset + static_cast<qint64>(r);
                    if (result.logAppendTimeMs >= 0)
                        md.timestamp = result.logAppendTimeMs;
                }
                if (b.pending[r].callback)
                    b.pending[r].callback(md);
            }
        }
    }
}

void Producer::onTimer()
{
    m_timer = 0;
    m_timerDueMs = -1;
    const qint64 now = m_clock.nowMs();
    QList<TopicPartition> expired;
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it)
        if (it->createdMs + m_config.lingerMs <= now)
            expired.append(it.key());
    // Close in a stable order so the log sees the same append order on every run.
    std::sort(expired.begin(), expired.end());
    for (const TopicPartition &tp : expired)
        closeBatch(tp);
    sendReady();
    armTimer();
}

void Producer::armTimer()
{
    const qint64 now = m_clock.nowMs();
    qint64 due = -1;
    if (!m_ready.empty())
        due = now;
    for (const Batch &b : std::as_const(m_open)) {
        const qint64 batchDue = b.createdMs + m_config.lingerMs;
        due = due < 0 ? batchDue : std::min(due, batchDue);
    }
    if (due == m_timerDueMs && m_timer)
        return;
    if (m_timer) {
        m_clock.cancel(m_timer);
        m_timer = 0;
        m_timerDueMs = -1;
    }
    if (due < 0)
        return;
    m_timerDueMs = due;
    m_timer = m_clock.schedule(std::max<qint64>(0, due - now), [this] { onTimer(); });
}

void Producer::flush()
{
    QList<TopicPartition> open = m_open.keys();
    std::sort(open.begin(), open.end());
    for (const TopicPartition &tp : open)
        closeBatch(tp);
    sendReady();
    // Callbacks may have sent more; flush() covers records sent before it was called, as in Kafka.
    armTimer();
}

void Producer::close()
{
    flush();
    m_closed = true;
    if (m_timer) {
        m_clock.cancel(m_timer);
        m_timer = 0;
        m_timerDueMs = -1;
    }
}

} // namespace topicscope::engine
