#include "translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Trainyard {

QString TranslationLoader::install(const QString &language)
{
    QString wanted = language.isEmpty() ? QLocale::system().name().section(QLatin1Char('_'), 0, 0) : language;
    if (!availableLanguages().contains(wanted))
        wanted = QStringLiteral("en");
    QLocale::setDefault(QLocale(wanted));
    if (wanted == QLatin1String("en"))
        return wanted;

    auto *app = QCoreApplication::instance();
    auto *own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/trainyard_") + wanted))
        QCoreApplication::installTranslator(own);
    // Qt's own strings (standard dialog buttons) when the distribution ships them.
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(wanted), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    return wanted;
}

QStringList TranslationLoader::availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("trainyard_*.qm")});
    for (const QString &file : files)
        languages << file.mid(10, file.size() - 13);
    return languages;
}

} // namespace Trainyard
