#include "rebalancehistorymodel.h"

#include "format.h"
#include "groupmembersmodel.h"

namespace topicscope::ui {

using engine::GroupGeneration;

void RebalanceHistoryModel::setGroup(const QString &groupId)
{
    if (groupId == m_group)
        return;
    m_group = groupId;
    setRows({});
}

void RebalanceHistoryModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    QList<GroupGeneration> rows;
    for (const GroupGeneration &r : snapshot.groupHistory.rows) {
        if (r.groupId == m_group)
            rows.append(r);
    }
    setRows(rows);
}

QString RebalanceHistoryModel::keyOf(const GroupGeneration &row) const
{
    // A generation is one row; a sighting whose generation is unknown is told by its time.
    return row.generation >= 0 ? QStringLiteral("g%1").arg(row.generation) : QStringLiteral("t%1").arg(row.timeMs);
}

QString RebalanceHistoryModel::sourceText(int sources)
{
    QStringList parts;
    if (sources & GroupGeneration::Polled)
        parts.append(tr("polled"));
    if (sources & GroupGeneration::OffsetsTopic)
        parts.append(QStringLiteral("__consumer_offsets"));
    if (sources & GroupGeneration::Coordinator)
        parts.append(tr("coordinator"));
    return parts.join(QStringLiteral(" + "));
}

QString RebalanceHistoryModel::membersText(const GroupGeneration &row)
{
    if (row.members.isEmpty())
        return tr("none");
    QStringList parts;
    for (const engine::GenerationMember &m : row.members) {
        const QString who = m.clientId.isEmpty() ? m.memberId : m.clientId;
        parts.append(who + QLatin1Char(' ') + GroupMembersModel::partitionList(m.assignment));
    }
    return parts.join(QStringLiteral(" · "));
}

QVariant RebalanceHistoryModel::cell(const GroupGeneration &row, int column, int role) const
{
    if (role == Qt::ToolTipRole) {
        switch (Column(column)) {
        case Generation:
            if (row.generation < 0)
                return tr("The cluster's group descriptions do not carry the generation (librdkafka's "
                          "DescribeConsumerGroups); it is known when __consumer_offsets can be read.");
            return row.groupType == engine::ConsumerGroupType ? tr("Group epoch (consumer protocol, KIP-848)")
                                                              : tr("Generation (classic protocol)");
        case Members: {
            QStringList lines;
            for (const engine::GenerationMember &m : row.members) {
                lines.append(tr("%1 (client %2, host %3): %4")
                                 .arg(m.memberId, m.clientId.isEmpty() ? QStringLiteral("—") : m.clientId,
                                     m.clientHost.isEmpty() ? QStringLiteral("—") : m.clientHost,
                                     GroupMembersModel::partitionList(m.assignment)));
            }
            if (!row.leader.isEmpty())
                lines.append(tr("Leader: %1").arg(row.leader));
            return lines.join(QLatin1Char('\n'));
        }
        case Source:
            return tr("polled: seen in the group's description between two polls; __consumer_offsets: read from the "
                      "group's metadata records; coordinator: the embedded broker's own group coordinator");
        default:
            return {};
        }
    }
    if (role == SortRole && column == Time)
        return row.timeMs;
    if (role == SortRole && column == Generation)
        return row.generation;
    if (role == SortRole && column == Moved)
        return int(row.partitionsMoved.size());
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(column)) {
    case Time:
        return format::timeOfDay(row.timeMs);
    case Generation:
        return row.generation >= 0 ? QString::number(row.generation) : QStringLiteral("—");
    case State:
        return row.state.isEmpty() ? QStringLiteral("—") : row.state;
    case Assignor:
        return row.assignor.isEmpty() ? QStringLiteral("—") : row.assignor;
    case Members:
        return membersText(row);
    case Moved:
        return GroupMembersModel::partitionList(row.partitionsMoved);
    case Source:
        return sourceText(row.sources);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RebalanceHistoryModel::header(int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {QT_TR_NOOP("Time"), QT_TR_NOOP("Generation"), QT_TR_NOOP("State"),
        QT_TR_NOOP("Assignor"), QT_TR_NOOP("Members"), QT_TR_NOOP("Moved"), QT_TR_NOOP("Source")};
    return tr(names[column]);
}

} // namespace topicscope::ui
