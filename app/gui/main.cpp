// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddressInput.h"
#include "AppContext.h"
#include "ComposerDialog.h"
#include "MainWindow.h"
#include "Profile.h"
#include "Translations.h"
#include "Version.h"
#include "MailController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QPointer>
#include <QStringList>
#include <QTimer>

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
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QApplication::translate("main", "Show this help and exit."));
    parser.addOption(helpOption);
    const QCommandLineOption versionOption(
        {QStringLiteral("v"), QStringLiteral("version")},
        QApplication::translate("main", "Show version information and exit."));
    parser.addOption(versionOption);
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QApplication::translate("main", "Keep all data in <dir> instead of the user's profile."),
        QStringLiteral("dir"));
    parser.addOption(profileOption);
    const QCommandLineOption smokeTestOption(
        QStringLiteral("smoke-test"),
        QApplication::translate("main", "Start, open the profile and the windows, print what is open and quit "
                                        "(a check for installations)."));
    parser.addOption(smokeTestOption);
    parser.addPositionalArgument(QStringLiteral("mailto"),
                                 QApplication::translate("main", "A mailto: URL to compose."),
                                 QStringLiteral("[mailto:...]"));
    if (!parser.parse(arguments)) {
        std::fputs(qPrintable(QStringLiteral("mailtrail: %1\n").arg(parser.errorText())), stderr);
        return 2;
    }
    if (parser.isSet(helpOption)) {
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
    // A start-up error: on stderr, and in a dialog unless this is an unattended smoke test.
    const bool smokeTest = parser.isSet(smokeTestOption);
    const auto startupError = [smokeTest](const QString &error) {
        std::fputs(qPrintable(error + QLatin1Char('\n')), stderr);
        if (!smokeTest)
            QMessageBox::critical(nullptr, QStringLiteral("Mailtrail"), error);
        return 1;
    };

    if (const QString tlsError = Mailtrail::checkTlsBackend(); !tlsError.isEmpty()) {
        return startupError(tlsError);
    }

    const Mailtrail::Profile profile = parser.isSet(profileOption)
        ? Mailtrail::Profile(parser.value(profileOption))
        : Mailtrail::Profile();
    if (const QString error = profile.ensureExists(); !error.isEmpty()) {
        return startupError(error);
    }

    Mailtrail::Ui::AppContext context;
    context.setProfileDirectory(profile.directory());
    if (const QString error = context.open(profile.databasePath()); !error.isEmpty()) {
        return startupError(error);
    }

    Mailtrail::Ui::MainWindow window(context);
    // Sending, checking mail, bodies, read receipts, drafts, accounts: the real core.
    Mailtrail::Ui::MailController controller(context, window);
    window.show();
    const QStringList positional = parser.positionalArguments();
    QList<QPointer<Mailtrail::Ui::ComposerDialog>> composers;
    for (const QString &argument : positional) {
        if (argument.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            composers.append(window.openMailto(argument));
        else
            window.showError(QApplication::translate("main", "Cannot open %1: only mailto: links are understood.")
                                 .arg(argument));
    }
    // Check mail when the window is up (and send what waited in the outbox); a smoke test
    // only starts and quits, without touching the network.
    if (!smokeTest)
        QMetaObject::invokeMethod(&controller, &Mailtrail::Ui::MailController::start, Qt::QueuedConnection);
    if (smokeTest) {
        // Once the event loop ran: say what is open (windows, composers from mailto: links), quit.
        QTimer::singleShot(0, &app, [&window, &composers] {
            QString report = QStringLiteral("window: %1\n").arg(window.windowTitle());
            for (const auto &composer : std::as_const(composers)) {
                if (composer && composer->isVisible())
                    report += QStringLiteral("composer: to=%1 cc=%2 subject=%3\n")
                                  .arg(composer->toField()->text(), composer->ccField()->text(),
                                       composer->subjectField()->text());
            }
            std::fputs(report.toLocal8Bit().constData(), stdout);
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    return app.exec();
}
