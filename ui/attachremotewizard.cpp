#include "attachremotewizard.h"

#include "credentialstore.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFuture>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizardPage>
#include <QtConcurrent>

#include <pwd.h>
#include <unistd.h>

namespace Trainyard {

namespace {

QLabel *wrappedLabel(const QString &text = {})
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel *noteLabel(const QString &text = {})
{
    QLabel *label = wrappedLabel(text);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// A value a person may want to copy (a fingerprint, a path).
QLabel *valueLabel()
{
    QLabel *label = wrappedLabel();
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QLabel *fingerprintLabel(const QString &objectName)
{
    QLabel *label = valueLabel();
    label->setObjectName(objectName);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setWordWrap(false);
    return label;
}

QLabel *iconLabel(QStyle::StandardPixmap icon, QWidget *page)
{
    auto *label = new QLabel;
    const int size = page->style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, page);
    label->setPixmap(page->style()->standardIcon(icon, nullptr, page).pixmap(size, size));
    label->setAlignment(Qt::AlignTop);
    return label;
}

// An indeterminate progress bar with a line saying what is going on.
class BusyIndicator : public QWidget
{
public:
    BusyIndicator()
        : m_label(wrappedLabel())
    {
        auto *bar = new QProgressBar;
        bar->setRange(0, 0);
        bar->setTextVisible(false);
        bar->setMaximumHeight(fontMetrics().height());
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_label);
        layout->addWidget(bar);
    }

    void start(const QString &text)
    {
        m_label->setText(text);
        show();
    }

private:
    QLabel *m_label;
};

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

// "host:port", an IPv6 literal in brackets.
QString hostAndPort(const SshEndpoint &endpoint)
{
    const QString host = endpoint.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + endpoint.host + QLatin1Char(']') : endpoint.host;
    return host + QLatin1Char(':') + QString::number(endpoint.port);
}

// The command that shows the fingerprint of the host's key of this type, run on the host.
QString fingerprintCommand(const QString &keyType)
{
    QString kind = QStringLiteral("ed25519");
    if (keyType.startsWith(QLatin1String("ecdsa")))
        kind = QStringLiteral("ecdsa");
    else if (keyType.contains(QLatin1String("rsa")))
        kind = QStringLiteral("rsa");
    return QStringLiteral("ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub").arg(kind);
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

bool isSignInProblem(SshError::Kind kind)
{
    using K = SshError::Kind;
    return kind == K::AuthenticationDenied || kind == K::AuthenticationMethodUnavailable || kind == K::KeyFileMissing
        || kind == K::KeyFileInvalid || kind == K::PassphraseRequired || kind == K::PassphraseWrong
        || kind == K::AgentUnavailable;
}

SshError plainError(const QString &message)
{
    SshError error;
    error.kind = SshError::Kind::RemoteFailure;
    error.message = message;
    return error;
}

// What a worker hands back; default-constructible, as QFuture wants.
struct ConnectOutcome
{
    bool ok = false;
    SshError error;
    SshHostKey hostKey;
    RemoteFacts facts;
};

struct AttachOutcome
{
    bool ok = false;
    SshError error;
    RemoteAttachOutcome outcome;
};

// The error of a failed step, and what to do about it.
QString explain(const SshError &error)
{
    if (isSignInProblem(error.kind))
        return error.message + QLatin1Char('\n')
            + AttachRemoteWizard::tr("Go Back to the connection page to correct the sign-in settings.");
    if (error.isTransient())
        return error.message + QLatin1Char('\n')
            + AttachRemoteWizard::tr("Check the address and the port (go Back), or try again.");
    return error.message;
}

} // namespace

namespace AttachRemote {

class KindPage : public QWizardPage
{
    Q_OBJECT

public:
    KindPage()
    {
        setTitle(tr("Kind of Compute"));
        setSubTitle(tr("Choose what to attach to this workspace."));

        auto *remote = new QRadioButton(tr("&Remote machine (SSH)"));
        remote->setObjectName(QStringLiteral("remoteKindButton"));
        remote->setChecked(true);
        auto *slurm = new QRadioButton(tr("&Slurm partition (coming soon)"));
        slurm->setObjectName(QStringLiteral("slurmKindButton"));
        slurm->setEnabled(false);

        const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) + 8;
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(remote);
        QLabel *remoteNote = noteLabel(tr("A Linux machine you can sign in to with SSH: a workstation, a server or a "
                                          "cloud VM. Runs start there in their own folder and keep running when you "
                                          "close the studio."));
        remoteNote->setContentsMargins(indent, 0, 0, 0);
        layout->addWidget(remoteNote);
        layout->addSpacing(12);
        layout->addWidget(slurm);
        QLabel *slurmNote = noteLabel(tr("Submit runs to a partition of a Slurm cluster through its login node. "
                                         "Coming in a later version."));
        slurmNote->setContentsMargins(indent, 0, 0, 0);
        slurmNote->setEnabled(false);
        layout->addWidget(slurmNote);
        layout->addStretch();
    }
};

class ConnectionPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ConnectionPage(AttachRemoteWizard *wizard)
        : m_wizard(wizard)
        , m_nameEdit(new QLineEdit)
        , m_nameProblem(wrappedLabel())
        , m_hostEdit(new QLineEdit)
        , m_portSpin(new QSpinBox)
        , m_userEdit(new QLineEdit(currentUserName()))
        , m_passwordButton(new QRadioButton(tr("&Password:")))
        , m_passwordEdit(new QLineEdit)
        , m_keyButton(new QRadioButton(tr("Private &key file:")))
        , m_keyFileEdit(new QLineEdit)
        , m_browseButton(new QPushButton(tr("Bro&wse…")))
        , m_passphraseLabel(new QLabel(tr("Key pa&ssphrase:")))
        , m_passphraseEdit(new QLineEdit)
        , m_keyProblem(wrappedLabel())
        , m_agentButton(new QRadioButton(tr("SSH &agent")))
        , m_agentNote(noteLabel())
        , m_runsRootEdit(new QLineEdit(QStringLiteral("~/.trainyard/runs")))
        , m_keychainNote(noteLabel(tr("Passwords and passphrases are kept in the desktop keychain, never in the workspace.")))
    {
        setTitle(tr("Connection"));
        setSubTitle(tr("Where the machine is and how to sign in to it."));

        m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
        //: An example compute target name
        m_nameEdit->setPlaceholderText(tr("gpu-box"));
        m_nameEdit->setToolTip(tr("3 to 24 letters, digits and hyphens, starting with a letter"));
        m_nameProblem->setObjectName(QStringLiteral("nameProblem"));
        m_nameProblem->hide();
        m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
        m_hostEdit->setPlaceholderText(tr("host name or IP address"));
        m_portSpin->setObjectName(QStringLiteral("portSpin"));
        m_portSpin->setRange(1, 65535);
        m_portSpin->setValue(22);
        m_userEdit->setObjectName(QStringLiteral("userEdit"));
        m_passwordButton->setObjectName(QStringLiteral("passwordButton"));
        m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
        m_passwordEdit->setEchoMode(QLineEdit::Password);
        m_keyButton->setObjectName(QStringLiteral("keyButton"));
        m_keyFileEdit->setObjectName(QStringLiteral("keyFileEdit"));
        m_keyFileEdit->setPlaceholderText(QStringLiteral("~/.ssh/id_ed25519"));
        m_browseButton->setObjectName(QStringLiteral("browseKeyButton"));
        m_passphraseEdit->setObjectName(QStringLiteral("passphraseEdit"));
        m_passphraseEdit->setEchoMode(QLineEdit::Password);
        m_passphraseEdit->setPlaceholderText(tr("optional"));
        m_passphraseLabel->setBuddy(m_passphraseEdit);
        m_keyProblem->setObjectName(QStringLiteral("keyProblem"));
        m_keyProblem->hide();
        m_agentButton->setObjectName(QStringLiteral("agentButton"));
        m_agentNote->setObjectName(QStringLiteral("agentNote"));
        m_runsRootEdit->setObjectName(QStringLiteral("runsRootEdit"));
        m_runsRootEdit->setToolTip(tr("A folder on the machine; “~” is your home folder there. It is created when missing."));
        m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
        for (QLabel *problem : {m_nameProblem, m_keyProblem}) {
            QPalette palette = problem->palette();
            palette.setColor(QPalette::WindowText, QColor(0xc5, 0x0f, 0x1f));
            problem->setPalette(palette);
        }

        const QString agentSocket = qEnvironmentVariable("SSH_AUTH_SOCK");
        m_agentButton->setEnabled(!agentSocket.isEmpty());
        m_agentNote->setText(agentSocket.isEmpty()
                                 ? tr("No SSH agent is running here (SSH_AUTH_SOCK is not set).")
                                 : tr("Signs in with the keys loaded in the agent at %1.").arg(agentSocket));

        const QString defaultKey = QDir::homePath() + QStringLiteral("/.ssh/id_ed25519");
        if (QFileInfo(defaultKey).isFile()) {
            m_keyFileEdit->setText(QStringLiteral("~/.ssh/id_ed25519"));
            m_keyButton->setChecked(true);
        } else {
            m_passwordButton->setChecked(true);
        }

        auto *methods = new QButtonGroup(this);
        for (QRadioButton *button : {m_passwordButton, m_keyButton, m_agentButton})
            methods->addButton(button);

        auto *hostRow = new QHBoxLayout;
        hostRow->addWidget(m_hostEdit, 1);
        auto *portLabel = new QLabel(tr("P&ort:"));
        portLabel->setBuddy(m_portSpin);
        hostRow->addWidget(portLabel);
        hostRow->addWidget(m_portSpin);

        auto *authentication = new QGroupBox(tr("Authentication"));
        auto *grid = new QGridLayout(authentication);
        grid->setColumnStretch(1, 1);
        grid->addWidget(m_passwordButton, 0, 0);
        grid->addWidget(m_passwordEdit, 0, 1, 1, 2);
        grid->addWidget(m_keyButton, 1, 0);
        grid->addWidget(m_keyFileEdit, 1, 1);
        grid->addWidget(m_browseButton, 1, 2);
        auto *passphraseRow = new QHBoxLayout;
        passphraseRow->addWidget(m_passphraseLabel);
        passphraseRow->addWidget(m_passphraseEdit, 1);
        grid->addLayout(passphraseRow, 2, 1, 1, 2);
        grid->addWidget(m_keyProblem, 3, 1, 1, 2);
        grid->addWidget(m_agentButton, 4, 0);
        grid->addWidget(m_agentNote, 4, 1, 1, 2);

        auto *form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->addRow(tr("Na&me:"), m_nameEdit);
        form->addRow(QString(), m_nameProblem);
        auto *hostLabel = new QLabel(tr("&Host:"));
        hostLabel->setBuddy(m_hostEdit);
        form->addRow(hostLabel, hostRow);
        form->addRow(tr("&User name:"), m_userEdit);
        form->addRow(tr("&Runs folder:"), m_runsRootEdit);

        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(authentication);
        layout->addStretch();
        layout->addWidget(m_keychainNote);

        setTabOrder(m_nameEdit, m_hostEdit);
        setTabOrder(m_hostEdit, m_portSpin);
        setTabOrder(m_portSpin, m_userEdit);
        setTabOrder(m_userEdit, m_runsRootEdit);
        setTabOrder(m_runsRootEdit, m_passwordButton);
        setTabOrder(m_passwordButton, m_passwordEdit);
        setTabOrder(m_passwordEdit, m_keyButton);
        setTabOrder(m_keyButton, m_keyFileEdit);
        setTabOrder(m_keyFileEdit, m_browseButton);
        setTabOrder(m_browseButton, m_passphraseEdit);
        setTabOrder(m_passphraseEdit, m_agentButton);

        // The user name is checked in isComplete(): a mandatory field would have to differ from its default.
        registerField(QStringLiteral("name*"), m_nameEdit);
        registerField(QStringLiteral("host*"), m_hostEdit);

        const auto changed = [this] {
            updateProblems();
            Q_EMIT completeChanged();
        };
        connect(m_nameEdit, &QLineEdit::textEdited, this, [this] { m_nameEdited = !m_nameEdit->text().isEmpty(); });
        connect(m_hostEdit, &QLineEdit::textEdited, this, &ConnectionPage::suggestName);
        for (QLineEdit *edit : {m_nameEdit, m_hostEdit, m_userEdit, m_passwordEdit, m_keyFileEdit, m_runsRootEdit})
            connect(edit, &QLineEdit::textChanged, this, changed);
        connect(methods, &QButtonGroup::buttonToggled, this, [this, changed] {
            updateMethod();
            changed();
        });
        connect(m_browseButton, &QPushButton::clicked, this, &ConnectionPage::browseKeyFile);
        // Choosing a method with the mouse or its mnemonic puts the cursor where typing goes on.
        connect(m_passwordButton, &QRadioButton::clicked, m_passwordEdit, qOverload<>(&QWidget::setFocus));
        connect(m_keyButton, &QRadioButton::clicked, m_keyFileEdit, qOverload<>(&QWidget::setFocus));
        updateMethod();
    }

