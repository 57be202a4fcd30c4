#include "resetoffsetsdialog.h"

#include "clusterclient.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace topicscope::ui {

ResetOffsetsDialog::ResetOffsetsDialog(
    engine::ClusterClient *client, const QString &groupId, const QStringList &topics, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_group(groupId)
{
    setWindowTitle(tr("Reset Offsets of %1").arg(groupId));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_topic = new QComboBox(this);
    m_topic->addItems(topics);
    m_strategy = new QComboBox(this);
    m_strategy->addItem(tr("Earliest"), int(engine::OffsetResetStrategy::Earliest));
    m_strategy->addItem(tr("Latest"), int(engine::OffsetResetStrategy::Latest));
    m_strategy->addItem(tr("Offset"), int(engine::OffsetResetStrategy::Offset));
    m_strategy->addItem(tr("Timestamp"), int(engine::OffsetResetStrategy::Timestamp));
    m_offset = new QSpinBox(this);
    m_offset->setRange(0, std::numeric_limits<int>::max());
    m_time = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600), this);
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    form->addRow(tr("Topic:"), m_topic);
    form->addRow(tr("Reset to:"), m_strategy);
    form->addRow(tr("Offset:"), m_offset);
    form->addRow(tr("Timestamp:"), m_time);
    layout->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("resetSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, 4, this);
    m_table->setHorizontalHeaderLabels({tr("Partition"), tr("Current"), tr("New"), tr("Change")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reset"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ResetOffsetsDialog::apply);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_topic, &QComboBox::currentIndexChanged, this, &ResetOffsetsDialog::updatePreview);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &ResetOffsetsDialog::updatePreview);
    connect(m_offset, &QSpinBox::valueChanged, this, &ResetOffsetsDialog::updatePreview);
    connect(m_time, &QDateTimeEdit::dateTimeChanged, this, &ResetOffsetsDialog::updatePreview);
    connect(client, &engine::ClusterClient::offsetResetPreviewed, this, &ResetOffsetsDialog::showPreview);
    connect(
        client, &engine::ClusterClient::commandFinished, this, [this](quint64 id, int error, const QString &message) {
            if (id != m_resetRequest)
                return;
            if (error == 0)
                accept();
            else
                m_summary->setText(tr("The cluster refused: %1").arg(message));
        });
    resize(520, 420);
    updatePreview();
}

engine::OffsetResetRequest ResetOffsetsDialog::request() const
{
    engine::OffsetResetRequest r;
    r.groupId = m_group;
    r.topic = m_topic->currentText();
    r.strategy = engine::OffsetResetStrategy(m_strategy->currentData().toInt());
    r.value = r.strategy == engine::OffsetResetStrategy::Timestamp ? m_time->dateTime().toMSecsSinceEpoch()
                                                                   : qint64(m_offset->value());
    return r;
}

QString ResetOffsetsDialog::previewText() const
{
    return m_summary->text();
}

void ResetOffsetsDialog::updatePreview()
{
    const auto strategy = engine::OffsetResetStrategy(m_strategy->currentData().toInt());
    m_offset->setEnabled(strategy == engine::OffsetResetStrategy::Offset);
    m_time->setEnabled(strategy == engine::OffsetResetStrategy::Timestamp);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    if (m_client && !m_topic->currentText().isEmpty())
        m_previewRequest = m_client->previewOffsetReset(request());
}

void ResetOffsetsDialog::showPreview(quint64 id, const engine::OffsetResetPreview &preview)
{
    if (id != m_previewRequest)
        return;
    m_table->setRowCount(int(preview.partitions.size()));
    for (int i = 0; i < preview.partitions.size(); ++i) {
        const auto &p = preview.partitions.at(i);
        const qint64 delta = p.currentOffset >= 0 ? p.newOffset - p.currentOffset : 0;
        const QString change = p.currentOffset < 0 ? tr("first commit")
            : delta < 0                            ? tr("re-read %1").arg(-delta)
            : delta > 0                            ? tr("skip %1").arg(delta)
                                                   : tr("unchanged");
        const QStringList cells {QString::number(p.partition),
            p.currentOffset >= 0 ? QString::number(p.currentOffset) : QStringLiteral("—"), QString::number(p.newOffset),
            change};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    const auto clamped = [](qint64 n) { return int(std::min<qint64>(n, std::numeric_limits<int>::max())); };
    QString text = tr("%n record(s) will be re-read,", nullptr, clamped(preview.recordsReread)) + QLatin1Char(' ')
        + tr("%n skipped.", nullptr, clamped(preview.recordsSkipped));
    if (preview.error != 0)
        text = preview.errorMessage + QLatin1Char('\n') + text;
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(preview.error == 0);
}

void ResetOffsetsDialog::apply()
{
    if (m_client)
        m_resetRequest = m_client->resetOffsets(request());
}

} // namespace topicscope::ui
