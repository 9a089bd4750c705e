// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Endpoint.h"
#include "smtp/Capabilities.h"
#include "smtp/Envelope.h"
#include "smtp/Reply.h"
#include "smtp/SubmissionResult.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>

namespace Mailtrail::Net {
class Transport;
struct TransportError;
} // namespace Mailtrail::Net

namespace Mailtrail::Smtp {

Q_DECLARE_LOGGING_CATEGORY(lcSmtp)

/// How to authenticate (RFC 4954). Password → PLAIN, else LOGIN. OAuth2Token → OAUTHBEARER
/// (RFC 7628; preferred) or XOAUTH2: the caller obtains the access token, the job sends it and
/// decodes the JSON error a server sends when it refuses the token.
struct Credentials
{
    enum class Kind { None, Password, OAuth2Token };
    Kind kind = Kind::None;
    QString user;
    QString secret; ///< password or access token; never logged

    [[nodiscard]] static Credentials password(const QString &user, const QString &password)
    {
        return {Kind::Password, user, password};
    }
};

/// Tuning knobs; the defaults are what the application uses.
struct SubmissionOptions
{
    /// The EHLO argument (RFC 5321 §4.1.1.1: a domain or an address literal). An address
    /// literal avoids disclosing the machine's name.
    QString ehloName = QStringLiteral("[127.0.0.1]");
    bool usePipelining = true; ///< when PIPELINING is offered (RFC 2920)
    bool useChunking = true;   ///< BDAT when CHUNKING is offered (RFC 3030), else DATA
    /// Payload is handed to the transport in slices of this size, keeping at most two in
    /// flight, so a 20 MB message does not sit twice in socket buffers.
    qint64 payloadSliceBytes = 256 * 1024;
};

/// Submits one message to a submission server (RFC 6409) and records, per recipient, what
/// the server said. One object per message: construct, start(), wait for finished(), read
/// result() and error(). Asynchronous, on the caller's thread, no nested event loop.
///
/// Sequence: greeting → EHLO → STARTTLS and EHLO again (Security::StartTls; failing when
/// not offered) → AUTH → MAIL FROM (SIZE, BODY=8BITMIME, SMTPUTF8, RET, ENVID) → RCPT TO
/// (NOTIFY, ORCPT), pipelined when offered → DATA with dot-stuffing or BDAT … LAST → QUIT.
/// Recipients refused at RCPT are recorded and the message goes to the rest; when all are
/// refused the job sends RSET and no data.
///
/// The transport is the caller's: it may show certificateProblem() to the user and answer
/// it; the job only sees the outcome (connected or errorOccurred).
class SubmissionJob : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Connecting,
        Greeting,
        Ehlo,
        StartTls,
        TlsHandshake,
        Authenticating,
        Envelope,
        DataCommand,
        SendingData,
        AwaitingFinalReply,
        Resetting,
        Done,
        Failed,
    };
    Q_ENUM(State)

    SubmissionJob(Net::Transport *transport, const Net::Endpoint &endpoint,
                  const Credentials &credentials, const Envelope &envelope,
                  const QByteArray &message, QObject *parent = nullptr);
    ~SubmissionJob() override;

    void setOptions(const SubmissionOptions &options) { m_options = options; }
    /// Connects and submits; finished() follows exactly once.
    void start();
    /// Gives up at once: the transport is aborted, the error is Aborted.
    void abort();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const SubmissionResult &result() const { return m_result; }
    [[nodiscard]] const SubmissionError &error() const { return m_error; }
    [[nodiscard]] bool succeeded() const { return m_state == State::Done; }
    /// The capabilities of the last EHLO (after STARTTLS, the encrypted one).
    [[nodiscard]] const Capabilities &capabilities() const { return m_caps; }
    /// True once the EHLO the message is submitted under has been read (after STARTTLS when
    /// it is used): capabilities() is then what the server offers for submission.
    [[nodiscard]] bool capabilitiesKnown() const { return m_capsKnown; }

Q_SIGNALS:
    void stateChanged(Mailtrail::Smtp::SubmissionJob::State state);
    void finished();

private:
    enum class Expect { Greeting, Ehlo, StartTls, Auth, Mail, Rcpt, Data, DataEnd, Rset };
    struct Pending
    {
        Expect expect;
        int index;
    };
    enum class Mechanism { None, Plain, Login, XOAuth2, OAuthBearer };

    void setState(State state);
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onDisconnected();
    void onTransportError(const Net::TransportError &error);

    void handleReply(const Reply &reply, Pending pending);
    void sendCommands(const QList<QByteArray> &lines, const QList<Pending> &expects);
    void sendEhlo();
    void afterEhlo();
    void startAuth();
    void handleAuthReply(const Reply &reply);
    void startEnvelope();
    void sendNextRcpt();
    void afterRecipients();
    void startData();
    void startPayload(const QByteArray &payload, const QByteArray &trailer);
    void pumpPayload();
    void handleFinalReply(const Reply &reply);

    [[nodiscard]] QString validateEnvelope() const;
    [[nodiscard]] QByteArray mailCommand() const;
    [[nodiscard]] QByteArray rcptCommand(int index) const;

    void fail(SubmissionError::Category category, const QString &detail, const Reply &reply = {});
    void failTransport(const Net::TransportError &error);
    void finish(bool politeQuit);

    QPointer<Net::Transport> m_transport;
    Net::Endpoint m_endpoint;
    Credentials m_credentials;
    Envelope m_envelope;
    QByteArray m_message;
    SubmissionOptions m_options;

    State m_state = State::Idle;
    Capabilities m_caps;
    bool m_capsKnown = false;
    ReplyParser m_parser;
    QList<Pending> m_expected;
    SubmissionResult m_result;
    SubmissionError m_error;

    Mechanism m_mechanism = Mechanism::None;
    int m_authStep = 0;
    QString m_saslError;
    QByteArray m_initialResponse; ///< OAuth2: sent after the first 334 when too long for the AUTH line ///< OAuth2: the server's decoded JSON error challenge (RFC 7628 §3.2.2)
    bool m_pipelined = false;
    bool m_dsn = false;
    bool m_utf8 = false;
    bool m_eightBit = false;
    int m_nextRcpt = 0;
    Reply m_mailReply;
    QByteArray m_payload;
    QByteArray m_trailer;
    qsizetype m_payloadPos = 0;
    bool m_finished = false;
    QElapsedTimer m_clock;
    qint64 m_dataStartedMs = -1;
};

/// Converts a message to canonical CRLF line ends (a lone LF becomes CRLF) and makes it end
/// with CRLF (RFC 5321 §2.3.8).
[[nodiscard]] QByteArray canonicalizeLineEnds(const QByteArray &message);
/// Dot-stuffing, RFC 5321 §4.5.2: a line starting with "." gets another "." in front. The
/// input must have CRLF line ends; the terminating ".CRLF" is not added.
[[nodiscard]] QByteArray dotStuff(const QByteArray &canonicalMessage);

} // namespace Mailtrail::Smtp
