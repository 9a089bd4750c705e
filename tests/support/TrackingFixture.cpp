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

} // namespace Mailtrail::Test
