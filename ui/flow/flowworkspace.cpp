#include "flowworkspace.h"
#include "enginephrases.h"

#include "assignorcomparisonview.h"
#include "elidedlabel.h"
#include "flowview.h"
#include "protocollaneview.h"
#include "rebalancemodel.h"
#include "rebalancetimeline.h"
#include "recordingmenu.h"
#include "recordjourneypanel.h"
#include "scenarioclient.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace topicscope::ui {

using engine::ScenarioAction;
using engine::ScenarioStep;

namespace {

QString virtualTime(qint64 ms)
{
    return QStringLiteral("+%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', 1);
}

QString speedText(double speed)
{
    return speed < 1 ? QStringLiteral("%1×").arg(speed, 0, 'g', 2) : QStringLiteral("%1×").arg(speed);
}

} // namespace

const QList<double> &FlowWorkspace::speeds()
{
    static const QList<double> values {0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50};
    return values;
}

FlowWorkspace::FlowWorkspace(engine::ScenarioClient *control, QWidget *parent)
    : QWidget(parent)
    , m_control(control)
{
    setObjectName(QStringLiteral("flowWorkspace"));

    // Control bar. Its buttons take no focus so that space and → always reach the shortcuts below.
    m_bar = new QWidget(this);
    auto *bar = new QHBoxLayout(m_bar);
    bar->setContentsMargins(6, 4, 6, 4);
    m_title = new ElidedLabel(m_bar);
    m_title->setObjectName(QStringLiteral("flowTitle"));
    m_title->setText(tr("No scenario"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    const auto button
        = [this](const QString &text, const QString &tip, std::optional<QStyle::StandardPixmap> icon = std::nullopt) {
              auto *b = new QToolButton(m_bar);
              b->setText(text);
              b->setToolTip(tip);
              b->setFocusPolicy(Qt::NoFocus);
              if (icon) {
                  b->setIcon(style()->standardIcon(*icon));
                  b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
              } else {
                  b->setToolButtonStyle(Qt::ToolButtonTextOnly);
              }
              return b;
          };
    m_restart = button(tr("Restart"), tr("Play the scenario again from the start"), QStyle::SP_BrowserReload);
    m_play = button(tr("Play"), tr("Play / pause (Space)"), QStyle::SP_MediaPlay);
    m_step = button(tr("Step"),
        tr("Step to the next visible event: one record produced, fetched or committed, or one rebalance phase (→)"),
        QStyle::SP_MediaSkipForward);
    m_speed = new QComboBox(m_bar);
    m_speed->setFocusPolicy(Qt::NoFocus);
    m_speed->setToolTip(tr("Speed of virtual time against real time"));
    for (double s : speeds())
        m_speed->addItem(speedText(s), s);
    m_speed->setCurrentIndex(static_cast<int>(speeds().indexOf(1.0)));
    m_time = new QLabel(m_bar);
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("+0000.0 s / +0000.0 s")));
    m_answer = button(tr("Reveal answer"), tr("Show the answer to the question on screen"));
    m_answer->setCheckable(true);
    m_answer->setVisible(false);
    m_actions = button(tr("Actions ▾"), tr("Add clients, partitions, delete records, reset offsets"));
    m_actions->setPopupMode(QToolButton::InstantPopup);
    auto *actionsMenu = new QMenu(m_actions);
    actionsMenu->addAction(tr("Add Producer…"), this, &FlowWorkspace::addProducer);
    actionsMenu->addAction(tr("Add Consumer…"), this, &FlowWorkspace::addConsumer);
    actionsMenu->addSeparator();
    actionsMenu->addAction(tr("Add Partitions…"), this, &FlowWorkspace::addPartitions);
    actionsMenu->addAction(tr("Delete Records Before…"), this, &FlowWorkspace::deleteRecords);
    actionsMenu->addAction(tr("Reset Group Offsets…"), this, &FlowWorkspace::resetOffsets);
    m_actions->setMenu(actionsMenu);
    m_present = button(tr("Present"),
        tr("Presentation mode: full screen, large fonts, high contrast (F5; Esc leaves; T shows the rebalance "
           "timeline)"));
    m_present->setCheckable(true);
    m_present->setObjectName(QStringLiteral("presentButton"));
    m_step->setObjectName(QStringLiteral("stepButton"));
    m_actions->setObjectName(QStringLiteral("flowActions"));
    m_status = new ElidedLabel(m_bar);
    m_status->setObjectName(QStringLiteral("flowStatus"));
    bar->addWidget(m_title);
    bar->addSpacing(12);
    bar->addWidget(m_restart);
    bar->addWidget(m_play);
    bar->addWidget(m_step);
    bar->addWidget(m_speed);
    bar->addWidget(m_time);
    bar->addWidget(m_answer);
    bar->addSpacing(8);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_actions);
    bar->addWidget(m_present);

