#include "clusterdescription.h"

#include <QStringList>

namespace topicscope::engine {

namespace {

QString ids(const QList<int> &list)
{
    QStringList out;
    for (int id : list)
        out.append(QString::number(id));
    return out.join(QLatin1Char(','));
}

} // namespace

QString ClusterDescription::text(const BrokerSnapshot &s)
{
    QStringList lines;
    lines.append(QStringLiteral("cluster %1 controller %2")
                     .arg(s.clusterId.isEmpty() ? QStringLiteral("-") : s.clusterId)
                     .arg(s.controllerId));
    if (!s.connectionError.isEmpty())
        lines.append(QStringLiteral("error: ") + s.connectionError);
    lines.append(QStringLiteral("brokers: %1").arg(s.brokers.size()));
    for (const BrokerNode &b : s.brokers) {
        lines.append(QStringLiteral("  broker %1 %2:%3%4%5%6")
                         .arg(b.id)
                         .arg(b.host)
                         .arg(b.port)
                         .arg(b.rack.isEmpty() ? QString() : QStringLiteral(" rack ") + b.rack)
                         .arg(b.isController ? QStringLiteral(" controller") : QString())
                         .arg(b.connectionState.isEmpty() ? QString() : QStringLiteral(" ") + b.connectionState));
    }
    lines.append(QStringLiteral("topics: %1").arg(s.topics.size()));
    for (const TopicInfo &t : s.topics) {
        lines.append(QStringLiteral("  topic %1 partitions %2 retention.ms %3")
                         .arg(t.name)
                         .arg(t.partitions.size())
                         .arg(t.config.retentionMs));
        for (const PartitionInfo &p : t.partitions) {
            lines.append(QStringLiteral("    %1-%2 leader %3 replicas %4 isr %5 offsets %6..%7%8")
                             .arg(t.name)
                             .arg(p.partition)
                             .arg(p.leader)
                             .arg(ids(p.replicas), ids(p.isr))
                             .arg(p.logStartOffset)
                             .arg(p.logEndOffset)
                             .arg(p.error != 0 ? QStringLiteral(" error %1").arg(p.error) : QString()));
        }
    }
    lines.append(QStringLiteral("groups: %1").arg(s.groups.size()));
    for (qsizetype i = 0; i < s.groups.size(); ++i) {
        const GroupDescription &g = s.groups.at(i);
        lines.append(QStringLiteral("  group %1 state %2 protocol %3 members %4")
                         .arg(g.groupId, g.state, g.protocolName.isEmpty() ? QStringLiteral("-") : g.protocolName)
                         .arg(g.members.size()));
        const GroupOffsets *offsets = i < s.groupOffsets.size() ? &s.groupOffsets.at(i) : nullptr;
        for (const GroupMemberDescription &m : g.members) {
            QStringList assigned;
            if (offsets) {
                for (const TopicPartition &tp : offsets->assignment.value(m.memberId))
                    assigned.append(tp.toString());
            }
            lines.append(QStringLiteral("    member %1 client %2 host %3 assigned %4")
                             .arg(m.memberId, m.clientId, m.clientHost,
                                 assigned.isEmpty() ? QStringLiteral("-") : assigned.join(QLatin1Char(','))));
        }
        if (!offsets)
            continue;
        for (const GroupPartitionOffset &o : offsets->partitions) {
            lines.append(QStringLiteral("    %1 committed %2 end %3 lag %4 member %5")
                             .arg(o.topicPartition.toString())
                             .arg(o.committedOffset)
                             .arg(o.logEndOffset)
                             .arg(o.lag)
                             .arg(o.memberId.isEmpty() ? QStringLiteral("-") : o.memberId));
        }
        lines.append(QStringLiteral("    total lag %1").arg(offsets->totalLag));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace topicscope::engine
