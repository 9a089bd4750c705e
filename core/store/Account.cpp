// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Account.h"

namespace Mailtrail::Store {

QString securityName(Security security)
{
    return security == Security::Tls ? QStringLiteral("tls") : QStringLiteral("starttls");
}

std::optional<Security> securityFromName(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("tls"))
        return Security::Tls;
    if (lower == QLatin1String("starttls"))
        return Security::StartTls;
    return std::nullopt;
}

QString readReceiptsName(ReadReceipts policy)
{
    switch (policy) {
    case ReadReceipts::Never: return QStringLiteral("never");
    case ReadReceipts::Ask: return QStringLiteral("ask");
    case ReadReceipts::Always: return QStringLiteral("always");
    }
    return QStringLiteral("ask");
}

std::optional<ReadReceipts> readReceiptsFromName(const QString &name)
{
    if (name == QLatin1String("never"))
        return ReadReceipts::Never;
    if (name == QLatin1String("ask"))
        return ReadReceipts::Ask;
    if (name == QLatin1String("always"))
        return ReadReceipts::Always;
    return std::nullopt;
}

QString signInName(SignIn signIn)
{
    return signIn == SignIn::OAuth2 ? QStringLiteral("oauth2") : QStringLiteral("password");
}

std::optional<SignIn> signInFromName(const QString &name)
{
    if (name == QLatin1String("password"))
        return SignIn::Password;
    if (name == QLatin1String("oauth2"))
        return SignIn::OAuth2;
    return std::nullopt;
}

QString Account::signInLabel() const
{
    return signIn == SignIn::OAuth2 ? QStringLiteral("oauth:") + oauthProvider : QStringLiteral("password");
}

std::optional<Endpoint> Endpoint::parse(const QString &text, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<Endpoint> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const qsizetype slash = text.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return fail(QStringLiteral("'%1' lacks /tls or /starttls").arg(text));
    const auto security = securityFromName(text.mid(slash + 1));
    if (!security)
        return fail(QStringLiteral("'%1': security must be tls or starttls").arg(text));
    const QString hostPort = text.left(slash);
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return fail(QStringLiteral("'%1' lacks HOST:PORT").arg(text));
    QString host = hostPort.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = hostPort.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return fail(QStringLiteral("'%1': port must be 1-65535").arg(text));
    if (host.isEmpty() || host.contains(QLatin1Char(' ')))
        return fail(QStringLiteral("'%1': bad host name").arg(text));
    return Endpoint{host, quint16(port), *security};
}

QString Endpoint::toString() const
{
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("%1:%2/%3").arg(h).arg(port).arg(securityName(security));
}

QString normalizeFingerprint(const QString &text)
{
    QString hex;
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c == QLatin1Char(' '))
            continue;
        hex += c.toLower();
    }
    if (hex.startsWith(QLatin1String("sha256")))
        hex = hex.mid(6);
    if (hex.size() != 64)
        return {};
    for (const QChar c : hex) {
        if (!c.isDigit() && (c < QLatin1Char('a') || c > QLatin1Char('f')))
            return {};
    }
    return hex;
}

} // namespace Mailtrail::Store