    void initializePage() override
    {
        m_takenNames.clear();
        if (Workspace *workspace = m_wizard->workspace()) {
            if (const auto targets = workspace->computeTargets()) {
                for (const ComputeTarget &target : *targets)
                    m_takenNames << target.name;
            }
        }
        updateProblems();
        // Asking the keychain can take a moment: after the page is shown.
        QTimer::singleShot(0, this, &ConnectionPage::updateKeychainNote);
    }

    // Going Back keeps what was typed.
    void cleanupPage() override { }

    bool isComplete() const override
    {
        if (!QWizardPage::isComplete() || !nameProblem().isEmpty() || m_runsRootEdit->text().trimmed().isEmpty())
            return false;
        if (m_hostEdit->text().trimmed().contains(QLatin1Char(' ')) || m_userEdit->text().trimmed().isEmpty())
            return false;
        if (m_passwordButton->isChecked())
            return !m_passwordEdit->text().isEmpty();
        if (m_keyButton->isChecked())
            return keyProblem().isEmpty();
        return m_agentButton->isChecked() && m_agentButton->isEnabled();
    }

    QString targetName() const { return m_nameEdit->text().trimmed(); }

    RemoteMachineSettings settings() const
    {
        RemoteMachineSettings settings;
        settings.endpoint.host = m_hostEdit->text().trimmed();
        settings.endpoint.port = quint16(m_portSpin->value());
        settings.endpoint.user = m_userEdit->text().trimmed();
        settings.method = method();
        if (settings.method == SshCredentials::Method::PrivateKey)
            settings.privateKeyFile = expandedPath(m_keyFileEdit->text());
        settings.runsRoot = m_runsRootEdit->text().trimmed();
        return settings;
    }

