#include "classicgroup.h"

#include "group/consumerprotocol.h"

#include <QLoggingCategory>
#include <QStringList>
#include <algorithm>
#include <initializer_list>

namespace topicscope::engine {
Q_DECLARE_LOGGING_CATEGORY(lcGroupCoordinator)
}

namespace topicscope::engine {

namespace {

using State = ClassicGroup::State;

// Kafka's GroupMetadata: the states each state may be entered from, declared once.
bool isValidPreviousState(State next, State previous)
{
    auto in = [previous](std::initializer_list<State> states) {
        return std::find(states.begin(), states.end(), previous) != states.end();
    };
    switch (next) {
    case State::PreparingRebalance:
        return in({State::Stable, State::CompletingRebalance, State::Empty});
    case State::CompletingRebalance:
        return in({State::PreparingRebalance});
    case State::Stable:
        return in({State::CompletingRebalance});
    case State::Empty:
        return in({State::PreparingRebalance});
    case State::Dead:
        return true;
    }
    return false;
}

} // namespace

QString ClassicGroup::stateName(State state)
{
    switch (state) {
    case State::Empty:
        return QStringLiteral("Empty");
    case State::PreparingRebalance:
        return QStringLiteral("PreparingRebalance");
    case State::CompletingRebalance:
        return QStringLiteral("CompletingRebalance");
    case State::Stable:
        return QStringLiteral("Stable");
    case State::Dead:
        return QStringLiteral("Dead");
    }
    return {};
}

ClassicGroup::ClassicGroup(const QString &groupId, Clock &clock, EventBus &events)
    : m_groupId(groupId)
    , m_clock(clock)
    , m_events(events)
{ }

bool ClassicGroup::transitionTo(State next, const QString &reason)
{
    if (!isValidPreviousState(next, m_state)) {
        qCCritical(lcGroupCoordinator).noquote() << QStringLiteral("group %1: invalid transition %2 -> %3 refused: %4")
                                                        .arg(m_groupId, stateName(m_state), stateName(next), reason);
        return false;
    }
    const State previous = m_state;
    m_state = next;
    m_currentStateTimestampMs = m_clock.nowMs();
    // A rebalance that restarts from CompletingRebalance is still the same rebalance for the user.
    if (next == State::PreparingRebalance && previous != State::CompletingRebalance)
        m_rebalance.startedAtMs = m_clock.nowMs();
    qCInfo(lcGroupCoordinator).noquote()
        << QStringLiteral("group %1: %2 -> %3: %4").arg(m_groupId, stateName(previous), stateName(next), reason);
    m_events.publish(GroupStateChanged {m_groupId, stateName(previous), stateName(next), reason, m_generationId});
    return true;
}

bool ClassicGroup::canRebalance() const
{
    return isValidPreviousState(State::PreparingRebalance, m_state);
}

ClassicGroupMember *ClassicGroup::member(const QString &memberId)
{
    auto it = m_members.find(memberId);
    return it == m_members.end() ? nullptr : &it->second;
}

void ClassicGroup::add(ClassicGroupMember member)
{
    if (m_members.empty())
        m_protocolType = member.protocolType;
    if (member.groupInstanceId)
        m_staticMembers.insert(*member.groupInstanceId, member.memberId);
    if (m_leaderId.isEmpty())
        m_leaderId = member.memberId;
    m_pendingMembers.remove(member.memberId);
    const QString memberId = member.memberId;
    m_members.insert_or_assign(memberId, std::move(member));
}

std::optional<ClassicGroupMember> ClassicGroup::remove(const QString &memberId)
{
    std::optional<ClassicGroupMember> removed;
    if (auto node = m_members.extract(memberId)) {
        removed = std::move(node.mapped());
        if (removed->groupInstanceId && m_staticMembers.value(*removed->groupInstanceId) == memberId)
            m_staticMembers.remove(*removed->groupInstanceId);
    }
    if (isLeader(memberId))
        m_leaderId = m_members.empty() ? QString() : m_members.begin()->first;
    m_pendingMembers.remove(memberId);
    m_pendingSyncMembers.remove(memberId);
    return removed;
}

JoinCallback ClassicGroup::updateMember(ClassicGroupMember &member, const QList<GroupProtocol> &protocols,
    qint32 rebalanceTimeoutMs, qint32 sessionTimeoutMs, JoinCallback awaitingJoin)
{
    member.protocols = protocols;
    member.rebalanceTimeoutMs = rebalanceTimeoutMs;
    member.sessionTimeoutMs = sessionTimeoutMs;
    return std::exchange(member.awaitingJoin, std::move(awaitingJoin));
}

ClassicGroupMember &ClassicGroup::replaceStaticMember(const QString &groupInstanceId, const QString &oldMemberId,
    const QString &newMemberId, JoinCallback *fencedJoin, SyncCallback *fencedSync)
{
    auto node = m_members.extract(oldMemberId);
    ClassicGroupMember &member = node.mapped();
    *fencedJoin = std::exchange(member.awaitingJoin, {});
    *fencedSync = std::exchange(member.awaitingSync, {});
    member.memberId = newMemberId;
    node.key() = newMemberId;
    auto inserted = m_members.insert(std::move(node));
    if (isLeader(oldMemberId))
        m_leaderId = newMemberId;
    if (m_pendingSyncMembers.remove(oldMemberId))
        m_pendingSyncMembers.insert(newMemberId);
    m_staticMembers.insert(groupInstanceId, newMemberId);
    return inserted.position->second;
}

std::optional<QString> ClassicGroup::staticMemberId(const QString &groupInstanceId) const
{
    auto it = m_staticMembers.find(groupInstanceId);
    if (it == m_staticMembers.end())
        return std::nullopt;
    return it.value();
}

int ClassicGroup::numAwaitingJoin() const
{
    return static_cast<int>(std::count_if(
        m_members.begin(), m_members.end(), [](const auto &entry) { return entry.second.isAwaitingJoin(); }));
}

bool ClassicGroup::hasAllMembersJoined() const
{
    return numAwaitingJoin() == size() && m_pendingMembers.isEmpty();
}

bool ClassicGroup::maybeElectNewJoinedLeader()
{
    if (m_leaderId.isEmpty())
        return false;
    const ClassicGroupMember *leader = member(m_leaderId);
    if (leader && leader->isAwaitingJoin())
        return true;
    for (const auto &[memberId, candidate] : m_members) {
        if (candidate.isAwaitingJoin()) {
            qCInfo(lcGroupCoordinator).noquote() << QStringLiteral("group %1: leader %2 did not rejoin, %3 elected")
                                                        .arg(m_groupId, m_leaderId, memberId);
            m_leaderId = memberId;
            return true;
        }
    }
    return false;
}

qint32 ClassicGroup::rebalanceTimeoutMs() const
{
    qint32 timeout = 0;
    for (const auto &[memberId, member] : m_members)
        timeout = std::max(timeout, member.rebalanceTimeoutMs);
    return timeout;
}

namespace {

// Protocols every member supports.
QSet<QString> candidateProtocols(const std::map<QString, ClassicGroupMember> &members)
{
    QMap<QString, int> support;
    for (const auto &[memberId, member] : members) {
        QSet<QString> names; // a member listing a protocol twice still counts once
        for (const GroupProtocol &p : member.protocols)
            names.insert(p.name);
        for (const QString &name : std::as_const(names))
            ++support[name];
    }
    QSet<QString> candidates;
    for (auto it = support.cbegin(); it != support.cend(); ++it) {
        if (it.value() == static_cast<int>(members.size()))
            candidates.insert(it.key());
    }
    return candidates;
}

} // namespace

bool ClassicGroup::supportsProtocols(const QString &protocolType, const QList<GroupProtocol> &protocols) const
{
    if (m_members.empty())
        return !protocolType.isEmpty() && !protocols.isEmpty();
    if (protocolType != m_protocolType)
        return false;
    const QSet<QString> candidates = candidateProtocols(m_members);
    return std::any_of(
        protocols.begin(), protocols.end(), [&](const GroupProtocol &p) { return candidates.contains(p.name); });
}

QString ClassicGroup::selectProtocol() const
{
    const QSet<QString> candidates = candidateProtocols(m_members);
    QStringList order; // first-vote order breaks ties
    QMap<QString, int> votes;
    for (const auto &[memberId, member] : m_members) {
        const QString vote = member.vote(candidates);
        if (vote.isEmpty())
            continue;
        if (!votes.contains(vote))
            order.append(vote);
        ++votes[vote];
    }
    QString winner;
    for (const QString &protocol : std::as_const(order)) {
        if (winner.isEmpty() || votes.value(protocol) > votes.value(winner))
            winner = protocol;
    }
    return winner;
}

void ClassicGroup::initNextGeneration(const QString &reason)
{
    ++m_generationId;
    m_pendingSyncMembers.clear();
    if (!m_members.empty()) {
        m_protocolName = selectProtocol();
        m_subscribedTopics = subscribedTopics();
        transitionTo(State::CompletingRebalance, reason);
    } else {
        m_protocolName.clear();
        m_subscribedTopics = subscribedTopics();
        transitionTo(State::Empty, reason);
    }
}

bool ClassicGroup::usesConsumerProtocol() const
{
    return m_protocolType == QLatin1String("consumer");
}

bool ClassicGroup::isSubscribedToTopic(const QString &topic) const
{
    return m_subscribedTopics ? m_subscribedTopics->contains(topic) : usesConsumerProtocol();
}

std::optional<QSet<QString>> ClassicGroup::subscribedTopics() const
{
    if (!usesConsumerProtocol())
        return std::nullopt;
    QSet<QString> topics;
    for (const auto &[memberId, member] : m_members) {
        const std::optional<ConsumerSubscription> subscription
            = ConsumerProtocol::decodeSubscription(member.metadata(m_protocolName));
        if (!subscription)
            return std::nullopt;
        for (const QString &topic : subscription->topics)
            topics.insert(topic);
    }
    return topics;
}

GroupMetadataRecordValue ClassicGroup::toRecord() const
{
    GroupMetadataRecordValue record;
    record.protocolType = m_protocolType;
    record.generation = m_generationId;
    if (!m_protocolName.isEmpty())
        record.protocol = m_protocolName;
    if (!m_leaderId.isEmpty() && !m_members.empty())
        record.leader = m_leaderId;
    record.currentStateTimestamp = m_currentStateTimestampMs;
    for (const auto &[memberId, member] : m_members) {
        GroupMetadataRecordMember m;
        m.memberId = memberId;
        m.groupInstanceId = member.groupInstanceId;
        m.clientId = member.clientId;
        m.clientHost = member.clientHost;
        m.rebalanceTimeoutMs = member.rebalanceTimeoutMs;
        m.sessionTimeoutMs = member.sessionTimeoutMs;
        m.subscription = member.metadata(m_protocolName);
        m.assignment = member.assignment;
        record.members.append(m);
    }
    return record;
}

void ClassicGroup::restore(const GroupMetadataRecordValue &record)
{
    m_protocolType = record.protocolType;
    m_generationId = record.generation;
    m_protocolName = record.protocol.value_or(QString());
    m_leaderId = record.members.isEmpty() ? QString() : record.leader.value_or(QString());
    m_currentStateTimestampMs = record.currentStateTimestamp;
    m_members.clear();
    m_staticMembers.clear();
    for (const GroupMetadataRecordMember &m : record.members) {
        ClassicGroupMember member;
        member.memberId = m.memberId;
        member.groupInstanceId = m.groupInstanceId;
        member.clientId = m.clientId;
        member.clientHost = m.clientHost;
        member.rebalanceTimeoutMs = m.rebalanceTimeoutMs < 0 ? m.sessionTimeoutMs : m.rebalanceTimeoutMs;
        member.sessionTimeoutMs = m.sessionTimeoutMs;
        member.protocolType = record.protocolType;
        if (record.protocol)
            member.protocols = {GroupProtocol {*record.protocol, m.subscription}};
        member.assignment = m.assignment;
        if (member.groupInstanceId)
            m_staticMembers.insert(*member.groupInstanceId, member.memberId);
        m_members.insert_or_assign(m.memberId, std::move(member));
    }
    if (!m_leaderId.isEmpty() && !m_members.contains(m_leaderId))
        m_leaderId = m_members.begin()->first;
    m_state = m_members.empty() ? State::Empty : State::Stable;
    m_subscribedTopics = subscribedTopics();
}

QList<JoinGroupMember> ClassicGroup::currentMemberMetadata() const
{
    QList<JoinGroupMember> list;
    for (const auto &[memberId, member] : m_members)
        list.append(JoinGroupMember {memberId, member.groupInstanceId, member.metadata(m_protocolName)});
    return list;
}

GroupDescription ClassicGroup::describe() const
{
    GroupDescription description;
    description.groupId = m_groupId;
    description.state = stateName(m_state);
    description.protocolType = m_protocolType;
    description.generationId = m_generationId;
    description.leader = m_leaderId;
    // Like Kafka, metadata and assignments are only meaningful once the generation is Stable.
    const bool stable = is(State::Stable);
    if (stable)
        description.protocolName = m_protocolName;
    for (const auto &[memberId, member] : m_members) {
        GroupMemberDescription m;
        m.memberId = memberId;
        m.groupInstanceId = member.groupInstanceId;
        m.clientId = member.clientId;
        m.clientHost = member.clientHost;
        m.sessionTimeoutMs = member.sessionTimeoutMs;
        m.rebalanceTimeoutMs = member.rebalanceTimeoutMs;
        m.lastHeartbeatMs = member.lastHeartbeatMs;
        if (stable) {
            m.metadata = member.metadata(m_protocolName);
            m.assignment = member.assignment;
        }
        description.members.append(m);
    }
    return description;
}

GroupListing ClassicGroup::overview() const
{
    return GroupListing {m_groupId, m_protocolType, stateName(m_state)};
}

QString ClassicGroup::dump() const
{
    QStringList ids;
    for (const auto &[memberId, member] : m_members)
        ids.append(memberId);
    return QStringLiteral("group %1: %2 gen=%3 leader=%4 members=[%5]")
        .arg(m_groupId, stateName(m_state), QString::number(m_generationId), m_leaderId, ids.join(QLatin1Char(',')));
}

} // namespace topicscope::engine
