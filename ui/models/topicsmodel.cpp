#include "topicsmodel.h"

#include "format.h"
#include "topicnames.h"

namespace topicscope::ui {

QList<TopicRow> TopicsModel::rowsOf(const engine::BrokerSnapshot &snapshot, bool showInternal)
{
    QList<TopicRow> rows;
    for (const engine::TopicInfo &t : snapshot.topics) {
        if (!showInternal && engine::TopicNames::isInternal(t.name))
            continue;
        TopicRow r;
        r.name = t.name;
        r.partitions = int(t.partitions.size());
        for (const engine::PartitionInfo &p : t.partitions) {
            r.records += p.logEndOffset - p.logStartOffset;
            r.sizeBytes += p.sizeBytes;
            r.recordsPerSecond += snapshot.partitionRates.value({t.name, p.partition}).recordsPerSecond;
        }
        r.retentionMs = t.config.retentionMs;
        r.retentionBytes = t.config.retentionBytes;
        rows.append(r);
    }
    return rows;
}

void TopicsModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_snapshot = snapshot;
    setRows(rowsOf(snapshot, m_showInternal));
}

void TopicsModel::setShowInternal(bool show)
{
    if (show == m_showInternal)
        return;
    m_showInternal = show;
    setRows(rowsOf(m_snapshot, m_showInternal));
}

QVariant TopicsModel::cell(const TopicRow &row, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Name ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    const bool raw = role == SortRole;
    switch (Column(column)) {
    case Name:
        return row.name;
    case Partitions:
        return row.partitions;
    case Records:
        return raw ? QVariant(row.records) : QVariant(format::count(row.records));
    case Size:
        return raw ? QVariant(row.sizeBytes) : QVariant(format::bytesSize(row.sizeBytes));
    case ProduceRate:
        return raw ? QVariant(row.recordsPerSecond) : QVariant(format::rate(row.recordsPerSecond));
    case Retention:
        if (raw)
            return row.retentionMs;
        return row.retentionBytes < 0
            ? format::retention(row.retentionMs)
            : format::retention(row.retentionMs) + QStringLiteral(" / ") + format::bytesSize(row.retentionBytes);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TopicsModel::header(int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case Name:
        return tr("Topic");
    case Partitions:
        return tr("Partitions");
    case Records:
        return tr("Records");
    case Size:
        return tr("Size");
    case ProduceRate:
        return tr("Produce rate");
    case Retention:
        return tr("Retention");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace topicscope::ui
