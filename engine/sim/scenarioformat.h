#pragma once

#include "sim/scenario.h"
#include "topicpartition.h"

#include <QList>
#include <QString>

namespace topicscope::engine {

// How a scenario's timeline, journeys and report spell times, keys and partitions. Shared by the recorder, the
// world, the projector and the evaluator so that every line reads the same. Pure functions, any thread.

// "+12.345s"
QString scenarioTime(qint64 ms);
// "\"alice\"" or "null"
QString scenarioKeyText(const ScenarioKey &key);
// "2nd", "3rd", "4th", ...: how often a record has been processed (2 or more)
QString scenarioOrdinal(int times);
// "[orders-0,orders-2]", sorted
QString scenarioPartitionList(QList<TopicPartition> partitions);

} // namespace topicscope::engine
