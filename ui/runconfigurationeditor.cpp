#include "runconfigurationeditor.h"
#include "ui_runconfigurationeditor.h"

#include "computetargetmodel.h"
#include "findingmodel.h"
#include "modelroles.h"
#include "pathguard.h"
#include "runconfigurationfile.h"
#include "runconfigurationvalidator.h"
#include "workspace.h"
#include "yamldocument.h"
#include "yamleditor.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTextDocument>
#include <QTimer>

namespace Trainyard {

namespace {

using RC = RunConfiguration;

template<typename T>
T &ensure(std::optional<T> &value)
{
    if (!value)
        value.emplace();
    return *value;
}

RC::PythonSection &pythonSection(RC &c)
{
    return ensure(ensure(c.environment).python);
}

RC::DockerSection &dockerSection(RC &c)
{
    return ensure(ensure(c.environment).docker);
}

const RC::PythonSection *pythonOf(const RC &c)
{
    return c.environment && c.environment->python ? &*c.environment->python : nullptr;
}

const RC::DockerSection *dockerOf(const RC &c)
{
    return c.environment && c.environment->docker ? &*c.environment->docker : nullptr;
}

void markNull(RC &c, const QString &keyPath)
{
    if (!c.nullKeys.contains(keyPath)) {
        c.nullKeys.append(keyPath);
        c.nullKeys.sort();
    }
}

// A text key as a form field edits it: emptying a key that had a value leaves it written empty
// ("key:"), so the file keeps its shape; a key that was not there stays away until it gets text.
template<typename Value>
void assign(std::optional<Value> &field, RC &c, const QString &keyPath, const Value &value, bool empty)
{
    if (empty) {
        if (!field)
            return;
        field.reset();
        markNull(c, keyPath);
        return;
    }
    field = value;
    c.nullKeys.removeAll(keyPath);
}

QString textOf(const std::optional<QString> &value)
{
    return value.value_or(QString());
}

QStringList commaSeparated(const QString &text)
{
    QStringList items;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &part : parts) {
        if (const QString item = part.trimmed(); !item.isEmpty())
            items << item;
    }
    return items;
}

QStringList argumentLines(const QString &text)
{
    QStringList lines;
    const QStringList parts = text.split(QLatin1Char('\n'));
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            lines << part;
    }
    return lines;
}

bool isJsonPath(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

// The project a run configuration file belongs to: the folder above .azureml/ or aml_config/,
// else the file's own folder.
QString projectFolderOf(const QString &filePath)
{
    QDir dir = QFileInfo(filePath).absoluteDir();
    if (dir.dirName() == QLatin1String(".azureml") || dir.dirName() == QLatin1String("aml_config"))
        dir.cdUp();
    return dir.absolutePath();
}

Result<void> writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{RunConfigurationEditor::tr("Cannot write %1: %2.").arg(path, file.errorString())};
    file.write(bytes);
    if (!file.commit())
        return Error{RunConfigurationEditor::tr("Cannot write %1: %2.").arg(path, file.errorString())};
    return {};
}

} // namespace

