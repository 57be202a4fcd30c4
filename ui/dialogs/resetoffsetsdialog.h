#pragma once

#include "clustertypes.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace topicscope::engine {
class ClusterClient;
}

namespace topicscope::ui {

// kafka-consumer-groups --reset-offsets with a dry run: choose a topic and where to move the group, see per
// partition the current and new offset and how many records will be re-read or skipped, then reset. The
// cluster refuses unless the group is Empty; the preview says so before the user tries. GUI thread.
class ResetOffsetsDialog : public QDialog {
    Q_OBJECT
public:
    ResetOffsetsDialog(
        engine::ClusterClient *client, const QString &groupId, const QStringList &topics, QWidget *parent = nullptr);

    engine::OffsetResetRequest request() const;
    QString previewText() const;

private:
    void updatePreview();
    void showPreview(quint64 id, const engine::OffsetResetPreview &preview);
    void apply();

    QPointer<engine::ClusterClient> m_client;
    QString m_group;
    QComboBox *m_topic = nullptr;
    QComboBox *m_strategy = nullptr;
    QSpinBox *m_offset = nullptr;
    QDateTimeEdit *m_time = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    quint64 m_previewRequest = 0;
    quint64 m_resetRequest = 0;
};

} // namespace topicscope::ui
