#include "scenarioparser.h"

#include "assignornames.h"
#include "client/partitioner.h"
#include "log/logmanager.h"
#include "sim/jsonlineindex.h"
#include "sim/scenarioobjectreader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <algorithm>
#include <limits>

namespace topicscope::engine {

namespace {

const QString FormatName = QStringLiteral("topicscope-scenario");
constexpr qint64 Day = 24LL * 3600 * 1000;

std::optional<ScenarioAction> actionFromName(const QString &name)
{
    for (int i = 0; i <= int(ScenarioAction::Caption); ++i) {
        if (Scenario::actionName(ScenarioAction(i)) == name)
            return ScenarioAction(i);
    }
    return std::nullopt;
}

QStringList actionNames()
{
    QStringList out;
    for (int i = 0; i <= int(ScenarioAction::Caption); ++i)
        out << Scenario::actionName(ScenarioAction(i));
    return out;
}

const QStringList CountFields = {QStringLiteral("equals"), QStringLiteral("atLeast"), QStringLiteral("atMost")};

void readCounts(ScenarioObjectReader &r, ScenarioExpectation &e)
{
    constexpr qint64 Max = std::numeric_limits<qint32>::max();
    if (r.has(QStringLiteral("equals")))
        e.equals = r.integer(QStringLiteral("equals"), 0, 0, Max);
    if (r.has(QStringLiteral("atLeast")))
        e.atLeast = r.integer(QStringLiteral("atLeast"), 0, 0, Max);
    if (r.has(QStringLiteral("atMost")))
        e.atMost = r.integer(QStringLiteral("atMost"), 0, 0, Max);
    if (r.ok() && !e.equals && !e.atLeast && !e.atMost)
        r.fail({}, QStringLiteral("needs \"equals\", \"atLeast\" or \"atMost\""));
}

} // namespace

std::optional<Scenario> ScenarioParser::parse(const QByteArray &json, QString *error)
{
    error->clear();
    std::optional<Scenario> s = ScenarioParser(error).parseDocument(json);
    // Field errors read "path: message"; put the line of that field (or of its object, when it is missing) first.
    if (!s && !error->startsWith(QStringLiteral("line "))) {
        const QString path = error->section(QStringLiteral(": "), 0, 0);
        if (const int line = JsonLineIndex(json).lineOf(path); line > 0)
            *error = QStringLiteral("line %1: ").arg(line) + *error;
    }
    return s;
}

std::optional<Scenario> ScenarioParser::parseDocument(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *m_error = JsonLineIndex::lineColumn(json, parseError.offset) + QStringLiteral(": ") + parseError.errorString();
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *m_error = QStringLiteral("(top level): a scenario is a JSON object");
        return std::nullopt;
    }

    ScenarioObjectReader top(doc.object(), {}, m_error);
    readHeader(top);
    if (ok())
        readSettings(top);
    if (ok())
        readTopics(top);
    if (ok())
        forEachObject(top, top.array(QStringLiteral("clients")), QStringLiteral("clients"),
            [this](ScenarioObjectReader &r) { readClient(r); });
    // "after" counts from the previous step, so steps are read in file order with the time reached so far.
    qint64 previousAt = 0;
    if (ok())
        forEachObject(top, top.array(QStringLiteral("steps")), QStringLiteral("steps"),
            [this, &previousAt](ScenarioObjectReader &r) { readStep(r, &previousAt); });
    if (ok())
        forEachObject(top, top.array(QStringLiteral("expect")), QStringLiteral("expect"),
            [this](ScenarioObjectReader &r) { readExpectation(r); });
    if (!ok())
        return std::nullopt;
    return m_scenario;
}

