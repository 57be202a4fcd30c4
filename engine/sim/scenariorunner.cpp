#include "scenariorunner.h"

#include "scenariorunnerprivate.h"

#include "sim/scenarioformat.h"

#include <algorithm>

namespace topicscope::engine {

ScenarioRunner::Private::Private(Scenario scenario)
    : clock(ScenarioStartMs)
    , scheduler(clock, ScenarioStartMs)
    , recorder(ScenarioStartMs)
    , world(std::move(scenario), clock, scheduler, recorder)
    , validator(world)
    , projector(recorder, ScenarioStartMs)
    , evaluator(world, recorder)
{
    scheduler.setTickMs(world.scenario().settings.tickMs);
    ScenarioScheduler::Hooks hooks;
    hooks.nextCompletionMs = [this] { return world.nextCompletionMs(); };
    hooks.runCompletions = [this] { world.completeDueProcessing(); };
    hooks.runTick = [this] {
        world.pollConsumers();
        recorder.compact();
    };
    hooks.afterTimers = [this] { world.checkPollTimeouts(); };
    scheduler.setHooks(std::move(hooks));
}

bool ScenarioRunner::Private::start(QString *error)
{
    if (started)
        return world.broker() != nullptr;
    started = true;
    if (!world.open(error)) {
        finished = true;
        return false;
    }
    qint64 lastStep = 0;
    for (const ScenarioStep &step : std::as_const(world.scenario().steps)) {
        lastStep = std::max(
            lastStep, step.atMs + (step.action == ScenarioAction::Produce ? step.intervalMs * (step.count - 1) : 0));
        const bool pause = step.action == ScenarioAction::Pause;
        if (pause)
            ++filePausesLeft;
        scheduler.schedule(step.atMs, [this, step, pause] {
            if (pause)
                --filePausesLeft;
            world.runStep(step);
            if (pause)
                pauseShown = true;
        });
    }
    const ScenarioSettings &settings = world.scenario().settings;
    scheduler.setEndMs(settings.durationMs.value_or(lastStep + settings.settleMs));
    return true;
}

bool ScenarioRunner::Private::acceptsActions(QString *error)
{
    if (!started && !start(error))
        return false;
    if (!finished)
        return true;
    if (error)
        *error = QStringLiteral("the scenario has ended");
    return false;
}

bool ScenarioRunner::Private::advance(bool stopAtPause)
{
    if (finished)
        return false;
    pauseShown = false;
    bool isEnd = false;
    scheduler.advanceClockTo(scheduler.nextDueMs(&isEnd));
    if (isEnd) {
        finish();
        return false;
    }
    if (stopAtPause)
        scheduler.runInstant([this] { return pauseShown; });
    else
        scheduler.runInstant();
    return true;
}

bool ScenarioRunner::Private::advanceTo(qint64 ms)
{
    while (!finished) {
        if (scheduler.nextDueMs() > ms)
            break;
        advance(true);
        if (pauseShown)
            return true;
    }
    // Nothing is due before ms (timers included), so this only moves the clock.
    if (!finished && ms > now())
        scheduler.advanceClockTo(ms);
    return false;
}

void ScenarioRunner::Private::finish()
{
    if (finished)
        return;
    world.flushProducers();
    // A run continued after its end (and then ended by runToEnd()) keeps the checks of its scripted end.
    if (ended) {
        finished = true;
        return;
    }
    recorder.recordLosses();
    finished = true;
    ended = true;
    evaluator.evaluate();
}

void ScenarioRunner::Private::setOpenEnded(bool openEnded)
{
    scheduler.setOpenEnded(openEnded);
    recorder.setBounded(openEnded);
    // Ending an open-ended run ends it now (plus nothing): never move the clock backwards.
    if (!openEnded)
        scheduler.setEndMs(std::max(scheduler.endMs(), now()));
}

ScenarioRunner::ScenarioRunner(Scenario scenario)
    : d(std::make_unique<Private>(std::move(scenario)))
{ }

ScenarioRunner::~ScenarioRunner() = default;

bool ScenarioRunner::start(QString *error)
{
    return d->start(error);
}

bool ScenarioRunner::step()
{
    if (!d->started && !d->start(nullptr))
        return false;
    return d->advance();
}

bool ScenarioRunner::runToNextPause()
{
    if (!d->started && !d->start(nullptr))
        return false;
    // An open-ended run never ends by itself: without a pause ahead there is nothing to run to.
    if (d->scheduler.isOpenEnded() && d->filePausesLeft == 0)
        return false;
    while (step()) {
        if (d->pauseShown)
            return true;
    }
    return false;
}

bool ScenarioRunner::runToEnd()
{
    // An open-ended run has no end of its own: it ends now (or at its planned end, if that is later).
    if (d->scheduler.isOpenEnded())
        setOpenEnded(false);
    while (step()) { }
    return d->evaluator.allPassed();
}

bool ScenarioRunner::isFinished() const
{
    return d->finished;
}

const Scenario &ScenarioRunner::scenario() const
{
    return d->world.scenario();
}

qint64 ScenarioRunner::elapsedMs() const
{
    return d->now();
}

qint64 ScenarioRunner::endMs() const
{
    return d->scheduler.endMs();
}

const QList<ScenarioEvent> &ScenarioRunner::timeline() const
{
    return d->recorder.recording().timeline;
}

const QList<ScenarioRebalance> &ScenarioRunner::rebalances() const
{
    return d->recorder.recording().rebalances;
}

int ScenarioRunner::produced(const QString &producer) const
{
    return d->evaluator.count(&ScenarioCounts::produced, {}, producer);
}

int ScenarioRunner::processed(const QString &group, const QString &consumer) const
{
    return d->evaluator.count(&ScenarioCounts::processed, group, consumer);
}

int ScenarioRunner::duplicates(const QString &group, const QString &consumer) const
{
    return d->evaluator.count(&ScenarioCounts::duplicates, group, consumer);
}

int ScenarioRunner::lost(const QString &group, const QString &consumer) const
{
    return d->evaluator.count(&ScenarioCounts::lost, group, consumer);
}

int ScenarioRunner::deserializationFailures(const QString &group, const QString &consumer) const
{
    return d->evaluator.count(&ScenarioCounts::deserializationFailures, group, consumer);
}

std::optional<qint64> ScenarioRunner::startOffset(const QString &consumer, const TopicPartition &tp) const
{
    const auto it = d->world.consumers().find(consumer);
    if (it == d->world.consumers().end() || !it->second.startOffsets.contains(tp))
        return std::nullopt;
    return it->second.startOffsets.value(tp);
}

void ScenarioRunner::setOpenEnded(bool openEnded)
{
    d->setOpenEnded(openEnded);
}

bool ScenarioRunner::isOpenEnded() const
{
    return d->scheduler.isOpenEnded();
}

qint64 ScenarioRunner::nextDueMs() const
{
    return d->finished ? -1 : d->scheduler.nextDueMs();
}

bool ScenarioRunner::advanceTo(qint64 ms)
{
    if (!d->started && !d->start(nullptr))
        return false;
    return d->advanceTo(ms);
}

bool ScenarioRunner::perform(const ScenarioStep &step, QString *error)
{
    if (!d->acceptsActions(error) || !d->validator.validateStep(step, error))
        return false;
    ScenarioStep now = step;
    now.atMs = d->now(); // produce steps with an interval schedule from here
    if (now.action == ScenarioAction::Produce && now.topic.isEmpty())
        now.topic = d->world.producers().at(now.client).spec.topic;
    if (now.path.isEmpty())
        now.path = QStringLiteral("live");
    d->world.runStep(now);
    d->scheduler.settleTimers(); // producers append from 0 ms timers, as after a file's step
    return true;
}

bool ScenarioRunner::addProducer(const ScenarioProducer &producer, QString *error)
{
    if (!d->acceptsActions(error) || !d->validator.validateProducer(producer, error))
        return false;
    d->world.addProducer(producer);
    d->scheduler.settleTimers();
    return true;
}

bool ScenarioRunner::removeProducer(const QString &id, QString *error)
{
    if (!d->started && !d->start(error))
        return false;
    const auto it = d->world.producers().find(id);
    if (it == d->world.producers().end() || it->second.removed) {
        if (error)
            *error = QStringLiteral("unknown producer \"%1\"").arg(id);
        return false;
    }
    d->world.removeProducer(id);
    return true;
}

bool ScenarioRunner::addConsumer(const ScenarioConsumer &consumer, QString *error)
{
    if (!d->acceptsActions(error) || !d->validator.validateConsumer(consumer, error))
        return false;
    d->world.addConsumer(consumer);
    return true;
}

bool ScenarioRunner::continueAfterEnd()
{
    if (!d->finished)
        return false;
    d->finished = false;
    d->setOpenEnded(true);
    // Consumers poll on from the next tick after now, as they would have had the run gone on.
    d->scheduler.resumeTicks();
    d->recorder.note(ScenarioEvent::Kind::Action, {},
        QStringLiteral("the scenario ended at %1; the world goes on open-ended").arg(scenarioTime(d->now())));
    return true;
}

bool ScenarioRunner::hasEnded() const
{
    return d->ended;
}

void ScenarioRunner::setLanguage(const QString &language)
{
    d->language = language.isEmpty() ? LocalizedText::English : language;
}

QString ScenarioRunner::language() const
{
    return d->language;
}

LocalizedText ScenarioRunner::caption() const
{
    return d->world.caption();
}

QString ScenarioRunner::unusedClientId(const QString &prefix) const
{
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(prefix).arg(n);
        if (!d->validator.isClientIdTaken(id))
            return id;
    }
}

