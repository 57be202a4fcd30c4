#pragma once

// Internals of ScenarioRunner shared by scenariorunner.cpp (public API, expectations, dumps) and
// scenariorunnerprivate.cpp (playing the scenario). Not part of the engine's interface.

#include "scenariorunner.h"

#include "broker/broker.h"
#include "client/consumer.h"
#include "client/producer.h"
#include "core/clock.h"
#include "sim/scenarioscheduler.h"

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
// "2nd", "3rd", "4th", ...: how often a record has been processed (2 or more)
QString scenarioOrdinal(int times);

struct ScenarioProducedRecord {
    QString producer;
    TopicPartition topicPartition;
    qint64 offset = -1;
    ScenarioKey key;
    qint64 timeMs = 0; // when the log acknowledged it
    QString decision; // the partitioner's explanation
};

// A poll that returned records: which offsets of which partition a consumer received, under which generation.
struct ScenarioPoll {
    qint64 timeMs = 0;
    QString consumer;
    int generation = -1;
    QMap<TopicPartition, std::pair<qint64, qint64>> ranges; // first .. last offset
};

// A move of a partition's logStartOffset, with its cause (the timeline's text does not name it).
struct ScenarioDeletion {
    qint64 timeMs = 0;
    TopicPartition topicPartition;
    qint64 newLogStartOffset = 0;
    DeletionCause cause = DeletionCause::DeleteRecords;
};

// Running totals of the timeline's record events, so that live snapshots need not count the whole timeline.
struct ScenarioCounts {
    int produced = 0;
    int processed = 0;
    int duplicates = 0;
    int lost = 0;
    int deserializationFailures = 0;
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
    // Specs are kept by value: clients added while running append to the scenario's lists, which would leave
    // pointers into them dangling.
    struct ProducerState {
        ScenarioProducer spec;
        bool removed = false; // removeProducer(): scheduled sends and its rate stop
        std::unique_ptr<Producer> producer;
        qint64 sent = 0; // {n} of the value template
        qint64 answered = 0; // sends whose outcome (appended or failed) the timeline holds
        bool rateRunning = false;
        qint64 rateStartMs = 0;
        qint64 rateCount = 0;
    };
    struct PendingRecord {
        ConsumerRecord record;
        qint64 doneAtMs = 0;
    };
    struct ConsumerState {
        ScenarioConsumer spec;
        std::unique_ptr<Consumer> consumer;
        bool running = false;
        bool stopping = false; // inside close(): revocations end ownership as "stopped"
        QList<PendingRecord> pending; // polled, not yet processed
        QMap<TopicPartition, qint64> startOffsets; // since the last start
        // Next offset to poll, read from the consumer right after each poll() (asking it at any other moment could
        // resolve a position earlier than the application would, and change the run).
        QMap<TopicPartition, qint64> positions;
        QMap<TopicPartition, int> openOwnership; // index into ownership of the intervals still open
    };

    explicit Private(Scenario s)
        : scenario(std::move(s))
        , clock(ScenarioStartMs)
        , scheduler(clock, ScenarioStartMs)
    {
        scheduler.setTickMs(scenario.settings.tickMs);
        ScenarioScheduler::Hooks hooks;
        hooks.nextCompletionMs = [this] { return nextCompletionMs(); };
        hooks.runCompletions = [this] {
            for (auto &[id, c] : consumers) {
                Q_UNUSED(id);
                completeProcessing(c, false);
            }
        };
        hooks.runTick = [this] {
            pollConsumers();
            trimTimeline();
            forgetDeletedRecords();
        };
        hooks.afterTimers = [this] { checkPollTimeouts(); };
        scheduler.setHooks(std::move(hooks));
    }
    ~Private()
    {
        // Clients and the coordinator may publish while they are torn down; the recording members are gone by
        // then, so stop listening and tear the world down first, clients before the broker.
        if (subscription)
            broker->events().unsubscribe(subscription);
        consumers.clear();
        producers.clear();
        broker.reset();
    }

