// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/OutboxSender.h"

#include "imap/Session.h"
#include "mime/TransportEncoding.h"
#include "net/SocketTransport.h"
#include "smtp/SubmissionJob.h"
#include "store/FolderRepository.h"
#include "sync/AccountSync.h"
#include "sync/ImapAppend.h"
#include "sync/SubmissionCapabilities.h"

#include <QMetaMethod>
#include <limits>

namespace Mailtrail::Sync {

Q_LOGGING_CATEGORY(lcOutbox, "mailtrail.outbox", QtWarningMsg)

namespace {

using Category = Smtp::SubmissionError::Category;

/// A refusal that sending again will not change: 5xx at MAIL, for every RCPT, or for the
/// data (RFC 5321 §4.2.1). A wrong password or a certificate problem is not one: the user
/// fixes the account and the message goes out then.
bool isPermanentRefusal(const Smtp::SubmissionError &error, const Smtp::SubmissionResult &result)
{
    switch (error.category) {
    case Category::SenderRejected:
    case Category::MessageTooLarge:
    case Category::Utf8Unsupported:
    case Category::EightBitUnsupported:
    case Category::MessageRejected:
        return !error.isTemporary();
    case Category::AllRecipientsRejected:
        for (const auto &r : result.recipients) {
            if (r.replyCode >= 400 && r.replyCode < 500)
                return false; // someone may be accepted later
        }
        return true;
    default:
        return false;
    }
}

} // namespace

OutboxSender::OutboxSender(
    Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credentials(std::move(credentials))
    , m_db(db)
    , m_store(db)
{
    qRegisterMetaType<OutboxFlushReport>();
}

OutboxSender::~OutboxSender() = default;

void OutboxSender::setClock(OutboxStore::Clock clock)
{
    m_store = OutboxStore(m_db, std::move(clock), m_store.leaseOwner());
}

Net::Transport *OutboxSender::makeTransport(const TransportFactory &factory)
{
    Net::Transport *transport = factory ? factory(this) : new Net::SocketTransport(this);
    connect(transport, &Net::Transport::certificateProblem, this,
        [this, transport](const Net::CertificateProblem &problem) {
            if (isSignalConnected(QMetaMethod::fromSignal(&OutboxSender::certificateProblem)))
                Q_EMIT certificateProblem(problem);
            else
                transport->answerCertificate(Net::CertificateDecision::Reject);
        });
    return transport;
}

void OutboxSender::flush()
{
    if (m_running)
        return;
    m_running = true;
    m_report = {};
    m_reencoded.clear();
    if (!m_recoveryDone) {
        m_recoveryDone = true;
        m_report.recovered = m_store.markInterrupted(m_account.name);
        if (m_report.recovered > 0)
            qCWarning(lcOutbox) << m_report.recovered
                                << "message(s) may have been sent before an interruption";
    }
    m_queue = m_store.due(m_account.name,
        m_ignoreBackoff ? QDateTime::fromMSecsSinceEpoch(std::numeric_limits<qint64>::max() / 2)
                        : m_store.now());
    if (!m_only.isEmpty())
        m_queue.removeIf([this](qint64 id) { return !m_only.contains(id); });
    sendNext();
}

void OutboxSender::sendNext()
{
    if (m_queue.isEmpty()) {
        startSentCopies();
        return;
    }
    const qint64 id = m_queue.takeFirst();
    const auto entry = m_store.entry(id);
    if (!entry || entry->state != OutboxState::Queued) {
        sendNext();
        return;
    }
    // Issue 15 §5: the lease first, in one UPDATE that checks the row is still queued and no
    // other live sender has it. Another process flushing the same outbox skips the row.
    if (!m_store.claim(id)) {
        qCInfo(lcOutbox) << "message" << id << "is not ours to send:" << m_store.lastError();
        sendNext();
        return;
    }
    if (!m_report.attempted.contains(id))
        m_report.attempted.append(id);
    // Built for the capabilities last seen; if the server offered less since, the stored
    // bytes are re-encoded first, so that the row always holds what is sent.
    QByteArray bytes = entry->bytes;
    if (const auto known = SubmissionCapabilityStore(m_db).find(m_account.name)) {
        const Mime::AdaptedMessage adapted
            = Mime::adaptToTransport(bytes, transportCapabilities(known->capabilities));
        if (adapted.ok() && adapted.changed) {
            if (m_store.replaceBytes(id, adapted.bytes))
                bytes = adapted.bytes;
            else
                qCWarning(lcOutbox) << "outbox database:" << m_store.lastError();
        }
    }
    m_afterFinalDot = false;
    m_transmittingRecorded = false;
    m_claimLost = false;
    if (m_transport)
        m_transport->deleteLater();
    m_transport = makeTransport(m_smtpFactory);
    auto *job = new Smtp::SubmissionJob(m_transport, smtpEndpoint(m_account),
        m_credentials.forSmtp(m_account), entry->envelope(), bytes, this);
    m_job = job;
    connect(job, &Smtp::SubmissionJob::stateChanged, this,
        [this, id, job](Smtp::SubmissionJob::State state) {
            if (state == Smtp::SubmissionJob::State::SendingData) {
                // Crash safety: recorded before any payload byte, so before the final dot.
                // The UPDATE only succeeds from Queued, so when two processes flush the same
                // outbox only one of them sends the data; the other gives up without touching it.
                if (!m_store.markTransmitting(id)) {
                    qCWarning(lcOutbox) << "cannot claim the message for transmission; not sending:"
                                        << m_store.lastError();
                    m_claimLost = true;
                    job->abort();
                    return;
                }
                m_transmittingRecorded = true;
            } else if (state == Smtp::SubmissionJob::State::AwaitingFinalReply) {
                m_afterFinalDot = true;
            }
        });
    connect(job, &Smtp::SubmissionJob::finished, this, [this, id] { onJobFinished(id); });
    job->start();
}

void OutboxSender::onJobFinished(qint64 id)
{
    Smtp::SubmissionJob *job = m_job;
    if (!job)
        return;
    job->deleteLater();
    const Smtp::SubmissionResult result = job->result();
    const Smtp::SubmissionError error = job->error();
    bool ok = true;
    if (job->capabilitiesKnown()) {
        SubmissionCapabilityStore capabilities(m_db);
        if (!capabilities.record(m_account.name, job->capabilities(), m_store.now()))
            qCWarning(lcOutbox) << "outbox database:" << capabilities.lastError();
    }
    if (m_claimLost) {
        // Someone else sends it (or the database failed): its state is not ours to change;
        // only our lease is given back, if it is still ours.
        (void)m_store.release(id);
    } else if (error.category == Category::Utf8Unsupported
               || error.category == Category::EightBitUnsupported) {
        // Checked before MAIL FROM: nothing was sent. Re-encode for what the server offers
        // now and send again at once; only a UTF-8 address truly needs SMTPUTF8.
        ok = reencodeOrFail(id, job->capabilities(), result, error);
    } else if (job->succeeded() && result.sent()) {
        if (!m_transmittingRecorded)
            ok = m_store.markTransmitting(id);
        ok = ok && m_store.recordSent(id, result);
        qCInfo(lcOutbox) << "message" << id << "sent, queue id" << result.queueId;
    } else if (m_afterFinalDot && !result.finalReply.isValid()) {
        ok = m_store.markUncertain(id,
            QStringLiteral("The connection was lost after the whole message was transmitted and "
                           "before the server "
                           "confirmed it, so it may have been sent. Check the recipient's copy or "
                           "your Sent folder, "
                           "then resend it or mark it as sent. (%1)")
                .arg(error.transport.message()));
        qCWarning(lcOutbox) << "message" << id << "may have been sent";
    } else if (isPermanentRefusal(error, result)) {
        ok = m_store.recordFailed(id, error.message(), result);
        qCWarning(lcOutbox) << "message" << id << "refused:" << error.message();
    } else {
        ok = m_store.scheduleRetry(id, error.message(), result);
        qCInfo(lcOutbox) << "message" << id << "stays queued:" << error.message();
    }
    if (!ok)
        qCWarning(lcOutbox) << "outbox database:" << m_store.lastError();
    Q_EMIT messageFinished(id);
    sendNext();
}

bool OutboxSender::reencodeOrFail(qint64 id, const Smtp::Capabilities &offered,
    const Smtp::SubmissionResult &result, const Smtp::SubmissionError &error)
{
    const auto entry = m_store.entry(id);
    if (!entry)
        return false;
    if (!offered.smtpUtf8) {
        const Smtp::Envelope envelope = entry->envelope();
        QString address = Smtp::needsUtf8(envelope.from) ? envelope.from : QString();
        for (const auto &r : envelope.recipients) {
            if (address.isEmpty() && Smtp::needsUtf8(r.address))
                address = r.address;
        }
        if (!address.isEmpty()) {
            // RFC 6531 §3.2: an internationalised address has no ASCII form to fall back to.
            qCWarning(lcOutbox) << "message" << id << "refused: needs SMTPUTF8";
            return m_store.recordFailed(id,
                QStringLiteral("The address %1 contains non-ASCII characters, which this "
                               "server cannot take (it does not offer SMTPUTF8, RFC 6531). "
                               "Nothing was sent.")
                    .arg(address),
                result);
        }
    }
    const Mime::AdaptedMessage adapted
        = Mime::adaptToTransport(entry->bytes, transportCapabilities(offered));
    if (adapted.ok() && adapted.changed && !m_reencoded.contains(id)) {
        if (!m_store.replaceBytes(id, adapted.bytes))
            return false;
        m_reencoded.insert(id);
        m_queue.prepend(id);
        qCInfo(lcOutbox) << "message" << id << "re-encoded for the server, sending again";
        return true;
    }
    const QString why = adapted.ok() ? error.message()
                                     : QStringLiteral("The message cannot be sent through this "
                                                      "server: %1. Nothing was sent.")
                                           .arg(adapted.error);
    qCWarning(lcOutbox) << "message" << id << "refused:" << why;
    return m_store.recordFailed(id, why, result);
}

QByteArray OutboxSender::sentMailbox() const
{
    // RFC 6154 §2: the folder with the \Sent special-use attribute, from the folder cache.
    if (m_account.id > 0) {
        const auto folders = Store::FolderRepository(m_db).list(m_account.id);
        for (const auto &folder : folders) {
            if (folder.specialUse.compare(QLatin1String("\\Sent"), Qt::CaseInsensitive) == 0)
                return folder.wireName;
        }
        for (const auto &folder : folders) {
            if (folder.name.compare(QLatin1String("Sent"), Qt::CaseInsensitive) == 0)
                return folder.wireName;
        }
    }
    return "Sent";
}

void OutboxSender::startSentCopies()
{
    if (!m_sentCopyEnabled) {
        finishFlush();
        return;
    }
    m_copyQueue = m_store.sentCopiesDue(m_account.name,
        m_ignoreBackoff ? QDateTime::fromMSecsSinceEpoch(std::numeric_limits<qint64>::max() / 2)
                        : m_store.now());
    if (!m_only.isEmpty())
        m_copyQueue.removeIf([this](qint64 id) { return !m_only.contains(id); });
    if (m_copyQueue.isEmpty()) {
        finishFlush();
        return;
    }
    auto *transport = makeTransport(m_imapFactory);
    if (lcOutbox().isDebugEnabled()) {
        transport->setTranscriptEnabled(true); // credentials are redacted in the transcript
        connect(transport, &Net::Transport::transcriptLine, this,
            [](const QByteArray &line) { qCDebug(lcOutbox) << line; });
    }
    m_session = new Imap::Session(transport, this);
    transport->setParent(m_session);
    connect(m_session, &Imap::Session::ready, this, &OutboxSender::appendNext);
    connect(m_session, &Imap::Session::failed, this, [this](const Imap::ImapError &error) {
        for (const qint64 id : std::as_const(m_copyQueue)) {
            if (!m_store.scheduleSentCopyRetry(id, error.message()))
                qCWarning(lcOutbox) << "outbox database:" << m_store.lastError();
        }
        m_copyQueue.clear();
        m_report.sentCopyError = error.message();
        finishFlush();
    });
    connect(m_session, &Imap::Session::closed, this, &OutboxSender::finishFlush);
    m_session->open(imapEndpoint(m_account),
        m_credentials.forImap(m_account));
}

void OutboxSender::appendNext()
{
    // Only the copies this sender leases: another process may be storing the others.
    while (!m_copyQueue.isEmpty() && !m_store.claimSentCopy(m_copyQueue.first()))
        m_copyQueue.removeFirst();
    if (m_copyQueue.isEmpty()) {
        m_session->logout();
        return;
    }
    appendTo(m_copyQueue.first(), sentMailbox());
}

void OutboxSender::appendTo(qint64 id, const QByteArray &mailbox)
{
    const auto entry = m_store.entry(id);
    if (!entry) {
        m_copyQueue.removeAll(id);
        appendNext();
        return;
    }
    appendMessage(
        m_session, mailbox, "\\Seen", entry->bytes, [this, id](const AppendResult &result) {
            if (result.ok) {
                if (!m_store.markSentCopyDone(id))
                    qCWarning(lcOutbox) << "outbox database:" << m_store.lastError();
                m_report.sentCopies.append(id);
            } else {
                if (!m_store.scheduleSentCopyRetry(id, result.error))
                    qCWarning(lcOutbox) << "outbox database:" << m_store.lastError();
                m_report.sentCopyError = result.error;
            }
            m_copyQueue.removeAll(id);
            appendNext();
        });
}

void OutboxSender::finishFlush()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_session) {
        m_session->disconnect(this);
        m_session->deleteLater();
    }
    Q_EMIT finished(m_report);
}

} // namespace Mailtrail::Sync
