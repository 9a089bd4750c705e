// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/ImapError.h"
#include "imap/Response.h"
#include "imap/ResponseParser.h"
#include "net/Endpoint.h"
#include "net/Transport.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QObject>
#include <QPointer>
#include <QQueue>

#include <functional>

class QTimer;

namespace Mailtrail::Net {
class Transport;
}

namespace Mailtrail::Imap {

/// An IMAP connection (RFC 9051 / RFC 3501) over a Net::Transport injected by the caller:
/// greeting, STARTTLS (§6.2.1) or implicit TLS, CAPABILITY, AUTHENTICATE PLAIN with SASL-IR
/// (RFC 4959) or LOGIN (§6.2.3) — or, with an OAuth2 access token, AUTHENTICATE OAUTHBEARER
/// (RFC 7628, preferred) or XOAUTH2 — with credentials written as secrets (redacted in the
/// transcript), ENABLE CONDSTORE QRESYNC (RFC 7162 §3.2.3), then tagged commands with
/// pipelining. Everything is asynchronous; nothing blocks or runs a nested event loop.
///
/// Untagged responses go to the oldest running command's handler (they belong to it in a
/// well-behaved exchange); with no command running they are emitted as unsolicited()
/// (IDLE, RFC 2177: EXISTS, EXPUNGE, VANISHED, FETCH).
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Greeting, StartingTls, Authenticating, Ready, Failed, Closed };
    Q_ENUM(State)

    struct Credentials
    {
        /// PLAIN / LOGIN with a password; OAuth2: OAUTHBEARER (RFC 7628) or XOAUTH2 with an
        /// access token in `password`.
        enum class Mechanism { Password, OAuth2 };
        QString userName;
        QString password;
        Mechanism mechanism = Mechanism::Password;
    };

    /// What a command wants to hear about. Every member is optional.
    struct Handlers
    {
        std::function<void(const Response &)> untagged;
        /// A continuation request (`+`): e.g. send literal data or a SASL response.
        std::function<void(const ContinuationRequest &)> continuation;
        /// The tagged completion (OK, NO or BAD).
        std::function<void(const TaggedResponse &)> done;
    };

    explicit Session(Net::Transport *transport, QObject *parent = nullptr);
    ~Session() override;

    /// Connects, secures, authenticates and enables extensions; ends with ready() or failed().
    void open(const Net::Endpoint &endpoint, const Credentials &credentials);
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] Net::Transport *transport() const { return m_transport; }

    [[nodiscard]] const QByteArrayList &capabilities() const { return m_capabilities; }
    [[nodiscard]] bool hasCapability(const QByteArray &upperName) const { return m_capabilities.contains(upperName); }
    [[nodiscard]] bool condstoreEnabled() const { return m_condstore; }
    [[nodiscard]] bool qresyncEnabled() const { return m_qresync; }

    /// Sends `TAG text\r\n` (pipelined behind running commands) and returns the tag.
    /// @p secret: log the line redacted. Only valid in state Ready.
    QByteArray command(const QByteArray &text, Handlers handlers, bool secret = false);
    /// Writes continuation data (a literal, a SASL response, or IDLE's DONE line).
    void sendContinuation(const QByteArray &bytes, bool secret = false);
    /// Commands sent but not completed.
    [[nodiscard]] int pendingCommands() const { return int(m_running.size()); }

    /// LOGOUT (RFC 9051 §6.1.3) then close; closed() follows.
    void logout();
    /// Drops the connection at once; failed(Aborted) is not emitted.
    void abort();

    /// Time allowed for any reply while commands are running (default 5 minutes).
    void setCommandTimeout(int ms) { m_commandTimeoutMs = ms; }

    /// Quotes @p value as an IMAP astring: atom when possible, else a quoted string
    /// (RFC 9051 §4.3). Returns an empty array for bytes a quoted string cannot carry
    /// (CR, LF, NUL); callers then need a literal.
    [[nodiscard]] static QByteArray quoted(const QByteArray &value);

Q_SIGNALS:
    void ready();
    /// Terminal: the connection is gone. Pending commands are dropped without done().
    void failed(const Mailtrail::Imap::ImapError &error);
    void unsolicited(const Mailtrail::Imap::Response &response);
    void stateChanged(Mailtrail::Imap::Session::State state);
    /// After logout() or a server BYE in reply to LOGOUT.
    void closed();

private:
    struct Running
    {
        QByteArray tag;
        Handlers handlers;
    };

    void setState(State state);
    void onConnected();
    void onReadyRead();
    void onEncrypted();
    void onTransportError(const Net::TransportError &error);
    void onDisconnected();
    void handle(const Response &response);
    void fail(const ImapError &error);
    void afterTls();
    void requestCapabilities(std::function<void()> then);
    void authenticate();
    void authenticateOAuth2();
    void enableExtensions();
    void finishOpen();
    void updateDeadline();
    QByteArray nextTag();

    QPointer<Net::Transport> m_transport;
    ResponseParser m_parser;
    State m_state = State::Disconnected;
    Net::Endpoint m_endpoint;
    Credentials m_credentials;
    QByteArrayList m_capabilities;
    bool m_condstore = false;
    bool m_qresync = false;
    bool m_loggingOut = false;
    quint32 m_tagCounter = 0;
    QList<Running> m_running;
    int m_commandTimeoutMs = 5 * 60 * 1000;
};

} // namespace Mailtrail::Imap