    Scenario scenario;
    ManualClock clock;
    ScenarioScheduler scheduler;
    std::unique_ptr<Broker> broker; // the same Broker class as the live engine's, on virtual time
    LogManager *log = nullptr; // the broker's
    GroupCoordinator *coordinator = nullptr; // the broker's
    int nextMemberId = 0;
    int subscription = 0;
    std::map<QString, ProducerState> producers;
    std::map<QString, ConsumerState> consumers;
    bool started = false;
    bool finished = false;
    bool ended = false; // finish() ran once: results hold the checks, even after continueAfterEnd()
    bool pauseShown = false;
    int filePausesLeft = 0; // pause steps of the file not yet run: an open-ended runToNextPause() needs one ahead

    // The latest pause step: the flow view shows its question until virtual time moves past it.
    struct ShownPause {
        qint64 timeMs = -1;
        LocalizedText question;
        LocalizedText answer;
    };
    ShownPause lastPause;
    LocalizedText lastCaption;
    QString language = LocalizedText::English; // of the flow view's texts; the timeline stays English
    // Told of each event as it is recorded, mid-instant (ScenarioRunner::setEventObserver); observing is true
    // meanwhile, so that a snapshot taken then hides records whose append is not recorded yet.
    std::function<void(const ScenarioEvent &)> eventObserver;
    bool observing = false;
    int movementCursor = 0; // timeline index up to which flowSnapshot() reported movements
    quint64 snapshotSequence = 0;

    QList<ScenarioEvent> timeline;
    QList<ScenarioRebalance> rebalances;
    QList<ScenarioProducedRecord> producedRecords;
    QHash<ScenarioRecordId, int> producedIndex; // (group "", tp, offset) -> index into producedRecords
    QList<ScenarioPoll> polls;
    QList<ScenarioDeletion> deletions;
    QList<ScenarioOwnership> ownership;
    ScenarioCounts totals;
    QHash<QString, ScenarioCounts> countsByGroup; // by ScenarioEvent::group
    // An open-ended run (the sandbox) keeps the newest MaxOpenEndedEvents events of its timeline; the counters above
    // stay exact. timelineTrimmed events were dropped from the front.
    static constexpr qsizetype MaxOpenEndedEvents = 200'000;
    qsizetype timelineTrimmed = 0;
    QHash<QString, ScenarioCounts> countsByClient;
    QHash<ScenarioRecordId, int> processedCount;
    QList<std::pair<ScenarioRecordId, QString>> dropped; // polled but never processed (crash), with the consumer
    QMap<QString, QString> rebalanceCause; // group -> why it entered PreparingRebalance
    QList<ScenarioExpectationResult> results;

    qint64 now() const { return scheduler.now(); }

    void record(ScenarioEvent e)
    {
        e.timeMs = now();
        qCDebug(lcScenarioRunner).noquote() << scenarioTime(e.timeMs) << ScenarioEvent::kindName(e.kind) << e.text;
        count(e);
        timeline << e;
        if (eventObserver && !observing) {
            observing = true;
            eventObserver(timeline.constLast());
            observing = false;
        }
    }

    void note(ScenarioEvent::Kind kind, const QString &client, const QString &text)
    {
        ScenarioEvent e;
        e.kind = kind;
        e.client = client;
        e.text = text;
        record(e);
    }

    void schedule(qint64 atMs, std::function<void()> fn) { scheduler.schedule(atMs, std::move(fn)); }

