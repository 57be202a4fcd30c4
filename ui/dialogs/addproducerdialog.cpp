#include "addproducerdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace topicscope::ui {

AddProducerDialog::AddProducerDialog(const QString &suggestedId, const QStringList &topics, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Add Producer"));
    auto *form = new QFormLayout(this);
    m_id = new QLineEdit(suggestedId, this);
    m_topic = new QComboBox(this);
    m_topic->addItems(topics);
    m_keys = new QComboBox(this);
    m_keys->addItem(tr("No key (null)"), 0);
    m_keys->addItem(tr("One fixed key"), 1);
    m_keys->addItem(tr("4 distinct keys"), 4);
    m_keys->addItem(tr("12 distinct keys"), 12);
    m_keys->setCurrentIndex(2);
    m_partitioner = new QComboBox(this);
    m_partitioner->addItem(tr("built-in (murmur2 for keys, sticky without)"), int(engine::PartitionerKind::BuiltIn));
    m_partitioner->addItem(tr("round-robin"), int(engine::PartitionerKind::RoundRobin));
    m_partitioner->addItem(tr("uniform-sticky"), int(engine::PartitionerKind::UniformSticky));
    m_rate = new QSpinBox(this);
    m_rate->setRange(0, 1000);
    m_rate->setValue(2);
    m_rate->setSuffix(tr(" records/s"));
    m_linger = new QSpinBox(this);
    m_linger->setRange(0, 10000);
    m_linger->setSuffix(tr(" ms"));
    m_batchSize = new QSpinBox(this);
    m_batchSize->setRange(64, 1048576);
    m_batchSize->setValue(16384);
    m_batchSize->setSuffix(tr(" bytes"));
    m_serializer = new QComboBox(this);
    m_serializer->addItem(QStringLiteral("string"), int(engine::SerdeFormat::String));
    m_serializer->addItem(QStringLiteral("json"), int(engine::SerdeFormat::Json));
    m_serializer->addItem(QStringLiteral("bytes"), int(engine::SerdeFormat::ByteArray));
    form->addRow(tr("Client id"), m_id);
    form->addRow(tr("Topic"), m_topic);
    form->addRow(tr("Keys"), m_keys);
    form->addRow(tr("Partitioner"), m_partitioner);
    form->addRow(tr("Rate"), m_rate);
    form->addRow(tr("linger.ms"), m_linger);
    form->addRow(tr("batch.size"), m_batchSize);
    form->addRow(tr("Key and value serializer"), m_serializer);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

engine::ScenarioProducer AddProducerDialog::producer() const
{
    engine::ScenarioProducer p;
    p.id = m_id->text().trimmed();
    p.topic = m_topic->currentText();
    p.partitioner = static_cast<engine::PartitionerKind>(m_partitioner->currentData().toInt());
    p.rate = m_rate->value();
    p.lingerMs = m_linger->value();
    p.batchSize = m_batchSize->value();
    p.keySerializer = p.valueSerializer = static_cast<engine::SerdeFormat>(m_serializer->currentData().toInt());
    // Readable keys, so that the audience can follow "alice" to her partition.
    static const QStringList names {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
        QStringLiteral("dave"), QStringLiteral("erin"), QStringLiteral("frank"), QStringLiteral("grace"),
        QStringLiteral("heidi"), QStringLiteral("ivan"), QStringLiteral("judy"), QStringLiteral("mallory"),
        QStringLiteral("oscar")};
    for (int i = 0; i < m_keys->currentData().toInt(); ++i)
        p.keys << engine::ScenarioKey(names.at(i));
    return p;
}

} // namespace topicscope::ui
