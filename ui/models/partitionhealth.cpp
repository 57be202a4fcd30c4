#include "partitionhealth.h"

#include "errorcode.h"

#include <algorithm>

namespace topicscope::ui {

PartitionHealth::State PartitionHealth::of(
    const engine::PartitionInfo &partition, const QList<engine::BrokerNode> &brokers)
{
    const bool leaderListed = brokers.isEmpty()
        || std::any_of(
            brokers.cbegin(), brokers.cend(), [&](const engine::BrokerNode &b) { return b.id == partition.leader; });
    if (partition.leader < 0 || partition.error == int(engine::ErrorCode::LeaderNotAvailable) || !leaderListed)
        return Offline;
    if (partition.error != 0)
        return Error;
    if (partition.isr.size() < partition.replicas.size())
        return UnderReplicated;
    return Ok;
}

QString PartitionHealth::text(State state, int error)
{
    switch (state) {
    case Ok:
        return tr("ok");
    case UnderReplicated:
        return tr("under-replicated");
    case Error:
        // Below 0: the client's own error (librdkafka's local codes), i.e. the leader could not be asked.
        return error < 0 ? tr("no answer") : tr("error");
    case Offline:
        return tr("offline");
    }
    return {};
}

QString PartitionHealth::explanation(State state, const engine::PartitionInfo &partition)
{
    switch (state) {
    case Ok:
        return tr("Every replica is in sync.");
    case UnderReplicated: {
        QList<int> missing;
        for (int id : partition.replicas) {
            if (!partition.isr.contains(id))
                missing.append(id);
        }
        return tr("Not in sync: broker(s) %1. A broker failure now may lose acknowledged records.")
            .arg(brokerList(missing));
    }
    case Error:
        if (partition.error < 0)
            return tr("Its leader did not answer (client error %1): the offsets shown are the last ones read.")
                .arg(partition.error);
        return tr("The cluster answered %1 for this partition: the offsets shown are the last ones read.")
            .arg(engine::errorName(engine::ErrorCode(partition.error)));
    case Offline:
        return partition.leader < 0 || partition.error == int(engine::ErrorCode::LeaderNotAvailable)
            ? tr("No leader: it can be neither written nor read.")
            : tr("Its leader, broker %1, is not in the cluster: it can be neither written nor read.")
                  .arg(partition.leader);
    }
    return {};
}

QString PartitionHealth::brokerList(const QList<int> &ids)
{
    QStringList parts;
    for (int id : ids)
        parts.append(QString::number(id));
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
}

} // namespace topicscope::ui
