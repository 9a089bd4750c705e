// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/Session.h"

#include "net/Transport.h"

#include <QLoggingCategory>

#include <memory>

Q_LOGGING_CATEGORY(lcImap, "mailtrail.imap", QtInfoMsg)

namespace Mailtrail::Imap {

Session::Session(Net::Transport *transport, QObject *parent) : QObject(parent), m_transport(transport)
{
    qRegisterMetaType<ImapError>();
    connect(transport, &Net::Transport::connected, this, &Session::onConnected);
    connect(transport, &Net::Transport::readyRead, this, &Session::onReadyRead);
    connect(transport, &Net::Transport::encrypted, this, &Session::onEncrypted);
    connect(transport, &Net::Transport::errorOccurred, this, &Session::onTransportError);
    connect(transport, &Net::Transport::disconnected, this, &Session::onDisconnected);
}

Session::~Session() = default;

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QByteArray Session::nextTag()
{
    return 'a' + QByteArray::number(++m_tagCounter);
}

QByteArray Session::quoted(const QByteArray &value)
{
    bool atom = !value.isEmpty();
    for (const char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return {};
        if (quint8(c) <= 0x20 || quint8(c) >= 0x7f || c == '(' || c == ')' || c == '{' || c == '%'
            || c == '*' || c == '"' || c == '\\' || c == ']')
            atom = false;
    }
    if (atom)
        return value;
    QByteArray out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

void Session::open(const Net::Endpoint &endpoint, const Credentials &credentials)
{
    m_endpoint = endpoint;
    m_credentials = credentials;
    m_parser.reset();
    m_running.clear();
    m_capabilities.clear();
    m_condstore = m_qresync = m_loggingOut = false;
    setState(State::Connecting);
    m_transport->connectToEndpoint(endpoint);
}

void Session::onConnected()
{
    setState(State::Greeting);
    m_transport->setDeadline(Net::TransportError::Kind::GreetingTimeout, m_endpoint.timeouts.greetingMs);
}

void Session::onReadyRead()
{
    if (!m_transport)
        return;
    m_parser.feedFrom([this](QByteArray &buffer) { m_transport->readAppend(buffer); });
    while (m_state != State::Failed && m_state != State::Disconnected) {
        std::optional<Response> response = m_parser.next();
        if (!response)
            break;
        handle(*response);
    }
    if (m_parser.hasError() && m_state != State::Failed) {
        const ParseError e = m_parser.error();
        qCWarning(lcImap) << "unparsable server response:" << e.message << e.excerpt;
        fail(ImapError{ImapError::Kind::Protocol, {}, e.message + QStringLiteral(" near \"")
                           + QString::fromUtf8(e.excerpt).simplified() + QLatin1Char('"'), {}});
    }
}

void Session::handle(const Response &response)
{
    if (m_state == State::Greeting) {
        const auto *status = std::get_if<StatusResponse>(&response);
        if (!status) {
            fail(ImapError{ImapError::Kind::Protocol, {}, QStringLiteral("expected a greeting"), {}});
            return;
        }
        if (status->status == Status::Bye) {
            fail(ImapError{ImapError::Kind::Bye, status->code, QString::fromUtf8(status->text), {}});
            return;
        }
        m_transport->clearDeadline();
        if (status->code.kind == ResponseCode::Kind::Capability)
            m_capabilities = status->code.list;
        if (status->status == Status::Preauth) {
            if (m_endpoint.security == Net::Security::StartTls && !m_transport->isEncrypted()) {
                // RFC 9051 §6.2.1: PREAUTH on a plaintext connection cannot be secured.
                fail(ImapError{ImapError::Kind::Unsupported, {}, QStringLiteral("PREAUTH on an unencrypted connection"), {}});
                return;
            }
            setState(State::Authenticating);
            requestCapabilities([this] { enableExtensions(); });
            return;
        }
        if (m_endpoint.security == Net::Security::StartTls && !m_transport->isEncrypted()) {
            setState(State::StartingTls);
            const auto startTls = [this] {
                if (!hasCapability("STARTTLS")) {
                    fail(ImapError{ImapError::Kind::Transport, {}, {},
                                   Net::TransportError{Net::TransportError::Kind::StartTlsUnavailable, m_endpoint.host}});
                    return;
                }
                Handlers h;
                h.done = [this](const TaggedResponse &r) {
                    if (r.status != Status::Ok) {
                        fail(ImapError{ImapError::Kind::Transport, r.code, QString::fromUtf8(r.text),
                                       Net::TransportError{Net::TransportError::Kind::StartTlsUnavailable,
                                                           QString::fromUtf8(r.text)}});
                        return;
                    }
                    // RFC 9051 §6.2.1: discard anything buffered before the handshake.
                    m_parser.reset();
                    m_transport->startTls();
                };
                command("STARTTLS", h);
            };
            if (m_capabilities.isEmpty())
                requestCapabilities(startTls);
            else
                startTls();
            return;
        }
        afterTls();
        return;
    }

    if (const auto *tagged = std::get_if<TaggedResponse>(&response)) {
        qsizetype index = -1;
        for (qsizetype i = 0; i < m_running.size(); ++i) {
            if (m_running[i].tag == tagged->tag) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            fail(ImapError{ImapError::Kind::Protocol, {}, QStringLiteral("completion for unknown tag %1").arg(QString::fromLatin1(tagged->tag)), {}});
            return;
        }
        Running running = m_running.takeAt(index);
        updateDeadline();
        if (tagged->code.kind == ResponseCode::Kind::Capability)
            m_capabilities = tagged->code.list;
        if (running.handlers.done)
            running.handlers.done(*tagged);
        return;
    }
    if (const auto *cont = std::get_if<ContinuationRequest>(&response)) {
        for (Running &r : m_running) {
            if (r.handlers.continuation) {
                r.handlers.continuation(*cont);
                return;
            }
        }
        fail(ImapError{ImapError::Kind::Protocol, {}, QStringLiteral("unexpected continuation request"), {}});
        return;
    }
    if (const auto *status = std::get_if<StatusResponse>(&response)) {
        if (status->status == Status::Bye) {
            if (m_loggingOut)
                return; // the tagged OK follows
            fail(ImapError{ImapError::Kind::Bye, status->code, QString::fromUtf8(status->text), {}});
            return;
        }
        if (status->code.kind == ResponseCode::Kind::Capability)
            m_capabilities = status->code.list;
        if (status->code.kind == ResponseCode::Kind::Alert)
            qCWarning(lcImap) << "server alert:" << status->text;
    }
    if (const auto *caps = std::get_if<CapabilityData>(&response))
        m_capabilities = caps->capabilities;
    if (!m_running.isEmpty() && m_running.first().handlers.untagged) {
        m_running.first().handlers.untagged(response);
        return;
    }
    if (m_running.isEmpty())
        Q_EMIT unsolicited(response);
}

void Session::onEncrypted()
{
    if (m_state == State::StartingTls) {
        m_capabilities.clear(); // RFC 9051 §6.2.1: capabilities may change after TLS
        afterTls();
    }
}

void Session::afterTls()
{
    setState(State::Authenticating);
    if (m_capabilities.isEmpty())
        requestCapabilities([this] { authenticate(); });
    else
        authenticate();
}

void Session::requestCapabilities(std::function<void()> then)
{
    Handlers h;
    h.done = [this, then = std::move(then)](const TaggedResponse &r) {
        if (r.status != Status::Ok) {
            fail(ImapError{r.status == Status::No ? ImapError::Kind::No : ImapError::Kind::Bad, r.code,
                           QString::fromUtf8(r.text), {}});
            return;
        }
        then();
    };
    command("CAPABILITY", h);
}

void Session::authenticate()
{
    if (m_credentials.mechanism == Credentials::Mechanism::OAuth2) {
        authenticateOAuth2();
        return;
    }
    if (hasCapability("LOGINDISABLED") && !hasCapability("AUTH=PLAIN")) {
        fail(ImapError{ImapError::Kind::Unsupported, {}, QStringLiteral("the server allows no login here (LOGINDISABLED)"), {}});
        return;
    }
    const QByteArray user = m_credentials.userName.toUtf8();
    const QByteArray password = m_credentials.password.toUtf8();
    Handlers h;
    h.done = [this](const TaggedResponse &r) {
        if (r.status != Status::Ok) {
            fail(ImapError{ImapError::Kind::AuthenticationFailed, r.code, QString::fromUtf8(r.text), {}});
            return;
        }
        if (r.code.kind == ResponseCode::Kind::Capability)
            enableExtensions();
        else
            requestCapabilities([this] { enableExtensions(); });
    };
    if (hasCapability("AUTH=PLAIN")) {
        // RFC 4616: authzid NUL authcid NUL passwd, base64; RFC 4959 initial response.
        QByteArray plain;
        plain += '\0';
        plain += user;
        plain += '\0';
        plain += password;
        const QByteArray response = plain.toBase64();
        if (hasCapability("SASL-IR")) {
            command("AUTHENTICATE PLAIN " + response, h, true);
        } else {
            h.continuation = [this, response](const ContinuationRequest &) { sendContinuation(response + "\r\n", true); };
            command("AUTHENTICATE PLAIN", h);
        }
        return;
    }
    const QByteArray quotedUser = quoted(user);
    const QByteArray quotedPassword = quoted(password);
    if (quotedUser.isEmpty() || quotedPassword.isEmpty()) {
        fail(ImapError{ImapError::Kind::Unsupported, {}, QStringLiteral("credentials with line breaks need AUTH=PLAIN"), {}});
        return;
    }
    command("LOGIN " + quotedUser + ' ' + quotedPassword, h, true);
}

namespace {
/// RFC 5801 §5.1 saslname: ',' and '=' escaped.
QByteArray saslName(const QByteArray &user)
{
    QByteArray out = user;
    out.replace("=", "=3D");
    out.replace(",", "=2C");
    return out;
}
} // namespace

void Session::authenticateOAuth2()
{
    // RFC 7628 OAUTHBEARER is the standard; XOAUTH2 is Google's and Microsoft's older form.
    const bool bearer = hasCapability("AUTH=OAUTHBEARER");
    if (!bearer && !hasCapability("AUTH=XOAUTH2")) {
        fail(ImapError{ImapError::Kind::Unsupported, {},
                       QStringLiteral("the server offers no OAuth2 login (AUTH=OAUTHBEARER or AUTH=XOAUTH2)"), {}});
        return;
    }
    const QByteArray user = m_credentials.userName.toUtf8();
    const QByteArray token = m_credentials.password.toUtf8();
    QByteArray message;
    if (bearer) { // RFC 7628 §3.1: gs2-header kvsep host kvsep port kvsep auth kvsep kvsep
        message = "n,a=" + saslName(user) + ",\x01host=" + m_endpoint.host.toUtf8() + "\x01port="
            + QByteArray::number(m_endpoint.port) + "\x01" "auth=Bearer " + token + "\x01\x01";
    } else {
        message = "user=" + user + "\x01" "auth=Bearer " + token + "\x01\x01";
    }
    const QByteArray response = message.toBase64();
    const QByteArray mechanism = bearer ? "OAUTHBEARER" : "XOAUTH2";
    const bool initialResponse = hasCapability("SASL-IR");
    auto sent = std::make_shared<bool>(initialResponse);
    auto saslError = std::make_shared<QString>();
    Handlers h;
    h.continuation = [this, sent, saslError, response, bearer](const ContinuationRequest &c) {
        if (!*sent) {
            *sent = true;
            sendContinuation(response + "\r\n", true);
            return;
        }
        // RFC 7628 §3.2.2: a failed login first sends a JSON error as a challenge, which the
        // client answers (%x01 for OAUTHBEARER, an empty response for XOAUTH2) before the NO.
        *saslError = QString::fromUtf8(QByteArray::fromBase64(c.text.trimmed()));
        sendContinuation(bearer ? QByteArray("AQ==\r\n") : QByteArray("\r\n"));
    };
    h.done = [this, saslError](const TaggedResponse &r) {
        if (r.status != Status::Ok) {
            QString text = QString::fromUtf8(r.text);
            if (!saslError->isEmpty())
                text += QStringLiteral(" (%1)").arg(*saslError);
            fail(ImapError{ImapError::Kind::TokenRefused, r.code, text, {}});
            return;
        }
        if (r.code.kind == ResponseCode::Kind::Capability)
            enableExtensions();
        else
            requestCapabilities([this] { enableExtensions(); });
    };
    if (initialResponse)
        command("AUTHENTICATE " + mechanism + ' ' + response, h, true);
    else
        command("AUTHENTICATE " + mechanism, h);
}

void Session::enableExtensions()
{
    QByteArrayList wanted;
    if (hasCapability("QRESYNC"))
        wanted << "QRESYNC" << "CONDSTORE";
    else if (hasCapability("CONDSTORE"))
        wanted << "CONDSTORE";
    if (wanted.isEmpty() || !hasCapability("ENABLE")) {
        // CONDSTORE can be used without ENABLE (RFC 7162 §3.1); QRESYNC cannot.
        m_condstore = hasCapability("CONDSTORE");
        finishOpen();
        return;
    }
    Handlers h;
    h.untagged = [this](const Response &r) {
        if (const auto *e = std::get_if<EnabledData>(&r)) {
            m_qresync = m_qresync || e->capabilities.contains("QRESYNC");
            m_condstore = m_condstore || e->capabilities.contains("CONDSTORE") || m_qresync;
        }
    };
    h.done = [this](const TaggedResponse &) { finishOpen(); };
    command("ENABLE " + wanted.join(' '), h);
}

void Session::finishOpen()
{
    setState(State::Ready);
    Q_EMIT ready();
}

QByteArray Session::command(const QByteArray &text, Handlers handlers, bool secret)
{
    if (!m_transport || m_state == State::Failed || m_state == State::Closed || m_state == State::Disconnected)
        return {};
    const QByteArray tag = nextTag();
    m_running.append(Running{tag, std::move(handlers)});
    const QByteArray line = tag + ' ' + text + "\r\n";
    if (secret) {
        const qsizetype space = text.indexOf(' ', text.startsWith("AUTHENTICATE") ? 13 : 0);
        m_transport->writeSecret(line, tag + ' ' + text.left(space < 0 ? text.size() : space) + " <redacted>");
    } else {
        m_transport->write(line);
    }
    updateDeadline();
    return tag;
}

void Session::sendContinuation(const QByteArray &bytes, bool secret)
{
    if (!m_transport)
        return;
    if (secret)
        m_transport->writeSecret(bytes);
    else
        m_transport->write(bytes);
}

void Session::updateDeadline()
{
    if (!m_transport)
        return;
    if (m_running.isEmpty())
        m_transport->clearDeadline();
    else
        m_transport->setDeadline(Net::TransportError::Kind::CommandTimeout, m_commandTimeoutMs);
}

void Session::logout()
{
    if (m_state != State::Ready) {
        abort();
        return;
    }
    m_loggingOut = true;
    Handlers h;
    h.done = [this](const TaggedResponse &) {
        setState(State::Closed);
        if (m_transport)
            m_transport->close();
        Q_EMIT closed();
    };
    command("LOGOUT", h);
}

void Session::abort()
{
    m_running.clear();
    if (m_transport)
        m_transport->abort();
    setState(State::Closed);
}

void Session::fail(const ImapError &error)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    qCInfo(lcImap) << "session failed:" << error.message();
    m_running.clear();
    setState(State::Failed);
    if (m_transport)
        m_transport->abort();
    Q_EMIT failed(error);
}

void Session::onTransportError(const Net::TransportError &error)
{
    if (m_state == State::Closed)
        return;
    fail(ImapError{ImapError::Kind::Transport, {}, {}, error});
}

void Session::onDisconnected()
{
    if (m_state == State::Closed || m_state == State::Failed)
        return;
    if (m_loggingOut) {
        setState(State::Closed);
        Q_EMIT closed();
        return;
    }
    fail(ImapError{ImapError::Kind::Bye, {}, QStringLiteral("the server closed the connection"), {}});
}

} // namespace Mailtrail::Imap
