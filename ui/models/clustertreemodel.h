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
    enum Role { KindRole = Qt::UserRole + 1, TopicRole, PartitionRole, GroupRole, ConnectionRole, BrokerIdRole };

    explicit ClusterTreeModel(QObject *parent = nullptr);
    ~ClusterTreeModel() override;

    void setBrokerName(const QString &name);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);

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
    static Spec brokersFolder(const engine::BrokerSnapshot &snapshot);
    static Spec clientsFolder(const engine::BrokerSnapshot &snapshot);
    void sync(Node *node, const Spec &spec);
    QModelIndex indexOf(const Node *node) const;

    std::unique_ptr<Node> m_root; // invisible; its one child is the broker
    QString m_brokerName;
};

} // namespace topicscope::ui
