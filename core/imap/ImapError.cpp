// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/ImapError.h"

namespace Mailtrail::Imap {

QString toString(ImapError::Kind kind)
{
    switch (kind) {
    case ImapError::Kind::None: return QStringLiteral("None");
    case ImapError::Kind::Transport: return QStringLiteral("Transport");
    case ImapError::Kind::Protocol: return QStringLiteral("Protocol");
    case ImapError::Kind::AuthenticationFailed: return QStringLiteral("AuthenticationFailed");
    case ImapError::Kind::No: return QStringLiteral("No");
    case ImapError::Kind::Bad: return QStringLiteral("Bad");
    case ImapError::Kind::Bye: return QStringLiteral("Bye");
    case ImapError::Kind::Unsupported: return QStringLiteral("Unsupported");
    case ImapError::Kind::Aborted: return QStringLiteral("Aborted");
    case ImapError::Kind::TokenRefused: return QStringLiteral("TokenRefused");
    }
    return QStringLiteral("?");
}

QString ImapError::message() const
{
    QString trimmed = text.trimmed();
    while (trimmed.endsWith(QLatin1Char('.')))
        trimmed.chop(1);
    const QString server = trimmed.isEmpty() ? QString() : QStringLiteral(": %1").arg(trimmed);
    const QString codeText = code.kind == ResponseCode::Kind::None
        ? QString()
        : QStringLiteral(" [%1]").arg(QString::fromLatin1(code.name));
    switch (kind) {
    case Kind::None: return {};
    case Kind::Transport: return transport.message();
    case Kind::Protocol: return QStringLiteral("The IMAP server sent a reply Mailtrail cannot read%1; the connection was reset.").arg(server);
    case Kind::AuthenticationFailed: return QStringLiteral("The IMAP server rejected the user name or password%1%2.").arg(codeText, server);
    case Kind::No: return QStringLiteral("The IMAP server refused the command%1%2.").arg(codeText, server);
    case Kind::Bad: return QStringLiteral("The IMAP server did not understand the command%1%2.").arg(codeText, server);
    case Kind::Bye: return QStringLiteral("The IMAP server closed the connection%1.").arg(server);
    case Kind::Unsupported: return QStringLiteral("The IMAP server lacks a needed feature%1.").arg(server);
    case Kind::Aborted: return QStringLiteral("The IMAP connection was closed.");
    case Kind::TokenRefused: return QStringLiteral("The IMAP server refused the sign-in token%1%2.").arg(codeText, server);
    }
    return {};
}

} // namespace Mailtrail::Imap
