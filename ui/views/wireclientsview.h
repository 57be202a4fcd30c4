#pragma once

#include "brokersnapshot.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace topicscope::ui {

class ElidedLabel;
class ProtocolLaneView;
class TableView;
class WireClientsModel;

// The Kafka clients connected to the broker's listener (kafka-python, kcat, confluent-kafka, an application),
// named by client.id with their roles, rates, API versions and last error; under them the protocol lane of the
// selected client, or of all. GUI thread.
class WireClientsView : public QWidget {
    Q_OBJECT
public:
    explicit WireClientsView(QWidget *parent = nullptr);

    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // Selects the client on that connection (its lane shows); 0 or an unknown one selects none (every client's lane).
    void selectConnection(quint64 connectionId);
    quint64 currentConnection() const;

    WireClientsModel *clientsModel() const { return m_clients; }
    TableView *clientsTable() const { return m_table; }
    ProtocolLaneView *lane() const { return m_lane; }

private:
    void showLaneOfCurrent();

    WireClientsModel *m_clients;
    TableView *m_table;
    QLabel *m_summary;
    ElidedLabel *m_laneTitle;
    QPushButton *m_allClients;
    ProtocolLaneView *m_lane;
    QString m_listenAddress;
};

} // namespace topicscope::ui
