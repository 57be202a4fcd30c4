// What the flow view sees of a ScenarioWorld: its side of a FlowSnapshot (the scenario's texts, producers and
// consumers) and how its clients serialize, for record journeys. Only reads the world.

#include "scenarioworld.h"

#include "flowsnapshot.h"
#include "group/groupcoordinator.h"
#include "groupdescription.h"
#include "sim/flowprojector.h"
#include "sim/scenariorecorder.h"

#include <QHash>
#include <algorithm>

namespace topicscope::engine {

void ScenarioWorld::describe(FlowSnapshot &s, const QString &language, bool observing) const
{
    s.title = m_scenario.title.text(language);
    s.caption = m_caption.text(language);
    // The question stays up while the clock stands at the pause; it goes once time moves on.
    if (m_pause.timeMs >= 0 && m_pause.timeMs == now()) {
        s.question = m_pause.question.text(language);
        s.answer = m_pause.answer.text(language);
    }
    if (language != LocalizedText::English)
        localize(s.recentEvents, language);

    for (const ScenarioProducer &spec : std::as_const(m_scenario.producers)) {
        const auto it = m_producers.find(spec.id);
        FlowProducer p;
        p.id = spec.id;
        p.topic = spec.topic;
        p.partitioner = Partitioner::kindName(spec.partitioner);
        p.rate = spec.rate;
        const bool noKey
            = std::all_of(spec.keys.cbegin(), spec.keys.cend(), [](const ScenarioKey &k) { return !k.has_value(); });
        if (noKey)
            p.keyPattern = QStringLiteral("no key");
        else if (spec.keys.size() == 1)
            p.keyPattern = QStringLiteral("fixed key \"%1\"").arg(*spec.keys.first());
        else
            p.keyPattern = QStringLiteral("%1 keys").arg(spec.keys.size());
        if (it != m_producers.end()) {
            p.running = it->second.rateRunning;
            // Mid-instant (an event observer), a batch's records count once their append is recorded.
            p.sent = observing ? it->second.answered : it->second.sent;
        }
        s.producers << p;
    }

    const ScenarioRecording &recording = m_recorder.recording();
    // Consumer-protocol groups as the coordinator sees them: a member is reconciling while its epoch is behind the
    // group's (it hears of the new one at its next heartbeat) or while it has partitions to give up or to wait for.
    // Only those groups are described (once per snapshot); s.groups already says which they are.
    QHash<QString, GroupDescription> consumerGroups;
    const auto isReconciling = [&](const QString &group, const QString &memberId) {
        const bool consumerProtocol = std::any_of(s.groups.cbegin(), s.groups.cend(),
            [&](const FlowGroup &g) { return g.id == group && g.type == ConsumerGroupType; });
        if (!m_broker || !consumerProtocol)
            return false;
        auto it = consumerGroups.find(group);
        if (it == consumerGroups.end())
            it = consumerGroups.insert(group, m_broker->groups().describeGroup(group));
        for (const GroupMemberDescription &m : std::as_const(it->members)) {
            if (m.memberId == memberId)
                return m.memberEpoch < it->groupEpoch || m.memberState != QLatin1String("stable");
        }
        return false;
    };
    for (const ScenarioConsumer &spec : std::as_const(m_scenario.consumers)) {
        const auto it = m_consumers.find(spec.id);
        if (it == m_consumers.end())
            continue;
        const ConsumerState &c = it->second;
        FlowConsumer f;
        f.id = spec.id;
        f.group = spec.group.value_or(QString());
        f.assignor = spec.assignor;
        f.commitMode = Scenario::commitModeName(spec.commit);
        if (!c.consumer) {
            f.status = FlowConsumerStatus::NotStarted;
        } else if (!c.running) {
            f.status = c.consumer->state() == Consumer::MemberState::Crashed ? FlowConsumerStatus::Crashed
                                                                             : FlowConsumerStatus::Stopped;
        } else if (c.consumer->isStalled()) {
            f.status = FlowConsumerStatus::Stalled;
        } else if (c.consumer->state() == Consumer::MemberState::Reconciling
            || (spec.group && c.consumer->state() == Consumer::MemberState::Stable
                && isReconciling(*spec.group, c.consumer->memberId()))) {
            // The consumer protocol: it keeps processing what it owns while it moves to its new assignment.
            f.status = FlowConsumerStatus::Reconciling;
        } else {
            QString groupState;
            for (const FlowGroup &g : std::as_const(s.groups)) {
                if (spec.group && g.id == *spec.group)
                    groupState = g.state;
            }
            const bool rebalancing = groupState == QStringLiteral("PreparingRebalance")
                || groupState == QStringLiteral("CompletingRebalance");
            f.status = spec.group && (c.consumer->state() != Consumer::MemberState::Stable || rebalancing)
                ? FlowConsumerStatus::Joining
                : FlowConsumerStatus::Running;
        }
        if (c.consumer) {
            f.memberId = c.consumer->memberId();
            f.generation = c.consumer->generationId();
        }
        if (c.running) {
            f.assignment = c.consumer->assignment();
            std::sort(f.assignment.begin(), f.assignment.end());
            for (const TopicPartition &tp : std::as_const(f.assignment)) {
                if (c.positions.contains(tp))
                    f.positions.insert(tp, c.positions.value(tp));
            }
            f.inFlight = int(c.pending.size());
        }
        const ScenarioCounts counts = recording.countsByClient.value(spec.id);
        f.processed = counts.processed;
        f.duplicates = counts.duplicates;
        f.lost = counts.lost;
        f.deserializationFailures = counts.deserializationFailures;
        s.consumers << f;
    }
}

void ScenarioWorld::localize(QList<ScenarioEvent> &events, const QString &language) const
{
    for (ScenarioEvent &e : events) {
        if (e.kind != ScenarioEvent::Kind::Caption && e.kind != ScenarioEvent::Kind::Pause)
            continue;
        for (const ScenarioStep &step : std::as_const(m_scenario.steps)) {
            if (step.action == ScenarioAction::Caption && e.kind == ScenarioEvent::Kind::Caption
                && step.text.english() == e.text) {
                e.text = step.text.text(language);
                break;
            }
            if (step.action == ScenarioAction::Pause && e.kind == ScenarioEvent::Kind::Pause
                && e.text.startsWith(step.text.english())) {
                // As the timeline writes it: the question, then its answer.
                e.text = step.answer.isEmpty()
                    ? step.text.text(language)
                    : step.text.text(language) + QStringLiteral(" (→ ") + step.answer.text(language) + QLatin1Char(')');
                break;
            }
        }
    }
}

FlowClientFormats ScenarioWorld::clientFormats() const
{
    FlowClientFormats formats;
    formats.serializers = [this](const QString &producer) -> std::optional<std::pair<SerdeFormat, SerdeFormat>> {
        const auto p = m_producers.find(producer);
        if (p == m_producers.end())
            return std::nullopt;
        return std::pair {p->second.spec.keySerializer, p->second.spec.valueSerializer};
    };
    formats.deserializationError = [this](const QString &consumer, const std::optional<QByteArray> &key,
                                       const std::optional<QByteArray> &value) -> QString {
        const auto c = m_consumers.find(consumer);
        if (c == m_consumers.end())
            return {};
        const ScenarioConsumer &spec = c->second.spec;
        QStringList errors;
        const DeserializeResult k = Serializer(spec.keyDeserializer, spec.keyAcceptsNull).deserialize(key);
        const DeserializeResult v = Serializer(spec.valueDeserializer, spec.valueAcceptsNull).deserialize(value);
        if (!k.ok())
            errors << QStringLiteral("key: ") + k.error;
        if (!v.ok())
            errors << QStringLiteral("value: ") + v.error;
        return errors.join(QStringLiteral("; "));
    };
    return formats;
}

} // namespace topicscope::engine
