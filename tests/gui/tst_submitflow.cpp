// The studio submitting a real local run, offscreen, through its real widgets: Ctrl+Return opens
// the Submit dialog, typing fills it, Submit runs in the background, and the Runs page then
// follows the run live until it is Completed and its loss chart holds every logged point.

#include "backgroundmonitor.h"
#include "experimentmodel.h"
#include "experimentspage.h"
#include "mainwindow.h"
#include "metricchartgrid.h"
#include "metricchartview.h"
#include "runcomparewidget.h"
#include "rundetailwidget.h"
#include "runfilterproxymodel.h"
#include "runlistpanel.h"
#include "runmodel.h"
#include "runspage.h"
#include "submitdialog.h"
#include "translationloader.h"
#include "workspace.h"

#include "tools/testfiles.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Trainyard;
using TestFiles::writeFile;

namespace {

// Logs `--count` loss values (25 from the run configuration).
const QByteArray trainingScript = "import sys, time, trainyard\n"
                                  "count = int(sys.argv[sys.argv.index('--count') + 1])\n"
                                  "for i in range(count):\n"
                                  "    trainyard.log('loss', 1.0 / (i + 1))\n"
                                  "    print(f'step {i}', flush=True)\n"
                                  "    time.sleep(0.02)\n"
                                  "print('done', flush=True)\n";

void makeProject(const QString &dir)
{
    writeFile(dir + QStringLiteral("/train.py"), trainingScript);
    writeFile(dir + QStringLiteral("/.azureml/local.runconfig"),
              "script: train.py\narguments:\n- --count\n- 25\ntarget: local\nenvironment:\n  python:\n"
              "    userManagedDependencies: true\n    interpreterPath: /usr/bin/python3\n");
}

std::unique_ptr<Workspace> openWorkspace(const QString &location)
{
    auto workspace = Workspace::open(location);
    if (!workspace)
        qFatal("cannot open workspace: %s", qPrintable(workspace.errorMessage()));
    return std::move(workspace).value();
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("TRAINYARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    // Let pending layout requests settle, as they would before a person sees the window.
    QTest::qWait(100);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png")));
}

// Replaces the text of a line edit the way a person does: select all, type.
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

QString cell(const RunModel *model, const QString &runId, int column)
{
    const int row = model->rowOf(runId);
    return row < 0 ? QStringLiteral("<no row>") : model->index(row, column).data().toString();
}

int lossPoints(RunDetailWidget *detail)
{
    MetricChartView *chart = detail->chartGrid()->chart(QStringLiteral("loss"));
    QLineSeries *series = chart ? chart->lineSeries(detail->runId()) : nullptr;
    return series ? int(series->points().size()) : -1;
}

} // namespace

class tst_SubmitFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<MainWindow> m_window;
    QString m_project;

    SubmitDialog *openDialogWithKeyboard()
    {
        // The shortcut belongs to the main window: it must be the active one (a closed dialog was).
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            return nullptr;
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        SubmitDialog *dialog = m_window->submitDialog();
        if (dialog)
            (void)QTest::qWaitForWindowExposed(dialog);
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
        QVERIFY2(QFileInfo::exists(QStringLiteral("/usr/bin/python3")), "the submitted run uses /usr/bin/python3");
    }

