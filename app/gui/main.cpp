#include "mainwindow.h"
#include "secretprompt.h"
#include "translationloader.h"
#include "workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("trainyard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Trainyard"));
    QApplication::setApplicationVersion(QStringLiteral(TRAINYARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("trainyard"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trainyard.svg")));

    // The language comes first so that --help is translated too.
    QString language;
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--lang") && i + 1 < arguments.size())
            language = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1String("--lang=")))
            language = arguments.at(i).mid(7);
    }
    Trainyard::TranslationLoader::install(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("Trainyard::Gui", "Trainyard studio: train models on the "
                                                                               "compute you already have."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({{QStringLiteral("w"), QStringLiteral("workspace")},
                      QApplication::translate("Trainyard::Gui", "Open the workspace in <dir>."),
                      QApplication::translate("Trainyard::Gui", "dir")});
    parser.addOption({QStringLiteral("project"),
                      QApplication::translate("Trainyard::Gui", "Open the Submit dialog for the project in <dir>."),
                      QApplication::translate("Trainyard::Gui", "dir")});
    parser.addOption({QStringLiteral("lang"),
                      QApplication::translate("Trainyard::Gui", "User interface language: en or ru (default: the "
                                                                "system's)."),
                      QApplication::translate("Trainyard::Gui", "language")});
    parser.process(app);
    Trainyard::SecretPrompt::install();

    QString location = parser.isSet(QStringLiteral("workspace")) ? parser.value(QStringLiteral("workspace"))
                                                                 : Trainyard::Workspace::defaultLocation();
    for (;;) {
        auto workspace = Trainyard::Workspace::open(location);
        if (workspace) {
            Trainyard::MainWindow window(std::move(workspace).value());
            window.show();
            if (parser.isSet(QStringLiteral("project")))
                window.openSubmitDialog(QDir(parser.value(QStringLiteral("project"))).absolutePath());
            return app.exec();
        }
        QMessageBox box(QMessageBox::Critical, QApplication::translate("Trainyard::Gui", "Cannot Open Workspace"),
                        workspace.errorMessage());
        box.setInformativeText(QApplication::translate("Trainyard::Gui", "Nothing was changed on disk. You can open "
                                                                         "another workspace folder instead."));
        QPushButton *choose = box.addButton(QApplication::translate("Trainyard::Gui", "Choose Another Folder…"),
                                            QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Close);
        box.setDefaultButton(choose);
        box.exec();
        if (box.clickedButton() != choose)
            return 1;
        location = QFileDialog::getExistingDirectory(nullptr, QApplication::translate("Trainyard::Gui", "Open Workspace"),
                                                     location);
        if (location.isEmpty())
            return 1;
    }
}
