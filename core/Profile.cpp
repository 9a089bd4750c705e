// SPDX-License-Identifier: GPL-3.0-or-later
#include "Profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace Mailtrail {

Profile::Profile()
    : m_directory(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
{
}

Profile::Profile(const QString &directory)
    : m_directory(QFileInfo(directory).absoluteFilePath())
{
}

QString Profile::filePath(const QString &name) const
{
    return QDir(m_directory).filePath(name);
}

QString Profile::ensureExists() const
{
    if (m_directory.isEmpty())
        return QStringLiteral("No profile directory could be determined.");
    QFileInfo info(m_directory);
    if (info.exists() && !info.isDir())
        return QStringLiteral("The profile path %1 exists but is not a directory.").arg(m_directory);
    if (!info.exists()) {
        if (!QDir().mkpath(m_directory))
            return QStringLiteral("Cannot create the profile directory %1.").arg(m_directory);
        QFile::setPermissions(m_directory,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return {};
}

} // namespace Mailtrail
