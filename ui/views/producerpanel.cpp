#include "producerpanel.h"
#include "enginephrases.h"

#include "clusterclient.h"
#include "format.h"
#include "topicnames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace topicscope::ui {

namespace {
const QString ExplicitPartitioner = QStringLiteral("explicit");
}

ProducerPanel::ProducerPanel(engine::ClusterClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    m_topic = new QComboBox(this);
    m_topic->setObjectName(QStringLiteral("produceTopic"));
    m_nullKey = new QCheckBox(tr("null key"), this);
    m_nullKey->setObjectName(QStringLiteral("produceNullKey"));
    m_nullKey->setToolTip(
        tr("No key at all: the partitioner spreads the records. Unchecked with the field empty, "
           "the key is the empty string (0 bytes), which the default partitioner hashes like any key."));
    m_nullKey->setChecked(true);
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("produceKey"));
    m_value = new QPlainTextEdit(this);
    m_value->setObjectName(QStringLiteral("produceValue"));
    m_value->setMaximumHeight(90);
    m_nullValue = new QCheckBox(tr("null value (tombstone)"), this);
    m_nullValue->setObjectName(QStringLiteral("produceNullValue"));
    m_nullValue->setToolTip(tr("A record without a value: on a compacted topic it deletes the key."));
    m_headers = new QLineEdit(this);
    m_headers->setPlaceholderText(tr("name=value, name2=value2"));
    const QStringList serdes {QStringLiteral("string"), QStringLiteral("json"), QStringLiteral("bytes"),
        QStringLiteral("int32"), QStringLiteral("int64")};
    m_keySerde = new QComboBox(this);
    m_keySerde->addItems(serdes);
    m_valueSerde = new QComboBox(this);
    m_valueSerde->addItems(serdes);
    m_partitioner = new QComboBox(this);
    m_partitioner->setObjectName(QStringLiteral("producePartitioner"));
    m_partitioner->addItem(tr("default (murmur2 / sticky)"), QStringLiteral("built-in"));
    m_partitioner->addItem(tr("round-robin"), QStringLiteral("round-robin"));
    m_partitioner->addItem(tr("uniform sticky"), QStringLiteral("uniform-sticky"));
    m_partitioner->addItem(tr("explicit partition"), ExplicitPartitioner);
    m_partition = new QSpinBox(this);
    m_partition->setRange(0, 9999);
    m_partition->setEnabled(false);
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("produceCount"));
    m_count->setRange(1, 10'000'000);
    m_rate = new QDoubleSpinBox(this);
    m_rate->setRange(0, 1'000'000);
    m_rate->setDecimals(0);
    m_rate->setSpecialValueText(tr("as fast as possible"));
    m_rate->setSuffix(tr(" records/s"));
    m_previewLabel = new QLabel(this);
    m_previewLabel->setObjectName(QStringLiteral("partitionPreview"));
    m_previewLabel->setWordWrap(true);
    m_previewLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("produceStatus"));
    m_status->setWordWrap(true);
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("produceSend"));
    m_send->setToolTip(tr("Send (Ctrl+Return)"));
    m_send->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);

    auto *outer = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    form->addRow(tr("Topic:"), m_topic);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_nullKey);
    form->addRow(tr("Key:"), keyRow);
    auto *valueColumn = new QVBoxLayout;
    valueColumn->addWidget(m_value);
    valueColumn->addWidget(m_nullValue);
    form->addRow(tr("Value:"), valueColumn);
    form->addRow(tr("Headers:"), m_headers);
    auto *serdeRow = new QHBoxLayout;
    serdeRow->addWidget(new QLabel(tr("key"), this));
    serdeRow->addWidget(m_keySerde);
    serdeRow->addWidget(new QLabel(tr("value"), this));
    serdeRow->addWidget(m_valueSerde);
    serdeRow->addStretch();
    form->addRow(tr("Serializers:"), serdeRow);
    auto *partRow = new QHBoxLayout;
    partRow->addWidget(m_partitioner, 1);
    partRow->addWidget(m_partition);
    form->addRow(tr("Partitioner:"), partRow);
    form->addRow(tr("Goes to:"), m_previewLabel);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_count);
    m_countLabel = new QLabel(this);
    countRow->addWidget(m_countLabel);
    countRow->addWidget(m_rate, 1);
    form->addRow(tr("Send:"), countRow);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    form->addRow(buttons);
    form->addRow(m_status);
    outer->addStretch(1);

    m_previewDelay = new QTimer(this);
    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(120);
    connect(m_previewDelay, &QTimer::timeout, this, [this] {
        if (m_client && !m_topic->currentText().isEmpty())
            m_previewRequest = m_client->previewPartition(request());
    });
    connect(m_topic, &QComboBox::currentTextChanged, this, &ProducerPanel::schedulePreview);
    // Typing a key makes it non-null; checking null clears the field, so that what is shown is what is sent.
    connect(m_key, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            m_nullKey->setChecked(false);
        updateHints();
        schedulePreview();
    });
    connect(m_nullKey, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_key->clear();
        updateHints();
        schedulePreview();
    });
    connect(m_value, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_value->toPlainText().isEmpty())
            m_nullValue->setChecked(false);
    });
    connect(m_nullValue, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_value->clear();
        updateHints();
    });
    connect(m_count, &QSpinBox::valueChanged, this, &ProducerPanel::updateHints);
    updateHints();
    connect(m_keySerde, &QComboBox::currentIndexChanged, this, &ProducerPanel::schedulePreview);
    connect(m_partitioner, &QComboBox::currentIndexChanged, this, [this] {
        m_partition->setEnabled(m_partitioner->currentData().toString() == ExplicitPartitioner);
        schedulePreview();
    });
    connect(m_partition, &QSpinBox::valueChanged, this, &ProducerPanel::schedulePreview);
    connect(m_send, &QPushButton::clicked, this, &ProducerPanel::send);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_client && m_produceRequest)
            m_client->cancelProduce(m_produceRequest);
    });
    connect(client, &engine::ClusterClient::partitionPreviewed, this,
        [this](quint64 id, const engine::PartitionPreview &p) {
            if (id != m_previewRequest)
                return;
            m_preview = p;
            m_previewLabel->setText(p.error != 0
                    ? tr("⚠ %1").arg(p.errorMessage.toHtmlEscaped())
                    : tr("<b>partition %1 of %2</b> — %3 %4")
                          .arg(p.partition)
                          .arg(p.partitionCount)
                          .arg(keyNote().toHtmlEscaped(), EnginePhrases::translate(p.explanation).toHtmlEscaped()));
        });
    connect(client, &engine::ClusterClient::produceProgress, this, [this](quint64 id, const engine::ProduceReport &r) {
        if (id != m_produceRequest)
            return;
        QString text = r.finished ? tr("Sent %1 of %2").arg(r.sent).arg(r.total)
                                  : tr("Sending… %1 of %2").arg(r.sent).arg(r.total);
        if (r.lastPartition >= 0)
            text += tr(" · last: partition %1 offset %2 (%3)")
                        .arg(r.lastPartition)
                        .arg(r.lastOffset)
                        .arg(EnginePhrases::translate(r.lastDecision.explanation));
        if (r.failed > 0)
            text += tr(" · %1 failed: %2").arg(r.failed).arg(r.lastError);
        m_status->setText(text);
        if (r.finished) {
            m_send->setEnabled(true);
            m_cancel->setEnabled(false);
            m_produceRequest = 0;
            schedulePreview(); // sticky partitioners may have moved on
        }
        Q_EMIT produced(r);
    });
}

