#pragma once

#include "finding.h"
#include "runconfiguration.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTimer;

namespace Trainyard {

namespace Ui {
class RunConfigurationEditor;
}

class ComputeTargetModel;
class FindingModel;
class Workspace;
class YamlEditor;

// An editor window for one run configuration file: a form for the common keys and the YAML text
// side by side, kept in step while either is edited, with the file's findings (parse and
// validation results) under both. Keys the form does not show are kept as they are.
class RunConfigurationEditor : public QMainWindow
{
    Q_OBJECT

public:
    // How long typing in the text pauses before the text is read again.
    static constexpr int ParseDelayMs = 250;

    explicit RunConfigurationEditor(Workspace *workspace, QWidget *parent = nullptr);
    ~RunConfigurationEditor() override;

    // The workspace whose compute targets the target box offers and the validator checks
    // against; may be null (then any target name passes with a warning).
    void setWorkspace(Workspace *workspace);
    Workspace *workspace() const { return m_workspace; }
    // Re-reads the workspace's compute targets, keeping the target shown.
    void reloadTargets();

    // The folder the script and the conda file are relative to. Opening a file outside it makes
    // the file's project (the folder holding .azureml/ or aml_config/) the project folder.
    void setProjectFolder(const QString &folder);
    QString projectFolder() const { return m_projectFolder; }
    QString filePath() const { return m_filePath; }

    // Loads a file; shows a message and returns false when it cannot be read. A file with errors
    // opens, with its findings listed.
    bool openFile(const QString &path);
    // Replaces the document with an untitled template for this workstation.
    void newFromTemplate();
    // Saves to filePath(), or asks for a file name when the document is untitled.
    bool save();
    // Saves to `path`, which becomes the document's file.
    bool saveAs(const QString &path);

    QString yamlText() const;
    // The configuration the form shows: the last text that could be read, with the form's changes.
    RunConfiguration configuration() const { return m_configuration; }
    QList<Finding> findings() const;
    YamlEditor *yamlEditor() const;
    // Reads the text now instead of after the typing pause (for tests and before saving).
    void flushPendingEdits();

    // The file dialog filter for run configuration files.
    static QString fileFilter();
    // The run configurations of a project folder (in .azureml/ and aml_config/), relative to it.
    static QStringList projectRunConfigurations(const QString &folder);

Q_SIGNALS:
    // The Submit action, after saving: submit this file's project with this file.
    void submitRequested(const QString &filePath);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpForm();
    void alignFormLabels();
    void loadDocument(const QString &text);
    void analyzeText(bool updateForm);
    void changeFromForm(const std::function<void(RunConfiguration &)> &change);
    void populateForm();
    void updateFormState();
    void applyVariables();
    void addVariable();
    void removeVariables();
    void browseForFile(QLineEdit *edit, const QString &title, const QString &filter);
    void showFindings(const QList<Finding> &findings);
    void goToFinding(const QModelIndex &index);
    QByteArray generatedText(const RunConfiguration &configuration) const;
    bool writeFile(const QString &path);
    bool maybeSave();
    bool askSaveAs();
    void askOpen();
    void askNew();
    void revert();
    void updateTitle();
    void updateActions();

    std::unique_ptr<Ui::RunConfigurationEditor> ui;
    Workspace *m_workspace;
    ComputeTargetModel *m_targets;
    FindingModel *m_findings;
    QSortFilterProxyModel *m_findingsProxy;
    QTimer *m_parseTimer;
    QLabel *m_summaryLabel;
    QLabel *m_projectLabel;
    QString m_filePath;
    QString m_projectFolder;
    // The last configuration read from the text, with the form's changes since.
    RunConfiguration m_configuration;
    bool m_textParses = false;     // the current text reads as a configuration without errors
    bool m_textIsSource = true;    // the last change was typed in the text (or is the file as opened)
    bool m_settingText = false;    // the form is writing the text: not a text edit
    bool m_populatingForm = false; // the text is writing the form: not a form edit
};

} // namespace Trainyard
