#include "walcheckpointer.h"

#include <QLoggingCategory>
#include <sqlite3.h>

namespace topicscope::engine {

namespace {

Q_LOGGING_CATEGORY(lcCheckpoint, "topicscope.engine.storage")

} // namespace

WalCheckpointer::WalCheckpointer(QString path)
    : m_path(std::move(path))
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
}

void WalCheckpointer::request()
{
    {
        const std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

int WalCheckpointer::completed() const
{
    const std::lock_guard lock(m_mutex);
    return m_completed;
}

void WalCheckpointer::run()
{
    sqlite3 *db = nullptr;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_pending || m_stop; });
            if (m_stop)
                break;
            m_pending = false;
        }
        // Opened at the first checkpoint: a store that never grows its WAL that far never has a second connection.
        if (!db
            && sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
                != SQLITE_OK) {
            qCWarning(lcCheckpoint).noquote() << "cannot open" << m_path << "to checkpoint it:"
                                              << (db ? sqlite3_errmsg(db) : "out of memory");
            sqlite3_close(db);
            db = nullptr;
            continue;
        }
        int walFrames = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied);
        // BUSY: another checkpoint was running; the next request tries again. Nothing is lost either way: the WAL
        // keeps every frame until a checkpoint has copied it.
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcCheckpoint).noquote() << "checkpoint of" << m_path << "failed:" << sqlite3_errmsg(db);
        const std::lock_guard lock(m_mutex);
        ++m_completed;
    }
    sqlite3_close(db);
}

} // namespace topicscope::engine
