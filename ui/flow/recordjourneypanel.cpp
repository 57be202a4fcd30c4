#include "recordjourneypanel.h"
#include "enginephrases.h"

#include <QDateTime>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace topicscope::ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &name, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px; color:gray\">") + esc(name) + QStringLiteral("</td><td>")
        + valueHtml + QStringLiteral("</td></tr>");
}

// Steps that went wrong are worth the eye: the engine words them ("AGAIN", "duplicate", "failed", "lost").
bool isBadStep(const QString &what)
{
    return what.contains(QStringLiteral("duplicate"), Qt::CaseInsensitive) || what.contains(QStringLiteral("AGAIN"))
        || what.contains(QStringLiteral("failed"), Qt::CaseInsensitive)
        || what.contains(QStringLiteral("lost"), Qt::CaseInsensitive);
}

QString bytesHtml(const std::optional<QByteArray> &bytes, const QString &text)
{
    if (!bytes)
        return QStringLiteral("<i>null</i>");
    QString html = QStringLiteral("<b>") + esc(text) + QStringLiteral("</b>");
    html += QStringLiteral("<br><span style=\"font-family:monospace\">") + esc(RecordJourneyPanel::hexDump(*bytes))
        + QStringLiteral("</span>");
    html += QStringLiteral(" <span style=\"color:gray\">(%1 bytes)</span>").arg(bytes->size());
    return html;
}

} // namespace

RecordJourneyPanel::RecordJourneyPanel(QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    m_browser->setOpenLinks(false);
    clear();
}

void RecordJourneyPanel::clear()
{
    m_hasJourney = false;
    m_browser->setHtml(tr("<p style=\"color:gray\"><i>Click a record to see its journey.</i></p>"));
}

void RecordJourneyPanel::setJourney(const engine::RecordJourney &journey)
{
    m_hasJourney = true;
    m_browser->setHtml(toHtml(journey));
}

QString RecordJourneyPanel::toPlainText() const
{
    return m_browser->toPlainText();
}

QString RecordJourneyPanel::hexDump(const QByteArray &bytes, int maxBytes)
{
    const QByteArray shown = bytes.left(maxBytes);
    QString out = QString::fromLatin1(shown.toHex(' '));
    if (bytes.size() > shown.size())
        out += QStringLiteral(" …");
    return out;
}

QString RecordJourneyPanel::stepTime(qint64 ms)
{
    return QStringLiteral("+%1 s").arg(double(ms) / 1000.0, 0, 'f', 3);
}

QString RecordJourneyPanel::toHtml(const engine::RecordJourney &j)
{
    const QString title = j.topicPartition.toString() + QStringLiteral(" @ ") + QString::number(j.offset);
    QString html = QStringLiteral("<h3>") + esc(title) + QStringLiteral("</h3>");
    if (!j.found) {
        html += QStringLiteral("<p style=\"color:#d93025\">")
            + esc(j.error.isEmpty() ? tr("Record not found.") : EnginePhrases::translate(j.error))
            + QStringLiteral("</p>");
        return html;
    }
    html += QStringLiteral("<table>");
    if (j.timestamp >= 0)
        html += row(
            tr("timestamp"), esc(QDateTime::fromMSecsSinceEpoch(j.timestamp, Qt::UTC).toString(Qt::ISODateWithMs)));
    html += row(tr("producer"),
        j.producer.isEmpty()
            ? tr("<i>unknown</i>")
            : esc(j.producer) + (j.producedAtMs >= 0 ? tr(" at ") + esc(stepTime(j.producedAtMs)) : QString()));
    if (!j.partitionDecision.isEmpty())
        html += row(tr("partitioner"),
            QStringLiteral("<span style=\"font-family:monospace\">")
                + esc(EnginePhrases::translate(j.partitionDecision)) + QStringLiteral("</span>"));
    html += row(tr("key"), bytesHtml(j.keyBytes, j.keyText));
    html += row(tr("value"), bytesHtml(j.valueBytes, j.valueText));
    html += QStringLiteral("</table>");

    html += tr("<h4>Journey</h4>");
    if (j.steps.isEmpty()) {
        html += QStringLiteral("<p style=\"color:gray\"><i>") + tr("Not consumed yet.") + QStringLiteral("</i></p>");
        return html;
    }
    html += QStringLiteral("<table>");
    for (const auto &step : j.steps) {
        const bool bad = isBadStep(step.what);
        const QString text = esc(EnginePhrases::translate(step.what));
        const QString what = bad ? QStringLiteral("<b style=\"color:#d93025\">") + text + QStringLiteral("</b>") : text;
        html += QStringLiteral("<tr><td style=\"padding-right:10px; font-family:monospace\">")
            + esc(stepTime(step.timeMs)) + QStringLiteral("</td><td>") + what + QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table>");
    return html;
}

} // namespace topicscope::ui
