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
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(column)) {
    case MemberId:
        return row.memberId;
    case ClientId:
        return row.clientId;
    case Host:
        return row.clientHost;
    case AssignedPartitions:
        return partitionList(row.assigned);
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
        = {QT_TR_NOOP("Member id"), QT_TR_NOOP("Client id"), QT_TR_NOOP("Host"), QT_TR_NOOP("Assigned partitions")};
    return tr(names[column]);
}

} // namespace topicscope::ui
