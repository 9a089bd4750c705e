// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the everyday client (issue 19) for packaging/screenshots and the README:
// the composer with an identity and its signature, Settings → Accounts → Edit (both pages)
// and the Tracked view's empty state. Written only when MAILTRAIL_SCREENSHOT_DIR is set.
#pragma once

#include "UiFixture.h"

#include <QString>

namespace Mailtrail::Ui {
class MainWindow;
}

namespace Mailtrail::Test {

/// Grabs the screens into @p dir, file names ending in @p suffix ("" or "-de"). Returns an
/// error, empty on success.
[[nodiscard]] QString grabEverydayScreens(Ui::AppContext &context, Ui::MainWindow &window, const UiFixture &fixture,
                                          const QString &dir, const QString &suffix);

} // namespace Mailtrail::Test
