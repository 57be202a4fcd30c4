#include "scenariocontrol.h"

namespace topicscope::engine {

ScenarioControl::ScenarioControl(ScenarioPlayer *player, QObject *parent)
    : ScenarioClient(parent)
    , m_player(player)
{
    qRegisterMetaType<FlowSnapshot>();
    qRegisterMetaType<ScenarioPlayerState>();
    qRegisterMetaType<RecordJourney>();
    qRegisterMetaType<AssignorComparison>();
    // The sinks run on the worker thread; the values cross to this thread by queued calls, guarded against this
    // object going away first.
    QPointer<ScenarioControl> self(this);
    ScenarioPlayer::Sinks sinks;
    sinks.snapshot = [self](const FlowSnapshot &snapshot) {
        QMetaObject::invokeMethod(
            self,
            [self, snapshot] {
                if (self)
                    Q_EMIT self->snapshotUpdated(snapshot);
            },
            Qt::QueuedConnection);
    };
    sinks.state = [self](const ScenarioPlayerState &state) {
        QMetaObject::invokeMethod(
            self,
            [self, state] {
                if (self)
                    Q_EMIT self->stateChanged(state);
            },
            Qt::QueuedConnection);
    };
    onPlayer([sinks](ScenarioPlayer &p) { p.setSinks(sinks); });
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

void ScenarioControl::onPlayer(std::function<void(ScenarioPlayer &)> fn)
{
    QMetaObject::invokeMethod(
        m_player, [player = m_player, fn = std::move(fn)] { fn(*player); }, Qt::QueuedConnection);
}

template <typename Result>
void ScenarioControl::query(std::function<Result(ScenarioPlayer &)> fn, std::function<void(const Result &)> deliver)
{
    QPointer<ScenarioControl> self(this);
    onPlayer([self, fn = std::move(fn), deliver = std::move(deliver)](ScenarioPlayer &p) {
        Result result = fn(p);
        QMetaObject::invokeMethod(
            self,
            [self, deliver, result = std::move(result)] {
                if (self)
                    deliver(result);
            },
            Qt::QueuedConnection);
    });
}

void ScenarioControl::loadFile(const QString &path)
{
    onPlayer([path](ScenarioPlayer &p) { p.loadFile(path); });
}

void ScenarioControl::loadSandbox()
{
    onPlayer([](ScenarioPlayer &p) { p.loadSandbox(); });
}

void ScenarioControl::restart()
{
    onPlayer([](ScenarioPlayer &p) { p.restart(); });
}

void ScenarioControl::play()
{
    onPlayer([](ScenarioPlayer &p) { p.play(); });
}

void ScenarioControl::pause()
{
    onPlayer([](ScenarioPlayer &p) { p.pause(); });
}

void ScenarioControl::stepEvent()
{
    onPlayer([](ScenarioPlayer &p) { p.stepEvent(); });
}

void ScenarioControl::setSpeed(double speed)
{
    onPlayer([speed](ScenarioPlayer &p) { p.setSpeed(speed); });
}

void ScenarioControl::setLanguage(const QString &language)
{
    onPlayer([language](ScenarioPlayer &p) { p.setLanguage(language); });
}

void ScenarioControl::advanceBy(qint64 ms)
{
    onPlayer([ms](ScenarioPlayer &p) { p.advanceBy(ms); });
}

void ScenarioControl::perform(const ScenarioStep &step)
{
    onPlayer([step](ScenarioPlayer &p) { p.perform(step); });
}

void ScenarioControl::addProducer(const ScenarioProducer &producer)
{
    onPlayer([producer](ScenarioPlayer &p) { p.addProducer(producer); });
}

void ScenarioControl::removeProducer(const QString &id)
{
    onPlayer([id](ScenarioPlayer &p) { p.removeProducer(id); });
}

void ScenarioControl::addConsumer(const ScenarioConsumer &consumer)
{
    onPlayer([consumer](ScenarioPlayer &p) { p.addConsumer(consumer); });
}

quint64 ScenarioControl::requestJourney(const TopicPartition &topicPartition, qint64 offset)
{
    const quint64 id = m_nextRequestId++;
    query<RecordJourney>([topicPartition, offset](ScenarioPlayer &p) { return p.journey(topicPartition, offset); },
        [this, id](const RecordJourney &journey) { Q_EMIT journeyReady(id, journey); });
    return id;
}

quint64 ScenarioControl::requestHistory(int rebalanceIndex)
{
    const quint64 id = m_nextRequestId++;
    query<std::optional<FlowSnapshot>>([rebalanceIndex](ScenarioPlayer &p) { return p.historyAt(rebalanceIndex); },
        [this, id, rebalanceIndex](const std::optional<FlowSnapshot> &snapshot) {
            Q_EMIT historyReady(id, rebalanceIndex, snapshot.has_value(), snapshot.value_or(FlowSnapshot {}));
        });
    return id;
}

quint64 ScenarioControl::requestComparison()
{
    const quint64 id = m_nextRequestId++;
    query<AssignorComparison>([](ScenarioPlayer &p) { return p.compareAssignors(); },
        [this, id](const AssignorComparison &comparison) { Q_EMIT comparisonReady(id, comparison); });
    return id;
}

} // namespace topicscope::engine
