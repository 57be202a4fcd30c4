#pragma once

class QChart;
class QPalette;

namespace topicscope::ui {

// Gives a chart the light or dark Qt Charts theme that matches the widget palette, so that charts stay readable
// when the desktop uses a dark colour scheme (Qt Charts draws its own background and does not follow the
// palette). GUI thread.
void applyPaletteTheme(QChart *chart, const QPalette &palette);

} // namespace topicscope::ui
