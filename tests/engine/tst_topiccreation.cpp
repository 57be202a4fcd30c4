// Topics created in pieces (LogManager::Creation, the wire's CreateTopics and Metadata auto-creation under a time
// budget): a topic of many partitions made over several pieces is the topic createTopics makes at once (partitions,
// events, what a reopened store holds); until it is whole no look-up finds it and its name is taken; an abandoned
// creation or a crash between pieces leaves no half topic. On the wire, another client's Metadata during a
// CreateTopics of 10,000 partitions finds no such topic (or LEADER_NOT_AVAILABLE when it asks to auto-create it).

#include "core/clock.h"
#include "core/events.h"
#include "disklogbase.h"
#include "log/logmanager.h"
#include "wire/logmessages.h"
#include "wire/topicmessages.h"
#include "wire/wirereader.h"
#include "wire/wirewriter.h"
#include "wirebroker.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <map>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {

// A wire clock whose time moves a millisecond each time it is read, so that a step's time budget runs out after a
// few looks and work done in steps takes several of them, deterministically; the test runs its timers one at a time
// (in the order scheduled, whatever their delay: only zero-delay steps are scheduled here).
class TickingClock final : public Clock {
public:
    qint64 nowMs() const override { return ++m_now; }
    TimerId schedule(qint64, std::function<void()> fn) override
    {
        m_timers.emplace(m_nextId, std::move(fn));
        return m_nextId++;
    }
    void cancel(TimerId id) override { m_timers.erase(id); }
    bool runOne()
    {
        if (m_timers.empty())
            return false;
        std::function<void()> fn = std::move(m_timers.begin()->second);
        m_timers.erase(m_timers.begin());
        fn();
        return true;
    }

private:
    mutable qint64 m_now = 1'700'000'000'000;
    TimerId m_nextId = 1;
    std::map<TimerId, std::function<void()>> m_timers;
};

// The events of a bus as text, one per line.
class EventLog {
public:
    explicit EventLog(EventBus &bus)
        : m_bus(bus)
        , m_id(bus.subscribe([this](const Event &e) {
            if (const auto *created = std::get_if<TopicCreated>(&e))
                lines.append(QStringLiteral("created %1 %2").arg(created->topic).arg(created->partitions));
        }))
    { }
    ~EventLog() { m_bus.unsubscribe(m_id); }
    QStringList lines;

private:
    EventBus &m_bus;
    int m_id;
};

// What a LogManager holds of a topic, as text: partitions with their offsets, and whether it has an id.
QString topicText(const LogManager &log, const QString &name)
{
    const int count = log.partitionCount(name);
    if (count < 0)
        return QStringLiteral("no topic");
    QStringList parts;
    for (int p = 0; p < count; ++p) {
        const auto info = log.partitionInfo({name, p});
        if (!info || info->partition != p || info->logStartOffset != 0 || info->logEndOffset != 0)
            parts.append(QStringLiteral("bad partition %1").arg(p));
    }
    return QStringLiteral("%1 partitions, id %2%3")
        .arg(count)
        .arg(log.topicId(name).isNull() ? QStringLiteral("null") : QStringLiteral("set"))
        .arg(parts.isEmpty() ? QString() : QLatin1Char(' ') + parts.join(QLatin1Char(' ')));
}

// A request frame (no size prefix) with header v1.
template <class Request> QByteArray requestFrame(const Request &request, qint16 version, qint32 correlationId)
{
    WireWriter w;
    w.int16(static_cast<qint16>(Request::apiKey));
    w.int16(version);
    w.int32(correlationId);
    w.string(QStringLiteral("test"));
    w.raw(encodeMessage(request, version));
    return w.take();
}

template <class Response>
std::optional<Response> decodeAnswer(const std::optional<WireResponse> &answer, qint16 version)
{
    if (!answer || answer->action != WireResponse::Action::Send)
        return std::nullopt;
    const QByteArray answerFrame = answer->wholeFrame();
    WireReader r(answerFrame);
    r.int32();
    return decodeMessage<Response>(r, version);
}

