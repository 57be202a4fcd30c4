#pragma once

#include "group/classicgroup.h"
#include "group/consumergroupmanager.h"
#include "group/groupcoordinator.h"

#include <QLoggingCategory>
#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace topicscope::engine {

Q_DECLARE_LOGGING_CATEGORY(lcGroupCoordinator)

// The GroupCoordinator's state and its join/sync/rebalance machinery (Kafka's GroupCoordinator internals):
// groups by id, the timers of session, join and sync deadlines, and the outbox of parked responses.
// Private to the GroupCoordinator; engine thread only.
struct GroupCoordinator::Private {
    using State = ClassicGroup::State;
    enum class Request { Join, Sync, Heartbeat, Leave, OffsetCommit };

    // The gate: what each request gets in each state. Kafka checks member id and generation first, so callers
    // consult it after those checks (Dead excepted). None means "proceed as the state prescribes".
    static ErrorCode checkRequestAllowed(State state, Request request);
    static JoinGroupResponse joinError(const QString &memberId, ErrorCode error);
    static SyncGroupResponse syncError(ErrorCode error);
    static QString clientReason(const QString &reason);

    Private(Clock &clock, EventBus &events, OffsetStore &offsetStore,
        std::function<int(const QString &)> partitionCount, GroupCoordinatorConfig config)
        : clock(clock)
        , events(events)
        , offsetStore(offsetStore)
        , partitionCount(std::move(partitionCount))
        , config(config)
        , consumerGroups(clock, events, offsetStore, this->config, this->partitionCount)
    { }

    // Responses are delivered once the request (or timer) that produced them has finished changing state, so
    // a caller that reacts to a response by calling in again (an in-app consumer) sees a consistent group.
    class Batch {
    public:
        explicit Batch(Private &d)
            : m_d(d)
        {
            ++m_d.depth;
        }
        ~Batch()
        {
            if (--m_d.depth == 0)
                m_d.flush();
        }
        Batch(const Batch &) = delete;
        Batch &operator=(const Batch &) = delete;

    private:
        Private &m_d;
    };

    Clock &clock;
    EventBus &events;
    OffsetStore &offsetStore;
    std::function<int(const QString &)> partitionCount;
    GroupCoordinatorConfig config;
    std::function<QString()> memberIdGenerator;
    std::map<QString, std::unique_ptr<ClassicGroup>> groups;
    // Consumer-protocol groups (KIP-848). Their committed offsets are kept, like every group's, by the classic
    // entry of the same id in `groups`, which stays Empty while the consumer-protocol group exists.
    ConsumerGroupManager consumerGroups;
    std::vector<std::function<void()>> outbox;
    int depth = 0;

    void flush();
    void respond(const JoinCallback &callback, JoinGroupResponse response);
    void respond(const SyncCallback &callback, SyncGroupResponse response);

    ClassicGroup *find(const QString &groupId) const;
    ClassicGroup &create(const QString &groupId);
    void cancelTimers(ClassicGroup &group);
    // Writes the group's generation (GroupMetadata record); COORDINATOR_NOT_AVAILABLE when storage fails.
    ErrorCode storeGroup(ClassicGroup &group);
    // Marks the group Dead and forgets it (DeleteGroups, or its last offsets went with a deleted topic).
    void removeGroup(ClassicGroup &group, const QString &reason);

    QString newMemberId(const JoinGroupRequest &request);

    // --- session timeouts ---
    void scheduleExpiration(ClassicGroup &group, ClassicGroupMember &member, qint64 timeoutMs);
    void touch(ClassicGroup &group, ClassicGroupMember &member);
    void onHeartbeatExpired(const QString &groupId, const QString &memberId);
    void onPendingMemberExpired(const QString &groupId, const QString &memberId);

    void removeMemberAndUpdateGroup(ClassicGroup &group, const QString &memberId, const QString &reason);

    ErrorCode validateCurrentMember(
        ClassicGroup &group, const QString &memberId, const std::optional<QString> &groupInstanceId) const;

    // --- rebalance ---
    void maybePrepareRebalance(ClassicGroup &group, const QString &reason);
    void prepareRebalance(ClassicGroup &group, const QString &reason);
    void scheduleJoinTimer(ClassicGroup &group, qint64 delayMs);
    void onJoinTimer(const QString &groupId);
    void tryCompleteJoin(ClassicGroup &group);
    void onCompleteJoin(ClassicGroup &group, const QString &cause);
    void removePendingSync(ClassicGroup &group, const QString &memberId);
    void onSyncExpired(const QString &groupId, qint32 generationId);
    void resetAndPropagateAssignmentError(ClassicGroup &group, ErrorCode error);
    void completeSync(ClassicGroup &group, const QString &leaderId, const QMap<QString, QByteArray> &assignments);
    void publishRebalanceCompleted(ClassicGroup &group);
    // Owner of each partition in the group's current assignment (a static member by its instance id, so that its new
    // member id is not a move); empty unless the group uses the consumer protocol type. Also what a restored
    // group's next rebalance compares with.
    static QMap<TopicPartition, QString> currentOwners(
        const ClassicGroup &group, QMap<QString, QList<TopicPartition>> *assignment = nullptr);

    // --- JoinGroup ---
    bool acceptJoiningMember(const ClassicGroup &group, const QString &memberId) const;
    void joinGroup(const JoinGroupRequest &request, const JoinCallback &callback);
    void doNewMemberJoin(ClassicGroup &group, const JoinGroupRequest &request, const JoinCallback &callback);
    void doCurrentMemberJoin(ClassicGroup &group, const JoinGroupRequest &request, const JoinCallback &callback);
    JoinGroupResponse currentGenerationResponse(const ClassicGroup &group, const QString &memberId, bool withMembers);
    static qint32 rebalanceTimeoutOf(const JoinGroupRequest &request);
    void addMemberAndRebalance(
        ClassicGroup &group, const QString &memberId, const JoinGroupRequest &request, const JoinCallback &callback);
    void updateMemberAndRebalance(ClassicGroup &group, ClassicGroupMember &member, const JoinGroupRequest &request,
        const JoinCallback &callback, const QString &reason);
    void updateStaticMemberAndRebalance(ClassicGroup &group, const QString &oldMemberId, const QString &newMemberId,
        const JoinGroupRequest &request, const JoinCallback &callback);

    // --- offsets ---
    ErrorCode validateOffsetCommit(ClassicGroup &group, const OffsetCommitRequest &request) const;
    ErrorCode validateOffset(const CommittedOffset &offset) const;
    void applyOffsets(const QString &groupId, const std::vector<CommittedOffset> &offsets, const QString &memberId,
        qint32 generationId);
};

} // namespace topicscope::engine
