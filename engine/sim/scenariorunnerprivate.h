#pragma once

// Internals of ScenarioRunner shared by scenariorunner.cpp (public API, expectations, dumps) and
// scenariorunnerprivate.cpp (playing the scenario). Not part of the engine's interface.

#include "scenariorunner.h"

#include "client/consumer.h"
#include "client/producer.h"
#include "core/clock.h"
#include "core/events.h"
#include "group/groupcoordinator.h"
#include "log/logmanager.h"

#include <QHash>
#include <QLoggingCategory>
#include <functional>
#include <map>

Q_DECLARE_LOGGING_CATEGORY(lcScenarioRunner)

namespace topicscope::engine {

// A fixed epoch so that record timestamps, and therefore every dump, are the same on every run.
inline constexpr qint64 ScenarioStartMs = 1'700'000'000'000;

// "+12.345s"
QString scenarioTime(qint64 ms);
// "\"alice\"" or "null"
QString scenarioKeyText(const ScenarioKey &key);

struct ScenarioProducedRecord {
    QString producer;
    TopicPartition topicPartition;
    qint64 offset = -1;
    ScenarioKey key;
};

struct ScenarioRecordId {
    QString group;
    TopicPartition topicPartition;
    qint64 offset = -1;
    bool operator==(const ScenarioRecordId &) const = default;
};

inline size_t qHash(const ScenarioRecordId &r, size_t seed = 0) noexcept
{
    return qHashMulti(seed, r.group, r.topicPartition, r.offset);
}

struct ScenarioRunner::Private {
    struct ProducerState {
        const ScenarioProducer *spec = nullptr;
        std::unique_ptr<Producer> producer;
        qint64 sent = 0; // {n} of the value template
        bool rateRunning = false;
        qint64 rateStartMs = 0;
        qint64 rateCount = 0;
    };
    struct PendingRecord {
        ConsumerRecord record;
        qint64 doneAtMs = 0;
    };
    struct ConsumerState {
        const ScenarioConsumer *spec = nullptr;
        std::unique_ptr<Consumer> consumer;
        bool running = false;
        QList<PendingRecord> pending; // polled, not yet processed
        QMap<TopicPartition, qint64> startOffsets; // since the last start
    };

    explicit Private(Scenario s)
        : scenario(std::move(s))
        , clock(ScenarioStartMs)
    { }
    ~Private()
    {
        // Clients and the coordinator may publish while they are torn down; the recording members are gone by
        // then, so stop listening and tear the engine down first, consumers before the coordinator and log.
        if (subscription)
            events.unsubscribe(subscription);
        consumers.clear();
        producers.clear();
        coordinator.reset();
        log.reset();
    }

    Scenario scenario;
    ManualClock clock;
    EventBus events;
    std::unique_ptr<LogManager> log;
    std::unique_ptr<GroupCoordinator> coordinator;
    int nextMemberId = 0;
    int subscription = 0;
    std::map<QString, ProducerState> producers;
    std::map<QString, ConsumerState> consumers;
    // Due actions by (time, sequence): the sequence keeps file order among actions of the same instant.
    std::map<std::pair<qint64, quint64>, std::function<void()>> agenda;
    quint64 agendaSeq = 0;
    qint64 nextTickMs = 0;
    qint64 endMs = 0;
    bool started = false;
    bool finished = false;
    bool pauseShown = false;

    QList<ScenarioEvent> timeline;
    QList<ScenarioRebalance> rebalances;
    QList<ScenarioProducedRecord> producedRecords;
    QHash<ScenarioRecordId, int> processedCount;
    QList<std::pair<ScenarioRecordId, QString>> dropped; // polled but never processed (crash), with the consumer
    QMap<QString, QString> rebalanceCause; // group -> why it entered PreparingRebalance
    QList<ScenarioExpectationResult> results;

    qint64 now() const { return clock.nowMs() - ScenarioStartMs; }

    void record(ScenarioEvent e)
    {
        e.timeMs = now();
        qCDebug(lcScenarioRunner).noquote() << scenarioTime(e.timeMs) << ScenarioEvent::kindName(e.kind) << e.text;
        timeline << e;
    }

    void note(ScenarioEvent::Kind kind, const QString &client, const QString &text)
    {
        ScenarioEvent e;
        e.kind = kind;
        e.client = client;
        e.text = text;
        record(e);
    }

    void schedule(qint64 atMs, std::function<void()> fn)
    {
        agenda.emplace(std::pair {atMs, agendaSeq++}, std::move(fn));
    }

    QString groupKey(const ConsumerState &c) const
    {
        // Consumers without a group count duplicates on their own.
        return c.spec->group ? *c.spec->group : QStringLiteral("(no group: %1)").arg(c.spec->id);
    }

    // Member ids are "<client id>-<n>" (the generator below); the longest matching client id wins.
    QString clientOfMember(const QString &memberId) const
    {
        QString best;
        for (const auto &[id, c] : consumers) {
            Q_UNUSED(c);
            if (memberId.startsWith(id + QLatin1Char('-')) && id.size() > best.size())
                best = id;
        }
        return best.isEmpty() ? memberId : best;
    }

    bool start(QString *error);
    void onEvent(const Event &event);
    void runStep(const ScenarioStep &step);
    void produceOne(ProducerState &p, const QString &topic, std::optional<int> partition, const ScenarioKey &key,
        const std::optional<QString> &valueTemplate, int index);
    void scheduleRate(ProducerState &p);
    void startConsumer(ConsumerState &c);
    void pollConsumers();
    void completeProcessing(ConsumerState &c, bool all);
    void process(ConsumerState &c, const ConsumerRecord &r);
    void finish();
    void evaluate();
    bool advance();
};

} // namespace topicscope::engine