RunConfigurationEditor::RunConfigurationEditor(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent, Qt::Window)
    , ui(std::make_unique<Ui::RunConfigurationEditor>())
    , m_workspace(workspace)
    , m_targets(new ComputeTargetModel(this))
    , m_findings(new FindingModel(this))
    , m_findingsProxy(new QSortFilterProxyModel(this))
    , m_parseTimer(new QTimer(this))
    , m_summaryLabel(new QLabel(this))
    , m_projectLabel(new QLabel(this))
{
    ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/trainyard.svg")));

    const struct {
        QAction *action;
        const char *themeIcon;
        QStyle::StandardPixmap fallback;
        QKeySequence::StandardKey key;
    } actions[] = {
        {ui->newAction, "document-new", QStyle::SP_FileIcon, QKeySequence::New},
        {ui->openAction, "document-open", QStyle::SP_DialogOpenButton, QKeySequence::Open},
        {ui->saveAction, "document-save", QStyle::SP_DialogSaveButton, QKeySequence::Save},
        {ui->saveAsAction, "document-save-as", QStyle::SP_DialogSaveButton, QKeySequence::SaveAs},
        {ui->revertAction, "document-revert", QStyle::SP_BrowserReload, QKeySequence::UnknownKey},
        {ui->closeAction, "window-close", QStyle::SP_DialogCloseButton, QKeySequence::Close},
    };
    for (const auto &entry : actions) {
        entry.action->setIcon(QIcon::fromTheme(QLatin1String(entry.themeIcon), style()->standardIcon(entry.fallback)));
        if (entry.key != QKeySequence::UnknownKey)
            entry.action->setShortcut(entry.key);
    }
    ui->toolBar->setIconSize(QSize(16, 16));
    connect(ui->newAction, &QAction::triggered, this, &RunConfigurationEditor::askNew);
    connect(ui->openAction, &QAction::triggered, this, &RunConfigurationEditor::askOpen);
    connect(ui->saveAction, &QAction::triggered, this, &RunConfigurationEditor::save);
    connect(ui->saveAsAction, &QAction::triggered, this, &RunConfigurationEditor::askSaveAs);
    connect(ui->revertAction, &QAction::triggered, this, &RunConfigurationEditor::revert);
    connect(ui->closeAction, &QAction::triggered, this, &QWidget::close);
    // Submit hands the saved file to the studio's Submit dialog.
    QAction *submitAction = ui->toolBar->addAction(QIcon(QStringLiteral(":/icons/submit.svg")), tr("Submit…"));
    submitAction->setObjectName(QStringLiteral("submitRunAction"));
    submitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    submitAction->setToolTip(tr("Save the file and submit its project as a run (Ctrl+Return)"));
    connect(submitAction, &QAction::triggered, this, [this] {
        if ((m_filePath.isEmpty() || isWindowModified()) && !save())
            return;
        Q_EMIT submitRequested(m_filePath);
    });

    // Findings in line order, as a person reads the file.
    m_findingsProxy->setSourceModel(m_findings);
    m_findingsProxy->setSortRole(SortRole);
    ui->findingsView->setModel(m_findingsProxy);
    ui->findingsView->sortByColumn(FindingModel::LineColumn, Qt::AscendingOrder);
    ui->findingsView->header()->setSectionResizeMode(FindingModel::SeverityColumn, QHeaderView::ResizeToContents);
    ui->findingsView->header()->setSectionResizeMode(FindingModel::LineColumn, QHeaderView::ResizeToContents);
    ui->findingsView->header()->setStretchLastSection(true);
    ui->findingsView->setIconSize(QSize(16, 16));
    connect(ui->findingsView, &QAbstractItemView::activated, this, &RunConfigurationEditor::goToFinding);
    connect(ui->findingsView, &QAbstractItemView::clicked, this, &RunConfigurationEditor::goToFinding);

    statusBar()->addPermanentWidget(m_summaryLabel);
    statusBar()->addPermanentWidget(m_projectLabel);
    m_projectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The text is read again once typing pauses.
    m_parseTimer->setSingleShot(true);
    m_parseTimer->setInterval(ParseDelayMs);
    connect(m_parseTimer, &QTimer::timeout, this, [this] { analyzeText(true); });
    connect(ui->yamlEditor, &QsciScintilla::textChanged, this, [this] {
        if (m_settingText)
            return;
        m_textIsSource = true;
        m_parseTimer->start();
    });
    connect(ui->yamlEditor, &QsciScintilla::modificationChanged, this, [this](bool modified) {
        setWindowModified(modified);
        updateActions();
    });

    setUpForm();

    ui->mainSplitter->setStretchFactor(0, 0);
    ui->mainSplitter->setStretchFactor(1, 1);
    ui->mainSplitter->setSizes({500, 700});
    ui->verticalSplitter->setStretchFactor(0, 1);
    ui->verticalSplitter->setStretchFactor(1, 0);
    ui->verticalSplitter->setSizes({620, 130});
    ui->findingsView->setMinimumHeight(ui->findingsView->fontMetrics().height() * 4);

    reloadTargets();
    setProjectFolder(QString());
    newFromTemplate();
}

RunConfigurationEditor::~RunConfigurationEditor() = default;

