// Known answers from Kafka's own Java assignors (kafka-clients, apache/kafka trunk of 2024-09) for seeded
// random inputs: different subscriptions, unknown and empty topics, static members, previous ownership with
// generation conflicts and members that left. The table at the end was produced by running the Java
// RangeAssignor, RoundRobinAssignor, CooperativeStickyAssignor and an AbstractStickyAssignor fed the same
// ownedPartitions/generation (what StickyAssignor reads from its user data) on exactly these inputs; set
// TOPICSCOPE_ASSIGNOR_ORACLE_INPUT=<file> to write the inputs in the format that harness reads.
#include "assignortesthelpers.h"
#include "group/assignor.h"

#include <QFile>
#include <QSet>
#include <QTest>
#include <random>

using namespace topicscope::engine;
using assignortest::dump;

namespace {

struct Case {
    QString assignor;
    QMap<QString, int> partitionsPerTopic;
    std::vector<MemberSubscription> members;
};

Case randomCase(const QString &assignor, uint32_t seed)
{
    std::mt19937 rng(seed);
    auto below = [&](uint32_t n) { return static_cast<int>(rng() % n); };
    Case c;
    c.assignor = assignor;
    // Every fifth case is larger, so Java's HashMap tables grow past their initial 16 buckets.
    const bool large = seed % 5 == 0;
    const QStringList topicPool = {QStringLiteral("t0"), QStringLiteral("t1"), QStringLiteral("orders"),
        QStringLiteral("a-b"), QStringLiteral("t2")};
    const int topicCount = 1 + below(4);
    QStringList topics;
    for (int i = 0; i < topicCount; ++i) {
        topics.append(topicPool[i]);
        c.partitionsPerTopic.insert(topicPool[i], below(10) == 0 ? 0 : 1 + below(large ? 40 : 9));
    }
    if (below(4) == 0)
        topics.append(QStringLiteral("unknown")); // subscribed but without metadata

    const int memberCount = 1 + below(large ? 40 : 7);
    const bool sameSubscription = below(2) == 0;
    QStringList shared;
    for (const QString &t : std::as_const(topics)) {
        if (below(3) != 0)
            shared.append(t);
    }
    if (shared.isEmpty())
        shared.append(topics.first());
    const int generation = 1 + below(5);
    for (int i = 0; i < memberCount; ++i) {
        MemberSubscription m;
        // Ids as real clients make them, so Java's HashMap order is not the sorted order.
        m.memberId = QStringLiteral("consumer-%1-%2").arg(below(1000)).arg(i);
        if (assignor == QLatin1String("range") || assignor == QLatin1String("roundrobin")) {
            if (below(3) == 0)
                m.groupInstanceId = QStringLiteral("instance-%1").arg(below(100));
        }
        if (sameSubscription) {
            m.topics = shared;
        } else {
            for (const QString &t : std::as_const(topics)) {
                if (below(2) == 0)
                    m.topics.append(t);
            }
            if (m.topics.isEmpty())
                m.topics.append(topics[below(topics.size())]);
        }
        const int genChoice = below(6);
        m.generationId = genChoice == 0 ? -1 : genChoice == 1 ? generation - 1 : generation;
        c.members.push_back(m);
    }
    // Previous ownership: most partitions owned by one member, some by nobody (a member left), some claimed
    // twice (a zombie from another generation).
    if (below(4) != 0) {
        for (auto it = c.partitionsPerTopic.cbegin(); it != c.partitionsPerTopic.cend(); ++it) {
            for (int p = 0; p < it.value(); ++p) {
                if (below(5) == 0)
                    continue;
                c.members[below(memberCount)].ownedPartitions.append({it.key(), p});
                if (below(12) == 0)
                    c.members[below(memberCount)].ownedPartitions.append({it.key(), p});
            }
        }
    }
    return c;
}

GroupAssignment parse(const QString &dumped)
{
    GroupAssignment out;
    for (const QString &entry : dumped.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        auto &list = out[entry.left(eq)];
        for (const QString &tp : entry.mid(eq + 2).chopped(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype dash = tp.lastIndexOf(QLatin1Char('-'));
            list.append({tp.left(dash), tp.mid(dash + 1).toInt()});
        }
    }
    return out;
}

// Empty when every partition goes to at most one member and only to a subscriber of its topic.
QString validationError(const Case &c, const GroupAssignment &assignment)
{
    QSet<TopicPartition> seen;
    for (const MemberSubscription &m : c.members) {
        for (const TopicPartition &tp : assignment.value(m.memberId)) {
            if (!m.topics.contains(tp.topic))
                return tp.toString() + QLatin1String(" given to non-subscriber ") + m.memberId;
            if (seen.contains(tp))
                return tp.toString() + QLatin1String(" given twice");
            seen.insert(tp);
        }
    }
    return {};
}

QString oracleInput(const Case &c)
{
    QString out = QLatin1String("CASE ") + c.assignor + QLatin1String("\nTOPICS");
    for (auto it = c.partitionsPerTopic.cbegin(); it != c.partitionsPerTopic.cend(); ++it)
        out += QLatin1Char(' ') + it.key() + QLatin1Char(':') + QString::number(it.value());
    out += QLatin1Char('\n');
    for (const MemberSubscription &m : c.members) {
        QStringList owned;
        for (const TopicPartition &tp : m.ownedPartitions)
            owned.append(tp.toString());
        out += QLatin1String("M ") + m.memberId + QLatin1Char(' ') + m.groupInstanceId.value_or(QStringLiteral("-"))
            + QLatin1Char(' ') + QString::number(m.generationId) + QLatin1Char(' ')
            + (m.topics.isEmpty() ? QStringLiteral("-") : m.topics.join(QLatin1Char(','))) + QLatin1Char(' ')
            + (owned.isEmpty() ? QStringLiteral("-") : owned.join(QLatin1Char(','))) + QLatin1Char('\n');
    }
    return out + QLatin1String("END\n");
}

const QStringList kAssignors = {QStringLiteral("range"), QStringLiteral("roundrobin"), QStringLiteral("sticky"),
    QStringLiteral("cooperative-sticky")};
constexpr int kCasesPerAssignor = 60;

extern const char *const kJavaResults[];
extern const int kJavaResultCount;

} // namespace

class TestAssignorsJava : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writeOracleInput()
    {
        const QString path = qEnvironmentVariable("TOPICSCOPE_ASSIGNOR_ORACLE_INPUT");
        if (path.isEmpty())
            QSKIP("TOPICSCOPE_ASSIGNOR_ORACLE_INPUT not set");
        // More cases than the table holds can be compared offline: our results go to <file>.ours.
        const int count = qEnvironmentVariableIntValue("TOPICSCOPE_ASSIGNOR_ORACLE_COUNT");
        QFile file(path);
        QFile ours(path + QLatin1String(".ours"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(ours.open(QIODevice::WriteOnly));
        for (const QString &name : kAssignors) {
            const auto assignor = Assignor::create(name);
            for (int i = 0; i < (count > 0 ? count : kCasesPerAssignor); ++i) {
                const Case c = randomCase(name, 1000 + i);
                file.write(oracleInput(c).toUtf8());
                ours.write(dump(assignor->assign(c.members, c.partitionsPerTopic)).toUtf8() + '\n');
            }
        }
    }

    void sameAsJava_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("seed");
        QTest::addColumn<QString>("expected");
        QCOMPARE(kJavaResultCount, int(kAssignors.size()) * kCasesPerAssignor);
        int row = 0;
        for (const QString &name : kAssignors) {
            for (int i = 0; i < kCasesPerAssignor; ++i, ++row) {
                QTest::addRow("%s seed %d", qPrintable(name), 1000 + i)
                    << name << 1000 + i << QString::fromLatin1(kJavaResults[row]);
            }
        }
    }

