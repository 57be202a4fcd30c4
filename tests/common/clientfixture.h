#pragma once

// Test support for the in-app clients (tst_consumer*.cpp): the core's real Broker (in memory) on
// a ManualClock, a producer appending through it, and a loop that polls consumers while time passes, as an
// application's poll loop would.

#include "broker/broker.h"
#include "client/consumer.h"
#include "client/producer.h"
#include "core/clock.h"
#include "group/groupcoordinator.h"
#include "log/logmanager.h"

#include <QTest>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace topicscope::engine::clienttest {

// The core's Broker in memory on a ManualClock, with an in-app producer appending through it.
struct ClientFixture {
    ManualClock clock;
    std::unique_ptr<Broker> broker;
    LogManager *log = nullptr; // the broker's
    GroupCoordinator *coordinator = nullptr; // the broker's
    std::unique_ptr<Producer> producer;
    int nextMemberId = 0;
    QString openError;

    ClientFixture()
    {
        BrokerOptions options;
        options.storage.inMemory = true;
        options.groups.initialRebalanceDelayMs = 0;
        options.retentionCheckIntervalMs = 0;
        // Predictable member ids ("<client id>-<n>") so that range assignments are predictable.
        options.memberIdGenerator = [this] { return QString::number(++nextMemberId); };
        broker = Broker::open(std::move(options), clock, &openError);
        if (!broker)
            return;
        log = &broker->log();
        coordinator = &broker->groups();
        ProducerConfig producerConfig;
        producer = std::make_unique<Producer>(
            producerConfig, clock, [this](const QString &topic) { return log->partitionCount(topic); },
            [this](const std::vector<AppendRequest> &requests) { return broker->append(requests); },
            Partitioner::seededRandom(1));
    }
    ~ClientFixture() { producer.reset(); }

    bool ok() const { return log && coordinator; }

    // Appends values "<prefix><i>" to one partition, one batch per record, so that DeleteRecords can cut
    // between any two records.
    void produce(const QString &topic, int partition, int count, const QString &prefix = QStringLiteral("v"))
    {
        for (int i = 0; i < count; ++i) {
            producer->send(
                topic, QVariant(QStringLiteral("k%1").arg(i)), QVariant(prefix + QString::number(i)), {}, partition);
            producer->flush();
        }
    }

    static ConsumerConfig consumerConfig(const QString &clientId, const std::optional<QString> &groupId,
        OffsetResetPolicy reset = OffsetResetPolicy::Earliest)
    {
        ConsumerConfig c;
        c.clientId = clientId;
        c.groupId = groupId;
        c.autoOffsetReset = reset;
        c.sessionTimeoutMs = 10000;
        return c;
    }

    std::unique_ptr<Consumer> consumer(const ConsumerConfig &config)
    {
        return std::make_unique<Consumer>(config, clock, *log, coordinator);
    }

    // Polls every live consumer, then advances the clock by stepMs, until totalMs have passed or until() holds.
    // Records go to onRecords. Returns whether until() held (true when no condition was given).
    bool run(qint64 totalMs, const std::vector<Consumer *> &consumers,
        const std::function<void(Consumer *, const PollResult &)> &onRecords = {},
        const std::function<bool()> &until = {}, qint64 stepMs = 100)
    {
        for (qint64 elapsed = 0; elapsed <= totalMs; elapsed += stepMs) {
            for (Consumer *c : consumers) {
                if (c->state() == Consumer::MemberState::Closed || c->state() == Consumer::MemberState::Crashed)
                    continue;
                const PollResult r = c->poll();
                if (onRecords)
                    onRecords(c, r);
            }
            if (until && until())
                return true;
            clock.advance(stepMs);
        }
        return !until;
    }

    static QString assignmentText(const Consumer &c)
    {
        QList<TopicPartition> list = c.assignment();
        std::sort(list.begin(), list.end());
        QStringList parts;
        for (const TopicPartition &tp : list)
            parts << QString::number(tp.partition);
        return c.config().clientId + QStringLiteral("=[") + parts.join(QLatin1Char(',')) + QLatin1Char(']');
    }
};

} // namespace topicscope::engine::clienttest