    m_travelBanner = new QWidget(this);
    auto *travel = new QHBoxLayout(m_travelBanner);
    travel->setContentsMargins(8, 4, 8, 4);
    m_travelText = new QLabel(m_travelBanner);
    m_travelText->setObjectName(QStringLiteral("travelText"));
    m_travelText->setWordWrap(true);
    auto *live = new QPushButton(tr("Back to live"), m_travelBanner);
    live->setFocusPolicy(Qt::NoFocus);
    travel->addWidget(m_travelText, 1);
    travel->addWidget(live);
    m_travelBanner->setAutoFillBackground(true);
    QPalette bannerPalette = m_travelBanner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xff, 0xe0, 0x8a));
    bannerPalette.setColor(QPalette::WindowText, Qt::black);
    m_travelBanner->setPalette(bannerPalette);
    m_travelBanner->setVisible(false);

    m_flow = new FlowView(this);
    m_journey = new RecordJourneyPanel(this);
    m_events = new QListWidget(this);
    m_events->setObjectName(QStringLiteral("flowEvents"));
    m_events->setUniformItemSizes(true);
    m_side = new QTabWidget(this);
    m_side->setDocumentMode(true);
    m_side->addTab(m_journey, tr("Record journey"));
    m_side->addTab(m_events, tr("Events"));

    m_timeline = new RebalanceTimeline(this);
    m_comparison = new AssignorComparisonView(this);
    auto *comparisonPage = new QWidget(this);
    auto *comparisonLayout = new QVBoxLayout(comparisonPage);
    comparisonLayout->setContentsMargins(0, 0, 0, 0);
    auto *compare = new QPushButton(tr("Compare assignors on this scenario"), comparisonPage);
    compare->setToolTip(tr("Plays the scenario's file once under range, roundrobin, sticky and cooperative-sticky"));
    comparisonLayout->addWidget(compare, 0, Qt::AlignLeft);
    comparisonLayout->addWidget(m_comparison, 1);
    m_bottom = new QTabWidget(this);
    m_bottom->setObjectName(QStringLiteral("flowBottomTabs"));
    m_bottom->setDocumentMode(true);
    m_bottom->addTab(m_timeline, tr("Rebalances"));
    m_bottom->addTab(comparisonPage, tr("Assignor comparison"));
    // The live broker's requests, client by client: a rebalance reads as its JoinGroup/SyncGroup/Heartbeat exchange.
    m_lane = new ProtocolLaneView(this);
    m_lane->setObjectName(QStringLiteral("flowProtocolLane"));
    m_bottom->addTab(m_lane, tr("Protocol lane"));
    // Painted with their own palette's window colour: presenting, that is black (applyBottomPalette), and what
    // lies behind them (the workspace) is not.
    m_bottom->setAutoFillBackground(true);
    // The timeline's table and bars scroll: on a small screen (1920x1080 at a scale factor of 2 is 960x540) the
    // pane may be squeezed to a couple of rows rather than make the window taller than the screen.
    m_bottom->setMinimumHeight(90);
    m_timeline->setAutoFillBackground(true);
    comparisonPage->setAutoFillBackground(true);

    auto *horizontal = new QSplitter(Qt::Horizontal, this);
    horizontal->addWidget(m_flow);
    horizontal->addWidget(m_side);
    horizontal->setStretchFactor(0, 4);
    horizontal->setStretchFactor(1, 1);
    m_vertical = new QSplitter(Qt::Vertical, this);
    m_vertical->addWidget(horizontal);
    m_vertical->addWidget(m_bottom);
    m_vertical->setStretchFactor(0, 2);
    m_vertical->setStretchFactor(1, 1);
    m_vertical->setSizes({600, 300});
    m_side->setMinimumWidth(240);
    horizontal->setSizes({1000, 280});
    m_flow->setFocusPolicy(Qt::StrongFocus);
    setFocusProxy(m_flow);

    // One line that elides (the whole note in its tooltip), with margins that keep it clear of the ownership bars'
    // last row above it: a wrapped label took two lines a 1280x720 window does not have.
    m_worldNote = new ElidedLabel(this);
    m_worldNote->setText(tr("Scenarios run on a broker of their own with virtual time: pausing or stepping here never "
                            "pauses real Kafka clients connected to Topicscope, and they do not see these topics."));
    QFont noteFont = m_worldNote->font();
    noteFont.setPointSizeF(noteFont.pointSizeF() * 0.9);
    m_worldNote->setFont(noteFont);
    m_worldNote->setForegroundRole(QPalette::PlaceholderText);
    m_worldNote->setContentsMargins(8, 3, 8, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addWidget(m_travelBanner);
    layout->addWidget(m_vertical, 1);
    layout->addWidget(m_worldNote);
    // While presenting, a slim line at the bottom tells how to get out (the window's menus are gone); the bar has
    // no room to spare for it on a 720p projector.
    m_presentHint = new QLabel(tr("Esc or F5 leaves presentation  ·  T shows or hides the rebalance timeline"), this);
    m_presentHint->setObjectName(QStringLiteral("presentationHint"));
    m_presentHint->setWordWrap(true);
    m_presentHint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_presentHint->setContentsMargins(8, 2, 8, 2);
    m_presentHint->setAutoFillBackground(true);
    m_presentHint->setVisible(false);
    layout->addWidget(m_presentHint);

    connect(m_restart, &QToolButton::clicked, this, [this] {
        if (m_control)
            m_control->restart();
    });
    connect(m_play, &QToolButton::clicked, this, &FlowWorkspace::togglePlay);
    connect(m_step, &QToolButton::clicked, this, &FlowWorkspace::step);
    connect(m_speed, &QComboBox::activated, this, [this](int index) { setSpeed(m_speed->itemData(index).toDouble()); });
    connect(m_answer, &QToolButton::toggled, m_flow, &FlowView::setAnswerRevealed);
    connect(m_present, &QToolButton::toggled, this, &FlowWorkspace::presentationModeRequested);
    connect(live, &QPushButton::clicked, this, &FlowWorkspace::backToLive);
    connect(compare, &QPushButton::clicked, this, &FlowWorkspace::compareAssignors);

    auto *space = new QShortcut(QKeySequence(Qt::Key_Space), this, this, &FlowWorkspace::togglePlay);
    space->setContext(Qt::WidgetWithChildrenShortcut);
    auto *right = new QShortcut(QKeySequence(Qt::Key_Right), this, this, &FlowWorkspace::step);
    right->setContext(Qt::WidgetWithChildrenShortcut);
    // In presentation mode the rebalance timeline is hidden until the trainer asks for it.
    auto *timeline = new QShortcut(QKeySequence(Qt::Key_T), this, this, &FlowWorkspace::toggleTimeline);
    timeline->setContext(Qt::WidgetWithChildrenShortcut);

    connect(m_flow, &FlowView::recordClicked, this, &FlowWorkspace::onRecordClicked);
    connect(m_flow, &FlowView::contextMenuRequestedFor, this, &FlowWorkspace::showContextMenu);
    connect(m_timeline, &RebalanceTimeline::generationSelected, this, &FlowWorkspace::onGenerationSelected);
    connect(m_timeline, &RebalanceTimeline::liveSelected, this, &FlowWorkspace::backToLive);

    m_recordings = new RecordingMenu(m_control, this);
    connect(m_recordings, &RecordingMenu::openRequested, this, &FlowWorkspace::openRecording);
    connect(m_recordings, &RecordingMenu::noticeChanged, this, [this] { onState(m_state); });

    if (m_control) {
        connect(m_control, &engine::ScenarioClient::snapshotUpdated, this, &FlowWorkspace::onSnapshot);
        connect(m_control, &engine::ScenarioClient::stateChanged, this, &FlowWorkspace::onState);
        connect(m_control, &engine::ScenarioClient::journeyReady, this,
            [this](quint64 id, const engine::RecordJourney &journey) {
                if (id == m_journeyRequest)
                    m_journey->setJourney(journey);
            });
        connect(m_control, &engine::ScenarioClient::historyReady, this,
            [this](quint64 id, int index, bool found, const engine::FlowSnapshot &snapshot) {
                if (id != m_historyRequest)
                    return;
                if (!found) {
                    m_travelText->setText(tr("The picture of that rebalance was not kept (more than %1 rebalances).")
                                              .arg(engine::ScenarioHistoryLimit));
                    return;
                }
                m_travelIndex = index;
                const engine::ScenarioRebalance &rb = snapshot.rebalances.constLast();
                m_travelText->setText((RebalanceModel::isConsumerProtocol(rb)
                        ? tr("Time travel: group %1, epoch %2 at %3 (%4). Live is paused.")
                        : tr("Time travel: group %1, generation %2 at %3 (%4). Live is paused."))
                                          .arg(rb.group)
                                          .arg(rb.generation)
                                          .arg(virtualTime(rb.timeMs), EnginePhrases::translate(rb.cause)));
                m_flow->setSnapshot(snapshot);
            });
        connect(m_control, &engine::ScenarioClient::comparisonReady, this,
            [this](quint64 id, const engine::AssignorComparison &comparison) {
                if (id != m_comparisonRequest)
                    return;
                m_comparison->setConsumerOrder(m_flow->colours().consumers());
                m_comparison->setComparison(comparison);
                m_bottom->setCurrentIndex(1);
            });
    }
    onState(m_state);
}

