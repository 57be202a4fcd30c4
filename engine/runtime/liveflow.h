#pragma once

#include "flowsnapshot.h"
#include "live/liverecordingpicture.h"
#include "scenarioplayerstate.h"
#include "wireexchange.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace topicscope::engine {

class Engine;
class LiveProjector;
class LiveRecorder;
class LiveRecordingFile;

// The flow view's "Live broker": records the embedded engine's wire clients from the moment it exists (a
// LiveRecorder on the engine's Broker, fed by the wire layer's exchanges) and, while the flow view shows it, publishes
// about ten FlowSnapshots a second when something changed, each with the requests since the previous one for the
// protocol lane. Keeps a picture at every completed rebalance for time travel (the newest ScenarioHistoryLimit), and
// saves the whole recording to a file (LiveRecordingFile) that replays without a broker.
// Lives on the engine's worker thread; created after the engine started, destroyed before it.
class LiveFlow : public QObject {
    Q_OBJECT
public:
    static constexpr int PublishIntervalMs = 100;
    // How long a save may spend on this thread, which serves the wire clients, computing journeys (each reads the log
    // and scans the timeline): a long session's file keeps fewer journeys rather than stall its clients.
    static constexpr int JourneyBudgetMs = 2000;

    struct Sinks {
        std::function<void(const FlowSnapshot &)> snapshot;
        std::function<void(const ScenarioPlayerState &)> state;
    };

    explicit LiveFlow(Engine &engine, QObject *parent = nullptr);
    ~LiveFlow() override;

    void setSinks(Sinks sinks) { m_sinks = std::move(sinks); }
    // Shown (publishing) or not; recording goes on either way. Showing publishes the state and a snapshot at once,
    // under a new load id.
    void show(quint64 loadId);
    void hide();
    bool isShown() const { return m_shown; }
    // Forgets everything recorded and starts again from now (the flow view's restart).
    void restart();
    // The error for a scenario-only command, in the next state.
    void refuse(const QString &what);
    // An error for the state (kept until the next command), e.g. a recording that could not be opened.
    void showError(const QString &error);
    // The real broker (Engine::pauseBroker/stepBroker/resumeBroker): the flow view's pause, step and play.
    void pauseBroker();
    void stepBroker();
    void resumeBroker();

    RecordJourney journey(const TopicPartition &topicPartition, qint64 offset) const;
    // The world right after rebalance rebalanceIndex of the snapshots' rebalances; nullopt when not kept.
    std::optional<FlowSnapshot> historyAt(int rebalanceIndex) const;
    // The recording as a file would hold it now; withJourneys: with the journeys of the records its pictures show
    // (within JourneyBudgetMs).
    LiveRecordingFile recording(bool withJourneys);
    // The report of what a save would write now (LiveRecordingFile::report): a loaded file gives the same text.
    QString report();
    // Writes recording(true) to path atomically.
    bool saveRecording(const QString &path, QString *error);
    ScenarioPlayerState state() const;
    FlowSnapshot snapshot();
    const LiveRecorder &recorder() const { return *m_recorder; }

private:
    void startRecording();
    void onExchange(const WireExchange &exchange);
    void onTick();
    void captureHistory();
    // A snapshot to keep (history, a file): the movements it took are owed to the next published snapshot.
    FlowSnapshot takePicture();
    void publish();
    void publishState();

    Engine &m_engine;
    std::unique_ptr<LiveRecorder> m_recorder;
    std::unique_ptr<LiveProjector> m_projector;
    int m_exchangeSubscription = 0;
    int m_eventSubscription = 0;
    QTimer *m_timer = nullptr;
    Sinks m_sinks;
    bool m_shown = false;
    quint64 m_loadId = 0;
    QString m_error;
    std::optional<WireExchange> m_stepped; // what the last step released
    QList<WireExchange> m_exchanges; // since the last snapshot
    int m_exchangesDropped = 0;
    bool m_exchangesChanged = false;
    qint64 m_startedAtMs = 0; // wall clock, when the recording started
    QList<LiveRecordingPicture> m_history; // index + m_historyBase = rebalance number
    qint64 m_historyBase = 0; // rebalances whose picture was dropped (older than the newest ScenarioHistoryLimit)
    QList<FlowMovement> m_pendingMovements; // taken by a history capture, owed to the next snapshot
};

} // namespace topicscope::engine
