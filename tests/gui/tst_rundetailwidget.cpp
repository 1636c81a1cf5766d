// The run detail view following real local runs, offscreen: a run that completes (header,
// metrics chart, logs, overview, snapshot, outputs), a run canceled with the Cancel button, the
// log tail and its search, and metrics loaded off the GUI thread with stale results dropped.

#include "logview.h"
#include "metricchartgrid.h"
#include "metricchartview.h"
#include "metricsloader.h"
#include "propertylistmodel.h"
#include "runcomparewidget.h"
#include "rundetailwidget.h"
#include "runmonitor.h"
#include "runstore.h"
#include "runsubmitter.h"
#include "snapshotbrowser.h"
#include "snapshottreemodel.h"
#include "translationloader.h"
#include "workspace.h"

#include "tools/rundetailtesting.h"
#include "tools/testfiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <cmath>

using namespace Trainyard;
using RunDetailTesting::follow;
using TestFiles::writeFile;

namespace {

// A project folder whose local runconfig runs train.py with /usr/bin/python3.
void makeProject(const QString &dir, const QByteArray &script)
{
    writeFile(dir + QStringLiteral("/train.py"), script);
    writeFile(dir + QStringLiteral("/.azureml/local.runconfig"),
              "script: train.py\ntarget: local\nenvironment:\n  python:\n    userManagedDependencies: true\n"
              "    interpreterPath: /usr/bin/python3\n");
}

const QByteArray trainingScript = "import math, os, time, trainyard\n"
                                  "trainyard.tag('dataset', 'synthetic')\n"
                                  "for i in range(30):\n"
                                  "    loss = 2.0 * math.exp(-i / 8) + 0.05 * math.sin(i)\n"
                                  "    trainyard.log('loss', loss)\n"
                                  "    trainyard.log('accuracy', 1 - loss / 2.5)\n"
                                  "    print(f'epoch {i:2d}  loss {loss:.4f}', flush=True)\n"
                                  "    time.sleep(0.01)\n"
                                  "trainyard.log('phase', 'finished')\n"
                                  "with open(os.path.join(trainyard.outputs_dir(), 'model.txt'), 'w') as f:\n"
                                  "    f.write('weights')\n"
                                  "print('training finished', flush=True)\n";

// The value a property table shows next to `label`.
QString propertyValue(const PropertyListModel *model, const QString &label)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, PropertyListModel::LabelColumn).data().toString() == label)
            return model->index(row, PropertyListModel::ValueColumn).data().toString();
    }
    return QStringLiteral("<no %1>").arg(label);
}

QStringList column(const QTreeWidget *tree, int column)
{
    QStringList texts;
    for (int row = 0; row < tree->topLevelItemCount(); ++row)
        texts << tree->topLevelItem(row)->text(column);
    return texts;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("TRAINYARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    // Layouts settle in posted events: let them run so the picture shows what a person would see.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png")));
}

} // namespace

