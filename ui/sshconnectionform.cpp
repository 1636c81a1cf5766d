#include "sshconnectionform.h"
#include "ui_sshconnectionform.h"

#include "credentialstore.h"
#include "sshcommandrunner.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

#include <pwd.h>
#include <unistd.h>

namespace Trainyard {

namespace {

QString expandedPath(const QString &path)
{
    const QString trimmed = path.trimmed();
    if (trimmed == QLatin1String("~"))
        return QDir::homePath();
    if (trimmed.startsWith(QLatin1String("~/")))
        return QDir::homePath() + trimmed.mid(1);
    return trimmed.isEmpty() ? QString() : QFileInfo(trimmed).absoluteFilePath();
}

QString currentUserName()
{
    for (const char *variable : {"USER", "LOGNAME"}) {
        if (const QString user = qEnvironmentVariable(variable); !user.isEmpty())
            return user;
    }
    const passwd *entry = ::getpwuid(::geteuid()); // services and containers often set neither
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

} // namespace

SshConnectionForm::SshConnectionForm(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::SshConnectionForm>())
{
    ui->setupUi(this);
    ui->userEdit->setText(currentUserName());
    for (QLabel *note : {ui->environmentNote, ui->agentNote, ui->keychainNote})
        note->setForegroundRole(QPalette::PlaceholderText);
    for (QLabel *problem : {ui->keyProblem, ui->environmentProblem}) {
        QPalette palette = problem->palette();
        palette.setColor(QPalette::WindowText, QColor(0xc5, 0x0f, 0x1f));
        problem->setPalette(palette);
        problem->hide();
    }
    // Room for three lines: a login node rarely needs more.
    ui->slurmEnvironmentEdit->setFixedHeight(3 * ui->slurmEnvironmentEdit->fontMetrics().lineSpacing()
                                             + 2 * ui->slurmEnvironmentEdit->frameWidth() + 8);

    const QString agentSocket = qEnvironmentVariable("SSH_AUTH_SOCK");
    ui->agentButton->setEnabled(!agentSocket.isEmpty());
    ui->agentNote->setText(agentSocket.isEmpty() ? tr("No SSH agent is running here (SSH_AUTH_SOCK is not set).")
                                                 : tr("Signs in with the keys loaded in the agent at %1.").arg(agentSocket));

    const QString defaultKey = QDir::homePath() + QStringLiteral("/.ssh/id_ed25519");
    if (QFileInfo(defaultKey).isFile()) {
        ui->keyFileEdit->setText(QStringLiteral("~/.ssh/id_ed25519"));
        ui->keyButton->setChecked(true);
    } else {
        ui->passwordButton->setChecked(true);
    }

    const auto fieldChanged = [this] {
        updateProblems();
        Q_EMIT changed();
    };
    for (QLineEdit *edit : {ui->hostEdit, ui->userEdit, ui->passwordEdit, ui->keyFileEdit, ui->runsRootEdit})
        connect(edit, &QLineEdit::textChanged, this, fieldChanged);
    connect(ui->slurmEnvironmentEdit, &QPlainTextEdit::textChanged, this, fieldChanged);
    connect(ui->portSpin, &QSpinBox::valueChanged, this, &SshConnectionForm::changed);
    connect(ui->hostEdit, &QLineEdit::textEdited, this, &SshConnectionForm::hostEdited);
    connect(ui->methodGroup, &QButtonGroup::buttonToggled, this, [this, fieldChanged] {
        updateMethod();
        fieldChanged();
    });
    connect(ui->browseKeyButton, &QPushButton::clicked, this, &SshConnectionForm::browseKeyFile);
    // Choosing a method with the mouse or its mnemonic puts the cursor where typing goes on.
    connect(ui->passwordButton, &QRadioButton::clicked, ui->passwordEdit, qOverload<>(&QWidget::setFocus));
    connect(ui->keyButton, &QRadioButton::clicked, ui->keyFileEdit, qOverload<>(&QWidget::setFocus));
    setSlurmLoginNode(false);
    updateMethod();
    updateProblems();
}

SshConnectionForm::~SshConnectionForm() = default;

void SshConnectionForm::setSlurmLoginNode(bool loginNode)
{
    m_loginNode = loginNode;
    ui->environmentLabel->setVisible(loginNode);
    ui->slurmEnvironmentEdit->setVisible(loginNode);
    ui->environmentNote->setVisible(loginNode);
    ui->runsRootEdit->setToolTip(loginNode ? tr("A folder on the login node that the compute nodes share (a shared file "
                                                "system); “~” is your home folder there. It is created when missing.")
                                           : tr("A folder on the machine; “~” is your home folder there. It is created "
                                                "when missing."));
    updateProblems();
    Q_EMIT changed();
}

bool SshConnectionForm::isComplete() const
{
    const QString host = ui->hostEdit->text().trimmed();
    if (host.isEmpty() || host.contains(QLatin1Char(' ')) || ui->userEdit->text().trimmed().isEmpty()
        || ui->runsRootEdit->text().trimmed().isEmpty() || !environmentProblem().isEmpty())
        return false;
    switch (method()) {
    case SshCredentials::Method::Password:
        return !ui->passwordEdit->text().isEmpty();
    case SshCredentials::Method::PrivateKey:
        return keyProblem().isEmpty();
    case SshCredentials::Method::Agent:
        return ui->agentButton->isEnabled();
    }
    return false;
}

RemoteMachineSettings SshConnectionForm::settings() const
{
    RemoteMachineSettings settings;
    settings.endpoint.host = ui->hostEdit->text().trimmed();
    settings.endpoint.port = quint16(ui->portSpin->value());
    settings.endpoint.user = ui->userEdit->text().trimmed();
    settings.method = method();
    if (settings.method == SshCredentials::Method::PrivateKey)
        settings.privateKeyFile = expandedPath(ui->keyFileEdit->text());
    settings.runsRoot = ui->runsRootEdit->text().trimmed();
    return settings;
}

SshCredentials SshConnectionForm::credentials() const
{
    switch (method()) {
    case SshCredentials::Method::Password:
        return SshCredentials::withPassword(ui->passwordEdit->text());
    case SshCredentials::Method::PrivateKey:
        return SshCredentials::withPrivateKey(expandedPath(ui->keyFileEdit->text()), ui->passphraseEdit->text());
    case SshCredentials::Method::Agent:
        break;
    }
    return SshCredentials::withAgent();
}

SshConnectionForm::Environment SshConnectionForm::slurmEnvironment() const
{
    Environment environment;
    if (!m_loginNode)
        return environment;
    const QStringList lines = ui->slurmEnvironmentEdit->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString assignment = line.trimmed();
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals > 0)
            environment.append({assignment.left(equals).trimmed(), assignment.mid(equals + 1)});
    }
    return environment;
}

