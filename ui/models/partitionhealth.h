#pragma once

#include "brokernode.h"
#include "topicinfo.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace topicscope::ui {

// How one partition of a remote cluster stands, from Metadata's leader, replicas and in-sync replicas (and the
// error its leader answered): what kafka-topics --describe --under-replicated-partitions / --unavailable-partitions
// would list it under. The embedded broker is the single replica of everything, so its partitions are always Ok
// (and its views do not show the status). Pure functions, any thread.
class PartitionHealth {
    Q_DECLARE_TR_FUNCTIONS(topicscope::ui::PartitionHealth)

public:
    // From the least to the most severe: a partition shows the most severe that applies.
    enum State {
        Ok,
        UnderReplicated, // fewer in-sync replicas than replicas
        Error, // the cluster answered another error for it (or its leader did not answer): offsets may be old
        Offline, // no leader: LEADER_NOT_AVAILABLE, leader -1, or a leader the cluster no longer lists
    };

    // brokers: the snapshot's; empty for the embedded broker (then a leader is never "no longer listed").
    static State of(const engine::PartitionInfo &partition, const QList<engine::BrokerNode> &brokers);
    // "ok", "under-replicated", "no answer" / "error", "offline".
    static QString text(State state, int error);
    // Why, in a sentence: which replicas are missing from the ISR, which error.
    static QString explanation(State state, const engine::PartitionInfo &partition);
    // "1, 2, 3", "—" for none.
    static QString brokerList(const QList<int> &ids);
};

} // namespace topicscope::ui
