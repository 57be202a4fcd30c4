#include "clustertreemodel.h"

#include "brokersmodel.h"
#include "clusterkind.h"
#include "format.h"
#include "topicnames.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace topicscope::ui {

struct ClusterTreeModel::Node {
    Kind kind = Kind::Broker;
    QString key; // unique among siblings
    QString label;
    QString topic;
    int partition = -1;
    QString group;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
};

struct ClusterTreeModel::Spec {
    Kind kind = Kind::Broker;
    QString key;
    QString label;
    QString topic;
    int partition = -1;
    QString group;
    std::vector<Spec> children;
};

ClusterTreeModel::ClusterTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_brokerName(tr("Broker"))
{ }

ClusterTreeModel::~ClusterTreeModel() = default;

void ClusterTreeModel::setBrokerName(const QString &name)
{
    m_brokerName = name;
}

void ClusterTreeModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    syncCluster(clusterSpec(OwnCluster, m_brokerName, snapshot), true);
}

void ClusterTreeModel::setPeerSnapshot(const QString &key, const QString &name, const engine::BrokerSnapshot &snapshot)
{
    Q_ASSERT(key != OwnCluster);
    if (snapshot.takenAtMs == 0) { // its window has had none yet: its name only
        syncCluster({Kind::Broker, key, tr("%1 · connecting…").arg(name), {}, -1, {}, {}}, false);
        return;
    }
    syncCluster(clusterSpec(key, name, snapshot), false);
}

void ClusterTreeModel::removePeer(const QString &key)
{
    for (size_t i = 0; i < m_root->children.size(); ++i) {
        if (m_root->children[i]->key == key && key != OwnCluster) {
            beginRemoveRows({}, int(i), int(i));
            m_root->children.erase(m_root->children.begin() + qsizetype(i));
            endRemoveRows();
            ownFontChanged();
            return;
        }
    }
}

QStringList ClusterTreeModel::peers() const
{
    QStringList keys;
    for (const auto &c : m_root->children) {
        if (c->key != OwnCluster)
            keys.append(c->key);
    }
    return keys;
}

void ClusterTreeModel::syncCluster(const Spec &spec, bool own)
{
    Node *node = nullptr;
    for (const auto &c : m_root->children) {
        if (c->key == spec.key)
            node = c.get();
    }
    if (!node) {
        // The window's own cluster first, the others after it in the order they came.
        const int row = own ? 0 : int(m_root->children.size());
        beginInsertRows({}, row, row);
        auto created = std::make_unique<Node>();
        created->kind = Kind::Broker;
        created->key = spec.key;
        created->label = spec.label;
        created->parent = m_root.get();
        node = created.get();
        m_root->children.insert(m_root->children.begin() + row, std::move(created));
        endInsertRows();
        ownFontChanged();
    } else if (node->label != spec.label) {
        node->label = spec.label;
        const QModelIndex idx = indexOf(node);
        Q_EMIT dataChanged(idx, idx, {Qt::DisplayRole});
    }
    sync(node, spec);
}

void ClusterTreeModel::ownFontChanged()
{
    const QModelIndex own = indexAt(OwnCluster, {});
    if (own.isValid())
        Q_EMIT dataChanged(own, own, {Qt::FontRole});
}

ClusterTreeModel::Spec ClusterTreeModel::clusterSpec(
    const QString &key, const QString &name, const engine::BrokerSnapshot &snapshot) const
{
    // The embedded broker is the one broker, id 0; a remote cluster is named by its bootstrap servers.
    const bool remote = isRemoteCluster(snapshot);
    Spec broker {Kind::Broker, key, remote ? name : name + tr(" · broker 0"), {}, -1, {}, {}};
    // The broker's internal topics (__consumer_offsets) are shown by the Topics tab's switch, not in the tree.
    QList<engine::TopicInfo> shown;
    for (const engine::TopicInfo &t : snapshot.topics) {
        if (!engine::TopicNames::isInternal(t.name))
            shown.append(t);
    }
    Spec topics {Kind::TopicsFolder, QStringLiteral("topics"), tr("Topics (%1)").arg(shown.size()), {}, -1, {}, {}};
    for (const engine::TopicInfo &t : std::as_const(shown)) {
        qint64 records = 0;
        Spec topic {Kind::Topic, t.name, {}, t.name, -1, {}, {}};
        for (const engine::PartitionInfo &p : t.partitions) {
            const qint64 n = p.logEndOffset - p.logStartOffset;
            records += n;
            topic.children.push_back({Kind::Partition, QString::number(p.partition),
                tr("partition %1 · %2").arg(p.partition).arg(format::count(n)), t.name, p.partition, {}, {}});
        }
        topic.label = tr("%1 · %2").arg(t.name, format::count(records));
        topics.children.push_back(std::move(topic));
    }
    QList<engine::GroupDescription> groups = snapshot.groups;
    std::sort(groups.begin(), groups.end(), [](const auto &a, const auto &b) { return a.groupId < b.groupId; });
    Spec groupsFolder {
        Kind::GroupsFolder, QStringLiteral("groups"), tr("Consumer groups (%1)").arg(groups.size()), {}, -1, {}, {}};
    for (const engine::GroupDescription &g : std::as_const(groups))
        groupsFolder.children.push_back(
            {Kind::Group, g.groupId, tr("%1 · %2").arg(g.groupId, g.state), {}, -1, g.groupId, {}});
    broker.children.push_back(std::move(topics));
    broker.children.push_back(std::move(groupsFolder));
    // A remote cluster's clients connect to its brokers, not to a listener of ours: it has no wire clients to show.
    broker.children.push_back(remote ? brokersFolder(snapshot) : clientsFolder(snapshot));
    return broker;
}

