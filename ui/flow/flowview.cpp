#include "flowview.h"
#include "enginephrases.h"

#include "flowlogging.h"

#include "flowscenepainter.h"

#include <QContextMenuEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcFlow, "topicscope.ui.flow")

namespace topicscope::ui {

using engine::FlowConsumerStatus;
using engine::FlowMovement;
using engine::FlowSnapshot;
using engine::TopicPartition;
using Kind = engine::FlowMovement::Kind;

namespace {

double easeInOut(double t)
{
    return t < 0.5 ? 2 * t * t : 1 - std::pow(-2 * t + 2, 2) / 2;
}

QPointF lerp(const QPointF &a, const QPointF &b, double t)
{
    return a + (b - a) * t;
}

} // namespace

FlowView::FlowView(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(16);
    connect(&m_timer, &QTimer::timeout, this, &FlowView::onTick);
    updatePalette();
}

FlowView::~FlowView() = default;

// --- State ---

void FlowView::setSnapshot(const FlowSnapshot &snapshot)
{
    // A snapshot that does not follow the shown one (another run, or a picture of the past for time travel) is a
    // jump: what was in flight belonged to the other picture.
    if (snapshot.sequence <= m_snapshot.sequence || snapshot.title != m_snapshot.title) {
        m_tokens.clear();
        m_flagAnimations.clear();
    }
    m_colours.update(snapshot);
    // Tokens and flag animations read the previous snapshot (where a committed flag was) before it is replaced.
    if (m_animationsEnabled)
        spawnTokens(snapshot.movements);
    m_snapshot = snapshot;
    m_snapshot.movements.clear(); // animated already; the copy need not keep up to 2000 of them alive
    m_groupIndex.clear();
    for (int i = 0; i < m_snapshot.groups.size(); ++i)
        m_groupIndex.insert(m_snapshot.groups.at(i).id, i);
    if (m_snapshot.question.isEmpty())
        m_answerRevealed = false;
    relayout();
    startTimerIfNeeded();
    update();
}

void FlowView::noteLiveSnapshot(const FlowSnapshot &snapshot)
{
    m_colours.update(snapshot);
}

void FlowView::setAnimationsEnabled(bool enabled)
{
    if (m_animationsEnabled == enabled)
        return;
    m_animationsEnabled = enabled;
    if (!enabled) {
        m_tokens.clear();
        m_flagAnimations.clear();
        m_timer.stop();
    }
    update();
}

void FlowView::setAnswerRevealed(bool revealed)
{
    m_answerRevealed = revealed;
    update();
}

void FlowView::setPresentationMode(bool on)
{
    if (m_presentation == on)
        return;
    m_presentation = on;
    updatePalette();
    relayout();
    updateGeometry();
    update();
}

void FlowView::setSelectedRecord(const TopicPartition &tp, qint64 offset)
{
    m_selected = std::make_pair(tp, offset);
    update();
}

void FlowView::clearSelectedRecord()
{
    m_selected.reset();
    update();
}

QFont FlowView::viewFont() const
{
    QFont f = font();
    if (m_presentation) {
        if (f.pointSizeF() > 0)
            f.setPointSizeF(f.pointSizeF() * PresentationScale);
        else
            f.setPixelSize(int(f.pixelSize() * PresentationScale));
    }
    return f;
}

void FlowView::relayout() const
{
    const double scale = m_presentation ? PresentationScale : 1.0;
    const double radiusBefore = tokenRadius();
    m_layout = FlowLayout::compute(m_snapshot, QSizeF(size()), viewFont(), scale);
    if (tokenRadius() != radiusBefore)
        m_sprites.clear();
    const_cast<FlowView *>(this)->m_staticDirty = true;
}

void FlowView::ensureLayout() const
{
    if (m_layout.size() != QSizeF(size()))
        relayout();
}

const FlowLayout &FlowView::flowLayout() const
{
    ensureLayout();
    return m_layout;
}

void FlowView::updatePalette()
{
    m_palette = FlowPalette::fromWidgetPalette(palette(), m_presentation);
    m_sprites.clear();
    m_staticDirty = true;
}

QSize FlowView::sizeHint() const
{
    return FlowLayout::preferredSize(m_snapshot, viewFont(), m_presentation ? PresentationScale : 1.0).toSize();
}

QSize FlowView::minimumSizeHint() const
{
    return QSize(400, 240);
}

int FlowView::heightForReadableConsumers(int width, int limit) const
{
    const double scale = m_presentation ? PresentationScale : 1.0;
    const QFont font = viewFont();
    const double lineHeight = QFontMetricsF(font).height();
    const auto readable = [&](int height) {
        const FlowLayout layout = FlowLayout::compute(m_snapshot, QSizeF(width, height), font, scale);
        const auto &boxes = layout.consumers();
        return std::all_of(boxes.cbegin(), boxes.cend(), [&](const FlowLayout::ConsumerBox &box) {
            return box.rect.height() - 6 * scale >= lineHeight * box.lines
                && layout.size().height() >= box.rect.bottom();
        });
    };
    if (readable(0))
        return 0;
    if (!readable(limit))
        return limit;
    // The cards grow with the height: the least readable one by bisection.
    int low = 0;
    int high = limit;
    while (high - low > 4) {
        const int mid = (low + high) / 2;
        (readable(mid) ? high : low) = mid;
    }
    return high;
}

// --- Animation ---

void FlowView::spawnTokens(const QList<FlowMovement> &movements)
{
    // Committed movements slide the group's flag; the rest become tokens. Under a flood only the newest
    // MaxLiveTokens can be alive anyway, so the older ones are dropped before they cost anything.
    QList<const FlowMovement *> flying;
    flying.reserve(movements.size());
    for (const auto &m : movements) {
        if (m.kind != Kind::Committed) {
            flying.append(&m);
            continue;
        }
        const QString group = m.group;
        auto &anims = m_flagAnimations[group];
        qint64 from = m.offset;
        if (const auto it = anims.constFind(m.topicPartition); it != anims.cend()) {
            from = it->toOffset;
        } else {
            for (const auto &g : m_snapshot.groups) {
                if (g.id == group)
                    from = g.committed.value(m.topicPartition, m.offset);
            }
        }
        if (from != m.offset)
            anims.insert(m.topicPartition, FlagAnimation {from, m.offset, 0});
    }
    const qsizetype skip = std::max<qsizetype>(0, flying.size() - MaxLiveTokens);
    m_droppedTokens += int(skip);
    const qsizetype n = flying.size() - skip;
    if (n == 0)
        return;
    const qsizetype overflow = m_tokens.size() + n - MaxLiveTokens;
    if (overflow > 0) {
        m_tokens.remove(0, overflow);
        m_droppedTokens += int(overflow);
        if (!m_loggedCap)
            qCDebug(lcFlow) << "more than" << MaxLiveTokens << "tokens in flight: dropping the oldest";
        m_loggedCap = true;
    }
    // Many tokens in flight fly faster, so that the picture keeps up with the stream instead of lagging behind.
    const double live = double(m_tokens.size() + n);
    const double flight = std::clamp(TokenFlightMs * 60.0 / live, double(MinTokenFlightMs), double(TokenFlightMs));
    m_tokens.reserve(MaxLiveTokens);
    for (qsizetype i = 0; i < n; ++i) {
        const FlowMovement &m = *flying.at(skip + i);
        Token t;
        t.kind = m.kind;
        t.topicPartition = m.topicPartition;
        t.offset = m.offset;
        t.client = m.client;
        t.colour = m_colours.keyColor(m.key, m_palette);
        t.ageMs = -double(i) * SnapshotSpreadMs / double(n);
        t.flightMs = flight;
        t.lingerMs = TokenLandingMs;
        if (m.kind == Kind::Lost) {
            t.flightMs = FailureLingerMs; // it does not travel: it fades where it was
            t.lingerMs = 0;
        } else if (m.kind == Kind::DeserializationFailed) {
            t.lingerMs = FailureLingerMs;
        }
        m_tokens.append(t);
    }
}

bool FlowView::isAnimating() const
{
    return !m_tokens.isEmpty() || !m_flagAnimations.isEmpty();
}

void FlowView::startTimerIfNeeded()
{
    if (m_animationsEnabled && isVisible() && isAnimating() && !m_timer.isActive()) {
        m_clock.start();
        m_timer.start();
    }
}

void FlowView::onTick()
{
    const double ms = std::clamp(double(m_clock.restart()), 0.0, 100.0);
    step(ms);
    update();
    if (!isAnimating())
        m_timer.stop();
}

void FlowView::advanceAnimation(int ms)
{
    step(ms);
    update();
}

void FlowView::step(double ms)
{
    for (auto &t : m_tokens)
        t.ageMs += ms;
    m_tokens.removeIf([](const Token &t) { return t.ageMs >= t.flightMs + t.lingerMs; });
    for (auto g = m_flagAnimations.begin(); g != m_flagAnimations.end();) {
        for (auto it = g->begin(); it != g->end();) {
            it->ageMs += ms;
            it = it->ageMs >= FlagMoveMs ? g->erase(it) : std::next(it);
        }
        g = g->isEmpty() ? m_flagAnimations.erase(g) : std::next(g);
    }
}

double FlowView::tokenProgress(const Token &t) const
{
    if (t.ageMs < 0)
        return -1;
    return t.flightMs > 0 ? std::min(1.0, t.ageMs / t.flightMs) : 1.0;
}

QPointF FlowView::tokenPosition(const Token &t, double progress) const
{
    const QPointF cell = m_layout.recordAnchor(t.topicPartition, t.offset);
    const double e = easeInOut(std::clamp(progress, 0.0, 1.0));
    switch (t.kind) {
    case Kind::Produced: {
        const auto *node = m_layout.partitioner(t.topicPartition.topic);
        const QPointF via = node ? node->rect.center() : cell;
        const auto *producer = m_layout.producer(t.client);
        const QPointF start = producer ? QPointF(producer->rect.right(), producer->rect.center().y()) : via;
        return e < 0.45 ? lerp(start, via, e / 0.45) : lerp(via, cell, (e - 0.45) / 0.55);
    }
    case Kind::Lost: {
        const auto *st = m_layout.strip(t.topicPartition);
        return cell - QPointF(0, (st ? st->rect.height() : 20.0) * 0.6 * progress);
    }
    case Kind::Consumed:
    case Kind::Duplicate:
    case Kind::DeserializationFailed: {
        const auto *box = m_layout.consumer(t.client);
        if (!box)
            return cell;
        const auto *st = m_layout.strip(t.topicPartition);
        const QPointF via = st ? QPointF(st->endLabelRect.right(), st->cellsRect.center().y()) : cell;
        const QPointF end(box->rect.left() + 8 * m_layout.scale(), box->rect.center().y());
        return e < 0.4 ? lerp(cell, via, e / 0.4) : lerp(via, end, (e - 0.4) / 0.6);
    }
    case Kind::Committed:
        break;
    }
    return cell;
}

QList<FlowView::TokenInfo> FlowView::tokens() const
{
    ensureLayout();
    QList<TokenInfo> out;
    out.reserve(m_tokens.size());
    for (const auto &t : m_tokens) {
        const double p = tokenProgress(t);
        out.append({t.kind, t.topicPartition, t.offset, t.client, tokenPosition(t, std::max(p, 0.0)), p});
    }
    return out;
}

// --- Hit testing and input ---

std::optional<std::pair<TopicPartition, qint64>> FlowView::recordAt(const QPoint &pos) const
{
    ensureLayout();
    const double r = 9 * m_layout.scale();
    for (auto it = m_tokens.crbegin(); it != m_tokens.crend(); ++it) {
        const double p = tokenProgress(*it);
        if (p < 0 || it->kind == Kind::Lost)
            continue;
        const QPointF d = tokenPosition(*it, p) - QPointF(pos);
        if (QPointF::dotProduct(d, d) <= r * r)
            return std::make_pair(it->topicPartition, it->offset);
    }
    return m_layout.recordAt(QPointF(pos));
}

FlowView::Item FlowView::itemAt(const QPoint &pos) const
{
    ensureLayout();
    const QPointF p(pos);
    if (const auto record = recordAt(pos))
        return {ItemKind::Record, QString(), record->first, record->second};
    if (const auto *c = m_layout.consumerAt(p))
        return {ItemKind::Consumer, c->id, {}, -1};
    if (const auto *pr = m_layout.producerAt(p))
        return {ItemKind::Producer, pr->id, {}, -1};
    if (const auto *g = m_layout.groupFrameAt(p))
        return {ItemKind::Group, g->id, {}, -1};
    if (const auto *st = m_layout.stripAt(p))
        return {ItemKind::Partition, QString(), st->topicPartition, -1};
    return {};
}

void FlowView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (const auto record = recordAt(pos)) {
        setSelectedRecord(record->first, record->second);
        Q_EMIT recordClicked(record->first, record->second);
        return;
    }
    const Item item = itemAt(pos);
    switch (item.kind) {
    case ItemKind::Consumer:
        Q_EMIT consumerClicked(item.id);
        break;
    case ItemKind::Producer:
        Q_EMIT producerClicked(item.id);
        break;
    case ItemKind::Group:
        Q_EMIT groupClicked(item.id);
        break;
    default:
        break;
    }
}

