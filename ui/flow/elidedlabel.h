#pragma once

#include <QFrame>
#include <QString>

namespace topicscope::ui {

// One line of text that gives way: it asks for the room of its whole text but can shrink to a few characters and
// then elides (the whole text goes to the tooltip). For the flow tab's control bar, where a long scenario title or a
// run's results must neither widen the window nor wrap into a second line that would push the view down. GUI thread.
class ElidedLabel : public QFrame {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // The tooltip shown when the text is not elided ("" for none); an elided text shows itself in full.
    void setFullToolTip(const QString &toolTip);
    bool isElided() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateToolTip();

    QString m_text;
    QString m_toolTip;
};

} // namespace topicscope::ui
