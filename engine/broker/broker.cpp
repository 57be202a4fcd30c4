#include "broker.h"

#include "core/clock.h"
#include "core/recordbatch.h"
#include "topicnames.h"

namespace topicscope::engine {

Broker::Broker(BrokerOptions options, Clock &clock)
    : m_options(std::move(options))
    , m_clock(clock)
{ }

std::unique_ptr<Broker> Broker::open(BrokerOptions options, Clock &clock, QString *error)
{
    std::unique_ptr<Broker> broker(new Broker(std::move(options), clock));
    Broker &b = *broker;
    b.m_log = LogManager::open(b.m_options.storage, clock, b.m_events, error);
    if (!b.m_log)
        return nullptr;
    b.m_offsetsTopic = std::make_unique<OffsetsTopic>(*b.m_log, clock, b.m_options.offsetsTopicPartitions);
    if (b.m_offsetsTopic->open(error) != ErrorCode::None
        || b.m_offsetsTopic->migrateFrom(b.m_log->offsetStore(), error) != ErrorCode::None)
        return nullptr;
    b.m_lastOffsetsExpiryMs = clock.nowMs();
    b.m_groups = std::make_unique<GroupCoordinator>(
        clock, b.m_events, *b.m_offsetsTopic,
        [log = b.m_log.get()](const QString &topic) { return log->partitionCount(topic); }, b.m_options.groups);
    if (b.m_options.memberIdGenerator)
        b.m_groups->setMemberIdGenerator(b.m_options.memberIdGenerator);
    b.m_groups->setTopicLister([log = b.m_log.get()] { return log->topicNames(); });
    if (b.m_groups->load(error) != ErrorCode::None)
        return nullptr;
    b.m_subscription = b.m_events.subscribe([&b](const Event &event) { b.onEvent(event); });
    b.scheduleRetention();
    return broker;
}

Broker::~Broker()
{
    // A clean shutdown: producer state is snapshotted, so the next start replays nothing (Kafka does the same).
    if (m_log)
        m_producers.saveSnapshots(*m_log);
    m_clock.cancel(m_retentionTimer);
    m_clock.cancel(m_cleanerPoll);
    m_events.unsubscribe(m_subscription);
    // The coordinator holds timers on the clock and writes offsets through the log's store: it goes first.
    m_groups.reset();
    m_offsetsTopic.reset();
    m_log.reset();
}

std::vector<AppendResult> Broker::append(const std::vector<AppendRequest> &requests)
{
    std::vector<AppendResult> results(requests.size());
    std::vector<AppendRequest> toStore;
    std::vector<size_t> storedAt; // index into results of each request in toStore
    std::vector<RecordBatchHeader> headers; // of each request in toStore
    for (size_t i = 0; i < requests.size(); ++i) {
        const AppendRequest &request = requests[i];
        if (TopicNames::isInternal(request.topicPartition.topic)) {
            results[i].error = ErrorCode::InvalidTopicException;
            results[i].message = QStringLiteral("Cannot append to internal topic %1").arg(request.topicPartition.topic);
            continue;
        }
        const std::optional<RecordBatchHeader> header = RecordBatch::parseHeader(request.records);
        if (header && header->producerId >= 0) {
            m_producers.ensureLoaded(request.topicPartition, *m_log);
            const ProducerAppendCheck check = m_producers.checkAppend(request.topicPartition, *header);
            if (check.error != ErrorCode::None) {
                results[i].error = check.error;
                results[i].message = check.message;
                continue;
            }
            if (check.duplicate) {
                AppendResult &r = results[i];
                r.duplicate = true;
                r.baseOffset = check.duplicate->firstOffset;
                r.lastOffset = check.duplicate->lastOffset;
                if (const auto info = m_log->partitionInfo(request.topicPartition))
                    r.logStartOffset = info->logStartOffset;
                r.message = QStringLiteral("duplicate batch of producer %1 (sequence %2-%3) answered with offset %4")
                                .arg(header->producerId)
                                .arg(check.duplicate->firstSeq)
                                .arg(check.duplicate->lastSeq)
                                .arg(check.duplicate->firstOffset);
                continue;
            }
        }
        toStore.push_back(request);
        storedAt.push_back(i);
        headers.push_back(header.value_or(RecordBatchHeader {}));
    }
    if (toStore.empty())
        return results;
    const std::vector<AppendResult> stored = m_log->append(toStore);
    for (size_t k = 0; k < stored.size() && k < storedAt.size(); ++k) {
        results[storedAt[k]] = stored[k];
        if (stored[k].error == ErrorCode::None && headers[k].producerId >= 0)
            m_producers.onAppended(toStore[k].topicPartition, headers[k], stored[k].baseOffset);
        m_producers.onLogAppended(toStore[k].topicPartition, stored[k], *m_log);
    }
    return results;
}

qint64 Broker::allocateProducerId()
{
    return m_producers.allocateProducerId(m_clock.nowMs());
}

void Broker::enforceRetention()
{
    m_log->enforceRetention();
    m_log->clean();
    pollCleaner();
    const qint64 now = m_clock.nowMs();
    if (now - m_lastOffsetsExpiryMs >= m_options.groups.offsetsRetentionCheckIntervalMs) {
        m_lastOffsetsExpiryMs = now;
        m_groups->expireOffsets();
    }
}

// The cleaner's thread finishes a partition in its own time: look for the result every 50 ms meanwhile, so a cleaned
// partition is committed (and the next one handed over) soon after, not at the next retention check.
void Broker::pollCleaner()
{
    if (m_cleanerPoll || !m_log->cleaningInProgress())
        return;
    m_cleanerPoll = m_clock.schedule(50, [this] {
        m_cleanerPoll = 0;
        m_log->clean();
        pollCleaner();
    });
}

void Broker::scheduleRetention()
{
    if (m_options.retentionCheckIntervalMs <= 0)
        return;
    m_retentionTimer = m_clock.schedule(m_options.retentionCheckIntervalMs, [this] {
        m_retentionTimer = 0;
        enforceRetention();
        scheduleRetention();
    });
}

void Broker::onEvent(const Event &event)
{
    if (const auto *deleted = std::get_if<TopicDeleted>(&event))
        m_producers.removeTopic(deleted->topic);
    else if (const auto *moved = std::get_if<RecordsDeleted>(&event))
        m_producers.onLogStartOffsetMoved({moved->topic, moved->partition}, moved->newLogStartOffset);
}

} // namespace topicscope::engine
