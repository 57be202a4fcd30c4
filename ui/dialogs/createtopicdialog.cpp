#include "createtopicdialog.h"

#include "topicnames.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace topicscope::ui {

CreateTopicDialog::CreateTopicDialog(const QStringList &existingTopics, QWidget *parent)
    : QDialog(parent)
    , m_existing(existingTopics)
{
    setWindowTitle(tr("New Topic"));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("topicName"));
    m_name->setPlaceholderText(tr("e.g. orders"));
    m_partitions = new QSpinBox(this);
    m_partitions->setObjectName(QStringLiteral("partitions"));
    m_partitions->setRange(1, 1000);
    m_partitions->setValue(3);
    m_retention = new QComboBox(this);
    m_retention->setObjectName(QStringLiteral("retention"));
    const qint64 hour = 3600 * 1000LL;
    m_retention->addItem(tr("1 hour"), hour);
    m_retention->addItem(tr("1 day"), 24 * hour);
    m_retention->addItem(tr("7 days (Kafka's default)"), 7 * 24 * hour);
    m_retention->addItem(tr("Forever"), qint64(-1));
    m_retention->setCurrentIndex(2);
    // cleanup.policy: what removes old records. Compaction keeps the newest record of each key (a changelog, a
    // table's latest state), so the retention above applies only when deletion is part of the policy.
    m_cleanup = new QComboBox(this);
    m_cleanup->setObjectName(QStringLiteral("cleanupPolicy"));
    m_cleanup->addItem(tr("Delete old records (Kafka's default)"), QStringLiteral("delete"));
    m_cleanup->addItem(tr("Compact: keep the newest of each key"), QStringLiteral("compact"));
    m_cleanup->addItem(tr("Compact and delete old records"), QStringLiteral("compact,delete"));
    connect(m_cleanup, &QComboBox::currentIndexChanged, this,
        [this] { m_retention->setEnabled(m_cleanup->currentData().toString().contains(QLatin1String("delete"))); });
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setWordWrap(true);
    // Room for two lines from the start, so that most reasons fit without the dialog jumping as they come and
    // go; validate() grows the dialog when a reason needs more (a word-wrapped label is clipped otherwise).
    m_message->setMinimumHeight(2 * m_message->fontMetrics().lineSpacing());
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_message->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
    setMinimumWidth(m_message->fontMetrics().averageCharWidth() * 64);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Partitions:"), m_partitions);
    form->addRow(tr("&Cleanup:"), m_cleanup);
    form->addRow(tr("&Retention:"), m_retention);
    form->addRow(m_message);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateTopicDialog::validate);
    validate();
}

QString CreateTopicDialog::topicName() const
{
    return m_name->text();
}

int CreateTopicDialog::partitions() const
{
    return m_partitions->value();
}

engine::TopicConfig CreateTopicDialog::config() const
{
    engine::TopicConfig c;
    c.retentionMs = m_retention->currentData().toLongLong();
    const QString policy = m_cleanup->currentData().toString();
    c.cleanupCompact = policy.contains(QLatin1String("compact"));
    c.cleanupDelete = policy.contains(QLatin1String("delete"));
    return c;
}

QString CreateTopicDialog::validationMessage() const
{
    return m_message->text();
}

void CreateTopicDialog::validate()
{
    const QString name = m_name->text();
    QString why;
    QString warning;
    m_valid = false;
    if (name.isEmpty()) {
        why = tr("Letters, digits, '.', '_' and '-'; at most 249 characters.");
    } else if (engine::TopicNames::validate(name, &why) != engine::ErrorCode::None) {
        // why is the broker's own explanation
    } else if (m_existing.contains(name)) {
        why = tr("A topic named \"%1\" already exists.").arg(name);
    } else if (const QString other = collidingTopic(name); !other.isEmpty()) {
        // Kafka's CreateTopics refuses it (INVALID_TOPIC_EXCEPTION, "collides with existing topic"): metric
        // names replace '.' with '_', so the two topics would share their metrics.
        why = tr("\"%1\" collides with the existing topic \"%2\": Kafka refuses names that differ only in '.' "
                 "and '_' (their metric names would be the same).")
                  .arg(name, other);
    } else {
        m_valid = true;
        if (name.contains(QLatin1Char('.')) || name.contains(QLatin1Char('_')))
            warning = tr("Valid. Kafka advises against mixing '.' and '_' in topic names.");
    }
    m_message->setText(m_valid ? warning : why);
    m_message->setStyleSheet(m_valid ? QString() : QStringLiteral("color: palette(highlight)"));
    if (!m_valid && !name.isEmpty())
        m_message->setStyleSheet(QStringLiteral("color: #c62828"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
    // A word-wrapped label does not make its dialog taller by itself: grow it when a reason needs more lines.
    if (isVisible()) {
        const int needed = m_message->heightForWidth(m_message->width());
        if (needed > m_message->height())
            resize(width(), height() + needed - m_message->height());
    }
}

QString CreateTopicDialog::collidingTopic(const QString &name) const
{
    // The broker's own rule, so the dialog refuses exactly what createTopic refuses.
    const QString mine = engine::TopicNames::metricName(name);
    for (const QString &t : std::as_const(m_existing)) {
        if (t != name && engine::TopicNames::metricName(t) == mine)
            return t;
    }
    return {};
}

} // namespace topicscope::ui
