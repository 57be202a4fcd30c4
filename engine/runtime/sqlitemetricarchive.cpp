#include "runtime/sqlitemetricarchive.h"

#include "runtime/workerchannel.h"
#include "storage/metricstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QThread>
#include <map>

Q_LOGGING_CATEGORY(lcMetricArchive, "topicscope.engine.storage.metrics")

namespace topicscope::engine {

// The worker-thread half of SqliteMetricArchive: the open files by cluster, and why a cluster has none.
class MetricStores {
public:
    using Report = std::function<void(const QString &clusterKey, const QString &message)>;

    MetricStores(SqliteMetricArchive::Options options, Report report)
        : m_options(std::move(options))
        , m_report(std::move(report))
    {
        if (!m_options.nowMs)
            m_options.nowMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
    }

    void append(const QString &clusterKey, const QList<MetricSample> &samples)
    {
        MetricStore *store = storeFor(clusterKey);
        if (!store)
            return;
        if (m_options.beforeWrite)
            m_options.beforeWrite();
        QString why;
        if (!store->append(samples, &why)) {
            fail(clusterKey, QStringLiteral("cannot write the history file %1: %2").arg(store->path(), why));
            return;
        }
        if (++m_appendsSincePrune[clusterKey] >= m_options.pruneEveryAppends)
            prune(clusterKey, *store);
    }

    MetricQueryResult read(const MetricQuery &query)
    {
        MetricQueryResult result;
        result.query = query;
        result.location = pathFor(query.clusterKey);
        MetricStore *store = storeFor(query.clusterKey);
        QString why;
        if (!store)
            result.error = m_failures.value(query.clusterKey);
        else if (!store->read(query, result, &why))
            result.error = QStringLiteral("cannot read the history file %1: %2").arg(store->path(), why);
        return result;
    }

private:
    QString pathFor(const QString &clusterKey) const
    {
        return QDir(m_options.directory).filePath(SqliteMetricArchive::fileNameFor(clusterKey));
    }

    MetricStore *storeFor(const QString &clusterKey)
    {
        if (const auto it = m_stores.find(clusterKey); it != m_stores.end())
            return it->second.get();
        if (m_failures.contains(clusterKey))
            return nullptr;
        if (clusterKey.isEmpty()) {
            fail(clusterKey, QStringLiteral("no cluster id to name the history file after"));
            return nullptr;
        }
        // Chart history says what runs on a cluster, for the user only, like the data directory.
        if (!QDir().mkpath(m_options.directory)
            || !QFile::setPermissions(m_options.directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
            fail(clusterKey, QStringLiteral("cannot create the history directory %1").arg(m_options.directory));
            return nullptr;
        }
        QString why;
        std::unique_ptr<MetricStore> store = MetricStore::open(pathFor(clusterKey), &why);
        if (!store) {
            fail(clusterKey, why);
            return nullptr;
        }
        MetricStore *opened = store.get();
        m_stores.emplace(clusterKey, std::move(store));
        prune(clusterKey, *opened);
        return opened;
    }

    void prune(const QString &clusterKey, MetricStore &store)
    {
        m_appendsSincePrune[clusterKey] = 0;
        QString why;
        if (store.prune(m_options.nowMs() - m_options.retentionMs, m_options.maxRowsPerCluster, &why) < 0)
            qCWarning(lcMetricArchive).noquote() << "cannot prune" << store.path() << why;
    }

    void fail(const QString &clusterKey, const QString &message)
    {
        qCWarning(lcMetricArchive).noquote() << message;
        m_stores.erase(clusterKey); // a file that failed a write is not written again in this run
        if (m_failures.value(clusterKey) == message)
            return;
        m_failures.insert(clusterKey, message);
        m_report(clusterKey, message);
    }

    SqliteMetricArchive::Options m_options;
    Report m_report;
    std::map<QString, std::unique_ptr<MetricStore>> m_stores;
    QHash<QString, QString> m_failures; // cluster -> why it has no history file in this run
    QHash<QString, int> m_appendsSincePrune;
};

SqliteMetricArchive::SqliteMetricArchive(Options options, QObject *parent)
    : MetricArchive(parent)
    , m_directory(options.directory)
    , m_retentionMs(options.retentionMs)
    , m_thread(new QThread(this))
    , m_mailbox(new QObject)
{
    qRegisterMetaType<MetricQueryResult>();
    m_stores = new MetricStores(std::move(options), [this](const QString &clusterKey, const QString &message) {
        WorkerChannel<MetricStores>::deliverTo(
            this, [this, clusterKey, message] { Q_EMIT archiveFailed(clusterKey, message); });
    });
    MetricStores *stores = m_stores;
    m_worker = std::make_unique<WorkerChannel<MetricStores>>(m_mailbox, this, [stores] { return stores; });
    m_thread->setObjectName(QStringLiteral("topicscope-history"));
    m_mailbox->moveToThread(m_thread);
    m_thread->start();
}

SqliteMetricArchive::~SqliteMetricArchive()
{
    // Queued after every append already posted: they are written before the thread stops.
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(
        m_mailbox, [thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_mailbox;
    delete m_stores; // closes the files
}

void SqliteMetricArchive::append(const QString &clusterKey, const QList<MetricSample> &samples)
{
    if (samples.isEmpty())
        return;
    m_worker->post([clusterKey, samples](MetricStores &stores) { stores.append(clusterKey, samples); });
}

quint64 SqliteMetricArchive::query(const MetricQuery &query)
{
    const quint64 id = nextRequestId();
    m_worker->request<MetricQueryResult>([query](MetricStores &stores) { return stores.read(query); },
        [this, id](const MetricQueryResult &result) { Q_EMIT queryAnswered(id, result); });
    return id;
}

QString SqliteMetricArchive::fileNameFor(const QString &clusterKey)
{
    constexpr int MaxKept = 64;
    QString name;
    bool changed = clusterKey.size() > MaxKept || clusterKey.isEmpty();
    for (const QChar c : clusterKey.left(MaxKept)) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || c == QLatin1Char('_') || c == QLatin1Char('-');
        name += safe ? c : QLatin1Char('_');
        changed = changed || !safe;
    }
    if (changed) {
        const QByteArray hash = QCryptographicHash::hash(clusterKey.toUtf8(), QCryptographicHash::Sha256).toHex();
        name += QLatin1Char('-') + QString::fromLatin1(hash.left(16));
    }
    return name + QStringLiteral(".sqlite");
}

} // namespace topicscope::engine
