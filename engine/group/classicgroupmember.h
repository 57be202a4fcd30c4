#pragma once

#include "core/clock.h"
#include "group/groupcoordinator.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace topicscope::engine {

using JoinCallback = std::function<void(const JoinGroupResponse &)>;
using SyncCallback = std::function<void(const SyncGroupResponse &)>;

// One member of a classic group (Kafka's MemberMetadata), owned by its ClassicGroup. Private to the
// GroupCoordinator; engine thread only.
struct ClassicGroupMember {
    QString memberId;
    std::optional<QString> groupInstanceId;
    QString clientId;
    QString clientHost;
    qint32 rebalanceTimeoutMs = 0;
    qint32 sessionTimeoutMs = 0;
    QString protocolType;
    QList<GroupProtocol> protocols; // in the member's order of preference
    QByteArray assignment; // of the current generation

    // A parked JoinGroup / SyncGroup response; set while the member waits for the phase to complete.
    JoinCallback awaitingJoin;
    SyncCallback awaitingSync;
    // A member added by this rebalance that has not yet received a JoinGroup response. Unlike the others it
    // can expire while it waits, because a client that gave up would otherwise linger forever.
    bool isNew = false;
    TimerId heartbeatTimer = 0;
    qint64 lastHeartbeatMs = 0; // when heartbeatTimer was last (re)started: the member was last heard from

    bool isAwaitingJoin() const { return static_cast<bool>(awaitingJoin); }
    bool isAwaitingSync() const { return static_cast<bool>(awaitingSync); }
    bool isStatic() const { return groupInstanceId.has_value(); }

    // Metadata the member sent for a protocol; empty if it does not support it.
    QByteArray metadata(const QString &protocol) const
    {
        for (const GroupProtocol &p : protocols) {
            if (p.name == protocol)
                return p.metadata;
        }
        return {};
    }

    bool matches(const QList<GroupProtocol> &other) const
    {
        if (other.size() != protocols.size())
            return false;
        for (qsizetype i = 0; i < other.size(); ++i) {
            if (other[i].name != protocols[i].name || other[i].metadata != protocols[i].metadata)
                return false;
        }
        return true;
    }

    // The member's most preferred protocol among the candidates; empty if none.
    QString vote(const QSet<QString> &candidates) const
    {
        for (const GroupProtocol &p : protocols) {
            if (candidates.contains(p.name))
                return p.name;
        }
        return {};
    }
};

} // namespace topicscope::engine
