#pragma once

#include "remotemachine.h"

#include <QList>
#include <QWidget>

#include <memory>
#include <utility>

namespace Trainyard {

namespace Ui {
class SshConnectionForm;
}

// The SSH connection fields the compute wizards share (Attach Compute for a remote machine or a
// Slurm login node, New Compute Cluster for a login node): host, port, user, runs folder, the
// authentication method with its secret and, for a Slurm login node, the environment the Slurm
// commands need there. The password and passphrase leave the form only through credentials();
// the wizards hand them to the core, which keeps them in the keychain.
class SshConnectionForm : public QWidget
{
    Q_OBJECT

public:
    using Environment = QList<std::pair<QString, QString>>;

    explicit SshConnectionForm(QWidget *parent = nullptr);
    ~SshConnectionForm() override;

    // A Slurm login node: shows the Slurm environment field, and says the runs folder must be shared
    // with the nodes. Off by default (a remote machine).
    void setSlurmLoginNode(bool loginNode);
    bool isSlurmLoginNode() const { return m_loginNode; }

    // Everything needed is filled in and valid.
    bool isComplete() const;
    RemoteMachineSettings settings() const;
    SshCredentials credentials() const;
    // The NAME=VALUE lines of the Slurm environment field (empty for a remote machine).
    Environment slurmEnvironment() const;

    // The line about where secrets go, as shown (it says so when there is no keychain).
    QString keychainNote() const;
    // Asks the keychain whether it answers, and words the note after it. Can take a moment: call it
    // once the page shows.
    void updateKeychainNote();

    // The first field, for the tab order of a page that puts fields before the form.
    QWidget *firstField() const;
    // The width of the labels' column (the rows shown), for a page that lines its own fields up with the form's.
    int labelColumnWidth() const;

Q_SIGNALS:
    // Any field changed (isComplete() may have changed).
    void changed();
    // The user typed in the host field (not a programmatic change).
    void hostEdited(const QString &host);

private:
    SshCredentials::Method method() const;
    QString keyProblem() const;
    QString environmentProblem() const;
    void updateProblems();
    void updateMethod();
    void browseKeyFile();

    std::unique_ptr<Ui::SshConnectionForm> ui;
    bool m_loginNode = false;
};

} // namespace Trainyard