void RunConfigurationEditor::setUpForm()
{
    ui->frameworkCombo->addItems(RC::frameworkNames());
    ui->communicatorCombo->addItems(RC::communicatorNames());
    ui->targetCombo->setModel(m_targets);
    ui->targetCombo->setModelColumn(ComputeTargetModel::NameColumn);
    ui->targetCombo->lineEdit()->setPlaceholderText(QString::fromLatin1(ComputeTarget::LocalName));
    ui->scriptEdit->setPlaceholderText(QStringLiteral("train.py"));
    ui->interpreterEdit->setPlaceholderText(QStringLiteral("python"));
    ui->condaFileEdit->setPlaceholderText(QStringLiteral("conda_dependencies.yml"));
    ui->directoriesEdit->setPlaceholderText(QStringLiteral("logs"));

    // Room for five arguments; more scroll.
    const int margin = int(ui->argumentsEdit->document()->documentMargin());
    ui->argumentsEdit->setFixedHeight(ui->argumentsEdit->fontMetrics().lineSpacing() * 5 + 2 * margin
                                      + 2 * ui->argumentsEdit->frameWidth());
    ui->variablesTable->verticalHeader()->setDefaultSectionSize(ui->variablesTable->fontMetrics().height() + 8);
    ui->variablesTable->setFixedHeight(ui->variablesTable->horizontalHeader()->sizeHint().height()
                                       + ui->variablesTable->verticalHeader()->defaultSectionSize() * 3
                                       + 2 * ui->variablesTable->frameWidth());
    ui->variablesTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    ui->variablesTable->horizontalHeader()->setMinimumSectionSize(80);
    ui->formNoticeLabel->setWordWrap(true);
    ui->formNoticeLabel->setMargin(6);
    ui->formNoticeLabel->setAutoFillBackground(true);
    QPalette notice = ui->formNoticeLabel->palette();
    notice.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    notice.setColor(QPalette::WindowText, QColor(0x5c, 0x3c, 0x00));
    ui->formNoticeLabel->setPalette(notice);
    alignFormLabels();

    // Script.
    connect(ui->scriptEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        changeFromForm([script = text.trimmed()](RC &c) {
            if (textOf(c.script) != script)
                assign(c.script, c, QStringLiteral("script"), script, script.isEmpty());
        });
    });
    connect(ui->browseScriptButton, &QPushButton::clicked, this, [this] {
        browseForFile(ui->scriptEdit, tr("Choose Script"), tr("Python scripts (*.py);;All files (*)"));
    });
    connect(ui->argumentsEdit, &QPlainTextEdit::textChanged, this, [this] {
        changeFromForm([lines = argumentLines(ui->argumentsEdit->toPlainText())](RC &c) { c.setArgumentList(lines); });
    });

    // Compute.
    connect(ui->targetCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        changeFromForm([target = text.trimmed()](RC &c) {
            if (textOf(c.target) != target)
                assign(c.target, c, QStringLiteral("target"), target, target.isEmpty());
        });
    });
    connect(ui->frameworkCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        changeFromForm([framework = RC::frameworkFromName(text)](RC &c) {
            if (framework && c.effectiveFramework() != *framework)
                c.framework = framework;
        });
    });
    connect(ui->communicatorCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        changeFromForm([communicator = RC::communicatorFromName(text)](RC &c) {
            if (communicator && c.effectiveCommunicator() != *communicator)
                c.communicator = communicator;
        });
    });
    connect(ui->nodeCountSpin, &QSpinBox::valueChanged, this, [this](int nodes) {
        changeFromForm([nodes](RC &c) {
            if (c.effectiveNodeCount() != nodes)
                c.nodeCount = nodes;
        });
    });
    connect(ui->maxDurationSpin, &QSpinBox::valueChanged, this, [this](int seconds) {
        changeFromForm([seconds](RC &c) {
            if (c.maxRunDurationSeconds.value_or(0) != seconds)
                assign(c.maxRunDurationSeconds, c, QStringLiteral("maxRunDurationSeconds"), qint64(seconds), seconds == 0);
        });
    });

    // Environment.
    connect(ui->userManagedRadio, &QRadioButton::toggled, this, [this](bool userManaged) {
        updateFormState();
        changeFromForm([userManaged](RC &c) {
            if (c.userManagedDependencies() != userManaged)
                pythonSection(c).userManagedDependencies = userManaged;
        });
    });
    connect(ui->interpreterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        changeFromForm([path = text.trimmed()](RC &c) {
            const RC::PythonSection *python = pythonOf(c);
            if ((python ? textOf(python->interpreterPath) : QString()) != path)
                assign(pythonSection(c).interpreterPath, c, QStringLiteral("environment.python.interpreterPath"), path,
                       path.isEmpty());
        });
    });
    connect(ui->condaFileEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        changeFromForm([path = text.trimmed()](RC &c) {
            const RC::PythonSection *python = pythonOf(c);
            if ((python ? textOf(python->condaDependenciesFile) : QString()) != path)
                assign(pythonSection(c).condaDependenciesFile, c, QStringLiteral("environment.python.condaDependenciesFile"),
                       path, path.isEmpty());
        });
    });
    connect(ui->browseCondaButton, &QPushButton::clicked, this, [this] {
        browseForFile(ui->condaFileEdit, tr("Choose Conda Environment File"),
                      tr("Conda environment files (*.yml *.yaml);;All files (*)"));
    });
    connect(ui->variablesTable, &QTableWidget::itemChanged, this, &RunConfigurationEditor::applyVariables);
    connect(ui->variablesTable, &QTableWidget::itemSelectionChanged, this, &RunConfigurationEditor::updateFormState);
    connect(ui->addVariableButton, &QPushButton::clicked, this, &RunConfigurationEditor::addVariable);
    connect(ui->removeVariableButton, &QPushButton::clicked, this, &RunConfigurationEditor::removeVariables);

    // Docker.
    connect(ui->dockerEnabledCheck, &QCheckBox::toggled, this, [this](bool enabled) {
        updateFormState();
        changeFromForm([enabled](RC &c) {
            const RC::DockerSection *docker = dockerOf(c);
            if ((docker && docker->enabled.value_or(false)) != enabled)
                dockerSection(c).enabled = enabled;
        });
    });
    connect(ui->baseImageEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        changeFromForm([image = text.trimmed()](RC &c) {
            const RC::DockerSection *docker = dockerOf(c);
            if ((docker ? textOf(docker->baseImage) : QString()) != image)
                assign(dockerSection(c).baseImage, c, QStringLiteral("environment.docker.baseImage"), image, image.isEmpty());
        });
    });
    connect(ui->shmSizeEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        changeFromForm([size = text.trimmed()](RC &c) {
            const RC::DockerSection *docker = dockerOf(c);
            if ((docker ? textOf(docker->shmSize) : QString()) != size)
                assign(dockerSection(c).shmSize, c, QStringLiteral("environment.docker.shmSize"), size, size.isEmpty());
        });
    });
    connect(ui->sharedVolumesCheck, &QCheckBox::toggled, this, [this](bool shared) {
        changeFromForm([shared](RC &c) {
            const RC::DockerSection *docker = dockerOf(c);
            if ((docker ? docker->sharedVolumes.value_or(true) : true) != shared)
                dockerSection(c).sharedVolumes = shared;
        });
    });

    // History.
    connect(ui->outputCollectionCheck, &QCheckBox::toggled, this, [this](bool collect) {
        changeFromForm([collect](RC &c) {
            if ((c.history ? c.history->outputCollection.value_or(true) : true) != collect)
                ensure(c.history).outputCollection = collect;
        });
    });
    connect(ui->snapshotProjectCheck, &QCheckBox::toggled, this, [this](bool snapshot) {
        changeFromForm([snapshot](RC &c) {
            if ((c.history ? c.history->snapshotProject.value_or(true) : true) != snapshot)
                ensure(c.history).snapshotProject = snapshot;
        });
    });
    connect(ui->directoriesEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        changeFromForm([directories = commaSeparated(text)](RC &c) {
            const QStringList current = c.history ? c.history->directoriesToWatch.value_or(QStringList()) : QStringList();
            if (current != directories)
                assign(ensure(c.history).directoriesToWatch, c, QStringLiteral("history.directoriesToWatch"), directories,
                       directories.isEmpty());
        });
    });
}

