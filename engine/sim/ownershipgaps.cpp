#include "sim/ownershipgaps.h"

#include <QMap>
#include <algorithm>
#include <utility>

namespace topicscope::engine {

TrailingGapRule TrailingGapRule::whileGroupHasMembers(std::function<bool(const QString &group)> hasMembers)
{
    TrailingGapRule rule;
    rule.withoutGroup = false;
    rule.waiting = std::move(hasMembers);
    return rule;
}

QList<OwnershipGap> ownershipGaps(const QList<ScenarioOwnership> &ownership, qint64 endMs, const TrailingGapRule &rule)
{
    QMap<std::pair<QString, TopicPartition>, QList<ScenarioOwnership>> byPartition;
    for (const ScenarioOwnership &o : ownership) {
        if (rule.withoutGroup || !o.group.isEmpty())
            byPartition[{o.group, o.topicPartition}] << o;
    }
    QList<OwnershipGap> gaps;
    for (auto it = byPartition.cbegin(); it != byPartition.cend(); ++it) {
        QList<ScenarioOwnership> list = it.value();
        // Stable: intervals starting together keep the order they were recorded in.
        std::stable_sort(list.begin(), list.end(),
            [](const ScenarioOwnership &a, const ScenarioOwnership &b) { return a.fromMs < b.fromMs; });
        // Covered from the first assignment on; overlapping intervals (two consumers that both believed they owned
        // it) cover the union. Once an interval is open, the partition is owned until the end.
        qint64 coveredUntil = list.first().fromMs;
        bool open = false;
        for (const ScenarioOwnership &o : std::as_const(list)) {
            if (!open && o.fromMs > coveredUntil)
                gaps << OwnershipGap {it.key().first, it.key().second, coveredUntil, o.fromMs, false};
            if (o.toMs < 0)
                open = true;
            else
                coveredUntil = std::max(coveredUntil, o.toMs);
        }
        if (!open && coveredUntil < endMs && (!rule.waiting || rule.waiting(it.key().first)))
            gaps << OwnershipGap {it.key().first, it.key().second, coveredUntil, endMs, true};
    }
    return gaps;
}

} // namespace topicscope::engine
