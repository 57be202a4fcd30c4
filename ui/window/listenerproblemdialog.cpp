#include "listenerproblemdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace topicscope::ui {

ListenerProblemDialog::ListenerProblemDialog(const QString &reason, quint16 port, QWidget *parent)
    : QDialog(parent)
    , m_failedPort(port)
{
    setObjectName(QStringLiteral("listenerProblemDialog"));
    setWindowTitle(tr("Kafka listener not started"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("listenerProblemMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setText(tr("<p><b>Kafka clients cannot connect: the listener on port %1 did not start.</b></p>"
                          "<p>Reason: %2</p>"
                          "<p>Another program may be using the port (a Kafka in Docker, say). Choose another "
                          "port and point your clients at it, or stop the other program and retry. The explorer "
                          "and the scenarios work without a listener.</p>")
                           .arg(QString::number(port), reason.toHtmlEscaped()));

    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("listenerPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(port < 65535 ? port + 1 : 9093);
    auto *form = new QFormLayout;
    form->addRow(tr("Port:"), m_port);

    auto *buttons = new QDialogButtonBox(this);
    m_use = buttons->addButton(tr("Use This Port"), QDialogButtonBox::AcceptRole);
    m_use->setObjectName(QStringLiteral("useListenerPort"));
    m_retry = buttons->addButton(tr("Retry %1").arg(port), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(QStringLiteral("retryListenerPort"));
    QPushButton *without = buttons->addButton(tr("Continue Without Listener"), QDialogButtonBox::RejectRole);
    without->setObjectName(QStringLiteral("continueWithoutListener"));
    connect(m_use, &QPushButton::clicked, this, [this] {
        Q_EMIT portChosen(this->port());
        accept();
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        Q_EMIT portChosen(m_failedPort);
        accept();
    });
    connect(without, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_use->setDefault(true);
    setMinimumWidth(420);
}

quint16 ListenerProblemDialog::port() const
{
    return static_cast<quint16>(m_port->value());
}

void ListenerProblemDialog::setPort(quint16 port)
{
    m_port->setValue(port);
}

QString ListenerProblemDialog::message() const
{
    return m_message->text();
}

} // namespace topicscope::ui