void FlowWorkspace::forgetRun()
{
    m_lane->clear();
    backToLive();
    clearComparison();
    m_journey->clear();
    m_events->clear();
    m_eventsShown = 0;
    m_recordings->clearNotice();
}

void FlowWorkspace::openScenario(const QString &path)
{
    forgetRun();
    if (m_control)
        m_control->loadFile(path);
}

void FlowWorkspace::openSandbox()
{
    forgetRun();
    if (m_control)
        m_control->loadSandbox();
}

void FlowWorkspace::openLive()
{
    forgetRun();
    if (m_control)
        m_control->loadLive();
}

void FlowWorkspace::openRecording(const QString &path)
{
    forgetRun();
    if (m_control)
        m_control->loadRecording(path);
}

void FlowWorkspace::showLiveJourney(const engine::TopicPartition &topicPartition, qint64 offset)
{
    if (!m_state.live)
        openLive();
    onRecordClicked(topicPartition, offset);
}

void FlowWorkspace::togglePlay()
{
    if (!m_control || !m_state.loaded)
        return;
    if (m_state.playing) {
        m_control->pause();
    } else {
        backToLive();
        m_control->play();
    }
}

void FlowWorkspace::step()
{
    if (!m_control || !m_state.loaded)
        return;
    backToLive();
    m_control->stepEvent();
}

