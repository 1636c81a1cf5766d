#pragma once

#include "sshhostkey.h"
#include "sshhostkeypolicy.h"

#include <QWizardPage>

class QLabel;
class QPushButton;
class QRadioButton;
class QWidget;

namespace Trainyard {

class BusyIndicator;
class SshConnectionForm;
struct SshError;

// The host key step of the wizards that reach a host over SSH. It connects (in a worker thread,
// with a session of its own) with the key required to be known: a known key and working
// credentials move on at once; an unknown key stops here for the decision (trust and remember,
// connect once, or do not connect; the SHA256 fingerprint shown), a changed or other-type key for
// an explicit replacement (not connecting is the default). No credential is sent to a host whose
// key is not trusted, and nothing is written here: the decision, as policy(), is remembered by
// whatever Finish does with it. A result that arrives after the user went Back is dropped.
class SshHostKeyPage : public QWizardPage
{
    Q_OBJECT

public:
    enum class State { Idle, Connecting, Known, Unknown, Changed, Failed };

    // The form (not owned) says where to connect and how to sign in.
    explicit SshHostKeyPage(const SshConnectionForm *form, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    // requireKnown while the key is known or nothing was decided.
    SshHostKeyPolicy policy() const;
    // A sentence about the decision.
    QString decision() const;
    QString fingerprint() const { return m_key.fingerprint; }

    // An SSH error for a person, with what to do about it (go Back to fix the sign-in, check the
    // address, try again).
    static QString explain(const SshError &error);
    // A sign-in problem: the same credentials would fail again.
    static bool isSignInProblem(const SshError &error);

private:
    void connectToHost();
    void showOutcome(const QString &hostName, bool ok, const SshError &error, const SshHostKey &presented);
    void setState(State state);

    const SshConnectionForm *m_form;
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

} // namespace Trainyard
