// KIP-848's server-side assignors (ServerAssignor: uniform, range): properties over generated groups, a few
// hand-written cases taken from Kafka's documentation and its group-coordinator unit tests, and the factory.
#include "group/serverassignor.h"

#include <QTest>

#include <algorithm>
#include <climits>
#include <random>

using namespace topicscope::engine;

using Members = std::vector<ServerAssignorMember>;
using TopicCounts = QMap<QString, int>; // QFETCH's type cannot contain a comma

namespace {

ServerAssignorMember makeMember(const QString &memberId, const QStringList &topics,
    const TopicPartitionSets &currentTarget = {}, const std::optional<QString> &instanceId = std::nullopt)
{
    ServerAssignorMember member;
    member.memberId = memberId;
    member.instanceId = instanceId;
    member.subscribedTopics = topics;
    member.currentTarget = currentTarget;
    return member;
}

// "A=[t1:0,1 t2:0] B=[]"
QString dump(const ServerAssignment &assignment)
{
    QStringList members;
    for (auto member = assignment.cbegin(); member != assignment.cend(); ++member) {
        QStringList topics;
        for (auto topic = member.value().cbegin(); topic != member.value().cend(); ++topic) {
            QStringList partitions;
            for (const int p : topic.value())
                partitions.append(QString::number(p));
            topics.append(topic.key() + QLatin1Char(':') + partitions.join(QLatin1Char(',')));
        }
        members.append(member.key() + QLatin1String("=[") + topics.join(QLatin1Char(' ')) + QLatin1Char(']'));
    }
    return members.join(QLatin1Char(' '));
}

int loadOf(const TopicPartitionSets &partitions)
{
    int load = 0;
    for (const QList<int> &list : partitions)
        load += static_cast<int>(list.size());
    return load;
}

struct GroupInput {
    std::vector<ServerAssignorMember> members;
    QMap<QString, int> partitionsPerTopic;
};

// A fixed-seed generator of groups: 1-12 members, 1-6 topics of 0-40 partitions, random subscriptions, random
// disjoint previous assignments that may name topics and partitions that no longer exist or are no longer
// subscribed. Uses the random engine's raw output only (no std distributions), so every platform sees the same
// groups.
class GroupGenerator {
public:
    explicit GroupGenerator(quint32 seed)
        : m_rng(seed)
    { }

    int below(int n) { return static_cast<int>(m_rng() % static_cast<quint32>(n)); }

    GroupInput next(bool homogeneous)
    {
        GroupInput input;
        const int topicCount = 1 + below(6);
        QStringList topics;
        for (int t = 0; t < topicCount; ++t) {
            topics.append(QStringLiteral("t%1").arg(t));
            input.partitionsPerTopic.insert(topics.last(), below(41));
        }
        const QStringList shared = randomTopics(topics);
        const int memberCount = 1 + below(12);
        QStringList ids; // in draw order, not sorted: the input order must not matter
        while (ids.size() < memberCount) {
            const QString id = QStringLiteral("m%1").arg(below(1000), 3, 10, QLatin1Char('0'));
            if (!ids.contains(id))
                ids.append(id);
        }
        for (const QString &id : ids) {
            std::optional<QString> instanceId;
            if (below(3) == 0)
                instanceId = QStringLiteral("i%1").arg(below(1000), 3, 10, QLatin1Char('0')) + id;
            input.members.push_back(makeMember(id, homogeneous ? shared : randomTopics(topics), {}, instanceId));
        }
        // Previous owners, drawn for every partition of every topic plus a deleted topic and a few partitions
        // past the current count, so stale entries get dropped.
        QStringList previousTopics = topics;
        previousTopics.append(QStringLiteral("deleted"));
        for (const QString &topic : previousTopics) {
            const int previousCount = input.partitionsPerTopic.value(topic, 5) + below(3);
            for (int p = 0; p < previousCount; ++p) {
                const int owner = below(memberCount + 2);
                if (owner < memberCount)
                    input.members[owner].currentTarget[topic].append(p);
            }
        }
        return input;
    }

