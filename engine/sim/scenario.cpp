#include "scenario.h"

#include "sim/scenarioparser.h"

#include <QDir>
#include <QFile>

namespace topicscope::engine {

QString Scenario::actionName(ScenarioAction action)
{
    switch (action) {
    case ScenarioAction::Produce:
        return QStringLiteral("produce");
    case ScenarioAction::StartProducer:
        return QStringLiteral("startProducer");
    case ScenarioAction::StopProducer:
        return QStringLiteral("stopProducer");
    case ScenarioAction::StartConsumer:
        return QStringLiteral("startConsumer");
    case ScenarioAction::StopConsumer:
        return QStringLiteral("stopConsumer");
    case ScenarioAction::CrashConsumer:
        return QStringLiteral("crashConsumer");
    case ScenarioAction::StallConsumer:
        return QStringLiteral("stallConsumer");
    case ScenarioAction::UnstallConsumer:
        return QStringLiteral("unstallConsumer");
    case ScenarioAction::AddPartitions:
        return QStringLiteral("addPartitions");
    case ScenarioAction::DeleteRecordsBefore:
        return QStringLiteral("deleteRecordsBefore");
    case ScenarioAction::ResetOffsets:
        return QStringLiteral("resetOffsets");
    case ScenarioAction::Pause:
        return QStringLiteral("pause");
    case ScenarioAction::Caption:
        return QStringLiteral("caption");
    }
    return {};
}

QString Scenario::commitModeName(ScenarioCommitMode mode)
{
    switch (mode) {
    case ScenarioCommitMode::Auto:
        return QStringLiteral("auto");
    case ScenarioCommitMode::AfterProcessing:
        return QStringLiteral("afterProcessing");
    case ScenarioCommitMode::AfterEachRecord:
        return QStringLiteral("afterEachRecord");
    case ScenarioCommitMode::BeforeProcessing:
        return QStringLiteral("beforeProcessing");
    }
    return {};
}

const ScenarioProducer *Scenario::producer(const QString &id) const
{
    for (const ScenarioProducer &p : producers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const ScenarioConsumer *Scenario::consumer(const QString &id) const
{
    for (const ScenarioConsumer &c : consumers) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QStringList Scenario::builtInFiles()
{
    const QDir dir(QStringLiteral(":/scenarios"));
    QStringList out;
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        out << dir.filePath(name);
    return out;
}

Scenario Scenario::sandbox()
{
    Scenario s;
    s.title = QStringLiteral("Sandbox");
    s.title.setText(QStringLiteral("ko"), QStringLiteral("샌드박스"));
    s.description = QStringLiteral(
        "Free play: a web shop produces four keyed orders a second into six partitions, and two billing consumers "
        "share them in one group; records are kept for ten minutes (retention.ms). Add producers and consumers, crash, "
        "stall or stop them, grow the topic, and "
        "watch the records, commits and rebalances.");
    s.description.setText(QStringLiteral("ko"),
        QStringLiteral("자유 실습: 웹 쇼핑몰이 키가 있는 주문을 초당 4건씩 파티션 6개에 프로듀스하고, 한 컨슈머 그룹의 "
                       "billing 컨슈머 두 개가 그 파티션들을 나눠 읽습니다. 레코드는 10분 동안 보관됩니다"
                       "(retention.ms). 프로듀서와 컨슈머를 추가하고, 크래시시키거나 멈추거나(stall) 정지해 보고, "
                       "토픽의 파티션을 늘려 보면서 레코드와 커밋, 리밸런스가 어떻게 움직이는지 지켜보세요."));
    // Ten virtual minutes of retention.ms: a long session keeps a bounded log, and retention can be watched.
    s.topics << ScenarioTopic {QStringLiteral("orders"), 6, 600'000};

    ScenarioProducer web;
    web.id = QStringLiteral("web");
    web.topic = QStringLiteral("orders");
    web.rate = 4;
    for (const char *key : {"alice", "bob", "carol", "dave", "erin", "frank"})
        web.keys << QString::fromLatin1(key);
    s.producers << web;

    for (const char *id : {"billing-1", "billing-2"}) {
        ScenarioConsumer c;
        c.id = QString::fromLatin1(id);
        c.group = QStringLiteral("billing");
        c.topics = {QStringLiteral("orders")};
        c.assignor = QStringLiteral("range");
        c.commit = ScenarioCommitMode::Auto;
        c.autoCommitIntervalMs = 5000;
        c.autoOffsetReset = OffsetResetPolicy::Earliest;
        c.processingMs = 50;
        s.consumers << c;

        ScenarioStep step;
        step.atMs = 0;
        step.action = ScenarioAction::StartConsumer;
        step.path = QStringLiteral("steps[%1]").arg(s.steps.size());
        step.client = c.id;
        s.steps << step;
    }
    return s;
}

std::optional<Scenario> Scenario::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    std::optional<Scenario> s = parse(file.readAll(), error);
    if (!s)
        *error = path + QStringLiteral(": ") + *error;
    return s;
}

std::optional<Scenario> Scenario::parse(const QByteArray &json, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    return ScenarioParser::parse(json, error);
}

} // namespace topicscope::engine
