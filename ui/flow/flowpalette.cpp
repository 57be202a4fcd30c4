#include "flowpalette.h"

#include <QCoreApplication>
#include <QPalette>
#include <algorithm>
#include <array>

namespace topicscope::ui {

using engine::FlowConsumerStatus;

namespace {

// Tableau 10 without its red: red is the colour of failures and of "nobody processing". Mid tones, so that one
// colour per consumer reads on the light, dark and black backgrounds alike (cards, links, bars and legends share it).
constexpr std::array<QRgb, 10> consumerColours {
    0x4E79A7, 0xF28E2B, 0x59A14F, 0xB07AA1, 0x76B7B2, 0xEDC948, 0x9C755F, 0xBAB0AC, 0xFF9DA7, 0x86BCB6};
// Key colours, handed out in order of first appearance: a fixed qualitative palette ordered so that the first few
// are as far apart as possible (CIELAB distance > 60 among the first four, > 30 among all twelve), none of them
// grey (null keys) and no pure red (failures).
constexpr std::array<QRgb, 12> keyColours {0x0067a5, 0xf38400, 0x008856, 0xb3446c, 0x8db600, 0x654522, 0x7b3294,
    0xf99379, 0x00bfc4, 0xf3c300, 0xc2b280, 0x56b4e9};
constexpr std::array<QRgb, 6> groupColours {0x6a1b9a, 0x00695c, 0xad1457, 0x37474f, 0x827717, 0x4e342e};
constexpr std::array<QRgb, 6> groupColoursBright {0xe040fb, 0x1de9b6, 0xff4081, 0xb0bec5, 0xeeff41, 0xffab40};

} // namespace

FlowPalette::FlowPalette(Scheme scheme)
    : m_scheme(scheme)
{
    switch (scheme) {
    case Scheme::Light:
        background = QColor(QRgb(0xffffff));
        text = QColor(QRgb(0x202124));
        mutedText = QColor(QRgb(0x5f6368));
        boxFill = QColor(QRgb(0xf5f6f8));
        boxBorder = QColor(QRgb(0x9aa0a6));
        stripBackground = QColor(QRgb(0xe8eaed));
        hatch = QColor(QRgb(0x9aa0a6));
        captionFill = QColor(QRgb(0x1a73e8));
        captionText = QColor(QRgb(0xffffff));
        cardFill = QColor(QRgb(0xfffbe6));
        running = QColor(QRgb(0x188038));
        failure = QColor(QRgb(0xd93025));
        lost = QColor(QRgb(0xe37400));
        selection = QColor(QRgb(0x000000));
        highWatermark = QColor(QRgb(0x202124));
        break;
    case Scheme::Dark:
        background = QColor(QRgb(0x1e1f22));
        text = QColor(QRgb(0xe8eaed));
        mutedText = QColor(QRgb(0xa0a4a8));
        boxFill = QColor(QRgb(0x2b2d31));
        boxBorder = QColor(QRgb(0x6f7378));
        stripBackground = QColor(QRgb(0x35373c));
        hatch = QColor(QRgb(0x80868b));
        captionFill = QColor(QRgb(0x2f5fa8));
        captionText = QColor(QRgb(0xffffff));
        cardFill = QColor(QRgb(0x3a3524));
        running = QColor(QRgb(0x5bd67a));
        failure = QColor(QRgb(0xff6b5e));
        lost = QColor(QRgb(0xffb74d));
        selection = QColor(QRgb(0xffffff));
        highWatermark = QColor(QRgb(0xe8eaed));
        break;
    case Scheme::HighContrast:
        background = QColor(QRgb(0x000000));
        text = QColor(QRgb(0xffffff));
        mutedText = QColor(QRgb(0xd0d0d0));
        boxFill = QColor(QRgb(0x000000));
        boxBorder = QColor(QRgb(0xffffff));
        stripBackground = QColor(QRgb(0x262626));
        hatch = QColor(QRgb(0xb0b0b0));
        captionFill = QColor(QRgb(0xffd600));
        captionText = QColor(QRgb(0x000000));
        cardFill = QColor(QRgb(0x101010));
        running = QColor(QRgb(0x00ff66));
        failure = QColor(QRgb(0xff2020));
        lost = QColor(QRgb(0xffa000));
        selection = QColor(QRgb(0xffffff));
        highWatermark = QColor(QRgb(0xffffff));
        break;
    }
}

FlowPalette FlowPalette::fromWidgetPalette(const QPalette &palette, bool presentation)
{
    if (presentation)
        return FlowPalette(Scheme::HighContrast);
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    FlowPalette p(dark ? Scheme::Dark : Scheme::Light);
    // The view sits in the page like the explorer's views do.
    p.background = palette.color(QPalette::Base);
    p.text = palette.color(QPalette::Text);
    return p;
}

quint32 FlowPalette::stableHash(const QString &text)
{
    quint32 h = 2166136261u;
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    // FNV's low bits mix poorly for short strings that differ in the last character; fold the high bits in.
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h;
}

QColor FlowPalette::keyColor(const std::optional<QString> &key) const
{
    if (!key)
        return m_scheme == Scheme::HighContrast ? QColor(QRgb(0xbdbdbd)) : QColor(QRgb(0xa0a4a8));
    // 24 hues 15 degrees apart, alternating two lightness levels so that neighbours on the wheel differ.
    const quint32 h = stableHash(*key);
    const int hue = int(h % 24) * 15;
    const bool alt = (h >> 8) & 1;
    switch (m_scheme) {
    case Scheme::Light:
        return QColor::fromHsv(hue, alt ? 150 : 110, alt ? 215 : 245);
    case Scheme::Dark:
        return QColor::fromHsv(hue, alt ? 170 : 130, alt ? 190 : 225);
    case Scheme::HighContrast:
        return QColor::fromHsv(hue, alt ? 255 : 200, 255);
    }
    return {};
}

QColor FlowPalette::keyColorAt(int index) const
{
    const size_t i = size_t(std::max(index, 0));
    QColor c(keyColours.at(i % keyColours.size()));
    // A second round differs in lightness; past that the hues repeat (more than 24 keys: count them, not colours).
    if ((i / keyColours.size()) % 2 == 1)
        c = c.lightness() < 128 ? c.lighter(160) : c.darker(160);
    // The darkest of them would sink into a black strip: lift them on dark schemes.
    if (m_scheme != Scheme::Light && c.lightness() < 100)
        c = c.lighter(150);
    return c;
}

QColor FlowPalette::consumerColorAt(int index)
{
    const size_t i = size_t(std::max(index, 0));
    const QColor base(consumerColours.at(i % consumerColours.size()));
    // A second round of the palette is darker, so that ten-plus consumers still differ.
    return (i / consumerColours.size()) % 2 == 0 ? base : base.darker(150);
}

QColor FlowPalette::groupColor(int index) const
{
    const int i = std::max(index, 0);
    if (m_scheme == Scheme::Light)
        return QColor(groupColours.at(size_t(i) % groupColours.size()));
    return QColor(groupColoursBright.at(size_t(i) % groupColoursBright.size()));
}

QColor FlowPalette::statusColor(FlowConsumerStatus status) const
{
    switch (status) {
    case FlowConsumerStatus::Running:
        return running;
    case FlowConsumerStatus::Joining:
        return m_scheme == Scheme::Light ? QColor(QRgb(0xb06000)) : QColor(QRgb(0xffd54f));
    case FlowConsumerStatus::Reconciling:
        return m_scheme == Scheme::Light ? QColor(QRgb(0x00796b)) : QColor(QRgb(0x4dd0c0));
    case FlowConsumerStatus::Stalled:
        return lost;
    case FlowConsumerStatus::Crashed:
        return failure;
    case FlowConsumerStatus::NotStarted:
    case FlowConsumerStatus::Stopped:
        return mutedText;
    }
    return mutedText;
}

QColor FlowPalette::statusFill(FlowConsumerStatus status) const
{
    switch (m_scheme) {
    case Scheme::Light:
        switch (status) {
        case FlowConsumerStatus::Joining:
            return QColor(QRgb(0xfff4c2));
        case FlowConsumerStatus::Reconciling:
            return QColor(QRgb(0xdff2ef));
        case FlowConsumerStatus::Stalled:
            return QColor(QRgb(0xffe0b2));
        case FlowConsumerStatus::Crashed:
            return QColor(QRgb(0xfad2cf));
        case FlowConsumerStatus::Stopped:
        case FlowConsumerStatus::NotStarted:
            return QColor(QRgb(0xdadce0));
        case FlowConsumerStatus::Running:
            return boxFill;
        }
        break;
    case Scheme::Dark:
        switch (status) {
        case FlowConsumerStatus::Joining:
            return QColor(QRgb(0x4a4120));
        case FlowConsumerStatus::Reconciling:
            return QColor(QRgb(0x163a36));
        case FlowConsumerStatus::Stalled:
            return QColor(QRgb(0x4d3319));
        case FlowConsumerStatus::Crashed:
            return QColor(QRgb(0x5c1f1c));
        case FlowConsumerStatus::Stopped:
        case FlowConsumerStatus::NotStarted:
            return QColor(QRgb(0x222326));
        case FlowConsumerStatus::Running:
            return boxFill;
        }
        break;
    case Scheme::HighContrast:
        switch (status) {
        case FlowConsumerStatus::Joining:
            return QColor(QRgb(0x5a4a00));
        case FlowConsumerStatus::Reconciling:
            return QColor(QRgb(0x004d45));
        case FlowConsumerStatus::Stalled:
            return QColor(QRgb(0x703800));
        case FlowConsumerStatus::Crashed:
            return QColor(QRgb(0x9a0000));
        case FlowConsumerStatus::Stopped:
        case FlowConsumerStatus::NotStarted:
            return QColor(QRgb(0x303030));
        case FlowConsumerStatus::Running:
            return boxFill;
        }
        break;
    }
    return boxFill;
}

QString FlowPalette::statusName(FlowConsumerStatus status)
{
    switch (status) {
    case FlowConsumerStatus::NotStarted:
        return QCoreApplication::translate("topicscope::ui::FlowPalette", "not started");
    case FlowConsumerStatus::Joining:
        return QCoreApplication::translate("topicscope::ui::FlowPalette", "joining…");
    case FlowConsumerStatus::Reconciling:
        return QCoreApplication::translate("topicscope::ui::FlowPalette", "reconciling…");
    case FlowConsumerStatus::Running:
        return QCoreApplication::translate("topicscope::ui::FlowPalette", "running");
    case FlowConsumerStatus::Stalled:
        return QCoreApplication::translate("topicscope::ui::FlowPalette", "stalled");
    case FlowConsumerStatus::Stopped:
        return QCoreApplication::translate("topicscope::ui::FlowPalette", "stopped");
    case FlowConsumerStatus::Crashed:
        return QCoreApplication::translate("topicscope::ui::FlowPalette", "CRASHED");
    }
    return {};
}

QColor FlowPalette::textOn(const QColor &fill)
{
    // Relative luminance, sRGB weights; the threshold leans to black text on mid tones.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace topicscope::ui
