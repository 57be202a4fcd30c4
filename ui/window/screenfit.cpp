#include "screenfit.h"

#include <algorithm>

namespace topicscope::ui::screenfit {

QSize firstLaunchSize(const QRect &available)
{
    constexpr int PreferredWidth = 1280;
    constexpr int PreferredHeight = 800;
    constexpr double ScreenShare = 0.92;
    return {std::min(PreferredWidth, int(available.width() * ScreenShare)),
        std::min(PreferredHeight, int(available.height() * ScreenShare))};
}

QRect clampedClientGeometry(const QRect &frame, const QSize &frameMargins, const QRect &available)
{
    const int width = std::min(frame.width(), available.width());
    const int height = std::min(frame.height(), available.height());
    const int x = std::clamp(frame.x(), available.left(), available.left() + available.width() - width);
    const int y = std::clamp(frame.y(), available.top(), available.top() + available.height() - height);
    // The client area sits inside the frame: the decorations' left/top part is not known separately, so the
    // title bar is assumed on top and the side borders equal (what every desktop Topicscope runs on does).
    const int left = frameMargins.width() / 2;
    return {x + left, y + frameMargins.height() - left, width - frameMargins.width(),
        height - frameMargins.height()};
}

bool fits(const QSize &minimum, const QSize &frameMargins, const QRect &available)
{
    return minimum.width() + frameMargins.width() <= available.width()
        && minimum.height() + frameMargins.height() <= available.height();
}

} // namespace topicscope::ui::screenfit
