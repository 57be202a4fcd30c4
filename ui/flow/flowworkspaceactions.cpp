// FlowWorkspace's editing actions on a running world (the sandbox and scenarios): the flow view's context menus on
// consumers, producers and partitions, and the dialogs behind them (add a producer or a consumer, add partitions,
// delete records, reset a group's offsets), each sent to the player as a ScenarioStep. The rest of the class is in
// flowworkspace.cpp; this part only talks to ScenarioClient through perform().

#include "flowworkspace.h"

#include "addconsumerdialog.h"
#include "addproducerdialog.h"
#include "scenarioclient.h"

#include <QInputDialog>
#include <QMenu>
#include <QSet>
#include <QToolButton>

namespace topicscope::ui {

using engine::ScenarioAction;
using engine::ScenarioStep;

QStringList FlowWorkspace::topicNames() const
{
    QStringList names;
    for (const engine::FlowTopic &t : m_live.topics)
        names << t.name;
    return names;
}

QStringList FlowWorkspace::groupNames() const
{
    QStringList names;
    for (const engine::FlowGroup &g : m_live.groups)
        names << g.id;
    for (const engine::FlowConsumer &c : m_live.consumers) {
        if (!c.group.isEmpty() && !names.contains(c.group))
            names << c.group;
    }
    return names;
}

QString FlowWorkspace::unusedId(const QString &prefix) const
{
    QSet<QString> used;
    for (const engine::FlowProducer &p : m_live.producers)
        used << p.id;
    for (const engine::FlowConsumer &c : m_live.consumers)
        used << c.id;
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(prefix).arg(n);
        if (!used.contains(id))
            return id;
    }
}

void FlowWorkspace::consumerAction(ScenarioAction action, const QString &id)
{
    ScenarioStep step;
    step.action = action;
    step.client = id;
    step.path = QStringLiteral("flow view");
    if (m_control)
        m_control->perform(step);
}

void FlowWorkspace::showContextMenu(const FlowView::Item &item, const QPoint &globalPos)
{
    if (!m_state.loaded || m_travelIndex >= 0)
        return;
    switch (item.kind) {
    case FlowView::ItemKind::Consumer:
        showConsumerMenu(item.id, globalPos);
        return;
    case FlowView::ItemKind::Producer:
        showProducerMenu(item.id, globalPos);
        return;
    case FlowView::ItemKind::Record:
        showPartitionMenu(item.topicPartition, item.offset, globalPos);
        return;
    case FlowView::ItemKind::Partition:
        showPartitionMenu(item.topicPartition, -1, globalPos);
        return;
    case FlowView::ItemKind::Group:
    case FlowView::ItemKind::Background:
        m_actions->menu()->exec(globalPos);
        return;
    }
}

void FlowWorkspace::showConsumerMenu(const QString &id, const QPoint &globalPos)
{
    const auto it = std::find_if(
        m_live.consumers.cbegin(), m_live.consumers.cend(), [&](const engine::FlowConsumer &c) { return c.id == id; });
    if (it == m_live.consumers.cend() || m_travelIndex >= 0)
        return;
    using S = engine::FlowConsumerStatus;
    const bool running = it->status == S::Running || it->status == S::Joining || it->status == S::Reconciling
        || it->status == S::Stalled;
    QMenu menu(this);
    menu.addSection(id);
    menu.addAction(tr("Stop gracefully (commit, leave group)"), this,
            [this, id] { consumerAction(ScenarioAction::StopConsumer, id); })
        ->setEnabled(running);
    menu.addAction(tr("Crash (no commit, no leave: session timeout)"), this,
            [this, id] { consumerAction(ScenarioAction::CrashConsumer, id); })
        ->setEnabled(running);
    if (it->status == S::Stalled)
        menu.addAction(tr("Resume polling"), this, [this, id] { consumerAction(ScenarioAction::UnstallConsumer, id); });
    else
        menu.addAction(tr("Stall (stop calling poll(): max.poll.interval.ms)"), this,
                [this, id] { consumerAction(ScenarioAction::StallConsumer, id); })
            ->setEnabled(running);
    menu.addAction(
            tr("Start again (a new member)"), this, [this, id] { consumerAction(ScenarioAction::StartConsumer, id); })
        ->setEnabled(!running);
    menu.exec(globalPos);
}

void FlowWorkspace::showProducerMenu(const QString &id, const QPoint &globalPos)
{
    const auto it = std::find_if(
        m_live.producers.cbegin(), m_live.producers.cend(), [&](const engine::FlowProducer &p) { return p.id == id; });
    if (it == m_live.producers.cend() || m_travelIndex >= 0)
        return;
    QMenu menu(this);
    menu.addSection(id);
    menu.addAction(tr("Produce 10 records"), this, [this, id] {
        ScenarioStep step;
        step.action = ScenarioAction::Produce;
        step.client = id;
        step.count = 10;
        step.intervalMs = 100;
        step.path = QStringLiteral("flow view");
        if (m_control)
            m_control->perform(step);
    });
    if (it->rate > 0) {
        if (it->running)
            menu.addAction(tr("Stop its rate"), this, [this, id] { consumerAction(ScenarioAction::StopProducer, id); });
        else
            menu.addAction(
                tr("Start its rate"), this, [this, id] { consumerAction(ScenarioAction::StartProducer, id); });
    }
    menu.addAction(tr("Remove producer"), this, [this, id] {
        if (m_control)
            m_control->removeProducer(id);
    });
    menu.exec(globalPos);
}

