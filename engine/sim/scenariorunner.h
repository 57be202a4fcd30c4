#pragma once

#include "flowsnapshot.h"
#include "scenarioevent.h"
#include "scenarioplayerstate.h"
#include "sim/scenario.h"
#include "topicpartition.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace topicscope::engine {

// Plays a Scenario on virtual time: the same Broker class as the live engine's, on a ManualClock, with real in-app
// Producers and Consumers, exactly the code paths wire clients use. It records a timeline (records with their
// partition decisions, polls, processing, commits, rebalances, duplicates, losses, deserialization failures), checks
// the scenario's expectations at the end and dumps the final state as text. Each consumer polls every
// settings.tickMs; a polled batch takes processingMs per record before the next poll. Deterministic: the same
// scenario gives the same timeline. A thin owner of its collaborators (scenariorunnerprivate.h): ScenarioWorld (the
// broker and the clients), ScenarioScheduler (what is due next, in which order), ScenarioRecorder (the timeline,
// observing the broker's events), FlowProjector (flow snapshots, journeys) and ScenarioEvaluator (checks, report).
// Lives on the thread that calls it (a test, the command line, or the engine thread for the flow view).
class ScenarioRunner {
public:
    explicit ScenarioRunner(Scenario scenario);
    ~ScenarioRunner();

    // Opens the in-memory log and creates the topics; false with *error on failure. Called by the first
    // step() / runToEnd() if not called before.
    bool start(QString *error = nullptr);

    // Advances virtual time to the next instant something is due (a step, a poll tick, a record finishing
    // processing, a client timer) and runs it. Returns false once the scenario has ended.
    bool step();
    // Runs until a "pause" step has been shown (true) or the scenario ended (false).
    bool runToNextPause();
    // Runs to the end ignoring pauses, then checks the expectations. Returns whether all passed.
    bool runToEnd();
    bool isFinished() const;

    const Scenario &scenario() const;
    qint64 elapsedMs() const; // virtual time since the start
    qint64 endMs() const;
    const QList<ScenarioEvent> &timeline() const;
    const QList<ScenarioRebalance> &rebalances() const;

    // Counters, per consumer group ("" = all groups).
    int produced(const QString &producer = {}) const;
    int processed(const QString &group = {}, const QString &consumer = {}) const;
    int duplicates(const QString &group = {}, const QString &consumer = {}) const;
    int lost(const QString &group = {}, const QString &consumer = {}) const;
    int deserializationFailures(const QString &group = {}, const QString &consumer = {}) const;
    // First offset the consumer received from the partition; nullopt when it got none.
    std::optional<qint64> startOffset(const QString &consumer, const TopicPartition &tp) const;

    // --- Live control, for the flow view (the player calls these on the engine thread) ---
    // Open-ended: the run does not end after its last step + settleMs (the sandbox). Off by default.
    void setOpenEnded(bool openEnded);
    bool isOpenEnded() const;
    // Virtual time of the next thing due (a step, a poll tick, a record finishing, a client timer); -1 once
    // finished.
    qint64 nextDueMs() const;
    // Runs everything due up to virtual time ms and leaves the clock at ms (or at the end). Returns true when it
    // stopped early, right after a pause step ran (the clock stays at the pause); false otherwise.
    bool advanceTo(qint64 ms);
    // Runs a step now, whatever its atMs: the actions of the flow view. Validated like a file's step (unknown
    // client, bad partition, ...): false with *error and nothing done. A refused Kafka operation (e.g. a reset
    // while the group has members) is not an error here: it is recorded as ActionFailed, as in a file.
    bool perform(const ScenarioStep &step, QString *error = nullptr);
    // Adds a client while running (ids must be new; producers start their rate at once when rate > 0, consumers
    // need a startConsumer step). removeProducer stops and flushes it; its records stay.
    bool addProducer(const ScenarioProducer &producer, QString *error = nullptr);
    bool removeProducer(const QString &id, QString *error = nullptr);
    bool addConsumer(const ScenarioConsumer &consumer, QString *error = nullptr);
    // After the end (isFinished()): the world goes on open-ended, like the sandbox, so that the audience can keep
    // acting on it. The end's expectation results are kept (expectationResults()); hasEnded() stays true. False
    // (and nothing done) when the run has not ended.
    bool continueAfterEnd();
    // The scripted end was reached and the expectations were checked, even if the run then went on.
    bool hasEnded() const;

    // The language of the flow snapshot's title, caption, question and answer ("en" by default; a text without that
    // language falls back to English). The timeline, dumps and reports stay English.
    void setLanguage(const QString &language);
    QString language() const;
    // The caption on screen now, in every language it has ("" before the first).
    LocalizedText caption() const;

    // A fresh client id with the given prefix ("producer-3", "consumer-4").
    QString unusedClientId(const QString &prefix) const;

    // Called right after each event is recorded, in the middle of the instant that records it (the flow view's
    // single step shows the world event by event). It may call flowSnapshot(), which then shows only the records
    // whose append the timeline already holds (a producer's batch is appended at once, recorded record by record).
    // Nothing it does may act on the run. Empty: none.
    void setEventObserver(std::function<void(const ScenarioEvent &)> observer);

    const QList<ScenarioOwnership> &ownership() const;
    // The world now; movements are those since the previous call (the first call: since the start, capped).
    FlowSnapshot flowSnapshot();
    RecordJourney journey(const TopicPartition &topicPartition, qint64 offset) const;
    // Plays the scenario once per assignor (range, roundrobin, sticky, cooperative-sticky), every consumer of
    // the file switched to it, to the end, and compares the rebalances.
    // The comparison's title and note are in language (English when the scenario or the note lacks it).
    static AssignorComparison compareAssignors(
        const Scenario &scenario, const QString &language = QStringLiteral("en"));

    // Available after runToEnd().
    const QList<ScenarioExpectationResult> &expectationResults() const;

    QString timelineDump() const; // one line per event
    QString stateDump() const; // topics, groups, consumers, counters
    QString expectationsDump() const;
    QString report() const; // all three

    // Loads, runs to the end and reports (for the command line: --headless --scenario FILE). Returns true when
    // the file is valid and every expectation passed; *report gets the report or the validation error.
    static bool runFile(const QString &path, QString *report);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace topicscope::engine
