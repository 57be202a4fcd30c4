#pragma once

#include "group/offsetstore.h"

#include <QMap>
#include <QString>
#include <vector>

namespace topicscope::engine {

// In-memory OffsetStore for GroupCoordinator tests. Counts calls and can be told to fail, like a full disk.
class FakeOffsetStore final : public OffsetStore {
public:
    ErrorCode saveOffsets(const QString &groupId, const std::vector<CommittedOffset> &offsets, QString *why) override
    {
        ++saveCalls;
        if (failSaves) {
            if (why)
                *why = QStringLiteral("injected storage failure");
            return ErrorCode::KafkaStorageError;
        }
        for (const CommittedOffset &offset : offsets)
            stored[groupId].insert(offset.topicPartition, offset);
        return ErrorCode::None;
    }

    ErrorCode deleteGroupOffsets(const QString &groupId) override
    {
        if (failDeletes)
            return ErrorCode::KafkaStorageError;
        stored.remove(groupId);
        return ErrorCode::None;
    }

    ErrorCode deleteOffsets(const QString &groupId, const QList<TopicPartition> &partitions) override
    {
        if (failDeletes)
            return ErrorCode::KafkaStorageError;
        auto it = stored.find(groupId);
        if (it == stored.end())
            return ErrorCode::None;
        for (const TopicPartition &tp : partitions)
            it->remove(tp);
        if (it->isEmpty())
            stored.erase(it);
        return ErrorCode::None;
    }

    ErrorCode deleteTopicOffsets(const QString &topic) override
    {
        if (failDeletes)
            return ErrorCode::KafkaStorageError;
        for (auto &offsets : stored) {
            for (auto it = offsets.begin(); it != offsets.end();)
                it = it.key().topic == topic ? offsets.erase(it) : std::next(it);
        }
        return ErrorCode::None;
    }

    QMap<QString, std::vector<CommittedOffset>> loadOffsets(QString *why) const override
    {
        QMap<QString, std::vector<CommittedOffset>> all;
        if (failLoad) {
            if (why)
                *why = QStringLiteral("injected load failure");
            return all;
        }
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            std::vector<CommittedOffset> &offsets = all[it.key()];
            for (const CommittedOffset &offset : it.value())
                offsets.push_back(offset);
        }
        return all;
    }

    QMap<QString, QMap<TopicPartition, CommittedOffset>> stored;
    int saveCalls = 0;
    bool failSaves = false;
    bool failDeletes = false;
    bool failLoad = false;
};

} // namespace topicscope::engine
