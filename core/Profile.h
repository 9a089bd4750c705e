// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Mailtrail {

/// Where one user's Mailtrail data lives: the SQLite database, cached bodies, logs.
/// Defaults to QStandardPaths::AppDataLocation; `--profile DIR` on either executable
/// overrides it, so tests and the demo never touch a user's real profile.
class Profile
{
public:
    /// The default profile of the current user.
    Profile();
    /// A profile rooted at @p directory (created on demand by ensureExists()).
    explicit Profile(const QString &directory);

    [[nodiscard]] QString directory() const { return m_directory; }
    /// Path of a file inside the profile.
    [[nodiscard]] QString filePath(const QString &name) const;
    /// The SQLite database of the profile (mail cache, accounts, tracking).
    [[nodiscard]] QString databasePath() const { return filePath(QStringLiteral("mailtrail.sqlite")); }
    /// Creates the directory (mode 0700) if needed. Returns an error text, empty on success.
    [[nodiscard]] QString ensureExists() const;

private:
    QString m_directory;
};

} // namespace Mailtrail
