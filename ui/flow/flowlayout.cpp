#include "flowlayout.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

namespace topicscope::ui {

using engine::FlowSnapshot;
using engine::TopicPartition;

namespace {

QString digits(qint64 n)
{
    return QString(QString::number(std::max<qint64>(n, 0)).size(), QLatin1Char('0'));
}

} // namespace

QRectF FlowLayout::Strip::cellRect(int i) const
{
    return QRectF(cellsRect.left() + i * cellWidth, cellsRect.top(), cellWidth, cellsRect.height());
}

int FlowLayout::Strip::indexOf(qint64 offset) const
{
    const auto it = std::lower_bound(offsets.cbegin(), offsets.cend(), offset);
    return it != offsets.cend() && *it == offset ? int(it - offsets.cbegin()) : -1;
}

double FlowLayout::Strip::xForOffset(qint64 offset) const
{
    if (offsets.isEmpty() || offset < offsets.constFirst()) {
        if (offset < logStartOffset && !deletedRect.isEmpty())
            return deletedRect.center().x();
        if (!olderRect.isEmpty() && olderCount > 0) {
            const double f = double(std::max<qint64>(offset - logStartOffset, 0)) / double(olderCount);
            return olderRect.left() + std::min(f, 1.0) * olderRect.width();
        }
        return cellsRect.left();
    }
    const auto it = std::lower_bound(offsets.cbegin(), offsets.cend(), offset);
    const int i = int(it - offsets.cbegin());
    return cellsRect.left() + i * cellWidth; // past the last cell: its right edge
}

FlowLayout FlowLayout::compute(const FlowSnapshot &snapshot, const QSizeF &size, const QFont &font, double scale)
{
    FlowLayout l;
    l.m_size = size;
    l.m_scale = scale;
    l.m_font = font;
    l.m_smallFont = font;
    if (font.pointSizeF() > 0)
        l.m_smallFont.setPointSizeF(font.pointSizeF() * 0.85);
    else
        l.m_smallFont.setPixelSize(std::max(6, int(font.pixelSize() * 0.85)));
    const QFontMetricsF fm(font);
    const QFontMetricsF sm(l.m_smallFont);
    const double s = scale;
    const double lh = fm.height();
    const double m = 10 * s;
    const double W = size.width();
    const double H = size.height();

    // Two lines of the bold caption, always: a caption that wraps must not shift everything below it.
    QFont captionFont = font;
    captionFont.setBold(true);
    l.m_captionRect = QRectF(m, m, std::max(0.0, W - 2 * m), QFontMetricsF(captionFont).lineSpacing() * 2 + 8 * s);
    l.m_countersRect = QRectF(m, l.m_captionRect.bottom() + 4 * s, std::max(0.0, W - 2 * m), lh * 1.3);
    const double contentTop = l.m_countersRect.bottom() + 8 * s;
    l.m_contentRect = QRectF(m, contentTop, std::max(0.0, W - 2 * m), std::max(0.0, H - m - contentTop));
    const QRectF content = l.m_contentRect;

    // Columns, left to right; an empty side gives its room to the strips.
    const bool anyConsumerSide = !snapshot.consumers.isEmpty() || !snapshot.groups.isEmpty();
    const double pw = snapshot.producers.isEmpty() ? 0 : std::clamp(W * 0.16, std::min(110 * s, W * 0.2), 230 * s);
    const double gap1 = snapshot.producers.isEmpty() ? 0 : 22 * s;
    const double pnw = fm.horizontalAdvance(QStringLiteral("partitioner")) + 14 * s;
    const double gap2 = 22 * s;
    const double cw = anyConsumerSide ? std::clamp(W * 0.22, std::min(160 * s, W * 0.26), 300 * s) : 0;
    const double linkGap = anyConsumerSide ? 56 * s : 0;
    const double prodX = content.left();
    const double pnX = prodX + pw + gap1;
    const double stripsX = pnX + pnw + gap2;
    const double consX = content.right() - cw;
    const double stripsR = std::max(stripsX, consX - linkGap);

    // The question card goes below the producers and the strips and ends where the strips end, so that it covers
    // no partition, label or consumer (and no link: those run right of the strips). The columns give it their
    // bottom; the consumers keep the whole height.
    QRectF columns = content;
    if (!snapshot.question.isEmpty()) {
        const QuestionFonts qf = questionFonts(font);
        const QFontMetricsF tm(qf.title);
        const QFontMetricsF qm(qf.text);
        const double pad = questionPadding(s);
        const double w = std::max(0.0, std::min(stripsR - content.left(), 900 * s));
        const double textW = std::max(1.0, w - 2 * pad);
        const auto textHeight = [&](const QFontMetricsF &metrics, const QString &text) {
            return metrics.boundingRect(QRectF(0, 0, textW, 100000), Qt::TextWordWrap, text).height();
        };
        QFont boldText = qf.text;
        boldText.setBold(true); // a revealed answer is bold
        const double answerH = std::max(textHeight(qm, answerText(snapshot, false)),
            textHeight(QFontMetricsF(boldText), answerText(snapshot, true)));
        const double want = pad + tm.height() + 6 * s + textHeight(qm, snapshot.question) + 8 * s + answerH + pad;
        // The strips keep readable rows; a card squeezed by them shows its title and the start of the question.
        int partitions = 0;
        for (const auto &t : snapshot.topics)
            partitions += int(t.partitions.size());
        const double strips = snapshot.topics.size() * lh * 1.25 + partitions * lh * 1.3;
        const double least = pad + tm.height() + 6 * s + 2 * qm.height();
        const double h = std::min({want, content.height() * 0.5, std::max(least, content.height() - strips)});
        const double gap = 10 * s;
        l.m_questionRect = QRectF(content.left(), content.bottom() - h, w, h);
        columns.setBottom(std::max(columns.top(), l.m_questionRect.top() - gap));
    }

    // --- Strips ---
    int partitionCount = 0;
    int maxTail = 0;
    int maxPartition = 0;
    qint64 maxOffset = 0;
    bool anyDeleted = false;
    bool anyOlder = false;
    for (const auto &t : snapshot.topics) {
        for (const auto &p : t.partitions) {
            ++partitionCount;
            maxTail = std::max(maxTail, int(p.tail.size()));
            maxPartition = std::max(maxPartition, p.partition);
            maxOffset = std::max(maxOffset, p.highWatermark);
            anyDeleted = anyDeleted || p.logStartOffset > 0;
            const qint64 first = p.tail.isEmpty() ? p.highWatermark : p.tail.constFirst().offset;
            anyOlder = anyOlder || first > p.logStartOffset;
        }
    }
    const int topicCount = int(snapshot.topics.size());
    const double th = lh * 1.25;
    const double tg = 6 * s;
    const double rowsAvail = columns.height() - topicCount * th - std::max(0, topicCount - 1) * tg;
    const double rowH = partitionCount > 0 ? std::max(1.0, std::min(lh * 2.6, rowsAvail / partitionCount)) : 0;
    const double labelW = fm.horizontalAdvance(QLatin1Char('P') + digits(maxPartition)) + 8 * s;
    const double endW = sm.horizontalAdvance(QStringLiteral("HW ") + digits(maxOffset)) + 10 * s;
    const double delW = anyDeleted ? 14 * s : 0;
    const double minCell = 5 * s;
    const double maxCell = std::max(24 * s, sm.horizontalAdvance(digits(maxOffset)) + 10 * s);
    const double stripW = stripsR - stripsX;
    double olderW = 0;
    double cellsW = 0;
    double cellW = maxCell;
    for (int pass = 0; pass < 2; ++pass) {
        olderW = anyOlder
            ? sm.horizontalAdvance(QStringLiteral("… ") + digits(maxOffset) + QStringLiteral(" older")) + 8 * s
            : 0;
        cellsW = std::max(0.0, stripW - labelW - delW - olderW - endW);
        cellW = maxTail > 0 ? std::clamp(cellsW / maxTail, minCell, maxCell) : maxCell;
        if (anyOlder || maxTail == 0 || std::floor(cellsW / cellW) >= maxTail)
            break;
        anyOlder = true; // cells narrowed to their minimum: the oldest of the tail go to the "older" segment
    }
    const int fit = cellW > 0 ? int(std::floor(cellsW / cellW + 1e-9)) : 0;

    double totalStripsH = topicCount * th + std::max(0, topicCount - 1) * tg + partitionCount * rowH;
    double y = columns.top() + std::max(0.0, (columns.height() - totalStripsH) / 2);
    for (int ti = 0; ti < topicCount; ++ti) {
        const auto &topic = snapshot.topics.at(ti);
        l.m_topicHeaders.append({topic.name, QRectF(stripsX, y, stripW, th)});
        y += th;
        const double spanTop = y;
        for (int pi = 0; pi < topic.partitions.size(); ++pi) {
            const auto &p = topic.partitions.at(pi);
            Strip st;
            st.topicPartition = TopicPartition {topic.name, p.partition};
            st.topicIndex = ti;
            st.partitionIndex = pi;
            st.rect = QRectF(stripsX, y, stripW, rowH);
            st.labelRect = QRectF(stripsX, y, labelW, rowH);
            const double cellTop = y + rowH * 0.24;
            const double cellH = rowH * 0.52;
            st.logStartOffset = p.logStartOffset;
            st.highWatermark = p.highWatermark;
            st.cellWidth = cellW;
            const int shown = std::min(int(p.tail.size()), fit);
            st.firstTailIndex = int(p.tail.size()) - shown;
            st.offsets.reserve(shown);
            for (int i = st.firstTailIndex; i < p.tail.size(); ++i)
                st.offsets.append(p.tail.at(i).offset);
            const qint64 firstShown = st.offsets.isEmpty() ? p.highWatermark : st.offsets.constFirst();
            st.olderCount = std::max<qint64>(0, firstShown - p.logStartOffset);
            double x = stripsX + labelW;
            if (p.logStartOffset > 0)
                st.deletedRect = QRectF(x, cellTop, delW - 2 * s, cellH);
            x += delW;
            if (st.olderCount > 0 && olderW > 0)
                st.olderRect = QRectF(x, cellTop, olderW - 4 * s, cellH);
            x += olderW;
            st.cellsRect = QRectF(x, cellTop, cellsW, cellH);
            st.endLabelRect = QRectF(x + shown * cellW + 3 * s, y, endW - 3 * s, rowH);
            l.m_stripIndex.insert(st.topicPartition, int(l.m_strips.size()));
            l.m_strips.append(st);
            y += rowH;
        }
        const double spanBottom = std::max(y, spanTop + lh);
        const double nodeH = std::min(lh * 1.6, spanBottom - spanTop + th);
        const double cy = topic.partitions.isEmpty() ? spanTop - th / 2 : (spanTop + spanBottom) / 2;
        l.m_partitioners.append({topic.name, QRectF(pnX, cy - nodeH / 2, pnw, nodeH)});
        y += tg;
    }

    // --- Producers, stacked and centred ---
    const int np = int(snapshot.producers.size());
    if (np > 0) {
        const double gap = 8 * s;
        int lines = 3;
        auto boxH = [&](int n) { return n * lh + 8 * s; };
        while (lines > 1 && np * boxH(lines) + (np - 1) * gap > columns.height())
            --lines;
        double h = boxH(lines);
        if (np * h + (np - 1) * gap > columns.height())
            h = std::max(2.0, (columns.height() - (np - 1) * gap) / np);
        const double total = np * h + (np - 1) * gap;
        double py = columns.top() + std::max(0.0, (columns.height() - total) / 2);
        for (const auto &p : snapshot.producers) {
            l.m_producerIndex.insert(p.id, int(l.m_producers.size()));
            l.m_producers.append({p.id, p.topic, QRectF(prodX, py, pw, h), lines});
            py += h + gap;
        }
    }

    // With room to spare the card moves up to just below the scene it asks about, instead of the bottom edge.
    if (!l.m_questionRect.isEmpty()) {
        double sceneBottom = columns.top();
        for (const auto &st : std::as_const(l.m_strips))
            sceneBottom = std::max(sceneBottom, st.rect.bottom());
        for (const auto &p : std::as_const(l.m_producers))
            sceneBottom = std::max(sceneBottom, p.rect.bottom());
        for (const auto &n : std::as_const(l.m_partitioners))
            sceneBottom = std::max(sceneBottom, n.rect.bottom());
        const double top = std::min(l.m_questionRect.top(), sceneBottom + 24 * s);
        l.m_questionRect.moveTop(std::max(top, sceneBottom + 10 * s));
    }

    // --- Consumers, framed by group ---
    if (anyConsumerSide) {
        struct Frame {
            QString id;
            int groupIndex;
            QList<int> consumers;
        };
        QList<Frame> frames;
        for (int gi = 0; gi < snapshot.groups.size(); ++gi)
            frames.append({snapshot.groups.at(gi).id, gi, {}});
        for (int ci = 0; ci < snapshot.consumers.size(); ++ci) {
            const QString &g = snapshot.consumers.at(ci).group;
            auto it = std::find_if(frames.begin(), frames.end(), [&](const Frame &f) { return f.id == g; });
            if (it == frames.end()) {
                frames.append({g, -1, {}});
                it = frames.end() - 1;
            }
            it->consumers.append(ci);
        }
        const double hh = lh * 1.35;
        const double pad = 5 * s;
        const double cg = 5 * s;
        const double fg = 8 * s;
        const int nf = int(frames.size());
        // Rows of boxes per frame for one or two columns, and the height that is not boxes.
        const auto rowsOf = [&](int cols) {
            int rows = 0;
            for (const auto &f : frames)
                rows += int((f.consumers.size() + cols - 1) / cols);
            return rows;
        };
        const auto fixedOf = [&](int cols) {
            double fixed = nf * (hh + 2 * pad) + std::max(0, nf - 1) * fg;
            for (const auto &f : frames)
                fixed += std::max<qsizetype>(0, (f.consumers.size() + cols - 1) / cols - 1) * cg;
            return fixed;
        };
        auto boxH = [&](int n) { return n * lh + 8 * s; };
        // As many text lines as fit; when not even one line fits in a column of boxes, two columns side by side
        // (a box shorter than its text would cut the text off), if the column is wide enough for two.
        int cols = 1;
        int lines = 3;
        const auto fits = [&](int c, int n) { return fixedOf(c) + rowsOf(c) * boxH(n) <= content.height(); };
        while (lines > 1 && !fits(cols, lines))
            --lines;
        if (!fits(cols, lines) && cw >= 2 * 110 * s) {
            cols = 2;
            lines = 3;
            while (lines > 1 && !fits(cols, lines))
                --lines;
        }
        const int rows = rowsOf(cols);
        const double fixed = fixedOf(cols);
        double h = boxH(lines);
        if (rows > 0 && fixed + rows * h > content.height())
            h = std::max(2.0, (content.height() - fixed) / rows);
        const double colGap = 4 * s;
        const double boxW = (cw - 12 * s - (cols - 1) * colGap) / cols;
        const double total = fixed + rows * h;
        double cy = content.top() + std::max(0.0, (content.height() - total) / 2);
        for (const auto &f : frames) {
            const qsizetype frameRows = (f.consumers.size() + cols - 1) / cols;
            const double frameH = hh + 2 * pad + frameRows * h + std::max<qsizetype>(0, frameRows - 1) * cg;
            GroupFrame gf {f.id, f.groupIndex, QRectF(consX, cy, cw, frameH), QRectF(consX, cy, cw, hh)};
            l.m_groupFrames.append(gf);
            for (int k = 0; k < f.consumers.size(); ++k) {
                const int ci = f.consumers.at(k);
                const auto &c = snapshot.consumers.at(ci);
                const double bx = consX + 6 * s + (k % cols) * (boxW + colGap);
                const double by = cy + hh + pad + (k / cols) * (h + cg);
                l.m_consumerIndex.insert(c.id, int(l.m_consumers.size()));
                l.m_consumers.append({c.id, c.group, ci, QRectF(bx, by, boxW, h), lines});
            }
            cy += frameH + fg;
        }
    }

    // --- Assignment links: the group's view (owners), or the consumer's own for consumers without a group ---
    QList<std::pair<TopicPartition, QString>> owned;
    QList<int> groupOfLink;
    for (int gi = 0; gi < snapshot.groups.size(); ++gi) {
        const auto &owners = snapshot.groups.at(gi).owners;
        for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
            owned.append({it.key(), it.value()});
            groupOfLink.append(gi);
        }
    }
    for (const auto &c : snapshot.consumers) {
        if (!c.group.isEmpty())
            continue;
        for (const auto &tp : c.assignment) {
            owned.append({tp, c.id});
            groupOfLink.append(int(snapshot.groups.size()));
        }
    }
    QHash<QString, int> perConsumer;
    for (const auto &[tp, id] : owned) {
        if (l.strip(tp) && l.consumer(id))
            ++perConsumer[id];
    }
    QHash<QString, int> nth;
    const int ng = int(snapshot.groups.size()) + 1;
    for (int i = 0; i < owned.size(); ++i) {
        const auto &[tp, id] = owned.at(i);
        const Strip *st = l.strip(tp);
        const ConsumerBox *box = l.consumer(id);
        if (!st || !box)
            continue;
        const int k = nth[id]++;
        const int n = perConsumer.value(id);
        // Several groups reading one partition leave its end side by side instead of on top of each other.
        const double spread = ng > 1 ? (groupOfLink.at(i) - (ng - 1) / 2.0) * std::min(3 * s, rowH / (2 * ng)) : 0;
        const QPointF from(st->rect.right(), st->cellsRect.center().y() + spread);
        const QPointF to(box->rect.left(), box->rect.top() + (k + 1) * box->rect.height() / (n + 1));
        l.m_links.append({tp, id, box->consumerIndex, from, to});
    }
    return l;
}

