// The run configuration editor, offscreen: the form and the YAML text kept in step, findings in
// the list and the editor margin, saving, and the questions it asks before losing changes.

#include "findingmodel.h"
#include "runconfigurationeditor.h"
#include "runconfigurationfile.h"
#include "translationloader.h"
#include "workspace.h"
#include "yamleditor.h"
#include "tools/widgettesting.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Trainyard;
using WidgetTesting::answerNextMessageBox;

namespace {

const QString Fixtures = QStringLiteral(TRAINYARD_SOURCE_DIR "/tests/fixtures/runconfig/");

std::unique_ptr<Workspace> openWorkspace(const QString &location)
{
    auto workspace = Workspace::open(location);
    if (!workspace)
        qFatal("cannot open workspace: %s", qPrintable(workspace.errorMessage()));
    return std::move(workspace).value();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The 1-based line of the first line of `text` that starts with `start` (after indentation), or 0.
int lineOf(const QString &text, const QString &start)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().startsWith(start))
            return i + 1;
    }
    return 0;
}

// The findings list as a person reads it: "Error|13|message" lines, in view order.
QStringList visibleFindings(const QTreeView *view)
{
    QStringList rows;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < FindingModel::ColumnCount; ++column)
            cells << model->index(row, column).data().toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

void saveScreenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("TRAINYARD_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        // Layouts settle in posted events; the picture should show them settled.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        window->grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png"));
    }
}

} // namespace