QString SshConnectionForm::keychainNote() const
{
    return ui->keychainNote->text();
}

void SshConnectionForm::updateKeychainNote()
{
    CredentialStore store;
    if (store.isAvailable())
        return;
    //: %1 says why there is no keychain, as a sentence
    ui->keychainNote->setText(tr("Passwords and passphrases are kept in the desktop keychain, never in the workspace. "
                                 "%1 Until Trainyard quits they are kept in its memory only; then they will be asked "
                                 "for again.")
                                  .arg(store.unavailableReason()));
}

QWidget *SshConnectionForm::firstField() const
{
    return ui->hostEdit;
}

int SshConnectionForm::labelColumnWidth() const
{
    int width = 0;
    for (int row = 0; row < ui->fieldsLayout->rowCount(); ++row) {
        QLayoutItem *label = ui->fieldsLayout->itemAt(row, QFormLayout::LabelRole);
        if (label && label->widget() && !label->widget()->isHidden())
            width = std::max(width, label->sizeHint().width());
    }
    return width;
}

SshCredentials::Method SshConnectionForm::method() const
{
    if (ui->keyButton->isChecked())
        return SshCredentials::Method::PrivateKey;
    if (ui->agentButton->isChecked())
        return SshCredentials::Method::Agent;
    return SshCredentials::Method::Password;
}

QString SshConnectionForm::keyProblem() const
{
    const QString file = expandedPath(ui->keyFileEdit->text());
    if (file.isEmpty())
        return tr("Choose the private key file.");
    if (!QFileInfo(file).isFile())
        return tr("There is no file %1.").arg(QDir::toNativeSeparators(file));
    if (!QFileInfo(file).isReadable())
        return tr("The file %1 cannot be read.").arg(QDir::toNativeSeparators(file));
    return {};
}

QString SshConnectionForm::environmentProblem() const
{
    if (!m_loginNode)
        return {};
    const QStringList lines = ui->slurmEnvironmentEdit->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString assignment = line.trimmed();
        if (assignment.isEmpty())
            continue;
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        const QString name = equals > 0 ? assignment.left(equals).trimmed() : QString();
        if (!SshCommandRunner::isValidVariableName(name))
            //: %1 is a line the user typed
            return tr("“%1” is not NAME=VALUE with a variable name of letters, digits and “_”.").arg(assignment);
    }
    return {};
}

void SshConnectionForm::updateProblems()
{
    const QString key = keyProblem();
    ui->keyProblem->setText(key);
    ui->keyProblem->setVisible(ui->keyButton->isChecked() && !ui->keyFileEdit->text().isEmpty() && !key.isEmpty());
    const QString environment = environmentProblem();
    ui->environmentProblem->setText(environment);
    ui->environmentProblem->setVisible(!environment.isEmpty());
}

void SshConnectionForm::updateMethod()
{
    const bool key = ui->keyButton->isChecked();
    ui->passwordEdit->setEnabled(ui->passwordButton->isChecked());
    ui->keyFileEdit->setEnabled(key);
    ui->browseKeyButton->setEnabled(key);
    ui->passphraseLabel->setEnabled(key);
    ui->passphraseEdit->setEnabled(key);
}

void SshConnectionForm::browseKeyFile()
{
    const QString current = expandedPath(ui->keyFileEdit->text());
    const QString start = current.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh") : current;
    const QString file = QFileDialog::getOpenFileName(this, tr("Private Key File"), start, {}, nullptr,
                                                      QFileDialog::DontResolveSymlinks);
    if (file.isEmpty())
        return;
    const QString home = QDir::homePath() + QLatin1Char('/');
    ui->keyFileEdit->setText(file.startsWith(home) ? QStringLiteral("~/") + file.mid(home.size()) : file);
    ui->keyFileEdit->setFocus();
}

} // namespace Trainyard
