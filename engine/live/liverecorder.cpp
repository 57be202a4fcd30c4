#include "liverecorder.h"
#include "topicnames.h"

#include "broker/broker.h"

#include <algorithm>

namespace topicscope::engine {

namespace {

QString hostOf(const QString &peer)
{
    const qsizetype colon = peer.lastIndexOf(QLatin1Char(':'));
    return colon < 0 ? peer : peer.left(colon);
}

bool isEager(const QString &assignor)
{
    return assignor != QLatin1String("cooperative-sticky");
}

} // namespace

double LiveClient::rate(qint64 nowMs) const
{
    const qint64 second = nowMs / 1000;
    if (second == bucketSecond)
        return double(previousBucketRecords);
    if (second == bucketSecond + 1)
        return double(bucketRecords);
    return 0;
}

void LiveClient::count(qint64 nowMs, qint64 n)
{
    const qint64 second = nowMs / 1000;
    if (second != bucketSecond) {
        previousBucketRecords = second == bucketSecond + 1 ? bucketRecords : 0;
        bucketRecords = 0;
        bucketSecond = second;
    }
    bucketRecords += n;
    records += n;
    lastMs = nowMs;
}

LiveRecorder::LiveRecorder(Broker &broker, qint64 originMs)
    : m_broker(broker)
    , m_recorder(originMs)
{
    m_recorder.setBounded(true);
    m_recorder.setMemberNames([this](const QString &memberId) {
        const QString name = nameOfMember(memberId);
        return name.isEmpty() ? memberId : name;
    });
    m_recorder.attach(broker);
    // After the recorder's subscription: a rebalance is in the recording before ownership follows it.
    m_subscription = broker.events().subscribe([this](const Event &event) { onEvent(event); });
}

LiveRecorder::~LiveRecorder()
{
    m_broker.events().unsubscribe(m_subscription);
    m_recorder.detach();
}

QString LiveRecorder::memberName(const QString &clientId, const QString &memberId)
{
    // Kafka's member ids are "<client.id>-<uuid>"; the uuid's first characters tell members of one client.id apart.
    QString own = memberId;
    if (!clientId.isEmpty() && memberId.startsWith(clientId + QLatin1Char('-')))
        own = memberId.mid(clientId.size() + 1);
    const QString base = clientId.isEmpty() ? QStringLiteral("member") : clientId;
    return base + QStringLiteral("·") + own.left(4);
}

QString LiveRecorder::clientName(const QString &clientId, const QString &peer)
{
    return QStringLiteral("%1 (%2)").arg(clientId.isEmpty() ? QStringLiteral("(no client.id)") : clientId, peer);
}

QString LiveRecorder::causeKind(const QString &reason)
{
    // The coordinator's own wording (group/groupcoordinatorprivate.cpp, groupcoordinator.cpp).
    static const std::pair<const char *, const char *> kinds[] = {
        {"left the group", "leave"},
        {"expired: no heartbeat", "session timeout"},
        {"did not rejoin", "rebalance timeout"},
        {"no SyncGroup within the rebalance timeout", "rebalance timeout"},
        {"rebalance timeout", "rebalance timeout"},
        {"changed metadata", "metadata change"},
        {"static member", "static member replaced"},
        {"new member", "join"},
        {"rejoined", "rejoin"},
    };
    for (const auto &[needle, kind] : kinds) {
        if (reason.contains(QLatin1String(needle)))
            return QLatin1String(kind);
    }
    return {};
}

QString LiveRecorder::nameOfMember(const QString &memberId) const
{
    const auto it = m_members.constFind(memberId);
    return it == m_members.cend() ? QString() : it->name;
}

const LiveProducedBatch *LiveRecorder::batchOf(const TopicPartition &tp, qint64 offset) const
{
    const auto partition = m_batches.constFind(tp);
    if (partition == m_batches.cend() || partition->isEmpty())
        return nullptr;
    auto it = partition->upperBound(offset);
    if (it == partition->cbegin())
        return nullptr;
    --it;
    return it->lastOffset >= offset ? &it.value() : nullptr;
}

const QString &LiveRecorder::connectionName(const WireExchange &e)
{
    if (m_connectionNames.size() >= MaxMembers && !m_connectionNames.contains(e.connectionId))
        m_connectionNames.clear(); // many short connections: start again rather than grow without bound
    ConnectionName &cached = m_connectionNames[e.connectionId];
    // Connection ids are unique per broker, but a test's exchanges may share one: the name follows what is asked.
    if (cached.name.isEmpty() || cached.clientId != e.clientId || cached.peer != e.peer)
        cached = ConnectionName {e.clientId, e.peer, clientName(e.clientId, e.peer)};
    return cached.name;
}

bool LiveRecorder::takeChanged()
{
    return std::exchange(m_changed, false);
}

void LiveRecorder::observe(const WireExchange &e)
{
    switch (e.apiKey) {
    case 0:
        onProduce(e);
        break;
    case 1:
        onFetch(e);
        break;
    case 8: // OffsetCommit: the broker's own event records it
    case 11:
    case 12: // Heartbeat
    case 13: // LeaveGroup
    case 14:
    case 68: // ConsumerGroupHeartbeat (KIP-848): joins, heartbeats and leaves
        onGroupRequest(e);
        break;
    default:
        break;
    }
    m_recorder.compact();
}

void LiveRecorder::onProduce(const WireExchange &e)
{
    const QString name = connectionName(e);
    for (const WireRange &r : e.produced) {
        if (r.error != ErrorCode::None || r.firstOffset < 0 || TopicNames::isInternal(r.topicPartition.topic))
            continue;
        LiveClient &p = m_producers[name];
        p.name = name;
        p.clientId = e.clientId;
        p.peer = e.peer;
        p.lastTopic = r.topicPartition.topic;
        p.count(m_broker.clock().nowMs(), r.records);
        m_batches[r.topicPartition].insert(
            r.firstOffset, LiveProducedBatch {name, r.firstOffset, r.lastOffset, r.records, now()});
        m_batchOrder.push_back(r.topicPartition);
        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::Produced;
        ev.client = name;
        ev.topicPartition = r.topicPartition;
        ev.offset = r.firstOffset;
        ev.records = r.records;
        // One allocation for the line (QStringBuilder) instead of one per chained arg(): a line per produced batch.
        ev.text = name % u" produced " % QString::number(r.records) % u" record(s) to " % r.topicPartition.topic % u'-'
            % QString::number(r.topicPartition.partition) % u" at offsets " % QString::number(r.firstOffset) % u".."
            % QString::number(r.lastOffset);
        m_recorder.record(ev);
        m_changed = true;
    }
    forgetOldest();
}

LiveMember *LiveRecorder::memberForFetch(const WireExchange &e, const TopicPartition &tp)
{
    const QString host = hostOf(e.peer);
    LiveMember *owner = nullptr;
    LiveMember *only = nullptr;
    int candidates = 0;
    for (LiveMember &m : m_members) {
        if (!m.active || m.clientId != e.clientId || m.host != host)
            continue;
        ++candidates;
        only = &m;
        if (m.assignment.contains(tp)) {
            if (owner)
                return nullptr; // two members of one client claim it: cannot tell
            owner = &m;
        }
    }
    if (owner)
        return owner;
    return candidates == 1 ? only : nullptr;
}

void LiveRecorder::onFetch(const WireExchange &e)
{
    for (const WireRange &r : e.fetched) {
        if (TopicNames::isInternal(r.topicPartition.topic)) // a lag monitor reading the broker's bookkeeping
            continue;
        LiveMember *member = memberForFetch(e, r.topicPartition);
        LiveDelivery d;
        d.timeMs = now();
        d.firstOffset = r.firstOffset;
        d.lastOffset = r.lastOffset;
        LiveClient *activity = nullptr;
        if (member) {
            d.consumer = member->name;
            d.group = member->group;
            d.generation = member->generation;
            activity = &m_memberActivity[member->name];
            Fetched &f = m_groupFetched[member->group][r.topicPartition];
            if (f.upTo >= r.firstOffset && (f.member != member->memberId || f.generation != member->generation)) {
                d.redeliveredUpTo = qMin(f.upTo, r.lastOffset);
                d.earlierFetcher = nameOfMember(f.member);
            }
            if (r.lastOffset > f.upTo || f.member != member->memberId || f.generation != member->generation) {
                f.upTo = qMax(f.upTo, r.lastOffset);
                f.member = member->memberId;
                f.generation = member->generation;
            }
        } else {
            d.consumer = connectionName(e);
            activity = &m_plainConsumers[d.consumer];
        }
        activity->name = d.consumer;
        activity->clientId = e.clientId;
        activity->peer = e.peer;
        activity->lastTopic = r.topicPartition.topic;
        activity->positions[r.topicPartition] = r.lastOffset + 1;
        activity->count(m_broker.clock().nowMs(), r.records);

        ScenarioEvent ev;
        ev.kind = ScenarioEvent::Kind::Fetched;
        ev.client = d.consumer;
        ev.group = d.group;
        ev.topicPartition = r.topicPartition;
        ev.offset = r.firstOffset;
        ev.generation = d.generation;
        ev.records = r.records;
        ev.text = d.consumer % u" fetched " % QString::number(r.records) % u" record(s) of " % r.topicPartition.topic
            % u'-' % QString::number(r.topicPartition.partition) % u" at offsets " % QString::number(r.firstOffset)
            % u".." % QString::number(r.lastOffset)
            % (d.group.isEmpty() ? QString()
                                 : u" (group " % d.group % u", gen " % QString::number(d.generation) % u')');
        m_recorder.record(ev);
        if (d.redeliveredUpTo >= d.firstOffset) {
            const int again = int(d.redeliveredUpTo - d.firstOffset + 1);
            activity->redelivered += again;
            ScenarioEvent re = ev;
            re.kind = ScenarioEvent::Kind::Redelivered;
            re.records = again;
            re.text = QStringLiteral("%1 fetched %2 offsets %3..%4 again: %5 record(s) %6 had already fetched in group "
                                     "%7 (redelivery after a rebalance or restart)")
                          .arg(d.consumer, r.topicPartition.toString())
                          .arg(d.firstOffset)
                          .arg(d.redeliveredUpTo)
                          .arg(again)
                          .arg(d.earlierFetcher.isEmpty() ? QStringLiteral("an earlier member") : d.earlierFetcher,
                              d.group);
            m_recorder.record(re);
        }
        m_deliveries[r.topicPartition] << d;
        m_deliveryOrder.push_back(r.topicPartition);
        m_changed = true;
    }
    forgetOldest();
}

void LiveRecorder::onGroupRequest(const WireExchange &e)
{
    if (e.memberId.isEmpty() || e.group.isEmpty())
        return;
    // JoinGroup names the member (its first answer, MEMBER_ID_REQUIRED, already gives the id it will use); under
    // Kafka 4's consumer protocol its first ConsumerGroupHeartbeat does.
    const bool joins = e.apiKey == 11 || (e.apiKey == 68 && e.generation >= 0);
    if (joins && !m_members.contains(e.memberId) && m_members.size() < MaxMembers) {
        LiveMember m;
        m.memberId = e.memberId;
        m.clientId = e.clientId;
        m.host = hostOf(e.peer);
        m.group = e.group;
        m.name = memberName(e.clientId, e.memberId);
        m_members.insert(m.memberId, m);
        m_changed = true;
    }
    if (const auto it = m_members.find(e.memberId); it != m_members.end() && joins && e.error == ErrorCode::None) {
        it->active = true;
        if (it->host.isEmpty()) // named first by the coordinator's event (consumer protocol), before its exchange
            it->host = hostOf(e.peer);
    }
}

void LiveRecorder::closeMember(LiveMember &m, const QString &reason)
{
    m_recorder.closeAllOwnership(m.name, reason);
    m.assignment.clear();
    m.active = false;
    m.leftMs = m_broker.clock().nowMs();
}

void LiveRecorder::onMemberAssignment(const MemberAssignmentChanged &e)
{
    // Kafka 4's consumer protocol: a member owns a partition from the heartbeat answer that hands it over until the
    // heartbeat that reports it given up, so the gap between two owners is the time nobody processed it.
    m_changed = true;
    auto it = m_members.find(e.memberId);
    if (it == m_members.end()) {
        if (e.memberEpoch < 0 || m_members.size() >= MaxMembers)
            return;
        LiveMember m;
        m.memberId = e.memberId;
        m.clientId = e.clientId;
        m.group = e.groupId;
        m.name = memberName(e.clientId, e.memberId);
        it = m_members.insert(m.memberId, m);
    }
    LiveMember &m = *it;
    if (e.memberEpoch == -1) {
        const QString kind = causeKind(e.reason);
        closeMember(m, kind.isEmpty() ? QStringLiteral("left") : kind);
        return;
    }
    m.active = true;
    QList<TopicPartition> revoked;
    QList<TopicPartition> added;
    for (const TopicPartition &tp : std::as_const(m.assignment)) {
        if (!e.assigned.contains(tp))
            revoked << tp;
    }
    for (const TopicPartition &tp : e.assigned) {
        if (!m.assignment.contains(tp))
            added << tp;
    }
    m_recorder.closeOwnership(m.name, revoked, QStringLiteral("revoked"));
    m_recorder.openOwnership(e.groupId, m.name, e.memberEpoch, added);
    m.assignment = e.assigned;
    m.generation = e.memberEpoch;
    m.reconciling = !e.revoking.isEmpty() || e.memberEpoch < e.groupEpoch;
}

void LiveRecorder::onEvent(const Event &event)
{
    if (const auto *e = std::get_if<GroupStateChanged>(&event)) {
        m_changed = true;
        if (e->toState == QLatin1String("PreparingRebalance") || e->toState == QLatin1String("Empty")
            || e->toState == QLatin1String("Dead")) {
            // Members the coordinator no longer has left (or expired) now; under an eager protocol everyone else
            // gives up all partitions as the rebalance starts, under cooperative-sticky only at its end.
            const GroupDescription now = m_broker.groups().describeGroup(e->groupId);
            QSet<QString> present;
            for (const GroupMemberDescription &m : now.members)
                present.insert(m.memberId);
            const QString kind = causeKind(e->reason);
            for (LiveMember &m : m_members) {
                if (m.group != e->groupId || !m.active)
                    continue;
                if (!present.contains(m.memberId))
                    closeMember(m, kind.isEmpty() ? QStringLiteral("left") : kind);
                else if (e->toState == QLatin1String("PreparingRebalance")
                    && isEager(m_groupProtocol.value(e->groupId)))
                    m_recorder.closeAllOwnership(m.name, QStringLiteral("revoked"));
            }
        }
    } else if (const auto *e = std::get_if<MemberAssignmentChanged>(&event)) {
        onMemberAssignment(*e);
    } else if (const auto *e = std::get_if<RebalanceCompleted>(&event)) {
        m_changed = true;
        m_groupProtocol[e->groupId] = e->protocolName;
        // Under the consumer protocol each member's own heartbeats moved its partitions (onMemberAssignment).
        if (e->groupType == QLatin1String("consumer")) {
            m_recorder.dropOldRebalances(MaxRebalances);
            return;
        }
        for (LiveMember &m : m_members) {
            if (m.group != e->groupId || !m.active)
                continue;
            const auto assigned = e->assignment.constFind(m.memberId);
            if (assigned == e->assignment.cend()) {
                closeMember(m, QStringLiteral("left"));
                continue;
            }
            QList<TopicPartition> next = assigned.value();
            std::sort(next.begin(), next.end());
            QList<TopicPartition> revoked;
            for (const TopicPartition &tp : std::as_const(m.assignment)) {
                if (!next.contains(tp))
                    revoked << tp;
            }
            m_recorder.closeOwnership(m.name, revoked, QStringLiteral("revoked"));
            m_recorder.openOwnership(e->groupId, m.name, e->generationId, next);
            m.assignment = next;
            m.generation = e->generationId;
        }
        m_recorder.dropOldRebalances(MaxRebalances);
    } else if (const auto *e = std::get_if<TopicDeleted>(&event)) {
        // A topic created again under the same name starts at offset 0: what was known of the old one must go.
        m_changed = true;
        m_batches.removeIf([&](const auto &it) { return it.key().topic == e->topic; });
        m_deliveries.removeIf([&](const auto &it) { return it.key().topic == e->topic; });
        for (auto &partitions : m_groupFetched)
            partitions.removeIf([&](const auto &it) { return it.key().topic == e->topic; });
    } else {
        m_changed = true;
    }
}

void LiveRecorder::forgetOldest()
{
    while (qsizetype(m_batchOrder.size()) > MaxBatches) {
        auto partition = m_batches.find(m_batchOrder.front());
        if (partition != m_batches.end() && !partition->isEmpty())
            partition->erase(partition->begin());
        m_batchOrder.pop_front();
    }
    while (qsizetype(m_deliveryOrder.size()) > MaxDeliveries) {
        auto partition = m_deliveries.find(m_deliveryOrder.front());
        if (partition != m_deliveries.end() && !partition->isEmpty())
            partition->removeFirst();
        m_deliveryOrder.pop_front();
    }
}

} // namespace topicscope::engine
