#include "deleterecordsdialog.h"

#include "format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace topicscope::ui {

DeleteRecordsDialog::DeleteRecordsDialog(const engine::TopicInfo &topic, int partition, QWidget *parent)
    : QDialog(parent)
    , m_topic(topic)
    , m_partition(new QComboBox(this))
    , m_offset(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Delete Records"));
    m_partition->setObjectName(QStringLiteral("partition"));
    m_offset->setObjectName(QStringLiteral("beforeOffset"));
    for (const engine::PartitionInfo &p : std::as_const(m_topic.partitions))
        m_partition->addItem(tr("partition %1 (offsets %2 to %3)")
                                 .arg(p.partition)
                                 .arg(format::count(p.logStartOffset), format::count(p.logEndOffset)),
            p.partition);
    m_partition->setCurrentIndex(std::max(0, m_partition->findData(partition)));
    auto *explain = new QLabel(tr("Kafka moves the partition's log start offset up to this offset: consumers can no "
                                  "longer read the records before it, and segment files wholly below it are deleted "
                                  "at once. Nothing brings them back."),
        this);
    explain->setWordWrap(true);
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_remove = buttons->addButton(tr("&Delete Records"), QDialogButtonBox::DestructiveRole);
    m_remove->setObjectName(QStringLiteral("deleteRecords"));
    connect(m_remove, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("Topic:"), new QLabel(m_topic.name.toHtmlEscaped(), this));
    form->addRow(tr("&Partition:"), m_partition);
    form->addRow(tr("Delete &before offset:"), m_offset);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explain);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    // The high watermark of the partition chosen: every record it holds.
    const auto fill = [this] {
        if (!m_topic.partitions.isEmpty())
            m_offset->setText(QString::number(current().logEndOffset));
        validate();
    };
    connect(m_partition, &QComboBox::currentIndexChanged, this, fill);
    connect(m_offset, &QLineEdit::textChanged, this, &DeleteRecordsDialog::validate);
    fill();
}

const engine::PartitionInfo &DeleteRecordsDialog::current() const
{
    return m_topic.partitions.at(std::clamp(m_partition->currentIndex(), 0, int(m_topic.partitions.size()) - 1));
}

engine::TopicPartition DeleteRecordsDialog::partition() const
{
    return {m_topic.name, m_topic.partitions.isEmpty() ? -1 : current().partition};
}

qint64 DeleteRecordsDialog::beforeOffset() const
{
    bool ok = false;
    const qint64 offset = m_offset->text().trimmed().toLongLong(&ok);
    if (!ok || m_topic.partitions.isEmpty())
        return -1;
    return offset >= current().logStartOffset && offset <= current().logEndOffset ? offset : -1;
}

QString DeleteRecordsDialog::validationMessage() const
{
    if (m_topic.partitions.isEmpty())
        return tr("The topic has no partition.");
    if (isInputValid())
        return {};
    return tr("Enter an offset from %1 (the log start) to %2 (the high watermark).")
        .arg(current().logStartOffset)
        .arg(current().logEndOffset);
}

void DeleteRecordsDialog::setOffsetText(const QString &text)
{
    m_offset->setText(text);
}

void DeleteRecordsDialog::validate()
{
    const QString message = validationMessage();
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_remove->setEnabled(message.isEmpty());
}

} // namespace topicscope::ui
