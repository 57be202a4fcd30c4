#include "topicsmodel.h"

#include "flowpalette.h"
#include "format.h"
#include "partitionhealth.h"
#include "topicnames.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

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
        r.remote = !snapshot.brokers.isEmpty();
        for (const engine::PartitionInfo &p : t.partitions) {
            if (r.remote) {
                switch (PartitionHealth::of(p, snapshot.brokers)) {
                case PartitionHealth::Ok:
                    break;
                case PartitionHealth::UnderReplicated:
                    ++r.underReplicated;
                    r.underReplicatedPartitions << p.partition;
                    break;
                case PartitionHealth::Error:
                    ++r.errored;
                    break;
                case PartitionHealth::Offline:
                    ++r.offline;
                    r.offlinePartitions << p.partition;
                    break;
                }
            }
            r.records += p.logEndOffset - p.logStartOffset;
            r.sizeBytes += p.sizeBytes;
            r.recordsPerSecond += snapshot.partitionRates.value({t.name, p.partition}).recordsPerSecond;
        }
        r.retentionMs = t.config.retentionMs;
        r.retentionBytes = t.config.retentionBytes;
        std::sort(r.offlinePartitions.begin(), r.offlinePartitions.end());
        std::sort(r.underReplicatedPartitions.begin(), r.underReplicatedPartitions.end());
        rows.append(r);
    }
    return rows;
}

void TopicsModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_remote = !snapshot.brokers.isEmpty();
    setRows(rowsOf(snapshot, m_showInternal));
}

void TopicsModel::setShowInternal(bool show)
{
    if (show == m_showInternal)
        return;
    m_showInternal = show;
    setRows(rowsOf(m_snapshot, m_showInternal));
}

QString TopicsModel::replicationText(const TopicRow &row)
{
    QStringList parts;
    if (row.offline > 0)
        parts << tr("%n offline", nullptr, row.offline);
    if (row.underReplicated > 0)
        parts << tr("%n under-replicated", nullptr, row.underReplicated);
    if (row.errored > 0)
        parts << tr("%n not answering", nullptr, row.errored);
    return parts.isEmpty() ? tr("ok") : parts.join(QStringLiteral(", "));
}

QVariant TopicsModel::cell(const TopicRow &row, int column, int role) const
{
    const bool unhealthy = row.offline + row.underReplicated + row.errored > 0;
    if (role == Qt::TextAlignmentRole)
        return column == Name || column == Replication ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (column == Replication && unhealthy && role == Qt::ForegroundRole) {
        const FlowPalette palette = FlowPalette::fromWidgetPalette(QGuiApplication::palette(), false);
        return row.offline + row.errored > 0 ? palette.failure : palette.lost;
    }
    if (column == Replication && unhealthy && role == Qt::FontRole) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (column == Replication && role == Qt::ToolTipRole) {
        QStringList lines;
        const auto names = [&row](const QList<int> &partitions) {
            QStringList out;
            for (int p : partitions)
                out << row.name + QLatin1Char('-') + QString::number(p);
            return out.join(QStringLiteral(", "));
        };
        if (!row.offlinePartitions.isEmpty())
            lines << tr("Offline (no leader): %1").arg(names(row.offlinePartitions));
        if (!row.underReplicatedPartitions.isEmpty())
            lines << tr("Under-replicated (a replica is out of the ISR): %1").arg(names(row.underReplicatedPartitions));
        if (row.errored > 0)
            lines << tr("%n partition(s) answered an error: their offsets may be old", nullptr, row.errored);
        return lines.isEmpty() ? tr("Every partition has a leader and all its replicas in sync")
                               : lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    const bool raw = role == SortRole;
    switch (Column(column)) {
    case Name:
        return row.name;
    case Partitions:
        return row.partitions;
    case Replication: // sorts the worst first when descending: offline weighs more than any under-replication
        return raw ? QVariant(qint64(row.offline + row.errored) * 1'000'000 + row.underReplicated)
                   : QVariant(replicationText(row));
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
    case Replication:
        return tr("Replication");
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
