#include "scenarioworld.h"

#include "core/clock.h"
#include "sim/scenarioformat.h"
#include "sim/scenariorecorder.h"
#include "sim/scenarioscheduler.h"

#include <algorithm>
#include <cmath>

namespace topicscope::engine {

namespace {

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

QString resetPolicyName(OffsetResetPolicy policy)
{
    return policy == OffsetResetPolicy::Earliest ? QStringLiteral("earliest")
        : policy == OffsetResetPolicy::Latest    ? QStringLiteral("latest")
                                                 : QStringLiteral("none");
}

} // namespace

ScenarioWorld::ScenarioWorld(
    Scenario scenario, ManualClock &clock, ScenarioScheduler &scheduler, ScenarioRecorder &recorder)
    : m_scenario(std::move(scenario))
    , m_clock(clock)
    , m_scheduler(scheduler)
    , m_recorder(recorder)
{ }

ScenarioWorld::~ScenarioWorld()
{
    // Clients and the coordinator may publish while they are torn down: stop recording first, then tear the world
    // down, clients before the broker.
    m_recorder.detach();
    m_consumers.clear();
    m_producers.clear();
    m_broker.reset();
}

qint64 ScenarioWorld::now() const
{
    return m_clock.nowMs() - ScenarioStartMs;
}

bool ScenarioWorld::open(QString *error)
{
    QString why;
    BrokerOptions options;
    options.storage.inMemory = true;
    options.groups.initialRebalanceDelayMs = m_scenario.settings.groupInitialRebalanceDelayMs;
    options.groups.consumerSessionTimeoutMs = m_scenario.settings.groupConsumerSessionTimeoutMs;
    options.groups.consumerHeartbeatIntervalMs = m_scenario.settings.groupConsumerHeartbeatIntervalMs;
    // retention.ms of the scenario's topics acts at every poll tick of virtual time.
    options.retentionCheckIntervalMs = m_scenario.settings.tickMs;
    // Predictable member ids keep range assignments, and so every dump, the same from run to run.
    options.memberIdGenerator = [this] { return QString::number(++m_nextMemberId); };
    m_broker = Broker::open(std::move(options), m_clock, &why);
    if (!m_broker) {
        if (error)
            *error = QStringLiteral("cannot open the in-memory broker: ") + why;
        return false;
    }
    m_recorder.attach(*m_broker);
    m_recorder.setMemberNames([this](const QString &memberId) { return clientOfMember(memberId); });

    for (const ScenarioTopic &t : std::as_const(m_scenario.topics)) {
        TopicConfig topicConfig;
        topicConfig.retentionMs = t.retentionMs;
        if (m_broker->log().createTopic(t.name, t.partitions, topicConfig, &why) != ErrorCode::None) {
            if (error)
                *error = QStringLiteral("cannot create topic %1: %2").arg(t.name, why);
            return false;
        }
    }
    quint64 seed = m_scenario.settings.seed;
    for (const ScenarioProducer &spec : std::as_const(m_scenario.producers)) {
        ProducerState &p = createProducer(spec, seed++);
        if (spec.rate > 0)
            startRate(p);
    }
    for (const ScenarioConsumer &spec : std::as_const(m_scenario.consumers))
        m_consumers[spec.id].spec = spec;
    return true;
}

ScenarioWorld::ProducerState &ScenarioWorld::createProducer(const ScenarioProducer &spec, quint64 seed)
{
    ProducerState &p = m_producers[spec.id];
    p.spec = spec;
    ProducerConfig config;
    config.clientId = spec.id;
    config.partitioner = spec.partitioner;
    config.keySerializer = spec.keySerializer;
    config.valueSerializer = spec.valueSerializer;
    config.batchSize = spec.batchSize;
    config.lingerMs = spec.lingerMs;
    Broker *broker = m_broker.get();
    p.producer = std::make_unique<Producer>(
        config, m_clock, [broker](const QString &topic) { return broker->log().partitionCount(topic); },
        [broker](const std::vector<AppendRequest> &requests) { return broker->append(requests); },
        Partitioner::seededRandom(seed));
    return p;
}

void ScenarioWorld::startRate(ProducerState &p)
{
    p.rateRunning = true;
    p.rateStartMs = now();
    p.rateCount = 0;
    scheduleRate(p);
}

void ScenarioWorld::addProducer(const ScenarioProducer &spec)
{
    // Producer i of the scenario gets seed + i, as at the start.
    const quint64 seed = m_scenario.settings.seed + quint64(m_scenario.producers.size());
    m_scenario.producers << spec;
    ProducerState &p = createProducer(spec, seed);
    m_recorder.note(ScenarioEvent::Kind::Action, spec.id,
        QStringLiteral("%1 added: produces to %2 (%3 partitioner%4)")
            .arg(spec.id, spec.topic, Partitioner::kindName(spec.partitioner),
                spec.rate > 0 ? QStringLiteral(", %1 records/s").arg(spec.rate) : QString()));
    if (spec.rate > 0)
        startRate(p);
}

void ScenarioWorld::removeProducer(const QString &id)
{
    ProducerState &p = m_producers.at(id);
    p.rateRunning = false;
    p.removed = true;
    p.producer->flush();
    m_scenario.producers.removeIf([&id](const ScenarioProducer &s) { return s.id == id; });
    m_recorder.note(
        ScenarioEvent::Kind::Action, id, id + QStringLiteral(" removed: it stopped producing; its records stay"));
}

void ScenarioWorld::addConsumer(const ScenarioConsumer &spec)
{
    m_scenario.consumers << spec;
    m_consumers[spec.id].spec = spec;
    m_recorder.note(ScenarioEvent::Kind::Action, spec.id,
        QStringLiteral("%1 added (%2): start it to join")
            .arg(spec.id, spec.group ? QStringLiteral("group ") + *spec.group : QStringLiteral("no group")));
}

void ScenarioWorld::flushProducers()
{
    for (auto &[id, p] : m_producers) {
        Q_UNUSED(id);
        p.producer->flush();
    }
}

QString ScenarioWorld::groupKey(const ConsumerState &c) const
{
    return c.spec.group ? *c.spec.group : QStringLiteral("(no group: %1)").arg(c.spec.id);
}

QString ScenarioWorld::clientOfMember(const QString &memberId) const
{
    QString best;
    for (const auto &[id, c] : m_consumers) {
        Q_UNUSED(c);
        if (memberId.startsWith(id + QLatin1Char('-')) && id.size() > best.size())
            best = id;
    }
    return best.isEmpty() ? memberId : best;
}

void ScenarioWorld::produceOne(ProducerState &p, const QString &topic, std::optional<int> partition,
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
            ++m_producers[producerId].answered;
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
            }
            m_recorder.recordProduced(ev, key, m.decision.explanation);
        });
}

