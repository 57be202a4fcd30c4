#pragma once

#include "flowcolours.h"
#include "flowlayout.h"
#include "flowpalette.h"
#include "flowsnapshot.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QString>
#include <utility>

class QPainter;
class QPixmap;
class QPointF;
class QRectF;

namespace topicscope::ui {

// Paints the still picture of a FlowSnapshot into a FlowLayout: caption, counters, producers, partitioner nodes,
// the log strips with their cells and marks, the key legend, the consumers by group and the assignment links. FlowView
// renders it into a cached pixmap once per snapshot or resize and draws only what moves on top. Holds references: use
// it while the snapshot, layout and palette live. Any thread that may paint on the target (GUI thread for widgets).
class FlowScenePainter {
    Q_DECLARE_TR_FUNCTIONS(topicscope::ui::FlowScenePainter)
public:
    FlowScenePainter(const engine::FlowSnapshot &snapshot, const FlowLayout &layout, const FlowPalette &palette,
        const FlowColours &colours);

    // Everything still; links, when given, is paintLinks() rendered earlier at linksBounds().topLeft().
    void paint(QPainter &p, const QPixmap *links = nullptr) const;

    // The assignment links change far less often than the rest (a rebalance, a resize) and their antialiased
    // curves are the dearest part of the picture, so the view keeps them in a pixmap of their own: linksKey()
    // says when it must be rendered again.
    QRectF linksBounds() const;
    size_t linksKey() const;
    void paintLinks(QPainter &p, const QPointF &origin) const;

    // What a producer card says about its keys and its pace: the keys its records carried (not only the keys of its
    // rate), and "scripted" for a producer that only sends when a scenario step tells it to.
    QString producerKeysText(const engine::FlowProducer &producer) const;
    QString producerStatusText(const engine::FlowProducer &producer) const;
    QString producerRateText(const engine::FlowProducer &producer) const;
    // The keys seen in a topic's shown records, in the order of their colours.
    QStringList keysOfTopic(int topicIndex) const;

    // Small text helpers shared with the view's moving layer.
    static QFont bold(QFont font);
    static QString timeText(qint64 ms); // "+12.3 s"
    static void drawElided(QPainter &p, const QRectF &rect, const QString &text, Qt::Alignment align = Qt::AlignLeft);
    // One line of segments in their own colours, left to right, eliding the one that reaches the end.
    static void drawSegments(QPainter &p, const QRectF &rect, const QList<std::pair<QString, QColor>> &segments);

private:
    void drawCaption(QPainter &p) const;
    void drawCounters(QPainter &p) const;
    void drawProducers(QPainter &p) const;
    void drawTopics(QPainter &p) const;
    void drawKeyLegend(QPainter &p, const QRectF &rect, const QStringList &keys) const;
    void drawStrip(QPainter &p, const FlowLayout::Strip &st) const;
    void drawConsumers(QPainter &p) const;

    const engine::FlowSnapshot &m_snapshot;
    const FlowLayout &m_layout;
    const FlowPalette &m_palette;
    const FlowColours &m_colours;
};

} // namespace topicscope::ui
