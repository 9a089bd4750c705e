// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Certificate.h"

#include <QCryptographicHash>
#include <cctype>
#include <QStringList>

namespace Mailtrail::Net {

QString CertificateProblem::errorText() const
{
    QStringList lines;
    for (const QSslError &error : errors)
        lines.append(error.errorString());
    return lines.join(QLatin1Char('\n'));
}

QByteArray sha256Fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256);
}

QString fingerprintToHex(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QByteArray fingerprintFromHex(const QString &text)
{
    QByteArray hex;
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c.isSpace())
            continue;
        if (c.unicode() > 0x7f || !std::isxdigit(static_cast<unsigned char>(c.toLatin1())))
            return {};
        hex.append(c.toLatin1());
    }
    const QByteArray digest = QByteArray::fromHex(hex);
    return digest.size() == 32 && hex.size() == 64 ? digest : QByteArray();
}

} // namespace Mailtrail::Net
