#include "tableview.h"

#include "format.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace topicscope::ui {

TableView::TableView(QWidget *parent)
    : QTableView(parent)
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSortRole(SortRole);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
}

void TableView::setSourceModel(QAbstractItemModel *model)
{
    m_proxy->setSourceModel(model);
    setModel(m_proxy);
    sortByColumn(0, Qt::AscendingOrder);
}

int TableView::currentSourceRow() const
{
    const QModelIndex i = currentIndex();
    return i.isValid() ? m_proxy->mapToSource(i).row() : -1;
}

void TableView::selectSourceRow(int row)
{
    const QModelIndex i = m_proxy->mapFromSource(m_proxy->sourceModel()->index(row, 0));
    if (i.isValid())
        selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace topicscope::ui
