// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/ImapAppend.h"

#include "imap/MailboxOperations.h"
#include "imap/Session.h"

#include <QPointer>

namespace Mailtrail::Sync {

namespace {

void append(QPointer<Imap::Session> session, const QByteArray &mailbox, const QByteArrayList &flags,
            const QByteArray &message, bool created, std::function<void(const AppendResult &)> done)
{
    if (Imap::Session::quoted(mailbox).isEmpty()) {
        done({false, 0, 0,
              QStringLiteral("The folder name %1 cannot be used").arg(QString::fromUtf8(mailbox))});
        return;
    }
    Imap::Operations::append(
        *session, mailbox, message, flags,
        [session, mailbox, flags, message, created, done](const Imap::AppendResult &result) {
            if (!result.error.isError()) {
                done({true, result.uidValidity, result.uid, {}});
                return;
            }
            // RFC 9051 §7.1: NO [TRYCREATE] — the folder does not exist yet; create it once.
            if (result.error.code.kind == Imap::ResponseCode::Kind::TryCreate && !created && session) {
                Imap::Session::Handlers create;
                create.done = [session, mailbox, flags, message, done](const Imap::TaggedResponse &) {
                    if (session)
                        append(session, mailbox, flags, message, true, done);
                };
                session->command("CREATE " + Imap::Session::quoted(mailbox), create);
                return;
            }
            done({false, 0, 0,
                  QStringLiteral("The IMAP server refused to store the message in %1: %2")
                      .arg(QString::fromUtf8(mailbox), result.error.text)});
        });
}

} // namespace

void appendMessage(Imap::Session *session, const QByteArray &mailbox, const QByteArray &flags,
                   const QByteArray &message, std::function<void(const AppendResult &)> done)
{
    QByteArrayList flagList;
    for (const QByteArray &flag : flags.split(' ')) {
        if (!flag.isEmpty())
            flagList.append(flag);
    }
    append(session, mailbox, flagList, message, false, std::move(done));
}

} // namespace Mailtrail::Sync
