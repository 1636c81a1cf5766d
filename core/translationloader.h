#pragma once

#include <QString>

namespace Trainyard {

// Installs the translations for a language (Qt's own and Trainyard's, embedded under :/i18n) into
// the running QCoreApplication.
class TranslationLoader
{
public:
    // `language` is "en", "ru", ... or empty for the system locale. Returns the language in use
    // ("en" when no translation for the requested one exists).
    static QString install(const QString &language = {});
    // Languages with a Trainyard translation, English first.
    static QStringList availableLanguages();
};

} // namespace Trainyard
