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

} // namespace topicscope::engine
