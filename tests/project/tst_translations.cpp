// translations/*.ts stay complete: no unfinished or empty entries, and no source string that
// lupdate would add (a new tr() that nobody translated yet).

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString translationsDir()
{
    return QStringLiteral(TRAINYARD_SOURCE_DIR "/translations");
}

QStringList tsFiles()
{
    return QDir(translationsDir()).entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
}

// "context: source" of every unfinished, vanished or empty entry.
QStringList problems(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read ") + path};
    QDomDocument document;
    if (!document.setContent(&file))
        return {path + QStringLiteral(" is not valid XML")};
    const bool russian = document.documentElement().attribute(QStringLiteral("language")).startsWith(QLatin1String("ru"));
    QStringList found;
    const QDomNodeList contexts = document.elementsByTagName(QStringLiteral("context"));
    for (int c = 0; c < contexts.size(); ++c) {
        const QDomElement context = contexts.at(c).toElement();
        const QString name = context.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement message = context.firstChildElement(QStringLiteral("message")); !message.isNull();
             message = message.nextSiblingElement(QStringLiteral("message"))) {
            const QString source = message.firstChildElement(QStringLiteral("source")).text();
            const QDomElement translation = message.firstChildElement(QStringLiteral("translation"));
            const QString where = name + QStringLiteral(": ") + source;
            const QString type = translation.attribute(QStringLiteral("type"));
            if (!type.isEmpty()) {
                found << QStringLiteral("%1 (%2)").arg(where, type);
                continue;
            }
            if (message.attribute(QStringLiteral("numerus")) == QLatin1String("yes")) {
                const QDomNodeList forms = translation.elementsByTagName(QStringLiteral("numerusform"));
                const int expected = russian ? 3 : 2;
                bool empty = forms.size() != expected;
                for (int f = 0; f < forms.size(); ++f)
                    empty = empty || forms.at(f).toElement().text().isEmpty();
                if (empty)
                    found << where + QStringLiteral(" (plural forms missing)");
            } else if (translation.text().isEmpty()) {
                found << where + QStringLiteral(" (empty)");
            } else if (source.count(QLatin1Char('%')) != translation.text().count(QLatin1Char('%'))) {
                found << where + QStringLiteral(" (placeholders differ)");
            }
        }
    }
    return found;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = tsFiles();
        QVERIFY(files.contains(QStringLiteral("trainyard_ru.ts")));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    void complete()
    {
        QFETCH(QString, file);
        const QStringList found = problems(translationsDir() + QLatin1Char('/') + file);
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 entries need work:\n  ").arg(found.size())
                                              + found.join(QStringLiteral("\n  "))));
    }

    void russianCoversEverySourceString()
    {
        // Run lupdate over the sources into a copy: anything it adds is a string nobody translated.
        QTemporaryDir temp;
        const QString copy = temp.filePath(QStringLiteral("trainyard_ru.ts"));
        QVERIFY(QFile::copy(translationsDir() + QStringLiteral("/trainyard_ru.ts"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList arguments;
        for (const char *dir : {"core", "models", "views", "ui", "app"})
            arguments << QStringLiteral(TRAINYARD_SOURCE_DIR "/") + QLatin1String(dir);
        arguments << QStringLiteral("-extensions") << QStringLiteral("cpp,h,ui") << QStringLiteral("-no-obsolete")
                  << QStringLiteral("-locations") << QStringLiteral("none") << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.start(QStringLiteral(TRAINYARD_LUPDATE), arguments);
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        const QStringList found = problems(copy);
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("untranslated after lupdate (run the update_translations "
                                                            "target and translate):\n  ") + found.join(QStringLiteral("\n  "))));
    }
};

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
