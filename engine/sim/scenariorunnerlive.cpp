// ScenarioRunner's live control: what the flow view's player calls on the engine thread between frames (advance
// to an instant, run an action now, add and remove clients) and the assignor comparison.

#include "scenariorunner.h"

#include "assignornames.h"
#include "scenariorunnerprivate.h"
#include "sim/ownershipgaps.h"

#include <QSet>
#include <algorithm>

namespace topicscope::engine {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The comparison's note (AssignorComparison::note). A sum of gaps makes cooperative-sticky look worst when every
// member rejoins at once (eager then hands partitions back in the same instant) while each cooperative change takes
// a second rebalance, started at the next heartbeat; the note says so, with this run's figures.
QString comparisonNote(const Scenario &scenario, const QList<AssignorRun> &runs, const QString &language)
{
    const auto find = [&runs](const QString &name) -> const AssignorRun * {
        for (const AssignorRun &r : runs) {
            if (r.assignor == name)
                return &r;
        }
        return nullptr;
    };
    const AssignorRun *cooperative = find(QStringLiteral("cooperative-sticky"));
    const AssignorRun *range = find(QStringLiteral("range"));
    if (!cooperative || !range || runs.size() < 2)
        return {};
    qint64 largestOtherGap = 0;
    for (const AssignorRun &r : runs) {
        if (&r != cooperative)
            largestOtherGap = std::max(largestOtherGap, r.processingGapMs);
    }
    if (cooperative->processingGapMs <= largestOtherGap || cooperative->rebalances.size() <= range->rebalances.size())
        return {};
    qint64 heartbeatMs = 0;
    for (const ScenarioConsumer &c : scenario.consumers)
        heartbeatMs = std::max(heartbeatMs, c.heartbeatIntervalMs);
    // This run's figures, in the order both texts use them.
    const auto figures = [&](const QString &text) {
        return text.arg(cooperative->rebalances.size())
            .arg(range->rebalances.size())
            .arg(heartbeatMs)
            .arg(range->processingGapMs)
            .arg(cooperative->processingGapMs);
    };
    LocalizedText note(figures(QStringLiteral(
        "Why cooperative-sticky shows the longest gap here (%5 ms against %4 ms for range): each change costs it two "
        "rebalances (%1 against %2). The first only revokes the partitions that move; they get their new owner in the "
        "second, which starts only when the other members notice it at their next heartbeat (heartbeat.interval.ms = "
        "%3 ms). The eager assignors take every partition back, but all members rejoin together and get their share "
        "in that same rebalance. Cooperative-sticky pays off when a member is slow to rejoin (scenario 14): the "
        "partitions that keep their owner never stop.")));
    note.setText(QStringLiteral("ko"),
        figures(QStringLiteral(
            "여기서 cooperative-sticky의 공백이 가장 긴 이유(range는 %4 ms, cooperative-sticky는 %5 ms): 멤버가 바뀔 "
            "때마다 리밸런스가 두 번 필요합니다(%1번, range는 %2번). 첫 번째 리밸런스는 옮겨 갈 파티션을 "
            "회수(revoke)만 "
            "하고, 그 파티션은 두 번째 리밸런스에서야 새 주인을 받습니다. 두 번째 리밸런스는 다른 멤버들이 다음 "
            "하트비트(heartbeat.interval.ms = %3 ms)에서 알아차려야 시작됩니다. eager 어사이너는 모든 파티션을 "
            "회수하지만, 멤버들이 함께 다시 참여해 같은 리밸런스에서 자기 몫을 돌려받습니다. cooperative-sticky는 다시 "
            "참여가 늦는 멤버가 있을 때 유리하며(시나리오 14), 주인이 그대로인 파티션은 전혀 멈추지 않습니다.")));
    return note.text(language);
}

} // namespace

bool ScenarioRunner::Private::isClientIdTaken(const QString &id) const
{
    // Removed producers keep their id: a rate timer or a scheduled send of the old one must never find a new one.
    return producers.find(id) != producers.end() || consumers.find(id) != consumers.end() || scenario.producer(id)
        || scenario.consumer(id);
}