QSizeF FlowLayout::preferredSize(const FlowSnapshot &snapshot, const QFont &font, double scale)
{
    const QFontMetricsF fm(font);
    const double lh = fm.height();
    int partitions = 0;
    for (const auto &t : snapshot.topics)
        partitions += int(t.partitions.size());
    const double strips = snapshot.topics.size() * lh * 1.25 + partitions * lh * 2.4;
    const double producers = snapshot.producers.size() * (3 * lh + 16 * scale);
    const double consumers
        = snapshot.consumers.size() * (3 * lh + 13 * scale) + snapshot.groups.size() * (lh * 1.35 + 18 * scale);
    const double top = 20 * scale + lh * 3.2 + 12 * scale;
    const double h = top + std::max({strips, producers, consumers, 240 * scale});
    return QSizeF(1100 * scale, std::clamp(h, 400 * scale, 1100 * scale));
}

FlowLayout::QuestionFonts FlowLayout::questionFonts(const QFont &font)
{
    QuestionFonts f {font, font};
    f.title.setBold(true);
    if (font.pointSizeF() > 0)
        f.title.setPointSizeF(font.pointSizeF() * 1.2);
    else
        f.title.setPixelSize(int(font.pixelSize() * 1.2));
    return f;
}

QString FlowLayout::questionTitle()
{
    return tr("What happens next?");
}

