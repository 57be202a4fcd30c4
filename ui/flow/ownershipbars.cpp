#include "ownershipbars.h"
#include "enginephrases.h"

#include "flowlogging.h"

#include "flowpalette.h"

#include "rebalancemodel.h"

#include <QHelpEvent>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace topicscope::ui {

namespace {

QColor textOn(const QColor &background)
{
    const double luminance = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

bool isAbnormalEnd(const QString &reason)
{
    return reason == QLatin1String("crashed") || reason == QLatin1String("lost")
        || reason == QLatin1String("poll timeout");
}

QString tickLabel(qint64 ms, qint64 step)
{
    const int decimals = step >= 1000 ? 0 : step >= 100 ? 1 : step >= 10 ? 2 : 3;
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', decimals);
}

} // namespace

OwnershipBars::OwnershipBars(QWidget *parent)
    : QWidget(parent)
    , m_model(new OwnershipModel(this))
{
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void OwnershipBars::setData(const QList<engine::ScenarioOwnership> &ownership, const QList<engine::OwnershipGap> &gaps,
    const QList<engine::ScenarioRebalance> &rebalances, qint64 nowMs)
{
    m_model->setData(ownership, gaps, rebalances, nowMs);
    noteConsumers();
    updateGeometry();
    update();
}

void OwnershipBars::setSelectedGeneration(const QString &group, int generation)
{
    if (group == m_selectedGroup && generation == m_selectedGeneration)
        return;
    m_selectedGroup = group;
    m_selectedGeneration = generation;
    update();
}

void OwnershipBars::clearSelectedGeneration()
{
    setSelectedGeneration(QString(), -1);
}

void OwnershipBars::setTimeWindow(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs) {
        qCWarning(lcFlow) << "ignoring an empty time window" << fromMs << toMs;
        return;
    }
    m_fixedFromMs = fromMs;
    m_fixedToMs = toMs;
    update();
}

void OwnershipBars::clearTimeWindow()
{
    m_fixedFromMs = m_fixedToMs = -1;
    update();
}

qint64 OwnershipBars::windowFromMs() const
{
    return m_fixedToMs > m_fixedFromMs ? m_fixedFromMs : 0;
}

qint64 OwnershipBars::windowToMs() const
{
    if (m_fixedToMs > m_fixedFromMs)
        return m_fixedToMs;
    qint64 end = m_model->nowMs();
    for (const engine::ScenarioOwnership &o : m_model->ownership())
        end = std::max(end, std::max(o.fromMs, o.toMs));
    for (const engine::ScenarioRebalance &r : m_model->rebalances())
        end = std::max(end, r.timeMs);
    return std::max<qint64>(end, 1000);
}

void OwnershipBars::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    updateGeometry();
    update();
}

void OwnershipBars::setCompact(bool on)
{
    if (on == m_compact)
        return;
    m_compact = on;
    updateGeometry();
    update();
}

void OwnershipBars::setLegendVisible(bool visible)
{
    if (visible == m_legendVisible)
        return;
    m_legendVisible = visible;
    updateGeometry();
    update();
}

void OwnershipBars::setConsumerOrder(const QStringList &consumers)
{
    // Replaces the order: consumers of an earlier scenario must not keep their places (or their legend entries).
    m_consumerOrder = consumers;
    m_consumerIndex.clear();
    for (int i = 0; i < m_consumerOrder.size(); ++i)
        m_consumerIndex.insert(m_consumerOrder.at(i), i);
    // Consumers of the data that the list lacks follow it from the next setData(): the data shown now may be the
    // previous scenario's, whose consumers must not come back.
    update();
}

void OwnershipBars::noteConsumers()
{
    // Consumers of the data that the order lacks follow it, sorted (the model lists them sorted).
    for (const QString &c : m_model->consumers()) {
        if (!m_consumerIndex.contains(c)) {
            m_consumerIndex.insert(c, int(m_consumerOrder.size()));
            m_consumerOrder << c;
        }
    }
}

bool OwnershipBars::isDark() const
{
    return palette().color(QPalette::Base).lightness() < 128;
}

bool OwnershipBars::isSelected(const engine::ScenarioRebalance &rebalance) const
{
    return rebalance.group == m_selectedGroup && rebalance.generation == m_selectedGeneration;
}

QColor OwnershipBars::paletteColor(int index)
{
    return FlowPalette::consumerColorAt(index);
}