bool ScenarioRunner::Private::validateStep(const ScenarioStep &step, QString *error) const
{
    const QString action = Scenario::actionName(step.action);
    auto needProducer = [&]() -> bool {
        const auto it = producers.find(step.client);
        if (it == producers.end() || it->second.removed) {
            if (consumers.find(step.client) != consumers.end())
                return fail(error, QStringLiteral("%1: \"%2\" is a consumer, not a producer").arg(action, step.client));
            return fail(error, QStringLiteral("%1: unknown producer \"%2\"").arg(action, step.client));
        }
        return true;
    };
    auto needConsumer = [&]() -> bool {
        if (consumers.find(step.client) == consumers.end()) {
            if (producers.find(step.client) != producers.end())
                return fail(error, QStringLiteral("%1: \"%2\" is a producer, not a consumer").arg(action, step.client));
            return fail(error, QStringLiteral("%1: unknown consumer \"%2\"").arg(action, step.client));
        }
        return true;
    };
    auto needTopic = [&](const QString &topic) -> bool {
        if (topic.isEmpty())
            return fail(error, QStringLiteral("%1: a topic is required").arg(action));
        if (log->partitionCount(topic) < 0)
            return fail(error, QStringLiteral("%1: unknown topic \"%2\"").arg(action, topic));
        return true;
    };
    auto partitionInRange = [&](const QString &topic) -> bool {
        if (!step.partition)
            return true;
        const int count = log->partitionCount(topic);
        if (*step.partition < 0 || *step.partition >= count)
            return fail(error,
                QStringLiteral("%1: partition %2 is out of range: %3 has %4 partition(s) (0..%5)")
                    .arg(action)
                    .arg(*step.partition)
                    .arg(topic)
                    .arg(count)
                    .arg(count - 1));
        return true;
    };

    switch (step.action) {
    case ScenarioAction::Produce: {
        if (!needProducer())
            return false;
        const QString topic = step.topic.isEmpty() ? producers.at(step.client).spec.topic : step.topic;
        if (!needTopic(topic) || !partitionInRange(topic))
            return false;
        if (step.count < 1 || step.count > 100000)
            return fail(error, QStringLiteral("produce: count %1 is out of range [1, 100000]").arg(step.count));
        if (step.intervalMs < 0)
            return fail(error, QStringLiteral("produce: intervalMs must not be negative"));
        return true;
    }
    case ScenarioAction::StartProducer:
    case ScenarioAction::StopProducer:
        return needProducer();
    case ScenarioAction::StartConsumer:
    case ScenarioAction::StopConsumer:
    case ScenarioAction::CrashConsumer:
    case ScenarioAction::StallConsumer:
    case ScenarioAction::UnstallConsumer:
        return needConsumer();
    case ScenarioAction::AddPartitions:
        if (!needTopic(step.topic))
            return false;
        if (step.count < 1 || step.count > 1000)
            return fail(error, QStringLiteral("addPartitions: count %1 is out of range [1, 1000]").arg(step.count));
        return true;
    case ScenarioAction::DeleteRecordsBefore:
        if (!needTopic(step.topic) || !partitionInRange(step.topic))
            return false;
        if (step.offset < -1)
            return fail(error,
                QStringLiteral("deleteRecordsBefore: offset %1 is invalid (-1 = high watermark)").arg(step.offset));
        return true;
    case ScenarioAction::ResetOffsets: {
        if (step.group.isEmpty())
            return fail(error, QStringLiteral("resetOffsets: a group is required"));
        if (!needTopic(step.topic) || !partitionInRange(step.topic))
            return false;
        bool isNumber = false;
        const qint64 offset = step.resetTo.toLongLong(&isNumber);
        if (step.resetTo != QStringLiteral("earliest") && step.resetTo != QStringLiteral("latest")
            && (!isNumber || offset < 0))
            return fail(error,
                QStringLiteral("resetOffsets: \"%1\" is not \"earliest\", \"latest\" or an offset").arg(step.resetTo));
        return true;
    }
    case ScenarioAction::Pause:
        if (step.text.isEmpty())
            return fail(error, QStringLiteral("pause: a question is required"));
        return true;
    case ScenarioAction::Caption:
        if (step.text.isEmpty())
            return fail(error, QStringLiteral("caption: a text is required"));
        return true;
    }
    return fail(error, QStringLiteral("unknown action"));
}

bool ScenarioRunner::Private::validateProducerSpec(const ScenarioProducer &spec, QString *error) const
{
    if (spec.id.isEmpty())
        return fail(error, QStringLiteral("a producer needs an id"));
    if (isClientIdTaken(spec.id))
        return fail(error, QStringLiteral("client id \"%1\" is taken").arg(spec.id));
    if (log->partitionCount(spec.topic) < 0)
        return fail(error, QStringLiteral("producer %1: unknown topic \"%2\"").arg(spec.id, spec.topic));
    if (spec.rate < 0 || spec.rate > 1000)
        return fail(
            error, QStringLiteral("producer %1: rate %2 is out of range [0, 1000]").arg(spec.id).arg(spec.rate));
    if (spec.batchSize < 1 || spec.lingerMs < 0 || spec.lingerMs > 60000)
        return fail(
            error, QStringLiteral("producer %1: batchSize must be >= 1 and lingerMs in [0, 60000]").arg(spec.id));
    return true;
}

