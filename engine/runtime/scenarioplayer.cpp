#include "scenarioplayer.h"

#include <QLoggingCategory>
#include <QTimer>
#include <algorithm>

Q_LOGGING_CATEGORY(lcScenarioPlayer, "topicscope.engine.sim.player")

namespace topicscope::engine {

namespace {
// A stalled GUI or a debugger break must not make the world jump minutes ahead in one tick.
constexpr qint64 MaxVirtualMsPerTick = 5000;
// Due instants run per tick before the player yields to the event loop (the broker shares this thread).
constexpr int MaxStepsPerTick = 20000;
} // namespace

ScenarioPlayer::ScenarioPlayer(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(TickMs);
    connect(m_timer, &QTimer::timeout, this, &ScenarioPlayer::onTick);
}

ScenarioPlayer::~ScenarioPlayer() = default;

void ScenarioPlayer::setSinks(Sinks sinks)
{
    m_sinks = std::move(sinks);
    // Every snapshot says which load it belongs to, whichever path publishes it.
    if (auto snapshot = std::move(m_sinks.snapshot)) {
        m_sinks.snapshot = [this, snapshot = std::move(snapshot)](const FlowSnapshot &s) {
            FlowSnapshot stamped = s;
            stamped.loadId = m_loadId;
            snapshot(stamped);
        };
    }
}

bool ScenarioPlayer::load(Scenario scenario, const QString &source, bool openEnded, QString *error)
{
    setPlaying(false);
    auto runner = std::make_unique<ScenarioRunner>(scenario);
    runner->setOpenEnded(openEnded);
    QString why;
    if (!runner->start(&why)) {
        m_error = QStringLiteral("Cannot start scenario \"%1\": %2").arg(scenario.title.english(), why);
        if (error)
            *error = m_error;
        publishState();
        return false;
    }
    m_runner = std::move(runner);
    m_scenario = std::move(scenario);
    m_source = source;
    ++m_loadId;
    m_openEnded = openEnded;
    m_virtualCarry = 0;
    m_rebalancesSeen = 0;
    m_history.clear();
    m_historyCaptions.clear();
    m_pendingMovements.clear();
    m_stepQueue.clear();
    m_error.clear();
    m_runner->setLanguage(m_language);
    qCInfo(lcScenarioPlayer).noquote() << "loaded scenario" << m_scenario.title.english()
                                       << (source.isEmpty() ? QString() : source);
    // Steps at 0 ms (consumers starting, the first caption) are shown at once, before the first play.
    runUntil(0);
    publishState();
    publish();
    return true;
}

bool ScenarioPlayer::loadFile(const QString &path, QString *error)
{
    QString why;
    std::optional<Scenario> scenario = Scenario::load(path, &why);
    if (!scenario) {
        setPlaying(false);
        m_error = QStringLiteral("%1: %2").arg(path, why);
        if (error)
            *error = m_error;
        publishState();
        return false;
    }
    return load(std::move(*scenario), path, false, error);
}

void ScenarioPlayer::loadSandbox()
{
    load(Scenario::sandbox(), QString(), true);
}

void ScenarioPlayer::restart()
{
    if (!m_runner)
        return;
    // The same load played again: views keep what they keyed by it (colours, a comparison).
    const quint64 loadId = m_loadId;
    if (load(m_scenario, m_source, m_openEnded))
        m_loadId = loadId;
    publishState();
}

void ScenarioPlayer::setPlaying(bool playing)
{
    if (playing && (!m_runner || m_runner->isFinished()))
        playing = false;
    if (playing == m_playing)
        return;
    m_playing = playing;
    if (playing) {
        m_sinceTick.start();
        m_timer->start();
    } else {
        m_timer->stop();
    }
}

bool ScenarioPlayer::continueIfFinished()
{
    if (!m_runner)
        return false;
    if (m_runner->isFinished()) {
        m_runner->continueAfterEnd();
        qCInfo(lcScenarioPlayer).noquote() << "scenario" << m_scenario.title.english() << "goes on after its end";
    }
    return true;
}

void ScenarioPlayer::play()
{
    continueIfFinished();
    m_stepQueue.clear();
    setPlaying(true);
    publishState();
    publish();
}

void ScenarioPlayer::pause()
{
    setPlaying(false);
    publishState();
}

bool ScenarioPlayer::stepEvent()
{
    setPlaying(false);
    if (m_stepQueue.isEmpty()) {
        if (!continueIfFinished()) {
            publishState();
            return false;
        }
        // Poll ticks with nothing to return and heartbeats record no event: a wait is stepped over at once.
        for (int i = 0; i < MaxStepsPerTick && m_stepQueue.isEmpty() && !m_runner->isFinished(); ++i) {
            if (stepInstant())
                break;
        }
    }
    if (m_stepQueue.isEmpty()) {
        publishState();
        publish();
        return false;
    }
    const FlowSnapshot next = m_stepQueue.takeFirst();
    publishState();
    if (m_sinks.snapshot)
        m_sinks.snapshot(next);
    return true;
}

bool ScenarioPlayer::stepInstant()
{
    const qint64 due = m_runner->nextDueMs();
    if (due < 0)
        return false;
    QList<FlowSnapshot> captured;
    m_runner->setEventObserver([this, &captured](const ScenarioEvent &event) {
        FlowSnapshot s = m_runner->flowSnapshot();
        // A repeat is recorded as Processed, then Duplicate: one visible event.
        if (event.kind == ScenarioEvent::Kind::Duplicate && !captured.isEmpty()) {
            s.movements = captured.constLast().movements + s.movements;
            captured.removeLast();
        }
        captured << s;
    });
    const bool paused = m_runner->advanceTo(due);
    m_runner->setEventObserver({});
    captureHistory();
    // Nothing recorded, nothing moved: a poll tick or a heartbeat, stepped over without a picture.
    if (captured.isEmpty() && !m_runner->isFinished())
        return paused;
    // The end of the instant is the last visible event's picture plus what nobody sees (a heartbeat, the end).
    FlowSnapshot live = m_runner->flowSnapshot();
    live.movements = m_pendingMovements + live.movements;
    m_pendingMovements.clear();
    if (!captured.isEmpty())
        live.movements = captured.takeLast().movements + live.movements;
    captured << live;
    m_stepQueue += captured;
    return paused;
}

void ScenarioPlayer::setSpeed(double speed)
{
    m_speed = std::clamp(speed, MinSpeed, MaxSpeed);
    publishState();
}

void ScenarioPlayer::setLanguage(const QString &language)
{
    m_language = language.isEmpty() ? LocalizedText::English : language;
    if (m_runner)
        m_runner->setLanguage(m_language);
    // Pictures kept for single step or time travel carry texts of the old language: the live world replaces them.
    m_stepQueue.clear();
    publishState();
    publish();
}

void ScenarioPlayer::advanceBy(qint64 ms)
{
    if (!m_runner)
        return;
    m_stepQueue.clear();
    if (runUntil(m_runner->elapsedMs() + ms))
        setPlaying(false);
    publishState();
    publish();
}

void ScenarioPlayer::onTick()
{
    if (!m_runner) {
        setPlaying(false);
        return;
    }
    const qint64 realMs = m_sinceTick.restart();
    m_virtualCarry += static_cast<double>(realMs) * m_speed;
    const qint64 delta = std::min<qint64>(static_cast<qint64>(m_virtualCarry), MaxVirtualMsPerTick);
    m_virtualCarry = std::max(0.0, m_virtualCarry - static_cast<double>(delta));
    if (m_virtualCarry > MaxVirtualMsPerTick)
        m_virtualCarry = 0;
    const bool paused = runUntil(m_runner->elapsedMs() + delta);
    if (paused || m_runner->isFinished()) {
        setPlaying(false);
        publishState();
    }
    publish();
}

bool ScenarioPlayer::runUntil(qint64 target)
{
    for (int i = 0;; ++i) {
        const qint64 due = m_runner->nextDueMs();
        if (due < 0 || due > target)
            break;
        // Too much due in one tick: the world falls behind real time rather than hold the thread the broker
        // shares; the next tick goes on from here.
        if (i == MaxStepsPerTick)
            return false;
        const bool paused = m_runner->advanceTo(due);
        captureHistory();
        if (paused)
            return true;
        if (m_runner->isFinished())
            return false;
    }
    if (m_runner->isFinished())
        return false;
    const bool paused = m_runner->advanceTo(std::max(target, m_runner->elapsedMs()));
    captureHistory();
    return paused;
}

void ScenarioPlayer::captureHistory()
{
    const int count = static_cast<int>(m_runner->rebalances().size());
    if (count == m_rebalancesSeen)
        return;
    // One picture serves every rebalance completed at this instant.
    FlowSnapshot snapshot = m_runner->flowSnapshot();
    m_pendingMovements += snapshot.movements;
    snapshot.movements.clear();
    while (m_rebalancesSeen < count) {
        if (m_history.size() < MaxHistory) {
            m_history << snapshot;
            m_historyCaptions << m_runner->caption();
        }
        ++m_rebalancesSeen;
    }
}

void ScenarioPlayer::publish()
{
    if (!m_runner || !m_sinks.snapshot)
        return;
    FlowSnapshot snapshot = m_runner->flowSnapshot();
    if (!m_pendingMovements.isEmpty()) {
        snapshot.movements = m_pendingMovements + snapshot.movements;
        m_pendingMovements.clear();
        const qsizetype excess = snapshot.movements.size() - FlowSnapshot::MaxMovements;
        if (excess > 0) {
            snapshot.movements.remove(0, excess);
            snapshot.movementsDropped += static_cast<int>(excess);
        }
    }
    m_sinks.snapshot(snapshot);
}

void ScenarioPlayer::publishState()
{
    if (m_sinks.state)
        m_sinks.state(state());
}

ScenarioPlayerState ScenarioPlayer::state() const
{
    ScenarioPlayerState s;
    s.error = m_error;
    s.speed = m_speed;
    s.playing = m_playing;
    s.language = m_language;
    if (!m_runner)
        return s;
    s.loaded = true;
    s.loadId = m_loadId;
    s.title = m_scenario.title.text(m_language);
    s.description = m_scenario.description.text(m_language);
    s.source = m_source;
    // While single steps of the last instant are still to show, the end has not been shown yet.
    s.finished = m_runner->hasEnded() && m_stepQueue.isEmpty();
    s.continued = s.finished && !m_runner->isFinished();
    s.openEnded = m_openEnded || s.continued;
    s.timeMs = m_runner->elapsedMs();
    s.endMs = s.openEnded ? -1 : m_runner->endMs();
    if (s.finished)
        s.results = m_runner->expectationResults();
    return s;
}

bool ScenarioPlayer::runAction(const std::function<bool(ScenarioRunner &, QString *)> &action, QString *error)
{
    QString why = QStringLiteral("no scenario is loaded");
    // The audience acts on the world it sees: a finished scenario goes on open-ended, and the rest of a single
    // step's instant is shown at once (the live world is already there).
    m_stepQueue.clear();
    const bool ok = continueIfFinished() && action(*m_runner, &why);
    m_error = ok ? QString() : why;
    if (error)
        *error = m_error;
    if (ok)
        captureHistory();
    publishState();
    publish();
    return ok;
}

bool ScenarioPlayer::perform(const ScenarioStep &step, QString *error)
{
    return runAction([&](ScenarioRunner &r, QString *why) { return r.perform(step, why); }, error);
}

bool ScenarioPlayer::addProducer(const ScenarioProducer &producer, QString *error)
{
    return runAction([&](ScenarioRunner &r, QString *why) { return r.addProducer(producer, why); }, error);
}

bool ScenarioPlayer::removeProducer(const QString &id, QString *error)
{
    return runAction([&](ScenarioRunner &r, QString *why) { return r.removeProducer(id, why); }, error);
}

bool ScenarioPlayer::addConsumer(const ScenarioConsumer &consumer, QString *error)
{
    return runAction(
        [&](ScenarioRunner &r, QString *why) {
            if (!r.addConsumer(consumer, why))
                return false;
            ScenarioStep start;
            start.action = ScenarioAction::StartConsumer;
            start.client = consumer.id;
            start.path = QStringLiteral("flow view");
            return r.perform(start, why);
        },
        error);
}

RecordJourney ScenarioPlayer::journey(const TopicPartition &topicPartition, qint64 offset) const
{
    if (!m_runner) {
        RecordJourney none;
        none.topicPartition = topicPartition;
        none.offset = offset;
        none.error = QStringLiteral("no scenario is loaded");
        return none;
    }
    return m_runner->journey(topicPartition, offset);
}

std::optional<FlowSnapshot> ScenarioPlayer::historyAt(int rebalanceIndex) const
{
    if (rebalanceIndex < 0 || rebalanceIndex >= m_history.size())
        return std::nullopt;
    // Kept in the language of its time; shown in today's.
    FlowSnapshot snapshot = m_history.at(rebalanceIndex);
    snapshot.title = m_scenario.title.text(m_language);
    snapshot.caption = m_historyCaptions.at(rebalanceIndex).text(m_language);
    snapshot.loadId = m_loadId;
    return snapshot;
}

AssignorComparison ScenarioPlayer::compareAssignors() const
{
    return compare(comparisonInput());
}

AssignorComparison ScenarioPlayer::compare(const std::optional<std::pair<Scenario, QString>> &input)
{
    if (!input) {
        AssignorComparison none;
        none.error = QStringLiteral("no scenario is loaded");
        return none;
    }
    return ScenarioRunner::compareAssignors(input->first, input->second);
}

std::optional<std::pair<Scenario, QString>> ScenarioPlayer::comparisonInput() const
{
    if (!m_runner)
        return std::nullopt;
    return std::pair {m_scenario, m_language};
}

} // namespace topicscope::engine
