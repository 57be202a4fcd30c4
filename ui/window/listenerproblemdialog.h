#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;

namespace topicscope::ui {

// Shown at launch when the embedded broker's Kafka listener could not start (most often: the port is taken, by
// a Kafka in Docker say). Says why, and offers to use another port or to try the same one again; the choice
// restarts the broker (MainWindow::listenerPortRequested) and is remembered for the next launch. The explorer
// and the scenarios work without a listener, so it can be dismissed. GUI thread.
class ListenerProblemDialog : public QDialog {
    Q_OBJECT
public:
    ListenerProblemDialog(const QString &reason, quint16 port, QWidget *parent = nullptr);

    quint16 port() const;
    void setPort(quint16 port);
    QString message() const;

Q_SIGNALS:
    // Another port (or the same one again, Retry): the broker should restart its listener there.
    void portChosen(quint16 port);

private:
    QLabel *m_message = nullptr;
    QSpinBox *m_port = nullptr;
    QPushButton *m_use = nullptr;
    QPushButton *m_retry = nullptr;
    quint16 m_failedPort = 0;
};

} // namespace topicscope::ui
