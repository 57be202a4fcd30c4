#include "flowscenepainter.h"
#include "enginephrases.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSet>
#include <algorithm>
#include <limits>

namespace topicscope::ui {

using engine::FlowConsumerStatus;
using engine::FlowSnapshot;

FlowScenePainter::FlowScenePainter(const engine::FlowSnapshot &snapshot, const FlowLayout &layout,
    const FlowPalette &palette, const FlowColours &colours)
    : m_snapshot(snapshot)
    , m_layout(layout)
    , m_palette(palette)
    , m_colours(colours)
{ }

QFont FlowScenePainter::bold(QFont f)
{
    f.setBold(true);
    return f;
}

QString FlowScenePainter::timeText(qint64 ms)
{
    return QStringLiteral("+%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

void FlowScenePainter::drawSegments(QPainter &p, const QRectF &rect, const QList<std::pair<QString, QColor>> &segments)
{
    const QFontMetricsF fm(p.font());
    double x = rect.left();
    for (const auto &[text, colour] : segments) {
        const double room = rect.right() - x;
        if (room <= fm.averageCharWidth())
            break;
        // Shaping text is the dearest part of a repaint: measure once, elide only what does not fit.
        double width = fm.horizontalAdvance(text);
        QString shown = text;
        if (width > room) {
            shown = fm.elidedText(text, Qt::ElideRight, room);
            width = room;
        }
        p.setPen(colour);
        p.drawText(QRectF(x, rect.top(), room, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, shown);
        x += width;
    }
}

void FlowScenePainter::drawElided(QPainter &p, const QRectF &rect, const QString &text, Qt::Alignment align)
{
    const QFontMetricsF fm(p.font());
    p.drawText(rect, int(align | Qt::AlignVCenter), fm.elidedText(text, Qt::ElideRight, rect.width()));
}

void FlowScenePainter::paint(QPainter &p, const QPixmap *links) const
{
    p.fillRect(QRectF(QPointF(0, 0), m_layout.size()), m_palette.background);
    p.setFont(m_layout.font());
    drawCaption(p);
    drawCounters(p);
    if (links)
        p.drawPixmap(linksBounds().topLeft(), *links);
    else
        paintLinks(p, QPointF());
    drawProducers(p);
    drawTopics(p);
    for (const auto &st : m_layout.strips())
        drawStrip(p, st);
    drawConsumers(p);
}

void FlowScenePainter::drawCaption(QPainter &p) const
{
    const QRectF r = m_layout.captionRect();
    const double s = m_layout.scale();
    const QRectF text = r.adjusted(10 * s, 2 * s, -10 * s, -2 * s);
    if (m_snapshot.caption.isEmpty()) {
        p.setFont(bold(m_layout.font()));
        p.setPen(m_palette.mutedText);
        drawElided(p, text, EnginePhrases::translate(m_snapshot.title));
        p.setFont(m_layout.font());
        return;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(m_palette.captionFill);
    p.drawRoundedRect(r, 6 * s, 6 * s);
    p.setPen(m_palette.captionText);
    QFont f = bold(m_layout.font());
    p.setFont(f);
    const QFontMetricsF fm(f);
    const QRectF need = fm.boundingRect(text, Qt::TextWordWrap | Qt::AlignVCenter, m_snapshot.caption);
    if (need.height() <= text.height() + 1)
        p.drawText(text, Qt::TextWordWrap | Qt::AlignVCenter | Qt::AlignLeft, m_snapshot.caption);
    else
        drawElided(p, text, m_snapshot.caption);
    p.setFont(m_layout.font());
}

void FlowScenePainter::drawCounters(QPainter &p) const
{
    const FlowSnapshot &s = m_snapshot;
    const QColor text = m_palette.text;
    const QColor muted = m_palette.mutedText;
    const auto bad = [&](int n) { return n > 0 ? m_palette.failure : text; };
    QString time = timeText(s.timeMs);
    if (s.endMs >= 0)
        time += QStringLiteral(" / ") + QString::number(double(s.endMs) / 1000.0, 'f', 1) + QStringLiteral(" s");
    QList<std::pair<QString, QColor>> segments {
        {time, text},
        {tr("    produced "), muted},
        {QString::number(s.produced), text},
        // The live broker sees deliveries, not processing: its counters say so.
        {s.live ? tr("    fetched ") : tr("    processed "), muted},
        {QString::number(s.processed), text},
        {s.live ? tr("    redelivered ") : tr("    duplicates "), muted},
        {QString::number(s.duplicates), bad(s.duplicates)},
        {tr("    lost "), muted},
        {QString::number(s.lost), s.lost > 0 ? m_palette.lost : text},
        {tr("    deser failures "), muted},
        {QString::number(s.deserializationFailures), bad(s.deserializationFailures)},
    };
    if (s.finished)
        segments.append({tr("    finished"), m_palette.running});
    p.setFont(bold(m_layout.font()));
    drawSegments(p, m_layout.countersRect().adjusted(10 * m_layout.scale(), 0, 0, 0), segments);
    p.setFont(m_layout.font());
}

void FlowScenePainter::drawProducers(QPainter &p) const
{
    const double s = m_layout.scale();
    const QFont f = m_layout.font();
    const QFontMetricsF fm(f);
    for (int i = 0; i < m_layout.producers().size(); ++i) {
        const auto &box = m_layout.producers().at(i);
        const auto &fp = m_snapshot.producers.at(i);
        // The line to the topic's partitioner: where this producer's records go.
        if (const auto *node = m_layout.partitioner(fp.topic)) {
            p.setPen(QPen(m_palette.boxBorder, 1.4 * s));
            p.drawLine(
                QPointF(box.rect.right(), box.rect.center().y()), QPointF(node->rect.left(), node->rect.center().y()));
        }
        // Dashed: a rate that is stopped. A scripted producer (no rate) is not stopped: it sends when told to.
        const bool scripted = fp.rate <= 0 && !fp.running;
        p.setPen(QPen(fp.running ? m_palette.running : m_palette.boxBorder, (fp.running ? 2.0 : 1.0) * s,
            fp.running || scripted ? Qt::SolidLine : Qt::DashLine));
        p.setBrush(m_palette.boxFill);
        p.drawRoundedRect(box.rect, 5 * s, 5 * s);
        const QRectF inner = box.rect.adjusted(7 * s, 4 * s, -7 * s, -4 * s);
        const double lh = std::min(fm.height(), inner.height() / box.lines);
        QString status = producerStatusText(fp);
        if (QFontMetricsF(bold(f)).horizontalAdvance(fp.id) + fm.horizontalAdvance(status) + 6 * s > inner.width())
            status.truncate(1); // the id matters more; the symbol still tells running from stopped
        const double statusW = std::min(fm.horizontalAdvance(status), inner.width() * 0.45);
        QRectF line(inner.left(), inner.top(), inner.width(), lh);
        p.setFont(bold(f));
        p.setPen(m_palette.text);
        drawElided(p, line.adjusted(0, 0, -statusW - 4 * s, 0), fp.id);
        p.setFont(f);
        p.setPen(fp.running ? m_palette.running : m_palette.mutedText);
        drawElided(p, QRectF(line.right() - statusW, line.top(), statusW, lh), status, Qt::AlignRight);
        p.setFont(m_layout.smallFont());
        if (box.lines >= 2) {
            line.translate(0, lh);
            p.setPen(m_palette.mutedText);
            drawElided(
                p, line, EnginePhrases::translate(fp.partitioner) + QStringLiteral(" · ") + producerKeysText(fp));
        }
        if (box.lines >= 3) {
            line.translate(0, lh);
            p.setPen(m_palette.text);
            drawElided(p, line, tr("%1 · sent %2 → %3").arg(producerRateText(fp)).arg(fp.sent).arg(fp.topic));
        }
    }
}

QString FlowScenePainter::producerKeysText(const engine::FlowProducer &producer) const
{
    const QStringList keys = m_colours.keysOf(producer.id);
    if (keys.isEmpty())
        return m_colours.sentNullKeys(producer.id) ? tr("no key (null)")
                                                   : EnginePhrases::translate(producer.keyPattern);
    constexpr int shown = 4;
    QString text = keys.size() <= shown
        ? tr("keys %1").arg(keys.join(QStringLiteral(", ")))
        : tr("%1 keys: %2, …").arg(keys.size()).arg(keys.mid(0, shown).join(QStringLiteral(", ")));
    if (m_colours.sentNullKeys(producer.id))
        text += tr(" + null");
    return text;
}

QString FlowScenePainter::producerStatusText(const engine::FlowProducer &producer) const
{
    // A live client produces when it does: running while it sends, idle after.
    if (m_snapshot.live)
        return producer.running ? tr("● sending") : tr("○ idle");
    if (producer.rate <= 0 && !producer.running)
        return tr("◆ scripted");
    return producer.running ? tr("● running") : tr("■ stopped");
}

QString FlowScenePainter::producerRateText(const engine::FlowProducer &producer) const
{
    if (m_snapshot.live && producer.rate <= 0)
        return tr("idle");
    if (producer.rate <= 0)
        return tr("scripted");
    return tr("%1/s").arg(producer.rate, 0, 'g', 4);
}

QStringList FlowScenePainter::keysOfTopic(int topicIndex) const
{
    QList<std::pair<int, QString>> keys;
    QSet<QString> seen;
    for (const auto &partition : m_snapshot.topics.at(topicIndex).partitions) {
        for (const auto &cell : partition.tail) {
            if (cell.key && !seen.contains(*cell.key)) {
                seen.insert(*cell.key);
                const int index = m_colours.keyIndex(*cell.key);
                keys.append({index < 0 ? std::numeric_limits<int>::max() : index, *cell.key});
            }
        }
    }
    std::sort(keys.begin(), keys.end());
    QStringList out;
    for (const auto &k : std::as_const(keys))
        out.append(k.second);
    return out;
}

void FlowScenePainter::drawKeyLegend(QPainter &p, const QRectF &rect, const QStringList &keys) const
{
    // Right-aligned in the topic's header: "keys ■ alice ■ bob …"; what does not fit is counted.
    if (keys.isEmpty() || rect.width() <= 0)
        return;
    const double s = m_layout.scale();
    const QFont small = m_layout.smallFont();
    p.setFont(small);
    const QFontMetricsF sm(small);
    const double swatch = std::max(4.0, sm.height() * 0.7);
    const auto itemWidth = [&](const QString &key) { return swatch + 3 * s + sm.horizontalAdvance(key) + 8 * s; };
    const QString title = tr("keys");
    double total = sm.horizontalAdvance(title) + 6 * s;
    int fit = 0;
    for (const QString &key : keys) {
        const double more = fit + 1 < keys.size() ? sm.horizontalAdvance(tr("+%1").arg(keys.size() - fit - 1)) : 0;
        if (total + itemWidth(key) + more > rect.width())
            break;
        total += itemWidth(key);
        ++fit;
    }
    if (fit == 0)
        return;
    const QString rest = fit < keys.size() ? tr("+%1").arg(keys.size() - fit) : QString();
    total += sm.horizontalAdvance(rest);
    double x = rect.right() - total;
    const double baseline = rect.bottom() - sm.descent() - 1 * s;
    p.setPen(m_palette.mutedText);
    p.drawText(QPointF(x, baseline), title);
    x += sm.horizontalAdvance(title) + 6 * s;
    for (int i = 0; i < fit; ++i) {
        const QString &key = keys.at(i);
        const QRectF box(x, baseline - sm.ascent() + (sm.ascent() - swatch) / 2 + 1 * s, swatch, swatch);
        p.fillRect(box, m_colours.keyColor(key, m_palette));
        p.setPen(m_palette.text);
        p.drawText(QPointF(box.right() + 3 * s, baseline), key);
        x += itemWidth(key);
    }
    if (!rest.isEmpty()) {
        p.setPen(m_palette.mutedText);
        p.drawText(QPointF(x, baseline), rest);
    }
    p.setFont(m_layout.font());
}

void FlowScenePainter::drawTopics(QPainter &p) const
{
    const double s = m_layout.scale();
    const QFont f = m_layout.font();
    const QFontMetricsF fm(f);
    for (int ti = 0; ti < m_layout.topicHeaders().size(); ++ti) {
        const auto &h = m_layout.topicHeaders().at(ti);
        const auto &topic = m_snapshot.topics.at(ti);
        p.setFont(bold(f));
        p.setPen(m_palette.text);
        const QString name = QFontMetricsF(bold(f)).elidedText(topic.name, Qt::ElideRight, h.rect.width() * 0.6);
        p.drawText(h.rect, Qt::AlignLeft | Qt::AlignBottom, name);
        const double nameW = QFontMetricsF(bold(f)).horizontalAdvance(name);
        p.setFont(f);
        p.setPen(m_palette.mutedText);
        const QRectF rest(h.rect.left() + nameW, h.rect.top(), h.rect.width() - nameW, h.rect.height());
        const QString partitions = fm.elidedText(
            tr("  · %n partition(s)", nullptr, int(topic.partitions.size())), Qt::ElideRight, rest.width());
        p.drawText(rest, Qt::AlignLeft | Qt::AlignBottom, partitions);
        const double used = nameW + fm.horizontalAdvance(partitions) + 16 * s;
        drawKeyLegend(
            p, QRectF(h.rect.left() + used, h.rect.top(), h.rect.width() - used, h.rect.height()), keysOfTopic(ti));
    }
    for (const auto &node : m_layout.partitioners()) {
        // Fan out to every partition of the topic: the partitioner picks one of these.
        p.setPen(QPen(m_palette.boxBorder, 1.0 * s));
        for (const auto &st : m_layout.strips()) {
            if (st.topicPartition.topic == node.topic)
                p.drawLine(QPointF(node.rect.right(), node.rect.center().y()),
                    QPointF(st.labelRect.left(), st.cellsRect.center().y()));
        }
        p.setPen(QPen(m_palette.boxBorder, 1.2 * s));
        p.setBrush(m_palette.boxFill);
        p.drawRoundedRect(node.rect, 4 * s, 4 * s);
        p.setPen(m_palette.text);
        drawElided(p, node.rect.adjusted(4 * s, 0, -4 * s, 0), tr("partitioner"), Qt::AlignHCenter);
    }
}

void FlowScenePainter::drawStrip(QPainter &p, const FlowLayout::Strip &st) const
{
    const double s = m_layout.scale();
    const auto &fp = m_snapshot.topics.at(st.topicIndex).partitions.at(st.partitionIndex);
    const QFont small = m_layout.smallFont();
    const QFontMetricsF sm(small);

    p.setFont(bold(m_layout.font()));
    p.setPen(m_palette.text);
    drawElided(p, st.labelRect, QLatin1Char('P') + QString::number(st.topicPartition.partition));
    p.setFont(small);

    // The lane runs to the strip's end, where the assignment links leave for the consumers.
    p.setPen(Qt::NoPen);
    p.setBrush(m_palette.stripBackground);
    p.drawRect(QRectF(st.cellsRect.topLeft(), QPointF(st.rect.right(), st.cellsRect.bottom())));
    if (!st.deletedRect.isEmpty()) {
        p.setBrush(QBrush(m_palette.hatch, Qt::BDiagPattern));
        p.drawRect(st.deletedRect);
        p.setPen(QPen(m_palette.text, 1.5 * s));
        const double x = st.deletedRect.right() + 1 * s;
        p.drawLine(QPointF(x, st.rect.top() + 2 * s), QPointF(x, st.rect.bottom() - 2 * s));
        p.setPen(Qt::NoPen);
    }
    if (!st.olderRect.isEmpty()) {
        p.setBrush(m_palette.stripBackground.darker(m_palette.scheme() == FlowPalette::Scheme::Light ? 112 : 80));
        p.drawRect(st.olderRect);
        p.setPen(m_palette.mutedText);
        drawElided(
            p, st.olderRect.adjusted(2 * s, 0, -2 * s, 0), tr("… %1 older").arg(st.olderCount), Qt::AlignHCenter);
        p.setPen(Qt::NoPen);
    }
    // Hundreds of axis-aligned cells: antialiasing would only blur their edges and cost time.
    p.setRenderHint(QPainter::Antialiasing, false);
    const double gap = st.cellWidth >= 8 * s ? 1.0 * s : 0.5;
    for (int i = 0; i < st.offsets.size(); ++i) {
        const auto &cell = fp.tail.at(st.firstTailIndex + i);
        const QRectF r = st.cellRect(i).adjusted(0, 0, -gap, 0);
        const QColor c = m_colours.keyColor(cell.key, m_palette);
        p.fillRect(r, c);
        const QString label = QString::number(cell.offset);
        if (sm.horizontalAdvance(label) + 3 * s <= r.width() && sm.height() * 0.8 <= r.height()) {
            p.setPen(FlowPalette::textOn(c));
            p.drawText(r, Qt::AlignCenter, label);
            p.setPen(Qt::NoPen);
        }
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    // The end of the log: the high watermark, where the next record goes.
    const double hwX = st.cellsRect.left() + st.offsets.size() * st.cellWidth;
    p.setPen(QPen(m_palette.highWatermark, 2 * s));
    p.drawLine(QPointF(hwX, st.cellsRect.top() - 2 * s), QPointF(hwX, st.cellsRect.bottom() + 2 * s));
    p.setPen(m_palette.mutedText);
    const bool empty = st.offsets.isEmpty() && st.olderCount == 0;
    drawElided(p, QRectF(st.endLabelRect.topLeft(), QPointF(st.rect.right(), st.endLabelRect.bottom())),
        QStringLiteral("HW ") + QString::number(st.highWatermark) + (empty ? tr(" · empty") : QString()));

    // Consumer positions: a caret under the strip, in the consumer's colour.
    const double caretH = std::min(st.rect.bottom() - st.cellsRect.bottom(), 7 * s);
    p.setPen(Qt::NoPen);
    for (const auto &box : m_layout.consumers()) {
        const auto &c = m_snapshot.consumers.at(box.consumerIndex);
        const auto it = c.positions.constFind(st.topicPartition);
        if (it == c.positions.cend())
            continue;
        const double x = st.xForOffset(*it);
        const QPointF caret[3]
            = {QPointF(x, st.cellsRect.bottom()), QPointF(x - caretH * 0.7, st.cellsRect.bottom() + caretH),
                QPointF(x + caretH * 0.7, st.cellsRect.bottom() + caretH)};
        p.setBrush(m_colours.consumerColor(c.id));
        p.drawPolygon(caret, 3);
    }
    p.setFont(m_layout.font());
}

QRectF FlowScenePainter::linksBounds() const
{
    // The curves leave and arrive horizontally, so they stay inside the box of their end points.
    QRectF bounds;
    for (const auto &link : m_layout.links())
        bounds |= QRectF(link.from, link.to).normalized();
    const double margin = 3 * m_layout.scale();
    return bounds.isNull() ? QRectF() : bounds.adjusted(-margin, -margin, margin, margin).toAlignedRect();
}

size_t FlowScenePainter::linksKey() const
{
    size_t key = qHashMulti(0, int(m_palette.scheme()), m_layout.scale());
    for (const auto &link : m_layout.links()) {
        const auto status = m_snapshot.consumers.at(link.consumerIndex).status;
        key = qHashMulti(key, link.from.x(), link.from.y(), link.to.x(), link.to.y(),
            m_colours.consumerColor(link.consumer).rgb(), int(status));
    }
    return key;
}

void FlowScenePainter::paintLinks(QPainter &p, const QPointF &origin) const
{
    const double s = m_layout.scale();
    p.setBrush(Qt::NoBrush);
    p.save();
    p.translate(-origin);
    for (const auto &link : m_layout.links()) {
        const auto &c = m_snapshot.consumers.at(link.consumerIndex);
        QColor colour = m_colours.consumerColor(link.consumer);
        // A reconciling member (consumer protocol) goes on processing what it owns.
        const bool alive = c.status == FlowConsumerStatus::Running || c.status == FlowConsumerStatus::Reconciling;
        colour.setAlpha(alive ? 220 : 140);
        p.setPen(QPen(colour, (alive ? 1.8 : 1.3) * s, alive ? Qt::SolidLine : Qt::DashLine));
        const double dx = (link.to.x() - link.from.x()) * 0.5;
        QPainterPath path(link.from);
        path.cubicTo(link.from + QPointF(dx, 0), link.to - QPointF(dx, 0), link.to);
        p.drawPath(path);
    }
    p.restore();
}

void FlowScenePainter::drawConsumers(QPainter &p) const
{
    const double s = m_layout.scale();
    const QFont f = m_layout.font();
    const QFont fb = bold(f);
    const QFont small = m_layout.smallFont();
    const QFontMetricsF fm(f);
    const QFontMetricsF sm(small);
    for (const auto &frame : m_layout.groupFrames()) {
        const engine::FlowGroup *g = frame.groupIndex >= 0 ? &m_snapshot.groups.at(frame.groupIndex) : nullptr;
        const QColor colour = g ? m_palette.groupColor(frame.groupIndex) : m_palette.boxBorder;
        p.setPen(QPen(colour, 1.6 * s));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(frame.rect, 6 * s, 6 * s);
        const QRectF header = frame.headerRect.adjusted(8 * s, 0, -8 * s, 0);
        const QString name = frame.id.isEmpty() ? tr("(no group)") : frame.id;
        p.setFont(fb);
        const QFontMetricsF fbm(fb);
        const QString shownName = fbm.elidedText(name, Qt::ElideRight, header.width() * 0.5);
        p.setPen(m_palette.scheme() == FlowPalette::Scheme::Light ? colour : colour.lighter(120));
        p.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, shownName);
        p.setFont(f);
        if (g) {
            // A consumer-protocol group counts group epochs, a classic one generations.
            QString details = QStringLiteral(" · ") + g->state
                + (g->type == QLatin1String("consumer") ? tr(" · epoch %1") : tr(" · gen %1")).arg(g->generation);
            if (!g->protocol.isEmpty())
                details += QStringLiteral(" · ") + g->protocol;
            const double nameW = fbm.horizontalAdvance(shownName);
            p.setPen(m_palette.mutedText);
            p.setFont(small);
            drawElided(
                p, QRectF(header.left() + nameW, header.top(), header.width() - nameW, header.height()), details);
        }
    }
    for (const auto &box : m_layout.consumers()) {
        const auto &c = m_snapshot.consumers.at(box.consumerIndex);
        const QColor accent = m_palette.statusColor(c.status);
        const bool running = c.status == FlowConsumerStatus::Running;
        Qt::PenStyle style = Qt::SolidLine;
        if (c.status == FlowConsumerStatus::Joining || c.status == FlowConsumerStatus::NotStarted)
            style = Qt::DashLine;
        p.setPen(QPen(running ? m_palette.boxBorder : accent, (running ? 1.0 : 2.2) * s, style));
        p.setBrush(m_palette.statusFill(c.status));
        p.drawRoundedRect(box.rect, 4 * s, 4 * s);
        // The consumer's colour, as on its links and carets.
        const QRectF swatch(box.rect.left() + 3 * s, box.rect.top() + 3 * s, 5 * s, box.rect.height() - 6 * s);
        p.fillRect(swatch, m_colours.consumerColor(c.id));
        if (c.status == FlowConsumerStatus::Crashed) {
            // A crossed-out box reads as "dead" even without colour.
            QColor strike = accent;
            strike.setAlpha(110);
            p.setPen(QPen(strike, 1.2 * s));
            p.drawLine(box.rect.topLeft() + QPointF(10 * s, 2 * s), box.rect.bottomRight() - QPointF(2 * s, 2 * s));
        }
        const QRectF inner = box.rect.adjusted(13 * s, 3 * s, -6 * s, -3 * s);
        const double lh = std::min(fm.height(), inner.height() / box.lines);
        const QString status = FlowPalette::statusName(c.status);
        // A box squeezed below one line of text (many consumers in a short view) gets a smaller font rather than
        // text cut off at its edges; below a legible size it shows only its colour and state.
        QFont idFont = fb;
        if (QFontMetricsF(fb).height() > lh) {
            if (lh < 8)
                continue;
            idFont.setPixelSize(std::max(6, int(lh / 1.25)));
        }
        p.setFont(idFont);
        const QFontMetricsF fbm(idFont);
        const double statusW = std::min(fbm.horizontalAdvance(status), inner.width() * 0.5);
        QRectF line(inner.left(), inner.top(), inner.width(), lh);
        p.setPen(m_palette.text);
        drawElided(p, line.adjusted(0, 0, -statusW - 4 * s, 0), c.id);
        p.setPen(running ? m_palette.running : accent);
        drawElided(p, QRectF(line.right() - statusW, line.top(), statusW, lh), status, Qt::AlignRight);
        p.setFont(small);
        const QColor t = m_palette.text;
        const QColor m = m_palette.mutedText;
        const QString sep = QStringLiteral(" · ");
        const QList<std::pair<QString, QColor>> processed {
            {m_snapshot.live ? tr("fetched ") : tr("processed "), m}, {QString::number(c.processed), t}};
        const QList<std::pair<QString, QColor>> failures {{m_snapshot.live ? tr("redelivered ") : tr("dup "), m},
            {QString::number(c.duplicates), c.duplicates > 0 ? m_palette.failure : t}, {sep + tr("lost "), m},
            {QString::number(c.lost), c.lost > 0 ? m_palette.lost : t}, {sep + tr("deser "), m},
            {QString::number(c.deserializationFailures), c.deserializationFailures > 0 ? m_palette.failure : t}};
        const QList<std::pair<QString, QColor>> inFlight {{tr("in flight "), m}, {QString::number(c.inFlight), t}};
        const auto width = [&](const QList<std::pair<QString, QColor>> &segments) {
            double w = 0;
            for (const auto &seg : segments)
                w += sm.horizontalAdvance(seg.first);
            return w;
        };
        // Every counter must stay readable: when they do not fit on one line they take two, and the partition list
        // (which the links show anyway) gives way.
        const bool oneLine = width(processed) + sm.horizontalAdvance(sep) + width(failures) <= line.width();
        if (box.lines >= 2) {
            line.translate(0, lh);
            if (oneLine || box.lines < 3)
                drawSegments(p, line, processed + QList<std::pair<QString, QColor>> {{sep, m}} + failures);
            else
                drawSegments(p, line, processed + QList<std::pair<QString, QColor>> {{sep, m}} + inFlight);
        }
        if (box.lines >= 3) {
            line.translate(0, lh);
            if (oneLine) {
                QStringList parts;
                for (const auto &tp : c.assignment)
                    parts.append(tp.toString());
                p.setPen(m);
                drawElided(p, line,
                    tr("in flight %1 · ").arg(c.inFlight)
                        + (parts.isEmpty() ? tr("no partitions") : parts.join(QStringLiteral(", "))));
            } else {
                drawSegments(p, line, failures);
            }
        }
    }
    p.setFont(f);
}

} // namespace topicscope::ui
