// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "net/Certificate.h"
#include "smtp/Capabilities.h"
#include "store/Account.h"
#include "sync/AccountSync.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace Mailtrail::Imap {
class Session;
}
namespace Mailtrail::Smtp {
class SubmissionJob;
}

namespace Mailtrail::Sync {

/// What trying an account's settings found.
struct ConnectionTestReport
{
    bool imapOk = false;
    bool smtpOk = false;
    QString error; ///< the first problem, in words
    /// A certificate that was not trusted (the test rejected it; the caller may ask the
    /// user and try again with the fingerprint pinned).
    std::optional<Net::CertificateProblem> certificate;
    bool dsnSupported = false; ///< the SMTP server offers DSN (RFC 3461)
    /// What the SMTP server offered after EHLO (and STARTTLS), when it got that far.
    std::optional<Smtp::Capabilities> smtpCapabilities;
    [[nodiscard]] bool ok() const { return imapOk && smtpOk; }
};

/// Tries an account's settings without changing anything: IMAP connect, TLS, login and
/// LOGOUT (RFC 9051 §6.2–6.3), then SMTP submission greeting, EHLO, STARTTLS, AUTH
/// (RFC 6409, RFC 4954) and QUIT-less close before any MAIL FROM: the job is stopped the
/// moment it reaches the envelope, so nothing is ever sent. One finished() per start().
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    ConnectionTest(Store::Account account, Credentials credentials, QObject *parent = nullptr);

    void setImapTransportFactory(AccountSync::TransportFactory factory)
    {
        m_imapFactory = std::move(factory);
    }
    void setSmtpTransportFactory(AccountSync::TransportFactory factory)
    {
        m_smtpFactory = std::move(factory);
    }
    void start();

Q_SIGNALS:
    void finished(const Mailtrail::Sync::ConnectionTestReport &report);

private:
    void testSmtp();
    Net::Transport *makeTransport(const AccountSync::TransportFactory &factory);
    void finish();

    Store::Account m_account;
    Credentials m_credentials;
    AccountSync::TransportFactory m_imapFactory;
    AccountSync::TransportFactory m_smtpFactory;
    QPointer<Imap::Session> m_session;
    QPointer<Smtp::SubmissionJob> m_job;
    ConnectionTestReport m_report;
    bool m_finished = false;
};

} // namespace Mailtrail::Sync

Q_DECLARE_METATYPE(Mailtrail::Sync::ConnectionTestReport)
