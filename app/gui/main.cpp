// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppContext.h"
#include "MainWindow.h"
#include "Profile.h"
#include "Translations.h"
#include "Version.h"
#include "MailController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QStringList>

#include <cstdio>

int main(int argc, char *argv[])
{
    // --help and --version must work without a display, so parse before QApplication exists.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QApplication::setApplicationName(QStringLiteral("mailtrail"));
    QApplication::setApplicationDisplayName(QStringLiteral("Mailtrail"));
    QApplication::setApplicationVersion(Mailtrail::version());
    QApplication::setOrganizationDomain(QStringLiteral("mailtrail.example.org"));
    QApplication::setDesktopFileName(QStringLiteral("org.mailtrail.Mailtrail"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Mailtrail: a mail client that tracks delivery per recipient."));
    parser.addHelpOption();
    const QCommandLineOption versionOption(
        {QStringLiteral("v"), QStringLiteral("version")},
        QApplication::translate("main", "Show version information and exit."));
    parser.addOption(versionOption);
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QApplication::translate("main", "Keep all data in <dir> instead of the user's profile."),
        QStringLiteral("dir"));
    parser.addOption(profileOption);
    parser.addPositionalArgument(QStringLiteral("mailto"),
                                 QApplication::translate("main", "A mailto: URL to compose."),
                                 QStringLiteral("[mailto:...]"));
    if (!parser.parse(arguments)) {
        std::fputs(qPrintable(QStringLiteral("mailtrail: %1\n").arg(parser.errorText())), stderr);
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                        QStringLiteral("mailtrail"))),
                   stdout);
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::fputs(qPrintable(Mailtrail::versionDetails() + QLatin1Char('\n')), stdout);
        return 0;
    }

    QApplication app(argc, argv);
    Mailtrail::installTranslations(app);

    if (const QString tlsError = Mailtrail::checkTlsBackend(); !tlsError.isEmpty()) {
        std::fputs(qPrintable(tlsError + QLatin1Char('\n')), stderr);
        QMessageBox::critical(nullptr, QStringLiteral("Mailtrail"), tlsError);
        return 1;
    }

    const Mailtrail::Profile profile = parser.isSet(profileOption)
        ? Mailtrail::Profile(parser.value(profileOption))
        : Mailtrail::Profile();
    if (const QString error = profile.ensureExists(); !error.isEmpty()) {
        std::fputs(qPrintable(error + QLatin1Char('\n')), stderr);
        QMessageBox::critical(nullptr, QStringLiteral("Mailtrail"), error);
        return 1;
    }

    Mailtrail::Ui::AppContext context;
    context.setProfileDirectory(profile.directory());
    if (const QString error = context.open(profile.databasePath()); !error.isEmpty()) {
        std::fputs(qPrintable(error + QLatin1Char('\n')), stderr);
        QMessageBox::critical(nullptr, QStringLiteral("Mailtrail"), error);
        return 1;
    }

    Mailtrail::Ui::MainWindow window(context);
    // Sending, checking mail, bodies, read receipts, drafts, accounts: the real core.
    Mailtrail::Ui::MailController controller(context, window);
    window.show();
    const QStringList positional = parser.positionalArguments();
    for (const QString &argument : positional) {
        if (argument.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            window.openMailto(argument);
        else
            window.showError(QApplication::translate("main", "Cannot open %1: only mailto: links are understood.")
                                 .arg(argument));
    }
    // Check mail when the window is up (and send what waited in the outbox).
    QMetaObject::invokeMethod(&controller, &Mailtrail::Ui::MailController::start, Qt::QueuedConnection);
    return app.exec();
}
