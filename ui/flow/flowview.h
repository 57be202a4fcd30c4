#pragma once

#include "flowcolours.h"
#include "flowlayout.h"
#include "flowpalette.h"
#include "flowsnapshot.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPixmap>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <utility>

namespace topicscope::ui {

// The animated flow view of a running scenario ("see it move"): producers, partitioners, the partitions' logs as
// strips of offset cells, consumers by group, the assignment as links, and a token flying for every movement of
// the latest FlowSnapshot. The static picture is rendered into a cached pixmap once per snapshot or resize; a
// frame draws that pixmap, the committed flags, the selection, the tokens and the question card. A 60 Hz timer
// runs only while something moves. GUI thread.
class FlowView : public QWidget {
    Q_OBJECT
public:
    enum class ItemKind { Producer, Consumer, Group, Partition, Record, Background };
    Q_ENUM(ItemKind)
    // What is under a point of the view, for clicks and the context menu, as values: nothing to parse.
    struct Item {
        ItemKind kind = ItemKind::Background;
        QString id; // the producer, consumer or group id; "" for the other kinds
        engine::TopicPartition topicPartition; // Partition and Record
        qint64 offset = -1; // Record
        bool operator==(const Item &) const = default;
    };

    static constexpr int TokenFlightMs = 600; // with few tokens in flight; scaled down under load
    static constexpr int MinTokenFlightMs = 250;
    static constexpr int TokenLandingMs = 200; // a landed token stays on its target this long
    static constexpr int FailureLingerMs = 900; // lost / deserialization failed marks stay this long
    static constexpr int FlagMoveMs = 400; // a committed flag slides to its new offset
    static constexpr int SnapshotSpreadMs = 33; // the movements of one snapshot start spread over this
    static constexpr int MaxLiveTokens = 300;
    static constexpr double PresentationScale = 1.6;

    // A token as tests see it.
    struct TokenInfo {
        engine::FlowMovement::Kind kind;
        engine::TopicPartition topicPartition;
        qint64 offset = -1;
        QString client;
        QPointF position;
        double progress = 0; // 0 at the start of the flight, 1 landed; < 0 not started yet
    };

    explicit FlowView(QWidget *parent = nullptr);
    ~FlowView() override;

    void setSnapshot(const engine::FlowSnapshot &snapshot);
    // The latest snapshot, without its movements: those became tokens and flag animations.
    const engine::FlowSnapshot &snapshot() const { return m_snapshot; }
    const FlowLayout &flowLayout() const;
    const FlowPalette &flowPalette() const { return m_palette; }
    // The colours of the scenario's consumers and keys, in order of first appearance; starts over with another
    // scenario. noteLiveSnapshot() adds the live world's newcomers while the view shows a picture of the past.
    const FlowColours &colours() const { return m_colours; }
    void noteLiveSnapshot(const engine::FlowSnapshot &snapshot);
    QColor keyColor(const std::optional<QString> &key) const { return m_colours.keyColor(key, m_palette); }
    QColor consumerColor(const QString &consumer) const { return m_colours.consumerColor(consumer); }

    void setAnimationsEnabled(bool enabled);
    bool animationsEnabled() const { return m_animationsEnabled; }
    // Steps every animation by ms without real time: tests and benchmarks.
    void advanceAnimation(int ms);
    bool isAnimating() const;
    int liveTokenCount() const { return int(m_tokens.size()); }
    int droppedTokenCount() const { return m_droppedTokens; }
    QList<TokenInfo> tokens() const;

    void setAnswerRevealed(bool revealed);
    bool isAnswerRevealed() const { return m_answerRevealed; }
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }

    void setSelectedRecord(const engine::TopicPartition &tp, qint64 offset);
    void clearSelectedRecord();
    std::optional<std::pair<engine::TopicPartition, qint64>> selectedRecord() const { return m_selected; }

    // A token under pos (the newest on top), else a shown cell.
    std::optional<std::pair<engine::TopicPartition, qint64>> recordAt(const QPoint &pos) const;
    // What is under pos: a token or a cell first (a record), then a client, a group, a partition, the background.
    Item itemAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The least height, at this width and up to limit, at which every consumer card is at least one line of its text
    // tall (the cards shrink with the view; below one line their text goes); limit when even that is too little.
    int heightForReadableConsumers(int width, int limit) const;

Q_SIGNALS:
    void recordClicked(const engine::TopicPartition &tp, qint64 offset);
    void consumerClicked(const QString &id);
    void producerClicked(const QString &id);
    void groupClicked(const QString &id);
    void contextMenuRequestedFor(const topicscope::ui::FlowView::Item &item, const QPoint &globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Token {
        engine::FlowMovement::Kind kind = engine::FlowMovement::Kind::Produced;
        engine::TopicPartition topicPartition;
        qint64 offset = -1;
        QString client;
        QColor colour;
        double ageMs = 0; // negative while waiting for its start
        double flightMs = TokenFlightMs;
        double lingerMs = TokenLandingMs;
    };
    struct FlagAnimation {
        qint64 fromOffset = 0;
        qint64 toOffset = 0;
        double ageMs = 0;
    };

    void relayout() const;
    void ensureLayout() const;
    void updatePalette();
    void spawnTokens(const QList<engine::FlowMovement> &movements);
    void startTimerIfNeeded();
    void onTick();
    void step(double ms);
    double tokenProgress(const Token &t) const;
    QPointF tokenPosition(const Token &t, double progress) const;
    QFont viewFont() const;

    void drawFlags(QPainter &p) const;
    void drawSelection(QPainter &p) const;
    void drawTokens(QPainter &p) const;
    double tokenRadius() const;
    // Tokens are blitted from small pre-rendered discs: an antialiased ellipse per token per frame costs several
    // milliseconds at 300 tokens; a blit is nearly free. Keyed by fill colour and outline style.
    const QPixmap &tokenSprite(QRgb fill, int style) const;
    void drawQuestion(QPainter &p) const;

    engine::FlowSnapshot m_snapshot;
    mutable FlowLayout m_layout; // recomputed lazily when the widget size changed without a resize event yet
    FlowPalette m_palette;
    FlowColours m_colours;
    QPixmap m_staticLayer;
    QPixmap m_linksLayer;
    size_t m_linksKey = 0;
    bool m_staticDirty = true;
    QList<Token> m_tokens; // oldest first
    QHash<QString, QHash<engine::TopicPartition, FlagAnimation>> m_flagAnimations; // group → partition
    QHash<QString, int> m_groupIndex; // group id → index into m_snapshot.groups (its colour)
    mutable QHash<quint64, QPixmap> m_sprites; // cleared when the palette or the scale changes
    int m_droppedTokens = 0;
    bool m_loggedCap = false;
    bool m_animationsEnabled = true;
    bool m_answerRevealed = false;
    bool m_presentation = false;
    std::optional<std::pair<engine::TopicPartition, qint64>> m_selected;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace topicscope::ui

Q_DECLARE_METATYPE(topicscope::ui::FlowView::Item)
