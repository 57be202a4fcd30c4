#pragma once

// Helpers for the assignor tests: a compact text form for inputs and a text dump for results.

#include "group/assignor.h"

#include <QSet>
#include <QStringList>

namespace topicscope::engine::assignortest {

inline QList<TopicPartition> parsePartitions(const QString &text)
{
    QList<TopicPartition> out;
    for (const QString &tp : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (tp == QLatin1String("-"))
            continue;
        const qsizetype dash = tp.lastIndexOf(QLatin1Char('-'));
        out.append({tp.left(dash), tp.mid(dash + 1).toInt()});
    }
    return out;
}

// "t0:3 t1:2"
inline QMap<QString, int> parseTopics(const QString &text)
{
    QMap<QString, int> out;
    for (const QString &kv : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype colon = kv.lastIndexOf(QLatin1Char(':'));
        out.insert(kv.left(colon), kv.mid(colon + 1).toInt());
    }
    return out;
}

// "C0 - 1 t0,t1 t0-0,t1-1 | C1 inst-1 -1 t0 -": member id, group.instance.id, generation, topics, owned.
inline std::vector<MemberSubscription> parseMembers(const QString &text)
{
    std::vector<MemberSubscription> out;
    for (const QString &spec : text.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        const QStringList f = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        MemberSubscription m;
        m.memberId = f.value(0);
        if (f.value(1) != QLatin1String("-"))
            m.groupInstanceId = f.value(1);
        m.generationId = f.value(2, QStringLiteral("-1")).toInt();
        if (f.value(3, QStringLiteral("-")) != QLatin1String("-"))
            m.topics = f.value(3).split(QLatin1Char(','));
        m.ownedPartitions = parsePartitions(f.value(4, QStringLiteral("-")));
        out.push_back(m);
    }
    return out;
}

// "C0=[t0-0,t0-1] C1=[t0-2]"
inline QString dump(const GroupAssignment &assignment)
{
    QStringList parts;
    for (auto it = assignment.cbegin(); it != assignment.cend(); ++it) {
        QStringList tps;
        for (const TopicPartition &tp : it.value())
            tps.append(tp.toString());
        parts.append(it.key() + QLatin1String("=[") + tps.join(QLatin1Char(',')) + QLatin1Char(']'));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace topicscope::engine::assignortest
