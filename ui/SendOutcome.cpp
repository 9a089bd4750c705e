// SPDX-License-Identifier: GPL-3.0-or-later
#include "SendOutcome.h"

#include "MainWindow.h"
#include "MessageBar.h"
#include "sync/OutboxEntry.h"
#include "sync/OutboxSender.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStatusBar>

namespace Mailtrail::Ui {

void showSendOutcome(MainWindow &window, const Sync::OutboxEntry &entry)
{
    const QString subject = entry.subject.isEmpty()
        ? QCoreApplication::translate("Mailtrail::Ui::SendOutcome", "(no subject)")
        : entry.subject;
    switch (entry.state) {
    case Sync::OutboxState::Sent: {
        int refused = 0;
        for (const Sync::OutboxRecipient &r : entry.recipients)
            refused
                += r.accepted || (r.replyCode >= 400 && r.replyCode < 500) ? 0 : 1; // 4xx: retried
        if (refused > 0)
            window.messageBar()->showMessage(
                QCoreApplication::translate("Mailtrail::Ui::SendOutcome",
                    "“%1” was sent, but the server refused %n recipient(s); see the delivery "
                    "panel.",
                    nullptr, refused)
                    .arg(subject),
                MessageBar::Kind::Warning);
        else
            window.statusBar()->showMessage(
                QCoreApplication::translate(
                    "Mailtrail::Ui::SendOutcome", "“%1” was accepted by the server.")
                    .arg(subject),
                6000);
        if (!entry.dsnSupported)
            window.messageBar()->showMessage(
                QCoreApplication::translate("Mailtrail::Ui::SendOutcome",
                    "“%1” was sent, but the server does not offer "
                    "delivery reports: Mailtrail can only show that "
                    "it was accepted.")
                    .arg(subject),
                MessageBar::Kind::Information);
        break;
    }
    case Sync::OutboxState::Queued:
        window.messageBar()->showMessage(
            QCoreApplication::translate("Mailtrail::Ui::SendOutcome",
                "“%1” could not be sent now and stays in the outbox; it will be tried again at %2. "
                "(%3)")
                .arg(subject,
                    QLocale().toString(
                        entry.nextAttemptAt.toLocalTime().time(), QLocale::ShortFormat),
                    entry.lastError),
            MessageBar::Kind::Warning);
        break;
    case Sync::OutboxState::Failed:
        window.showError(
            QCoreApplication::translate("Mailtrail::Ui::SendOutcome", "The server refused “%1”: %2")
                .arg(subject, entry.lastError));
        break;
    case Sync::OutboxState::Uncertain:
        window.showError(QCoreApplication::translate("Mailtrail::Ui::SendOutcome",
            "“%1” may have been sent: the connection broke while the server was answering. "
            "Open the Outbox (Ctrl+Shift+O) to resend or discard it.")
                             .arg(subject));
        break;
    case Sync::OutboxState::Transmitting:
        break;
    }
}

void showFlushOutcome(MainWindow &window, const Sync::OutboxFlushReport &report)
{
    if (report.recovered > 0)
        window.showError(QCoreApplication::translate("Mailtrail::Ui::SendOutcome",
            "%n message(s) were being sent when Mailtrail stopped. They may have been sent; "
            "open the Outbox to resend or discard them.",
            nullptr, report.recovered));
    if (!report.sentCopyError.isEmpty())
        window.statusBar()->showMessage(QCoreApplication::translate("Mailtrail::Ui::SendOutcome",
                                            "The copy in the Sent folder will be tried again later: %1")
                                            .arg(report.sentCopyError),
            8000);
}

} // namespace Mailtrail::Ui
