#include "connectdialog.h"

#include "clusterconnector.h"
#include "connectionprofilesmodel.h"
#include "secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace topicscope::ui {

namespace {

QLabel *messageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

// The value column of the properties table: a secret property's value shown as dots and typed like a password.
class SecretValueDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && isSecret(index))
            edit->setEchoMode(QLineEdit::Password);
        return editor;
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (isSecret(index) && !option->text.isEmpty())
            option->text = QString(option->text.size(), QChar(0x25CF));
    }

private:
    static bool isSecret(const QModelIndex &index)
    {
        return SecretStore::isSecretProperty(index.siblingAtColumn(0).data().toString());
    }
};

} // namespace

ConnectDialog::ConnectDialog(engine::ClusterConnector *connector, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_connector(connector)
    , m_secrets(secrets)
    , m_model(new ConnectionProfilesModel(this))
    , m_saveLater(new QTimer(this))
{
    setWindowTitle(tr("Connect to Kafka"));
    m_saveLater->setSingleShot(true);
    m_saveLater->setInterval(500);
    connect(m_saveLater, &QTimer::timeout, this, &ConnectDialog::saveSettings);
    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createProfileList());
    splitter->addWidget(createEditor());
    splitter->setStretchFactor(1, 1);

    m_message = messageLabel(QStringLiteral("validationMessage"), this);
    m_keyring = messageLabel(QStringLiteral("keyringMessage"), this);
    m_keyring->hide();
    m_result = messageLabel(QStringLiteral("testResult"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_test = buttons->addButton(tr("&Test Connection"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connect"));
    m_connect->setDefault(true);
    connect(m_test, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(m_connect, &QPushButton::clicked, this, &ConnectDialog::connectToCluster);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_keyring);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    // Room for the form and a few properties; never more than the screen (a 1280x720 projector).
    QSize size = sizeHint().expandedTo(QSize(fontMetrics().averageCharWidth() * 150, fontMetrics().lineSpacing() * 34));
    if (const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize());
    resize(size);

    QSettings settings;
    m_model->setProfiles(ConnectionProfile::load(settings));
    if (m_model->rowCount() == 0)
        addProfile();
    else
        selectProfile(std::max(0, m_model->rowOf(ConnectionProfile::lastUsed(settings))));
}

QWidget *ConnectDialog::createProfileList()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListView(box);
    m_list->setObjectName(QStringLiteral("profiles"));
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        if (index.isValid() && index.row() != m_row)
            showProfile(index.row());
    });
    auto *add = new QPushButton(tr("&Add"), box);
    m_duplicate = new QPushButton(tr("&Duplicate"), box);
    m_delete = new QPushButton(tr("De&lete"), box);
    connect(add, &QPushButton::clicked, this, &ConnectDialog::addProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ConnectDialog::duplicateProfile);
    connect(m_delete, &QPushButton::clicked, this, &ConnectDialog::deleteProfile);
    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(m_duplicate);
    row->addWidget(m_delete);
    layout->addWidget(new QLabel(tr("Saved connections:"), box));
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    box->setMinimumWidth(box->sizeHint().width());
    return box;
}

QWidget *ConnectDialog::createEditor()
{
    m_editor = new QWidget(this);
    auto *form = new QFormLayout(m_editor);
    form->setContentsMargins(0, 0, 0, 0);
    const auto lineEdit = [this](const QString &objectName) {
        auto *edit = new QLineEdit(m_editor);
        edit->setObjectName(objectName);
        connect(edit, &QLineEdit::textEdited, this, &ConnectDialog::onEdited);
        connect(edit, &QLineEdit::editingFinished, this, &ConnectDialog::flushSettings);
        return edit;
    };
    m_name = lineEdit(QStringLiteral("name"));
    m_bootstrap = lineEdit(QStringLiteral("bootstrapServers"));
    m_bootstrap->setPlaceholderText(tr("e.g. kafka1.example.com:9092,kafka2.example.com:9092"));
    m_protocol = new QComboBox(m_editor);
    m_protocol->setObjectName(QStringLiteral("securityProtocol"));
    m_protocol->addItems(ConnectionProfile::securityProtocols());
    m_mechanism = new QComboBox(m_editor);
    m_mechanism->setObjectName(QStringLiteral("saslMechanism"));
    m_mechanism->addItems(ConnectionProfile::saslMechanisms());
    for (QComboBox *combo : {m_protocol, m_mechanism}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &ConnectDialog::onEdited);
        connect(combo, &QComboBox::currentIndexChanged, this, &ConnectDialog::flushSettings);
    }
    m_username = lineEdit(QStringLiteral("username"));
    m_password = lineEdit(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    // The keyring is written when the person leaves the field, not on every key stroke.
    connect(m_password, &QLineEdit::editingFinished, this, [this] { storeSecrets(editedProfile()); });
    m_caFile = lineEdit(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("the system's certificates"));
    m_browseCa = new QPushButton(tr("B&rowse…"), m_editor);
    connect(m_browseCa, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Certificate Authority File"), m_caFile->text(),
            tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty()) {
            m_caFile->setText(path);
            onEdited();
        }
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCa);

    m_readOffsetsTopic = new QCheckBox(tr("Read the rebalance &history from __consumer_offsets"), m_editor);
    m_readOffsetsTopic->setObjectName(QStringLiteral("readOffsetsTopic"));
    m_readOffsetsTopic->setToolTip(tr("Each generation of every group as Kafka recorded it. The topic holds every "
                                      "offset commit too, and all of it is downloaded: turn this off on a cluster "
                                      "that commits a lot, and the history is what polling sees."));
    connect(m_readOffsetsTopic, &QCheckBox::toggled, this, [this] {
        onEdited();
        flushSettings();
    });

    m_properties = new QTableWidget(0, 2, m_editor);
    m_properties->setObjectName(QStringLiteral("properties"));
    m_properties->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    m_properties->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_properties->verticalHeader()->hide();
    m_properties->setItemDelegateForColumn(1, new SecretValueDelegate(m_properties));
    m_properties->setMinimumHeight(fontMetrics().lineSpacing() * 6);
    connect(m_properties, &QTableWidget::itemChanged, this, [this] {
        if (!m_showing) {
            onEdited();
            storeSecrets(editedProfile());
        }
    });
    auto *addProperty = new QPushButton(tr("Add &Property"), m_editor);
    auto *removeProperty = new QPushButton(tr("Remo&ve Property"), m_editor);
    auto *import = new QPushButton(tr("&Import Properties File…"), m_editor);
    connect(addProperty, &QPushButton::clicked, this, [this] {
        const int row = m_properties->rowCount();
        m_showing = true;
        m_properties->insertRow(row);
        m_properties->setItem(row, 0, new QTableWidgetItem);
        m_properties->setItem(row, 1, new QTableWidgetItem);
        m_showing = false;
        m_properties->editItem(m_properties->item(row, 0));
    });
    connect(removeProperty, &QPushButton::clicked, this, [this] {
        if (m_properties->currentRow() >= 0) {
            m_properties->removeRow(m_properties->currentRow());
            onEdited();
        }
    });
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Properties File"), QString(),
            tr("Properties files (*.properties *.conf *.config);;All files (*)"));
        if (!path.isEmpty())
            importPropertiesFile(path);
    });
    auto *propertyButtons = new QHBoxLayout;
    propertyButtons->addWidget(addProperty);
    propertyButtons->addWidget(removeProperty);
    propertyButtons->addStretch(1);
    propertyButtons->addWidget(import);

    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Bootstrap servers:"), m_bootstrap);
    form->addRow(tr("&Security protocol:"), m_protocol);
    form->addRow(tr("SASL &mechanism:"), m_mechanism);
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("Pass&word:"), m_password);
    auto *caLabel = new QLabel(tr("CA &file:"), m_editor);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    form->addRow(m_readOffsetsTopic);
    form->addRow(new QLabel(tr("Other librdkafka properties:"), m_editor));
    form->addRow(m_properties);
    form->addRow(propertyButtons);
    return m_editor;
}

