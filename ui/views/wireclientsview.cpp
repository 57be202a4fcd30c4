#include "wireclientsview.h"

#include "elidedlabel.h"
#include "protocollaneview.h"
#include "tableview.h"
#include "wireclientsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace topicscope::ui {

WireClientsView::WireClientsView(QWidget *parent)
    : QWidget(parent)
    , m_clients(new WireClientsModel(this))
    , m_table(new TableView(this))
    , m_summary(new QLabel(this))
    , m_laneTitle(new ElidedLabel(this))
    , m_allClients(new QPushButton(tr("All Clients"), this))
    , m_lane(new ProtocolLaneView(this))
{
    setObjectName(QStringLiteral("wireClientsView"));
    m_table->setObjectName(QStringLiteral("wireClientsTable"));
    m_allClients->setObjectName(QStringLiteral("laneAllClients"));
    m_laneTitle->setObjectName(QStringLiteral("laneTitle"));
    m_table->setSourceModel(m_clients);
    m_table->sortByColumn(WireClientsModel::Address, Qt::AscendingOrder); // by connection: oldest first
    QHeaderView *header = m_table->horizontalHeader();
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(WireClientsModel::ClientId, digit * 18);
    header->resizeSection(WireClientsModel::Address, digit * 16);
    header->resizeSection(WireClientsModel::Roles, digit * 20);
    header->resizeSection(WireClientsModel::RequestRate, digit * 9);
    header->resizeSection(WireClientsModel::BytesInRate, digit * 11);
    header->resizeSection(WireClientsModel::BytesOutRate, digit * 11);
    header->resizeSection(WireClientsModel::ApiVersions, digit * 32);
    m_summary->setWordWrap(true);
    m_allClients->setToolTip(tr("Show the exchanges of every client in the lane"));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_summary);
    topLayout->addWidget(m_table, 1);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_laneTitle, 1);
    titleRow->addWidget(m_allClients);
    bottomLayout->addLayout(titleRow);
    bottomLayout->addWidget(m_lane, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("wireClientsSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &WireClientsView::showLaneOfCurrent);
    connect(m_allClients, &QPushButton::clicked, this, [this] { selectConnection(0); });
    setSnapshot({});
}

void WireClientsView::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_listenAddress = snapshot.listenAddress;
    m_clients->setSnapshot(snapshot);
    m_lane->append(snapshot.exchanges);
    m_lane->addDropped(snapshot.exchangesDropped);
    if (snapshot.listenAddress.isEmpty())
        m_summary->setText(tr("No Kafka listener: wire clients cannot connect."));
    else
        m_summary->setText(tr("%n client connection(s) on %1. Point Kafka clients at bootstrap.servers=%1; set "
                              "client.id to tell them apart.",
            nullptr, int(snapshot.wireClients.size()))
                               .arg(snapshot.listenAddress));
    showLaneOfCurrent(); // the selected client may have gone
}

quint64 WireClientsView::currentConnection() const
{
    const int row = m_table->currentSourceRow();
    return row >= 0 ? m_clients->rowAt(row).connectionId : 0;
}

void WireClientsView::selectConnection(quint64 connectionId)
{
    const int row = connectionId ? m_clients->rowOf(connectionId) : -1;
    if (row >= 0) {
        m_table->selectSourceRow(row);
    } else {
        m_table->selectionModel()->clear();
        m_table->setCurrentIndex({});
    }
    showLaneOfCurrent();
}

void WireClientsView::showLaneOfCurrent()
{
    const quint64 connection = currentConnection();
    m_lane->setConnectionId(connection);
    m_allClients->setEnabled(connection != 0);
    if (connection == 0) {
        m_laneTitle->setText(tr("Protocol lane: every client's requests and the broker's answers"));
        return;
    }
    const engine::WireClient &c = m_clients->rowAt(m_clients->rowOf(connection));
    m_laneTitle->setText(
        tr("Protocol lane of %1 (%2, connection %3)").arg(WireClientsModel::displayName(c), c.peer).arg(connection));
}

} // namespace topicscope::ui