    void shuffle(std::vector<ServerAssignorMember> &members)
    {
        for (size_t i = members.size(); i > 1; --i)
            std::swap(members[i - 1], members[static_cast<size_t>(below(static_cast<int>(i)))]);
    }

private:
    QStringList randomTopics(const QStringList &topics)
    {
        QStringList chosen;
        for (const QString &topic : topics) {
            if (below(2) == 0)
                chosen.append(topic);
        }
        if (chosen.isEmpty())
            chosen.append(topics.at(below(static_cast<int>(topics.size()))));
        return chosen;
    }

    std::mt19937 m_rng;
};

bool subscribes(const GroupInput &input, const QString &memberId, const QString &topic)
{
    for (const ServerAssignorMember &member : input.members) {
        if (member.memberId == memberId)
            return member.subscribedTopics.contains(topic);
    }
    return false;
}

// Every member has an entry; a member only gets existing partitions of topics it subscribes to, listed
// ascending; every partition of a topic somebody subscribes to has exactly one owner. Empty when valid.
QString validityError(const GroupInput &input, const ServerAssignment &assignment)
{
    if (assignment.size() != static_cast<qsizetype>(input.members.size()))
        return QStringLiteral("%1 entries for %2 members").arg(assignment.size()).arg(input.members.size());
    QMap<QString, QList<int>> owners; // topic -> owner count per partition
    for (auto it = input.partitionsPerTopic.cbegin(); it != input.partitionsPerTopic.cend(); ++it)
        owners.insert(it.key(), QList<int>(it.value(), 0));
    for (auto member = assignment.cbegin(); member != assignment.cend(); ++member) {
        for (auto topic = member.value().cbegin(); topic != member.value().cend(); ++topic) {
            if (!subscribes(input, member.key(), topic.key()))
                return member.key() + QLatin1String(" got unsubscribed ") + topic.key();
            if (topic.value().isEmpty() || !std::is_sorted(topic.value().cbegin(), topic.value().cend()))
                return member.key() + QLatin1String(" has an empty or unsorted list for ") + topic.key();
            for (const int p : topic.value()) {
                if (p < 0 || p >= input.partitionsPerTopic.value(topic.key()))
                    return member.key() + QLatin1String(" got a missing partition of ") + topic.key();
                ++owners[topic.key()][p];
            }
        }
    }
    for (auto topic = owners.cbegin(); topic != owners.cend(); ++topic) {
        bool subscribed = false;
        for (const ServerAssignorMember &member : input.members)
            subscribed = subscribed || member.subscribedTopics.contains(topic.key());
        for (qsizetype p = 0; p < topic.value().size(); ++p) {
            if (topic.value().at(p) != (subscribed ? 1 : 0))
                return QStringLiteral("%1:%2 has %3 owners").arg(topic.key()).arg(p).arg(topic.value().at(p));
        }
    }
    return {};
}

// Partitions a member held in currentTarget and could keep (the topic exists, it still subscribes, the partition
// exists) but that went to somebody else.
int movedPartitions(const GroupInput &input, const ServerAssignment &assignment)
{
    int moved = 0;
    for (const ServerAssignorMember &member : input.members) {
        for (auto topic = member.currentTarget.cbegin(); topic != member.currentTarget.cend(); ++topic) {
            if (!member.subscribedTopics.contains(topic.key()))
                continue;
            for (const int p : topic.value()) {
                if (p < input.partitionsPerTopic.value(topic.key(), 0)
                    && !assignment.value(member.memberId).value(topic.key()).contains(p))
                    ++moved;
            }
        }
    }
    return moved;
}

// The fewest partitions any balanced assignment of a homogeneous group takes from their current owner: a
// balanced assignment of P partitions to N members gives P % N members P / N + 1 and the others P / N, and the
// moves are the members' holdings above their share, fewest when the larger shares go to the largest holdings.
int minimumHomogeneousMoves(const GroupInput &input)
{
    const QStringList &topics = input.members.front().subscribedTopics;
    int total = 0;
    for (const QString &topic : topics)
        total += input.partitionsPerTopic.value(topic);
    std::vector<int> holdings;
    for (const ServerAssignorMember &member : input.members) {
        int held = 0;
        for (const QString &topic : topics) {
            for (const int p : member.currentTarget.value(topic))
                held += p < input.partitionsPerTopic.value(topic) ? 1 : 0;
        }
        holdings.push_back(held);
    }
    std::sort(holdings.begin(), holdings.end(), std::greater<>());
    const int memberCount = static_cast<int>(holdings.size());
    int moves = 0;
    for (int i = 0; i < memberCount; ++i)
        moves += std::max(0, holdings[i] - (total / memberCount + (i < total % memberCount ? 1 : 0)));
    return moves;
}

// The smallest largest load the subscriptions allow: for every set S of topics, the members subscribed to any of
// them must absorb all of S's partitions, so some member gets at least ceil(P(S) / |subscribers(S)|); by Hall's
// theorem the largest of those bounds is reachable.
int optimalLargestLoad(const GroupInput &input)
{
    QStringList topics; // the subscribed ones: nobody has to absorb the others
    for (const QString &topic : input.partitionsPerTopic.keys()) {
        for (const ServerAssignorMember &member : input.members) {
            if (member.subscribedTopics.contains(topic) && !topics.contains(topic))
                topics.append(topic);
        }
    }
    int best = 0;
    for (int set = 1; set < (1 << topics.size()); ++set) {
        int partitions = 0;
        int subscribers = 0;
        for (qsizetype t = 0; t < topics.size(); ++t)
            partitions += (set >> t) & 1 ? input.partitionsPerTopic.value(topics.at(t)) : 0;
        for (const ServerAssignorMember &member : input.members) {
            bool any = false;
            for (qsizetype t = 0; t < topics.size(); ++t)
                any = any || (((set >> t) & 1) && member.subscribedTopics.contains(topics.at(t)));
            subscribers += any ? 1 : 0;
        }
        if (subscribers > 0)
            best = std::max(best, (partitions + subscribers - 1) / subscribers);
    }
    return best;
}

std::pair<int, int> loadRange(const ServerAssignment &assignment)
{
    int low = INT_MAX;
    int high = 0;
    for (const TopicPartitionSets &partitions : assignment) {
        low = std::min(low, loadOf(partitions));
        high = std::max(high, loadOf(partitions));
    }
    return {low, high};
}

GroupInput withCurrentTargets(GroupInput input, const ServerAssignment &assignment)
{
    for (ServerAssignorMember &member : input.members)
        member.currentTarget = assignment.value(member.memberId);
    return input;
}

const int GeneratedGroups = 400;

} // namespace

