#include "scenarioevaluator.h"
#include "topicnames.h"

#include "sim/ownershipgaps.h"
#include "sim/scenarioformat.h"
#include "sim/scenariorecorder.h"
#include "sim/scenarioworld.h"

#include <QSet>
#include <algorithm>

namespace topicscope::engine {

namespace {

void compareCount(const ScenarioExpectation &e, qint64 actual, ScenarioExpectationResult &r)
{
    QStringList want;
    bool ok = true;
    if (e.equals) {
        ok = ok && actual == *e.equals;
        want << QStringLiteral("= %1").arg(*e.equals);
    }
    if (e.atLeast) {
        ok = ok && actual >= *e.atLeast;
        want << QStringLiteral(">= %1").arg(*e.atLeast);
    }
    if (e.atMost) {
        ok = ok && actual <= *e.atMost;
        want << QStringLiteral("<= %1").arg(*e.atMost);
    }
    r.passed = ok;
    r.description += QLatin1Char(' ') + want.join(QStringLiteral(" and "));
    r.actual = QString::number(actual);
}

// " (group g, c1)", or "" when the expectation names neither.
QString scope(const ScenarioExpectation &e)
{
    QStringList s;
    if (!e.group.isEmpty())
        s << QStringLiteral("group ") + e.group;
    if (!e.client.isEmpty())
        s << e.client;
    return s.isEmpty() ? QString() : QStringLiteral(" (") + s.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString assignmentText(const QMap<QString, QStringList> &m)
{
    QStringList parts;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        parts << it.key() + QStringLiteral("=[") + it.value().join(QLatin1Char(',')) + QLatin1Char(']');
    return parts.join(QLatin1Char(' '));
}

QString listText(const QList<qint64> &l)
{
    QStringList s;
    for (const qint64 v : l)
        s << QString::number(v);
    return QLatin1Char('[') + s.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace

ScenarioEvaluator::ScenarioEvaluator(const ScenarioWorld &world, const ScenarioRecorder &recorder)
    : m_world(world)
    , m_recorder(recorder)
{ }

bool ScenarioEvaluator::allPassed() const
{
    return std::all_of(m_results.cbegin(), m_results.cend(), [](const auto &r) { return r.passed; });
}

int ScenarioEvaluator::count(int ScenarioCounts::*field, const QString &group, const QString &client) const
{
    const ScenarioRecording &recording = m_recorder.recording();
    if (group.isEmpty())
        return client.isEmpty() ? recording.totals.*field : recording.countsByClient.value(client).*field;
    if (client.isEmpty())
        return recording.countsByGroup.value(group).*field;
    // A consumer's record events all carry its group ("(no group: c1)" for a consumer without one).
    const auto it = m_world.consumers().find(client);
    if (it == m_world.consumers().end())
        return 0;
    const ScenarioConsumer &spec = it->second.spec;
    const QString key = spec.group ? *spec.group : QStringLiteral("(no group: %1)").arg(spec.id);
    return key == group ? recording.countsByClient.value(client).*field : 0;
}

void ScenarioEvaluator::evaluate()
{
    m_results.clear();
    for (const ScenarioExpectation &e : std::as_const(m_world.scenario().expectations))
        m_results << check(e);
}

ScenarioExpectationResult ScenarioEvaluator::check(const ScenarioExpectation &e) const
{
    const ScenarioRecording &recording = m_recorder.recording();
    const GroupCoordinator &coordinator = m_world.broker()->groups();
    ScenarioExpectationResult r;
    r.path = e.path;
    const TopicPartition tp {e.topic, e.partition.value_or(0)};
    if (e.check == QStringLiteral("duplicates") || e.check == QStringLiteral("lost")
        || e.check == QStringLiteral("deserializationFailures") || e.check == QStringLiteral("processed")) {
        const ScenarioEvent::Kind kind = e.check == QStringLiteral("duplicates") ? ScenarioEvent::Kind::Duplicate
            : e.check == QStringLiteral("lost")                                  ? ScenarioEvent::Kind::Lost
            : e.check == QStringLiteral("processed")                             ? ScenarioEvent::Kind::Processed
                                                     : ScenarioEvent::Kind::DeserializationFailed;
        r.description = e.check + scope(e);
        compareCount(e, recording.countEvents(kind, e.group, e.client), r);
    } else if (e.check == QStringLiteral("produced")) {
        r.description
            = QStringLiteral("produced") + (e.client.isEmpty() ? QString() : QStringLiteral(" by ") + e.client);
        compareCount(e, recording.countEvents(ScenarioEvent::Kind::Produced, {}, e.client), r);
    } else if (e.check == QStringLiteral("assignment")) {
        const QMap<QString, QStringList> &want = e.assignment;
        r.description = QStringLiteral("assignment of group %1 generation %2 = %3")
                            .arg(e.group)
                            .arg(e.generation)
                            .arg(assignmentText(want));
        r.actual = QStringLiteral("no such rebalance");
        for (const ScenarioRebalance &rb : std::as_const(recording.rebalances)) {
            if (rb.group == e.group && rb.generation == e.generation) {
                // The scenario file lists partitions as Kafka prints them; compare in that form.
                QMap<QString, QStringList> got;
                for (auto it = rb.assignment.cbegin(); it != rb.assignment.cend(); ++it)
                    got.insert(it.key(), ScenarioRebalance::names(it.value()));
                r.actual = assignmentText(got);
                r.passed = got == want;
            }
        }
    } else if (e.check == QStringLiteral("generation")) {
        r.description = QStringLiteral("generation of group ") + e.group;
        compareCount(e, coordinator.describeGroup(e.group).generationId, r);
    } else if (e.check == QStringLiteral("startOffset")) {
        r.description = QStringLiteral("first offset %1 read from %2").arg(e.client, tp.toString());
        const auto it = m_world.consumers().find(e.client);
        if (it != m_world.consumers().end() && it->second.startOffsets.contains(tp)) {
            compareCount(e, it->second.startOffsets.value(tp), r);
        } else {
            compareCount(e, -1, r);
            r.passed = false;
            r.actual = QStringLiteral("no record read");
        }
    } else if (e.check == QStringLiteral("committed")) {
        r.description = QStringLiteral("committed offset of group %1 on %2").arg(e.group, tp.toString());
        const OffsetFetchResult f = coordinator.fetchOffsets(e.group, QList<TopicPartition> {tp});
        compareCount(e, f.offsets.empty() ? -1 : f.offsets.front().offset, r);
    } else if (e.check == QStringLiteral("recordsPerPartition")) {
        const int count = m_world.broker()->log().partitionCount(e.topic);
        QList<qint64> got(std::max(count, 0), 0);
        for (const ScenarioProducedRecord &p : std::as_const(recording.producedRecords)) {
            if (p.topicPartition.topic == e.topic && (e.client.isEmpty() || p.producer == e.client)
                && p.topicPartition.partition < got.size())
                ++got[p.topicPartition.partition];
        }
        r.description = QStringLiteral("records per partition of %1%2 = %3")
                            .arg(e.topic, e.client.isEmpty() ? QString() : QStringLiteral(" from ") + e.client,
                                listText(e.equalsList));
        r.actual = listText(got);
        r.passed = got == e.equalsList;
    } else if (e.check == QStringLiteral("pausedMs")) {
        // As the assignor comparison counts it: from a partition's first assignment in the group, the time nobody in
        // the group owned it; at the end only while the group still has members.
        r.description = QStringLiteral("time the partitions of group %1%2 were owned by nobody, in ms")
                            .arg(e.group, e.topic.isEmpty() ? QString() : QStringLiteral(" on ") + tp.toString());
        const auto hasMembers
            = [&coordinator](const QString &group) { return !coordinator.describeGroup(group).members.isEmpty(); };
        qint64 total = 0;
        for (const OwnershipGap &gap :
            ownershipGaps(recording.ownership, m_recorder.now(), TrailingGapRule::whileGroupHasMembers(hasMembers))) {
            if (gap.group == e.group && (e.topic.isEmpty() || gap.topicPartition == tp))
                total += gap.toMs - gap.fromMs;
        }
        compareCount(e, total, r);
    } else if (e.check == QStringLiteral("keyPartition")) {
        QSet<int> partitions;
        for (const ScenarioProducedRecord &p : std::as_const(recording.producedRecords)) {
            if (p.topicPartition.topic == e.topic && p.key == e.key)
                partitions.insert(p.topicPartition.partition);
        }
        QList<int> sorted(partitions.cbegin(), partitions.cend());
        std::sort(sorted.begin(), sorted.end());
        QStringList s;
        for (const int p : std::as_const(sorted))
            s << QString::number(p);
        r.description = QStringLiteral("every record with key %1 in partition %2 of %3")
                            .arg(scenarioKeyText(e.key))
                            .arg(e.equals.value_or(-1))
                            .arg(e.topic);
        r.actual = sorted.isEmpty() ? QStringLiteral("no records with that key")
                                    : QStringLiteral("partitions [%1]").arg(s.join(QLatin1Char(',')));
        r.passed = sorted.size() == 1 && sorted.first() == e.equals.value_or(-1);
    }
    return r;
}

QString ScenarioEvaluator::timelineDump() const
{
    QString out;
    for (const ScenarioEvent &e : std::as_const(m_recorder.recording().timeline))
        out += scenarioTime(e.timeMs) + QLatin1Char(' ') + ScenarioEvent::kindName(e.kind) + QStringLiteral(": ")
            + e.text + QLatin1Char('\n');
    return out;
}

QString ScenarioEvaluator::stateDump() const
{
    const Scenario &scenario = m_world.scenario();
    QString out
        = QStringLiteral("== %1: state at %2 ==\n").arg(scenario.title.english(), scenarioTime(m_recorder.now()));
    const Broker *broker = m_world.broker();
    if (!broker)
        return out + QStringLiteral("(not started)\n");
    const LogManager &log = broker->log();
    for (const QString &topic : log.topicNames()) {
        if (TopicNames::isInternal(topic)) // the broker's bookkeeping, not the scenario's
            continue;
        const std::optional<TopicInfo> info = log.describeTopic(topic);
        out += QStringLiteral("topic %1: %2 partition(s)\n").arg(topic).arg(info ? info->partitions.size() : 0);
        if (info) {
            for (const PartitionInfo &p : info->partitions)
                out += QStringLiteral("  %1-%2 logStartOffset=%3 logEndOffset=%4\n")
                           .arg(topic)
                           .arg(p.partition)
                           .arg(p.logStartOffset)
                           .arg(p.logEndOffset);
        }
    }
    QStringList groups;
    for (const ScenarioConsumer &c : std::as_const(scenario.consumers)) {
        if (c.group && !groups.contains(*c.group))
            groups << *c.group;
    }
    std::sort(groups.begin(), groups.end());
    for (const QString &group : std::as_const(groups)) {
        const QString line = broker->groups().dumpGroup(group);
        out += (line.isEmpty() ? QStringLiteral("group %1: unknown").arg(group) : line) + QLatin1Char('\n');
        const OffsetFetchResult f = broker->groups().fetchOffsets(group, std::nullopt);
        std::vector<CommittedOffset> offsets = f.offsets;
        std::sort(offsets.begin(), offsets.end(),
            [](const CommittedOffset &a, const CommittedOffset &b) { return a.topicPartition < b.topicPartition; });
        QStringList parts;
        for (const CommittedOffset &o : offsets)
            parts << QStringLiteral("%1=%2").arg(o.topicPartition.toString()).arg(o.offset);
        out += QStringLiteral("  committed: ")
            + (parts.isEmpty() ? QStringLiteral("none") : parts.join(QLatin1Char(' '))) + QLatin1Char('\n');
    }
    for (const auto &[id, c] : m_world.consumers()) {
        out += c.consumer ? c.consumer->dump() : QStringLiteral("consumer %1: never started").arg(id);
        out += QLatin1Char('\n');
    }
    const ScenarioCounts &totals = m_recorder.recording().totals;
    out += QStringLiteral("produced=%1 processed=%2 duplicates=%3 lost=%4 deserializationFailures=%5 rebalances=%6\n")
               .arg(totals.produced)
               .arg(totals.processed)
               .arg(totals.duplicates)
               .arg(totals.lost)
               .arg(totals.deserializationFailures)
               .arg(m_recorder.recording().rebalances.size());
    return out;
}

QString ScenarioEvaluator::expectationsDump() const
{
    QString out;
    for (const ScenarioExpectationResult &r : std::as_const(m_results))
        out += QStringLiteral("%1 %2: %3 (actual: %4)\n")
                   .arg(r.passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"), r.path, r.description, r.actual);
    return out;
}

QString ScenarioEvaluator::report() const
{
    return QStringLiteral("== %1 ==\n").arg(m_world.scenario().title.english()) + timelineDump() + stateDump()
        + expectationsDump();
}

} // namespace topicscope::engine
