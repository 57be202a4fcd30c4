#include "topicsview.h"

#include "tableview.h"
#include "topicsmodel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QVBoxLayout>

namespace topicscope::ui {

TopicsView::TopicsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new TopicsModel(this))
    , m_table(new TableView(this))
    , m_showInternal(new QCheckBox(tr("Show internal topics"), this))
{
    m_showInternal->setObjectName(QStringLiteral("showInternalTopics"));
    m_showInternal->setToolTip(tr("Also list the broker's own topics, such as __consumer_offsets where committed "
                                  "offsets and group generations are kept"));
    connect(m_showInternal, &QCheckBox::toggled, m_model, &TopicsModel::setShowInternal);
    m_table->setObjectName(QStringLiteral("topicsTable"));
    m_table->setSourceModel(m_model);
    m_table->horizontalHeader()->resizeSection(TopicsModel::Name, 220);
    m_table->setColumnHidden(TopicsModel::Replication, true); // until a snapshot says the cluster is remote
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_showInternal);
    layout->addWidget(m_table);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] { Q_EMIT currentTopicChanged(currentTopic()); });
    connect(m_table, &QTableView::doubleClicked, this, [this] { Q_EMIT topicActivated(currentTopic()); });
}

void TopicsView::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_model->setSnapshot(snapshot);
    // The embedded broker is the single replica of everything: a replication column says nothing there. A remote
    // cluster's sizes would need DescribeLogDirs, which librdkafka does not offer: no size column rather than "0
    // bytes".
    if (m_table->isColumnHidden(TopicsModel::Replication) == m_model->isRemote()) {
        m_table->setColumnHidden(TopicsModel::Replication, !m_model->isRemote());
        m_table->setColumnHidden(TopicsModel::Size, m_model->isRemote());
    }
}

QString TopicsView::currentTopic() const
{
    const int row = m_table->currentSourceRow();
    return row >= 0 ? m_model->rowAt(row).name : QString();
}

void TopicsView::selectTopic(const QString &topic)
{
    const int row = m_model->rowOf(topic);
    if (row >= 0)
        m_table->selectSourceRow(row);
}

} // namespace topicscope::ui
