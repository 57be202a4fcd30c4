// LiveRecordingFile::report(): a recording as text, in the style of a scenario's headless report
// (ScenarioEvaluator::report): the timeline, the rebalances, the state at the end with the counters.
#include "liverecordingfile.h"

#include "sim/scenarioformat.h"

#include <QDateTime>
#include <QMap>

namespace topicscope::engine {

namespace {

QString countsText(const LiveRecordingCounts &c)
{
    return QStringLiteral("produced=%1 fetched=%2 redelivered=%3").arg(c.produced).arg(c.fetched).arg(c.redelivered);
}

QString assignmentText(const QMap<QString, QList<TopicPartition>> &assignment)
{
    QStringList parts;
    for (auto it = assignment.cbegin(); it != assignment.cend(); ++it)
        parts << it.key() + QStringLiteral("=[") + ScenarioRebalance::names(it.value()).join(QLatin1Char(','))
                + QLatin1Char(']');
    return parts.isEmpty() ? QStringLiteral("nobody assigned") : parts.join(QLatin1Char(' '));
}

// "paused 200 ms (orders-0 100 ms, orders-1 100 ms)": the gaps of the group that this rebalance ended, i.e. how long
// the partitions it handed out had been owned by nobody (the timeline's "paused" column).
QString pausedText(const ScenarioRebalance &r, const QList<OwnershipGap> &gaps)
{
    qint64 total = 0;
    QStringList parts;
    for (const OwnershipGap &g : gaps) {
        if (g.trailing || g.group != r.group || g.toMs != r.timeMs)
            continue;
        total += g.toMs - g.fromMs;
        parts << g.topicPartition.toString() % u' ' % QString::number(g.toMs - g.fromMs) % u" ms";
    }
    if (parts.isEmpty())
        return QStringLiteral("paused 0 ms");
    return u"paused " % QString::number(total) % u" ms (" % parts.join(QStringLiteral(", ")) % u')';
}

QString valueText(qint64 offset)
{
    return QString::number(offset);
}

QString valueText(const QString &owner)
{
    return owner;
}

template <typename T> QString partitionMapText(const QMap<TopicPartition, T> &map)
{
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts << it.key().toString() % u'=' % valueText(it.value());
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QLatin1Char(' '));
}

} // namespace

QString LiveRecordingFile::report() const
{
    // Names come from clients (client.id, group ids): concatenated, never passed through arg(), where a "%1" in a
    // name would be replaced by the next argument.
    QString out = u"== Live recording: " % title % u" ==\n";
    out += QStringLiteral("started %1, %2 of broker time recorded\n")
               .arg(QDateTime::fromMSecsSinceEpoch(startedAtMs, Qt::UTC).toString(Qt::ISODateWithMs),
                   scenarioTime(durationMs).mid(1));
    if (timeline.trimmed > 0)
        out += QStringLiteral("(%1 older event(s) not kept)\n").arg(timeline.trimmed);
    for (const ScenarioEvent &e : timeline.events)
        out += scenarioTime(e.timeMs) % u' ' % ScenarioEvent::kindName(e.kind) % u": " % e.text % u'\n';

    out += QStringLiteral("== Rebalances: %1 ==\n").arg(rebalances.dropped + rebalances.rows.size());
    if (rebalances.dropped > 0)
        out += QStringLiteral("(%1 older rebalance(s) not kept)\n").arg(rebalances.dropped);
    // A consumer-protocol group's rows are group epochs, reached by every member or superseded by a newer one.
    for (const ScenarioRebalance &r : rebalances.rows)
        out += scenarioTime(r.timeMs) % u" group " % r.group
            % (r.groupType == QLatin1String("consumer") ? QStringView(u" epoch ") : QStringView(u" generation "))
            % QString::number(r.generation) % u" [" % r.assignor
            % (r.groupType != QLatin1String("consumer") ? QStringView()
                    : r.superseded                      ? QStringView(u", consumer protocol, superseded")
                                                        : QStringView(u", consumer protocol"))
            % u"] cause: " % r.cause % u"; took " % QString::number(r.durationMs) % u" ms; "
            % assignmentText(r.assignment) % u"; moved ["
            % ScenarioRebalance::names(r.partitionsMoved).join(QLatin1Char(',')) % u"]; " % pausedText(r, gaps) % u'\n';

    const FlowSnapshot &end = finalPicture.snapshot;
    out += QStringLiteral("== Live recording: state at %1 ==\n").arg(scenarioTime(durationMs));
    for (const FlowTopic &t : end.topics) {
        out += QStringLiteral("topic %1: %2 partition(s)\n").arg(t.name).arg(t.partitions.size());
        for (const FlowPartition &p : t.partitions)
            out += QStringLiteral("  %1-%2 logStartOffset=%3 highWatermark=%4\n")
                       .arg(t.name)
                       .arg(p.partition)
                       .arg(p.logStartOffset)
                       .arg(p.highWatermark);
    }
    for (const FlowGroup &g : end.groups) {
        out += u"group " % g.id % u": " % g.state % u" generation " % QString::number(g.generation)
            % (g.protocol.isEmpty() ? QString() : u" [" % g.protocol % u']') % u'\n';
        out += u"  owners: " % partitionMapText(g.owners) % u'\n';
        out += u"  committed: " % partitionMapText(g.committed) % u'\n';
        QStringList unowned;
        for (const OwnershipGap &gap : gaps) {
            if (gap.trailing && gap.group == g.id)
                unowned << gap.topicPartition.toString() % u" since " % scenarioTime(gap.fromMs);
        }
        if (!unowned.isEmpty())
            out += u"  owned by nobody: " % unowned.join(QStringLiteral(", ")) % u'\n';
    }
    for (auto it = counters.byGroup.cbegin(); it != counters.byGroup.cend(); ++it)
        out += u"group " % it.key() % u": " % countsText(it.value()) % u'\n';
    if (counters.groupsOmitted > 0)
        out += QStringLiteral("(%1 more group(s) in the totals only)\n").arg(counters.groupsOmitted);
    for (auto it = counters.byClient.cbegin(); it != counters.byClient.cend(); ++it)
        out += u"client " % it.key() % u": " % countsText(it.value()) % u'\n';
    if (counters.clientsOmitted > 0)
        out += QStringLiteral("(%1 more client(s) in the totals only)\n").arg(counters.clientsOmitted);
    out += QStringLiteral("%1 events=%2 rebalances=%3\n")
               .arg(countsText(LiveRecordingCounts {counters.produced, counters.fetched, counters.redelivered}))
               .arg(timeline.trimmed + timeline.events.size())
               .arg(rebalances.dropped + rebalances.rows.size());
    return out;
}

} // namespace topicscope::engine
