#pragma once

#include "brokersnapshot.h"

#include <QWidget>

class QCheckBox;

namespace topicscope::ui {

class TableView;
class TopicsModel;

// The Topics table. The actions on topics (create, delete, add partitions, retention) are the main window's
// Broker menu; this view says which topic is current. GUI thread.
class TopicsView : public QWidget {
    Q_OBJECT
public:
    explicit TopicsView(QWidget *parent = nullptr);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    QString currentTopic() const;
    void selectTopic(const QString &topic);
    TopicsModel *model() const { return m_model; }
    TableView *table() const { return m_table; }
    QCheckBox *showInternalSwitch() const { return m_showInternal; }

Q_SIGNALS:
    void currentTopicChanged(const QString &topic);
    void topicActivated(const QString &topic); // double click: browse it

private:
    TopicsModel *m_model = nullptr;
    TableView *m_table = nullptr;
    QCheckBox *m_showInternal = nullptr;
};

} // namespace topicscope::ui