void ScenarioWorld::scheduleRate(ProducerState &p)
{
    const double periodMs = 1000.0 / p.spec.rate;
    const qint64 at = p.rateStartMs + qint64(std::llround(double(p.rateCount) * periodMs));
    const QString id = p.spec.id;
    m_scheduler.schedule(std::max(at, now()), [this, id] {
        ProducerState &state = m_producers[id];
        if (!state.rateRunning)
            return;
        const QList<ScenarioKey> &keys = state.spec.keys;
        const ScenarioKey key = keys.isEmpty() ? ScenarioKey {} : keys.at(int(state.rateCount % keys.size()));
        produceOne(state, state.spec.topic, std::nullopt, key, state.spec.value, int(state.rateCount));
        ++state.rateCount;
        scheduleRate(state);
    });
}

void ScenarioWorld::produceStep(const ScenarioStep &step)
{
    ProducerState &p = m_producers[step.client];
    const std::optional<QString> valueTemplate = step.hasValue ? step.value : p.spec.value;
    for (int i = 0; i < step.count; ++i) {
        const ScenarioKey key = step.keys.isEmpty() ? ScenarioKey {} : step.keys.at(i % step.keys.size());
        const QString topic = step.topic;
        const std::optional<int> partition = step.partition;
        const QString id = step.client;
        auto send = [this, id, topic, partition, key, valueTemplate, i] {
            ProducerState &state = m_producers[id];
            if (!state.removed)
                produceOne(state, topic, partition, key, valueTemplate, i);
        };
        if (step.intervalMs == 0)
            send();
        else
            m_scheduler.schedule(step.atMs + step.intervalMs * i, send);
    }
}

