#pragma once

#include "runtime/liveflow.h"
#include "runtime/scenarioplayer.h"
#include "runtime/workerchannel.h"
#include "scenarioclient.h"

#include <QObject>
#include <QThreadPool>
#include <functional>

namespace topicscope::engine {

// The flow view's door to the ScenarioPlayer on the engine's worker thread (the embedded ScenarioClient): part of
// EngineFacade (which creates it), so the UI still reaches the engine through one facade. Commands go in through a
// WorkerChannel; snapshots, state and query results come back as queued signals carrying values. Never blocks.
// Lives on the GUI thread.
class ScenarioControl : public ScenarioClient {
    Q_OBJECT
public:
    // mailbox lives on the worker thread and outlives it (see WorkerChannel); player() runs there and gives the
    // player, created on first use; live() gives the live broker's flow (nullptr while the engine has not started).
    ScenarioControl(QObject *mailbox, std::function<ScenarioPlayer *()> player, std::function<LiveFlow *()> live,
        QObject *parent = nullptr);
    // Waits for a comparison still running.
    ~ScenarioControl() override;

    // Every built-in scenario; reads the embedded files (any thread).
    static QList<std::pair<QString, QString>> builtIns(const QString &language = QStringLiteral("en"));
    QList<std::pair<QString, QString>> builtInScenarios(const QString &language) const override;

    void loadFile(const QString &path) override;
    void loadSandbox() override;
    void loadLive() override;
    void restart() override;
    void play() override;
    void pause() override;
    void stepEvent() override;
    void setSpeed(double speed) override;
    void advanceBy(qint64 ms) override;
    void setLanguage(const QString &language) override;

    void perform(const ScenarioStep &step) override;
    void addProducer(const ScenarioProducer &producer) override;
    void removeProducer(const QString &id) override;
    void addConsumer(const ScenarioConsumer &consumer) override;

    quint64 requestJourney(const TopicPartition &topicPartition, qint64 offset) override;
    quint64 requestHistory(int rebalanceIndex) override;
    quint64 requestComparison() override;

private:
    // Leaves the live broker's flow for a scenario world.
    void leaveLive();
    // While the live broker is shown: tells it that what is a scenario-only command, and returns true.
    bool refuseLive(const QString &what);

    WorkerChannel<ScenarioPlayer> m_player;
    WorkerChannel<LiveFlow> m_live;
    // What the view shows: the live broker or the player's world. Values from the other one still in flight are
    // dropped on arrival.
    LiveFlow::Sinks m_liveSinks;
    bool m_showingLive = false;
    quint64 m_liveLoads = 0;
    // Comparing assignors plays the scenario four times over: a job for this pool's one thread, never for the worker
    // thread, which serves the real wire clients.
    QThreadPool m_comparisons;
    quint64 m_nextRequestId = 1;
};

} // namespace topicscope::engine
