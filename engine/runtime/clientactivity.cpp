#include "clientactivity.h"

#include "wire/apikeys.h"

#include <QSet>
#include <algorithm>

namespace topicscope::engine {

namespace {

using wire::ApiKey;

constexpr qint16 key(ApiKey k)
{
    return static_cast<qint16>(k);
}

// What Kafka's AdminClient sends and ordinary producers and consumers never do. By number: one of them (47
// OffsetDelete) the broker does not serve, but a client asking for it is still an admin client.
bool isAdminApi(qint16 apiKey)
{
    switch (apiKey) {
    case key(ApiKey::DescribeGroups):
    case key(ApiKey::ListGroups):
    case key(ApiKey::CreateTopics):
    case key(ApiKey::DeleteTopics):
    case key(ApiKey::DeleteRecords):
    case key(ApiKey::DescribeConfigs):
    case key(ApiKey::AlterConfigs):
    case key(ApiKey::CreatePartitions):
    case key(ApiKey::DeleteGroups):
    case key(ApiKey::DescribeLogDirs):
    case key(ApiKey::IncrementalAlterConfigs):
    case 47:
    case key(ApiKey::DescribeCluster):
    case key(ApiKey::ConsumerGroupDescribe):
        return true;
    default:
        return false;
    }
}

} // namespace

ClientActivity::ClientActivity(int maxQueuedExchanges)
    : m_ring(static_cast<size_t>(std::max(1, maxQueuedExchanges)))
{ }

void ClientActivity::noteRoles(WireClient &client, const WireExchange &e)
{
    switch (e.apiKey) {
    case key(ApiKey::Produce):
        client.produces = true;
        return;
    case key(ApiKey::Fetch):
        client.fetches = true;
        return;
    case key(ApiKey::JoinGroup):
    case key(ApiKey::SyncGroup):
    case key(ApiKey::Heartbeat):
        // A member from the answer that gives it a place in the generation (REBALANCE_IN_PROGRESS is news for a
        // member, not a refusal); UNKNOWN_MEMBER_ID says it is no longer one. MEMBER_ID_REQUIRED hands out an id
        // the client has yet to join with.
        if ((e.error == ErrorCode::None || e.error == ErrorCode::RebalanceInProgress) && !e.memberId.isEmpty()) {
            client.groupId = e.group;
            client.memberId = e.memberId;
            if (e.generation >= 0)
                client.generation = e.generation;
        } else if (e.error == ErrorCode::UnknownMemberId && e.group == client.groupId) {
            client.groupId.clear();
            client.memberId.clear();
            client.generation = -1;
        }
        return;
    case key(ApiKey::ConsumerGroupHeartbeat):
        // Kafka 4's consumer protocol: the answer's epoch says it all (-1 and -2: the member left).
        if (e.error == ErrorCode::None && e.generation >= 0 && !e.memberId.isEmpty()) {
            client.groupId = e.group;
            client.memberId = e.memberId;
            client.generation = e.generation;
        } else if ((e.error == ErrorCode::None || e.error == ErrorCode::UnknownMemberId) && e.group == client.groupId) {
            client.groupId.clear();
            client.memberId.clear();
            client.generation = -1;
        }
        return;
    case key(ApiKey::LeaveGroup):
        if (e.error == ErrorCode::None && e.group == client.groupId) {
            client.groupId.clear();
            client.memberId.clear();
            client.generation = -1;
        }
        return;
    default:
        if (isAdminApi(e.apiKey))
            client.admin = true;
        return;
    }
}

void ClientActivity::record(const WireExchange &e)
{
    auto it = m_connections.find(e.connectionId);
    if (it == m_connections.end()) {
        it = m_connections.insert(e.connectionId, Connection {});
        it->client.connectionId = e.connectionId;
        it->client.connectedSinceMs = e.receivedMs;
    }
    Connection &c = *it;
    WireClient &client = c.client;
    if (!e.peer.isEmpty())
        client.peer = e.peer;
    if (!e.clientId.isEmpty())
        client.clientId = e.clientId;
    client.lastRequestMs = e.receivedMs;
    ++client.requests;
    client.bytesIn += e.requestBytes;
    client.bytesOut += e.responseBytes;
    noteRoles(client, e);
    if (e.apiKey >= 0) {
        auto version = c.versions.find(e.apiKey);
        if (version == c.versions.end())
            c.versions.insert(e.apiKey, WireApiVersion {e.apiKey, e.api, e.apiVersion});
        else
            version->version = e.apiVersion;
    }
    if (e.error != ErrorCode::None) {
        client.lastErrorApi = e.api;
        client.lastError = e.error;
        client.lastErrorMs = e.answeredMs;
    }
    const qint64 index = e.answeredMs / BucketMs;
    Bucket &b = c.buckets[static_cast<size_t>(index % WindowBuckets)];
    if (b.index != index)
        b = Bucket {index, 0, 0, 0};
    ++b.requests;
    b.bytesIn += e.requestBytes;
    b.bytesOut += e.responseBytes;

    // The lane's queue keeps the newest: a full ring overwrites its oldest entry.
    const auto capacity = static_cast<qsizetype>(m_ring.size());
    if (m_queued < capacity) {
        m_ring[static_cast<size_t>((m_head + m_queued) % capacity)] = e;
        ++m_queued;
    } else {
        m_ring[static_cast<size_t>(m_head)] = e;
        m_head = (m_head + 1) % capacity;
        ++m_dropped;
    }
}

QList<WireClient> ClientActivity::describe(const QList<std::pair<quint64, QString>> &open, qint64 nowMs)
{
    const qint64 current = nowMs / BucketMs;
    const double windowSeconds = double(BucketMs * WindowBuckets) / 1000.0;
    QSet<quint64> openIds;
    QList<WireClient> clients;
    clients.reserve(open.size());
    for (const auto &[id, peer] : open) {
        openIds.insert(id);
        auto it = m_connections.find(id);
        if (it == m_connections.end()) { // connected, not a single answer yet
            it = m_connections.insert(id, Connection {});
            it->client.connectionId = id;
            it->client.connectedSinceMs = nowMs;
        }
        WireClient client = it->client;
        client.peer = peer;
        qint64 requests = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        for (const Bucket &b : it->buckets) {
            if (b.index > current - WindowBuckets && b.index <= current) {
                requests += b.requests;
                bytesIn += b.bytesIn;
                bytesOut += b.bytesOut;
            }
        }
        client.requestsPerSecond = double(requests) / windowSeconds;
        client.bytesInPerSecond = double(bytesIn) / windowSeconds;
        client.bytesOutPerSecond = double(bytesOut) / windowSeconds;
        client.apiVersions = it->versions.values();
        clients.append(std::move(client));
    }
    // Closed connections go; so does an answer that came after its connection closed (a parked JoinGroup).
    m_connections.removeIf([&openIds](const auto &entry) { return !openIds.contains(entry.key()); });
    return clients;
}

bool ClientActivity::hasRecentTraffic(qint64 nowMs) const
{
    const qint64 current = nowMs / BucketMs;
    for (const Connection &c : m_connections) {
        for (const Bucket &b : c.buckets) {
            if (b.index > current - WindowBuckets && b.index <= current && b.requests > 0)
                return true;
        }
    }
    return false;
}

QList<WireExchange> ClientActivity::takeExchanges(qint64 *dropped)
{
    QList<WireExchange> out;
    out.reserve(m_queued);
    const auto capacity = static_cast<qsizetype>(m_ring.size());
    for (qsizetype i = 0; i < m_queued; ++i)
        out.append(std::move(m_ring[static_cast<size_t>((m_head + i) % capacity)]));
    m_head = 0;
    m_queued = 0;
    if (dropped)
        *dropped = m_dropped;
    m_dropped = 0;
    return out;
}

} // namespace topicscope::engine
