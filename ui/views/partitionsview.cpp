#include "partitionsview.h"

#include "clusterclient.h"
#include "partitionskewchart.h"
#include "partitionsmodel.h"
#include "segmentsmodel.h"
#include "tableview.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace topicscope::ui {

PartitionsView::PartitionsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PartitionsModel(this))
    , m_table(new TableView(this))
    , m_title(new QLabel(this))
    , m_skew(new PartitionSkewChart(this))
{
    m_table->setObjectName(QStringLiteral("partitionsTable"));
    m_table->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    // Below the table, one of two: records per partition, or the selected partition's segments.
    m_below = new QTabWidget(this);
    m_below->setObjectName(QStringLiteral("partitionsBelow"));
    m_below->setDocumentMode(true);
    m_below->addTab(m_skew, tr("Records per partition"));
    auto *segments = new QWidget(this);
    segments->setObjectName(QStringLiteral("segmentsPanel"));
    m_segmentsModel = new SegmentsModel(this);
    m_segmentsTable = new TableView(segments);
    m_segmentsTable->setObjectName(QStringLiteral("segmentsTable"));
    m_segmentsTable->setSourceModel(m_segmentsModel);
    m_segmentsTable->horizontalHeader()->setStretchLastSection(true);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_segmentsTable->horizontalHeader()->resizeSection(SegmentsModel::Base, digit * 12);
    m_segmentsTable->horizontalHeader()->resizeSection(SegmentsModel::Offsets, digit * 13);
    m_segmentsTable->horizontalHeader()->resizeSection(SegmentsModel::Size, digit * 11);
    m_segmentsTable->horizontalHeader()->resizeSection(SegmentsModel::Newest, digit * 23);
    m_segmentsSummary = new QLabel(tr("Select a partition to see its segment files."), segments);
    m_segmentsSummary->setObjectName(QStringLiteral("segmentsSummary"));
    m_segmentsSummary->setWordWrap(true);
    auto *segmentsLayout = new QVBoxLayout(segments);
    segmentsLayout->setContentsMargins(0, 4, 0, 0);
    segmentsLayout->addWidget(m_segmentsSummary);
    segmentsLayout->addWidget(m_segmentsTable, 1);
    m_below->addTab(segments, tr("Segments"));
    splitter->addWidget(m_below);
    m_skew->setMinimumHeight(240);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { requestSegments(); });
    connect(m_below, &QTabWidget::currentChanged, this, [this] { requestSegments(); });
    showReplicationColumns(false);
    setTopic({});
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        const int row = m_table->currentSourceRow();
        if (row >= 0)
            Q_EMIT partitionActivated(m_model->topic(), m_model->rowAt(row).partition);
    });
}

int PartitionsView::currentPartition() const
{
    const int row = m_table->currentSourceRow();
    return row >= 0 ? m_model->rowAt(row).partition : -1;
}

void PartitionsView::setTopic(const QString &topic)
{
    if (topic != m_model->topic()) {
        m_segmentsRequest = 0;
        m_segmentsModel->setSegments({});
        m_segmentsSummary->setText(tr("Select a partition to see its segment files."));
    }
    m_model->setTopic(topic);
    m_title->setText(topic.isEmpty()
            ? tr("Select a topic to see its partitions.")
            : tr("<b>%1</b> — double-click a partition to browse its messages").arg(topic.toHtmlEscaped()));
}

void PartitionsView::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_model->setSnapshot(snapshot);
    if (m_model->isRemote() != !m_table->isColumnHidden(PartitionsModel::Status))
        showReplicationColumns(m_model->isRemote());
    QList<qint64> records;
    for (const PartitionRow &r : m_model->rows())
        records.append(r.logEndOffset - r.logStartOffset);
    m_skew->setRecords(m_model->topic(), records);
    requestSegments(); // their sizes and fates move with the log
}

void PartitionsView::setClient(engine::ClusterClient *client)
{
    m_client = client;
    if (!client)
        return;
    connect(client, &engine::ClusterClient::segmentsDescribed, this,
        [this](quint64 id, const engine::PartitionSegments &segments) {
            if (id != m_segmentsRequest)
                return;
            m_segmentsModel->setSegments(segments);
            m_segmentsSummary->setText(SegmentsModel::summary(segments));
        });
}

void PartitionsView::showSegments()
{
    m_below->setCurrentIndex(1);
}

void PartitionsView::requestSegments()
{
    // Asked only while the Segments tab shows, for the selected partition.
    const int row = m_table->currentSourceRow();
    if (!m_client || m_below->currentIndex() != 1 || row < 0 || m_model->topic().isEmpty())
        return;
    m_segmentsRequest = m_client->describeSegments({m_model->topic(), m_model->rowAt(row).partition});
}

void PartitionsView::showReplicationColumns(bool show)
{
    // The embedded broker is the single replica of every partition: replica lists and a status say nothing there.
    for (int column : {PartitionsModel::Replicas, PartitionsModel::Isr, PartitionsModel::Status})
        m_table->setColumnHidden(column, !show);
    // Nor does a remote cluster's partition have a size here: librdkafka has no DescribeLogDirs.
    m_table->setColumnHidden(PartitionsModel::Size, show);
    if (show) {
        const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
        QHeaderView *header = m_table->horizontalHeader();
        header->resizeSection(PartitionsModel::Leader, digit * 7);
        header->resizeSection(PartitionsModel::Replicas, digit * 9);
        header->resizeSection(PartitionsModel::Isr, digit * 9);
        header->resizeSection(PartitionsModel::Status, digit * 17);
        // Status next to the partition number: at 1280x720 the table is narrower than its columns, and the status is
        // what a look at a remote cluster's partitions is for.
        header->moveSection(header->visualIndex(PartitionsModel::Status), 1);
    }
}

} // namespace topicscope::ui