void FlowWorkspace::setSpeed(double speed)
{
    if (m_control)
        m_control->setSpeed(speed);
}

void FlowWorkspace::compareAssignors()
{
    if (m_control && m_state.loaded) {
        m_comparedLoad = m_state.loadId;
        m_comparisonRequest = m_control->requestComparison();
    }
}

void FlowWorkspace::clearComparison()
{
    // A comparison belongs to its scenario; one still being played for the previous scenario is dropped on arrival.
    m_comparisonRequest = 0;
    m_comparedLoad = 0;
    m_comparison->clear();
}

bool FlowWorkspace::isTimelineShown() const
{
    return !m_bottom->isHidden();
}

void FlowWorkspace::toggleTimeline()
{
    if (m_presentation)
        showTimelineForPresentation(m_bottom->isHidden());
}

void FlowWorkspace::showTimelineForPresentation(bool show)
{
    m_bottom->setVisible(show);
    if (!show)
        return;
    m_bottom->setCurrentWidget(m_timeline);
    // Measured as laid out now: the panels presentation mode hid have given the flow view their width.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    // The bars are the point of the timeline (an eager group stopping): give them the room they ask for, up to
    // 58 % of the height, and the flow view the rest. What does not fit scrolls inside the timeline.
    // Unless the consumer cards would then be too short for their names (many consumers): they take what they need
    // from the timeline, which keeps at least 35 %.
    const int total = std::max(1, m_vertical->height());
    const int tabBar = m_bottom->tabBar()->sizeHint().height();
    const int wanted = tabBar + m_timeline->presentationHeightHint();
    int bottom = std::clamp(wanted, total * 35 / 100, total * 58 / 100);
    const int aboveFlow = m_vertical->widget(0)->height() - m_flow->height(); // the bar and counters above the view
    const int flowNeeds = m_flow->heightForReadableConsumers(m_flow->width(), total);
    bottom = std::max(total * 35 / 100, std::min(bottom, total - aboveFlow - flowNeeds));
    m_vertical->setSizes({total - bottom, bottom});
}

