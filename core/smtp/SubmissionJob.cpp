// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/SubmissionJob.h"

#include "Ascii_p.h"
#include "net/Transport.h"
#include "smtp/Xtext.h"

#include <utility>

namespace Mailtrail::Smtp {

Q_LOGGING_CATEGORY(lcSmtp, "mailtrail.smtp", QtInfoMsg)

using Category = SubmissionError::Category;
using Net::TransportError;

QByteArray canonicalizeLineEnds(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 50 + 2);
    qsizetype start = 0;
    for (;;) {
        const qsizetype lf = message.indexOf('\n', start);
        if (lf < 0) {
            out.append(QByteArrayView(message).sliced(start));
            break;
        }
        out.append(QByteArrayView(message).sliced(start, lf - start));
        if (lf == 0 || message.at(lf - 1) != '\r')
            out.append('\r');
        out.append('\n');
        start = lf + 1;
    }
    if (!out.endsWith("\r\n"))
        out.append("\r\n");
    return out;
}

QByteArray dotStuff(const QByteArray &canonicalMessage)
{
    QByteArray out;
    out.reserve(canonicalMessage.size() + 64);
    qsizetype start = 0;
    while (start < canonicalMessage.size()) {
        qsizetype lf = canonicalMessage.indexOf('\n', start);
        const qsizetype end = lf < 0 ? canonicalMessage.size() : lf + 1;
        if (canonicalMessage.at(start) == '.')
            out.append('.');
        out.append(QByteArrayView(canonicalMessage).sliced(start, end - start));
        start = end;
    }
    return out;
}

namespace {

bool isSafeAddress(const QString &address, bool allowEmpty)
{
    if (address.isEmpty())
        return allowEmpty;
    for (const QChar c : address) {
        if (c.unicode() < 0x21 || c.unicode() == 0x7f || c == QLatin1Char('<') || c == QLatin1Char('>'))
            return false;
    }
    return true;
}

} // namespace

SubmissionJob::SubmissionJob(Net::Transport *transport, const Net::Endpoint &endpoint,
                             const Credentials &credentials, const Envelope &envelope,
                             const QByteArray &message, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_endpoint(endpoint)
    , m_credentials(credentials)
    , m_envelope(envelope)
    , m_message(message)
{
}

SubmissionJob::~SubmissionJob()
{
    if (m_transport)
        m_transport->disconnect(this);
}

void SubmissionJob::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcSmtp) << "state" << state;
    Q_EMIT stateChanged(state);
}

QString SubmissionJob::validateEnvelope() const
{
    if (!isSafeAddress(m_envelope.from, true))
        return QStringLiteral("The sender address is not valid: %1").arg(m_envelope.from);
    if (m_envelope.recipients.isEmpty())
        return QStringLiteral("The message has no recipients.");
    for (const EnvelopeRecipient &r : m_envelope.recipients) {
        if (!isSafeAddress(r.address, false))
            return QStringLiteral("A recipient address is not valid: %1").arg(r.address);
        if (!r.originalRecipient.isEmpty() && !isSafeAddress(r.originalRecipient, false))
            return QStringLiteral("An original recipient address is not valid: %1").arg(r.originalRecipient);
    }
    if (m_envelope.envid.size() > 100)
        return QStringLiteral("The envelope identifier is longer than 100 characters.");
    for (const char c : m_envelope.envid) {
        if (c < 0x20 || c > 0x7e)
            return QStringLiteral("The envelope identifier must be printable ASCII.");
    }
    return {};
}