void ScenarioWorld::startConsumer(ConsumerState &c)
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
    config.groupProtocol = spec.groupProtocol;
    if (spec.groupProtocol == ConsumerGroupProtocol::Consumer)
        config.groupRemoteAssignor = spec.assignor;
    else
        config.assignmentStrategies = {spec.assignor};
    config.keyDeserializer = spec.keyDeserializer;
    config.valueDeserializer = spec.valueDeserializer;
    config.keyAcceptsNull = spec.keyAcceptsNull;
    config.valueAcceptsNull = spec.valueAcceptsNull;
    c.consumer = std::make_unique<Consumer>(config, m_clock, m_broker->log(), &m_broker->groups());
    c.pending.clear();
    c.startOffsets.clear();
    c.positions.clear();
    c.running = true;
    c.stopping = false;
    if (!spec.group) {
        QList<TopicPartition> all;
        for (const QString &topic : spec.topics) {
            for (int i = 0; i < m_broker->log().partitionCount(topic); ++i)
                all << TopicPartition {topic, i};
        }
        c.consumer->assign(all);
        m_recorder.openOwnership({}, spec.id, c.consumer->generationId(), all);
        m_recorder.note(ScenarioEvent::Kind::Action, spec.id,
            QStringLiteral("%1 started: assigned %2 (no group)").arg(spec.id, scenarioPartitionList(all)));
        return;
    }
    const QString id = spec.id;
    ConsumerRebalanceListener listener;
    // Lost partitions are worded as a revocation in the timeline (Java's default onPartitionsLost calls
    // onPartitionsRevoked); the ownership interval says "lost".
    const auto revoked = [this, id](const QString &reason) {
        return [this, id, reason](const QList<TopicPartition> &tps) {
            if (!tps.isEmpty())
                m_recorder.note(ScenarioEvent::Kind::Action, id,
                    QStringLiteral("%1: partitions revoked %2").arg(id, scenarioPartitionList(tps)));
            ConsumerState &state = m_consumers[id];
            endOwnership(state, tps, state.stopping ? QStringLiteral("stopped") : reason);
        };
    };
    listener.onPartitionsRevoked = revoked(QStringLiteral("revoked"));
    listener.onPartitionsLost = revoked(QStringLiteral("lost"));
    listener.onPartitionsAssigned = [this, id](const QList<TopicPartition> &tps) {
        m_recorder.note(ScenarioEvent::Kind::Action, id,
            QStringLiteral("%1: partitions assigned %2").arg(id, scenarioPartitionList(tps)));
        const ConsumerState &state = m_consumers[id];
        m_recorder.openOwnership(*state.spec.group, id, state.consumer->generationId(), tps);
    };
    c.consumer->subscribe(spec.topics, listener);
    m_recorder.note(ScenarioEvent::Kind::Action, spec.id,
        QStringLiteral("%1 started: subscribes to %2 in group %3 (%4, commit %5, auto.offset.reset %6)")
            .arg(spec.id, spec.topics.join(QLatin1Char(',')), *spec.group,
                spec.groupProtocol == ConsumerGroupProtocol::Consumer
                    ? QStringLiteral("consumer protocol, server assignor ") + spec.assignor
                    : spec.assignor,
                Scenario::commitModeName(spec.commit), resetPolicyName(spec.autoOffsetReset)));
}

