// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Transport.h"

#include "net/Transcript.h"

#include <QTimer>

namespace Mailtrail::Net {

Q_LOGGING_CATEGORY(lcNet, "mailtrail.net", QtInfoMsg)

Transport::Transport(QObject *parent)
    : QObject(parent)
    , m_deadline(new QTimer(this))
{
    qRegisterMetaType<Mailtrail::Net::TransportError>();
    qRegisterMetaType<Mailtrail::Net::CertificateProblem>();
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        const auto kind = m_deadlineKind;
        qCDebug(lcNet) << "deadline expired:" << kindName(kind);
        fail(TransportError{kind, {}});
    });
}

Transport::~Transport() = default;

void Transport::abort()
{
    clearDeadline();
    if (m_state == State::Unconnected || m_state == State::Closed)
        return;
    m_failed = true; // no more signals
    abortStream();
    m_state = State::Closed;
}

void Transport::write(const QByteArray &bytes)
{
    if (m_transcriptEnabled) {
        flushPayloadSummary();
        emitLines(&m_clientPartial, bytes, true);
    }
    writeBytes(bytes);
}

void Transport::writeSecret(const QByteArray &bytes, const QByteArray &logAs)
{
    if (m_transcriptEnabled) {
        flushPayloadSummary();
        QByteArray logged = logAs;
        if (bytes.endsWith('\n') && !logged.endsWith('\n'))
            logged += "\r\n";
        emitLines(&m_clientPartial, logged, true);
    }
    writeBytes(bytes);
}

void Transport::writePayload(const QByteArray &bytes)
{
    m_inPayload = true;
    m_payloadBytes += bytes.size();
    writeBytes(bytes);
}

void Transport::finishPayload()
{
    if (m_transcriptEnabled)
        flushPayloadSummary();
    m_inPayload = false;
    m_payloadBytes = 0;
}

QByteArray Transport::readAll()
{
    QByteArray bytes;
    readAppend(bytes);
    return bytes;
}

void Transport::readAppend(QByteArray &buffer)
{
    const qsizetype before = buffer.size();
    readBytesInto(buffer);
    if (m_transcriptEnabled && buffer.size() > before) {
        flushPayloadSummary();
        emitLines(&m_serverPartial, buffer.sliced(before), false);
    }
}

void Transport::setDeadline(TransportError::Kind kind, int ms)
{
    m_deadlineKind = kind;
    m_deadline->start(ms);
}

void Transport::clearDeadline()
{
    m_deadline->stop();
    m_deadlineKind = TransportError::Kind::None;
}

void Transport::resetForConnect()
{
    m_failed = false;
    m_clientPartial.clear();
    m_serverPartial.clear();
    m_payloadBytes = 0;
    m_inPayload = false;
    clearDeadline();
}

void Transport::fail(const TransportError &error)
{
    if (m_failed)
        return;
    m_failed = true;
    clearDeadline();
    qCDebug(lcNet) << "transport error" << kindName(error.kind) << error.detail;
    if (m_transcriptEnabled)
        recordEvent("error: " + kindName(error.kind).toUtf8());
    abortStream();
    m_state = State::Closed;
    Q_EMIT errorOccurred(error);
}

void Transport::noteProgress()
{
    if (m_deadline->isActive())
        m_deadline->start();
}

void Transport::recordEvent(const QByteArray &text)
{
    if (!m_transcriptEnabled)
        return;
    flushPayloadSummary();
    Q_EMIT transcriptLine(formatTranscriptEntry({TranscriptEntry::Kind::Comment, text}));
}

void Transport::emitLines(QByteArray *partial, const QByteArray &bytes, bool client)
{
    partial->append(bytes);
    qsizetype start = 0;
    for (;;) {
        const qsizetype lf = partial->indexOf('\n', start);
        if (lf < 0)
            break;
        QByteArray line = partial->mid(start, lf - start);
        if (line.endsWith('\r'))
            line.chop(1);
        start = lf + 1;
        if (client)
            Q_EMIT transcriptLine(
                formatTranscriptEntry({TranscriptEntry::Kind::Client, redactClientLine(line)}));
        else
            Q_EMIT transcriptLine(formatTranscriptEntry({TranscriptEntry::Kind::Server, line}));
    }
    partial->remove(0, start);
}

void Transport::flushPayloadSummary()
{
    if (!m_inPayload && m_payloadBytes == 0)
        return;
    const qint64 count = m_payloadBytes;
    m_inPayload = false;
    m_payloadBytes = 0;
    Q_EMIT transcriptLine(
        formatTranscriptEntry({TranscriptEntry::Kind::Client, payloadSummary(count)}));
}

} // namespace Mailtrail::Net
