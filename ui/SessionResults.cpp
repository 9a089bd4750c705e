// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionResults.h"

#include "AppContext.h"
#include "MainWindow.h"
#include "SearchPane.h"
#include "SendOutcome.h"
#include "sync/AccountSessions.h"
#include "sync/OutboxQueue.h"

#include <QLoggingCategory>
#include <QStatusBar>

namespace Mailtrail::Ui {

namespace {
Q_LOGGING_CATEGORY(lcResults, "mailtrail.ui.controller", QtWarningMsg)
}

SessionResults::SessionResults(
    Sync::AccountSessions &sessions, MainWindow &window, AppContext &context, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_window(window)
    , m_context(context)
{
    showMailResults();
    showEditResults();
}

void SessionResults::showMailResults()
{
    connect(&m_sessions, &Sync::AccountSessions::folderFinished, this,
        [this](const QString &, const Sync::FolderSyncResult &result) {
            if (result.added > 0)
                m_window.reload(); // a first sync of a big folder shows messages as they arrive
        });
    connect(&m_sessions, &Sync::AccountSessions::checkFinished, this,
        [this](const QString &name, const Sync::MailCheckReport &report) {
            // While a bar asks for the account's password or sign-in, the failure is no news.
            if (!report.ok() && !m_window.isAskingAbout(name))
                m_window.showError(
                    tr("Checking mail of %1 failed: %2").arg(name, report.sync.errorMessage()));
            for (const QString &e : report.errors)
                qCWarning(lcResults) << name << e;
            for (const QString &e : report.tracking.errors)
                qCWarning(lcResults) << name << "tracking:" << e;
            if (report.ok()) {
                m_window.statusBar()->showMessage(tr("Mail of %1 checked.").arg(name), 4000);
                m_sessions.downloadForOffline(name);
            }
            m_window.reload();
            Q_EMIT checkFinished(name, report.ok());
        });
    connect(&m_sessions, &Sync::AccountSessions::folderChanged, this,
        [this](const QString &name, const Sync::FolderSyncResult &result) {
            m_window.reload();
            if (result.added > 0)
                Q_EMIT newMailArrived(name);
        });
    // The IDLE connection stops when even a renewed token is refused: the same bar as for
    // the command connection (showing it twice replaces it).
    connect(&m_sessions, &Sync::AccountSessions::credentialsFailed, this,
        [this](const QString &name, const Sync::CredentialError &error) {
            if (error.kind == Sync::CredentialError::Kind::SignInAgain)
                m_window.showSignInAgain(name, error.message);
        });
    connect(&m_sessions, &Sync::AccountSessions::monitorLost, this,
        [this](const QString &name, const QString &reason, int retryMs) {
            m_window.statusBar()->showMessage(
                tr("The connection of %1 was lost (%2); retrying in %3 s.")
                    .arg(name, reason)
                    .arg(retryMs / 1000),
                8000);
        });
    connect(&m_sessions, &Sync::AccountSessions::messageSent, this, [this](const QString &, qint64 id) {
        if (const std::optional<Sync::OutboxEntry> entry = m_context.outbox().entry(id))
            showSendOutcome(m_window, *entry);
        m_window.reload();
        Q_EMIT messageSent(id);
    });
    connect(&m_sessions, &Sync::AccountSessions::offlineDownloadFinished, this, [this](const QString &, int downloaded) {
        if (downloaded > 0)
            m_window.searchPane()->refresh();
    });
    connect(&m_sessions, &Sync::AccountSessions::searchIndexCaughtUp, this,
        [this](qint64) { m_window.searchPane()->refresh(); });
    connect(&m_sessions, &Sync::AccountSessions::flushFinished, this,
        [this](const QString &name, const Sync::OutboxFlushReport &report) {
            showFlushOutcome(m_window, report);
            m_window.reload();
            Q_EMIT flushFinished(name);
        });
    connect(&m_sessions, &Sync::AccountSessions::bodyFetched, this,
        [this](const Sync::BodyFetchResult &result) {
            if (result.ok)
                m_window.bodyArrived(result.messageId);
            else if (result.offline)
                m_window.bodyUnavailable(result.messageId,
                    tr("This message has not been downloaded yet, and the server cannot be "
                       "reached: %1")
                        .arg(result.error));
            else
                m_window.bodyUnavailable(result.messageId,
                    tr("This message could not be downloaded: %1").arg(result.error));
            Q_EMIT bodyFetched(result.messageId, result.ok);
        });
    connect(&m_sessions, &Sync::AccountSessions::draftUploaded, this,
        [this](const QString &name, qint64 id, const Sync::AppendResult &result) {
            if (!result.ok)
                m_window.statusBar()->showMessage(
                    tr("The draft is saved on this computer; the copy on the server failed: %1")
                        .arg(result.error),
                    8000);
            else
                m_sessions.check(name); // the Drafts folder shows it
            Q_EMIT draftUploaded(id, result.ok);
        });
}

void SessionResults::showEditResults()
{
    connect(&m_sessions, &Sync::AccountSessions::markedRead, this,
        [this](qint64 id, const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcResults) << "marking a message read on the server failed:" << error;
            Q_EMIT messageMarkedRead(id, error.isEmpty());
        });
    connect(&m_sessions, &Sync::AccountSessions::movedToTrash, this,
        [this](qint64 id, const QString &error) {
            if (!error.isEmpty())
                m_window.showError(tr("The message could not be deleted: %1").arg(error));
            else
                m_window.statusBar()->showMessage(tr("Moved to the Trash."), 4000);
            m_window.reload();
            Q_EMIT messageDeleted(id, error.isEmpty());
        });
    connect(&m_sessions, &Sync::AccountSessions::flagsStored, this, [this](qint64 id, const QString &error) {
        if (!error.isEmpty())
            m_window.statusBar()->showMessage(
                tr("The change is kept on this computer; the server did not take it: %1").arg(error), 8000);
        Q_EMIT flagsStored(id, error.isEmpty());
    });
    connect(&m_sessions, &Sync::AccountSessions::transferred, this,
        [this](const QList<qint64> &ids, qint64, bool copy, const QString &error) {
            if (!error.isEmpty())
                m_window.showError(copy ? tr("The messages could not be copied: %1").arg(error)
                                        : tr("The messages could not be moved: %1").arg(error));
            else
                m_window.statusBar()->showMessage(copy ? tr("%n message(s) copied.", nullptr, int(ids.size()))
                                                       : tr("%n message(s) moved.", nullptr, int(ids.size())),
                    4000);
            m_window.reload();
            Q_EMIT messagesTransferred(ids, error.isEmpty());
        });
    connect(&m_sessions, &Sync::AccountSessions::folderEdited, this, [this](qint64 id, const QString &error) {
        if (!error.isEmpty())
            m_window.showError(tr("The folder could not be changed: %1").arg(error));
        else
            m_window.statusBar()->showMessage(tr("Folders updated."), 4000);
        m_window.reload();
        Q_EMIT folderEdited(id, error.isEmpty());
    });
}

} // namespace Mailtrail::Ui
