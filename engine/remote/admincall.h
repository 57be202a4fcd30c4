#pragma once

#include "rdkafkaclient.h"

#include <QString>
#include <functional>
#include <librdkafka/rdkafka.h>
#include <memory>

namespace topicscope::engine::rdkafka {

// librdkafka's text (which may be null) as a QString.
QString text(const char *s);
// An error value of librdkafka's error code (with its message, or librdkafka's words for the code) or error object.
RemoteError errorOf(rd_kafka_resp_err_t err, const char *message = nullptr);
RemoteError errorOf(const rd_kafka_error_t *error);

struct EventDeleter {
    void operator()(rd_kafka_event_t *event) const { rd_kafka_event_destroy(event); }
};
using Event = std::unique_ptr<rd_kafka_event_t, EventDeleter>;

struct PartitionListDeleter {
    void operator()(rd_kafka_topic_partition_list_t *list) const { rd_kafka_topic_partition_list_destroy(list); }
};
using PartitionList = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;

// One Admin API request, answered on a queue of its own and waited for with a bound: the request timeout plus a
// margin for librdkafka to give up on its side first. Used on the remote cluster's worker thread only, like
// RdKafkaClient.
class AdminCall {
public:
    AdminCall(rd_kafka_t *rk, int timeoutMs);
    ~AdminCall();
    AdminCall(const AdminCall &) = delete;
    AdminCall &operator=(const AdminCall &) = delete;

    rd_kafka_AdminOptions_t *options() const { return m_options; }
    rd_kafka_queue_t *queue() const { return m_queue; }
    // The result event, or nullptr with *error when none came within the bound or the request failed as a whole.
    Event wait(RemoteError *error) const;

private:
    int m_timeoutMs;
    rd_kafka_queue_t *m_queue;
    rd_kafka_AdminOptions_t *m_options;
};

using Send = std::function<void(rd_kafka_AdminOptions_t *, rd_kafka_queue_t *)>;
using Read = std::function<RemoteError(rd_kafka_event_t *)>;

// Sends one Admin request and reads its result event, waiting with the bound AdminCall sets.
RemoteError runAdmin(rd_kafka_t *rk, int timeoutMs, const Send &send, const Read &read);

} // namespace topicscope::engine::rdkafka