    SshCredentials credentials() const
    {
        switch (method()) {
        case SshCredentials::Method::Password:
            return SshCredentials::withPassword(m_passwordEdit->text());
        case SshCredentials::Method::PrivateKey:
            return SshCredentials::withPrivateKey(expandedPath(m_keyFileEdit->text()), m_passphraseEdit->text());
        case SshCredentials::Method::Agent:
            break;
        }
        return SshCredentials::withAgent();
    }

    QString keychainNote() const { return m_keychainNote->text(); }

private:
    SshCredentials::Method method() const
    {
        if (m_keyButton->isChecked())
            return SshCredentials::Method::PrivateKey;
        if (m_agentButton->isChecked())
            return SshCredentials::Method::Agent;
        return SshCredentials::Method::Password;
    }

    QString nameProblem() const
    {
        const QString name = targetName();
        if (const QString problem = ComputeTarget::validateName(name); !problem.isEmpty())
            return problem;
        if (m_takenNames.contains(name, Qt::CaseInsensitive))
            return tr("This workspace already has a compute target named “%1”.").arg(name);
        return {};
    }

    QString keyProblem() const
    {
        const QString file = expandedPath(m_keyFileEdit->text());
        if (file.isEmpty())
            return tr("Choose the private key file.");
        if (!QFileInfo(file).isFile())
            return tr("There is no file %1.").arg(QDir::toNativeSeparators(file));
        if (!QFileInfo(file).isReadable())
            return tr("The file %1 cannot be read.").arg(QDir::toNativeSeparators(file));
        return {};
    }

