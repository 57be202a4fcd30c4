#include "partitionsview.h"

#include "partitionskewchart.h"
#include "partitionsmodel.h"
#include "tableview.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
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
    splitter->addWidget(m_skew);
    m_skew->setMinimumHeight(240);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);
    showReplicationColumns(false);
    setTopic({});
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        const int row = m_table->currentSourceRow();
        if (row >= 0)
            Q_EMIT partitionActivated(m_model->topic(), m_model->rowAt(row).partition);
    });
}

void PartitionsView::setTopic(const QString &topic)
{
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
}

void PartitionsView::showReplicationColumns(bool show)
{
    // The embedded broker is the single replica of every partition: replica lists and a status say nothing there.
    for (int column : {PartitionsModel::Replicas, PartitionsModel::Isr, PartitionsModel::Status})
        m_table->setColumnHidden(column, !show);
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
