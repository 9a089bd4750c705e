// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedTransport.h"

#include "TestPaths.h"

#include <QFile>

namespace Mailtrail::Test {

using Net::TranscriptEntry;
using Net::TransportError;

ScriptedTransport::~ScriptedTransport()
{
    if (m_sink)
        *m_sink += m_mismatches;
    if (m_writtenSink)
        *m_writtenSink = m_written;
}

ScriptedTransport::ScriptedTransport(const QByteArray &script, QObject *parent)
    : Net::Transport(parent)
    , m_entries(Net::parseTranscript(script))
{
    setTranscriptEnabled(true);
    connect(this, &Net::Transport::transcriptLine, this, &ScriptedTransport::onLine);
}

QByteArray ScriptedTransport::fixture(const QString &relative)
{
    QFile file(testData(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString ScriptedTransport::remainingScript() const
{
    QStringList lines;
    for (qsizetype i = m_next; i < m_entries.size(); ++i)
        lines.append(QString::fromUtf8(Net::formatTranscriptEntry(m_entries.at(i))));
    return lines.join(QLatin1Char('\n'));
}

void ScriptedTransport::connectToEndpoint(const Net::Endpoint &target)
{
    resetForConnect();
    setEndpoint(target);
    setState(State::Connecting);
    ++m_connectCount;
    m_encrypted = target.security == Net::Security::ImplicitTls;
    QMetaObject::invokeMethod(this, [this] {
        while (m_next < m_entries.size() && m_entries.at(m_next).kind == TranscriptEntry::Kind::Comment)
            ++m_next;
        if (m_next < m_entries.size() && m_entries.at(m_next).kind == TranscriptEntry::Kind::Directive
            && m_entries.at(m_next).text == "refuse") {
            ++m_next;
            fail({TransportError::Kind::ConnectionRefused, endpoint().host});
            return;
        }
        m_open = true;
        setState(State::Connected);
        recordEvent("connected (script)");
        Q_EMIT connected();
        playServer();
    }, Qt::QueuedConnection);
}

void ScriptedTransport::startTls()
{
    setState(State::StartingTls);
    QMetaObject::invokeMethod(this, [this] {
        if (m_next < m_entries.size() && m_entries.at(m_next).kind == TranscriptEntry::Kind::Directive
            && m_entries.at(m_next).text == "tls-fail") {
            ++m_next;
            fail({TransportError::Kind::TlsFailed, QStringLiteral("scripted handshake failure")});
            return;
        }
        m_encrypted = true;
        setState(State::Connected);
        recordEvent("TLS established (script)");
        Q_EMIT encrypted();
        playServer();
    }, Qt::QueuedConnection);
}

void ScriptedTransport::close()
{
    if (!m_open)
        return;
    m_closedByClient = true;
    m_open = false;
    QMetaObject::invokeMethod(this, [this] {
        if (hasFailed())
            return;
        setState(State::Closed);
        Q_EMIT disconnected();
    }, Qt::QueuedConnection);
}

void ScriptedTransport::writeBytes(const QByteArray &bytes)
{
    if (!m_open)
        return;
    m_written += bytes;
    const qint64 size = bytes.size();
    QMetaObject::invokeMethod(this, [this, size] {
        if (m_open && !hasFailed()) {
            noteProgress();
            Q_EMIT bytesWritten(size);
        }
    }, Qt::QueuedConnection);
}

QByteArray ScriptedTransport::readBytes()
{
    QByteArray out;
    out.swap(m_inbound);
    return out;
}

void ScriptedTransport::abortStream()
{
    m_open = false;
}

void ScriptedTransport::onLine(const QByteArray &line)
{
    m_transcript.append(line);
    if (!line.startsWith("C: "))
        return;
    const QByteArray text = line.mid(3);
    while (m_next < m_entries.size() && m_entries.at(m_next).kind == TranscriptEntry::Kind::Comment)
        ++m_next;
    if (m_next >= m_entries.size() || m_entries.at(m_next).kind != TranscriptEntry::Kind::Client
        || m_entries.at(m_next).text != text) {
        const QString expected = m_next < m_entries.size()
            ? QString::fromUtf8(Net::formatTranscriptEntry(m_entries.at(m_next)))
            : QStringLiteral("(end of script)");
        m_mismatches.append(QStringLiteral("expected %1, client wrote \"C: %2\"")
                                .arg(expected, QString::fromUtf8(text)));
        QMetaObject::invokeMethod(this, [this] {
            fail({TransportError::Kind::Network, QStringLiteral("script mismatch")});
        }, Qt::QueuedConnection);
        return;
    }
    ++m_next;
    playServer();
}

void ScriptedTransport::playServer()
{
    while (!m_stalled && m_next < m_entries.size()) {
        const TranscriptEntry &entry = m_entries.at(m_next);
        if (entry.kind == TranscriptEntry::Kind::Client)
            break;
        if (entry.kind == TranscriptEntry::Kind::Server) {
            m_inbound += entry.text + "\r\n";
            ++m_next;
            continue;
        }
        if (entry.kind == TranscriptEntry::Kind::Comment) {
            ++m_next;
            continue;
        }
        // Directive
        if (entry.text == "tls-fail")
            break; // consumed by startTls()
        ++m_next;
        if (entry.text == "stall") {
            m_stalled = true;
        } else if (entry.text == "close") {
            scheduleDelivery();
            QMetaObject::invokeMethod(this, [this] {
                if (!m_open || hasFailed())
                    return;
                m_open = false;
                setState(State::Closed);
                recordEvent("closed by the server (script)");
                Q_EMIT disconnected();
            }, Qt::QueuedConnection);
            return;
        } else {
            m_mismatches.append(QStringLiteral("unknown directive !%1").arg(QString::fromUtf8(entry.text)));
        }
    }
    scheduleDelivery();
}

void ScriptedTransport::scheduleDelivery()
{
    if (m_inbound.isEmpty() || m_deliveryPending)
        return;
    m_deliveryPending = true;
    QMetaObject::invokeMethod(this, [this] {
        m_deliveryPending = false;
        if (!m_open || hasFailed() || m_inbound.isEmpty())
            return;
        noteProgress();
        Q_EMIT readyRead();
    }, Qt::QueuedConnection);
}

} // namespace Mailtrail::Test
