#include "errorcode.h"

namespace topicscope::engine {

QString errorName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::UnknownServerError:
        return QStringLiteral("UNKNOWN_SERVER_ERROR");
    case ErrorCode::None:
        return QStringLiteral("NONE");
    case ErrorCode::OffsetOutOfRange:
        return QStringLiteral("OFFSET_OUT_OF_RANGE");
    case ErrorCode::CorruptMessage:
        return QStringLiteral("CORRUPT_MESSAGE");
    case ErrorCode::UnknownTopicOrPartition:
        return QStringLiteral("UNKNOWN_TOPIC_OR_PARTITION");
    case ErrorCode::InvalidFetchSize:
        return QStringLiteral("INVALID_FETCH_SIZE");
    case ErrorCode::LeaderNotAvailable:
        return QStringLiteral("LEADER_NOT_AVAILABLE");
    case ErrorCode::NotLeaderOrFollower:
        return QStringLiteral("NOT_LEADER_OR_FOLLOWER");
    case ErrorCode::RequestTimedOut:
        return QStringLiteral("REQUEST_TIMED_OUT");
    case ErrorCode::MessageTooLarge:
        return QStringLiteral("MESSAGE_TOO_LARGE");
    case ErrorCode::OffsetMetadataTooLarge:
        return QStringLiteral("OFFSET_METADATA_TOO_LARGE");
    case ErrorCode::CoordinatorLoadInProgress:
        return QStringLiteral("COORDINATOR_LOAD_IN_PROGRESS");
    case ErrorCode::CoordinatorNotAvailable:
        return QStringLiteral("COORDINATOR_NOT_AVAILABLE");
    case ErrorCode::NotCoordinator:
        return QStringLiteral("NOT_COORDINATOR");
    case ErrorCode::InvalidTopicException:
        return QStringLiteral("INVALID_TOPIC_EXCEPTION");
    case ErrorCode::RecordListTooLarge:
        return QStringLiteral("RECORD_LIST_TOO_LARGE");
    case ErrorCode::InvalidRequiredAcks:
        return QStringLiteral("INVALID_REQUIRED_ACKS");
    case ErrorCode::IllegalGeneration:
        return QStringLiteral("ILLEGAL_GENERATION");
    case ErrorCode::InconsistentGroupProtocol:
        return QStringLiteral("INCONSISTENT_GROUP_PROTOCOL");
    case ErrorCode::InvalidGroupId:
        return QStringLiteral("INVALID_GROUP_ID");
    case ErrorCode::UnknownMemberId:
        return QStringLiteral("UNKNOWN_MEMBER_ID");
    case ErrorCode::InvalidSessionTimeout:
        return QStringLiteral("INVALID_SESSION_TIMEOUT");
    case ErrorCode::RebalanceInProgress:
        return QStringLiteral("REBALANCE_IN_PROGRESS");
    case ErrorCode::InvalidCommitOffsetSize:
        return QStringLiteral("INVALID_COMMIT_OFFSET_SIZE");
    case ErrorCode::UnsupportedVersion:
        return QStringLiteral("UNSUPPORTED_VERSION");
    case ErrorCode::TopicAlreadyExists:
        return QStringLiteral("TOPIC_ALREADY_EXISTS");
    case ErrorCode::InvalidPartitions:
        return QStringLiteral("INVALID_PARTITIONS");
    case ErrorCode::InvalidReplicationFactor:
        return QStringLiteral("INVALID_REPLICATION_FACTOR");
    case ErrorCode::InvalidRequest:
        return QStringLiteral("INVALID_REQUEST");
    case ErrorCode::UnsupportedForMessageFormat:
        return QStringLiteral("UNSUPPORTED_FOR_MESSAGE_FORMAT");
    case ErrorCode::InvalidTimestamp:
        return QStringLiteral("INVALID_TIMESTAMP");
    case ErrorCode::InvalidConfig:
        return QStringLiteral("INVALID_CONFIG");
    case ErrorCode::OutOfOrderSequenceNumber:
        return QStringLiteral("OUT_OF_ORDER_SEQUENCE_NUMBER");
    case ErrorCode::DuplicateSequenceNumber:
        return QStringLiteral("DUPLICATE_SEQUENCE_NUMBER");
    case ErrorCode::InvalidProducerEpoch:
        return QStringLiteral("INVALID_PRODUCER_EPOCH");
    case ErrorCode::UnknownProducerId:
        return QStringLiteral("UNKNOWN_PRODUCER_ID");
    case ErrorCode::KafkaStorageError:
        return QStringLiteral("KAFKA_STORAGE_ERROR");
    case ErrorCode::GroupIdNotFound:
        return QStringLiteral("GROUP_ID_NOT_FOUND");
    case ErrorCode::NonEmptyGroup:
        return QStringLiteral("NON_EMPTY_GROUP");
    case ErrorCode::FetchSessionIdNotFound:
        return QStringLiteral("FETCH_SESSION_ID_NOT_FOUND");
    case ErrorCode::InvalidFetchSessionEpoch:
        return QStringLiteral("INVALID_FETCH_SESSION_EPOCH");
    case ErrorCode::MemberIdRequired:
        return QStringLiteral("MEMBER_ID_REQUIRED");
    case ErrorCode::GroupMaxSizeReached:
        return QStringLiteral("GROUP_MAX_SIZE_REACHED");
    case ErrorCode::FencedInstanceId:
        return QStringLiteral("FENCED_INSTANCE_ID");
    case ErrorCode::GroupSubscribedToTopic:
        return QStringLiteral("GROUP_SUBSCRIBED_TO_TOPIC");
    case ErrorCode::InvalidRecord:
        return QStringLiteral("INVALID_RECORD");
    case ErrorCode::UnknownTopicId:
        return QStringLiteral("UNKNOWN_TOPIC_ID");
    }
    return QStringLiteral("UNKNOWN_ERROR_%1").arg(static_cast<int>(code));
}

} // namespace topicscope::engine
