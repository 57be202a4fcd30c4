#include "appearance.h"

#include <QApplication>
#include <QFont>
#include <QLoggingCategory>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <algorithm>
#include <optional>
#include <utility>

namespace topicscope::ui {

namespace {

const QString ThemeKey = QStringLiteral("ui/theme");
const QString FontPercentKey = QStringLiteral("ui/fontPercent");
const QString DebugLogKey = QStringLiteral("log/debug");

// What the desktop gave the application before any preference was applied.
struct DesktopLook {
    QString styleName;
    QPalette palette;
    QFont font;
};

const DesktopLook &desktopLook()
{
    static const DesktopLook look {QApplication::style()->name(), QApplication::palette(), QApplication::font()};
    return look;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0x7e, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, highlight.lighter(130));
    p.setColor(QPalette::LinkVisited, highlight.lighter(110));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, window.lighter(130));
    return p;
}

std::optional<Appearance::Theme> themeFromKey(const QString &key)
{
    for (const auto theme : {Appearance::Theme::System, Appearance::Theme::Light, Appearance::Theme::Dark}) {
        if (Appearance::themeKey(theme) == key)
            return theme;
    }
    return std::nullopt;
}

} // namespace

QString Appearance::themeKey(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

Appearance Appearance::load()
{
    const QSettings settings;
    Appearance a;
    a.theme = themeFromKey(settings.value(ThemeKey).toString()).value_or(Theme::System);
    bool ok = false;
    const int percent = settings.value(FontPercentKey, 100).toInt(&ok);
    a.fontPercent = ok ? std::clamp(percent, MinFontPercent, MaxFontPercent) : 100;
    a.debugLog = settings.value(DebugLogKey, false).toBool();
    return a;
}

void Appearance::save() const
{
    QSettings settings;
    settings.setValue(ThemeKey, themeKey(theme));
    settings.setValue(FontPercentKey, fontPercent);
    settings.setValue(DebugLogKey, debugLog);
}

// Whether apply() changed the desktop's style and palette, or its font: until it has, System and 100 % touch
// nothing, so the application keeps following the desktop (a dark mode switched on later, say).
bool &lookOverridden()
{
    static bool overridden = false;
    return overridden;
}

bool &fontOverridden()
{
    static bool overridden = false;
    return overridden;
}

void Appearance::apply() const
{
    const DesktopLook &desktop = desktopLook();
    if (theme == Theme::System) {
        if (std::exchange(lookOverridden(), false)) {
            QApplication::setStyle(desktop.styleName);
            QApplication::setPalette(desktop.palette);
        }
    } else {
        lookOverridden() = true;
        // Fusion draws every control from the palette, so light and dark look the same on every desktop.
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(theme == Theme::Dark ? darkPalette() : QApplication::style()->standardPalette());
    }
    const bool scaled = fontPercent != 100;
    if (std::exchange(fontOverridden(), scaled) || scaled) {
        QFont font = desktop.font;
        if (font.pointSizeF() > 0)
            font.setPointSizeF(desktop.font.pointSizeF() * fontPercent / 100.0);
        else
            font.setPixelSize(std::max(1, desktop.font.pixelSize() * fontPercent / 100));
        QApplication::setFont(font);
    }
    setDebugLogging(debugLog);
}

void setDebugLogging(bool on)
{
    QLoggingCategory::setFilterRules(on ? QStringLiteral("topicscope.*.debug=true")
                                        : QStringLiteral("topicscope.*.debug=false"));
}

} // namespace topicscope::ui
