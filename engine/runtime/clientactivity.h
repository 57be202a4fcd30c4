#pragma once

#include "brokersnapshot.h"
#include "wireexchange.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <array>
#include <utility>
#include <vector>

namespace topicscope::engine {

// What each wire connection did, learnt from the exchanges the listener answered (KafkaApis' exchange tap): its
// client.id, the roles it played (producer, fetcher, group member, admin), request and byte counts and rates, the
// API versions it uses and its last error; and the exchanges themselves, queued for the next snapshot's protocol
// lane (bounded, newest kept). record() runs for every answered request on the engine thread, so it is O(1) and
// formats nothing. Which connections are open is the listener's business: describe() is told, and forgets the
// closed ones. Engine thread.
class ClientActivity {
public:
    // Rates are over a window of WindowBuckets x BucketMs: long enough that a consumer's heartbeat every 3 s and
    // long-poll fetches read as a steady rate rather than flicker between zero and a burst.
    static constexpr qint64 BucketMs = 1000;
    static constexpr int WindowBuckets = 5;

    explicit ClientActivity(int maxQueuedExchanges = BrokerSnapshot::MaxExchanges);

    void record(const WireExchange &exchange);

    // The open connections (id and peer, from the listener) as the snapshot's wire clients, in the given order,
    // with what was seen of each; connections not listed are forgotten.
    QList<WireClient> describe(const QList<std::pair<quint64, QString>> &open, qint64 nowMs);

    // True while some connection has requests in the rate window (its rates still have to decay to zero).
    bool hasRecentTraffic(qint64 nowMs) const;

    // The queued exchanges, oldest first, and how many older ones did not fit since the last take; empties the
    // queue.
    bool hasQueuedExchanges() const { return m_queued > 0 || m_dropped > 0; }
    QList<WireExchange> takeExchanges(qint64 *dropped);

private:
    struct Bucket {
        qint64 index = -1; // nowMs / BucketMs of the bucket's second
        qint64 requests = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
    };
    struct Connection {
        WireClient client; // the published part; rates and API versions are filled in by describe()
        QMap<qint16, WireApiVersion> versions; // by API key: a client uses a dozen APIs at most
        std::array<Bucket, WindowBuckets> buckets;
    };

    static void noteRoles(WireClient &client, const WireExchange &e);

    QHash<quint64, Connection> m_connections;
    // The protocol lane's queue: a ring of the newest exchanges.
    std::vector<WireExchange> m_ring;
    qsizetype m_head = 0; // index of the oldest queued exchange
    qsizetype m_queued = 0;
    qint64 m_dropped = 0;
};

} // namespace topicscope::engine
