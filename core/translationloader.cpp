#include "translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Trainyard {

namespace {

QList<QTranslator *> &installedTranslators()
{
    static QList<QTranslator *> translators;
    return translators;
}

} // namespace

QString TranslationLoader::install(const QString &language)
{
    // Switching languages replaces what an earlier call installed.
    for (QTranslator *translator : std::as_const(installedTranslators())) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installedTranslators().clear();

    QString wanted = language.isEmpty() ? QLocale::system().name().section(QLatin1Char('_'), 0, 0) : language;
    if (!availableLanguages().contains(wanted))
        wanted = QStringLiteral("en");
    QLocale::setDefault(QLocale(wanted));

    // English has a plural-forms-only translation ("1 CPU", "2 CPUs").
    auto *app = QCoreApplication::instance();
    auto *own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/trainyard_") + wanted) && QCoreApplication::installTranslator(own))
        installedTranslators().append(own);
    else
        delete own;
    // Qt's own strings (standard dialog buttons) when the distribution ships them.
    auto *qt = new QTranslator(app);
    if (wanted != QLatin1String("en")
        && qt->load(QLocale(wanted), QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(qt)) {
        installedTranslators().append(qt);
    } else {
        delete qt;
    }
    return wanted;
}

QStringList TranslationLoader::availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("trainyard_*.qm")});
    for (const QString &file : files) {
        const QString language = file.mid(10, file.size() - 13);
        if (!languages.contains(language))
            languages << language;
    }
    return languages;
}

} // namespace Trainyard
