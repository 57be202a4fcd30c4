#pragma once

#include "group/groupcoordinator.h"
#include "log/logmanager.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace topicscope::engine {

// An immutable picture of the broker, built on the engine thread and handed to the GUI thread by value.
// Published at most a few times per second, only when something changed.
struct BrokerSnapshot {
    qint64 takenAtMs = 0;
    QString dataDirectory; // empty when in memory
    bool inMemory = false;
    QList<TopicInfo> topics;
    QList<GroupDescription> groups;
    qint64 recordsAppended = 0; // since start
    qint64 batchesAppended = 0;
};

} // namespace topicscope::engine

Q_DECLARE_METATYPE(topicscope::engine::BrokerSnapshot)
