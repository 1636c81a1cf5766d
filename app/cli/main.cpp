#include "commandline.h"
#include "translationloader.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trainyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRAINYARD_VERSION));
    Trainyard::TranslationLoader::install();

    QTextStream out(stdout);
    QTextStream err(stderr);
    return Trainyard::Cli::CommandLine(out, err).run(QCoreApplication::arguments());
}