QColor OwnershipBars::consumerColor(const QString &consumer) const
{
    const int index = m_consumerIndex.value(consumer, -1);
    return index < 0 ? palette().color(QPalette::Mid) : paletteColor(index);
}

QColor OwnershipBars::gapColor() const
{
    if (isDark())
        return m_presentation ? QColor(0x58, 0x16, 0x16) : QColor(0x3e, 0x1c, 0x1c);
    return m_presentation ? QColor(0xff, 0xcc, 0xcc) : QColor(0xfb, 0xe1, 0xe1);
}

QColor OwnershipBars::gapHatchColor() const
{
    if (isDark())
        return m_presentation ? QColor(0xff, 0x66, 0x66) : QColor(0xd8, 0x5c, 0x5c);
    return m_presentation ? QColor(0xb0, 0x00, 0x00) : QColor(0xd0, 0x48, 0x48);
}

QPixmap OwnershipBars::gapSwatch(const QSize &size, bool dark)
{
    QPixmap pixmap(size);
    pixmap.fill(dark ? QColor(0x3e, 0x1c, 0x1c) : QColor(0xfb, 0xe1, 0xe1));
    QPainter p(&pixmap);
    p.fillRect(pixmap.rect(), QBrush(dark ? QColor(0xd8, 0x5c, 0x5c) : QColor(0xd0, 0x48, 0x48), Qt::BDiagPattern));
    return pixmap;
}

int OwnershipBars::rowHeightBase(const QFontMetrics &fm) const
{
    if (m_compact)
        return std::max(12, fm.height() + 2);
    // Presenting, the font is larger already; rows a little tighter keep two groups of six partitions on a 1080p
    // screen together with the flow view.
    return fm.height() + (m_presentation ? 8 : 10);
}

OwnershipBars::Geometry OwnershipBars::geometry() const
{
    Geometry g;
    g.font = font();
    if (m_presentation) {
        if (g.font.pointSizeF() > 0)
            g.font.setPointSizeF(g.font.pointSizeF() * 1.5);
        else
            g.font.setPixelSize(g.font.pixelSize() * 3 / 2);
    }
    g.smallFont = g.font;
    if (m_compact) {
        if (g.smallFont.pointSizeF() > 0)
            g.smallFont.setPointSizeF(g.smallFont.pointSizeF() * 0.85);
        g.font = g.smallFont;
    }
    const QFontMetrics fm(g.font);
    g.lineHeight = fm.height();
    int labelWidth = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(m_model->partitionRow(row).label));
    g.labelWidth = labelWidth;
    g.plotLeft = 4 + labelWidth + (m_compact ? 6 : 12);
    g.plotRight = std::max(g.plotLeft + 20, double(width()) - (m_compact ? 8 : 16));
    g.labelsTop = 2;
    g.labelLines = 2;
    g.rowsTop = g.labelsTop + g.labelLines * (g.lineHeight + 2) + 4;
    const double axisHeight = g.lineHeight + 6;
    g.legendHeight = 0;
    if (m_legendVisible && !m_compact)
        legendItems(g.font, 8, width() - 16, 0, &g.legendHeight);
    const int base = rowHeightBase(fm);
    const double available = height() - g.rowsTop - axisHeight - g.legendHeight - 4;
    const int rows = m_model->rowCount();
    g.rowHeight = rows == 0 ? base : std::clamp(available / double(rows), double(base), base * 1.6);
    g.axisTop = g.rowsTop + g.rowHeight * double(rows);
    g.legendTop = g.axisTop + axisHeight;
    return g;
}

QList<OwnershipBars::LegendItem> OwnershipBars::legendItems(
    const QFont &font, double left, double width, double top, double *height) const
{
    const QFontMetrics fm(font);
    const double swatchWidth = fm.height() * 1.4;
    const double lineHeight = fm.height() + 6;
    QList<LegendItem> items;
    // Only the consumers that have a bar or an assignment here; the order (and so the colours) may list more.
    const QStringList &shown = m_model->consumers();
    for (const QString &c : m_consumerOrder) {
        if (shown.contains(c))
            items << LegendItem {LegendItem::Kind::Consumer, c, consumerColor(c), {}, {}};
    }
    items << LegendItem {LegendItem::Kind::Gap, tr("nobody processing"), gapColor(), {}, {}};
    items << LegendItem {LegendItem::Kind::Rebalance, tr("rebalance completed (generation)"), {}, {}, {}};
    double x = left;
    double y = top;
    for (LegendItem &item : items) {
        const double itemWidth = swatchWidth + 6 + fm.horizontalAdvance(item.text) + 18;
        if (x > left && x + itemWidth > left + width) {
            x = left;
            y += lineHeight;
        }
        item.swatch = QRectF(x, y + 3, swatchWidth, fm.height() - 4);
        item.textOrigin = QPointF(x + swatchWidth + 6, y + 1 + fm.ascent());
        x += itemWidth;
    }
    if (height)
        *height = y - top + lineHeight;
    return items;
}