void RunConfigurationEditor::alignFormLabels()
{
    // Every group has its own form layout; one label width for all lines their fields up.
    const auto layouts = ui->formContents->findChildren<QFormLayout *>();
    int width = 0;
    for (const QFormLayout *layout : layouts) {
        for (int row = 0; row < layout->rowCount(); ++row) {
            if (const QLayoutItem *label = layout->itemAt(row, QFormLayout::LabelRole); label && label->widget())
                width = std::max(width, label->widget()->sizeHint().width());
        }
    }
    for (QFormLayout *layout : layouts) {
        for (int row = 0; row < layout->rowCount(); ++row) {
            const QLayoutItem *item = layout->itemAt(row, QFormLayout::LabelRole);
            if (auto *label = item ? qobject_cast<QLabel *>(item->widget()) : nullptr) {
                label->setMinimumWidth(width);
                label->setAlignment((layout->labelAlignment() & Qt::AlignHorizontal_Mask) | (label->alignment() & Qt::AlignVertical_Mask));
            }
        }
    }
}

void RunConfigurationEditor::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    reloadTargets();
}

void RunConfigurationEditor::reloadTargets()
{
    QList<ComputeTarget> targets;
    if (m_workspace) {
        auto read = m_workspace->computeTargets();
        if (!read) {
            statusBar()->showMessage(read.errorMessage(), 8000);
            return;
        }
        targets = *read;
    }
    // The target box keeps its text while the list under it changes.
    const QSignalBlocker blocker(ui->targetCombo);
    const QString shown = ui->targetCombo->currentText();
    m_targets->setTargets(targets);
    ui->targetCombo->setCurrentIndex(m_targets->rowOf(shown));
    ui->targetCombo->setEditText(shown);
    analyzeText(false);
}

