#pragma once

// A consumer group member for the remote cluster tests (tests/remote), made with librdkafka's high-level consumer:
// joins a group (by default "explorers" as "tst-consumer"), reads what is there, commits when asked. Header-only;
// the test's thread.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <librdkafka/rdkafka.h>
#include <utility>

namespace topicscope::remotetest {

class GroupConsumer {
public:
    // extra: more librdkafka properties (e.g. a short heartbeat.interval.ms, so a rebalance goes quickly).
    bool start(const QString &bootstrap, const QString &topic, QString *error,
        const QString &groupId = QStringLiteral("explorers"), const QString &clientId = QStringLiteral("tst-consumer"),
        const QList<std::pair<QByteArray, QByteArray>> &extra = {})
    {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        QList<std::pair<QByteArray, QByteArray>> properties {{"bootstrap.servers", bootstrap.toUtf8()},
            {"group.id", groupId.toUtf8()}, {"client.id", clientId.toUtf8()}, {"auto.offset.reset", "earliest"},
            {"enable.auto.commit", "false"}, {"log_level", "0"}};
        properties += extra;
        for (const auto &[k, v] : std::as_const(properties)) {
            if (rd_kafka_conf_set(conf, k.constData(), v.constData(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
                *error = QString::fromUtf8(errstr);
                rd_kafka_conf_destroy(conf);
                return false;
            }
        }
        m_rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        if (!m_rk) {
            *error = QString::fromUtf8(errstr);
            return false;
        }
        rd_kafka_poll_set_consumer(m_rk);
        rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, topic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
        const rd_kafka_resp_err_t err = rd_kafka_subscribe(m_rk, topics);
        rd_kafka_topic_partition_list_destroy(topics);
        return err == RD_KAFKA_RESP_ERR_NO_ERROR;
    }

    // Polls until `records` were read (or the bound), then commits synchronously.
    int consumeAndCommit(int records, int timeoutMs)
    {
        int read = 0;
        QElapsedTimer timer;
        timer.start();
        while (read < records && timer.elapsed() < timeoutMs) {
            if (rd_kafka_message_t *m = rd_kafka_consumer_poll(m_rk, 100)) {
                if (!m->err)
                    ++read;
                rd_kafka_message_destroy(m);
            }
        }
        rd_kafka_commit(m_rk, nullptr, 0);
        return read;
    }

    void keepAlive(int ms)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            pollOnce();
            QCoreApplication::processEvents();
        }
    }

    // One poll without waiting: serves the rebalance callbacks while the test's event loop waits for something else.
    void pollOnce()
    {
        if (!m_rk)
            return;
        if (rd_kafka_message_t *m = rd_kafka_consumer_poll(m_rk, 0))
            rd_kafka_message_destroy(m);
    }

    void close()
    {
        if (!m_rk)
            return;
        rd_kafka_consumer_close(m_rk);
        rd_kafka_destroy(m_rk);
        m_rk = nullptr;
    }
    ~GroupConsumer() { close(); }

private:
    rd_kafka_t *m_rk = nullptr;
};

} // namespace topicscope::remotetest