    void updateProblems()
    {
        const QString name = nameProblem();
        m_nameProblem->setText(name);
        m_nameProblem->setVisible(!m_nameEdit->text().isEmpty() && !name.isEmpty());
        const QString key = keyProblem();
        m_keyProblem->setText(key);
        m_keyProblem->setVisible(m_keyButton->isChecked() && !m_keyFileEdit->text().isEmpty() && !key.isEmpty());
    }

    void updateMethod()
    {
        const bool key = m_keyButton->isChecked();
        m_passwordEdit->setEnabled(m_passwordButton->isChecked());
        m_keyFileEdit->setEnabled(key);
        m_browseButton->setEnabled(key);
        m_passphraseLabel->setEnabled(key);
        m_passphraseEdit->setEnabled(key);
    }

    // Offers the host's first label as the name until the user types a name of their own.
    void suggestName(const QString &host)
    {
        if (m_nameEdited)
            return;
        const QString candidate = host.trimmed().section(QLatin1Char('.'), 0, 0);
        m_nameEdit->setText(ComputeTarget::validateName(candidate).isEmpty() ? candidate : QString());
    }

    void browseKeyFile()
    {
        const QString current = expandedPath(m_keyFileEdit->text());
        const QString start = current.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh") : current;
        const QString file = QFileDialog::getOpenFileName(this, tr("Private Key File"), start, {}, nullptr,
                                                          QFileDialog::DontResolveSymlinks);
        if (file.isEmpty())
            return;
        const QString home = QDir::homePath() + QLatin1Char('/');
        m_keyFileEdit->setText(file.startsWith(home) ? QStringLiteral("~/") + file.mid(home.size()) : file);
        m_keyFileEdit->setFocus();
    }

    void updateKeychainNote()
    {
        CredentialStore store;
        if (store.isAvailable())
            return;
        //: %1 says why there is no keychain, as a sentence
        m_keychainNote->setText(tr("Passwords and passphrases are kept in the desktop keychain, never in the workspace. "
                                   "%1 Until Trainyard quits they are kept in its memory only; then they will be asked "
                                   "for again.")
                                    .arg(store.unavailableReason()));
    }

    AttachRemoteWizard *m_wizard;
    QLineEdit *m_nameEdit;
    QLabel *m_nameProblem;
    QLineEdit *m_hostEdit;
    QSpinBox *m_portSpin;
    QLineEdit *m_userEdit;
    QRadioButton *m_passwordButton;
    QLineEdit *m_passwordEdit;
    QRadioButton *m_keyButton;
    QLineEdit *m_keyFileEdit;
    QPushButton *m_browseButton;
    QLabel *m_passphraseLabel;
    QLineEdit *m_passphraseEdit;
    QLabel *m_keyProblem;
    QRadioButton *m_agentButton;
    QLabel *m_agentNote;
    QLineEdit *m_runsRootEdit;
    QLabel *m_keychainNote;
    QStringList m_takenNames;
    bool m_nameEdited = false;
};

// Connects with the key required to be known: a known key (and working credentials) moves on at
// once; an unknown or changed key stops here for the user's decision. No credential is sent to a
// host whose key is not trusted.
class HostKeyPage : public QWizardPage
{
    Q_OBJECT

public:
    enum class State { Idle, Connecting, Known, Unknown, Changed, Failed };

    explicit HostKeyPage(AttachRemoteWizard *wizard)
        : m_wizard(wizard)
        , m_busy(new BusyIndicator)
        , m_headline(wrappedLabel())
        , m_status(wrappedLabel())
        , m_warningIcon(iconLabel(QStyle::SP_MessageBoxWarning, this))
        , m_keyBox(new QWidget)
        , m_hostValue(valueLabel())
        , m_typeValue(valueLabel())
        , m_fingerprintLabel(new QLabel)
        , m_fingerprintValue(fingerprintLabel(QStringLiteral("fingerprintLabel")))
        , m_previousLabel(new QLabel(tr("Trusted before:")))
        , m_previousValue(fingerprintLabel(QStringLiteral("previousFingerprintLabel")))
        , m_trustButton(new QRadioButton(tr("&Trust this key and remember it")))
        , m_onceButton(new QRadioButton(tr("Connect &once; ask again next time")))
        , m_replaceButton(new QRadioButton(tr("&Replace the old key with this one")))
        , m_refuseButton(new QRadioButton(tr("&Do not connect")))
        , m_retryButton(new QPushButton(tr("Try &Again")))
    {
        setTitle(tr("Host Key"));
        setSubTitle(tr("Trainyard checks that the machine is the one you mean before it sends a password or uses a key."));

        m_busy->setObjectName(QStringLiteral("hostKeyBusy"));
        m_status->setObjectName(QStringLiteral("hostKeyStatus"));
        m_hostValue->setObjectName(QStringLiteral("hostKeyHost"));
        m_typeValue->setObjectName(QStringLiteral("hostKeyType"));
        m_trustButton->setObjectName(QStringLiteral("trustButton"));
        m_onceButton->setObjectName(QStringLiteral("onceButton"));
        m_replaceButton->setObjectName(QStringLiteral("replaceButton"));
        m_refuseButton->setObjectName(QStringLiteral("refuseButton"));
        m_retryButton->setObjectName(QStringLiteral("retryConnectButton"));

        auto *keyForm = new QFormLayout;
        keyForm->addRow(tr("Host:"), m_hostValue);
        keyForm->addRow(tr("Key type:"), m_typeValue);
        keyForm->addRow(m_fingerprintLabel, m_fingerprintValue);
        keyForm->addRow(m_previousLabel, m_previousValue);
        auto *choices = new QButtonGroup(this);
        auto *keyLayout = new QVBoxLayout(m_keyBox);
        keyLayout->setContentsMargins(0, 0, 0, 0);
        keyLayout->addLayout(keyForm);
        keyLayout->addSpacing(8);
        // The safe choice comes before replacing a changed key.
        for (QRadioButton *button : {m_trustButton, m_onceButton, m_refuseButton, m_replaceButton}) {
            choices->addButton(button);
            keyLayout->addWidget(button);
        }

        m_headline->setObjectName(QStringLiteral("hostKeyHeadline"));
        QFont headlineFont = m_headline->font();
        headlineFont.setBold(true);
        m_headline->setFont(headlineFont);
        auto *statusText = new QVBoxLayout;
        statusText->addWidget(m_headline);
        statusText->addWidget(m_status);
        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(m_warningIcon);
        statusRow->addLayout(statusText, 1);
        auto *retryRow = new QHBoxLayout;
        retryRow->addWidget(m_retryButton);
        retryRow->addStretch();

        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_busy);
        layout->addLayout(statusRow);
        layout->addSpacing(8);
        layout->addWidget(m_keyBox);
        layout->addLayout(retryRow);
        layout->addStretch();