void RunConfigurationEditor::setProjectFolder(const QString &folder)
{
    m_projectFolder = folder.isEmpty() ? QString() : QDir(folder).absolutePath();
    if (m_projectFolder.isEmpty()) {
        m_projectLabel->setText(tr("No project folder"));
        m_projectLabel->setToolTip(tr("Save the run configuration in a project folder (or open one) to check the files it names."));
    } else {
        m_projectLabel->setText(tr("Project: %1").arg(QDir::toNativeSeparators(m_projectFolder)));
        m_projectLabel->setToolTip(tr("The script and the conda file are relative to this folder."));
    }
    analyzeText(false);
}

bool RunConfigurationEditor::openFile(const QString &path)
{
    const auto text = YamlDocument::readFile(path);
    if (!text) {
        QMessageBox::warning(this, tr("Cannot Open Run Configuration"), text.errorMessage());
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    if (m_projectFolder.isEmpty() || !PathGuard::isInside(m_projectFolder, m_filePath))
        setProjectFolder(projectFolderOf(m_filePath));
    loadDocument(QString::fromUtf8(*text));
    statusBar()->showMessage(tr("Opened %1.").arg(QDir::toNativeSeparators(m_filePath)), 5000);
    return true;
}

void RunConfigurationEditor::newFromTemplate()
{
    m_filePath.clear();
    loadDocument(QString::fromUtf8(
        RunConfigurationFile::toYaml(RC::makeTemplate(QString::fromLatin1(ComputeTarget::LocalName), QStringLiteral("train.py")))));
}

void RunConfigurationEditor::loadDocument(const QString &text)
{
    m_parseTimer->stop();
    m_configuration = RC();
    m_settingText = true;
    ui->yamlEditor->loadText(text);
    m_settingText = false;
    m_textIsSource = true;
    // The form starts from the defaults in case the text cannot be read.
    populateForm();
    analyzeText(true);
    updateTitle();
    updateActions();
}

QString RunConfigurationEditor::yamlText() const
{
    return ui->yamlEditor->text();
}

QList<Finding> RunConfigurationEditor::findings() const
{
    return m_findings->findings();
}

YamlEditor *RunConfigurationEditor::yamlEditor() const
{
    return ui->yamlEditor;
}

void RunConfigurationEditor::flushPendingEdits()
{
    if (m_parseTimer->isActive())
        analyzeText(true);
}

void RunConfigurationEditor::analyzeText(bool updateForm)
{
    // Findings may be refreshed while typing pauses (new targets, another project folder); the
    // form then still follows the text when the pause ends.
    if (updateForm)
        m_parseTimer->stop();
    const RunConfigurationFile::Loaded loaded = RunConfigurationFile::parse(yamlText().toUtf8(), m_filePath);
    m_textParses = loaded.configuration && !hasErrors(loaded.findings);

    QList<Finding> findings = loaded.findings;
    if (loaded.configuration) {
        RunConfigurationValidator::Context context;
        context.fileName = m_filePath;
        context.positions = loaded.positions;
        context.sourceDirectory = m_projectFolder;
        if (m_workspace)
            context.targets = m_targets->targets();
        findings += RunConfigurationValidator::validate(*loaded.configuration, context);
    }
    if (updateForm && m_textParses) {
        m_configuration = *loaded.configuration;
        populateForm();
    }
    ui->formNoticeLabel->setVisible(!m_textParses);
    showFindings(findings);
}

void RunConfigurationEditor::changeFromForm(const std::function<void(RunConfiguration &)> &change)
{
    if (m_populatingForm)
        return;
    RC changed = m_configuration;
    change(changed);
    if (changed == m_configuration)
        return;
    m_configuration = changed;
    m_textIsSource = false;
    // Edits typed just before are replaced by the text generated from the form.
    m_parseTimer->stop();
    m_settingText = true;
    ui->yamlEditor->replaceText(QString::fromUtf8(generatedText(m_configuration)));
    m_settingText = false;
    analyzeText(false);
}

void RunConfigurationEditor::populateForm()
{
    const RC &c = m_configuration;
    m_populatingForm = true;
    const QSignalBlocker blockers[] = {
        QSignalBlocker(ui->scriptEdit), QSignalBlocker(ui->argumentsEdit), QSignalBlocker(ui->targetCombo),
        QSignalBlocker(ui->frameworkCombo), QSignalBlocker(ui->communicatorCombo), QSignalBlocker(ui->nodeCountSpin),
        QSignalBlocker(ui->maxDurationSpin), QSignalBlocker(ui->userManagedRadio), QSignalBlocker(ui->condaRadio),
        QSignalBlocker(ui->interpreterEdit), QSignalBlocker(ui->condaFileEdit), QSignalBlocker(ui->variablesTable),
        QSignalBlocker(ui->dockerEnabledCheck), QSignalBlocker(ui->baseImageEdit), QSignalBlocker(ui->shmSizeEdit),
        QSignalBlocker(ui->sharedVolumesCheck), QSignalBlocker(ui->outputCollectionCheck),
        QSignalBlocker(ui->snapshotProjectCheck), QSignalBlocker(ui->directoriesEdit),
    };

    ui->scriptEdit->setText(textOf(c.script));
    // Rewriting an unchanged text would move the cursor of someone typing in it.
    if (argumentLines(ui->argumentsEdit->toPlainText()) != c.argumentList())
        ui->argumentsEdit->setPlainText(c.argumentList().join(QLatin1Char('\n')));

    const QString target = textOf(c.target);
    ui->targetCombo->setCurrentIndex(m_targets->rowOf(target));
    ui->targetCombo->setEditText(target);
    ui->frameworkCombo->setCurrentText(RC::frameworkName(c.effectiveFramework()));
    ui->communicatorCombo->setCurrentText(RC::communicatorName(c.effectiveCommunicator()));
    ui->nodeCountSpin->setValue(c.effectiveNodeCount());
    ui->maxDurationSpin->setValue(int(std::clamp<qint64>(c.maxRunDurationSeconds.value_or(0), 0, ui->maxDurationSpin->maximum())));

    const RC::PythonSection *python = pythonOf(c);
    (c.userManagedDependencies() ? ui->userManagedRadio : ui->condaRadio)->setChecked(true);
    ui->interpreterEdit->setText(python ? textOf(python->interpreterPath) : QString());
    ui->condaFileEdit->setText(python ? textOf(python->condaDependenciesFile) : QString());
    const auto variables = c.environment ? c.environment->environmentVariables.value_or(QMap<QString, QString>())
                                         : QMap<QString, QString>();
    ui->variablesTable->setRowCount(0);
    for (auto it = variables.cbegin(); it != variables.cend(); ++it) {
        const int row = ui->variablesTable->rowCount();
        ui->variablesTable->insertRow(row);
        ui->variablesTable->setItem(row, 0, new QTableWidgetItem(it.key()));
        ui->variablesTable->setItem(row, 1, new QTableWidgetItem(it.value()));
    }

    const RC::DockerSection *docker = dockerOf(c);
    ui->dockerEnabledCheck->setChecked(docker && docker->enabled.value_or(false));
    ui->baseImageEdit->setText(docker ? textOf(docker->baseImage) : QString());
    ui->shmSizeEdit->setText(docker ? textOf(docker->shmSize) : QString());
    ui->sharedVolumesCheck->setChecked(docker ? docker->sharedVolumes.value_or(true) : true);

    ui->outputCollectionCheck->setChecked(c.history ? c.history->outputCollection.value_or(true) : true);
    ui->snapshotProjectCheck->setChecked(c.history ? c.history->snapshotProject.value_or(true) : true);
    const QStringList directories = c.history ? c.history->directoriesToWatch.value_or(QStringList()) : QStringList();
    if (commaSeparated(ui->directoriesEdit->text()) != directories)
        ui->directoriesEdit->setText(directories.join(QLatin1String(", ")));

    m_populatingForm = false;
    updateFormState();
}

void RunConfigurationEditor::updateFormState()
{
    const bool userManaged = ui->userManagedRadio->isChecked();
    ui->interpreterEdit->setEnabled(userManaged);
    ui->condaFileEdit->setEnabled(!userManaged);
    ui->browseCondaButton->setEnabled(!userManaged);
    const bool docker = ui->dockerEnabledCheck->isChecked();
    ui->baseImageEdit->setEnabled(docker);
    ui->shmSizeEdit->setEnabled(docker);
    ui->sharedVolumesCheck->setEnabled(docker);
    ui->removeVariableButton->setEnabled(!ui->variablesTable->selectedItems().isEmpty());
}

void RunConfigurationEditor::applyVariables()
{
    QMap<QString, QString> variables;
    for (int row = 0; row < ui->variablesTable->rowCount(); ++row) {
        const QTableWidgetItem *name = ui->variablesTable->item(row, 0);
        const QTableWidgetItem *value = ui->variablesTable->item(row, 1);
        // A row without a name yet (just added) is not written.
        if (name && !name->text().trimmed().isEmpty())
            variables.insert(name->text().trimmed(), value ? value->text() : QString());
    }
    changeFromForm([variables](RC &c) {
        const auto current = c.environment ? c.environment->environmentVariables : std::nullopt;
        if (current.value_or(QMap<QString, QString>()) != variables)
            ensure(c.environment).environmentVariables = variables;
    });
}

void RunConfigurationEditor::addVariable()
{
    const int row = ui->variablesTable->rowCount();
    {
        const QSignalBlocker blocker(ui->variablesTable);
        ui->variablesTable->insertRow(row);
        ui->variablesTable->setItem(row, 0, new QTableWidgetItem());
        ui->variablesTable->setItem(row, 1, new QTableWidgetItem());
    }
    ui->variablesTable->setCurrentCell(row, 0);
    ui->variablesTable->editItem(ui->variablesTable->item(row, 0));
}

void RunConfigurationEditor::removeVariables()
{
    QList<int> rows;
    const auto selected = ui->variablesTable->selectedItems();
    for (const QTableWidgetItem *item : selected) {
        if (!rows.contains(item->row()))
            rows << item->row();
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows))
        ui->variablesTable->removeRow(row);
    applyVariables();
}