void ScenarioWorld::runStep(const ScenarioStep &step)
{
    switch (step.action) {
    case ScenarioAction::Caption:
        // Shown before it is recorded: an event observer's snapshot of this event shows it.
        m_caption = step.text;
        m_recorder.note(ScenarioEvent::Kind::Caption, {}, step.text.english());
        break;
    case ScenarioAction::Pause: {
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::Pause;
        ev.text = step.answer.isEmpty()
            ? step.text.english()
            : step.text.english() + QStringLiteral(" (answer: ") + step.answer.english() + QLatin1Char(')');
        m_pause = ShownPause {now(), step.text, step.answer};
        m_recorder.record(ev);
        break;
    }
    case ScenarioAction::Produce:
        produceStep(step);
        break;
    case ScenarioAction::StartProducer: {
        ProducerState &p = m_producers[step.client];
        if (p.spec.rate > 0 && !p.rateRunning)
            startRate(p);
        m_recorder.note(ScenarioEvent::Kind::Action, step.client, step.client + QStringLiteral(" started producing"));
        break;
    }
    case ScenarioAction::StopProducer:
        m_producers[step.client].rateRunning = false;
        m_producers[step.client].producer->flush();
        m_recorder.note(ScenarioEvent::Kind::Action, step.client, step.client + QStringLiteral(" stopped producing"));
        break;
    case ScenarioAction::StartConsumer: {
        ConsumerState &c = m_consumers[step.client];
        if (c.running)
            m_recorder.note(
                ScenarioEvent::Kind::ActionFailed, step.client, step.client + QStringLiteral(" is already running"));
        else
            startConsumer(c);
        break;
    }
    case ScenarioAction::StopConsumer:
        if (ConsumerState *c = runningConsumer(step.client))
            stopConsumer(*c);
        break;
    case ScenarioAction::CrashConsumer:
        if (ConsumerState *c = runningConsumer(step.client))
            crashConsumer(*c);
        break;
    case ScenarioAction::StallConsumer:
        if (ConsumerState *c = runningConsumer(step.client)) {
            c->consumer->stall();
            m_recorder.note(ScenarioEvent::Kind::Action, step.client,
                QStringLiteral("%1 stalled: no poll() for now; after max.poll.interval.ms (%2 ms) it leaves the group")
                    .arg(step.client)
                    .arg(c->spec.maxPollIntervalMs));
        }
        break;
    case ScenarioAction::UnstallConsumer: {
        ConsumerState &c = m_consumers[step.client];
        if (!c.running || !c.consumer->isStalled()) {
            m_recorder.note(
                ScenarioEvent::Kind::ActionFailed, step.client, step.client + QStringLiteral(" is not stalled"));
            break;
        }
        c.consumer->unstall();
        m_recorder.note(ScenarioEvent::Kind::Action, step.client, step.client + QStringLiteral(" polls again"));
        break;
    }
    case ScenarioAction::AddPartitions: {
        QString why;
        if (m_broker->log().createPartitions(step.topic, step.count, &why) != ErrorCode::None)
            m_recorder.note(
                ScenarioEvent::Kind::ActionFailed, {}, QStringLiteral("addPartitions %1: %2").arg(step.topic, why));
        break;
    }
    case ScenarioAction::DeleteRecordsBefore:
        deleteRecordsBefore(step);
        break;
    case ScenarioAction::ResetOffsets:
        resetOffsets(step);
        break;
    }
}

ScenarioWorld::ConsumerState *ScenarioWorld::runningConsumer(const QString &id)
{
    ConsumerState &c = m_consumers[id];
    if (c.running)
        return &c;
    m_recorder.note(ScenarioEvent::Kind::ActionFailed, id, id + QStringLiteral(" is not running"));
    return nullptr;
}

void ScenarioWorld::stopConsumer(ConsumerState &c)
{
    // A graceful shutdown finishes the batch in hand before close() commits and leaves.
    completeProcessing(c, true);
    c.stopping = true;
    c.consumer->close();
    c.stopping = false;
    c.running = false;
    endAllOwnership(c, QStringLiteral("stopped"));
    c.positions.clear();
    m_recorder.note(ScenarioEvent::Kind::Action, c.spec.id,
        c.spec.id
            + QStringLiteral(
                " stopped gracefully: close() makes a final auto-commit (if enabled) and leaves the group"));
}