void FlowView::contextMenuEvent(QContextMenuEvent *event)
{
    Q_EMIT contextMenuRequestedFor(itemAt(event->pos()), event->globalPos());
    event->accept();
}

bool FlowView::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    ensureLayout();
    QString tip;
    if (const auto record = recordAt(help->pos())) {
        tip = record->first.toString() + QStringLiteral(" @ ") + QString::number(record->second);
        for (const auto &t : m_snapshot.topics) {
            for (const auto &p : t.partitions) {
                if (t.name != record->first.topic || p.partition != record->first.partition)
                    continue;
                for (const auto &c : p.tail) {
                    if (c.offset != record->second)
                        continue;
                    tip += tr("\nkey: ") + c.key.value_or(QStringLiteral("null"));
                    if (!c.producer.isEmpty())
                        tip += tr("\nproduced by ") + c.producer;
                    tip += tr(" at ") + FlowScenePainter::timeText(c.timeMs);
                }
            }
        }
    } else if (const auto *c = m_layout.consumerAt(QPointF(help->pos()))) {
        const auto &fc = m_snapshot.consumers.at(c->consumerIndex);
        QStringList parts;
        for (const auto &tp : fc.assignment)
            parts.append(tp.toString());
        bool epochs = false; // a consumer-protocol member counts member epochs
        for (const engine::FlowGroup &g : m_snapshot.groups) {
            if (g.id == fc.group)
                epochs = g.type == QLatin1String("consumer");
        }
        tip = fc.id + QStringLiteral(" (") + FlowPalette::statusName(fc.status) + tr(")\nmember ")
            + (fc.memberId.isEmpty() ? QStringLiteral("—") : fc.memberId)
            + (epochs ? tr(", epoch %1") : tr(", generation %1")).arg(fc.generation) + tr("\ncommit: ")
            + EnginePhrases::translate(fc.commitMode) + tr("\nassigned: ")
            + (parts.isEmpty() ? tr("nothing") : parts.join(QStringLiteral(", ")));
    } else if (const auto *st = m_layout.stripAt(QPointF(help->pos()))) {
        tip = st->topicPartition.toString() + QStringLiteral("\nlogStartOffset ") + QString::number(st->logStartOffset)
            + QStringLiteral("\nhighWatermark ") + QString::number(st->highWatermark);
    }
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), tip, this);
    return true;
}