class tst_RunConfigurationEditor : public QObject
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
        QVERIFY(m_temp->isValid());
        m_workspace = openWorkspace(m_temp->filePath(QStringLiteral("workspace")));
        m_project = m_temp->filePath(QStringLiteral("project"));
        QVERIFY(QDir().mkpath(m_project));
        QFile script(m_project + QStringLiteral("/train.py"));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("print('training')\n");
        script.close();

        m_editor = std::make_unique<RunConfigurationEditor>(m_workspace.get());
        m_editor->resize(1280, 800);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }

    void cleanup()
    {
        m_editor.reset();
        m_workspace.reset();
        m_temp.reset();
    }

    void opensFile()
    {
        const QString path = copyFixture(QStringLiteral("local.runconfig"));
        QVERIFY(m_editor->openFile(path));

        // The text as written, comments and all; the form shows its values.
        QCOMPARE(m_editor->yamlText().toUtf8(), readFile(path));
        QCOMPARE(m_editor->windowTitle(), QStringLiteral("local.runconfig[*] — Run Configuration"));
        QVERIFY(!m_editor->isWindowModified());
        QCOMPARE(m_editor->projectFolder(), QDir(m_project).absolutePath());
        QCOMPARE(child<QLineEdit>("scriptEdit")->text(), QStringLiteral("train.py"));
        QCOMPARE(child<QPlainTextEdit>("argumentsEdit")->toPlainText(), QStringLiteral("--epochs\n10\n--learning-rate\n0.05"));
        QCOMPARE(child<QComboBox>("targetCombo")->currentText(), QStringLiteral("local"));
        QCOMPARE(child<QComboBox>("frameworkCombo")->currentText(), QStringLiteral("Python"));
        QCOMPARE(child<QComboBox>("communicatorCombo")->currentText(), QStringLiteral("None"));
        QCOMPARE(child<QSpinBox>("nodeCountSpin")->value(), 1);
        QCOMPARE(child<QSpinBox>("maxDurationSpin")->text(), QStringLiteral("No limit"));
        QVERIFY(child<QAbstractButton>("userManagedRadio")->isChecked());
        QCOMPARE(child<QLineEdit>("interpreterEdit")->text(), QStringLiteral("python3"));
        QVERIFY(!child<QLineEdit>("condaFileEdit")->isEnabled());
        const auto *variables = child<QTableWidget>("variablesTable");
        QCOMPARE(variables->rowCount(), 1);
        QCOMPARE(variables->item(0, 0)->text() + QLatin1Char('=') + variables->item(0, 1)->text(), QStringLiteral("OMP_NUM_THREADS=1"));
        QVERIFY(!child<QCheckBox>("dockerEnabledCheck")->isChecked());
        QVERIFY(!child<QLineEdit>("baseImageEdit")->isEnabled());
        QCOMPARE(child<QLineEdit>("shmSizeEdit")->text(), QStringLiteral("1g"));
        QCOMPARE(child<QLineEdit>("directoriesEdit")->text(), QStringLiteral("logs"));

        // The workspace's targets are offered; the file has nothing to complain about.
        QCOMPARE(child<QComboBox>("targetCombo")->count(), 1);
        QCOMPARE(visibleFindings(child<QTreeView>("findingsView")), QStringList());
        QVERIFY(!child<QLabel>("formNoticeLabel")->isVisible());
    }

    void formEditChangesText()
    {
        QVERIFY(m_editor->openFile(copyFixture(QStringLiteral("local.runconfig"))));
        auto *nodes = child<QSpinBox>("nodeCountSpin");
        nodes->setFocus();
        nodes->selectAll();
        QTest::keyClicks(nodes, QStringLiteral("3"));
        QCOMPARE(nodes->value(), 3);

        const QString text = m_editor->yamlText();
        QVERIFY2(text.contains(QLatin1String("\nnodeCount: 3\n")), qPrintable(text));
        QCOMPARE(m_editor->configuration().nodeCount, std::optional<int>(3));
        // What the form does not show stays.
        QVERIFY(text.contains(QLatin1String("name: quickstart")));
        QVERIFY(text.contains(QLatin1String("condaDependenciesFile: .trainyard/conda_dependencies.yml")));
        QVERIFY(text.contains(QLatin1String("maxRunDurationSeconds:")));
        QVERIFY(m_editor->isWindowModified());

        // The local target has one node: the validator says so, on the nodeCount line.
        const int line = lineOf(text, QStringLiteral("nodeCount:"));
        QVERIFY(line > 0);
        const QStringList findings = visibleFindings(child<QTreeView>("findingsView"));
        QCOMPARE(findings.size(), 1);
        QVERIFY2(findings.first().startsWith(QStringLiteral("Error|%1|").arg(line)), qPrintable(findings.first()));
        QVERIFY(m_editor->yamlEditor()->markersAtLine(line - 1) & (1 << YamlEditor::ErrorMarker));

        // Another form edit keeps the editor's cursor on its line.
        m_editor->yamlEditor()->setCursorPosition(4, 1);
        QTest::keyClick(nodes, Qt::Key_Down);
        QCOMPARE(nodes->value(), 2);
        QVERIFY(m_editor->yamlText().contains(QLatin1String("\nnodeCount: 2\n")));
        int cursorLine = -1;
        int cursorIndex = -1;
        m_editor->yamlEditor()->getCursorPosition(&cursorLine, &cursorIndex);
        QCOMPARE(cursorLine, 4);

        // Typing in a line edit, key by key.
        auto *script = child<QLineEdit>("scriptEdit");
        script->selectAll();
        QTest::keyClicks(script, QStringLiteral("missing.py"));
        QVERIFY(m_editor->yamlText().startsWith(QLatin1String("script: missing.py\n")));
        QVERIFY(m_editor->findings().size() >= 2);
        bool missing = false;
        for (const Finding &finding : m_editor->findings())
            missing = missing || (finding.position.line == 1 && finding.message.contains(QLatin1String("missing.py")));
        QVERIFY(missing);
    }

    void textEditChangesForm()
    {
        const QString path = copyFixture(QStringLiteral("local.runconfig"));
        QVERIFY(m_editor->openFile(path));
        YamlEditor *editor = m_editor->yamlEditor();
        const int line = lineOf(m_editor->yamlText(), QStringLiteral("framework: Python")) - 1;
        QVERIFY(line >= 0);
        editor->setSelection(line, 11, line, 17);
        QCOMPARE(editor->selectedText(), QStringLiteral("Python"));
        QTest::keyClicks(editor, QStringLiteral("PyTorch"));
        QVERIFY(m_editor->yamlText().contains(QLatin1String("framework: PyTorch\n")));
        QVERIFY(m_editor->isWindowModified());

        // The form follows once typing pauses, even when the findings are refreshed meanwhile.
        auto *framework = child<QComboBox>("frameworkCombo");
        QCOMPARE(framework->currentText(), QStringLiteral("Python"));
        m_editor->reloadTargets();
        QTRY_COMPARE(framework->currentText(), QStringLiteral("PyTorch"));
        QCOMPARE(m_editor->configuration().framework, std::optional(RunConfiguration::Framework::PyTorch));

        // Typed text is saved as typed: the comments survive.
        child<QAction>("saveAction")->trigger();
        QVERIFY(!m_editor->isWindowModified());
        const QByteArray saved = readFile(path);
        QVERIFY(saved.startsWith("# Run configuration for this workstation.\n"));
        QVERIFY(saved.contains("framework: PyTorch\n"));
    }

    void invalidEditShowsFinding()
    {
        QVERIFY(m_editor->openFile(copyFixture(QStringLiteral("local.runconfig"))));
        YamlEditor *editor = m_editor->yamlEditor();
        auto *view = child<QTreeView>("findingsView");

        // A value of the wrong type: an error on its line, the form keeps its state.
        const int nodeLine = lineOf(m_editor->yamlText(), QStringLiteral("nodeCount:"));
        editor->setSelection(nodeLine - 1, 11, nodeLine - 1, 12);
        editor->replaceSelectedText(QStringLiteral("abc"));
        m_editor->flushPendingEdits();
        QStringList findings = visibleFindings(view);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first(), QStringLiteral("Error|%1|“nodeCount” must be a whole number of nodes, not “abc”.").arg(nodeLine));
        QVERIFY(editor->markersAtLine(nodeLine - 1) & (1 << YamlEditor::ErrorMarker));
        QVERIFY(!(editor->markersAtLine(nodeLine - 2) & (1 << YamlEditor::ErrorMarker)));
        QVERIFY(editor->annotation(nodeLine - 1).contains(QLatin1String("nodeCount")));
        QCOMPARE(child<QSpinBox>("nodeCountSpin")->value(), 1);
        QVERIFY(child<QLabel>("formNoticeLabel")->isVisible());

        // A rule across keys: the text reads, the form follows, the validator points at the line.
        editor->setSelection(nodeLine - 1, 11, nodeLine - 1, 14);
        editor->replaceSelectedText(QStringLiteral("1"));
        const int communicatorLine = lineOf(m_editor->yamlText(), QStringLiteral("communicator:"));
        editor->setSelection(communicatorLine - 1, 14, communicatorLine - 1, 18);
        QCOMPARE(editor->selectedText(), QStringLiteral("None"));
        editor->replaceSelectedText(QStringLiteral("Mpi"));
        m_editor->flushPendingEdits();
        QCOMPARE(child<QComboBox>("communicatorCombo")->currentText(), QStringLiteral("Mpi"));
        QVERIFY(!child<QLabel>("formNoticeLabel")->isVisible());
        findings = visibleFindings(view);
        QCOMPARE(findings.size(), 1);
        QVERIFY2(findings.first().startsWith(QStringLiteral("Error|%1|The communicator Mpi needs an “mpi” section").arg(communicatorLine)),
                 qPrintable(findings.first()));
        QVERIFY(editor->markersAtLine(communicatorLine - 1) & (1 << YamlEditor::ErrorMarker));
        QCOMPARE(editor->markersAtLine(nodeLine - 1), 0u);
        saveScreenshot(m_editor.get(), QStringLiteral("runconfig-editor"));
        saveScreenshot(child<QWidget>("formContents"), QStringLiteral("runconfig-editor-form"));

        // Broken YAML: the findings still show, with the syntax error's line.
        editor->setText(m_editor->yamlText() + QStringLiteral("history: [unclosed\n"));
        m_editor->flushPendingEdits();
        QVERIFY(!m_editor->findings().isEmpty());
        QVERIFY(m_editor->findings().first().position.line > 0);
        QVERIFY(child<QLabel>("formNoticeLabel")->isVisible());
        QCOMPARE(child<QComboBox>("communicatorCombo")->currentText(), QStringLiteral("Mpi"));
        saveScreenshot(m_editor.get(), QStringLiteral("runconfig-editor-broken"));
    }

    void activatingFindingMovesCursor()
    {
        QVERIFY(m_editor->openFile(copyFixture(QStringLiteral("local.runconfig"))));
        YamlEditor *editor = m_editor->yamlEditor();
        auto *target = child<QComboBox>("targetCombo");
        target->lineEdit()->selectAll();
        QTest::keyClicks(target->lineEdit(), QStringLiteral("nowhere"));
        QVERIFY(m_editor->yamlText().contains(QLatin1String("\ntarget: nowhere\n")));
        const int line = lineOf(m_editor->yamlText(), QStringLiteral("target:"));

        auto *view = child<QTreeView>("findingsView");
        QCOMPARE(view->model()->rowCount(), 1);
        QVERIFY(visibleFindings(view).first().startsWith(QStringLiteral("Error|%1|There is no compute target “nowhere”").arg(line)));

        editor->setCursorPosition(0, 0);
        const QRect rect = view->visualRect(view->model()->index(0, FindingModel::MessageColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        int cursorLine = -1;
        int cursorIndex = -1;
        editor->getCursorPosition(&cursorLine, &cursorIndex);
        QCOMPARE(cursorLine, line - 1);
        QTRY_VERIFY(editor->hasFocus());

        // The keyboard does the same.
        editor->setCursorPosition(0, 0);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        editor->getCursorPosition(&cursorLine, &cursorIndex);
        QCOMPARE(cursorLine, line - 1);
    }

    void saveClearsModified()
    {
        const QString path = copyFixture(QStringLiteral("local.runconfig"));
        QVERIFY(m_editor->openFile(path));
        child<QSpinBox>("nodeCountSpin")->setValue(3);
        QVERIFY(m_editor->isWindowModified());
        QVERIFY(child<QAction>("revertAction")->isEnabled());

        child<QAction>("saveAction")->trigger();
        QVERIFY(!m_editor->isWindowModified());
        QVERIFY(!child<QAction>("revertAction")->isEnabled());
        QCOMPARE(readFile(path), m_editor->yamlText().toUtf8());
        const auto loaded = RunConfigurationFile::load(path);
        QVERIFY(loaded.configuration);
        QCOMPARE(loaded.configuration->nodeCount, std::optional<int>(3));

        // Save As writes elsewhere and renames the window.
        child<QCheckBox>("dockerEnabledCheck")->setChecked(true);
        const QString copy = m_project + QStringLiteral("/.azureml/docker.runconfig");
        QVERIFY(QDir().mkpath(m_project + QStringLiteral("/.azureml")));
        QVERIFY(m_editor->saveAs(copy));
        QCOMPARE(m_editor->filePath(), copy);
        QCOMPARE(m_editor->windowTitle(), QStringLiteral("docker.runconfig[*] — Run Configuration"));
        QCOMPARE(m_editor->projectFolder(), QDir(m_project).absolutePath());
        QVERIFY(RunConfigurationFile::load(copy).configuration->environment->docker->enabled.value_or(false));
    }

    void unknownKeysSurviveFormEdits()
    {
        const QString path = copyFixture(QStringLiteral("gpu-box.runconfig"));
        QVERIFY(m_editor->openFile(path));
        auto *directories = child<QLineEdit>("directoriesEdit");
        QCOMPARE(directories->text(), QStringLiteral("logs, checkpoints"));
        QTest::keyClicks(directories, QStringLiteral(", outputs"));
        QCOMPARE(m_editor->configuration().history->directoriesToWatch,
                 std::optional(QStringList{QStringLiteral("logs"), QStringLiteral("checkpoints"), QStringLiteral("outputs")}));
        const QString text = m_editor->yamlText();
        QVERIFY2(text.contains(QLatin1String("experimentalFeatures:\n  keepMe: true\n")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("CUDA_DEVICE_ORDER: PCI_BUS_ID")));
        QVERIFY(text.contains(QLatin1String("maxRunDurationSeconds: 7200")));

        QVERIFY(m_editor->save());
        const auto loaded = RunConfigurationFile::load(path);
        QVERIFY(loaded.configuration);
        QCOMPARE(loaded.configuration->extra.value(QLatin1String("experimentalFeatures")).toObject().value(QLatin1String("keepMe")),
                 QJsonValue(true));
    }

    void environmentVariablesTable()
    {
        QVERIFY(m_editor->openFile(copyFixture(QStringLiteral("local.runconfig"))));
        auto *table = child<QTableWidget>("variablesTable");
        QTest::mouseClick(child<QAbstractButton>("addVariableButton"), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 2);
        // A row without a name is not written yet.
        QVERIFY(!m_editor->isWindowModified());
        table->item(1, 0)->setText(QStringLiteral("BATCH_SIZE"));
        table->item(1, 1)->setText(QStringLiteral("64"));
        QVERIFY2(m_editor->yamlText().contains(QLatin1String("BATCH_SIZE: '64'")) || m_editor->yamlText().contains(QLatin1String("BATCH_SIZE: \"64\"")),
                 qPrintable(m_editor->yamlText()));

        table->selectRow(0);
        QTest::mouseClick(child<QAbstractButton>("removeVariableButton"), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 1);
        const auto variables = m_editor->configuration().environment->environmentVariables;
        QCOMPARE(variables, std::optional(QMap<QString, QString>{{QStringLiteral("BATCH_SIZE"), QStringLiteral("64")}}));
        QVERIFY(!m_editor->yamlText().contains(QLatin1String("OMP_NUM_THREADS")));
    }

    void newFromTemplate()
    {
        m_editor->setProjectFolder(m_project);
        m_editor->newFromTemplate();
        QCOMPARE(m_editor->windowTitle(), QStringLiteral("Untitled[*] — Run Configuration"));
        QVERIFY(m_editor->filePath().isEmpty());
        const QString text = m_editor->yamlText();
        QVERIFY(text.startsWith(QLatin1String("script: train.py\n")));
        QVERIFY(text.contains(QLatin1String("\ntarget: local\n")));
        QCOMPARE(m_editor->configuration(), RunConfiguration::makeTemplate(QStringLiteral("local"), QStringLiteral("train.py")));
        QCOMPARE(m_editor->findings(), QList<Finding>());
        QCOMPARE(child<QSpinBox>("maxDurationSpin")->text(), QStringLiteral("No limit"));

        // A time limit, then none again: the key stays, empty.
        child<QSpinBox>("maxDurationSpin")->setValue(3600);
        QVERIFY(m_editor->yamlText().contains(QLatin1String("\nmaxRunDurationSeconds: 3600\n")));
        child<QSpinBox>("maxDurationSpin")->setValue(0);
        QVERIFY(!m_editor->configuration().maxRunDurationSeconds);
        QVERIFY(m_editor->configuration().nullKeys.contains(QStringLiteral("maxRunDurationSeconds")));
        QVERIFY2(m_editor->yamlText().contains(QLatin1String("\nmaxRunDurationSeconds:")), qPrintable(m_editor->yamlText()));
        QVERIFY(!m_editor->yamlText().contains(QLatin1String("3600")));
    }

    void closeAsksAboutChanges()
    {
        const QString path = copyFixture(QStringLiteral("local.runconfig"));
        QVERIFY(m_editor->openFile(path));
        child<QSpinBox>("nodeCountSpin")->setValue(2);

        answerNextMessageBox(this, QMessageBox::Cancel);
        QVERIFY(!m_editor->close());
        QVERIFY(m_editor->isVisible());

        // Revert asks too, then reloads the file.
        answerNextMessageBox(this, QMessageBox::Discard);
        child<QAction>("revertAction")->trigger();
        QVERIFY(!m_editor->isWindowModified());
        QCOMPARE(m_editor->yamlText().toUtf8(), readFile(path));
        QCOMPARE(child<QSpinBox>("nodeCountSpin")->value(), 1);

        child<QSpinBox>("nodeCountSpin")->setValue(2);
        answerNextMessageBox(this, QMessageBox::Discard);
        QVERIFY(m_editor->close());
        QVERIFY(!m_editor->isVisible());
        QVERIFY(!readFile(path).contains("nodeCount: 2"));
    }

    void projectRunConfigurations()
    {
        QCOMPARE(RunConfigurationEditor::projectRunConfigurations(m_project), QStringList());
        QVERIFY(QDir().mkpath(m_project + QStringLiteral("/.azureml")));
        QVERIFY(QDir().mkpath(m_project + QStringLiteral("/aml_config")));
        QVERIFY(QFile::copy(Fixtures + QStringLiteral("local.runconfig"), m_project + QStringLiteral("/.azureml/local.runconfig")));
        QVERIFY(QFile::copy(Fixtures + QStringLiteral("gpu-box.runconfig"), m_project + QStringLiteral("/aml_config/gpu-box.runconfig")));
        QVERIFY(QFile::copy(Fixtures + QStringLiteral("conda_dependencies.yml"), m_project + QStringLiteral("/.azureml/conda_dependencies.yml")));
        QCOMPARE(RunConfigurationEditor::projectRunConfigurations(m_project),
                 (QStringList{QStringLiteral(".azureml/local.runconfig"), QStringLiteral("aml_config/gpu-box.runconfig")}));

        // A file in .azureml/ belongs to the folder above it.
        QVERIFY(m_editor->openFile(m_project + QStringLiteral("/.azureml/local.runconfig")));
        QCOMPARE(m_editor->projectFolder(), QDir(m_project).absolutePath());
    }

private:
    template<typename T>
    T *child(const char *name) const
    {
        auto *found = m_editor->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no %s in the editor", name);
        return found;
    }

    QString copyFixture(const QString &name) const
    {
        const QString path = m_project + QLatin1Char('/') + name;
        if (!QFile::copy(Fixtures + name, path))
            qFatal("cannot copy %s", qPrintable(name));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<Workspace> m_workspace;
    QString m_project;
    std::unique_ptr<RunConfigurationEditor> m_editor;
};

QTEST_MAIN(tst_RunConfigurationEditor)
#include "tst_runconfigurationeditor.moc"
