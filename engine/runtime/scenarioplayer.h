#pragma once

#include "flowsnapshot.h"
#include "scenarioplayerstate.h"
#include "sim/scenario.h"
#include "sim/scenariorunner.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <functional>
#include <memory>

class QTimer;

namespace topicscope::engine {

// Plays one ScenarioRunner in real time for the flow view: a timer turns elapsed real time × speed into
// virtual time, runs everything due, and publishes one FlowSnapshot per tick (about 30 per second, never one
// per record). Pause steps stop the playback; single step runs to the next recorded event. A snapshot is kept
// at every completed rebalance for time travel.
// The scenario's world (its log, groups and virtual clock) is its own: pausing it never stalls the broker's
// real wire clients. Lives on the engine's worker thread; created and driven by ScenarioControl.
class ScenarioPlayer : public QObject {
    Q_OBJECT
public:
    static constexpr double MinSpeed = 0.1;
    static constexpr double MaxSpeed = 50.0;
    static constexpr int TickMs = 33;
    static constexpr int MaxHistory = ScenarioHistoryLimit;

    struct Sinks {
        std::function<void(const FlowSnapshot &)> snapshot;
        std::function<void(const ScenarioPlayerState &)> state;
    };

    explicit ScenarioPlayer(QObject *parent = nullptr);
    ~ScenarioPlayer() override;

    void setSinks(Sinks sinks);

    // Replaces the current run. openEnded: runs until replaced (the sandbox). Starts paused.
    bool load(Scenario scenario, const QString &source, bool openEnded, QString *error = nullptr);
    bool loadFile(const QString &path, QString *error = nullptr);
    void loadSandbox();
    void restart(); // the same scenario from the start

    // After the end: goes on open-ended (the checks of the end stay in the state).
    void play();
    void pause();
    // Runs to just after the next visible event (pauses playback first): one record produced, one poll that
    // returned records, one record processed, one commit, one group state change or completed rebalance, one
    // caption, action or pause. A wait in which nothing visible happens is stepped over in one call. After the end
    // the run continues open-ended. False when nothing was left to run.
    bool stepEvent();
    void setSpeed(double speed);
    // The language of titles, descriptions, captions, questions and answers ("en", "ko"; English for a text that
    // lacks it). Republishes the state and the snapshot at once.
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    // Advances virtual time by ms at once (tests, and the "skip" button), stopping at a pause step.
    void advanceBy(qint64 ms);

    // Live actions (see ScenarioRunner::perform); the result is in the next state's error. After the end they act on
    // the finished world, which goes on open-ended.
    bool perform(const ScenarioStep &step, QString *error = nullptr);
    bool addProducer(const ScenarioProducer &producer, QString *error = nullptr);
    bool removeProducer(const QString &id, QString *error = nullptr);
    // Adds the consumer and starts it at once.
    bool addConsumer(const ScenarioConsumer &consumer, QString *error = nullptr);

    RecordJourney journey(const TopicPartition &topicPartition, qint64 offset) const;
    // The world as it was right after the rebalance of that index in FlowSnapshot::rebalances; nullopt when not
    // kept (more than MaxHistory rebalances, or an unknown index).
    std::optional<FlowSnapshot> historyAt(int rebalanceIndex) const;
    // Plays the current scenario's file once per assignor (not the live run, which the user may have changed).
    AssignorComparison compareAssignors() const;
    // What compareAssignors() works from, as values, so that the comparison can run away from this thread
    // (ScenarioControl runs it on a thread of its own). nullopt when no scenario is loaded.
    std::optional<std::pair<Scenario, QString>> comparisonInput() const;
    // Plays input once per assignor; an error when there is none. Pure: runs on any thread.
    static AssignorComparison compare(const std::optional<std::pair<Scenario, QString>> &input);

    ScenarioPlayerState state() const;
    const ScenarioRunner *runner() const { return m_runner.get(); }

private:
    void onTick();
    // Runs everything due up to virtual time target, keeping a snapshot at each completed rebalance. Returns
    // true when a pause step stopped it.
    bool runUntil(qint64 target);
    void captureHistory();
    void publish();
    void publishState();
    void setPlaying(bool playing);
    // A finished run goes on open-ended; false when there is no run.
    bool continueIfFinished();
    // Runs one due instant of the stepping (see stepEvent); true when a pause stopped it.
    bool stepInstant();
    // Runs a live action on the runner, records its error for the state, and publishes.
    bool runAction(const std::function<bool(ScenarioRunner &, QString *)> &action, QString *error);

    std::unique_ptr<ScenarioRunner> m_runner;
    Scenario m_scenario; // as loaded, for restart and comparison
    QString m_source;
    bool m_openEnded = false;
    quint64 m_loadId = 0; // ScenarioPlayerState::loadId
    QString m_language = QStringLiteral("en");
    bool m_playing = false;
    double m_speed = 1.0;
    double m_virtualCarry = 0; // fractional virtual ms not yet run
    QString m_error;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_sinceTick;
    Sinks m_sinks;
    int m_rebalancesSeen = 0;
    QList<FlowSnapshot> m_history; // index = rebalance index
    QList<LocalizedText> m_historyCaptions; // the caption of each picture, shown in the language of the moment
    QList<FlowMovement> m_pendingMovements; // taken by a history capture, still owed to the live view
    // Single step: the world after each visible event of the instant the runner last ran, not shown yet. The
    // runner is at the end of that instant; play, an action or a load drops what is left and shows the live world.
    QList<FlowSnapshot> m_stepQueue;
};

} // namespace topicscope::engine