void FlowView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void FlowView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        updatePalette();
        update();
    } else if (event->type() == QEvent::FontChange) {
        relayout();
        update();
    }
}

void FlowView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    startTimerIfNeeded();
}

void FlowView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

// --- Painting ---

void FlowView::paintEvent(QPaintEvent *)
{
    ensureLayout();
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (m_staticDirty || m_staticLayer.size() != pixels) {
        if (m_staticLayer.size() != pixels) {
            m_staticLayer = QPixmap(pixels);
            m_staticLayer.setDevicePixelRatio(dpr);
        }
        QPainter sp(&m_staticLayer);
        sp.setRenderHint(QPainter::Antialiasing);
        const FlowScenePainter scene(m_snapshot, m_layout, m_palette, m_colours);
        const QRectF bounds = scene.linksBounds();
        const size_t key = scene.linksKey();
        if (!bounds.isEmpty()
            && (m_linksLayer.isNull() || key != m_linksKey || m_linksLayer.size() != (bounds.size() * dpr).toSize())) {
            m_linksLayer = QPixmap((bounds.size() * dpr).toSize());
            m_linksLayer.setDevicePixelRatio(dpr);
            m_linksLayer.fill(Qt::transparent);
            QPainter lp(&m_linksLayer);
            lp.setRenderHint(QPainter::Antialiasing);
            scene.paintLinks(lp, bounds.topLeft());
            m_linksKey = key;
        }
        scene.paint(sp, bounds.isEmpty() ? nullptr : &m_linksLayer);
        m_staticDirty = false;
    }
    QPainter p(this);
    p.drawPixmap(0, 0, m_staticLayer);
    p.setRenderHint(QPainter::Antialiasing);
    drawFlags(p);
    drawSelection(p);
    drawTokens(p);
    drawQuestion(p);
}