void RunConfigurationEditor::browseForFile(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString start = m_projectFolder.isEmpty() ? QDir::homePath() : QDir(m_projectFolder).filePath(edit->text());
    const QString chosen = QFileDialog::getOpenFileName(this, title, start, filter);
    if (chosen.isEmpty())
        return;
    // An untitled configuration gets its project from the first file chosen for it.
    if (m_projectFolder.isEmpty())
        setProjectFolder(QFileInfo(chosen).absolutePath());
    if (!PathGuard::isInside(m_projectFolder, chosen)) {
        QMessageBox::warning(this, tr("Outside the Project Folder"),
                             tr("“%1” is not inside the project folder %2. A run sees only the project folder's files: "
                                "copy the file there first.")
                                 .arg(QDir::toNativeSeparators(chosen), QDir::toNativeSeparators(m_projectFolder)));
        return;
    }
    const QString root = QFileInfo(m_projectFolder).canonicalFilePath();
    edit->setText(QDir(root).relativeFilePath(QFileInfo(chosen).canonicalFilePath()));
}

void RunConfigurationEditor::showFindings(const QList<Finding> &findings)
{
    ui->yamlEditor->setFindings(findings);
    m_findings->setFindings(findings);
    const int errors = m_findings->errorCount();
    const int warnings = m_findings->warningCount();
    if (errors == 0 && warnings == 0)
        m_summaryLabel->setText(tr("No problems found"));
    else if (warnings == 0)
        m_summaryLabel->setText(tr("%n error(s)", nullptr, errors));
    else if (errors == 0)
        m_summaryLabel->setText(tr("%n warning(s)", nullptr, warnings));
    else
        //: Status bar summary: "2 errors, 1 warning"
        m_summaryLabel->setText(tr("%1, %2").arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings)));
}

