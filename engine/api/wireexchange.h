#pragma once

#include "errorcode.h"
#include "topicpartition.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace topicscope::engine {

// Offsets of one partition that a request moved: a produced batch (first = base offset) or the records a fetch
// answer handed out (first = the fetch offset, last = the last offset of the last whole batch sent).
struct WireRange {
    TopicPartition topicPartition;
    qint64 firstOffset = -1;
    qint64 lastOffset = -1; // inclusive
    int records = 0;
    ErrorCode error = ErrorCode::None;
    bool operator==(const WireRange &) const = default;
};

// One request of a wire client and its answer, as the broker handled it: what the protocol lane shows, what the
// live flow turns into tokens, and what a held (paused) answer carries. Filled by the wire layer for every answered
// request; the API-specific parts (ranges, group fields, error) for the APIs that move records or shape a group:
// Produce, Fetch, JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit. Other APIs carry only the header
// fields and timing. A plain value, safe to copy to another thread.
struct WireExchange {
    quint64 sequence = 0; // increases with every exchange of one broker
    quint64 connectionId = 0;
    QString clientId; // the request header's client.id ("" when the client sent none)
    QString peer; // "127.0.0.1:54321"
    qint16 apiKey = -1;
    qint16 apiVersion = -1;
    qint32 correlationId = 0;
    QString api; // "Produce", "JoinGroup", ...
    qint64 receivedMs = 0; // the wire clock (wall time in the live engine, even while paused), ms since the epoch
    qint64 answeredMs = 0; // when the answer was ready (a parked JoinGroup or long-poll Fetch: later)
    qint64 requestBytes = 0;
    qint64 responseBytes = 0; // 0 when nothing goes back (acks=0)
    ErrorCode error = ErrorCode::None; // the answer's error: top-level, else the first partition's or member's
    QString group; // group APIs
    QString memberId; // group APIs: the member id the answer gives (JoinGroup) or the request names
    int generation = -1;
    QString protocol; // JoinGroup: the assignor the group chose
    QList<WireRange> produced; // Produce: one per partition appended (or refused: error set)
    QList<WireRange> fetched; // Fetch: one per partition that handed out records
    qint32 timeoutMs = -1; // the request's own timeout when the protocol carries one (Produce, JoinGroup rebalance)
    QString summary; // one readable line: "orders-0 +5 @120..124", "g gen 3 m-1: REBALANCE_IN_PROGRESS"
    bool operator==(const WireExchange &) const = default;

    // An answer worth holding while the broker is paused: a produce acknowledgement, a fetch answer carrying
    // records, a JoinGroup or SyncGroup answer.
    bool carriesProgress() const
    {
        return (apiKey == 0 && responseBytes > 0) || (apiKey == 1 && !fetched.isEmpty()) || apiKey == 11
            || apiKey == 14;
    }
};

} // namespace topicscope::engine

Q_DECLARE_METATYPE(topicscope::engine::WireExchange)
