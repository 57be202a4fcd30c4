#include "scenariocontrol.h"

namespace topicscope::engine {

namespace {
// Live load ids are apart from the player's (which count from 1), so a view keying state by load id never mixes them.
constexpr quint64 FirstLiveLoadId = quint64(1) << 62;
} // namespace

ScenarioControl::ScenarioControl(
    QObject *mailbox, std::function<ScenarioPlayer *()> player, std::function<LiveFlow *()> live, QObject *parent)
    : ScenarioClient(parent)
    , m_player(mailbox, this, std::move(player))
    , m_live(mailbox, this, std::move(live))
{
    qRegisterMetaType<FlowSnapshot>();
    qRegisterMetaType<ScenarioPlayerState>();
    qRegisterMetaType<RecordJourney>();
    qRegisterMetaType<AssignorComparison>();
    m_comparisons.setMaxThreadCount(1);
    // The sinks run on the worker thread; the values cross to this thread as queued calls.
    const auto reply = m_player.replier();
    ScenarioPlayer::Sinks sinks;
    sinks.snapshot = [this, reply](const FlowSnapshot &snapshot) {
        reply([this, snapshot] {
            if (!m_showingLive)
                Q_EMIT snapshotUpdated(snapshot);
        });
    };
    sinks.state = [this, reply](const ScenarioPlayerState &state) {
        reply([this, state] {
            if (!m_showingLive)
                Q_EMIT stateChanged(state);
        });
    };
    m_player.post([sinks](ScenarioPlayer &p) { p.setSinks(sinks); });
    LiveFlow::Sinks liveSinks;
    liveSinks.snapshot = [this, reply](const FlowSnapshot &snapshot) {
        reply([this, snapshot] {
            if (m_showingLive && snapshot.loadId == FirstLiveLoadId + m_liveLoads)
                Q_EMIT snapshotUpdated(snapshot);
        });
    };
    liveSinks.state = [this, reply](const ScenarioPlayerState &state) {
        reply([this, state] {
            if (m_showingLive && state.loadId == FirstLiveLoadId + m_liveLoads)
                Q_EMIT stateChanged(state);
        });
    };
    m_liveSinks = liveSinks;
}

ScenarioControl::~ScenarioControl()
{
    m_comparisons.waitForDone();
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

void ScenarioControl::leaveLive()
{
    if (!m_showingLive)
        return;
    m_showingLive = false;
    m_live.post([](LiveFlow &live) { live.hide(); });
}

void ScenarioControl::loadFile(const QString &path)
{
    leaveLive();
    m_player.post([path](ScenarioPlayer &p) { p.loadFile(path); });
}

void ScenarioControl::loadSandbox()
{
    leaveLive();
    m_player.post([](ScenarioPlayer &p) { p.loadSandbox(); });
}

void ScenarioControl::loadLive()
{
    m_showingLive = true;
    const quint64 loadId = FirstLiveLoadId + ++m_liveLoads;
    // A scenario playing on stops: the view shows one world at a time.
    m_player.post([](ScenarioPlayer &p) { p.pause(); });
    m_live.post([loadId, sinks = m_liveSinks](LiveFlow &live) {
        live.setSinks(sinks);
        live.show(loadId);
    });
}

void ScenarioControl::restart()
{
    if (m_showingLive)
        m_live.post([](LiveFlow &live) { live.restart(); });
    else
        m_player.post([](ScenarioPlayer &p) { p.restart(); });
}

void ScenarioControl::play()
{
    if (m_showingLive)
        m_live.post([](LiveFlow &live) { live.resumeBroker(); });
    else
        m_player.post([](ScenarioPlayer &p) { p.play(); });
}

void ScenarioControl::pause()
{
    if (m_showingLive)
        m_live.post([](LiveFlow &live) { live.pauseBroker(); });
    else
        m_player.post([](ScenarioPlayer &p) { p.pause(); });
}

void ScenarioControl::stepEvent()
{
    if (m_showingLive)
        m_live.post([](LiveFlow &live) { live.stepBroker(); });
    else
        m_player.post([](ScenarioPlayer &p) { p.stepEvent(); });
}

void ScenarioControl::setSpeed(double speed)
{
    if (m_showingLive)
        m_live.post([](LiveFlow &live) { live.refuse(QStringLiteral("Speed")); });
    else
        m_player.post([speed](ScenarioPlayer &p) { p.setSpeed(speed); });
}

void ScenarioControl::setLanguage(const QString &language)
{
    m_player.post([language](ScenarioPlayer &p) { p.setLanguage(language); });
}

void ScenarioControl::advanceBy(qint64 ms)
{
    if (m_showingLive)
        m_live.post([](LiveFlow &live) { live.refuse(QStringLiteral("Skipping ahead")); });
    else
        m_player.post([ms](ScenarioPlayer &p) { p.advanceBy(ms); });
}

bool ScenarioControl::refuseLive(const QString &what)
{
    if (!m_showingLive)
        return false;
    m_live.post([what](LiveFlow &live) { live.refuse(what); });
    return true;
}

void ScenarioControl::perform(const ScenarioStep &step)
{
    if (!refuseLive(QStringLiteral("A scenario action")))
        m_player.post([step](ScenarioPlayer &p) { p.perform(step); });
}

void ScenarioControl::addProducer(const ScenarioProducer &producer)
{
    if (!refuseLive(QStringLiteral("Adding a simulated producer")))
        m_player.post([producer](ScenarioPlayer &p) { p.addProducer(producer); });
}

void ScenarioControl::removeProducer(const QString &id)
{
    if (!refuseLive(QStringLiteral("Removing a simulated producer")))
        m_player.post([id](ScenarioPlayer &p) { p.removeProducer(id); });
}

void ScenarioControl::addConsumer(const ScenarioConsumer &consumer)
{
    if (!refuseLive(QStringLiteral("Adding a simulated consumer")))
        m_player.post([consumer](ScenarioPlayer &p) { p.addConsumer(consumer); });
}

quint64 ScenarioControl::requestJourney(const TopicPartition &topicPartition, qint64 offset)
{
    const quint64 id = m_nextRequestId++;
    if (m_showingLive) {
        m_live.request<RecordJourney>(
            [topicPartition, offset](LiveFlow &live) { return live.journey(topicPartition, offset); },
            [this, id](const RecordJourney &journey) { Q_EMIT journeyReady(id, journey); });
        return id;
    }
    m_player.request<RecordJourney>(
        [topicPartition, offset](ScenarioPlayer &p) { return p.journey(topicPartition, offset); },
        [this, id](const RecordJourney &journey) { Q_EMIT journeyReady(id, journey); });
    return id;
}

quint64 ScenarioControl::requestHistory(int rebalanceIndex)
{
    const quint64 id = m_nextRequestId++;
    const auto deliver = [this, id, rebalanceIndex](const std::optional<FlowSnapshot> &snapshot) {
        Q_EMIT historyReady(id, rebalanceIndex, snapshot.has_value(), snapshot.value_or(FlowSnapshot {}));
    };
    if (m_showingLive) {
        m_live.request<std::optional<FlowSnapshot>>(
            [rebalanceIndex](LiveFlow &live) { return live.historyAt(rebalanceIndex); }, deliver);
        return id;
    }
    m_player.request<std::optional<FlowSnapshot>>(
        [rebalanceIndex](ScenarioPlayer &p) { return p.historyAt(rebalanceIndex); }, deliver);
    return id;
}

quint64 ScenarioControl::requestComparison()
{
    const quint64 id = m_nextRequestId++;
    if (m_showingLive) {
        AssignorComparison refused;
        refused.error = QStringLiteral("Comparing assignors replays a scenario's membership changes; the live broker's "
                                       "clients cannot be replayed. Open a scenario to compare.");
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