double OwnershipBars::xForTime(qint64 ms) const
{
    const Geometry g = geometry();
    const qint64 from = windowFromMs();
    const qint64 to = windowToMs();
    return g.plotLeft + double(ms - from) / double(to - from) * (g.plotRight - g.plotLeft);
}

double OwnershipBars::rebalanceX(int rebalance) const
{
    return xForTime(m_model->rebalances().at(rebalance).timeMs);
}

QString OwnershipBars::rowLabel(int row) const
{
    return m_model->partitionRow(row).label;
}

QRectF OwnershipBars::rowRect(int row) const
{
    const Geometry g = geometry();
    return QRectF(g.plotLeft, g.rowsTop + row * g.rowHeight, g.plotRight - g.plotLeft, g.rowHeight);
}

QRectF OwnershipBars::spanRect(int row, int lane, qint64 fromMs, qint64 toMs, const Geometry &g) const
{
    const qint64 wFrom = windowFromMs();
    const qint64 wTo = windowToMs();
    const qint64 f = std::max(fromMs, wFrom);
    const qint64 t = std::min(toMs, wTo);
    if (t < f || (t == f && fromMs != toMs))
        return {};
    const double scale = (g.plotRight - g.plotLeft) / double(wTo - wFrom);
    const double x0 = g.plotLeft + double(f - wFrom) * scale;
    const double x1 = g.plotLeft + double(t - wFrom) * scale;
    const double pad = m_compact ? 2 : 4;
    const int lanes = lane < 0 ? 1 : m_model->partitionRow(row).lanes;
    const double laneHeight = (g.rowHeight - 2 * pad) / lanes;
    const double y = g.rowsTop + row * g.rowHeight + pad + std::max(lane, 0) * laneHeight;
    // At least a pixel wide: a 5 ms hand-off in a minute-long window must still be visible.
    return QRectF(x0, y, std::max(x1 - x0, 1.0), laneHeight - (lanes > 1 ? 1 : 0));
}

QRectF OwnershipBars::barRect(int ownership, const Geometry &g) const
{
    const int row = m_model->rowOfInterval(ownership);
    if (row < 0)
        return {};
    const engine::ScenarioOwnership &o = m_model->ownership().at(ownership);
    return spanRect(row, m_model->laneOfInterval(ownership), o.fromMs, endOf(o), g);
}

QList<QRectF> OwnershipBars::barRects() const
{
    const Geometry g = geometry();
    QList<QRectF> rects;
    const qsizetype count = m_model->ownership().size();
    rects.reserve(count);
    for (int i = 0; i < count; ++i)
        rects << barRect(i, g);
    return rects;
}

QRectF OwnershipBars::gapRect(int gap) const
{
    const int row = m_model->rowOfGap(gap);
    if (row < 0)
        return {};
    const engine::OwnershipGap &gp = m_model->gaps().at(gap);
    return spanRect(row, -1, gp.fromMs, gp.toMs, geometry());
}

QString OwnershipBars::rebalanceLabel(int rebalance) const
{
    const engine::ScenarioRebalance &r = m_model->rebalances().at(rebalance);
    const bool epoch = RebalanceModel::isConsumerProtocol(r);
    if (m_compact)
        return (epoch ? QStringLiteral("e%1") : QStringLiteral("g%1")).arg(r.generation);
    if (m_model->hasMultipleGroups())
        return (epoch ? tr("%1 epoch %2") : tr("%1 gen %2")).arg(r.group).arg(r.generation);
    return (epoch ? tr("epoch %1") : tr("gen %1")).arg(r.generation);
}

