// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Transcript.h"
#include "net/Transport.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Mailtrail::Test {

/// An in-process Transport that replays a transcript (format: net/Transcript.h) as the
/// server. "S:" lines are sent (with CRLF) as soon as every "C:" line before them was
/// written by the client; each client line is compared with the next "C:" line, after the
/// same redaction the protocol log applies (so a user's redacted log is a valid script).
/// A mismatch fails the transport (TransportError::Kind::Network, detail "script mismatch")
/// and is listed in mismatches(). Comments ("# …") are ignored.
///
/// Directives: `!refuse` (as the first entry: connection refused), `!tls-fail` (the next
/// startTls() fails), `!close` (the server closes the connection), `!stall` (the server
/// stops answering; the client's deadline should fire).
///
/// The fake keeps its transcript enabled (it matches on it); connect to transcriptLine()
/// to see it too.
class ScriptedTransport : public Net::Transport
{
    Q_OBJECT
public:
    explicit ScriptedTransport(const QByteArray &script, QObject *parent = nullptr);
    /// Reads a fixture file below tests/ (see TestPaths.h), e.g. "data/smtp/x.transcript".
    [[nodiscard]] static QByteArray fixture(const QString &relative);

    void connectToEndpoint(const Net::Endpoint &endpoint) override;
    void startTls() override;
    void answerCertificate(Net::CertificateDecision) override { }
    [[nodiscard]] bool isEncrypted() const override { return m_encrypted; }
    [[nodiscard]] qint64 bytesToWrite() const override { return 0; }
    void close() override;

    /// Differences between the script and what the client wrote; empty when all matched.
    [[nodiscard]] QStringList mismatches() const { return m_mismatches; }
    /// Where the mismatches go when the transport is deleted (by code that owns it, such as
    /// a session retiring a connection), so a test can still check them afterwards.
    void keepMismatchesIn(QStringList *sink) { m_sink = sink; }
    /// Likewise for written(): copied to @p sink when the transport is deleted.
    void keepWrittenIn(QByteArray *sink) { m_writtenSink = sink; }
    ~ScriptedTransport() override;
    /// True when every entry of the script was used.
    [[nodiscard]] bool scriptFinished() const { return m_next >= m_entries.size(); }
    /// The entries not reached yet, formatted, for failure messages.
    [[nodiscard]] QString remainingScript() const;
    /// All bytes the client wrote, unredacted (to check dot-stuffing, BDAT sizes …).
    [[nodiscard]] QByteArray written() const { return m_written; }
    /// The transcript lines seen so far.
    [[nodiscard]] QList<QByteArray> transcript() const { return m_transcript; }
    [[nodiscard]] int connectCount() const { return m_connectCount; }
    [[nodiscard]] bool closedByClient() const { return m_closedByClient; }

protected:
    void writeBytes(const QByteArray &bytes) override;
    QByteArray readBytes() override;
    void abortStream() override;

private:
    void onLine(const QByteArray &line);
    void playServer();
    void scheduleDelivery();

    QList<Net::TranscriptEntry> m_entries;
    qsizetype m_next = 0;
    QByteArray m_inbound;
    QByteArray m_written;
    QList<QByteArray> m_transcript;
    QStringList m_mismatches;
    QStringList *m_sink = nullptr;
    QByteArray *m_writtenSink = nullptr;
    bool m_encrypted = false;
    bool m_deliveryPending = false;
    bool m_stalled = false;
    bool m_closedByClient = false;
    bool m_open = false;
    int m_connectCount = 0;
};

} // namespace Mailtrail::Test
