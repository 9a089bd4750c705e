// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboxSupport.h"

#include "sync/AccountSession.h"
#include "sync/PasswordStore.h"

#include <QEventLoop>
#include <QJsonArray>
#include <iostream>
#include <string>

namespace Mailtrail::Cli {

std::optional<QString> accountPassword(
    Context &context, const Store::Account &account, bool fromStdin, const QString &command)
{
    if (fromStdin) {
        std::string line;
        std::getline(std::cin, line);
        const QString password = QString::fromStdString(line).trimmed();
        if (password.isEmpty()) {
            context.err << "mailtrail-cli " << command << ": no password on stdin\n";
            return std::nullopt;
        }
        return password;
    }
    Sync::PasswordStore passwords;
    QEventLoop loop;
    QString password;
    QString error;
    QObject::connect(&passwords, &Sync::PasswordStore::passwordRead, &loop,
        [&](const QString &, const QString &p, const QString &e) {
            password = p;
            error = e;
            loop.quit();
        });
    passwords.read(account.name);
    loop.exec();
    if (!error.isEmpty()) {
        context.err << "mailtrail-cli " << command << ": " << account.name << ": " << error
                    << " (use --password-stdin when no keychain is available)\n";
        return std::nullopt;
    }
    return password;
}

Sync::OutboxFlushReport flushOutbox(Context &context, const Store::Account &account,
    const Sync::Credentials &credentials, QSqlDatabase db, const QList<qint64> &ids, const QString &command)
{
    Sync::OutboxSender sender(account, credentials, db);
    sender.setOnly(ids);
    sender.setIgnoreBackoff(true); // the user asked for it now
    // The copy into Sent goes over the account's session, as in the GUI and `sync`.
    Sync::FixedCredentials source(credentials);
    Sync::AccountSession session(account, &source, db);
    sender.setAccountSession(&session);
    const auto untrusted = [&](const Net::CertificateProblem &problem) {
        context.err << "mailtrail-cli " << command << ": " << account.name
                    << ": the certificate of " << problem.host << " is not trusted (SHA-256 "
                    << problem.sha256.toHex()
                    << "). Re-add the account with --trust-fingerprint or --ca-file.\n";
        context.err.flush();
    };
    QObject::connect(&sender, &Sync::OutboxSender::certificateProblem, &sender, untrusted);
    QObject::connect(&session, &Sync::AccountSession::certificateProblem, &sender,
        [&](const Net::CertificateProblem &problem) {
            untrusted(problem);
            session.answerCertificate(Net::CertificateDecision::Reject);
        });
    QEventLoop loop;
    Sync::OutboxFlushReport report;
    QObject::connect(
        &sender, &Sync::OutboxSender::finished, &loop, [&](const Sync::OutboxFlushReport &r) {
            report = r;
            loop.quit();
        });
    sender.flush();
    if (sender.isRunning())
        loop.exec();
    if (report.recovered > 0)
        context.err << "mailtrail-cli " << command << ": " << report.recovered
                    << " message(s) were being transmitted when Mailtrail stopped; they may have "
                       "been sent and are "
                       "not resent. See 'mailtrail-cli outbox list'.\n";
    if (!report.sentCopyError.isEmpty())
        context.err << "mailtrail-cli " << command
                    << ": the copy in the Sent folder will be retried later: "
                    << report.sentCopyError << "\n";
    return report;
}

QString stateWords(const Sync::OutboxEntry &entry)
{
    if (entry.state == Sync::OutboxState::Uncertain)
        return QStringLiteral("may have been sent");
    return Sync::outboxStateName(entry.state);
}

QJsonObject outboxEntryJson(const Sync::OutboxEntry &entry)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), entry.id);
    o.insert(QStringLiteral("account"), entry.account);
    o.insert(QStringLiteral("message_id"), QString::fromUtf8(entry.messageId));
    o.insert(QStringLiteral("envid"), QString::fromLatin1(entry.envid));
    o.insert(QStringLiteral("subject"), entry.subject);
    o.insert(QStringLiteral("state"), Sync::outboxStateName(entry.state));
    o.insert(QStringLiteral("attempts"), entry.attempts);
    if (entry.state == Sync::OutboxState::Queued && entry.nextAttemptAt.isValid())
        o.insert(QStringLiteral("next_attempt"), entry.nextAttemptAt.toString(Qt::ISODate));
    o.insert(QStringLiteral("error"), entry.lastError);
    o.insert(QStringLiteral("dsn_supported"), entry.dsnSupported);
    o.insert(QStringLiteral("queue_id"), entry.queueId);
    o.insert(QStringLiteral("sent_copy"), Sync::sentCopyStateName(entry.sentCopy));
    if (!entry.sentCopyError.isEmpty())
        o.insert(QStringLiteral("sent_copy_error"), entry.sentCopyError);
    QJsonArray recipients;
    for (const auto &r : entry.recipients) {
        QJsonObject j;
        j.insert(QStringLiteral("address"), r.address);
        j.insert(QStringLiteral("accepted"), r.accepted);
        j.insert(QStringLiteral("replycode"), r.replyCode);
        j.insert(QStringLiteral("status"), r.status);
        j.insert(QStringLiteral("text"), r.text);
        recipients.append(j);
    }
    o.insert(QStringLiteral("recipients"), recipients);
    return o;
}

void printOutboxEntry(QTextStream &out, const Sync::OutboxEntry &entry)
{
    out << entry.id << "\t" << entry.account << "\t" << stateWords(entry) << "\t" << entry.subject
        << "\t" << QString::fromUtf8(entry.messageId) << "\n";
    if (entry.state == Sync::OutboxState::Sent || entry.state == Sync::OutboxState::Failed) {
        for (const auto &r : entry.recipients) {
            out << "  " << r.address << "\t" << (r.accepted ? "accepted" : "refused") << "\t"
                << r.replyCode << " " << r.status << " " << r.text << "\n";
        }
    }
    if (!entry.lastError.isEmpty() && entry.state != Sync::OutboxState::Sent)
        out << "  " << entry.lastError << "\n";
    if (entry.state == Sync::OutboxState::Queued && entry.attempts > 0)
        out << "  next attempt " << entry.nextAttemptAt.toString(Qt::ISODate) << " (attempt "
            << entry.attempts + 1 << ")\n";
    if (entry.state == Sync::OutboxState::Uncertain)
        out << "  decide: mailtrail-cli outbox resend " << entry.id << " | mark-sent " << entry.id
            << " | discard " << entry.id << "\n";
    if (entry.sentCopy == Sync::SentCopyState::Pending && !entry.sentCopyError.isEmpty())
        out << "  Sent copy pending: " << entry.sentCopyError << "\n";
}

} // namespace Mailtrail::Cli
