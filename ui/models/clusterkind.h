#pragma once

#include "brokersnapshot.h"

namespace topicscope::ui {

// Whether a snapshot is of a remote cluster rather than the embedded broker: a remote cluster lists its brokers, or
// says why it could not be read (the embedded broker does neither). The views tell the two apart only by this, so
// they do not depend on which ClusterClient feeds them.
inline bool isRemoteCluster(const engine::BrokerSnapshot &snapshot)
{
    return !snapshot.brokers.isEmpty() || !snapshot.connectionError.isEmpty();
}

} // namespace topicscope::ui
