// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace Mailtrail::OAuth {

namespace {
QByteArray randomBase64Url(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; i += 4) {
        const quint32 value = QRandomGenerator::system()->generate();
        for (int k = 0; k < 4 && i + k < bytes; ++k)
            raw[i + k] = char((value >> (8 * k)) & 0xff);
    }
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

QByteArray newCodeVerifier()
{
    return randomBase64Url(32);
}

QByteArray codeChallengeS256(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray newState()
{
    return randomBase64Url(18);
}

} // namespace Mailtrail::OAuth