void ConnectDialog::selectProfile(int row)
{
    m_list->setCurrentIndex(m_model->index(row));
    if (row != m_row)
        showProfile(row);
}

void ConnectDialog::showProfile(int row)
{
    m_row = row;
    m_showing = true;
    const bool any = row >= 0 && row < m_model->rowCount();
    const ConnectionProfile p = any ? m_model->profile(row) : ConnectionProfile {};
    m_name->setText(p.name);
    m_bootstrap->setText(p.bootstrapServers);
    m_protocol->setCurrentIndex(std::max(0, m_protocol->findText(p.securityProtocol)));
    m_mechanism->setCurrentIndex(std::max(0, m_mechanism->findText(p.saslMechanism)));
    m_username->setText(p.username);
    m_password->setText(p.password);
    m_caFile->setText(p.caFile);
    m_readOffsetsTopic->setChecked(p.readOffsetsTopic);
    setProperties(p.properties);
    m_showing = false;
    m_result->clear();
    ++m_check; // a check of the profile shown before is of no interest any more
    m_testing = false;
    if (any)
        loadSecrets(p);
    updateState();
}

void ConnectDialog::setProperties(const QList<QPair<QString, QString>> &properties)
{
    const bool showing = std::exchange(m_showing, true);
    m_properties->setRowCount(0);
    for (const auto &[name, value] : properties) {
        const int r = m_properties->rowCount();
        m_properties->insertRow(r);
        m_properties->setItem(r, 0, new QTableWidgetItem(name));
        m_properties->setItem(r, 1, new QTableWidgetItem(value));
    }
    m_showing = showing;
}

