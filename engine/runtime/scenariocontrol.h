#pragma once

#include "runtime/scenarioplayer.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace topicscope::engine {

// The flow view's door to the ScenarioPlayer on the engine's worker thread: part of EngineFacade (which creates
// it), so the UI still reaches the engine through one facade. Commands go in as queued functors; snapshots,
// state and query results come back as queued signals carrying values. Never blocks. Lives on the GUI thread.
class ScenarioControl : public QObject {
    Q_OBJECT
public:
    // player lives on the worker thread; it must outlive every queued call (EngineFacade deletes it when the
    // worker thread finishes).
    explicit ScenarioControl(ScenarioPlayer *player, QObject *parent = nullptr);

    // (resource path, title in language) of every built-in scenario, in file order; a title without that language
    // is English. Reads the embedded files; any thread.
    static QList<std::pair<QString, QString>> builtInScenarios(const QString &language = QStringLiteral("en"));

    void loadFile(const QString &path);
    void loadSandbox();
    void restart();
    void play();
    void pause();
    void stepEvent();
    void setSpeed(double speed);
    void advanceBy(qint64 ms);
    // "en" (the default) or "ko": titles, descriptions, captions, questions, answers and the assignor comparison's
    // note; English for a text that lacks the language. A new state and snapshot follow.
    void setLanguage(const QString &language);

    void perform(const ScenarioStep &step);
    void addProducer(const ScenarioProducer &producer);
    void removeProducer(const QString &id);
    void addConsumer(const ScenarioConsumer &consumer);

    // Results arrive as journeyReady / historyReady / comparisonReady with the returned request id.
    quint64 requestJourney(const TopicPartition &topicPartition, qint64 offset);
    quint64 requestHistory(int rebalanceIndex);
    quint64 requestComparison();

Q_SIGNALS:
    void snapshotUpdated(const topicscope::engine::FlowSnapshot &snapshot);
    void stateChanged(const topicscope::engine::ScenarioPlayerState &state);
    void journeyReady(quint64 requestId, const topicscope::engine::RecordJourney &journey);
    // found = false when that generation's picture was not kept.
    void historyReady(
        quint64 requestId, int rebalanceIndex, bool found, const topicscope::engine::FlowSnapshot &snapshot);
    void comparisonReady(quint64 requestId, const topicscope::engine::AssignorComparison &comparison);

private:
    void onPlayer(std::function<void(ScenarioPlayer &)> fn);
    template <typename Result>
    void query(std::function<Result(ScenarioPlayer &)> fn, std::function<void(const Result &)> deliver);

    ScenarioPlayer *m_player;
    quint64 m_nextRequestId = 1;
};

} // namespace topicscope::engine
