#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QVariant>

namespace topicscope::ui {

// Base of the explorer's table models: rows are values with a key, replaced wholesale from each snapshot and
// applied as the smallest change (rows removed, rows inserted, dataChanged over the exact columns that
// differ), so views keep their selection and scroll position. Subclasses give the key, the cells and the
// headers. Rows stay in the order the snapshot gives them; new rows take their snapshot position. GUI thread.
template <typename Row, typename Key> class KeyedTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : columns(); }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return cell(m_rows.at(index.row()), index.column(), role);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= columns())
            return {};
        return header(section, role);
    }

    const QList<Row> &rows() const { return m_rows; }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    int rowOf(const Key &key) const
    {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (keyOf(m_rows.at(i)) == key)
                return i;
        }
        return -1;
    }

    void setRows(const QList<Row> &next)
    {
        QSet<Key> nextKeys;
        for (const Row &r : next)
            nextKeys.insert(keyOf(r));
        // 1. Removals, back to front so that indexes stay valid, in contiguous runs.
        for (int i = int(m_rows.size()) - 1; i >= 0;) {
            if (nextKeys.contains(keyOf(m_rows.at(i)))) {
                --i;
                continue;
            }
            int first = i;
            while (first > 0 && !nextKeys.contains(keyOf(m_rows.at(first - 1))))
                --first;
            beginRemoveRows({}, first, i);
            m_rows.remove(first, i - first + 1);
            endRemoveRows();
            i = first - 1;
        }
        // 2. Insertions at their position in next; what remains keeps its relative order.
        QSet<Key> present;
        for (const Row &r : std::as_const(m_rows))
            present.insert(keyOf(r));
        for (int i = 0; i < next.size(); ++i) {
            if (present.contains(keyOf(next.at(i))))
                continue;
            const int at = std::min(i, int(m_rows.size()));
            beginInsertRows({}, at, at);
            m_rows.insert(at, next.at(i));
            endInsertRows();
        }
        // 3. Changes, by exact column range; rows whose order changed get their whole row updated.
        QHash<Key, int> nextIndex;
        for (int i = 0; i < next.size(); ++i)
            nextIndex.insert(keyOf(next.at(i)), i);
        for (int i = 0; i < m_rows.size(); ++i) {
            const Row &now = next.at(nextIndex.value(keyOf(m_rows.at(i))));
            int firstColumn = -1;
            int lastColumn = -1;
            for (int c = 0; c < columns(); ++c) {
                if (cell(m_rows.at(i), c, Qt::DisplayRole) != cell(now, c, Qt::DisplayRole)
                    || cell(m_rows.at(i), c, Qt::UserRole) != cell(now, c, Qt::UserRole)) {
                    if (firstColumn < 0)
                        firstColumn = c;
                    lastColumn = c;
                }
            }
            m_rows[i] = now;
            if (firstColumn >= 0)
                Q_EMIT dataChanged(index(i, firstColumn), index(i, lastColumn));
        }
    }

protected:
    virtual Key keyOf(const Row &row) const = 0;
    virtual int columns() const = 0;
    // role Qt::UserRole is the sort role: the raw value behind a formatted display.
    virtual QVariant cell(const Row &row, int column, int role) const = 0;
    virtual QVariant header(int column, int role) const = 0;

private:
    QList<Row> m_rows;
};

} // namespace topicscope::ui
