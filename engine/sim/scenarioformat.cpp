#include "scenarioformat.h"

#include "scenarioevent.h"

#include <QStringList>
#include <algorithm>

namespace topicscope::engine {

QString scenarioTime(qint64 ms)
{
    return QStringLiteral("+%1.%2s").arg(ms / 1000).arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QString scenarioOrdinal(int times)
{
    return times == 2 ? QStringLiteral("2nd")
        : times == 3  ? QStringLiteral("3rd")
                      : QString::number(times) + QStringLiteral("th");
}

QString scenarioKeyText(const ScenarioKey &key)
{
    return key ? QLatin1Char('"') + *key + QLatin1Char('"') : QStringLiteral("null");
}

QString scenarioPartitionList(QList<TopicPartition> partitions)
{
    std::sort(partitions.begin(), partitions.end());
    QStringList out;
    for (const TopicPartition &tp : std::as_const(partitions))
        out << tp.toString();
    return QLatin1Char('[') + out.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Declared with the value type (api/scenarioevent.h); defined here with the rest of the timeline's wording.
QString ScenarioEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Caption:
        return QStringLiteral("caption");
    case Kind::Pause:
        return QStringLiteral("pause");
    case Kind::Action:
        return QStringLiteral("action");
    case Kind::ActionFailed:
        return QStringLiteral("action-failed");
    case Kind::Produced:
        return QStringLiteral("produced");
    case Kind::ProduceFailed:
        return QStringLiteral("produce-failed");
    case Kind::Polled:
        return QStringLiteral("polled");
    case Kind::Processed:
        return QStringLiteral("processed");
    case Kind::Duplicate:
        return QStringLiteral("DUPLICATE");
    case Kind::Lost:
        return QStringLiteral("LOST");
    case Kind::DeserializationFailed:
        return QStringLiteral("deserialization-failed");
    case Kind::Committed:
        return QStringLiteral("committed");
    case Kind::GroupState:
        return QStringLiteral("group-state");
    case Kind::Rebalance:
        return QStringLiteral("REBALANCE");
    case Kind::RecordsDeleted:
        return QStringLiteral("records-deleted");
    case Kind::PartitionsAdded:
        return QStringLiteral("partitions-added");
    }
    return {};
}

} // namespace topicscope::engine