void RunConfigurationEditor::goToFinding(const QModelIndex &index)
{
    const int line = index.data(LineRole).toInt();
    if (line > 0)
        ui->yamlEditor->goToLine(line, std::max(1, index.data(ColumnRole).toInt()));
}

QByteArray RunConfigurationEditor::generatedText(const RunConfiguration &configuration) const
{
    return isJsonPath(m_filePath) ? RunConfigurationFile::toJson(configuration) : RunConfigurationFile::toYaml(configuration);
}

bool RunConfigurationEditor::save()
{
    if (m_filePath.isEmpty())
        return askSaveAs();
    return writeFile(m_filePath);
}

bool RunConfigurationEditor::saveAs(const QString &path)
{
    const QString previous = m_filePath;
    m_filePath = QFileInfo(path).absoluteFilePath();
    // A form-made text follows the new file's format (YAML or JSON).
    if (!m_textIsSource) {
        m_settingText = true;
        ui->yamlEditor->replaceText(QString::fromUtf8(generatedText(m_configuration)));
        m_settingText = false;
    }
    if (!writeFile(m_filePath)) {
        m_filePath = previous;
        return false;
    }
    if (m_projectFolder.isEmpty() || !PathGuard::isInside(m_projectFolder, m_filePath))
        setProjectFolder(projectFolderOf(m_filePath));
    updateTitle();
    return true;
}