        connect(choices, &QButtonGroup::buttonToggled, this, &QWizardPage::completeChanged);
        connect(m_retryButton, &QPushButton::clicked, this, &HostKeyPage::connectToHost);
        setState(State::Idle);
    }

    void initializePage() override { connectToHost(); }

    void cleanupPage() override
    {
        ++m_attempt; // a result still on its way is dropped
        setState(State::Idle);
    }

    bool isComplete() const override
    {
        switch (m_state) {
        case State::Known:
            return true;
        case State::Unknown:
            return m_trustButton->isChecked() || m_onceButton->isChecked();
        case State::Changed:
            return m_replaceButton->isChecked();
        case State::Idle:
        case State::Connecting:
        case State::Failed:
            break;
        }
        return false;
    }

    SshHostKeyPolicy policy() const
    {
        if (m_state == State::Unknown && m_trustButton->isChecked())
            return SshHostKeyPolicy::acceptAndRemember(m_key.fingerprint);
        if (m_state == State::Unknown && m_onceButton->isChecked())
            return SshHostKeyPolicy::acceptOnce(m_key.fingerprint);
        if (m_state == State::Changed && m_replaceButton->isChecked())
            return SshHostKeyPolicy::replaceChanged(m_key.fingerprint);
        return SshHostKeyPolicy::requireKnown();
    }

    QString decision() const
    {
        const SshHostKeyPolicy chosen = policy();
        if (m_state == State::Known)
            return tr("Already trusted.");
        if (chosen.mode == SshHostKeyPolicy::Mode::ReplaceChanged)
            return tr("Replaces the key trusted before.");
        if (chosen.remember)
            return tr("Trusted and remembered.");
        return tr("Trusted for this connection only: runs and connection tests will not reach the machine until its "
                  "key is trusted.");
    }

    QString fingerprint() const { return m_key.fingerprint; }

private:
    void connectToHost()
    {
        const quint64 attempt = ++m_attempt;
        const RemoteMachineSettings settings = m_wizard->settings();
        const SshCredentials credentials = m_wizard->credentials();
        const SshKnownHosts knownHosts = RemoteMachine::knownHosts();
        setState(State::Connecting);
        m_busy->start(tr("Connecting to %1…").arg(settings.endpoint.displayName()));
        QtConcurrent::run([settings, credentials, knownHosts] {
            ConnectOutcome outcome;
            SshSession session(knownHosts);
            const auto connected = session.connect(settings.endpoint, credentials, SshHostKeyPolicy::requireKnown());
            outcome.ok = connected.ok();
            if (!connected)
                outcome.error = connected.error();
            outcome.hostKey = session.hostKey();
            return outcome;
        }).then(this, [this, attempt, settings](const ConnectOutcome &outcome) {
            if (attempt == m_attempt)
                showOutcome(settings, outcome);
        });
    }

    void showOutcome(const RemoteMachineSettings &settings, const ConnectOutcome &outcome)
    {
        const QString hostName = hostAndPort(settings.endpoint);
        const SshHostKey key = outcome.error.hostKey.isNull() ? outcome.hostKey : outcome.error.hostKey;
        const bool sameKeyAsBefore = !m_key.isNull() && m_key.sameKey(key);
        m_key = key;
        m_hostValue->setText(hostName);
        m_typeValue->setText(key.type);
        m_fingerprintValue->setText(key.fingerprint);

        if (outcome.ok) {
            setState(State::Known);
            m_status->setText(tr("The host key of %1 is already trusted. Trainyard signed in.").arg(hostName));
            // Nothing to decide: on to the probe.
            if (wizard()->currentPage() == this)
                wizard()->next();
            return;
        }
        const SshError &error = outcome.error;
        switch (error.kind) {
        case SshError::Kind::HostKeyUnknown:
            if (!sameKeyAsBefore)
                m_trustButton->setChecked(true);
            setState(State::Unknown);
            //: %2 is a command that prints the fingerprint on the machine
            m_status->setText(tr("Trainyard has not connected to %1 before, so it cannot tell yet whether this is "
                                 "really the machine you mean. Compare the fingerprint with the one its administrator "
                                 "gives you (on the machine: %2).")
                                  .arg(hostName, fingerprintCommand(key.type)));
            break;
        case SshError::Kind::HostKeyChanged:
        case SshError::Kind::HostKeyOtherType:
            if (!sameKeyAsBefore)
                m_refuseButton->setChecked(true);
            setState(State::Changed);
            m_previousValue->setText(error.previousHostKey.type == key.type
                                         ? error.previousFingerprint()
                                         : tr("%1 (%2)").arg(error.previousFingerprint(), error.previousHostKey.type));
            m_headline->setText(error.kind == SshError::Kind::HostKeyChanged ? tr("The host key has changed")
                                                                             : tr("The host presents a key of another type"));
            m_status->setText(tr("Warning: the host key of %1 is not the one trusted before. Someone may be "
                                 "intercepting the connection, or the machine was reinstalled. Trainyard sent no "
                                 "credentials. Replace the old key only if the machine's administrator confirms the "
                                 "new fingerprint.")
                                  .arg(hostName));
            break;
        default:
            setState(State::Failed);
            m_status->setText(explain(error));
            m_retryButton->setVisible(!isSignInProblem(error.kind)); // the same password would fail again
            break;
        }
    }