void ProducerPanel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    QStringList names;
    for (const engine::TopicInfo &t : snapshot.topics) {
        if (!engine::TopicNames::isInternal(t.name)) // only the broker writes those
            names.append(t.name);
    }
    QStringList current;
    for (int i = 0; i < m_topic->count(); ++i)
        current.append(m_topic->itemText(i));
    if (names != current) {
        const QString selected = m_topic->currentText();
        const QSignalBlocker blocker(m_topic);
        m_topic->clear();
        m_topic->addItems(names);
        m_topic->setCurrentIndex(std::max(0, int(names.indexOf(selected))));
        schedulePreview();
    }
}

void ProducerPanel::setTopic(const QString &topic)
{
    const int i = m_topic->findText(topic);
    if (i >= 0)
        m_topic->setCurrentIndex(i);
}

engine::ProduceRequest ProducerPanel::request() const
{
    engine::ProduceRequest r;
    r.topic = m_topic->currentText();
    if (!m_nullKey->isChecked())
        r.key = m_key->text();
    if (!m_nullValue->isChecked())
        r.value = m_value->toPlainText();
    for (const QString &pair : m_headers->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        engine::RecordHeader h;
        h.key = (eq < 0 ? pair : pair.left(eq)).trimmed().toUtf8();
        if (eq >= 0)
            h.value = pair.mid(eq + 1).trimmed().toUtf8();
        if (!h.key.isEmpty())
            r.headers.append(h);
    }
    r.keySerializer = m_keySerde->currentText();
    r.valueSerializer = m_valueSerde->currentText();
    const QString partitioner = m_partitioner->currentData().toString();
    if (partitioner == ExplicitPartitioner)
        r.partition = m_partition->value();
    else
        r.partitioner = partitioner;
    r.count = m_count->value();
    r.ratePerSecond = m_rate->value();
    return r;
}

QString ProducerPanel::previewText() const
{
    return m_previewLabel->text();
}

QString ProducerPanel::statusText() const
{
    return m_status->text();
}

void ProducerPanel::updateHints()
{
    m_key->setPlaceholderText(m_nullKey->isChecked() ? tr("null key — type one, e.g. user-1 ({i} = sequence number)")
                                                     : tr("empty string: a key of 0 bytes, not null"));
    m_value->setPlaceholderText(m_nullValue->isChecked() ? tr("null value (a tombstone)")
                                                         : tr("value, e.g. {\"id\": {i}}; empty = the empty string"));
    m_countLabel->setText(tr("record(s) at", nullptr, m_count->value()));
}

QString ProducerPanel::keyNote() const
{
    if (m_partitioner->currentData().toString() == ExplicitPartitioner)
        return {};
    if (m_nullKey->isChecked())
        return tr("null key:");
    if (!m_key->text().isEmpty())
        return {};
    // Only the default partitioner hashes keys; round-robin and uniform sticky ignore them.
    return m_partitioner->currentData().toString() == QLatin1String("built-in")
        ? tr("empty-string key (0 bytes, not null), hashed:")
        : tr("empty-string key (0 bytes, not null):");
}

void ProducerPanel::schedulePreview()
{
    m_previewDelay->start();
}

void ProducerPanel::send()
{
    if (!m_client || m_topic->currentText().isEmpty() || m_produceRequest != 0)
        return;
    m_produceRequest = m_client->produce(request());
    m_send->setEnabled(false);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Sending…"));
}

} // namespace topicscope::ui
