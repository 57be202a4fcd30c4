#pragma once

#include "flowsnapshot.h"

#include <QWidget>

class QTextBrowser;

namespace topicscope::ui {

// "Click a record to see its journey": where one record came from (producer, the partitioner's decision), what it
// holds (key and value as hex and text) and what happened to it since (polled, processed, duplicated, committed,
// failed), as a read-only rich-text page. GUI thread.
class RecordJourneyPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int MaxHexBytes = 256; // longer keys and values are cut, with the total length shown

    explicit RecordJourneyPanel(QWidget *parent = nullptr);

    void setJourney(const engine::RecordJourney &journey);
    void clear(); // the hint
    bool hasJourney() const { return m_hasJourney; }
    QString toPlainText() const;
    QTextBrowser *browser() const { return m_browser; }

    // Pure helpers, public for tests.
    static QString hexDump(const QByteArray &bytes, int maxBytes = MaxHexBytes); // "61 6c 69 63 65"
    static QString stepTime(qint64 ms); // "+3.200 s"
    static QString toHtml(const engine::RecordJourney &journey);

private:
    QTextBrowser *m_browser;
    bool m_hasJourney = false;
};

} // namespace topicscope::ui