void SubmissionJob::start()
{
    if (m_state != State::Idle)
        return;
    m_clock.start();
    m_result.timings.started = QDateTime::currentDateTimeUtc();
    m_result.envid = m_envelope.envid.isEmpty() ? generateEnvid() : m_envelope.envid;
    m_result.dsnRequested = m_envelope.requestDsn;
    for (const EnvelopeRecipient &r : std::as_const(m_envelope.recipients)) {
        RecipientResult rr;
        rr.address = r.address;
        m_result.recipients.append(rr);
    }
    const QString invalid = validateEnvelope();
    if (!invalid.isEmpty() || !m_transport) {
        setState(State::Connecting);
        const QString detail = m_transport ? invalid : QStringLiteral("No transport.");
        QMetaObject::invokeMethod(this, [this, detail] {
            fail(Category::MessageRejected, detail);
        }, Qt::QueuedConnection);
        return;
    }
    connect(m_transport, &Net::Transport::connected, this, &SubmissionJob::onConnected);
    connect(m_transport, &Net::Transport::encrypted, this, &SubmissionJob::onEncrypted);
    connect(m_transport, &Net::Transport::readyRead, this, &SubmissionJob::onReadyRead);
    connect(m_transport, &Net::Transport::disconnected, this, &SubmissionJob::onDisconnected);
    connect(m_transport, &Net::Transport::errorOccurred, this, &SubmissionJob::onTransportError);
    connect(m_transport, &Net::Transport::bytesWritten, this, [this] {
        if (m_state == State::SendingData)
            pumpPayload();
    });
    setState(State::Connecting);
    m_transport->connectToEndpoint(m_endpoint);
}

void SubmissionJob::abort()
{
    if (m_finished)
        return;
    if (m_transport)
        m_transport->abort();
    fail(Category::Aborted, QStringLiteral("Sending was cancelled."));
}

void SubmissionJob::onConnected()
{
    m_result.timings.connectMs = m_clock.elapsed();
    setState(State::Greeting);
    m_expected = {{Expect::Greeting, 0}};
    m_transport->setDeadline(TransportError::Kind::GreetingTimeout, m_endpoint.timeouts.greetingMs);
}

void SubmissionJob::onEncrypted()
{
    if (m_state != State::TlsHandshake)
        return;
    // RFC 3207 §4.2: forget everything learned before TLS, including any bytes the server
    // (or an attacker) pushed after the 220.
    m_parser.clear();
    m_caps = {};
    sendEhlo();
}

void SubmissionJob::onReadyRead()
{
    if (m_finished || !m_transport)
        return;
    const QByteArray bytes = m_transport->readAll();
    if (m_state == State::TlsHandshake)
        return; // plaintext after "220 Ready to start TLS" is discarded (RFC 3207 §4.2)
    m_parser.feed(bytes);
    while (!m_finished) {
        const ReplyParseResult parsed = m_parser.next();
        if (parsed.status == ReplyParseResult::Status::Incomplete)
            return;
        if (parsed.status == ReplyParseResult::Status::Error) {
            SubmissionError::Category category = Category::Protocol;
            m_transport->abort();
            fail(category, parsed.error.message());
            return;
        }
        const Reply &reply = parsed.reply;
        if (m_expected.isEmpty()) {
            if (reply.code == 421) {
                fail(Category::ServiceUnavailable, QStringLiteral("The server is closing the connection."), reply);
                return;
            }
            m_transport->abort();
            fail(Category::Protocol, QStringLiteral("The server sent a reply nobody asked for."), reply);
            return;
        }
        const Pending pending = m_expected.takeFirst();
        if (m_expected.isEmpty())
            m_transport->clearDeadline();
        if (reply.code == 421) {
            fail(Category::ServiceUnavailable, QStringLiteral("The server is closing the connection."), reply);
            return;
        }
        if (m_expected.isEmpty() && m_parser.hasBufferedBytes()) {
            // Nothing else was asked, so the server cannot be answering: it talks out of turn
            // (or someone injected data, e.g. before STARTTLS).
            m_transport->abort();
            fail(Category::Protocol, QStringLiteral("The server sent data nobody asked for."));
            return;
        }
        handleReply(reply, pending);
    }
}

void SubmissionJob::onDisconnected()
{
    if (m_finished)
        return;
    TransportError error{TransportError::Kind::RemoteClosed, {}};
    failTransport(error);
}

void SubmissionJob::onTransportError(const Net::TransportError &error)
{
    if (m_finished)
        return;
    failTransport(error);
}

void SubmissionJob::sendCommands(const QList<QByteArray> &lines, const QList<Pending> &expects)
{
    QByteArray bytes;
    for (const QByteArray &line : lines)
        bytes += line + "\r\n";
    m_expected += expects;
    m_transport->write(bytes);
    m_transport->setDeadline(TransportError::Kind::CommandTimeout, m_endpoint.timeouts.commandMs);
}

