#include "partitionsmodel.h"

#include "format.h"

namespace topicscope::ui {

void PartitionsModel::setTopic(const QString &topic)
{
    if (topic == m_topic)
        return;
    m_topic = topic;
    setRows({}); // another topic's partitions are not "changes" of these
}

void PartitionsModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    QList<PartitionRow> rows;
    for (const engine::TopicInfo &t : snapshot.topics) {
        if (t.name != m_topic)
            continue;
        for (const engine::PartitionInfo &p : t.partitions) {
            PartitionRow r;
            r.partition = p.partition;
            r.logStartOffset = p.logStartOffset;
            r.logEndOffset = p.logEndOffset;
            r.sizeBytes = p.sizeBytes;
            r.lastAppendTimeMs = p.lastAppendTimeMs;
            r.recordsPerSecond = snapshot.partitionRates.value({t.name, p.partition}).recordsPerSecond;
            r.snapshotMs = snapshot.takenAtMs;
            rows.append(r);
        }
    }
    setRows(rows);
}

QVariant PartitionsModel::cell(const PartitionRow &row, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool raw = role == SortRole;
    const qint64 records = row.logEndOffset - row.logStartOffset;
    switch (Column(column)) {
    case Partition:
        return row.partition;
    case LogStartOffset:
        return raw ? QVariant(row.logStartOffset) : QVariant(format::count(row.logStartOffset));
    case LogEndOffset:
        return raw ? QVariant(row.logEndOffset) : QVariant(format::count(row.logEndOffset));
    case Records:
        return raw ? QVariant(records) : QVariant(format::count(records));
    case Size:
        return raw ? QVariant(row.sizeBytes) : QVariant(format::bytesSize(row.sizeBytes));
    case LastAppend:
        return raw ? QVariant(row.lastAppendTimeMs)
                   : QVariant(format::lastAppend(row.lastAppendTimeMs, row.snapshotMs));
    case Leader:
        return 0; // a single broker, id 0, leads every partition
    case Rate:
        return raw ? QVariant(row.recordsPerSecond) : QVariant(format::rate(row.recordsPerSecond));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PartitionsModel::header(int column, int role) const
{
    if (role == Qt::ToolTipRole && column == LogEndOffset)
        return tr("Next offset to be written (= high watermark: one replica acknowledges at once)");
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case Partition:
        return tr("Partition");
    case LogStartOffset:
        return tr("Log start");
    case LogEndOffset:
        return tr("Log end");
    case Records:
        return tr("Records");
    case Size:
        return tr("Size");
    case LastAppend:
        return tr("Last append");
    case Leader:
        return tr("Leader");
    case Rate:
        return tr("Rate");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace topicscope::ui
