#pragma once

#include "topicinfo.h"
#include "topicpartition.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace topicscope::ui {

// Kafka's DeleteRecords for one partition of a topic: the partition (the one selected, else the first) and the offset
// its log start moves up to, between its log start and its high watermark (the default: everything). Says what Kafka
// does — the records below are no longer served, segment files wholly below go, nothing brings them back — and
// keeps Delete disabled while the offset is not in range. GUI thread.
class DeleteRecordsDialog : public QDialog {
    Q_OBJECT
public:
    DeleteRecordsDialog(const engine::TopicInfo &topic, int partition, QWidget *parent = nullptr);

    engine::TopicPartition partition() const;
    qint64 beforeOffset() const; // -1 when the text is not an offset in range
    bool isInputValid() const { return beforeOffset() >= 0; }
    QString validationMessage() const;
    void setOffsetText(const QString &text); // as typed

private:
    const engine::PartitionInfo &current() const;
    void validate();

    engine::TopicInfo m_topic;
    QComboBox *m_partition = nullptr;
    QLineEdit *m_offset = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_remove = nullptr; // enabled while the offset is in range
};

} // namespace topicscope::ui