void SubmissionJob::sendEhlo()
{
    setState(State::Ehlo);
    sendCommands({"EHLO " + m_options.ehloName.toUtf8()}, {{Expect::Ehlo, 0}});
}

void SubmissionJob::handleReply(const Reply &reply, Pending pending)
{
    switch (pending.expect) {
    case Expect::Greeting:
        if (reply.code != 220) {
            fail(Category::ServiceUnavailable, QStringLiteral("The server refused the session."), reply);
            return;
        }
        sendEhlo();
        return;
    case Expect::Ehlo:
        if (!reply.isCompletion()) {
            fail(Category::Protocol, QStringLiteral("The server refused EHLO."), reply);
            return;
        }
        m_caps = Capabilities::fromEhloReply(reply);
        afterEhlo();
        return;
    case Expect::StartTls:
        if (reply.code != 220) {
            fail(Category::Security, QStringLiteral("The server refused STARTTLS; nothing was sent unencrypted."), reply);
            return;
        }
        setState(State::TlsHandshake);
        if (m_parser.hasBufferedBytes()) {
            // Bytes after the 220 before the handshake: a STARTTLS injection attempt (CVE-2011-0411 class).
            m_transport->abort();
            fail(Category::Security, QStringLiteral("The server sent data before the TLS handshake."));
            return;
        }
        m_transport->startTls();
        return;
    case Expect::Auth:
        handleAuthReply(reply);
        return;
    case Expect::Mail:
        m_mailReply = reply;
        if (!reply.isCompletion() && !m_pipelined) {
            fail(reply.code == 552 ? Category::MessageTooLarge : Category::SenderRejected,
                 QStringLiteral("The server refused the sender address."), reply);
            return;
        }
        if (!m_pipelined)
            sendNextRcpt();
        return;
    case Expect::Rcpt: {
        RecipientResult &r = m_result.recipients[pending.index];
        r.rcptAccepted = reply.isCompletion();
        r.replyCode = reply.code;
        r.enhanced = reply.enhanced;
        r.text = reply.text();
        if (!m_pipelined && m_nextRcpt < m_envelope.recipients.size()) {
            sendNextRcpt();
            return;
        }
        if (pending.index == m_envelope.recipients.size() - 1)
            afterRecipients();
        return;
    }
    case Expect::Rset: {
        RecipientResult first = m_result.recipients.value(0);
        Reply refusal;
        refusal.code = first.replyCode;
        refusal.enhanced = first.enhanced;
        refusal.lines = {first.text.toUtf8()};
        fail(Category::AllRecipientsRejected, QStringLiteral("The server refused every recipient."), refusal);
        return;
    }
    case Expect::Data:
        if (reply.code != 354) {
            fail(reply.code == 552 ? Category::MessageTooLarge : Category::MessageRejected,
                 QStringLiteral("The server refused to take the message."), reply);
            return;
        }
        startPayload(dotStuff(canonicalizeLineEnds(m_message)), ".\r\n");
        return;
    case Expect::DataEnd:
        handleFinalReply(reply);
        return;
    }
}

void SubmissionJob::afterEhlo()
{
    const bool encrypted = m_transport->isEncrypted();
    if (m_endpoint.security == Net::Security::StartTls && !encrypted) {
        if (!m_caps.startTls) {
            m_error.transport = {TransportError::Kind::StartTlsUnavailable, {}};
            fail(Category::Security, QStringLiteral("The server does not offer STARTTLS; nothing was sent unencrypted."));
            return;
        }
        setState(State::StartTls);
        sendCommands({"STARTTLS"}, {{Expect::StartTls, 0}});
        return;
    }
    m_result.timings.readyMs = -1;
    m_capsKnown = true;
    startAuth();
}

