#pragma once

#include "flowsnapshot.h"
#include "ownershipmodel.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPixmap>
#include <QStringList>
#include <QWidget>

namespace topicscope::ui {

// Who owned which partition when: one row per (group, topic-partition), virtual time on the x axis, a bar per
// ownership interval coloured by consumer, hatched gaps where nobody processed the partition and a line at every
// rebalance. Eager assignors show a break in every bar at a rebalance (stop-the-world), cooperative-sticky only in
// the bars of the partitions that moved. Rows, lanes and the engine's gaps come from an OwnershipModel; the widget
// paints them and hit-tests. GUI thread.
class OwnershipBars : public QWidget {
    Q_OBJECT
public:
    struct Hit {
        enum class Kind { None, Bar, Gap, Rebalance };
        Kind kind = Kind::None;
        int index = -1; // into the ownership list, gaps() or the rebalance list
    };

    explicit OwnershipBars(QWidget *parent = nullptr);

    // gaps: the engine's, of the same intervals until nowMs (FlowSnapshot::gaps, AssignorRun::gaps).
    void setData(const QList<engine::ScenarioOwnership> &ownership, const QList<engine::OwnershipGap> &gaps,
        const QList<engine::ScenarioRebalance> &rebalances, qint64 nowMs);
    const OwnershipModel *model() const { return m_model; }
    void setSelectedGeneration(const QString &group, int generation);
    void clearSelectedGeneration();
    QString selectedGroup() const { return m_selectedGroup; }
    int selectedGeneration() const { return m_selectedGeneration; } // -1: none
    // A fixed window of virtual time; without one (or after clearTimeWindow) the window fits 0 .. now.
    void setTimeWindow(qint64 fromMs, qint64 toMs);
    void clearTimeWindow();
    qint64 windowFromMs() const;
    qint64 windowToMs() const;
    // Large fonts, thick lines and strong colours for a projector.
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }
    // Small rows without bar labels or legend, for side-by-side comparisons.
    void setCompact(bool on);
    void setLegendVisible(bool visible);
    // Consumers listed here get their colours in this order (so that several views agree: FlowColours::consumers());
    // consumers of the data that the list lacks follow, sorted. Replaces the previous order.
    void setConsumerOrder(const QStringList &consumers);

    // Geometry and colours, for tests and for views that annotate the widget.
    int rowCount() const { return m_model->rowCount(); }
    QString rowLabel(int row) const;
    QRectF rowRect(int row) const; // the plot part of the row
    QList<QRectF> barRects() const; // one per ownership interval, in the order given; empty when outside the window
    const QList<engine::OwnershipGap> &gaps() const { return m_model->gaps(); }
    int gapRow(int gap) const { return m_model->rowOfGap(gap); }
    QRectF gapRect(int gap) const;
    double xForTime(qint64 ms) const;
    double rebalanceX(int rebalance) const;
    Hit hitTest(const QPointF &pos) const;
    QColor consumerColor(const QString &consumer) const;
    QColor gapColor() const; // the fill of a gap; the hatching is gapHatchColor()
    QColor gapHatchColor() const;
    QStringList consumers() const { return m_consumerOrder; }

    // The colour of the n-th consumer and a gap swatch, for legends drawn elsewhere.
    static QColor paletteColor(int index);
    static QPixmap gapSwatch(const QSize &size, bool dark);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void generationClicked(const QString &group, int generation);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Geometry {
        QFont font;
        QFont smallFont;
        int lineHeight = 0;
        double labelWidth = 0; // of the row labels
        double plotLeft = 0;
        double plotRight = 0;
        double labelsTop = 0; // generation labels
        int labelLines = 0;
        double rowsTop = 0;
        double rowHeight = 0;
        double axisTop = 0;
        double legendTop = 0;
        double legendHeight = 0;
    };
    struct LegendItem {
        enum class Kind { Consumer, Gap, Rebalance };
        Kind kind = Kind::Consumer;
        QString text;
        QColor color;
        QRectF swatch;
        QPointF textOrigin;
    };

    void noteConsumers();
    Geometry geometry() const;
    QList<LegendItem> legendItems(const QFont &font, double left, double width, double top, double *height) const;
    int rowHeightBase(const QFontMetrics &fm) const;
    QRectF barRect(int ownership, const Geometry &g) const;
    QRectF spanRect(int row, int lane, qint64 fromMs, qint64 toMs, const Geometry &g) const;
    QList<QRectF> rebalanceLabelRects(const Geometry &g) const; // staggered over the label lines
    QString rebalanceLabel(int rebalance) const;
    QString toolTipAt(const QPointF &pos) const;
    bool isDark() const;
    bool isSelected(const engine::ScenarioRebalance &rebalance) const;
    qint64 endOf(const engine::ScenarioOwnership &o) const { return o.toMs < 0 ? m_model->nowMs() : o.toMs; }

    OwnershipModel *m_model = nullptr;
    QStringList m_consumerOrder;
    QHash<QString, int> m_consumerIndex;
    QString m_selectedGroup;
    int m_selectedGeneration = -1;
    qint64 m_fixedFromMs = -1;
    qint64 m_fixedToMs = -1;
    bool m_presentation = false;
    bool m_compact = false;
    bool m_legendVisible = true;
};

} // namespace topicscope::ui
