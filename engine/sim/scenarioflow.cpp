// What the flow view draws from a running scenario: ScenarioRunner's flowSnapshot() and journey(). Both only read
// the engine (the log, the coordinator, the runner's records) and never ask a consumer anything that could change
// its course, so taking snapshots never alters a run.

#include "scenariorunnerprivate.h"

#include "core/recordbatch.h"
#include "group/consumerprotocol.h"
#include "sim/ownershipgaps.h"

#include <QSet>
#include <QStringDecoder>
#include <algorithm>

namespace topicscope::engine {

namespace {

// UTF-8 text when the bytes are valid UTF-8, else "0x" and hex.
QString bytesText(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        return text;
    return QStringLiteral("0x") + QString::fromLatin1(bytes.toHex());
}

// Records of tp in [from, to), decoded from the stored batches.
std::vector<Record> readRecords(const LogManager &log, const TopicPartition &tp, qint64 from, qint64 to)
{
    constexpr qint64 ChunkBytes = 1024 * 1024;
    std::vector<Record> out;
    qint64 next = from;
    while (next < to) {
        const FetchResult fr = log.read(tp, next, ChunkBytes);
        if (fr.error != ErrorCode::None || fr.records.isEmpty())
            break;
        const qint64 before = next;
        for (const QByteArrayView batch : RecordBatch::split(fr.records)) {
            const auto header = RecordBatch::parseHeader(batch);
            if (!header || header->isControl() || header->lastOffset() < next)
                continue;
            std::vector<Record> records;
            if (RecordBatch::decode(batch, &records) != ErrorCode::None)
                return out;
            for (Record &r : records) {
                if (r.offset < next || r.offset >= to)
                    continue;
                if (header->timestampType() == TimestampType::LogAppendTime)
                    r.timestamp = header->maxTimestamp;
                next = r.offset + 1;
                out.push_back(std::move(r));
            }
        }
        if (next == before)
            break;
    }
    return out;
}

QString deletionCauseName(DeletionCause cause)
{
    switch (cause) {
    case DeletionCause::RetentionMs:
        return QStringLiteral("retention.ms");
    case DeletionCause::RetentionBytes:
        return QStringLiteral("retention.bytes");
    case DeletionCause::DeleteRecords:
        return QStringLiteral("DeleteRecords");
    }
    return {};
}

} // namespace

FlowSnapshot ScenarioRunner::Private::flowSnapshot()
{
    FlowSnapshot s;
    s.sequence = ++snapshotSequence;
    s.title = scenario.title.text(language);
    s.timeMs = now();
    s.endMs = scheduler.isOpenEnded() ? -1 : scheduler.endMs();
    s.finished = finished;
    s.caption = lastCaption.text(language);
    // The question stays up while the clock stands at the pause; it goes once time moves on.
    if (lastPause.timeMs >= 0 && lastPause.timeMs == now()) {
        s.question = lastPause.question.text(language);
        s.answer = lastPause.answer.text(language);
    }

    if (log) {
        for (const QString &topic : log->topicNames()) {
            FlowTopic t;
            t.name = topic;
            const int count = log->partitionCount(topic);
            for (int i = 0; i < count; ++i) {
                const TopicPartition tp {topic, i};
                const std::optional<PartitionInfo> info = log->partitionInfo(tp);
                if (!info)
                    continue;
                FlowPartition p;
                p.partition = i;
                p.logStartOffset = info->logStartOffset;
                p.highWatermark = info->logEndOffset;
                const qint64 from
                    = std::max(p.logStartOffset, p.highWatermark - qint64(FlowSnapshot::MaxCellsPerPartition));
                for (const Record &r : readRecords(*log, tp, from, p.highWatermark)) {
                    FlowRecordCell cell;
                    cell.offset = r.offset;
                    if (r.key)
                        cell.key = bytesText(*r.key);
                    cell.timeMs = r.timestamp - ScenarioStartMs;
                    if (const auto it = producedIndex.constFind(ScenarioRecordId {{}, tp, r.offset});
                        it != producedIndex.cend()) {
                        cell.producer = producedRecords.at(it.value()).producer;
                        cell.timeMs = producedRecords.at(it.value()).timeMs;
                    }
                    p.tail << cell;
                }
                // Mid-instant (an event observer), a producer's batch is in the log before its records are
                // recorded one by one: show the log as far as the timeline has got.
                if (observing) {
                    const auto unrecorded = std::find_if(
                        p.tail.begin(), p.tail.end(), [](const FlowRecordCell &c) { return c.producer.isEmpty(); });
                    if (unrecorded != p.tail.end()) {
                        p.highWatermark = unrecorded->offset;
                        p.tail.erase(unrecorded, p.tail.end());
                    }
                }
                t.partitions << p;
            }
            s.topics << t;
        }
    }

    for (const ScenarioProducer &spec : std::as_const(scenario.producers)) {
        const auto it = producers.find(spec.id);
        FlowProducer p;
        p.id = spec.id;
        p.topic = spec.topic;
        p.partitioner = Partitioner::kindName(spec.partitioner);
        p.rate = spec.rate;
        const bool noKey
            = std::all_of(spec.keys.cbegin(), spec.keys.cend(), [](const ScenarioKey &k) { return !k.has_value(); });
        if (noKey)
            p.keyPattern = QStringLiteral("no key");
        else if (spec.keys.size() == 1)
            p.keyPattern = QStringLiteral("fixed key \"%1\"").arg(*spec.keys.first());
        else
            p.keyPattern = QStringLiteral("%1 keys").arg(spec.keys.size());
        if (it != producers.end()) {
            p.running = it->second.rateRunning;
            // Mid-instant (an event observer), a batch's records count once their append is recorded.
            p.sent = observing ? it->second.answered : it->second.sent;
        }
        s.producers << p;
    }

    QMap<QString, GroupDescription> groupDescriptions;
    QStringList groupIds;
    if (coordinator) {
        for (const GroupListing &g : coordinator->listGroups())
            groupIds << g.groupId;
    }
    for (const ScenarioConsumer &spec : std::as_const(scenario.consumers)) {
        if (spec.group)
            groupIds << *spec.group;
    }
    groupIds.removeDuplicates();
    std::sort(groupIds.begin(), groupIds.end());
    for (const QString &id : std::as_const(groupIds)) {
        const GroupDescription description = coordinator ? coordinator->describeGroup(id) : GroupDescription {};
        groupDescriptions.insert(id, description);
        FlowGroup g;
        g.id = id;
        g.state = coordinator ? description.state : QStringLiteral("Empty");
        g.generation = description.generationId;
        g.protocol = description.protocolName;
        if (coordinator) {
            const OffsetFetchResult f = coordinator->fetchOffsets(id, std::nullopt);
            for (const CommittedOffset &o : f.offsets) {
                if (o.offset >= 0)
                    g.committed.insert(o.topicPartition, o.offset);
            }
        }
        for (const GroupMemberDescription &m : description.members) {
            const std::optional<ConsumerAssignment> a = ConsumerProtocol::decodeAssignment(m.assignment);
            if (!a)
                continue;
            for (const TopicPartition &tp : a->partitions)
                g.owners.insert(tp, clientOfMember(m.memberId));
        }
        s.groups << g;
    }

    for (const ScenarioConsumer &spec : std::as_const(scenario.consumers)) {
        const auto it = consumers.find(spec.id);
        if (it == consumers.end())
            continue;
        const ConsumerState &c = it->second;
        FlowConsumer f;
        f.id = spec.id;
        f.group = spec.group.value_or(QString());
        f.assignor = spec.assignor;
        f.commitMode = Scenario::commitModeName(spec.commit);
        if (!c.consumer) {
            f.status = FlowConsumerStatus::NotStarted;
        } else if (!c.running) {
            f.status = c.consumer->state() == Consumer::MemberState::Crashed ? FlowConsumerStatus::Crashed
                                                                             : FlowConsumerStatus::Stopped;
        } else if (c.consumer->isStalled()) {
            f.status = FlowConsumerStatus::Stalled;
        } else {
            const QString groupState = spec.group ? groupDescriptions.value(*spec.group).state : QString();
            const bool rebalancing = groupState == QStringLiteral("PreparingRebalance")
                || groupState == QStringLiteral("CompletingRebalance");
            f.status = spec.group && (c.consumer->state() != Consumer::MemberState::Stable || rebalancing)
                ? FlowConsumerStatus::Joining
                : FlowConsumerStatus::Running;
        }
        if (c.consumer) {
            f.memberId = c.consumer->memberId();
            f.generation = c.consumer->generationId();
        }
        if (c.running) {
            f.assignment = c.consumer->assignment();
            std::sort(f.assignment.begin(), f.assignment.end());
            for (const TopicPartition &tp : std::as_const(f.assignment)) {
                if (c.positions.contains(tp))
                    f.positions.insert(tp, c.positions.value(tp));
            }
            f.inFlight = int(c.pending.size());
        }
        const ScenarioCounts counts = countsByClient.value(spec.id);
        f.processed = counts.processed;
        f.duplicates = counts.duplicates;
        f.lost = counts.lost;
        f.deserializationFailures = counts.deserializationFailures;
        s.consumers << f;
    }

    auto keyOf = [this](const TopicPartition &tp, qint64 offset) -> std::optional<QString> {
        const auto it = producedIndex.constFind(ScenarioRecordId {{}, tp, offset});
        return it == producedIndex.cend() ? std::nullopt : producedRecords.at(it.value()).key;
    };
    for (int i = movementCursor; i < timeline.size(); ++i) {
        const ScenarioEvent &e = timeline.at(i);
        FlowMovement m;
        switch (e.kind) {
        case ScenarioEvent::Kind::Produced:
            m.kind = FlowMovement::Kind::Produced;
            break;
        case ScenarioEvent::Kind::Processed:
            // A repeat is recorded as Processed then Duplicate: one token, drawn as the duplicate.
            if (isFollowedByItsDuplicate(i))
                continue;
            m.kind = FlowMovement::Kind::Consumed;
            break;
        case ScenarioEvent::Kind::Duplicate:
            m.kind = FlowMovement::Kind::Duplicate;
            break;
        case ScenarioEvent::Kind::DeserializationFailed:
            m.kind = FlowMovement::Kind::DeserializationFailed;
            break;
        case ScenarioEvent::Kind::Lost:
            m.kind = FlowMovement::Kind::Lost;
            break;
        case ScenarioEvent::Kind::Committed:
            m.kind = FlowMovement::Kind::Committed;
            break;
        default:
            continue;
        }
        m.timeMs = e.timeMs;
        m.client = e.client;
        m.group = e.group;
        m.topicPartition = e.topicPartition;
        m.offset = e.offset;
        if (m.kind != FlowMovement::Kind::Committed)
            m.key = keyOf(e.topicPartition, e.offset);
        s.movements << m;
    }
    movementCursor = int(timeline.size());
    if (s.movements.size() > FlowSnapshot::MaxMovements) {
        s.movementsDropped = int(s.movements.size()) - FlowSnapshot::MaxMovements;
        s.movements = s.movements.mid(s.movementsDropped);
    }

    s.recentEvents = timeline.mid(std::max<qsizetype>(0, timeline.size() - FlowSnapshot::MaxRecentEvents));
    // The event list shows the scenario's own texts (captions, questions) in the chosen language too; the
    // engine's lines stay English, as in the report.
    if (language != LocalizedText::English) {
        for (ScenarioEvent &e : s.recentEvents) {
            if (e.kind != ScenarioEvent::Kind::Caption && e.kind != ScenarioEvent::Kind::Pause)
                continue;
            for (const ScenarioStep &step : std::as_const(scenario.steps)) {
                if (step.action == ScenarioAction::Caption && e.kind == ScenarioEvent::Kind::Caption
                    && step.text.english() == e.text) {
                    e.text = step.text.text(language);
                    break;
                }
                if (step.action == ScenarioAction::Pause && e.kind == ScenarioEvent::Kind::Pause
                    && e.text.startsWith(step.text.english())) {
                    // As the timeline writes it: the question, then its answer.
                    e.text = step.answer.isEmpty() ? step.text.text(language)
                                                   : step.text.text(language) + QStringLiteral(" (→ ")
                            + step.answer.text(language) + QLatin1Char(')');
                    break;
                }
            }
        }
    }
    s.eventCount = int(timelineTrimmed + timeline.size());
    s.rebalances = rebalances;
    s.ownership = ownership;
    s.gaps = ownershipGaps(ownership, s.timeMs);
    s.produced = totals.produced;
    s.processed = totals.processed;
    s.duplicates = totals.duplicates;
    s.lost = totals.lost;
    s.deserializationFailures = totals.deserializationFailures;
    return s;
}

RecordJourney ScenarioRunner::Private::journey(const TopicPartition &tp, qint64 offset) const
{
    RecordJourney j;
    j.topicPartition = tp;
    j.offset = offset;
    if (!log) {
        j.error = QStringLiteral("the scenario has not started");
        return j;
    }
    const std::optional<PartitionInfo> info = log->partitionInfo(tp);
    if (!info) {
        j.error = QStringLiteral("unknown partition %1").arg(tp.toString());
        return j;
    }

    const ScenarioProducedRecord *produced = nullptr;
    if (const auto it = producedIndex.constFind(ScenarioRecordId {{}, tp, offset}); it != producedIndex.cend())
        produced = &producedRecords.at(it.value());
    if (produced) {
        j.producer = produced->producer;
        j.producedAtMs = produced->timeMs;
        j.partitionDecision = produced->decision;
        j.steps << RecordJourney::Step {produced->timeMs,
            QStringLiteral("produced by %1 to %2 at offset %3 (%4)")
                .arg(produced->producer, tp.toString())
                .arg(offset)
                .arg(produced->decision)};
    }

    if (offset < info->logStartOffset || offset >= info->logEndOffset) {
        j.error = offset >= 0 && offset < info->logStartOffset
            ? QStringLiteral("offset %1 of %2 was deleted: the log starts at %3")
                  .arg(offset)
                  .arg(tp.toString())
                  .arg(info->logStartOffset)
            : QStringLiteral("offset %1 is outside %2's log [%3, %4)")
                  .arg(offset)
                  .arg(tp.toString())
                  .arg(info->logStartOffset)
                  .arg(info->logEndOffset);
        // A deleted record still has a history worth showing (below); an offset never written has none.
        if (offset < 0 || offset >= info->logEndOffset) {
            j.steps.clear();
            return j;
        }
    } else {
        const std::vector<Record> records = readRecords(*log, tp, offset, offset + 1);
        if (records.empty() || records.front().offset != offset) {
            j.error = QStringLiteral("offset %1 of %2 could not be read").arg(offset).arg(tp.toString());
        } else {
            const Record &r = records.front();
            j.found = true;
            j.timestamp = r.timestamp;
            j.keyBytes = r.key;
            j.valueBytes = r.value;
        }
    }
    if (j.found) {
        // Deserialized as its producer serialized it; records from elsewhere as text (or hex).
        const auto p = produced ? producers.find(produced->producer) : producers.end();
        auto show = [](const std::optional<QByteArray> &bytes, std::optional<SerdeFormat> format) -> QString {
            if (!bytes)
                return QStringLiteral("null");
            if (format) {
                const DeserializeResult d = Serializer(*format).deserialize(bytes);
                if (d.ok())
                    return Serializer::display(d.value);
            }
            return bytesText(*bytes);
        };
        j.keyText = show(
            j.keyBytes, p != producers.end() ? std::optional<SerdeFormat>(p->second.spec.keySerializer) : std::nullopt);
        j.valueText = show(j.valueBytes,
            p != producers.end() ? std::optional<SerdeFormat>(p->second.spec.valueSerializer) : std::nullopt);
    }

    for (const ScenarioPoll &poll : polls) {
        const auto it = poll.ranges.constFind(tp);
        if (it != poll.ranges.cend() && it->first <= offset && offset <= it->second)
            j.steps << RecordJourney::Step {
                poll.timeMs, QStringLiteral("polled by %1 (gen %2)").arg(poll.consumer).arg(poll.generation)};
    }
    QSet<QString> committedBy;
    for (qsizetype i = 0; i < timeline.size(); ++i) {
        const ScenarioEvent &e = timeline.at(i);
        if (e.topicPartition != tp)
            continue;
        switch (e.kind) {
        case ScenarioEvent::Kind::Processed:
            if (e.offset != offset)
                break;
            if (isFollowedByItsDuplicate(i))
                break; // told by the Duplicate below
            j.steps << RecordJourney::Step {
                e.timeMs, QStringLiteral("processed by %1 (gen %2)").arg(e.client).arg(e.generation)};
            break;
        case ScenarioEvent::Kind::Duplicate: {
            if (e.offset != offset)
                break;
            int times = 0;
            for (qsizetype k = 0; k <= i; ++k) {
                const ScenarioEvent &p = timeline.at(k);
                times += p.kind == ScenarioEvent::Kind::Processed && p.group == e.group && p.topicPartition == tp
                    && p.offset == offset;
            }
            j.steps << RecordJourney::Step {e.timeMs,
                QStringLiteral("processed AGAIN by %1 (gen %2): duplicate, the %3 time in group %4")
                    .arg(e.client)
                    .arg(e.generation)
                    .arg(scenarioOrdinal(times), e.group.isEmpty() ? QStringLiteral("(none)") : e.group)};
            break;
        }
        case ScenarioEvent::Kind::DeserializationFailed: {
            if (e.offset != offset)
                break;
            QString why;
            if (const auto c = consumers.find(e.client); c != consumers.end() && j.found) {
                const ScenarioConsumer &spec = c->second.spec;
                QStringList errors;
                const DeserializeResult k
                    = Serializer(spec.keyDeserializer, spec.keyAcceptsNull).deserialize(j.keyBytes);
                const DeserializeResult v
                    = Serializer(spec.valueDeserializer, spec.valueAcceptsNull).deserialize(j.valueBytes);
                if (!k.ok())
                    errors << QStringLiteral("key: ") + k.error;
                if (!v.ok())
                    errors << QStringLiteral("value: ") + v.error;
                why = errors.join(QStringLiteral("; "));
            }
            j.steps << RecordJourney::Step {e.timeMs,
                QStringLiteral("deserialization failed in %1 (gen %2)%3; skipped")
                    .arg(e.client)
                    .arg(e.generation)
                    .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why)};
            break;
        }
        case ScenarioEvent::Kind::Lost:
            if (e.offset == offset)
                j.steps << RecordJourney::Step {e.timeMs,
                    QStringLiteral("LOST: %1 crashed before processing it, but group %2 had committed past it")
                        .arg(e.client, e.group)};
            break;
        case ScenarioEvent::Kind::Committed:
            // The first commit of each group that passed the record.
            if (e.offset > offset && !committedBy.contains(e.group)) {
                committedBy.insert(e.group);
                j.steps << RecordJourney::Step {e.timeMs,
                    QStringLiteral("committed by group %1 (offset %2, by %3)")
                        .arg(e.group)
                        .arg(e.offset)
                        .arg(e.client)};
            }
            break;
        default:
            break;
        }
    }
    for (const ScenarioDeletion &del : deletions) {
        if (del.topicPartition == tp && del.newLogStartOffset > offset) {
            j.steps << RecordJourney::Step {del.timeMs,
                QStringLiteral("deleted by %1: logStartOffset moved to %2")
                    .arg(deletionCauseName(del.cause))
                    .arg(del.newLogStartOffset)};
            break;
        }
    }
    std::stable_sort(j.steps.begin(), j.steps.end(),
        [](const RecordJourney::Step &a, const RecordJourney::Step &b) { return a.timeMs < b.timeMs; });
    if (timelineTrimmed > 0 && !timeline.isEmpty() && (j.producedAtMs < 0 || j.producedAtMs < timeline.first().timeMs))
        j.steps.prepend(RecordJourney::Step {timeline.first().timeMs,
            QStringLiteral("(this open-ended run keeps its newest %1 events: what happened to the record before %2 "
                           "is no longer known)")
                .arg(MaxOpenEndedEvents)
                .arg(scenarioTime(timeline.first().timeMs))});
    return j;
}

} // namespace topicscope::engine
