#pragma once

#include <QTableView>

class QSortFilterProxyModel;
class QAbstractItemModel;

namespace topicscope::ui {

// The explorer's standard table: sortable by the models' SortRole, whole-row selection, compact rows.
// GUI thread.
class TableView : public QTableView {
    Q_OBJECT
public:
    explicit TableView(QWidget *parent = nullptr);
    // Shows model through a sorting proxy that this view owns.
    void setSourceModel(QAbstractItemModel *model);
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // Source row of the current row, -1 when none.
    int currentSourceRow() const;
    void selectSourceRow(int row);

private:
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace topicscope::ui
