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
        r.protocolType = g.protocolType;
        r.protocolName = g.protocolName;
        r.generationId = g.generationId;
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
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(column)) {
    case Group:
        return row.groupId;
    case State:
        return row.state;
    case ProtocolType:
        return row.protocolType;
    case Assignor:
        return row.protocolName;
    case Generation:
        return row.generationId;
    case Leader:
        return row.leader;
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
    static const char *const names[]
        = {QT_TR_NOOP("Group"), QT_TR_NOOP("State"), QT_TR_NOOP("Protocol type"), QT_TR_NOOP("Assignor"),
            QT_TR_NOOP("Generation"), QT_TR_NOOP("Leader"), QT_TR_NOOP("Members"), QT_TR_NOOP("Total lag")};
    return tr(names[column]);
}

} // namespace topicscope::ui
