#pragma once

#include "runtime/brokersnapshot.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableView;

namespace topicscope::engine {
class ClusterClient;
}

namespace topicscope::ui {

class MessageModel;

// Browses the records of a topic (one or all partitions): start at earliest / latest / an offset / a
// timestamp, show keys and values as text, pretty JSON or hex, filter by a substring of key or value, follow
// new records (live tail). Reads lazily through MessageModel. GUI thread.
class MessageBrowser : public QWidget {
    Q_OBJECT
public:
    enum class Start { Earliest, Latest, Offset, Timestamp };

    explicit MessageBrowser(engine::ClusterClient *client, QWidget *parent = nullptr);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // partition -1: all partitions.
    void browse(const QString &topic, int partition);
    void setStart(Start start, qint64 value = 0);
    void focusFilter();
    // Live tail: follow new records at the end as they arrive.
    void setLiveTail(bool on);
    bool isLiveTail() const;
    MessageModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

private:
    void reload();
    void go();
    void updateDetail();
    void updateStatus();

    QPointer<engine::ClusterClient> m_client;
    engine::BrokerSnapshot m_snapshot;
    MessageModel *m_model = nullptr;
    QComboBox *m_topic = nullptr;
    QComboBox *m_partition = nullptr;
    QComboBox *m_start = nullptr;
    QSpinBox *m_offset = nullptr;
    QDateTimeEdit *m_time = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_tail = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QLabel *m_status = nullptr;
    quint64 m_lookup = 0;
    bool m_updatingCombos = false;
    bool m_shiftingWindow = false; // a jump or a window shift scrolls; that scroll must not shift again
};

} // namespace topicscope::ui
