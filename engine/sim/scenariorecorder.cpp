#include "scenariorecorder.h"
#include "topicnames.h"

#include "broker/broker.h"
#include "sim/scenarioformat.h"

#include <QLoggingCategory>
#include <algorithm>

namespace topicscope::engine {

Q_LOGGING_CATEGORY(lcScenarioRecorder, "topicscope.engine.sim")

ScenarioRecorder::ScenarioRecorder(qint64 originMs)
    : m_originMs(originMs)
{ }

ScenarioRecorder::~ScenarioRecorder()
{
    detach();
}

void ScenarioRecorder::attach(Broker &broker)
{
    detach();
    m_broker = &broker;
    m_subscription = broker.events().subscribe([this](const Event &event) { onEvent(event); });
}

void ScenarioRecorder::detach()
{
    if (m_broker)
        m_broker->events().unsubscribe(m_subscription);
    m_broker = nullptr;
    m_subscription = 0;
}

void ScenarioRecorder::setMemberNames(std::function<QString(const QString &memberId)> names)
{
    m_memberNames = std::move(names);
}

qint64 ScenarioRecorder::now() const
{
    return m_broker ? m_broker->clock().nowMs() - m_originMs : 0;
}

QString ScenarioRecorder::clientOfMember(const QString &memberId) const
{
    return m_memberNames ? m_memberNames(memberId) : memberId;
}

void ScenarioRecorder::record(ScenarioEvent e)
{
    e.timeMs = now();
    qCDebug(lcScenarioRecorder).noquote() << scenarioTime(e.timeMs) << ScenarioEvent::kindName(e.kind) << e.text;
    count(e);
    m_data.timeline << e;
    if (m_observer && !m_observing) {
        m_observing = true;
        m_observer(m_data.timeline.constLast());
        m_observing = false;
    }
}

void ScenarioRecorder::note(ScenarioEvent::Kind kind, const QString &client, const QString &text)
{
    ScenarioEvent e;
    e.kind = kind;
    e.client = client;
    e.text = text;
    record(e);
}

void ScenarioRecorder::count(const ScenarioEvent &e)
{
    int ScenarioCounts::*field = nullptr;
    switch (e.kind) {
    case ScenarioEvent::Kind::Produced:
        field = &ScenarioCounts::produced;
        break;
    case ScenarioEvent::Kind::Processed:
    case ScenarioEvent::Kind::Fetched:
        field = &ScenarioCounts::processed;
        break;
    case ScenarioEvent::Kind::Duplicate:
    case ScenarioEvent::Kind::Redelivered:
        field = &ScenarioCounts::duplicates;
        break;
    case ScenarioEvent::Kind::Lost:
        field = &ScenarioCounts::lost;
        break;
    case ScenarioEvent::Kind::DeserializationFailed:
        field = &ScenarioCounts::deserializationFailures;
        break;
    default:
        return;
    }
    m_data.totals.*field += e.records;
    m_data.countsByClient[e.client].*field += e.records;
    if (!e.group.isEmpty())
        m_data.countsByGroup[e.group].*field += e.records;
}

void ScenarioRecorder::onEvent(const Event &event)
{
    // Commits and generations reach the recording through the coordinator's events; the records the broker keeps
    // of them in __consumer_offsets are not the scenario's.
    if (const auto *e = std::get_if<BatchAppended>(&event); e && TopicNames::isInternal(e->topic))
        return;
    if (const auto *e = std::get_if<RecordsDeleted>(&event); e && TopicNames::isInternal(e->topic))
        return;
    if (const auto *e = std::get_if<GroupStateChanged>(&event)) {
        if (e->toState == QStringLiteral("PreparingRebalance"))
            m_rebalanceCause[e->groupId] = e->reason;
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
        r.cause = e->cause.isEmpty() ? m_rebalanceCause.value(e->groupId) : e->cause;
        r.assignor = e->protocolName;
        r.durationMs = e->durationMs;
        for (auto it = e->assignment.cbegin(); it != e->assignment.cend(); ++it) {
            QList<TopicPartition> list = it.value();
            std::sort(list.begin(), list.end());
            r.assignment.insert(clientOfMember(it.key()), list);
        }
        QStringList parts;
        for (auto it = r.assignment.cbegin(); it != r.assignment.cend(); ++it) {
            parts << it.key() + QStringLiteral("=[") + ScenarioRebalance::names(it.value()).join(QLatin1Char(','))
                    + QLatin1Char(']');
        }
        r.partitionsMoved = e->partitionsMoved;
        std::sort(r.partitionsMoved.begin(), r.partitionsMoved.end());
        r.groupType = e->groupType;
        r.superseded = e->superseded;
        m_data.rebalances << r;
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::Rebalance;
        ev.group = e->groupId;
        ev.generation = e->generationId;
        const QString moved = ScenarioRebalance::names(r.partitionsMoved).join(QLatin1Char(','));
        if (e->groupType == QStringLiteral("consumer")) {
            ev.text
                = QStringLiteral("group %1 epoch %2 [%3, consumer protocol] cause: %4; %5 %6; moved [%7]; %8 "
                                 "after %9 ms")
                      .arg(e->groupId)
                      .arg(e->generationId)
                      .arg(e->protocolName, r.cause, e->superseded ? QStringLiteral("target") : QStringLiteral("owned"),
                          parts.join(QLatin1Char(' ')), moved,
                          e->superseded ? QStringLiteral("superseded by a newer epoch")
                                        : QStringLiteral("every member reconciled"))
                      .arg(e->durationMs);
        } else {
            ev.text = QStringLiteral("group %1 generation %2 [%3] cause: %4; %5; moved [%6]; took %7 ms")
                          .arg(e->groupId)
                          .arg(e->generationId)
                          .arg(e->protocolName, r.cause, parts.join(QLatin1Char(' ')), moved)
                          .arg(e->durationMs);
        }
        record(ev);
    } else if (const auto *e = std::get_if<MemberAssignmentChanged>(&event)) {
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::GroupState;
        ev.group = e->groupId;
        ev.client = clientOfMember(e->memberId);
        if (ev.client == e->memberId && !e->clientId.isEmpty()) // a live member not named yet
            ev.client = e->clientId;
        ev.generation = e->memberEpoch;
        if (e->memberEpoch == -1) {
            ev.text = QStringLiteral("group %1: %2 is out of the group: %3").arg(e->groupId, ev.client, e->reason);
        } else {
            ev.text = QStringLiteral("group %1: %2 at epoch %3 (group epoch %4) owns [%5]%6")
                          .arg(e->groupId, ev.client)
                          .arg(e->memberEpoch)
                          .arg(e->groupEpoch)
                          .arg(ScenarioRebalance::names(e->assigned).join(QLatin1Char(',')),
                              e->revoking.isEmpty()
                                  ? QString()
                                  : QStringLiteral(", must give up [%1]")
                                        .arg(ScenarioRebalance::names(e->revoking).join(QLatin1Char(','))));
        }
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
        m_data.deletions << ScenarioDeletion {now(), ev.topicPartition, e->newLogStartOffset, e->cause};
        if (m_bounded)
            m_forgetBelow[ev.topicPartition] = e->newLogStartOffset;
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
    } else if (const auto *e = std::get_if<BatchAppended>(&event)) {
        // Not a timeline line: an in-app producer reports its records one by one, with its partitioner's decision.
        m_data.appendedRecords[TopicPartition {e->topic, e->partition}] += e->recordCount;
    }
}

void ScenarioRecorder::recordProduced(const ScenarioEvent &e, const ScenarioKey &key, const QString &decision)
{
    if (e.kind == ScenarioEvent::Kind::Produced) {
        m_data.producedIndex.insert(
            ScenarioRecordId {{}, e.topicPartition, e.offset}, int(m_data.producedRecords.size()));
        m_data.producedRecords << ScenarioProducedRecord {e.client, e.topicPartition, e.offset, key, now(), decision};
    }
    record(e);
}

void ScenarioRecorder::recordPoll(const ScenarioPoll &poll, int records)
{
    QStringList parts;
    for (auto it = poll.ranges.cbegin(); it != poll.ranges.cend(); ++it)
        parts << QStringLiteral("%1@%2..%3").arg(it.key().toString()).arg(it.value().first).arg(it.value().second);
    m_data.polls << poll;
    note(ScenarioEvent::Kind::Polled, poll.consumer,
        QStringLiteral("%1 polled %2 record(s): %3").arg(poll.consumer).arg(records).arg(parts.join(QLatin1Char(' '))));
}

void ScenarioRecorder::recordProcessed(const ScenarioEvent &e, const QString &groupKey)
{
    const int times = ++m_processedCount[ScenarioRecordId {groupKey, e.topicPartition, e.offset}];
    ScenarioEvent processed = e;
    processed.kind = ScenarioEvent::Kind::Processed;
    record(processed);
    if (times > 1) {
        ScenarioEvent duplicate = processed;
        duplicate.kind = ScenarioEvent::Kind::Duplicate;
        duplicate.text = QStringLiteral("%1 processed %2 offset %3 for the %4 time in group %5")
                             .arg(e.client, e.topicPartition.toString())
                             .arg(e.offset)
                             .arg(scenarioOrdinal(times), groupKey);
        record(duplicate);
    }
}

void ScenarioRecorder::recordDropped(const ScenarioRecordId &record, const QString &consumer)
{
    m_dropped << std::pair {record, consumer};
}

void ScenarioRecorder::recordLosses()
{
    if (!m_broker)
        return;
    for (const auto &[rid, client] : std::as_const(m_dropped)) {
        if (m_processedCount.value(rid) > 0)
            continue;
        const OffsetFetchResult committed
            = m_broker->groups().fetchOffsets(rid.group, QList<TopicPartition> {rid.topicPartition});
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
}

void ScenarioRecorder::openOwnership(
    const QString &group, const QString &consumer, int generation, const QList<TopicPartition> &partitions)
{
    QMap<TopicPartition, int> &open = m_openOwnership[consumer];
    for (const TopicPartition &tp : partitions) {
        if (open.contains(tp))
            continue;
        ScenarioOwnership o;
        o.group = group;
        o.topicPartition = tp;
        o.consumer = consumer;
        o.generation = generation;
        o.fromMs = now();
        open.insert(tp, int(m_data.ownership.size()));
        m_data.ownership << o;
    }
}

QList<TopicPartition> ScenarioRecorder::closeOwnership(
    const QString &consumer, const QList<TopicPartition> &partitions, const QString &reason)
{
    QList<TopicPartition> closed;
    const auto open = m_openOwnership.find(consumer);
    if (open == m_openOwnership.end())
        return closed;
    for (const TopicPartition &tp : partitions) {
        const auto it = open->find(tp);
        if (it == open->end())
            continue;
        ScenarioOwnership &o = m_data.ownership[it.value()];
        o.toMs = now();
        o.endReason = reason;
        open->erase(it);
        closed << tp;
    }
    return closed;
}

QList<TopicPartition> ScenarioRecorder::closeAllOwnership(const QString &consumer, const QString &reason)
{
    return closeOwnership(consumer, m_openOwnership.value(consumer).keys(), reason);
}

void ScenarioRecorder::dropOldRebalances(qsizetype keep)
{
    const qsizetype excess = m_data.rebalances.size() - std::max<qsizetype>(keep, 1);
    if (excess <= 0)
        return;
    m_data.rebalances.remove(0, excess);
    m_data.droppedRebalances += excess;
    const ScenarioRebalance &oldest = m_data.rebalances.constFirst();
    const qint64 cutoffMs = oldest.timeMs - oldest.durationMs;
    // The open intervals are found by index: renumber them as the list closes up.
    QList<int> moved(m_data.ownership.size(), -1);
    QList<ScenarioOwnership> kept;
    kept.reserve(m_data.ownership.size());
    for (qsizetype i = 0; i < m_data.ownership.size(); ++i) {
        const ScenarioOwnership &o = m_data.ownership.at(i);
        if (o.toMs >= 0 && o.toMs < cutoffMs)
            continue;
        moved[i] = int(kept.size());
        kept << o;
    }
    m_data.droppedOwnership += m_data.ownership.size() - kept.size();
    m_data.ownership = std::move(kept);
    for (QMap<TopicPartition, int> &open : m_openOwnership) {
        for (int &index : open)
            index = moved.at(index);
    }
}

void ScenarioRecorder::compact()
{
    if (m_bounded && m_data.timeline.size() > ScenarioRecording::MaxOpenEndedEvents) {
        const qsizetype drop = m_data.timeline.size() - ScenarioRecording::MaxOpenEndedEvents / 2;
        m_data.timeline.remove(0, drop);
        m_data.timeline.squeeze();
        m_data.trimmedEvents += drop;
    }
    // Deletions seen while bounded are forgotten even if the run has become bounded no more (runToEnd()).
    if (m_forgetBelow.isEmpty() || now() - m_lastForgetMs < ForgetIntervalMs)
        return;
    m_lastForgetMs = now();
    m_processedCount.removeIf([this](const QHash<ScenarioRecordId, int>::iterator &it) {
        const auto below = m_forgetBelow.constFind(it.key().topicPartition);
        return below != m_forgetBelow.cend() && it.key().offset < below.value();
    });
    m_forgetBelow.clear();
}

} // namespace topicscope::engine