bool ScenarioRunner::Private::validateConsumerSpec(const ScenarioConsumer &spec, QString *error) const
{
    if (spec.id.isEmpty())
        return fail(error, QStringLiteral("a consumer needs an id"));
    if (isClientIdTaken(spec.id))
        return fail(error, QStringLiteral("client id \"%1\" is taken").arg(spec.id));
    if (spec.group && spec.group->isEmpty())
        return fail(
            error, QStringLiteral("consumer %1: the group must not be empty (nullopt for no group)").arg(spec.id));
    if (spec.topics.isEmpty())
        return fail(error, QStringLiteral("consumer %1: it must subscribe to at least one topic").arg(spec.id));
    for (const QString &topic : spec.topics) {
        if (log->partitionCount(topic) < 0)
            return fail(error, QStringLiteral("consumer %1: unknown topic \"%2\"").arg(spec.id, topic));
    }
    if (!builtInAssignorNames().contains(spec.assignor))
        return fail(error,
            QStringLiteral("consumer %1: unknown assignor \"%2\" (one of: %3)")
                .arg(spec.id, spec.assignor, builtInAssignorNames().join(QStringLiteral(", "))));
    // The parser's ranges (docs/scenarios.md).
    if (spec.sessionTimeoutMs < 6000 || spec.sessionTimeoutMs > 1800000)
        return fail(error, QStringLiteral("consumer %1: sessionTimeoutMs must be in [6000, 1800000]").arg(spec.id));
    if (spec.autoCommitIntervalMs < 1 || spec.processingMs < 0 || spec.maxPollRecords < 1 || spec.maxPollIntervalMs < 1
        || spec.heartbeatIntervalMs < 1)
        return fail(error,
            QStringLiteral("consumer %1: autoCommitIntervalMs, maxPollRecords, maxPollIntervalMs and "
                           "heartbeatIntervalMs must be >= 1, processingMs >= 0")
                .arg(spec.id));
    return true;
}

void ScenarioRunner::setOpenEnded(bool openEnded)
{
    d->scheduler.setOpenEnded(openEnded);
    // Ending an open-ended run ends it now (plus nothing): never move the clock backwards.
    if (!openEnded)
        d->scheduler.setEndMs(std::max(d->scheduler.endMs(), d->now()));
}

bool ScenarioRunner::isOpenEnded() const
{
    return d->scheduler.isOpenEnded();
}

bool ScenarioRunner::continueAfterEnd()
{
    if (!d->finished)
        return false;
    d->finished = false;
    d->scheduler.setOpenEnded(true);
    // Consumers poll on from the next tick after now, as they would have had the run gone on.
    d->scheduler.resumeTicks();
    d->note(ScenarioEvent::Kind::Action, {},
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
    return d->lastCaption;
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
    if (!d->started && !d->start(error))
        return false;
    if (d->finished)
        return fail(error, QStringLiteral("the scenario has ended"));
    if (!d->validateStep(step, error))
        return false;
    ScenarioStep now = step;
    now.atMs = d->now(); // produce steps with an interval schedule from here
    if (now.action == ScenarioAction::Produce && now.topic.isEmpty())
        now.topic = d->producers.at(now.client).spec.topic;
    if (now.path.isEmpty())
        now.path = QStringLiteral("live");
    d->runStep(now);
    d->scheduler.settleTimers(); // producers append from 0 ms timers, as after a file's step
    return true;
}

bool ScenarioRunner::addProducer(const ScenarioProducer &producer, QString *error)
{
    if (!d->started && !d->start(error))
        return false;
    if (d->finished)
        return fail(error, QStringLiteral("the scenario has ended"));
    if (!d->validateProducerSpec(producer, error))
        return false;
    // Producer i of the scenario gets seed + i, as at the start.
    const quint64 seed = d->scenario.settings.seed + quint64(d->scenario.producers.size());
    d->scenario.producers << producer;
    Private::ProducerState &p = d->addProducerState(producer, seed);
    d->note(ScenarioEvent::Kind::Action, producer.id,
        QStringLiteral("%1 added: produces to %2 (%3 partitioner%4)")
            .arg(producer.id, producer.topic, Partitioner::kindName(producer.partitioner),
                producer.rate > 0 ? QStringLiteral(", %1 records/s").arg(producer.rate) : QString()));
    if (producer.rate > 0) {
        p.rateRunning = true;
        p.rateStartMs = d->now();
        p.rateCount = 0;
        d->scheduleRate(p);
    }
    d->scheduler.settleTimers();
    return true;
}

bool ScenarioRunner::removeProducer(const QString &id, QString *error)
{
    if (!d->started && !d->start(error))
        return false;
    const auto it = d->producers.find(id);
    if (it == d->producers.end() || it->second.removed)
        return fail(error, QStringLiteral("unknown producer \"%1\"").arg(id));
    Private::ProducerState &p = it->second;
    p.rateRunning = false;
    p.removed = true;
    p.producer->flush();
    d->scenario.producers.removeIf([&id](const ScenarioProducer &s) { return s.id == id; });
    d->note(ScenarioEvent::Kind::Action, id, id + QStringLiteral(" removed: it stopped producing; its records stay"));
    return true;
}

bool ScenarioRunner::addConsumer(const ScenarioConsumer &consumer, QString *error)
{
    if (!d->started && !d->start(error))
        return false;
    if (d->finished)
        return fail(error, QStringLiteral("the scenario has ended"));
    if (!d->validateConsumerSpec(consumer, error))
        return false;
    d->scenario.consumers << consumer;
    d->consumers[consumer.id].spec = consumer;
    d->note(ScenarioEvent::Kind::Action, consumer.id,
        QStringLiteral("%1 added (%2): start it to join")
            .arg(
                consumer.id, consumer.group ? QStringLiteral("group ") + *consumer.group : QStringLiteral("no group")));
    return true;
}

QString ScenarioRunner::unusedClientId(const QString &prefix) const
{
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(prefix).arg(n);
        if (!d->isClientIdTaken(id))
            return id;
    }
}

