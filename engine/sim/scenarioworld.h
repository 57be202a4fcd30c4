#pragma once

#include "broker/broker.h"
#include "client/consumer.h"
#include "client/producer.h"
#include "scenarioevent.h"
#include "sim/scenario.h"

#include <QList>
#include <QMap>
#include <QString>
#include <map>
#include <memory>

namespace topicscope::engine {

struct FlowClientFormats;
class ManualClock;
class ScenarioRecorder;
class ScenarioScheduler;
struct FlowSnapshot;

// A fixed epoch so that record timestamps, and therefore every dump, are the same on every run.
inline constexpr qint64 ScenarioStartMs = 1'700'000'000'000;

// The world a scenario plays in: the same Broker class as the live engine's, on the scenario's ManualClock, with the
// scenario's in-app Producers and Consumers and what the application around each does (a producer's rate, a
// consumer's poll loop, processing time and commit mode). It runs the scenario's actions (runStep) and the
// scheduler's work (completions, poll ticks) and tells the recorder what only the clients know. The scheduler
// decides when; the world decides what happens. Lives on the thread that plays the scenario.
class ScenarioWorld {
public:
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
    };
    // The latest pause step: the flow view shows its question until virtual time moves past it.
    struct ShownPause {
        qint64 timeMs = -1;
        LocalizedText question;
        LocalizedText answer;
    };

    ScenarioWorld(Scenario scenario, ManualClock &clock, ScenarioScheduler &scheduler, ScenarioRecorder &recorder);
    ~ScenarioWorld();
    ScenarioWorld(const ScenarioWorld &) = delete;
    ScenarioWorld &operator=(const ScenarioWorld &) = delete;

    // Opens the in-memory broker, attaches the recorder, creates the topics and the clients (producers with a rate
    // start it). False with *error on failure.
    bool open(QString *error);
    // nullptr before open() (or when it failed).
    Broker *broker() const { return m_broker.get(); }
    // The scenario as played: clients added or removed while running are in it.
    const Scenario &scenario() const { return m_scenario; }
    const std::map<QString, ProducerState> &producers() const { return m_producers; }
    const std::map<QString, ConsumerState> &consumers() const { return m_consumers; }

    // Runs a step's action now (its atMs already reached); a refused operation is recorded as ActionFailed.
    void runStep(const ScenarioStep &step);
    // Clients added while running (validated by ScenarioActionValidator first).
    void addProducer(const ScenarioProducer &spec);
    void removeProducer(const QString &id);
    void addConsumer(const ScenarioConsumer &spec);
    // The end: producers send what they hold.
    void flushProducers();

    // The scheduler's work (ScenarioScheduler::Hooks).
    qint64 nextCompletionMs() const;
    void completeDueProcessing();
    void pollConsumers();
    void checkPollTimeouts();

    // Member ids are "<client id>-<n>"; the longest matching client id wins (the member id when none).
    QString clientOfMember(const QString &memberId) const;
    LocalizedText caption() const { return m_caption; }
    const ShownPause &shownPause() const { return m_pause; }
    // What the flow snapshot shows of the scenario, after FlowProjector filled in the broker's side (whose group states
    // it reads): the title, caption and question in language, the producers and consumers, and the scenario's own
    // texts among the recent events in language (the engine's lines stay English, as in the report).
    void describe(FlowSnapshot &snapshot, const QString &language, bool observing) const;
    // How the world's clients serialize and deserialize, for record journeys.
    FlowClientFormats clientFormats() const;

private:
    qint64 now() const;
    ProducerState &createProducer(const ScenarioProducer &spec, quint64 seed);
    void startRate(ProducerState &p);
    void produceOne(ProducerState &p, const QString &topic, std::optional<int> partition, const ScenarioKey &key,
        const std::optional<QString> &valueTemplate, int index);
    void scheduleRate(ProducerState &p);
    void produceStep(const ScenarioStep &step);
    void startConsumer(ConsumerState &c);
    // The consumer if it is running; else notes the step's failure and returns nullptr.
    ConsumerState *runningConsumer(const QString &id);
    void stopConsumer(ConsumerState &c);
    void crashConsumer(ConsumerState &c);
    void deleteRecordsBefore(const ScenarioStep &step);
    void resetOffsets(const ScenarioStep &step);
    void completeProcessing(ConsumerState &c, bool all);
    void process(ConsumerState &c, const ConsumerRecord &r);
    void pollConsumer(ConsumerState &c);
    void commitSync(ConsumerState &c);
    void endOwnership(ConsumerState &c, const QList<TopicPartition> &partitions, const QString &reason);
    void endAllOwnership(ConsumerState &c, const QString &reason);
    void localize(QList<ScenarioEvent> &events, const QString &language) const;
    // Consumers without a group count duplicates on their own.
    QString groupKey(const ConsumerState &c) const;

    Scenario m_scenario;
    ManualClock &m_clock;
    ScenarioScheduler &m_scheduler;
    ScenarioRecorder &m_recorder;
    std::unique_ptr<Broker> m_broker;
    int m_nextMemberId = 0;
    std::map<QString, ProducerState> m_producers;
    std::map<QString, ConsumerState> m_consumers;
    LocalizedText m_caption;
    ShownPause m_pause;
};

} // namespace topicscope::engine
