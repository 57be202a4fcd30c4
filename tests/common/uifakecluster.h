#pragma once
// A ClusterClient for UI tests that need a cluster shape the embedded broker would take minutes to build (a
// 10-million-record partition): it answers message pages with synthetic records, asynchronously like a real
// one, and counts the requests. Header-only, GUI thread.
#include "clusterclient.h"

#include <QTimer>

namespace topicscope::uitest {

class FakeCluster : public engine::ClusterClient {
public:
    using engine::ClusterClient::ClusterClient;
    int fetches = 0;
    qint64 recordsServed = 0;

    static engine::BrokerSnapshot snapshotWith(const QString &topic, QList<qint64> logEnds)
    {
        engine::BrokerSnapshot s;
        s.inMemory = true;
        engine::TopicInfo t;
        t.name = topic;
        for (int p = 0; p < logEnds.size(); ++p) {
            engine::PartitionInfo info; // by field: PartitionInfo grew replication fields a remote cluster fills
            info.partition = p;
            info.logStartOffset = 0;
            info.logEndOffset = logEnds.at(p);
            info.sizeBytes = logEnds.at(p) * 20;
            info.lastAppendTimeMs = -1;
            t.partitions.append(info);
        }
        s.topics.append(t);
        m_ends() = logEnds;
        return s;
    }

    void start() override { Q_EMIT started(true, {}); }
    QString displayName() const override { return QStringLiteral("Fake cluster"); }
    quint64 createTopic(const QString &, int, const engine::TopicConfig &) override { return nextRequestId(); }
    quint64 deleteTopic(const QString &) override { return nextRequestId(); }
    quint64 createPartitions(const QString &, int) override { return nextRequestId(); }
    quint64 alterTopicConfig(const QString &, const engine::TopicConfig &, const engine::TopicConfig &) override
    {
        return nextRequestId();
    }
    quint64 resetOffsets(const engine::OffsetResetRequest &) override { return nextRequestId(); }
    quint64 deleteRecords(const engine::TopicPartition &, qint64) override { return nextRequestId(); }
    quint64 deleteGroup(const QString &groupId) override
    {
        deletedGroups.append(groupId);
        return nextRequestId();
    }
    QStringList deletedGroups;
    quint64 lookupOffsets(const QString &, qint64) override { return nextRequestId(); }
    quint64 previewPartition(const engine::ProduceRequest &) override { return nextRequestId(); }
    quint64 previewOffsetReset(const engine::OffsetResetRequest &) override { return nextRequestId(); }
    quint64 describeSegments(const engine::TopicPartition &) override { return nextRequestId(); }
    quint64 produce(const engine::ProduceRequest &) override { return nextRequestId(); }
    void cancelProduce(quint64) override { }

    quint64 fetchMessages(const engine::MessageQuery &q) override
    {
        const quint64 id = nextRequestId();
        ++fetches;
        engine::MessagePage page;
        page.query = q;
        const qint64 end = m_ends().value(q.partition);
        page.logEndOffset = end;
        qint64 o = q.offset;
        for (; o < end && page.rows.size() < q.maxRecords; ++o) {
            engine::MessageRow r;
            r.partition = q.partition;
            r.offset = o;
            r.timestamp = 1'700'000'000'000 + o;
            r.key = QByteArray("key-") + QByteArray::number(o % 100);
            r.value = QByteArray("{\"n\":") + QByteArray::number(o) + '}';
            r.sizeBytes = int(r.key->size() + r.value->size());
            if (!q.filter.isEmpty() && !r.value->contains(q.filter.toUtf8()) && !r.key->contains(q.filter.toUtf8()))
                continue;
            page.rows.append(r);
        }
        page.nextOffset = o;
        recordsServed += page.rows.size();
        QTimer::singleShot(0, this, [this, id, page] { Q_EMIT messagesFetched(id, page); });
        return id;
    }

private:
    static QList<qint64> &m_ends()
    {
        static QList<qint64> ends;
        return ends;
    }
};

} // namespace topicscope::uitest
