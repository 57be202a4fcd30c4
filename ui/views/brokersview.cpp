#include "brokersview.h"

#include "brokersmodel.h"
#include "tableview.h"

#include <QHeaderView>
#include <QLabel>
#include <QVBoxLayout>

namespace topicscope::ui {

BrokersView::BrokersView(QWidget *parent)
    : QWidget(parent)
    , m_model(new BrokersModel(this))
    , m_table(new TableView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("brokersView"));
    m_table->setObjectName(QStringLiteral("brokersTable"));
    m_summary->setObjectName(QStringLiteral("brokersSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setSourceModel(m_model);
    QHeaderView *header = m_table->horizontalHeader();
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(BrokersModel::Id, digit * 8);
    header->resizeSection(BrokersModel::Address, digit * 24);
    header->resizeSection(BrokersModel::Rack, digit * 10);
    header->resizeSection(BrokersModel::Controller, digit * 11);
    header->resizeSection(BrokersModel::Connection, digit * 15);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void BrokersView::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_model->setSnapshot(snapshot);
    int down = 0;
    for (const engine::BrokerNode &b : snapshot.brokers)
        down += BrokersModel::isDown(b.connectionState) ? 1 : 0;
    QStringList parts {tr("%n broker(s)", nullptr, int(snapshot.brokers.size()))};
    if (snapshot.controllerId >= 0)
        parts << tr("controller: broker %1").arg(snapshot.controllerId);
    if (!snapshot.clusterId.isEmpty())
        parts << tr("cluster id %1").arg(snapshot.clusterId);
    if (down > 0)
        parts << tr("%n broker(s) unreachable", nullptr, down);
    QString text = parts.join(QStringLiteral(" · ")).toHtmlEscaped();
    if (!snapshot.connectionError.isEmpty())
        text += QStringLiteral("<br>") + tr("Connection problem: %1").arg(snapshot.connectionError.toHtmlEscaped());
    m_summary->setText(text);
}

void BrokersView::selectBroker(int id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_table->selectSourceRow(row);
    } else {
        m_table->selectionModel()->clear();
        m_table->setCurrentIndex({});
    }
}

} // namespace topicscope::ui