bool RunConfigurationEditor::writeFile(const QString &path)
{
    flushPendingEdits();
    Result<void> written;
    if (!m_textIsSource && !isJsonPath(path)) {
        written = RunConfigurationFile::save(path, m_configuration);
    } else {
        // Typed text is saved as typed, comments and all.
        if (!m_textParses) {
            const auto answer = QMessageBox::warning(this, tr("Save Run Configuration"),
                                                     tr("The text has errors, so it cannot be read as a run configuration. "
                                                        "Save it as it is anyway?"),
                                                     QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer != QMessageBox::Save)
                return false;
        }
        written = writeBytes(path, m_textIsSource ? yamlText().toUtf8() : generatedText(m_configuration));
    }
    if (!written) {
        QMessageBox::warning(this, tr("Cannot Save Run Configuration"), written.errorMessage());
        return false;
    }
    ui->yamlEditor->setModified(false);
    statusBar()->showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool RunConfigurationEditor::maybeSave()
{
    if (!isWindowModified())
        return true;
    const QString name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    const auto answer = QMessageBox::warning(this, tr("Unsaved Changes"),
                                             tr("Save the changes to “%1” before closing it?").arg(name),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool RunConfigurationEditor::askSaveAs()
{
    QString start = m_filePath;
    if (start.isEmpty()) {
        const QString folder = m_projectFolder.isEmpty() ? QDir::homePath() : m_projectFolder;
        start = QDir(folder).filePath(QStringLiteral(".azureml/local.runconfig"));
        if (!QFileInfo(start).absoluteDir().exists())
            start = QDir(folder).filePath(QStringLiteral("local.runconfig"));
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save Run Configuration"), start, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1String(".runconfig");
    return saveAs(path);
}

void RunConfigurationEditor::askOpen()
{
    if (!maybeSave())
        return;
    const QString start = !m_filePath.isEmpty() ? QFileInfo(m_filePath).absolutePath()
                                                : (m_projectFolder.isEmpty() ? QDir::homePath() : m_projectFolder);
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Run Configuration"), start, fileFilter());
    if (!path.isEmpty())
        openFile(path);
}

void RunConfigurationEditor::askNew()
{
    if (maybeSave())
        newFromTemplate();
}

void RunConfigurationEditor::revert()
{
    if (m_filePath.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Revert Run Configuration"),
                                              tr("Discard your changes and reload “%1” from disk?").arg(QFileInfo(m_filePath).fileName()),
                                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Discard)
        openFile(m_filePath);
}

void RunConfigurationEditor::updateTitle()
{
    const QString name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    setWindowTitle(tr("%1[*] — Run Configuration").arg(name));
    setWindowFilePath(m_filePath);
}

void RunConfigurationEditor::updateActions()
{
    ui->revertAction->setEnabled(!m_filePath.isEmpty() && isWindowModified());
}

void RunConfigurationEditor::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

QString RunConfigurationEditor::fileFilter()
{
    return tr("Run configurations (*.runconfig *.yml *.yaml *.json)") + QLatin1String(";;") + tr("All files (*)");
}

QStringList RunConfigurationEditor::projectRunConfigurations(const QString &folder)
{
    QStringList files;
    const QDir project(folder);
    for (const QString &sub : {QStringLiteral(".azureml"), QStringLiteral("aml_config")}) {
        const QStringList names = QDir(project.filePath(sub)).entryList({QStringLiteral("*.runconfig")}, QDir::Files, QDir::Name);
        for (const QString &name : names)
            files << sub + QLatin1Char('/') + name;
    }
    return files;
}

} // namespace Trainyard
