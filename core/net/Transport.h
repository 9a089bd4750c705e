// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Certificate.h"
#include "net/Endpoint.h"
#include "net/Transcript.h"
#include "net/TransportError.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QObject>

class QTimer;

namespace Mailtrail::Net {

Q_DECLARE_LOGGING_CATEGORY(lcNet)

/// A byte stream to a mail server, shared by SMTP and IMAP. Asynchronous, lives on the
/// GUI thread, never runs a nested event loop. SocketTransport is the real one (QSslSocket);
/// tests/support/ScriptedTransport replays a transcript in-process.
///
/// Signal contract: connected() once the stream is usable (after the handshake for implicit
/// TLS); encrypted() when a startTls() handshake completed; readyRead() when readAll() has
/// bytes; disconnected() when the peer closed (or after close()). errorOccurred() is
/// terminal: the stream is aborted and no other signal follows. certificateProblem() asks
/// the caller, who answers later with answerCertificate().
///
/// Writing goes through write() (protocol lines, logged as "C:"), writeSecret() (logged in
/// a redacted form) and writePayload()/finishPayload() (message data, logged as one
/// summary line). When the transcript is enabled each line is emitted as transcriptLine().
class Transport : public QObject
{
    Q_OBJECT
public:
    enum class State { Unconnected, Connecting, Connected, StartingTls, Closed };
    Q_ENUM(State)

    explicit Transport(QObject *parent = nullptr);
    ~Transport() override;

    /// Starts connecting; the result arrives as connected() or errorOccurred().
    virtual void connectToEndpoint(const Endpoint &endpoint) = 0;
    /// Starts the TLS handshake on a connected plaintext stream (after the protocol's
    /// STARTTLS was accepted); the result is encrypted() or errorOccurred().
    virtual void startTls() = 0;
    /// The answer to certificateProblem(); may be given at any later time.
    virtual void answerCertificate(CertificateDecision decision) = 0;
    [[nodiscard]] virtual bool isEncrypted() const = 0;
    /// Bytes accepted by write*() but not yet handed to the network.
    [[nodiscard]] virtual qint64 bytesToWrite() const = 0;
    /// Flushes and closes; disconnected() follows.
    virtual void close() = 0;
    /// Drops the connection at once, without any further signal.
    void abort();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const Endpoint &endpoint() const { return m_endpoint; }
    /// The peer's certificate chain once encrypted (leaf first); empty otherwise.
    [[nodiscard]] virtual QList<QSslCertificate> peerCertificateChain() const { return {}; }

    /// A protocol line or lines (with CRLF); logged as "C:" lines, with redactClientLine().
    void write(const QByteArray &bytes);
    /// Credentials; logged as logAs (e.g. "<redacted>") instead of the bytes.
    void writeSecret(const QByteArray &bytes, const QByteArray &logAs = RedactedMarker);
    /// Message data; counted, and logged as one "[payload N bytes]" line by finishPayload().
    void writePayload(const QByteArray &bytes);
    void finishPayload();
    /// Everything received so far; logged as "S:" lines.
    [[nodiscard]] QByteArray readAll();
    /// The same, appended to @p buffer: a reader that keeps its buffer (the IMAP parser)
    /// gets the bytes without a new array per read (a first sync of 100,000 messages spent
    /// 5 % of its main thread on the fresh pages of those arrays).
    void readAppend(QByteArray &buffer);

    /// Opt-in protocol transcript (see Transcript.h); lines come as transcriptLine().
    void setTranscriptEnabled(bool enabled) { m_transcriptEnabled = enabled; }
    [[nodiscard]] bool transcriptEnabled() const { return m_transcriptEnabled; }

    /// Arms a progress deadline: if neither bytes arrive nor written bytes leave within ms,
    /// the transport fails with TransportError{kind}. Replaces any previous deadline.
    void setDeadline(TransportError::Kind kind, int ms);
    void clearDeadline();

Q_SIGNALS:
    void connected();
    void encrypted();
    void readyRead();
    void bytesWritten(qint64 bytes);
    void disconnected();
    void errorOccurred(const Mailtrail::Net::TransportError &error);
    void certificateProblem(const Mailtrail::Net::CertificateProblem &problem);
    void transcriptLine(const QByteArray &line);

protected:
    /// Implementations: hand bytes to the stream / take the received bytes / drop the
    /// stream without signals.
    virtual void writeBytes(const QByteArray &bytes) = 0;
    virtual QByteArray readBytes() = 0;
    /// Appends the received bytes to @p buffer; by default through readBytes().
    virtual void readBytesInto(QByteArray &buffer) { buffer.append(readBytes()); }
    virtual void abortStream() = 0;

    void setEndpoint(const Endpoint &endpoint) { m_endpoint = endpoint; }
    void setState(State state) { m_state = state; }
    /// Resets the error latch and transcript buffers for a new connection.
    void resetForConnect();
    /// Aborts the stream and emits errorOccurred() once.
    void fail(const TransportError &error);
    [[nodiscard]] bool hasFailed() const { return m_failed; }
    /// Restarts the progress deadline, if armed.
    void noteProgress();
    /// A "# …" line in the transcript.
    void recordEvent(const QByteArray &text);

private:
    void emitLines(QByteArray *partial, const QByteArray &bytes, bool client);
    void flushPayloadSummary();

    Endpoint m_endpoint;
    State m_state = State::Unconnected;
    bool m_failed = false;
    bool m_transcriptEnabled = false;
    QByteArray m_clientPartial;
    QByteArray m_serverPartial;
    qint64 m_payloadBytes = 0;
    bool m_inPayload = false;
    QTimer *m_deadline = nullptr;
    TransportError::Kind m_deadlineKind = TransportError::Kind::None;
};

} // namespace Mailtrail::Net
