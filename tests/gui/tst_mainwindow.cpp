// The studio's main window, offscreen, driven through its real widgets.

#include "computepage.h"
#include "computetargetmodel.h"
#include "emptystatewidget.h"
#include "mainwindow.h"
#include "runconfigurationeditor.h"
#include "runconfigurationfile.h"
#include "translationloader.h"
#include "workspace.h"
#include "workspacewatcher.h"
#include "tools/widgettesting.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>

using namespace Trainyard;
using WidgetTesting::answerNextMessageBox;

namespace {

std::unique_ptr<Workspace> openWorkspace(const QString &location)
{
    auto workspace = Workspace::open(location);
    if (!workspace)
        qFatal("cannot open workspace: %s", qPrintable(workspace.errorMessage()));
    return std::move(workspace).value();
}

QStringList visibleColumn(const QTableView *view, int column)
{
    QStringList cells;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        cells << view->model()->index(row, column).data().toString();
    return cells;
}

bool runWriter(const QStringList &arguments)
{
    QProcess writer;
    writer.start(QStringLiteral(TRAINYARD_WRITER), arguments);
    return writer.waitForFinished(30000) && writer.exitStatus() == QProcess::NormalExit && writer.exitCode() == 0;
}

// Saves what a person would see, when TRAINYARD_SCREENSHOT_DIR asks for it.
void saveScreenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("TRAINYARD_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        window->grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png"));
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
    }

    void init()
    {
        m_temp = std::make_unique<QTemporaryDir>();
        m_location = m_temp->filePath(QStringLiteral("studio"));
        m_window = std::make_unique<MainWindow>(openWorkspace(m_location));
        m_window->resize(1180, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_temp.reset();
    }

    void computePageListsLocal()
    {
        QCOMPARE(m_window->currentPage(), MainWindow::ComputePageIndex);
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("targetView"));
        QVERIFY(view);
        QCOMPARE(visibleColumn(view, ComputeTargetModel::NameColumn), QStringList{QStringLiteral("local")});
        QCOMPARE(visibleColumn(view, ComputeTargetModel::TypeColumn), QStringList{QStringLiteral("Local")});
        QCOMPARE(view->model()->headerData(ComputeTargetModel::NodesColumn, Qt::Horizontal).toString(), QStringLiteral("Nodes"));

        // The details pane shows the selected target's properties.
        QCOMPARE(m_window->computePage()->selectedTargetName(), QStringLiteral("local"));
        auto *properties = m_window->findChild<QTableView *>(QStringLiteral("propertyView"));
        QVERIFY(properties);
        QStringList labels = visibleColumn(properties, 0);
        QVERIFY2(labels.contains(QStringLiteral("Host name")), qPrintable(labels.join(QLatin1Char(','))));
        QVERIFY(labels.contains(QStringLiteral("Memory")));
        QVERIFY(visibleColumn(properties, 1).contains(QSysInfo::machineHostName()));

        // The workspace is named in the side bar and the title.
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("studio")));

        // Delete is offered only for targets that are not built in.
        QAction *remove = nullptr;
        const auto actions = m_window->findChild<QToolBar *>(QStringLiteral("toolBar"))->actions();
        for (QAction *action : actions) {
            if (action->text() == QLatin1String("Delete"))
                remove = action;
        }
        QVERIFY(remove);
        QVERIFY(!remove->isEnabled());
        saveScreenshot(m_window.get(), QStringLiteral("compute-en"));
    }

    void filterBox()
    {
        QVERIFY(runWriter({QStringLiteral("add-target"), m_location, QStringLiteral("gpu-box")}));
        m_window->computePage()->reload();
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("targetView"));
        auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QVERIFY(view && filter);
        QCOMPARE(view->model()->rowCount(), 2);

        // Ctrl+F puts the cursor in the filter box.
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("gpu"));
        QCOMPARE(visibleColumn(view, 0), QStringList{QStringLiteral("gpu-box")});
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("REMOTE"));  // by type, any case
        QCOMPARE(visibleColumn(view, 0), QStringList{QStringLiteral("gpu-box")});
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("zzz"));
        QCOMPARE(view->model()->rowCount(), 0);
        filter->clear();
        QCOMPARE(view->model()->rowCount(), 2);
    }

    void otherProcessChangesAppear()
    {
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("targetView"));
        m_window->computePage()->selectTarget(QStringLiteral("local"));
        m_window->watcher()->setInterval(200);

        // Another process attaches a target: it appears without a restart, the selection stays.
        QVERIFY(runWriter({QStringLiteral("add-target"), m_location, QStringLiteral("trainer-02")}));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 5000);
        QCOMPARE(m_window->computePage()->selectedTargetName(), QStringLiteral("local"));
        QVERIFY(visibleColumn(view, 0).contains(QStringLiteral("trainer-02")));

        // Select the new one, then let another process remove it: the row goes, nothing crashes.
        m_window->computePage()->selectTarget(QStringLiteral("trainer-02"));
        QCOMPARE(m_window->computePage()->selectedTargetName(), QStringLiteral("trainer-02"));
        QVERIFY(runWriter({QStringLiteral("remove-target"), m_location, QStringLiteral("trainer-02")}));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 5000);
    }

    void navigation()
    {
        auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigationList"));
        auto *pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pages"));
        QVERIFY(navigation && pages);
        QCOMPARE(navigation->count(), 3);
        QCOMPARE(navigation->item(1)->text(), QStringLiteral("Experiments"));

        const QRect experiments = navigation->visualItemRect(navigation->item(1));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, experiments.center());
        QCOMPARE(m_window->currentPage(), MainWindow::ExperimentsPageIndex);
        // An empty workspace's Experiments page says what to do next (once its list has loaded).
        auto *empty = pages->currentWidget()->findChild<EmptyStateWidget *>(QStringLiteral("experimentEmptyState"));
        QVERIFY(empty);
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->title(), QStringLiteral("No experiments yet"));

        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::RunsPageIndex);
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::ComputePageIndex);
    }

    void layoutIsRemembered()
    {
        m_window->resize(900, 640);
        m_window->showPage(MainWindow::RunsPageIndex);
        m_window->close();
        MainWindow again(openWorkspace(m_location));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.currentPage(), MainWindow::RunsPageIndex);
        QCOMPARE(again.size(), QSize(900, 640));
        again.showPage(MainWindow::ComputePageIndex);
        again.close();
    }

    void runConfigurationEditors()
    {
        auto *newAction = m_window->findChild<QAction *>(QStringLiteral("newRunConfigurationAction"));
        auto *openAction = m_window->findChild<QAction *>(QStringLiteral("openRunConfigurationAction"));
        QVERIFY(newAction && openAction);
        QCOMPARE(newAction->shortcut(), QKeySequence(QKeySequence::New));
        QCOMPARE(openAction->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+O")));
        QVERIFY(m_window->findChild<QAction *>(QStringLiteral("openProjectFolderAction")));

        // New Run Configuration opens a window of its own, gone when closed.
        newAction->trigger();
        QCOMPARE(m_window->runConfigurationEditors().size(), 1);
        QPointer<RunConfigurationEditor> editor = m_window->runConfigurationEditors().constFirst();
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        QVERIFY(editor->isWindow());
        QVERIFY(editor->testAttribute(Qt::WA_DeleteOnClose));
        QVERIFY(editor->yamlText().contains(QLatin1String("\ntarget: local\n")));
        QVERIFY(editor->close());
        QTRY_VERIFY(!editor);

        // A project folder with one run configuration opens it, once.
        const QString project = m_temp->filePath(QStringLiteral("project"));
        QVERIFY(QDir().mkpath(project + QStringLiteral("/aml_config")));
        QVERIFY(QFile::copy(QStringLiteral(TRAINYARD_SOURCE_DIR "/tests/fixtures/runconfig/local.runconfig"),
                            project + QStringLiteral("/aml_config/local.runconfig")));
        editor = m_window->openProjectFolder(project);
        QVERIFY(editor);
        QCOMPARE(editor->filePath(), project + QStringLiteral("/aml_config/local.runconfig"));
        QCOMPARE(editor->projectFolder(), project);
        QCOMPARE(m_window->openRunConfiguration(editor->filePath()), editor.data());
        QCOMPARE(m_window->runConfigurationEditors().size(), 1);

        // A project folder without one gets .azureml/local.runconfig from the template, after asking.
        const QString empty = m_temp->filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        answerNextMessageBox(this, QMessageBox::Yes);
        editor = m_window->openProjectFolder(empty);
        QVERIFY(editor);
        const QString created = empty + QStringLiteral("/.azureml/local.runconfig");
        QCOMPARE(editor->filePath(), created);
        const auto loaded = RunConfigurationFile::load(created);
        QVERIFY(loaded.configuration);
        QCOMPARE(loaded.configuration->target, std::optional<QString>(QStringLiteral("local")));
        QCOMPARE(m_window->runConfigurationEditors().size(), 2);

        // Closing the studio closes the editors.
        m_window->close();
        QTRY_COMPARE(m_window->runConfigurationEditors().size(), 0);
    }

    void russian()
    {
        QCOMPARE(TranslationLoader::install(QStringLiteral("ru")), QStringLiteral("ru"));
        MainWindow window(openWorkspace(m_temp->filePath(QStringLiteral("ru"))));
        window.resize(1180, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Вычисления"));
        QCOMPARE(navigation->item(1)->text(), QStringLiteral("Эксперименты"));
        QCOMPARE(navigation->item(2)->text(), QStringLiteral("Запуски"));
        QCOMPARE(window.menuBar()->actions().at(0)->text(), QStringLiteral("&Файл"));
        auto *view = window.findChild<QTableView *>(QStringLiteral("targetView"));
        QCOMPARE(view->model()->headerData(ComputeTargetModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Имя"));
        QCOMPARE(view->model()->index(0, ComputeTargetModel::TypeColumn).data().toString(), QStringLiteral("Локальный"));
        auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QVERIFY(!filter->placeholderText().isEmpty());
        QVERIFY2(filter->placeholderText().contains(QRegularExpression(QStringLiteral("[а-яА-Я]"))),
                 qPrintable(filter->placeholderText()));
        saveScreenshot(&window, QStringLiteral("compute-ru"));
        TranslationLoader::install(QStringLiteral("en"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_temp;
    QString m_location;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
