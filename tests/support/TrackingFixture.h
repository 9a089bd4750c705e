// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/TrackingStore.h"

#include "store/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QTemporaryDir>

#include <memory>

namespace Mailtrail::Test {

/// A report mail from tests/data/tracking/ (postfix-three-outcomes.eml, mdn-displayed.eml,
/// unrelated-dsn.eml); empty when missing.
QByteArray trackingFixture(const QString &name);

/// Records the message that postfix-three-outcomes.eml reports on, as the outbox would:
/// "Three outcomes", Message-ID three@example.test, ENVID "ENV+1", to bob, carol and ghost
/// @example.test with NOTIFY=SUCCESS,FAILURE,DELAY, created at @p created and accepted by the
/// submission server 2 s later. Returns its tracking id, 0 on failure.
qint64 addThreeOutcomesMessage(Tracking::TrackingStore &store, const QDateTime &created,
                               const QString &account = QStringLiteral("alice"));

/// A real TrackingStore over SQLite in a temporary directory (removed with the object), for
/// tests that need a SentIndex: correlation is tested against the store the product uses.
class TempTrackingStore
{
public:
    TempTrackingStore();
    /// Empty when the database opened; the error otherwise.
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] Tracking::TrackingStore &store() { return *m_store; }

    /// Records a sent message with these keys as the outbox and the submission would
    /// (created and submitted at keys.submittedAt, every recipient accepted), and fills in
    /// keys.id and keys.recipientIds. originalRecipients, when given, are the ORCPTs.
    /// Returns false (and sets error()) on failure.
    bool add(Tracking::SentMessageKeys &keys);

private:
    QTemporaryDir m_dir;
    Store::Database m_database;
    std::unique_ptr<Tracking::TrackingStore> m_store;
    QString m_error;
};

} // namespace Mailtrail::Test
