#include "mainwindow.h"

#include "producerpanel.h"
#include "screenfit.h"
#include "uilogging.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShowEvent>
#include <QTabWidget>
#include <algorithm>
#include <utility>

// MainWindow's layout: saved and restored (QSettings: one layout for the embedded broker's window, one for remote
// clusters' windows), sized for the screen at first launch, and kept within the screen it is on.

namespace topicscope::ui {

namespace {
// Below this first-launch width the docks share one column instead of flanking the tabs.
constexpr int WideLayoutWidth = 1500;
} // namespace

void MainWindow::setLayoutGroup(const QString &group)
{
    if (group == m_layoutGroup)
        return;
    m_layoutGroup = group;
    restoreLayout();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(m_layoutGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("tab"), m_tabs->currentIndex());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(m_layoutGroup);
    const bool restored = restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    if (!restored) {
        // First launch: proportions of the screen it opens on, the cluster tree wide enough to read.
        const QRect available = availableScreenGeometry();
        const QSize size = screenfit::firstLaunchSize(available);
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
        if (size.width() < WideLayoutWidth) {
            // Three columns do not fit a projector or a laptop: the producer goes under the cluster tree.
            auto *tree = findChild<QDockWidget *>(QStringLiteral("clusterDock"));
            auto *producer = findChild<QDockWidget *>(QStringLiteral("producerDock"));
            addDockWidget(Qt::LeftDockWidgetArea, producer);
            splitDockWidget(tree, producer, Qt::Vertical);
        }
        m_sizeDocksOnShow = true; // dock sizes only hold once the layout runs
    }
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("tab"), 0).toInt());
    fitToScreen();
}

QRect MainWindow::availableScreenGeometry() const
{
    const QScreen *s = screen();
    if (!s)
        s = QGuiApplication::primaryScreen();
    return s ? s->availableGeometry() : QRect(0, 0, 1280, 720);
}

void MainWindow::fitToScreen()
{
    if (isFullScreen() || isMaximized())
        return;
    const QRect available = availableScreenGeometry();
    // Before the window is shown its frame is not known; the client area stands for it then.
    const QRect frame = isVisible() ? frameGeometry() : geometry();
    const QSize margins = isVisible() ? frame.size() - geometry().size() : QSize();
    if (available.contains(frame))
        return;
    const QRect client = screenfit::clampedClientGeometry(frame, margins, available);
    qCDebug(lcUi) << "window" << frame << "does not fit the screen" << available << "->" << client;
    setGeometry(client);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (std::exchange(m_sizeDocksOnShow, false)) {
        // Queued: the dock layout takes sizes only once it has laid the shown window out.
        QMetaObject::invokeMethod(
            this,
            [this] {
                auto *tree = findChild<QDockWidget *>(QStringLiteral("clusterDock"));
                auto *producer = findChild<QDockWidget *>(QStringLiteral("producerDock"));
                if (dockWidgetArea(producer) == Qt::LeftDockWidgetArea) {
                    // The column as wide as the producer's controls and the producer as tall as them, when the
                    // window has the room (the rest goes to the cluster tree); it scrolls when it has not.
                    auto *scroll = findChild<QScrollArea *>(QStringLiteral("producerScroll"));
                    const QSize panel = m_producer->minimumSizeHint();
                    const int bar = scroll ? scroll->verticalScrollBar()->sizeHint().width() : 0;
                    resizeDocks({tree}, {std::clamp(panel.width() + bar + 8, 260, width() / 3)}, Qt::Horizontal);
                    const int treeHeight = std::max(120, tree->height() + producer->height() - panel.height() - 40);
                    resizeDocks({tree, producer}, {treeHeight, panel.height() + 40}, Qt::Vertical);
                } else {
                    resizeDocks(
                        {tree, producer}, {std::max(200, width() / 6), std::max(380, width() / 4)}, Qt::Horizontal);
                }
            },
            Qt::QueuedConnection);
    }
    // A geometry restored from a bigger screen (or a screen that is gone) is clamped once the frame is known.
    QMetaObject::invokeMethod(this, &MainWindow::fitToScreen, Qt::QueuedConnection);
}

} // namespace topicscope::ui
