#pragma once

#include <QString>

namespace topicscope::ui {

// The explorer's look, chosen in Preferences and kept in QSettings: a theme (the desktop's, light or dark), a
// font size for the whole window (a trainer's zoom), and whether debug log lines go to stderr. Applied to the
// running application at once. GUI thread.
struct Appearance {
    enum class Theme { System, Light, Dark };

    Theme theme = Theme::System;
    int fontPercent = 100; // 80-200, of the desktop's font size
    bool debugLog = false; // topicscope.* debug categories; QT_LOGGING_RULES still overrides

    static constexpr int MinFontPercent = 80;
    static constexpr int MaxFontPercent = 200;

    static Appearance load(); // from QSettings, defaults for missing or bad values
    void save() const;
    // Sets the application's style, palette and font, and the logging rules. The desktop's own style, palette
    // and font are remembered the first time, so System and 100 % give them back exactly.
    void apply() const;

    static QString themeKey(Theme theme); // "system", "light", "dark" (the settings value)
    friend bool operator==(const Appearance &, const Appearance &) = default;
};

// Debug categories off unless asked for (the GUI wrote ~5,800 debug lines in ten minutes of a workshop);
// info and warnings stay. For headless runs too, where there is no Preferences dialog.
void setDebugLogging(bool on);

} // namespace topicscope::ui