void FlowWorkspace::keepStatusReadable()
{
    // A short result ("Finished: 5 check(s) passed.") stays whole and the title gives way; a long one (failed
    // checks, errors) is elided with its full text in the tooltip. Never wider than the room the bar has: a result
    // must not make the window grow (on a small screen it would leave the screen).
    m_status->setMinimumWidth(0);
    const int wanted = std::min(m_status->sizeHint().width(), 30 * m_status->fontMetrics().averageCharWidth());
    const int room = m_bar->width() - m_bar->layout()->minimumSize().width();
    m_status->setMinimumWidth(std::clamp(room, 0, wanted));
}

void FlowWorkspace::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    keepStatusReadable();
}

QString FlowWorkspace::statusText() const
{
    return m_status->text();
}

void FlowWorkspace::applyBottomPalette()
{
    // The timeline and the comparison follow the presentation's black, high-contrast scheme; otherwise the
    // window's palette (an empty palette inherits it again).
    if (!m_presentation) {
        m_bottom->setPalette(QPalette());
        return;
    }
    QPalette pal = m_bottom->palette();
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        pal.setColor(group, QPalette::Window, black);
        pal.setColor(group, QPalette::Base, black);
        pal.setColor(group, QPalette::AlternateBase, QColor(0x1a, 0x1a, 0x1a));
        pal.setColor(group, QPalette::WindowText, group == QPalette::Disabled ? QColor(0x90, 0x90, 0x90) : white);
        pal.setColor(group, QPalette::Text, group == QPalette::Disabled ? QColor(0x90, 0x90, 0x90) : white);
        pal.setColor(group, QPalette::Button, QColor(0x20, 0x20, 0x20));
        pal.setColor(group, QPalette::ButtonText, group == QPalette::Disabled ? QColor(0x90, 0x90, 0x90) : white);
        pal.setColor(group, QPalette::Highlight, QColor(0xff, 0xd6, 0x00));
        pal.setColor(group, QPalette::HighlightedText, black);
        pal.setColor(group, QPalette::PlaceholderText, QColor(0xc8, 0xc8, 0xc8));
        pal.setColor(group, QPalette::Mid, QColor(0x60, 0x60, 0x60));
        pal.setColor(group, QPalette::Light, QColor(0x50, 0x50, 0x50));
        pal.setColor(group, QPalette::Dark, QColor(0x30, 0x30, 0x30));
    }
    m_bottom->setPalette(pal);
}