ClusterTreeModel::Spec ClusterTreeModel::brokersFolder(const engine::BrokerSnapshot &snapshot)
{
    Spec brokers {Kind::BrokersFolder, QStringLiteral("brokers"), tr("Brokers (%1)").arg(snapshot.brokers.size()), {},
        -1, {}, {}};
    for (const engine::BrokerNode &b : snapshot.brokers) {
        QString label = tr("broker %1 · %2").arg(b.id).arg(BrokersModel::address(b));
        if (b.isController || b.id == snapshot.controllerId)
            label += tr(" · controller");
        if (BrokersModel::isDown(b.connectionState))
            label += tr(" · down");
        // The id goes in the node's number field (partition), which BrokerIdRole answers for a broker.
        brokers.children.push_back({Kind::ClusterBroker, QString::number(b.id), label, {}, b.id, {}, {}});
    }
    return brokers;
}

ClusterTreeModel::Spec ClusterTreeModel::clientsFolder(const engine::BrokerSnapshot &snapshot)
{
    Spec clients {Kind::ClientsFolder, QStringLiteral("clients"),
        snapshot.listenAddress.isEmpty()
            ? tr("Wire clients (no listener)")
            : tr("Wire clients (%1) on %2").arg(snapshot.wireClients.size()).arg(snapshot.listenAddress),
        {}, -1, {}, {}};
    for (const engine::WireClient &c : snapshot.wireClients) {
        const QString connection
            = tr("%1 · connection %2").arg(c.peer.isEmpty() ? tr("closing") : c.peer).arg(c.connectionId);
        clients.children.push_back({Kind::Client, QString::number(c.connectionId),
            c.clientId.isEmpty() ? connection : tr("%1 · %2").arg(c.clientId, connection), {}, -1, {}, {}});
    }
    return clients;
}

void ClusterTreeModel::sync(Node *node, const Spec &spec)
{
    const QModelIndex parentIndex = indexOf(node);
    // Removals.
    for (int i = int(node->children.size()) - 1; i >= 0; --i) {
        const Node *child = node->children[size_t(i)].get();
        const bool keep = std::any_of(spec.children.cbegin(), spec.children.cend(),
            [child](const Spec &s) { return s.key == child->key && s.kind == child->kind; });
        if (!keep) {
            beginRemoveRows(parentIndex, i, i);
            node->children.erase(node->children.begin() + i);
            endRemoveRows();
        }
    }
    // Insertions at the spec's position, then updates and recursion.
    for (size_t i = 0; i < spec.children.size(); ++i) {
        const Spec &s = spec.children[i];
        const bool present
            = i < node->children.size() && node->children[i]->key == s.key && node->children[i]->kind == s.kind;
        if (!present) {
            beginInsertRows(parentIndex, int(i), int(i));
            auto child = std::make_unique<Node>();
            child->kind = s.kind;
            child->key = s.key;
            child->label = s.label;
            child->topic = s.topic;
            child->partition = s.partition;
            child->group = s.group;
            child->parent = node;
            node->children.insert(node->children.begin() + qsizetype(i), std::move(child));
            endInsertRows();
        }
        Node *child = node->children[i].get();
        if (child->label != s.label) {
            child->label = s.label;
            const QModelIndex idx = createIndex(int(i), 0, child);
            Q_EMIT dataChanged(idx, idx, {Qt::DisplayRole});
        }
        sync(child, s);
    }
}

