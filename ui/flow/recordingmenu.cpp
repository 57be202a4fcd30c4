#include "recordingmenu.h"

#include "scenarioclient.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QWidget>

namespace topicscope::ui {

namespace {

QString recordingFilter()
{
    return RecordingMenu::tr("Topicscope live recordings (*.json);;All files (*)");
}

} // namespace

RecordingMenu::RecordingMenu(engine::ScenarioClient *control, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_control(control)
    , m_dialogParent(dialogParent)
    , m_save(new QAction(tr("&Save Live Recording…"), this))
    , m_open(new QAction(tr("Open R&ecording…"), this))
{
    m_save->setObjectName(QStringLiteral("saveLiveRecording"));
    m_save->setStatusTip(tr("Save what the live broker's clients did (timeline, rebalances, time travel, record "
                            "journeys) to a file that replays without a broker"));
    m_save->setEnabled(false);
    m_open->setObjectName(QStringLiteral("openRecording"));
    m_open->setStatusTip(tr("Replay a saved live session in the Flow tab"));
    connect(m_save, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Save Live Recording"),
            QDir::home().filePath(QStringLiteral("live-recording.json")), recordingFilter());
        if (!path.isEmpty())
            save(path);
    });
    connect(m_open, &QAction::triggered, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(m_dialogParent, tr("Open Recording"), QDir::homePath(), recordingFilter());
        if (!path.isEmpty())
            Q_EMIT openRequested(path);
    });
    if (m_control) {
        connect(m_control, &engine::ScenarioClient::recordingSaved, this,
            [this](const QString &path, const QString &error) {
                if (path != m_saving)
                    return;
                m_saving.clear();
                m_noticeIsError = !error.isEmpty();
                m_notice = error.isEmpty() ? tr("Recording saved to %1").arg(QDir::toNativeSeparators(path))
                                           : tr("The recording was not saved: %1").arg(error);
                Q_EMIT noticeChanged();
            });
    }
}

void RecordingMenu::save(const QString &path)
{
    if (!m_control)
        return;
    m_saving = path;
    m_noticeIsError = false;
    m_notice = tr("Saving the recording to %1…").arg(QDir::toNativeSeparators(path));
    Q_EMIT noticeChanged();
    m_control->saveRecording(path);
}

void RecordingMenu::setState(const engine::ScenarioPlayerState &state)
{
    m_save->setEnabled(state.live);
}

void RecordingMenu::clearNotice()
{
    if (m_notice.isEmpty())
        return;
    m_notice.clear();
    m_noticeIsError = false;
    Q_EMIT noticeChanged();
}

} // namespace topicscope::ui