void FlowView::drawFlags(QPainter &p) const
{
    const double s = m_layout.scale();
    p.setBrush(Qt::NoBrush);
    for (int gi = 0; gi < m_snapshot.groups.size(); ++gi) {
        const auto &g = m_snapshot.groups.at(gi);
        const QColor colour = m_palette.groupColor(gi);
        const auto anims = m_flagAnimations.constFind(g.id);
        for (auto it = g.committed.cbegin(); it != g.committed.cend(); ++it) {
            const auto *st = m_layout.strip(it.key());
            if (!st)
                continue;
            double x = st->xForOffset(it.value());
            if (anims != m_flagAnimations.cend()) {
                if (const auto a = anims->constFind(it.key()); a != anims->cend()) {
                    const double t = easeInOut(std::clamp(a->ageMs / FlagMoveMs, 0.0, 1.0));
                    x = st->xForOffset(a->fromOffset)
                        + (st->xForOffset(a->toOffset) - st->xForOffset(a->fromOffset)) * t;
                }
            }
            const double top = st->rect.top() + 1 * s;
            const double h = std::max(3.0, st->cellsRect.top() - top - 1 * s);
            p.setPen(QPen(colour, 1.6 * s));
            p.drawLine(QPointF(x, top), QPointF(x, st->cellsRect.bottom()));
            const QPointF flag[3] = {QPointF(x, top), QPointF(x + h * 1.4, top + h / 2), QPointF(x, top + h)};
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawPolygon(flag, 3);
        }
    }
}