void SubmissionJob::startAuth()
{
    if (m_credentials.kind == Credentials::Kind::None) {
        m_result.timings.readyMs = m_clock.elapsed();
        startEnvelope();
        return;
    }
    const bool encrypted = m_transport->isEncrypted();
    if (!encrypted && !(m_endpoint.security == Net::Security::PlainLoopbackOnly && Net::isLoopbackHost(m_endpoint.host))) {
        fail(Category::Security, QStringLiteral("Credentials are never sent over an unencrypted connection."));
        return;
    }
    const QStringList &offered = m_caps.authMechanisms;
    m_mechanism = Mechanism::None;
    if (m_credentials.kind == Credentials::Kind::Password) {
        if (offered.contains(QStringLiteral("PLAIN")))
            m_mechanism = Mechanism::Plain;
        else if (offered.contains(QStringLiteral("LOGIN")))
            m_mechanism = Mechanism::Login;
    } else {
        if (offered.contains(QStringLiteral("OAUTHBEARER")))
            m_mechanism = Mechanism::OAuthBearer;
        else if (offered.contains(QStringLiteral("XOAUTH2")))
            m_mechanism = Mechanism::XOAuth2;
    }
    if (m_mechanism == Mechanism::None) {
        fail(Category::Authentication,
             offered.isEmpty() ? QStringLiteral("The server offers no authentication.")
                               : QStringLiteral("The server offers no authentication method Mailtrail supports (%1).")
                                     .arg(offered.join(QStringLiteral(", "))));
        return;
    }
    setState(State::Authenticating);
    m_authStep = 0;
    m_saslError.clear();
    const QByteArray user = m_credentials.user.toUtf8();
    const QByteArray secret = m_credentials.secret.toUtf8();
    QByteArray line;
    QByteArray logged;
    switch (m_mechanism) {
    case Mechanism::Plain: // RFC 4616 §2: [authzid] NUL authcid NUL passwd
        line = "AUTH PLAIN " + QByteArray('\0' + user + '\0' + secret).toBase64();
        logged = "AUTH PLAIN <redacted>";
        break;
    case Mechanism::Login:
        line = "AUTH LOGIN";
        logged = line;
        break;
    case Mechanism::XOAuth2:
        m_initialResponse = QByteArray("user=" + user + "\x01" "auth=Bearer " + secret + "\x01\x01").toBase64();
        line = "AUTH XOAUTH2 " + m_initialResponse;
        logged = "AUTH XOAUTH2 <redacted>";
        break;
    case Mechanism::OAuthBearer: // RFC 7628 §3.1: gs2-header kvsep *(kvpair) kvsep
        m_initialResponse = QByteArray("n,a=" + QByteArray(user).replace("=", "=3D").replace(",", "=2C") + ",\x01"
                                       "auth=Bearer " + secret + "\x01\x01").toBase64();
        line = "AUTH OAUTHBEARER " + m_initialResponse;
        logged = "AUTH OAUTHBEARER <redacted>";
        break;
    case Mechanism::None:
        break;
    }
    if (line.size() > 510 && !m_initialResponse.isEmpty()) {
        // RFC 4954 §4: an initial response that would make the command longer than 512
        // octets is sent after the server's empty challenge instead (long OAuth2 tokens).
        line = logged = "AUTH " + line.mid(5, line.indexOf(' ', 5) - 5);
    } else {
        m_initialResponse.clear();
    }
    m_expected.append({Expect::Auth, 0});
    m_transport->writeSecret(line + "\r\n", logged);
    m_transport->setDeadline(TransportError::Kind::CommandTimeout, m_endpoint.timeouts.commandMs);
}

