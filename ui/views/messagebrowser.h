#pragma once

#include "brokersnapshot.h"
#include "clustertypes.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QSpinBox;
class QTableView;

namespace topicscope::engine {
class ClusterClient;
}

namespace topicscope::ui {

class MessageModel;

// Browses the records of a topic (one or all partitions): start at earliest / latest / an offset / a
// timestamp, show keys and values as text, pretty JSON (in the record's own member order) or a hex dump, filter
// by a substring of key or value, follow new records (live tail: across partitions it follows time, newest at
// the bottom; turning it off goes back to the log at the selected record), copy or export the selected records
// as JSON Lines or CSV. Reads lazily through MessageModel. GUI thread.
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
    QString detailText() const;
    // The selected records that are loaded (a row not shown yet may still be on its way: *missing counts them).
    QList<engine::MessageRow> selectedMessages(int *missing = nullptr) const;
    // The record under the cursor's journey (its context menu's "Show Journey in Flow"); false when none is selected.
    bool requestJourneyOfCurrent();

Q_SIGNALS:
    // The user asked where this record came from and went: the window shows it in the Flow tab's live view.
    void journeyRequested(const QString &topic, int partition, qint64 offset);

public:
    QString selectedAsJsonLines() const;
    QString selectedAsCsv() const;
    // CSV when path ends in .csv, JSON Lines otherwise; false (with *why) when the file cannot be written.
    bool exportSelected(const QString &path, QString *why = nullptr) const;

private:
    void reload();
    void go();
    void updateDetail();
    void updateStatus();
    void applyOrder(); // time order while tailing every partition, else the log
    void copySelected(bool csv);
    void exportSelectedAs();
    QMenu *exportMenu();

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
    QMenu *m_exportMenu = nullptr;
    quint64 m_lookup = 0;
    bool m_updatingCombos = false;
    bool m_shiftingWindow = false; // a jump or a window shift scrolls; that scroll must not shift again
};

} // namespace topicscope::ui