void ScenarioRunner::setEventObserver(std::function<void(const ScenarioEvent &)> observer)
{
    d->eventObserver = std::move(observer);
}

const QList<ScenarioOwnership> &ScenarioRunner::ownership() const
{
    return d->ownership;
}

FlowSnapshot ScenarioRunner::flowSnapshot()
{
    return d->flowSnapshot();
}

RecordJourney ScenarioRunner::journey(const TopicPartition &topicPartition, qint64 offset) const
{
    return d->journey(topicPartition, offset);
}

AssignorComparison ScenarioRunner::compareAssignors(const Scenario &scenario, const QString &language)
{
    AssignorComparison out;
    out.title = scenario.title.text(language);
    for (const QString &assignor : builtInAssignorNames()) {
        Scenario copy = scenario;
        for (ScenarioConsumer &c : copy.consumers)
            c.assignor = assignor;
        ScenarioRunner runner(std::move(copy));
        QString error;
        if (!runner.start(&error)) {
            out.error = error;
            out.runs.clear();
            return out;
        }
        runner.runToEnd();
        AssignorRun run;
        run.assignor = assignor;
        run.rebalances = runner.rebalances();
        run.ownership = runner.ownership();
        run.duplicates = runner.duplicates();
        run.endMs = runner.elapsedMs();
        // Per (group, partition), from its ownership intervals in time order:
        // - partitionsMoved counts hand-offs, an interval owned by another consumer than the one before. Summing
        //   the rebalances' partitionsMoved instead would count a cooperative move twice (revoked in one
        //   generation, assigned in the next) and an eager member getting its own partitions back not at all.
        // - processingGapMs is the uncovered time between the first assignment and the end. A partition nobody
        //   owns at the end counts until the end only while its group still has members (a group everyone left
        //   is not waiting for anything).
        QMap<std::pair<QString, TopicPartition>, QList<ScenarioOwnership>> byPartition;
        for (const ScenarioOwnership &o : std::as_const(run.ownership)) {
            if (!o.group.isEmpty())
                byPartition[{o.group, o.topicPartition}] << o;
        }
        for (auto it = byPartition.cbegin(); it != byPartition.cend(); ++it) {
            QList<ScenarioOwnership> list = it.value();
            std::sort(list.begin(), list.end(),
                [](const ScenarioOwnership &a, const ScenarioOwnership &b) { return a.fromMs < b.fromMs; });
            for (qsizetype i = 1; i < list.size(); ++i)
                run.partitionsMoved += list.at(i).consumer != list.at(i - 1).consumer;
        }
        const auto hasMembers = [&runner](const QString &group) {
            return !runner.d->coordinator->describeGroup(group).members.isEmpty();
        };
        const QList<OwnershipGap> counted
            = ownershipGaps(run.ownership, run.endMs, TrailingGapRule::whileGroupHasMembers(hasMembers));
        for (const OwnershipGap &gap : counted)
            run.processingGapMs += gap.toMs - gap.fromMs;
        run.gaps = ownershipGaps(run.ownership, run.endMs);
        out.runs << run;
    }
    out.note = comparisonNote(scenario, out.runs, language);
    return out;
}

} // namespace topicscope::engine