ConnectionProfile ConnectDialog::editedProfile() const
{
    if (m_row < 0 || m_row >= m_model->rowCount())
        return {};
    ConnectionProfile p = m_model->profile(m_row);
    p.name = m_name->text();
    p.bootstrapServers = m_bootstrap->text();
    p.securityProtocol = m_protocol->currentText();
    p.saslMechanism = m_mechanism->currentText();
    p.username = m_username->text();
    p.password = m_password->text();
    p.caFile = m_caFile->text();
    p.readOffsetsTopic = m_readOffsetsTopic->isChecked();
    p.properties.clear();
    for (int r = 0; r < m_properties->rowCount(); ++r) {
        const QTableWidgetItem *name = m_properties->item(r, 0);
        const QTableWidgetItem *value = m_properties->item(r, 1);
        const QString n = name ? name->text() : QString();
        const QString v = value ? value->text() : QString();
        if (!n.isEmpty() || !v.isEmpty())
            p.properties.append({n, v});
    }
    return p;
}

void ConnectDialog::onEdited()
{
    if (m_showing || m_row < 0)
        return;
    m_model->setProfile(m_row, editedProfile());
    // Written once the person pauses or leaves the field (flushSettings), not at every key stroke: QSettings rewrites
    // the whole file each time.
    m_saveLater->start();
    updateState();
}

ConnectDialog::~ConnectDialog()
{
    flushSettings(); // closed with its window, say, before the pause was over
}

void ConnectDialog::flushSettings()
{
    if (m_saveLater->isActive())
        saveSettings();
}

void ConnectDialog::updateState()
{
    const bool any = m_row >= 0 && m_row < m_model->rowCount();
    const ConnectionProfile p = editedProfile();
    const QString problem = any ? p.validationError() : tr("Add a connection.");
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    m_editor->setEnabled(any);
    m_duplicate->setEnabled(any);
    m_delete->setEnabled(any);
    m_test->setEnabled(problem.isEmpty() && !m_testing);
    m_connect->setEnabled(problem.isEmpty());
    for (QWidget *w : std::initializer_list<QWidget *> {m_mechanism, m_username, m_password})
        w->setEnabled(p.usesSasl());
    m_caFile->setEnabled(p.usesTls());
    m_browseCa->setEnabled(p.usesTls());
}

