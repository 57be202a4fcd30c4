#include "scenariorunner.h"

#include "scenariorunnerprivate.h"

#include <QSet>
#include <algorithm>

namespace topicscope::engine {

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

void ScenarioRunner::Private::evaluate()
{
    results.clear();
    auto countEvents = [this](ScenarioEvent::Kind kind, const QString &group, const QString &client) {
        return int(std::count_if(timeline.cbegin(), timeline.cend(), [&](const ScenarioEvent &e) {
            return e.kind == kind && (group.isEmpty() || e.group == group) && (client.isEmpty() || e.client == client);
        }));
    };
    auto compareCount = [](const ScenarioExpectation &e, qint64 actual, ScenarioExpectationResult &r) {
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
    };
    auto scope = [](const ScenarioExpectation &e) -> QString {
        QStringList s;
        if (!e.group.isEmpty())
            s << QStringLiteral("group ") + e.group;
        if (!e.client.isEmpty())
            s << e.client;
        return s.isEmpty() ? QString() : QStringLiteral(" (") + s.join(QStringLiteral(", ")) + QLatin1Char(')');
    };
    for (const ScenarioExpectation &e : std::as_const(scenario.expectations)) {
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
            compareCount(e, countEvents(kind, e.group, e.client), r);
        } else if (e.check == QStringLiteral("produced")) {
            r.description
                = QStringLiteral("produced") + (e.client.isEmpty() ? QString() : QStringLiteral(" by ") + e.client);
            compareCount(e, countEvents(ScenarioEvent::Kind::Produced, {}, e.client), r);
        } else if (e.check == QStringLiteral("assignment")) {
            auto text = [](const QMap<QString, QStringList> &m) -> QString {
                QStringList parts;
                for (auto it = m.cbegin(); it != m.cend(); ++it)
                    parts << it.key() + QStringLiteral("=[") + it.value().join(QLatin1Char(',')) + QLatin1Char(']');
                return parts.join(QLatin1Char(' '));
            };
            const QMap<QString, QStringList> &want = e.assignment;
            r.description = QStringLiteral("assignment of group %1 generation %2 = %3")
                                .arg(e.group)
                                .arg(e.generation)
                                .arg(text(want));
            r.actual = QStringLiteral("no such rebalance");
            for (const ScenarioRebalance &rb : std::as_const(rebalances)) {
                if (rb.group == e.group && rb.generation == e.generation) {
                    // The scenario file lists partitions as Kafka prints them; compare in that form.
                    QMap<QString, QStringList> got;
                    for (auto it = rb.assignment.cbegin(); it != rb.assignment.cend(); ++it)
                        got.insert(it.key(), ScenarioRebalance::names(it.value()));
                    r.actual = text(got);
                    r.passed = got == want;
                }
            }
        } else if (e.check == QStringLiteral("generation")) {
            r.description = QStringLiteral("generation of group ") + e.group;
            compareCount(e, coordinator->describeGroup(e.group).generationId, r);
        } else if (e.check == QStringLiteral("startOffset")) {
            r.description = QStringLiteral("first offset %1 read from %2").arg(e.client, tp.toString());
            const auto it = consumers.find(e.client);
            if (it != consumers.end() && it->second.startOffsets.contains(tp)) {
                compareCount(e, it->second.startOffsets.value(tp), r);
            } else {
                compareCount(e, -1, r);
                r.passed = false;
                r.actual = QStringLiteral("no record read");
            }
        } else if (e.check == QStringLiteral("committed")) {
            r.description = QStringLiteral("committed offset of group %1 on %2").arg(e.group, tp.toString());
            const OffsetFetchResult f = coordinator->fetchOffsets(e.group, QList<TopicPartition> {tp});
            compareCount(e, f.offsets.empty() ? -1 : f.offsets.front().offset, r);
        } else if (e.check == QStringLiteral("recordsPerPartition")) {
            const int count = log->partitionCount(e.topic);
            QList<qint64> got(std::max(count, 0), 0);
            for (const ScenarioProducedRecord &p : std::as_const(producedRecords)) {
                if (p.topicPartition.topic == e.topic && (e.client.isEmpty() || p.producer == e.client)
                    && p.topicPartition.partition < got.size())
                    ++got[p.topicPartition.partition];
            }
            auto text = [](const QList<qint64> &l) -> QString {
                QStringList s;
                for (const qint64 v : l)
                    s << QString::number(v);
                return QLatin1Char('[') + s.join(QLatin1Char(',')) + QLatin1Char(']');
            };
            r.description = QStringLiteral("records per partition of %1%2 = %3")
                                .arg(e.topic, e.client.isEmpty() ? QString() : QStringLiteral(" from ") + e.client,
                                    text(e.equalsList));
            r.actual = text(got);
            r.passed = got == e.equalsList;
        } else if (e.check == QStringLiteral("keyPartition")) {
            QSet<int> partitions;
            for (const ScenarioProducedRecord &p : std::as_const(producedRecords)) {
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
        results << r;
    }
}

ScenarioRunner::ScenarioRunner(Scenario scenario)
    : d(std::make_unique<Private>(std::move(scenario)))
{ }

ScenarioRunner::~ScenarioRunner() = default;

bool ScenarioRunner::start(QString *error)
{
    return d->start(error);
}

bool ScenarioRunner::step()
{
    if (!d->started && !d->start(nullptr))
        return false;
    return d->advance();
}

bool ScenarioRunner::runToNextPause()
{
    if (!d->started && !d->start(nullptr))
        return false;
    // An open-ended run never ends by itself: without a pause ahead there is nothing to run to.
    if (d->scheduler.isOpenEnded() && d->filePausesLeft == 0)
        return false;
    while (step()) {
        if (d->pauseShown)
            return true;
    }
    return false;
}

bool ScenarioRunner::runToEnd()
{
    // An open-ended run has no end of its own: it ends now (or at its planned end, if that is later).
    if (d->scheduler.isOpenEnded())
        setOpenEnded(false);
    while (step()) { }
    return std::all_of(d->results.cbegin(), d->results.cend(), [](const auto &r) { return r.passed; });
}

bool ScenarioRunner::isFinished() const
{
    return d->finished;
}

const Scenario &ScenarioRunner::scenario() const
{
    return d->scenario;
}

qint64 ScenarioRunner::elapsedMs() const
{
    return d->now();
}

qint64 ScenarioRunner::endMs() const
{
    return d->scheduler.endMs();
}

const QList<ScenarioEvent> &ScenarioRunner::timeline() const
{
    return d->timeline;
}

const QList<ScenarioRebalance> &ScenarioRunner::rebalances() const
{
    return d->rebalances;
}

int ScenarioRunner::produced(const QString &producer) const
{
    return d->countOf(&ScenarioCounts::produced, {}, producer);
}

int ScenarioRunner::processed(const QString &group, const QString &consumer) const
{
    return d->countOf(&ScenarioCounts::processed, group, consumer);
}

int ScenarioRunner::duplicates(const QString &group, const QString &consumer) const
{
    return d->countOf(&ScenarioCounts::duplicates, group, consumer);
}

int ScenarioRunner::lost(const QString &group, const QString &consumer) const
{
    return d->countOf(&ScenarioCounts::lost, group, consumer);
}

int ScenarioRunner::deserializationFailures(const QString &group, const QString &consumer) const
{
    return d->countOf(&ScenarioCounts::deserializationFailures, group, consumer);
}

std::optional<qint64> ScenarioRunner::startOffset(const QString &consumer, const TopicPartition &tp) const
{
    const auto it = d->consumers.find(consumer);
    if (it == d->consumers.end() || !it->second.startOffsets.contains(tp))
        return std::nullopt;
    return it->second.startOffsets.value(tp);
}

const QList<ScenarioExpectationResult> &ScenarioRunner::expectationResults() const
{
    return d->results;
}

QString ScenarioRunner::timelineDump() const
{
    QString out;
    for (const ScenarioEvent &e : std::as_const(d->timeline))
        out += scenarioTime(e.timeMs) + QLatin1Char(' ') + ScenarioEvent::kindName(e.kind) + QStringLiteral(": ")
            + e.text + QLatin1Char('\n');
    return out;
}

QString ScenarioRunner::stateDump() const
{
    QString out = QStringLiteral("== %1: state at %2 ==\n").arg(d->scenario.title.english(), scenarioTime(d->now()));
    if (!d->log)
        return out + QStringLiteral("(not started)\n");
    for (const QString &topic : d->log->topicNames()) {
        const std::optional<TopicInfo> info = d->log->describeTopic(topic);
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
    for (const ScenarioConsumer &c : std::as_const(d->scenario.consumers)) {
        if (c.group && !groups.contains(*c.group))
            groups << *c.group;
    }
    std::sort(groups.begin(), groups.end());
    for (const QString &group : std::as_const(groups)) {
        const QString line = d->coordinator->dumpGroup(group);
        out += (line.isEmpty() ? QStringLiteral("group %1: unknown").arg(group) : line) + QLatin1Char('\n');
        const OffsetFetchResult f = d->coordinator->fetchOffsets(group, std::nullopt);
        std::vector<CommittedOffset> offsets = f.offsets;
        std::sort(offsets.begin(), offsets.end(),
            [](const CommittedOffset &a, const CommittedOffset &b) { return a.topicPartition < b.topicPartition; });
        QStringList parts;
        for (const CommittedOffset &o : offsets)
            parts << QStringLiteral("%1=%2").arg(o.topicPartition.toString()).arg(o.offset);
        out += QStringLiteral("  committed: ")
            + (parts.isEmpty() ? QStringLiteral("none") : parts.join(QLatin1Char(' '))) + QLatin1Char('\n');
    }
    for (const auto &[id, c] : d->consumers) {
        out += c.consumer ? c.consumer->dump() : QStringLiteral("consumer %1: never started").arg(id);
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("produced=%1 processed=%2 duplicates=%3 lost=%4 deserializationFailures=%5 rebalances=%6\n")
               .arg(produced())
               .arg(processed())
               .arg(duplicates())
               .arg(lost())
               .arg(deserializationFailures())
               .arg(d->rebalances.size());
    return out;
}

QString ScenarioRunner::expectationsDump() const
{
    QString out;
    for (const ScenarioExpectationResult &r : std::as_const(d->results))
        out += QStringLiteral("%1 %2: %3 (actual: %4)\n")
                   .arg(r.passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"), r.path, r.description, r.actual);
    return out;
}

QString ScenarioRunner::report() const
{
    return QStringLiteral("== %1 ==\n").arg(d->scenario.title.english()) + timelineDump() + stateDump()
        + expectationsDump();
}

bool ScenarioRunner::runFile(const QString &path, QString *report)
{
    QString error;
    std::optional<Scenario> scenario = Scenario::load(path, &error);
    if (!scenario) {
        if (report)
            *report = error + QLatin1Char('\n');
        return false;
    }
    ScenarioRunner runner(std::move(*scenario));
    if (!runner.start(&error)) {
        if (report)
            *report = error + QLatin1Char('\n');
        return false;
    }
    const bool passed = runner.runToEnd();
    if (report)
        *report = runner.report();
    return passed;
}

} // namespace topicscope::engine
