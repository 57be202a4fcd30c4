#pragma once

#include "brokersnapshot.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace topicscope::ui {

// The cluster tree: broker → Topics → topic → partitions, broker → Consumer groups → group, and broker → Wire
// clients → connection (Kafka clients connected to the listener). A remote cluster (its snapshot lists brokers) has
// cluster → Brokers → broker instead of the wire clients: there is no listener of ours. Updated from
// snapshots node by node (insert, remove, relabel), never reset, so expansion and selection survive. GUI thread.
//
// The window's own cluster is the first top-level row. The clusters open in the app's other windows (the embedded
// broker and each connection) follow it, side by side, in the order they were added (setPeerSnapshot): the same
// subtree, built from their snapshots. Which cluster a node belongs to is ClusterRole; keyPath() and indexAt() name a
// node the same way in every window's tree, so a window can show the node another window's tree points to.
class ClusterTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    // Broker is the tree's root (the embedded broker, or the remote cluster); ClusterBroker one broker of a
    // remote cluster.
    enum class Kind {
        Broker,
        TopicsFolder,
        Topic,
        Partition,
        GroupsFolder,
        Group,
        ClientsFolder,
        Client,
        BrokersFolder,
        ClusterBroker
    };
    enum Role {
        KindRole = Qt::UserRole + 1,
        TopicRole,
        PartitionRole,
        GroupRole,
        ConnectionRole,
        BrokerIdRole,
        ClusterRole // the key of the node's cluster: OwnCluster, or the one setPeerSnapshot() was given
    };
    static constexpr QLatin1StringView OwnCluster {"broker"};

    explicit ClusterTreeModel(QObject *parent = nullptr);
    ~ClusterTreeModel() override;

    void setBrokerName(const QString &name);
    QString brokerName() const { return m_brokerName; }
    // The window's own cluster (the first row).
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // Another window's cluster, named name, under key (unique, never OwnCluster): added after the others when new,
    // else updated in place.
    void setPeerSnapshot(const QString &key, const QString &name, const engine::BrokerSnapshot &snapshot);
    void removePeer(const QString &key);
    QStringList peers() const;

    // The keys from below the node's cluster down to the node ({} for a cluster itself, {"topics", "orders", "2"}
    // for partition 2 of orders), and back: the node at that path under cluster (an invalid index when there is none).
    QStringList keyPath(const QModelIndex &index) const;
    QModelIndex indexAt(const QString &cluster, const QStringList &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    QModelIndex topicIndex(const QString &topic) const;
    QModelIndex groupIndex(const QString &groupId) const;
    // Indented text of the whole tree, for tests and logs.
    QString dump() const;

private:
    struct Node;
    struct Spec;
    Spec clusterSpec(const QString &key, const QString &name, const engine::BrokerSnapshot &snapshot) const;
    void syncCluster(const Spec &spec, bool own);
    void ownFontChanged(); // bold only beside others
    static Spec brokersFolder(const engine::BrokerSnapshot &snapshot);
    static Spec clientsFolder(const engine::BrokerSnapshot &snapshot);
    void sync(Node *node, const Spec &spec);
    QModelIndex indexOf(const Node *node) const;

    std::unique_ptr<Node> m_root; // invisible; its children are the clusters, the window's own first
    QString m_brokerName;
};

} // namespace topicscope::ui
