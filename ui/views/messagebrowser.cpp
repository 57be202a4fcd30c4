#include "messagebrowser.h"

#include "clusterclient.h"
#include "messagemodel.h"
#include "recordexport.h"
#include "topicnames.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
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
    m_format->setObjectName(QStringLiteral("browserFormat"));
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
    controls->addStretch(1);
    // A second row: on one row, next to the docks at 1280x720, the filter field shrank to nothing.
    auto *viewRow = new QHBoxLayout;
    viewRow->addWidget(new QLabel(tr("Show:"), this));
    viewRow->addWidget(m_format);
    viewRow->addWidget(m_filter, 1);
    viewRow->addWidget(m_tail);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("messagesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows: they are copied or exported together.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
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
    m_exportMenu = new QMenu(this);
    m_exportMenu->addAction(tr("Copy as JSON Lines"), this, [this] { copySelected(false); });
    m_exportMenu->addAction(tr("Copy as CSV"), this, [this] { copySelected(true); });
    m_exportMenu->addAction(tr("Export Selected…"), this, &MessageBrowser::exportSelectedAs);
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("browserExport"));
    exportButton->setText(tr("Copy / Export"));
    exportButton->setToolTip(tr("Copy or export the selected records as JSON Lines or CSV"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setMenu(m_exportMenu);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(viewRow);
    layout->addWidget(splitter, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(exportButton);
    layout->addLayout(bottom);

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
    // A time-ordered tail also drops its oldest rows and reloads: the newest stay in view.
    const auto keepNewestInView = [this] {
        if (m_tail->isChecked())
            m_table->scrollToBottom();
    };
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, keepNewestInView);
    connect(m_model, &QAbstractItemModel::modelReset, this, keepNewestInView);
    // A record's context menu: the copy and export actions, and where the record came from and went.
    auto *contextMenu = new QMenu(this);
    contextMenu->addActions(m_exportMenu->actions());
    contextMenu->addSeparator();
    QAction *journey = contextMenu->addAction(tr("Show Journey in Flow"), this, [this] { requestJourneyOfCurrent(); });
    journey->setObjectName(QStringLiteral("browserShowJourney"));
    connect(m_table, &QWidget::customContextMenuRequested, this,
        [contextMenu, this](const QPoint &pos) { contextMenu->popup(m_table->viewport()->mapToGlobal(pos)); });
    connect(m_tail, &QCheckBox::toggled, this, [this](bool on) {
        const QScopedValueRollback guard(m_shiftingWindow, true);
        if (on) {
            applyOrder();
            m_model->revealEnd();
            m_table->scrollToBottom();
            return;
        }
        if (m_model->order() == MessageModel::Order::Log)
            return; // one partition tails in log order: nothing moves
        // Back to the log, at the record that was selected (else the newest shown), so that it can be read on.
        std::optional<engine::MessageRow> at;
        if (m_table->currentIndex().isValid())
            at = m_model->messageAt(m_table->currentIndex().row());
        if (!at)
            at = m_model->messageAt(m_model->rowCount() - 1);
        applyOrder();
        if (at) {
            const int row = m_model->reveal(at->partition, at->offset);
            if (row >= 0) {
                m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
                m_table->selectRow(row);
            }
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
    QStringList internal; // listed after the others: browsable, but not what the browser opens on
    for (const engine::TopicInfo &t : snapshot.topics)
        (engine::TopicNames::isInternal(t.name) ? internal : names).append(t.name);
    names += internal;
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
    if (m_tail->isChecked()) { // another topic or partition, still tailing
        applyOrder();
        m_model->revealEnd();
        m_table->scrollToBottom();
        return;
    }
    go();
}

void MessageBrowser::applyOrder()
{
    // One partition's log is already in time order (and can be scrolled through whole); across partitions the
    // log puts the newest records of every partition but the last out of view.
    m_model->setOrder(
        m_tail->isChecked() && m_model->partition() < 0 ? MessageModel::Order::Time : MessageModel::Order::Log);
}

void MessageBrowser::go()
{
    if (m_tail->isChecked())
        m_tail->setChecked(false); // a start picked is a place in the log: the tail stops there
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
    // Null and the empty string differ in Kafka (a null key is spread by the partitioner, an empty one hashed).
    const auto shown = [this](const std::optional<QByteArray> &bytes, BytesFormat as) -> QString {
        if (bytes && bytes->isEmpty())
            return tr("(empty string, 0 bytes)");
        if (bytes && as == BytesFormat::Hex)
            return format::hexDump(*bytes);
        return format::bytes(bytes, as, false);
    };
    // A short key goes on its label's line, a dump or an indented JSON key on the lines below.
    const auto afterLabel = [](const QString &body) -> QString {
        return (body.contains(QLatin1Char('\n')) ? QLatin1Char('\n') : QLatin1Char(' ')) + body;
    };
    QString text = tr("partition %1 · offset %2 · %3 · %n byte(s)", nullptr, row->sizeBytes)
                       .arg(row->partition)
                       .arg(row->offset)
                       .arg(format::timestamp(row->timestamp))
        + QLatin1Char('\n');
    text += tr("key:") + afterLabel(shown(row->key, f)) + QLatin1Char('\n');
    for (const engine::RecordHeader &h : row->headers)
        text += tr("header ") + QString::fromUtf8(h.key) + QStringLiteral(": ") + shown(h.value, BytesFormat::Text)
            + QLatin1Char('\n');
    text += QLatin1Char('\n') + shown(row->value, f);
    if (m_detail->toPlainText() != text)
        m_detail->setPlainText(text);
}

void MessageBrowser::updateStatus()
{
    const QString where
        = m_model->partition() >= 0 ? tr("partition %1").arg(m_model->partition()) : tr("all partitions");
    const int rows = m_model->rowCount();
    if (m_model->topic().isEmpty())
        m_status->setText(tr("No topic."));
    else if (m_model->order() == MessageModel::Order::Time)
        m_status->setText(
            tr("Live tail of %1, every partition in time order: the newest %Ln record(s)%2", nullptr, rows)
                .arg(m_model->topic(),
                    m_model->filter().isEmpty() ? QString() : tr(" matching \"%1\"").arg(m_model->filter())));
    else if (!m_model->filter().isEmpty())
        m_status->setText(tr("%Ln match(es) of \"%1\" in %2 of %3%4", nullptr, rows)
                              .arg(m_model->filter(), where, m_model->topic(),
                                  m_model->canFetchMore({}) ? tr(" (scroll for more)") : QString()));
    else
        m_status->setText(tr("%Ln record(s) in %1 of %2 · %3 cached", nullptr,
            int(std::min<qint64>(m_model->totalRows(), std::numeric_limits<int>::max())))
                              .arg(where, m_model->topic(), format::count(m_model->cachedRecords())));
}

QString MessageBrowser::detailText() const
{
    return m_detail->toPlainText();
}

QList<engine::MessageRow> MessageBrowser::selectedMessages(int *missing) const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<engine::MessageRow> messages;
    int notLoaded = 0;
    for (const int row : std::as_const(rows)) {
        if (const auto message = m_model->messageAt(row)) // asks for the page when it is not loaded
            messages.append(*message);
        else
            ++notLoaded;
    }
    if (missing)
        *missing = notLoaded;
    return messages;
}

QString MessageBrowser::selectedAsJsonLines() const
{
    return recordexport::toJsonLines(m_model->topic(), selectedMessages());
}

QString MessageBrowser::selectedAsCsv() const
{
    return recordexport::toCsv(m_model->topic(), selectedMessages());
}

bool MessageBrowser::exportSelected(const QString &path, QString *why) const
{
    const bool csv = path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write((csv ? selectedAsCsv() : selectedAsJsonLines()).toUtf8()) < 0) {
        if (why)
            *why = file.errorString();
        return false;
    }
    return true;
}

void MessageBrowser::copySelected(bool csv)
{
    int missing = 0;
    const QList<engine::MessageRow> rows = selectedMessages(&missing);
    QApplication::clipboard()->setText(
        csv ? recordexport::toCsv(m_model->topic(), rows) : recordexport::toJsonLines(m_model->topic(), rows));
    QString text = csv ? tr("Copied %n record(s) as CSV.", nullptr, int(rows.size()))
                       : tr("Copied %n record(s) as JSON Lines.", nullptr, int(rows.size()));
    if (missing > 0)
        text += QLatin1Char(' ')
            + tr("%n selected row(s) were not loaded yet and are left out: copy again in a moment.", nullptr, missing);
    m_status->setText(text);
}

void MessageBrowser::exportSelectedAs()
{
    const QString jsonLines = tr("JSON Lines (*.jsonl)");
    const QString csv = tr("CSV (*.csv)");
    QString filter = jsonLines;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Selected Records"),
        m_model->topic() + QStringLiteral(".jsonl"), jsonLines + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty())
        return;
    if (filter == csv && !path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) { // the suffix decides
        if (path.endsWith(QStringLiteral(".jsonl")))
            path.chop(6);
        path += QStringLiteral(".csv");
    }
    QString why;
    if (!exportSelected(path, &why))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, why));
}

bool MessageBrowser::requestJourneyOfCurrent()
{
    if (!m_table->currentIndex().isValid())
        return false;
    const std::optional<engine::MessageRow> row = m_model->messageAt(m_table->currentIndex().row());
    if (!row)
        return false;
    Q_EMIT journeyRequested(m_topic->currentText(), row->partition, row->offset);
    return true;
}

} // namespace topicscope::ui