    void sameAsJava()
    {
        QFETCH(QString, name);
        QFETCH(int, seed);
        QFETCH(QString, expected);
        const Case c = randomCase(name, seed);
        const auto assignor = Assignor::create(name);
        QVERIFY(assignor);
        const GroupAssignment result = assignor->assign(c.members, c.partitionsPerTopic);
        const QString actual = dump(result);
        if (expected.startsWith(QLatin1Char('!'))) {
            // Java's answer is invalid here (see the header comment of abstractstickyassignor.cpp): it throws,
            // or hands a partition back to a previous owner that no longer subscribes to its topic. Check that
            // claim, and that our answer is a valid assignment instead.
            if (!expected.startsWith(QLatin1String("!EXCEPTION")))
                QVERIFY2(!validationError(c, parse(expected.mid(1))).isEmpty(), "Java's answer was valid after all");
            QCOMPARE(validationError(c, result), QString());
            return;
        }
        if (actual != expected)
            qInfo().noquote() << "input:\n" << oracleInput(c);
        QCOMPARE(actual, expected);
    }
};

namespace {
// BEGIN GENERATED
const char *const kJavaResults[] = {
    "consumer-0-8=[t0-5,t1-5] consumer-117-15=[orders-12,orders-13,orders-14,t0-6,t1-6] "
    "consumer-147-22=[a-b-3,a-b-4,a-b-5,orders-6,orders-7,orders-8,t1-3] consumer-233-5=[a-b-12,a-b-13,a-b-14,t1-7] "
    "consumer-258-4=[orders-15,orders-16,orders-17,t1-8] consumer-329-16=[orders-18,orders-19,orders-20] "
    "consumer-385-12=[a-b-15,a-b-16,a-b-17,t0-7] consumer-418-25=[a-b-18,a-b-19,orders-21,orders-22,orders-23,t1-9] "
    "consumer-433-6=[] consumer-452-23=[a-b-20,a-b-21,t1-10] consumer-459-19=[orders-0,orders-1,orders-2,t1-0] "
    "consumer-538-9=[t1-2] consumer-539-11=[a-b-22,a-b-23] "
    "consumer-620-2=[a-b-24,a-b-25,orders-24,orders-25,orders-26,t1-11] "
    "consumer-65-10=[a-b-26,a-b-27,orders-27,orders-28,orders-29] consumer-691-20=[a-b-28,a-b-29] "
    "consumer-734-13=[t0-0] consumer-748-3=[a-b-30,a-b-31,orders-30,orders-31,orders-32] "
    "consumer-787-21=[a-b-32,a-b-33] consumer-806-24=[a-b-34,a-b-35] "
    "consumer-825-17=[a-b-36,a-b-37,orders-33,orders-34] consumer-830-18=[a-b-9,a-b-10,a-b-11,t0-4,t1-4] "
    "consumer-857-1=[a-b-0,a-b-1,a-b-2,orders-3,orders-4,orders-5,t0-2,t1-1] "
    "consumer-877-0=[a-b-6,a-b-7,a-b-8,orders-9,orders-10,orders-11,t0-3] consumer-933-7=[orders-35,orders-36] "
    "consumer-948-14=[t0-1]",
    "consumer-10-5=[t0-6] consumer-244-4=[t0-4,t0-5] consumer-279-3=[t0-0,t0-1] consumer-318-2=[t0-2,t0-3] "
    "consumer-604-1=[t0-7] consumer-899-0=[t0-8]",
    "consumer-669-0=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7]",
    "consumer-345-2=[t0-0] consumer-422-3=[t0-1] consumer-459-4=[t0-2] consumer-467-1=[t0-3] consumer-673-0=[t0-4]",
    "consumer-40-0=[orders-0,t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7,t1-8]",
    "consumer-119-15=[a-b-5,orders-10,orders-11,t1-5] consumer-125-0=[a-b-9,orders-18,orders-19,t1-9] "
    "consumer-156-18=[a-b-10,orders-20,orders-21,t1-10] consumer-278-13=[a-b-11,orders-22,orders-23,t1-11] "
    "consumer-280-19=[a-b-7,orders-14,orders-15,t1-7] consumer-295-2=[a-b-12,orders-24,orders-25,t1-12] "
    "consumer-3-17=[a-b-0,orders-0,orders-1,t0-0,t1-0] consumer-305-4=[a-b-13,orders-26,t1-13] "
    "consumer-329-7=[a-b-6,orders-12,orders-13,t1-6] consumer-341-14=[a-b-14,orders-27,t1-14] "
    "consumer-409-20=[a-b-15,orders-28,t1-15] consumer-45-8=[a-b-1,orders-2,orders-3,t0-1,t1-1] "
    "consumer-473-9=[a-b-16,orders-29,t1-16] consumer-52-23=[a-b-8,orders-16,orders-17,t1-8] "
    "consumer-576-3=[a-b-17,orders-30,t1-17] consumer-58-6=[a-b-18,orders-31,t1-18] "
    "consumer-747-21=[a-b-4,orders-8,orders-9,t1-4] consumer-772-22=[orders-32,t1-19] "
    "consumer-788-5=[a-b-3,orders-6,orders-7,t0-3,t1-3] consumer-816-1=[a-b-2,orders-4,orders-5,t0-2,t1-2] "
    "consumer-9-11=[orders-33,t1-20] consumer-908-12=[orders-34,t1-21] consumer-91-10=[orders-35,t1-22] "
    "consumer-927-16=[orders-36,t1-23]",
    "consumer-250-2=[] consumer-443-4=[] consumer-46-5=[t0-0] consumer-642-1=[] consumer-8-3=[] consumer-987-0=[]",
    "consumer-18-0=[t1-0]",
    "consumer-410-0=[t0-0] consumer-444-1=[t0-1]",
    "consumer-287-4=[orders-0] consumer-415-2=[orders-1] consumer-442-0=[orders-2,t1-3,t1-4,t1-5] "
    "consumer-490-3=[t0-0,t0-1] consumer-573-5=[t0-2,t1-6,t1-7] consumer-943-1=[t1-0,t1-1,t1-2]",
    "consumer-144-20=[t0-10,t0-11] consumer-171-18=[t0-6,t0-7] consumer-197-3=[t0-12,t0-13] "
    "consumer-199-14=[t0-14,t0-15] consumer-265-17=[t0-16,t0-17] consumer-289-4=[t0-18,t0-19] "
    "consumer-350-11=[t0-4,t0-5] consumer-366-21=[t0-20,t0-21] consumer-410-0=[t0-22,t0-23] "
    "consumer-456-5=[t0-24,t0-25] consumer-486-2=[t0-26] consumer-500-10=[t0-2,t0-3] consumer-539-13=[t0-27] "
    "consumer-650-12=[t0-28] consumer-665-1=[t0-29] consumer-672-9=[t0-8,t0-9] consumer-680-19=[t0-30] "
    "consumer-698-6=[t0-31] consumer-734-8=[t0-32] consumer-793-16=[t0-0,t0-1] consumer-806-7=[t0-33] "
    "consumer-918-15=[t0-34]",
    "consumer-637-0=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4,a-b-5,a-b-6]",
    "consumer-128-2=[orders-0,t1-0] consumer-337-1=[orders-1,t1-1] consumer-538-0=[orders-2,t1-2] "
    "consumer-785-3=[orders-3,t1-3] consumer-873-4=[orders-4,t1-4]",
    "consumer-31-1=[] consumer-856-0=[]",
    "consumer-117-2=[t0-2] consumer-253-3=[t0-3] consumer-272-1=[] consumer-498-4=[t0-1] consumer-553-0=[] "
    "consumer-966-5=[t0-0,t1-0]",
    "consumer-499-4=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6] consumer-663-1=[orders-0,orders-1,orders-2,orders-3,orders-4] "
    "consumer-680-3=[orders-5,orders-6,orders-7,orders-8,orders-9,t1-7,t1-8,t1-9,t1-10,t1-11,t1-12] "
    "consumer-689-0=[orders-10,orders-11,orders-12,orders-13,orders-14,t1-13,t1-14,t1-15,t1-16,t1-17,t1-18] "
    "consumer-74-2=[t0-0,t0-1,t0-2,t0-3,t0-4,t0-5,t0-6,t0-7,t0-8,t0-9,t0-10,t0-11,t0-12,t0-13,t0-14,t0-15,t0-16,t0-17,"
    "t0-18,t0-19,t0-20,t0-21,t0-22,t0-23,t0-24,t0-25,t0-26,t0-27,t0-28,t0-29,t0-30,t0-31,t0-32,t0-33,t0-34,t0-35,t0-36]"
    " consumer-778-5=[orders-15,orders-16,orders-17,orders-18,orders-19]",
    "consumer-144-3=[t0-2,t0-3] consumer-338-5=[t0-5] consumer-37-1=[t0-4] consumer-475-4=[t0-0,t0-1] "
    "consumer-774-0=[t0-6] consumer-87-2=[t0-7]",
    "consumer-23-4=[a-b-6,orders-4,t0-4,t1-4] consumer-38-6=[a-b-5,orders-3,t0-3,t1-3] "
    "consumer-470-0=[a-b-4,orders-2,t0-2,t1-2] consumer-584-2=[a-b-0,a-b-1,orders-0,t0-0,t1-0] "
    "consumer-712-1=[a-b-2,a-b-3,orders-1,t0-1,t1-1] consumer-761-3=[a-b-7,t1-5] consumer-978-5=[a-b-8]",
    "consumer-324-0=[t0-0,t0-1,t0-2]",
    "consumer-161-1=[t0-0,t0-1,t0-2,t1-0,t1-1,t1-2,t1-3] consumer-610-0=[t0-3,t0-4,t1-4,t1-5,t1-6,t1-7]",
    "consumer-100-21=[a-b-22,a-b-23] consumer-138-13=[a-b-16,a-b-17] consumer-175-11=[a-b-10,a-b-11,t1-5] "
    "consumer-21-17=[a-b-24,a-b-25] consumer-212-2=[a-b-18,a-b-19] consumer-24-7=[a-b-4,a-b-5,t1-2] "
    "consumer-316-10=[a-b-6,a-b-7,t1-3] consumer-324-20=[a-b-12,a-b-13] consumer-351-14=[a-b-0,a-b-1,t0-0,t1-0] "
    "consumer-436-12=[a-b-26,a-b-27] consumer-454-9=[a-b-8,a-b-9,t1-4] consumer-475-4=[a-b-28,a-b-29] "
    "consumer-492-18=[a-b-30,a-b-31] consumer-642-19=[a-b-32] consumer-737-5=[a-b-33] consumer-776-1=[a-b-34] "
    "consumer-842-8=[a-b-35] consumer-844-0=[a-b-20,a-b-21] consumer-868-16=[a-b-36] "
    "consumer-909-6=[a-b-2,a-b-3,t0-1,t1-1] consumer-950-3=[a-b-37] consumer-961-15=[a-b-14,a-b-15]",
    "consumer-15-0=[t0-0,t0-1] consumer-381-4=[t1-0,t1-1] consumer-404-1=[t0-2,t0-3] consumer-475-3=[t0-4,t1-2] "
    "consumer-805-6=[] consumer-816-5=[] consumer-877-2=[t0-5]",
    "consumer-136-4=[t0-1] consumer-157-3=[t0-3] consumer-332-5=[t0-2] consumer-456-6=[t0-4] consumer-504-2=[t0-5] "
    "consumer-688-0=[t0-6] consumer-799-1=[t0-0]",
    "consumer-12-1=[a-b-2,a-b-3,orders-0,orders-1,orders-2,t0-3,t0-4] consumer-69-2=[a-b-0,a-b-1,t0-0,t0-1,t0-2] "
    "consumer-991-0=[a-b-4,orders-3,orders-4]",
    "consumer-323-1=[a-b-0,a-b-1,orders-0,orders-1,orders-2,t1-0,t1-1] "
    "consumer-663-0=[a-b-4,orders-6,orders-7,t1-4,t1-5] "
    "consumer-797-2=[a-b-2,a-b-3,orders-3,orders-4,orders-5,t1-2,t1-3]",
    "consumer-110-13=[t1-4] consumer-20-21=[orders-3,t0-5] consumer-22-33=[orders-4] consumer-243-1=[orders-5,t1-5] "
    "consumer-289-18=[t1-6] consumer-291-26=[orders-0] consumer-295-8=[orders-2,t0-4] consumer-32-19=[] "
    "consumer-325-0=[] consumer-346-24=[t1-7] consumer-354-25=[] consumer-389-12=[t1-8] consumer-397-22=[] "
    "consumer-438-14=[t1-9] consumer-471-15=[] consumer-482-7=[t1-10] consumer-525-16=[] consumer-528-23=[] "
    "consumer-538-32=[] consumer-599-3=[t1-1] consumer-623-10=[t1-3] consumer-632-5=[] consumer-683-2=[t0-0,t1-0] "
    "consumer-683-9=[] consumer-715-17=[t1-11] consumer-738-20=[] consumer-747-29=[orders-1,t0-2] consumer-796-11=[] "
    "consumer-799-34=[] consumer-833-27=[t0-3] consumer-842-31=[] consumer-853-4=[] consumer-91-28=[t0-1,t1-2] "
    "consumer-930-30=[] consumer-950-6=[]",
    "consumer-131-1=[a-b-1,t0-2,t1-2,t1-3] consumer-191-0=[a-b-0,t0-0,t0-1,t1-0,t1-1] "
    "consumer-326-3=[a-b-2,t0-3,t1-4,t1-5] consumer-797-2=[a-b-3,t0-4,t1-6] consumer-977-4=[a-b-4,t0-5,t1-7]",
    "consumer-138-0=[orders-2,orders-3,t0-4,t0-5,t1-3,t1-4,t1-5] consumer-492-6=[orders-4,t0-6] "
    "consumer-494-1=[orders-5] consumer-603-3=[t0-0,t0-1] consumer-916-4=[t0-2,t0-3,t1-0,t1-1,t1-2] "
    "consumer-955-5=[orders-0,orders-1] consumer-98-2=[orders-6]",
    "consumer-188-1=[t0-2] consumer-231-3=[t0-3] consumer-247-0=[t0-4] consumer-310-6=[t0-1] consumer-584-2=[t0-0] "
    "consumer-644-4=[t0-5] consumer-925-5=[]",
    "consumer-644-0=[t0-0,t0-1,t0-2] consumer-960-1=[orders-0,orders-1,orders-2,orders-3,orders-4,orders-5,t0-3,t0-4]",
    "consumer-165-0=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7,t1-8,t1-9,t1-10,t1-11,t1-12,t1-13,t1-14,t1-15,t1-16,t1-17,"
    "t1-18,t1-19,t1-20,t1-21,t1-22,t1-23,t1-24,t1-25]",
    "consumer-41-0=[t0-2,t0-3,t1-2] consumer-845-2=[t0-0,t0-1,t1-0,t1-1] consumer-929-1=[t0-4,t0-5,t1-3]",
    "consumer-18-1=[t0-4] consumer-277-5=[t0-5] consumer-38-6=[t0-2,t0-3] consumer-535-2=[t0-6] "
    "consumer-55-3=[t0-0,t0-1] consumer-659-0=[t0-7] consumer-875-4=[t0-8]",
    "consumer-137-2=[t0-4,t0-5] consumer-138-3=[orders-0,t0-0,t0-1] consumer-144-4=[t0-6] consumer-627-5=[t0-7] "
    "consumer-671-0=[t0-8] consumer-76-1=[t0-2,t0-3]",
    "consumer-115-1=[orders-0,orders-1,orders-2,orders-3,orders-4,orders-5,orders-6,orders-7,t1-0,t1-1] "
    "consumer-695-2=[t1-2,t1-3] consumer-836-0=[t0-0,t0-1,t0-2,t0-3,t0-4,t0-5,t0-6,t0-7]",
    "consumer-12-3=[t0-6,t0-7] consumer-194-0=[t0-10] consumer-224-10=[t0-4,t0-5] consumer-252-8=[t0-8,t0-9] "
    "consumer-304-13=[t0-11] consumer-475-1=[t0-12] consumer-500-7=[t0-2,t0-3] consumer-595-15=[t0-13] "
    "consumer-595-9=[t0-14] consumer-62-5=[t0-15] consumer-844-4=[t0-0,t0-1] consumer-897-12=[t0-16] "
    "consumer-919-14=[t0-17] consumer-938-2=[t0-18] consumer-952-6=[t0-19] consumer-953-11=[t0-20]",
    "consumer-204-3=[orders-0,orders-1,orders-2] consumer-421-0=[t0-0,t0-1,t0-2,t0-3,t0-4,t0-5] consumer-695-1=[] "
    "consumer-988-2=[]",
    "consumer-665-0=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4,orders-0,orders-1,orders-2,orders-3,orders-4,orders-5,orders-6,"
    "orders-7]",
    "consumer-236-1=[t0-1] consumer-273-2=[t0-2] consumer-289-0=[t0-3] consumer-643-3=[t0-0]",
    "consumer-214-1=[t1-0,t1-1,t1-2,t1-3,t1-4] consumer-68-0=[t0-0,t0-1,t0-2,t0-3,t0-4]",
    "consumer-100-10=[t0-8] consumer-174-1=[t0-9] consumer-177-13=[t0-10] consumer-195-21=[t0-0] "
    "consumer-249-26=[t0-11] consumer-286-20=[t0-12] consumer-298-11=[t0-13] consumer-322-14=[t0-14] "
    "consumer-342-23=[t0-15] consumer-343-22=[] consumer-404-8=[t0-1] consumer-447-28=[t0-4] consumer-479-25=[] "
    "consumer-487-7=[t0-6] consumer-547-9=[t0-5] consumer-57-5=[t0-3] consumer-688-18=[] consumer-737-17=[] "
    "consumer-746-6=[] consumer-76-24=[] consumer-775-2=[] consumer-818-12=[] consumer-82-19=[] consumer-850-16=[t0-2] "
    "consumer-890-27=[] consumer-894-4=[] consumer-916-15=[] consumer-924-0=[] consumer-986-3=[t0-7]",
    "consumer-446-1=[t1-0,t1-1] consumer-465-5=[t1-2,t1-3] consumer-485-0=[t1-4,t1-5] consumer-581-2=[t1-6] "
    "consumer-626-3=[t1-7] consumer-763-4=[t1-8]",
    "consumer-417-0=[t0-0,t0-1] consumer-724-1=[t0-2]",
    "consumer-402-0=[t1-2,t1-3] consumer-806-1=[t0-0,t0-1,t1-0,t1-1] consumer-876-2=[t1-4,t1-5]",
    "consumer-423-4=[orders-0] consumer-455-6=[orders-1,t0-0,t0-1,t0-2,t1-0,t1-1] consumer-558-0=[orders-3,t1-2,t1-3] "
    "consumer-610-1=[t0-3,t0-4,t1-4,t1-5] consumer-639-2=[orders-2] consumer-875-3=[orders-4,t0-5,t0-6,t1-6,t1-7] "
    "consumer-884-5=[t0-7,t0-8,t1-8]",
    "consumer-113-7=[a-b-11,a-b-12,a-b-13,a-b-14,a-b-15,orders-12,orders-13,orders-14,t1-0] "
    "consumer-116-0=[a-b-16,a-b-17,a-b-18,a-b-19,a-b-20,orders-15,orders-16,orders-17,t0-0,t0-1,t0-2,t0-3,t0-4,t0-5,t0-"
    "6,t0-7,t0-8,t0-9,t0-10,t0-11,t0-12] "
    "consumer-285-1=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4,a-b-5,orders-0,orders-1,orders-2,orders-3] "
    "consumer-436-3=[a-b-21,a-b-22,a-b-23,a-b-24,a-b-25,orders-18,orders-19,orders-20,t0-13,t0-14,t0-15,t0-16,t0-17,t0-"
    "18,t0-19,t0-20,t0-21,t0-22,t0-23,t0-24] "
    "consumer-620-6=[a-b-6,a-b-7,a-b-8,a-b-9,a-b-10,orders-4,orders-5,orders-6,orders-7] "
    "consumer-644-2=[a-b-26,a-b-27,a-b-28,a-b-29,a-b-30,orders-21,orders-22,orders-23,t1-1] "
    "consumer-70-4=[a-b-31,a-b-32,a-b-33,a-b-34,a-b-35,t1-2] consumer-722-8=[orders-8,orders-9,orders-10,orders-11] "
    "consumer-982-5=[t1-3]",
    "consumer-268-6=[] consumer-315-2=[orders-2,orders-3,t1-1] consumer-460-4=[t1-0] consumer-557-0=[orders-4] "
    "consumer-679-5=[] consumer-715-3=[] consumer-823-1=[orders-0,orders-1]",
    "consumer-173-4=[orders-0] consumer-191-5=[t1-0] consumer-243-0=[t0-0,t0-1,t0-2,t0-3,t0-4] "
    "consumer-695-1=[orders-1] consumer-86-2=[] consumer-971-3=[t0-5,t0-6,t0-7,t0-8]",
    "consumer-138-0=[t1-1] consumer-25-1=[t1-2] consumer-59-2=[t1-0]",
    "consumer-184-3=[orders-2] consumer-457-2=[orders-1] consumer-497-0=[orders-3] consumer-648-1=[orders-0,t1-0]",
    "consumer-168-7=[t0-6] consumer-181-5=[] consumer-198-12=[] consumer-206-3=[] consumer-270-13=[t0-3] "
    "consumer-329-2=[t0-1] consumer-348-17=[] consumer-39-15=[t0-0] consumer-398-0=[t0-5] consumer-484-6=[t0-7] "
    "consumer-517-1=[] consumer-563-16=[] consumer-670-4=[] consumer-671-14=[] consumer-686-18=[] "
    "consumer-715-10=[t0-2] consumer-797-9=[t0-4] consumer-929-11=[] consumer-973-8=[]",
    "consumer-172-1=[a-b-2,orders-3,t0-2,t1-3] consumer-211-4=[a-b-3,orders-4,t0-3,t1-4] "
    "consumer-395-0=[a-b-4,orders-5,t0-4,t1-5] consumer-594-2=[a-b-0,orders-0,orders-1,t0-0,t1-0,t1-1] "
    "consumer-788-3=[a-b-1,orders-2,t0-1,t1-2] consumer-843-5=[a-b-5,orders-6,t1-6]",
    "consumer-388-0=[orders-0,t1-0,t1-1,t1-2,t1-3,t1-4] consumer-86-1=[orders-1,t1-5,t1-6,t1-7,t1-8]",
    "consumer-171-1=[t1-2,t1-3] consumer-243-4=[a-b-1,t0-2,t0-3] consumer-279-5=[a-b-2,t0-4,t0-5,t1-4] "
    "consumer-621-3=[a-b-0,t0-0,t0-1,t1-0,t1-1] consumer-705-6=[t0-6,t0-7,t1-5] consumer-767-0=[t0-8] "
    "consumer-843-2=[t1-6]",
    "consumer-235-0=[orders-1,t1-1] consumer-532-1=[orders-2,t1-2] consumer-569-4=[orders-3,t1-3] "
    "consumer-662-3=[orders-0,t1-0] consumer-942-2=[orders-4]",
    "consumer-126-19=[t1-9,t1-10,t1-11] consumer-214-9=[] consumer-218-14=[t0-1] consumer-232-11=[] "
    "consumer-274-17=[t1-6,t1-7,t1-8] consumer-280-22=[] consumer-284-8=[orders-1] consumer-296-0=[t1-12,t1-13,t1-14] "
    "consumer-303-4=[orders-2] consumer-367-13=[] consumer-382-21=[t1-15,t1-16,t1-17] consumer-383-16=[] "
    "consumer-406-5=[t1-0,t1-1,t1-2] consumer-414-2=[] consumer-483-20=[t0-2] consumer-559-12=[] "
    "consumer-700-6=[t1-18,t1-19,t1-20] consumer-706-18=[t1-3,t1-4,t1-5] consumer-76-10=[t1-21,t1-22] "
    "consumer-840-1=[orders-0] consumer-859-3=[t0-0] consumer-912-7=[] consumer-988-15=[]",
    "consumer-427-1=[a-b-0,orders-0,t1-0,t1-1,t1-2] consumer-546-2=[a-b-1,t1-3,t1-4,t1-5] "
    "consumer-778-0=[a-b-2,t1-6,t1-7,t1-8]",
    "consumer-118-0=[t0-4,t0-5] consumer-589-1=[t0-0,t0-1] consumer-623-2=[t0-6,t0-7] consumer-763-3=[t0-2,t0-3]",
    "consumer-374-0=[t0-0,t0-1,t0-2] consumer-538-1=[t0-3,t0-4] consumer-608-2=[t0-5,t0-6]",
    "consumer-357-2=[t0-1] consumer-418-5=[] consumer-450-4=[] consumer-8-0=[] consumer-903-1=[] consumer-906-3=[t0-0]",
    "consumer-0-8=[t1-3] consumer-117-15=[orders-10,orders-23,orders-36,t1-4] "
    "consumer-147-22=[a-b-1,a-b-17,a-b-33,orders-8,orders-21,orders-34,t1-1] consumer-233-5=[a-b-4,a-b-20,a-b-36,t1-5] "
    "consumer-258-4=[orders-11,orders-24,t1-6] consumer-329-16=[orders-12,orders-25] "
    "consumer-385-12=[a-b-5,a-b-21,a-b-37,t0-0] consumer-418-25=[a-b-6,a-b-22,orders-0,orders-13,orders-26,t1-7] "
    "consumer-433-6=[t0-1] consumer-452-23=[a-b-7,a-b-23,t1-8] consumer-459-19=[orders-6,orders-19,orders-32] "
    "consumer-538-9=[t1-0] consumer-539-11=[a-b-8,a-b-24] "
    "consumer-620-2=[a-b-9,a-b-25,orders-1,orders-14,orders-27,t1-9] "
    "consumer-65-10=[a-b-10,a-b-26,orders-2,orders-15,orders-28] consumer-691-20=[a-b-11,a-b-27,t1-10] "
    "consumer-734-13=[t0-5] consumer-748-3=[a-b-12,a-b-28,orders-3,orders-16,orders-29,t0-2] "
    "consumer-787-21=[a-b-13,a-b-29,t0-3,t1-11] consumer-806-24=[a-b-14,a-b-30] "
    "consumer-825-17=[a-b-15,a-b-31,orders-4,orders-17,orders-30,t0-4] consumer-830-18=[a-b-3,a-b-19,a-b-35,t1-2] "
    "consumer-857-1=[a-b-0,a-b-16,a-b-32,orders-7,orders-20,orders-33,t0-7] "
    "consumer-877-0=[a-b-2,a-b-18,a-b-34,orders-9,orders-22,orders-35] consumer-933-7=[orders-5,orders-18,orders-31] "
    "consumer-948-14=[t0-6]",
    "consumer-10-5=[t0-3] consumer-244-4=[t0-2,t0-8] consumer-279-3=[t0-0,t0-6] consumer-318-2=[t0-1,t0-7] "
    "consumer-604-1=[t0-4] consumer-899-0=[t0-5]",
    "consumer-669-0=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7]",
    "consumer-345-2=[t0-0] consumer-422-3=[t0-1] consumer-459-4=[t0-2] consumer-467-1=[t0-3] consumer-673-0=[t0-4]",
    "consumer-40-0=[orders-0,t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7,t1-8]",
    "consumer-119-15=[a-b-5,orders-10,orders-34,t1-17] consumer-125-0=[a-b-9,orders-14,t0-1,t1-21] "
    "consumer-156-18=[a-b-10,orders-15,t0-2,t1-22] consumer-278-13=[a-b-11,orders-16,t0-3,t1-23] "
    "consumer-280-19=[a-b-7,orders-12,orders-36,t1-19] consumer-295-2=[a-b-12,orders-17,t1-0] "
    "consumer-3-17=[a-b-0,orders-5,orders-29,t1-12] consumer-305-4=[a-b-13,orders-18,t1-1] "
    "consumer-329-7=[a-b-6,orders-11,orders-35,t1-18] consumer-341-14=[a-b-14,orders-19,t1-2] "
    "consumer-409-20=[a-b-15,orders-20,t1-3] consumer-45-8=[a-b-1,orders-6,orders-30,t1-13] "
    "consumer-473-9=[a-b-16,orders-21,t1-4] consumer-52-23=[a-b-8,orders-13,t0-0,t1-20] "
    "consumer-576-3=[a-b-17,orders-22,t1-5] consumer-58-6=[a-b-18,orders-23,t1-6] "
    "consumer-747-21=[a-b-4,orders-9,orders-33,t1-16] consumer-772-22=[orders-0,orders-24,t1-7] "
    "consumer-788-5=[a-b-3,orders-8,orders-32,t1-15] consumer-816-1=[a-b-2,orders-7,orders-31,t1-14] "
    "consumer-9-11=[orders-1,orders-25,t1-8] consumer-908-12=[orders-2,orders-26,t1-9] "
    "consumer-91-10=[orders-3,orders-27,t1-10] consumer-927-16=[orders-4,orders-28,t1-11]",
    "consumer-250-2=[] consumer-443-4=[] consumer-46-5=[t0-0] consumer-642-1=[] consumer-8-3=[] consumer-987-0=[]",
    "consumer-18-0=[t1-0]",
    "consumer-410-0=[t0-0] consumer-444-1=[t0-1]",
    "consumer-287-4=[orders-0] consumer-415-2=[orders-1] consumer-442-0=[orders-2,t1-2,t1-5] "
    "consumer-490-3=[t0-0,t0-2] consumer-573-5=[t0-1,t1-0,t1-3,t1-6] consumer-943-1=[t1-1,t1-4,t1-7]",
    "consumer-144-20=[t0-5,t0-27] consumer-171-18=[t0-3,t0-25] consumer-197-3=[t0-6,t0-28] "
    "consumer-199-14=[t0-7,t0-29] consumer-265-17=[t0-8,t0-30] consumer-289-4=[t0-9,t0-31] "
    "consumer-350-11=[t0-2,t0-24] consumer-366-21=[t0-10,t0-32] consumer-410-0=[t0-11,t0-33] "
    "consumer-456-5=[t0-12,t0-34] consumer-486-2=[t0-13] consumer-500-10=[t0-1,t0-23] consumer-539-13=[t0-14] "
    "consumer-650-12=[t0-15] consumer-665-1=[t0-16] consumer-672-9=[t0-4,t0-26] consumer-680-19=[t0-17] "
    "consumer-698-6=[t0-18] consumer-734-8=[t0-19] consumer-793-16=[t0-0,t0-22] consumer-806-7=[t0-20] "
    "consumer-918-15=[t0-21]",
    "consumer-637-0=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4,a-b-5,a-b-6]",
    "consumer-128-2=[orders-0,t1-0] consumer-337-1=[orders-1,t1-1] consumer-538-0=[orders-2,t1-2] "
    "consumer-785-3=[orders-3,t1-3] consumer-873-4=[orders-4,t1-4]",
    "consumer-31-1=[] consumer-856-0=[]",
    "consumer-117-2=[t0-2] consumer-253-3=[t0-3] consumer-272-1=[t1-0] consumer-498-4=[t0-1] consumer-553-0=[] "
    "consumer-966-5=[t0-0]",
    "consumer-499-4=[t1-0,t1-3,t1-6,t1-9,t1-12,t1-15,t1-18] "
    "consumer-663-1=[orders-0,orders-4,orders-8,orders-12,orders-16] "
    "consumer-680-3=[orders-1,orders-5,orders-9,orders-13,orders-17,t1-1,t1-4,t1-7,t1-10,t1-13,t1-16] "
    "consumer-689-0=[orders-2,orders-6,orders-10,orders-14,orders-18,t1-2,t1-5,t1-8,t1-11,t1-14,t1-17] "
    "consumer-74-2=[t0-0,t0-1,t0-2,t0-3,t0-4,t0-5,t0-6,t0-7,t0-8,t0-9,t0-10,t0-11,t0-12,t0-13,t0-14,t0-15,t0-16,t0-17,"
    "t0-18,t0-19,t0-20,t0-21,t0-22,t0-23,t0-24,t0-25,t0-26,t0-27,t0-28,t0-29,t0-30,t0-31,t0-32,t0-33,t0-34,t0-35,t0-36]"
    " consumer-778-5=[orders-3,orders-7,orders-11,orders-15,orders-19]",
    "consumer-144-3=[t0-1,t0-7] consumer-338-5=[t0-3] consumer-37-1=[t0-2] consumer-475-4=[t0-0,t0-6] "
    "consumer-774-0=[t0-4] consumer-87-2=[t0-5]",
    "consumer-23-4=[a-b-4,orders-2,t0-4] consumer-38-6=[a-b-3,orders-1,t0-3,t1-5] "
    "consumer-470-0=[a-b-2,orders-0,t0-2,t1-4] consumer-584-2=[a-b-0,a-b-7,t0-0,t1-2] "
    "consumer-712-1=[a-b-1,a-b-8,t0-1,t1-3] consumer-761-3=[a-b-5,orders-3,t1-0] consumer-978-5=[a-b-6,orders-4,t1-1]",
    "consumer-324-0=[t0-0,t0-1,t0-2]",
    "consumer-161-1=[t0-0,t0-2,t0-4,t1-1,t1-3,t1-5,t1-7] consumer-610-0=[t0-1,t0-3,t1-0,t1-2,t1-4,t1-6]",
    "consumer-100-21=[a-b-11,a-b-33] consumer-138-13=[a-b-8,a-b-30] consumer-175-11=[a-b-5,a-b-27] "
    "consumer-21-17=[a-b-12,a-b-34] consumer-212-2=[a-b-9,a-b-31] consumer-24-7=[a-b-2,a-b-24] "
    "consumer-316-10=[a-b-3,a-b-25] consumer-324-20=[a-b-6,a-b-28] consumer-351-14=[a-b-0,a-b-22,t1-4] "
    "consumer-436-12=[a-b-13,a-b-35] consumer-454-9=[a-b-4,a-b-26] consumer-475-4=[a-b-14,a-b-36] "
    "consumer-492-18=[a-b-15,a-b-37] consumer-642-19=[a-b-16,t0-0] consumer-737-5=[a-b-17,t0-1] "
    "consumer-776-1=[a-b-18,t1-0] consumer-842-8=[a-b-19,t1-1] consumer-844-0=[a-b-10,a-b-32] "
    "consumer-868-16=[a-b-20,t1-2] consumer-909-6=[a-b-1,a-b-23,t1-5] consumer-950-3=[a-b-21,t1-3] "
    "consumer-961-15=[a-b-7,a-b-29]",
    "consumer-15-0=[t0-0,t0-4] consumer-381-4=[t1-1] consumer-404-1=[t0-1,t0-5] consumer-475-3=[t0-2,t1-0,t1-2] "
    "consumer-805-6=[] consumer-816-5=[] consumer-877-2=[t0-3]",
    "consumer-136-4=[t0-1] consumer-157-3=[t0-3] consumer-332-5=[t0-2] consumer-456-6=[t0-4] consumer-504-2=[t0-5] "
    "consumer-688-0=[t0-6] consumer-799-1=[t0-0]",
    "consumer-12-1=[a-b-1,a-b-4,orders-1,orders-3,t0-1,t0-3] consumer-69-2=[a-b-0,a-b-3,t0-0,t0-2,t0-4] "
    "consumer-991-0=[a-b-2,orders-0,orders-2,orders-4]",
    "consumer-323-1=[a-b-0,a-b-3,orders-1,orders-4,orders-7,t1-2,t1-5] "
    "consumer-663-0=[a-b-2,orders-0,orders-3,orders-6,t1-1,t1-4] "
    "consumer-797-2=[a-b-1,a-b-4,orders-2,orders-5,t1-0,t1-3]",
    "consumer-110-13=[t1-7] consumer-20-21=[orders-3] consumer-22-33=[orders-4] consumer-243-1=[orders-5,t1-8] "
    "consumer-289-18=[t0-0,t1-9] consumer-291-26=[orders-0] consumer-295-8=[orders-2] consumer-32-19=[t0-1] "
    "consumer-325-0=[t0-2] consumer-346-24=[t1-10] consumer-354-25=[t0-3] consumer-389-12=[t0-4,t1-11] "
    "consumer-397-22=[] consumer-438-14=[] consumer-471-15=[] consumer-482-7=[t0-5] consumer-525-16=[] "
    "consumer-528-23=[] consumer-538-32=[] consumer-599-3=[t1-4] consumer-623-10=[t1-6] consumer-632-5=[] "
    "consumer-683-2=[t1-3] consumer-683-9=[] consumer-715-17=[t1-0] consumer-738-20=[] consumer-747-29=[orders-1] "
    "consumer-796-11=[] consumer-799-34=[t1-1] consumer-833-27=[] consumer-842-31=[t1-2] consumer-853-4=[] "
    "consumer-91-28=[t1-5] consumer-930-30=[] consumer-950-6=[]",
    "consumer-131-1=[a-b-1,t0-1,t1-0,t1-5] consumer-191-0=[a-b-0,t0-0,t0-5,t1-4] consumer-326-3=[a-b-2,t0-2,t1-1,t1-6] "
    "consumer-797-2=[a-b-3,t0-3,t1-2,t1-7] consumer-977-4=[a-b-4,t0-4,t1-3]",
    "consumer-138-0=[orders-1,orders-6,t0-3,t1-0,t1-2,t1-4] consumer-492-6=[orders-2,t0-0,t0-4] "
    "consumer-494-1=[orders-3] consumer-603-3=[t0-1,t0-5] consumer-916-4=[t0-2,t0-6,t1-1,t1-3,t1-5] "
    "consumer-955-5=[orders-0,orders-5] consumer-98-2=[orders-4]",
    "consumer-188-1=[t0-2] consumer-231-3=[t0-3] consumer-247-0=[t0-4] consumer-310-6=[t0-1] consumer-584-2=[t0-0] "
    "consumer-644-4=[t0-5] consumer-925-5=[]",
    "consumer-644-0=[t0-0,t0-2,t0-4] consumer-960-1=[orders-0,orders-1,orders-2,orders-3,orders-4,orders-5,t0-1,t0-3]",
    "consumer-165-0=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7,t1-8,t1-9,t1-10,t1-11,t1-12,t1-13,t1-14,t1-15,t1-16,t1-17,"
    "t1-18,t1-19,t1-20,t1-21,t1-22,t1-23,t1-24,t1-25]",
    "consumer-41-0=[t0-1,t0-4,t1-1] consumer-845-2=[t0-0,t0-3,t1-0,t1-3] consumer-929-1=[t0-2,t0-5,t1-2]",
    "consumer-18-1=[t0-2] consumer-277-5=[t0-3] consumer-38-6=[t0-1,t0-8] consumer-535-2=[t0-4] "
    "consumer-55-3=[t0-0,t0-7] consumer-659-0=[t0-5] consumer-875-4=[t0-6]",
    "consumer-137-2=[t0-1,t0-7] consumer-138-3=[orders-0,t0-5] consumer-144-4=[t0-2,t0-8] consumer-627-5=[t0-3] "
    "consumer-671-0=[t0-4] consumer-76-1=[t0-0,t0-6]",
    "consumer-115-1=[orders-0,orders-1,orders-2,orders-3,orders-4,orders-5,orders-6,orders-7,t1-0,t1-2] "
    "consumer-695-2=[t1-1,t1-3] consumer-836-0=[t0-0,t0-1,t0-2,t0-3,t0-4,t0-5,t0-6,t0-7]",
    "consumer-12-3=[t0-3,t0-19] consumer-194-0=[t0-5] consumer-224-10=[t0-2,t0-18] consumer-252-8=[t0-4,t0-20] "
    "consumer-304-13=[t0-6] consumer-475-1=[t0-7] consumer-500-7=[t0-1,t0-17] consumer-595-15=[t0-8] "
    "consumer-595-9=[t0-9] consumer-62-5=[t0-10] consumer-844-4=[t0-0,t0-16] consumer-897-12=[t0-11] "
    "consumer-919-14=[t0-12] consumer-938-2=[t0-13] consumer-952-6=[t0-14] consumer-953-11=[t0-15]",
    "consumer-204-3=[orders-0,orders-1,orders-2] consumer-421-0=[t0-0,t0-1,t0-2,t0-3,t0-4,t0-5] consumer-695-1=[] "
    "consumer-988-2=[]",
    "consumer-665-0=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4,orders-0,orders-1,orders-2,orders-3,orders-4,orders-5,orders-6,"
    "orders-7]",
    "consumer-236-1=[t0-1] consumer-273-2=[t0-2] consumer-289-0=[t0-3] consumer-643-3=[t0-0]",
    "consumer-214-1=[t1-0,t1-1,t1-2,t1-3,t1-4] consumer-68-0=[t0-0,t0-1,t0-2,t0-3,t0-4]",
    "consumer-100-10=[t0-8] consumer-174-1=[t0-9] consumer-177-13=[t0-10] consumer-195-21=[t0-0] "
    "consumer-249-26=[t0-11] consumer-286-20=[t0-12] consumer-298-11=[t0-13] consumer-322-14=[t0-14] "
    "consumer-342-23=[t0-15] consumer-343-22=[] consumer-404-8=[t0-1] consumer-447-28=[t0-4] consumer-479-25=[] "
    "consumer-487-7=[t0-6] consumer-547-9=[t0-5] consumer-57-5=[t0-3] consumer-688-18=[] consumer-737-17=[] "
    "consumer-746-6=[] consumer-76-24=[] consumer-775-2=[] consumer-818-12=[] consumer-82-19=[] consumer-850-16=[t0-2] "
    "consumer-890-27=[] consumer-894-4=[] consumer-916-15=[] consumer-924-0=[] consumer-986-3=[t0-7]",
    "consumer-446-1=[t1-0,t1-6] consumer-465-5=[t1-1,t1-7] consumer-485-0=[t1-2,t1-8] consumer-581-2=[t1-3] "
    "consumer-626-3=[t1-4] consumer-763-4=[t1-5]",
    "consumer-417-0=[t0-0,t0-2] consumer-724-1=[t0-1]",
    "consumer-402-0=[t1-0,t1-3] consumer-806-1=[t0-0,t0-1,t1-2,t1-5] consumer-876-2=[t1-1,t1-4]",
    "consumer-423-4=[orders-0] consumer-455-6=[orders-1,t0-1,t0-5,t1-0,t1-5] consumer-558-0=[orders-3,t1-1,t1-6] "
    "consumer-610-1=[t0-2,t0-6,t1-2,t1-7] consumer-639-2=[orders-2] consumer-875-3=[orders-4,t0-3,t0-7,t1-3,t1-8] "
    "consumer-884-5=[t0-0,t0-4,t0-8,t1-4]",
    "consumer-113-7=[a-b-2,a-b-9,a-b-16,a-b-23,a-b-30,orders-2,orders-9,orders-16,orders-23,t1-3] "
    "consumer-116-0=[a-b-3,a-b-10,a-b-17,a-b-24,a-b-31,orders-3,orders-10,orders-17,t0-0,t0-2,t0-4,t0-6,t0-8,t0-10,t0-"
    "12,t0-14,t0-16,t0-18,t0-20,t0-22,t0-24] "
    "consumer-285-1=[a-b-0,a-b-7,a-b-14,a-b-21,a-b-28,a-b-35,orders-6,orders-13,orders-20] "
    "consumer-436-3=[a-b-4,a-b-11,a-b-18,a-b-25,a-b-32,orders-4,orders-11,orders-18,t0-1,t0-3,t0-5,t0-7,t0-9,t0-11,t0-"
    "13,t0-15,t0-17,t0-19,t0-21,t0-23] "
    "consumer-620-6=[a-b-1,a-b-8,a-b-15,a-b-22,a-b-29,orders-0,orders-7,orders-14,orders-21] "
    "consumer-644-2=[a-b-5,a-b-12,a-b-19,a-b-26,a-b-33,orders-5,orders-12,orders-19,t1-0] "
    "consumer-70-4=[a-b-6,a-b-13,a-b-20,a-b-27,a-b-34,t1-1] consumer-722-8=[orders-1,orders-8,orders-15,orders-22] "
    "consumer-982-5=[t1-2]",
    "consumer-268-6=[t1-0] consumer-315-2=[orders-1,orders-4] consumer-460-4=[t1-1] consumer-557-0=[orders-2] "
    "consumer-679-5=[] consumer-715-3=[] consumer-823-1=[orders-0,orders-3]",
    "consumer-173-4=[orders-0] consumer-191-5=[t1-0] consumer-243-0=[t0-1,t0-3,t0-5,t0-7] consumer-695-1=[orders-1] "
    "consumer-86-2=[] consumer-971-3=[t0-0,t0-2,t0-4,t0-6,t0-8]",
    "consumer-138-0=[t1-1] consumer-25-1=[t1-2] consumer-59-2=[t1-0]",
    "consumer-184-3=[orders-2] consumer-457-2=[orders-1] consumer-497-0=[orders-3] consumer-648-1=[orders-0,t1-0]",
    "consumer-168-7=[t0-6] consumer-181-5=[] consumer-198-12=[] consumer-206-3=[] consumer-270-13=[t0-3] "
    "consumer-329-2=[t0-1] consumer-348-17=[] consumer-39-15=[t0-0] consumer-398-0=[t0-5] consumer-484-6=[t0-7] "
    "consumer-517-1=[] consumer-563-16=[] consumer-670-4=[] consumer-671-14=[] consumer-686-18=[] "
    "consumer-715-10=[t0-2] consumer-797-9=[t0-4] consumer-929-11=[] consumer-973-8=[]",
    "consumer-172-1=[a-b-2,orders-2,t0-1,t1-2] consumer-211-4=[a-b-3,orders-3,t0-2,t1-3] "
    "consumer-395-0=[a-b-4,orders-4,t0-3,t1-4] consumer-594-2=[a-b-0,orders-0,orders-6,t1-0,t1-6] "
    "consumer-788-3=[a-b-1,orders-1,t0-0,t1-1] consumer-843-5=[a-b-5,orders-5,t0-4,t1-5]",
    "consumer-388-0=[orders-0,t1-0,t1-2,t1-4,t1-6,t1-8] consumer-86-1=[orders-1,t1-1,t1-3,t1-5,t1-7]",
    "consumer-171-1=[t1-4] consumer-243-4=[a-b-1,t0-3,t0-8] consumer-279-5=[a-b-2,t0-4,t1-0,t1-5] "
    "consumer-621-3=[a-b-0,t0-2,t0-7,t1-3] consumer-705-6=[t0-0,t0-5,t1-1,t1-6] consumer-767-0=[t0-1,t0-6] "
    "consumer-843-2=[t1-2]",
    "consumer-235-0=[orders-1,t1-1] consumer-532-1=[orders-2,t1-2] consumer-569-4=[orders-3,t1-3] "
    "consumer-662-3=[orders-0,t1-0] consumer-942-2=[orders-4]",
    "consumer-126-19=[t1-7,t1-15] consumer-214-9=[t0-2] consumer-218-14=[] consumer-232-11=[t0-0] "
    "consumer-274-17=[t0-1,t1-6,t1-14,t1-22] consumer-280-22=[] consumer-284-8=[orders-1] "
    "consumer-296-0=[t1-0,t1-8,t1-16] consumer-303-4=[orders-2] consumer-367-13=[] consumer-382-21=[t1-1,t1-9,t1-17] "
    "consumer-383-16=[] consumer-406-5=[t1-4,t1-12,t1-20] consumer-414-2=[] consumer-483-20=[] consumer-559-12=[] "
    "consumer-700-6=[t1-2,t1-10,t1-18] consumer-706-18=[t1-5,t1-13,t1-21] consumer-76-10=[t1-3,t1-11,t1-19] "
    "consumer-840-1=[orders-0] consumer-859-3=[] consumer-912-7=[] consumer-988-15=[]",
    "consumer-427-1=[a-b-0,orders-0,t1-2,t1-5,t1-8] consumer-546-2=[a-b-1,t1-0,t1-3,t1-6] "
    "consumer-778-0=[a-b-2,t1-1,t1-4,t1-7]",
    "consumer-118-0=[t0-2,t0-6] consumer-589-1=[t0-0,t0-4] consumer-623-2=[t0-3,t0-7] consumer-763-3=[t0-1,t0-5]",
    "consumer-374-0=[t0-0,t0-3,t0-6] consumer-538-1=[t0-1,t0-4] consumer-608-2=[t0-2,t0-5]",
    "consumer-357-2=[t0-1] consumer-418-5=[] consumer-450-4=[] consumer-8-0=[] consumer-903-1=[] consumer-906-3=[t0-0]",
    "consumer-1-21=[a-b-5,a-b-15,a-b-23,t0-3] consumer-109-9=[a-b-1,a-b-3,a-b-8,a-b-30] "
    "consumer-150-19=[orders-2,orders-9,orders-16,orders-19] consumer-178-3=[t0-0,t0-2,t0-4] "
    "consumer-18-14=[orders-10,orders-20,t1-0,t1-5] consumer-184-23=[t0-1,t0-5,t0-7] "
    "consumer-233-6=[orders-3,orders-11,orders-22,orders-26] consumer-275-15=[a-b-11,a-b-31,t1-1,t1-6] "
    "consumer-344-17=[orders-4,orders-5,orders-12,orders-24] consumer-366-2=[a-b-9,a-b-26,a-b-29,orders-17] "
    "consumer-388-4=[a-b-7,a-b-12,a-b-34,orders-32] consumer-411-16=[a-b-13,a-b-35,t1-3,t1-7] "
    "consumer-419-11=[a-b-17,a-b-25,a-b-27,a-b-28] consumer-45-24=[a-b-6,orders-7,t0-6] "
    "consumer-452-25=[a-b-24,a-b-32,a-b-36,t1-2] consumer-522-22=[a-b-0,a-b-14,a-b-37,t1-8] consumer-539-13=[] "
    "consumer-730-7=[orders-0,orders-6,orders-13,orders-25] consumer-825-20=[a-b-2,a-b-18,t1-9] "
    "consumer-877-0=[orders-21,orders-27,orders-33,orders-36] consumer-908-5=[orders-14,orders-28,t1-4,t1-10] "
    "consumer-93-10=[a-b-10,a-b-16,orders-23,orders-30] consumer-930-1=[a-b-22,orders-18,orders-29,orders-31] "
    "consumer-943-8=[orders-1,orders-8,orders-15,orders-34] consumer-944-12=[a-b-4,a-b-19,a-b-33,orders-35] "
    "consumer-962-18=[a-b-20,a-b-21,t1-11]",
    "consumer-165-2=[t0-1,t0-5] consumer-192-1=[t0-4] consumer-279-5=[t0-6] consumer-311-4=[t0-7] "
    "consumer-318-3=[t0-2,t0-8] consumer-899-0=[t0-0,t0-3]",
    "consumer-669-0=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4,a-b-5,a-b-6,t0-0,t0-1,t0-2]",
    "consumer-345-3=[t0-4] consumer-347-2=[t0-0] consumer-475-4=[t0-1] consumer-673-0=[t0-2] consumer-689-1=[t0-3]",
    "consumer-40-0=[orders-0,t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7,t1-8]",
    "consumer-125-0=[a-b-3,t1-9,t1-14,t1-21] consumer-146-13=[orders-11,orders-22,orders-28,t1-5] "
    "consumer-185-3=[a-b-0,a-b-2,a-b-16,t1-8] consumer-208-21=[a-b-5,orders-9,orders-36,t1-22] "
    "consumer-228-16=[a-b-12,orders-30,t1-6] consumer-236-9=[a-b-13,a-b-18,t1-18] "
    "consumer-341-23=[a-b-1,a-b-14,orders-35,t1-12] consumer-414-4=[a-b-17,orders-7,orders-31] "
    "consumer-433-15=[a-b-9,orders-1,orders-15,t1-4] consumer-489-7=[orders-2,orders-3,orders-32] "
    "consumer-576-5=[orders-8,orders-34,t1-1] consumer-58-10=[orders-12,t0-0,t1-2] "
    "consumer-745-2=[orders-23,t1-13,t1-19,t1-23] consumer-788-8=[orders-13,t0-1,t0-2] "
    "consumer-810-6=[a-b-10,orders-4,t1-3,t1-15] consumer-908-20=[a-b-7,a-b-15,orders-20,t0-3] "
    "consumer-91-17=[orders-14,orders-16,t1-16] consumer-912-14=[orders-0,orders-10,t1-7,t1-17] "
    "consumer-92-19=[a-b-11,orders-24,orders-27,orders-33] consumer-946-11=[orders-17,orders-26,t1-0] "
    "consumer-950-1=[a-b-6,orders-6,orders-19] consumer-97-22=[a-b-4,orders-21,orders-25] "
    "consumer-974-12=[a-b-8,orders-18,t1-10,t1-20] consumer-991-18=[orders-5,orders-29,t1-11]",
    "consumer-250-3=[] consumer-304-2=[] consumer-619-4=[t0-0] consumer-755-1=[] consumer-980-5=[] consumer-987-0=[]",
    "consumer-18-0=[t1-0]",
    "consumer-410-0=[t0-0] consumer-736-1=[t0-1]",
    "consumer-153-4=[t0-0,t0-2] consumer-324-2=[orders-0,orders-1] consumer-330-3=[t1-1,t1-3,t1-4,t1-6] "
    "consumer-437-1=[orders-2] consumer-442-0=[t0-1] consumer-999-5=[t1-0,t1-2,t1-5,t1-7]",
    "consumer-0-17=[t0-10,t0-19] consumer-18-1=[t0-3] consumer-191-19=[t0-17,t0-21] consumer-202-20=[t0-9,t0-15] "
    "consumer-205-2=[t0-4] consumer-289-6=[t0-6,t0-20] consumer-410-0=[t0-7] consumer-443-14=[t0-13,t0-25] "
    "consumer-486-3=[t0-0,t0-1] consumer-524-16=[t0-8] consumer-539-21=[t0-22,t0-27] consumer-560-5=[t0-12,t0-24] "
    "consumer-615-13=[t0-26,t0-30] consumer-649-8=[t0-2,t0-29] consumer-679-7=[t0-11] consumer-698-9=[t0-14] "
    "consumer-714-18=[t0-28,t0-32] consumer-730-11=[t0-5,t0-33] consumer-734-12=[t0-16,t0-34] consumer-85-15=[t0-23] "
    "consumer-863-10=[t0-18] consumer-967-4=[t0-31]",
    "consumer-637-0=[t0-0]",
    "consumer-128-3=[t1-2,t1-4] consumer-226-4=[orders-1,t1-3] consumer-393-1=[orders-0,t1-0] "
    "consumer-449-2=[orders-2,orders-4] consumer-538-0=[orders-3,t1-1]",
    "consumer-816-1=[] consumer-856-0=[]",
    "consumer-117-3=[t0-3] consumer-187-5=[t0-0] consumer-553-0=[t0-1] consumer-692-1=[t1-0] consumer-847-2=[] "
    "consumer-892-4=[t0-2]",
    "!consumer-300-3=[orders-0,orders-2,orders-3,orders-4,orders-5,orders-9,orders-10,orders-14,orders-16,orders-18] "
    "consumer-331-1=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-8,t1-11,t1-13,t1-16,t1-18] "
    "consumer-499-5=[orders-1,orders-6,orders-7,orders-8,orders-11,orders-12,orders-13,orders-15,orders-17,orders-19] "
    "consumer-511-2=[t0-0,t0-2,t0-4,t0-5,t0-7,t0-9,t0-11,t0-15,t0-17,t0-19,t0-23,t0-25,t0-26,t0-28,t0-30,t0-32,t0-34] "
    "consumer-689-0=[t0-1,t0-3,t0-6,t0-8,t0-10,t0-12,t0-14,t0-16,t0-18,t0-20,t0-24,t0-27,t0-29,t0-31,t0-33,t0-35] "
    "consumer-848-4=[t0-13,t0-21,t0-22,t0-36,t1-7,t1-9,t1-10,t1-12,t1-14,t1-15,t1-17]",
    "consumer-144-4=[t0-0,t0-4] consumer-379-1=[t0-2,t0-6] consumer-421-3=[t0-3] consumer-580-2=[t0-1] "
    "consumer-657-5=[t0-7] consumer-774-0=[t0-5]",
    "consumer-357-1=[a-b-8,orders-0,t0-0,t1-3] consumer-470-0=[a-b-1,orders-3,orders-4,t0-1] "
    "consumer-518-5=[a-b-3,a-b-5,t0-3] consumer-541-3=[a-b-7,orders-2,t0-4,t1-2] consumer-584-4=[a-b-2,a-b-6,t1-4] "
    "consumer-712-2=[a-b-4,t0-2,t1-5] consumer-761-6=[a-b-0,orders-1,t1-0,t1-1]",
    "consumer-324-0=[t0-0,t0-1,t0-2]",
    "consumer-610-0=[t0-0,t0-1,t0-2,t0-3,t0-4,t1-5,t1-7] consumer-688-1=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-6]",
    "consumer-156-20=[a-b-0,a-b-31] consumer-24-12=[a-b-3,a-b-34] consumer-293-6=[a-b-11,t1-3,t1-4] "
    "consumer-332-18=[a-b-4,a-b-29] consumer-378-3=[a-b-7,a-b-32] consumer-390-9=[a-b-1,a-b-16] "
    "consumer-41-15=[a-b-10,a-b-35] consumer-467-21=[a-b-12,a-b-14] consumer-475-7=[a-b-27,a-b-30] "
    "consumer-531-13=[a-b-15,a-b-17,t1-5] consumer-598-1=[a-b-5,a-b-18] consumer-683-4=[a-b-2,a-b-13] "
    "consumer-696-19=[a-b-20,t1-1] consumer-722-11=[a-b-21,a-b-37] consumer-776-2=[a-b-6,a-b-33] "
    "consumer-822-8=[a-b-28,t1-2] consumer-842-14=[a-b-8,a-b-9] consumer-844-0=[a-b-25,a-b-36] "
    "consumer-853-17=[a-b-19,t0-0] consumer-909-10=[a-b-22,t0-1] consumer-98-16=[a-b-23,a-b-24] "
    "consumer-990-5=[a-b-26,t1-0]",
    "consumer-15-0=[t0-1,t0-5] consumer-380-5=[t0-0,t0-2] consumer-384-3=[t1-0] consumer-607-6=[t0-3,t0-4] "
    "consumer-621-2=[t1-1] consumer-644-1=[] consumer-720-4=[t1-2]",
    "consumer-157-5=[t0-1] consumer-277-1=[t0-3] consumer-328-2=[t0-4] consumer-375-6=[t0-5] consumer-49-3=[t0-6] "
    "consumer-598-4=[t0-0] consumer-688-0=[t0-2]",
    "consumer-136-1=[orders-0,orders-1,orders-2,orders-3,orders-4,t0-0,t0-2,t0-4] consumer-646-2=[] "
    "consumer-991-0=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4,t0-1,t0-3]",
    "consumer-3-2=[a-b-0,a-b-3,orders-1,orders-4,orders-7,t1-2,t1-5] "
    "consumer-663-0=[a-b-1,a-b-4,orders-2,orders-5,t1-0,t1-3] "
    "consumer-842-1=[a-b-2,orders-0,orders-3,orders-6,t1-1,t1-4]",
    "consumer-119-1=[t1-0] consumer-120-29=[t1-1] consumer-209-4=[t0-0] consumer-212-5=[orders-0] "
    "consumer-22-22=[orders-1] consumer-236-19=[t0-1] consumer-244-25=[orders-2] consumer-259-27=[t1-2] "
    "consumer-318-8=[t1-3] consumer-325-0=[t1-4] consumer-354-30=[t1-5] consumer-374-34=[t1-6] consumer-39-13=[t0-2] "
    "consumer-395-7=[t1-7] consumer-436-31=[orders-3] consumer-438-17=[orders-4] consumer-480-20=[orders-5] "
    "consumer-586-26=[] consumer-588-2=[] consumer-598-16=[t1-8] consumer-6-21=[t1-9] consumer-623-12=[t1-10] "
    "consumer-632-6=[t1-11] consumer-652-32=[t0-3] consumer-738-24=[t0-4] consumer-748-10=[] consumer-762-9=[t0-5] "
    "consumer-819-28=[] consumer-842-33=[] consumer-852-15=[] consumer-888-3=[] consumer-95-18=[] consumer-961-14=[] "
    "consumer-980-11=[] consumer-980-23=[]",
    "consumer-119-1=[a-b-0,t0-0,t0-5,t1-4] consumer-131-2=[a-b-1,t0-1,t1-0,t1-5] consumer-191-0=[a-b-2,t0-2,t1-1,t1-6] "
    "consumer-463-3=[a-b-3,t0-3,t1-2,t1-7] consumer-797-4=[a-b-4,t0-4,t1-3]",
    "consumer-138-0=[orders-0,orders-3,orders-6] consumer-279-2=[orders-1,orders-4,t0-4] "
    "consumer-3-5=[orders-2,orders-5,t0-5] consumer-435-4=[t0-0,t0-2,t0-6] consumer-47-3=[t1-0,t1-2,t1-4] "
    "consumer-604-1=[t0-1,t0-3,t1-5] consumer-718-6=[t1-1,t1-3]",
    "consumer-179-2=[t0-0] consumer-231-5=[t0-4] consumer-247-0=[t0-1] consumer-459-4=[t0-2] consumer-584-3=[t0-3] "
    "consumer-762-1=[t0-5] consumer-968-6=[]",
    "consumer-644-0=[t1-0,t1-1,t1-2,t1-3,t1-4] "
    "consumer-848-1=[orders-0,orders-1,orders-2,orders-3,orders-4,orders-5,t0-0,t0-1,t0-2,t0-3,t0-4]",
    "consumer-165-0=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7,t1-8,t1-9,t1-10,t1-11,t1-12,t1-13,t1-14,t1-15,t1-16,t1-17,"
    "t1-18,t1-19,t1-20,t1-21,t1-22,t1-23,t1-24,t1-25]",
    "consumer-22-2=[t0-0,t0-1,t0-2,t0-3,t0-4,t0-5] consumer-232-1=[t1-1,t1-3] consumer-41-0=[t1-0,t1-2]",
    "consumer-319-3=[t0-0] consumer-417-6=[t0-8] consumer-55-5=[t0-4] consumer-659-0=[t0-6] consumer-832-4=[t0-7] "
    "consumer-840-1=[t0-1,t0-2] consumer-945-2=[t0-3,t0-5]",
    "consumer-138-5=[t0-3] consumer-313-4=[t0-5] consumer-399-2=[orders-0,t0-6] consumer-671-0=[t0-4,t0-8] "
    "consumer-901-1=[t0-1,t0-2] consumer-942-3=[t0-0,t0-7]",
    "consumer-374-1=[t1-0,t1-1,t1-2] consumer-824-2=[t0-1,t0-5,t0-7,t1-3] consumer-836-0=[t0-0,t0-2,t0-3,t0-4,t0-6]",
    "consumer-118-5=[t0-11,t0-16] consumer-191-14=[t0-6] consumer-194-0=[t0-8,t0-17] consumer-284-6=[t0-7,t0-14] "
    "consumer-347-9=[t0-1] consumer-383-2=[t0-13] consumer-4-13=[t0-12,t0-15] consumer-407-7=[t0-4] "
    "consumer-439-4=[t0-20] consumer-501-15=[t0-2] consumer-618-12=[t0-19] consumer-772-8=[t0-0,t0-9] "
    "consumer-86-11=[t0-3] consumer-935-1=[t0-10] consumer-938-3=[t0-5] consumer-952-10=[t0-18]",
    "consumer-117-2=[t0-0,t0-3,t0-4] consumer-313-1=[] consumer-421-0=[orders-0,orders-2,t0-5] "
    "consumer-675-3=[orders-1,t0-1,t0-2]",
    "consumer-665-0=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4]",
    "consumer-273-3=[t0-0] consumer-289-0=[t0-3] consumer-892-1=[t0-1] consumer-938-2=[t0-2]",
    "consumer-68-0=[t0-1,t0-3,t0-4,t1-0,t1-1,t1-4] consumer-842-1=[orders-0,orders-1,t0-0,t0-2,t1-2,t1-3]",
    "consumer-143-21=[t0-0] consumer-163-9=[t0-1] consumer-177-22=[t0-2] consumer-212-11=[t0-3] consumer-260-4=[t0-4] "
    "consumer-275-12=[t0-5] consumer-295-24=[t0-6] consumer-298-19=[t0-7] consumer-315-28=[t0-8] consumer-315-7=[t0-9] "
    "consumer-321-1=[t0-10] consumer-348-23=[t0-11] consumer-356-2=[t0-12] consumer-389-26=[t0-13] "
    "consumer-461-15=[t0-14] consumer-481-27=[t0-15] consumer-555-17=[] consumer-562-6=[] consumer-57-8=[] "
    "consumer-720-18=[] consumer-745-14=[] consumer-746-10=[] consumer-775-3=[] consumer-782-13=[] consumer-80-5=[] "
    "consumer-812-20=[] consumer-86-16=[] consumer-916-25=[] consumer-924-0=[]",
    "consumer-164-2=[t1-4] consumer-378-1=[t1-2,t1-6] consumer-485-0=[t1-3,t1-8] consumer-49-4=[t1-5] "
    "consumer-626-5=[t1-0,t1-1] consumer-783-3=[t1-7]",
    "consumer-417-0=[t0-0,t0-1] consumer-965-1=[t0-2]",
    "consumer-402-0=[t1-0,t1-2,t1-4] consumer-669-2=[t0-0,t0-1,t1-5] consumer-832-1=[t1-1,t1-3]",
    "consumer-13-1=[t0-4,t1-6,t1-7] consumer-337-3=[t0-0,t0-5,t0-7] consumer-480-4=[t0-8,t1-0,t1-5] "
    "consumer-558-0=[orders-0,orders-1,orders-3,orders-4] consumer-633-2=[t1-1,t1-3,t1-8] "
    "consumer-903-5=[t0-1,t0-2,t0-6] consumer-983-6=[orders-2,t0-3,t1-2,t1-4]",
    "!consumer-116-0=[a-b-5,a-b-8,a-b-10,a-b-13,a-b-15,a-b-20,a-b-21,a-b-23,a-b-28,a-b-32,a-b-35] "
    "consumer-166-1=[orders-0,orders-1,orders-3,orders-4,orders-5,orders-6,orders-8,orders-12,orders-13,orders-20] "
    "consumer-172-4=[a-b-19,a-b-24,a-b-29,a-b-33,orders-7,orders-9,orders-10,orders-15,orders-18,orders-22] "
    "consumer-208-8=[t0-1,t0-2,t0-3,t0-4,t0-5,t0-8,t0-9,t0-12,t0-15,t0-20,t0-24] "
    "consumer-328-5=[a-b-0,a-b-6,a-b-11,a-b-14,a-b-16,a-b-22,a-b-25,a-b-30,a-b-31,a-b-34] "
    "consumer-35-7=[orders-14,orders-16,orders-17,orders-19,t0-0,t0-6,t0-10,t0-13,t0-16,t0-17,t0-21] "
    "consumer-434-2=[a-b-2,a-b-4,a-b-7,a-b-12,a-b-17,orders-21,orders-23,t0-7,t0-11,t0-18,t0-22] "
    "consumer-440-3=[a-b-1,a-b-3,a-b-9,a-b-18,a-b-26,a-b-27,t0-14,t0-19,t0-23,t1-1,t1-2] "
    "consumer-982-6=[orders-2,orders-11,t1-0,t1-3]",
    "consumer-223-6=[t1-1] consumer-412-5=[orders-3] consumer-557-0=[orders-1,orders-4] consumer-752-4=[orders-2] "
    "consumer-823-1=[orders-0] consumer-890-2=[] consumer-944-3=[t1-0]",
    "consumer-243-0=[orders-0,orders-1] consumer-346-4=[t0-4,t0-6,t0-8] consumer-589-5=[t1-0] "
    "consumer-788-2=[t0-0,t0-5] consumer-823-3=[t0-2,t0-3] consumer-881-1=[t0-1,t0-7]",
    "consumer-138-0=[] consumer-586-1=[t1-0,t1-1,t1-2] consumer-84-2=[]",
    "consumer-319-3=[orders-0,t1-0] consumer-344-1=[orders-1] consumer-497-0=[orders-2] consumer-74-2=[orders-3]",
    "consumer-103-6=[t0-2] consumer-168-12=[] consumer-189-11=[] consumer-215-15=[] consumer-229-18=[] "
    "consumer-288-8=[] consumer-303-1=[t0-5] consumer-398-0=[t0-6] consumer-449-9=[] consumer-484-10=[t0-7] "
    "consumer-498-3=[t0-0] consumer-517-2=[] consumer-661-5=[] consumer-670-7=[t0-4] consumer-696-17=[t0-3] "
    "consumer-801-16=[] consumer-950-13=[] consumer-964-4=[] consumer-973-14=[t0-1]",
    "consumer-395-0=[a-b-5,orders-0,t0-2,t1-6] consumer-594-3=[orders-5,t0-3,t0-4,t1-5] "
    "consumer-611-4=[orders-1,orders-4,t0-0,t1-0] consumer-755-1=[a-b-1,orders-2,orders-6,t1-1] "
    "consumer-788-5=[a-b-0,a-b-2,a-b-3,a-b-4,t1-3] consumer-909-2=[orders-3,t0-1,t1-2,t1-4]",
    "consumer-309-1=[orders-0,t1-0,t1-2,t1-3,t1-5,t1-8] consumer-388-0=[orders-1,t1-1,t1-4,t1-6,t1-7]",
    "consumer-279-6=[t1-0,t1-2,t1-6] consumer-552-1=[a-b-2,t1-1,t1-3] consumer-594-4=[t0-1,t0-2,t0-7] "
    "consumer-619-3=[t0-5,t0-6,t0-8] consumer-763-2=[t0-0,t0-3,t0-4] consumer-767-0=[t1-4,t1-5] "
    "consumer-855-5=[a-b-0,a-b-1]",
    "consumer-235-0=[orders-2,t1-3] consumer-299-4=[orders-4,t1-0] consumer-532-2=[orders-1,t1-1] "
    "consumer-767-1=[orders-0,t1-2] consumer-949-3=[orders-3]",
    "consumer-163-17=[t1-0,t1-10] consumer-181-19=[orders-0] consumer-181-6=[t1-1,t1-11] consumer-204-16=[orders-1] "
    "consumer-211-10=[orders-2] consumer-222-15=[t1-12] consumer-223-14=[t1-13] consumer-284-11=[] consumer-296-0=[] "
    "consumer-315-3=[] consumer-37-18=[t1-2,t1-14] consumer-453-7=[] consumer-465-21=[t1-3,t1-15] "
    "consumer-483-1=[t1-16] consumer-523-2=[t0-0] consumer-551-13=[t1-4,t1-17] consumer-638-9=[t1-5,t1-18] "
    "consumer-656-12=[t1-6,t1-19] consumer-808-8=[t1-7,t1-20] consumer-816-5=[t0-1] consumer-867-4=[t0-2] "
    "consumer-988-20=[t1-8,t1-21] consumer-996-22=[t1-9,t1-22]",
    "consumer-219-2=[orders-0,t1-0,t1-2,t1-6,t1-8] consumer-298-1=[a-b-0,a-b-2,t1-3,t1-7] "
    "consumer-778-0=[a-b-1,t1-1,t1-4,t1-5]",
    "consumer-118-0=[t0-5,t0-6] consumer-417-2=[t0-3,t0-4] consumer-494-1=[t0-1,t0-2] consumer-983-3=[t0-0,t0-7]",
    "consumer-374-0=[t0-0,t0-3,t0-6] consumer-452-2=[t0-1,t0-4] consumer-928-1=[t0-2,t0-5]",
    "consumer-150-4=[t0-0] consumer-188-2=[t0-1] consumer-357-3=[] consumer-8-0=[] consumer-838-5=[] consumer-94-1=[]",
    "consumer-1-21=[a-b-5,a-b-23] consumer-109-9=[a-b-3,a-b-30] consumer-150-19=[orders-9,orders-16] "
    "consumer-178-3=[t0-2,t0-4] consumer-18-14=[] consumer-184-23=[] consumer-233-6=[orders-26] "
    "consumer-275-15=[a-b-11,a-b-31,t1-1] consumer-344-17=[orders-4,orders-5] "
    "consumer-366-2=[a-b-9,a-b-26,a-b-29,orders-17] consumer-388-4=[a-b-7,a-b-12,orders-32] consumer-411-16=[t1-7] "
    "consumer-419-11=[a-b-17,a-b-25,a-b-27,a-b-28] consumer-45-24=[a-b-6,orders-7,t0-6] "
    "consumer-452-25=[a-b-24,a-b-32,t1-2] consumer-522-22=[a-b-0,a-b-37] consumer-539-13=[] "
    "consumer-730-7=[orders-6,orders-13] consumer-825-20=[a-b-2] "
    "consumer-877-0=[orders-21,orders-27,orders-33,orders-36] consumer-908-5=[orders-14,t1-10] "
    "consumer-93-10=[a-b-10,a-b-16,orders-23] consumer-930-1=[a-b-22,orders-18,orders-29] consumer-943-8=[orders-1] "
    "consumer-944-12=[a-b-19,a-b-33] consumer-962-18=[a-b-20]",
    "consumer-165-2=[t0-1,t0-5] consumer-192-1=[] consumer-279-5=[t0-6] consumer-311-4=[t0-7] "
    "consumer-318-3=[t0-2,t0-8] consumer-899-0=[t0-0,t0-3]",
    "consumer-669-0=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4,a-b-5,a-b-6,t0-0,t0-1,t0-2]",
    "consumer-345-3=[t0-4] consumer-347-2=[t0-0] consumer-475-4=[t0-1] consumer-673-0=[t0-2] consumer-689-1=[t0-3]",
    "consumer-40-0=[orders-0,t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7,t1-8]",
    "consumer-125-0=[a-b-3,t1-9,t1-14] consumer-146-13=[orders-11,orders-22,orders-28] "
    "consumer-185-3=[a-b-0,a-b-2,a-b-16,t1-8] consumer-208-21=[a-b-5,orders-9,orders-36,t1-22] "
    "consumer-228-16=[a-b-12,orders-30,t1-6] consumer-236-9=[a-b-13,a-b-18,t1-18] "
    "consumer-341-23=[a-b-1,a-b-14,orders-35,t1-12] consumer-414-4=[a-b-17,orders-7,orders-31] "
    "consumer-433-15=[a-b-9,orders-1,orders-15,t1-4] consumer-489-7=[orders-3,orders-32] "
    "consumer-576-5=[orders-8,orders-34] consumer-58-10=[orders-12,t0-0,t1-2] "
    "consumer-745-2=[orders-23,t1-13,t1-19,t1-23] consumer-788-8=[orders-13,t0-1,t0-2] "
    "consumer-810-6=[a-b-10,orders-4,t1-3,t1-15] consumer-908-20=[a-b-7,a-b-15,orders-20,t0-3] "
    "consumer-91-17=[orders-14,orders-16,t1-16] consumer-912-14=[orders-0,orders-10,t1-7,t1-17] "
    "consumer-92-19=[a-b-11,orders-24,orders-27,orders-33] consumer-946-11=[orders-17,orders-26,t1-0] "
    "consumer-950-1=[a-b-6,orders-6,orders-19] consumer-97-22=[a-b-4,orders-21,orders-25] "
    "consumer-974-12=[a-b-8,orders-18,t1-10,t1-20] consumer-991-18=[orders-5,orders-29,t1-11]",
    "consumer-250-3=[] consumer-304-2=[] consumer-619-4=[t0-0] consumer-755-1=[] consumer-980-5=[] consumer-987-0=[]",
    "consumer-18-0=[t1-0]",
    "consumer-410-0=[t0-0] consumer-736-1=[t0-1]",
    "consumer-153-4=[] consumer-324-2=[orders-0,orders-1] consumer-330-3=[t1-4,t1-6] consumer-437-1=[orders-2] "
    "consumer-442-0=[] consumer-999-5=[t1-7]",
    "consumer-0-17=[t0-10,t0-19] consumer-18-1=[t0-3] consumer-191-19=[t0-17] consumer-202-20=[t0-9,t0-15] "
    "consumer-205-2=[t0-4] consumer-289-6=[t0-6,t0-20] consumer-410-0=[t0-7] consumer-443-14=[t0-13] "
    "consumer-486-3=[t0-0,t0-1] consumer-524-16=[] consumer-539-21=[t0-22,t0-27] consumer-560-5=[t0-12,t0-24] "
    "consumer-615-13=[t0-26,t0-30] consumer-649-8=[t0-2,t0-29] consumer-679-7=[t0-11] consumer-698-9=[t0-14] "
    "consumer-714-18=[t0-28,t0-32] consumer-730-11=[t0-5] consumer-734-12=[t0-16] consumer-85-15=[t0-23] "
    "consumer-863-10=[t0-18] consumer-967-4=[t0-31]",
    "consumer-637-0=[t0-0]",
    "consumer-128-3=[t1-2,t1-4] consumer-226-4=[orders-1,t1-3] consumer-393-1=[orders-0,t1-0] "
    "consumer-449-2=[orders-2,orders-4] consumer-538-0=[orders-3,t1-1]",
    "consumer-816-1=[] consumer-856-0=[]",
    "consumer-117-3=[t0-3] consumer-187-5=[t0-0] consumer-553-0=[t0-1] consumer-692-1=[t1-0] consumer-847-2=[] "
    "consumer-892-4=[t0-2]",
    "!consumer-300-3=[orders-3,orders-9,orders-16] consumer-331-1=[t1-0,t1-2,t1-3,t1-8,t1-13,t1-16] "
    "consumer-499-5=[orders-6,orders-7,orders-12,orders-17] consumer-511-2=[t0-5,t0-11,t0-17,t0-25] "
    "consumer-689-0=[t0-1,t0-6,t0-8,t0-14,t0-16,t0-18] "
    "consumer-848-4=[t0-13,t0-21,t0-22,t0-36,t1-7,t1-10,t1-12,t1-14,t1-17]",
    "consumer-144-4=[t0-0,t0-4] consumer-379-1=[t0-2,t0-6] consumer-421-3=[t0-3] consumer-580-2=[t0-1] "
    "consumer-657-5=[t0-7] consumer-774-0=[t0-5]",
    "consumer-357-1=[a-b-8,orders-0,t0-0,t1-3] consumer-470-0=[a-b-1,orders-4,t0-1] consumer-518-5=[a-b-5,t0-3] "
    "consumer-541-3=[a-b-7,orders-2,t0-4] consumer-584-4=[a-b-2,a-b-6,t1-4] consumer-712-2=[a-b-4,t0-2,t1-5] "
    "consumer-761-6=[a-b-0,orders-1,t1-0,t1-1]",
    "consumer-324-0=[t0-0,t0-1]",
    "consumer-610-0=[t0-0,t0-1,t0-2,t0-3,t0-4,t1-5,t1-7] consumer-688-1=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-6]",
    "consumer-156-20=[a-b-31] consumer-24-12=[a-b-3,a-b-34] consumer-293-6=[a-b-11,t1-3,t1-4] consumer-332-18=[] "
    "consumer-378-3=[a-b-7,a-b-32] consumer-390-9=[a-b-1,a-b-16] consumer-41-15=[a-b-10] consumer-467-21=[a-b-12] "
    "consumer-475-7=[a-b-27,a-b-30] consumer-531-13=[a-b-15,a-b-17,t1-5] consumer-598-1=[a-b-5,a-b-18] "
    "consumer-683-4=[a-b-2,a-b-13] consumer-696-19=[a-b-20,t1-1] consumer-722-11=[a-b-21] "
    "consumer-776-2=[a-b-6,a-b-33] consumer-822-8=[a-b-28,t1-2] consumer-842-14=[a-b-8,a-b-9] "
    "consumer-844-0=[a-b-25,a-b-36] consumer-853-17=[a-b-19,t0-0] consumer-909-10=[t0-1] consumer-98-16=[a-b-23] "
    "consumer-990-5=[t1-0]",
    "consumer-15-0=[t0-1,t0-5] consumer-380-5=[t0-0] consumer-384-3=[] consumer-607-6=[t0-3,t0-4] "
    "consumer-621-2=[t1-1] consumer-644-1=[] consumer-720-4=[t1-2]",
    "consumer-157-5=[t0-1] consumer-277-1=[t0-3] consumer-328-2=[] consumer-375-6=[] consumer-49-3=[t0-6] "
    "consumer-598-4=[t0-0] consumer-688-0=[t0-2]",
    "consumer-136-1=[orders-0,orders-1,orders-2,orders-3,orders-4,t0-0,t0-2,t0-4] consumer-646-2=[] "
    "consumer-991-0=[a-b-0,a-b-1,a-b-2,a-b-3,a-b-4,t0-1,t0-3]",
    "consumer-3-2=[a-b-0,a-b-3,orders-1,orders-4,orders-7,t1-2,t1-5] "
    "consumer-663-0=[a-b-1,a-b-4,orders-2,orders-5,t1-0,t1-3] "
    "consumer-842-1=[a-b-2,orders-0,orders-3,orders-6,t1-1,t1-4]",
    "consumer-119-1=[t1-0] consumer-120-29=[t1-1] consumer-209-4=[t0-0] consumer-212-5=[orders-0] "
    "consumer-22-22=[orders-1] consumer-236-19=[t0-1] consumer-244-25=[orders-2] consumer-259-27=[t1-2] "
    "consumer-318-8=[t1-3] consumer-325-0=[t1-4] consumer-354-30=[t1-5] consumer-374-34=[t1-6] consumer-39-13=[t0-2] "
    "consumer-395-7=[t1-7] consumer-436-31=[orders-3] consumer-438-17=[orders-4] consumer-480-20=[orders-5] "
    "consumer-586-26=[] consumer-588-2=[] consumer-598-16=[t1-8] consumer-6-21=[t1-9] consumer-623-12=[t1-10] "
    "consumer-632-6=[t1-11] consumer-652-32=[t0-3] consumer-738-24=[t0-4] consumer-748-10=[] consumer-762-9=[t0-5] "
    "consumer-819-28=[] consumer-842-33=[] consumer-852-15=[] consumer-888-3=[] consumer-95-18=[] consumer-961-14=[] "
    "consumer-980-11=[] consumer-980-23=[]",
    "consumer-119-1=[a-b-0,t0-0,t0-5,t1-4] consumer-131-2=[a-b-1,t0-1,t1-0,t1-5] consumer-191-0=[a-b-2,t0-2,t1-1,t1-6] "
    "consumer-463-3=[a-b-3,t0-3,t1-2,t1-7] consumer-797-4=[a-b-4,t0-4,t1-3]",
    "consumer-138-0=[orders-0,orders-3,orders-6] consumer-279-2=[orders-1,orders-4,t0-4] "
    "consumer-3-5=[orders-2,orders-5,t0-5] consumer-435-4=[t0-0,t0-2,t0-6] consumer-47-3=[t1-0,t1-2,t1-4] "
    "consumer-604-1=[t0-1,t0-3,t1-5] consumer-718-6=[t1-1,t1-3]",
    "consumer-179-2=[t0-0] consumer-231-5=[t0-4] consumer-247-0=[t0-1] consumer-459-4=[t0-2] consumer-584-3=[t0-3] "
    "consumer-762-1=[t0-5] consumer-968-6=[]",
    "consumer-644-0=[t1-0,t1-2] consumer-848-1=[orders-0,orders-3,orders-4,t0-0,t0-1,t0-2,t0-3]",
    "consumer-165-0=[t1-0,t1-1,t1-2,t1-3,t1-4,t1-5,t1-6,t1-7,t1-8,t1-9,t1-10,t1-11,t1-12,t1-13,t1-14,t1-15,t1-16,t1-17,"
    "t1-18,t1-19,t1-20,t1-21,t1-22,t1-23,t1-24,t1-25]",
    "consumer-22-2=[t0-0,t0-2,t0-3] consumer-232-1=[t1-1,t1-3] consumer-41-0=[t1-0,t1-2]",
    "consumer-319-3=[t0-0] consumer-417-6=[t0-8] consumer-55-5=[] consumer-659-0=[t0-6] consumer-832-4=[t0-7] "
    "consumer-840-1=[t0-1,t0-2] consumer-945-2=[t0-3,t0-5]",
    "consumer-138-5=[] consumer-313-4=[] consumer-399-2=[orders-0,t0-6] consumer-671-0=[t0-4] "
    "consumer-901-1=[t0-1,t0-2] consumer-942-3=[t0-0,t0-7]",
    "consumer-374-1=[] consumer-824-2=[t0-1,t0-5,t0-7,t1-3] consumer-836-0=[t0-0,t0-2,t0-3,t0-6]",
    "consumer-118-5=[t0-11,t0-16] consumer-191-14=[t0-6] consumer-194-0=[t0-8,t0-17] consumer-284-6=[t0-7,t0-14] "
    "consumer-347-9=[t0-1] consumer-383-2=[t0-13] consumer-4-13=[t0-12,t0-15] consumer-407-7=[t0-4] "
    "consumer-439-4=[t0-20] consumer-501-15=[t0-2] consumer-618-12=[t0-19] consumer-772-8=[t0-0,t0-9] "
    "consumer-86-11=[] consumer-935-1=[] consumer-938-3=[t0-5] consumer-952-10=[t0-18]",
    "consumer-117-2=[t0-3] consumer-313-1=[] consumer-421-0=[orders-0,orders-2,t0-5] consumer-675-3=[t0-1,t0-2]",
    "consumer-665-0=[a-b-0,a-b-2,a-b-3,a-b-4]",
    "consumer-273-3=[t0-0] consumer-289-0=[t0-3] consumer-892-1=[t0-1] consumer-938-2=[t0-2]",
    "consumer-68-0=[t0-1,t0-3,t0-4,t1-0,t1-1,t1-4] consumer-842-1=[orders-0,orders-1,t0-0,t0-2,t1-2,t1-3]",
    "consumer-143-21=[t0-0] consumer-163-9=[t0-1] consumer-177-22=[t0-2] consumer-212-11=[t0-3] consumer-260-4=[t0-4] "
    "consumer-275-12=[t0-5] consumer-295-24=[t0-6] consumer-298-19=[t0-7] consumer-315-28=[t0-8] consumer-315-7=[t0-9] "
    "consumer-321-1=[t0-10] consumer-348-23=[t0-11] consumer-356-2=[t0-12] consumer-389-26=[t0-13] "
    "consumer-461-15=[t0-14] consumer-481-27=[t0-15] consumer-555-17=[] consumer-562-6=[] consumer-57-8=[] "
    "consumer-720-18=[] consumer-745-14=[] consumer-746-10=[] consumer-775-3=[] consumer-782-13=[] consumer-80-5=[] "
    "consumer-812-20=[] consumer-86-16=[] consumer-916-25=[] consumer-924-0=[]",
    "consumer-164-2=[t1-4] consumer-378-1=[t1-2,t1-6] consumer-485-0=[t1-3,t1-8] consumer-49-4=[t1-5] "
    "consumer-626-5=[t1-0,t1-1] consumer-783-3=[t1-7]",
    "consumer-417-0=[t0-0,t0-1] consumer-965-1=[]",
    "consumer-402-0=[t1-0,t1-2,t1-4] consumer-669-2=[t0-0,t0-1,t1-5] consumer-832-1=[t1-1,t1-3]",
    "consumer-13-1=[t0-4,t1-6,t1-7] consumer-337-3=[t0-0,t0-7] consumer-480-4=[t1-0] "
    "consumer-558-0=[orders-0,orders-1,orders-3] consumer-633-2=[t1-3] consumer-903-5=[t0-2] "
    "consumer-983-6=[t0-3,t1-2,t1-4]",
    "!consumer-116-0=[a-b-8,a-b-10,a-b-20] consumer-166-1=[orders-1,orders-3,orders-5,orders-8,orders-12] "
    "consumer-172-4=[a-b-19,a-b-29,a-b-33,orders-7,orders-10,orders-18,orders-22] "
    "consumer-208-8=[t0-2,t0-3,t0-4,t0-5,t0-8,t0-9,t0-15,t0-24] "
    "consumer-328-5=[a-b-11,a-b-14,a-b-22,a-b-25,a-b-30,a-b-31] "
    "consumer-35-7=[orders-14,orders-19,t0-0,t0-13,t0-17,t0-21] "
    "consumer-434-2=[a-b-2,a-b-4,a-b-7,a-b-12,a-b-17,orders-21,orders-23,t0-7] "
    "consumer-440-3=[a-b-1,a-b-3,a-b-9,a-b-18,a-b-26,a-b-27,t0-19,t1-1,t1-2] consumer-982-6=[orders-2,orders-11,t1-0]",
    "consumer-223-6=[] consumer-412-5=[orders-3] consumer-557-0=[orders-1,orders-4] consumer-752-4=[orders-2] "
    "consumer-823-1=[] consumer-890-2=[] consumer-944-3=[t1-0]",
    "consumer-243-0=[orders-0] consumer-346-4=[t0-4,t0-6,t0-8] consumer-589-5=[t1-0] consumer-788-2=[] "
    "consumer-823-3=[t0-2,t0-3] consumer-881-1=[]",
    "consumer-138-0=[] consumer-586-1=[] consumer-84-2=[]",
    "consumer-319-3=[orders-0,t1-0] consumer-344-1=[orders-1] consumer-497-0=[orders-2] consumer-74-2=[orders-3]",
    "consumer-103-6=[t0-2] consumer-168-12=[] consumer-189-11=[] consumer-215-15=[] consumer-229-18=[] "
    "consumer-288-8=[] consumer-303-1=[t0-5] consumer-398-0=[t0-6] consumer-449-9=[] consumer-484-10=[t0-7] "
    "consumer-498-3=[t0-0] consumer-517-2=[] consumer-661-5=[] consumer-670-7=[t0-4] consumer-696-17=[t0-3] "
    "consumer-801-16=[] consumer-950-13=[] consumer-964-4=[] consumer-973-14=[t0-1]",
    "consumer-395-0=[a-b-5,orders-0,t0-2,t1-6] consumer-594-3=[orders-5,t0-3,t0-4] "
    "consumer-611-4=[orders-1,orders-4,t0-0,t1-0] consumer-755-1=[a-b-1,orders-2,t1-1] "
    "consumer-788-5=[a-b-0,a-b-2,a-b-3,a-b-4,t1-3] consumer-909-2=[orders-3,t0-1,t1-2,t1-4]",
    "consumer-309-1=[orders-0,t1-0,t1-2,t1-3,t1-5,t1-8] consumer-388-0=[orders-1,t1-1,t1-4,t1-7]",
    "consumer-279-6=[t1-0,t1-2,t1-6] consumer-552-1=[] consumer-594-4=[t0-2] consumer-619-3=[t0-5,t0-6,t0-8] "
    "consumer-763-2=[] consumer-767-0=[t1-5] consumer-855-5=[a-b-0]",
    "consumer-235-0=[orders-2,t1-3] consumer-299-4=[t1-0] consumer-532-2=[orders-1,t1-1] consumer-767-1=[orders-0] "
    "consumer-949-3=[orders-3]",
    "consumer-163-17=[t1-0,t1-10] consumer-181-19=[orders-0] consumer-181-6=[t1-1,t1-11] consumer-204-16=[orders-1] "
    "consumer-211-10=[orders-2] consumer-222-15=[t1-12] consumer-223-14=[t1-13] consumer-284-11=[] consumer-296-0=[] "
    "consumer-315-3=[] consumer-37-18=[t1-2,t1-14] consumer-453-7=[] consumer-465-21=[t1-3,t1-15] "
    "consumer-483-1=[t1-16] consumer-523-2=[t0-0] consumer-551-13=[t1-4,t1-17] consumer-638-9=[t1-5,t1-18] "
    "consumer-656-12=[t1-6,t1-19] consumer-808-8=[t1-7,t1-20] consumer-816-5=[t0-1] consumer-867-4=[t0-2] "
    "consumer-988-20=[t1-8,t1-21] consumer-996-22=[t1-9,t1-22]",
    "consumer-219-2=[orders-0,t1-0,t1-2,t1-6] consumer-298-1=[a-b-0,a-b-2,t1-3,t1-7] "
    "consumer-778-0=[a-b-1,t1-1,t1-4,t1-5]",
    "consumer-118-0=[t0-5,t0-6] consumer-417-2=[t0-3,t0-4] consumer-494-1=[t0-1,t0-2] consumer-983-3=[t0-0,t0-7]",
    "consumer-374-0=[t0-0,t0-3,t0-6] consumer-452-2=[t0-1,t0-4] consumer-928-1=[t0-2,t0-5]",
    "consumer-150-4=[t0-0] consumer-188-2=[t0-1] consumer-357-3=[] consumer-8-0=[] consumer-838-5=[] consumer-94-1=[]",
};
// END GENERATED
const int kJavaResultCount = int(sizeof(kJavaResults) / sizeof(kJavaResults[0]));
} // namespace

QTEST_GUILESS_MAIN(TestAssignorsJava)
#include "tst_assignors_java.moc"
