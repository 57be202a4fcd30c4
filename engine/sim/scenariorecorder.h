#pragma once

#include "core/events.h"
#include "sim/scenariorecording.h"

#include <QHash>
#include <QMap>
#include <QString>
#include <functional>

namespace topicscope::engine {

class Broker;

// Records what happens in a Broker's world as a timeline, with running counters, rebalances, deletions and the
// ownership intervals of consumers (ScenarioRecording). Two inputs:
// - the broker's event stream (group state changes, rebalances, commits, deletions, new partitions, appends) and the
//   broker's state (committed offsets, for losses): this part works on any Broker, the live engine's included;
// - explicit calls for what only the clients know: a record produced with its partitioner's decision, a poll, a
//   record processed, a crash dropping polled records, a partition assigned or revoked. Plain values only: the
//   recorder knows no client object.
// Each event is told to the event observer the moment it is recorded (the flow view's single step).
// Lives on the broker's thread.
class ScenarioRecorder {
public:
    // originMs: the broker clock's time at virtual 0 ms.
    explicit ScenarioRecorder(qint64 originMs);
    ~ScenarioRecorder();
    ScenarioRecorder(const ScenarioRecorder &) = delete;
    ScenarioRecorder &operator=(const ScenarioRecorder &) = delete;

    // Starts observing broker's events (at most one broker at a time); detach() stops. The broker must outlive the
    // attachment.
    void attach(Broker &broker);
    void detach();
    // Member id -> the client id shown in lines (the broker only knows member ids); default: the member id.
    void setMemberNames(std::function<QString(const QString &memberId)> names);
    // An open-ended run keeps its memory bounded: compact() trims the timeline and forgets who processed deleted
    // records. Off by default (a file run keeps everything for its final checks).
    void setBounded(bool bounded) { m_bounded = bounded; }
    // Called with each event right after it is recorded; meanwhile isObserving() is true. Empty: none.
    void setEventObserver(std::function<void(const ScenarioEvent &)> observer) { m_observer = std::move(observer); }
    bool isObserving() const { return m_observing; }

    // The client id of a member id, as lines show it (setMemberNames).
    QString clientOfMember(const QString &memberId) const;
    // Virtual ms since the start on the broker's clock (0 before attach()).
    qint64 now() const;
    const ScenarioRecording &recording() const { return m_data; }

    // --- What the clients tell ---
    void record(ScenarioEvent e); // timeMs is set here
    void note(ScenarioEvent::Kind kind, const QString &client, const QString &text);
    // A send's outcome (Produced or ProduceFailed); a Produced one is kept with its key and the partitioner's words.
    void recordProduced(const ScenarioEvent &e, const ScenarioKey &key, const QString &decision);
    void recordPoll(const ScenarioPoll &poll, int records);
    // A consumer finished a record (client, group, topicPartition, offset, generation and text set). groupKey names
    // the group that counts repeats ("(no group: c1)" for a consumer without one): a repeat adds a Duplicate.
    void recordProcessed(const ScenarioEvent &e, const QString &groupKey);
    // A consumer of a group crashed with this record polled and not processed; recordLosses() judges it at the end.
    void recordDropped(const ScenarioRecordId &record, const QString &consumer);
    // Lost events for dropped records that nobody processed although their group committed past them.
    void recordLosses();
    // Ownership intervals (ScenarioOwnership): opens one per partition not already open; closes the open ones among
    // partitions (all: every open one) and returns them.
    void openOwnership(
        const QString &group, const QString &consumer, int generation, const QList<TopicPartition> &partitions);
    QList<TopicPartition> closeOwnership(
        const QString &consumer, const QList<TopicPartition> &partitions, const QString &reason);
    QList<TopicPartition> closeAllOwnership(const QString &consumer, const QString &reason);

    // Bounded mode's housekeeping (see setBounded), at most once per poll tick.
    void compact();
    // Keeps the newest `keep` (>= 1) rebalances and drops the older ones, with the ownership intervals that ended
    // before the oldest kept rebalance began (so the bars and gaps from that rebalance on stay as they were); both
    // counted in the recording. For a live recording that runs for hours; scenarios keep everything.
    void dropOldRebalances(qsizetype keep);

private:
    void onEvent(const Event &event);
    void count(const ScenarioEvent &e);

    qint64 m_originMs = 0;
    Broker *m_broker = nullptr;
    int m_subscription = 0;
    std::function<QString(const QString &)> m_memberNames;
    std::function<void(const ScenarioEvent &)> m_observer;
    bool m_observing = false;
    bool m_bounded = false;
    ScenarioRecording m_data;
    QMap<QString, QString> m_rebalanceCause; // group -> why it entered PreparingRebalance
    QHash<ScenarioRecordId, int> m_processedCount; // by group key
    QList<std::pair<ScenarioRecordId, QString>> m_dropped; // polled but never processed (crash), with the consumer
    QHash<QString, QMap<TopicPartition, int>> m_openOwnership; // consumer -> index into ownership of open intervals
    // A deleted record can never be processed again, so a bounded recorder forgets who processed it, in one pass
    // every ForgetIntervalMs of virtual time (a pass per deletion would cost a scan per deleted batch).
    static constexpr qint64 ForgetIntervalMs = 10'000;
    QMap<TopicPartition, qint64> m_forgetBelow; // new logStartOffsets not applied yet
    qint64 m_lastForgetMs = 0;
};

} // namespace topicscope::engine
