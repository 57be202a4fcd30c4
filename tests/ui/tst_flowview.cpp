// The flow view of issue 5 on hand-built snapshots: its layout (everything has a rect, nothing overlaps, hit
// testing finds the cell, links reach the owner), tokens (a produced record lands in its cell, floods stay under
// the cap, no tokens without animations, committed flags slide), clicks and the context menu, the record journey
// panel, and screenshots at 1280×720 in normal and presentation mode checked on known pixels.
#include "flowcolours.h"
#include "flowlayout.h"
#include "flowpalette.h"
#include "flowsnapshotfixture.h"
#include "flowview.h"
#include "koreanfont.h"
#include "language.h"
#include "recordjourneypanel.h"
#include "scenariotesthelpers.h"
#include "sim/scenariorunner.h"

#include <QContextMenuEvent>
#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace topicscope;
using engine::FlowConsumerStatus;
using engine::FlowMovement;
using engine::FlowSnapshot;
using engine::TopicPartition;
using ui::FlowLayout;
using ui::FlowPalette;
using ui::FlowView;

namespace {

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

FlowSnapshot withoutMovements(FlowSnapshot s)
{
    s.movements.clear();
    return s;
}

// Bigger worlds than the workshop: the brief's upper end (20 partitions, 12 consumers in several groups).
FlowSnapshot busy(int topics, int partitionsPerTopic, int groups, int consumersPerGroup, int producers)
{
    flowfixture::BusyWorld world(topics, partitionsPerTopic, groups, consumersPerGroup, producers);
    return world.next(0);
}

bool overlaps(const QRectF &a, const QRectF &b)
{
    // Touching edges are fine; a shared area of more than a hair is not.
    return a.intersected(b).width() > 0.5 && a.intersected(b).height() > 0.5;
}

// Counts the pixels of exactly colour c inside rect (device pixels, device pixel ratio 1).
int pixelsOf(const QImage &image, const QRectF &rect, const QColor &c)
{
    int n = 0;
    const QRect r = rect.toAlignedRect().intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            n += image.pixelColor(x, y).rgb() == c.rgb() ? 1 : 0;
    }
    return n;
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestFlowView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSize(9);
        QApplication::setFont(f);
    }

    void layoutHasRoomForEverything_data()
    {
        QTest::addColumn<FlowSnapshot>("snapshot");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("scale");
        QTest::addRow("workshop 1280x720") << flowfixture::workshop() << QSize(1280, 720) << 1.0;
        QTest::addRow("workshop 1024x600") << flowfixture::workshop() << QSize(1024, 600) << 1.0;
        QTest::addRow("workshop presentation 1920x1080") << flowfixture::workshop() << QSize(1920, 1080) << 1.6;
        QTest::addRow("workshop presentation 1280x720") << flowfixture::workshop() << QSize(1280, 720) << 1.6;
        QTest::addRow("12 partitions 8 consumers 1280x720") << busy(2, 6, 2, 4, 4) << QSize(1280, 720) << 1.0;
        QTest::addRow("20 partitions 12 consumers 10 producers 1280x720")
            << busy(4, 5, 3, 4, 10) << QSize(1280, 720) << 1.0;
        QTest::addRow("20 partitions 12 consumers presentation 1920x1080")
            << busy(4, 5, 3, 4, 10) << QSize(1920, 1080) << 1.6;
        QTest::addRow("no producers no consumers") << [] {
            FlowSnapshot s = flowfixture::workshop();
            s.producers.clear();
            s.consumers.clear();
            s.groups.clear();
            return s;
        }() << QSize(800, 500) << 1.0;
    }

    void layoutHasRoomForEverything()
    {
        QFETCH(FlowSnapshot, snapshot);
        QFETCH(QSize, size);
        QFETCH(double, scale);
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * scale);
        const FlowLayout l = FlowLayout::compute(snapshot, QSizeF(size), font, scale);
        const QRectF widget(QPointF(0, 0), QSizeF(size));

        int partitions = 0;
        for (const auto &t : snapshot.topics)
            partitions += int(t.partitions.size());
        QCOMPARE(l.strips().size(), partitions);
        QCOMPARE(l.producers().size(), snapshot.producers.size());
        QCOMPARE(l.consumers().size(), snapshot.consumers.size());
        QCOMPARE(l.partitioners().size(), snapshot.topics.size());

        QList<std::pair<QString, QRectF>> items; // must not overlap each other
        for (const auto &p : l.producers())
            items.append({QStringLiteral("producer ") + p.id, p.rect});
        for (const auto &n : l.partitioners())
            items.append({QStringLiteral("partitioner ") + n.topic, n.rect});
        for (const auto &h : l.topicHeaders())
            items.append({QStringLiteral("topic ") + h.topic, h.rect});
        for (const auto &s : l.strips()) {
            items.append({QStringLiteral("strip ") + s.topicPartition.toString(), s.rect});
            QVERIFY(s.rect.contains(s.labelRect));
            QVERIFY(s.rect.contains(s.cellsRect));
            QVERIFY2(s.cellsRect.right() <= s.rect.right() + 0.01, qPrintable(s.topicPartition.toString()));
            QVERIFY(s.endLabelRect.right() <= s.rect.right() + 0.01);
            QVERIFY(s.cellWidth > 0);
            if (!s.offsets.isEmpty())
                QVERIFY(s.cellRect(int(s.offsets.size()) - 1).right() <= s.cellsRect.right() + 0.01);
        }
        for (const auto &g : l.groupFrames())
            items.append({QStringLiteral("group ") + g.id, g.rect});
        // A question's card covers none of them (issue 11: it hid the partitions it asked about).
        QCOMPARE(l.questionRect().isEmpty(), snapshot.question.isEmpty());
        if (!snapshot.question.isEmpty())
            items.append({QStringLiteral("question card"), l.questionRect()});
        for (int i = 0; i < items.size(); ++i) {
            QVERIFY2(widget.contains(items.at(i).second), qPrintable(items.at(i).first));
            QVERIFY2(!items.at(i).second.isEmpty(), qPrintable(items.at(i).first));
            for (int j = i + 1; j < items.size(); ++j) {
                QVERIFY2(!overlaps(items.at(i).second, items.at(j).second),
                    qPrintable(items.at(i).first + QStringLiteral(" overlaps ") + items.at(j).first));
            }
        }
        for (int i = 0; i < l.consumers().size(); ++i) {
            const auto &c = l.consumers().at(i);
            QVERIFY2(!c.rect.isEmpty() && widget.contains(c.rect), qPrintable(c.id));
            QVERIFY(c.rect.height() >= QFontMetricsF(font).height()); // at least one readable line
            const auto frame = std::find_if(l.groupFrames().cbegin(), l.groupFrames().cend(),
                [&](const FlowLayout::GroupFrame &g) { return g.id == c.group; });
            QVERIFY(frame != l.groupFrames().cend());
            QVERIFY2(frame->rect.contains(c.rect), qPrintable(c.id));
            QVERIFY2(!overlaps(frame->headerRect, c.rect), qPrintable(c.id));
            for (int j = i + 1; j < l.consumers().size(); ++j)
                QVERIFY2(!overlaps(c.rect, l.consumers().at(j).rect), qPrintable(c.id + l.consumers().at(j).id));
        }
        for (const auto &p : l.producers())
            QVERIFY(p.rect.height() >= QFontMetricsF(font).height());
        QVERIFY(!overlaps(l.captionRect(), l.countersRect()));
        QVERIFY(l.contentRect().top() >= l.countersRect().bottom());
    }

    void recordAtFindsTheCell()
    {
        const FlowSnapshot s = flowfixture::workshop();
        const FlowLayout l = FlowLayout::compute(s, QSizeF(1280, 720), QApplication::font());
        int checked = 0;
        for (const auto &st : l.strips()) {
            for (qint64 offset : st.offsets) {
                const QRectF cell = l.cellRect(st.topicPartition, offset);
                QVERIFY(!cell.isEmpty());
                const auto hit = l.recordAt(cell.center());
                QVERIFY2(hit.has_value(), qPrintable(st.topicPartition.toString()));
                QCOMPARE(hit->first, st.topicPartition);
                QCOMPARE(hit->second, offset);
                ++checked;
            }
        }
        QCOMPARE(checked, 14 + 9 + 40 + 8 + 0 + 20 + 6 + 3);
        // orders-2 keeps 40 records older than its tail: they are counted, not drawn.
        const auto *p2 = l.strip(flowfixture::tp("orders", 2));
        QVERIFY(p2);
        QCOMPARE(p2->olderCount, 40);
        QVERIFY(!p2->olderRect.isEmpty());
        QVERIFY(l.cellRect(flowfixture::tp("orders", 2), 30).isEmpty());
        QVERIFY(!l.recordAt(p2->olderRect.center()));
        // orders-3 lost 0..4 to retention: a hatched region before logStartOffset.
        QVERIFY(!l.strip(flowfixture::tp("orders", 3))->deletedRect.isEmpty());
        QVERIFY(l.strip(flowfixture::tp("orders", 0))->deletedRect.isEmpty());
        // Outside any cell.
        QVERIFY(!l.recordAt(QPointF(2, 2)));
        QVERIFY(!l.recordAt(l.consumers().constFirst().rect.center()));
    }

    void cellsNarrowThenFewerAreShown()
    {
        // 64 cells fit at 1280 px; at 700 px the cells narrow to their minimum and the oldest go to "older".
        const FlowSnapshot s = busy(2, 6, 2, 4, 4);
        const FlowLayout wide = FlowLayout::compute(s, QSizeF(1920, 1080), QApplication::font());
        const FlowLayout narrow = FlowLayout::compute(s, QSizeF(700, 500), QApplication::font());
        const auto *w = &wide.strips().constFirst();
        const auto *n = &narrow.strips().constFirst();
        QCOMPARE(w->offsets.size(), FlowSnapshot::MaxCellsPerPartition);
        QVERIFY(n->cellWidth < w->cellWidth);
        QVERIFY(n->offsets.size() < w->offsets.size());
        QCOMPARE(n->offsets.constLast(), w->offsets.constLast()); // the newest stay
        QCOMPARE(n->olderCount, n->offsets.constFirst() - n->logStartOffset);
    }

    void linksGoFromPartitionToOwner()
    {
        const FlowSnapshot s = flowfixture::workshop();
        const FlowLayout l = FlowLayout::compute(s, QSizeF(1280, 720), QApplication::font());
        int expected = 0;
        for (const auto &g : s.groups)
            expected += int(g.owners.size());
        QCOMPARE(l.links().size(), expected);
        for (const auto &g : s.groups) {
            for (auto it = g.owners.cbegin(); it != g.owners.cend(); ++it) {
                const auto link = std::find_if(l.links().cbegin(), l.links().cend(), [&](const FlowLayout::Link &k) {
                    return k.topicPartition == it.key() && k.consumer == it.value();
                });
                QVERIFY2(link != l.links().cend(), qPrintable(it.key().toString()));
                const auto *strip = l.strip(it.key());
                const auto *box = l.consumer(it.value());
                QVERIFY(strip->rect.adjusted(-1, -1, 1, 1).contains(link->from));
                QVERIFY(link->from.x() >= strip->cellsRect.left());
                QCOMPARE(link->to.x(), box->rect.left());
                QVERIFY(link->to.y() > box->rect.top() && link->to.y() < box->rect.bottom());
            }
        }
    }

    void screenshots()
    {
        FlowView view;
        view.resize(1280, 720);
        view.setSnapshot(flowfixture::workshop());
        QCOMPARE(view.liveTokenCount(), 6); // every movement but the commit
        view.advanceAnimation(300);
        QImage image = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), QSize(1280, 720));
        QVERIFY(image.save(outputPath(QStringLiteral("flowview.png"))));
        QVERIFY2(distinctColours(image) > 40, "the view looks blank");

        const FlowLayout &l = view.flowLayout();
        const FlowPalette &pal = view.flowPalette();
        // orders-0 @ 0 has key "alice": its cell is alice's colour (the view's mapping, in order of first appearance).
        const QRectF alice = l.cellRect(flowfixture::tp("orders", 0), 0);
        QVERIFY(pixelsOf(image, alice, view.keyColor(QStringLiteral("alice"))) > alice.width() * alice.height() / 3);
        QCOMPARE(pixelsOf(image, alice, view.keyColor(QStringLiteral("bob"))), 0);
        // payments records have null keys: grey cells.
        const QRectF nullCell = l.cellRect(flowfixture::tp("payments", 0), 1);
        QVERIFY(pixelsOf(image, nullCell, view.keyColor(std::nullopt)) > 0);
        QCOMPARE(view.keyColor(std::nullopt), pal.keyColor(std::nullopt));
        // billing-2 crashed: its box is filled with the crashed colour, the running billing-1 is not.
        const QRectF crashed = l.consumer(QStringLiteral("billing-2"))->rect;
        const QRectF running = l.consumer(QStringLiteral("billing-1"))->rect;
        const QColor crashedFill = pal.statusFill(FlowConsumerStatus::Crashed);
        QVERIFY(pixelsOf(image, crashed, crashedFill) > crashed.width() * crashed.height() / 4);
        QCOMPARE(pixelsOf(image, running, crashedFill), 0);
        // The caption banner and the question card are drawn.
        QVERIFY(pixelsOf(image, l.captionRect(), pal.captionFill) > l.captionRect().width() * 4);
        QVERIFY(pixelsOf(image, l.contentRect(), pal.cardFill) > 10'000);

        view.setAnswerRevealed(true);
        view.setPresentationMode(true);
        QVERIFY(view.isPresentationMode());
        QCOMPARE(view.flowPalette().scheme(), FlowPalette::Scheme::HighContrast);
        QImage big = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(big.save(outputPath(QStringLiteral("flowview-presentation.png"))));
        const FlowLayout &pl = view.flowLayout();
        QCOMPARE(pl.scale(), FlowView::PresentationScale);
        QCOMPARE(big.pixelColor(2, 2), QColor(Qt::black));
        const QRectF pCrashed = pl.consumer(QStringLiteral("billing-2"))->rect;
        QVERIFY(pixelsOf(big, pCrashed, view.flowPalette().statusFill(FlowConsumerStatus::Crashed))
            > pCrashed.width() * pCrashed.height() / 4);
        QVERIFY(pl.strips().constFirst().rect.height() > l.strips().constFirst().rect.height() * 0.9);
    }

    void screenshotOfABusyWorld()
    {
        // The upper end of the brief: 20 partitions over 4 topics, 12 consumers in 3 groups, 10 producers.
        flowfixture::BusyWorld world(4, 5, 3, 4, 10);
        FlowView view;
        view.resize(1280, 720);
        view.setSnapshot(world.next(200));
        view.advanceAnimation(200);
        view.setSnapshot(world.next(200));
        view.advanceAnimation(100);
        QVERIFY(view.liveTokenCount() > 100);
        const QImage image = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(image.save(outputPath(QStringLiteral("flowview-busy.png"))));
        QVERIFY(distinctColours(image) > 40);
        // Cells keep their key colours when they are narrow.
        const auto &strip = view.flowLayout().strips().constLast();
        const auto &tail = view.snapshot().topics.constLast().partitions.constLast().tail;
        const QRectF last = strip.cellRect(int(strip.offsets.size()) - 1);
        QCOMPARE(strip.offsets.constLast(), tail.constLast().offset);
        QVERIFY(pixelsOf(image, last, view.keyColor(tail.constLast().key)) > 0);
    }

    void producedTokenLandsInItsCell()
    {
        FlowView view;
        view.resize(1280, 720);
        view.setSnapshot(withoutMovements(flowfixture::workshop()));
        QCOMPARE(view.liveTokenCount(), 0);
        FlowSnapshot next = withoutMovements(flowfixture::workshop());
        const TopicPartition orders0 = flowfixture::tp("orders", 0);
        next.movements = {flowfixture::movement(
            FlowMovement::Kind::Produced, QStringLiteral("orders-producer"), orders0, 13, QStringLiteral("dave"))};
        view.setSnapshot(next);
        QCOMPARE(view.liveTokenCount(), 1);
        const QRectF cell = view.flowLayout().cellRect(orders0, 13);
        const QRectF producer = view.flowLayout().producer(QStringLiteral("orders-producer"))->rect;
        QVERIFY(!cell.isEmpty());

        auto token = view.tokens().constFirst();
        QCOMPARE(token.progress, 0.0);
        QCOMPARE(token.position, QPointF(producer.right(), producer.center().y()));
        view.advanceAnimation(FlowView::TokenFlightMs / 2);
        token = view.tokens().constFirst();
        QVERIFY(token.progress > 0.4 && token.progress < 0.6);
        QVERIFY(!cell.contains(token.position));
        QVERIFY(token.position.x() > producer.right() && token.position.x() < cell.left());
        view.advanceAnimation(FlowView::TokenFlightMs / 2);
        token = view.tokens().constFirst();
        QCOMPARE(token.progress, 1.0);
        QVERIFY(cell.contains(token.position));
        // Clicking the token is clicking its record.
        QCOMPARE(view.recordAt(token.position.toPoint())->second, 13);
        view.advanceAnimation(FlowView::TokenLandingMs);
        QCOMPARE(view.liveTokenCount(), 0);
        QVERIFY(!view.isAnimating());
    }

    void consumedTokenFliesToTheConsumer()
    {
        FlowView view;
        view.resize(1280, 720);
        view.setSnapshot(withoutMovements(flowfixture::workshop()));
        FlowSnapshot next = withoutMovements(flowfixture::workshop());
        next.movements = {flowfixture::movement(FlowMovement::Kind::Duplicate, QStringLiteral("billing-3"),
            flowfixture::tp("orders", 5), 18, QStringLiteral("dave"), QStringLiteral("billing"))};
        view.setSnapshot(next);
        QCOMPARE(
            view.tokens().constFirst().position, view.flowLayout().cellRect(flowfixture::tp("orders", 5), 18).center());
        view.advanceAnimation(FlowView::TokenFlightMs);
        QVERIFY(view.flowLayout()
                    .consumer(QStringLiteral("billing-3"))
                    ->rect.contains(view.tokens().constFirst().position));
    }

    void floodStaysUnderTheCap()
    {
        flowfixture::BusyWorld world;
        FlowView view;
        view.resize(1280, 720);
        FlowSnapshot flood = world.next(10'000);
        QVERIFY(flood.movements.size() >= 10'000);
        const auto flying = std::count_if(flood.movements.cbegin(), flood.movements.cend(),
            [](const FlowMovement &m) { return m.kind != FlowMovement::Kind::Committed; });
        view.setSnapshot(flood);
        QCOMPARE(view.liveTokenCount(), FlowView::MaxLiveTokens);
        QCOMPARE(view.droppedTokenCount(), flying - FlowView::MaxLiveTokens);
        for (int i = 0; i < 20; ++i) {
            view.setSnapshot(world.next(500));
            view.advanceAnimation(16);
            QVERIFY(view.liveTokenCount() <= FlowView::MaxLiveTokens);
        }
        // Under load tokens fly faster than the relaxed 600 ms, and all of them are gone soon after the flood.
        view.advanceAnimation(FlowView::MinTokenFlightMs + FlowView::FailureLingerMs + FlowView::SnapshotSpreadMs);
        QCOMPARE(view.liveTokenCount(), 0);
    }

    void noTokensWithoutAnimations()
    {
        FlowView view;
        view.resize(1280, 720);
        view.setSnapshot(flowfixture::workshop());
        QVERIFY(view.liveTokenCount() > 0);
        view.setAnimationsEnabled(false);
        QCOMPARE(view.liveTokenCount(), 0);
        QVERIFY(!view.isAnimating());
        view.setSnapshot(flowfixture::workshop());
        QCOMPARE(view.liveTokenCount(), 0);
        QVERIFY(!view.isAnimating());
        // The state is still drawn right away.
        const QImage image = view.grab().toImage();
        const QRectF alice = view.flowLayout().cellRect(flowfixture::tp("orders", 0), 0);
        QVERIFY(pixelsOf(image, alice, view.keyColor(QStringLiteral("alice"))) > 0);
    }

    void committedFlagSlides()
    {
        FlowView view;
        view.resize(1280, 720);
        view.setSnapshot(withoutMovements(flowfixture::workshop()));
        QVERIFY(!view.isAnimating());
        FlowSnapshot next = withoutMovements(flowfixture::workshop());
        next.groups[0].committed[flowfixture::tp("orders", 0)] = 14;
        next.movements = {flowfixture::movement(FlowMovement::Kind::Committed, QStringLiteral("billing-1"),
            flowfixture::tp("orders", 0), 14, QString(), QStringLiteral("billing"))};
        view.setSnapshot(next);
        QCOMPARE(view.liveTokenCount(), 0); // a commit moves the flag, it is no token
        QVERIFY(view.isAnimating());
        view.advanceAnimation(FlowView::FlagMoveMs);
        QVERIFY(!view.isAnimating());
    }

    void clicks()
    {
        FlowView view;
        view.resize(1280, 720);
        view.setAnimationsEnabled(false);
        view.setSnapshot(flowfixture::workshop());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const FlowLayout &l = view.flowLayout();

        QSignalSpy records(&view, &FlowView::recordClicked);
        const TopicPartition orders5 = flowfixture::tp("orders", 5);
        QTest::mouseClick(&view, Qt::LeftButton, {}, l.cellRect(orders5, 7).center().toPoint());
        QCOMPARE(records.count(), 1);
        QCOMPARE(records.at(0).at(0).value<TopicPartition>(), orders5);
        QCOMPARE(records.at(0).at(1).toLongLong(), 7);
        QCOMPARE(view.selectedRecord()->second, 7);

        QSignalSpy consumers(&view, &FlowView::consumerClicked);
        QTest::mouseClick(&view, Qt::LeftButton, {}, l.consumer(QStringLiteral("billing-1"))->rect.center().toPoint());
        QCOMPARE(consumers.count(), 1);
        QCOMPARE(consumers.at(0).at(0).toString(), QStringLiteral("billing-1"));

        QSignalSpy producers(&view, &FlowView::producerClicked);
        QTest::mouseClick(
            &view, Qt::LeftButton, {}, l.producer(QStringLiteral("payments-producer"))->rect.center().toPoint());
        QCOMPARE(producers.count(), 1);
        QCOMPARE(producers.at(0).at(0).toString(), QStringLiteral("payments-producer"));
        QCOMPARE(records.count(), 1);

        QSignalSpy menus(&view, &FlowView::contextMenuRequestedFor);
        const QPoint at = l.consumer(QStringLiteral("billing-2"))->rect.center().toPoint();
        QContextMenuEvent menu(QContextMenuEvent::Mouse, at, view.mapToGlobal(at));
        QApplication::sendEvent(&view, &menu);
        QCOMPARE(menus.count(), 1);
        QCOMPARE(menus.at(0).at(0).value<FlowView::Item>().kind, FlowView::ItemKind::Consumer);
        QCOMPARE(menus.at(0).at(0).value<FlowView::Item>().id, QStringLiteral("billing-2"));
        QCOMPARE(view.itemAt(l.strip(orders5)->labelRect.center().toPoint()),
            (FlowView::Item {FlowView::ItemKind::Partition, QString(), orders5, -1}));
        QCOMPARE(view.itemAt(l.groupFrames().constFirst().headerRect.center().toPoint()),
            (FlowView::Item {FlowView::ItemKind::Group, QStringLiteral("billing"), {}, -1}));
    }

    void tinySizesStayCalm()
    {
        for (const QSizeF size : {QSizeF(0, 0), QSizeF(120, 90), QSizeF(480, 320)}) {
            const FlowLayout l = FlowLayout::compute(flowfixture::workshop(), size, QApplication::font());
            QCOMPARE(l.strips().size(), 8);
            for (const auto &st : l.strips())
                QVERIFY(st.offsets.size() <= 40);
            QVERIFY(!l.recordAt(QPointF(size.width() / 2, size.height() / 2)) || size.width() > 0);
        }
        FlowView view;
        view.resize(view.minimumSizeHint());
        view.setSnapshot(flowfixture::workshop());
        view.advanceAnimation(100);
        QVERIFY(!view.grab().isNull());
    }

    void followsADarkPalette()
    {
        FlowView view;
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        view.setPalette(dark);
        QCOMPARE(view.flowPalette().scheme(), FlowPalette::Scheme::Dark);
        QCOMPARE(view.flowPalette().background, QColor(0x18, 0x18, 0x18));
        view.resize(1280, 720);
        view.setSnapshot(flowfixture::workshop());
        const QImage image = view.grab().toImage();
        QCOMPARE(image.pixelColor(2, image.height() - 3), QColor(0x18, 0x18, 0x18));
        QVERIFY(image.save(outputPath(QStringLiteral("flowview-dark.png"))));
        view.setPresentationMode(true);
        QCOMPARE(view.flowPalette().scheme(), FlowPalette::Scheme::HighContrast);
        view.setPresentationMode(false);
        QCOMPARE(view.flowPalette().scheme(), FlowPalette::Scheme::Dark);
    }

    void keyColoursAreStableAndDistinct()
    {
        const FlowPalette a(FlowPalette::Scheme::Light);
        const FlowPalette b(FlowPalette::Scheme::Light);
        QCOMPARE(FlowPalette::stableHash(QStringLiteral("alice")), FlowPalette::stableHash(QStringLiteral("alice")));
        QCOMPARE(a.keyColor(QStringLiteral("alice")), b.keyColor(QStringLiteral("alice")));
        QSet<QRgb> colours;
        for (const char *k : {"alice", "bob", "carol", "dave", "erin"})
            colours.insert(a.keyColor(QString::fromLatin1(k)).rgb());
        QCOMPARE(colours.size(), 5);
        QVERIFY(a.keyColor(std::nullopt) != a.keyColor(QStringLiteral("alice")));
        const FlowPalette hc(FlowPalette::Scheme::HighContrast);
        QCOMPARE(hc.background, QColor(Qt::black));
        QCOMPARE(hc.text, QColor(Qt::white));
    }

    void coloursFollowFirstAppearanceAndStartOver()
    {
        const FlowSnapshot world = withoutMovements(flowfixture::workshop()); // the fixture's movements have no times
        ui::FlowColours colours;
        colours.update(world);
        QStringList consumers;
        for (const auto &c : world.consumers)
            consumers << c.id;
        QCOMPARE(colours.consumers().mid(0, consumers.size()), consumers);
        // Keys in the order their records were appended, whatever partition they landed in.
        QList<std::pair<qint64, QString>> appended;
        for (const auto &t : world.topics) {
            for (const auto &p : t.partitions) {
                for (const auto &cell : p.tail) {
                    if (cell.key)
                        appended.append({cell.timeMs, *cell.key});
                }
            }
        }
        std::stable_sort(
            appended.begin(), appended.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QStringList firstSeen;
        for (const auto &a : std::as_const(appended)) {
            if (!firstSeen.contains(a.second))
                firstSeen << a.second;
        }
        QVERIFY(firstSeen.size() >= 2);
        QCOMPARE(colours.keys().mid(0, firstSeen.size()), firstSeen);
        const FlowPalette light(FlowPalette::Scheme::Light);
        QCOMPARE(colours.keyColor(firstSeen.first(), light), light.keyColorAt(0));
        QCOMPARE(colours.consumerColor(consumers.first()), FlowPalette::consumerColorAt(0));
        QCOMPARE(colours.keyColor(std::nullopt, light), light.keyColor(std::nullopt));

        // The same scenario later: nothing moves. Another scenario: it starts over.
        colours.update(world);
        QCOMPARE(colours.keys().mid(0, firstSeen.size()), firstSeen);
        FlowSnapshot other;
        other.title = QStringLiteral("another scenario");
        other.loadId = world.loadId + 1; // another load of the player
        other.consumers.append(
            flowfixture::consumer(QStringLiteral("solo"), QStringLiteral("g"), FlowConsumerStatus::Running, {}, 1));
        colours.update(other);
        QCOMPARE(colours.consumers(), QStringList({QStringLiteral("solo")}));
        QVERIFY(colours.keys().isEmpty());
        QCOMPARE(colours.consumerIndex(consumers.first()), -1);
        QCOMPARE(colours.consumerColor(QStringLiteral("solo")), FlowPalette::consumerColorAt(0));
    }

    void sizeHintIsSensible()
    {
        FlowView view;
        view.setSnapshot(flowfixture::workshop());
        const QSize hint = view.sizeHint();
        QVERIFY(hint.width() >= 800 && hint.width() <= 2000);
        QVERIFY(hint.height() >= 400 && hint.height() <= 1200);
        view.setPresentationMode(true);
        QVERIFY(view.sizeHint().width() > hint.width());
    }

    void journeyPanel()
    {
        ui::RecordJourneyPanel panel;
        QVERIFY(panel.toPlainText().contains(QStringLiteral("Click a record to see its journey")));
        engine::RecordJourney j;
        j.found = true;
        j.topicPartition = flowfixture::tp("orders", 2);
        j.offset = 7;
        j.timestamp = 1'700'000'000'000;
        j.keyBytes = QByteArray("alice");
        j.valueBytes = QByteArray(R"({"amount":12})");
        j.keyText = QStringLiteral("alice");
        j.valueText = QStringLiteral(R"({"amount":12})");
        j.producer = QStringLiteral("orders-producer");
        j.producedAtMs = 1200;
        j.partitionDecision = QStringLiteral("murmur2(\"alice\") % 6 = 2");
        j.steps
            = {{1500, QStringLiteral("polled by billing-1 (gen 2)")}, {3200, QStringLiteral("processed by billing-1")},
                {9100, QStringLiteral("processed AGAIN by billing-3: duplicate")},
                {9400, QStringLiteral("committed by group billing (offset 8)")}};
        panel.setJourney(j);
        QVERIFY(panel.hasJourney());
        const QString text = panel.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("orders-2 @ 7")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("murmur2(\"alice\") % 6 = 2")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("orders-producer at +1.200 s")));
        QVERIFY(text.contains(QStringLiteral("61 6c 69 63 65")));
        QVERIFY(text.contains(QStringLiteral("2023-11-14T22:13:20.000Z")));
        QVERIFY(text.contains(QStringLiteral("+3.200 s\tprocessed by billing-1"))
            || text.contains(QStringLiteral("+3.200 s processed by billing-1"))
            || text.contains(QStringLiteral("+3.200 s\nprocessed by billing-1")));
        QVERIFY(text.indexOf(QStringLiteral("polled by")) < text.indexOf(QStringLiteral("AGAIN")));
        // The duplicate step stands out; the normal ones do not.
        const QString html = ui::RecordJourneyPanel::toHtml(j);
        QVERIFY(html.contains(QStringLiteral("color:#d93025\">processed AGAIN by billing-3: duplicate")));
        QVERIFY(!html.contains(QStringLiteral("color:#d93025\">processed by billing-1")));

        engine::RecordJourney missing;
        missing.topicPartition = flowfixture::tp("orders", 2);
        missing.offset = 3;
        missing.error = QStringLiteral("deleted by retention");
        panel.setJourney(missing);
        QVERIFY(panel.toPlainText().contains(QStringLiteral("deleted by retention")));
        panel.clear();
        QVERIFY(!panel.hasJourney());
        QVERIFY(panel.toPlainText().contains(QStringLiteral("Click a record")));
        QCOMPARE(ui::RecordJourneyPanel::hexDump(QByteArray(300, 'a'), 4), QStringLiteral("61 61 61 61 …"));
    }

    void consumerProtocolMemberReconciles_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("en") << QStringLiteral("en");
        QTest::addRow("ko") << QStringLiteral("ko");
    }
    // Scenario 16 at +9.5 s: new-slow has heard that rides-5 goes to new-4 but is still in its batch. It is
    // reconciling, keeps its other partitions and goes on processing; the group's card counts epochs. A PNG in each
    // language.
    void consumerProtocolMemberReconciles()
    {
        QFETCH(QString, language);
        uitest::ensureKoreanFont();
        QVERIFY(ui::Language::install(qApp, language));
        engine::ScenarioRunner runner(
            engine::testing::loadScenario(QStringLiteral(":/scenarios/16-consumer-protocol-slow-member.json")));
        QString error;
        QVERIFY2(runner.start(&error), qPrintable(error));
        while (runner.advanceTo(9500)) { } // on past the scenario's questions
        QCOMPARE(runner.elapsedMs(), 9500);
        const FlowSnapshot s = runner.flowSnapshot();
        const auto slow = std::find_if(s.consumers.cbegin(), s.consumers.cend(),
            [](const engine::FlowConsumer &c) { return c.id == QLatin1String("new-slow"); });
        QVERIFY(slow != s.consumers.cend());
        QCOMPARE(slow->status, FlowConsumerStatus::Reconciling);
        QVERIFY(slow->assignment.contains(TopicPartition {QStringLiteral("rides"), 5}));
        QVERIFY(!s.groups.isEmpty());
        QCOMPARE(s.groups.constFirst().type, QStringLiteral("consumer"));
        QCOMPARE(FlowPalette::statusName(FlowConsumerStatus::Reconciling),
            language == QLatin1String("ko") ? QStringLiteral("조정 중…") : QStringLiteral("reconciling…"));
        FlowView view;
        view.resize(1280, 600);
        view.setSnapshot(withoutMovements(s));
        const QImage image = view.grab().toImage();
        QVERIFY(image.save(outputPath(QStringLiteral("flowview-reconciling-%1.png").arg(language))));
        QVERIFY2(distinctColours(image) > 40, "the view looks blank");
        QVERIFY(ui::Language::install(qApp, QStringLiteral("en")));
    }
};

QTEST_MAIN(TestFlowView)
#include "tst_flowview.moc"
