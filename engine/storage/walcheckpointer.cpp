#include "walcheckpointer.h"

#include "storagelogging.h"

#include <QLoggingCategory>
#include <sqlite3.h>

namespace topicscope::engine {

std::unique_ptr<WalCheckpointer> WalCheckpointer::start(const QString &path, bool fsyncEachCommit, QString *why)
{
    sqlite3 *db = nullptr;
    // NOMUTEX: the connection is used by the checkpointer's thread only.
    const int rc
        = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    // The same durability as the writer's connection: NORMAL syncs the WAL before copying it and the database after.
    const char *setup = fsyncEachCommit ? "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0"
                                        : "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0";
    char *message = nullptr;
    if (rc != SQLITE_OK || sqlite3_exec(db, setup, nullptr, nullptr, &message) != SQLITE_OK) {
        if (why) {
            *why = QStringLiteral("cannot open a checkpoint connection: %1")
                       .arg(QString::fromUtf8(message ? message
                               : db                   ? sqlite3_errmsg(db)
                                                      : sqlite3_errstr(rc)));
        }
        sqlite3_free(message);
        sqlite3_close(db);
        return nullptr;
    }
    return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(db));
}

WalCheckpointer::WalCheckpointer(sqlite3 *db)
    : m_db(db)
    , m_thread([this] { run(); })
{ }

WalCheckpointer::~WalCheckpointer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_close(m_db);
}

void WalCheckpointer::request()
{
    {
        const std::lock_guard lock(m_mutex);
        m_wanted = true;
    }
    m_wake.notify_one();
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || m_wanted; });
        if (m_stop)
            break;
        m_wanted = false;
        lock.unlock();
        int walFrames = 0;
        int copied = 0;
        // PASSIVE: copies what no reader still needs, never waits for the writer and never blocks it. The writer
        // starts the WAL over at its next commit once everything was copied.
        const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcStorage).noquote() << "WAL checkpoint failed:" << sqlite3_errmsg(m_db);
        else
            ++m_checkpoints;
        lock.lock();
    }
}

} // namespace topicscope::engine
