#include "scenarioevent.h"

namespace topicscope::engine {

QString ScenarioEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Caption:
        return QStringLiteral("caption");
    case Kind::Pause:
        return QStringLiteral("pause");
    case Kind::Action:
        return QStringLiteral("action");
    case Kind::ActionFailed:
        return QStringLiteral("action-failed");
    case Kind::Produced:
        return QStringLiteral("produced");
    case Kind::ProduceFailed:
        return QStringLiteral("produce-failed");
    case Kind::Polled:
        return QStringLiteral("polled");
    case Kind::Processed:
        return QStringLiteral("processed");
    case Kind::Duplicate:
        return QStringLiteral("DUPLICATE");
    case Kind::Lost:
        return QStringLiteral("LOST");
    case Kind::DeserializationFailed:
        return QStringLiteral("deserialization-failed");
    case Kind::Committed:
        return QStringLiteral("committed");
    case Kind::GroupState:
        return QStringLiteral("group-state");
    case Kind::Rebalance:
        return QStringLiteral("REBALANCE");
    case Kind::RecordsDeleted:
        return QStringLiteral("records-deleted");
    case Kind::PartitionsAdded:
        return QStringLiteral("partitions-added");
    case Kind::Fetched:
        return QStringLiteral("fetched");
    case Kind::Redelivered:
        return QStringLiteral("REDELIVERED");
    }
    return {};
}

} // namespace topicscope::engine
