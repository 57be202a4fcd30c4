#pragma once

#include "core/events.h"
#include "group/groupcoordinator.h"
#include "group/offsetstopic.h"
#include "log/logmanager.h"
#include "log/producerstatemanager.h"

#include <functional>
#include <memory>
#include <vector>

namespace topicscope::engine {

class Clock;

struct BrokerOptions {
    StorageOptions storage;
    GroupCoordinatorConfig groups;
    // Kafka checks retention every 5 minutes (log.retention.check.interval.ms); a desktop demo wants to see it
    // act sooner. A clock timer: real time in the app, virtual time in a scenario. <= 0: only enforceRetention().
    qint64 retentionCheckIntervalMs = 5000;
    // The random part of new member ids; empty = the coordinator's own (a UUID). Scenarios count, so that member
    // ids, and with them range assignments and every dump, are the same from run to run.
    std::function<QString()> memberIdGenerator;
    // offsets.topic.num.partitions: partitions of __consumer_offsets when the broker creates it.
    int offsetsTopicPartitions = ConsumerOffsetsRecords::DefaultPartitions;
};

// The broker of Topicscope's functional core, assembled in one place: the log (topics, partitions, SQLite),
// the group coordinator with its committed offsets, idempotent producers' state, and retention, all on one
// injected Clock and publishing to one EventBus. The live engine runs it on a real clock behind sockets
// (runtime/Engine); a scenario runs the same class on a ManualClock (sim/ScenarioWorld). Wire handlers and in-app
// clients reach records through append() so that every producer gets the same validation and idempotence.
// No threads, no sockets, no clock reads; lives on the engine thread (or the test's).
class Broker {
public:
    // Opens storage, creates the internal topic __consumer_offsets if it is missing (Kafka creates it on first
    // need; a desktop broker has no reason to wait), moves an old data directory's offsets table into it once,
    // rebuilds the groups from it and starts the retention timer. nullptr and *error on failure.
    static std::unique_ptr<Broker> open(BrokerOptions options, Clock &clock, QString *error);
    ~Broker();
    Broker(const Broker &) = delete;
    Broker &operator=(const Broker &) = delete;

    Clock &clock() { return m_clock; }
    const Clock &clock() const { return m_clock; }
    EventBus &events() { return m_events; }
    LogManager &log() { return *m_log; }
    const LogManager &log() const { return *m_log; }
    GroupCoordinator &groups() { return *m_groups; }
    OffsetsTopic &offsetsTopic() { return *m_offsetsTopic; }
    const GroupCoordinator &groups() const { return *m_groups; }
    const BrokerOptions &options() const { return m_options; }

    // Appends as Kafka's ReplicaManager does for a produce request: an internal topic is refused
    // (INVALID_TOPIC_EXCEPTION, "Cannot append to internal topic"), only the broker writes it; each batch of an
    // idempotent producer (producerId >= 0) is checked against that producer's sequence and epoch first; a retry of a
    // batch already stored is answered with its original offsets (AppendResult::duplicate) and not stored again. The
    // log then validates every batch (magic, CRC, counts, max.message.bytes) and stores all of them in one transaction.
    // Results come back in request order; a refused request does not stop the others.
    std::vector<AppendResult> append(const std::vector<AppendRequest> &requests);
    // InitProducerId for an idempotent (non-transactional) producer.
    qint64 allocateProducerId();

    // Applies retention.ms and retention.bytes now (the timer calls it every retentionCheckIntervalMs), runs the log
    // cleaner over compacted topics (__consumer_offsets among them), and expires committed offsets when
    // offsetsRetentionCheckIntervalMs has passed since the last check.
    void enforceRetention();

private:
    Broker(BrokerOptions options, Clock &clock);
    void onEvent(const Event &event);
    void scheduleRetention();
    void pollCleaner();

    BrokerOptions m_options;
    Clock &m_clock;
    EventBus m_events;
    std::unique_ptr<LogManager> m_log;
    std::unique_ptr<OffsetsTopic> m_offsetsTopic;
    std::unique_ptr<GroupCoordinator> m_groups;
    qint64 m_lastOffsetsExpiryMs = 0;
    ProducerStateManager m_producers;
    TimerId m_retentionTimer = 0;
    TimerId m_cleanerPoll = 0; // while the log cleaner's thread has a partition in hand
    int m_subscription = 0;
};

} // namespace topicscope::engine
