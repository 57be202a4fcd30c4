#include "configcatalog.h"

#include "topicconfig.h"

#include <QStringList>

namespace topicscope::engine::wire {

namespace {

using Type = DescribeConfigsResponseData::Type;
using Operation = IncrementalAlterConfigsRequestData::Operation;

struct Setting {
    const char *name;
    qint8 type;
    const char *brokerSynonym; // the topic setting's broker fallback with a non-null Kafka default; null for broker
    const char *brokerDefault; // Kafka's default of the broker setting (the synonym, or the setting itself)
    const char *documentation;
};

// TopicConfig's settings. For retention.ms Kafka's broker falls back to log.retention.ms, log.retention.minutes and
// log.retention.hours in turn; only the last has a default, so it is the one synonym Kafka lists.
constexpr Setting topicSettings[] = {
    {"cleanup.policy", Type::List, "log.cleanup.policy", "delete",
        "delete removes old segments by retention.ms and retention.bytes; compact keeps the newest record of each "
        "key; compact,delete does both."},
    {"delete.retention.ms", Type::Long, "log.cleaner.delete.retention.ms", "86400000",
        "How long the log cleaner keeps a tombstone (a record with a null value) of a compacted topic, in "
        "milliseconds."},
    {"max.message.bytes", Type::Int, "message.max.bytes", "1048588",
        "The largest record batch the topic accepts, in bytes (after compression, if any)."},
    {"min.cleanable.dirty.ratio", Type::Double, "log.cleaner.min.cleanable.ratio", "0.5",
        "The share of a compacted partition's cleanable bytes written since its last cleaning at which the cleaner "
        "takes it."},
    {"message.timestamp.type", Type::String, "log.message.timestamp.type", "CreateTime",
        "CreateTime keeps the timestamps the producer wrote; LogAppendTime replaces them with the broker's time of "
        "append."},
    {"retention.bytes", Type::Long, "log.retention.bytes", "-1",
        "The size a partition may reach before its oldest batches are deleted; -1 for no size limit."},
    {"retention.ms", Type::Long, "log.retention.hours", "168",
        "How long a batch is kept after its newest timestamp before it is deleted, in milliseconds; -1 keeps "
        "everything."},
    // Kafka's segment.ms falls back to log.roll.ms, then log.roll.hours: only the last has a default.
    {"segment.bytes", Type::Int, "log.segment.bytes", "1073741824",
        "The size at which a partition's active segment file is closed and a new one started; retention deletes "
        "whole segments."},
    {"segment.ms", Type::Long, "log.roll.hours", "168",
        "How long after its first batch's timestamp a non-empty segment is closed and a new one started, in "
        "milliseconds."},
};

// The broker settings DescribeConfigs shows; the broker takes them from its command line and never changes them.
constexpr Setting brokerSettings[] = {
    {"auto.create.topics.enable", Type::Boolean, nullptr, "true",
        "Whether a Metadata request that names a missing topic creates it."},
    {"default.replication.factor", Type::Int, nullptr, "1",
        "The replication factor of automatically created topics; a single broker has one replica of everything."},
    {"num.partitions", Type::Int, nullptr, "1",
        "The partition count of automatically created topics, and of CreateTopics requests that ask for -1."},
};

template <std::size_t N> std::optional<ConfigFacts> find(const Setting (&settings)[N], const QString &name)
{
    for (const Setting &s : settings) {
        if (name == QLatin1String(s.name)) {
            ConfigFacts facts;
            facts.type = s.type;
            facts.documentation = QString::fromUtf8(s.documentation);
            facts.brokerSynonym = s.brokerSynonym ? QString::fromUtf8(s.brokerSynonym) : QString();
            facts.brokerDefault = QString::fromUtf8(s.brokerDefault);
            return facts;
        }
    }
    return std::nullopt;
}

QString operationName(qint8 op)
{
    return op == Operation::Append ? QStringLiteral("APPEND") : QStringLiteral("SUBTRACT");
}

} // namespace

std::optional<ConfigFacts> ConfigCatalog::topicSetting(const QString &name)
{
    return find(topicSettings, name);
}

std::optional<ConfigFacts> ConfigCatalog::brokerSetting(const QString &name)
{
    return find(brokerSettings, name);
}

ErrorCode ConfigCatalog::applyIncremental(
    QMap<QString, QString> &settings, const QList<IncrementalAlterConfigsRequestData::Config> &ops, QString *why)
{
    const QMap<QString, QString> defaults = TopicConfig {}.toKafkaConfigs();
    QMap<QString, QString> next = settings;
    for (const auto &op : ops) {
        switch (op.configOperation) {
        case Operation::Set:
            next.insert(op.name, op.value.value_or(QString()));
            break;
        case Operation::Delete:
            if (defaults.contains(op.name))
                next.insert(op.name, defaults.value(op.name));
            break;
        case Operation::Append:
        case Operation::Subtract: {
            // Kafka's ConfigurationControlManager: only LIST settings can be appended to or subtracted from; an
            // item already there is not appended twice.
            const std::optional<ConfigFacts> facts = topicSetting(op.name);
            if (facts && facts->type == Type::List) {
                QStringList items
                    = next.value(op.name, defaults.value(op.name)).split(QLatin1Char(','), Qt::SkipEmptyParts);
                for (const QString &item : op.value.value_or(QString()).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    if (op.configOperation == Operation::Subtract)
                        items.removeAll(item.trimmed());
                    else if (!items.contains(item.trimmed()))
                        items.append(item.trimmed());
                }
                next.insert(op.name, items.join(QLatin1Char(',')));
                break;
            }
            if (why)
                *why = QStringLiteral("Can't %1 to key %2 because its type is not LIST.")
                           .arg(operationName(op.configOperation), op.name);
            return ErrorCode::InvalidConfig;
        }
        default:
            if (why)
                *why = QStringLiteral("Unknown operations type %1").arg(op.configOperation);
            return ErrorCode::InvalidRequest;
        }
    }
    settings = next;
    return ErrorCode::None;
}

} // namespace topicscope::engine::wire