void FlowWorkspace::setPresentationMode(bool on)
{
    // The timeline's room while presenting (T) is not the room it had on the desk.
    if (on && !m_presentation)
        m_splitterState = m_vertical->saveState();
    else if (!on && m_presentation && !m_splitterState.isEmpty())
        m_vertical->restoreState(m_splitterState);
    m_presentation = on;
    {
        const QSignalBlocker block(m_present);
        m_present->setChecked(on);
    }
    m_present->setText(on ? tr("Leave presentation") : tr("Present"));
    m_presentHint->setVisible(on);
    m_flow->setPresentationMode(on);
    m_timeline->setPresentationMode(on);
    m_side->setVisible(!on);
    m_comparison->setPresentationMode(on);
    applyBottomPalette();
    m_bottom->setVisible(!on); // while presenting, T brings it up
    m_worldNote->setVisible(!on);
    m_actions->setVisible(!on);
    QFont barFont = font();
    if (on)
        barFont.setPointSizeF(barFont.pointSizeF() * 1.5);
    m_bar->setFont(barFont);
    m_time->setMinimumWidth(QFontMetrics(barFont).horizontalAdvance(QStringLiteral("+0000.0 s / +0000.0 s")));
    keepStatusReadable();
    // The bar joins the view's high-contrast black; buttons keep their own style.
    m_bar->setAutoFillBackground(on);
    QPalette barPalette = palette();
    if (on) {
        barPalette.setColor(QPalette::Window, Qt::black);
        barPalette.setColor(QPalette::WindowText, Qt::white);
    }
    m_bar->setPalette(barPalette);
    QPalette hintPalette = barPalette;
    hintPalette.setColor(QPalette::WindowText, QColor(0xff, 0xd6, 0x00));
    m_presentHint->setPalette(hintPalette);
    QFont hintFont = font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.2);
    m_presentHint->setFont(hintFont);
    m_flow->setFocus();
}