    void setState(State state)
    {
        m_state = state;
        const bool decide = state == State::Unknown || state == State::Changed;
        m_busy->setVisible(state == State::Connecting);
        m_status->setVisible(state != State::Connecting && state != State::Idle);
        m_warningIcon->setVisible(state == State::Changed || state == State::Failed);
        m_keyBox->setVisible(decide || state == State::Known);
        m_previousLabel->setVisible(state == State::Changed);
        m_previousValue->setVisible(state == State::Changed);
        m_trustButton->setVisible(state == State::Unknown);
        m_onceButton->setVisible(state == State::Unknown);
        m_replaceButton->setVisible(state == State::Changed);
        m_refuseButton->setVisible(decide);
        m_headline->setVisible(state == State::Changed);
        m_retryButton->hide();
        m_fingerprintLabel->setText(state == State::Changed ? tr("Presented now:") : tr("Fingerprint:"));
        Q_EMIT completeChanged();
    }

    AttachRemoteWizard *m_wizard;
    BusyIndicator *m_busy;
    QLabel *m_headline;
    QLabel *m_status;
    QLabel *m_warningIcon;
    QWidget *m_keyBox;
    QLabel *m_hostValue;
    QLabel *m_typeValue;
    QLabel *m_fingerprintLabel;
    QLabel *m_fingerprintValue;
    QLabel *m_previousLabel;
    QLabel *m_previousValue;
    QRadioButton *m_trustButton;
    QRadioButton *m_onceButton;
    QRadioButton *m_replaceButton;
    QRadioButton *m_refuseButton;
    QPushButton *m_retryButton;
    State m_state = State::Idle;
    SshHostKey m_key;
    quint64 m_attempt = 0;
};

// Signs in under the host key decision (without remembering it yet) and probes the machine.
class ProbePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ProbePage(AttachRemoteWizard *wizard)
        : m_wizard(wizard)
        , m_busy(new BusyIndicator)
        , m_errorIcon(iconLabel(QStyle::SP_MessageBoxCritical, this))
        , m_status(wrappedLabel())
        , m_facts(new QWidget)
        , m_problemIcon(iconLabel(QStyle::SP_MessageBoxWarning, this))
        , m_problems(wrappedLabel())
        , m_retryButton(new QPushButton(tr("Try &Again")))
    {
        setTitle(tr("Machine"));
        setSubTitle(tr("What Trainyard found on the machine. Runs need python3 and a runs folder they can write to."));

        m_busy->setObjectName(QStringLiteral("probeBusy"));
        m_status->setObjectName(QStringLiteral("probeStatus"));
        m_problems->setObjectName(QStringLiteral("probeProblems"));
        m_retryButton->setObjectName(QStringLiteral("retryProbeButton"));

        auto *form = new QFormLayout(m_facts);
        form->setContentsMargins(0, 0, 0, 0);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        const struct {
            const char *name;
            QString label;
        } rows[] = {
            {"osValue", tr("Operating system:")}, {"kernelValue", tr("Kernel:")},       {"cpuValue", tr("CPUs:")},
            {"memoryValue", tr("Memory:")},       {"pythonValue", tr("Python:")},       {"gpuValue", tr("GPUs:")},
            {"runsRootValue", tr("Runs folder:")}, {"writableValue", tr("Write access:")}, {"diskValue", tr("Free disk space:")},
        };
        for (const auto &row : rows) {
            QLabel *value = valueLabel();
            value->setObjectName(QString::fromLatin1(row.name));
            form->addRow(row.label, value);
            m_values.insert(QString::fromLatin1(row.name), value);
        }

        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(m_errorIcon);
        statusRow->addWidget(m_status, 1);
        auto *problemRow = new QHBoxLayout;
        problemRow->addWidget(m_problemIcon);
        problemRow->addWidget(m_problems, 1);
        auto *retryRow = new QHBoxLayout;
        retryRow->addWidget(m_retryButton);
        retryRow->addStretch();

        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_busy);
        layout->addLayout(statusRow);
        layout->addLayout(retryRow);
        layout->addWidget(m_facts);
        layout->addSpacing(8);
        layout->addLayout(problemRow);
        layout->addStretch();

        connect(m_retryButton, &QPushButton::clicked, this, &ProbePage::probe);
        showNothing();
    }

    void initializePage() override { probe(); }

    void cleanupPage() override
    {
        ++m_attempt;
        showNothing();
    }

    bool isComplete() const override { return m_probed; }

    RemoteFacts facts() const { return m_result; }

