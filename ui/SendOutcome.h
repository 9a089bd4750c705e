// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Mailtrail::Sync {
struct OutboxEntry;
struct OutboxFlushReport;
}

namespace Mailtrail::Ui {

class MainWindow;

/// Tells the user how sending one outbox message ended (accepted, some recipients refused,
/// no delivery reports on offer, queued for a retry, refused, may have been sent), in the
/// status bar or the window's message bar.
void showSendOutcome(MainWindow &window, const Sync::OutboxEntry &entry);

/// What a whole outbox flush left to say: messages that may have been sent before a crash,
/// a Sent copy to be retried.
void showFlushOutcome(MainWindow &window, const Sync::OutboxFlushReport &report);

} // namespace Mailtrail::Ui
