// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

#include <functional>

namespace Mailtrail::Test {

/// The private Postfix + Dovecot stack started by scripts/mailstack (ctest fixture
/// "Mailstack"). Reads the KEY=value file named by MAILSTACK_ENV_FILE into typed accessors,
/// runs the script's control verbs and reads users' Maildirs. A test tool, never product code.
class MailStack
{
public:
    /// Loads the file named by MAILSTACK_ENV_FILE.
    static MailStack fromEnvironment();
    /// Loads the given env file (as written by `scripts/mailstack start`).
    explicit MailStack(const QString &envFile);

    /// False when the env file is missing or incomplete; errorString() says why.
    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }

    /// Raw value of MAILSTACK_<key>, e.g. value("IMAP_PORT").
    [[nodiscard]] QString value(const QString &key) const;

    [[nodiscard]] QString root() const { return value(QStringLiteral("ROOT")); }
    /// Address the servers listen on (MAILSTACK_BIND, default 127.0.0.1).
    [[nodiscard]] QString host() const { return value(QStringLiteral("HOST")); }
    /// Host name in the server certificate (mail.example.test); "localhost" and the IP work too.
    [[nodiscard]] QString tlsName() const { return value(QStringLiteral("TLS_NAME")); }
    [[nodiscard]] QString domain() const { return value(QStringLiteral("DOMAIN")); }
    [[nodiscard]] quint16 submissionPort() const { return port("SUBMISSION_PORT"); }
    [[nodiscard]] quint16 submissionsPort() const { return port("SUBMISSIONS_PORT"); }
    /// Submission that accepts unknown local users, which then bounce asynchronously.
    [[nodiscard]] quint16 submissionBouncePort() const { return port("SUBMISSION_BOUNCE_PORT"); }
    /// Submission (STARTTLS, AUTH) whose EHLO does not offer DSN (smtpd_discard_ehlo_keywords).
    [[nodiscard]] quint16 submissionNoDsnPort() const { return port("SUBMISSION_NODSN_PORT"); }
    [[nodiscard]] quint16 mxPort() const { return port("MX_PORT"); }
    [[nodiscard]] quint16 relayPort() const { return port("RELAY_PORT"); }
    [[nodiscard]] quint16 imapPort() const { return port("IMAP_PORT"); }
    [[nodiscard]] quint16 imapsPort() const { return port("IMAPS_PORT"); }
    [[nodiscard]] QString caFile() const { return value(QStringLiteral("CA_FILE")); }
    /// Whether Dovecot offers @p capability after login: always unless the stack was started
    /// with MAILSTACK_IMAP_CAPABILITY (the fixture MailstackReduced), then only those listed.
    [[nodiscard]] bool imapOffers(QByteArrayView capability) const;
    [[nodiscard]] QList<QSslCertificate> caCertificates() const;
    /// A client configuration that trusts only the stack's throw-away CA.
    [[nodiscard]] QSslConfiguration sslConfiguration() const;

    /// alice, bob, carol, postmaster.
    [[nodiscard]] QStringList users() const;
    [[nodiscard]] QString address(const QString &user) const;
    /// An account (not yet stored) for @p user named @p name: IMAP over implicit TLS,
    /// submission with STARTTLS, the stack's CA, the address as user name.
    [[nodiscard]] Store::Account account(const QString &user, const QString &name) const;
    [[nodiscard]] QString password(const QString &user) const;
    /// The Maildir of user (with new/, cur/, tmp/).
    [[nodiscard]] QString maildir(const QString &user) const;

    /// Control verbs of scripts/mailstack. defer: deliveries to user are deferred (452 4.2.2);
    /// full: they fail (552 5.2.2); undefer: back to normal; flush: retry the deferred queue.
    /// Each returns false and sets controlError() on failure.
    [[nodiscard]] bool defer(const QString &user) { return control({QStringLiteral("defer"), user}); }
    [[nodiscard]] bool undefer(const QString &user) { return control({QStringLiteral("undefer"), user}); }
    [[nodiscard]] bool full(const QString &user) { return control({QStringLiteral("full"), user}); }
    [[nodiscard]] bool flush() { return control({QStringLiteral("flush")}); }
    /// rcptTempfail: the submission ports answer RCPT TO:<address> with 450 4.2.1 (a
    /// check_recipient_access map); rcptAccept lifts it. Both return after Postfix reloaded.
    [[nodiscard]] bool rcptTempfail(const QString &address)
    {
        return control({QStringLiteral("rcpt-tempfail"), address});
    }
    [[nodiscard]] bool rcptAccept(const QString &address) { return control({QStringLiteral("rcpt-accept"), address}); }
    [[nodiscard]] QString controlError() const { return m_controlError; }

    /// Sends message as user through the submission port (STARTTLS, AUTH PLAIN) to each of
    /// recipients, e.g. to fill a mailbox for an IMAP test. Parameters go verbatim on MAIL
    /// and every RCPT (e.g. "ENVID=x", "NOTIFY=SUCCESS"). Returns an error message, empty on
    /// success (every recipient accepted and the message queued).
    [[nodiscard]] QString submit(const QString &user, const QList<QByteArray> &recipients, const QByteArray &message,
                                 const QByteArray &mailParameters = {}, const QByteArray &rcptParameters = {}) const;

    /// Files of messages in user's Maildir (new/ and cur/), oldest name first.
    [[nodiscard]] QStringList messageFiles(const QString &user) const;
    /// Contents of every message in user's Maildir.
    [[nodiscard]] QList<QByteArray> messages(const QString &user) const;
    /// Polls user's Maildir until a message satisfies match, for at most timeoutMs while
    /// processing events. Returns the message, or an empty array on time-out.
    [[nodiscard]] QByteArray waitForMessage(const QString &user,
                                            const std::function<bool(const QByteArray &)> &match,
                                            int timeoutMs = 30000) const;
    /// waitForMessage() for a message that contains every one of needles.
    [[nodiscard]] QByteArray waitForMessageContaining(const QString &user, const QList<QByteArray> &needles,
                                                      int timeoutMs = 30000) const;

private:
    [[nodiscard]] quint16 port(const char *key) const;
    [[nodiscard]] bool control(const QStringList &arguments);

    QHash<QString, QString> m_values;
    QString m_error;
    QString m_controlError;
};

/// Parses one shell-sourceable KEY=value line as written by scripts/mailstack: the value is
/// plain or single-quoted ('\'' for a quote). Returns false for lines that are not assignments.
[[nodiscard]] bool parseEnvLine(const QString &line, QString *key, QString *value);

} // namespace Mailtrail::Test
