#pragma once

#include "flowsnapshot.h"
#include "topicpartition.h"

#include <QCoreApplication>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <optional>
#include <utility>

namespace topicscope::ui {

// Where everything of the flow view goes: a pure function of a FlowSnapshot, the widget size, the font and a scale
// (1 normally, ~1.6 in presentation mode), so that it can be tested without painting. Left to right: producers, a
// partitioner node per topic, the partitions as log strips of offset cells, the consumers framed by group on the
// right; the caption banner and the counters line on top. A question (a pause step) gets a card of its own below the
// producers and the strips, left of the consumers, so that it never covers what it asks about. A plain value, any
// thread.
class FlowLayout {
    Q_DECLARE_TR_FUNCTIONS(topicscope::ui::FlowLayout)
public:
    struct ProducerBox {
        QString id;
        QString topic;
        QRectF rect;
        int lines = 3; // text lines that fit
    };
    struct PartitionerNode {
        QString topic;
        QRectF rect;
    };
    struct TopicHeader {
        QString topic;
        QRectF rect;
    };
    struct Strip {
        engine::TopicPartition topicPartition;
        int topicIndex = 0;
        int partitionIndex = 0; // index into FlowTopic::partitions
        QRectF rect; // the whole row: label, marks, cells, end label
        QRectF labelRect; // "P3"
        QRectF deletedRect; // hatched, before logStartOffset; empty when nothing was deleted
        QRectF olderRect; // "… N older"; empty when every record since logStartOffset is shown
        QRectF cellsRect; // the row of shown cells (may be wider than the cells)
        QRectF endLabelRect; // "HW 123"
        qint64 logStartOffset = 0;
        qint64 highWatermark = 0;
        qint64 olderCount = 0; // records from logStartOffset up to the first shown cell
        double cellWidth = 0;
        int firstTailIndex = 0; // index into FlowPartition::tail of the first shown cell
        QList<qint64> offsets; // offsets of the shown cells, ascending
        QRectF cellRect(int i) const; // i-th shown cell
        // x of the left edge of offset's cell: the committed flag and the consumer caret stand there.
        double xForOffset(qint64 offset) const;
        int indexOf(qint64 offset) const; // -1 when not shown
    };
    struct ConsumerBox {
        QString id;
        QString group;
        int consumerIndex = 0; // index into FlowSnapshot::consumers (its colour)
        QRectF rect;
        int lines = 3;
    };
    struct GroupFrame {
        QString id; // "" for consumers without a group
        int groupIndex = -1; // index into FlowSnapshot::groups; -1 when the group is not in the snapshot
        QRectF rect;
        QRectF headerRect;
    };
    // An assignment: partition → owning consumer, from the strip's right end to the consumer box's left edge.
    struct Link {
        engine::TopicPartition topicPartition;
        QString consumer;
        int consumerIndex = 0;
        QPointF from;
        QPointF to;
    };

    FlowLayout() = default;
    static FlowLayout compute(
        const engine::FlowSnapshot &snapshot, const QSizeF &size, const QFont &font, double scale = 1.0);
    // A size where everything fits with room to read: the widget's sizeHint.
    static QSizeF preferredSize(const engine::FlowSnapshot &snapshot, const QFont &font, double scale = 1.0);

    QSizeF size() const { return m_size; }
    double scale() const { return m_scale; }
    QFont font() const { return m_font; }
    QFont smallFont() const { return m_smallFont; }
    QRectF captionRect() const { return m_captionRect; }
    QRectF countersRect() const { return m_countersRect; }
    QRectF contentRect() const { return m_contentRect; }
    // The question card; empty when the snapshot asks nothing. Sized for the revealed answer too, so that revealing
    // it moves nothing.
    QRectF questionRect() const { return m_questionRect; }
    struct QuestionFonts {
        QFont title;
        QFont text;
    };
    static QuestionFonts questionFonts(const QFont &font);
    static double questionPadding(double scale) { return 14 * scale; }
    static QString questionTitle();
    static QString answerText(const engine::FlowSnapshot &snapshot, bool revealed);

    const QList<ProducerBox> &producers() const { return m_producers; }
    const QList<PartitionerNode> &partitioners() const { return m_partitioners; }
    const QList<TopicHeader> &topicHeaders() const { return m_topicHeaders; }
    const QList<Strip> &strips() const { return m_strips; }
    const QList<GroupFrame> &groupFrames() const { return m_groupFrames; }
    const QList<ConsumerBox> &consumers() const { return m_consumers; }
    const QList<Link> &links() const { return m_links; }

    const Strip *strip(const engine::TopicPartition &tp) const;
    const ProducerBox *producer(const QString &id) const;
    const ConsumerBox *consumer(const QString &id) const;
    const PartitionerNode *partitioner(const QString &topic) const;
    // The shown cell of that record; empty when the record is not shown (older, deleted, unknown partition).
    QRectF cellRect(const engine::TopicPartition &tp, qint64 offset) const;
    // Where a token for that record lands: its cell, else the older segment or the strip's end.
    QPointF recordAnchor(const engine::TopicPartition &tp, qint64 offset) const;

    std::optional<std::pair<engine::TopicPartition, qint64>> recordAt(const QPointF &pos) const;
    const ProducerBox *producerAt(const QPointF &pos) const;
    const ConsumerBox *consumerAt(const QPointF &pos) const;
    const GroupFrame *groupFrameAt(const QPointF &pos) const;
    const Strip *stripAt(const QPointF &pos) const;

private:
    QSizeF m_size;
    double m_scale = 1.0;
    QFont m_font;
    QFont m_smallFont;
    QRectF m_captionRect;
    QRectF m_countersRect;
    QRectF m_contentRect;
    QRectF m_questionRect;
    QList<ProducerBox> m_producers;
    QList<PartitionerNode> m_partitioners;
    QList<TopicHeader> m_topicHeaders;
    QList<Strip> m_strips;
    QList<GroupFrame> m_groupFrames;
    QList<ConsumerBox> m_consumers;
    QList<Link> m_links;
    QHash<engine::TopicPartition, int> m_stripIndex;
    QHash<QString, int> m_producerIndex;
    QHash<QString, int> m_consumerIndex;
};

} // namespace topicscope::ui
