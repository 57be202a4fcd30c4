#pragma once

#include "topicconfig.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace topicscope::ui {

// Asks for a new topic's name, partition count, cleanup policy (delete, compact or both) and retention. The name is
// checked against Kafka's rules as it is typed (the broker's own validateTopicName), and against the existing topics,
// including a name that differs from one only in '.' vs '_' (Kafka refuses it); Create stays disabled until it is
// valid, the reason shown in full. GUI thread.
class CreateTopicDialog : public QDialog {
    Q_OBJECT
public:
    explicit CreateTopicDialog(const QStringList &existingTopics, QWidget *parent = nullptr);

    QString topicName() const;
    int partitions() const;
    engine::TopicConfig config() const;
    bool isInputValid() const { return m_valid; }
    QString validationMessage() const;

private:
    void validate();
    QString collidingTopic(const QString &name) const; // the existing topic equal to name once '.' is '_'

    QStringList m_existing;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_partitions = nullptr;
    QComboBox *m_retention = nullptr;
    QComboBox *m_cleanup = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_valid = false;
};

} // namespace topicscope::ui