void FlowView::drawSelection(QPainter &p) const
{
    if (!m_selected)
        return;
    const QRectF r = m_layout.cellRect(m_selected->first, m_selected->second);
    if (r.isEmpty())
        return;
    const double s = m_layout.scale();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(m_palette.background, 4 * s));
    p.drawRect(r.adjusted(-1 * s, -1 * s, 1 * s, 1 * s));
    p.setPen(QPen(m_palette.selection, 2 * s));
    p.drawRect(r.adjusted(-1 * s, -1 * s, 1 * s, 1 * s));
}

double FlowView::tokenRadius() const
{
    const double s = m_layout.scale();
    if (m_layout.strips().isEmpty())
        return 6 * s;
    return std::clamp(m_layout.strips().constFirst().rect.height() * 0.26, 3 * s, 8 * s);
}

const QPixmap &FlowView::tokenSprite(QRgb fill, int style) const
{
    const quint64 key = (quint64(fill) << 8) | quint64(style);
    if (const auto it = m_sprites.constFind(key); it != m_sprites.cend())
        return *it;
    if (m_sprites.size() > 512)
        m_sprites.clear(); // keys from a long run of many distinct colours; rebuilding is cheap
    const double s = m_layout.scale();
    const double r = tokenRadius();
    const qreal dpr = devicePixelRatioF();
    const int side = int(std::ceil(2 * r + 6 * s)) + 2;
    QPixmap sprite(QSize(side, side) * dpr);
    sprite.setDevicePixelRatio(dpr);
    sprite.fill(Qt::transparent);
    QPainter sp(&sprite);
    sp.setRenderHint(QPainter::Antialiasing);
    switch (style) {
    case 1: // duplicate
        sp.setPen(QPen(m_palette.failure, 2.6 * s));
        break;
    case 2: // deserialization will fail
        sp.setPen(QPen(m_palette.failure, 1.6 * s));
        break;
    case 3: // lost
        sp.setPen(QPen(m_palette.lost, 1.6 * s, Qt::DashLine));
        break;
    default:
        sp.setPen(QPen(m_palette.text, 1.0 * s));
        break;
    }
    sp.setBrush(QColor(fill));
    sp.drawEllipse(QPointF(side / 2.0, side / 2.0), r, r);
    sp.end();
    return *m_sprites.insert(key, sprite);
}

