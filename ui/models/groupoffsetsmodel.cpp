#include "groupoffsetsmodel.h"

#include "format.h"

namespace topicscope::ui {

void GroupOffsetsModel::setGroup(const QString &groupId)
{
    if (groupId == m_group)
        return;
    m_group = groupId;
    m_totalLag = 0;
    setRows({});
}

void GroupOffsetsModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    for (const engine::GroupOffsets &o : snapshot.groupOffsets) {
        if (o.groupId == m_group) {
            m_totalLag = o.totalLag;
            setRows(o.partitions);
            return;
        }
    }
    m_totalLag = 0;
    setRows({});
}

QVariant GroupOffsetsModel::cell(const engine::GroupPartitionOffset &row, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Topic || column == Member ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool raw = role == SortRole;
    switch (Column(column)) {
    case Topic:
        return row.topicPartition.topic;
    case Partition:
        return row.topicPartition.partition;
    case Committed:
        return raw || row.committedOffset >= 0 ? QVariant(row.committedOffset) : QVariant(QStringLiteral("—"));
    case LogEnd:
        return row.logEndOffset;
    case Lag:
        return raw || row.lag >= 0 ? QVariant(row.lag) : QVariant(QStringLiteral("—"));
    case Member:
        return row.memberId.isEmpty() ? (raw ? QVariant(QString()) : QVariant(QStringLiteral("—")))
                                      : QVariant(row.memberId);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant GroupOffsetsModel::header(int column, int role) const
{
    if (role == Qt::ToolTipRole && column == Lag)
        return tr("Log end offset minus committed offset: records the group has not yet committed");
    if (role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {QT_TR_NOOP("Topic"), QT_TR_NOOP("Partition"), QT_TR_NOOP("Committed"),
        QT_TR_NOOP("Log end"), QT_TR_NOOP("Lag"), QT_TR_NOOP("Member")};
    return tr(names[column]);
}

} // namespace topicscope::ui