void ScenarioWorld::crashConsumer(ConsumerState &c)
{
    // Only a group can lose a record: its commits may pass what the crash dropped.
    if (c.spec.group) {
        for (const PendingRecord &r : std::as_const(c.pending))
            m_recorder.recordDropped(
                ScenarioRecordId {groupKey(c), r.record.topicPartition(), r.record.offset}, c.spec.id);
    }
    const int unprocessed = int(c.pending.size());
    c.pending.clear();
    c.consumer->crash();
    c.running = false;
    endAllOwnership(c, QStringLiteral("crashed"));
    c.positions.clear();
    m_recorder.note(ScenarioEvent::Kind::Action, c.spec.id,
        QStringLiteral("%1 crashed: no commit, no LeaveGroup; %2 polled record(s) never processed; the group waits "
                       "for session.timeout.ms (%3 ms)")
            .arg(c.spec.id)
            .arg(unprocessed)
            .arg(c.spec.sessionTimeoutMs));
}

void ScenarioWorld::deleteRecordsBefore(const ScenarioStep &step)
{
    LogManager &log = m_broker->log();
    QList<int> partitions;
    if (step.partition)
        partitions << *step.partition;
    else
        for (int i = 0; i < log.partitionCount(step.topic); ++i)
            partitions << i;
    for (const int partition : std::as_const(partitions)) {
        const TopicPartition tp {step.topic, partition};
        const ErrorCode error = log.deleteRecordsBefore(tp, step.offset);
        if (error != ErrorCode::None)
            m_recorder.note(ScenarioEvent::Kind::ActionFailed, {},
                QStringLiteral("deleteRecordsBefore %1 offset %2: %3")
                    .arg(tp.toString())
                    .arg(step.offset)
                    .arg(errorName(error)));
    }
}

void ScenarioWorld::resetOffsets(const ScenarioStep &step)
{
    LogManager &log = m_broker->log();
    std::vector<CommittedOffset> offsets;
    QStringList parts;
    const int count = log.partitionCount(step.topic);
    for (int i = 0; i < count; ++i) {
        if (step.partition && *step.partition != i)
            continue;
        const TopicPartition tp {step.topic, i};
        qint64 offset = 0;
        if (step.resetTo == QStringLiteral("earliest"))
            offset = log.offsetForTimestamp(tp, -2).offset;
        else if (step.resetTo == QStringLiteral("latest"))
            offset = log.offsetForTimestamp(tp, -1).offset;
        else
            offset = step.resetTo.toLongLong();
        CommittedOffset co;
        co.topicPartition = tp;
        co.offset = offset;
        offsets.push_back(co);
        parts << QStringLiteral("%1=%2").arg(tp.toString()).arg(offset);
    }
    const ErrorCode error = m_broker->groups().resetOffsets(step.group, offsets);
    if (error != ErrorCode::None)
        m_recorder.note(ScenarioEvent::Kind::ActionFailed, {},
            QStringLiteral("resetOffsets of group %1: %2 (a group can be reset only while it has no members)")
                .arg(step.group, errorName(error)));
    else
        m_recorder.note(ScenarioEvent::Kind::Action, {},
            QStringLiteral("offsets of group %1 reset to %2: %3")
                .arg(step.group, step.resetTo, parts.join(QLatin1Char(' '))));
}

void ScenarioWorld::process(ConsumerState &c, const ConsumerRecord &r)
{
    ScenarioEvent ev;
    ev.client = c.spec.id;
    ev.group = c.spec.group.value_or(QString());
    ev.topicPartition = r.topicPartition();
    ev.offset = r.offset;
    ev.generation = c.consumer->generationId();
    ev.text = QStringLiteral("%1 processed %2 offset %3 key=%4 value=%5")
                  .arg(c.spec.id, r.topicPartition().toString())
                  .arg(r.offset)
                  .arg(Serializer::display(r.key), Serializer::display(r.value));
    m_recorder.recordProcessed(ev, groupKey(c));
}

void ScenarioWorld::commitSync(ConsumerState &c)
{
    QString why;
    if (c.consumer->commitSync(&why) != ErrorCode::None)
        m_recorder.note(
            ScenarioEvent::Kind::ActionFailed, c.spec.id, c.spec.id + QStringLiteral(" commitSync failed: ") + why);
}