class tst_RunDetailWidget : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<Workspace> m_workspace;

    QString submit(const QByteArray &script, const QString &experiment = QStringLiteral("detail"))
    {
        const QString project = m_temp->filePath(experiment);
        makeProject(project, script);
        SubmitRequest request;
        request.experiment = experiment;
        request.sourceDirectory = project;
        request.runConfiguration = QStringLiteral("local");
        const auto outcome = RunSubmitter(*m_workspace).submit(request);
        if (!outcome) {
            qWarning("submit failed: %s", qPrintable(outcome.errorMessage()));
            return {};
        }
        return outcome->run.id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
        QVERIFY2(QFileInfo::exists(QStringLiteral("/usr/bin/python3")), "these tests run scripts with /usr/bin/python3");
    }

    void init()
    {
        m_temp = std::make_unique<QTemporaryDir>();
        auto workspace = Workspace::open(m_temp->filePath(QStringLiteral("ws")));
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();
    }

    void cleanup()
    {
        m_workspace.reset();
        m_temp.reset();
    }

    void completedRun()
    {
        const QString runId = submit(trainingScript);
        QVERIFY(!runId.isEmpty());

        RunDetailWidget widget(m_workspace.get());
        widget.resize(1280, 860);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.setRun(runId);
        QCOMPARE(widget.runId(), runId);
        QCOMPARE(widget.findChild<QLabel *>(QStringLiteral("runTitle"))->text(), runId);

        RunMonitor monitor(m_workspace.get());
        QTRY_COMPARE_WITH_TIMEOUT(follow(monitor, widget), QStringLiteral("Completed"), 60000);

        // Header: colour and icon of the status, the target, no Cancel for a finished run.
        auto *status = widget.findChild<QLabel *>(QStringLiteral("statusValue"));
        QCOMPARE(status->palette().color(QPalette::WindowText), QColor(0x10, 0x7c, 0x10));
        QVERIFY(!widget.findChild<QLabel *>(QStringLiteral("statusIcon"))->pixmap().isNull());
        QCOMPARE(widget.findChild<QLabel *>(QStringLiteral("targetValue"))->text(), QStringLiteral("local"));
        QVERIFY(widget.findChild<QLabel *>(QStringLiteral("statusReason"))->isHidden());
        QVERIFY(widget.cancelButton()->isHidden());

        // Metrics: a chart per scalar metric, its line holding the 30 values.
        widget.tabs()->setCurrentIndex(RunDetailWidget::MetricsTab);
        QTRY_VERIFY(widget.chartGrid()->chart(QStringLiteral("loss")));
        MetricChartView *loss = widget.chartGrid()->chart(QStringLiteral("loss"));
        QTRY_COMPARE(loss->lineSeries(runId) ? loss->lineSeries(runId)->points().size() : -1, 30);
        QCOMPARE(widget.chartGrid()->metricNames(), (QStringList{QStringLiteral("accuracy"), QStringLiteral("loss")}));
        // The last load may still be on its way (one that started while the run was logging).
        auto *summaries = widget.findChild<QTreeWidget *>(QStringLiteral("metricSummaries"));
        const QStringList allMetrics{QStringLiteral("accuracy"), QStringLiteral("dataset"), QStringLiteral("loss"), QStringLiteral("phase")};
        QTRY_COMPARE(column(summaries, 0), allMetrics);
        QCOMPARE(summaries->topLevelItem(int(allMetrics.indexOf(QStringLiteral("loss"))))->text(2), QStringLiteral("30"));
        // Values that are not charted are listed.
        auto *others = widget.findChild<QTreeWidget *>(QStringLiteral("otherMetricValues"));
        QTRY_COMPARE(column(others, 0), (QStringList{QStringLiteral("dataset"), QStringLiteral("phase")}));
        QCOMPARE(column(others, 4).constLast(), QStringLiteral("finished"));
        saveScreenshot(&widget, QStringLiteral("rundetail-metrics"));

        // Logs: what the script printed.
        widget.tabs()->setCurrentIndex(RunDetailWidget::LogsTab);
        QTRY_VERIFY(widget.logView()->text().contains(QStringLiteral("training finished")));
        QVERIFY(widget.logView()->text().contains(QStringLiteral("epoch 29  loss")));
        QVERIFY(widget.logView()->note().isEmpty());
        widget.logView()->setSearchText(QStringLiteral("loss"));
        QCOMPARE(widget.logView()->matchCount(), 30);
        QCOMPARE(widget.findChild<QLabel *>(QStringLiteral("matchLabel"))->text(), QStringLiteral("1 of 30"));
        widget.logView()->setSearchText(QString());
        saveScreenshot(&widget, QStringLiteral("rundetail-logs"));

        // Overview: the run's properties, its status history and its configuration.
        widget.tabs()->setCurrentIndex(RunDetailWidget::OverviewTab);
        QCOMPARE(propertyValue(widget.propertiesModel(), QStringLiteral("Script")), QStringLiteral("train.py"));
        QCOMPARE(propertyValue(widget.propertiesModel(), QStringLiteral("Exit code")), QStringLiteral("0"));
        QCOMPARE(propertyValue(widget.propertiesModel(), QStringLiteral("Snapshot files")), QStringLiteral("2"));
        QCOMPARE(propertyValue(widget.propertiesModel(), QStringLiteral("Run folder")),
                 QDir::toNativeSeparators(widget.run().runDirectory));
        auto *history = widget.findChild<QTreeWidget *>(QStringLiteral("statusHistory"));
        QCOMPARE(column(history, 1).constFirst(), QStringLiteral("Not started"));
        QCOMPARE(column(history, 1).constLast(), QStringLiteral("Completed"));
        QVERIFY(widget.findChild<QPlainTextEdit *>(QStringLiteral("runConfiguration"))->toPlainText().contains(QStringLiteral("train.py")));
        saveScreenshot(&widget, QStringLiteral("rundetail-overview"));

        // Snapshot: the submitted files, and their content.
        widget.tabs()->setCurrentIndex(RunDetailWidget::SnapshotTab);
        SnapshotTreeModel *files = widget.snapshotBrowser()->model();
        QStringList names;
        for (int row = 0; row < files->rowCount(); ++row)
            names << files->index(row, SnapshotTreeModel::NameColumn).data().toString();
        QCOMPARE(names, (QStringList{QStringLiteral(".azureml"), QStringLiteral("train.py")}));
        QVERIFY(widget.snapshotBrowser()->showFile(QStringLiteral("train.py")));
        QCOMPARE(widget.snapshotBrowser()->viewerText(), QString::fromUtf8(trainingScript));
        saveScreenshot(&widget, QStringLiteral("rundetail-snapshot"));

        // Outputs: the collected files.
        widget.tabs()->setCurrentIndex(RunDetailWidget::OutputsTab);
        auto *artifacts = widget.findChild<QTreeWidget *>(QStringLiteral("artifacts"));
        QVERIFY2(column(artifacts, 1).contains(QStringLiteral("model.txt")), qPrintable(column(artifacts, 1).join(QLatin1Char(','))));
        QVERIFY(column(artifacts, 1).contains(QStringLiteral("driver.log")));
        saveScreenshot(&widget, QStringLiteral("rundetail-outputs"));

        // Nothing changed: refresh reads nothing new and keeps what is shown.
        const QString logText = widget.logView()->text();
        widget.refresh();
        QCOMPARE(widget.logView()->text(), logText);
        QCOMPARE(widget.chartGrid()->chart(QStringLiteral("loss")), loss);
    }

    void cancelButtonCancels()
    {
        const QString runId = submit("import time\nprint('sleeping', flush=True)\ntime.sleep(120)\n", QStringLiteral("sleepy"));
        QVERIFY(!runId.isEmpty());
        RunDetailWidget widget(m_workspace.get());
        widget.setConfirmCancel(false);
        widget.resize(1100, 700);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.setRun(runId);

        RunMonitor monitor(m_workspace.get());
        QTRY_COMPARE_WITH_TIMEOUT(follow(monitor, widget), QStringLiteral("Running"), 30000);
        QTRY_VERIFY(widget.logView()->text().contains(QStringLiteral("sleeping")));
        QCOMPARE(widget.findChild<QLabel *>(QStringLiteral("statusValue"))->palette().color(QPalette::WindowText),
                 QColor(0x00, 0x67, 0xc0));
        QVERIFY(widget.cancelButton()->isVisible());
        QVERIFY(widget.cancelButton()->isEnabled());
        // The duration ticks while the run is active.
        auto *duration = widget.findChild<QLabel *>(QStringLiteral("durationValue"));
        QVERIFY(duration->text().endsWith(QStringLiteral(" s")));
        widget.tabs()->setCurrentIndex(RunDetailWidget::LogsTab);
        saveScreenshot(&widget, QStringLiteral("rundetail-running"));

        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(widget.cancelButton(), Qt::LeftButton);
        QCOMPARE(widget.cancelButton()->isEnabled(), false);
        QTRY_COMPARE_WITH_TIMEOUT(follow(monitor, widget), QStringLiteral("Canceled"), 15000);
        QVERIFY(clock.elapsed() < 15000);
        QCOMPARE(widget.findChild<QLabel *>(QStringLiteral("statusValue"))->palette().color(QPalette::WindowText),
                 QColor(0x73, 0x73, 0x73));
        QStringList statuses;
        const auto history = RunStore(*m_workspace).statusHistory(runId);
        QVERIFY(history);
        for (const RunStatusChange &change : *history)
            statuses << RunStatusInfo::key(change.status);
        QVERIFY2(statuses.contains(QStringLiteral("CancelRequested")), qPrintable(statuses.join(QLatin1Char(','))));
        QTRY_VERIFY(widget.cancelButton()->isHidden());
    }

    void failedRunShowsReason()
    {
        const QString runId = submit("import sys\nprint('bad input', flush=True)\nsys.exit(3)\n", QStringLiteral("broken"));
        RunDetailWidget widget(m_workspace.get());
        widget.setRun(runId);
        RunMonitor monitor(m_workspace.get());
        QTRY_COMPARE_WITH_TIMEOUT(follow(monitor, widget), QStringLiteral("Failed"), 30000);
        auto *reason = widget.findChild<QLabel *>(QStringLiteral("statusReason"));
        QVERIFY(!reason->isHidden());
        QCOMPARE(reason->text(), QStringLiteral("Failed: exit code 3"));
        QCOMPARE(widget.findChild<QLabel *>(QStringLiteral("statusValue"))->palette().color(QPalette::WindowText),
                 QColor(0xc5, 0x0f, 0x1f));
        QCOMPARE(propertyValue(widget.propertiesModel(), QStringLiteral("Exit code")), QStringLiteral("3"));
        QTRY_VERIFY(widget.logView()->text().contains(QStringLiteral("bad input")));
    }

    void logViewFollowsTheEnd()
    {
        LogView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QScrollBar *bar = view.textEdit()->verticalScrollBar();
        for (int i = 0; i < 200; ++i)
            view.appendText(QStringLiteral("line %1\n").arg(i));
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());

        // Scrolled up: new text does not pull the view down.
        bar->setValue(10);
        view.appendText(QStringLiteral("line 200\nline 201\n"));
        QCOMPARE(bar->value(), 10);
        // Back at the bottom: following again.
        bar->setValue(bar->maximum());
        view.appendText(QStringLiteral("line 202\n"));
        QCOMPARE(bar->value(), bar->maximum());

        // Search: every match counted, Enter and Shift+Enter walk through them.
        auto *search = view.findChild<QLineEdit *>(QStringLiteral("logSearch"));
        QTest::keySequence(&view, QKeySequence::Find);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("line 1"));
        QCOMPARE(view.matchCount(), 111); // "line 1", "line 10".."19", "line 100".."199"
        QCOMPARE(view.currentMatch(), 0);
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(view.currentMatch(), 1);
        QTest::keyClick(search, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(search, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(view.currentMatch(), 110);
        QCOMPARE(view.textEdit()->textCursor().selectedText(), QStringLiteral("line 1"));

        // Over the limit: whole lines go from the front.
        view.setMaximumCharacters(2000);
        for (int i = 0; i < 300; ++i)
            view.appendText(QStringLiteral("more %1\n").arg(i));
        QVERIFY(view.droppedCharacters() > 0);
        QVERIFY(view.text().size() <= 2200);
        QVERIFY(view.text().startsWith(QStringLiteral("more ")));
        QVERIFY(view.text().endsWith(QStringLiteral("more 299\n")));
    }

    void longLogShowsItsEnd()
    {
        // A run folder with a driver.log of 6 MB, growing while the view shows it.
        const auto runId = m_workspace->createRun(QStringLiteral("chatty"), QStringLiteral("local"));
        QVERIFY(runId);
        const QString runDirectory = m_temp->filePath(QStringLiteral("chatty-run"));
        QByteArray log;
        for (int i = 0; log.size() < 6 * 1024 * 1024; ++i)
            log += "line " + QByteArray::number(i) + ' ' + QByteArray(90, 'x') + '\n';
        writeFile(runDirectory + QStringLiteral("/.trainyard/driver.log"), log);
        QVERIFY(RunStore(*m_workspace).setLaunchDetails(*runId, {}, runDirectory, QStringLiteral("1")));

        RunDetailWidget widget(m_workspace.get());
        widget.resize(1000, 700);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.setRun(*runId);
        widget.tabs()->setCurrentIndex(RunDetailWidget::LogsTab);
        const QString text = widget.logView()->text();
        QVERIFY(text.size() <= RunDetailWidget::LogTailBytes);
        QVERIFY(text.size() > RunDetailWidget::LogTailBytes - 200);
        QVERIFY(text.startsWith(QStringLiteral("line "))); // from a line start, not mid-line
        QVERIFY(text.endsWith(QString::fromLatin1(log.right(120).mid(log.right(120).indexOf('\n') + 1))));
        QVERIFY2(widget.logView()->note().contains(QStringLiteral("last 5.00 MiB")), qPrintable(widget.logView()->note()));

        // New bytes only: what the script appends arrives at the end.
        QFile file(runDirectory + QStringLiteral("/.trainyard/driver.log"));
        QVERIFY(file.open(QIODevice::Append));
        file.write("the very last line\n");
        file.close();
        widget.refresh();
        QVERIFY(widget.logView()->text().endsWith(QStringLiteral("the very last line\n")));
        QCOMPARE(widget.logView()->text().count(QStringLiteral("the very last line")), 1);
        QVERIFY(widget.logView()->textEdit()->verticalScrollBar()->value() == widget.logView()->textEdit()->verticalScrollBar()->maximum());
    }

    void metricsLoadOffTheGuiThread()
    {
        // A big run and a small one, written straight to the store.
        const auto big = m_workspace->createRun(QStringLiteral("load"), QStringLiteral("local"));
        const auto small = m_workspace->createRun(QStringLiteral("load"), QStringLiteral("local"));
        QVERIFY(big && small);
        // TRAINYARD_METRIC_POINTS=1000000 for the size the studio is built for (slow to insert).
        const int count = qEnvironmentVariableIsSet("TRAINYARD_METRIC_POINTS") ? qEnvironmentVariableIntValue("TRAINYARD_METRIC_POINTS") : 200000;
        QList<MetricPoint> points;
        points.reserve(count);
        for (int i = 0; i < count; ++i) {
            MetricPoint point;
            point.name = QStringLiteral("loss");
            point.step = i;
            point.value = 1.0 / (1 + i) + (i % 7) * 1e-4;
            point.timeMs = 1700000000000 + i;
            points.append(point);
        }
        QVERIFY(m_workspace->insertMetrics(*big, points));
        QVERIFY(m_workspace->insertMetrics(*small, points.mid(0, 10)));

        RunDetailWidget widget(m_workspace.get());
        widget.resize(1100, 700);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.tabs()->setCurrentIndex(RunDetailWidget::MetricsTab);

        // The window keeps answering while the big run loads: a timer keeps ticking.
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            longestGap = std::max(longestGap, now - last);
            last = now;
        });
        clock.start();
        ticker.start();
        widget.setRun(*big);
        QVERIFY(widget.chartGrid()->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(widget.chartGrid()->chart(QStringLiteral("loss")), 30000);
        ticker.stop();
        qInfo("loaded %d points in %lld ms; the event loop paused at most %lld ms", count, clock.elapsed(), longestGap);
        QVERIFY2(longestGap < 1000, qPrintable(QString::number(longestGap)));
        MetricChartView *chart = widget.chartGrid()->chart(QStringLiteral("loss"));
        QCOMPARE(chart->series().constFirst().points.size(), count);
        QVERIFY(chart->lineSeries(*big)->points().size() <= 2 * chart->decimationWidth() + 4);

        // Switching runs while a load is running: the late result for the first run is dropped.
        widget.setRun(*big);
        widget.setRun(*small);
        QTRY_VERIFY(widget.chartGrid()->chart(QStringLiteral("loss")));
        QTRY_COMPARE(widget.chartGrid()->chart(QStringLiteral("loss"))->series().constFirst().name, *small);
        // Once every load is back (the big one too, had it not been dropped), only the small run is shown.
        QVERIFY(MetricsLoader::waitForLoads(30000));
        QCoreApplication::processEvents();
        QCOMPARE(widget.chartGrid()->runs().size(), 1);
        QCOMPARE(widget.chartGrid()->runs().constFirst().runId, *small);
        QCOMPARE(widget.chartGrid()->chart(QStringLiteral("loss"))->series().constFirst().points.size(), 10);
    }

    void compareRuns()
    {
        const auto first = m_workspace->createRun(QStringLiteral("cmp"), QStringLiteral("local"));
        const auto second = m_workspace->createRun(QStringLiteral("cmp"), QStringLiteral("local"));
        QVERIFY(first && second);
        auto curve = [](const QString &name, double scale, int count) {
            QList<MetricPoint> points;
            for (int i = 0; i < count; ++i) {
                MetricPoint point;
                point.name = name;
                point.step = i;
                point.value = scale * std::exp(-i / 20.0) + 0.02 * std::sin(i);
                point.timeMs = 1700000000000 + i * 500;
                points.append(point);
            }
            return points;
        };
        QVERIFY(m_workspace->insertMetrics(*first, curve(QStringLiteral("loss"), 2.0, 100) + curve(QStringLiteral("val_loss"), 2.2, 100)));
        QVERIFY(m_workspace->insertMetrics(*second, curve(QStringLiteral("loss"), 1.5, 80)));

        RunCompareWidget compare(m_workspace.get());
        compare.resize(1280, 760);
        compare.show();
        QVERIFY(QTest::qWaitForWindowExposed(&compare));
        compare.setRuns({*first, *second});
        QTRY_VERIFY(compare.chartGrid()->chart(QStringLiteral("loss")));
        MetricChartView *loss = compare.chartGrid()->chart(QStringLiteral("loss"));
        QTRY_COMPARE(loss->series().size(), 2);
        QCOMPARE(loss->lineSeries(*first)->name(), *first);
        QCOMPARE(loss->lineSeries(*second)->name(), *second);
        QCOMPARE(compare.chartGrid()->chart(QStringLiteral("val_loss"))->series().size(), 1);
        // "runs" once translations/trainyard_en.ts has the plural forms of this string.
        QVERIFY(compare.findChild<QLabel *>(QStringLiteral("compareTitle"))->text().startsWith(QStringLiteral("Compare 2 run")));

        // New points of one run arrive on refresh (stored as the monitor stores them, which moves
        // the workspace revision; Workspace::insertMetrics does not).
        const auto ingested = RunStore(*m_workspace).ingestMetrics(*second, 0, 100, curve(QStringLiteral("loss"), 1.5, 90).mid(80));
        QVERIFY(ingested && *ingested);
        compare.refresh();
        QTRY_COMPARE(loss->series().at(1).points.size(), 90);
        compare.chartGrid()->setSmoothing(0.6);
        saveScreenshot(&compare, QStringLiteral("runcompare"));
        compare.chartGrid()->setXAxisMode(MetricChartGrid::XAxisMode::WallTime);
        QCOMPARE(loss->xAxisFormat(), MetricChartView::XAxisFormat::DateTime);
        saveScreenshot(&compare, QStringLiteral("runcompare-walltime"));
    }
};

QTEST_MAIN(tst_RunDetailWidget)
#include "tst_rundetailwidget.moc"