MetadataRequest metadataOf(const QString &topic, bool autoCreate)
{
    MetadataRequest request;
    request.topics = QList<MetadataRequest::Topic> {{QByteArray(16, '\0'), topic}};
    request.allowAutoTopicCreation = autoCreate;
    return request;
}

} // namespace

class TestTopicCreation : public QObject, private logtest::DiskLogBase {
    Q_OBJECT

private:
    // Runs creation a piece at a time, each piece out of time at its first look; the number of pieces it took.
    static int runInPieces(LogManager &log, LogManager::Creation &creation, const std::function<void()> &between = {})
    {
        int pieces = 0;
        while (!log.continueCreatingTopics(creation, [] { return true; })) {
            ++pieces;
            if (between)
                between();
        }
        return pieces + 1;
    }

private Q_SLOTS:
    void aTopicMadeInPiecesIsTheTopicMadeAtOnce_data()
    {
        QTest::addColumn<bool>("inMemory");
        QTest::newRow("on disk") << false;
        QTest::newRow("in memory") << true;
    }
    void aTopicMadeInPiecesIsTheTopicMadeAtOnce()
    {
        QFETCH(bool, inMemory);
        constexpr int Partitions = 3000;
        const std::vector<LogManager::NewTopic> topics {{QStringLiteral("small"), 2, {}},
            {QStringLiteral("wide"), Partitions, {}}, {QStringLiteral("bad name!"), 1, {}},
            {QStringLiteral("after"), 3, {}}, {QStringLiteral("small"), 1, {}}};

        StorageOptions atOnceOptions = freshOptions();
        atOnceOptions.inMemory = inMemory;
        QStringList atOnceEvents;
        std::vector<LogManager::TopicCreation> atOnce;
        QStringList atOnceTopics;
        {
            auto log = open(atOnceOptions);
            QVERIFY(log);
            EventLog events(m_events);
            atOnce = log->createTopics(topics);
            atOnceEvents = events.lines;
            for (const QString &name : {QStringLiteral("small"), QStringLiteral("wide"), QStringLiteral("after")})
                atOnceTopics.append(topicText(*log, name));
        }

        StorageOptions options = freshOptions();
        options.inMemory = inMemory;
        auto log = open(options);
        QVERIFY(log);
        EventLog events(m_events);
        const auto creation = log->beginCreatingTopics(topics);
        QVERIFY(!creation->done());
        int lookedWhileWide = 0;
        const int pieces = runInPieces(*log, *creation, [&] {
            // Until it is whole, "wide" is nowhere to be found, and its name is taken.
            if (log->partitionCount(QStringLiteral("small")) < 0 || log->partitionCount(QStringLiteral("wide")) >= 0)
                return;
            ++lookedWhileWide;
            QCOMPARE(topicText(*log, QStringLiteral("wide")), QStringLiteral("no topic"));
            QVERIFY(!log->topicNames().contains(QStringLiteral("wide")));
            QCOMPARE(log->createTopic(QStringLiteral("wide"), 1), ErrorCode::TopicAlreadyExists);
            QCOMPARE(log->createTopic(QStringLiteral("w_ide"), 1), ErrorCode::None); // not the same metric name
            QCOMPARE(log->deleteTopic(QStringLiteral("w_ide")), ErrorCode::None);
            QCOMPARE(log->deleteTopic(QStringLiteral("wide")), ErrorCode::UnknownTopicOrPartition);
            QCOMPARE(log->createPartitions(QStringLiteral("wide"), 5), ErrorCode::UnknownTopicOrPartition);
        });
        qInfo() << "pieces:" << pieces << "looks while wide was being made:" << lookedWhileWide;
        QVERIFY2(pieces > 3, qPrintable(QString::number(pieces)));
        QVERIFY(lookedWhileWide > 1);
        QVERIFY(creation->done());

        const std::vector<LogManager::TopicCreation> &results = creation->results();
        QCOMPARE(results.size(), atOnce.size());
        for (size_t i = 0; i < results.size(); ++i) {
            QCOMPARE(results[i].error, atOnce[i].error);
            QCOMPARE(results[i].why, atOnce[i].why);
        }
        QCOMPARE(results[1].error, ErrorCode::None);
        QCOMPARE(results[4].error, ErrorCode::TopicAlreadyExists);
        // The events of the creation itself (the test's own topic w_ide came and went in between).
        QStringList created = events.lines;
        created.removeAll(QStringLiteral("created w_ide 1"));
        QCOMPARE(created, atOnceEvents);
        QCOMPARE(created,
            QStringList({QStringLiteral("created small 2"), QStringLiteral("created wide %1").arg(Partitions),
                QStringLiteral("created after 3")}));
        QStringList madeTopics;
        for (const QString &name : {QStringLiteral("small"), QStringLiteral("wide"), QStringLiteral("after")})
            madeTopics.append(topicText(*log, name));
        QCOMPARE(madeTopics, atOnceTopics);
        const TopicId wideId = log->topicId(QStringLiteral("wide"));
        QVERIFY(!wideId.isNull());
        QVERIFY(wideId != log->topicId(QStringLiteral("small")));
        QCOMPARE(log->topicName(wideId), QStringLiteral("wide"));

        // It takes records in its last partition, and a reopened store has it whole.
        if (inMemory)
            return;
        log.reset();
        log = open(options);
        QVERIFY(log);
        QCOMPARE(topicText(*log, QStringLiteral("wide")), atOnceTopics.at(1));
        QCOMPARE(log->topicId(QStringLiteral("wide")), wideId);
    }