private:
    void probe()
    {
        const quint64 attempt = ++m_attempt;
        const RemoteMachineSettings settings = m_wizard->settings();
        const SshCredentials credentials = m_wizard->credentials();
        SshHostKeyPolicy policy = m_wizard->hostKeyPolicy();
        policy.remember = false; // remembered on Finish, not before
        const SshKnownHosts knownHosts = RemoteMachine::knownHosts();
        showNothing();
        m_busy->start(tr("Signing in to %1 and looking around…").arg(settings.endpoint.displayName()));
        QtConcurrent::run([settings, credentials, policy, knownHosts] {
            ConnectOutcome outcome;
            SshSession session(knownHosts);
            if (const auto connected = session.connect(settings.endpoint, credentials, policy); !connected) {
                outcome.error = connected.error();
                return outcome;
            }
            auto facts = RemoteMachine::probe(session, settings.runsRoot);
            outcome.ok = facts.ok();
            if (facts)
                outcome.facts = *facts;
            else
                outcome.error = facts.error();
            return outcome;
        }).then(this, [this, attempt](const ConnectOutcome &outcome) {
            if (attempt == m_attempt)
                showOutcome(outcome);
        });
    }

    void showOutcome(const ConnectOutcome &outcome)
    {
        m_busy->hide();
        if (!outcome.ok) {
            m_errorIcon->show();
            m_status->setText(explain(outcome.error));
            m_status->show();
            m_retryButton->setVisible(!isSignInProblem(outcome.error.kind)); // the same password would fail again
            return;
        }
        const RemoteFacts &facts = outcome.facts;
        m_result = facts;
        m_probed = true;
        const auto set = [this](const char *name, const QString &text) { m_values.value(QString::fromLatin1(name))->setText(text); };
        const QString unknown = tr("unknown");
        set("osValue", facts.operatingSystem.isEmpty() ? unknown : facts.operatingSystem);
        set("kernelValue", facts.architecture.isEmpty() ? facts.kernel : tr("%1 (%2)").arg(facts.kernel, facts.architecture));
        set("cpuValue", facts.cpuCount > 0 ? QString::number(facts.cpuCount) : unknown);
        set("memoryValue", facts.memoryBytes > 0 ? formatBytes(facts.memoryBytes) : unknown);
        set("pythonValue", facts.python.isEmpty() ? tr("python3 not found") : facts.python);
        set("gpuValue", facts.gpus.isEmpty() ? tr("none found") : facts.gpus.join(QLatin1Char('\n')));
        set("runsRootValue", facts.runsRoot);
        set("writableValue", facts.runsRootWritable ? tr("yes") : tr("no"));
        set("diskValue", facts.freeDiskBytes >= 0 ? formatBytes(facts.freeDiskBytes) : unknown);
        m_facts->show();
        const QStringList problems = facts.problems();
        if (!problems.isEmpty()) {
            m_problems->setText(tr("You can attach the machine, but runs will fail there until this is fixed:") + QLatin1Char('\n')
                                + problems.join(QLatin1Char('\n')));
            m_problems->show();
            m_problemIcon->show();
        }
        Q_EMIT completeChanged();
    }

    void showNothing()
    {
        m_probed = false;
        m_busy->hide();
        m_errorIcon->hide();
        m_status->hide();
        m_retryButton->hide();
        m_facts->hide();
        m_problems->hide();
        m_problemIcon->hide();
        Q_EMIT completeChanged();
    }

    AttachRemoteWizard *m_wizard;
    BusyIndicator *m_busy;
    QLabel *m_errorIcon;
    QLabel *m_status;
    QWidget *m_facts;
    QHash<QString, QLabel *> m_values;
    QLabel *m_problemIcon;
    QLabel *m_problems;
    QPushButton *m_retryButton;
    RemoteFacts m_result;
    bool m_probed = false;
    quint64 m_attempt = 0;
};

// What Finish will do; Finish attaches in a worker thread and closes the wizard when it worked.
class SummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SummaryPage(AttachRemoteWizard *wizard)
        : m_wizard(wizard)
        , m_form(new QFormLayout)
        , m_busy(new BusyIndicator)
        , m_errorIcon(iconLabel(QStyle::SP_MessageBoxCritical, this))
        , m_status(wrappedLabel())
        , m_note(noteLabel())
    {
        setTitle(tr("Summary"));
        setSubTitle(tr("Finish signs in once more, checks the machine and adds it to the workspace."));
        m_busy->setObjectName(QStringLiteral("attachBusy"));
        m_status->setObjectName(QStringLiteral("attachStatus"));
        m_note->setObjectName(QStringLiteral("summaryNote"));
        m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(m_errorIcon);
        statusRow->addWidget(m_status, 1);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(m_form);
        layout->addSpacing(8);
        layout->addWidget(m_note);
        layout->addStretch();
        layout->addWidget(m_busy);
        layout->addLayout(statusRow);
        m_busy->hide();
        m_errorIcon->hide();
        m_status->hide();
    }

    void initializePage() override
    {
        while (m_form->rowCount() > 0)
            m_form->removeRow(0);
        const RemoteMachineSettings settings = m_wizard->settings();
        const RemoteFacts facts = m_wizard->probedFacts();
        const auto addRow = [this](const QString &label, const QString &text, const char *name) {
            QLabel *value = valueLabel();
            value->setObjectName(QString::fromLatin1(name));
            value->setText(text);
            m_form->addRow(label, value);
        };
        addRow(tr("Name:"), m_wizard->targetName(), "summaryName");
        addRow(tr("Connection:"), settings.endpoint.displayName(), "summaryConnection");
        QString authentication = ComputeTarget::authenticationName(RemoteMachineSettings::methodKey(settings.method));
        if (settings.method == SshCredentials::Method::PrivateKey)
            authentication = tr("%1 (%2)").arg(authentication, QDir::toNativeSeparators(settings.privateKeyFile));
        addRow(tr("Authentication:"), authentication, "summaryAuthentication");
        addRow(tr("Host key:"), m_wizard->hostKeyDecision(), "summaryHostKey");
        addRow(tr("Runs folder:"), facts.runsRoot.isEmpty() ? settings.runsRoot : facts.runsRoot, "summaryRunsRoot");
        ComputeTarget described; // for the same "2 CPUs, 16 GB" as the Compute table
        facts.writeTo(described.properties);
        addRow(tr("Machine:"), QStringList{facts.operatingSystem, described.sizeFamily()}.join(QLatin1String(", ")),
               "summaryMachine");
        const QStringList problems = facts.problems();
        if (!problems.isEmpty())
            addRow(tr("Problems:"), problems.join(QLatin1Char('\n')), "summaryProblems");
        m_note->setText(settings.method == SshCredentials::Method::Agent
                            ? tr("Nothing secret is stored: the SSH agent signs in.")
                            : m_wizard->m_connectionPage->keychainNote());
        m_busy->hide();
        m_errorIcon->hide();
        m_status->hide();
    }

    void cleanupPage() override { ++m_attempt; }

    bool isComplete() const override { return !m_attaching; }

    bool validatePage() override
    {
        if (m_done)
            return true;
        if (!m_attaching)
            attach();
        return false;
    }

