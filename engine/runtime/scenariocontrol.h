#pragma once

#include "runtime/liveflow.h"
#include "runtime/recordingreplay.h"
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
// Routes each command to what the view shows: the player's scenario world, the live broker (LiveFlow, worker thread)
// or a saved recording (RecordingReplay, here: it needs no broker; its file is read on a pool thread).
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
    void loadRecording(const QString &path) override;
    void saveRecording(const QString &path) override;
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
    enum class Shown { Player, Live, Replay };

    // The view moves to next: what showed before stops (the live broker is released, a replay stops playing, a
    // scenario pauses) and a recording still being read is forgotten.
    void showNext(Shown next);
    // While the live broker or a recording is shown: tells it that what is a scenario-only command, and returns true.
    bool refuseOutsidePlayer(const QString &what);
    void emitState(const ScenarioPlayerState &state);
    // An error in the state of what the view shows.
    void showError(const QString &error);

    WorkerChannel<ScenarioPlayer> m_player;
    WorkerChannel<LiveFlow> m_live;
    std::shared_ptr<std::function<LiveFlow *()>> m_liveFlow; // resolves the live flow on the worker thread
    WorkerChannel<QObject> m_worker; // runs there even without a live flow, to say there is none
    // What the view shows. Values from the others still in flight are dropped on arrival.
    LiveFlow::Sinks m_liveSinks;
    Shown m_shown = Shown::Player;
    quint64 m_liveLoads = 0;
    RecordingReplay *m_replay = nullptr; // a child: lives on this thread
    quint64 m_replayLoads = 0;
    quint64 m_recordingReads = 0; // the newest loadRecording(); an older read that finishes later is dropped
    ScenarioPlayerState m_lastState; // the last one emitted: an error for the player's world is added to it
    // Comparing assignors plays the scenario four times over: a job for this pool's one thread, never for the worker
    // thread, which serves the real wire clients.
    QThreadPool m_comparisons;
    // Reading a recording (up to LiveRecordingFile::MaxFileBytes of JSON) is not for the GUI thread either.
    QThreadPool m_files;
    quint64 m_nextRequestId = 1;
};

} // namespace topicscope::engine
