// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/ConnectionTest.h"

#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "smtp/SubmissionJob.h"

#include <QCoreApplication>

namespace Mailtrail::Sync {

ConnectionTest::ConnectionTest(Store::Account account, Credentials credentials, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credentials(std::move(credentials))
{
    qRegisterMetaType<ConnectionTestReport>();
}

Net::Transport *ConnectionTest::makeTransport(const AccountSync::TransportFactory &factory)
{
    Net::Transport *transport = factory ? factory(this) : new Net::SocketTransport(this);
    // A test never trusts by itself: the problem goes back to the caller, who may ask the
    // user and try again with the fingerprint pinned.
    connect(transport, &Net::Transport::certificateProblem, this,
        [this, transport](const Net::CertificateProblem &problem) {
            if (!m_report.certificate)
                m_report.certificate = problem;
            transport->answerCertificate(Net::CertificateDecision::Reject);
        });
    return transport;
}

void ConnectionTest::start()
{
    m_session = new Imap::Session(makeTransport(m_imapFactory), this);
    connect(m_session, &Imap::Session::ready, this, [this] {
        m_report.imapOk = true;
        m_session->logout();
        testSmtp();
    });
    connect(m_session, &Imap::Session::failed, this, [this](const Imap::ImapError &error) {
        if (m_report.imapOk)
            return; // after a successful login, a failing LOGOUT does not matter
        m_report.error = QCoreApplication::translate("ConnectionTest", "Incoming mail (IMAP): %1")
                             .arg(error.message());
        finish();
    });
    m_session->open(imapEndpoint(m_account), m_credentials.forImap(m_account));
}

void ConnectionTest::testSmtp()
{
    // The envelope is never used: the job is stopped when it reaches it.
    const Smtp::Envelope envelope = Smtp::Envelope::simple(m_account.email, { m_account.email });
    m_job = new Smtp::SubmissionJob(makeTransport(m_smtpFactory), smtpEndpoint(m_account),
        m_credentials.forSmtp(m_account), envelope, QByteArray("\r\n"), this);
    connect(
        m_job, &Smtp::SubmissionJob::stateChanged, this, [this](Smtp::SubmissionJob::State state) {
            if (state != Smtp::SubmissionJob::State::Envelope)
                return;
            // Greeting, EHLO, TLS and AUTH passed; MAIL FROM has not been written yet.
            m_report.smtpOk = true;
            m_report.dsnSupported = m_job->capabilities().dsn;
            m_report.smtpCapabilities = m_job->capabilities();
            m_job->abort();
        });
    connect(m_job, &Smtp::SubmissionJob::finished, this, [this] {
        if (!m_report.smtpOk)
            m_report.error
                = QCoreApplication::translate("ConnectionTest", "Outgoing mail (SMTP): %1")
                      .arg(m_job->error().message());
        finish();
    });
    m_job->start();
}

void ConnectionTest::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_report.ok())
        m_report.certificate.reset();
    // Emitted later: the job that just finished must not be deleted inside its own signal.
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(m_report); }, Qt::QueuedConnection);
}

} // namespace Mailtrail::Sync
