#include "groupsmodel.h"

#include "format.h"

#include <algorithm>

namespace topicscope::ui {

void GroupsModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    QList<GroupRow> rows;
    for (qsizetype i = 0; i < snapshot.groups.size(); ++i) {
        const engine::GroupDescription &g = snapshot.groups.at(i);
        GroupRow r;
        r.groupId = g.groupId;
        r.state = g.state;
        r.consumerProtocol = g.type == engine::ConsumerGroupType;
        r.protocolType = g.protocolType;
        r.protocolName = g.protocolName;
        r.generationId = g.generationId;
        r.assignmentEpoch = g.assignmentEpoch;
        r.leader = g.leader;
        r.members = int(g.members.size());
        if (i < snapshot.groupOffsets.size())
            r.totalLag = snapshot.groupOffsets.at(i).totalLag;
        rows.append(r);
    }
    std::sort(rows.begin(), rows.end(), [](const GroupRow &a, const GroupRow &b) { return a.groupId < b.groupId; });
    setRows(rows);
}

QVariant GroupsModel::cell(const GroupRow &row, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column >= Generation && column != Leader ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ToolTipRole && column == Generation && row.generationId < 0)
        return tr("The cluster's description of the group does not say (librdkafka reports no generation or epoch). It "
                  "is filled in from __consumer_offsets when that topic can be read and lists the same members.");
    if (role == Qt::ToolTipRole && row.consumerProtocol) {
        switch (Column(column)) {
        case Type:
            return tr("Kafka 4's consumer group protocol (KIP-848): the broker computes the assignment and each member "
                      "moves to it on its own heartbeats, giving partitions up before anyone else gets them. No "
                      "group-wide stop.");
        case Generation:
            return tr("Group epoch %1: it moves on at every join, leave or subscription change. Target assignment "
                      "epoch %2.")
                .arg(row.generationId)
                .arg(row.assignmentEpoch);
        case Leader:
            return tr("No leader: the broker's assignor (%1) computes the assignment.").arg(row.protocolName);
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole && !row.consumerProtocol && column == Type)
        return tr("The classic protocol: every member rejoins (JoinGroup, SyncGroup) and the leader computes the "
                  "assignment.");
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(column)) {
    case Group:
        return row.groupId;
    case State:
        return row.state;
    case Type:
        return row.consumerProtocol ? QStringLiteral("consumer") : QStringLiteral("classic"); // Kafka's type names
    case ProtocolType:
        return row.protocolType;
    case Assignor:
        return row.protocolName;
    case Generation:
        if (row.generationId < 0 && role == Qt::DisplayRole)
            return QStringLiteral("—");
        if (row.consumerProtocol && role == Qt::DisplayRole && row.assignmentEpoch >= 0
            && row.assignmentEpoch != row.generationId)
            return tr("epoch %1 (target %2)").arg(row.generationId).arg(row.assignmentEpoch);
        if (row.consumerProtocol && role == Qt::DisplayRole)
            return tr("epoch %1").arg(row.generationId);
        return row.generationId;
    case Leader:
        return row.consumerProtocol && role == Qt::DisplayRole ? QStringLiteral("—") : QVariant(row.leader);
    case Members:
        return row.members;
    case TotalLag:
        return role == SortRole ? QVariant(row.totalLag) : QVariant(format::count(row.totalLag));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant GroupsModel::header(int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {QT_TR_NOOP("Group"), QT_TR_NOOP("State"), QT_TR_NOOP("Type"),
        QT_TR_NOOP("Protocol type"), QT_TR_NOOP("Assignor"), QT_TR_NOOP("Generation"), QT_TR_NOOP("Leader"),
        QT_TR_NOOP("Members"), QT_TR_NOOP("Total lag")};
    return tr(names[column]);
}

} // namespace topicscope::ui
