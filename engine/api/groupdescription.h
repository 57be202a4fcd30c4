#pragma once

#include "errorcode.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace topicscope::engine {

// Kafka's DescribeGroups answer for one member and one group (GroupCoordinator::describeGroup), as values.
struct GroupMemberDescription {
    QString memberId;
    std::optional<QString> groupInstanceId;
    QString clientId;
    QString clientHost;
    qint32 sessionTimeoutMs = 0;
    qint32 rebalanceTimeoutMs = 0;
    // When the coordinator last heard from the member (a heartbeat, or a join or sync answered), broker clock ms:
    // its session expires sessionTimeoutMs after that. Not part of Kafka's DescribeGroups answer.
    qint64 lastHeartbeatMs = 0;
    QByteArray metadata; // for the selected protocol
    QByteArray assignment; // current generation's
};

struct GroupDescription {
    ErrorCode error = ErrorCode::None;
    QString groupId;
    QString state; // "Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead"
    QString protocolType;
    QString protocolName;
    qint32 generationId = 0;
    QString leader;
    QList<GroupMemberDescription> members;
};

// One line of ListGroups.
struct GroupListing {
    QString groupId;
    QString protocolType;
    QString state;
};

} // namespace topicscope::engine
