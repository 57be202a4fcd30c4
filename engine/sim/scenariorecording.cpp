#include "scenariorecording.h"

#include <algorithm>

namespace topicscope::engine {

const ScenarioProducedRecord *ScenarioRecording::producedRecord(const TopicPartition &tp, qint64 offset) const
{
    const auto it = producedIndex.constFind(ScenarioRecordId {{}, tp, offset});
    return it == producedIndex.cend() ? nullptr : &producedRecords.at(it.value());
}

bool ScenarioRecording::isFollowedByItsDuplicate(qsizetype i) const
{
    if (i + 1 >= timeline.size())
        return false;
    const ScenarioEvent &e = timeline.at(i);
    const ScenarioEvent &next = timeline.at(i + 1);
    return e.kind == ScenarioEvent::Kind::Processed && next.kind == ScenarioEvent::Kind::Duplicate
        && e.client == next.client && e.topicPartition == next.topicPartition && e.offset == next.offset;
}

int ScenarioRecording::countEvents(ScenarioEvent::Kind kind, const QString &group, const QString &client) const
{
    return int(std::count_if(timeline.cbegin(), timeline.cend(), [&](const ScenarioEvent &e) {
        return e.kind == kind && (group.isEmpty() || e.group == group) && (client.isEmpty() || e.client == client);
    }));
}

} // namespace topicscope::engine
