#pragma once

#include <QMainWindow>

namespace topicscope::ui {

// The application's main window. Until the explorer lands it shows what the embedded broker holds as
// plain text, refreshed from the facade's snapshots. GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace topicscope::ui
