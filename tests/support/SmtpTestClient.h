// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QString>

namespace Mailtrail::Test {

/// One SMTP reply (RFC 5321 section 4.2): the code and the text of every line.
struct SmtpTestReply
{
    int code = 0;
    QList<QByteArray> lines;

    [[nodiscard]] bool isPositive() const { return code >= 200 && code < 400; }
    [[nodiscard]] QByteArray text() const;
};

/// A deliberately tiny, blocking SMTP client for TESTS ONLY: it drives the private mail stack
/// so tests can produce DSNs. It has no error recovery, no pipelining, no dot-stuffing
/// subtleties beyond RFC 5321 section 4.5.2. The product's client lives in core/smtp.
class SmtpTestClient
{
public:
    enum class Security {
        None,        ///< plain SMTP
        StartTls,    ///< RFC 3207 STARTTLS after the first EHLO
        ImplicitTls, ///< RFC 8314 submissions: TLS from the first byte
    };

    explicit SmtpTestClient(int timeoutMs = 20000);

    /// Connects, reads the greeting, sends EHLO (and STARTTLS + EHLO). False on any failure.
    [[nodiscard]] bool connectToHost(const QString &host, quint16 port, Security security,
                                     const QSslConfiguration &ssl, const QString &peerVerifyName = {});
    /// AUTH PLAIN (RFC 4954, RFC 4616).
    [[nodiscard]] bool authenticatePlain(const QString &user, const QString &password);
    /// Sends one command line (without CRLF) and reads the reply.
    SmtpTestReply command(const QByteArray &line);
    /// MAIL FROM:<from> params, e.g. "RET=HDRS ENVID=abc" (RFC 3461 section 4).
    SmtpTestReply mailFrom(const QByteArray &from, const QByteArray &parameters = {});
    /// RCPT TO:<to> params, e.g. "NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;x@y".
    SmtpTestReply rcptTo(const QByteArray &to, const QByteArray &parameters = {});
    /// DATA, the message (CRLF line ends are added, dots stuffed), then "." and the reply.
    SmtpTestReply data(const QByteArray &message);
    /// QUIT and close.
    void quit();

    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] SmtpTestReply greeting() const { return m_greeting; }
    /// EHLO keywords of the last EHLO reply, upper case (e.g. "DSN", "AUTH PLAIN LOGIN").
    [[nodiscard]] QList<QByteArray> ehloKeywords() const { return m_ehlo; }
    [[nodiscard]] bool hasExtension(const QByteArray &keyword) const;
    [[nodiscard]] bool isEncrypted() const { return m_socket.isEncrypted(); }
    [[nodiscard]] QList<QSslError> sslErrors() const { return m_sslErrors; }
    [[nodiscard]] QSslSocket &socket() { return m_socket; }

private:
    SmtpTestReply readReply();
    bool ehlo();
    bool startClientEncryption();

    QSslSocket m_socket;
    int m_timeoutMs;
    QString m_error;
    SmtpTestReply m_greeting;
    QList<QByteArray> m_ehlo;
    QList<QSslError> m_sslErrors;
};

} // namespace Mailtrail::Test
