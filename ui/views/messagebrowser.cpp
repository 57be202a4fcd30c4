#include "messagebrowser.h"

#include "messagemodel.h"
#include "runtime/clusterclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace topicscope::ui {

MessageBrowser::MessageBrowser(engine::ClusterClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new MessageModel(client, this))
{
    m_topic = new QComboBox(this);
    m_topic->setObjectName(QStringLiteral("browserTopic"));
    m_topic->setMinimumContentsLength(14);
    m_partition = new QComboBox(this);
    m_partition->setObjectName(QStringLiteral("browserPartition"));
    m_start = new QComboBox(this);
    m_start->addItems({tr("Earliest"), tr("Latest"), tr("Offset"), tr("Timestamp")});
    m_offset = new QSpinBox(this);
    m_offset->setRange(0, std::numeric_limits<int>::max());
    m_time = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    auto *goButton = new QPushButton(tr("Go"), this);
    m_format = new QComboBox(this);
    m_format->addItem(tr("Text"), int(BytesFormat::Text));
    m_format->addItem(tr("JSON"), int(BytesFormat::Json));
    m_format->addItem(tr("Hex"), int(BytesFormat::Hex));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("browserFilter"));
    m_filter->setPlaceholderText(tr("Filter key or value…"));
    m_filter->setClearButtonEnabled(true);
    m_tail = new QCheckBox(tr("Live tail"), this);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Topic:"), this));
    controls->addWidget(m_topic);
    controls->addWidget(m_partition);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("Start:"), this));
    controls->addWidget(m_start);
    controls->addWidget(m_offset);
    controls->addWidget(m_time);
    controls->addWidget(goButton);
    controls->addSpacing(8);
    controls->addWidget(m_format);
    controls->addWidget(m_filter, 1);
    controls->addWidget(m_tail);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("messagesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Rows, not pixels: the window shift below keeps the same record in view by moving the value by rows.
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, so millions of rows cost nothing.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->resizeSection(MessageModel::Partition, 70);
    m_table->horizontalHeader()->resizeSection(MessageModel::Offset, 90);
    m_table->horizontalHeader()->resizeSection(MessageModel::Timestamp, 170);
    m_table->horizontalHeader()->resizeSection(MessageModel::Key, 120);
    m_table->horizontalHeader()->resizeSection(MessageModel::Value, 380);
    m_table->horizontalHeader()->resizeSection(MessageModel::Headers, 140);
    m_table->horizontalHeader()->resizeSection(MessageModel::Size, 70);
    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("messageDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a record to see it whole."));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("browserStatus"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    auto startChanged = [this] {
        const Start s = Start(m_start->currentIndex());
        m_offset->setVisible(s == Start::Offset);
        m_time->setVisible(s == Start::Timestamp);
    };
    startChanged();
    connect(m_start, &QComboBox::currentIndexChanged, this, [this, startChanged] {
        startChanged();
        go();
    });
    connect(goButton, &QPushButton::clicked, this, &MessageBrowser::go);
    connect(m_offset, &QSpinBox::editingFinished, this, &MessageBrowser::go);
    connect(m_topic, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingCombos)
            reload();
    });
    connect(m_partition, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingCombos)
            reload();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setBytesFormat(BytesFormat(m_format->currentData().toInt()));
        updateDetail();
    });
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, [this] {
        m_model->setFilter(m_filter->text());
        updateStatus();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MessageBrowser::updateDetail);
    connect(m_model, &MessageModel::pageLoaded, this, [this] {
        updateDetail();
        updateStatus();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_tail->isChecked())
            m_table->scrollToBottom();
        updateStatus();
    });
    connect(m_tail, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            m_model->revealEnd();
            m_table->scrollToBottom();
        }
    });
    // The model shows a window of the log; reaching its edge moves the window on, keeping the same records in
    // view, so that scrolling goes on through the whole log.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        QScrollBar *bar = m_table->verticalScrollBar();
        if (m_shiftingWindow || !m_model->filter().isEmpty() || bar->maximum() <= 0)
            return;
        qint64 moved = 0;
        const QScopedValueRollback guard(m_shiftingWindow, true);
        if (value >= bar->maximum())
            moved = m_model->shiftWindow(MessageModel::MaxWindowRows / 2);
        else if (value <= bar->minimum())
            moved = m_model->shiftWindow(-MessageModel::MaxWindowRows / 2);
        if (moved != 0)
            bar->setValue(int(value - moved));
    });
    connect(client, &engine::ClusterClient::offsetsLookedUp, this, [this](quint64 id, const engine::OffsetLookup &l) {
        if (id != m_lookup || l.topic != m_model->topic())
            return;
        const int p = m_model->partition() >= 0 ? m_model->partition() : 0;
        if (p < l.offsets.size()) {
            const QScopedValueRollback guard(m_shiftingWindow, true);
            const int row = m_model->reveal(p, l.offsets.at(p));
            if (row >= 0) {
                m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
                m_table->selectRow(row);
            }
        }
    });
}

