#pragma once

#include "brokersnapshot.h"

#include <QWidget>

class QLabel;

namespace topicscope::ui {

class BrokersModel;
class TableView;

// The brokers of a remote cluster (MainWindow shows this tab only when the snapshot lists brokers): a line on the
// cluster (id, controller, connection problem) over a table of its brokers. GUI thread.
class BrokersView : public QWidget {
    Q_OBJECT
public:
    explicit BrokersView(QWidget *parent = nullptr);

    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // Selects the broker's row; an unknown id selects none.
    void selectBroker(int id);

    BrokersModel *model() const { return m_model; }
    TableView *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }

private:
    BrokersModel *m_model;
    TableView *m_table;
    QLabel *m_summary;
};

} // namespace topicscope::ui
