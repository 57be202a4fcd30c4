#pragma once

#include "scenariospec.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace topicscope::ui {

// The flow view's "Add Producer…": a scenario producer for the running sandbox or scenario — client id, topic,
// how many distinct keys, partitioner, rate, linger.ms, batch.size and serializer — returned by value for
// ScenarioControl::addProducer(). GUI thread.
class AddProducerDialog : public QDialog {
    Q_OBJECT
public:
    AddProducerDialog(const QString &suggestedId, const QStringList &topics, QWidget *parent = nullptr);

    engine::ScenarioProducer producer() const;

private:
    QLineEdit *m_id = nullptr;
    QComboBox *m_topic = nullptr;
    QComboBox *m_keys = nullptr;
    QComboBox *m_partitioner = nullptr;
    QSpinBox *m_rate = nullptr;
    QSpinBox *m_linger = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QComboBox *m_serializer = nullptr;
};

} // namespace topicscope::ui
