#include "generationhistory.h"

#include "group/consumerprotocol.h"

#include <QSet>
#include <algorithm>

namespace topicscope::engine {

namespace {

// A group worth a row: one that has settled. Mid-rebalance descriptions (PreparingRebalance, CompletingRebalance,
// Assigning, Reconciling) list members without their final assignment; comparing them would make rows of
// half-finished generations.
bool isSettled(const QString &state)
{
    return state == QLatin1String("Stable") || state == QLatin1String("Empty");
}

// The same members with the same partitions: what tells two sightings of one generation.
bool sameMembership(const GroupGeneration &a, const GroupGeneration &b)
{
    if (a.members.size() != b.members.size())
        return false;
    for (qsizetype i = 0; i < a.members.size(); ++i) {
        if (a.members.at(i).memberId != b.members.at(i).memberId
            || a.members.at(i).assignment != b.members.at(i).assignment)
            return false;
    }
    return true;
}

void sortMembers(QList<GenerationMember> *members)
{
    for (GenerationMember &m : *members)
        std::sort(m.assignment.begin(), m.assignment.end());
    std::sort(members->begin(), members->end(),
        [](const GenerationMember &a, const GenerationMember &b) { return a.memberId < b.memberId; });
}

// How much a row says: the fields it fills.
int richness(const GroupGeneration &r)
{
    int n = 0;
    n += r.generation >= 0;
    n += !r.state.isEmpty();
    n += !r.protocolType.isEmpty();
    n += !r.assignor.isEmpty();
    n += !r.leader.isEmpty();
    for (const GenerationMember &m : r.members)
        n += !m.clientId.isEmpty() + !m.clientHost.isEmpty();
    return n;
}

GroupGeneration combine(const GroupGeneration &a, const GroupGeneration &b)
{
    GroupGeneration out = richness(a) >= richness(b) ? a : b;
    const GroupGeneration &other = richness(a) >= richness(b) ? b : a;
    if (out.generation < 0)
        out.generation = other.generation;
    if (out.state.isEmpty())
        out.state = other.state;
    if (out.protocolType.isEmpty())
        out.protocolType = other.protocolType;
    if (out.assignor.isEmpty())
        out.assignor = other.assignor;
    if (out.leader.isEmpty())
        out.leader = other.leader;
    for (GenerationMember &m : out.members) {
        for (const GenerationMember &o : other.members) {
            if (o.memberId != m.memberId)
                continue;
            if (m.clientId.isEmpty())
                m.clientId = o.clientId;
            if (m.clientHost.isEmpty())
                m.clientHost = o.clientHost;
        }
    }
    if (other.timeMs > 0 && (out.timeMs <= 0 || other.timeMs < out.timeMs))
        out.timeMs = other.timeMs;
    out.sources = a.sources | b.sources;
    return out;
}

QHash<TopicPartition, QString> owners(const GroupGeneration &row)
{
    QHash<TopicPartition, QString> out;
    for (const GenerationMember &m : row.members) {
        for (const TopicPartition &tp : m.assignment)
            out.insert(tp, m.memberId);
    }
    return out;
}

QList<TopicPartition> moved(const GroupGeneration &before, const GroupGeneration &after)
{
    const QHash<TopicPartition, QString> was = owners(before);
    const QHash<TopicPartition, QString> now = owners(after);
    QSet<TopicPartition> all;
    for (auto it = was.cbegin(); it != was.cend(); ++it)
        all.insert(it.key());
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        all.insert(it.key());
    QList<TopicPartition> out;
    for (const TopicPartition &tp : std::as_const(all)) {
        if (was.value(tp) != now.value(tp))
            out.append(tp);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void keepNewest(QList<GroupGeneration> *rows)
{
    if (rows->size() > GroupHistory::MaxRowsPerGroup)
        rows->remove(0, rows->size() - GroupHistory::MaxRowsPerGroup);
}

} // namespace

GenerationHistory::GenerationHistory(GroupGeneration::Source pollSource)
    : m_pollSource(pollSource)
{ }

void GenerationHistory::observe(
    const QList<GroupDescription> &groups, const Assignments &decoded, bool generationsKnown, qint64 nowMs)
{
    for (const GroupDescription &g : groups) {
        if (g.error != ErrorCode::None || !isSettled(g.state))
            continue;
        GroupGeneration row;
        row.timeMs = nowMs;
        row.groupId = g.groupId;
        row.groupType = g.type;
        const bool consumerProtocol = g.type == ConsumerGroupType;
        if (generationsKnown)
            row.generation = consumerProtocol ? g.groupEpoch : g.generationId;
        row.state = g.state;
        row.protocolType = g.protocolType;
        row.assignor = g.protocolName;
        row.leader = g.leader;
        row.sources = m_pollSource;
        const auto groupDecoded = decoded.constFind(g.groupId);
        for (const GroupMemberDescription &m : g.members) {
            GenerationMember member {m.memberId, m.clientId, m.clientHost, {}};
            if (groupDecoded != decoded.cend()) {
                member.assignment = groupDecoded->value(m.memberId);
            } else if (consumerProtocol) {
                member.assignment = m.assignedPartitions;
            } else if (g.protocolType == QLatin1String("consumer")) {
                if (const auto a = ConsumerProtocol::decodeAssignment(m.assignment))
                    member.assignment = a->partitions;
            }
            row.members.append(member);
        }
        sortMembers(&row.members);
        const auto last = m_lastSeen.constFind(g.groupId);
        if (last != m_lastSeen.cend() && last->generation == row.generation && sameMembership(*last, row))
            continue;
        m_lastSeen.insert(g.groupId, row);
        addSeen(row);
    }
}

void GenerationHistory::addSeen(GroupGeneration row)
{
    m_merged.reset();
    QList<GroupGeneration> &rows = m_seen[row.groupId];
    // One generation seen again with other members (a static member replaced in a Stable group): the row follows.
    if (row.generation >= 0 && !rows.isEmpty() && rows.constLast().generation == row.generation) {
        row.timeMs = rows.constLast().timeMs;
        rows.last() = row;
    } else {
        rows.append(row);
    }
    keepNewest(&rows);
    m_lastChangeMs.insert(row.groupId, row.timeMs);
    forgetOldGroups();
}

void GenerationHistory::addRecorded(GroupGeneration row)
{
    m_merged.reset();
    QList<GroupGeneration> &rows = m_recorded[row.groupId];
    const auto at = std::lower_bound(rows.begin(), rows.end(), row.generation,
        [](const GroupGeneration &r, qint32 generation) { return r.generation < generation; });
    if (at != rows.end() && at->generation == row.generation)
        *at = row; // the newest record of a key wins, as on replay
    else
        rows.insert(at, row);
    keepNewest(&rows);
    m_lastChangeMs.insert(row.groupId, std::max(m_lastChangeMs.value(row.groupId), row.timeMs));
    forgetOldGroups();
}

void GenerationHistory::forgetOldGroups()
{
    while (m_lastChangeMs.size() > GroupHistory::MaxGroups) {
        auto oldest = m_lastChangeMs.cbegin();
        for (auto it = m_lastChangeMs.cbegin(); it != m_lastChangeMs.cend(); ++it) {
            if (it.value() < oldest.value())
                oldest = it;
        }
        const QString group = oldest.key();
        m_lastChangeMs.remove(group);
        m_seen.remove(group);
        m_recorded.remove(group);
        m_lastSeen.remove(group);
        m_consumerGroups.remove(group);
    }
}

void GenerationHistory::addOffsetsRecord(
    QByteArrayView keyBytes, const std::optional<QByteArray> &value, qint64 timestampMs)
{
    const std::optional<ConsumerOffsetsKey> key = ConsumerOffsetsRecords::decodeKey(keyBytes);
    if (!key)
        return;
    using Kind = ConsumerOffsetsKey::Kind;
    switch (key->kind) {
    case Kind::OffsetCommit:
        return;
    case Kind::GroupMetadata: {
        if (!value)
            return; // the group was deleted: its history stays
        const std::optional<GroupMetadataRecordValue> v = ConsumerOffsetsRecords::decodeGroupMetadataValue(*value);
        if (!v)
            return;
        GroupGeneration row;
        row.timeMs = v->currentStateTimestamp >= 0 ? v->currentStateTimestamp : timestampMs;
        row.groupId = key->group;
        row.generation = v->generation;
        // Written when the leader's assignment arrives, as the group becomes Stable (or when a static member is
        // replaced in a Stable group), or when a rebalance ends without members: Empty.
        row.state = v->members.isEmpty() ? QStringLiteral("Empty") : QStringLiteral("Stable");
        row.protocolType = v->protocolType;
        row.assignor = v->protocol.value_or(QString());
        row.leader = v->leader.value_or(QString());
        row.sources = GroupGeneration::OffsetsTopic;
        for (const GroupMetadataRecordMember &m : v->members) {
            GenerationMember member {m.memberId, m.clientId, m.clientHost, {}};
            if (v->protocolType == QLatin1String("consumer")) {
                if (const auto a = ConsumerProtocol::decodeAssignment(m.assignment))
                    member.assignment = a->partitions;
            }
            row.members.append(member);
        }
        sortMembers(&row.members);
        addRecorded(row);
        return;
    }
    case Kind::ConsumerGroupPartitionMetadata:
        if (value) {
            if (const auto topics = ConsumerOffsetsRecords::decodeConsumerGroupPartitionMetadataValue(*value)) {
                for (const ConsumerGroupTopicMetadata &t : *topics)
                    m_topicNames.insert(t.topicId, t.topicName);
            }
        }
        return;
    case Kind::ConsumerGroupMetadata: {
        if (!value) {
            m_consumerGroups.remove(key->group); // the group's last tombstone: it is gone
            return;
        }
        const std::optional<qint32> epoch = ConsumerOffsetsRecords::decodeConsumerGroupEpochValue(*value);
        if (!epoch)
            return;
        ConsumerGroupState &state = consumerGroup(key->group, timestampMs);
        if (*epoch != state.groupEpoch) {
            state.groupEpoch = *epoch;
            state.epochTimeMs = timestampMs;
        }
        break;
    }
    // Kafka writes a change as one batch: members gone and members' metadata first, then the new group epoch, then
    // the current assignments. So only the epoch and the assignments make a row; the records before them belong to
    // the epoch that follows and must not change the previous epoch's row.
    case Kind::ConsumerGroupMemberMetadata: {
        ConsumerGroupState &state = consumerGroup(key->group, timestampMs);
        if (!value)
            state.metadata.remove(key->memberId);
        else if (const auto v = ConsumerOffsetsRecords::decodeConsumerGroupMemberMetadataValue(*value))
            state.metadata.insert(key->memberId, *v);
        return;
    }
    case Kind::ConsumerGroupCurrentMemberAssignment: {
        ConsumerGroupState &state = consumerGroup(key->group, timestampMs);
        if (!value) {
            state.assigned.remove(key->memberId);
            return;
        }
        if (const auto v = ConsumerOffsetsRecords::decodeConsumerGroupCurrentAssignmentValue(*value))
            state.assigned.insert(key->memberId, v->assignedPartitions);
        break;
    }
    case Kind::ConsumerGroupTargetAssignmentMetadata:
    case Kind::ConsumerGroupTargetAssignmentMember:
        return; // the target is where the group is going; rows show what members hold
    }
    recordConsumerGroup(key->group, timestampMs);
}

GenerationHistory::ConsumerGroupState &GenerationHistory::consumerGroup(const QString &group, qint64 timestampMs)
{
    // A group known only by its records counts against MaxGroups too, so that the records' state stays bounded.
    m_lastChangeMs.insert(group, std::max(m_lastChangeMs.value(group), timestampMs));
    forgetOldGroups();
    if (!m_lastChangeMs.contains(group)) {
        m_forgotten = {}; // older than every group kept: read, and dropped
        return m_forgotten;
    }
    return m_consumerGroups[group];
}

void GenerationHistory::recordConsumerGroup(const QString &group, qint64 timestampMs)
{
    const auto state = m_consumerGroups.constFind(group);
    if (state == m_consumerGroups.cend() || state->groupEpoch < 0)
        return;
    GroupGeneration row;
    row.timeMs = state->epochTimeMs > 0 ? state->epochTimeMs : timestampMs;
    row.groupId = group;
    row.groupType = ConsumerGroupType;
    row.generation = state->groupEpoch;
    row.protocolType = QStringLiteral("consumer");
    row.sources = GroupGeneration::OffsetsTopic;
    QSet<QString> ids;
    for (auto it = state->metadata.cbegin(); it != state->metadata.cend(); ++it)
        ids.insert(it.key());
    for (auto it = state->assigned.cbegin(); it != state->assigned.cend(); ++it)
        ids.insert(it.key());
    if (ids.isEmpty())
        row.state = QStringLiteral("Empty");
    for (const QString &id : std::as_const(ids)) {
        GenerationMember member;
        member.memberId = id;
        if (const auto m = state->metadata.constFind(id); m != state->metadata.cend()) {
            member.clientId = m->clientId;
            member.clientHost = m->clientHost;
            if (row.assignor.isEmpty())
                row.assignor = m->serverAssignor.value_or(QString());
        }
        for (const ConsumerGroupTopicPartitions &t : state->assigned.value(id)) {
            // A topic whose subscription record was not read (older than the window) keeps its id.
            const QString name = m_topicNames.value(t.topicId, t.topicId.toString());
            for (const qint32 p : t.partitions)
                member.assignment.append({name, p});
        }
        row.members.append(member);
    }
    sortMembers(&row.members);
    addRecorded(row);
}

GroupHistory GenerationHistory::history() const
{
    if (!m_merged) {
        QList<GroupGeneration> seen;
        for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
            seen += it.value();
        QList<GroupGeneration> recorded;
        for (auto it = m_recorded.cbegin(); it != m_recorded.cend(); ++it)
            recorded += it.value();
        m_merged = merge(seen, recorded);
    }
    GroupHistory h;
    h.rows = *m_merged;
    return h;
}

QList<GroupGeneration> GenerationHistory::merge(
    const QList<GroupGeneration> &seen, const QList<GroupGeneration> &recorded)
{
    QMap<QString, QList<GroupGeneration>> seenByGroup;
    QMap<QString, QList<GroupGeneration>> recordedByGroup;
    for (const GroupGeneration &r : seen)
        seenByGroup[r.groupId].append(r);
    for (const GroupGeneration &r : recorded)
        recordedByGroup[r.groupId].append(r);
    QSet<QString> groups;
    for (auto it = seenByGroup.cbegin(); it != seenByGroup.cend(); ++it)
        groups.insert(it.key());
    for (auto it = recordedByGroup.cbegin(); it != recordedByGroup.cend(); ++it)
        groups.insert(it.key());
    QStringList ordered(groups.cbegin(), groups.cend());
    ordered.sort();

    QList<GroupGeneration> out;
    for (const QString &group : std::as_const(ordered)) {
        QList<GroupGeneration> known = recordedByGroup.value(group);
        std::stable_sort(known.begin(), known.end(),
            [](const GroupGeneration &a, const GroupGeneration &b) { return a.generation < b.generation; });
        QList<bool> joined(known.size(), false);
        QList<GroupGeneration> alone;
        qsizetype lastJoined = -1;
        QList<GroupGeneration> sightings = seenByGroup.value(group);
        std::stable_sort(sightings.begin(), sightings.end(),
            [](const GroupGeneration &a, const GroupGeneration &b) { return a.timeMs < b.timeMs; });
        for (const GroupGeneration &s : std::as_const(sightings)) {
            qsizetype at = -1;
            if (s.generation >= 0) {
                for (qsizetype i = 0; i < known.size() && at < 0; ++i) {
                    if (known.at(i).generation == s.generation)
                        at = i;
                }
            } else {
                for (qsizetype i = lastJoined + 1; i < known.size() && at < 0; ++i) {
                    if (!joined.at(i) && sameMembership(known.at(i), s))
                        at = i;
                }
                if (at >= 0)
                    lastJoined = at;
            }
            if (at < 0) {
                alone.append(s);
                continue;
            }
            known[at] = combine(known.at(at), s);
            joined[at] = true;
        }
        QList<GroupGeneration> rows = known + alone;
        std::stable_sort(rows.begin(), rows.end(), [](const GroupGeneration &a, const GroupGeneration &b) {
            if (a.timeMs != b.timeMs)
                return a.timeMs < b.timeMs;
            return a.generation < b.generation;
        });
        keepNewest(&rows);
        for (qsizetype i = 0; i < rows.size(); ++i)
            rows[i].partitionsMoved = i == 0 ? QList<TopicPartition>() : moved(rows.at(i - 1), rows.at(i));
        out += rows;
    }
    return out;
}

QString GenerationHistory::describe(const GroupGeneration &row)
{
    QStringList members;
    for (const GenerationMember &m : row.members) {
        QStringList parts;
        for (const TopicPartition &tp : m.assignment)
            parts.append(tp.toString());
        members.append(m.memberId + QLatin1Char('=') + parts.join(QLatin1Char(',')));
    }
    QStringList moved;
    for (const TopicPartition &tp : row.partitionsMoved)
        moved.append(tp.toString());
    QStringList sources;
    if (row.hasSource(GroupGeneration::Polled))
        sources.append(QStringLiteral("polled"));
    if (row.hasSource(GroupGeneration::OffsetsTopic))
        sources.append(QStringLiteral("offsets"));
    if (row.hasSource(GroupGeneration::Coordinator))
        sources.append(QStringLiteral("coordinator"));
    return QStringLiteral("%1 gen %2 %3 %4 leader=%5 [%6] moved [%7] %8")
        .arg(row.groupId, row.generation >= 0 ? QString::number(row.generation) : QStringLiteral("?"),
            row.state.isEmpty() ? QStringLiteral("-") : row.state,
            row.assignor.isEmpty() ? QStringLiteral("-") : row.assignor,
            row.leader.isEmpty() ? QStringLiteral("-") : row.leader, members.join(QLatin1Char(' ')),
            moved.join(QLatin1Char(',')), sources.join(QLatin1Char('+')));
}

} // namespace topicscope::engine