void SubmissionJob::handleAuthReply(const Reply &reply)
{
    if (reply.code == 235) { // RFC 4954 §6
        m_result.timings.readyMs = m_clock.elapsed();
        startEnvelope();
        return;
    }
    if (reply.code == 334) {
        ++m_authStep;
        QByteArray response;
        if (!m_initialResponse.isEmpty()) {
            response = std::exchange(m_initialResponse, QByteArray());
            m_expected.append({Expect::Auth, 0});
            m_transport->writeSecret(response + "\r\n");
            m_transport->setDeadline(TransportError::Kind::CommandTimeout, m_endpoint.timeouts.commandMs);
            return;
        }
        switch (m_mechanism) {
        case Mechanism::Login:
            if (m_authStep == 1)
                response = m_credentials.user.toUtf8().toBase64();
            else if (m_authStep == 2)
                response = m_credentials.secret.toUtf8().toBase64();
            else
                response = "*"; // cancel (RFC 4954 §4)
            break;
        case Mechanism::Plain:
            response = m_authStep == 1 ? QByteArray('\0' + m_credentials.user.toUtf8() + '\0' + m_credentials.secret.toUtf8()).toBase64()
                                       : QByteArray("*");
            break;
        case Mechanism::XOAuth2:
            m_saslError = QString::fromUtf8(QByteArray::fromBase64(reply.lines.value(0).trimmed()));
            response = ""; // error details came as a challenge; an empty line ends the exchange
            break;
        case Mechanism::OAuthBearer:
            m_saslError = QString::fromUtf8(QByteArray::fromBase64(reply.lines.value(0).trimmed()));
            response = "AQ=="; // RFC 7628 §3.2.3: %x01 after an error challenge
            break;
        case Mechanism::None:
            response = "*";
            break;
        }
        m_expected.append({Expect::Auth, 0});
        m_transport->writeSecret(response + "\r\n");
        m_transport->setDeadline(TransportError::Kind::CommandTimeout, m_endpoint.timeouts.commandMs);
        return;
    }
    if (m_mechanism == Mechanism::XOAuth2 || m_mechanism == Mechanism::OAuthBearer) {
        fail(Category::Authentication,
             m_saslError.isEmpty() ? QStringLiteral("The server refused the sign-in token.")
                                   : QStringLiteral("The server refused the sign-in token (%1).").arg(m_saslError),
             reply);
        return;
    }
    if (reply.code == 535) // RFC 4954 §6: authentication credentials invalid
        fail(Category::Authentication, QStringLiteral("Wrong user name or password."), reply);
    else
        fail(Category::Authentication, QStringLiteral("The server refused the login."), reply);
}

QByteArray SubmissionJob::mailCommand() const
{
    QByteArray line = "MAIL FROM:<" + m_envelope.from.toUtf8() + '>';
    if (m_caps.size.has_value())
        line += " SIZE=" + QByteArray::number(m_message.size());
    if (m_eightBit && m_caps.eightBitMime)
        line += " BODY=8BITMIME";
    if (m_utf8)
        line += " SMTPUTF8";
    if (m_dsn) {
        line += m_envelope.ret == DsnReturn::Full ? " RET=FULL" : " RET=HDRS";
        line += " ENVID=" + xtextEncode(m_result.envid);
    }
    return line;
}

QByteArray SubmissionJob::rcptCommand(int index) const
{
    const EnvelopeRecipient &r = m_envelope.recipients.at(index);
    QByteArray line = "RCPT TO:<" + r.address.toUtf8() + '>';
    if (m_dsn) {
        line += " NOTIFY=" + r.notify.parameterValue();
        line += " ORCPT=" + orcptParameter(r.originalRecipient.isEmpty() ? r.address : r.originalRecipient);
    }
    return line;
}

