#include "scenarioactionvalidator.h"

#include "assignornames.h"
#include "sim/scenarioworld.h"

namespace topicscope::engine {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

ScenarioActionValidator::ScenarioActionValidator(const ScenarioWorld &world)
    : m_world(world)
{ }

int ScenarioActionValidator::partitionCount(const QString &topic) const
{
    return m_world.broker() ? m_world.broker()->log().partitionCount(topic) : -1;
}

bool ScenarioActionValidator::isClientIdTaken(const QString &id) const
{
    return m_world.producers().find(id) != m_world.producers().end()
        || m_world.consumers().find(id) != m_world.consumers().end() || m_world.scenario().producer(id)
        || m_world.scenario().consumer(id);
}

bool ScenarioActionValidator::validateStep(const ScenarioStep &step, QString *error) const
{
    const auto &producers = m_world.producers();
    const auto &consumers = m_world.consumers();
    const QString action = Scenario::actionName(step.action);
    auto needProducer = [&]() -> bool {
        const auto it = producers.find(step.client);
        if (it == producers.end() || it->second.removed) {
            if (consumers.find(step.client) != consumers.end())
                return fail(error, QStringLiteral("%1: \"%2\" is a consumer, not a producer").arg(action, step.client));
            return fail(error, QStringLiteral("%1: unknown producer \"%2\"").arg(action, step.client));
        }
        return true;
    };
    auto needConsumer = [&]() -> bool {
        if (consumers.find(step.client) == consumers.end()) {
            if (producers.find(step.client) != producers.end())
                return fail(error, QStringLiteral("%1: \"%2\" is a producer, not a consumer").arg(action, step.client));
            return fail(error, QStringLiteral("%1: unknown consumer \"%2\"").arg(action, step.client));
        }
        return true;
    };
    auto needTopic = [&](const QString &topic) -> bool {
        if (topic.isEmpty())
            return fail(error, QStringLiteral("%1: a topic is required").arg(action));
        if (partitionCount(topic) < 0)
            return fail(error, QStringLiteral("%1: unknown topic \"%2\"").arg(action, topic));
        return true;
    };
    auto partitionInRange = [&](const QString &topic) -> bool {
        if (!step.partition)
            return true;
        const int count = partitionCount(topic);
        if (*step.partition < 0 || *step.partition >= count)
            return fail(error,
                QStringLiteral("%1: partition %2 is out of range: %3 has %4 partition(s) (0..%5)")
                    .arg(action)
                    .arg(*step.partition)
                    .arg(topic)
                    .arg(count)
                    .arg(count - 1));
        return true;
    };

    switch (step.action) {
    case ScenarioAction::Produce: {
        if (!needProducer())
            return false;
        const QString topic = step.topic.isEmpty() ? producers.at(step.client).spec.topic : step.topic;
        if (!needTopic(topic) || !partitionInRange(topic))
            return false;
        if (step.count < 1 || step.count > 100000)
            return fail(error, QStringLiteral("produce: count %1 is out of range [1, 100000]").arg(step.count));
        if (step.intervalMs < 0)
            return fail(error, QStringLiteral("produce: intervalMs must not be negative"));
        return true;
    }
    case ScenarioAction::StartProducer:
    case ScenarioAction::StopProducer:
        return needProducer();
    case ScenarioAction::StartConsumer:
    case ScenarioAction::StopConsumer:
    case ScenarioAction::CrashConsumer:
    case ScenarioAction::StallConsumer:
    case ScenarioAction::UnstallConsumer:
        return needConsumer();
    case ScenarioAction::AddPartitions:
        if (!needTopic(step.topic))
            return false;
        if (step.count < 1 || step.count > 1000)
            return fail(error, QStringLiteral("addPartitions: count %1 is out of range [1, 1000]").arg(step.count));
        return true;
    case ScenarioAction::DeleteRecordsBefore:
        if (!needTopic(step.topic) || !partitionInRange(step.topic))
            return false;
        if (step.offset < -1)
            return fail(error,
                QStringLiteral("deleteRecordsBefore: offset %1 is invalid (-1 = high watermark)").arg(step.offset));
        return true;
    case ScenarioAction::ResetOffsets: {
        if (step.group.isEmpty())
            return fail(error, QStringLiteral("resetOffsets: a group is required"));
        if (!needTopic(step.topic) || !partitionInRange(step.topic))
            return false;
        bool isNumber = false;
        const qint64 offset = step.resetTo.toLongLong(&isNumber);
        if (step.resetTo != QStringLiteral("earliest") && step.resetTo != QStringLiteral("latest")
            && (!isNumber || offset < 0))
            return fail(error,
                QStringLiteral("resetOffsets: \"%1\" is not \"earliest\", \"latest\" or an offset").arg(step.resetTo));
        return true;
    }
    case ScenarioAction::Pause:
        if (step.text.isEmpty())
            return fail(error, QStringLiteral("pause: a question is required"));
        return true;
    case ScenarioAction::Caption:
        if (step.text.isEmpty())
            return fail(error, QStringLiteral("caption: a text is required"));
        return true;
    }
    return fail(error, QStringLiteral("unknown action"));
}

bool ScenarioActionValidator::validateProducer(const ScenarioProducer &spec, QString *error) const
{
    if (spec.id.isEmpty())
        return fail(error, QStringLiteral("a producer needs an id"));
    if (isClientIdTaken(spec.id))
        return fail(error, QStringLiteral("client id \"%1\" is taken").arg(spec.id));
    if (partitionCount(spec.topic) < 0)
        return fail(error, QStringLiteral("producer %1: unknown topic \"%2\"").arg(spec.id, spec.topic));
    if (spec.rate < 0 || spec.rate > 1000)
        return fail(
            error, QStringLiteral("producer %1: rate %2 is out of range [0, 1000]").arg(spec.id).arg(spec.rate));
    if (spec.batchSize < 1 || spec.lingerMs < 0 || spec.lingerMs > 60000)
        return fail(
            error, QStringLiteral("producer %1: batchSize must be >= 1 and lingerMs in [0, 60000]").arg(spec.id));
    return true;
}

bool ScenarioActionValidator::validateConsumer(const ScenarioConsumer &spec, QString *error) const
{
    if (spec.id.isEmpty())
        return fail(error, QStringLiteral("a consumer needs an id"));
    if (isClientIdTaken(spec.id))
        return fail(error, QStringLiteral("client id \"%1\" is taken").arg(spec.id));
    if (spec.group && spec.group->isEmpty())
        return fail(
            error, QStringLiteral("consumer %1: the group must not be empty (nullopt for no group)").arg(spec.id));
    if (spec.topics.isEmpty())
        return fail(error, QStringLiteral("consumer %1: it must subscribe to at least one topic").arg(spec.id));
    for (const QString &topic : spec.topics) {
        if (partitionCount(topic) < 0)
            return fail(error, QStringLiteral("consumer %1: unknown topic \"%2\"").arg(spec.id, topic));
    }
    const QStringList assignors
        = spec.groupProtocol == ConsumerGroupProtocol::Consumer ? serverAssignorNames() : builtInAssignorNames();
    if (!assignors.contains(spec.assignor))
        return fail(error,
            QStringLiteral("consumer %1: unknown assignor \"%2\" (one of: %3)")
                .arg(spec.id, spec.assignor, assignors.join(QStringLiteral(", "))));
    // The parser's ranges (docs/scenarios.md).
    if (spec.sessionTimeoutMs < 6000 || spec.sessionTimeoutMs > 1800000)
        return fail(error, QStringLiteral("consumer %1: sessionTimeoutMs must be in [6000, 1800000]").arg(spec.id));
    if (spec.autoCommitIntervalMs < 1 || spec.processingMs < 0 || spec.maxPollRecords < 1 || spec.maxPollIntervalMs < 1
        || spec.heartbeatIntervalMs < 1)
        return fail(error,
            QStringLiteral("consumer %1: autoCommitIntervalMs, maxPollRecords, maxPollIntervalMs and "
                           "heartbeatIntervalMs must be >= 1, processingMs >= 0")
                .arg(spec.id));
    return true;
}

} // namespace topicscope::engine