QList<QRectF> OwnershipBars::rebalanceLabelRects(const Geometry &g) const
{
    const QFontMetrics fm(g.font);
    QList<double> lineRight(g.labelLines, -1e9);
    QList<QRectF> rects;
    const qint64 wFrom = windowFromMs();
    const qint64 wTo = windowToMs();
    const double scale = (g.plotRight - g.plotLeft) / double(wTo - wFrom);
    for (int i = 0; i < m_model->rebalances().size(); ++i) {
        const engine::ScenarioRebalance &r = m_model->rebalances().at(i);
        if (r.timeMs < wFrom || r.timeMs > wTo) {
            rects << QRectF();
            continue;
        }
        const double x = g.plotLeft + double(r.timeMs - wFrom) * scale;
        const double w = fm.horizontalAdvance(rebalanceLabel(i)) + 8;
        double left = std::clamp(x - w / 2, 0.0, std::max(0.0, double(width()) - w));
        QRectF rect;
        for (int line = 0; line < g.labelLines; ++line) {
            if (left >= lineRight.at(line) + 2) {
                rect = QRectF(left, g.labelsTop + line * (g.lineHeight + 2), w, g.lineHeight + 2);
                lineRight[line] = rect.right();
                break;
            }
        }
        // A selected generation always gets its label, on top of whatever it hides.
        if (rect.isNull() && isSelected(r))
            rect = QRectF(left, g.labelsTop, w, g.lineHeight + 2);
        rects << rect;
    }
    return rects;
}

