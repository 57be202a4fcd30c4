#include "flowprojector.h"
#include "topicnames.h"

#include "broker/broker.h"
#include "core/recordbatch.h"
#include "group/consumerprotocol.h"
#include "sim/ownershipgaps.h"
#include "sim/scenarioformat.h"
#include "sim/scenariorecorder.h"

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

FlowProjector::FlowProjector(const ScenarioRecorder &recorder, qint64 originMs)
    : m_recorder(recorder)
    , m_originMs(originMs)
{ }

void FlowProjector::project(const Broker *broker, const QStringList &knownGroups, FlowSnapshot &s)
{
    const ScenarioRecording &recording = m_recorder.recording();
    s.sequence = ++m_sequence;
    if (broker)
        projectTopics(*broker, s);
    projectGroups(broker, knownGroups, s);
    projectMovements(s);
    const QList<ScenarioEvent> &timeline = recording.timeline;
    s.recentEvents = timeline.mid(std::max<qsizetype>(0, timeline.size() - FlowSnapshot::MaxRecentEvents));
    s.eventCount = int(recording.trimmedEvents + timeline.size());
    s.rebalances = recording.rebalances;
    s.ownership = recording.ownership;
    s.gaps = ownershipGaps(recording.ownership, s.timeMs);
    s.produced = recording.totals.produced;
    s.processed = recording.totals.processed;
    s.duplicates = recording.totals.duplicates;
    s.lost = recording.totals.lost;
    s.deserializationFailures = recording.totals.deserializationFailures;
}

