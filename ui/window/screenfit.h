#pragma once

#include <QRect>
#include <QSize>

namespace topicscope::ui::screenfit {

// Window geometry that fits the screen it is on: the explorer must be usable on a 1280x720 projector and a
// 1366x768 laptop from the first launch, and a geometry saved on a bigger screen must not open off-screen or
// larger than the screen. Pure functions on rectangles (logical pixels), so the rules are tested without a
// display.

// The first-launch size on a screen with this available area: at most 1280x800, at most 92 % of the screen
// in each direction (a little of the desktop stays visible, so it reads as a window, not a full-screen app).
QSize firstLaunchSize(const QRect &available);

// frame (the window including its decorations) moved and shrunk to lie within available; frameMargins is
// the size of the decorations (frame minus client area), so the client area shrinks by the same amount.
// Returns the client geometry to set. A frame that already fits is returned unchanged (minus decorations).
QRect clampedClientGeometry(const QRect &frame, const QSize &frameMargins, const QRect &available);

// Whether a window whose minimum (client) size is minimum can be shown within available with these decorations.
bool fits(const QSize &minimum, const QSize &frameMargins, const QRect &available);

} // namespace topicscope::ui::screenfit
