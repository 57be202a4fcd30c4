#include "mainwindow.h"

#include "clusterclient.h"
#include "createtopicdialog.h"
#include "deleterecordsdialog.h"
#include "partitionsview.h"
#include "uilogging.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>
#include <algorithm>

// MainWindow's topic commands (the Topic menu): each asks what it needs, sends the command to the ClusterClient and
// reports its outcome when the client says it finished.

namespace topicscope::ui {

void MainWindow::newTopic()
{
    QStringList existing;
    for (const engine::TopicInfo &t : std::as_const(m_snapshot.topics))
        existing.append(t.name);
    CreateTopicDialog dialog(existing, this);
    if (dialog.exec() != QDialog::Accepted || !m_client)
        return;
    m_commands.insert(m_client->createTopic(dialog.topicName(), dialog.partitions(), dialog.config()),
        tr("create topic %1").arg(dialog.topicName()));
    m_topic = dialog.topicName();
}

void MainWindow::deleteTopic()
{
    const QString topic = m_topic;
    if (topic.isEmpty() || !m_client)
        return;
    const auto answer = QMessageBox::warning(this, tr("Delete Topic"),
        tr("Delete topic \"%1\" with all its records and the consumer groups' offsets on it?\nThis cannot be undone.")
            .arg(topic),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_commands.insert(m_client->deleteTopic(topic), tr("delete topic %1").arg(topic));
    m_topic.clear();
}

void MainWindow::addPartitions()
{
    int current = 0;
    for (const engine::TopicInfo &t : std::as_const(m_snapshot.topics)) {
        if (t.name == m_topic)
            current = int(t.partitions.size());
    }
    if (m_topic.isEmpty() || !m_client)
        return;
    bool ok = false;
    const int count = QInputDialog::getInt(this, tr("Add Partitions"),
        tr("New partition count of %1 (now %2; Kafka never removes partitions, and keys may map elsewhere):")
            .arg(m_topic)
            .arg(current),
        current + 1, current + 1, 10000, 1, &ok);
    if (ok)
        m_commands.insert(m_client->createPartitions(m_topic, count), tr("add partitions to %1").arg(m_topic));
}

void MainWindow::deleteRecords()
{
    const auto topic = std::find_if(m_snapshot.topics.cbegin(), m_snapshot.topics.cend(),
        [this](const engine::TopicInfo &t) { return t.name == m_topic; });
    if (topic == m_snapshot.topics.cend() || !m_client)
        return;
    DeleteRecordsDialog dialog(*topic, m_partitions->currentPartition(), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.isInputValid())
        return;
    const engine::TopicPartition tp = dialog.partition();
    m_commands.insert(m_client->deleteRecords(tp, dialog.beforeOffset()),
        tr("delete the records of %1-%2 before offset %3").arg(tp.topic).arg(tp.partition).arg(dialog.beforeOffset()));
}

void MainWindow::editRetention()
{
    engine::TopicConfig config;
    bool found = false;
    for (const engine::TopicInfo &t : std::as_const(m_snapshot.topics)) {
        if (t.name == m_topic) {
            config = t.config;
            found = true;
        }
    }
    if (!found || !m_client)
        return;
    bool ok = false;
    const double hours = QInputDialog::getDouble(this, tr("Edit Retention"),
        tr("retention.ms of %1 in hours (-1 = forever):").arg(m_topic),
        config.retentionMs < 0 ? -1.0 : double(config.retentionMs) / 3.6e6, -1, 1e6, 3, &ok);
    if (!ok)
        return;
    const engine::TopicConfig from = config;
    config.retentionMs = hours < 0 ? -1 : qint64(hours * 3.6e6);
    m_commands.insert(m_client->alterTopicConfig(m_topic, config, from), tr("change retention of %1").arg(m_topic));
}

void MainWindow::onCommandFinished(quint64 id, int error, const QString &message)
{
    const QString what = m_commands.take(id);
    if (what.isEmpty())
        return;
    if (error != 0) {
        qCWarning(lcUi).noquote() << "could not" << what << ":" << message;
        QMessageBox::warning(this, tr("Topicscope"), tr("Could not %1:\n%2").arg(what, message));
    } else {
        statusBar()->showMessage(tr("Done: %1").arg(what), 4000);
    }
}

} // namespace topicscope::ui
