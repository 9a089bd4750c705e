// SPDX-License-Identifier: GPL-3.0-or-later
// Fixture data for the UI tests and screenshots: one account with a folder tree, received
// mail (plain, HTML with remote images, an attachment, a read-receipt request) and sent
// mail in every interesting delivery state, fed through the real stores and ingest.
#pragma once

#include "AppContext.h"

#include <QDateTime>

#include <memory>

namespace Mailtrail::Ui {
class MainWindow;
}

namespace Mailtrail::Test {

struct UiFixture
{
    QDateTime now;
    qint64 accountId = 0;
    qint64 inbox = 0;
    qint64 sent = 0;
    qint64 archive = 0;
    qint64 threeOutcomes = 0; ///< tracking id: bob read, carol delivered, ghost failed
    qint64 delayed = 0;
    qint64 awaiting = 0;
    qint64 noDsn = 0;
    qint64 receiptRequestMessage = 0; ///< cache id of the INBOX mail asking for a read receipt
    qint64 htmlMessage = 0;           ///< cache id of the HTML mail with remote images
    qint64 attachmentMessage = 0;
    qint64 sentThreeOutcomes = 0;     ///< cache id of the Sent copy of threeOutcomes
    qint64 filedReport = 0;           ///< cache id of threeOutcomes' DSN, filed in Archive
};

/// Opens @p context over ":memory:" and fills it. Returns an error, empty on success.
[[nodiscard]] QString fillUiFixture(Ui::AppContext &context, UiFixture &fixture);

/// What most UI tests start from: a new @p context filled by fillUiFixture() and its main
/// window, 1280×800, shown and exposed. Returns an error, empty on success.
[[nodiscard]] QString openFixtureWindow(UiFixture &fixture, std::unique_ptr<Ui::AppContext> &context,
                                        std::unique_ptr<Ui::MainWindow> &window);

} // namespace Mailtrail::Test
