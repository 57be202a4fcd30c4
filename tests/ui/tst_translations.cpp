// Korean and English (issue 11): the catalogues in resources/translations are complete (no unfinished, empty
// or obsolete message) and keep every placeholder; the built catalogues translate; English plural forms read
// "1 topic"; the language is chosen as --lang > setting > system locale; and the main window, explorer and Flow
// tab, renders in Korean with real Hangul glyphs (PNGs saved for a person to look at).
#include "flowworkspace.h"
#include "koreanfont.h"
#include "language.h"
#include "mainwindow.h"
#include "rebalancemodel.h"
#include "rebalancetimeline.h"
#include "runtime/enginefacade.h"
#include "runtime/scenariocontrol.h"
#include "runtime/scenarioplayer.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPushButton>
#include <QRawFont>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextLayout>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace topicscope;

using topicscope::uitest::ensureKoreanFont;

namespace {

// A catalogue's message as the .ts file holds it.
struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type; // of <translation>: "", "unfinished", "vanished" or "obsolete"
    QStringList translations; // one text, or one per plural form
};

QString catalogueFile(const QString &language)
{
    return QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/../resources/translations/topicscope_") + language
        + QStringLiteral(".ts");
}

QList<TsMessage> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + path;
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == QLatin1String("numerusform"))
                                m.translations.append(xml.readElementText());
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        m.translations.append(xml.readElementText());
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.append(m);
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return messages;
}

// %1..%9 (also as %L1) and %n, counted: a translation must use each as often as its source.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?([1-9]|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(1));
    found.sort();
    return found;
}

QString describe(const TsMessage &m)
{
    return m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
}

bool hasHangul(const QString &text)
{
    return std::any_of(
        text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
}

// The glyphs Qt picks for text in font, fallbacks included: (family, glyph index) per glyph. Index 0 is the
// font's .notdef glyph, the empty box ("tofu") a missing character is drawn as.
QList<QPair<QString, quint32>> glyphsFor(const QString &text, const QFont &font)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    QList<QPair<QString, quint32>> glyphs;
    for (const QGlyphRun &run : layout.glyphRuns()) {
        for (quint32 index : run.glyphIndexes())
            glyphs.append({run.rawFont().familyName(), index});
    }
    return glyphs;
}