void ConnectDialog::saveSettings()
{
    m_saveLater->stop();
    QSettings settings;
    ConnectionProfile::save(settings, m_model->profiles());
}

void ConnectDialog::addProfile()
{
    ConnectionProfile p;
    p.id = ConnectionProfile::newId();
    p.name = tr("New connection");
    p.bootstrapServers = QStringLiteral("localhost:9092");
    m_secretsRead.insert(p.id); // nothing stored for it yet
    const int row = m_model->append(p);
    saveSettings();
    selectProfile(row);
}

void ConnectDialog::duplicateProfile()
{
    if (m_row < 0)
        return;
    ConnectionProfile copy = editedProfile();
    copy.id = ConnectionProfile::newId();
    copy.name = tr("%1 (copy)").arg(copy.name);
    m_secretsRead.insert(copy.id);
    const int row = m_model->append(copy);
    saveSettings();
    storeSecrets(copy);
    selectProfile(row);
}

void ConnectDialog::deleteProfile()
{
    if (m_row < 0)
        return;
    removeSecrets(editedProfile());
    const int row = m_row;
    m_row = -1;
    m_model->removeRowAt(row);
    saveSettings();
    const int next = std::min(row, m_model->rowCount() - 1);
    if (next >= 0) {
        selectProfile(next);
    } else {
        showProfile(-1);
    }
}

bool ConnectDialog::importPropertiesFile(const QString &path)
{
    QList<engine::RemoteProperty> entries;
    QString error;
    if (m_row < 0 || !engine::RemoteClusterOptions::readPropertiesFile(path, &entries, &error)) {
        m_result->setText(tr("The properties file was not imported: %1").arg(error));
        return false;
    }
    ConnectionProfile p = editedProfile();
    p.applyProperties(entries);
    m_model->setProfile(m_row, p);
    saveSettings();
    storeSecrets(p);
    showProfile(m_row);
    m_result->setText(tr("Imported %n setting(s) from %1.", nullptr, static_cast<int>(entries.size())).arg(path));
    return true;
}

bool ConnectDialog::readyToConnect()
{
    onEdited();
    const ConnectionProfile p = editedProfile();
    if (!p.validationError().isEmpty())
        return false;
    if (p.usesSasl() && p.password.isEmpty()) {
        m_result->setText(tr("Type the password for %1.").arg(p.username));
        m_password->setFocus();
        return false;
    }
    storeSecrets(p);
    return true;
}

void ConnectDialog::testConnection()
{
    if (!readyToConnect())
        return;
    const ConnectionProfile p = editedProfile();
    const quint64 check = ++m_check;
    m_testing = true;
    m_result->setText(tr("Testing the connection to %1…").arg(p.bootstrapServers));
    updateState();
    m_connector->check(
        p.options(), this, [this, check, servers = p.bootstrapServers](const engine::ConnectionCheck &result) {
            if (check != m_check)
                return;
            m_testing = false;
            showCheck(result, servers);
            updateState();
        });
}

void ConnectDialog::showCheck(const engine::ConnectionCheck &check, const QString &servers)
{
    using Problem = engine::ConnectionCheck::Problem;
    switch (check.problem) {
    case Problem::None: {
        const QString controller = check.controller.isEmpty()
            ? tr("not named")
            : tr("broker %1 at %2").arg(check.controllerId).arg(check.controller);
        m_result->setText(tr("Connected to cluster %1: %n broker(s), controller %2.", nullptr, check.brokerCount)
                              .arg(check.clusterId.isEmpty() ? tr("(no id)") : check.clusterId, controller));
        return;
    }
    case Problem::Unreachable:
        m_result->setText(tr("Cannot reach %1: %2").arg(servers, check.error));
        return;
    case Problem::Authentication:
        m_result->setText(tr("The cluster refused the credentials: %1").arg(check.error));
        return;
    case Problem::Tls:
        m_result->setText(tr("The TLS connection failed: %1").arg(check.error));
        return;
    case Problem::BadProperty:
        m_result->setText(tr("librdkafka refused a setting: %1").arg(check.error));
        return;
    }
}