void FlowWorkspace::showPartitionMenu(
    const engine::TopicPartition &topicPartition, qint64 offset, const QPoint &globalPos)
{
    if (m_travelIndex >= 0)
        return;
    QMenu menu(this);
    menu.addSection(
        offset >= 0 ? QStringLiteral("%1 @ %2").arg(topicPartition.toString()).arg(offset) : topicPartition.toString());
    if (offset >= 0)
        menu.addAction(
            tr("Show journey"), this, [this, topicPartition, offset] { onRecordClicked(topicPartition, offset); });
    menu.addAction(offset >= 0 ? tr("Delete records before offset %1").arg(offset) : tr("Delete all records"), this,
        [this, topicPartition, offset] {
            ScenarioStep step;
            step.action = ScenarioAction::DeleteRecordsBefore;
            step.topic = topicPartition.topic;
            step.partition = topicPartition.partition;
            step.offset = offset;
            step.path = QStringLiteral("flow view");
            if (m_control)
                m_control->perform(step);
        });
    menu.addAction(tr("Add partitions to %1…").arg(topicPartition.topic), this, &FlowWorkspace::addPartitions);
    menu.exec(globalPos);
}

void FlowWorkspace::addProducer()
{
    AddProducerDialog dialog(unusedId(QStringLiteral("producer")), topicNames(), this);
    if (dialog.exec() != QDialog::Accepted || !m_control)
        return;
    m_control->addProducer(dialog.producer());
}

void FlowWorkspace::addConsumer()
{
    AddConsumerDialog dialog(unusedId(QStringLiteral("consumer")), groupNames(), topicNames(), this);
    if (dialog.exec() != QDialog::Accepted || !m_control)
        return;
    m_control->addConsumer(dialog.consumer());
}

void FlowWorkspace::addPartitions()
{
    const QStringList topics = topicNames();
    if (topics.isEmpty() || !m_control)
        return;
    bool ok = false;
    const QString topic = topics.size() == 1
        ? topics.first()
        : QInputDialog::getItem(this, tr("Add Partitions"), tr("Topic"), topics, 0, false, &ok);
    if (topics.size() > 1 && !ok)
        return;
    const auto it = std::find_if(
        m_live.topics.cbegin(), m_live.topics.cend(), [&](const engine::FlowTopic &t) { return t.name == topic; });
    const int current = it == m_live.topics.cend() ? 1 : static_cast<int>(it->partitions.size());
    const int total = QInputDialog::getInt(this, tr("Add Partitions"),
        tr("New partition count of %1 (now %2). Keyed records may move to other partitions.").arg(topic).arg(current),
        current + 1, current + 1, 1000, 1, &ok);
    if (!ok)
        return;
    ScenarioStep step;
    step.action = ScenarioAction::AddPartitions;
    step.topic = topic;
    step.count = total;
    step.path = QStringLiteral("flow view");
    m_control->perform(step);
}

void FlowWorkspace::deleteRecords()
{
    const QStringList topics = topicNames();
    if (topics.isEmpty() || !m_control)
        return;
    bool ok = false;
    const QString topic = QInputDialog::getItem(this, tr("Delete Records"), tr("Topic"), topics, 0, false, &ok);
    if (!ok)
        return;
    const qint64 before = QInputDialog::getInt(this, tr("Delete Records"),
        tr("Delete the records of every partition of %1 before offset (-1 = the high watermark: all):").arg(topic), -1,
        -1, std::numeric_limits<int>::max(), 1, &ok);
    if (!ok)
        return;
    ScenarioStep step;
    step.action = ScenarioAction::DeleteRecordsBefore;
    step.topic = topic;
    step.offset = before;
    step.path = QStringLiteral("flow view");
    m_control->perform(step);
}

void FlowWorkspace::resetOffsets()
{
    const QStringList groups = groupNames();
    const QStringList topics = topicNames();
    if (groups.isEmpty() || topics.isEmpty() || !m_control)
        return;
    bool ok = false;
    const QString group = QInputDialog::getItem(this, tr("Reset Offsets"), tr("Group"), groups, 0, false, &ok);
    if (!ok)
        return;
    const QString topic = QInputDialog::getItem(this, tr("Reset Offsets"), tr("Topic"), topics, 0, false, &ok);
    if (!ok)
        return;
    const QString to = QInputDialog::getItem(this, tr("Reset Offsets"),
        tr("Reset to (refused while the group has members, as in Kafka)"),
        {QStringLiteral("earliest"), QStringLiteral("latest")}, 0, false, &ok);
    if (!ok)
        return;
    ScenarioStep step;
    step.action = ScenarioAction::ResetOffsets;
    step.group = group;
    step.topic = topic;
    step.resetTo = to;
    step.path = QStringLiteral("flow view");
    m_control->perform(step);
}

} // namespace topicscope::ui
