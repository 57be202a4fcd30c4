// ScenarioRunner::compareAssignors: the same scenario played once per built-in assignor, and the note that explains
// the figures.

#include "scenariorunner.h"

#include "scenariorunnerprivate.h"

#include "assignornames.h"
#include "sim/ownershipgaps.h"

#include <algorithm>

namespace topicscope::engine {

namespace {

// The comparison's note (AssignorComparison::note). A sum of gaps makes cooperative-sticky look worst when every
// member rejoins at once (eager then hands partitions back in the same instant) while each cooperative change takes
// a second rebalance, started at the next heartbeat; the note says so, with this run's figures.
QString comparisonNote(const Scenario &scenario, const QList<AssignorRun> &runs, const QString &language)
{
    const auto find = [&runs](const QString &name) -> const AssignorRun * {
        for (const AssignorRun &r : runs) {
            if (r.assignor == name)
                return &r;
        }
        return nullptr;
    };
    const AssignorRun *cooperative = find(QStringLiteral("cooperative-sticky"));
    const AssignorRun *range = find(QStringLiteral("range"));
    if (!cooperative || !range || runs.size() < 2)
        return {};
    qint64 largestOtherGap = 0;
    // Among the classic assignors: the note is about the classic protocol's second rebalance.
    for (const AssignorRun &r : runs) {
        if (&r != cooperative && r.groupProtocol == QLatin1String("classic"))
            largestOtherGap = std::max(largestOtherGap, r.processingGapMs);
    }
    if (cooperative->processingGapMs <= largestOtherGap || cooperative->rebalances.size() <= range->rebalances.size())
        return {};
    qint64 heartbeatMs = 0;
    for (const ScenarioConsumer &c : scenario.consumers)
        heartbeatMs = std::max(heartbeatMs, c.heartbeatIntervalMs);
    // This run's figures, in the order both texts use them.
    const auto figures = [&](const QString &text) {
        return text.arg(cooperative->rebalances.size())
            .arg(range->rebalances.size())
            .arg(heartbeatMs)
            .arg(range->processingGapMs)
            .arg(cooperative->processingGapMs);
    };
    LocalizedText note(figures(QStringLiteral(
        "Why cooperative-sticky shows the longest gap here (%5 ms against %4 ms for range): each change costs it two "
        "rebalances (%1 against %2). The first only revokes the partitions that move; they get their new owner in the "
        "second, which starts only when the other members notice it at their next heartbeat (heartbeat.interval.ms = "
        "%3 ms). The eager assignors take every partition back, but all members rejoin together and get their share "
        "in that same rebalance. Cooperative-sticky pays off when a member is slow to rejoin (scenario 14): the "
        "partitions that keep their owner never stop.")));
    note.setText(QStringLiteral("ko"),
        figures(QStringLiteral(
            "여기서 cooperative-sticky의 공백이 가장 긴 이유(range는 %4 ms, cooperative-sticky는 %5 ms): 멤버가 바뀔 "
            "때마다 리밸런스가 두 번 필요합니다(%1번, range는 %2번). 첫 번째 리밸런스는 옮겨 갈 파티션을 "
            "회수(revoke)만 "
            "하고, 그 파티션은 두 번째 리밸런스에서야 새 주인을 받습니다. 두 번째 리밸런스는 다른 멤버들이 다음 "
            "하트비트(heartbeat.interval.ms = %3 ms)에서 알아차려야 시작됩니다. eager 어사이너는 모든 파티션을 "
            "회수하지만, 멤버들이 함께 다시 참여해 같은 리밸런스에서 자기 몫을 돌려받습니다. cooperative-sticky는 다시 "
            "참여가 늦는 멤버가 있을 때 유리하며(시나리오 14), 주인이 그대로인 파티션은 전혀 멈추지 않습니다.")));
    return note.text(language);
}

} // namespace

AssignorComparison ScenarioRunner::compareAssignors(const Scenario &scenario, const QString &language)
{
    AssignorComparison out;
    out.title = scenario.title.text(language);
    // Each classic assignor, then Kafka 4's consumer protocol with the broker's default assignor: every consumer
    // of a group plays the same script under each.
    struct Variant {
        QString assignor;
        ConsumerGroupProtocol protocol;
    };
    QList<Variant> variants;
    for (const QString &assignor : builtInAssignorNames())
        variants.append({assignor, ConsumerGroupProtocol::Classic});
    variants.append({serverAssignorNames().constFirst(), ConsumerGroupProtocol::Consumer});
    for (const Variant &variant : std::as_const(variants)) {
        Scenario copy = scenario;
        bool translated = false; // a classic consumer now speaks the consumer protocol
        qint32 sessionTimeoutMs = 0;
        qint64 heartbeatIntervalMs = 0;
        for (ScenarioConsumer &c : copy.consumers) {
            c.assignor = variant.assignor;
            if (!c.group)
                continue;
            translated = translated
                || (c.groupProtocol == ConsumerGroupProtocol::Classic
                    && variant.protocol == ConsumerGroupProtocol::Consumer);
            sessionTimeoutMs = std::max(sessionTimeoutMs, c.sessionTimeoutMs);
            heartbeatIntervalMs = std::max(heartbeatIntervalMs, c.heartbeatIntervalMs);
            c.groupProtocol = variant.protocol;
        }
        // Only the protocol differs: the classic consumers' session timeout and heartbeat interval become the
        // broker's settings for consumer-protocol groups.
        if (translated) {
            copy.settings.groupConsumerSessionTimeoutMs = sessionTimeoutMs;
            copy.settings.groupConsumerHeartbeatIntervalMs = qint32(heartbeatIntervalMs);
        }
        ScenarioRunner runner(std::move(copy));
        QString error;
        if (!runner.start(&error)) {
            out.error = error;
            out.runs.clear();
            return out;
        }
        runner.runToEnd();
        AssignorRun run;
        run.assignor = variant.assignor;
        run.groupProtocol = variant.protocol == ConsumerGroupProtocol::Consumer ? QStringLiteral("consumer")
                                                                                : QStringLiteral("classic");
        run.rebalances = runner.rebalances();
        run.ownership = runner.ownership();
        run.duplicates = runner.duplicates();
        run.endMs = runner.elapsedMs();
        // Per (group, partition), from its ownership intervals in time order:
        // - partitionsMoved counts hand-offs, an interval owned by another consumer than the one before. Summing
        //   the rebalances' partitionsMoved instead would count a cooperative move twice (revoked in one
        //   generation, assigned in the next) and an eager member getting its own partitions back not at all.
        // - processingGapMs is the uncovered time between the first assignment and the end. A partition nobody
        //   owns at the end counts until the end only while its group still has members (a group everyone left
        //   is not waiting for anything).
        QMap<std::pair<QString, TopicPartition>, QList<ScenarioOwnership>> byPartition;
        for (const ScenarioOwnership &o : std::as_const(run.ownership)) {
            if (!o.group.isEmpty())
                byPartition[{o.group, o.topicPartition}] << o;
        }
        for (auto it = byPartition.cbegin(); it != byPartition.cend(); ++it) {
            QList<ScenarioOwnership> list = it.value();
            std::sort(list.begin(), list.end(),
                [](const ScenarioOwnership &a, const ScenarioOwnership &b) { return a.fromMs < b.fromMs; });
            for (qsizetype i = 1; i < list.size(); ++i)
                run.partitionsMoved += list.at(i).consumer != list.at(i - 1).consumer;
        }
        const auto hasMembers = [&runner](const QString &group) {
            return !runner.d->world.broker()->groups().describeGroup(group).members.isEmpty();
        };
        const QList<OwnershipGap> counted
            = ownershipGaps(run.ownership, run.endMs, TrailingGapRule::whileGroupHasMembers(hasMembers));
        for (const OwnershipGap &gap : counted)
            run.processingGapMs += gap.toMs - gap.fromMs;
        run.gaps = ownershipGaps(run.ownership, run.endMs);
        out.runs << run;
    }
    out.note = comparisonNote(scenario, out.runs, language);
    return out;
}

} // namespace topicscope::engine
