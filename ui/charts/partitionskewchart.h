#pragma once

#include <QList>
#include <QWidget>

class QBarSeries;
class QBarSet;
class QBarCategoryAxis;
class QChart;
class QValueAxis;

namespace topicscope::ui {

// Records per partition of one topic as bars, to see skew (a hot key, a sticky partitioner). GUI thread.
class PartitionSkewChart : public QWidget {
    Q_OBJECT
public:
    explicit PartitionSkewChart(QWidget *parent = nullptr);
    void setRecords(const QString &topic, const QList<qint64> &recordsPerPartition);

protected:
    void changeEvent(QEvent *event) override;

private:
    QChart *m_chart = nullptr;
    QBarSeries *m_series = nullptr;
    QBarSet *m_set = nullptr;
    QBarCategoryAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QList<qint64> m_shown;
};

} // namespace topicscope::ui
