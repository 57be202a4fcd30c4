#pragma once

#include "core/clock.h"
#include "core/events.h"
#include "topicpartition.h"
#include "wireexchange.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace topicscope::engine {

class Broker;

// Broker settings the wire layer needs, with Kafka's names where there is one.
struct KafkaApisConfig {
    qint32 nodeId = 0;
    QString advertisedHost = QStringLiteral("127.0.0.1"); // advertised.listeners host
    qint32 advertisedPort = 9092;
    QString clusterId = QStringLiteral("topicscope");
    bool autoCreateTopics = true; // auto.create.topics.enable
    int numPartitions = 1; // num.partitions: auto-created topics and CreateTopics with -1
};

// Who sent a request (for JoinGroup's client host and the logs).
struct WireConnectionInfo {
    quint64 connectionId = 0;
    QString clientHost; // "/127.0.0.1", as Kafka shows it
    QString peer; // "127.0.0.1:54321": the client's address and port, for the protocol lane
};

// What to do with the answer to one request.
struct WireResponse {
    enum class Action {
        Send, // write frame (response header + body, without the size prefix)
        NoResponse, // acks=0 Produce: nothing goes back
        Close, // unknown API, unsupported version or malformed request: drop the connection
    };
    Action action = Action::Send;
    QByteArray frame; // the whole frame, or its first bytes when `more` is not empty
    // The rest of the frame, in order: a Fetch answer's records stay in the buffers the log read them into, between
    // the encoded pieces around them (wire::encodeFetchFrame), so the connection writes them without a copy.
    std::vector<QByteArray> more;
    QString reason; // for Close: the log line
    // The request and what its answer carries (Send and NoResponse): handlers fill the API-specific parts,
    // KafkaApis::handle the header fields, timing and summary.
    WireExchange exchange;

    qsizetype frameSize() const
    {
        qsizetype size = frame.size();
        for (const QByteArray &piece : more)
            size += piece.size();
        return size;
    }
    // The frame in one buffer (a copy when it comes in pieces): for tests and tools, not for the connection.
    QByteArray wholeFrame() const
    {
        QByteArray whole;
        whole.reserve(frameSize());
        whole += frame;
        for (const QByteArray &piece : more)
            whole += piece;
        return whole;
    }
};

// Kafka's request handler ("KafkaApis"): parses one request frame, checks it against the API's row in the dispatch
// table (wire/apitable.h) and hands it to the row's handler, which decodes it, delegates to the LogManager or the
// GroupCoordinator and encodes the answer. Thin on purpose: semantics live in the log and the coordinator.
// JoinGroup, SyncGroup and Fetch (long poll until min_bytes or max_wait_ms, woken by BatchAppended events) may
// answer later. Functional core: no sockets, time from Clock. Lives on the engine thread.
class KafkaApis {
public:
    using Responder = std::function<void(const WireResponse &)>;
    using ExchangeObserver = std::function<void(const WireExchange &)>;

    // wireClock, when given, times what belongs to the wire rather than to the broker: a parked Fetch's max_wait_ms,
    // the parked fetches' recheck and the exchanges' timestamps. The live engine passes an unfrozen real clock, so
    // that long polls still end on time while the broker's clock is paused. Default: the broker's clock.
    explicit KafkaApis(Broker &broker, KafkaApisConfig config = {}, Clock *wireClock = nullptr);
    ~KafkaApis();
    KafkaApis(const KafkaApis &) = delete;
    KafkaApis &operator=(const KafkaApis &) = delete;

    // Handles one request frame (the bytes after the int32 size). respond is called exactly once, possibly
    // before handle() returns, possibly much later (parked JoinGroup/SyncGroup/Fetch). The caller keeps
    // responses of one connection in request order.
    void handle(const QByteArray &frame, const WireConnectionInfo &connection, Responder respond);

    const KafkaApisConfig &config() const;
    void setConfig(const KafkaApisConfig &config);
    int parkedFetchCount() const;
    // Observers are told every answered request (Send or NoResponse, not a Close), when its answer is ready and
    // before it is handed to the connection: the live flow's and the protocol lane's source. Engine thread; an
    // observer must not call back into KafkaApis.
    int subscribeExchanges(ExchangeObserver observer);
    void unsubscribeExchanges(int id);

    // Defined in wire/kafkaapisprivate.h. Named publicly only so that the dispatch table (wire/apitable.h) can
    // point at its handlers; incomplete everywhere else.
    struct Private;

private:
    std::unique_ptr<Private> d;
};

} // namespace topicscope::engine
