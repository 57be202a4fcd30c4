#include "groupmembersmodel.h"

#include "format.h"

#include <QFont>

namespace topicscope::ui {

void GroupMembersModel::setGroup(const QString &groupId)
{
    if (groupId == m_group)
        return;
    m_group = groupId;
    setRows({});
}

QString GroupMembersModel::partitionList(const QList<engine::TopicPartition> &partitions)
{
    QStringList parts;
    QString topic;
    QStringList numbers;
    auto flush = [&] {
        if (!numbers.isEmpty())
            parts.append(topic + QStringLiteral(" [") + numbers.join(QStringLiteral(", ")) + QLatin1Char(']'));
        numbers.clear();
    };
    for (const engine::TopicPartition &tp : partitions) {
        if (tp.topic != topic) {
            flush();
            topic = tp.topic;
        }
        numbers.append(QString::number(tp.partition));
    }
    flush();
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral("; "));
}

QString GroupMembersModel::reconciliation(const GroupMemberRow &row)
{
    if (!row.consumerProtocol)
        return QStringLiteral("—");
    if (row.memberEpoch == -2)
        return tr("away (static member left for a while; keeps its partitions)");
    QString text = tr("epoch %1").arg(row.memberEpoch);
    if (!row.revoking.isEmpty())
        text += QStringLiteral(" · ") + tr("revoking %1").arg(partitionList(row.revoking));
    if (!row.waitingFor.isEmpty())
        text += QStringLiteral(" · ") + tr("waiting for %1").arg(partitionList(row.waitingFor));
    if (row.revoking.isEmpty() && row.waitingFor.isEmpty())
        text += QStringLiteral(" · ") + tr("stable");
    return text;
}

QString GroupMembersModel::heartbeatAge(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    if (ms < 60'000)
        return tr("%1 s ago").arg(double(ms) / 1000.0, 0, 'f', 1);
    return tr("%1 min %2 s ago").arg(ms / 60'000).arg((ms % 60'000) / 1000);
}

void GroupMembersModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    QList<GroupMemberRow> rows;
    for (qsizetype i = 0; i < snapshot.groups.size(); ++i) {
        const engine::GroupDescription &g = snapshot.groups.at(i);
        if (g.groupId != m_group)
            continue;
        const auto assignment = i < snapshot.groupOffsets.size() ? snapshot.groupOffsets.at(i).assignment
                                                                 : QMap<QString, QList<engine::TopicPartition>> {};
        for (const engine::GroupMemberDescription &m : g.members) {
            GroupMemberRow r;
            r.memberId = m.memberId;
            r.groupInstanceId = m.groupInstanceId.value_or(QString());
            r.clientId = m.clientId;
            r.clientHost = m.clientHost;
            r.assigned = assignment.value(m.memberId);
            r.isLeader = m.memberId == g.leader;
            r.sessionTimeoutMs = m.sessionTimeoutMs;
            r.consumerProtocol = g.type == engine::ConsumerGroupType;
            r.memberEpoch = m.memberEpoch;
            r.memberState = m.memberState;
            r.revoking = m.partitionsPendingRevocation;
            for (const engine::TopicPartition &tp : m.targetPartitions) {
                if (!m.assignedPartitions.contains(tp))
                    r.waitingFor.append(tp);
            }
            if (m.lastHeartbeatMs > 0 && snapshot.takenAtMs > 0)
                r.sinceHeartbeatMs = std::max<qint64>(0, snapshot.takenAtMs - m.lastHeartbeatMs);
            rows.append(r);
        }
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.memberId < b.memberId; });
    setRows(rows);
}

QVariant GroupMembersModel::cell(const GroupMemberRow &row, int column, int role) const
{
    if (role == Qt::FontRole && column == MemberId && row.isLeader) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole && column == MemberId)
        return row.isLeader ? tr("%1 (group leader: runs the assignor)").arg(row.memberId) : row.memberId;
    if (role == Qt::ToolTipRole && column == LastHeartbeat)
        return tr("When the coordinator last heard from the member (a heartbeat, join or sync); it is removed when "
                  "this reaches its session timeout.");
    if (role == Qt::ToolTipRole && column == Reconciliation && row.consumerProtocol)
        return tr("Member epoch %1. A member gives up the partitions it loses (revoking) before the broker hands them "
                  "to anyone else; a member waiting for partitions keeps consuming the ones it has.")
            .arg(row.memberEpoch);
    if (role == SortRole && column == SessionTimeout)
        return row.sessionTimeoutMs;
    if (role == SortRole && column == LastHeartbeat)
        return row.sinceHeartbeatMs;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(column)) {
    case MemberId:
        return row.memberId;
    case ClientId:
        return row.clientId;
    case Host:
        return row.clientHost;
    case SessionTimeout:
        return row.sessionTimeoutMs > 0 ? tr("%1 s").arg(double(row.sessionTimeoutMs) / 1000.0) : QStringLiteral("—");
    case LastHeartbeat:
        return heartbeatAge(row.sinceHeartbeatMs);
    case AssignedPartitions:
        return partitionList(row.assigned);
    case Reconciliation:
        return reconciliation(row);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant GroupMembersModel::header(int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    static const char *const names[]
        = {QT_TR_NOOP("Member id"), QT_TR_NOOP("Assigned partitions"), QT_TR_NOOP("Epoch / reconciliation"),
            QT_TR_NOOP("Client id"), QT_TR_NOOP("Host"), QT_TR_NOOP("Session timeout"), QT_TR_NOOP("Last heartbeat")};
    return tr(names[column]);
}

} // namespace topicscope::ui
