#pragma once

#include "flowsnapshot.h"
#include "scenarioplayerstate.h"
#include "scenariospec.h"
#include "topicpartition.h"

#include <QList>
#include <QObject>
#include <QString>
#include <utility>

namespace topicscope::engine {

// The flow view's door to a scenario world, as ClusterClient is the explorer's door to a cluster: commands in,
// values out, never a blocking call. The embedded engine implements it (runtime/ScenarioControl, which plays a
// scenario on the engine's worker thread). Query results carry the request id their call returned, so a view can
// drop answers it no longer wants. Lives on the GUI thread.
class ScenarioClient : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ScenarioClient() override = default;

    // (resource path, title in language) of every built-in scenario, in file order; a title without that language
    // is English.
    virtual QList<std::pair<QString, QString>> builtInScenarios(const QString &language) const = 0;

    virtual void loadFile(const QString &path) = 0;
    virtual void loadSandbox() = 0;
    // The embedded broker's own wire clients (kafka-python, kcat, apps on the listener) as a flow: recorded since the
    // engine started. Play/pause/step then act on the broker itself, restart starts a fresh recording; actions,
    // speed and the assignor comparison are for scenarios and answer with an error in the state.
    virtual void loadLive() = 0;
    // A saved live session (a file saveRecording wrote; docs/engine.md, "Live recordings") played back without a
    // broker: its final picture first; step and play walk the pictures kept at each rebalance in order, then the final
    // one again; time travel and journeys answer from the file. A file that cannot be read leaves the view as it was,
    // with the problem in the state's error.
    virtual void loadRecording(const QString &path) = 0;
    // Writes the live broker's recording (whatever the view shows) to path; recordingSaved tells how it went.
    virtual void saveRecording(const QString &path) = 0;
    virtual void restart() = 0;
    virtual void play() = 0;
    virtual void pause() = 0;
    virtual void stepEvent() = 0;
    virtual void setSpeed(double speed) = 0;
    virtual void advanceBy(qint64 ms) = 0;
    // "en" (the default) or "ko": titles, descriptions, captions, questions, answers and the assignor comparison's
    // note; English for a text that lacks the language. A new state and snapshot follow.
    virtual void setLanguage(const QString &language) = 0;

    virtual void perform(const ScenarioStep &step) = 0;
    virtual void addProducer(const ScenarioProducer &producer) = 0;
    virtual void removeProducer(const QString &id) = 0;
    virtual void addConsumer(const ScenarioConsumer &consumer) = 0;

    // Results arrive as journeyReady / historyReady / comparisonReady with the returned request id.
    virtual quint64 requestJourney(const TopicPartition &topicPartition, qint64 offset) = 0;
    virtual quint64 requestHistory(int rebalanceIndex) = 0;
    virtual quint64 requestComparison() = 0;

Q_SIGNALS:
    void snapshotUpdated(const topicscope::engine::FlowSnapshot &snapshot);
    void stateChanged(const topicscope::engine::ScenarioPlayerState &state);
    void journeyReady(quint64 requestId, const topicscope::engine::RecordJourney &journey);
    // found = false when that generation's picture was not kept.
    void historyReady(
        quint64 requestId, int rebalanceIndex, bool found, const topicscope::engine::FlowSnapshot &snapshot);
    void comparisonReady(quint64 requestId, const topicscope::engine::AssignorComparison &comparison);
    // error is "" when path was written.
    void recordingSaved(const QString &path, const QString &error);
};

} // namespace topicscope::engine
