#include "segmentsmodel.h"

#include "format.h" // SortRole

namespace topicscope::ui {

void SegmentsModel::setSegments(const engine::PartitionSegments &segments)
{
    m_segments = segments;
    setRows(segments.segments);
    if (!segments.segments.isEmpty()) // the fates depend on the time and the rules: refresh them all
        Q_EMIT dataChanged(index(0, Fate), index(int(segments.segments.size()) - 1, Fate));
}

QString SegmentsModel::fate(const engine::SegmentSummary &segment, const engine::PartitionSegments &partition)
{
    const engine::TopicConfig &config = partition.config;
    if (segment.active) {
        // Kafka's LogSegment.shouldRoll: the next batch that would take it past segment.bytes, or the first batch
        // after segment.ms since its first batch's timestamp.
        const QString rolls = segment.rollTimestampMs < 0
            ? tr("rolls at %1").arg(format::bytesSize(config.segmentBytes))
            : tr("rolls at %1 or with the first write after %2")
                  .arg(format::bytesSize(config.segmentBytes),
                      format::timestamp(segment.rollTimestampMs + config.segmentMs));
        return config.cleanupCompact ? tr("Active: neither deleted nor compacted before it %1").arg(rolls)
                                     : tr("Active: never deleted before it %1").arg(rolls);
    }
    QStringList parts;
    if (config.cleanupDelete) {
        if (config.retentionMs >= 0) {
            const qint64 due = segment.largestTimestampMs + config.retentionMs;
            parts << (due <= partition.nowMs ? tr("Deleted at the next retention check (every 5 s)")
                                             : tr("Deleted by retention.ms at %1").arg(format::timestamp(due)));
        }
        if (config.retentionBytes >= 0)
            parts << (config.retentionMs >= 0
                    ? tr("or earlier by retention.bytes")
                    : tr("Deleted, oldest first, while the partition is over retention.bytes"));
        if (config.retentionMs < 0 && config.retentionBytes < 0)
            parts << tr("Kept forever (retention.ms = -1)");
    }
    if (config.cleanupCompact)
        parts << tr("Compacted by the cleaner: only the newest record of each key stays");
    return parts.join(QStringLiteral("; "));
}

QString SegmentsModel::summary(const engine::PartitionSegments &partition)
{
    using Availability = engine::PartitionSegments::Availability;
    switch (partition.availability) {
    case Availability::InMemory:
        return tr("In memory there are no segment files: the whole log is kept in one place. Start with a data "
                  "directory to see Kafka's log layout.");
    case Availability::NotExposed:
        return tr("Kafka's protocol has no request that lists a broker's segment files: segments are shown for the "
                  "embedded broker only.");
    case Availability::NoSuchPartition:
        return tr("This partition no longer exists.");
    case Availability::Listed:
        break;
    }
    const engine::TopicConfig &config = partition.config;
    QStringList policy;
    if (config.cleanupDelete)
        policy << tr("retention %1").arg(format::retention(config.retentionMs));
    if (config.cleanupCompact)
        policy << tr("compacted");
    return tr(
        "Partition %1: %n segment file(s), each up to %2 (segment.bytes) · %3", nullptr, int(partition.segments.size()))
        .arg(partition.topicPartition.partition)
        .arg(format::bytesSize(config.segmentBytes), policy.join(QStringLiteral(", ")));
}

QVariant SegmentsModel::cell(const engine::SegmentSummary &row, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Base || column == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ToolTipRole && column == Fate)
        return fate(row, m_segments);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    switch (Column(column)) {
    case Base:
        return row.baseOffset;
    case Offsets:
        return row.nextOffset > row.baseOffset ? QVariant(tr("%1 – %2").arg(row.baseOffset).arg(row.nextOffset - 1))
                                               : QVariant(tr("empty"));
    case Size:
        return display ? QVariant(format::bytesSize(row.sizeBytes)) : QVariant(row.sizeBytes);
    case Newest:
        return display ? QVariant(format::timestamp(row.largestTimestampMs)) : QVariant(row.largestTimestampMs);
    case Fate:
        return fate(row, m_segments);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SegmentsModel::header(int column, int role) const
{
    if (role == Qt::ToolTipRole && column == Newest)
        return tr("The largest record timestamp in the segment: retention.ms counts from it");
    if (role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {QT_TR_NOOP("Base offset"), QT_TR_NOOP("Offsets"), QT_TR_NOOP("Size"),
        QT_TR_NOOP("Newest record"), QT_TR_NOOP("What happens to it")};
    return tr(names[column]);
}

} // namespace topicscope::ui