void ScenarioRunner::setEventObserver(std::function<void(const ScenarioEvent &)> observer)
{
    d->recorder.setEventObserver(std::move(observer));
}

const QList<ScenarioOwnership> &ScenarioRunner::ownership() const
{
    return d->recorder.recording().ownership;
}

FlowSnapshot ScenarioRunner::flowSnapshot()
{
    FlowSnapshot s;
    s.timeMs = d->now();
    s.endMs = d->scheduler.isOpenEnded() ? -1 : d->scheduler.endMs();
    s.finished = d->finished;
    QStringList groups; // the scenario's groups, shown before their first member joins
    for (const ScenarioConsumer &spec : std::as_const(d->world.scenario().consumers)) {
        if (spec.group)
            groups << *spec.group;
    }
    d->projector.project(d->world.broker(), groups, s);
    d->world.describe(s, d->language, d->recorder.isObserving());
    return s;
}

RecordJourney ScenarioRunner::journey(const TopicPartition &topicPartition, qint64 offset) const
{
    return d->projector.journey(d->world.broker(), topicPartition, offset, d->world.clientFormats());
}

const QList<ScenarioExpectationResult> &ScenarioRunner::expectationResults() const
{
    return d->evaluator.results();
}

QString ScenarioRunner::timelineDump() const
{
    return d->evaluator.timelineDump();
}

QString ScenarioRunner::stateDump() const
{
    return d->evaluator.stateDump();
}

QString ScenarioRunner::expectationsDump() const
{
    return d->evaluator.expectationsDump();
}

QString ScenarioRunner::report() const
{
    return d->evaluator.report();
}

bool ScenarioRunner::runFile(const QString &path, QString *report)
{
    QString error;
    std::optional<Scenario> scenario = Scenario::load(path, &error);
    if (!scenario) {
        if (report)
            *report = error + QLatin1Char('\n');
        return false;
    }
    ScenarioRunner runner(std::move(*scenario));
    if (!runner.start(&error)) {
        if (report)
            *report = error + QLatin1Char('\n');
        return false;
    }
    const bool passed = runner.runToEnd();
    if (report)
        *report = runner.report();
    return passed;
}

} // namespace topicscope::engine
