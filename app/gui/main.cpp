// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddressInput.h"
#include "AppContext.h"
#include "ComposerDialog.h"
#include "MainWindow.h"
#include "Profile.h"
#include "Translations.h"
#include "Version.h"
#include "MailController.h"
#include "SingleInstance.h"

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
    // A start-up error: on stderr, and in a dialog unless nobody could answer one (an
    // unattended smoke test, the offscreen platform).
    const bool smokeTest = parser.isSet(smokeTestOption);
    const bool unattended = smokeTest || QGuiApplication::platformName() == QLatin1String("offscreen");
    const auto startupError = [unattended](const QString &error) {
        std::fputs(qPrintable(error + QLatin1Char('\n')), stderr);
        if (!unattended)
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

    // One window per profile: a later start hands its mailto: links to the running one.
    // A smoke test checks this installation's own start and never hands over.
    Mailtrail::Ui::SingleInstance instance(profile.directory());
    if (!smokeTest) {
        switch (instance.start(parser.positionalArguments())) {
        case Mailtrail::Ui::SingleInstance::Role::Forwarded:
            return 0;
        case Mailtrail::Ui::SingleInstance::Role::Failed:
            return startupError(instance.errorString());
        case Mailtrail::Ui::SingleInstance::Role::Primary:
            break;
        }
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
    QList<QPointer<Mailtrail::Ui::ComposerDialog>> composers;
    const auto openArguments = [&window, &composers](const QStringList &arguments) {
        for (const QString &argument : arguments) {
            if (argument.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
                composers.append(window.openMailto(argument));
            else
                window.showError(QApplication::translate("main", "Cannot open %1: only mailto: links are understood.")
                                     .arg(argument));
        }
    };
    openArguments(parser.positionalArguments());
    QObject::connect(&instance, &Mailtrail::Ui::SingleInstance::activated, &window,
                     [&window, &openArguments](const QStringList &arguments) {
                         qInfo("mailtrail: another start handed over %lld argument(s)", qlonglong(arguments.size()));
                         window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
                         window.show();
                         window.raise();
                         window.activateWindow();
                         openArguments(arguments);
                     });
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