QModelIndex ClusterTreeModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, const_cast<Node *>(node));
}

QModelIndex ClusterTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    const Node *p = parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    if (size_t(row) >= p->children.size())
        return {};
    return createIndex(row, 0, p->children[size_t(row)].get());
}

QModelIndex ClusterTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *n = static_cast<const Node *>(child.internalPointer());
    return indexOf(n->parent);
}

int ClusterTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *p = parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    return int(p->children.size());
}

int ClusterTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ClusterTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = static_cast<const Node *>(index.internalPointer());
    switch (role) {
    case Qt::DisplayRole:
        return n->label;
    case Qt::DecorationRole: {
        QStyle *style = QApplication::style();
        if (!style)
            return {};
        switch (n->kind) {
        case Kind::Broker:
            return style->standardIcon(QStyle::SP_DriveNetIcon);
        case Kind::TopicsFolder:
        case Kind::GroupsFolder:
        case Kind::ClientsFolder:
        case Kind::BrokersFolder:
            return style->standardIcon(QStyle::SP_DirIcon);
        case Kind::Client:
        case Kind::ClusterBroker:
            return style->standardIcon(QStyle::SP_DriveNetIcon);
        case Kind::Topic:
            return style->standardIcon(QStyle::SP_FileDialogDetailedView);
        case Kind::Partition:
            return style->standardIcon(QStyle::SP_FileIcon);
        case Kind::Group:
            return style->standardIcon(QStyle::SP_ComputerIcon);
        }
        return {};
    }
    case KindRole:
        return int(n->kind);
    case TopicRole:
        return n->topic;
    case PartitionRole:
        return n->partition;
    case GroupRole:
        return n->group;
    case ConnectionRole:
        return n->kind == Kind::Client ? n->key.toULongLong() : 0;
    case BrokerIdRole:
        return n->kind == Kind::ClusterBroker ? n->partition : -1; // its id, see brokersFolder()
    case ClusterRole: {
        const Node *top = n;
        while (top->parent && top->parent != m_root.get())
            top = top->parent;
        return top->key;
    }
    case Qt::FontRole:
        // The window's own cluster stands out from the others' when there are others.
        if (n->parent == m_root.get() && n->key == OwnCluster && m_root->children.size() > 1) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (n->parent == m_root.get() && n->key != OwnCluster)
            return tr("Open in a window of its own: what you choose here shows there.");
        return {};
    default:
        return {};
    }
}

QModelIndex ClusterTreeModel::topicIndex(const QString &topic) const
{
    const QModelIndex topics = indexAt(OwnCluster, {QStringLiteral("topics")});
    for (int i = 0; i < rowCount(topics); ++i) {
        const QModelIndex t = index(i, 0, topics);
        if (t.data(TopicRole).toString() == topic)
            return t;
    }
    return {};
}

QModelIndex ClusterTreeModel::groupIndex(const QString &groupId) const
{
    const QModelIndex groups = indexAt(OwnCluster, {QStringLiteral("groups")});
    for (int i = 0; i < rowCount(groups); ++i) {
        const QModelIndex g = index(i, 0, groups);
        if (g.data(GroupRole).toString() == groupId)
            return g;
    }
    return {};
}

QStringList ClusterTreeModel::keyPath(const QModelIndex &index) const
{
    QStringList path;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return path;
    for (const Node *n = static_cast<const Node *>(index.internalPointer()); n->parent && n->parent != m_root.get();
         n = n->parent)
        path.prepend(n->key);
    return path;
}

QModelIndex ClusterTreeModel::indexAt(const QString &cluster, const QStringList &path) const
{
    const Node *node = nullptr;
    for (const auto &c : m_root->children) {
        if (c->key == cluster)
            node = c.get();
    }
    for (const QString &key : path) {
        if (!node)
            break;
        const auto it = std::find_if(
            node->children.cbegin(), node->children.cend(), [&key](const auto &c) { return c->key == key; });
        node = it == node->children.cend() ? nullptr : it->get();
    }
    return node ? indexOf(node) : QModelIndex();
}

QString ClusterTreeModel::dump() const
{
    QString out;
    std::function<void(const Node *, int)> walk = [&](const Node *n, int depth) {
        for (const auto &c : n->children) {
            out += QString(depth * 2, QLatin1Char(' ')) + c->label + QLatin1Char('\n');
            walk(c.get(), depth + 1);
        }
    };
    walk(m_root.get(), 0);
    return out;
}

} // namespace topicscope::ui