void ScenarioWorld::completeProcessing(ConsumerState &c, bool all)
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
                m_recorder.note(ScenarioEvent::Kind::ActionFailed, c.spec.id,
                    c.spec.id + QStringLiteral(" commitSync failed: ") + why);
        }
    }
    if (any && c.pending.isEmpty() && c.spec.commit == ScenarioCommitMode::AfterProcessing && c.spec.group)
        commitSync(c);
}

qint64 ScenarioWorld::nextCompletionMs() const
{
    qint64 next = -1;
    for (const auto &[id, c] : m_consumers) {
        Q_UNUSED(id);
        if (c.running && !c.pending.isEmpty() && !c.consumer->isStalled())
            next = next < 0 ? c.pending.first().doneAtMs : std::min(next, c.pending.first().doneAtMs);
    }
    return next;
}

void ScenarioWorld::completeDueProcessing()
{
    for (auto &[id, c] : m_consumers) {
        Q_UNUSED(id);
        completeProcessing(c, false);
    }
}

void ScenarioWorld::pollConsumers()
{
    for (auto &[id, c] : m_consumers) {
        Q_UNUSED(id);
        if (c.running && c.pending.isEmpty() && !c.consumer->isStalled())
            pollConsumer(c);
    }
}

void ScenarioWorld::pollConsumer(ConsumerState &c)
{
    const QString &id = c.spec.id;
    const PollResult result = c.consumer->poll();
    c.positions.clear();
    for (const TopicPartition &tp : c.consumer->assignment()) {
        if (const std::optional<qint64> position = c.consumer->position(tp))
            c.positions.insert(tp, *position);
    }
    for (const PartitionError &e : result.errors)
        m_recorder.note(ScenarioEvent::Kind::ActionFailed, id,
            QStringLiteral("%1 poll: %2 %3").arg(id, e.topicPartition.toString(), errorName(e.error)) + QLatin1Char(' ')
                + e.message);
    if (result.records.empty())
        return;
    ScenarioPoll poll {now(), id, c.consumer->generationId(), {}};
    for (const ConsumerRecord &r : result.records) {
        if (!c.startOffsets.contains(r.topicPartition()))
            c.startOffsets.insert(r.topicPartition(), r.offset);
        auto it = poll.ranges.find(r.topicPartition());
        if (it == poll.ranges.end())
            poll.ranges.insert(r.topicPartition(), {r.offset, r.offset});
        else
            it->second = r.offset;
    }
    m_recorder.recordPoll(poll, int(result.records.size()));

    if (c.spec.commit == ScenarioCommitMode::BeforeProcessing && c.spec.group)
        commitSync(c);
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
            m_recorder.record(ev);
            continue;
        }
        doneAt += c.spec.processingMs;
        c.pending << PendingRecord {r, doneAt};
    }
    completeProcessing(c, false);
}

void ScenarioWorld::endOwnership(ConsumerState &c, const QList<TopicPartition> &partitions, const QString &reason)
{
    for (const TopicPartition &tp : m_recorder.closeOwnership(c.spec.id, partitions, reason))
        c.positions.remove(tp);
}

void ScenarioWorld::endAllOwnership(ConsumerState &c, const QString &reason)
{
    for (const TopicPartition &tp : m_recorder.closeAllOwnership(c.spec.id, reason))
        c.positions.remove(tp);
}

void ScenarioWorld::checkPollTimeouts()
{
    for (auto &[id, c] : m_consumers) {
        Q_UNUSED(id);
        // onPollTimeout() leaves the group and forgets the member id; the partitions are still in the consumer's
        // assignment until it polls again (then onPartitionsLost), but the group has already given them away.
        if (!c.running || !c.spec.group || !c.consumer->isStalled())
            continue;
        // Under the consumer protocol the member keeps its id; it is out of the group (Unjoined) until it polls.
        const bool left = c.spec.groupProtocol == ConsumerGroupProtocol::Consumer
            ? c.consumer->state() == Consumer::MemberState::Unjoined
            : c.consumer->memberId().isEmpty();
        if (left)
            endAllOwnership(c, QStringLiteral("poll timeout"));
    }
}

} // namespace topicscope::engine