class TestServerAssignors : public QObject {
    Q_OBJECT

private slots:
    void factory()
    {
        QCOMPARE(ServerAssignor::builtInNames(), (QStringList {QStringLiteral("uniform"), QStringLiteral("range")}));
        for (const QString &name : ServerAssignor::builtInNames()) {
            const std::unique_ptr<ServerAssignor> assignor = ServerAssignor::create(name);
            QVERIFY(assignor);
            QCOMPARE(assignor->name(), name);
        }
        QVERIFY(!ServerAssignor::create(QStringLiteral("sticky")));
        QVERIFY(!ServerAssignor::create(QStringLiteral("Uniform")));
        QVERIFY(!ServerAssignor::create(QString()));
    }

    void emptyGroup_data() { assignorNames(); }
    void emptyGroup()
    {
        QFETCH(QString, assignor);
        const auto run = ServerAssignor::create(assignor);
        QVERIFY(run->assign({}, {{QStringLiteral("t1"), 3}}).isEmpty());
        // A member subscribed to nothing (or only to a topic that does not exist) still gets an entry.
        const ServerAssignment idle = run->assign(
            {makeMember(QStringLiteral("A"), {}), makeMember(QStringLiteral("B"), {QStringLiteral("gone")})},
            {{QStringLiteral("t1"), 3}});
        QCOMPARE(dump(idle), QStringLiteral("A=[] B=[]"));
    }

