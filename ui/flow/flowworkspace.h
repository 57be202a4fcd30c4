#pragma once

#include "flowsnapshot.h"
#include "flowview.h"
#include "scenarioclient.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace topicscope::engine {
class ScenarioClient;
}

namespace topicscope::ui {

class AssignorComparisonView;
class ElidedLabel;
class ProtocolLaneView;
class RebalanceTimeline;
class RecordingMenu;
class RecordJourneyPanel;

// The "see it move" tab: the flow view of a running workshop scenario (or the sandbox, the live broker or a replayed
// recording) with its controls — play/pause, single step, speed, restart —, the actions on producers, consumers and
// partitions, the record journey, the event log, the rebalance timeline with time travel, and the assignor
// comparison. Talks to the engine only through ScenarioControl (part of the facade). GUI thread.
class FlowWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit FlowWorkspace(engine::ScenarioClient *control, QWidget *parent = nullptr);

    void openScenario(const QString &path);
    void openSandbox();
    // The embedded broker's own wire clients (ScenarioClient::loadLive).
    void openLive();
    // A saved live session, replayed without a broker (ScenarioClient::loadRecording).
    void openRecording(const QString &path);
    // A record's journey in the live view (the message browser's "Show Journey in Flow"): opens the live view first
    // when another run is shown.
    void showLiveJourney(const engine::TopicPartition &topicPartition, qint64 offset);
    void togglePlay();
    void step();
    void setSpeed(double speed);
    // Large fonts, high contrast, only the flow view and a slim control bar (the window hides its own chrome).
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }
    void compareAssignors();
    // The Actions menu's dialogs (modal).
    void addProducer();
    void addConsumer();

    FlowView *flowView() const { return m_flow; }
    RebalanceTimeline *rebalanceTimeline() const { return m_timeline; }
    AssignorComparisonView *assignorComparison() const { return m_comparison; }
    RecordJourneyPanel *journeyPanel() const { return m_journey; }
    ProtocolLaneView *protocolLane() const { return m_lane; }
    // Save Live Recording… / Open Recording… (the window's Scenarios menu shows them).
    RecordingMenu *recordingMenu() const { return m_recordings; }
    const engine::ScenarioPlayerState &playerState() const { return m_state; }
    const engine::FlowSnapshot &liveSnapshot() const { return m_live; }
    bool isTimeTravelling() const { return m_travelIndex >= 0; }
    bool isTimelineShown() const; // the bottom tabs (rebalances, comparison)
    // T in presentation mode: the rebalance timeline comes up with the room its bars need (or goes away).
    void toggleTimeline();
    QString statusText() const; // the error or the results of a finished run, "" when none

    static const QList<double> &speeds();

Q_SIGNALS:
    void presentationModeRequested(bool on);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onSnapshot(const engine::FlowSnapshot &snapshot);
    void onState(const engine::ScenarioPlayerState &state);
    void showTime(qint64 timeMs);
    // "Broker paused: 2 answers held; next: Produce to keyed-producer (...), released by itself in 14 s".
    QString liveHeldText(const engine::ScenarioPlayerState &state) const; // "+12.3 s / 40.0 s" (no end for the sandbox)
    void onRecordClicked(const engine::TopicPartition &topicPartition, qint64 offset);
    void onGenerationSelected(const QString &group, int generation, int rebalanceIndex);
    void backToLive();
    // Before another run is loaded: what the view kept of the previous one goes.
    void forgetRun();
    void showContextMenu(const FlowView::Item &item, const QPoint &globalPos);
    void showConsumerMenu(const QString &id, const QPoint &globalPos);
    void showProducerMenu(const QString &id, const QPoint &globalPos);
    void showPartitionMenu(const engine::TopicPartition &topicPartition, qint64 offset, const QPoint &globalPos);
    void addPartitions();
    void deleteRecords();
    void resetOffsets();
    void consumerAction(engine::ScenarioAction action, const QString &id);
    void updateEvents(const engine::FlowSnapshot &snapshot);
    void clearComparison();
    void keepStatusReadable();
    void showTimelineForPresentation(bool show);
    void applyBottomPalette();
    QString unusedId(const QString &prefix) const;
    QStringList topicNames() const;
    QStringList groupNames() const;

    QPointer<engine::ScenarioClient> m_control;
    engine::ScenarioPlayerState m_state;
    engine::FlowSnapshot m_live;
    int m_travelIndex = -1; // the rebalance whose picture is shown, -1 = live
    quint64 m_journeyRequest = 0;
    quint64 m_historyRequest = 0;
    quint64 m_comparisonRequest = 0;
    int m_eventsShown = 0;
    quint64 m_comparedLoad = 0; // the load (ScenarioPlayerState::loadId) whose comparison is shown or requested
    bool m_presentation = false;
    QByteArray m_splitterState; // the flow view and timeline split from before presenting

    QWidget *m_bar = nullptr;
    ElidedLabel *m_title = nullptr;
    QToolButton *m_restart = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_step = nullptr;
    QComboBox *m_speed = nullptr;
    QLabel *m_time = nullptr;
    QToolButton *m_answer = nullptr;
    QToolButton *m_actions = nullptr;
    QToolButton *m_present = nullptr;
    QLabel *m_presentHint = nullptr; // "Esc or F5 leaves presentation", while presenting
    // The last error, or the results of a finished run: in the bar, where it shifts nothing when it appears.
    ElidedLabel *m_status = nullptr;
    QWidget *m_travelBanner = nullptr;
    QLabel *m_travelText = nullptr;
    ElidedLabel *m_worldNote = nullptr;
    QSplitter *m_vertical = nullptr;
    QTabWidget *m_side = nullptr;
    QTabWidget *m_bottom = nullptr;
    FlowView *m_flow = nullptr;
    RecordJourneyPanel *m_journey = nullptr;
    QListWidget *m_events = nullptr;
    RebalanceTimeline *m_timeline = nullptr;
    AssignorComparisonView *m_comparison = nullptr;
    ProtocolLaneView *m_lane = nullptr;
    RecordingMenu *m_recordings = nullptr;
};

} // namespace topicscope::ui
