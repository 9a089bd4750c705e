// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Mailtrail::Ui {

/// What a mailto: URL asks to compose (RFC 6068).
struct MailtoFields
{
    QStringList to;
    QStringList cc;
    QStringList bcc;
    QString subject;
    QString body;
    QString inReplyTo;
    QString error; ///< non-empty: not a mailto: URL

    [[nodiscard]] bool isValid() const { return error.isEmpty(); }
    friend bool operator==(const MailtoFields &, const MailtoFields &) = default;
};

/// Parses a mailto: URL (RFC 6068 §2): addresses in the path and in `to=` (both kept, path
/// first), `cc`, `bcc`, `subject`, `body` (CRLF as %0D%0A becomes a line break) and
/// `in-reply-to`, percent-decoded as UTF-8 (§2 "UTF-8 … then percent-encoded"). Header
/// names are case-insensitive; unknown or unsafe ones are ignored (§6).
[[nodiscard]] MailtoFields parseMailto(const QString &url);

} // namespace Mailtrail::Ui
