// The layers hold: core/ includes nothing from Qt Gui or Widgets, the models library links without
// Widgets, and the CLI links neither Gui nor Widgets (so it cannot create a QApplication).

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

QStringList linkedLibraries(const QString &binary)
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {binary});
    if (!ldd.waitForFinished(30000))
        return {};
    QStringList libraries;
    const QStringList lines = QString::fromLocal8Bit(ldd.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString name = line.trimmed().section(QLatin1Char(' '), 0, 0);
        if (!name.isEmpty())
            libraries << name;
    }
    return libraries;
}

QStringList filesMatching(const QString &dir, const QRegularExpression &pattern)
{
    QStringList hits;
    QDirIterator it(dir, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // Comments may name what the code avoids; only code counts.
        static const QRegularExpression comment(QStringLiteral("//[^\n]*"));
        const QString text = QString::fromUtf8(file.readAll()).remove(comment);
        const QRegularExpressionMatch match = pattern.match(text);
        if (match.hasMatch())
            hits << file.fileName() + QStringLiteral(": ") + match.captured(0);
    }
    return hits;
}

} // namespace

class tst_Layers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coreIncludesNoGui()
    {
        static const QRegularExpression gui(QStringLiteral(
            R"(#include\s*<(QtGui|QtWidgets)(/[^>]*)?>|#include\s*<Q(Widget|Application|GuiApplication|MainWindow|Painter|Icon|Pixmap|Image|Color|Font|Dialog|MessageBox)>)"));
        const QStringList hits = filesMatching(QStringLiteral(TRAINYARD_SOURCE_DIR "/core"), gui);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void cliNeverCreatesAnApplication()
    {
        static const QRegularExpression application(QStringLiteral(R"(\bQ(Gui)?Application\b)"));
        QStringList hits = filesMatching(QStringLiteral(TRAINYARD_SOURCE_DIR "/app/cli"), application);
        hits << filesMatching(QStringLiteral(TRAINYARD_SOURCE_DIR "/core"), application);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));

        const QStringList libraries = linkedLibraries(QStringLiteral(TRAINYARD_CLI_BINARY));
        QVERIFY(!libraries.isEmpty());
        QVERIFY(libraries.contains(QStringLiteral("libQt6Core.so.6")));
        QVERIFY2(!libraries.contains(QStringLiteral("libQt6Widgets.so.6")), qPrintable(libraries.join(QLatin1Char(' '))));
        QVERIFY2(!libraries.contains(QStringLiteral("libQt6Gui.so.6")), qPrintable(libraries.join(QLatin1Char(' '))));
    }

    void modelsLinkWithoutWidgets()
    {
        const QStringList libraries = linkedLibraries(QStringLiteral(TRAINYARD_MODELS_TEST));
        QVERIFY(libraries.contains(QStringLiteral("libQt6Gui.so.6")));
        QVERIFY2(!libraries.contains(QStringLiteral("libQt6Widgets.so.6")), qPrintable(libraries.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(tst_Layers)
#include "tst_layers.moc"