    void init()
    {
        m_temp = std::make_unique<QTemporaryDir>();
        m_project = m_temp->filePath(QStringLiteral("flow"));
        makeProject(m_project);
        m_window = std::make_unique<MainWindow>(openWorkspace(m_temp->filePath(QStringLiteral("workspace"))));
        m_window->resize(1280, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_temp.reset();
    }

    void submitFollowsRunToCompletion()
    {
        // Nothing to follow yet: no monitor thread.
        QVERIFY(m_window->monitor() && !m_window->monitor()->isRunning());
        // An empty workspace says what to do next.
        m_window->showPage(MainWindow::RunsPageIndex);
        auto *runs = m_window->runsPage()->runList();
        auto *runsEmpty = runs->findChild<QWidget *>(QStringLiteral("runEmptyState"));
        QTRY_VERIFY(runsEmpty->isVisible());
        saveScreenshot(m_window.get(), QStringLiteral("runs-empty"));

        // Ctrl+Return opens the dialog; fill it in by typing.
        QPointer<SubmitDialog> dialog = openDialogWithKeyboard();
        QVERIFY(dialog);
        auto *projectEdit = dialog->findChild<QLineEdit *>(QStringLiteral("projectEdit"));
        auto *configurations = dialog->findChild<QComboBox *>(QStringLiteral("runConfigurationCombo"));
        auto *experiment = dialog->findChild<QComboBox *>(QStringLiteral("experimentCombo"));
        auto *arguments = dialog->findChild<QPlainTextEdit *>(QStringLiteral("argumentsEdit"));
        auto *scriptEdit = dialog->findChild<QLineEdit *>(QStringLiteral("scriptEdit"));
        QVERIFY(projectEdit && configurations && experiment && arguments && scriptEdit);
        retype(projectEdit, QDir::toNativeSeparators(m_project));

        // The folder's run configuration is chosen, its script and arguments shown, the
        // experiment defaults to the folder's name.
        QCOMPARE(configurations->currentText(), QStringLiteral("local — .azureml/local.runconfig"));
        QCOMPARE(configurations->itemText(configurations->count() - 1), QStringLiteral("Other file…"));
        QCOMPARE(arguments->toPlainText(), QStringLiteral("--count\n25"));
        QCOMPARE(scriptEdit->placeholderText(), QStringLiteral("train.py (from the run configuration)"));
        QCOMPARE(experiment->currentText(), QStringLiteral("flow"));
        retype(experiment->lineEdit(), QStringLiteral("submit-flow"));
        QCOMPARE(dialog->request().experiment, QStringLiteral("submit-flow"));
        QVERIFY(!dialog->request().arguments); // unchanged: as the configuration writes them
        QVERIFY(dialog->submitButton()->isEnabled());
        saveScreenshot(dialog, QStringLiteral("submit-dialog"));

        // Submit: busy while the snapshot is taken, then the dialog closes.
        QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
        QVERIFY(dialog->isSubmitting());
        QVERIFY(!dialog->submitButton()->isEnabled());
        QVERIFY(dialog->findChild<QProgressBar *>(QStringLiteral("progressBar"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 60000);
        QVERIFY(m_window->monitor()->isRunning());

        // The Runs page shows the new run and its details, and follows it to the end.
        QCOMPARE(m_window->currentPage(), MainWindow::RunsPageIndex);
        RunsPage *page = m_window->runsPage();
        QCOMPARE(page->level(), RunsPage::RunDetailLevel);
        RunDetailWidget *detail = page->runDetail();
        const QString runId = detail->runId();
        QCOMPARE(runId, QStringLiteral("submit-flow_1"));
        detail->tabs()->setCurrentIndex(RunDetailWidget::MetricsTab);
        QTRY_COMPARE_WITH_TIMEOUT(cell(runs->model(), runId, RunModel::StatusColumn), QStringLiteral("Completed"), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(detail->statusText(), QStringLiteral("Completed"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(lossPoints(detail), 25, 10000);
        saveScreenshot(m_window.get(), QStringLiteral("run-detail"));

        // The list: the run selected, its last loss in a column of its own.
        QCOMPARE(runs->currentRunId(), runId);
        QCOMPARE(cell(runs->model(), runId, RunModel::ExperimentColumn), QStringLiteral("submit-flow"));
        QCOMPARE(cell(runs->model(), runId, RunModel::TargetColumn), QStringLiteral("local"));
        QVERIFY(runs->model()->metricColumn(QStringLiteral("loss")) >= 0);
        QTRY_COMPARE(cell(runs->model(), runId, runs->model()->metricColumn(QStringLiteral("loss"))), QStringLiteral("0.04"));
        QTest::mouseClick(page->findChild<QToolButton *>(QStringLiteral("backButton")), Qt::LeftButton);
        QCOMPARE(page->level(), RunsPage::RunListLevel);
        QVERIFY(runs->view()->isVisible());
        // The status column has room for the longest status a run may reach later, icon included.
        QVERIFY(runs->view()->columnWidth(RunModel::StatusColumn)
                >= runs->view()->fontMetrics().horizontalAdvance(QStringLiteral("Not responding")) + 16);
        saveScreenshot(m_window.get(), QStringLiteral("runs-page"));

        // The Experiments page: the experiment with its run count and latest status.
        auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigationList"));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
                          navigation->visualItemRect(navigation->item(MainWindow::ExperimentsPageIndex)).center());
        ExperimentsPage *experiments = m_window->experimentsPage();
        QCOMPARE(m_window->currentPage(), MainWindow::ExperimentsPageIndex);
        ExperimentModel *model = experiments->model();
        QTRY_COMPARE(model->rowOf(QStringLiteral("submit-flow")), 0);
        QCOMPARE(model->index(0, ExperimentModel::RunsColumn).data().toString(), QStringLiteral("1"));
        QCOMPARE(model->index(0, ExperimentModel::LatestStatusColumn).data().toString(), QStringLiteral("Completed"));
        saveScreenshot(m_window.get(), QStringLiteral("experiments-page"));

        // Opening it (Enter) lists its runs, with the metric column.
        auto *experimentView = experiments->findChild<QTableView *>(QStringLiteral("experimentView"));
        experimentView->setFocus();
        experimentView->setCurrentIndex(experiments->proxyModel()->index(0, 0));
        QTest::keyClick(experimentView, Qt::Key_Return);
        QCOMPARE(experiments->level(), ExperimentsPage::ExperimentRunsLevel);
        QCOMPARE(experiments->currentExperiment(), QStringLiteral("submit-flow"));
        RunModel *experimentRuns = experiments->runList()->model();
        QTRY_COMPARE(experimentRuns->rowCount(), 1);
        QCOMPARE(cell(experimentRuns, runId, RunModel::StatusColumn), QStringLiteral("Completed"));
        QCOMPARE(experimentRuns->metricNames(), QStringList{QStringLiteral("loss")});
        QVERIFY(!experiments->runList()->compareAction()->isEnabled()); // one run: nothing to compare
        QVERIFY(experiments->runList()->view()->isColumnHidden(RunModel::ExperimentColumn)); // it is the page's title
        saveScreenshot(m_window.get(), QStringLiteral("experiment-runs"));

        // Back to the list (Alt+Left) and in again: the same runs, laid out the same way.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        experiments->runList()->view()->setFocus();
        QTest::keyClick(experiments->runList()->view(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(experiments->level(), ExperimentsPage::ExperimentListLevel);
        QTest::keyClick(experimentView, Qt::Key_Return);
        QTRY_COMPARE(experimentRuns->rowCount(), 1);
        QVERIFY(experiments->runList()->view()->isColumnHidden(RunModel::ExperimentColumn));

        // Opening the run shows its details under a bread crumb back to the experiment.
        experiments->runList()->selectRun(runId);
        QTest::keyClick(experiments->runList()->view(), Qt::Key_Return);
        QCOMPARE(experiments->level(), ExperimentsPage::RunDetailLevel);
        QCOMPARE(experiments->runDetail()->runId(), runId);
        QTRY_COMPARE(experiments->runDetail()->statusText(), QStringLiteral("Completed"));
        QVERIFY(experiments->findChild<QLabel *>(QStringLiteral("breadcrumbLabel"))->text().contains(runId));

        // Closing the studio ends the monitor thread; the run is not touched. (The window saves its
        // page on close, in settings other test programs share: leave the Compute page, as they expect.)
        m_window->showPage(MainWindow::ComputePageIndex);
        QVERIFY(m_window->close());
        QVERIFY(!m_window->monitor()->isRunning());
    }

    void compareTwoRuns()
    {
        // Two runs submitted through the dialog (the second with edited arguments), compared.
        QStringList ids;
        for (const char *count : {"25", "10"}) {
            QPointer<SubmitDialog> dialog = openDialogWithKeyboard();
            QVERIFY(dialog);
            retype(dialog->findChild<QLineEdit *>(QStringLiteral("projectEdit")), m_project);
            auto *arguments = dialog->findChild<QPlainTextEdit *>(QStringLiteral("argumentsEdit"));
            arguments->setFocus();
            arguments->selectAll();
            QTest::keyClicks(arguments, QStringLiteral("--count"));
            QTest::keyClick(arguments, Qt::Key_Return);
            QTest::keyClicks(arguments, QLatin1String(count));
            QCOMPARE(dialog->request().arguments.has_value(), qstrcmp(count, "25") != 0);
            QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog, 60000);
            ids << m_window->runsPage()->runDetail()->runId();
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("flow_1"), QStringLiteral("flow_2")}));

        RunsPage *page = m_window->runsPage();
        RunListPanel *runs = page->runList();
        for (const QString &id : std::as_const(ids))
            QTRY_COMPARE_WITH_TIMEOUT(cell(runs->model(), id, RunModel::StatusColumn), QStringLiteral("Completed"), 60000);
        const int loss = runs->model()->metricColumn(QStringLiteral("loss"));
        QTRY_COMPARE(cell(runs->model(), ids.at(1), loss), QStringLiteral("0.1"));

        // Select both in the list: Compare opens a window charting both.
        page->showRunList();
        runs->view()->selectAll();
        QVERIFY(runs->compareAction()->isEnabled());
        runs->compareAction()->trigger();
        QCOMPARE(page->compareWindows().size(), 1);
        RunCompareWidget *compare = page->compareWindows().constFirst();
        QVERIFY(QTest::qWaitForWindowExposed(compare));
        QVERIFY(compare->isWindow());
        // In the order the table shows them: newest first.
        QCOMPARE(compare->runIds(), (QStringList{ids.at(1), ids.at(0)}));
        QTRY_VERIFY(compare->chartGrid()->chart(QStringLiteral("loss")));
        saveScreenshot(compare, QStringLiteral("compare-window"));

        // The status filter: only failed runs — none.
        auto *status = runs->statusCombo();
        status->setCurrentIndex(status->findText(QStringLiteral("Failed")));
        QCOMPARE(runs->proxyModel()->rowCount(), 0);
        status->setCurrentIndex(status->findText(QStringLiteral("Completed")));
        QCOMPARE(runs->proxyModel()->rowCount(), 2);
        saveScreenshot(m_window.get(), QStringLiteral("runs-page-two"));
    }

    // The dialog opens again on the folder and the run configuration of the last submission.
    void submitRemembersTheRunConfiguration()
    {
        writeFile(m_project + QStringLiteral("/.azureml/other.runconfig"),
                  "script: train.py\narguments:\n- --count\n- 3\ntarget: local\nenvironment:\n  python:\n"
                  "    userManagedDependencies: true\n    interpreterPath: /usr/bin/python3\n");
        QPointer<SubmitDialog> dialog = openDialogWithKeyboard();
        QVERIFY(dialog);
        retype(dialog->findChild<QLineEdit *>(QStringLiteral("projectEdit")), QDir::toNativeSeparators(m_project));
        auto *configurations = dialog->findChild<QComboBox *>(QStringLiteral("runConfigurationCombo"));
        QCOMPARE(configurations->currentText(), QStringLiteral("local — .azureml/local.runconfig")); // the default
        configurations->setCurrentIndex(configurations->findText(QStringLiteral("other — .azureml/other.runconfig")));
        QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("argumentsEdit"))->toPlainText(), QStringLiteral("--count\n3"));
        QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 60000);

        dialog = openDialogWithKeyboard();
        QVERIFY(dialog);
        QCOMPARE(dialog->projectFolder(), m_project);
        configurations = dialog->findChild<QComboBox *>(QStringLiteral("runConfigurationCombo"));
        QCOMPARE(configurations->currentText(), QStringLiteral("other — .azureml/other.runconfig"));
        QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("argumentsEdit"))->toPlainText(), QStringLiteral("--count\n3"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QTRY_VERIFY(!dialog);
    }

    void presetToSampleProject()
    {
        // What `trainyard --project resources/samples/quickstart` opens: the sample, ready to submit.
        const QString sample = QStringLiteral(TRAINYARD_SOURCE_DIR "/resources/samples/quickstart");
        QPointer<SubmitDialog> dialog = m_window->openSubmitDialog(sample);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->projectFolder(), sample);
        QCOMPARE(QFileInfo(dialog->runConfigurationPath()).fileName(), QStringLiteral("local.runconfig"));
        QCOMPARE(dialog->experiment(), QStringLiteral("quickstart")); // from .azureml/config.json
        QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("argumentsEdit"))->toPlainText(),
                 QStringLiteral("--epochs\n20\n--learning-rate\n0.01"));
        QVERIFY(dialog->canSubmit());
        saveScreenshot(dialog, QStringLiteral("submit-quickstart"));
        // Asking again brings the same dialog back.
        QCOMPARE(m_window->openSubmitDialog(), dialog.data());
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QTRY_VERIFY(!dialog);
    }

    void submitErrorStaysInDialog()
    {
        QPointer<SubmitDialog> dialog = openDialogWithKeyboard();
        QVERIFY(dialog);
        retype(dialog->findChild<QLineEdit *>(QStringLiteral("projectEdit")), m_project);
        retype(dialog->findChild<QLineEdit *>(QStringLiteral("scriptEdit")), QStringLiteral("missing.py"));
        QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
        auto *message = dialog->findChild<QLabel *>(QStringLiteral("messageLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSubmitting(), 60000);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("missing.py")), qPrintable(message->text()));
        QVERIFY(!dialog->submitButton()->isEnabled());
        saveScreenshot(dialog, QStringLiteral("submit-error"));

        // Fixing the form clears the error.
        retype(dialog->findChild<QLineEdit *>(QStringLiteral("scriptEdit")), QString());
        QVERIFY(message->isHidden());
        QVERIFY(dialog->submitButton()->isEnabled());

        // A bad experiment name is caught before submitting.
        auto *experiment = dialog->findChild<QComboBox *>(QStringLiteral("experimentCombo"));
        retype(experiment->lineEdit(), QStringLiteral("bad name!"));
        QVERIFY(!dialog->submitButton()->isEnabled());
        QVERIFY(message->isVisible());
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QTRY_VERIFY(!dialog);
    }
};

QTEST_MAIN(tst_SubmitFlow)
#include "tst_submitflow.moc"
