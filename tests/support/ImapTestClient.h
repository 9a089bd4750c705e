// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSslSocket>
#include <QString>

namespace Mailtrail::Test {

class MailStack;

/// "Another client" for integration tests: a minimal blocking IMAPS client that logs in to
/// the test stack and runs raw commands (STORE, EXPUNGE, DELETE, CREATE, APPEND …).
/// A test tool only: blocking waits are fine here, never in product code.
class ImapTestClient
{
public:
    /// Connects over implicit TLS and logs in as @p user. Check errorString() afterwards.
    ImapTestClient(const MailStack &stack, const QString &user);
    [[nodiscard]] bool isReady() const { return m_error.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }
    /// Runs one command (without tag); returns everything the server sent up to and
    /// including the tagged reply, or an empty array (and errorString()) on NO/BAD/time-out.
    QByteArray run(const QByteArray &command);
    /// APPEND with a synchronising-free literal (LITERAL+).
    QByteArray append(const QByteArray &mailbox, const QByteArray &message);

private:
    QByteArray waitForTag(const QByteArray &tag);

    QSslSocket m_socket;
    QString m_error;
    int m_tag = 0;
};

/// Writes @p count small messages into the Maildir++ folder @p folder of @p user
/// (created if needed, owned by the mail user 5000). Returns an error text, empty on success.
[[nodiscard]] QString fillMaildirFolder(const MailStack &stack, const QString &user, const QString &folder,
                                        int count, int firstIndex = 0);

} // namespace Mailtrail::Test
