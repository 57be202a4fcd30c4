#include "offsetstopicreader.h"

#include "group/generationhistory.h"
#include "remote/rdkafkaclient.h"

#include <QElapsedTimer>

namespace topicscope::engine {

namespace {

bool isRefusal(rd_kafka_resp_err_t err)
{
    return err == RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED || err == RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED
        || err == RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED || err == RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC
        || err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART;
}

} // namespace

OffsetsTopicReader::OffsetsTopicReader(QString topic)
    : m_topic(std::move(topic))
{ }

OffsetsTopicReader::~OffsetsTopicReader()
{
    stop();
}

void OffsetsTopicReader::fail(int code, const QString &error)
{
    m_access = isRefusal(static_cast<rd_kafka_resp_err_t>(code)) ? Access::Refused : Access::Failed;
    m_error = error;
}

void OffsetsTopicReader::stop()
{
    if (m_rkt) {
        for (int p = 0; p < m_partitions; ++p)
            rd_kafka_consume_stop(m_rkt, p);
        rd_kafka_topic_destroy(m_rkt);
        m_rkt = nullptr;
    }
    if (m_queue) {
        rd_kafka_queue_destroy(m_queue);
        m_queue = nullptr;
    }
    if (m_rk) {
        rd_kafka_destroy(m_rk);
        m_rk = nullptr;
    }
    m_partitions = 0;
}

bool OffsetsTopicReader::start(RdKafkaClient &client, int partitions)
{
    const QString byUs = QStringLiteral("topicscope's default");
    QString error;
    m_rk = client.newConsumer(
        {{QStringLiteral("queued.max.messages.kbytes"), QString::number(QueuedKBytesPerPartition), byUs},
            {QStringLiteral("client.id"), QStringLiteral("topicscope-history"), byUs}},
        &error);
    if (!m_rk) {
        fail(0, error);
        return false;
    }
    const QByteArray topic = m_topic.toUtf8();
    // Where to start: two ListOffsets requests for every partition at once.
    QList<TopicPartition> all;
    for (int p = 0; p < partitions; ++p)
        all.append({m_topic, p});
    QHash<TopicPartition, qint64> low;
    QHash<TopicPartition, qint64> high;
    for (const RemoteError &e : {client.offsetsAt(all, -2, &low), client.offsetsAt(all, -1, &high)}) {
        if (!e.ok()) {
            fail(e.code, e.message);
            stop();
            return false;
        }
    }
    m_rkt = rd_kafka_topic_new(m_rk, topic.constData(), nullptr);
    m_queue = rd_kafka_queue_new(m_rk);
    for (int p = 0; p < partitions; ++p) {
        const TopicPartition tp {m_topic, p};
        const qint64 end = high.value(tp, 0);
        const qint64 from = std::max<qint64>(low.value(tp, 0), end - MaxRecordsPerPartition);
        if (rd_kafka_consume_start_queue(m_rkt, p, from, m_queue) == -1) {
            const rd_kafka_resp_err_t err = rd_kafka_last_error();
            fail(err, QString::fromUtf8(rd_kafka_err2str(err)));
            m_partitions = p;
            stop();
            return false;
        }
        m_partitions = p + 1;
    }
    return true;
}

void OffsetsTopicReader::read(
    RdKafkaClient &client, const QList<TopicInfo> &topics, GenerationHistory *history, int budgetMs)
{
    if (!m_queue) {
        int partitions = -1;
        for (const TopicInfo &t : topics) {
            if (t.name == m_topic)
                partitions = static_cast<int>(t.partitions.size());
        }
        if (partitions <= 0) {
            m_access = Access::NotListed;
            m_error.clear();
            return;
        }
        m_access = Access::Reading;
        m_error.clear();
        if (!start(client, partitions))
            return;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < budgetMs) {
        rd_kafka_message_t *m = rd_kafka_consume_queue(m_queue, 10);
        if (!m)
            break; // nothing more for now
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            rd_kafka_message_destroy(m);
            continue;
        }
        if (m->err) {
            if (isRefusal(m->err))
                fail(m->err, QString::fromUtf8(rd_kafka_message_errstr(m)));
            rd_kafka_message_destroy(m);
            continue;
        }
        m_access = Access::Reading;
        m_error.clear();
        rd_kafka_timestamp_type_t type;
        const qint64 timestamp = rd_kafka_message_timestamp(m, &type);
        const QByteArrayView key(static_cast<const char *>(m->key), static_cast<qsizetype>(m->key ? m->key_len : 0));
        std::optional<QByteArray> value;
        if (m->payload)
            value = QByteArray(static_cast<const char *>(m->payload), static_cast<qsizetype>(m->len));
        history->addOffsetsRecord(key, value, timestamp);
        rd_kafka_message_destroy(m);
    }
}

} // namespace topicscope::engine
