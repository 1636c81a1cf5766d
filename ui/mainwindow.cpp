#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "backgroundmonitor.h"
#include "computepage.h"
#include "experimentspage.h"
#include "projectfolder.h"
#include "runconfigurationeditor.h"
#include "runconfigurationfile.h"
#include "runspage.h"
#include "runstore.h"
#include "submitdialog.h"
#include "workspace.h"
#include "workspacewatcher.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>

namespace Trainyard {

MainWindow::MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_computePage(new ComputePage(this))
    , m_experimentsPage(new ExperimentsPage(this))
    , m_runsPage(new RunsPage(this))
{
    ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/trainyard.svg")));

    ui->openWorkspaceAction->setShortcut(QKeySequence::Open);
    ui->newRunConfigurationAction->setShortcut(QKeySequence::New);
    ui->openRunConfigurationAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    ui->quitAction->setShortcut(QKeySequence::Quit);
    ui->findAction->setShortcut(QKeySequence::Find);
    ui->refreshAction->setShortcut(QKeySequence::Refresh);
    ui->submitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    ui->submitAction->setIcon(QIcon(QStringLiteral(":/icons/submit.svg")));

    QFont nameFont = ui->workspaceNameLabel->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    ui->workspaceNameLabel->setFont(nameFont);
    ui->workspaceLocationLabel->setForegroundRole(QPalette::PlaceholderText);

    m_experimentsPage->setSubmitAction(ui->submitAction);
    m_runsPage->setSubmitAction(ui->submitAction);

    ui->pages->insertWidget(ComputePageIndex, m_computePage);
    ui->pages->insertWidget(ExperimentsPageIndex, m_experimentsPage);
    ui->pages->insertWidget(RunsPageIndex, m_runsPage);

    const struct {
        const char *icon;
        QString text;
    } navigation[] = {
        {":/icons/compute.svg", tr("Compute")},
        {":/icons/experiments.svg", tr("Experiments")},
        {":/icons/runs.svg", tr("Runs")},
    };
    for (const auto &item : navigation)
        new QListWidgetItem(QIcon(QString::fromLatin1(item.icon)), item.text, ui->navigationList);
    ui->navigationList->setCurrentRow(ComputePageIndex);
    ui->splitter->setStretchFactor(0, 0);
    ui->splitter->setStretchFactor(1, 1);
    ui->splitter->setSizes({200, 980});
    ui->sideBar->setMinimumWidth(160);

    connect(ui->navigationList, &QListWidget::currentRowChanged, ui->pages, &QStackedWidget::setCurrentIndex);
    connect(ui->showComputeAction, &QAction::triggered, this, [this] { showPage(ComputePageIndex); });
    connect(ui->showExperimentsAction, &QAction::triggered, this, [this] { showPage(ExperimentsPageIndex); });
    connect(ui->showRunsAction, &QAction::triggered, this, [this] { showPage(RunsPageIndex); });
    connect(ui->findAction, &QAction::triggered, this, &MainWindow::focusFilter);
    connect(ui->refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(ui->openWorkspaceAction, &QAction::triggered, this, &MainWindow::openWorkspace);
    connect(ui->newRunConfigurationAction, &QAction::triggered, this, &MainWindow::newRunConfiguration);
    connect(ui->openRunConfigurationAction, &QAction::triggered, this, &MainWindow::askOpenRunConfiguration);
    connect(ui->openProjectFolderAction, &QAction::triggered, this, &MainWindow::askOpenProjectFolder);
    connect(ui->submitAction, &QAction::triggered, this, [this] { openSubmitDialog(); });
    connect(ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(ui->aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    const auto showMessage = [this](const QString &message) { statusBar()->showMessage(message, 8000); };
    connect(m_computePage, &ComputePage::statusMessage, this, showMessage);
    connect(m_experimentsPage, &ExperimentsPage::statusMessage, this, showMessage);
    connect(m_runsPage, &RunsPage::statusMessage, this, showMessage);

    setWorkspace(std::move(workspace));
    readSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::showPage(Page page)
{
    ui->navigationList->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(ui->pages->currentIndex());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    followRuns();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The editors go first: each may ask about unsaved changes, and a Cancel keeps the studio open.
    const auto editors = runConfigurationEditors();
    for (RunConfigurationEditor *editor : editors) {
        if (!editor->close()) {
            event->ignore();
            return;
        }
    }
    writeSettings();
    // The monitor thread ends here; the runs are detached processes and go on.
    if (m_monitor)
        m_monitor->stop();
    event->accept();
}

QList<RunConfigurationEditor *> MainWindow::runConfigurationEditors() const
{
    return findChildren<RunConfigurationEditor *>(Qt::FindDirectChildrenOnly);
}

RunConfigurationEditor *MainWindow::createEditor()
{
    auto *editor = new RunConfigurationEditor(m_workspace.get(), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_projectFolder.isEmpty())
        editor->setProjectFolder(m_projectFolder);
    connectEditor(editor);
    connect(editor, &RunConfigurationEditor::submitRequested, this, [this, editor](const QString &filePath) {
        openSubmitDialog(editor->projectFolder().isEmpty() ? ProjectFolder::projectFolderOf(filePath) : editor->projectFolder(),
                         filePath);
    });
    return editor;
}

void MainWindow::connectEditor(RunConfigurationEditor *editor)
{
    if (m_watcher)
        connect(m_watcher, &WorkspaceWatcher::changed, editor, &RunConfigurationEditor::reloadTargets);
}

SubmitDialog *MainWindow::openSubmitDialog(const QString &projectFolder, const QString &runConfiguration)
{
    if (m_submitDialog) {
        if (!m_submitDialog->isSubmitting()) {
            if (!projectFolder.isEmpty())
                m_submitDialog->setProjectFolder(projectFolder);
            if (!runConfiguration.isEmpty())
                m_submitDialog->setRunConfiguration(runConfiguration);
        }
        m_submitDialog->raise();
        m_submitDialog->activateWindow();
        return m_submitDialog;
    }
    auto *dialog = new SubmitDialog(m_workspace.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Where the last submission came from, and with which run configuration, unless told otherwise.
    QSettings settings(QStringLiteral("trainyard"), QStringLiteral("trainyard"));
    QString folder = projectFolder.isEmpty() ? m_projectFolder : projectFolder;
    if (folder.isEmpty())
        folder = settings.value(QStringLiteral("SubmitDialog/projectFolder")).toString();
    QString configuration = runConfiguration;
    if (configuration.isEmpty() && QDir(folder) == QDir(settings.value(QStringLiteral("SubmitDialog/projectFolder")).toString()))
        configuration = settings.value(QStringLiteral("SubmitDialog/runConfiguration")).toString();
    if (!folder.isEmpty())
        dialog->setProjectFolder(QDir(folder).absolutePath());
    if (!configuration.isEmpty() && QFileInfo::exists(configuration))
        dialog->setRunConfiguration(configuration);
    connect(dialog, &SubmitDialog::submitted, this, [this, dialog](const QString &runId) {
        QSettings(QStringLiteral("trainyard"), QStringLiteral("trainyard"))
            .setValue(QStringLiteral("SubmitDialog/runConfiguration"), dialog->runConfigurationPath());
        runSubmitted(runId, dialog->projectFolder(), int(dialog->warnings().size()));
    });
    m_submitDialog = dialog;
    dialog->open();
    return dialog;
}

SubmitDialog *MainWindow::submitDialog() const
{
    return m_submitDialog;
}

void MainWindow::runSubmitted(const QString &runId, const QString &projectFolder, int warnings)
{
    m_projectFolder = projectFolder;
    QSettings settings(QStringLiteral("trainyard"), QStringLiteral("trainyard"));
    settings.setValue(QStringLiteral("SubmitDialog/projectFolder"), projectFolder);
    statusBar()->showMessage(warnings > 0 ? tr("Submitted %1 with %n warning(s): see its Overview.", nullptr, warnings).arg(runId)
                                          : tr("Submitted %1.").arg(runId),
                             8000);
    if (m_monitor) {
        m_monitor->start();
        m_monitor->pollNow();
    }
    showPage(RunsPageIndex);
    m_runsPage->openRun(runId);
    m_experimentsPage->reload();
}

RunConfigurationEditor *MainWindow::newRunConfiguration()
{
    RunConfigurationEditor *editor = createEditor();
    editor->newFromTemplate();
    editor->show();
    return editor;
}

RunConfigurationEditor *MainWindow::openRunConfiguration(const QString &path)
{
    // A file already open comes to the front rather than opening twice.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const auto editors = runConfigurationEditors();
    for (RunConfigurationEditor *editor : editors) {
        if (editor->filePath() == absolute) {
            editor->show();
            editor->raise();
            editor->activateWindow();
            return editor;
        }
    }
    RunConfigurationEditor *editor = createEditor();
    if (!editor->openFile(absolute)) {
        delete editor;
        return nullptr;
    }
    editor->show();
    return editor;
}

RunConfigurationEditor *MainWindow::openProjectFolder(const QString &folder)
{
    m_projectFolder = QDir(folder).absolutePath();
    const QDir project(m_projectFolder);
    const QStringList files = RunConfigurationEditor::projectRunConfigurations(m_projectFolder);
    QString chosen;
    if (files.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("No Run Configurations"),
            tr("%1 has no run configurations in .azureml or aml_config. Create .azureml/local.runconfig from the template "
               "for this workstation?")
                .arg(QDir::toNativeSeparators(m_projectFolder)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return nullptr;
        chosen = QStringLiteral(".azureml/local.runconfig");
        if (!project.mkpath(QStringLiteral(".azureml"))) {
            QMessageBox::warning(this, tr("Cannot Create Run Configuration"),
                                 tr("Cannot create the folder .azureml in %1.").arg(QDir::toNativeSeparators(m_projectFolder)));
            return nullptr;
        }
        const RunConfiguration configuration =
            RunConfiguration::makeTemplate(QString::fromLatin1(ComputeTarget::LocalName), QStringLiteral("train.py"));
        if (auto saved = RunConfigurationFile::save(project.filePath(chosen), configuration); !saved) {
            QMessageBox::warning(this, tr("Cannot Create Run Configuration"), saved.errorMessage());
            return nullptr;
        }
    } else if (files.size() == 1) {
        chosen = files.first();
    } else {
        bool ok = false;
        chosen = QInputDialog::getItem(this, tr("Open Run Configuration"),
                                       tr("The project has several run configurations. Which one do you want to edit?"),
                                       files, 0, false, &ok);
        if (!ok || chosen.isEmpty())
            return nullptr;
    }
    statusBar()->showMessage(tr("Project folder %1").arg(QDir::toNativeSeparators(m_projectFolder)), 8000);
    RunConfigurationEditor *editor = openRunConfiguration(project.filePath(chosen));
    if (editor)
        editor->setProjectFolder(m_projectFolder);
    return editor;
}

void MainWindow::askOpenRunConfiguration()
{
    const QString start = m_projectFolder.isEmpty() ? QDir::homePath() : m_projectFolder;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Run Configuration"), start,
                                                      RunConfigurationEditor::fileFilter());
    if (!path.isEmpty())
        openRunConfiguration(path);
}

void MainWindow::askOpenProjectFolder()
{
    const QString start = m_projectFolder.isEmpty() ? QDir::homePath() : m_projectFolder;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Project Folder"), start);
    if (!folder.isEmpty())
        openProjectFolder(folder);
}

void MainWindow::setWorkspace(std::unique_ptr<Workspace> workspace)
{
    // The pages drop their pointers before the old workspace (and its connection) goes away.
    m_computePage->setWorkspace(nullptr);
    m_experimentsPage->setWorkspace(nullptr);
    m_runsPage->setWorkspace(nullptr);
    delete m_monitor;
    m_monitor = nullptr;
    const auto editors = runConfigurationEditors();
    for (RunConfigurationEditor *editor : editors)
        editor->setWorkspace(nullptr);
    delete m_watcher;
    m_watcher = nullptr;
    m_workspace = std::move(workspace);

    ui->workspaceNameLabel->setText(m_workspace->name());
    ui->workspaceLocationLabel->setText(m_workspace->location());
    ui->workspaceLocationLabel->setToolTip(m_workspace->databasePath());
    setWindowTitle(tr("%1 — Trainyard").arg(m_workspace->name()));
    statusBar()->showMessage(tr("Workspace %1").arg(m_workspace->location()));

    m_computePage->setWorkspace(m_workspace.get());
    m_experimentsPage->setWorkspace(m_workspace.get());
    m_runsPage->setWorkspace(m_workspace.get());
    m_watcher = new WorkspaceWatcher(m_workspace.get(), this);
    connect(m_watcher, &WorkspaceWatcher::changed, m_computePage, &ComputePage::reload);
    connect(m_watcher, &WorkspaceWatcher::changed, this, &MainWindow::reloadRunPages);
    connect(m_watcher, &WorkspaceWatcher::changed, this, &MainWindow::followRuns);
    // Unfinished runs are followed in a thread of its own, on its own connection.
    m_monitor = new BackgroundMonitor(m_workspace->location(), this);
    connect(m_monitor, &BackgroundMonitor::runsChanged, this, &MainWindow::reloadRunPages);
    connect(m_monitor, &BackgroundMonitor::error, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Following runs: %1").arg(message), 8000);
    });
    connect(m_monitor, &BackgroundMonitor::downloadProgress, this, &MainWindow::showDownloadProgress);
    followRuns();
    for (RunConfigurationEditor *editor : editors) {
        editor->setWorkspace(m_workspace.get());
        connectEditor(editor);
    }
    m_watcher->start();
}

// Outputs of a run on another machine coming home: a bar in the status bar while it lasts.
void MainWindow::showDownloadProgress(const QString &runId, qint64 done, qint64 total)
{
    if (!m_downloadBar) {
        m_downloadBar = new QProgressBar(this);
        m_downloadBar->setObjectName(QStringLiteral("downloadProgress"));
        m_downloadBar->setMaximumWidth(260);
        m_downloadBar->setRange(0, 1000);
        statusBar()->addPermanentWidget(m_downloadBar);
    }
    if (total <= 0 || done >= total) {
        m_downloadBar->hide();
        statusBar()->showMessage(tr("Outputs of %1 downloaded.").arg(runId), 5000);
        return;
    }
    const QLocale locale;
    m_downloadBar->setValue(int(1000 * done / total));
    m_downloadBar->setFormat(tr("%1: outputs %2 of %3").arg(runId, locale.formattedDataSize(done), locale.formattedDataSize(total)));
    m_downloadBar->setTextVisible(true);
    m_downloadBar->show();
}

void MainWindow::openWorkspace()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), m_workspace->location());
    if (folder.isEmpty())
        return;
    auto opened = Workspace::open(folder);
    if (!opened) {
        QMessageBox::warning(this, tr("Cannot Open Workspace"), opened.errorMessage());
        return;
    }
    setWorkspace(std::move(opened).value());
}

void MainWindow::refresh()
{
    m_computePage->reload();
    reloadRunPages();
    statusBar()->showMessage(tr("Refreshed."), 3000);
}

void MainWindow::followRuns()
{
    // The monitor thread starts with the first unfinished run (submitted here or by another
    // process) and then stays until the window closes: an idle studio keeps no thread busy.
    if (!m_monitor || m_monitor->isRunning() || !isVisible())
        return;
    RunFilter unfinished;
    unfinished.activeOnly = true;
    const auto runs = RunStore(*m_workspace).runs(unfinished);
    if (runs && !runs->isEmpty())
        m_monitor->start();
}

void MainWindow::reloadRunPages()
{
    m_experimentsPage->reload();
    m_runsPage->reload();
}

void MainWindow::focusFilter()
{
    switch (currentPage()) {
    case ExperimentsPageIndex:
        m_experimentsPage->focusFilter();
        break;
    case RunsPageIndex:
        m_runsPage->focusFilter();
        break;
    case ComputePageIndex:
    case PageCount:
        showPage(ComputePageIndex);
        m_computePage->focusFilter();
        break;
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Trainyard"),
                       tr("<h3>Trainyard %1</h3>"
                          "<p>Train machine-learning models on the compute you already have: this workstation, "
                          "machines reached over SSH, and Slurm clusters.</p>"
                          "<p>Workspace: %2</p>")
                           .arg(QStringLiteral(TRAINYARD_VERSION), m_workspace->location().toHtmlEscaped()));
}

void MainWindow::readSettings()
{
    QSettings settings(QStringLiteral("trainyard"), QStringLiteral("trainyard"));
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray(); !geometry.isEmpty())
        restoreGeometry(geometry);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (const QByteArray splitter = settings.value(QStringLiteral("splitter")).toByteArray(); !splitter.isEmpty())
        ui->splitter->restoreState(splitter);
    m_computePage->restoreState(settings.value(QStringLiteral("computeSplitter")).toByteArray());
    const int page = settings.value(QStringLiteral("page"), int(ComputePageIndex)).toInt();
    showPage(page >= 0 && page < PageCount ? Page(page) : ComputePageIndex);
}

void MainWindow::writeSettings() const
{
    QSettings settings(QStringLiteral("trainyard"), QStringLiteral("trainyard"));
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), ui->splitter->saveState());
    settings.setValue(QStringLiteral("computeSplitter"), m_computePage->saveState());
    settings.setValue(QStringLiteral("page"), int(currentPage()));
}

} // namespace Trainyard