template <typename Read>
void ScenarioParser::forEachObject(ScenarioObjectReader &top, const QJsonArray &array, const QString &key, Read read)
{
    for (qsizetype i = 0; i < array.size() && ok(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(key).arg(i);
        if (!array.at(i).isObject()) {
            top.fail(path, QStringLiteral("must be an object"));
            return;
        }
        ScenarioObjectReader r(array.at(i).toObject(), path, m_error);
        read(r);
    }
}

void ScenarioParser::readHeader(ScenarioObjectReader &top)
{
    // format and version first: a file of another kind or a newer version should say so, not list unknown fields.
    const QString format = top.string(QStringLiteral("format"), {}, true);
    if (top.ok() && format != FormatName)
        top.fail(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(FormatName));
    const qint64 version = top.integer(QStringLiteral("version"), 0, 1, 1000000, true);
    if (top.ok() && version != Scenario::FormatVersion)
        top.fail(QStringLiteral("version"),
            QStringLiteral("version %1 is not supported; this build reads version %2")
                .arg(version)
                .arg(Scenario::FormatVersion));
    top.allowOnly({QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("title"),
        QStringLiteral("description"), QStringLiteral("settings"), QStringLiteral("topics"), QStringLiteral("clients"),
        QStringLiteral("steps"), QStringLiteral("expect")});
    m_scenario.title = top.text(QStringLiteral("title"), true);
    m_scenario.description = top.text(QStringLiteral("description"));
}

void ScenarioParser::readSettings(ScenarioObjectReader &top)
{
    if (!top.has(QStringLiteral("settings")))
        return;
    if (!top.raw(QStringLiteral("settings")).isObject()) {
        top.fail(QStringLiteral("settings"), QStringLiteral("must be an object"));
        return;
    }
    ScenarioObjectReader r(top.raw(QStringLiteral("settings")).toObject(), QStringLiteral("settings"), m_error);
    r.allowOnly({QStringLiteral("groupInitialRebalanceDelayMs"), QStringLiteral("tickMs"), QStringLiteral("settleMs"),
        QStringLiteral("durationMs"), QStringLiteral("seed"), QStringLiteral("groupConsumerSessionTimeoutMs"),
        QStringLiteral("groupConsumerHeartbeatIntervalMs")});
    ScenarioSettings &settings = m_scenario.settings;
    settings.groupInitialRebalanceDelayMs = r.integer(QStringLiteral("groupInitialRebalanceDelayMs"), 0, 0, 300000);
    // The broker's settings for consumer-protocol groups; a demo may go below Kafka's minimums (45 s, 5 s) as an
    // operator may lower group.consumer.min.*, but the interval must stay below the session timeout.
    settings.groupConsumerSessionTimeoutMs
        = qint32(r.integer(QStringLiteral("groupConsumerSessionTimeoutMs"), 45000, 1000, 1800000));
    settings.groupConsumerHeartbeatIntervalMs
        = qint32(r.integer(QStringLiteral("groupConsumerHeartbeatIntervalMs"), 5000, 100, 60000));
    if (r.ok() && settings.groupConsumerHeartbeatIntervalMs >= settings.groupConsumerSessionTimeoutMs)
        r.fail(QStringLiteral("groupConsumerHeartbeatIntervalMs"),
            QStringLiteral("must be less than groupConsumerSessionTimeoutMs"));
    settings.tickMs = r.integer(QStringLiteral("tickMs"), 100, 1, 60000);
    settings.settleMs = r.integer(QStringLiteral("settleMs"), 20000, 0, Day);
    if (r.has(QStringLiteral("durationMs")))
        settings.durationMs = r.integer(QStringLiteral("durationMs"), 0, 1, Day);
    settings.seed = quint64(r.integer(QStringLiteral("seed"), 1, 0, std::numeric_limits<qint32>::max()));
}

void ScenarioParser::readTopics(ScenarioObjectReader &top)
{
    const QJsonArray topics = top.array(QStringLiteral("topics"), true);
    if (top.ok() && topics.isEmpty())
        top.fail(QStringLiteral("topics"), QStringLiteral("must name at least one topic"));
    forEachObject(top, topics, QStringLiteral("topics"), [this](ScenarioObjectReader &r) {
        r.allowOnly({QStringLiteral("name"), QStringLiteral("partitions"), QStringLiteral("retentionMs")});
        ScenarioTopic t;
        t.name = r.string(QStringLiteral("name"), {}, true);
        t.partitions = int(r.integer(QStringLiteral("partitions"), 1, 1, 1000));
        t.retentionMs = r.integer(QStringLiteral("retentionMs"), -1, -1, std::numeric_limits<qint64>::max() / 2);
        QString why;
        if (r.ok() && LogManager::validateTopicName(t.name, &why) != ErrorCode::None)
            r.fail(QStringLiteral("name"), why);
        if (r.ok() && m_topicNames.contains(t.name))
            r.fail(QStringLiteral("name"), QStringLiteral("topic \"%1\" is declared twice").arg(t.name));
        m_topicNames.insert(t.name);
        m_scenario.topics << t;
    });
}

void ScenarioParser::checkTopic(ScenarioObjectReader &r, const QString &key, const QString &topic) const
{
    if (r.ok() && !m_topicNames.contains(topic))
        r.fail(key, QStringLiteral("unknown topic \"%1\"").arg(topic));
}

void ScenarioParser::readClient(ScenarioObjectReader &r)
{
    const QString type = r.choice(QStringLiteral("type"), {QStringLiteral("producer"), QStringLiteral("consumer")}, {});
    const QString id = r.string(QStringLiteral("id"), {}, true);
    if (r.ok() && id.isEmpty())
        r.fail(QStringLiteral("id"), QStringLiteral("must not be empty"));
    if (r.ok() && m_clientIds.contains(id))
        r.fail(QStringLiteral("id"), QStringLiteral("client \"%1\" is declared twice").arg(id));
    m_clientIds.insert(id);
    if (!r.ok())
        return;
    if (type == QStringLiteral("producer"))
        readProducer(r, id);
    else
        readConsumer(r, id);
}

void ScenarioParser::readProducer(ScenarioObjectReader &r, const QString &id)
{
    r.allowOnly({QStringLiteral("type"), QStringLiteral("id"), QStringLiteral("topic"), QStringLiteral("partitioner"),
        QStringLiteral("keySerializer"), QStringLiteral("valueSerializer"), QStringLiteral("batchSize"),
        QStringLiteral("lingerMs"), QStringLiteral("rate"), QStringLiteral("key"), QStringLiteral("keys"),
        QStringLiteral("value")});
    ScenarioProducer p;
    p.id = id;
    p.topic = r.string(QStringLiteral("topic"), m_scenario.topics.first().name);
    checkTopic(r, QStringLiteral("topic"), p.topic);
    const QString partitioner = r.choice(QStringLiteral("partitioner"),
        {QStringLiteral("built-in"), QStringLiteral("round-robin"), QStringLiteral("uniform-sticky")},
        QStringLiteral("built-in"));
    p.partitioner = Partitioner::kindFromName(partitioner).value_or(PartitionerKind::BuiltIn);
    p.keySerializer = r.serde(QStringLiteral("keySerializer"));
    p.valueSerializer = r.serde(QStringLiteral("valueSerializer"));
    p.batchSize = int(r.integer(QStringLiteral("batchSize"), 16384, 1, 16 * 1024 * 1024));
    p.lingerMs = r.integer(QStringLiteral("lingerMs"), 0, 0, 60000);
    p.rate = r.number(QStringLiteral("rate"), 0, 0, 1000);
    p.keys = r.keys();
    p.value = r.nullableString(QStringLiteral("value"), p.value);
    if (r.ok())
        m_scenario.producers << p;
}

void ScenarioParser::readConsumer(ScenarioObjectReader &r, const QString &id)
{
    r.allowOnly({QStringLiteral("type"), QStringLiteral("id"), QStringLiteral("group"), QStringLiteral("topics"),
        QStringLiteral("assignor"), QStringLiteral("commit"), QStringLiteral("autoCommitIntervalMs"),
        QStringLiteral("autoOffsetReset"), QStringLiteral("processingMs"), QStringLiteral("maxPollRecords"),
        QStringLiteral("sessionTimeoutMs"), QStringLiteral("maxPollIntervalMs"), QStringLiteral("heartbeatIntervalMs"),
        QStringLiteral("keyDeserializer"), QStringLiteral("valueDeserializer"), QStringLiteral("keyAcceptsNull"),
        QStringLiteral("valueAcceptsNull"), QStringLiteral("groupProtocol")});
    ScenarioConsumer c;
    c.id = id;
    c.group = r.nullableString(QStringLiteral("group"), std::nullopt);
    if (r.ok() && c.group && c.group->isEmpty())
        r.fail(QStringLiteral("group"), QStringLiteral("must not be empty (use null for no group)"));
    c.topics = r.stringList(QStringLiteral("topics"), true);
    if (r.ok() && c.topics.isEmpty())
        r.fail(QStringLiteral("topics"), QStringLiteral("must name at least one topic"));
    for (qsizetype t = 0; t < c.topics.size() && r.ok(); ++t)
        checkTopic(r, QStringLiteral("topics[%1]").arg(t), c.topics.at(t));
    const bool consumerProtocol
        = r.choice(QStringLiteral("groupProtocol"), {QStringLiteral("classic"), QStringLiteral("consumer")},
              QStringLiteral("classic"))
        == QStringLiteral("consumer");
    if (consumerProtocol) {
        c.groupProtocol = ConsumerGroupProtocol::Consumer;
        if (r.ok() && !c.group)
            r.fail(QStringLiteral("groupProtocol"), QStringLiteral("\"consumer\" needs a group"));
        // As Java's consumer refuses them with group.protocol=consumer: the broker decides both.
        for (const QString &key : {QStringLiteral("sessionTimeoutMs"), QStringLiteral("heartbeatIntervalMs")}) {
            if (r.ok() && r.has(key))
                r.fail(key,
                    QStringLiteral("not used with groupProtocol \"consumer\": the broker's settings "
                                   "groupConsumerSessionTimeoutMs and groupConsumerHeartbeatIntervalMs apply"));
        }
        c.assignor = r.choice(QStringLiteral("assignor"), serverAssignorNames(), serverAssignorNames().constFirst());
    } else {
        c.assignor = r.choice(QStringLiteral("assignor"), builtInAssignorNames(), QStringLiteral("range"));
    }
    const QString commit = r.choice(QStringLiteral("commit"),
        {QStringLiteral("auto"), QStringLiteral("afterProcessing"), QStringLiteral("afterEachRecord"),
            QStringLiteral("beforeProcessing")},
        QStringLiteral("auto"));
    c.commit = commit == QStringLiteral("auto")       ? ScenarioCommitMode::Auto
        : commit == QStringLiteral("afterProcessing") ? ScenarioCommitMode::AfterProcessing
        : commit == QStringLiteral("afterEachRecord") ? ScenarioCommitMode::AfterEachRecord
                                                      : ScenarioCommitMode::BeforeProcessing;
    c.autoCommitIntervalMs = r.integer(QStringLiteral("autoCommitIntervalMs"), 5000, 1, 3600000);
    const QString reset = r.choice(QStringLiteral("autoOffsetReset"),
        {QStringLiteral("earliest"), QStringLiteral("latest"), QStringLiteral("none")}, QStringLiteral("latest"));
    c.autoOffsetReset = reset == QStringLiteral("earliest") ? OffsetResetPolicy::Earliest
        : reset == QStringLiteral("latest")                 ? OffsetResetPolicy::Latest
                                                            : OffsetResetPolicy::None;
    c.processingMs = r.integer(QStringLiteral("processingMs"), 0, 0, 3600000);
    c.maxPollRecords = int(r.integer(QStringLiteral("maxPollRecords"), 500, 1, 100000));
    c.sessionTimeoutMs = qint32(r.integer(QStringLiteral("sessionTimeoutMs"), 10000, 6000, 1800000));
    c.maxPollIntervalMs = qint32(r.integer(QStringLiteral("maxPollIntervalMs"), 300000, 1, 3600000));
    c.heartbeatIntervalMs = r.integer(QStringLiteral("heartbeatIntervalMs"), 3000, 1, 60000);
    c.keyDeserializer = r.serde(QStringLiteral("keyDeserializer"));
    c.valueDeserializer = r.serde(QStringLiteral("valueDeserializer"));
    c.keyAcceptsNull = r.boolean(QStringLiteral("keyAcceptsNull"), true);
    c.valueAcceptsNull = r.boolean(QStringLiteral("valueAcceptsNull"), true);
    if (r.ok())
        m_scenario.consumers << c;
}

void ScenarioParser::readStep(ScenarioObjectReader &r, qint64 *previousAt)
{
    ScenarioStep step;
    step.path = r.path();
    const QString actionName = r.string(QStringLiteral("action"), {}, true);
    const std::optional<ScenarioAction> action = actionFromName(actionName);
    if (r.ok() && !action)
        r.fail(QStringLiteral("action"),
            QStringLiteral("unknown action \"%1\" (one of: %2)")
                .arg(actionName, actionNames().join(QStringLiteral(", "))));
    if (!r.ok())
        return;
    step.action = *action;

    if (r.has(QStringLiteral("at")) && r.has(QStringLiteral("after")))
        r.fail(QStringLiteral("after"), QStringLiteral("give either \"at\" or \"after\", not both"));
    else if (r.has(QStringLiteral("at")))
        step.atMs = r.integer(QStringLiteral("at"), 0, 0, Day);
    else
        step.atMs = *previousAt + r.integer(QStringLiteral("after"), 0, 0, Day);
    if (r.ok() && step.atMs < *previousAt)
        r.fail(QStringLiteral("at"),
            QStringLiteral("%1 ms is before the previous step (%2 ms); steps must be in time order")
                .arg(step.atMs)
                .arg(*previousAt));
    *previousAt = step.atMs;

    const QStringList allowed = QStringList {QStringLiteral("action"), QStringLiteral("at"), QStringLiteral("after")}
        + readActionFields(r, step);
    r.allowOnly(allowed);
    if (r.ok())
        m_scenario.steps << step;
}

QString ScenarioParser::readProducerId(ScenarioObjectReader &r)
{
    const QString id = r.string(QStringLiteral("producer"), {}, true);
    if (r.ok() && !m_scenario.producer(id))
        r.fail(QStringLiteral("producer"), QStringLiteral("unknown producer \"%1\"").arg(id));
    return id;
}

QString ScenarioParser::readConsumerId(ScenarioObjectReader &r)
{
    const QString id = r.string(QStringLiteral("consumer"), {}, true);
    if (r.ok() && !m_scenario.consumer(id))
        r.fail(QStringLiteral("consumer"), QStringLiteral("unknown consumer \"%1\"").arg(id));
    return id;
}

QStringList ScenarioParser::readActionFields(ScenarioObjectReader &r, ScenarioStep &step)
{
    auto readTopic = [&](bool required) {
        step.topic = r.string(QStringLiteral("topic"), {}, required);
        if (!step.topic.isEmpty())
            checkTopic(r, QStringLiteral("topic"), step.topic);
    };
    switch (step.action) {
    case ScenarioAction::Produce:
        step.client = readProducerId(r);
        readTopic(false);
        if (r.ok() && step.topic.isEmpty())
            step.topic = m_scenario.producer(step.client)->topic;
        step.partition = r.partition();
        step.count = int(r.integer(QStringLiteral("count"), 1, 1, 100000));
        step.intervalMs = r.integer(QStringLiteral("intervalMs"), 0, 0, Day);
        step.keys = r.keys();
        step.hasValue = r.has(QStringLiteral("value"));
        step.value = r.nullableString(QStringLiteral("value"), std::nullopt);
        return {QStringLiteral("producer"), QStringLiteral("topic"), QStringLiteral("partition"),
            QStringLiteral("count"), QStringLiteral("intervalMs"), QStringLiteral("key"), QStringLiteral("keys"),
            QStringLiteral("value")};
    case ScenarioAction::StartProducer:
    case ScenarioAction::StopProducer:
        step.client = readProducerId(r);
        return {QStringLiteral("producer")};
    case ScenarioAction::StartConsumer:
    case ScenarioAction::StopConsumer:
    case ScenarioAction::CrashConsumer:
    case ScenarioAction::StallConsumer:
    case ScenarioAction::UnstallConsumer:
        step.client = readConsumerId(r);
        return {QStringLiteral("consumer")};
    case ScenarioAction::AddPartitions:
        readTopic(true);
        step.count = int(r.integer(QStringLiteral("count"), 1, 1, 1000, true));
        return {QStringLiteral("topic"), QStringLiteral("count")};
    case ScenarioAction::DeleteRecordsBefore:
        readTopic(true);
        step.partition = r.partition();
        step.offset = r.integer(QStringLiteral("offset"), -1, -1, std::numeric_limits<qint64>::max() / 2, true);
        return {QStringLiteral("topic"), QStringLiteral("partition"), QStringLiteral("offset")};
    case ScenarioAction::ResetOffsets:
        step.group = r.string(QStringLiteral("group"), {}, true);
        readTopic(true);
        step.partition = r.partition();
        if (r.raw(QStringLiteral("to")).isDouble())
            step.resetTo
                = QString::number(r.integer(QStringLiteral("to"), 0, 0, std::numeric_limits<qint64>::max() / 2));
        else
            step.resetTo = r.choice(QStringLiteral("to"), {QStringLiteral("earliest"), QStringLiteral("latest")}, {});
        return {QStringLiteral("group"), QStringLiteral("topic"), QStringLiteral("partition"), QStringLiteral("to")};
    case ScenarioAction::Pause:
        step.text = r.text(QStringLiteral("question"), true);
        step.answer = r.text(QStringLiteral("answer"));
        return {QStringLiteral("question"), QStringLiteral("answer")};
    case ScenarioAction::Caption:
        step.text = r.text(QStringLiteral("text"), true);
        return {QStringLiteral("text")};
    }
    return {};
}

void ScenarioParser::readExpectation(ScenarioObjectReader &r)
{
    static const QStringList Checks
        = {QStringLiteral("duplicates"), QStringLiteral("lost"), QStringLiteral("deserializationFailures"),
            QStringLiteral("processed"), QStringLiteral("produced"), QStringLiteral("assignment"),
            QStringLiteral("generation"), QStringLiteral("startOffset"), QStringLiteral("committed"),
            QStringLiteral("recordsPerPartition"), QStringLiteral("keyPartition"), QStringLiteral("pausedMs")};
    ScenarioExpectation e;
    e.path = r.path();
    e.check = r.choice(QStringLiteral("check"), Checks, {});
    if (!r.ok())
        return;
    // The allowed fields are collected in reading order: "unknown field" lists them in that order.
    QStringList allowed = {QStringLiteral("check")};
    auto optionalGroup = [&] {
        allowed << QStringLiteral("group");
        e.group = r.string(QStringLiteral("group"));
    };
    auto optionalConsumer = [&](bool required) {
        allowed << QStringLiteral("consumer");
        e.client = r.string(QStringLiteral("consumer"), {}, required);
        if (r.ok() && !e.client.isEmpty() && !m_scenario.consumer(e.client))
            r.fail(QStringLiteral("consumer"), QStringLiteral("unknown consumer \"%1\"").arg(e.client));
    };
    auto topicPartition = [&](bool partitionRequired) {
        allowed << QStringLiteral("topic") << QStringLiteral("partition");
        e.topic = r.string(QStringLiteral("topic"), {}, true);
        checkTopic(r, QStringLiteral("topic"), e.topic);
        e.partition = r.partition();
        if (r.ok() && partitionRequired && !e.partition)
            r.fail(QStringLiteral("partition"), QStringLiteral("missing (an integer is required)"));
    };
    if (e.check == QStringLiteral("duplicates") || e.check == QStringLiteral("lost")
        || e.check == QStringLiteral("deserializationFailures") || e.check == QStringLiteral("processed")) {
        optionalGroup();
        optionalConsumer(false);
        allowed << CountFields;
        readCounts(r, e);
    } else if (e.check == QStringLiteral("produced")) {
        allowed << QStringLiteral("producer") << CountFields;
        e.client = r.string(QStringLiteral("producer"));
        readCounts(r, e);
    } else if (e.check == QStringLiteral("assignment")) {
        allowed << QStringLiteral("group") << QStringLiteral("generation") << QStringLiteral("assignment");
        readAssignment(r, e);
    } else if (e.check == QStringLiteral("generation")) {
        allowed << QStringLiteral("group") << CountFields;
        e.group = r.string(QStringLiteral("group"), {}, true);
        readCounts(r, e);
    } else if (e.check == QStringLiteral("startOffset")) {
        optionalConsumer(true);
        topicPartition(true);
        allowed << CountFields;
        readCounts(r, e);
    } else if (e.check == QStringLiteral("committed")) {
        allowed << QStringLiteral("group") << CountFields;
        e.group = r.string(QStringLiteral("group"), {}, true);
        topicPartition(true);
        readCounts(r, e);
    } else if (e.check == QStringLiteral("pausedMs")) {
        allowed << QStringLiteral("group") << CountFields;
        e.group = r.string(QStringLiteral("group"), {}, true);
        if (r.has(QStringLiteral("topic")))
            topicPartition(true);
        readCounts(r, e);
    } else if (e.check == QStringLiteral("recordsPerPartition")) {
        allowed << QStringLiteral("topic") << QStringLiteral("producer") << QStringLiteral("equals");
        readRecordsPerPartition(r, e);
    } else if (e.check == QStringLiteral("keyPartition")) {
        allowed << QStringLiteral("topic") << QStringLiteral("key") << QStringLiteral("equals");
        e.topic = r.string(QStringLiteral("topic"), {}, true);
        checkTopic(r, QStringLiteral("topic"), e.topic);
        if (r.ok() && !r.has(QStringLiteral("key")))
            r.fail(QStringLiteral("key"), QStringLiteral("missing (a string or null is required)"));
        e.hasKey = true;
        e.key = r.nullableString(QStringLiteral("key"), std::nullopt);
        e.equals = r.integer(QStringLiteral("equals"), 0, 0, 100000, true);
    }
    r.allowOnly(allowed);
    if (r.ok())
        m_scenario.expectations << e;
}

void ScenarioParser::readAssignment(ScenarioObjectReader &r, ScenarioExpectation &e)
{
    e.group = r.string(QStringLiteral("group"), {}, true);
    e.generation = int(r.integer(QStringLiteral("generation"), 0, 1, 1000000, true));
    const QJsonValue a = r.raw(QStringLiteral("assignment"));
    if (r.ok() && !a.isObject())
        r.fail(QStringLiteral("assignment"),
            QStringLiteral("must be an object: consumer id -> [\"topic-partition\", ...]"));
    if (!r.ok())
        return;
    ScenarioObjectReader ar(a.toObject(), r.fieldPath(QStringLiteral("assignment")), m_error);
    const QStringList members = a.toObject().keys();
    for (const QString &member : members) {
        if (!m_scenario.consumer(member)) {
            ar.fail(member, QStringLiteral("unknown consumer \"%1\"").arg(member));
            break;
        }
        QStringList list = ar.stringList(member);
        std::sort(list.begin(), list.end());
        e.assignment.insert(member, list);
    }
}

void ScenarioParser::readRecordsPerPartition(ScenarioObjectReader &r, ScenarioExpectation &e)
{
    e.topic = r.string(QStringLiteral("topic"), {}, true);
    checkTopic(r, QStringLiteral("topic"), e.topic);
    e.client = r.string(QStringLiteral("producer"));
    const QJsonArray list = r.array(QStringLiteral("equals"), true);
    for (qsizetype k = 0; k < list.size() && r.ok(); ++k) {
        if (!list.at(k).isDouble())
            r.fail(QStringLiteral("equals[%1]").arg(k), QStringLiteral("must be an integer"));
        e.equalsList << qint64(list.at(k).toDouble());
    }
}

} // namespace topicscope::engine
