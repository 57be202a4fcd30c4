#pragma once

#include <QMainWindow>

class QLabel;
class QPlainTextEdit;

namespace topicscope::engine {
class EngineFacade;
struct BrokerSnapshot;
} // namespace topicscope::engine

namespace topicscope::ui {

// The application's main window. Until the explorer lands it shows the embedded broker's topics,
// partitions and groups as text, refreshed from the facade's coalesced snapshots. GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(engine::EngineFacade *facade, QWidget *parent = nullptr);

private:
    void showSnapshot(const engine::BrokerSnapshot &snapshot);

    QPlainTextEdit *m_overview = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace topicscope::ui
