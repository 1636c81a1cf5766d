#pragma once

#include <functional>

#include "runsubmitter.h"

#include <QDialog>

#include <memory>

class QPushButton;
template<typename T>
class QFutureWatcher;

namespace Trainyard {

namespace Ui {
class SubmitDialog;
}

class Workspace;

// Submits a project folder as a run: the folder, one of its run configurations (or another
// file), the experiment (an existing one or a new name; by default config.json's or the folder's
// name), an optional script override and the arguments, one per line, filled in from the run
// configuration. Submitting snapshots the project, which takes a while: it runs in a worker
// thread on its own Workspace connection, with a busy indicator; errors stay in the dialog, and
// success closes it and emits submitted().
class SubmitDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SubmitDialog(Workspace *workspace, QWidget *parent = nullptr);
    ~SubmitDialog() override;

    void setProjectFolder(const QString &folder);
    QString projectFolder() const;
    // Selects a run configuration file (added to the list when it is not the project's).
    void setRunConfiguration(const QString &path);
    QString runConfigurationPath() const;
    void setExperiment(const QString &name);
    QString experiment() const;

    // What Submit sends with the form as it is.
    SubmitRequest request() const;
    bool canSubmit() const;
    bool isSubmitting() const { return m_submitting; }
    // The error of the last submit, or what keeps the form from being submitted.
    QString messageText() const;
    QPushButton *submitButton() const { return m_submitButton; }
    // The warnings the last successful submit gave.
    QList<Finding> warnings() const { return m_warnings; }

    // Starts submitting in the background; does nothing while a submit runs or the form is incomplete.
    void submit();

Q_SIGNALS:
    void submitted(const QString &runId);

protected:
    // A submit cannot be taken back once started: the dialog stays until it ends.
    void reject() override;

private:
    struct Submission
    {
        bool ok = false;
        SubmitOutcome outcome;
        QString error;
    };

    static Submission runSubmit(const QString &workspaceLocation, const SubmitRequest &request,
                                const std::function<void(qint64, qint64)> &uploadProgress);
    void showUploadProgress(qint64 sent, qint64 total);
    void finishSubmit();
    void projectFolderChanged();
    void fillRunConfigurations();
    void runConfigurationChosen(int index);
    void loadRunConfiguration();
    void fillExperiments();
    QString defaultExperiment() const;
    QStringList argumentLines() const;
    void browse();
    void setSubmitting(bool submitting);
    void updateState();

    std::unique_ptr<Ui::SubmitDialog> ui;
    Workspace *m_workspace;
    QPushButton *m_submitButton;
    QFutureWatcher<Submission> *m_watcher;
    QString m_folder;               // the folder the lists were filled for
    QString m_shownConfiguration;   // the file the script and arguments were filled from
    QStringList m_configurationArguments;
    int m_lastConfigurationIndex = -1;
    bool m_experimentEdited = false;
    bool m_submitting = false;
    QString m_submitError;
    QList<Finding> m_warnings;
};

} // namespace Trainyard
