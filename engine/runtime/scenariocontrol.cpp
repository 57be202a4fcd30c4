#include "scenariocontrol.h"

namespace topicscope::engine {

ScenarioControl::ScenarioControl(QObject *mailbox, std::function<ScenarioPlayer *()> player, QObject *parent)
    : ScenarioClient(parent)
    , m_player(mailbox, this, std::move(player))
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
        reply([this, snapshot] { Q_EMIT snapshotUpdated(snapshot); });
    };
    sinks.state
        = [this, reply](const ScenarioPlayerState &state) { reply([this, state] { Q_EMIT stateChanged(state); }); };
    m_player.post([sinks](ScenarioPlayer &p) { p.setSinks(sinks); });
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

void ScenarioControl::loadFile(const QString &path)
{
    m_player.post([path](ScenarioPlayer &p) { p.loadFile(path); });
}

void ScenarioControl::loadSandbox()
{
    m_player.post([](ScenarioPlayer &p) { p.loadSandbox(); });
}

void ScenarioControl::restart()
{
    m_player.post([](ScenarioPlayer &p) { p.restart(); });
}

void ScenarioControl::play()
{
    m_player.post([](ScenarioPlayer &p) { p.play(); });
}

void ScenarioControl::pause()
{
    m_player.post([](ScenarioPlayer &p) { p.pause(); });
}

void ScenarioControl::stepEvent()
{
    m_player.post([](ScenarioPlayer &p) { p.stepEvent(); });
}

void ScenarioControl::setSpeed(double speed)
{
    m_player.post([speed](ScenarioPlayer &p) { p.setSpeed(speed); });
}

void ScenarioControl::setLanguage(const QString &language)
{
    m_player.post([language](ScenarioPlayer &p) { p.setLanguage(language); });
}

void ScenarioControl::advanceBy(qint64 ms)
{
    m_player.post([ms](ScenarioPlayer &p) { p.advanceBy(ms); });
}

void ScenarioControl::perform(const ScenarioStep &step)
{
    m_player.post([step](ScenarioPlayer &p) { p.perform(step); });
}

void ScenarioControl::addProducer(const ScenarioProducer &producer)
{
    m_player.post([producer](ScenarioPlayer &p) { p.addProducer(producer); });
}

void ScenarioControl::removeProducer(const QString &id)
{
    m_player.post([id](ScenarioPlayer &p) { p.removeProducer(id); });
}

void ScenarioControl::addConsumer(const ScenarioConsumer &consumer)
{
    m_player.post([consumer](ScenarioPlayer &p) { p.addConsumer(consumer); });
}

quint64 ScenarioControl::requestJourney(const TopicPartition &topicPartition, qint64 offset)
{
    const quint64 id = m_nextRequestId++;
    m_player.request<RecordJourney>(
        [topicPartition, offset](ScenarioPlayer &p) { return p.journey(topicPartition, offset); },
        [this, id](const RecordJourney &journey) { Q_EMIT journeyReady(id, journey); });
    return id;
}

quint64 ScenarioControl::requestHistory(int rebalanceIndex)
{
    const quint64 id = m_nextRequestId++;
    m_player.request<std::optional<FlowSnapshot>>(
        [rebalanceIndex](ScenarioPlayer &p) { return p.historyAt(rebalanceIndex); },
        [this, id, rebalanceIndex](const std::optional<FlowSnapshot> &snapshot) {
            Q_EMIT historyReady(id, rebalanceIndex, snapshot.has_value(), snapshot.value_or(FlowSnapshot {}));
        });
    return id;
}

quint64 ScenarioControl::requestComparison()
{
    const quint64 id = m_nextRequestId++;
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
