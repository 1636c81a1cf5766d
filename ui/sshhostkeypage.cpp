#include "sshhostkeypage.h"

#include "busyindicator.h"
#include "remotemachine.h"
#include "sshconnectionform.h"
#include "wizardlabels.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QFuture>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QWizard>
#include <QtConcurrent>

namespace Trainyard {

namespace {

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

// What the worker hands back; default-constructible, as QFuture wants.
struct ConnectOutcome
{
    bool ok = false;
    SshError error;
    SshHostKey hostKey;
};

} // namespace

SshHostKeyPage::SshHostKeyPage(const SshConnectionForm *form, QWidget *parent)
    : QWizardPage(parent)
    , m_form(form)
    , m_busy(new BusyIndicator)
    , m_headline(WizardLabels::wrapped())
    , m_status(WizardLabels::wrapped())
    , m_warningIcon(WizardLabels::icon(QStyle::SP_MessageBoxWarning, this))
    , m_keyBox(new QWidget)
    , m_hostValue(WizardLabels::value())
    , m_typeValue(WizardLabels::value())
    , m_fingerprintLabel(new QLabel)
    , m_fingerprintValue(WizardLabels::fingerprint(QStringLiteral("fingerprintLabel")))
    , m_previousLabel(new QLabel(tr("Trusted before:")))
    , m_previousValue(WizardLabels::fingerprint(QStringLiteral("previousFingerprintLabel")))
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
    connect(m_retryButton, &QPushButton::clicked, this, &SshHostKeyPage::connectToHost);
    setState(State::Idle);
}

void SshHostKeyPage::initializePage()
{
    connectToHost();
}

void SshHostKeyPage::cleanupPage()
{
    ++m_attempt; // a result still on its way is dropped
    setState(State::Idle);
}

bool SshHostKeyPage::isComplete() const
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

SshHostKeyPolicy SshHostKeyPage::policy() const
{
    if (m_state == State::Unknown && m_trustButton->isChecked())
        return SshHostKeyPolicy::acceptAndRemember(m_key.fingerprint);
    if (m_state == State::Unknown && m_onceButton->isChecked())
        return SshHostKeyPolicy::acceptOnce(m_key.fingerprint);
    if (m_state == State::Changed && m_replaceButton->isChecked())
        return SshHostKeyPolicy::replaceChanged(m_key.fingerprint);
    return SshHostKeyPolicy::requireKnown();
}

QString SshHostKeyPage::decision() const
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

bool SshHostKeyPage::isSignInProblem(const SshError &error)
{
    using K = SshError::Kind;
    const K kind = error.kind;
    return kind == K::AuthenticationDenied || kind == K::AuthenticationMethodUnavailable || kind == K::KeyFileMissing
        || kind == K::KeyFileInvalid || kind == K::PassphraseRequired || kind == K::PassphraseWrong
        || kind == K::AgentUnavailable;
}

QString SshHostKeyPage::explain(const SshError &error)
{
    if (isSignInProblem(error))
        return error.message + QLatin1Char('\n') + tr("Go Back to the connection page to correct the sign-in settings.");
    if (error.isTransient())
        return error.message + QLatin1Char('\n') + tr("Check the address and the port (go Back), or try again.");
    return error.message;
}

void SshHostKeyPage::connectToHost()
{
    const quint64 attempt = ++m_attempt;
    const RemoteMachineSettings settings = m_form->settings();
    const SshCredentials credentials = m_form->credentials();
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
    }).then(this, [this, attempt, hostName = hostAndPort(settings.endpoint)](const ConnectOutcome &outcome) {
        if (attempt == m_attempt)
            showOutcome(hostName, outcome.ok, outcome.error, outcome.hostKey);
    });
}

void SshHostKeyPage::showOutcome(const QString &hostName, bool ok, const SshError &error, const SshHostKey &presented)
{
    const SshHostKey key = error.hostKey.isNull() ? presented : error.hostKey;
    const bool sameKeyAsBefore = !m_key.isNull() && m_key.sameKey(key);
    m_key = key;
    m_hostValue->setText(hostName);
    m_typeValue->setText(key.type);
    m_fingerprintValue->setText(key.fingerprint);

    if (ok) {
        setState(State::Known);
        m_status->setText(tr("The host key of %1 is already trusted. Trainyard signed in.").arg(hostName));
        // Nothing to decide: on to the next page.
        if (wizard() && wizard()->currentPage() == this)
            wizard()->next();
        return;
    }
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
        m_retryButton->setVisible(!isSignInProblem(error)); // the same password would fail again
        break;
    }
}

void SshHostKeyPage::setState(State state)
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

} // namespace Trainyard
