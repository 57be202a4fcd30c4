#pragma once

#include "brokersnapshot.h"
#include "clustertypes.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;
class QTimer;

namespace topicscope::engine {
class ClusterClient;
}

namespace topicscope::ui {

// Produces records: topic, key, value, headers, serializers and partitioner. Before sending it shows which
// partition the record goes to and why (the partitioner's own explanation). Sends once, or N records at a rate.
// A null key and an empty one differ in Kafka (null: the partitioner spreads records; empty: murmur2 of zero
// bytes, always one partition), so null is a check box of its own, on by default and cleared by typing a key;
// the same for a null value (a tombstone). No mnemonic: the panel sits next to the menu bar, whose Alt letters
// it must not take (Ctrl+Return sends). GUI thread.
class ProducerPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProducerPanel(engine::ClusterClient *client, QWidget *parent = nullptr);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    void setTopic(const QString &topic);
    engine::ProduceRequest request() const;
    QString previewText() const;
    QString statusText() const;
    int previewedPartition() const { return m_preview.partition; }

public Q_SLOTS:
    void send();

Q_SIGNALS:
    void produced(const engine::ProduceReport &report);

private:
    void schedulePreview();
    void updateHints();
    QString keyNote() const;

    QPointer<engine::ClusterClient> m_client;
    QComboBox *m_topic = nullptr;
    QCheckBox *m_nullKey = nullptr;
    QLineEdit *m_key = nullptr;
    QPlainTextEdit *m_value = nullptr;
    QCheckBox *m_nullValue = nullptr;
    QLabel *m_countLabel = nullptr;
    QLineEdit *m_headers = nullptr;
    QComboBox *m_keySerde = nullptr;
    QComboBox *m_valueSerde = nullptr;
    QComboBox *m_partitioner = nullptr;
    QSpinBox *m_partition = nullptr;
    QSpinBox *m_count = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QLabel *m_previewLabel = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer *m_previewDelay = nullptr;
    quint64 m_previewRequest = 0;
    quint64 m_produceRequest = 0;
    engine::PartitionPreview m_preview;
};

} // namespace topicscope::ui
