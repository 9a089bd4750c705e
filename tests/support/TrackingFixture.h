// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/TrackingStore.h"

#include <QByteArray>
#include <QDateTime>

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

} // namespace Mailtrail::Test
