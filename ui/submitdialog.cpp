#include "submitdialog.h"
#include "ui_submitdialog.h"

#include "projectfolder.h"
#include "runconfigurationeditor.h"
#include "runconfigurationfile.h"
#include "runstore.h"
#include "workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QtConcurrent>

namespace Trainyard {

namespace {

// The combo entry that asks for a run configuration file anywhere.
constexpr int OtherFileRole = Qt::UserRole + 1;

QString joinErrors(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &finding : findings) {
        if (finding.isError())
            lines << finding.toString();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

SubmitDialog::SubmitDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SubmitDialog>())
    , m_workspace(workspace)
    , m_watcher(new QFutureWatcher<Submission>(this))
{
    ui->setupUi(this);
    m_submitButton = ui->buttonBox->addButton(tr("&Submit"), QDialogButtonBox::AcceptRole);
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    m_submitButton->setIcon(QIcon(QStringLiteral(":/icons/submit.svg")));
    m_submitButton->setDefault(true);

    ui->introLabel->setForegroundRole(QPalette::PlaceholderText);
    ui->configurationSummaryLabel->setForegroundRole(QPalette::PlaceholderText);
    ui->argumentsHintLabel->setForegroundRole(QPalette::PlaceholderText);
    QPalette errorPalette = ui->messageLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc5, 0x0f, 0x1f));
    ui->messageLabel->setPalette(errorPalette);
    ui->messageLabel->hide();
    ui->progressRow->hide();
    ui->argumentsEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ui->argumentsEdit->setFixedHeight(ui->argumentsEdit->fontMetrics().lineSpacing() * 6 + 12);
    ui->experimentCombo->lineEdit()->setPlaceholderText(tr("The experiment named in config.json, else the folder's name"));
    ui->experimentCombo->lineEdit()->setClearButtonEnabled(true);

    fillExperiments();

    connect(ui->projectEdit, &QLineEdit::textChanged, this, &SubmitDialog::projectFolderChanged);
    connect(ui->browseButton, &QPushButton::clicked, this, &SubmitDialog::browse);
    connect(ui->runConfigurationCombo, &QComboBox::activated, this, &SubmitDialog::runConfigurationChosen);
    connect(ui->runConfigurationCombo, &QComboBox::currentIndexChanged, this, &SubmitDialog::loadRunConfiguration);
    connect(ui->experimentCombo->lineEdit(), &QLineEdit::textEdited, this, [this] { m_experimentEdited = true; });
    connect(ui->experimentCombo, &QComboBox::editTextChanged, this, [this] {
        m_submitError.clear();
        updateState();
    });
    connect(ui->scriptEdit, &QLineEdit::textChanged, this, [this] {
        m_submitError.clear();
        updateState();
    });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &SubmitDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &SubmitDialog::reject);
    connect(m_watcher, &QFutureWatcher<Submission>::finished, this, &SubmitDialog::finishSubmit);

    updateState();
}

SubmitDialog::~SubmitDialog() = default;

void SubmitDialog::setProjectFolder(const QString &folder)
{
    ui->projectEdit->setText(QDir::toNativeSeparators(folder));
}

QString SubmitDialog::projectFolder() const
{
    const QString text = ui->projectEdit->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

void SubmitDialog::setRunConfiguration(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QComboBox *combo = ui->runConfigurationCombo;
    int index = combo->findData(absolute);
    if (index < 0) {
        index = combo->count() - 1; // before "Other file…"
        combo->insertItem(index, QDir::toNativeSeparators(absolute), absolute);
    }
    combo->setCurrentIndex(index);
    m_lastConfigurationIndex = index;
}

QString SubmitDialog::runConfigurationPath() const
{
    return ui->runConfigurationCombo->currentData().toString();
}

void SubmitDialog::setExperiment(const QString &name)
{
    ui->experimentCombo->setEditText(name);
    m_experimentEdited = true;
}

QString SubmitDialog::experiment() const
{
    return ui->experimentCombo->currentText().trimmed();
}

QStringList SubmitDialog::argumentLines() const
{
    QStringList arguments;
    const QStringList lines = ui->argumentsEdit->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            arguments << line;
    }
    return arguments;
}

SubmitRequest SubmitDialog::request() const
{
    SubmitRequest request;
    request.experiment = experiment();
    request.sourceDirectory = projectFolder();
    request.runConfiguration = runConfigurationPath();
    request.script = ui->scriptEdit->text().trimmed();
    // Unchanged arguments stay as the run configuration writes them (numbers as numbers).
    const QStringList arguments = argumentLines();
    if (arguments != m_configurationArguments)
        request.arguments = arguments;
    return request;
}

bool SubmitDialog::canSubmit() const
{
    return !m_submitting && messageText().isEmpty();
}

