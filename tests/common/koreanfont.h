#pragma once

// The offscreen platform finds no fonts of its own for Hangul: tests that render Korean add the one
// scripts/install-deps.sh installs (fonts-nanum). Header-only, GUI thread.
#include <QFile>
#include <QFontDatabase>

namespace topicscope::uitest {

inline void ensureKoreanFont()
{
    if (!QFontDatabase::families(QFontDatabase::Korean).isEmpty())
        return;
    for (const char *path :
        {"/usr/share/fonts/truetype/nanum/NanumGothic.ttf", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"}) {
        if (QFile::exists(QString::fromLatin1(path)))
            QFontDatabase::addApplicationFont(QString::fromLatin1(path));
    }
}

} // namespace topicscope::uitest
