#pragma once

#include "scenariospec.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace topicscope::ui {

// The flow view's "Add Consumer…": a scenario consumer for the running sandbox or scenario — client id, group
// (an existing one or a new name), topic, group.protocol (classic, or Kafka 4's consumer protocol with a server-side
// assignor), assignor, commit mode, auto.offset.reset, processing time per record,
// auto.commit.interval.ms and max.poll.records — returned by value for ScenarioControl::addConsumer(). GUI thread.
class AddConsumerDialog : public QDialog {
    Q_OBJECT
public:
    AddConsumerDialog(
        const QString &suggestedId, const QStringList &groups, const QStringList &topics, QWidget *parent = nullptr);

    engine::ScenarioConsumer consumer() const;

private:
    QLineEdit *m_id = nullptr;
    QComboBox *m_group = nullptr;
    QComboBox *m_topic = nullptr;
    QComboBox *m_protocol = nullptr;
    QComboBox *m_assignor = nullptr;
    QComboBox *m_commit = nullptr;
    QComboBox *m_reset = nullptr;
    QSpinBox *m_processing = nullptr;
    QSpinBox *m_interval = nullptr;
    QSpinBox *m_maxPoll = nullptr;
};

} // namespace topicscope::ui