QString FlowLayout::answerText(const FlowSnapshot &snapshot, bool revealed)
{
    if (!revealed)
        return tr("(the answer is hidden)");
    return tr("Answer: %1").arg(snapshot.answer.isEmpty() ? QStringLiteral("—") : snapshot.answer);
}

const FlowLayout::Strip *FlowLayout::strip(const TopicPartition &tp) const
{
    const auto it = m_stripIndex.constFind(tp);
    return it == m_stripIndex.cend() ? nullptr : &m_strips.at(*it);
}

const FlowLayout::ProducerBox *FlowLayout::producer(const QString &id) const
{
    const auto it = m_producerIndex.constFind(id);
    return it == m_producerIndex.cend() ? nullptr : &m_producers.at(*it);
}

const FlowLayout::ConsumerBox *FlowLayout::consumer(const QString &id) const
{
    const auto it = m_consumerIndex.constFind(id);
    return it == m_consumerIndex.cend() ? nullptr : &m_consumers.at(*it);
}

const FlowLayout::PartitionerNode *FlowLayout::partitioner(const QString &topic) const
{
    for (const auto &n : m_partitioners) {
        if (n.topic == topic)
            return &n;
    }
    return nullptr;
}

QRectF FlowLayout::cellRect(const TopicPartition &tp, qint64 offset) const
{
    const Strip *st = strip(tp);
    if (!st)
        return {};
    const int i = st->indexOf(offset);
    return i < 0 ? QRectF() : st->cellRect(i);
}