QString SubmitDialog::messageText() const
{
    if (!m_submitError.isEmpty())
        return m_submitError;
    const QString folder = projectFolder();
    if (folder.isEmpty())
        return tr("Choose the project folder to submit.");
    if (!QFileInfo(folder).isDir())
        return tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder));
    if (runConfigurationPath().isEmpty())
        return tr("The folder has no run configuration in .azureml or aml_config: choose one with “Other file…”, or "
                  "create one with File ▸ Open Project Folder.");
    if (!experiment().isEmpty())
        return RunStore::validateExperimentName(experiment());
    return {};
}

void SubmitDialog::updateState()
{
    const QString message = messageText();
    // An empty folder field is the starting point, not an error worth red text.
    const bool show = !message.isEmpty() && !(projectFolder().isEmpty() && m_submitError.isEmpty());
    ui->messageLabel->setText(message);
    ui->messageLabel->setVisible(show);
    m_submitButton->setEnabled(canSubmit());
}

void SubmitDialog::browse()
{
    const QString start = projectFolder().isEmpty() ? QDir::homePath() : projectFolder();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose Project Folder"), start);
    if (!folder.isEmpty())
        setProjectFolder(folder);
}

void SubmitDialog::projectFolderChanged()
{
    m_submitError.clear();
    const QString folder = projectFolder();
    if (folder != m_folder) {
        m_folder = folder;
        fillRunConfigurations();
        if (!m_experimentEdited)
            ui->experimentCombo->setEditText(defaultExperiment());
    }
    updateState();
}

QString SubmitDialog::defaultExperiment() const
{
    if (!QFileInfo(m_folder).isDir())
        return {};
    const QString named = ProjectFolder::experimentName(m_folder);
    return named.isEmpty() ? QFileInfo(m_folder).fileName() : named;
}

void SubmitDialog::fillRunConfigurations()
{
    QComboBox *combo = ui->runConfigurationCombo;
    const QString previous = QFileInfo(runConfigurationPath()).fileName();
    const QSignalBlocker blocker(combo);
    combo->clear();
    const QStringList files = QFileInfo(m_folder).isDir() ? ProjectFolder::runConfigurations(m_folder) : QStringList();
    const QDir project(m_folder);
    // The one chosen before (in another folder, a file of the same name), else "local".
    int same = -1;
    int local = -1;
    for (const QString &file : files) {
        const QFileInfo info(file);
        //: %1 the configuration's name (its target, usually), %2 its file in the project
        combo->addItem(tr("%1 — %2").arg(info.completeBaseName(), QDir::toNativeSeparators(project.relativeFilePath(file))), file);
        if (same < 0 && info.fileName() == previous)
            same = combo->count() - 1;
        if (local < 0 && info.completeBaseName() == QLatin1String("local"))
            local = combo->count() - 1;
    }
    const int preferred = same >= 0 ? same : local;
    combo->addItem(tr("Other file…"));
    combo->setItemData(combo->count() - 1, true, OtherFileRole);
    combo->setCurrentIndex(files.isEmpty() ? -1 : std::max(preferred, 0));
    m_lastConfigurationIndex = combo->currentIndex();
    loadRunConfiguration();
}

void SubmitDialog::runConfigurationChosen(int index)
{
    QComboBox *combo = ui->runConfigurationCombo;
    if (!combo->itemData(index, OtherFileRole).toBool()) {
        m_lastConfigurationIndex = index;
        return;
    }
    const QString start = m_folder.isEmpty() ? QDir::homePath() : m_folder;
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose Run Configuration"), start,
                                                      RunConfigurationEditor::fileFilter());
    if (path.isEmpty()) {
        combo->setCurrentIndex(m_lastConfigurationIndex);
        return;
    }
    setRunConfiguration(path);
}

