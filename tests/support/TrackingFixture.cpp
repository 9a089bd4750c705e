// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingFixture.h"

#include "TestPaths.h"

#include <QFile>

namespace Mailtrail::Test {

QByteArray trackingFixture(const QString &name)
{
    QFile file(testData(QStringLiteral("data/tracking/") + name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 addThreeOutcomesMessage(Tracking::TrackingStore &store, const QDateTime &created,
                               const QString &account)
{
    using namespace Mailtrail::Tracking;
    NewSentMessage m;
    m.account = account;
    m.messageId = QStringLiteral("three@example.test");
    m.envid = QStringLiteral("ENV+1");
    m.subject = QStringLiteral("Three outcomes");
    m.sender = QStringLiteral("alice@example.test");
    m.createdAt = created;
    for (const char *who : {"bob", "carol", "ghost"}) {
        const QString address = QStringLiteral("%1@example.test").arg(QLatin1String(who));
        m.recipients.append({address, address, QStringLiteral("SUCCESS,FAILURE,DELAY")});
    }
    const auto id = store.addSentMessage(m);
    if (!id)
        return 0;
    Evidence accepted;
    accepted.kind = EvidenceKind::SubmissionAccepted;
    accepted.source = EvidenceSource::Smtp;
    accepted.time = created.addSecs(2);
    accepted.replyCode = 250;
    accepted.status = QStringLiteral("2.0.0");
    if (!store.recordSubmission(*id, accepted.time, true, QStringLiteral("4XYZ"),
                                QStringLiteral("250 2.0.0 Ok: queued as 4XYZ"),
                                {accepted, accepted, accepted}))
        return 0;
    return *id;
}

TempTrackingStore::TempTrackingStore()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return;
    }
    m_error = m_database.open(m_dir.filePath(QStringLiteral("tracking.sqlite")));
    if (m_error.isEmpty())
        m_store = std::make_unique<Tracking::TrackingStore>(m_database.connection());
}

bool TempTrackingStore::add(Tracking::SentMessageKeys &keys)
{
    using namespace Mailtrail::Tracking;
    if (!m_store)
        return false;
    NewSentMessage m;
    m.account = QStringLiteral("alice");
    m.messageId = Store::notNull(keys.messageId); // a returned mail without Message-ID
    m.envid = keys.envid;
    m.subject = keys.subject;
    m.sender = QStringLiteral("alice@example.test");
    m.createdAt = keys.submittedAt;
    for (qsizetype i = 0; i < keys.recipients.size(); ++i)
        m.recipients.append({keys.recipients.at(i), keys.originalRecipients.value(i),
                             QStringLiteral("SUCCESS,FAILURE,DELAY")});
    const auto id = m_store->addSentMessage(m);
    if (!id) {
        m_error = m_store->lastError();
        return false;
    }
    Evidence accepted;
    accepted.kind = EvidenceKind::SubmissionAccepted;
    accepted.source = EvidenceSource::Smtp;
    accepted.time = keys.submittedAt;
    accepted.replyCode = 250;
    const QList<Evidence> perRecipient(keys.recipients.size(), accepted);
    if (!m_store->recordSubmission(*id, keys.submittedAt, true, QString(), QString(), perRecipient)) {
        m_error = m_store->lastError();
        return false;
    }
    keys.id = *id;
    const auto stored = m_store->message(*id);
    keys.recipientIds = stored ? stored->recipientIds : QList<qint64>();
    return true;
}

} // namespace Mailtrail::Test
