#pragma once

#include "format.h"
#include "runtime/brokersnapshot.h"
#include "runtime/clustertypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <optional>

namespace topicscope::engine {
class ClusterClient;
}

namespace topicscope::ui {

// The records of one partition, or of every partition of a topic (partition by partition), paged lazily from
// the cluster. Without a filter the rows are the log itself: row r is offset logStartOffset + r of its
// partition, so the row count is known from the snapshot at once and a 10-million-record partition opens
// without reading it; data() of a row not cached yet shows a placeholder and asks the cluster for its page. At
// most MaxCachedPages pages are kept (least recently used go first), so memory stays bounded however far the
// view scrolls. The log growing adds rows at the end (live tail); retention removes them at the front.
// With a filter, the cluster scans forward and the rows are the matches found so far (fetchMore scans on).
// GUI thread.
class MessageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Partition, Offset, Timestamp, Key, Value, Headers, Size, ColumnCount };
    static constexpr int PageSize = 200;
    static constexpr int MaxCachedPages = 64;
    static constexpr int MaxMatches = 20000;

    explicit MessageModel(engine::ClusterClient *client, QObject *parent = nullptr);

    // partition -1: every partition of the topic. Rows come with the next (or the given) snapshot.
    void setSource(const QString &topic, int partition, const engine::BrokerSnapshot &snapshot = {});
    QString topic() const { return m_topic; }
    int partition() const { return m_partition; }
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    void setFilter(const QString &filter);
    QString filter() const { return m_filter; }
    void setBytesFormat(BytesFormat format);
    BytesFormat bytesFormat() const { return m_format; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The record at row when it is loaded.
    std::optional<engine::MessageRow> messageAt(int row) const;
    // The row showing (partition, offset), or the nearest one; -1 when the partition is not shown.
    int rowForOffset(int partition, qint64 offset) const;
    int cachedRecords() const;
    int pendingRequests() const { return int(m_pending.size()); }
    bool isScanning() const { return m_scanRequest != 0; }

Q_SIGNALS:
    void pageLoaded(); // a requested page arrived (for views that wait for a row, and for tests)
    void errorOccurred(const QString &message);

private:
    struct Segment {
        int partition = 0;
        qint64 start = 0; // logStartOffset
        qint64 end = 0; // logEndOffset
        qint64 rows() const { return end - start; }
    };
    struct Page {
        qint64 firstOffset = 0;
        QList<engine::MessageRow> rows;
        quint64 lastUsed = 0;
    };
    using PageKey = QPair<int, qint64>; // partition, page index

    QList<Segment> segmentsOf(const engine::BrokerSnapshot &snapshot) const;
    void applySegments(const QList<Segment> &next);
    // segment index and offset of a row in log mode
    std::pair<int, qint64> locate(int row) const;
    const engine::MessageRow *lookup(int partition, qint64 offset) const;
    void request(const PageKey &key) const;
    void onPage(quint64 requestId, const engine::MessagePage &page);
    void onScanPage(const engine::MessagePage &page);
    void scanNext();
    void evict();
    bool filtering() const { return !m_filter.isEmpty(); }
    int logRowCount() const;
    QVariant cell(const engine::MessageRow &row, int column, int role) const;

    QPointer<engine::ClusterClient> m_client;
    QString m_topic;
    int m_partition = -1;
    QString m_filter;
    BytesFormat m_format = BytesFormat::Text;
    QList<Segment> m_segments;
    // Mutable: data() is const but loads pages on demand.
    mutable QHash<PageKey, Page> m_pages;
    mutable QHash<quint64, PageKey> m_pending; // request id -> page
    mutable QSet<PageKey> m_pendingKeys;
    mutable quint64 m_useCounter = 0;
    // Filter mode.
    QList<engine::MessageRow> m_matches;
    int m_scanSegment = 0;
    qint64 m_scanOffset = 0;
    quint64 m_scanRequest = 0;
};

} // namespace topicscope::ui
