#pragma once

#include "scenarioplayerstate.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QWidget;

namespace topicscope::engine {
class ScenarioClient;
}

namespace topicscope::ui {

// The flow view's two entries for live recordings, which the window puts in its Scenarios menu: "Save Live
// Recording…" (enabled while the live broker is shown) asks for a file and has the engine write the live broker's
// recording there; "Open Recording…" asks for a file and asks for it to be replayed (openRequested, so that the
// workspace can first forget the run it showed). notice() says how the last save went. GUI thread.
class RecordingMenu : public QObject {
    Q_OBJECT
public:
    RecordingMenu(engine::ScenarioClient *control, QWidget *dialogParent);

    QAction *saveAction() const { return m_save; }
    QAction *openAction() const { return m_open; }
    // Without a dialog (the dialogs' end, and tests).
    void save(const QString &path);
    void setState(const engine::ScenarioPlayerState &state);
    // "Recording saved to …" or why not; "" before a save or after clearNotice().
    const QString &notice() const { return m_notice; }
    bool noticeIsError() const { return m_noticeIsError; }
    void clearNotice();

Q_SIGNALS:
    void openRequested(const QString &path);
    void noticeChanged();

private:
    QPointer<engine::ScenarioClient> m_control;
    QWidget *m_dialogParent = nullptr;
    QAction *m_save = nullptr;
    QAction *m_open = nullptr;
    QString m_saving; // the path being written, "" when none
    QString m_notice;
    bool m_noticeIsError = false;
};

} // namespace topicscope::ui
