#include "peerclusters.h"

#include "clustertreemodel.h"
#include "connectionlauncher.h"
#include "mainwindow.h"

#include <algorithm>

namespace topicscope::ui {

PeerClusters::PeerClusters(MainWindow *window, ClusterTreeModel *tree, ConnectionLauncher *launcher)
    : QObject(window)
    , m_window(window)
    , m_tree(tree)
    , m_launcher(launcher)
{
    connect(launcher, &ConnectionLauncher::windowsChanged, this, &PeerClusters::sync);
    sync();
}

MainWindow *PeerClusters::windowOf(const QString &key) const
{
    return qobject_cast<MainWindow *>(m_peers.value(key).data());
}

void PeerClusters::sync()
{
    const QList<MainWindow *> open = m_launcher ? m_launcher->allWindows() : QList<MainWindow *>();
    // Closed windows first: a window being destroyed is no longer listed, though its QPointer may not be cleared yet.
    for (auto it = m_peers.begin(); it != m_peers.end();) {
        const QObject *peer = it.value().data();
        if (std::none_of(open.cbegin(), open.cend(), [peer](const MainWindow *w) { return w == peer; })) {
            m_tree->removePeer(it.key());
            it = m_peers.erase(it);
        } else {
            ++it;
        }
    }
    for (MainWindow *peer : open) {
        const QString key = peer->clusterKey();
        if (peer == m_window || m_peers.contains(key))
            continue;
        m_peers.insert(key, peer);
        show(key, peer);
        connect(peer, &MainWindow::snapshotShown, this, [this, key, peer] { show(key, peer); });
    }
}

void PeerClusters::show(const QString &key, const MainWindow *peer)
{
    m_tree->setPeerSnapshot(key, peer->treeModel()->brokerName(), peer->snapshot());
}

} // namespace topicscope::ui