    void anAbandonedCreationGivesItsNamesBack()
    {
        const StorageOptions options = freshOptions();
        auto log = open(options);
        QVERIFY(log);
        {
            const auto creation = log->beginCreatingTopics({{QStringLiteral("wide"), 3000, {}}});
            // Out of time at every look: 12 pieces make its 3,000 logs, then 512 partition rows a piece (committed).
            for (int i = 0; i < 15; ++i)
                QVERIFY(!log->continueCreatingTopics(*creation, [] { return true; }));
            QCOMPARE(log->createTopic(QStringLiteral("wide"), 1), ErrorCode::TopicAlreadyExists);
        }
        QCOMPARE(log->partitionCount(QStringLiteral("wide")), -1);
        QCOMPARE(log->createTopic(QStringLiteral("wide"), 5), ErrorCode::None);
        log.reset();
        log = open(options);
        QVERIFY(log);
        QCOMPARE(topicText(*log, QStringLiteral("wide")), QStringLiteral("5 partitions, id set"));
    }

    void aCrashBetweenPiecesLeavesNoHalfTopic()
    {
        const StorageOptions options = freshOptions();
        const QString crashed = m_dir.filePath(QStringLiteral("crashed%1").arg(++m_next));
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(log->createTopic(QStringLiteral("before"), 2), ErrorCode::None);
        const auto creation = log->beginCreatingTopics({{QStringLiteral("wide"), 3000, {}}});
        // Pieces until some of its partition rows are committed, then the files as a crash would leave them (no
        // transaction is open between pieces; the shared-memory index goes with the machine).
        for (int i = 0; i < 15; ++i)
            QVERIFY(!log->continueCreatingTopics(*creation, [] { return true; }));
        QVERIFY(QDir().mkpath(crashed));
        for (const QFileInfo &f : QDir(options.dataDir).entryInfoList(QDir::Files)) {
            if (!f.fileName().endsWith(QLatin1String("-shm")))
                QVERIFY(QFile::copy(f.filePath(), crashed + QLatin1Char('/') + f.fileName()));
        }

        StorageOptions crashedOptions;
        crashedOptions.dataDir = crashed;
        auto reopened = open(crashedOptions);
        QVERIFY(reopened);
        QCOMPARE(reopened->topicNames(), QStringList({QStringLiteral("before")}));
        // The rows written for "wide" went at opening: the same name takes the same store key again, and its rows
        // would collide with them.
        QCOMPARE(reopened->createTopic(QStringLiteral("wide"), 7), ErrorCode::None);
        reopened.reset();
        reopened = open(crashedOptions);
        QVERIFY(reopened);
        QCOMPARE(topicText(*reopened, QStringLiteral("wide")), QStringLiteral("7 partitions, id set"));
        QCOMPARE(topicText(*reopened, QStringLiteral("before")), QStringLiteral("2 partitions, id set"));

        // The original carries on to the whole topic.
        runInPieces(*log, *creation);
        QCOMPARE(topicText(*log, QStringLiteral("wide")), QStringLiteral("3000 partitions, id set"));
    }

