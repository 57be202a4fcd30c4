#include "scenariorunnerprivate.h"

#include <QSet>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcScenarioRunner, "topicscope.engine.sim")

namespace topicscope::engine {

QString scenarioTime(qint64 ms)
{
    return QStringLiteral("+%1.%2s").arg(ms / 1000).arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QString scenarioOrdinal(int times)
{
    return times == 2 ? QStringLiteral("2nd")
        : times == 3  ? QStringLiteral("3rd")
                      : QString::number(times) + QStringLiteral("th");
}

QString scenarioKeyText(const ScenarioKey &key)
{
    return key ? QLatin1Char('"') + *key + QLatin1Char('"') : QStringLiteral("null");
}

namespace {

QString tpList(QList<TopicPartition> list)
{
    std::sort(list.begin(), list.end());
    QStringList out;
    for (const TopicPartition &tp : std::as_const(list))
        out << tp.toString();
    return QLatin1Char('[') + out.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Converts a value template's text to what the configured serializer accepts, so that a scenario can write
// numbers for int32/int64 serdes; anything the serializer then refuses is a visible produce failure.
std::optional<QVariant> toSerdeValue(const std::optional<QString> &text, SerdeFormat format)
{
    if (!text)
        return std::nullopt;
    bool ok = false;
    switch (format) {
    case SerdeFormat::String:
    case SerdeFormat::Json:
        return QVariant(*text);
    case SerdeFormat::ByteArray:
        return QVariant(text->toUtf8());
    case SerdeFormat::Int32: {
        const int n = text->toInt(&ok);
        return ok ? QVariant(qint32(n)) : QVariant(*text);
    }
    case SerdeFormat::Int64: {
        const qint64 n = text->toLongLong(&ok);
        return ok ? QVariant(n) : QVariant(*text);
    }
    }
    return QVariant(*text);
}

} // namespace

bool ScenarioRunner::Private::start(QString *error)
{
    if (started)
        return log != nullptr;
    started = true;
    QString why;
    BrokerOptions options;
    options.storage.inMemory = true;
    options.groups.initialRebalanceDelayMs = scenario.settings.groupInitialRebalanceDelayMs;
    // retention.ms of the scenario's topics acts at every poll tick of virtual time.
    options.retentionCheckIntervalMs = scenario.settings.tickMs;
    // Predictable member ids keep range assignments, and so every dump, the same from run to run.
    options.memberIdGenerator = [this] { return QString::number(++nextMemberId); };
    broker = Broker::open(std::move(options), clock, &why);
    if (!broker) {
        if (error)
            *error = QStringLiteral("cannot open the in-memory broker: ") + why;
        finished = true;
        return false;
    }
    log = &broker->log();
    coordinator = &broker->groups();
    subscription = broker->events().subscribe([this](const Event &event) { onEvent(event); });

    for (const ScenarioTopic &t : std::as_const(scenario.topics)) {
        TopicConfig topicConfig;
        topicConfig.retentionMs = t.retentionMs;
        if (log->createTopic(t.name, t.partitions, topicConfig, &why) != ErrorCode::None) {
            if (error)
                *error = QStringLiteral("cannot create topic %1: %2").arg(t.name, why);
            finished = true;
            return false;
        }
    }
    quint64 seed = scenario.settings.seed;
    for (const ScenarioProducer &spec : std::as_const(scenario.producers)) {
        ProducerState &p = addProducerState(spec, seed++);
        if (spec.rate > 0) {
            p.rateRunning = true;
            p.rateStartMs = 0;
            scheduleRate(p);
        }
    }
    for (const ScenarioConsumer &spec : std::as_const(scenario.consumers))
        consumers[spec.id].spec = spec;

    qint64 lastStep = 0;
    for (const ScenarioStep &step : std::as_const(scenario.steps)) {
        lastStep = std::max(
            lastStep, step.atMs + (step.action == ScenarioAction::Produce ? step.intervalMs * (step.count - 1) : 0));
        if (step.action == ScenarioAction::Pause)
            ++filePausesLeft;
        schedule(step.atMs, [this, step] {
            if (step.action == ScenarioAction::Pause)
                --filePausesLeft;
            runStep(step);
        });
    }
    scheduler.setEndMs(scenario.settings.durationMs.value_or(lastStep + scenario.settings.settleMs));
    return true;
}

ScenarioRunner::Private::ProducerState &ScenarioRunner::Private::addProducerState(
    const ScenarioProducer &spec, quint64 seed)
{
    ProducerState &p = producers[spec.id];
    p.spec = spec;
    ProducerConfig config;
    config.clientId = spec.id;
    config.partitioner = spec.partitioner;
    config.keySerializer = spec.keySerializer;
    config.valueSerializer = spec.valueSerializer;
    config.batchSize = spec.batchSize;
    config.lingerMs = spec.lingerMs;
    p.producer = std::make_unique<Producer>(
        config, clock, [this](const QString &topic) { return log->partitionCount(topic); },
        [this](const std::vector<AppendRequest> &requests) { return broker->append(requests); },
        Partitioner::seededRandom(seed));
    return p;
}

void ScenarioRunner::Private::onEvent(const Event &event)
{
    if (const auto *e = std::get_if<GroupStateChanged>(&event)) {
        if (e->toState == QStringLiteral("PreparingRebalance"))
            rebalanceCause[e->groupId] = e->reason;
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::GroupState;
        ev.group = e->groupId;
        ev.generation = e->generationId;
        ev.text = QStringLiteral("group %1: %2 -> %3 (%4)").arg(e->groupId, e->fromState, e->toState, e->reason);
        record(ev);
    } else if (const auto *e = std::get_if<RebalanceCompleted>(&event)) {
        ScenarioRebalance r;
        r.timeMs = now();
        r.group = e->groupId;
        r.generation = e->generationId;
        r.cause = rebalanceCause.value(e->groupId);
        r.assignor = e->protocolName;
        r.durationMs = e->durationMs;
        QStringList parts;
        for (auto it = e->assignment.cbegin(); it != e->assignment.cend(); ++it) {
            QList<TopicPartition> list = it.value();
            std::sort(list.begin(), list.end());
            r.assignment.insert(clientOfMember(it.key()), list);
        }
        for (auto it = r.assignment.cbegin(); it != r.assignment.cend(); ++it) {
            parts << it.key() + QStringLiteral("=[") + ScenarioRebalance::names(it.value()).join(QLatin1Char(','))
                    + QLatin1Char(']');
        }
        r.partitionsMoved = e->partitionsMoved;
        std::sort(r.partitionsMoved.begin(), r.partitionsMoved.end());
        rebalances << r;
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::Rebalance;
        ev.group = e->groupId;
        ev.generation = e->generationId;
        ev.text = QStringLiteral("group %1 generation %2 [%3] cause: %4; %5; moved [%6]; took %7 ms")
                      .arg(e->groupId)
                      .arg(e->generationId)
                      .arg(e->protocolName, r.cause, parts.join(QLatin1Char(' ')),
                          ScenarioRebalance::names(r.partitionsMoved).join(QLatin1Char(',')))
                      .arg(e->durationMs);
        record(ev);
    } else if (const auto *e = std::get_if<OffsetCommitted>(&event)) {
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::Committed;
        ev.group = e->groupId;
        ev.client = e->memberId.isEmpty() ? QStringLiteral("admin") : clientOfMember(e->memberId);
        ev.topicPartition = e->topicPartition;
        ev.offset = e->offset;
        ev.generation = e->generationId;
        ev.text = QStringLiteral("group %1 committed %2 -> next offset %3 (by %4, generation %5)")
                      .arg(e->groupId, e->topicPartition.toString())
                      .arg(e->offset)
                      .arg(ev.client)
                      .arg(e->generationId);
        record(ev);
    } else if (const auto *e = std::get_if<RecordsDeleted>(&event)) {
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::RecordsDeleted;
        ev.topicPartition = {e->topic, e->partition};
        ev.offset = e->newLogStartOffset;
        deletions << ScenarioDeletion {now(), ev.topicPartition, e->newLogStartOffset, e->cause};
        if (scheduler.isOpenEnded())
            forgetBelow[ev.topicPartition] = e->newLogStartOffset;
        ev.text = QStringLiteral("%1: logStartOffset %2 -> %3")
                      .arg(ev.topicPartition.toString())
                      .arg(e->oldLogStartOffset)
                      .arg(e->newLogStartOffset);
        record(ev);
    } else if (const auto *e = std::get_if<PartitionsAdded>(&event)) {
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::PartitionsAdded;
        ev.text = QStringLiteral("topic %1: %2 -> %3 partitions").arg(e->topic).arg(e->oldCount).arg(e->newCount);
        record(ev);
    }
}

void ScenarioRunner::Private::produceOne(ProducerState &p, const QString &topic, std::optional<int> partition,
    const ScenarioKey &key, const std::optional<QString> &valueTemplate, int index)
{
    const qint64 n = p.sent++;
    std::optional<QString> value = valueTemplate;
    if (value) {
        value->replace(QStringLiteral("{n}"), QString::number(n));
        value->replace(QStringLiteral("{i}"), QString::number(index));
        value->replace(QStringLiteral("{key}"), key.value_or(QStringLiteral("null")));
        value->replace(QStringLiteral("{producer}"), p.spec.id);
    }
    const QString producerId = p.spec.id;
    const QString valueText = value ? QLatin1Char('"') + *value + QLatin1Char('"') : QStringLiteral("null");
    p.producer->send(topic, toSerdeValue(key, p.spec.keySerializer), toSerdeValue(value, p.spec.valueSerializer), {},
        partition, std::nullopt, [this, producerId, key, valueText](const RecordMetadata &m) {
            ++producers[producerId].answered;
            ScenarioEvent ev;
            ev.client = producerId;
            ev.topicPartition = {m.topic, m.partition};
            ev.offset = m.offset;
            if (m.error != ErrorCode::None) {
                ev.kind = ScenarioEvent::Kind::ProduceFailed;
                ev.text = QStringLiteral("%1 could not send key=%2 value=%3: %4 %5")
                              .arg(producerId, scenarioKeyText(key), valueText, errorName(m.error), m.errorMessage);
            } else {
                ev.kind = ScenarioEvent::Kind::Produced;
                ev.text = QStringLiteral("%1 key=%2 value=%3 -> %4 offset %5 (%6: %7)")
                              .arg(producerId, scenarioKeyText(key), valueText, ev.topicPartition.toString())
                              .arg(m.offset)
                              .arg(Partitioner::strategyName(m.decision.strategy), m.decision.explanation);
                producedIndex.insert(ScenarioRecordId {{}, ev.topicPartition, m.offset}, int(producedRecords.size()));
                producedRecords << ScenarioProducedRecord {
                    producerId, ev.topicPartition, m.offset, key, now(), m.decision.explanation};
            }
            record(ev);
        });
}

void ScenarioRunner::Private::scheduleRate(ProducerState &p)
{
    const double periodMs = 1000.0 / p.spec.rate;
    const qint64 at = p.rateStartMs + qint64(std::llround(double(p.rateCount) * periodMs));
    const QString id = p.spec.id;
    schedule(std::max(at, now()), [this, id] {
        ProducerState &state = producers[id];
        if (!state.rateRunning)
            return;
        const QList<ScenarioKey> &keys = state.spec.keys;
        const ScenarioKey key = keys.isEmpty() ? ScenarioKey {} : keys.at(int(state.rateCount % keys.size()));
        produceOne(state, state.spec.topic, std::nullopt, key, state.spec.value, int(state.rateCount));
        ++state.rateCount;
        scheduleRate(state);
    });
}

void ScenarioRunner::Private::startConsumer(ConsumerState &c)
{
    const ScenarioConsumer &spec = c.spec;
    ConsumerConfig config;
    config.clientId = spec.id;
    config.groupId = spec.group;
    config.autoOffsetReset = spec.autoOffsetReset;
    config.enableAutoCommit = spec.commit == ScenarioCommitMode::Auto && spec.group.has_value();
    config.autoCommitIntervalMs = spec.autoCommitIntervalMs;
    config.sessionTimeoutMs = spec.sessionTimeoutMs;
    config.heartbeatIntervalMs = spec.heartbeatIntervalMs;
    config.maxPollIntervalMs = spec.maxPollIntervalMs;
    config.maxPollRecords = spec.maxPollRecords;
    config.assignmentStrategies = {spec.assignor};
    config.keyDeserializer = spec.keyDeserializer;
    config.valueDeserializer = spec.valueDeserializer;
    config.keyAcceptsNull = spec.keyAcceptsNull;
    config.valueAcceptsNull = spec.valueAcceptsNull;
    c.consumer = std::make_unique<Consumer>(config, clock, *log, coordinator);
    c.pending.clear();
    c.startOffsets.clear();
    c.positions.clear();
    c.running = true;
    c.stopping = false;
    if (spec.group) {
        const QString id = spec.id;
        ConsumerRebalanceListener listener;
        listener.onPartitionsRevoked = [this, id](const QList<TopicPartition> &tps) {
            if (!tps.isEmpty())
                note(ScenarioEvent::Kind::Action, id, QStringLiteral("%1: partitions revoked %2").arg(id, tpList(tps)));
            ConsumerState &state = consumers[id];
            closeOwnership(state, tps, state.stopping ? QStringLiteral("stopped") : QStringLiteral("revoked"));
        };
        // Worded as a revocation in the timeline (Java's default onPartitionsLost calls onPartitionsRevoked); the
        // ownership interval says "lost".
        listener.onPartitionsLost = [this, id](const QList<TopicPartition> &tps) {
            if (!tps.isEmpty())
                note(ScenarioEvent::Kind::Action, id, QStringLiteral("%1: partitions revoked %2").arg(id, tpList(tps)));
            ConsumerState &state = consumers[id];
            closeOwnership(state, tps, state.stopping ? QStringLiteral("stopped") : QStringLiteral("lost"));
        };
        listener.onPartitionsAssigned = [this, id](const QList<TopicPartition> &tps) {
            note(ScenarioEvent::Kind::Action, id, QStringLiteral("%1: partitions assigned %2").arg(id, tpList(tps)));
            openOwnership(consumers[id], tps);
        };
        c.consumer->subscribe(spec.topics, listener);
        note(ScenarioEvent::Kind::Action, spec.id,
            QStringLiteral("%1 started: subscribes to %2 in group %3 (%4, commit %5, auto.offset.reset %6)")
                .arg(spec.id, spec.topics.join(QLatin1Char(',')), *spec.group, spec.assignor,
                    Scenario::commitModeName(spec.commit),
                    spec.autoOffsetReset == OffsetResetPolicy::Earliest     ? QStringLiteral("earliest")
                        : spec.autoOffsetReset == OffsetResetPolicy::Latest ? QStringLiteral("latest")
                                                                            : QStringLiteral("none")));
    } else {
        QList<TopicPartition> all;
        for (const QString &topic : spec.topics) {
            for (int i = 0; i < log->partitionCount(topic); ++i)
                all << TopicPartition {topic, i};
        }
        c.consumer->assign(all);
        openOwnership(c, all);
        note(ScenarioEvent::Kind::Action, spec.id,
            QStringLiteral("%1 started: assigned %2 (no group)").arg(spec.id, tpList(all)));
    }
}

void ScenarioRunner::Private::runStep(const ScenarioStep &step)
{
    switch (step.action) {
    case ScenarioAction::Caption:
        // Shown before it is recorded: an event observer's snapshot of this event shows it.
        lastCaption = step.text;
        note(ScenarioEvent::Kind::Caption, {}, step.text.english());
        break;
    case ScenarioAction::Pause: {
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::Pause;
        ev.text = step.answer.isEmpty()
            ? step.text.english()
            : step.text.english() + QStringLiteral(" (answer: ") + step.answer.english() + QLatin1Char(')');
        lastPause = ShownPause {now(), step.text, step.answer};
        record(ev);
        pauseShown = true;
        break;
    }
    case ScenarioAction::Produce: {
        ProducerState &p = producers[step.client];
        const std::optional<QString> valueTemplate = step.hasValue ? step.value : p.spec.value;
        for (int i = 0; i < step.count; ++i) {
            const ScenarioKey key = step.keys.isEmpty() ? ScenarioKey {} : step.keys.at(i % step.keys.size());
            const QString topic = step.topic;
            const std::optional<int> partition = step.partition;
            const QString id = step.client;
            auto send = [this, id, topic, partition, key, valueTemplate, i] {
                ProducerState &state = producers[id];
                if (!state.removed)
                    produceOne(state, topic, partition, key, valueTemplate, i);
            };
            if (step.intervalMs == 0)
                send();
            else
                schedule(step.atMs + step.intervalMs * i, send);
        }
        break;
    }
    case ScenarioAction::StartProducer: {
        ProducerState &p = producers[step.client];
        if (p.spec.rate > 0 && !p.rateRunning) {
            p.rateRunning = true;
            p.rateStartMs = now();
            p.rateCount = 0;
            scheduleRate(p);
        }
        note(ScenarioEvent::Kind::Action, step.client, step.client + QStringLiteral(" started producing"));
        break;
    }
    case ScenarioAction::StopProducer:
        producers[step.client].rateRunning = false;
        producers[step.client].producer->flush();
        note(ScenarioEvent::Kind::Action, step.client, step.client + QStringLiteral(" stopped producing"));
        break;
    case ScenarioAction::StartConsumer: {
        ConsumerState &c = consumers[step.client];
        if (c.running) {
            note(ScenarioEvent::Kind::ActionFailed, step.client, step.client + QStringLiteral(" is already running"));
            break;
        }
        startConsumer(c);
        break;
    }
    case ScenarioAction::StopConsumer: {
        ConsumerState &c = consumers[step.client];
        if (!c.running) {
            note(ScenarioEvent::Kind::ActionFailed, step.client, step.client + QStringLiteral(" is not running"));
            break;
        }
        // A graceful shutdown finishes the batch in hand before close() commits and leaves.
        completeProcessing(c, true);
        c.stopping = true;
        c.consumer->close();
        c.stopping = false;
        c.running = false;
        closeAllOwnership(c, QStringLiteral("stopped"));
        c.positions.clear();
        note(ScenarioEvent::Kind::Action, step.client,
            step.client
                + QStringLiteral(
                    " stopped gracefully: close() makes a final auto-commit (if enabled) and leaves the group"));
        break;
    }
    case ScenarioAction::CrashConsumer: {
        ConsumerState &c = consumers[step.client];
        if (!c.running) {
            note(ScenarioEvent::Kind::ActionFailed, step.client, step.client + QStringLiteral(" is not running"));
            break;
        }
        for (const PendingRecord &r : std::as_const(c.pending))
            dropped << std::pair {
                ScenarioRecordId {groupKey(c), r.record.topicPartition(), r.record.offset}, c.spec.id};
        const int unprocessed = int(c.pending.size());
        c.pending.clear();
        c.consumer->crash();
        c.running = false;
        closeAllOwnership(c, QStringLiteral("crashed"));
        c.positions.clear();
        note(ScenarioEvent::Kind::Action, step.client,
            QStringLiteral("%1 crashed: no commit, no LeaveGroup; %2 polled record(s) never processed; the group waits "
                           "for session.timeout.ms (%3 ms)")
                .arg(step.client)
                .arg(unprocessed)
                .arg(c.spec.sessionTimeoutMs));
        break;
    }
    case ScenarioAction::StallConsumer: {
        ConsumerState &c = consumers[step.client];
        if (!c.running) {
            note(ScenarioEvent::Kind::ActionFailed, step.client, step.client + QStringLiteral(" is not running"));
            break;
        }
        c.consumer->stall();
        note(ScenarioEvent::Kind::Action, step.client,
            QStringLiteral("%1 stalled: no poll() for now; after max.poll.interval.ms (%2 ms) it leaves the group")
                .arg(step.client)
                .arg(c.spec.maxPollIntervalMs));
        break;
    }
    case ScenarioAction::UnstallConsumer: {
        ConsumerState &c = consumers[step.client];
        if (!c.running || !c.consumer->isStalled()) {
            note(ScenarioEvent::Kind::ActionFailed, step.client, step.client + QStringLiteral(" is not stalled"));
            break;
        }
        c.consumer->unstall();
        note(ScenarioEvent::Kind::Action, step.client, step.client + QStringLiteral(" polls again"));
        break;
    }
    case ScenarioAction::AddPartitions: {
        QString why;
        if (log->createPartitions(step.topic, step.count, &why) != ErrorCode::None)
            note(ScenarioEvent::Kind::ActionFailed, {}, QStringLiteral("addPartitions %1: %2").arg(step.topic, why));
        break;
    }
    case ScenarioAction::DeleteRecordsBefore: {
        QList<int> partitions;
        if (step.partition)
            partitions << *step.partition;
        else
            for (int i = 0; i < log->partitionCount(step.topic); ++i)
                partitions << i;
        for (const int partition : std::as_const(partitions)) {
            const TopicPartition tp {step.topic, partition};
            const ErrorCode error = log->deleteRecordsBefore(tp, step.offset);
            if (error != ErrorCode::None)
                note(ScenarioEvent::Kind::ActionFailed, {},
                    QStringLiteral("deleteRecordsBefore %1 offset %2: %3")
                        .arg(tp.toString())
                        .arg(step.offset)
                        .arg(errorName(error)));
        }
        break;
    }
    case ScenarioAction::ResetOffsets: {
        std::vector<CommittedOffset> offsets;
        QStringList parts;
        const int count = log->partitionCount(step.topic);
        for (int i = 0; i < count; ++i) {
            if (step.partition && *step.partition != i)
                continue;
            const TopicPartition tp {step.topic, i};
            qint64 offset = 0;
            if (step.resetTo == QStringLiteral("earliest"))
                offset = log->offsetForTimestamp(tp, -2).offset;
            else if (step.resetTo == QStringLiteral("latest"))
                offset = log->offsetForTimestamp(tp, -1).offset;
            else
                offset = step.resetTo.toLongLong();
            CommittedOffset co;
            co.topicPartition = tp;
            co.offset = offset;
            offsets.push_back(co);
            parts << QStringLiteral("%1=%2").arg(tp.toString()).arg(offset);
        }
        const ErrorCode error = coordinator->resetOffsets(step.group, offsets);
        if (error != ErrorCode::None)
            note(ScenarioEvent::Kind::ActionFailed, {},
                QStringLiteral("resetOffsets of group %1: %2 (a group can be reset only while it has no members)")
                    .arg(step.group, errorName(error)));
        else
            note(ScenarioEvent::Kind::Action, {},
                QStringLiteral("offsets of group %1 reset to %2: %3")
                    .arg(step.group, step.resetTo, parts.join(QLatin1Char(' '))));
        break;
    }
    }
}

void ScenarioRunner::Private::process(ConsumerState &c, const ConsumerRecord &r)
{
    const ScenarioRecordId id {groupKey(c), r.topicPartition(), r.offset};
    const int times = ++processedCount[id];
    ScenarioEvent ev;
    ev.client = c.spec.id;
    ev.group = c.spec.group.value_or(QString());
    ev.topicPartition = r.topicPartition();
    ev.offset = r.offset;
    ev.kind = ScenarioEvent::Kind::Processed;
    ev.generation = c.consumer->generationId();
    ev.text = QStringLiteral("%1 processed %2 offset %3 key=%4 value=%5")
                  .arg(c.spec.id, r.topicPartition().toString())
                  .arg(r.offset)
                  .arg(Serializer::display(r.key), Serializer::display(r.value));
    record(ev);
    if (times > 1) {
        ev.kind = ScenarioEvent::Kind::Duplicate;
        ev.text = QStringLiteral("%1 processed %2 offset %3 for the %4 time in group %5")
                      .arg(c.spec.id, r.topicPartition().toString())
                      .arg(r.offset)
                      .arg(scenarioOrdinal(times), id.group);
        record(ev);
    }
}

void ScenarioRunner::Private::completeProcessing(ConsumerState &c, bool all)
{
    if (!c.running || (c.consumer->isStalled() && !all))
        return;
    bool any = false;
    while (!c.pending.isEmpty() && (all || c.pending.first().doneAtMs <= now())) {
        const ConsumerRecord record = c.pending.takeFirst().record;
        process(c, record);
        any = true;
        if (c.spec.commit == ScenarioCommitMode::AfterEachRecord && c.spec.group) {
            QString why;
            const QMap<TopicPartition, qint64> next {{record.topicPartition(), record.offset + 1}};
            if (c.consumer->commitSync(next, &why) != ErrorCode::None)
                note(ScenarioEvent::Kind::ActionFailed, c.spec.id,
                    c.spec.id + QStringLiteral(" commitSync failed: ") + why);
        }
    }
    if (any && c.pending.isEmpty() && c.spec.commit == ScenarioCommitMode::AfterProcessing && c.spec.group) {
        QString why;
        if (c.consumer->commitSync(&why) != ErrorCode::None)
            note(
                ScenarioEvent::Kind::ActionFailed, c.spec.id, c.spec.id + QStringLiteral(" commitSync failed: ") + why);
    }
}

void ScenarioRunner::Private::pollConsumers()
{
    for (auto &[id, c] : consumers) {
        if (!c.running || !c.pending.isEmpty() || c.consumer->isStalled())
            continue;
        const PollResult result = c.consumer->poll();
        refreshPositions(c);
        for (const PartitionError &e : result.errors)
            note(ScenarioEvent::Kind::ActionFailed, id,
                QStringLiteral("%1 poll: %2 %3").arg(id, e.topicPartition.toString(), errorName(e.error))
                    + QLatin1Char(' ') + e.message);
        if (result.records.empty())
            continue;
        QMap<TopicPartition, QPair<qint64, qint64>> ranges;
        for (const ConsumerRecord &r : result.records) {
            if (!c.startOffsets.contains(r.topicPartition()))
                c.startOffsets.insert(r.topicPartition(), r.offset);
            auto it = ranges.find(r.topicPartition());
            if (it == ranges.end())
                ranges.insert(r.topicPartition(), {r.offset, r.offset});
            else
                it->second = r.offset;
        }
        QStringList parts;
        ScenarioPoll poll {now(), id, c.consumer->generationId(), {}};
        for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
            parts << QStringLiteral("%1@%2..%3").arg(it.key().toString()).arg(it.value().first).arg(it.value().second);
            poll.ranges.insert(it.key(), {it.value().first, it.value().second});
        }
        polls << poll;
        note(ScenarioEvent::Kind::Polled, id,
            QStringLiteral("%1 polled %2 record(s): %3")
                .arg(id)
                .arg(result.records.size())
                .arg(parts.join(QLatin1Char(' '))));

        if (c.spec.commit == ScenarioCommitMode::BeforeProcessing && c.spec.group) {
            QString why;
            if (c.consumer->commitSync(&why) != ErrorCode::None)
                note(ScenarioEvent::Kind::ActionFailed, id, id + QStringLiteral(" commitSync failed: ") + why);
        }
        qint64 doneAt = now();
        for (const ConsumerRecord &r : result.records) {
            if (!r.error.isEmpty()) {
                ScenarioEvent ev;
                ev.kind = ScenarioEvent::Kind::DeserializationFailed;
                ev.client = id;
                ev.generation = c.consumer->generationId();
                ev.group = c.spec.group.value_or(QString());
                ev.topicPartition = r.topicPartition();
                ev.offset = r.offset;
                ev.text = QStringLiteral("%1 cannot deserialize %2 offset %3: %4; it skips the record (as an "
                                         "application catching RecordDeserializationException and seeking past it)")
                              .arg(id, r.topicPartition().toString())
                              .arg(r.offset)
                              .arg(r.error);
                record(ev);
                continue;
            }
            doneAt += c.spec.processingMs;
            c.pending << PendingRecord {r, doneAt};
        }
        completeProcessing(c, false);
    }
}

qint64 ScenarioRunner::Private::nextCompletionMs() const
{
    qint64 next = -1;
    for (const auto &[id, c] : consumers) {
        Q_UNUSED(id);
        if (c.running && !c.pending.isEmpty() && !c.consumer->isStalled())
            next = next < 0 ? c.pending.first().doneAtMs : std::min(next, c.pending.first().doneAtMs);
    }
    return next;
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

void ScenarioRunner::Private::openOwnership(ConsumerState &c, const QList<TopicPartition> &partitions)
{
    for (const TopicPartition &tp : partitions) {
        if (c.openOwnership.contains(tp))
            continue;
        ScenarioOwnership o;
        o.group = c.spec.group.value_or(QString());
        o.topicPartition = tp;
        o.consumer = c.spec.id;
        o.generation = c.consumer ? c.consumer->generationId() : -1;
        o.fromMs = now();
        c.openOwnership.insert(tp, int(ownership.size()));
        ownership << o;
    }
}

void ScenarioRunner::Private::closeOwnership(
    ConsumerState &c, const QList<TopicPartition> &partitions, const QString &reason)
{
    for (const TopicPartition &tp : partitions) {
        const auto it = c.openOwnership.find(tp);
        if (it == c.openOwnership.end())
            continue;
        ScenarioOwnership &o = ownership[it.value()];
        o.toMs = now();
        o.endReason = reason;
        c.openOwnership.erase(it);
        c.positions.remove(tp);
    }
}

void ScenarioRunner::Private::closeAllOwnership(ConsumerState &c, const QString &reason)
{
    closeOwnership(c, c.openOwnership.keys(), reason);
}

void ScenarioRunner::Private::checkPollTimeouts()
{
    for (auto &[id, c] : consumers) {
        Q_UNUSED(id);
        // onPollTimeout() leaves the group and forgets the member id; the partitions are still in the consumer's
        // assignment until it polls again (then onPartitionsLost), but the group has already given them away.
        if (c.running && c.spec.group && c.consumer->isStalled() && !c.openOwnership.isEmpty()
            && c.consumer->memberId().isEmpty())
            closeAllOwnership(c, QStringLiteral("poll timeout"));
    }
}

void ScenarioRunner::Private::refreshPositions(ConsumerState &c)
{
    c.positions.clear();
    for (const TopicPartition &tp : c.consumer->assignment()) {
        if (const std::optional<qint64> position = c.consumer->position(tp))
            c.positions.insert(tp, *position);
    }
}

void ScenarioRunner::Private::finish()
{
    if (finished)
        return;
    for (auto &[id, p] : producers) {
        Q_UNUSED(id);
        p.producer->flush();
    }
    // A run continued after its end (and then ended by runToEnd()) keeps the checks of its scripted end.
    if (ended) {
        finished = true;
        return;
    }
    for (const auto &[rid, client] : std::as_const(dropped)) {
        if (processedCount.value(rid) > 0)
            continue;
        const auto groupIt = consumers.find(client);
        if (groupIt == consumers.end() || !groupIt->second.spec.group)
            continue;
        const OffsetFetchResult committed
            = coordinator->fetchOffsets(rid.group, QList<TopicPartition> {rid.topicPartition});
        const qint64 offset = committed.offsets.empty() ? -1 : committed.offsets.front().offset;
        if (offset > rid.offset) {
            ScenarioEvent ev;
            ev.kind = ScenarioEvent::Kind::Lost;
            ev.client = client;
            ev.group = rid.group;
            ev.topicPartition = rid.topicPartition;
            ev.offset = rid.offset;
            ev.text = QStringLiteral("%1 offset %2 was committed (group %3 is at %4) but never processed: lost")
                          .arg(rid.topicPartition.toString())
                          .arg(rid.offset)
                          .arg(rid.group)
                          .arg(offset);
            record(ev);
        }
    }
    finished = true;
    ended = true;
    evaluate();
}

} // namespace topicscope::engine
