#include "partitionsmodel.h"

#include "flowpalette.h"
#include "format.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

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
    m_remote = !snapshot.brokers.isEmpty();
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
            if (m_remote) {
                r.remote = true;
                r.leader = p.leader;
                r.replicas = p.replicas;
                r.isr = p.isr;
                r.error = p.error;
                r.health = PartitionHealth::of(p, snapshot.brokers);
                r.healthExplanation = PartitionHealth::explanation(r.health, p);
            }
            rows.append(r);
        }
    }
    setRows(rows);
}

QVariant PartitionsModel::cell(const PartitionRow &row, int column, int role) const
{
    switch (role) {
    case Qt::TextAlignmentRole:
        return column == Replicas || column == Isr || column == Status ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case HealthRole:
        return int(row.health);
    case Qt::ToolTipRole:
        if (row.remote && (column == Status || column == Isr || column == Leader))
            return row.healthExplanation;
        return {};
    case Qt::ForegroundRole: {
        // The partition's row is marked by its status cell and the figure that explains it.
        if (row.health == PartitionHealth::Ok
            || (column != Status && !(column == Isr && row.health == PartitionHealth::UnderReplicated)
                && !(column == Leader && row.health == PartitionHealth::Offline)))
            return {};
        const FlowPalette palette = FlowPalette::fromWidgetPalette(QGuiApplication::palette(), false);
        return row.health == PartitionHealth::UnderReplicated ? palette.lost : palette.failure;
    }
    case Qt::FontRole:
        if (column == Status && row.health != PartitionHealth::Ok) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
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
        return raw || row.leader >= 0 ? QVariant(row.leader) : QVariant(QStringLiteral("—"));
    case Replicas:
        return raw ? QVariant(int(row.replicas.size())) : QVariant(PartitionHealth::brokerList(row.replicas));
    case Isr:
        return raw ? QVariant(int(row.isr.size())) : QVariant(PartitionHealth::brokerList(row.isr));
    case Status:
        return raw ? QVariant(int(row.health)) : QVariant(PartitionHealth::text(row.health, row.error));
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
        return m_remote ? tr("Next offset to be read (high watermark: what every in-sync replica has)")
                        : tr("Next offset to be written (= high watermark: one replica acknowledges at once)");
    if (role == Qt::ToolTipRole && column == Isr)
        return tr("In-sync replicas: brokers that have every acknowledged record");
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
    case Replicas:
        return tr("Replicas");
    case Isr:
        return tr("ISR");
    case Status:
        return tr("Status");
    case Rate:
        return tr("Rate");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace topicscope::ui
