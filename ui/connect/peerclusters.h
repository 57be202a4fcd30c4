#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace topicscope::ui {

class ClusterTreeModel;
class ConnectionLauncher;
class MainWindow;

// The clusters of the app's other windows in one window's cluster tree: the embedded broker beside each connection
// to a Kafka cluster, whichever window the tree is in. Follows the launcher's windows (ConnectionLauncher::
// allWindows) as they open and close, and each one's snapshots as that window shows them; the tree builds their
// subtrees as it builds its own (ClusterTreeModel::setPeerSnapshot). Each window keeps its own ClusterClient and views:
// choosing a node of another cluster brings that cluster's window forward showing it (MainWindow::showTreeItem).
// Owned by the window; GUI thread.
class PeerClusters : public QObject {
    Q_OBJECT
public:
    PeerClusters(MainWindow *window, ClusterTreeModel *tree, ConnectionLauncher *launcher);

    // The window showing the cluster the tree calls key (ClusterTreeModel::ClusterRole), or nullptr.
    MainWindow *windowOf(const QString &key) const;

private:
    void sync();
    void show(const QString &key, const MainWindow *peer);

    MainWindow *m_window;
    ClusterTreeModel *m_tree;
    QPointer<ConnectionLauncher> m_launcher;
    // By tree key; held as QObjects so that a window being destroyed is never cast down (ConnectionLauncher).
    QHash<QString, QPointer<QObject>> m_peers;
};

} // namespace topicscope::ui
