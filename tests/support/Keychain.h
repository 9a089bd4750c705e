// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Mailtrail::Test {

/// Points this process at the private session bus of the ctest fixture "Keychain"
/// (scripts/test-keychain): reads the bus address from the file named by
/// MAILTRAIL_TEST_DBUS_ADDRESS_FILE and sets DBUS_SESSION_BUS_ADDRESS. Call it before anything
/// touches D-Bus (QtKeychain, QDBusConnection). Returns an error message, empty on success.
[[nodiscard]] QString useTestSessionBus();

} // namespace Mailtrail::Test
