#pragma once

#include <QString>
#include <cstdint>

namespace topicscope::engine {

// Kafka's error codes, with Kafka's numbers (clients/.../common/protocol/Errors.java), so a value can go on
// the wire unchanged. Errors are values in the engine: no exception crosses a module boundary.
enum class ErrorCode : int16_t {
    UnknownServerError = -1,
    None = 0,
    OffsetOutOfRange = 1,
    CorruptMessage = 2,
    UnknownTopicOrPartition = 3,
    InvalidFetchSize = 4,
    LeaderNotAvailable = 5,
    NotLeaderOrFollower = 6,
    RequestTimedOut = 7,
    MessageTooLarge = 10,
    OffsetMetadataTooLarge = 12,
    CoordinatorLoadInProgress = 14,
    CoordinatorNotAvailable = 15,
    NotCoordinator = 16,
    InvalidTopicException = 17,
    RecordListTooLarge = 18,
    InvalidRequiredAcks = 21,
    IllegalGeneration = 22,
    InconsistentGroupProtocol = 23,
    InvalidGroupId = 24,
    UnknownMemberId = 25,
    InvalidSessionTimeout = 26,
    RebalanceInProgress = 27,
    InvalidCommitOffsetSize = 28,
    UnsupportedVersion = 35,
    TopicAlreadyExists = 36,
    InvalidPartitions = 37,
    InvalidReplicationFactor = 38,
    InvalidRequest = 42,
    UnsupportedForMessageFormat = 43,
    InvalidTimestamp = 32,
    InvalidConfig = 40,
    OutOfOrderSequenceNumber = 45,
    DuplicateSequenceNumber = 46,
    InvalidProducerEpoch = 47,
    KafkaStorageError = 56,
    UnknownProducerId = 59,
    GroupIdNotFound = 69,
    NonEmptyGroup = 68,
    FetchSessionIdNotFound = 70,
    InvalidFetchSessionEpoch = 71,
    MemberIdRequired = 79,
    GroupMaxSizeReached = 81,
    FencedInstanceId = 82,
    GroupSubscribedToTopic = 86,
    InvalidRecord = 87,
    UnknownTopicId = 100,
    // Kafka 4's consumer group protocol (KIP-848).
    FencedMemberEpoch = 110,
    UnreleasedInstanceId = 111,
    UnsupportedAssignor = 112,
    StaleMemberEpoch = 113,
    InvalidRegularExpression = 128,
};

// Kafka's upper-case name of the code, e.g. "REBALANCE_IN_PROGRESS".
QString errorName(ErrorCode code);

inline constexpr int16_t toWire(ErrorCode code)
{
    return static_cast<int16_t>(code);
}

} // namespace topicscope::engine
