#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "computepage.h"
#include "emptystatewidget.h"
#include "workspace.h"
#include "workspacewatcher.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>

namespace Trainyard {

MainWindow::MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_computePage(new ComputePage(this))
    , m_experimentsPage(new EmptyStateWidget(this))
    , m_runsPage(new EmptyStateWidget(this))
{
    ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/trainyard.svg")));

    ui->openWorkspaceAction->setShortcut(QKeySequence::Open);
    ui->quitAction->setShortcut(QKeySequence::Quit);
    ui->findAction->setShortcut(QKeySequence::Find);
    ui->refreshAction->setShortcut(QKeySequence::Refresh);

    QFont nameFont = ui->workspaceNameLabel->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    ui->workspaceNameLabel->setFont(nameFont);
    ui->workspaceLocationLabel->setForegroundRole(QPalette::PlaceholderText);

    m_experimentsPage->setIcon(QIcon(QStringLiteral(":/icons/experiments.svg")));
    m_experimentsPage->setTitle(tr("No experiments yet"));
    m_experimentsPage->setHint(tr("An experiment groups the runs of one project. Submitted runs appear here with "
                                  "their run counts and latest status."));
    m_runsPage->setIcon(QIcon(QStringLiteral(":/icons/runs.svg")));
    m_runsPage->setTitle(tr("No runs yet"));
    m_runsPage->setHint(tr("Every run of every experiment appears here, filterable by status and target. "
                           "Start with the Compute page to see where runs can execute."));

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
    connect(ui->findAction, &QAction::triggered, this, [this] {
        showPage(ComputePageIndex);
        m_computePage->focusFilter();
    });
    connect(ui->refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(ui->openWorkspaceAction, &QAction::triggered, this, &MainWindow::openWorkspace);
    connect(ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(ui->aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_computePage, &ComputePage::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });

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

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    event->accept();
}

void MainWindow::setWorkspace(std::unique_ptr<Workspace> workspace)
{
    // The pages drop their pointers before the old workspace (and its connection) goes away.
    m_computePage->setWorkspace(nullptr);
    delete m_watcher;
    m_watcher = nullptr;
    m_workspace = std::move(workspace);

    ui->workspaceNameLabel->setText(m_workspace->name());
    ui->workspaceLocationLabel->setText(m_workspace->location());
    ui->workspaceLocationLabel->setToolTip(m_workspace->databasePath());
    setWindowTitle(tr("%1 — Trainyard").arg(m_workspace->name()));
    statusBar()->showMessage(tr("Workspace %1").arg(m_workspace->location()));

    m_computePage->setWorkspace(m_workspace.get());
    m_watcher = new WorkspaceWatcher(m_workspace.get(), this);
    connect(m_watcher, &WorkspaceWatcher::changed, m_computePage, &ComputePage::reload);
    m_watcher->start();
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
    statusBar()->showMessage(tr("Refreshed."), 3000);
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
