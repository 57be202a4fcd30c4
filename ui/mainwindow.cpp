#include "mainwindow.h"

#include "runtime/enginefacade.h"

#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>

namespace topicscope::ui {

MainWindow::MainWindow(engine::EngineFacade *facade, QWidget *parent)
    : QMainWindow(parent)
    , m_overview(new QPlainTextEdit(this))
    , m_status(new QLabel(tr("Starting the broker…"), this))
{
    setWindowTitle(QStringLiteral("Topicscope"));
    resize(960, 640);
    m_overview->setReadOnly(true);
    m_overview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_overview->setPlaceholderText(tr("No topics yet."));
    setCentralWidget(m_overview);
    statusBar()->addWidget(m_status, 1);

    connect(facade, &engine::EngineFacade::started, this, [this](bool ok, const QString &error) {
        if (!ok) {
            m_status->setText(tr("Broker stopped: %1").arg(error));
            QMessageBox::critical(this, tr("Topicscope"), tr("The broker could not start:\n%1").arg(error));
        }
    });
    connect(facade, &engine::EngineFacade::snapshotUpdated, this, &MainWindow::showSnapshot);
}

void MainWindow::showSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_status->setText(snapshot.inMemory ? tr("Embedded broker — in memory")
                                        : tr("Embedded broker — data directory %1").arg(snapshot.dataDirectory));
    QString text;
    for (const auto &topic : snapshot.topics) {
        const auto count = topic.partitions.size();
        text += count == 1 ? tr("topic %1 (1 partition)\n").arg(topic.name)
                           : tr("topic %1 (%2 partitions)\n").arg(topic.name).arg(count);
        for (const auto &p : topic.partitions) {
            text += tr("  partition %1: offsets %2..%3, %4 bytes\n")
                        .arg(p.partition)
                        .arg(p.logStartOffset)
                        .arg(p.logEndOffset)
                        .arg(p.sizeBytes);
        }
    }
    for (const auto &group : snapshot.groups) {
        text += tr("group %1: %2, generation %3, members %4\n")
                    .arg(group.groupId, group.state)
                    .arg(group.generationId)
                    .arg(group.members.size());
    }
    if (text != m_overview->toPlainText())
        m_overview->setPlainText(text);
}

} // namespace topicscope::ui
