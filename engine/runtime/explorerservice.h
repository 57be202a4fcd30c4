#pragma once

#include "brokersnapshot.h"
#include "clustertypes.h"
#include "core/clock.h"
#include "core/events.h"
#include "errorcode.h"
#include "group/generationhistory.h"
#include "runtime/clientactivity.h"
#include "runtime/ratetracker.h"

#include <QHash>
#include <functional>
#include <memory>

namespace topicscope::engine {

class Engine;
class Producer;

// The engine-thread half of what the explorer asks of the embedded broker: enriches snapshots with rates,
// group offsets, decoded assignments, the wire clients' activity and the protocol lane's exchanges (read from the
// listener's exchange tap); reads message pages; previews partitions and offset resets; runs
// produce jobs (N records at a rate) through in-app Producers. Created and destroyed on the engine thread,
// after the engine started and before it is destroyed.
class ExplorerService {
public:
    using Publish = std::function<void(const BrokerSnapshot &)>;
    using Progress = std::function<void(const ProduceReport &)>;

    // publish receives the snapshots the service takes on its own: decaying rates (the engine only publishes
    // after events, so without these a rate would stay frozen once production stops), connections coming and
    // going, and requests that changed nothing in the broker (heartbeats, metadata), coalesced like the engine's.
    ExplorerService(Engine &engine, Publish publish);
    ~ExplorerService();

    // Fills in what the engine's snapshot lacks. Hands the exchanges answered since the previous call to this
    // snapshot: call it once per published snapshot.
    void enrich(BrokerSnapshot &snapshot);

    MessagePage fetchMessages(const MessageQuery &query) const;
    OffsetLookup lookupOffsets(const QString &topic, qint64 timestamp) const;
    PartitionSegments describeSegments(const TopicPartition &tp) const;
    PartitionPreview previewPartition(const ProduceRequest &request) const;
    OffsetResetPreview previewOffsetReset(const OffsetResetRequest &request) const;
    ErrorCode resetOffsets(const OffsetResetRequest &request, QString *why);

    void produce(quint64 id, const ProduceRequest &request, Progress progress);
    void cancelProduce(quint64 id);

private:
    struct Job;
    void tick();
    void onOffsetCommitted(const OffsetCommitted &commit);
    void onExchange(const WireExchange &exchange);
    void publishExchanges();
    void runJob(quint64 id);
    void finishJob(quint64 id);

    Engine &m_engine;
    Publish m_publish;
    RateTracker m_rates;
    // Committed-offset advances per partition (summed over groups), over 10 s: see partitionConsumeRates.
    RateTracker m_consumeRates {1000, 10};
    // The last committed offset seen per group and partition: the next commit's advance is measured from it.
    QHash<QString, QHash<TopicPartition, qint64>> m_lastCommitted;
    QList<quint64> m_publishedConnections; // wire connections in the last snapshot, to publish when they change
    ClientActivity m_clients;
    int m_exchangeSubscription = 0; // on the listener's KafkaApis, when there is a listener
    TimerId m_exchangeTimer = 0; // a coalesced publish of exchanges is due
    qint64 m_lastEnrichedMs = 0;
    // The groups' rebalance history as the coordinator's descriptions show it, snapshot after snapshot.
    GenerationHistory m_history {GroupGeneration::Coordinator};
    bool m_resetting = false; // an offset reset moves offsets without anyone consuming
    int m_subscription = 0;
    quint64 m_tickTimer = 0;
    bool m_ratesWereActive = false;
    QHash<quint64, std::shared_ptr<Job>> m_jobs;
};

} // namespace topicscope::engine