    void otherClientsMetadataDuringABigCreateTopics()
    {
        WireBroker wb;
        TickingClock wireClock;
        KafkaApis apis(*wb.broker, {}, &wireClock);
        const auto send = [&apis](const QByteArray &request) {
            auto slot = std::make_shared<std::optional<WireResponse>>();
            apis.handle(request, {1, QStringLiteral("/127.0.0.1"), QStringLiteral("127.0.0.1:50000")},
                [slot](const WireResponse &r) { *slot = r; });
            return slot;
        };
        constexpr int Partitions = 10000;
        CreateTopicsRequest create;
        create.topics.append({QStringLiteral("wide"), Partitions, -1, {}, {}});
        EventLog events(wb.broker->events());
        const auto created = send(requestFrame(create, 4, 1));
        QVERIFY(!created->has_value()); // under way in steps

        int steps = 0;
        while (!created->has_value()) {
            // Another client, between two steps.
            const auto plain = decodeAnswer<MetadataResponse>(
                *send(requestFrame(metadataOf(QStringLiteral("wide"), false), 4, 2)), 4);
            QVERIFY(plain);
            QCOMPARE(plain->topics.size(), 1);
            QCOMPARE(plain->topics.at(0).error, ErrorCode::UnknownTopicOrPartition);
            QVERIFY(plain->topics.at(0).partitions.isEmpty());
            const auto autoCreate = decodeAnswer<MetadataResponse>(
                *send(requestFrame(metadataOf(QStringLiteral("wide"), true), 4, 3)), 4);
            QVERIFY(autoCreate);
            QCOMPARE(autoCreate->topics.at(0).error, ErrorCode::LeaderNotAvailable);
            QVERIFY(autoCreate->topics.at(0).partitions.isEmpty());
            QVERIFY(events.lines.isEmpty());
            ++steps;
            QVERIFY(wireClock.runOne());
        }
        qInfo() << "steps:" << steps;
        QVERIFY2(steps > 2, qPrintable(QString::number(steps)));
        const auto response = decodeAnswer<CreateTopicsResponse>(*created, 4);
        QVERIFY(response);
        QCOMPARE(response->topics.size(), 1);
        QCOMPARE(response->topics.at(0).error, ErrorCode::None);
        QCOMPARE(events.lines, QStringList({QStringLiteral("created wide %1").arg(Partitions)}));
        const auto after
            = decodeAnswer<MetadataResponse>(*send(requestFrame(metadataOf(QStringLiteral("wide"), false), 4, 4)), 4);
        QVERIFY(after);
        QCOMPARE(after->topics.at(0).error, ErrorCode::None);
        QCOMPARE(after->topics.at(0).partitions.size(), Partitions);
    }
};

QTEST_GUILESS_MAIN(TestTopicCreation)
#include "tst_topiccreation.moc"