void SubmissionJob::startEnvelope()
{
    // RFC 1870 §6: do not send what the server already said it cannot take.
    if (m_caps.size.has_value() && *m_caps.size > 0 && m_message.size() > *m_caps.size) {
        fail(Category::MessageTooLarge,
             QStringLiteral("The message (%1 bytes) is larger than the server accepts (%2 bytes).")
                 .arg(m_message.size())
                 .arg(*m_caps.size));
        return;
    }
    bool utf8 = needsUtf8(m_envelope.from);
    for (const EnvelopeRecipient &r : std::as_const(m_envelope.recipients))
        utf8 = utf8 || needsUtf8(r.address);
    if (utf8 && !m_caps.smtpUtf8) {
        fail(Category::Utf8Unsupported,
             QStringLiteral("The server cannot take internationalised (non-ASCII) addresses (no SMTPUTF8)."));
        return;
    }
    qsizetype headerEnd = m_message.size();
    for (const char *separator : {"\n\n", "\r\n\r\n"}) {
        const qsizetype at = m_message.indexOf(separator);
        if (at >= 0)
            headerEnd = std::min(headerEnd, at);
    }
    // RFC 6531 §3.4: UTF-8 header fields (RFC 6532) need SMTPUTF8 too.
    const bool utf8Headers = !isAscii(QByteArrayView(m_message).first(headerEnd));
    if (utf8Headers && !m_caps.smtpUtf8) {
        fail(Category::Utf8Unsupported,
             QStringLiteral("The message has non-ASCII header fields but the server cannot take them (no SMTPUTF8); nothing was sent."));
        return;
    }
    m_utf8 = utf8 || utf8Headers;
    m_eightBit = !isAscii(m_message);
    // RFC 6152 §3: 8-bit data only with BODY=8BITMIME; RFC 6531 §3.1: SMTPUTF8 implies it.
    if (m_eightBit && !m_caps.eightBitMime && !m_caps.smtpUtf8) {
        fail(Category::EightBitUnsupported,
             QStringLiteral("The message has 8-bit data but the server only takes 7-bit (no 8BITMIME); nothing was sent."));
        return;
    }
    m_dsn = m_envelope.requestDsn && m_caps.dsn;
    m_result.dsnSupported = m_dsn;
    m_result.smtpUtf8Used = m_utf8;
    m_pipelined = m_options.usePipelining && m_caps.pipelining;
    m_result.pipeliningUsed = m_pipelined;
    for (int i = 0; i < m_envelope.recipients.size(); ++i) {
        const EnvelopeRecipient &r = m_envelope.recipients.at(i);
        if (m_dsn) {
            m_result.recipients[i].notify = r.notify.parameterValue();
            m_result.recipients[i].orcpt = orcptParameter(r.originalRecipient.isEmpty() ? r.address : r.originalRecipient);
        }
    }
    setState(State::Envelope);
    if (m_pipelined) {
        // RFC 2920 §3.1: MAIL and RCPTs in one group; DATA waits for their replies so that an
        // all-refused envelope never reaches DATA.
        QList<QByteArray> lines{mailCommand()};
        QList<Pending> expects{{Expect::Mail, 0}};
        for (int i = 0; i < m_envelope.recipients.size(); ++i) {
            lines.append(rcptCommand(i));
            expects.append({Expect::Rcpt, i});
        }
        m_nextRcpt = m_envelope.recipients.size();
        sendCommands(lines, expects);
    } else {
        m_nextRcpt = 0;
        sendCommands({mailCommand()}, {{Expect::Mail, 0}});
    }
}

void SubmissionJob::sendNextRcpt()
{
    const int i = m_nextRcpt++;
    sendCommands({rcptCommand(i)}, {{Expect::Rcpt, i}});
}

void SubmissionJob::afterRecipients()
{
    if (!m_mailReply.isCompletion()) {
        // Pipelined: the RCPT replies (typically 503) are recorded; the sender is the cause.
        fail(m_mailReply.code == 552 ? Category::MessageTooLarge : Category::SenderRejected,
             QStringLiteral("The server refused the sender address."), m_mailReply);
        return;
    }
    bool any = false;
    for (const RecipientResult &r : std::as_const(m_result.recipients))
        any = any || r.rcptAccepted;
    if (!any) {
        setState(State::Resetting);
        sendCommands({"RSET"}, {{Expect::Rset, 0}});
        return;
    }
    startData();
}

void SubmissionJob::startData()
{
    if (m_options.useChunking && m_caps.chunking) {
        // RFC 3030 §2: one BDAT … LAST chunk; no dot-stuffing.
        m_result.chunkingUsed = true;
        const QByteArray payload = canonicalizeLineEnds(m_message);
        m_expected.append({Expect::DataEnd, 0});
        m_transport->write("BDAT " + QByteArray::number(payload.size()) + " LAST\r\n");
        startPayload(payload, {});
        return;
    }
    setState(State::DataCommand);
    sendCommands({"DATA"}, {{Expect::Data, 0}});
}

void SubmissionJob::startPayload(const QByteArray &payload, const QByteArray &trailer)
{
    setState(State::SendingData);
    m_dataStartedMs = m_clock.elapsed();
    m_payload = payload;
    m_trailer = trailer;
    m_payloadPos = 0;
    m_transport->setDeadline(TransportError::Kind::DataTimeout, m_endpoint.timeouts.dataBlockMs);
    pumpPayload();
}