    QString groupKey(const ConsumerState &c) const
    {
        // Consumers without a group count duplicates on their own.
        return c.spec.group ? *c.spec.group : QStringLiteral("(no group: %1)").arg(c.spec.id);
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

    void count(const ScenarioEvent &e)
    {
        int ScenarioCounts::*field = nullptr;
        switch (e.kind) {
        case ScenarioEvent::Kind::Produced:
            field = &ScenarioCounts::produced;
            break;
        case ScenarioEvent::Kind::Processed:
            field = &ScenarioCounts::processed;
            break;
        case ScenarioEvent::Kind::Duplicate:
            field = &ScenarioCounts::duplicates;
            break;
        case ScenarioEvent::Kind::Lost:
            field = &ScenarioCounts::lost;
            break;
        case ScenarioEvent::Kind::DeserializationFailed:
            field = &ScenarioCounts::deserializationFailures;
            break;
        default:
            return;
        }
        ++(totals.*field);
        ++(countsByClient[e.client].*field);
        if (!e.group.isEmpty())
            ++(countsByGroup[e.group].*field);
    }

    // Counts of the record events (see ScenarioCounts) of a group and/or a client; "" = any.
    int countOf(int ScenarioCounts::*field, const QString &group, const QString &client) const
    {
        if (group.isEmpty())
            return client.isEmpty() ? totals.*field : countsByClient.value(client).*field;
        if (client.isEmpty())
            return countsByGroup.value(group).*field;
        // A consumer's record events all carry its group.
        const auto it = consumers.find(client);
        return it != consumers.end() && groupKey(it->second) == group ? countsByClient.value(client).*field : 0;
    }

    // A deleted record can never be processed again, so an open-ended run forgets who processed it, in one pass
    // every ForgetIntervalMs of virtual time (a pass per deletion would cost a scan per deleted batch). A file
    // run keeps everything for its final checks.
    static constexpr qint64 ForgetIntervalMs = 10'000;
    QMap<TopicPartition, qint64> forgetBelow; // new logStartOffsets not applied yet
    qint64 lastForgetMs = 0;
    void forgetDeletedRecords()
    {
        if (forgetBelow.isEmpty() || now() - lastForgetMs < ForgetIntervalMs)
            return;
        lastForgetMs = now();
        processedCount.removeIf([this](const QHash<ScenarioRecordId, int>::iterator &it) {
            const auto below = forgetBelow.constFind(it.key().topicPartition);
            return below != forgetBelow.cend() && it.key().offset < below.value();
        });
        forgetBelow.clear();
    }

    void trimTimeline()
    {
        if (!scheduler.isOpenEnded() || timeline.size() <= MaxOpenEndedEvents)
            return;
        const qsizetype drop = timeline.size() - MaxOpenEndedEvents / 2;
        timeline.remove(0, drop);
        timeline.squeeze();
        timelineTrimmed += drop;
        movementCursor = int(std::max<qsizetype>(0, movementCursor - drop));
    }

    // A repeat is recorded as Processed followed by a Duplicate of the same record: true for such a Processed
    // event at timeline index i, which the Duplicate then stands for.
    bool isFollowedByItsDuplicate(qsizetype i) const
    {
        if (i + 1 >= timeline.size())
            return false;
        const ScenarioEvent &e = timeline.at(i);
        const ScenarioEvent &next = timeline.at(i + 1);
        return e.kind == ScenarioEvent::Kind::Processed && next.kind == ScenarioEvent::Kind::Duplicate
            && e.client == next.client && e.topicPartition == next.topicPartition && e.offset == next.offset;
    }

    bool start(QString *error);
    ProducerState &addProducerState(const ScenarioProducer &spec, quint64 seed);
    // Ownership intervals (see ScenarioOwnership).
    void openOwnership(ConsumerState &c, const QList<TopicPartition> &partitions);
    void closeOwnership(ConsumerState &c, const QList<TopicPartition> &partitions, const QString &reason);
    void closeAllOwnership(ConsumerState &c, const QString &reason);
    // A stalled consumer that passed max.poll.interval.ms has left its group: its partitions are no longer its.
    void checkPollTimeouts();
    void refreshPositions(ConsumerState &c);
    // The earliest time a consumer finishes processing what it polled; -1 when none is due.
    qint64 nextCompletionMs() const;
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
    // stopAtPause: return right after a pause step ran, leaving the rest of that instant to the next call.
    bool advance(bool stopAtPause = false);
    bool advanceTo(qint64 ms);

    // Live control (scenariorunnerlive.cpp).
    bool validateStep(const ScenarioStep &step, QString *error) const;
    bool validateConsumerSpec(const ScenarioConsumer &spec, QString *error) const;
    bool validateProducerSpec(const ScenarioProducer &spec, QString *error) const;
    bool isClientIdTaken(const QString &id) const;

    // Flow view (scenarioflow.cpp).
    FlowSnapshot flowSnapshot();
    RecordJourney journey(const TopicPartition &tp, qint64 offset) const;
};

} // namespace topicscope::engine
