#pragma once

#include "flowsnapshot.h"

#include <QColor>
#include <QString>
#include <optional>

class QPalette;

namespace topicscope::ui {

// The colours of the flow view: keys and consumers get well-separated colours by their index in order of first
// appearance (FlowColours keeps that mapping), groups by theirs, and the consumer states have a fill and an accent
// that read on the background. Three schemes: light and dark follow the
// widget palette, high contrast is the presentation (projector) scheme. A plain value, any thread.
class FlowPalette {
public:
    enum class Scheme { Light, Dark, HighContrast };

    explicit FlowPalette(Scheme scheme = Scheme::Light);
    // Light or Dark from the lightness of the palette's window colour; HighContrast when presentation is set.
    static FlowPalette fromWidgetPalette(const QPalette &palette, bool presentation);

    Scheme scheme() const { return m_scheme; }

    // 32-bit FNV-1a over the UTF-16 code units: stable across runs and Qt versions.
    static quint32 stableHash(const QString &text);
    // Key colour without a mapping: a hue picked by stableHash (stable from one run to the next, because the hash is
    // our own and not Qt's seeded one); null keys are grey.
    QColor keyColor(const std::optional<QString> &key) const;
    // The index-th key of a scenario (FlowColours): distinct hues from a fixed qualitative palette.
    QColor keyColorAt(int index) const;
    // The index-th consumer of a scenario, the same in every scheme and every view (cards, links, ownership bars).
    static QColor consumerColorAt(int index);
    QColor groupColor(int index) const;
    // Accent (text, border, icon) and box fill for a consumer in that state.
    QColor statusColor(engine::FlowConsumerStatus status) const;
    QColor statusFill(engine::FlowConsumerStatus status) const;
    static QString statusName(engine::FlowConsumerStatus status);
    // Black or white, whichever reads better on fill.
    static QColor textOn(const QColor &fill);

    QColor background;
    QColor text;
    QColor mutedText;
    QColor boxFill;
    QColor boxBorder;
    QColor stripBackground;
    QColor hatch; // the deleted region before logStartOffset
    QColor captionFill;
    QColor captionText;
    QColor cardFill;
    QColor running;
    QColor failure; // duplicates, deserialization failures, crashes
    QColor lost;
    QColor selection;
    QColor highWatermark;

private:
    Scheme m_scheme;
};

} // namespace topicscope::ui
