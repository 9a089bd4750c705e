// SPDX-License-Identifier: GPL-3.0-or-later
#include "Version.h"

#include <QSslSocket>
#include <QStringList>

#include <gmime/gmime.h>

namespace Mailtrail {

QString version()
{
    return QStringLiteral(MAILTRAIL_VERSION);
}

QString activeTlsBackend()
{
    return QSslSocket::activeBackend();
}

QString checkTlsBackend()
{
    const QString backend = QSslSocket::activeBackend();
    if (backend != QLatin1String("openssl")) {
        return QStringLiteral("Mailtrail needs Qt's OpenSSL TLS backend, but the active backend is "
                              "\"%1\" (available: %2). Install the Qt OpenSSL plugin "
                              "(package libqt6network6) and OpenSSL 3 (libssl3).")
            .arg(backend.isEmpty() ? QStringLiteral("none") : backend,
                 QSslSocket::availableBackends().join(QStringLiteral(", ")));
    }
    if (!QSslSocket::supportsSsl()) {
        return QStringLiteral("Qt's OpenSSL TLS backend is active but OpenSSL could not be loaded "
                              "(built against %1). Install OpenSSL 3 (libssl3).")
            .arg(QSslSocket::sslLibraryBuildVersionString());
    }
    return {};
}

QString versionDetails()
{
    QStringList lines;
    lines << QStringLiteral("Mailtrail %1").arg(version());
    lines << QStringLiteral("Qt %1 (built with %2)").arg(QString::fromLatin1(qVersion()),
                                                         QStringLiteral(QT_VERSION_STR));
    lines << QStringLiteral("TLS backend: %1, %2")
                 .arg(activeTlsBackend(), QSslSocket::sslLibraryVersionString());
    lines << QStringLiteral("GMime %1.%2.%3")
                 .arg(gmime_major_version)
                 .arg(gmime_minor_version)
                 .arg(gmime_micro_version);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Mailtrail