void MessageBrowser::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_updatingCombos = true;
    const QString topic = m_topic->currentText();
    QStringList names;
    for (const engine::TopicInfo &t : snapshot.topics)
        names.append(t.name);
    QStringList current;
    for (int i = 0; i < m_topic->count(); ++i)
        current.append(m_topic->itemText(i));
    if (current != names) {
        m_topic->clear();
        m_topic->addItems(names);
        m_topic->setCurrentIndex(std::max(0, int(names.indexOf(topic))));
    }
    int partitions = 0;
    for (const engine::TopicInfo &t : snapshot.topics) {
        if (t.name == m_topic->currentText())
            partitions = int(t.partitions.size());
    }
    if (m_partition->count() != partitions + 1) {
        const int selected = m_partition->currentData().isValid() ? m_partition->currentData().toInt() : -1;
        m_partition->clear();
        m_partition->addItem(tr("All partitions"), -1);
        for (int p = 0; p < partitions; ++p)
            m_partition->addItem(tr("Partition %1").arg(p), p);
        m_partition->setCurrentIndex(std::max(0, m_partition->findData(selected)));
    }
    m_updatingCombos = false;
    const int partition = m_partition->currentData().isValid() ? m_partition->currentData().toInt() : -1;
    if (m_model->topic() != m_topic->currentText() || m_model->partition() != partition)
        reload();
    else
        m_model->setSnapshot(snapshot);
    updateStatus();
}

void MessageBrowser::browse(const QString &topic, int partition)
{
    m_updatingCombos = true;
    m_topic->setCurrentIndex(m_topic->findText(topic));
    m_updatingCombos = false;
    setSnapshot(m_snapshot); // refills the partition list for the topic
    m_updatingCombos = true;
    m_partition->setCurrentIndex(std::max(0, m_partition->findData(partition)));
    m_updatingCombos = false;
    reload();
}

void MessageBrowser::setStart(Start start, qint64 value)
{
    const QSignalBlocker blocker(m_start);
    m_start->setCurrentIndex(int(start));
    m_offset->setVisible(start == Start::Offset);
    m_time->setVisible(start == Start::Timestamp);
    if (start == Start::Offset)
        m_offset->setValue(int(value));
    else if (start == Start::Timestamp)
        m_time->setDateTime(QDateTime::fromMSecsSinceEpoch(value));
    go();
}

void MessageBrowser::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void MessageBrowser::setLiveTail(bool on)
{
    m_tail->setChecked(on);
}

bool MessageBrowser::isLiveTail() const
{
    return m_tail->isChecked();
}

void MessageBrowser::reload()
{
    const int partition = m_partition->currentData().isValid() ? m_partition->currentData().toInt() : -1;
    m_model->setSource(m_topic->currentText(), partition, m_snapshot);
    m_detail->clear();
    go();
}

void MessageBrowser::go()
{
    if (m_model->rowCount() == 0 && Start(m_start->currentIndex()) != Start::Timestamp)
        return;
    const QScopedValueRollback guard(m_shiftingWindow, true);
    switch (Start(m_start->currentIndex())) {
    case Start::Earliest:
        m_model->revealStart();
        m_table->scrollToTop();
        break;
    case Start::Latest:
        m_model->revealEnd();
        m_table->scrollToBottom();
        break;
    case Start::Offset: {
        const int p = m_model->partition() >= 0 ? m_model->partition() : 0;
        const int row = m_model->reveal(p, m_offset->value());
        if (row >= 0) {
            m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
            m_table->selectRow(row);
        }
        break;
    }
    case Start::Timestamp:
        if (m_client)
            m_lookup = m_client->lookupOffsets(m_model->topic(), m_time->dateTime().toMSecsSinceEpoch());
        break;
    }
}

void MessageBrowser::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    const auto row = current.isValid() ? m_model->messageAt(current.row()) : std::nullopt;
    if (!row) {
        if (!current.isValid())
            m_detail->clear();
        return;
    }
    const BytesFormat f = m_model->bytesFormat() == BytesFormat::Text ? BytesFormat::Json : m_model->bytesFormat();
    QString text = tr("partition %1 · offset %2 · %3 · %4 bytes\n")
                       .arg(row->partition)
                       .arg(row->offset)
                       .arg(format::timestamp(row->timestamp))
                       .arg(row->sizeBytes);
    text += tr("key: ") + format::bytes(row->key, f, false) + QLatin1Char('\n');
    for (const engine::RecordHeader &h : row->headers)
        text += tr("header ") + QString::fromUtf8(h.key) + QStringLiteral(": ")
            + format::bytes(h.value, BytesFormat::Text, false) + QLatin1Char('\n');
    text += QLatin1Char('\n') + format::bytes(row->value, f, false);
    if (m_detail->toPlainText() != text)
        m_detail->setPlainText(text);
}

void MessageBrowser::updateStatus()
{
    const QString where
        = m_model->partition() >= 0 ? tr("partition %1").arg(m_model->partition()) : tr("all partitions");
    if (m_model->topic().isEmpty())
        m_status->setText(tr("No topic."));
    else if (!m_model->filter().isEmpty())
        m_status->setText(tr("%1 matches of \"%2\" in %3 of %4%5")
                              .arg(format::count(m_model->rowCount()), m_model->filter(), where, m_model->topic(),
                                  m_model->canFetchMore({}) ? tr(" (scroll for more)") : QString()));
    else
        m_status->setText(tr("%1 records in %2 of %3 · %4 cached")
                              .arg(format::count(m_model->totalRows()), where, m_model->topic(),
                                  format::count(m_model->cachedRecords())));
}

} // namespace topicscope::ui