private:
    void attach()
    {
        Workspace *workspace = m_wizard->workspace();
        if (!workspace)
            return;
        const quint64 attempt = ++m_attempt;
        RemoteAttachRequest request;
        request.name = m_wizard->targetName();
        request.settings = m_wizard->settings();
        request.credentials = m_wizard->credentials();
        request.hostKeyPolicy = m_wizard->hostKeyPolicy();
        const QString location = workspace->location();
        m_errorIcon->hide();
        m_status->hide();
        m_busy->start(tr("Attaching %1…").arg(request.name));
        setAttaching(true);
        QtConcurrent::run([location, request] {
            AttachOutcome outcome;
            auto opened = Workspace::open(location);
            if (!opened) {
                outcome.error = plainError(opened.errorMessage());
                return outcome;
            }
            CredentialStore store;
            auto attached = RemoteMachine::attach(**opened, request, store);
            outcome.ok = attached.ok();
            if (attached)
                outcome.outcome = *attached;
            else
                outcome.error = attached.error();
            return outcome;
        }).then(this, [this, attempt](const AttachOutcome &outcome) {
            if (attempt != m_attempt)
                return;
            setAttaching(false);
            m_busy->hide();
            if (!outcome.ok) {
                m_errorIcon->show();
                m_status->setText(explain(outcome.error));
                m_status->show();
                return;
            }
            m_done = true;
            m_wizard->finishAttached(outcome.outcome);
        });
    }

    void setAttaching(bool attaching)
    {
        m_attaching = attaching;
        m_wizard->setAttaching(attaching);
        Q_EMIT completeChanged();
        if (attaching)
            m_wizard->button(QWizard::BackButton)->setEnabled(false);
    }

    AttachRemoteWizard *m_wizard;
    QFormLayout *m_form;
    BusyIndicator *m_busy;
    QLabel *m_errorIcon;
    QLabel *m_status;
    QLabel *m_note;
    bool m_attaching = false;
    bool m_done = false;
    quint64 m_attempt = 0;
};

} // namespace AttachRemote

AttachRemoteWizard::AttachRemoteWizard(Workspace *workspace, QWidget *parent)
    : QWizard(parent)
    , m_workspace(workspace)
    , m_connectionPage(new AttachRemote::ConnectionPage(this))
    , m_hostKeyPage(new AttachRemote::HostKeyPage(this))
    , m_probePage(new AttachRemote::ProbePage(this))
    , m_summaryPage(new AttachRemote::SummaryPage(this))
{
    setWindowTitle(tr("Attach Compute"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(KindPageId, new AttachRemote::KindPage);
    setPage(ConnectionPageId, m_connectionPage);
    setPage(HostKeyPageId, m_hostKeyPage);
    setPage(ProbePageId, m_probePage);
    setPage(SummaryPageId, m_summaryPage);
    setStartId(KindPageId);
    setMinimumSize(620, 520);
}

AttachRemoteWizard::~AttachRemoteWizard() = default;

QString AttachRemoteWizard::targetName() const
{
    return m_connectionPage->targetName();
}

RemoteMachineSettings AttachRemoteWizard::settings() const
{
    return m_connectionPage->settings();
}

SshCredentials AttachRemoteWizard::credentials() const
{
    return m_connectionPage->credentials();
}

SshHostKeyPolicy AttachRemoteWizard::hostKeyPolicy() const
{
    return m_hostKeyPage->policy();
}

QString AttachRemoteWizard::hostKeyDecision() const
{
    return m_hostKeyPage->fingerprint() + QLatin1Char('\n') + m_hostKeyPage->decision();
}

RemoteFacts AttachRemoteWizard::probedFacts() const
{
    return m_probePage->facts();
}

void AttachRemoteWizard::done(int result)
{
    if (m_attaching && result == QDialog::Rejected)
        return;
    QWizard::done(result);
}

void AttachRemoteWizard::setAttaching(bool attaching)
{
    m_attaching = attaching;
    button(QWizard::CancelButton)->setEnabled(!attaching);
}

void AttachRemoteWizard::finishAttached(const RemoteAttachOutcome &outcome)
{
    m_outcome = outcome;
    Q_EMIT attached(outcome);
    accept();
}

} // namespace Trainyard

#include "attachremotewizard.moc"