void ConnectDialog::connectToCluster()
{
    if (!readyToConnect())
        return;
    m_chosen = editedProfile();
    QSettings settings;
    ConnectionProfile::setLastUsed(settings, m_chosen.id);
    accept();
}

void ConnectDialog::done(int result)
{
    if (m_row >= 0) {
        onEdited();
        storeSecrets(editedProfile());
    }
    flushSettings();
    QDialog::done(result);
}

void ConnectDialog::loadSecrets(const ConnectionProfile &profile)
{
    if (m_secretsRead.contains(profile.id))
        return;
    m_secretsRead.insert(profile.id);
    for (const QString &name : profile.secretNames()) {
        const QString key = ConnectionProfile::secretKey(profile.id, name);
        m_secrets->read(key, this, [this, id = profile.id, name, key](const SecretStore::Result &result) {
            if (!result.ok()) {
                keyringFailed(result.error);
                return;
            }
            const int row = m_model->rowOf(id);
            if (!result.found || row < 0)
                return;
            m_stored.insert(key, result.value);
            ConnectionProfile p = row == m_row ? editedProfile() : m_model->profile(row);
            p.fillSecret(name, result.value);
            m_model->setProfile(row, p);
            if (row == m_row) {
                // Only the secret's own field: a check in progress and what the result line says stay.
                const bool showing = std::exchange(m_showing, true);
                m_password->setText(p.password);
                setProperties(p.properties);
                m_showing = showing;
                updateState();
            }
        });
    }
}

void ConnectDialog::storeSecrets(const ConnectionProfile &profile)
{
    QHash<QString, QString> values;
    for (const auto &[name, value] : profile.secrets())
        values.insert(name, value);
    for (const QString &name : profile.secretNames()) {
        const QString key = ConnectionProfile::secretKey(profile.id, name);
        const QString value = values.value(name);
        const auto done = [this](const SecretStore::Result &result) {
            if (!result.ok())
                keyringFailed(result.error);
        };
        if (!value.isEmpty() && m_stored.value(key) != value) {
            m_stored.insert(key, value);
            m_secrets->write(key, value, this, done);
        } else if (value.isEmpty() && m_stored.contains(key)) {
            m_stored.remove(key);
            m_secrets->remove(key, this, done);
        }
    }
}

void ConnectDialog::removeSecrets(const ConnectionProfile &profile)
{
    for (const QString &name : profile.secretNames()) {
        const QString key = ConnectionProfile::secretKey(profile.id, name);
        m_stored.remove(key);
        m_secrets->remove(key, this, [this](const SecretStore::Result &result) {
            if (!result.ok())
                keyringFailed(result.error);
        });
    }
}

void ConnectDialog::keyringFailed(const QString &reason)
{
    QString why = reason.trimmed();
    while (why.endsWith(QLatin1Char('.')))
        why.chop(1);
    m_keyring->setText(tr("The desktop keyring is not available: %1. The password is not saved; you will be asked "
                          "for it when you connect.")
                           .arg(why));
    m_keyring->show();
}

QString ConnectDialog::validationMessage() const
{
    return m_message->text();
}

QString ConnectDialog::keyringMessage() const
{
    return m_keyring->isHidden() ? QString() : m_keyring->text();
}

QString ConnectDialog::testResult() const
{
    return m_result->text();
}

} // namespace topicscope::ui
