#include "mainwindow.h"

namespace topicscope::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("Topicscope"));
    resize(960, 640);
}

} // namespace topicscope::ui
