#include "scenariocontrol.h"

#include <memory>

namespace topicscope::engine {

namespace {
// Live and replay load ids are apart from the player's (which count from 1), so a view keying state by load id never
// mixes them.
constexpr quint64 FirstLiveLoadId = quint64(1) << 62;
constexpr quint64 FirstReplayLoadId = quint64(3) << 61;
} // namespace

ScenarioControl::ScenarioControl(
    QObject *mailbox, std::function<ScenarioPlayer *()> player, std::function<LiveFlow *()> live, QObject *parent)
    : ScenarioClient(parent)
    , m_player(mailbox, this, std::move(player))
    , m_live(mailbox, this, live)
    , m_liveFlow(std::make_shared<std::function<LiveFlow *()>>(std::move(live)))
    , m_worker(mailbox, this, [mailbox] { return mailbox; })
    , m_replay(new RecordingReplay(this))
{
    qRegisterMetaType<FlowSnapshot>();
    qRegisterMetaType<ScenarioPlayerState>();
    qRegisterMetaType<RecordJourney>();
    qRegisterMetaType<AssignorComparison>();
    m_comparisons.setMaxThreadCount(1);
    m_files.setMaxThreadCount(1);
    // The sinks run on the worker thread; the values cross to this thread as queued calls.
    const auto reply = m_player.replier();
    ScenarioPlayer::Sinks sinks;
    sinks.snapshot = [this, reply](const FlowSnapshot &snapshot) {
        reply([this, snapshot] {
            if (m_shown == Shown::Player)
                Q_EMIT snapshotUpdated(snapshot);
        });
    };
    sinks.state = [this, reply](const ScenarioPlayerState &state) {
        reply([this, state] {
            if (m_shown == Shown::Player)
                emitState(state);
        });
    };
    m_player.post([sinks](ScenarioPlayer &p) { p.setSinks(sinks); });
    LiveFlow::Sinks liveSinks;
    liveSinks.snapshot = [this, reply](const FlowSnapshot &snapshot) {
        reply([this, snapshot] {
            if (m_shown == Shown::Live && snapshot.loadId == FirstLiveLoadId + m_liveLoads)
                Q_EMIT snapshotUpdated(snapshot);
        });
    };
    liveSinks.state = [this, reply](const ScenarioPlayerState &state) {
        reply([this, state] {
            if (m_shown == Shown::Live && state.loadId == FirstLiveLoadId + m_liveLoads)
                emitState(state);
        });
    };
    m_liveSinks = liveSinks;
    // The replay runs here, but its values are delivered queued like everyone else's: a command never answers from
    // inside the call.
    RecordingReplay::Sinks replaySinks;
    replaySinks.snapshot = [this, reply](const FlowSnapshot &snapshot) {
        reply([this, snapshot] {
            if (m_shown == Shown::Replay && snapshot.loadId == FirstReplayLoadId + m_replayLoads)
                Q_EMIT snapshotUpdated(snapshot);
        });
    };
    replaySinks.state = [this, reply](const ScenarioPlayerState &state) {
        reply([this, state] {
            if (m_shown == Shown::Replay && state.loadId == FirstReplayLoadId + m_replayLoads)
                emitState(state);
        });
    };
    m_replay->setSinks(replaySinks);
}

ScenarioControl::~ScenarioControl()
{
    m_comparisons.waitForDone();
    m_files.waitForDone();
}

QList<std::pair<QString, QString>> ScenarioControl::builtInScenarios(const QString &language) const
{
    return builtIns(language);
}

QList<std::pair<QString, QString>> ScenarioControl::builtIns(const QString &language)
{
    QList<std::pair<QString, QString>> list;
    for (const QString &path : Scenario::builtInFiles()) {
        QString error;
        const std::optional<Scenario> scenario = Scenario::load(path, &error);
        list.append({path, scenario ? scenario->title.text(language) : path});
    }
    return list;
}

void ScenarioControl::emitState(const ScenarioPlayerState &state)
{
    m_lastState = state;
    Q_EMIT stateChanged(state);
}

void ScenarioControl::showError(const QString &error)
{
    switch (m_shown) {
    case Shown::Live:
        m_live.post([error](LiveFlow &live) { live.showError(error); });
        break;
    case Shown::Replay:
        m_replay->showError(error);
        break;
    case Shown::Player: {
        // The player publishes its state when something changes, so this one stays until then.
        ScenarioPlayerState failed = m_lastState;
        failed.error = error;
        emitState(failed);
        break;
    }
    }
}

void ScenarioControl::showNext(Shown next)
{
    ++m_recordingReads;
    if (m_shown == Shown::Live && next != Shown::Live)
        m_live.post([](LiveFlow &live) { live.hide(); });
    if (m_shown == Shown::Replay)
        m_replay->hide();
    // A scenario playing on stops: the view shows one world at a time.
    if (next != Shown::Player)
        m_player.post([](ScenarioPlayer &p) { p.pause(); });
    m_shown = next;
}

void ScenarioControl::loadFile(const QString &path)
{
    showNext(Shown::Player);
    m_player.post([path](ScenarioPlayer &p) { p.loadFile(path); });
}

void ScenarioControl::loadSandbox()
{
    showNext(Shown::Player);
    m_player.post([](ScenarioPlayer &p) { p.loadSandbox(); });
}

void ScenarioControl::loadLive()
{
    showNext(Shown::Live);
    const quint64 loadId = FirstLiveLoadId + ++m_liveLoads;
    m_live.post([loadId, sinks = m_liveSinks](LiveFlow &live) {
        live.setSinks(sinks);
        live.show(loadId);
    });
}

void ScenarioControl::loadRecording(const QString &path)
{
    const quint64 read = ++m_recordingReads;
    m_files.start([this, read, path] {
        QString error;
        // Shared: a recording is a large value, handed over once.
        auto recording = std::make_shared<std::optional<LiveRecordingFile>>(LiveRecordingFile::load(path, &error));
        WorkerChannel<QObject>::deliverTo(this, [this, read, path, recording, error] {
            if (read != m_recordingReads)
                return; // the view went elsewhere meanwhile
            if (!*recording) {
                // The view keeps what it showed; its state says why the file was not opened.
                showError(QStringLiteral("Cannot open the recording: %1").arg(error));
                return;
            }
            showNext(Shown::Replay);
            m_replay->load(std::move(**recording), path, FirstReplayLoadId + ++m_replayLoads);
        });
    });
}

void ScenarioControl::saveRecording(const QString &path)
{
    m_worker.request<QString>(
        [live = m_liveFlow, path](QObject &) {
            LiveFlow *flow = (*live)();
            if (!flow)
                return QStringLiteral("the live broker is not being recorded (it has not started, or runs with "
                                      "--no-live-recording)");
            QString error;
            return flow->saveRecording(path, &error) ? QString() : error;
        },
        [this, path](const QString &error) { Q_EMIT recordingSaved(path, error); });
}

void ScenarioControl::restart()
{
    switch (m_shown) {
    case Shown::Live:
        m_live.post([](LiveFlow &live) { live.restart(); });
        break;
    case Shown::Replay:
        m_replay->restart();
        break;
    case Shown::Player:
        m_player.post([](ScenarioPlayer &p) { p.restart(); });
        break;
    }
}

void ScenarioControl::play()
{
    switch (m_shown) {
    case Shown::Live:
        m_live.post([](LiveFlow &live) { live.resumeBroker(); });
        break;
    case Shown::Replay:
        m_replay->play();
        break;
    case Shown::Player:
        m_player.post([](ScenarioPlayer &p) { p.play(); });
        break;
    }
}

void ScenarioControl::pause()
{
    switch (m_shown) {
    case Shown::Live:
        m_live.post([](LiveFlow &live) { live.pauseBroker(); });
        break;
    case Shown::Replay:
        m_replay->pause();
        break;
    case Shown::Player:
        m_player.post([](ScenarioPlayer &p) { p.pause(); });
        break;
    }
}

void ScenarioControl::stepEvent()
{
    switch (m_shown) {
    case Shown::Live:
        m_live.post([](LiveFlow &live) { live.stepBroker(); });
        break;
    case Shown::Replay:
        m_replay->step();
        break;
    case Shown::Player:
        m_player.post([](ScenarioPlayer &p) { p.stepEvent(); });
        break;
    }
}

void ScenarioControl::setSpeed(double speed)
{
    switch (m_shown) {
    case Shown::Live:
        m_live.post([](LiveFlow &live) { live.refuse(QStringLiteral("Speed")); });
        break;
    case Shown::Replay:
        m_replay->setSpeed(speed);
        break;
    case Shown::Player:
        m_player.post([speed](ScenarioPlayer &p) { p.setSpeed(speed); });
        break;
    }
}

void ScenarioControl::setLanguage(const QString &language)
{
    m_player.post([language](ScenarioPlayer &p) { p.setLanguage(language); });
    m_replay->setLanguage(language);
}

void ScenarioControl::advanceBy(qint64 ms)
{
    if (!refuseOutsidePlayer(QStringLiteral("Skipping ahead")))
        m_player.post([ms](ScenarioPlayer &p) { p.advanceBy(ms); });
}

bool ScenarioControl::refuseOutsidePlayer(const QString &what)
{
    switch (m_shown) {
    case Shown::Live:
        m_live.post([what](LiveFlow &live) { live.refuse(what); });
        return true;
    case Shown::Replay:
        m_replay->refuse(what);
        return true;
    case Shown::Player:
        break;
    }
    return false;
}

void ScenarioControl::perform(const ScenarioStep &step)
{
    if (!refuseOutsidePlayer(QStringLiteral("A scenario action")))
        m_player.post([step](ScenarioPlayer &p) { p.perform(step); });
}

void ScenarioControl::addProducer(const ScenarioProducer &producer)
{
    if (!refuseOutsidePlayer(QStringLiteral("Adding a simulated producer")))
        m_player.post([producer](ScenarioPlayer &p) { p.addProducer(producer); });
}

void ScenarioControl::removeProducer(const QString &id)
{
    if (!refuseOutsidePlayer(QStringLiteral("Removing a simulated producer")))
        m_player.post([id](ScenarioPlayer &p) { p.removeProducer(id); });
}

void ScenarioControl::addConsumer(const ScenarioConsumer &consumer)
{
    if (!refuseOutsidePlayer(QStringLiteral("Adding a simulated consumer")))
        m_player.post([consumer](ScenarioPlayer &p) { p.addConsumer(consumer); });
}

quint64 ScenarioControl::requestJourney(const TopicPartition &topicPartition, qint64 offset)
{
    const quint64 id = m_nextRequestId++;
    const auto deliver = [this, id](const RecordJourney &journey) { Q_EMIT journeyReady(id, journey); };
    switch (m_shown) {
    case Shown::Live:
        m_live.request<RecordJourney>(
            [topicPartition, offset](LiveFlow &live) { return live.journey(topicPartition, offset); }, deliver);
        break;
    case Shown::Replay:
        WorkerChannel<QObject>::deliverTo(
            this, [deliver, journey = m_replay->journey(topicPartition, offset)] { deliver(journey); });
        break;
    case Shown::Player:
        m_player.request<RecordJourney>(
            [topicPartition, offset](ScenarioPlayer &p) { return p.journey(topicPartition, offset); }, deliver);
        break;
    }
    return id;
}

quint64 ScenarioControl::requestHistory(int rebalanceIndex)
{
    const quint64 id = m_nextRequestId++;
    const auto deliver = [this, id, rebalanceIndex](const std::optional<FlowSnapshot> &snapshot) {
        Q_EMIT historyReady(id, rebalanceIndex, snapshot.has_value(), snapshot.value_or(FlowSnapshot {}));
    };
    switch (m_shown) {
    case Shown::Live:
        m_live.request<std::optional<FlowSnapshot>>(
            [rebalanceIndex](LiveFlow &live) { return live.historyAt(rebalanceIndex); }, deliver);
        break;
    case Shown::Replay:
        WorkerChannel<QObject>::deliverTo(
            this, [deliver, snapshot = m_replay->historyAt(rebalanceIndex)] { deliver(snapshot); });
        break;
    case Shown::Player:
        m_player.request<std::optional<FlowSnapshot>>(
            [rebalanceIndex](ScenarioPlayer &p) { return p.historyAt(rebalanceIndex); }, deliver);
        break;
    }
    return id;
}

quint64 ScenarioControl::requestComparison()
{
    const quint64 id = m_nextRequestId++;
    if (m_shown != Shown::Player) {
        AssignorComparison refused;
        refused.error = m_shown == Shown::Live
            ? QStringLiteral("Comparing assignors replays a scenario's membership changes; the live broker's clients "
                             "cannot be replayed. Open a scenario to compare.")
            : QStringLiteral("Comparing assignors replays a scenario's membership changes; a recording shows what its "
                             "clients did and cannot be played under other assignors. Open a scenario to compare.");
        WorkerChannel<ScenarioPlayer>::deliverTo(this, [this, id, refused] { Q_EMIT comparisonReady(id, refused); });
        return id;
    }
    // The worker thread only copies the scenario out; the four plays run on m_comparisons, and the answer comes back
    // to this thread (the destructor waits for a play still running, so `this` outlives it).
    m_player.request<std::optional<std::pair<Scenario, QString>>>([](ScenarioPlayer &p) { return p.comparisonInput(); },
        [this, id](const std::optional<std::pair<Scenario, QString>> &input) {
            m_comparisons.start([this, id, input] {
                const AssignorComparison comparison = ScenarioPlayer::compare(input);
                WorkerChannel<ScenarioPlayer>::deliverTo(
                    this, [this, id, comparison] { Q_EMIT comparisonReady(id, comparison); });
            });
        });
    return id;
}

} // namespace topicscope::engine