void FlowWorkspace::onState(const engine::ScenarioPlayerState &state)
{
    m_state = state;
    m_recordings->setState(state);
    if (state.replay)
        m_title->setText(tr("Replay: %1").arg(QFileInfo(state.source).fileName()));
    else
        m_title->setText(state.loaded ? EnginePhrases::translate(state.title)
                                      : tr("No scenario — choose one in the Scenarios menu"));
    if (state.loaded && m_comparedLoad != 0 && state.loadId != m_comparedLoad)
        clearComparison();
    if (state.live)
        m_play->setText(state.playing ? tr("Pause broker") : tr("Resume broker"));
    else
        m_play->setText(state.playing ? tr("Pause") : tr("Play"));
    // A button's own tooltip (set where it is made) comes back when a scenario is shown again.
    const auto tip = [](QToolButton *b, const QString &live) {
        if (!b->property("scenarioTip").isValid())
            b->setProperty("scenarioTip", b->toolTip());
        b->setToolTip(live.isEmpty() ? b->property("scenarioTip").toString() : live);
    };
    tip(m_play,
        !state.live ? QString()
                    : tr("Pausing the real broker freezes its clock (no session timeout expires) and "
                         "holds produce acknowledgements, fetch answers with records and "
                         "JoinGroup/SyncGroup answers; clients only see latency."));
    tip(m_step,
        state.live         ? tr("Release the oldest held answer")
            : state.replay ? tr("Show the world right after the next rebalance (after the last one: at the end)")
                           : QString());
    m_play->setIcon(style()->standardIcon(state.playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    // A finished world can still be played with: play or step on (it runs open-ended, the checks stay as they
    // were at the end), add a consumer, delete records, see what happens.
    m_play->setEnabled(state.loaded);
    m_step->setEnabled(state.loaded);
    m_restart->setEnabled(state.loaded);
    // The live broker's clients are the user's own programs: no simulated actions, no speed.
    m_actions->setEnabled(state.loaded && !state.live && !state.replay);
    m_speed->setEnabled(!state.live);
    tip(m_restart,
        state.live         ? tr("Start a fresh recording of the live broker")
            : state.replay ? tr("Back to the world after the first rebalance")
                           : QString());
    if (state.live)
        m_worldNote->setText(
            tr("Live: the embedded broker's own clients (your programs, kafka-python, kcat) as the broker sees them: "
               "what they produce and fetch, their commits and their group's rebalances."));
    else if (state.replay)
        m_worldNote->setText(
            tr("Replay of a saved live session: no broker runs. Step and Play show the world after "
               "each rebalance, then at the end; time travel and record journeys come from the file."));
    else
        m_worldNote->setText(tr("Scenarios run on a broker of their own with virtual time: pausing or stepping here "
                                "never pauses real Kafka clients connected to Topicscope, and they do not see these "
                                "topics."));
    // The note under the flow is one elided line (and hidden while presenting): the title's tooltip says it too.
    m_title->setFullToolTip(state.description.isEmpty()
            ? m_worldNote->text()
            : state.description + QStringLiteral("\n\n") + m_worldNote->text());
    const int speedIndex = static_cast<int>(speeds().indexOf(state.speed));
    if (speedIndex >= 0)
        m_speed->setCurrentIndex(speedIndex);
    showTime(state.timeMs);
    QString status;
    bool bad = !state.error.isEmpty();
    if (bad) {
        status = tr("⚠ %1").arg(state.error);
    } else if (state.live && state.brokerPause.paused) {
        status = liveHeldText(state);
    } else if (state.finished) {
        int passed = 0;
        QStringList failed;
        for (const engine::ScenarioExpectationResult &r : state.results) {
            if (r.passed)
                ++passed;
            else
                failed << tr("%1 (got %2)").arg(r.description, r.actual);
        }
        status = failed.isEmpty()
            ? tr("Finished: %n check(s) passed.", nullptr, passed)
            : tr("Finished: %1 passed, FAILED: %2").arg(passed).arg(failed.join(QStringLiteral("; ")));
        bad = !failed.isEmpty();
    } else if (!m_recordings->notice().isEmpty()) {
        status = m_recordings->noticeIsError() ? tr("⚠ %1").arg(m_recordings->notice()) : m_recordings->notice();
        bad = m_recordings->noticeIsError();
    }
    m_status->setText(status);
    keepStatusReadable();
    QPalette statusPalette = m_bar->palette();
    if (bad)
        statusPalette.setColor(
            QPalette::WindowText, m_presentation ? QColor(0xff, 0x60, 0x60) : QColor(0xc6, 0x28, 0x28));
    m_status->setPalette(statusPalette);
}

QString FlowWorkspace::liveHeldText(const engine::ScenarioPlayerState &state) const
{
    const engine::BrokerPauseState &pause = state.brokerPause;
    QString text = tr("Broker paused: %n answer(s) held", nullptr, int(pause.held.size()));
    if (!pause.held.isEmpty()) {
        const engine::HeldAnswer &next = pause.held.constFirst();
        const qint64 left = qMax<qint64>(0, next.releaseAtMs - QDateTime::currentMSecsSinceEpoch());
        text += tr("; next: %1 to %2 (%3), released by itself in %4 s")
                    .arg(next.exchange.api, next.exchange.clientId, next.exchange.summary)
                    .arg(QString::number(double(left) / 1000.0, 'f', 0));
    }
    if (state.stepped)
        text += tr("; stepped: %1 to %2 (%3)").arg(state.stepped->api, state.stepped->clientId, state.stepped->summary);
    return text;
}

void FlowWorkspace::showTime(qint64 timeMs)
{
    m_time->setText(m_state.endMs >= 0 ? QStringLiteral("%1 / %2").arg(virtualTime(timeMs), virtualTime(m_state.endMs))
                                       : virtualTime(timeMs));
}

void FlowWorkspace::onSnapshot(const engine::FlowSnapshot &snapshot)
{
    const bool newQuestion = !snapshot.question.isEmpty() && snapshot.question != m_live.question;
    if (m_travelIndex < 0)
        m_flow->setSnapshot(snapshot);
    else
        m_flow->noteLiveSnapshot(snapshot);
    // One colour per consumer everywhere: the timeline's bars and legend take the flow view's order.
    m_timeline->setConsumerOrder(m_flow->colours().consumers());
    m_live = snapshot;
    m_live.movements.clear(); // animated once; back to live must not replay them
    m_timeline->setSnapshot(snapshot);
    if (snapshot.live) {
        m_lane->append(snapshot.exchanges);
        m_lane->addDropped(snapshot.exchangesDropped);
    }
    updateEvents(snapshot);
    showTime(snapshot.timeMs);
    m_answer->setVisible(!snapshot.question.isEmpty() && !snapshot.answer.isEmpty());
    if (newQuestion || snapshot.question.isEmpty())
        m_answer->setChecked(false);
}

void FlowWorkspace::updateEvents(const engine::FlowSnapshot &snapshot)
{
    if (snapshot.eventCount < m_eventsShown) {
        m_events->clear();
        m_eventsShown = 0;
    }
    const int fresh = snapshot.eventCount - m_eventsShown;
    if (fresh <= 0)
        return;
    const qsizetype first = std::max<qsizetype>(0, snapshot.recentEvents.size() - fresh);
    for (qsizetype i = first; i < snapshot.recentEvents.size(); ++i) {
        const engine::ScenarioEvent &e = snapshot.recentEvents.at(i);
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(virtualTime(e.timeMs), e.text), m_events);
        if (e.kind == engine::ScenarioEvent::Kind::Duplicate || e.kind == engine::ScenarioEvent::Kind::Lost
            || e.kind == engine::ScenarioEvent::Kind::DeserializationFailed
            || e.kind == engine::ScenarioEvent::Kind::ActionFailed)
            item->setForeground(QColor(0xd3, 0x2f, 0x2f));
    }
    m_eventsShown = snapshot.eventCount;
    // The log keeps the last 2,000 lines.
    while (m_events->count() > 2000)
        delete m_events->takeItem(0);
    m_events->scrollToBottom();
}

void FlowWorkspace::onRecordClicked(const engine::TopicPartition &topicPartition, qint64 offset)
{
    m_flow->setSelectedRecord(topicPartition, offset);
    m_side->setCurrentWidget(m_journey);
    if (m_control)
        m_journeyRequest = m_control->requestJourney(topicPartition, offset);
}

void FlowWorkspace::onGenerationSelected(const QString &group, int generation, int rebalanceIndex)
{
    Q_UNUSED(group);
    Q_UNUSED(generation);
    if (!m_control)
        return;
    // Looking at the past freezes the present: otherwise the live world would move on unseen.
    if (m_state.playing)
        m_control->pause();
    m_travelBanner->setVisible(true);
    m_travelText->setText(tr("Loading the picture of that rebalance…"));
    m_historyRequest = m_control->requestHistory(rebalanceIndex);
}

void FlowWorkspace::backToLive()
{
    if (m_travelIndex < 0 && !m_travelBanner->isVisible())
        return;
    m_travelIndex = -1;
    m_historyRequest = 0;
    m_travelBanner->setVisible(false);
    m_timeline->clearSelection();
    m_flow->setSnapshot(m_live);
}

} // namespace topicscope::ui