    // Validity, determinism (the input order of members does not matter) and stability (feeding an assignment
    // back as currentTarget reproduces it) for both assignors, homogeneous and heterogeneous groups.
    void generatedGroups_data()
    {
        QTest::addColumn<QString>("assignor");
        QTest::addColumn<bool>("homogeneous");
        for (const QString &name : ServerAssignor::builtInNames()) {
            QTest::addRow("%s homogeneous", qPrintable(name)) << name << true;
            QTest::addRow("%s heterogeneous", qPrintable(name)) << name << false;
        }
    }
    void generatedGroups()
    {
        QFETCH(QString, assignor);
        QFETCH(bool, homogeneous);
        const auto run = ServerAssignor::create(assignor);
        GroupGenerator generator(homogeneous ? 848 : 4848);
        for (int round = 0; round < GeneratedGroups; ++round) {
            GroupInput input = generator.next(homogeneous);
            const ServerAssignment assignment = run->assign(input.members, input.partitionsPerTopic);
            const QString error = validityError(input, assignment);
            QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(error)));

            GroupInput shuffled = input;
            generator.shuffle(shuffled.members);
            QCOMPARE(dump(run->assign(shuffled.members, shuffled.partitionsPerTopic)), dump(assignment));

            const GroupInput again = withCurrentTargets(input, assignment);
            QCOMPARE(dump(run->assign(again.members, again.partitionsPerTopic)), dump(assignment));
        }
    }

    // Uniform, homogeneous: balanced to within one partition over all topics, and sticky: no more partitions
    // taken from their current owners than balance needs, from arbitrary previous assignments.
    void uniformHomogeneousBalanceAndStickiness()
    {
        const auto uniform = ServerAssignor::create(QStringLiteral("uniform"));
        GroupGenerator generator(1848);
        for (int round = 0; round < GeneratedGroups; ++round) {
            const GroupInput input = generator.next(true);
            const ServerAssignment assignment = uniform->assign(input.members, input.partitionsPerTopic);
            const auto [low, high] = loadRange(assignment);
            QVERIFY2(high - low <= 1, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(dump(assignment))));
            QCOMPARE(movedPartitions(input, assignment), minimumHomogeneousMoves(input));
        }
    }

    // Uniform, homogeneous: one member joins or one leaves a balanced group; the partitions that change owner are
    // exactly as many as the new balance needs.
    void uniformMembershipChange_data()
    {
        QTest::addColumn<bool>("join");
        QTest::addRow("a member joins") << true;
        QTest::addRow("a member leaves") << false;
    }
    void uniformMembershipChange()
    {
        QFETCH(bool, join);
        const auto uniform = ServerAssignor::create(QStringLiteral("uniform"));
        GroupGenerator generator(join ? 2848 : 3848);
        int movedInAll = 0;
        for (int round = 0; round < GeneratedGroups; ++round) {
            GroupInput input = generator.next(true);
            input = withCurrentTargets(input, uniform->assign(input.members, input.partitionsPerTopic));
            if (join) {
                input.members.push_back(makeMember(QStringLiteral("new"), input.members.front().subscribedTopics));
            } else if (input.members.size() > 1) {
                input.members.erase(input.members.begin() + generator.below(static_cast<int>(input.members.size())));
            }
            const ServerAssignment assignment = uniform->assign(input.members, input.partitionsPerTopic);
            QVERIFY(validityError(input, assignment).isEmpty());
            const auto [low, high] = loadRange(assignment);
            QVERIFY(high - low <= 1);
            const int moved = movedPartitions(input, assignment);
            QCOMPARE(moved, minimumHomogeneousMoves(input));
            if (join) // the new member's partitions were all taken from others or were unowned
                QVERIFY(moved <= loadOf(assignment.value(QStringLiteral("new"))));
            movedInAll += moved;
        }
        if (join)
            QVERIFY(movedInAll > 0); // the generator does produce groups where a join takes partitions
    }

    // Uniform, heterogeneous: the largest load is the smallest the subscriptions allow, and no single partition
    // could go to another subscriber of its topic with two fewer.
    void uniformHeterogeneousBalance()
    {
        const auto uniform = ServerAssignor::create(QStringLiteral("uniform"));
        GroupGenerator generator(5848);
        for (int round = 0; round < GeneratedGroups; ++round) {
            const GroupInput input = generator.next(false);
            const ServerAssignment assignment = uniform->assign(input.members, input.partitionsPerTopic);
            QCOMPARE(loadRange(assignment).second, optimalLargestLoad(input));
            for (auto owner = assignment.cbegin(); owner != assignment.cend(); ++owner) {
                for (auto topic = owner.value().cbegin(); topic != owner.value().cend(); ++topic) {
                    for (const ServerAssignorMember &other : input.members) {
                        if (other.subscribedTopics.contains(topic.key()))
                            QVERIFY(loadOf(owner.value()) - loadOf(assignment.value(other.memberId)) <= 1);
                    }
                }
            }
        }
    }

    // Range: per topic, its subscribers in Kafka's order (static members by instanceId, then the others by
    // memberId) get consecutive runs covering the topic, the first P % C of them one partition more.
    void rangeProperties()
    {
        const auto range = ServerAssignor::create(QStringLiteral("range"));
        GroupGenerator generator(6848);
        for (int round = 0; round < GeneratedGroups; ++round) {
            const GroupInput input = generator.next(generator.below(2) == 0);
            const ServerAssignment assignment = range->assign(input.members, input.partitionsPerTopic);
            std::vector<const ServerAssignorMember *> ordered;
            for (const ServerAssignorMember &member : input.members)
                ordered.push_back(&member);
            std::sort(ordered.begin(), ordered.end(), [](const auto *a, const auto *b) {
                if (a->instanceId && b->instanceId)
                    return *a->instanceId < *b->instanceId;
                if (a->instanceId || b->instanceId)
                    return a->instanceId.has_value();
                return a->memberId < b->memberId;
            });
            for (auto topic = input.partitionsPerTopic.cbegin(); topic != input.partitionsPerTopic.cend(); ++topic) {
                QList<int> concatenated;
                int subscriberIndex = 0;
                int subscriberCount = 0;
                for (const ServerAssignorMember *member : ordered)
                    subscriberCount += member->subscribedTopics.contains(topic.key()) ? 1 : 0;
                for (const ServerAssignorMember *member : ordered) {
                    if (!member->subscribedTopics.contains(topic.key()))
                        continue;
                    const QList<int> got = assignment.value(member->memberId).value(topic.key());
                    const int share = topic.value() / subscriberCount
                        + (subscriberIndex++ < topic.value() % subscriberCount ? 1 : 0);
                    QCOMPARE(got.size(), share);
                    concatenated += got;
                }
                for (qsizetype p = 0; p < concatenated.size(); ++p)
                    QCOMPARE(concatenated.at(p), int(p));
            }
        }
    }

    // Expected assignments from Kafka's documentation and its group-coordinator unit tests (RangeAssignorTest,
    // OptimizedUniformAssignmentBuilderTest); where Kafka's result depends on hash order the row says so and
    // expects our deterministic choice.
    void handWritten_data()
    {
        QTest::addColumn<QString>("assignor");
        QTest::addColumn<Members>("members");
        QTest::addColumn<TopicCounts>("partitionsPerTopic");
        QTest::addColumn<QString>("expected");
        const QString t1 = QStringLiteral("t1");
        const QString t2 = QStringLiteral("t2");
        const QString t3 = QStringLiteral("t3");
        const QString a = QStringLiteral("A");
        const QString b = QStringLiteral("B");
        const QString c = QStringLiteral("C");
        const TopicCounts twoByThree {{t1, 3}, {t2, 3}};

        QTest::addRow("range: 3 members x 2 topics x 3 partitions")
            << QStringLiteral("range")
            << Members {makeMember(a, {t1, t2}, {{t1, {0, 1}}, {t2, {0, 1}}}),
                   makeMember(b, {t1, t2}, {{t1, {2}}, {t2, {2}}}), makeMember(c, {t1, t2})}
            << twoByThree << QStringLiteral("A=[t1:0 t2:0] B=[t1:1 t2:1] C=[t1:2 t2:2]");
        QTest::addRow("range: Kafka's class comment, co-partitioned")
            << QStringLiteral("range")
            << Members {makeMember(QStringLiteral("M0"), {t1, t2}), makeMember(QStringLiteral("M1"), {t1, t2})}
            << twoByThree << QStringLiteral("M0=[t1:0,1 t2:0,1] M1=[t1:2 t2:2]");
        QTest::addRow("range: Kafka's class comment, static members keep their ranges under new member ids")
            << QStringLiteral("range")
            << Members {makeMember(QStringLiteral("M3"), {t1, t2}, {}, QStringLiteral("I0")),
                   makeMember(QStringLiteral("M2"), {t1, t2}, {}, QStringLiteral("I1"))}
            << twoByThree << QStringLiteral("M2=[t1:2 t2:2] M3=[t1:0,1 t2:0,1]");
        QTest::addRow("range: static members first, by instance id")
            << QStringLiteral("range")
            << Members {makeMember(QStringLiteral("A1"), {t1}, {}, QStringLiteral("instanceA")), makeMember(b, {t1}),
                   makeMember(c, {t1}, {}, QStringLiteral("instanceC"))}
            << TopicCounts {{t1, 5}} << QStringLiteral("A1=[t1:0,1] B=[t1:4] C=[t1:2,3]");
        QTest::addRow("range: different subscriptions")
            << QStringLiteral("range")
            << Members {makeMember(a, {t1, t2}), makeMember(b, {t3}), makeMember(c, {t2, t3})}
            << TopicCounts {{t1, 3}, {t2, 3}, {t3, 2}} << QStringLiteral("A=[t1:0,1,2 t2:0,1] B=[t3:0] C=[t2:2 t3:1]");
        QTest::addRow("range: more members than partitions")
            << QStringLiteral("range")
            << Members {makeMember(a, {t1, t3}), makeMember(b, {t1, t3}), makeMember(c, {t1, t3})}
            << TopicCounts {{t1, 3}, {t3, 2}} << QStringLiteral("A=[t1:0 t3:0] B=[t1:1 t3:1] C=[t1:2]");
        QTest::addRow("range: not sticky, recomputed after subscriptions change")
            << QStringLiteral("range")
            << Members {makeMember(a, {t1}, {{t1, {0, 1, 2}}, {t2, {0}}}), makeMember(b, {t1, t2, t3}, {{t2, {1}}}),
                   makeMember(c, {t2}, {{t2, {2}}, {t3, {0, 1}}})}
            << TopicCounts {{t1, 3}, {t2, 3}, {t3, 2}} << QStringLiteral("A=[t1:0,1] B=[t1:2 t2:0,1 t3:0,1] C=[t2:2]");

        QTest::addRow("uniform: 3 members x 2 topics x 3 partitions, first assignment")
            << QStringLiteral("uniform")
            << Members {makeMember(a, {t1, t2}), makeMember(b, {t1, t2}), makeMember(c, {t1, t2})} << twoByThree
            << QStringLiteral("A=[t1:0,1] B=[t1:2 t2:0] C=[t2:1,2]");
        QTest::addRow("uniform: a third member joins (as Kafka)")
            << QStringLiteral("uniform")
            << Members {makeMember(a, {t1, t2}, {{t1, {0, 2}}, {t2, {0}}}),
                   makeMember(b, {t1, t2}, {{t1, {1}}, {t2, {1, 2}}}), makeMember(c, {t1, t2})}
            << twoByThree << QStringLiteral("A=[t1:0,2] B=[t1:1 t2:1] C=[t2:0,2]");
        QTest::addRow("uniform: unbalanced previous assignment (as Kafka)")
            << QStringLiteral("uniform")
            << Members {makeMember(a, {t1, t2}, {{t1, {0, 1}}, {t2, {0, 1}}}),
                   makeMember(b, {t1, t2}, {{t1, {2}}, {t2, {2}}})}
            << twoByThree << QStringLiteral("A=[t1:0,1 t2:0] B=[t1:2 t2:1,2]");
        QTest::addRow("uniform: a subscription removed (as Kafka)")
            << QStringLiteral("uniform")
            << Members {makeMember(a, {t2}, {{t1, {0}}, {t2, {0}}}), makeMember(b, {t2}, {{t1, {1}}, {t2, {1}}})}
            << TopicCounts {{t1, 2}, {t2, 2}} << QStringLiteral("A=[t2:0] B=[t2:1]");
        // Kafka gives A t2:2 and B t1:2, by the hash order of topic ids.
        QTest::addRow("uniform: a member left") << QStringLiteral("uniform")
                                                << Members {makeMember(a, {t1, t2}, {{t1, {0}}, {t2, {0}}}),
                                                       makeMember(b, {t1, t2}, {{t1, {1}}, {t2, {1}}})}
                                                << twoByThree << QStringLiteral("A=[t1:0,2 t2:0] B=[t1:1 t2:1,2]");
        QTest::addRow("uniform: partitions added, the member holding more gets the odd one")
            << QStringLiteral("uniform")
            << Members {makeMember(a, {t1}, {{t1, {0}}}), makeMember(b, {t1}, {{t1, {1, 2, 3}}})}
            << TopicCounts {{t1, 5}} << QStringLiteral("A=[t1:0,4] B=[t1:1,2,3]");
        QTest::addRow("uniform: heterogeneous, first assignment")
            << QStringLiteral("uniform") << Members {makeMember(a, {t1}), makeMember(b, {t1, t2}), makeMember(c, {t2})}
            << TopicCounts {{t1, 4}, {t2, 2}} << QStringLiteral("A=[t1:0,2] B=[t1:1,3] C=[t2:0,1]");
        // C only takes t2, so B hands both t2 partitions to C and takes two of A's t1: four moves, the fewest.
        QTest::addRow("uniform: heterogeneous, balanced through a chain")
            << QStringLiteral("uniform")
            << Members {makeMember(a, {t1}, {{t1, {0, 1, 2, 3}}}), makeMember(b, {t1, t2}, {{t2, {0, 1}}}),
                   makeMember(c, {t2})}
            << TopicCounts {{t1, 4}, {t2, 2}} << QStringLiteral("A=[t1:2,3] B=[t1:0,1] C=[t2:0,1]");
        QTest::addRow("uniform: heterogeneous, subscriptions limit balance")
            << QStringLiteral("uniform") << Members {makeMember(a, {t1}), makeMember(b, {t2}), makeMember(c, {t2})}
            << TopicCounts {{t1, 5}, {t2, 2}} << QStringLiteral("A=[t1:0,1,2,3,4] B=[t2:0] C=[t2:1]");
    }
    void handWritten()
    {
        QFETCH(QString, assignor);
        QFETCH(Members, members);
        QFETCH(TopicCounts, partitionsPerTopic);
        QFETCH(QString, expected);
        QCOMPARE(dump(ServerAssignor::create(assignor)->assign(members, partitionsPerTopic)), expected);
    }

private:
    static void assignorNames()
    {
        QTest::addColumn<QString>("assignor");
        for (const QString &name : ServerAssignor::builtInNames())
            QTest::addRow("%s", qPrintable(name)) << name;
    }
};

QTEST_GUILESS_MAIN(TestServerAssignors)
#include "tst_serverassignors.moc"