OwnershipBars::Hit OwnershipBars::hitTest(const QPointF &pos) const
{
    const Geometry g = geometry();
    const QList<QRectF> labels = rebalanceLabelRects(g);
    const double tolerance = m_presentation ? 7 : 5;
    int best = -1;
    double bestDistance = tolerance + 1;
    for (int i = 0; i < m_model->rebalances().size(); ++i) {
        if (labels.at(i).contains(pos))
            return Hit {Hit::Kind::Rebalance, i};
        const QList<int> rows = m_model->groupRows(m_model->rebalances().at(i).group);
        if (rows.isEmpty())
            continue;
        const double top = g.labelsTop;
        const double bottom = g.rowsTop + (rows.last() + 1) * g.rowHeight;
        if (pos.y() < top || pos.y() > bottom)
            continue;
        const double distance = std::abs(pos.x() - xForTime(m_model->rebalances().at(i).timeMs));
        if (distance <= tolerance && distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    if (best >= 0)
        return Hit {Hit::Kind::Rebalance, best};
    for (int i = int(m_model->ownership().size()) - 1; i >= 0; --i) {
        if (barRect(i, g).contains(pos))
            return Hit {Hit::Kind::Bar, i};
    }
    for (int i = 0; i < m_model->gaps().size(); ++i) {
        const engine::OwnershipGap &gp = m_model->gaps().at(i);
        const int row = m_model->rowOfGap(i);
        if (row >= 0 && spanRect(row, -1, gp.fromMs, gp.toMs, g).contains(pos))
            return Hit {Hit::Kind::Gap, i};
    }
    return {};
}

QString OwnershipBars::toolTipAt(const QPointF &pos) const
{
    const Hit hit = hitTest(pos);
    switch (hit.kind) {
    case Hit::Kind::None:
        return {};
    case Hit::Kind::Bar: {
        const engine::ScenarioOwnership &o = m_model->ownership().at(hit.index);
        // A consumer-protocol group's rebalances are epochs: so is the member epoch its ownership began at.
        const auto &rebalances = m_model->rebalances();
        const bool epoch = std::any_of(rebalances.cbegin(), rebalances.cend(), [&](const engine::ScenarioRebalance &r) {
            return r.group == o.group && RebalanceModel::isConsumerProtocol(r);
        });
        QString text = (epoch ? tr("%1 owned %2 (group %3, epoch %4)") : tr("%1 owned %2 (group %3, generation %4)"))
                           .arg(o.consumer, o.topicPartition.toString(), o.group)
                           .arg(o.generation);
        if (o.toMs < 0)
            return text + QLatin1Char('\n') + tr("from %1, still owns it").arg(RebalanceModel::formatTime(o.fromMs));
        return text + QLatin1Char('\n')
            + tr("%1 – %2 (%3)")
                  .arg(RebalanceModel::formatTime(o.fromMs), RebalanceModel::formatTime(o.toMs),
                      RebalanceModel::formatDuration(o.toMs - o.fromMs))
            + QLatin1Char('\n')
            + tr("ended: %1").arg(o.endReason.isEmpty() ? tr("unknown") : EnginePhrases::translate(o.endReason));
    }
    case Hit::Kind::Gap: {
        const engine::OwnershipGap &gp = m_model->gaps().at(hit.index);
        const QString partition = gp.topicPartition.toString();
        if (gp.trailing)
            return tr("Nobody processing %1 since %2 (%3 so far)")
                .arg(partition, RebalanceModel::formatTime(gp.fromMs),
                    RebalanceModel::formatDuration(gp.toMs - gp.fromMs));
        return tr("Nobody processing %1\n%2 – %3 (%4)")
            .arg(partition, RebalanceModel::formatTime(gp.fromMs), RebalanceModel::formatTime(gp.toMs),
                RebalanceModel::formatDuration(gp.toMs - gp.fromMs));
    }
    case Hit::Kind::Rebalance: {
        const engine::ScenarioRebalance &r = m_model->rebalances().at(hit.index);
        QStringList lines;
        if (!RebalanceModel::isConsumerProtocol(r)) {
            lines << tr("Group %1 generation %2 (%3)").arg(r.group).arg(r.generation).arg(r.assignor);
            lines << tr("Stable again at %1 after %2")
                         .arg(RebalanceModel::formatTime(r.timeMs), RebalanceModel::formatDuration(r.durationMs));
        } else {
            lines << tr("Group %1 epoch %2 (%3, Kafka 4's consumer protocol)")
                         .arg(r.group)
                         .arg(r.generation)
                         .arg(r.assignor);
            lines << (r.superseded ? tr("Replaced by a newer epoch at %1 after %2")
                                   : tr("Every member reached it at %1 after %2"))
                         .arg(RebalanceModel::formatTime(r.timeMs), RebalanceModel::formatDuration(r.durationMs));
        }
        if (!r.cause.isEmpty())
            lines << tr("Cause: %1").arg(EnginePhrases::translate(r.cause));
        lines << (r.partitionsMoved.isEmpty()
                ? tr("No partition changed owner")
                : tr("Changed owner: %1")
                      .arg(engine::ScenarioRebalance::names(r.partitionsMoved).join(QStringLiteral(", "))));
        lines << tr("Click to select this generation");
        return lines.join(QLatin1Char('\n'));
    }
    }
    return {};
}

bool OwnershipBars::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void OwnershipBars::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

void OwnershipBars::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const Hit hit = hitTest(event->position());
    if (hit.kind != Hit::Kind::Rebalance) {
        QWidget::mousePressEvent(event);
        return;
    }
    const engine::ScenarioRebalance &r = m_model->rebalances().at(hit.index);
    setSelectedGeneration(r.group, r.generation);
    Q_EMIT generationClicked(r.group, r.generation);
    event->accept();
}

QSize OwnershipBars::sizeHint() const
{
    const QSize minimum = minimumSizeHint();
    const Geometry g = geometry();
    // Rows a bit taller than the minimum read better; more than that is empty space.
    const int extra = int(std::max(1, m_model->rowCount()) * rowHeightBase(QFontMetrics(g.font)) / 2);
    return QSize(std::max(minimum.width(), m_compact ? 360 : 800), minimum.height() + extra);
}

QSize OwnershipBars::minimumSizeHint() const
{
    const Geometry g = geometry();
    const QFontMetrics fm(g.font);
    const int rows = std::max(1, m_model->rowCount());
    double legendHeight = 0;
    if (m_legendVisible && !m_compact)
        legendItems(g.font, 8, std::max(300, width()) - 16, 0, &legendHeight);
    const int height = int(std::ceil(g.rowsTop + rows * rowHeightBase(fm) + g.lineHeight + 6 + legendHeight + 4));
    // Compact bars stand four side by side in the assignor comparison: they may be narrow.
    return QSize(int(g.plotLeft) + (m_compact ? 80 : 200), height);
}

void OwnershipBars::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const Geometry g = geometry();
    const QPalette pal = palette();
    const bool dark = isDark();
    const QColor text = pal.color(QPalette::Text);
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setFont(g.font);
    const QFontMetrics fm(g.font);

    const int rowCount = m_model->rowCount();
    if (rowCount == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No partition has been assigned yet"));
        return;
    }

    const qint64 wFrom = windowFromMs();
    const qint64 wTo = windowToMs();
    const double plotWidth = g.plotRight - g.plotLeft;
    const double scale = plotWidth / double(wTo - wFrom);
    auto x = [&](qint64 ms) { return g.plotLeft + double(ms - wFrom) * scale; };
    const double rowsBottom = g.axisTop;

    // Rows: alternating background, group separators.
    for (int row = 0; row < rowCount; ++row) {
        const QRectF r(0, g.rowsTop + row * g.rowHeight, width(), g.rowHeight);
        if (row % 2 == 1)
            p.fillRect(r, pal.color(QPalette::AlternateBase));
    }

    // Time grid and axis.
    static constexpr qint64 steps[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000,
        120000, 300000, 600000, 1800000, 3600000};
    const double minSpacing = fm.horizontalAdvance(QStringLiteral("000.0 s")) + 24;
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 s : steps) {
        if (double(s) * scale >= minSpacing) {
            step = s;
            break;
        }
    }
    QColor grid = text;
    grid.setAlpha(dark ? 45 : 35);
    for (qint64 t = (wFrom + step - 1) / step * step; t <= wTo; t += step) {
        const double tx = x(t);
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(tx, g.rowsTop), QPointF(tx, rowsBottom + 3));
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QString label = tickLabel(t, step);
        const double w = fm.horizontalAdvance(label);
        const double lx = std::clamp(tx - w / 2, g.plotLeft - 8, double(width()) - w - 2);
        p.drawText(QPointF(lx, g.axisTop + 3 + fm.ascent()), label);
    }
    p.setPen(QPen(grid, 1));
    p.drawLine(QPointF(g.plotLeft, rowsBottom), QPointF(g.plotRight, rowsBottom));

    // Rebalance bands: from entering PreparingRebalance to Stable, behind the bars.
    const QColor highlight = pal.color(QPalette::Highlight);
    for (int i = 0; i < m_model->rebalances().size(); ++i) {
        const engine::ScenarioRebalance &r = m_model->rebalances().at(i);
        const QList<int> rows = m_model->groupRows(r.group);
        if (rows.isEmpty() || r.timeMs < wFrom || r.timeMs - r.durationMs > wTo)
            continue;
        QColor band = isSelected(r) ? highlight : text;
        band.setAlpha(isSelected(r) ? 70 : (dark ? 40 : 22));
        const double x0 = x(std::max(wFrom, r.timeMs - r.durationMs));
        const double x1 = x(std::min(wTo, r.timeMs));
        p.fillRect(QRectF(x0, g.rowsTop + rows.first() * g.rowHeight, std::max(1.0, x1 - x0),
                       (rows.last() - rows.first() + 1) * g.rowHeight),
            band);
    }

    // Gaps: nobody processing.
    const QColor gapFill = gapColor();
    const QColor hatch = gapHatchColor();
    for (int i = 0; i < m_model->gaps().size(); ++i) {
        const engine::OwnershipGap &gp = m_model->gaps().at(i);
        const int row = m_model->rowOfGap(i);
        const QRectF r = row < 0 ? QRectF() : spanRect(row, -1, gp.fromMs, gp.toMs, g);
        if (r.isNull())
            continue;
        p.fillRect(r, gapFill);
        p.fillRect(r, QBrush(hatch, Qt::BDiagPattern));
        if (m_compact)
            continue;
        const QString label = RebalanceModel::formatDuration(gp.toMs - gp.fromMs);
        const double w = fm.horizontalAdvance(label) + 8;
        if (r.width() >= w + 4) {
            const QRectF box(r.center().x() - w / 2, r.center().y() - fm.height() / 2.0, w, fm.height());
            p.fillRect(box, gapFill);
            p.setPen(dark ? QColor(0xff, 0xc0, 0xc0) : QColor(0x80, 0x10, 0x10));
            p.drawText(box, Qt::AlignCenter, label);
        }
    }

    // Ownership bars.
    p.setRenderHint(QPainter::Antialiasing, false);
    for (int i = 0; i < m_model->ownership().size(); ++i) {
        const QRectF r = barRect(i, g);
        if (r.isNull())
            continue;
        const engine::ScenarioOwnership &o = m_model->ownership().at(i);
        const QColor fill = consumerColor(o.consumer);
        p.fillRect(r, fill);
        if (m_presentation)
            p.setPen(QPen(dark ? QColor(Qt::white) : QColor(Qt::black), 2));
        else
            p.setPen(QPen(fill.darker(dark ? 170 : 140), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        if (isAbnormalEnd(o.endReason) && o.toMs >= wFrom && o.toMs <= wTo) {
            const double ex = x(o.toMs);
            p.fillRect(QRectF(ex - 3, r.top() - 1, 3, r.height() + 2), hatch.darker(dark ? 100 : 120));
        }
        if (!m_compact) {
            const QString label = o.consumer;
            if (r.width() >= fm.horizontalAdvance(label) + 10 && r.height() >= fm.height() - 2) {
                p.setPen(textOn(fill));
                p.drawText(r.adjusted(5, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
            }
        }
    }

    // Rebalance lines and their generation labels, over the bars.
    const QList<QRectF> labels = rebalanceLabelRects(g);
    for (int pass = 0; pass < 2; ++pass) { // the selected one last, on top
        for (int i = 0; i < m_model->rebalances().size(); ++i) {
            const engine::ScenarioRebalance &r = m_model->rebalances().at(i);
            const bool selected = isSelected(r);
            if ((pass == 1) != selected || r.timeMs < wFrom || r.timeMs > wTo)
                continue;
            const QList<int> rows = m_model->groupRows(r.group);
            const double lx = x(r.timeMs);
            const double bottom = rows.isEmpty() ? rowsBottom : g.rowsTop + (rows.last() + 1) * g.rowHeight;
            const QRectF label = labels.at(i);
            const double top = label.isNull() ? g.rowsTop : label.bottom();
            QColor line = selected ? highlight : text;
            if (!selected)
                line.setAlpha(m_presentation ? 220 : 150);
            QPen pen(line, selected ? (m_presentation ? 4 : 2.5) : (m_presentation ? 2 : 1));
            if (!selected)
                pen.setStyle(Qt::DashLine);
            p.setPen(pen);
            p.drawLine(QPointF(lx, top), QPointF(lx, bottom));
        }
    }
    // Labels after all lines, on their own background, so that no line runs through a label.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < m_model->rebalances().size(); ++i) {
            const QRectF label = labels.at(i);
            const bool selected = isSelected(m_model->rebalances().at(i));
            if ((pass == 1) != selected || label.isNull())
                continue;
            p.fillRect(label, selected ? highlight : pal.color(QPalette::Base));
            p.setPen(selected ? pal.color(QPalette::HighlightedText) : text);
            p.drawText(label, Qt::AlignCenter, rebalanceLabel(i));
        }
    }

    // Row labels.
    for (int row = 0; row < rowCount; ++row) {
        const QRectF r(4, g.rowsTop + row * g.rowHeight, g.labelWidth, g.rowHeight);
        p.setPen(text);
        p.drawText(r, Qt::AlignRight | Qt::AlignVCenter, m_model->partitionRow(row).label);
        if (row > 0 && m_model->partitionRow(row).group != m_model->partitionRow(row - 1).group) {
            p.setPen(QPen(text, 1));
            p.drawLine(QPointF(0, r.top()), QPointF(width(), r.top()));
        }
    }

    // Legend.
    if (m_legendVisible && !m_compact) {
        const QList<LegendItem> items = legendItems(g.font, 8, width() - 16, g.legendTop, nullptr);
        for (const LegendItem &item : items) {
            switch (item.kind) {
            case LegendItem::Kind::Consumer:
                p.fillRect(item.swatch, item.color);
                p.setPen(item.color.darker(140));
                p.drawRect(item.swatch.adjusted(0.5, 0.5, -0.5, -0.5));
                break;
            case LegendItem::Kind::Gap:
                p.fillRect(item.swatch, gapFill);
                p.fillRect(item.swatch, QBrush(hatch, Qt::BDiagPattern));
                break;
            case LegendItem::Kind::Rebalance: {
                QPen pen(text, m_presentation ? 2 : 1);
                pen.setStyle(Qt::DashLine);
                p.setPen(pen);
                const double cx = item.swatch.center().x();
                p.drawLine(QPointF(cx, item.swatch.top() - 2), QPointF(cx, item.swatch.bottom() + 2));
                break;
            }
            }
            p.setPen(text);
            p.drawText(item.textOrigin, item.text);
        }
    }
}

} // namespace topicscope::ui
