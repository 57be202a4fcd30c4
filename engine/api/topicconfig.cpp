#include "topicconfig.h"

#include <QStringList>

#include <limits>

namespace topicscope::engine {

namespace {

const QString RetentionMs = QStringLiteral("retention.ms");
const QString RetentionBytes = QStringLiteral("retention.bytes");
const QString TimestampTypeName = QStringLiteral("message.timestamp.type");
const QString MaxMessageBytes = QStringLiteral("max.message.bytes");
const QString SegmentBytes = QStringLiteral("segment.bytes");
const QString SegmentMs = QStringLiteral("segment.ms");
const QString CleanupPolicy = QStringLiteral("cleanup.policy");
const QString DeleteRetentionMs = QStringLiteral("delete.retention.ms");
const QString MinCleanableDirtyRatio = QStringLiteral("min.cleanable.dirty.ratio");
// Kafka's lower bound for segment.bytes: LegacyRecord.RECORD_OVERHEAD_V0.
constexpr qint64 MinSegmentBytes = 14;

ErrorCode invalid(QString *why, const QString &text)
{
    if (why)
        *why = text;
    return ErrorCode::InvalidConfig;
}

} // namespace

QMap<QString, QString> TopicConfig::changedConfigs(
    const QMap<QString, QString> &edited, const QMap<QString, QString> &from)
{
    QMap<QString, QString> changed;
    for (auto it = edited.cbegin(); it != edited.cend(); ++it) {
        if (!from.contains(it.key()) || from.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    return changed;
}

QMap<QString, QString> TopicConfig::toKafkaConfigs() const
{
    QMap<QString, QString> configs;
    configs.insert(RetentionMs, QString::number(retentionMs));
    configs.insert(RetentionBytes, QString::number(retentionBytes));
    configs.insert(TimestampTypeName,
        timestampType == TimestampType::LogAppendTime ? QStringLiteral("LogAppendTime") : QStringLiteral("CreateTime"));
    configs.insert(MaxMessageBytes, QString::number(maxMessageBytes));
    configs.insert(SegmentBytes, QString::number(segmentBytes));
    configs.insert(SegmentMs, QString::number(segmentMs));
    QStringList policies;
    if (cleanupCompact)
        policies << QStringLiteral("compact");
    if (cleanupDelete)
        policies << QStringLiteral("delete");
    configs.insert(CleanupPolicy, policies.join(QLatin1Char(',')));
    configs.insert(DeleteRetentionMs, QString::number(deleteRetentionMs));
    configs.insert(MinCleanableDirtyRatio, QString::number(minCleanableDirtyRatio));
    return configs;
}

ErrorCode TopicConfig::applyKafkaConfigs(const QMap<QString, QString> &configs, QString *why)
{
    // Work on a copy so that a bad entry leaves *this untouched, as the header promises.
    TopicConfig next = *this;
    for (auto it = configs.cbegin(); it != configs.cend(); ++it) {
        const QString &name = it.key();
        const QString value = it.value().trimmed();
        bool ok = false;
        if (name == RetentionMs) {
            const qint64 v = value.toLongLong(&ok);
            // Kafka's lower bound for retention.ms is -1 (keep forever).
            if (!ok || v < -1)
                return invalid(
                    why, QStringLiteral("invalid value '%1' for retention.ms: expected a number >= -1").arg(value));
            next.retentionMs = v;
        } else if (name == RetentionBytes) {
            const qint64 v = value.toLongLong(&ok);
            if (!ok)
                return invalid(
                    why, QStringLiteral("invalid value '%1' for retention.bytes: expected a number").arg(value));
            next.retentionBytes = v;
        } else if (name == TimestampTypeName) {
            if (value == QLatin1String("CreateTime"))
                next.timestampType = TimestampType::CreateTime;
            else if (value == QLatin1String("LogAppendTime"))
                next.timestampType = TimestampType::LogAppendTime;
            else
                return invalid(why,
                    QStringLiteral(
                        "invalid value '%1' for message.timestamp.type: expected CreateTime or LogAppendTime")
                        .arg(value));
        } else if (name == MaxMessageBytes) {
            const qint64 v = value.toLongLong(&ok);
            if (!ok || v < 0 || v > std::numeric_limits<int>::max())
                return invalid(why,
                    QStringLiteral("invalid value '%1' for max.message.bytes: expected 0..%2")
                        .arg(value)
                        .arg(std::numeric_limits<int>::max()));
            next.maxMessageBytes = static_cast<int>(v);
        } else if (name == SegmentBytes) {
            const qint64 v = value.toLongLong(&ok);
            if (!ok || v < MinSegmentBytes || v > std::numeric_limits<int>::max())
                return invalid(why,
                    QStringLiteral("invalid value '%1' for segment.bytes: expected %2..%3")
                        .arg(value)
                        .arg(MinSegmentBytes)
                        .arg(std::numeric_limits<int>::max()));
            next.segmentBytes = v;
        } else if (name == SegmentMs) {
            const qint64 v = value.toLongLong(&ok);
            if (!ok || v < 1)
                return invalid(
                    why, QStringLiteral("invalid value '%1' for segment.ms: expected a number >= 1").arg(value));
            next.segmentMs = v;
        } else if (name == CleanupPolicy) {
            // Kafka's list of "compact" and "delete" (either order, each at most once); an empty list means neither,
            // which Kafka 4 accepts only with remote storage, so it is refused here.
            next.cleanupCompact = next.cleanupDelete = false;
            const QStringList items = value.split(QLatin1Char(','));
            for (const QString &item : items) {
                bool &flag = item.trimmed() == QLatin1String("compact") ? next.cleanupCompact : next.cleanupDelete;
                if ((item.trimmed() != QLatin1String("compact") && item.trimmed() != QLatin1String("delete")) || flag)
                    return invalid(why,
                        QStringLiteral("invalid value '%1' for cleanup.policy: expected compact, delete or "
                                       "compact,delete")
                            .arg(value));
                flag = true;
            }
        } else if (name == DeleteRetentionMs) {
            const qint64 v = value.toLongLong(&ok);
            if (!ok || v < 0)
                return invalid(why,
                    QStringLiteral("invalid value '%1' for delete.retention.ms: expected a number >= 0").arg(value));
            next.deleteRetentionMs = v;
        } else if (name == MinCleanableDirtyRatio) {
            const double v = value.toDouble(&ok);
            if (!ok || v < 0 || v > 1)
                return invalid(
                    why, QStringLiteral("invalid value '%1' for min.cleanable.dirty.ratio: expected 0..1").arg(value));
            next.minCleanableDirtyRatio = v;
        } else {
            return invalid(why, QStringLiteral("unknown topic config '%1'").arg(name));
        }
    }
    *this = next;
    return ErrorCode::None;
}

} // namespace topicscope::engine
