#pragma once

// A base for tests of the on-disk log (tst_segments, tst_indexcommit, tst_segmentremoval, tst_topiccreation): a
// LogManager opened on a ManualClock in a temporary directory, each fresh data directory a new subdirectory.
// Header-only, test thread.

#include "core/clock.h"
#include "core/events.h"
#include "log/logmanager.h"

#include <QDebug>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace topicscope::engine::logtest {

class DiskLogBase {
protected:
    ManualClock m_clock;
    EventBus m_events;
    QTemporaryDir m_dir;
    int m_next = 0;

    // Options naming a data directory no earlier call named: "<tmp>/data<n>".
    StorageOptions freshOptions()
    {
        StorageOptions options;
        options.dataDir = m_dir.filePath(QStringLiteral("data%1").arg(++m_next));
        return options;
    }

    // The log, or null with the reason logged (a test then fails on its QVERIFY).
    std::unique_ptr<LogManager> open(const StorageOptions &options)
    {
        QString error;
        auto log = LogManager::open(options, m_clock, m_events, &error);
        if (!log)
            qWarning().noquote() << error;
        return log;
    }

    // A topic config with these segment.bytes and segment.ms (default: Kafka's 7 days).
    static TopicConfig segmentsOf(qint64 bytes, qint64 ms = 7LL * 24 * 3600 * 1000)
    {
        TopicConfig config;
        config.segmentBytes = bytes;
        config.segmentMs = ms;
        return config;
    }

    std::unique_ptr<LogManager> open(const QString &dataDir)
    {
        StorageOptions options;
        options.dataDir = dataDir;
        return open(options);
    }
};

} // namespace topicscope::engine::logtest