QPointF FlowLayout::recordAnchor(const TopicPartition &tp, qint64 offset) const
{
    const Strip *st = strip(tp);
    if (!st)
        return m_contentRect.center();
    const int i = st->indexOf(offset);
    if (i >= 0)
        return st->cellRect(i).center();
    if (!st->offsets.isEmpty() && offset > st->offsets.constLast())
        return st->cellRect(int(st->offsets.size()) - 1).center();
    if (!st->olderRect.isEmpty())
        return st->olderRect.center();
    return QPointF(st->cellsRect.left(), st->cellsRect.center().y());
}

std::optional<std::pair<TopicPartition, qint64>> FlowLayout::recordAt(const QPointF &pos) const
{
    const Strip *st = stripAt(pos);
    if (!st || !st->cellsRect.contains(pos) || st->cellWidth <= 0)
        return std::nullopt;
    const int i = int((pos.x() - st->cellsRect.left()) / st->cellWidth);
    if (i < 0 || i >= st->offsets.size())
        return std::nullopt;
    return std::make_pair(st->topicPartition, st->offsets.at(i));
}

const FlowLayout::Strip *FlowLayout::stripAt(const QPointF &pos) const
{
    for (const auto &st : m_strips) {
        if (st.rect.contains(pos))
            return &st;
    }
    return nullptr;
}

const FlowLayout::ProducerBox *FlowLayout::producerAt(const QPointF &pos) const
{
    for (const auto &p : m_producers) {
        if (p.rect.contains(pos))
            return &p;
    }
    return nullptr;
}

const FlowLayout::ConsumerBox *FlowLayout::consumerAt(const QPointF &pos) const
{
    for (const auto &c : m_consumers) {
        if (c.rect.contains(pos))
            return &c;
    }
    return nullptr;
}

const FlowLayout::GroupFrame *FlowLayout::groupFrameAt(const QPointF &pos) const
{
    for (const auto &g : m_groupFrames) {
        if (g.rect.contains(pos))
            return &g;
    }
    return nullptr;
}

} // namespace topicscope::ui