void FlowView::drawTokens(QPainter &p) const
{
    if (m_tokens.isEmpty())
        return;
    const double s = m_layout.scale();
    const double r = tokenRadius();
    const QFont badgeFont = FlowScenePainter::bold(m_layout.smallFont());
    p.setFont(badgeFont);
    const QFontMetricsF bm(badgeFont);
    static const QString dup = tr("dup");
    static const QString lost = tr("lost");
    static const QString deser = tr("deser failed");
    const auto blit = [&](const QPointF &pos, QRgb fill, int style) {
        const QPixmap &sprite = tokenSprite(fill, style);
        const double half = sprite.width() / sprite.devicePixelRatio() / 2.0;
        p.drawPixmap(QPointF(std::round(pos.x() - half), std::round(pos.y() - half)), sprite);
    };
    for (const auto &t : m_tokens) {
        const double progress = tokenProgress(t);
        if (progress < 0)
            continue;
        const QPointF pos = tokenPosition(t, progress);
        const QRgb fill = t.colour.rgb();
        switch (t.kind) {
        case Kind::Lost:
            p.setOpacity(1.0 - progress);
            blit(pos, fill, 3);
            p.setPen(m_palette.lost);
            p.drawText(QPointF(pos.x() + r + 2 * s, pos.y() + bm.ascent() / 2), lost);
            p.setOpacity(1.0);
            break;
        case Kind::DeserializationFailed:
            if (progress >= 1.0) {
                const double fade = 1.0 - std::clamp((t.ageMs - t.flightMs) / t.lingerMs, 0.0, 1.0);
                p.setOpacity(std::max(0.25, fade));
                p.setPen(QPen(m_palette.failure, 2.5 * s, Qt::SolidLine, Qt::RoundCap));
                p.drawLine(pos + QPointF(-r, -r), pos + QPointF(r, r));
                p.drawLine(pos + QPointF(-r, r), pos + QPointF(r, -r));
                p.drawText(QPointF(pos.x() - r, pos.y() - r - 2 * s), deser);
                p.setOpacity(1.0);
                break;
            }
            blit(pos, fill, 2);
            break;
        case Kind::Duplicate: {
            blit(pos, fill, 1);
            const QRectF badge(pos.x() + r * 0.4, pos.y() - r - bm.height() * 0.9, bm.horizontalAdvance(dup) + 4 * s,
                bm.height() * 0.9);
            p.setPen(Qt::NoPen);
            p.setBrush(m_palette.failure);
            p.drawRoundedRect(badge, 2 * s, 2 * s);
            p.setPen(Qt::white);
            p.drawText(badge, Qt::AlignCenter, dup);
            break;
        }
        case Kind::Produced:
        case Kind::Consumed:
        case Kind::Committed:
            blit(pos, fill, 0);
            break;
        }
    }
    p.setFont(m_layout.font());
}

void FlowView::drawQuestion(QPainter &p) const
{
    const QRectF card = m_layout.questionRect();
    if (m_snapshot.question.isEmpty() || card.isEmpty())
        return;
    const double s = m_layout.scale();
    const FlowLayout::QuestionFonts fonts = FlowLayout::questionFonts(m_layout.font());
    const QFontMetricsF tm(fonts.title);
    const QFontMetricsF fm(fonts.text);
    const double pad = FlowLayout::questionPadding(s);
    const double textW = card.width() - 2 * pad;
    const QString question = m_snapshot.question;
    const QString answer = FlowLayout::answerText(m_snapshot, m_answerRevealed);
    const QRectF qRect = fm.boundingRect(QRectF(0, 0, textW, 10000), Qt::TextWordWrap, question);
    const QRectF aRect = fm.boundingRect(QRectF(0, 0, textW, 10000), Qt::TextWordWrap, answer);

    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 70));
    p.drawRoundedRect(card.translated(3 * s, 3 * s).intersected(QRectF(QPointF(0, 0), m_layout.size())), 8 * s, 8 * s);
    p.setBrush(m_palette.cardFill);
    p.setPen(QPen(m_palette.captionFill, 2.5 * s));
    p.drawRoundedRect(card, 8 * s, 8 * s);
    p.save();
    p.setClipRect(card.adjusted(pad / 2, pad / 2, -pad / 2, -pad / 2));
    double y = card.top() + pad;
    p.setFont(fonts.title);
    p.setPen(m_palette.scheme() == FlowPalette::Scheme::HighContrast ? m_palette.captionFill : m_palette.text);
    p.drawText(QRectF(card.left() + pad, y, textW, tm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        FlowLayout::questionTitle());
    y += tm.height() + 6 * s;
    p.setFont(fonts.text);
    p.setPen(m_palette.text);
    p.drawText(QRectF(card.left() + pad, y, textW, qRect.height()), Qt::TextWordWrap, question);
    y += qRect.height() + 8 * s;
    p.setPen(m_answerRevealed ? m_palette.running : m_palette.mutedText);
    if (m_answerRevealed)
        p.setFont(FlowScenePainter::bold(fonts.text));
    p.drawText(QRectF(card.left() + pad, y, textW, aRect.height() + 2 * s), Qt::TextWordWrap, answer);
    p.restore();
}

} // namespace topicscope::ui