void SubmitDialog::loadRunConfiguration()
{
    m_submitError.clear();
    const QString path = runConfigurationPath();
    if (path == m_shownConfiguration) {
        updateState();
        return;
    }
    m_shownConfiguration = path;
    m_configurationArguments.clear();
    ui->scriptEdit->setPlaceholderText(tr("The script the run configuration names"));
    if (path.isEmpty()) {
        ui->configurationSummaryLabel->clear();
        ui->argumentsEdit->clear();
        updateState();
        return;
    }
    // A small local file: read here, on the spot.
    const RunConfigurationFile::Loaded loaded = RunConfigurationFile::load(path);
    if (!loaded.configuration) {
        ui->configurationSummaryLabel->setText(tr("This file cannot be read as a run configuration:\n%1").arg(joinErrors(loaded.findings)));
        ui->argumentsEdit->clear();
        updateState();
        return;
    }
    const RunConfiguration &configuration = *loaded.configuration;
    const QString script = configuration.script.value_or(QString());
    const QString target = configuration.target.value_or(QString::fromLatin1(ComputeTarget::LocalName));
    m_configurationArguments = configuration.argumentList();
    ui->argumentsEdit->setPlainText(m_configurationArguments.join(QLatin1Char('\n')));
    if (!script.isEmpty())
        ui->scriptEdit->setPlaceholderText(tr("%1 (from the run configuration)").arg(script));
    QString summary = script.isEmpty() ? tr("Runs on the compute target “%1”; the configuration names no script.").arg(target)
                                       : tr("Runs %1 on the compute target “%2”.").arg(script, target);
    if (configuration.userManagedDependencies() && !configuration.interpreterPath().isEmpty())
        summary += QLatin1Char(' ') + tr("Python: %1.").arg(configuration.interpreterPath());
    if (hasErrors(loaded.findings))
        summary += QLatin1Char('\n') + tr("The file has errors; Submit lists them.");
    ui->configurationSummaryLabel->setText(summary);
    updateState();
}

void SubmitDialog::fillExperiments()
{
    if (!m_workspace)
        return;
    const auto experiments = RunStore(*m_workspace).experiments();
    if (!experiments)
        return;
    const QString text = ui->experimentCombo->currentText();
    for (const ExperimentSummary &summary : *experiments)
        ui->experimentCombo->addItem(summary.name);
    ui->experimentCombo->setEditText(text);
}

void SubmitDialog::submit()
{
    if (!canSubmit() || !m_workspace)
        return;
    const SubmitRequest request = this->request();
    const QString location = m_workspace->location();
    setSubmitting(true);
    // The dialog stays open while submitting (reject() waits), so the worker may post to it.
    auto progress = [this](qint64 sent, qint64 total) {
        QMetaObject::invokeMethod(this, [this, sent, total] { showUploadProgress(sent, total); }, Qt::QueuedConnection);
    };
    m_watcher->setFuture(QtConcurrent::run(&SubmitDialog::runSubmit, location, request, progress));
}

// A run on a remote machine uploads the project's new contents first: the bar shows how far.
void SubmitDialog::showUploadProgress(qint64 sent, qint64 total)
{
    if (!m_submitting || total <= 0)
        return;
    ui->progressBar->setRange(0, 1000);
    ui->progressBar->setValue(int(1000 * sent / total));
    const QLocale locale;
    ui->progressLabel->setText(tr("Uploading the snapshot: %1 of %2…")
                                   .arg(locale.formattedDataSize(sent), locale.formattedDataSize(total)));
}

// Runs on a pool thread with a connection of its own: a Workspace belongs to the thread that opened it.
SubmitDialog::Submission SubmitDialog::runSubmit(const QString &workspaceLocation, const SubmitRequest &request,
                                                 const std::function<void(qint64, qint64)> &uploadProgress)
{
    Submission submission;
    auto workspace = Workspace::open(workspaceLocation);
    if (!workspace) {
        submission.error = workspace.errorMessage();
        return submission;
    }
    RunSubmitter submitter(**workspace);
    submitter.setUploadProgress(uploadProgress);
    auto outcome = submitter.submit(request);
    if (!outcome) {
        submission.error = outcome.errorMessage();
        return submission;
    }
    submission.ok = true;
    submission.outcome = std::move(outcome).value();
    return submission;
}

void SubmitDialog::finishSubmit()
{
    const Submission submission = m_watcher->result();
    setSubmitting(false);
    if (!submission.ok) {
        m_submitError = submission.error;
        updateState();
        return;
    }
    m_warnings = submission.outcome.warnings;
    Q_EMIT submitted(submission.outcome.run.id);
    accept();
}

void SubmitDialog::setSubmitting(bool submitting)
{
    m_submitting = submitting;
    if (submitting) {
        m_submitError.clear();
        ui->progressBar->setRange(0, 0);
        ui->progressLabel->setText(tr("Taking a snapshot of the project and starting the run…"));
    }
    ui->progressRow->setVisible(submitting);
    for (QWidget *widget : {static_cast<QWidget *>(ui->projectEdit), static_cast<QWidget *>(ui->browseButton),
                            static_cast<QWidget *>(ui->runConfigurationCombo), static_cast<QWidget *>(ui->experimentCombo),
                            static_cast<QWidget *>(ui->scriptEdit), static_cast<QWidget *>(ui->argumentsEdit)})
        widget->setEnabled(!submitting);
    if (QPushButton *cancel = ui->buttonBox->button(QDialogButtonBox::Cancel))
        cancel->setEnabled(!submitting);
    updateState();
}

void SubmitDialog::reject()
{
    if (m_submitting)
        return;
    QDialog::reject();
}

} // namespace Trainyard