void FlowProjector::projectTopics(const Broker &broker, FlowSnapshot &s) const
{
    const ScenarioRecording &recording = m_recorder.recording();
    const LogManager &log = broker.log();
    for (const QString &topic : log.topicNames()) {
        if (TopicNames::isInternal(topic)) // the broker's bookkeeping, not a partition strip
            continue;
        FlowTopic t;
        t.name = topic;
        const int count = log.partitionCount(topic);
        for (int i = 0; i < count; ++i) {
            const TopicPartition tp {topic, i};
            const std::optional<PartitionInfo> info = log.partitionInfo(tp);
            if (!info)
                continue;
            FlowPartition p;
            p.partition = i;
            p.logStartOffset = info->logStartOffset;
            p.highWatermark = info->logEndOffset;
            const qint64 from
                = std::max(p.logStartOffset, p.highWatermark - qint64(FlowSnapshot::MaxCellsPerPartition));
            for (const Record &r : readRecords(log, tp, from, p.highWatermark)) {
                FlowRecordCell cell;
                cell.offset = r.offset;
                if (r.key)
                    cell.key = bytesText(*r.key);
                cell.timeMs = r.timestamp - m_originMs;
                if (const ScenarioProducedRecord *produced = recording.producedRecord(tp, r.offset)) {
                    cell.producer = produced->producer;
                    cell.timeMs = produced->timeMs;
                }
                p.tail << cell;
            }
            // Mid-instant (an event observer), a producer's batch is in the log before its records are recorded one
            // by one: show the log as far as the timeline has got.
            if (m_recorder.isObserving()) {
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

void FlowProjector::projectGroups(const Broker *broker, const QStringList &knownGroups, FlowSnapshot &s) const
{
    const GroupCoordinator *coordinator = broker ? &broker->groups() : nullptr;
    QStringList groupIds = knownGroups;
    if (coordinator) {
        for (const GroupListing &g : coordinator->listGroups())
            groupIds << g.groupId;
    }
    groupIds.removeDuplicates();
    std::sort(groupIds.begin(), groupIds.end());
    for (const QString &id : std::as_const(groupIds)) {
        const GroupDescription description = coordinator ? coordinator->describeGroup(id) : GroupDescription {};
        FlowGroup g;
        g.id = id;
        g.state = coordinator ? description.state : QStringLiteral("Empty");
        g.type = description.type;
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
                g.owners.insert(tp, m_recorder.clientOfMember(m.memberId));
        }
        s.groups << g;
    }
}

void FlowProjector::projectMovements(FlowSnapshot &s)
{
    const ScenarioRecording &recording = m_recorder.recording();
    const QList<ScenarioEvent> &timeline = recording.timeline;
    auto keyOf = [&recording](const TopicPartition &tp, qint64 offset) -> std::optional<QString> {
        const ScenarioProducedRecord *produced = recording.producedRecord(tp, offset);
        return produced ? produced->key : std::nullopt;
    };
    for (qsizetype i = std::max<qsizetype>(0, m_movementCursor - recording.trimmedEvents); i < timeline.size(); ++i) {
        const ScenarioEvent &e = timeline.at(i);
        FlowMovement m;
        switch (e.kind) {
        case ScenarioEvent::Kind::Produced:
            m.kind = FlowMovement::Kind::Produced;
            break;
        case ScenarioEvent::Kind::Processed:
            // A repeat is recorded as Processed then Duplicate: one token, drawn as the duplicate.
            if (recording.isFollowedByItsDuplicate(i))
                continue;
            m.kind = FlowMovement::Kind::Consumed;
            break;
        case ScenarioEvent::Kind::Duplicate:
        case ScenarioEvent::Kind::Redelivered:
            m.kind = FlowMovement::Kind::Duplicate;
            break;
        case ScenarioEvent::Kind::Fetched:
            m.kind = FlowMovement::Kind::Consumed;
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
        m.records = e.records;
        if (m.kind != FlowMovement::Kind::Committed)
            m.key = keyOf(e.topicPartition, e.offset);
        s.movements << m;
    }
    m_movementCursor = recording.trimmedEvents + timeline.size();
    if (s.movements.size() > FlowSnapshot::MaxMovements) {
        s.movementsDropped = int(s.movements.size()) - FlowSnapshot::MaxMovements;
        s.movements = s.movements.mid(s.movementsDropped);
    }
}

RecordJourney FlowProjector::journey(
    const Broker *broker, const TopicPartition &tp, qint64 offset, const FlowClientFormats &formats) const
{
    RecordJourney j;
    j.topicPartition = tp;
    j.offset = offset;
    if (!broker) {
        j.error = QStringLiteral("the scenario has not started");
        return j;
    }
    const LogManager &log = broker->log();
    const std::optional<PartitionInfo> info = log.partitionInfo(tp);
    if (!info) {
        j.error = QStringLiteral("unknown partition %1").arg(tp.toString());
        return j;
    }

    const ScenarioProducedRecord *produced = m_recorder.recording().producedRecord(tp, offset);
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
        const std::vector<Record> records = readRecords(log, tp, offset, offset + 1);
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
        const std::optional<std::pair<SerdeFormat, SerdeFormat>> serdes
            = produced && formats.serializers ? formats.serializers(produced->producer) : std::nullopt;
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
        j.keyText = show(j.keyBytes, serdes ? std::optional<SerdeFormat>(serdes->first) : std::nullopt);
        j.valueText = show(j.valueBytes, serdes ? std::optional<SerdeFormat>(serdes->second) : std::nullopt);
    }
    addRecordSteps(tp, offset, formats, j);
    return j;
}

// The journey's steps after its production, from the recording: polls, processing, failures, commits, deletion.
void FlowProjector::addRecordSteps(
    const TopicPartition &tp, qint64 offset, const FlowClientFormats &formats, RecordJourney &j) const
{
    const ScenarioRecording &recording = m_recorder.recording();
    const QList<ScenarioEvent> &timeline = recording.timeline;
    for (const ScenarioPoll &poll : recording.polls) {
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
            if (recording.isFollowedByItsDuplicate(i))
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
            const QString why = j.found && formats.deserializationError
                ? formats.deserializationError(e.client, j.keyBytes, j.valueBytes)
                : QString();
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
    for (const ScenarioDeletion &del : recording.deletions) {
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
    if (recording.trimmedEvents > 0 && !timeline.isEmpty()
        && (j.producedAtMs < 0 || j.producedAtMs < timeline.first().timeMs))
        j.steps.prepend(RecordJourney::Step {timeline.first().timeMs,
            QStringLiteral("(this open-ended run keeps its newest %1 events: what happened to the record before %2 "
                           "is no longer known)")
                .arg(ScenarioRecording::MaxOpenEndedEvents)
                .arg(scenarioTime(timeline.first().timeMs))});
}

} // namespace topicscope::engine
