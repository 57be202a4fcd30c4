#include "protocollaneview.h"

#include "elidedlabel.h"
#include "format.h"
#include "protocollanefilter.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace topicscope::ui {

ProtocolLaneView::ProtocolLaneView(QWidget *parent, int capacity)
    : QWidget(parent)
    , m_model(new ProtocolLaneModel(this, capacity))
    , m_filter(new ProtocolLaneFilter(this))
    , m_table(new QTableView(this))
    , m_filterEdit(new QLineEdit(this))
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
    , m_status(new ElidedLabel(this))
{
    setObjectName(QStringLiteral("protocolLane"));
    m_table->setObjectName(QStringLiteral("protocolLaneTable"));
    m_filterEdit->setObjectName(QStringLiteral("protocolLaneFilter"));
    m_errorsOnly->setObjectName(QStringLiteral("protocolLaneErrorsOnly"));
    m_status->setObjectName(QStringLiteral("protocolLaneStatus"));
    m_filter->setLaneModel(m_model);

    m_filterEdit->setPlaceholderText(tr("Filter: client id, API, group…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_errorsOnly->setToolTip(tr("Only the answers that carried an error code"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    // One step per row: the scroll position is a row number, which keeps the rows a reader looks at in place when
    // the oldest ones leave (see the rowsRemoved handler).
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ProtocolLaneModel::Details, QHeaderView::Stretch);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    // The key fields take what the others leave: on a 1280x720 window beside the explorer's docks, about a third.
    header->resizeSection(ProtocolLaneModel::Time, digit * 13);
    header->resizeSection(ProtocolLaneModel::Client, digit * 26);
    header->resizeSection(ProtocolLaneModel::Api, digit * 16);
    header->resizeSection(ProtocolLaneModel::Latency, digit * 8);
    header->resizeSection(ProtocolLaneModel::Error, digit * 22);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_errorsOnly);
    bar->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        followIfFollowing();
        updateStatus();
    });
    connect(m_errorsOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setErrorsOnly(on);
        followIfFollowing();
        updateStatus();
    });
    QScrollBar *scroll = m_table->verticalScrollBar();
    connect(
        scroll, &QScrollBar::valueChanged, this, [this, scroll](int value) { m_follow = value >= scroll->maximum(); });
    // The oldest rows leave from the top: a reader who scrolled up keeps the rows in view where they are.
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, [this, scroll](const QModelIndex &, int first, int last) {
        if (!m_follow && first == 0)
            scroll->setValue(std::max(0, scroll->value() - (last - first + 1)));
    });
    updateStatus();
}

void ProtocolLaneView::append(const QList<engine::WireExchange> &exchanges)
{
    if (exchanges.isEmpty())
        return;
    const bool follow = m_follow;
    m_model->append(exchanges);
    m_follow = follow; // whatever the scroll bar did while rows moved
    followIfFollowing();
    updateStatus();
}

void ProtocolLaneView::clear()
{
    m_model->clear();
    m_dropped = 0;
    m_follow = true;
    updateStatus();
}

void ProtocolLaneView::addDropped(qint64 count)
{
    if (count <= 0)
        return;
    m_dropped += count;
    updateStatus();
}

void ProtocolLaneView::setConnectionId(quint64 connectionId)
{
    m_filter->setConnectionId(connectionId);
    followIfFollowing();
    updateStatus();
}

void ProtocolLaneView::followIfFollowing()
{
    if (m_follow)
        m_table->scrollToBottom();
}

QString ProtocolLaneView::statusText() const
{
    QString text
        = tr("%1 of %2 exchanges").arg(format::count(m_filter->rowCount()), format::count(m_model->rowCount()));
    const qint64 gone = m_model->evicted() + m_dropped;
    if (gone > 0)
        text += tr(" · %1 older ones not kept").arg(format::count(gone));
    return text;
}

void ProtocolLaneView::updateStatus()
{
    m_status->setText(statusText());
}

} // namespace topicscope::ui
