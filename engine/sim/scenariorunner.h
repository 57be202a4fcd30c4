#pragma once

#include "core/topicpartition.h"
#include "sim/scenario.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace topicscope::engine {

// One thing that happened during a run, in virtual time from the start of the scenario.
struct ScenarioEvent {
    enum class Kind {
        Caption,
        Pause, // a question for the audience
        Action, // a step ran (start/stop/crash consumer, add partitions, ...)
        ActionFailed,
        Produced, // with the partitioner's decision
        ProduceFailed, // a serializer refused, unknown topic, ...
        Polled, // a poll that returned records
        Processed,
        Duplicate, // processed a second time by the group
        Lost, // committed before processing, never processed
        DeserializationFailed,
        Committed,
        GroupState,
        Rebalance,
        RecordsDeleted,
        PartitionsAdded,
    };
    qint64 timeMs = 0;
    Kind kind = Kind::Caption;
    QString client; // producer or consumer id
    QString group;
    TopicPartition topicPartition;
    qint64 offset = -1;
    int generation = -1;
    QString text; // one readable line

    static QString kindName(Kind kind);
};

// A completed rebalance of a group, with consumer ids instead of member ids.
struct ScenarioRebalance {
    qint64 timeMs = 0;
    QString group;
    int generation = 0;
    QString cause; // the reason the group entered PreparingRebalance (join, leave, session timeout, ...)
    QString assignor;
    qint64 durationMs = 0;
    QMap<QString, QStringList> assignment; // consumer id -> sorted "topic-partition"
    QStringList partitionsMoved;
};

struct ScenarioExpectationResult {
    QString path;
    QString description;
    bool passed = false;
    QString actual;
};

// Plays a Scenario on virtual time: a ManualClock drives real in-app Producers and Consumers against an
// in-memory LogManager and a GroupCoordinator, exactly the code paths wire clients use. It records a timeline
// (records with their partition decisions, polls, processing, commits, rebalances, duplicates, losses,
// deserialization failures), checks the scenario's expectations at the end and dumps the final state as text.
// Each consumer polls every settings.tickMs; a polled batch takes processingMs per record before the next
// poll. Deterministic: the same scenario gives the same timeline. Lives on the thread that calls it (a test,
// the command line, or the engine thread for the flow view).
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
