#include "addconsumerdialog.h"

#include "assignornames.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace topicscope::ui {

AddConsumerDialog::AddConsumerDialog(
    const QString &suggestedId, const QStringList &groups, const QStringList &topics, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Add Consumer"));
    auto *form = new QFormLayout(this);
    m_id = new QLineEdit(suggestedId, this);
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("group"));
    m_group->setEditable(true);
    m_group->addItems(groups);
    m_topic = new QComboBox(this);
    m_topic->addItems(topics);
    m_protocol = new QComboBox(this);
    m_protocol->setObjectName(QStringLiteral("groupProtocol"));
    m_protocol->addItem(tr("classic"), int(engine::ConsumerGroupProtocol::Classic));
    m_protocol->addItem(tr("consumer (Kafka 4, KIP-848)"), int(engine::ConsumerGroupProtocol::Consumer));
    m_protocol->setToolTip(tr("group.protocol. Under the consumer protocol the broker computes the assignment "
                              "(group.remote.assignor). A group is of one protocol: a group with classic members "
                              "refuses consumer-protocol members, and the other way round."));
    m_assignor = new QComboBox(this);
    m_assignor->setObjectName(QStringLiteral("assignor"));
    m_assignor->addItems(engine::builtInAssignorNames());
    // The assignors of the chosen protocol: the client's own (partition.assignment.strategy), or the broker's.
    connect(m_protocol, &QComboBox::currentIndexChanged, this, [this] {
        const bool consumerProtocol = m_protocol->currentData().toInt() == int(engine::ConsumerGroupProtocol::Consumer);
        m_assignor->clear();
        m_assignor->addItems(consumerProtocol ? engine::serverAssignorNames() : engine::builtInAssignorNames());
        m_assignor->setToolTip(consumerProtocol ? QStringLiteral("group.remote.assignor")
                                                : QStringLiteral("partition.assignment.strategy"));
    });
    m_assignor->setToolTip(QStringLiteral("partition.assignment.strategy"));
    m_commit = new QComboBox(this);
    m_commit->addItem(tr("auto-commit (enable.auto.commit)"), int(engine::ScenarioCommitMode::Auto));
    m_commit->addItem(tr("commitSync() after each poll's records"), int(engine::ScenarioCommitMode::AfterProcessing));
    m_commit->addItem(tr("commitSync() after every record"), int(engine::ScenarioCommitMode::AfterEachRecord));
    m_commit->addItem(
        tr("commitSync() before processing (may lose)"), int(engine::ScenarioCommitMode::BeforeProcessing));
    m_reset = new QComboBox(this);
    m_reset->addItem(QStringLiteral("earliest"), int(engine::OffsetResetPolicy::Earliest));
    m_reset->addItem(QStringLiteral("latest"), int(engine::OffsetResetPolicy::Latest));
    m_processing = new QSpinBox(this);
    m_processing->setRange(0, 60000);
    m_processing->setValue(50);
    m_processing->setSuffix(tr(" ms per record"));
    m_interval = new QSpinBox(this);
    m_interval->setRange(100, 600000);
    m_interval->setValue(5000);
    m_interval->setSuffix(tr(" ms"));
    m_maxPoll = new QSpinBox(this);
    m_maxPoll->setRange(1, 10000);
    m_maxPoll->setValue(500);
    form->addRow(tr("Client id"), m_id);
    form->addRow(tr("group.id"), m_group);
    form->addRow(tr("Topic"), m_topic);
    form->addRow(QStringLiteral("group.protocol"), m_protocol);
    form->addRow(tr("Assignor"), m_assignor);
    form->addRow(tr("Commit"), m_commit);
    form->addRow(tr("auto.offset.reset"), m_reset);
    form->addRow(tr("Processing"), m_processing);
    form->addRow(tr("auto.commit.interval.ms"), m_interval);
    form->addRow(tr("max.poll.records"), m_maxPoll);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

engine::ScenarioConsumer AddConsumerDialog::consumer() const
{
    engine::ScenarioConsumer c;
    c.id = m_id->text().trimmed();
    if (!m_group->currentText().trimmed().isEmpty())
        c.group = m_group->currentText().trimmed();
    c.topics = {m_topic->currentText()};
    c.groupProtocol = static_cast<engine::ConsumerGroupProtocol>(m_protocol->currentData().toInt());
    c.assignor = m_assignor->currentText();
    c.commit = static_cast<engine::ScenarioCommitMode>(m_commit->currentData().toInt());
    c.autoOffsetReset = static_cast<engine::OffsetResetPolicy>(m_reset->currentData().toInt());
    c.processingMs = m_processing->value();
    c.autoCommitIntervalMs = m_interval->value();
    c.maxPollRecords = m_maxPoll->value();
    return c;
}

} // namespace topicscope::ui
