#include "wire/kafkaapisprivate.h"

#include "log/logmanager.h"

#include <QFileInfo>
#include <QSet>
#include <QStorageInfo>

// The APIs of KafkaApis that describe the broker itself: DescribeCluster and DescribeLogDirs.
namespace topicscope::engine {

namespace {

inline constexpr auto MismatchedEndpointType = static_cast<ErrorCode>(114);
inline constexpr auto UnsupportedEndpointType = static_cast<ErrorCode>(115);

// Kafka's AclOperation codes that apply to the cluster resource (AclEntry.supportedOperations(CLUSTER)): CREATE 5,
// ALTER 7, DESCRIBE 8, CLUSTER_ACTION 9, DESCRIBE_CONFIGS 10, ALTER_CONFIGS 11, IDEMPOTENT_WRITE 12. Without an
// authorizer Kafka reports every one of them as allowed, as a bit field.
constexpr qint32 AllClusterOperations = (1 << 5) | (1 << 7) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 12);

// The log directory DescribeLogDirs reports: the data directory, or "in-memory" for a broker that stores nothing.
struct LogDir {
    QString path;
    qint64 totalBytes = -1;
    qint64 usableBytes = -1;
};

LogDir logDirOf(const LogManager &log)
{
    LogDir dir;
    const QString dataDir = log.dataDirectory();
    if (dataDir.isEmpty()) {
        dir.path = QStringLiteral("in-memory");
        return dir;
    }
    dir.path = QFileInfo(dataDir).absoluteFilePath();
    // statvfs of the directory's volume: the whole size, and what an unprivileged writer may still use (Java's
    // FileStore.getTotalSpace / getUsableSpace, which Kafka reports).
    const QStorageInfo volume(dataDir);
    if (volume.isValid() && volume.isReady()) {
        dir.totalBytes = volume.bytesTotal();
        dir.usableBytes = volume.bytesAvailable();
    }
    return dir;
}

} // namespace

WireResponse KafkaApis::Private::handleDescribeCluster(const RequestHeader &h, WireReader &r)
{
    const auto request = decodeMessage<DescribeClusterRequestData>(r, h.apiVersion);
    if (!request)
        return {};
    DescribeClusterResponseData response;
    const bool knownType = request->endpointType == DescribeClusterRequestData::BrokerEndpoints
        || request->endpointType == DescribeClusterRequestData::ControllerEndpoints;
    if (!knownType) {
        // Kafka's AuthHelper.computeDescribeClusterResponse; v0 has no endpoint error codes yet.
        response.error = h.apiVersion == 0 ? ErrorCode::InvalidRequest : UnsupportedEndpointType;
        response.errorMessage = QStringLiteral("Unsupported endpoint type %1").arg(request->endpointType);
    } else if (request->endpointType != DescribeClusterRequestData::BrokerEndpoints) {
        // This is a broker's listener; there is no separate controller listener to describe.
        response.error = h.apiVersion == 0 ? ErrorCode::InvalidRequest : MismatchedEndpointType;
        response.errorMessage
            = QStringLiteral("The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type "
                             "CONTROLLER");
    } else {
        response.clusterId = config.clusterId;
        // The broker is its own controller and never fenced, so include_fenced_brokers lists the same one broker.
        response.controllerId = config.nodeId;
        response.brokers.append({config.nodeId, config.advertisedHost, config.advertisedPort, std::nullopt, false});
        if (request->includeClusterAuthorizedOperations)
            response.clusterAuthorizedOperations = AllClusterOperations;
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleDescribeLogDirs(const RequestHeader &h, WireReader &r)
{
    const auto request = decodeMessage<DescribeLogDirsRequestData>(r, h.apiVersion);
    if (!request)
        return {};
    // Null topics: every partition. Otherwise the partitions named; those that do not exist are left out, as Kafka
    // leaves them out (it lists the logs it has).
    std::optional<QSet<TopicPartition>> wanted;
    if (request->topics) {
        wanted.emplace();
        for (const auto &topic : *request->topics) {
            for (const qint32 partition : topic.partitions)
                wanted->insert({topic.topic, partition});
        }
    }
    const LogDir dir = logDirOf(log);
    DescribeLogDirsResponseData::Result result;
    result.logDir = dir.path;
    result.totalBytes = dir.totalBytes;
    result.usableBytes = dir.usableBytes;
    for (const QString &name : log.topicNames()) {
        const std::optional<TopicInfo> topic = log.describeTopic(name);
        if (!topic)
            continue;
        DescribeLogDirsResponseData::Topic described {name, {}};
        for (const PartitionInfo &p : topic->partitions) {
            if (wanted && !wanted->contains({name, p.partition}))
                continue;
            // One replica: the log end offset is the high watermark (lag 0), and there are no future logs
            // (AlterReplicaLogDirs is not served).
            described.partitions.append({p.partition, p.sizeBytes, 0, false});
        }
        if (!described.partitions.isEmpty())
            result.topics.append(std::move(described));
    }
    DescribeLogDirsResponseData response;
    response.results.append(std::move(result));
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

} // namespace topicscope::engine