QImage renderText(const QString &text, const QFont &font)
{
    QImage image(64, 64, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(image.rect(), Qt::AlignCenter, text);
    return image;
}

// Offscreen Qt finds fonts through fontconfig; where it does not see the Korean font, add it by hand so the
// rendering check tests our texts rather than the machine's font set-up.
QString outputPath(const QString &name)
{
    return QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR "/") + name;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("topicscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    }

    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("minimumMessages");
        QTest::addRow("Korean: every text") << QStringLiteral("ko") << 300;
        QTest::addRow("English: plural forms only") << QStringLiteral("en") << 1;
    }
    void catalogueIsComplete()
    {
        QFETCH(QString, language);
        QFETCH(int, minimumMessages);
        QString error;
        const QList<TsMessage> messages = readCatalogue(catalogueFile(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() >= minimumMessages, qPrintable(QString::number(messages.size())));

        QStringList problems;
        for (const TsMessage &m : messages) {
            if (m.type == QLatin1String("unfinished"))
                problems.append(QStringLiteral("unfinished ") + describe(m));
            else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                problems.append(QStringLiteral("obsolete (run scripts/update-translations.sh) ") + describe(m));
            else if (m.translations.isEmpty()
                || std::any_of(
                    m.translations.cbegin(), m.translations.cend(), [](const QString &t) { return t.isEmpty(); }))
                problems.append(QStringLiteral("empty ") + describe(m));
            if (language == QLatin1String("en") && !m.numerus)
                problems.append(QStringLiteral("not a plural form (lupdate -pluralonly) ") + describe(m));
        }
        QVERIFY2(problems.isEmpty(),
            qPrintable(QStringLiteral("%1 message(s) of topicscope_%2.ts to fix:\n").arg(problems.size()).arg(language)
                + problems.join(QLatin1Char('\n'))));
    }

    void translationsKeepPlaceholders_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("Korean") << QStringLiteral("ko");
        QTest::addRow("English") << QStringLiteral("en");
    }
    void translationsKeepPlaceholders()
    {
        QFETCH(QString, language);
        QString error;
        const QList<TsMessage> messages = readCatalogue(catalogueFile(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QStringList expected = placeholders(m.source);
            for (const QString &t : m.translations) {
                if (!t.isEmpty() && placeholders(t) != expected)
                    problems.append(describe(m) + QStringLiteral(" -> \"") + t + QStringLiteral("\" has [")
                        + placeholders(t).join(QLatin1Char(' ')) + QStringLiteral("], wants [")
                        + expected.join(QLatin1Char(' ')) + QLatin1Char(']'));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // Both catalogues come from one lupdate run over the same sources: the plural texts are the same.
    void bothCataloguesHaveTheSamePluralTexts()
    {
        QString error;
        QSet<QString> ko, en;
        for (const TsMessage &m : readCatalogue(catalogueFile(QStringLiteral("ko")), &error)) {
            if (m.numerus)
                ko.insert(describe(m));
        }
        for (const TsMessage &m : readCatalogue(catalogueFile(QStringLiteral("en")), &error)) {
            if (m.numerus)
                en.insert(describe(m));
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!en.isEmpty());
        QCOMPARE(en, ko);
    }

    void builtKoreanCatalogueTranslates_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("korean");
        QTest::addRow("tab") << QStringLiteral("topicscope::ui::MainWindow") << QStringLiteral("Consumer groups")
                             << QStringLiteral("컨슈머 그룹");
        QTest::addRow("menu") << QStringLiteral("topicscope::ui::MainWindow") << QStringLiteral("&File")
                              << QStringLiteral("파일(&F)");
        QTest::addRow("column") << QStringLiteral("topicscope::ui::PartitionsModel") << QStringLiteral("Partition")
                                << QStringLiteral("파티션");
        QTest::addRow("config key kept") << QStringLiteral("topicscope::ui::AddConsumerDialog")
                                         << QStringLiteral("auto-commit (enable.auto.commit)")
                                         << QStringLiteral("자동 커밋 (enable.auto.commit)");
        QTest::addRow("settings notice") << QStringLiteral("topicscope::ui::Language")
                                         << QStringLiteral("The new language is used the next time Topicscope starts.")
                                         << QStringLiteral("바뀐 언어는 Topicscope를 다음에 시작할 때 적용됩니다.");
    }
    void builtKoreanCatalogueTranslates()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, korean);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/topicscope_ko.qm")));
        QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData()), korean);
    }

    void plurals_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("text");
        QTest::addRow("English one") << QStringLiteral("en") << 1 << QStringLiteral("1 topic");
        QTest::addRow("English two") << QStringLiteral("en") << 2 << QStringLiteral("2 topics");
        QTest::addRow("English none") << QStringLiteral("en") << 0 << QStringLiteral("0 topics");
        QTest::addRow("Korean one") << QStringLiteral("ko") << 1 << QStringLiteral("토픽 1개");
        QTest::addRow("Korean two") << QStringLiteral("ko") << 2 << QStringLiteral("토픽 2개");
    }
    void plurals()
    {
        QFETCH(QString, language);
        QFETCH(int, n);
        QFETCH(QString, text);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/topicscope_") + language + QStringLiteral(".qm")));
        // QCoreApplication::translate puts n in for %n; QTranslator alone would not.
        QVERIFY(QCoreApplication::installTranslator(&translator));
        // A text of this test's own, scanned by scripts/update-translations.sh like the app's.
        const QString translated = QCoreApplication::translate("tst_Translations", "%n topic(s)", nullptr, n);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(translated, text);
    }

    void resolvesTheLanguage_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QLocale>("system");
        QTest::addColumn<QString>("expected");
        const QLocale korea(QLocale::Korean, QLocale::SouthKorea);
        const QLocale us(QLocale::English, QLocale::UnitedStates);
        const QLocale germany(QLocale::German, QLocale::Germany);
        QTest::addRow("Korean system") << QString() << QString() << korea << QStringLiteral("ko");
        QTest::addRow("English system") << QString() << QString() << us << QStringLiteral("en");
        QTest::addRow("other system: English") << QString() << QString() << germany << QStringLiteral("en");
        QTest::addRow("setting over system") << QString() << QStringLiteral("en") << korea << QStringLiteral("en");
        QTest::addRow("setting ko on English system")
            << QString() << QStringLiteral("ko") << us << QStringLiteral("ko");
        QTest::addRow("option over setting")
            << QStringLiteral("ko") << QStringLiteral("en") << us << QStringLiteral("ko");
        QTest::addRow("option en over Korean")
            << QStringLiteral("en") << QStringLiteral("ko") << korea << QStringLiteral("en");
        QTest::addRow("unknown setting: system") << QString() << QStringLiteral("fr") << korea << QStringLiteral("ko");
    }
    void resolvesTheLanguage()
    {
        QFETCH(QString, option);
        QFETCH(QString, setting);
        QFETCH(QLocale, system);
        QFETCH(QString, expected);
        QCOMPARE(ui::Language::resolve(option, setting, system), expected);
    }

    void offersKoreanAndEnglishByTheirOwnNames()
    {
        QStringList choices;
        for (const ui::Language::Choice &c : ui::Language::available())
            choices.append(c.code + QLatin1Char('=') + c.nativeName);
        QCOMPARE(choices.join(QLatin1Char(' ')), QStringLiteral("ko=한국어 en=English"));
        QCOMPARE(ui::Language::systemChoiceLabel(QLocale(QLocale::Korean)), QStringLiteral("System language (한국어)"));
    }

    // Last: installs the Korean catalogues for the rest of the process.
    void mainWindowRendersInKorean()
    {
        QVERIFY(ui::Language::install(qApp, QStringLiteral("ko")));
        QCOMPARE(ui::Language::current(), QStringLiteral("ko"));
        QCOMPARE(
            ui::Language::restartNotice(), QStringLiteral("바뀐 언어는 Topicscope를 다음에 시작할 때 적용됩니다."));
        // Qt's own texts (standard dialog buttons) come from Qt's Korean catalogue, installed by
        // scripts/install-deps.sh (qt6-translations-l10n).
        const QString qtCatalogue
            = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_ko.qm");
        QVERIFY2(QFile::exists(qtCatalogue), qPrintable(qtCatalogue));
        const QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("취소"));

        ensureKoreanFont();
        QVERIFY2(!QFontDatabase::families(QFontDatabase::Korean).isEmpty(),
            "no Korean font: install fonts-nanum (scripts/install-deps.sh)");

        engine::EngineOptions options;
        options.storage.inMemory = true;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        window.setScenarioControl(facade.scenarios());
        window.resize(1280, 720);
        window.show();
        facade.start();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The broker's name, given by the engine's facade, follows the window's language too.
        QCOMPARE(facade.displayName(), QStringLiteral("내장 브로커 (메모리)"));
        // The widgets took their texts from the Korean catalogue.
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus.append(a->text());
        QVERIFY2(menus.contains(QStringLiteral("파일(&F)")), qPrintable(menus.join(QLatin1Char(' '))));
        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QStringList tabTexts;
        for (int i = 0; i < tabs->count(); ++i)
            tabTexts.append(tabs->tabText(i));
        QVERIFY2(
            std::any_of(tabTexts.cbegin(), tabTexts.cend(), hasHangul), qPrintable(tabTexts.join(QLatin1Char(' '))));

        // Hangul is drawn with real glyphs of a font that has them, not boxes: no .notdef glyph, and distinct
        // syllables give distinct pictures (missing glyphs all draw the same box).
        const QFont font = tabs->tabBar()->font();
        const QString sample = tabTexts.join(QString()) + QStringLiteral("파티션오프셋");
        for (const auto &[family, index] : glyphsFor(sample, font))
            QVERIFY2(index != 0,
                qPrintable(QStringLiteral("missing glyph in ") + family + QStringLiteral(" for ") + sample));
        const QImage to = renderText(QStringLiteral("토"), font);
        const QImage pa = renderText(QStringLiteral("파"), font);
        const QImage kk = renderText(QStringLiteral("픽"), font);
        QVERIFY(to != pa && pa != kk && to != kk);

        window.showTab(ui::MainWindow::TopicsTab);
        QVERIFY(window.grab().save(outputPath(QStringLiteral("translations-explorer-ko.png"))));

        // A scenario in the Flow tab, played to its question.
        window.openScenario(QStringLiteral(":/scenarios/06-autocommit-duplicates.json"));
        ui::FlowWorkspace *flow = window.flowWorkspace();
        QTRY_VERIFY(flow->playerState().loaded);
        flow->setSpeed(engine::ScenarioPlayer::MaxSpeed);
        flow->togglePlay();
        QTRY_VERIFY_WITH_TIMEOUT(!flow->liveSnapshot().question.isEmpty(), 20000);
        // The scenario speaks the window's language: its title, its question and the Scenarios menu.
        QVERIFY2(hasHangul(flow->playerState().title), qPrintable(flow->playerState().title));
        QVERIFY2(hasHangul(flow->liveSnapshot().question), qPrintable(flow->liveSnapshot().question));
        auto *scenarios = window.findChild<QMenu *>(QStringLiteral("scenariosMenu"));
        QVERIFY(scenarios);
        QVERIFY2(hasHangul(scenarios->actions().constFirst()->text()),
            qPrintable(scenarios->actions().constFirst()->text()));
        QVERIFY(window.grab().save(outputPath(QStringLiteral("translations-flow-ko.png"))));
        // The same in presentation mode, as a trainer shows it (for a person to look at).
        window.setPresentationMode(true);
        QTRY_VERIFY(window.isPresentationMode());
        // Lay out with the larger fonts before the grab (layout requests are posted events).
        for (int i = 0; i < 3; ++i)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QVERIFY(window.grab().save(outputPath(QStringLiteral("translations-presentation-ko.png"))));
        // And with the rebalance timeline up (T): its table beside its bars, headed in Korean.
        QTest::keyClick(flow->flowView(), Qt::Key_T);
        QTRY_VERIFY(flow->rebalanceTimeline()->isVisible());
        for (int i = 0; i < 3; ++i)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        auto *rebalances = flow->rebalanceTimeline()->findChild<QTableView *>(QStringLiteral("rebalanceTable"));
        QVERIFY(rebalances);
        const QString cause = rebalances->model()->headerData(ui::RebalanceModel::Cause, Qt::Horizontal).toString();
        QVERIFY2(hasHangul(cause), qPrintable(cause));
        QVERIFY(window.grab().save(outputPath(QStringLiteral("translations-presentation-timeline-ko.png"))));
        window.setPresentationMode(false);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