void SubmissionJob::pumpPayload()
{
    const qint64 slice = std::max<qint64>(1024, m_options.payloadSliceBytes);
    while (m_state == State::SendingData && m_payloadPos < m_payload.size()
           && m_transport->bytesToWrite() < 2 * slice) {
        const qsizetype n = std::min<qsizetype>(slice, m_payload.size() - m_payloadPos);
        m_transport->writePayload(m_payload.mid(m_payloadPos, n));
        m_payloadPos += n;
    }
    if (m_state != State::SendingData || m_payloadPos < m_payload.size())
        return;
    m_transport->finishPayload();
    m_payload.clear();
    if (!m_trailer.isEmpty()) {
        m_expected.append({Expect::DataEnd, 0});
        m_transport->write(m_trailer);
    }
    setState(State::AwaitingFinalReply);
    m_transport->setDeadline(TransportError::Kind::DataTimeout, m_endpoint.timeouts.dataEndMs);
}

void SubmissionJob::handleFinalReply(const Reply &reply)
{
    m_result.finalReply = reply;
    m_result.timings.dataMs = m_dataStartedMs >= 0 ? m_clock.elapsed() - m_dataStartedMs : -1;
    if (!reply.isCompletion()) {
        fail(reply.code == 552 ? Category::MessageTooLarge : Category::MessageRejected,
             QStringLiteral("The server refused the message."), reply);
        return;
    }
    m_result.queueId = parseQueueId(reply.text());
    for (RecipientResult &r : m_result.recipients) {
        if (!r.rcptAccepted)
            continue;
        r.accepted = true;
        r.replyCode = reply.code;
        r.enhanced = reply.enhanced;
        r.text = reply.text();
    }
    setState(State::Done);
    finish(true);
}

void SubmissionJob::failTransport(const Net::TransportError &error)
{
    m_error.transport = error;
    QString detail;
    if (m_state == State::SendingData)
        detail = QStringLiteral("The connection was lost while sending the message, before its end; "
                                "the server did not accept it.");
    else if (m_state == State::AwaitingFinalReply)
        // The final dot went out: the server may have queued the message before the reply was
        // lost (RFC 5321 §4.1.1.4, RFC 1047). Only the caller can decide; never claim either way.
        detail = QStringLiteral("The connection was lost after the whole message was sent and "
                                "before the server answered; the message may have been sent.");
    fail(Category::Connection, detail);
}

void SubmissionJob::fail(SubmissionError::Category category, const QString &detail, const Reply &reply)
{
    if (m_finished)
        return;
    m_error.category = category;
    m_error.detail = detail;
    m_error.replyCode = reply.code;
    m_error.enhanced = reply.enhanced;
    m_error.serverText = reply.text();
    qCDebug(lcSmtp) << "failed:" << category << m_error.message();
    const bool sessionHealthy = m_transport && m_transport->state() == Net::Transport::State::Connected
        && category != Category::Connection && category != Category::Protocol && category != Category::Aborted
        && m_state != State::SendingData && m_state != State::TlsHandshake;
    // Nothing was accepted: recipients accepted at RCPT stay undelivered.
    for (RecipientResult &r : m_result.recipients) {
        r.accepted = false;
        if (r.rcptAccepted && (m_state == State::SendingData || m_state == State::AwaitingFinalReply
                               || m_state == State::DataCommand)) {
            if (reply.isValid()) {
                r.replyCode = reply.code;
                r.enhanced = reply.enhanced;
                r.text = reply.text();
            } else {
                r.replyCode = 0;
                r.enhanced = {};
                r.text = QStringLiteral("The session ended before the server accepted the message.");
            }
        }
    }
    setState(State::Failed);
    finish(sessionHealthy);
}

void SubmissionJob::finish(bool politeQuit)
{
    m_finished = true;
    m_result.timings.finished = QDateTime::currentDateTimeUtc();
    m_result.timings.totalMs = m_clock.isValid() ? m_clock.elapsed() : -1;
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->clearDeadline();
        if (politeQuit && m_transport->state() == Net::Transport::State::Connected) {
            m_transport->write("QUIT\r\n");
            m_transport->close();
        } else if (m_transport->state() != Net::Transport::State::Closed) {
            m_transport->abort();
        }
    }
    Q_EMIT finished();
}

} // namespace Mailtrail::Smtp
