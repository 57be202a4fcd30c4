#pragma once

#include "wire/kafkaapis.h"
#include "wire/logmessages.h"
#include "wire/requestheader.h"

#include <vector>

namespace topicscope::engine {

class Clock;

namespace wire {

// Completes the WireExchange of every answered request (header fields, timing, sizes, a summary line) and tells
// KafkaApis' observer. Shared by KafkaApis and the answers it parks: a parked JoinGroup may be answered after the
// KafkaApis that parked it is gone, so the answer holds the tap, not KafkaApis. Engine thread.
class ExchangeTap {
public:
    explicit ExchangeTap(Clock &clock)
        : m_clock(clock)
    { }

    int subscribe(KafkaApis::ExchangeObserver observer)
    {
        m_observers.emplace_back(m_nextObserverId, std::move(observer));
        return m_nextObserverId++;
    }
    void unsubscribe(int id)
    {
        std::erase_if(m_observers, [id](const auto &entry) { return entry.first == id; });
    }

    // The exchange of a request that just arrived (before its handler runs).
    WireExchange begin(const RequestHeader &h, const WireConnectionInfo &connection, qint64 requestBytes) const;
    // Merges what the handler filled into response.exchange with begin()'s fields, sets the answer's time, size
    // and summary, and tells the observer. A Close answer is left alone.
    void complete(const WireExchange &begun, WireResponse &response);

    // The records a fetch answer hands out, per partition: from the fetch offset to the last whole batch.
    static QList<WireRange> fetchedRanges(const FetchRequest &request, const FetchResponse &response);
    // "orders-0 +5 @120..124; orders-1 NOT_LEADER", "g gen 3 consumer-1-3f2a: REBALANCE_IN_PROGRESS".
    static QString summarize(const WireExchange &e);

private:
    Clock &m_clock;
    std::vector<std::pair<int, KafkaApis::ExchangeObserver>> m_observers;
    int m_nextObserverId = 1;
    quint64 m_sequence = 0;
};

} // namespace wire
} // namespace topicscope::engine
