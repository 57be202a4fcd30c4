#include "admincall.h"

namespace topicscope::engine::rdkafka {

QString text(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

RemoteError errorOf(rd_kafka_resp_err_t err, const char *message)
{
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
        return {};
    return {static_cast<int>(err), text(message && *message ? message : rd_kafka_err2str(err))};
}

RemoteError errorOf(const rd_kafka_error_t *error)
{
    if (!error)
        return {};
    return {static_cast<int>(rd_kafka_error_code(error)), text(rd_kafka_error_string(error))};
}

AdminCall::AdminCall(rd_kafka_t *rk, int timeoutMs)
    : m_timeoutMs(timeoutMs)
    , m_queue(rd_kafka_queue_new(rk))
    , m_options(rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_ANY))
{
    char errstr[256];
    rd_kafka_AdminOptions_set_request_timeout(m_options, timeoutMs, errstr, sizeof errstr);
    // Topic changes answer once the controller applied them, so the next snapshot shows them.
    rd_kafka_AdminOptions_set_operation_timeout(m_options, timeoutMs, errstr, sizeof errstr);
}

AdminCall::~AdminCall()
{
    rd_kafka_AdminOptions_destroy(m_options);
    rd_kafka_queue_destroy(m_queue);
}

Event AdminCall::wait(RemoteError *error) const
{
    Event event(rd_kafka_queue_poll(m_queue, m_timeoutMs + 2000));
    if (!event) {
        *error = {RD_KAFKA_RESP_ERR__TIMED_OUT, QStringLiteral("no answer within %1 ms").arg(m_timeoutMs + 2000)};
        return nullptr;
    }
    if (const rd_kafka_resp_err_t err = rd_kafka_event_error(event.get())) {
        *error = errorOf(err, rd_kafka_event_error_string(event.get()));
        return nullptr;
    }
    return event;
}

RemoteError runAdmin(rd_kafka_t *rk, int timeoutMs, const Send &send, const Read &read)
{
    AdminCall call(rk, timeoutMs);
    send(call.options(), call.queue());
    RemoteError error;
    const Event event = call.wait(&error);
    return event ? read(event.get()) : error;
}

} // namespace topicscope::engine::rdkafka
