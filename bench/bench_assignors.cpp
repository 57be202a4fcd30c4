// Sticky and cooperative-sticky over 100 topics x 100 partitions and 1,000 members subscribed to all:
// a fresh assignment, then the rebalance after one member leaves (the others report what they own).
#include "group/assignor.h"

#include <QElapsedTimer>
#include <cstdio>

using namespace topicscope::engine;

namespace {

double timeMs(const Assignor &assignor, const std::vector<MemberSubscription> &members,
    const QMap<QString, int> &topics, GroupAssignment *result)
{
    double best = 1e300;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        *result = assignor.assign(members, topics);
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

} // namespace

int main()
{
    QMap<QString, int> topics;
    QStringList names;
    for (int t = 0; t < 100; ++t) {
        names.append(QStringLiteral("topic-%1").arg(t, 3, 10, QLatin1Char('0')));
        topics.insert(names.last(), 100);
    }
    std::vector<MemberSubscription> members;
    for (int i = 0; i < 1000; ++i) {
        MemberSubscription m;
        m.memberId = QStringLiteral("consumer-%1-5f1c8a2e-%2").arg(i).arg(i * 7919 % 10007);
        m.topics = names;
        members.push_back(m);
    }

    for (const QString &name : {QStringLiteral("sticky"), QStringLiteral("cooperative-sticky")}) {
        const auto assignor = Assignor::create(name);
        GroupAssignment fresh;
        const double freshMs = timeMs(*assignor, members, topics, &fresh);

        std::vector<MemberSubscription> rejoined;
        for (size_t i = 1; i < members.size(); ++i) { // member 0 left
            MemberSubscription m = members[i];
            m.ownedPartitions = fresh.value(m.memberId);
            m.generationId = 1;
            rejoined.push_back(m);
        }
        GroupAssignment rebalanced;
        const double rebalanceMs = timeMs(*assignor, rejoined, topics, &rebalanced);

        int total = 0;
        for (const auto &list : std::as_const(rebalanced))
            total += int(list.size());
        std::printf("%-20s fresh (10000 partitions, 1000 members): %8.2f ms\n", qPrintable(name), freshMs);
        std::printf("%-20s one member left (999 members):         %8.2f ms  (%d partitions assigned)\n",
            qPrintable(name), rebalanceMs, total);
    }
    return 0;
}
